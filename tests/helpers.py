"""Helpers the tests share (not fixtures: plain functions)."""

from __future__ import annotations

from collections.abc import Iterator

from factkit.facts import spans_of
from factkit.schema import ExtractionResult, Span


def all_spans(result: ExtractionResult) -> Iterator[Span]:
    """Every span of every entity mention and fact in a result."""
    for entity in result.entities:
        yield from entity.mentions
    for fact in [*result.events, *result.statements, *result.relations]:
        yield from spans_of(fact)
