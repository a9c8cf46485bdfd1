"""Understand an article once: sentences, page junk, entities, posts, dates.

The analysis serves every extractor and knows none of them.
"""

from __future__ import annotations

from datetime import date

from .dates import DateFinder
from .document import AnalysedDocument, fold_name
from .entities import EntityFinder
from .junk import find_junk
from .lexicon import Lexicon
from .model import EntityRecord, Mention, Position, Region, Sentence, TimeExpression
from .sentences import split_sentences


class Analyzer:
    """Holds what is expensive to build (compiled lexicon patterns, date settings); reuse it."""

    def __init__(self, lexicon: Lexicon) -> None:
        self.lexicon = lexicon
        self._entities = EntityFinder(lexicon)
        self._dates = DateFinder()

    def analyse(self, text: str, *, published: date | None = None,
                doc_id: str | None = None) -> AnalysedDocument:
        sentences = split_sentences(text)
        junk = find_junk(text)
        found = self._entities.find(text, sentences, junk)
        dates = self._dates.find(text, sentences, published)
        return AnalysedDocument(
            text=text, published=published, doc_id=doc_id, lexicon=self.lexicon,
            sentences=sentences, junk=junk, entities=found.entities, mentions=found.mentions,
            positions=found.positions, dates=dates,
        )


__all__ = [
    "AnalysedDocument", "Analyzer", "EntityRecord", "Lexicon", "Mention", "Position", "Region",
    "Sentence", "TimeExpression", "fold_name",
]
