"""The output contract: models, committed JSON Schema, and the keys FACTS.md promises."""

from __future__ import annotations

import json
from importlib import resources

import jsonschema
import pytest
from pydantic import ValidationError

from factkit.schema import (
    SCHEMA_VERSION,
    Argument,
    DateValue,
    Entity,
    EntityRef,
    Event,
    ExtractionResult,
    Location,
    Relation,
    Span,
    Statement,
    json_schema,
)

COMMITTED = resources.files("factkit") / "data" / "result.schema.json"


def test_committed_schema_matches_the_models():
    committed = json.loads(COMMITTED.read_text(encoding="utf-8"))
    assert committed == json_schema(), (
        "src/factkit/data/result.schema.json is stale: run `make schema` and commit it")


def _sample() -> ExtractionResult:
    span = Span(start=0, end=7, text="Wang Yi")
    return ExtractionResult(
        document={"id": "d1", "published": "2024-02-17"},
        entities=[Entity(id="e1", type="person", name="Wang Yi", aliases=["Wang"], mentions=[span])],
        events=[Event(id="ev1", type="meeting", arguments=[Argument(role="participant",
                                                                    entity="e1", text="Wang")],
                      attributes={"occasion": "summit"},
                      date=DateValue(text="on Friday", value="2024-02-16", precision="day"),
                      location=Location(text="Munich"), evidence=[span], confidence=0.9,
                      extractor="meetings")],
        statements=[Statement(id="s1", speaker=EntityRef(entity="e1", text="Wang"), kind="direct",
                              cue="said", content="Hello", evidence=[span])],
        relations=[Relation(id="r1", type="holds_position",
                            subject=EntityRef(entity="e1", text="Wang Yi"),
                            object=EntityRef(text="Foreign Minister"),
                            attributes={"organization": "China"}, evidence=[span])],
    )


def test_output_has_the_contract_keys():
    data = json.loads(_sample().to_json())
    assert list(data)[:6] == ["schema_version", "document", "entities", "events", "statements",
                              "relations"]
    assert data["schema_version"] == SCHEMA_VERSION
    assert set(data["entities"][0]) >= {"id", "type", "name", "aliases", "mentions"}
    assert set(data["events"][0]) >= {"id", "type", "status", "arguments", "attributes", "date",
                                      "location", "evidence", "confidence", "extractor"}
    assert set(data["statements"][0]) >= {"id", "speaker", "addressee", "kind", "cue", "content",
                                          "source", "date", "evidence", "confidence", "extractor"}
    assert set(data["relations"][0]) >= {"id", "type", "subject", "object", "attributes",
                                         "evidence"}


def test_output_validates_against_the_published_schema():
    jsonschema.validate(json.loads(_sample().to_json()), json_schema())


def test_json_round_trip_is_lossless():
    result = _sample()
    again = ExtractionResult.model_validate_json(result.to_json())
    assert again == result and again.to_json() == result.to_json()


@pytest.mark.parametrize("model, data", [
    (Span, {"start": 0, "end": 1, "text": "a", "extra": 1}),
    (Event, {"type": "meeting", "status": "happened"}),
    (Statement, {"kind": "quoted", "cue": "said", "content": "x"}),
    (Entity, {"id": "e1", "type": "animal", "name": "x"}),
    (Argument, {"role": "speaker", "text": "x"}),
    (DateValue, {"text": "x", "precision": "week"}),
    (Span, {"start": -1, "end": 1, "text": "a"}),
    (Event, {"type": "meeting", "confidence": 1.5}),
])
def test_invalid_values_are_rejected(model, data):
    with pytest.raises(ValidationError):
        model.model_validate(data)
