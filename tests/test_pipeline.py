"""The pipeline's contract: checked, merged, numbered facts; clear errors on bad input."""

from __future__ import annotations

from datetime import date, datetime

import pytest

import factkit
from factkit.errors import InputError, UnknownExtractorError
from factkit.batch import extract_many
from factkit.pipeline import Pipeline, parse_published
from factkit.schema import SCHEMA_VERSION, Argument, Event


TEXT = ("Kenyan President William Ruto met Tanzanian President Samia Suluhu Hassan in Arusha on "
        "Tuesday. \"We are neighbours and partners,\" Ruto said after the talks.")


@pytest.mark.parametrize("value, expected", [
    (None, None), ("", None), ("2024-02-17", date(2024, 2, 17)),
    ("2024-02-17T09:30:00Z", date(2024, 2, 17)), (date(2020, 1, 2), date(2020, 1, 2)),
    (datetime(2020, 1, 2, 3, 4), date(2020, 1, 2)),
])
def test_parse_published_accepts_dates_and_iso_strings(value, expected):
    assert parse_published(value) == expected


@pytest.mark.parametrize("value, expected", [
    ("Sat, 17 Feb 2024 10:00:00 GMT", date(2024, 2, 17)), ("17 February 2024", date(2024, 2, 17)),
    ("Feb. 16, 2024", date(2024, 2, 16)), ("17/02/2024", date(2024, 2, 17)),
    ("17.02.2024", date(2024, 2, 17)),
])
def test_parse_published_reads_feed_and_page_formats(value, expected):
    assert parse_published(value) == expected


@pytest.mark.parametrize("value", ["03/04/2024", "2024-02-30", "yesterday", "March 1", "2024",
                                   "soon", 20240217])
def test_parse_published_rejects_anything_else_with_a_clear_message(value):
    with pytest.raises(InputError, match="invalid publication date"):
        parse_published(value)


@pytest.mark.parametrize("text", ["", "   \n\t  "])
def test_empty_text_is_an_input_error(builtin_pipeline, text):
    with pytest.raises(InputError, match="empty text"):
        builtin_pipeline.extract(text)


def test_non_string_text_is_an_input_error(builtin_pipeline):
    with pytest.raises(InputError, match="must be a string"):
        builtin_pipeline.extract(b"bytes")  # type: ignore[arg-type]


def test_result_envelope(builtin_pipeline):
    result = builtin_pipeline.extract(TEXT, published="2024-05-08", doc_id="a1")
    assert result.schema_version == SCHEMA_VERSION
    assert result.document.id == "a1" and result.document.published == "2024-05-08"
    assert result.errors == []


def test_facts_are_numbered_in_text_order(plugin_manager):
    class TwoStorms:
        @factkit.hookimpl
        def register_extractors(self, register):
            def find(doc):  # yields the later storm first
                yield Event(type="storm", evidence=[doc.span(27, 32)])
                yield Event(type="storm", status="planned", evidence=[doc.span(2, 7)])
            register(factkit.Extractor(name="storms", extract=find))

    plugin_manager.register(TwoStorms(), name="storms-plugin")
    result = Pipeline(plugin_manager, only=["storms"]).extract("A storm came, then another storm.")
    assert [(e.id, e.evidence[0].start) for e in result.events] == [("ev1", 2), ("ev2", 27)]
    assert not result.errors


def test_duplicates_merge_keeping_all_evidence(plugin_manager):
    class Repeats:
        @factkit.hookimpl
        def register_extractors(self, register):
            def find(doc):
                for start in (20, 2, 20):
                    yield Event(type="storm", arguments=[Argument(role="other", text="storm")],
                                evidence=[doc.span(start, start + 5)], confidence=start / 100)
                yield Event(type="storm", status="planned", evidence=[doc.span(2, 7)])
            register(factkit.Extractor(name="repeats", extract=find))

    plugin_manager.register(Repeats(), name="repeats-plugin")
    result = Pipeline(plugin_manager, only=["repeats"]).extract("A storm, a wind, a storm.")
    occurred = [e for e in result.events if e.status == "occurred"]
    assert len(occurred) == 1
    assert [(s.start, s.end) for s in occurred[0].evidence] == [(2, 7), (20, 25)]
    assert occurred[0].confidence == 0.2
    assert len(result.events) == 2


def test_unknown_entity_id_is_rejected(plugin_manager):
    class Dangling:
        @factkit.hookimpl
        def register_extractors(self, register):
            def find(doc):
                yield Event(type="storm", arguments=[Argument(role="other", entity="e999",
                                                              text="x")],
                            evidence=[doc.span(0, 1)])
            register(factkit.Extractor(name="dangling", extract=find))

    plugin_manager.register(Dangling(), name="dangling-plugin")
    result = Pipeline(plugin_manager, only=["dangling"]).extract("Some text here.")
    assert result.events == []
    assert "unknown entity id 'e999'" in result.errors[0].message


def test_only_and_disable_select_extractors(plugin_manager):
    assert [r.name for r in Pipeline(plugin_manager, only=["meetings"]).extractors] == ["meetings"]
    names = [r.name for r in Pipeline(plugin_manager, disable=["meetings"]).extractors]
    assert "meetings" not in names and "statements" in names


def test_unknown_extractor_name_lists_the_known_ones(plugin_manager):
    with pytest.raises(UnknownExtractorError, match="unknown extractor.*nosuch.*known: .*meetings"):
        Pipeline(plugin_manager, only=["nosuch"])


def test_holds_position_relations_come_from_the_analysis(builtin_pipeline):
    result = builtin_pipeline.extract("Brazilian Foreign Minister Mauro Vieira arrived in Lima "
                                      "on Monday for a regional summit.")
    positions = [r for r in result.relations if r.type == "holds_position"]
    assert positions, result.relations
    relation = positions[0]
    person = {e.id: e for e in result.entities}[relation.subject.entity]
    assert person.name == "Mauro Vieira"
    assert relation.object.text == "Foreign Minister"
    assert relation.attributes.get("organization") == "Brazil"


def test_top_level_extract_and_extract_many():
    result = factkit.extract(TEXT, published="2024-05-08")
    assert isinstance(result, factkit.ExtractionResult)
    many = list(extract_many([TEXT, {"id": "x", "text": TEXT, "published": "2024-05-08"}]))
    assert [r.document.id for r in many] == [None, "x"]
    assert many[1].model_dump() == factkit.extract(TEXT, published="2024-05-08",
                                                   doc_id="x").model_dump()


def test_extract_many_names_the_bad_record():
    records = iter([TEXT, {"id": "no-text"}])
    results = extract_many(records)
    next(results)
    with pytest.raises(InputError, match="record 1: no 'text' field"):
        next(results)


def test_import_factkit_is_cheap():
    import subprocess
    import sys

    code = ("import sys, factkit; heavy = [m for m in ('pydantic', 'pluggy', 'dateparser', "
            "'regex', 'factkit.pipeline') if m in sys.modules]; print(heavy)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"
