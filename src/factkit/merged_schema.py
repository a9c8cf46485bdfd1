"""The output contract of ``factkit merge`` (see docs/schema.md, "Merged documents").

A merged document reads like one extraction result (same envelope keys, same
fact keys) so a consumer of single results can read it unchanged; what merging
adds is who reported each fact (``sources``, ``count``) and details the sources
disagree on (``alternatives``). Like :mod:`factkit.schema` it depends on no
extraction code, only on the single-result models it extends.
"""

from __future__ import annotations

from typing import Any, Literal

from pydantic import Field

from .schema import (
    SCHEMA_VERSION,
    DocumentInfo,
    Entity,
    Event,
    ExtractionError,
    FactkitModel,
    Relation,
    Span,
    Statement,
)

class Source(FactkitModel):
    """One document's report of a merged entity or fact."""

    document: str = Field(description="The reporting document's id (as in `documents`).")
    id: str = Field(description="The entity's or fact's id in that document's own result.")
    evidence: list[Span] = Field(
        default_factory=list,
        description="Spans of that document's text: the fact's evidence, or the entity's mentions.")


class Alternative(FactkitModel):
    """One of several values the sources give for a detail (a date, a location, ...)."""

    value: Any = Field(description="The value as the fact's own field holds it: a date object "
                                   "for 'date', a location object for 'location', a string for "
                                   "an attribute, ...")
    documents: list[str] = Field(description="Ids of the documents that give this value.")


class _Merged(FactkitModel):
    sources: list[Source] = Field(default_factory=list,
                                  description="Every document that reports it, in input order.")
    count: int = Field(default=0, ge=0, description="How many documents report it.")


class _MergedFact(_Merged):
    alternatives: dict[str, list[Alternative]] = Field(
        default_factory=dict,
        description="Details the sources disagree on, keyed by field ('date', 'location', "
                    "'attributes.occasion', ...); the fact itself carries the best-supported "
                    "value.")


class MergedEntity(_Merged, Entity):
    """An entity unified across documents by canonical name and alias."""


class MergedEvent(_MergedFact, Event):
    pass


class MergedStatement(_MergedFact, Statement):
    pass


class MergedRelation(_MergedFact, Relation):
    pass


class MergedError(ExtractionError):
    """An error of one input document, carried into the merged document."""

    document: str | None = None


class MergedResult(FactkitModel):
    """Facts of many documents, each real-world fact once, with the documents that report it.

    Spans directly inside a fact (``evidence``, argument, date and speaker
    spans) index the text of its first source, ``sources[0].document``;
    ``sources`` holds the evidence in every document.
    """

    schema_version: Literal["1"] = "1"
    document: DocumentInfo = Field(default_factory=DocumentInfo)
    documents: list[DocumentInfo] = Field(default_factory=list,
                                          description="The merged documents, in input order.")
    entities: list[MergedEntity] = Field(default_factory=list)
    events: list[MergedEvent] = Field(default_factory=list)
    statements: list[MergedStatement] = Field(default_factory=list)
    relations: list[MergedRelation] = Field(default_factory=list)
    errors: list[MergedError] = Field(default_factory=list)

    def to_json(self, *, indent: int | None = None) -> str:
        return self.model_dump_json(indent=indent)


def merged_json_schema() -> dict[str, Any]:
    """The JSON Schema of a merged document (serialization mode)."""
    schema = MergedResult.model_json_schema(mode="serialization")
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["title"] = f"factkit merged result (schema_version {SCHEMA_VERSION})"
    return schema
