"""Per-article state the sentence parser shares: quotations and lexicon lookups."""

from __future__ import annotations

import bisect
from collections.abc import Sequence
from typing import TYPE_CHECKING

from factkit.analysis.lexicon import fold_token

from .quotes import Quote, find_quotes, paragraph_extents

if TYPE_CHECKING:
    from factkit.analysis.document import AnalysedDocument


class DocContext:
    """Quotations of the whole article (they may span sentences and paragraphs) and word lookups."""

    def __init__(self, doc: AnalysedDocument) -> None:
        self.doc = doc
        self.text = doc.text
        self.quotes: list[Quote] = find_quotes(doc.text, paragraph_extents(doc.sentences))
        self._starts = [q.start for q in self.quotes]
        self.open_at: dict[int, Quote] = {q.start: q for q in self.quotes}
        self.close_at: dict[int, Quote] = {}
        self._close_mark: list[int] = []
        for q in self.quotes:
            mark = q.end
            if q.closed:
                mark = q.end - (2 if self.text[q.end - 2:q.end] == "''" else 1)
                self.close_at[mark] = q
            self._close_mark.append(mark)
        lexicon = doc.lexicon
        self._lexicon = lexicon
        compiled = lexicon.compile() if hasattr(lexicon, "compile") else None
        self._compiled = compiled
        self._titles = compiled.titles if compiled is not None else {}
        self._modifiers: frozenset[str] = getattr(lexicon, "modifiers", frozenset())
        self._lemma_cache: dict[str, str | None] = {}

    def inside_quote(self, pos: int) -> bool:
        """Is ``pos`` strictly between a quotation's opening and closing marks?"""
        i = bisect.bisect_right(self._starts, pos) - 1
        if i < 0:
            return False
        q = self.quotes[i]
        return q.start < pos < self._close_mark[i] or (not q.closed and q.start < pos < q.end)

    def quotes_from(self, start: int, end: int) -> list[Quote]:
        """Quotations opening inside ``[start, end)``."""
        lo = bisect.bisect_left(self._starts, start)
        hi = bisect.bisect_left(self._starts, end)
        return self.quotes[lo:hi]

    def quote_containing(self, pos: int) -> Quote | None:
        i = bisect.bisect_right(self._starts, pos) - 1
        if i >= 0 and self.quotes[i].start <= pos < self.quotes[i].end:
            return self.quotes[i]
        return None

    def verb_lemma(self, form: str) -> str | None:
        if form not in self._lemma_cache:
            fn = getattr(self._lexicon, "speech_verb_lemma", None)
            self._lemma_cache[form] = fn(form) if fn is not None else None
        return self._lemma_cache[form]

    def title_tokens(self, words: Sequence[str]) -> list[bool]:
        """Which tokens lie in a title of office ("Secretary of State"): its "of" is not a boundary."""
        out = [False] * len(words)
        if self._compiled is None:
            return out
        folds = [fold_token(w) for w in words]
        i = 0
        while i < len(words):
            n = self._compiled.match_title(folds, i, len(words)) if folds[i] else 0
            if n:
                for x in range(i, i + n):
                    out[x] = True
                i += n
            else:
                i += 1
        return out

    def is_title_word(self, low: str) -> bool:
        return (low,) in self._titles

    def is_modifier(self, low: str) -> bool:
        return low in self._modifiers
