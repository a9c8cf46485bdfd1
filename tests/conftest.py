"""Shared fixtures: an isolated plugin manager, a pipeline of built-ins, span checks."""

from __future__ import annotations

import pytest

from factkit.pipeline import Pipeline
from factkit.plugins import get_plugin_manager
from factkit.schema import ExtractionResult

from .helpers import all_spans


@pytest.fixture
def plugin_manager():
    """A fresh manager with only the built-ins, so installed plugins never leak into tests."""
    return get_plugin_manager(entry_points=False)


@pytest.fixture(scope="session")
def builtin_pipeline() -> Pipeline:
    return Pipeline(get_plugin_manager(entry_points=False))


@pytest.fixture
def assert_spans_valid():
    def check(text: str, result: ExtractionResult) -> None:
        for span in all_spans(result):
            assert 0 <= span.start <= span.end <= len(text)
            assert text[span.start:span.end] == span.text
    return check
