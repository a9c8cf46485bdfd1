"""The output contract of factkit (see docs/schema.md).

These models are the only shape factkit's JSON takes; consumers and the scorer
rely on their keys. This module depends on nothing else of factkit so that a
consumer can validate documents without loading the extraction machinery.

``SCHEMA_VERSION`` moves independently of the package version: it changes only
when a key is removed, renamed or changes meaning (see docs/schema.md).
"""

from __future__ import annotations

from typing import Any, Literal, Union

from pydantic import BaseModel, ConfigDict, Field

SCHEMA_VERSION = "1"

EntityType = Literal["person", "organization", "country", "place"]
EventStatus = Literal["occurred", "planned", "demanded", "negated", "hypothetical"]
StatementKind = Literal["direct", "mixed", "indirect"]
DatePrecision = Literal["day", "month", "year"]
ArgumentRole = Literal[
    "participant",
    "host",
    "visitor",
    "imposer",
    "target",
    "party",
    "mediator",
    "agent",
    "patient",
    "other",
]
AttributeValue = Union[str, int, float, bool, None, list[str]]


class FactkitModel(BaseModel):
    """Project-wide base: unknown keys are an error, so typos never pass silently."""

    model_config = ConfigDict(extra="forbid", frozen=False)


class Span(FactkitModel):
    """A half-open character range of the input; ``text == article[start:end]``."""

    start: int = Field(ge=0)
    end: int = Field(ge=0)
    text: str


class Entity(FactkitModel):
    id: str
    type: EntityType
    name: str = Field(description="Fullest form of the name in the article (canonical).")
    aliases: list[str] = Field(default_factory=list)
    mentions: list[Span] = Field(default_factory=list)


class EntityRef(FactkitModel):
    """A pointer to an entity as it appears at one place (speaker, relation subject, ...)."""

    entity: str | None = Field(default=None, description="Entity id, or null when unresolved.")
    text: str
    span: Span | None = None


class Argument(FactkitModel):
    role: ArgumentRole
    entity: str | None = Field(default=None, description="Entity id, or null when unresolved.")
    text: str
    span: Span | None = None


class DateValue(FactkitModel):
    text: str
    value: str | None = Field(default=None, description="YYYY-MM-DD, YYYY-MM or YYYY.")
    precision: DatePrecision | None = None
    span: Span | None = None


class Location(FactkitModel):
    text: str
    entity: str | None = None
    span: Span | None = None


class Event(FactkitModel):
    id: str = ""
    type: str = Field(description="meeting, sanction, agreement, or a plugin's own type.")
    status: EventStatus = "occurred"
    arguments: list[Argument] = Field(default_factory=list)
    attributes: dict[str, AttributeValue] = Field(default_factory=dict)
    date: DateValue | None = None
    location: Location | None = None
    evidence: list[Span] = Field(default_factory=list)
    confidence: float = Field(default=0.5, ge=0.0, le=1.0)
    extractor: str = ""


class Statement(FactkitModel):
    id: str = ""
    speaker: EntityRef | None = None
    addressee: EntityRef | None = None
    kind: StatementKind
    cue: str
    content: str
    source: EntityRef | None = None
    date: DateValue | None = None
    attributes: dict[str, AttributeValue] = Field(default_factory=dict)
    evidence: list[Span] = Field(default_factory=list)
    confidence: float = Field(default=0.5, ge=0.0, le=1.0)
    extractor: str = ""


class Relation(FactkitModel):
    id: str = ""
    type: str = Field(description="holds_position, met_with, sanctions, party_to, or a plugin's own.")
    subject: EntityRef
    object: EntityRef
    attributes: dict[str, AttributeValue] = Field(default_factory=dict)
    evidence: list[Span] = Field(default_factory=list)
    confidence: float = Field(default=0.5, ge=0.0, le=1.0)
    extractor: str = ""


class DocumentInfo(FactkitModel):
    id: str | None = None
    published: str | None = Field(default=None, description="Publication date, YYYY-MM-DD.")
    text: str | None = Field(
        default=None,
        description="The text every span indexes when it is not the input as given (the main "
                    "text extracted from an HTML page); null for plain-text input.")


class ExtractionError(FactkitModel):
    """Something that failed on this document; everything else in the result still stands.

    ``stage`` says where: the input record itself (nothing was extracted), one
    extractor (its facts are missing or partial), or a post-processing plugin
    (its changes were rolled back).
    """

    stage: Literal["input", "extractor", "postprocess"]
    name: str = Field(description="The extractor's name, the plugin's name, or 'input'.")
    plugin: str | None = None
    message: str


class ExtractionResult(FactkitModel):
    schema_version: Literal["1"] = SCHEMA_VERSION
    document: DocumentInfo = Field(default_factory=DocumentInfo)
    entities: list[Entity] = Field(default_factory=list)
    events: list[Event] = Field(default_factory=list)
    statements: list[Statement] = Field(default_factory=list)
    relations: list[Relation] = Field(default_factory=list)
    errors: list[ExtractionError] = Field(default_factory=list)

    def to_json(self, *, indent: int | None = None) -> str:
        """Serialise deterministically (key order is the model's field order)."""
        return self.model_dump_json(indent=indent)


Fact = Union[Event, Statement, Relation]


def json_schema() -> dict[str, Any]:
    """The JSON Schema of one output document, as consumers see it (serialization mode)."""
    schema = ExtractionResult.model_json_schema(mode="serialization")
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["title"] = f"factkit extraction result (schema_version {SCHEMA_VERSION})"
    return schema
