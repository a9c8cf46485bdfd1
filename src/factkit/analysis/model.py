"""Plain records the analysis produces; extractors read them, never build them.

They are slotted dataclasses rather than pydantic models because the analysis
creates thousands per article and validation would buy nothing: every value is
made by factkit itself from offsets into the text.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

EntityKind = Literal["person", "organization", "country", "place"]
MentionKind = Literal["name", "alias", "title", "pronoun", "demonym", "acronym", "description"]
Precision = Literal["day", "month", "year"]


@dataclass(frozen=True, slots=True)
class Sentence:
    """One sentence; ``text[start:end]`` has no leading or trailing whitespace."""

    index: int
    start: int
    end: int
    paragraph: int
    is_headline: bool = False


@dataclass(frozen=True, slots=True)
class Region:
    """A stretch of page junk (link lists, captions, blurbs): no facts come from here."""

    start: int
    end: int
    reason: str


@dataclass(frozen=True, slots=True)
class TimeExpression:
    """A temporal expression resolved against the publication date.

    ``value`` is ``YYYY-MM-DD``, ``YYYY-MM`` or ``YYYY`` matching ``precision``;
    both are ``None`` when the expression cannot be resolved (a relative
    expression in an article without a publication date).
    """

    start: int
    end: int
    text: str
    value: str | None
    precision: Precision | None


@dataclass(frozen=True, slots=True)
class Mention:
    start: int
    end: int
    entity_id: str
    kind: MentionKind


@dataclass(slots=True)
class EntityRecord:
    """A per-article entity: canonical name, every surface form, and what we know of its post."""

    id: str
    type: EntityKind
    name: str
    aliases: list[str] = field(default_factory=list)  # forms the article uses
    mentions: list[Mention] = field(default_factory=list)
    title: str | None = None
    organization: str | None = None
    known_as: list[str] = field(default_factory=list)  # lexicon names the article does not use


@dataclass(frozen=True, slots=True)
class Position:
    """``person`` holds ``title`` (at ``organization``), supported by ``text[start:end]``."""

    person_id: str
    title: str
    organization: str | None
    start: int
    end: int
