"""Per-article state the sentence parser shares: quotations, the folded text and word lookups."""

from __future__ import annotations

import bisect
from collections.abc import Sequence
from functools import lru_cache
from typing import TYPE_CHECKING

from factkit.analysis.lexicon import Lexicon

from . import cues as C
from .quotes import Quote, find_quotes, paragraph_extents
from .tokens import ASCII_TOKEN_RE, TOKEN_RE, Tok, fold_same_length, tokenize

if TYPE_CHECKING:
    from factkit.analysis.document import AnalysedDocument
    from factkit.analysis.model import Sentence

# tokens that open a cue without being a speech verb ("according to", "quoted as saying")
_CUE_LEADS = frozenset(("according", "quoted"))


@lru_cache(maxsize=8)
def _cue_keys(verb_keys: frozenset[str]) -> frozenset[str]:
    """Folds of every word that may open a cue under a lexicon with these speech-verb keys."""
    return _CUE_LEADS | frozenset(C.FORMS) | verb_keys


class DocContext:
    """Quotations of the whole article (they may span sentences and paragraphs) and word lookups."""

    def __init__(self, doc: AnalysedDocument) -> None:
        self.doc = doc
        self.text = doc.text
        self.folded = fold_same_length(doc.text)
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
        self._cue_words: dict[str, bool] = {}
        # every key a cue-opening word can have (known only for the stock lexicon's lemma lookup)
        self._cue_keys: frozenset[str] | None = (
            _cue_keys(compiled.speech_verbs) if compiled is not None and type(lexicon) is Lexicon else None)

    def tokens(self, sentence: Sentence) -> list[Tok]:
        return tokenize(self.text, sentence.start, sentence.end, self.folded)

    def scan(self, sentence: Sentence) -> tuple[list[Tok], list[int]]:
        """The sentence's tokens and the indices of the words that may open a speech cue.

        A cue starts at a speech verb the cue table or the lexicon knows, or at
        "according"/"quoted" (a superset of what ``detect`` accepts); a sentence
        without such a word has no speech act, so the parser never looks at it.
        """
        keys, folded = self._cue_keys, self.folded
        if keys is None or folded is None:
            plain = self.tokens(sentence)
            return plain, [x for x, t in enumerate(plain) if t.word and self._opens_cue(t.low)]
        toks: list[Tok] = []
        candidates: list[int] = []
        # The lexicon looks a word token up by its fold without dots: case folding is idempotent
        # and makes no dots, spaces or curly apostrophes (checked over every code point).
        text, start, end = self.text, sentence.start, sentence.end
        pattern = ASCII_TOKEN_RE if text[start:end].isascii() else TOKEN_RE
        for m in pattern.finditer(text, start, end):
            a, b = m.span()
            t = m.group()
            low = folded[a:b]
            word = t[:1].isalnum()
            if word and (low in keys or "." in low and low.replace(".", "") in keys):
                candidates.append(len(toks))
            toks.append(Tok(a, b, t, low, word))
        return toks, candidates

    def _opens_cue(self, low: str) -> bool:
        """May a word with this fold open a cue (``detect._cue_at`` asks the same)?"""
        hit = self._cue_words.get(low)
        if hit is None:
            hit = self._cue_words[low] = low in _CUE_LEADS or bool(C.FORMS.get(low) or self.verb_lemma(low))
        return hit

    def inside_quote(self, pos: int) -> bool:
        """Is ``pos`` strictly between a quotation's opening and closing marks?"""
        i = bisect.bisect_right(self._starts, pos) - 1
        if i < 0:
            return False
        q = self.quotes[i]
        return q.start < pos < self._close_mark[i] or (not q.closed and q.start < pos < q.end)

    def inside_flags(self, toks: Sequence[Tok]) -> list[bool]:
        """``inside_quote`` of each token's start, one slice per quotation instead of a search per token.

        A position belongs to the last quotation starting at or before it, and lies inside
        it when strictly between its start and its closing mark (its end when left open).
        """
        flags = [False] * len(toks)
        if not toks or not self.quotes:
            return flags
        starts, marks = self._starts, self._close_mark
        lo = max(bisect.bisect_right(starts, toks[0].start) - 1, 0)
        hi = bisect.bisect_right(starts, toks[-1].start)
        if lo >= hi:
            return flags
        positions = [t.start for t in toks]
        for i in range(lo, hi):
            upto = marks[i] if i + 1 == len(starts) else min(marks[i], starts[i + 1])
            a = bisect.bisect_right(positions, starts[i])
            z = bisect.bisect_left(positions, upto)
            if z > a:
                flags[a:z] = [True] * (z - a)
        return flags

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

    def title_tokens(self, toks: Sequence[Tok]) -> list[bool]:
        """Which tokens lie in a title of office ("Secretary of State"): its "of" is not a boundary."""
        n = len(toks)
        out = [False] * n
        if self._compiled is None:
            return out
        # fold_token(text) == low without dots: case folding never makes or removes a "."
        folds = [t.low.replace(".", "") for t in toks]
        firsts = self._compiled.title_firsts
        if firsts.isdisjoint(folds):
            return out
        match = self._compiled.match_title
        i = 0
        while i < n:
            f = folds[i]
            k = match(folds, i, n) if f and f in firsts else 0
            if k:
                for x in range(i, i + k):
                    out[x] = True
                i += k
            else:
                i += 1
        return out

    def is_title_word(self, low: str) -> bool:
        return (low,) in self._titles

    def is_modifier(self, low: str) -> bool:
        return low in self._modifiers
