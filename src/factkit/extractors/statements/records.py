"""Records the statement parser passes around: cues, speaker phrases and speech acts."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from .quotes import Quote

if TYPE_CHECKING:
    from factkit.analysis.document import AnalysedDocument
    from factkit.analysis.model import Sentence


@dataclass(slots=True)
class Cue:
    """A speech cue found in a sentence: tokens ``[i, j)``, its lemma, and whether it is an -ing form."""

    i: int
    j: int
    lemma: str
    ing: bool


@dataclass(slots=True)
class Ref:
    """A noun phrase naming a speaker, addressee or source, with what the analysis knows of it."""

    start: int
    end: int
    entity: str | None
    kind: str  # "name", "pronoun", "document", "description", "data"
    plural: bool = False
    head: str = ""


@dataclass(slots=True)
class Act:
    """One speech act before it becomes a Statement."""

    sentence: Sentence
    cue_start: int
    cue_end: int
    lemma: str
    mode: str
    speaker: Ref | None
    pieces: list[tuple[int, int]]
    open_from: int | None = None     # content runs from here to the clause end (set later)
    addressee: Ref | None = None
    source: Ref | None = None
    attr: tuple[int, int] = (0, 0)   # where a date of the speech act may sit
    cut: int | None = None           # where this act's attribution interrupts others' content
    lo: int = 0
    hi: int = 0
    quoted: list[Quote] = field(default_factory=list)
    shared: bool = False
    subordinate_at: int | None = None
    drop: bool = False


def entity_type(doc: AnalysedDocument, entity_id: str | None) -> str | None:
    """The type of an entity of the document, None when unknown."""
    if entity_id is None:
        return None
    try:
        return doc.entity(entity_id).type
    except KeyError:
        return None
