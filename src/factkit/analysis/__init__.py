"""Understand an article once: sentences, page junk, entities, posts, dates.

The analysis serves every extractor and knows none of them.
"""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import date

from .dates import DateFinder
from .document import AnalysedDocument, fold_name
from .entities import EntityFinder
from .junk import find_junk
from .lexicon import Lexicon
from .model import EntityRecord, Mention, Position, Region, Sentence, TimeExpression
from .sentences import split_sentences


# Read by the analysis as a plain space: other spaces (no-break, thin, ideographic), invisible
# marks (byte order mark, zero-width space, word joiner, direction marks) and control characters.
# One character for one, so an offset into the copy is an offset into the text as given.
_AS_SPACE = "".join(map(chr, [*range(0x00, 0x09), *range(0x0E, 0x1C), 0x7F, *range(0x80, 0x85),
                              *range(0x86, 0xA1), 0x1680, *range(0x2000, 0x200C), 0x200E, 0x200F,
                              *range(0x202A, 0x2030), 0x205F, 0x2060, *range(0x2066, 0x206A),
                              0x3000, 0xFEFF]))
_ODD_CHARACTER = re.compile(f"[{re.escape(_AS_SPACE)}]")
_TO_SPACE = str.maketrans(dict.fromkeys(_AS_SPACE, " "))


def analysis_view(text: str) -> str:
    """``text`` with odd spacing, invisible marks and control characters as plain spaces.

    Same length as ``text``: sentences, entities and dates are found in the copy,
    and their offsets index the text as given.
    """
    if _ODD_CHARACTER.search(text) is None:
        return text
    return text.translate(_TO_SPACE)


class Analyzer:
    """Holds what is expensive to build (compiled lexicon patterns, date settings); reuse it."""

    def __init__(self, lexicon: Lexicon) -> None:
        self.lexicon = lexicon
        self._entities = EntityFinder(lexicon)
        self._dates = DateFinder()

    def analyse(self, text: str, *, published: date | None = None,
                doc_id: str | None = None) -> AnalysedDocument:
        view = analysis_view(text)
        sentences = split_sentences(view)
        junk = find_junk(view)
        found = self._entities.find(view, sentences, junk)
        dates = self._dates.find(view, sentences, published)
        if view is not text:
            dates = [replace(d, text=text[d.start:d.end]) for d in dates]
        return AnalysedDocument(
            text=text, published=published, doc_id=doc_id, lexicon=self.lexicon,
            sentences=sentences, junk=junk, entities=found.entities, mentions=found.mentions,
            positions=found.positions, dates=dates,
        )


__all__ = [
    "AnalysedDocument", "Analyzer", "EntityRecord", "Lexicon", "Mention", "Position", "Region",
    "Sentence", "TimeExpression", "fold_name",
]
