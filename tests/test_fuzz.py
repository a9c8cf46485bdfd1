"""The whole pipeline on generated news-like text: exact spans, no errors, determinism, the schema.

The text comes from tests/strategies.py: wire-style sentences of every kind the
extractors handle, page junk, datelines, and damage (control characters,
zero-width and no-break spaces, emoji, arbitrary insertions).
"""

from __future__ import annotations

import json
from importlib import resources

import jsonschema
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from factkit.facts import entity_ids_of
from factkit.pipeline import Pipeline
from factkit.plugins import get_plugin_manager

from .helpers import all_spans
from .strategies import article, news_text

PIPELINE = Pipeline(get_plugin_manager(entry_points=False))
OTHER = Pipeline(get_plugin_manager(entry_points=False))
SCHEMA = json.loads((resources.files("factkit") / "data" / "result.schema.json").read_text("utf-8"))
VALIDATOR = jsonschema.Draft202012Validator(SCHEMA)
SETTINGS = settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.too_slow])
PUBLISHED = st.sampled_from([None, "2024-02-29", "1999-12-31", "2025-03-14"])


@SETTINGS
@given(news_text.filter(lambda t: t.strip()), PUBLISHED)
def test_every_result_is_exact_complete_and_schema_valid(text, published):
    result = PIPELINE.extract(text, published=published, doc_id="fuzz")
    assert not result.errors, result.errors
    for span in all_spans(result):
        assert 0 <= span.start <= span.end <= len(text)
        assert text[span.start:span.end] == span.text
    ids = {e.id for e in result.entities}
    for fact in [*result.events, *result.statements, *result.relations]:
        assert fact.evidence
        assert set(entity_ids_of(fact)) <= ids
    VALIDATOR.validate(json.loads(result.to_json()))


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(news_text.filter(lambda t: t.strip()), article(), PUBLISHED)
def test_same_text_same_bytes_whatever_came_before(text, other, published):
    first = PIPELINE.extract(text, published=published).to_json()
    PIPELINE.extract(other, published=published)
    assert PIPELINE.extract(text, published=published).to_json() == first
    assert OTHER.extract(text, published=published).to_json() == first


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(article())
def test_line_ends_do_not_change_the_facts(text):
    """CRLF or lone CR instead of LF: the same facts, with spans that still index each text."""
    lf = text.replace("\r\n", "\n").replace("\r", "\n")

    def facts(source: str) -> list[tuple]:
        result = PIPELINE.extract(source, published="2025-03-14")
        for span in all_spans(result):
            assert source[span.start:span.end] == span.text
        return [(f.type if hasattr(f, "type") else "statement", " ".join(f.evidence[0].text.split()))
                for f in [*result.events, *result.statements, *result.relations]]

    expected = facts(lf)
    assert facts(lf.replace("\n", "\r\n")) == expected
    assert facts(lf.replace("\n", "\r")) == expected
