"""The plugin host: built-ins and third parties through one API, failures isolated."""

from __future__ import annotations

import pluggy
import pytest

from factkit import hookimpl
from factkit.pipeline import Pipeline
from factkit.plugins import DEFAULT_PLUGINS, PluginError, PluginHost, get_plugin_manager

from . import plugin_samples as samples

TEXT = "A storm hit the coast on Monday. Officials said the damage was limited."


def test_builtins_register_the_four_extractors(plugin_manager):
    names = set(PluginHost(plugin_manager).extractors())
    assert {"meetings", "statements", "sanctions", "agreements"} <= names


def test_builtins_are_plain_modules_using_the_public_hookimpl(plugin_manager):
    for module_name in DEFAULT_PLUGINS:
        plugin = plugin_manager.get_plugin(module_name)
        assert plugin is not None
        assert hasattr(plugin.register_extractors, "factkit_impl")


def test_third_party_plugin_appears_in_describe_and_produces_facts(plugin_manager):
    plugin_manager.register(samples.WeatherPlugin(), name="weather-plugin")
    host = PluginHost(plugin_manager)
    info = {p.name: p for p in host.describe()}["weather-plugin"]
    assert info.builtin is False
    assert info.hooks == ["register_extractors"]
    assert info.extractors == [{"name": "weather", "produces": ["event:storm"],
                                "description": "Storms, for tests."}]
    result = Pipeline(plugin_manager).extract(TEXT)
    storms = [e for e in result.events if e.type == "storm"]
    assert len(storms) == 1 and storms[0].extractor == "weather"
    assert storms[0].evidence[0].text == "storm"


def test_duplicate_extractor_name_names_both_plugins(plugin_manager):
    plugin_manager.register(samples.DuplicateNamePlugin(), name="copycat")
    with pytest.raises(PluginError) as info:
        PluginHost(plugin_manager).extractors()
    assert "'meetings'" in str(info.value)
    assert "factkit.extractors.meetings" in str(info.value) and "copycat" in str(info.value)


@pytest.mark.parametrize("plugin, name, fragment", [
    (samples.RaisingPlugin(), "boom", "RuntimeError: the extractor broke"),
    (samples.BadSpanPlugin(), "badspan", "does not match the text"),
    (samples.WrongTypePlugin(), "wrongtype", "expected Event, Statement or Relation"),
    (samples.ConstructedInvalidPlugin(), "sneaky", "invalid Event"),
])
def test_misbehaving_extractor_is_reported_and_others_still_run(plugin_manager, plugin, name,
                                                                 fragment):
    plugin_manager.register(samples.WeatherPlugin(), name="weather-plugin")
    plugin_manager.register(plugin, name=f"{name}-plugin")
    result = Pipeline(plugin_manager).extract(TEXT)
    errors = [e for e in result.errors if e.name == name]
    assert len(errors) == 1
    assert errors[0].stage == "extractor" and errors[0].plugin == f"{name}-plugin"
    assert fragment in errors[0].message
    assert [e.type for e in result.events if e.extractor == "weather"] == ["storm"]


def test_bad_span_drops_only_the_bad_fact(plugin_manager):
    plugin_manager.register(samples.BadSpanPlugin(), name="badspan-plugin")
    result = Pipeline(plugin_manager, only=["badspan"]).extract(TEXT)
    assert [e.evidence[0].text for e in result.events] == ["A"]


def test_lexicon_hook_reaches_the_analysis(plugin_manager):
    plugin_manager.register(samples.LexiconPlugin(), name="lexicon-plugin")
    pipeline = Pipeline(plugin_manager)
    doc = pipeline.analyse("Researchers at the ZBI published a report on Tuesday.")
    record = doc.entity_by_name("ZBI")
    assert record is not None and record.name == "Zorblax Institute"


def test_post_processing_hook_sees_each_result(plugin_manager):
    plugin_manager.register(samples.WeatherPlugin(), name="weather-plugin")
    plugin_manager.register(samples.TaggingPlugin(), name="tagger")
    result = Pipeline(plugin_manager).extract(TEXT)
    assert result.events and all(e.attributes.get("tagged") is True for e in result.events)


def test_failing_post_processor_is_rolled_back_and_reported(plugin_manager):
    plugin_manager.register(samples.WeatherPlugin(), name="weather-plugin")
    plugin_manager.register(samples.BreakingPostProcessor(), name="breaker")
    result = Pipeline(plugin_manager).extract(TEXT)
    assert [e.type for e in result.events] == ["storm"]
    assert [(e.stage, e.name) for e in result.errors] == [("postprocess", "breaker")]


def test_misspelled_hookimpl_fails_loudly():
    class Typo:
        @hookimpl
        def register_extractor(self, register):  # missing "s"
            pass

    pm = get_plugin_manager(entry_points=False)
    pm.register(Typo(), name="typo")
    with pytest.raises(pluggy.PluginValidationError):
        pm.check_pending()


class _FakeDist:
    name, version = "factkit-broken", "9.9"


class _FakeEntryPoint:
    def __init__(self, name, loader):
        self.name, self._loader, self.dist = name, loader, _FakeDist()

    def load(self):
        return self._loader()


def _fake_entry_points(monkeypatch, points):
    monkeypatch.setattr("factkit.plugins.metadata.entry_points", lambda group: points)


def test_plugin_that_fails_to_import_is_reported_and_skipped(monkeypatch, capsys):
    def explode():
        raise ImportError("No module named 'missing_dependency'")

    _fake_entry_points(monkeypatch, [_FakeEntryPoint("broken", explode),
                                     _FakeEntryPoint("weather", samples.WeatherPlugin)])
    monkeypatch.delenv("FACTKIT_LOAD_PLUGINS", raising=False)
    pm = get_plugin_manager()
    assert "broken" in capsys.readouterr().err
    assert [f.plugin for f in pm.load_failures] == ["broken"]
    assert "weather" in PluginHost(pm).extractors()


@pytest.mark.parametrize("selection, expected", [("", set()), ("weather", {"weather"}),
                                                 ("weather,other", {"weather", "other"})])
def test_factkit_load_plugins_selects_entry_points(monkeypatch, selection, expected):
    class Other:
        @hookimpl
        def register_extractors(self, register):
            from factkit.extractor import Extractor
            register(Extractor(name="other", extract=lambda doc: []))

    _fake_entry_points(monkeypatch, [_FakeEntryPoint("weather", samples.WeatherPlugin),
                                     _FakeEntryPoint("other", Other)])
    monkeypatch.setenv("FACTKIT_LOAD_PLUGINS", selection)
    names = set(PluginHost(get_plugin_manager()).extractors())
    assert names - {"meetings", "statements", "sanctions", "agreements"} == expected


def test_trace_plugins_logs_hook_calls(monkeypatch, capsys):
    monkeypatch.setenv("FACTKIT_TRACE_PLUGINS", "1")
    PluginHost(get_plugin_manager(entry_points=False)).extractors()
    err = capsys.readouterr().err
    assert "register_extractors -> factkit.extractors.meetings" in err
