"""An extractor that runs too long is stopped and reported; the others' facts stand."""

from __future__ import annotations

import threading
import time

import pytest

from factkit import Event, Extractor, hookimpl
from factkit.cli import DEFAULT_TIME_LIMIT as CLI_DEFAULT
from factkit.pipeline import DEFAULT_TIME_LIMIT, Pipeline

from . import plugin_samples as samples

TEXT = "A storm hit the coast on Monday. Officials said the damage was limited."


class Spinner:
    """Never returns and never yields: only a timer can stop it."""

    @hookimpl
    def register_extractors(self, register):
        def spin(doc):
            while True:
                pass
            yield  # pragma: no cover
        register(Extractor(name="spin", extract=spin))


class Dawdler:
    """Yields a fact now and then, forever."""

    @hookimpl
    def register_extractors(self, register):
        def dawdle(doc):
            while True:
                yield Event(type="tick", evidence=[doc.span(0, 1)])
                time.sleep(0.05)
        register(Extractor(name="dawdle", extract=dawdle))


def _pipeline(plugin_manager, plugin, limit):
    plugin_manager.register(samples.WeatherPlugin(), name="weather-plugin")
    plugin_manager.register(plugin, name="slow-plugin")
    return Pipeline(plugin_manager, time_limit=limit)


def test_a_spinning_extractor_is_stopped_in_the_main_thread(plugin_manager):
    start = time.monotonic()
    result = _pipeline(plugin_manager, Spinner(), 0.3).extract(TEXT)
    assert time.monotonic() - start < 10
    [error] = [e for e in result.errors if e.name == "spin"]
    assert error.plugin == "slow-plugin" and "time limit of 0.3 s" in error.message
    assert [e.type for e in result.events if e.extractor == "weather"] == ["storm"]


def test_a_slow_extractor_is_stopped_between_facts_in_a_worker_thread(plugin_manager):
    pipeline = _pipeline(plugin_manager, Dawdler(), 0.3)
    box = {}
    worker = threading.Thread(target=lambda: box.setdefault("r", pipeline.extract(TEXT)))
    worker.start()
    worker.join(10)
    result = box["r"]
    [error] = [e for e in result.errors if e.name == "dawdle"]
    assert "kept the" in error.message
    assert any(e.type == "tick" for e in result.events)  # what it found in time is kept
    assert [e.type for e in result.events if e.extractor == "weather"] == ["storm"]


def test_the_timer_is_cleared_after_each_extractor(plugin_manager):
    pipeline = _pipeline(plugin_manager, Spinner(), 0.2)
    pipeline.extract(TEXT)
    time.sleep(0.3)  # a leftover alarm would fire here and kill the test run


def test_time_limit_must_be_positive(plugin_manager):
    with pytest.raises(ValueError):
        Pipeline(plugin_manager, time_limit=0)


def test_cli_default_matches_the_library():
    assert CLI_DEFAULT == DEFAULT_TIME_LIMIT
