"""factkit.testing: the pytest helpers plugin authors opt into."""

from __future__ import annotations

import subprocess
import sys
import textwrap

import pluggy
import pytest

from factkit import Event, Extractor, hookimpl
from factkit.plugins import DEFAULT_PLUGINS
from factkit.schema import ExtractionResult, Span
from factkit.testing import assert_spans_match, assert_valid_result

pytest_plugins = ["factkit.testing", "pytester"]

TEXT = "A storm hit the coast on Monday."


class Storms:
    @staticmethod
    def find(doc):
        start = doc.text.find("storm")
        yield Event(type="storm", evidence=[doc.span(start, start + 5)])

    @hookimpl
    def register_extractors(self, register):
        register(Extractor(name="storms", extract=self.find, produces=("event:storm",)))

    @hookimpl
    def register_lexicon(self, lexicon):
        lexicon.add_entity("Coastal Storm Office", "organization", aliases=["CSO"])


def test_the_manager_holds_only_the_builtins(factkit_plugin_manager):
    names = {name for name, plugin in factkit_plugin_manager.list_name_plugin() if plugin is not None}
    assert names == set(DEFAULT_PLUGINS)


def test_a_registered_plugin_takes_part_in_extraction(register_plugin, factkit_extract):
    assert register_plugin(Storms(), name="storms") == "storms"
    result = factkit_extract(TEXT, published="2024-03-05")
    assert [(e.type, e.extractor) for e in result.events] == [("storm", "storms")]


def test_only_and_disable_pick_extractors(register_plugin, factkit_extract):
    register_plugin(Storms())
    assert factkit_extract(TEXT, disable=["storms"]).events == []
    assert [e.type for e in factkit_extract(TEXT, only=["storms"]).events] == ["storm"]


def test_a_plugin_lives_for_one_test_only(factkit_extract):
    assert factkit_extract(TEXT).events == []


def test_a_misspelled_hook_fails_at_registration(register_plugin):
    class Typo:
        @hookimpl
        def register_extractor(self, register):
            pass

    with pytest.raises(pluggy.PluginValidationError):
        register_plugin(Typo(), name="typo")


def test_analyse_uses_the_registered_lexicon(register_plugin, factkit_analyse):
    register_plugin(Storms())
    doc = factkit_analyse("Forecasters at the CSO issued a warning.")
    assert doc.entity_by_name("CSO").name == "Coastal Storm Office"


def test_valid_result_passes():
    assert_valid_result(ExtractionResult(), "any text")


@pytest.mark.parametrize("broken, message", [
    ({"schema_version": "0"}, "schema_version"),
    ({"events": [{"type": "storm", "status": "maybe"}]}, "events/0/status"),
    ({"entities": [{"id": "e1", "type": "person", "name": "X", "colour": "red"}]}, "entities/0"),
])
def test_invalid_result_fails_naming_the_place(broken, message):
    data = {**ExtractionResult().model_dump(mode="json"), **broken}
    with pytest.raises(pytest.fail.Exception, match=message):
        assert_valid_result(data)


def test_a_span_that_does_not_match_the_text_fails():
    result = ExtractionResult(events=[Event(id="ev1", type="storm",
                                            evidence=[Span(start=2, end=7, text="storm")])])
    assert_spans_match(result, TEXT)
    with pytest.raises(pytest.fail.Exception, match="ev1: 2-7"):
        assert_spans_match(result, "A gale hit the coast.")


def test_a_plugin_authors_test_file_opts_in(pytester):
    pytester.makepyfile(test_author=textwrap.dedent('''
        pytest_plugins = ["factkit.testing"]

        def test_extract(factkit_extract):
            assert factkit_extract("Officials met on Monday.").schema_version == "1"
    '''))
    pytester.runpytest("-p", "no:cacheprovider").assert_outcomes(passed=1)


def test_without_opting_in_there_are_no_factkit_fixtures(pytester):
    pytester.makepyfile(test_author="def test_extract(factkit_extract):\n    pass\n")
    pytester.runpytest("-p", "no:cacheprovider").assert_outcomes(errors=1)


def test_importing_factkit_does_not_import_pytest():
    code = ("import sys, factkit, factkit.pipeline, factkit.plugins; "
            "factkit.extract('Officials met on Monday.'); print('pytest' in sys.modules)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True,
                         env={"FACTKIT_LOAD_PLUGINS": "", "PATH": ""})
    assert out.stdout.strip() == "False"
