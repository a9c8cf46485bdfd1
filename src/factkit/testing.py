"""Pytest helpers for plugin authors; opt in with ``pytest_plugins = ["factkit.testing"]``.

Modelled on tox's ``tox.pytest``: fixtures give each test a fresh plugin
manager holding only factkit's built-ins (installed plugins never leak in),
so a test registers exactly the plugin it is about. Every result the
``factkit_extract`` fixture returns has been checked against the published
JSON Schema and the text, because a plugin's output is only useful if
consumers can rely on that contract.

This module imports pytest, so factkit itself never imports it; the schema
check needs ``jsonschema`` (both come with ``pip install 'factkit[dev]'``).
Failures are reported with ``pytest.fail``, so the module needs no assertion
rewriting and may be imported before pytest loads it: PYTEST_DONT_REWRITE.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Sequence
from functools import lru_cache
from importlib import resources
from typing import Any, Protocol

import pytest

from .analysis import AnalysedDocument
from .facts import spans_of
from .pipeline import Pipeline, PublishedLike
from .plugins import FactkitPluginManager, get_plugin_manager
from .schema import ExtractionResult, json_schema

__all__ = [
    "ExtractFixture",
    "assert_spans_match",
    "assert_valid_result",
    "factkit_analyse",
    "factkit_extract",
    "factkit_plugin_manager",
    "published_schema",
    "register_plugin",
]


class ExtractFixture(Protocol):
    """What ``factkit_extract`` returns: call it like :meth:`Pipeline.extract`."""

    def __call__(self, text: str, *, published: PublishedLike = None, doc_id: str | None = None,
                 only: Sequence[str] | None = None, disable: Sequence[str] = ()) -> ExtractionResult:
        ...


@lru_cache(maxsize=1)
def published_schema() -> dict[str, Any]:
    """The JSON Schema factkit ships (``factkit/data/result.schema.json``), as consumers see it."""
    path = resources.files("factkit") / "data" / "result.schema.json"
    if path.is_file():
        return json.loads(path.read_text(encoding="utf-8"))
    return json_schema()


@lru_cache(maxsize=1)
def _validator() -> Any:
    try:
        import jsonschema
    except ImportError as exc:  # pragma: no cover - depends on the environment
        raise RuntimeError("factkit.testing needs jsonschema: pip install 'factkit[dev]'") from exc
    schema = published_schema()
    return jsonschema.validators.validator_for(schema)(schema)


def assert_valid_result(result: ExtractionResult | dict[str, Any], text: str | None = None) -> None:
    """Fail unless ``result`` validates against the published JSON Schema (and, given ``text``,
    every span matches it)."""
    data = result.model_dump(mode="json") if isinstance(result, ExtractionResult) else result
    errors = sorted(_validator().iter_errors(data), key=lambda e: list(e.absolute_path))
    if errors:
        lines = [f"  at {'/'.join(map(str, e.absolute_path)) or '(root)'}: {e.message}"
                 for e in errors[:10]]
        pytest.fail("result does not validate against factkit's JSON Schema:\n" + "\n".join(lines),
                    pytrace=False)
    if text is not None:
        assert_spans_match(ExtractionResult.model_validate(data), text)


def assert_spans_match(result: ExtractionResult, text: str) -> None:
    """Fail unless every mention and evidence span satisfies ``text[start:end] == span.text``."""
    bad = []
    for entity in result.entities:
        spans = [(f"entity {entity.id}", s) for s in entity.mentions]
        bad.extend(f"{where}: {s.start}-{s.end} {s.text!r}" for where, s in spans
                   if text[s.start:s.end] != s.text)
    for fact in [*result.events, *result.statements, *result.relations]:
        bad.extend(f"{fact.id or type(fact).__name__}: {s.start}-{s.end} {s.text!r}"
                   for s in spans_of(fact) if text[s.start:s.end] != s.text)
    if bad:
        pytest.fail("spans that do not match the text:\n  " + "\n  ".join(bad), pytrace=False)


@pytest.fixture
def factkit_plugin_manager() -> FactkitPluginManager:
    """A fresh plugin manager with only factkit's built-in plugins, private to this test."""
    return get_plugin_manager(entry_points=False)


@pytest.fixture
def register_plugin(factkit_plugin_manager: FactkitPluginManager) -> Callable[..., str]:
    """``register_plugin(plugin, name=None)`` adds a plugin (module or object) for this test only.

    Returns the name it was registered under; hook names are checked at once,
    so a misspelled hook fails here rather than silently doing nothing.
    """
    def register(plugin: object, name: str | None = None) -> str:
        registered = factkit_plugin_manager.register(plugin, name=name)
        if registered is None:
            pytest.fail(f"plugin {name or plugin!r} is blocked in this plugin manager", pytrace=False)
        factkit_plugin_manager.check_pending()
        return registered

    return register


@pytest.fixture
def factkit_extract(factkit_plugin_manager: FactkitPluginManager) -> ExtractFixture:
    """``factkit_extract(text, published=..., only=..., disable=...)`` -> a checked ExtractionResult.

    The pipeline is built at call time, so every plugin registered before the
    call takes part. The result is validated against the published JSON
    Schema and its spans against ``text`` before it is returned.
    """
    def extract(text: str, *, published: PublishedLike = None, doc_id: str | None = None,
                only: Sequence[str] | None = None, disable: Sequence[str] = ()) -> ExtractionResult:
        pipeline = Pipeline(factkit_plugin_manager, only=only, disable=disable)
        result = pipeline.extract(text, published=published, doc_id=doc_id)
        assert_valid_result(result, text)
        return result

    return extract


@pytest.fixture
def factkit_analyse(factkit_plugin_manager: FactkitPluginManager) -> Callable[..., AnalysedDocument]:
    """``factkit_analyse(text, published=...)`` -> the AnalysedDocument an extractor receives,
    for unit-testing an ``extract`` function on its own."""
    def analyse(text: str, *, published: PublishedLike = None,
                doc_id: str | None = None) -> AnalysedDocument:
        return Pipeline(factkit_plugin_manager).analyse(text, published=published, doc_id=doc_id)

    return analyse
