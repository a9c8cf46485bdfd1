"""One sentence as the attribution parser sees it: tokens, quotes, dates, mentions.

Each table (prefix counts, flags per token) is computed at most once per
sentence, and only when asked for, so the parser's many small questions ("is
this token inside a quote?", "does a date end here?") are constant-time lookups.
"""

from __future__ import annotations

import bisect
from collections.abc import Callable
from typing import TYPE_CHECKING, Any, Generic, TypeVar

import regex

from . import words as W
from .quotes import Quote
from .records import Cue
from .tokens import DASHES, QUOTE_CHARS, TERMINAL, Tok

if TYPE_CHECKING:
    from factkit.analysis.document import AnalysedDocument
    from factkit.analysis.model import Mention, Sentence

    from .context import DocContext

T = TypeVar("T")


class lazy(Generic[T]):  # noqa: N801 - used like functools.cached_property
    """``functools.cached_property`` without its per-read lock (Python < 3.12): built on first read.

    The value lands in the instance ``__dict__``, which later reads find before this descriptor.
    """

    def __init__(self, build: Callable[[Any], T]) -> None:
        self.build = build
        self.name = build.__name__

    def __set_name__(self, owner: type, name: str) -> None:
        self.name = name

    def __get__(self, obj: Any, owner: type | None = None) -> T:
        if obj is None:
            return self  # type: ignore[return-value]
        value = obj.__dict__[self.name] = self.build(obj)
        return value


CLOSERS = frozenset((")", "]", "}"))
AGENT_SUFFIXES = ("er", "or", "ist", "ian", "man", "men", "woman", "women")
_ALNUM = regex.compile(r"[\p{L}\p{N}]")
_URL = regex.compile(r"(?:https?|www|pic\.)", regex.IGNORECASE)


class SentenceView:
    """Tokens of one sentence with per-token facts from the analysis and the quote scan.

    Only the tokens are made up front; every per-token table is built the first
    time the parser asks for it, because most sentences are dropped after the
    cue search and many tables serve only one word order.
    """

    def __init__(self, ctx: DocContext, sentence: Sentence, toks: list[Tok] | None = None,
                 candidates: list[int] | None = None) -> None:
        self.ctx = ctx
        self.doc: AnalysedDocument = ctx.doc
        self.text = ctx.text
        self.sentence = sentence
        if toks is None or candidates is None:
            toks, candidates = ctx.scan(sentence)
        self.toks: list[Tok] = toks
        self.n = len(toks)
        self.candidates: list[int] = candidates  # words that may open a cue: all the cue search looks at
        self.cue_at: dict[int, Cue] = {}

    @lazy
    def inside(self) -> list[bool]:
        return self.ctx.inside_flags(self.toks)

    @lazy
    def in_title(self) -> list[bool]:
        return self.ctx.title_tokens(self.toks)

    @lazy
    def _date_index(self) -> tuple[dict[int, int], dict[int, int], list[bool]]:
        """Token spans of the analysis' dates: end by start token, start by end token, membership."""
        date_end: dict[int, int] = {}
        from_end: dict[int, int] = {}
        in_dates = [False] * self.n
        dates = self.doc.dates_in(self.sentence.start, self.sentence.end)
        if dates:
            starts = {t.start: k for k, t in enumerate(self.toks)}
            for d in dates:
                k = starts.get(d.start)
                if k is None:
                    continue
                e = k
                while e < self.n and self.toks[e].start < d.end:
                    in_dates[e] = True
                    e += 1
                date_end[k] = e
                from_end[e] = k
        return date_end, from_end, in_dates

    @lazy
    def date_end(self) -> dict[int, int]:
        return self._date_index[0]

    @lazy
    def _date_from_end(self) -> dict[int, int]:
        return self._date_index[1]

    @lazy
    def _in_dates(self) -> list[bool]:
        return self._date_index[2]

    @lazy
    def words_before(self) -> list[int]:
        out = [0] * (self.n + 1)
        for x, t in enumerate(self.toks):
            out[x + 1] = out[x] + (1 if t.word else 0)
        return out

    @lazy
    def _starts(self) -> list[int]:
        return [t.start for t in self.toks]

    @lazy
    def _closing_tail(self) -> list[bool]:
        """Whether only closing punctuation follows from each token on."""
        tail = [False] * (self.n + 1)
        tail[self.n] = True
        for x in range(self.n - 1, -1, -1):
            t = self.toks[x].text
            tail[x] = tail[x + 1] and (t in TERMINAL or t in CLOSERS or t in QUOTE_CHARS)
            if not tail[x]:
                break
        return tail

    @lazy
    def first_word(self) -> int:
        return next((x for x, t in enumerate(self.toks) if t.word), self.n)

    @lazy
    def commas(self) -> list[int]:
        return [t.start for t in self.toks if t.text == ","]

    @lazy
    def urls(self) -> list[int]:
        start, end = self.sentence.start, self.sentence.end
        folded = self.ctx.folded
        # a token matching _URL matches it in the sentence too; one folding to "pic" leaves "pic" in the fold
        if folded is not None and _URL.search(self.text, start, end) is None and folded.find("pic", start, end) < 0:
            return []
        return [t.start for t in self.toks if _URL.match(t.text if t.low != "pic" else "pic.")]

    def _in_date(self, k: int) -> bool:
        return 0 <= k < self.n and self._in_dates[k]

    def _date_start_before(self, k: int) -> int | None:
        """Start token of a date expression ending at token ``k`` (inclusive)."""
        return self._date_from_end.get(k + 1)

    def _mention(self, k: int) -> Mention | None:
        t = self.toks[k]
        m = self.doc.mention_at(t.start)
        return m if m is not None and m.end >= t.end else None

    def _is_close_quote(self, k: int) -> Quote | None:
        t = self.toks[k]
        if t.text not in QUOTE_CHARS:
            return None
        return self.ctx.close_at.get(t.start)

    def _is_open_quote(self, k: int) -> Quote | None:
        if k >= self.n:
            return None
        t = self.toks[k]
        if t.text not in QUOTE_CHARS:
            return None
        return self.ctx.open_at.get(t.start)

    def _is_boundary(self, k: int) -> bool:
        t = self.toks[k]
        if t.text in (",", ";") or t.text in DASHES and t.text != "-":
            return True
        if t.text == "-" and k > 0 and t.start > self.toks[k - 1].end:
            return True
        return self._is_close_quote(k) is not None

    def _terminal_rest(self, k: int) -> bool:
        """True when only closing punctuation remains from token ``k``."""
        return k >= self.n or self._closing_tail[k]

    def head_like(self, k: int) -> bool:
        """Can token ``k`` end a noun phrase naming someone who speaks?"""
        if k < 0 or k >= self.n or self.inside[k]:
            return False
        t = self.toks[k]
        if not t.word:
            return False
        low = t.low
        if self._mention(k) is not None and low not in W.CLAUSE_WORDS:
            return True
        if low in W.PRONOUNS:
            return low != "who"
        if (low in W.CLAUSE_WORDS or low in W.DETERMINERS or low in W.PREPOSITIONS or low in W.BE
                or low in W.AUX or low in W.TIME_WORDS or k in self.cue_at or self._in_date(k)):
            return False
        if t.cap:
            return True
        if low in W.SPEAKER_NOUNS or self.ctx.is_title_word(low):
            return True
        if len(low) > 3 and low.isalpha() and low.endswith("s") and not low.endswith("ss"):
            return True
        return low.endswith(AGENT_SUFFIXES)

    def _first_word(self, upto: int) -> int | None:
        return self.first_word if self.first_word < upto else None

    def _token_at(self, pos: int) -> int | None:
        """Index of the first token starting at or after ``pos``."""
        x = bisect.bisect_left(self._starts, pos)
        return x if x < self.n else None

    def _trim(self, a: int, z: int) -> int:
        """Drop trailing spaces and punctuation, but not the dot of an abbreviation ("U.S.")."""
        text = self.text
        while z > a:
            ch = text[z - 1]
            if ch.isspace() or ch in ",;:—–-":
                z -= 1
            elif ch == "." and not (z - 3 >= a and text[z - 3] == "." and text[z - 2].isupper()):
                z -= 1
            else:
                break
        return z

    def _ltrim(self, a: int, z: int) -> int:
        text = self.text
        while a < z and (text[a].isspace() or text[a] in ",;:—–-"):
            a += 1
        return a

    def _quote_at(self, k: int) -> Quote | None:
        q = self._is_open_quote(k)
        return q if q is not None and self._quote_fills(q) else None

    def _quote_fills(self, q: Quote) -> bool:
        """Does the quotation run to the end of its clause (so the content is entirely quoted)?"""
        if q.end > self.sentence.end:
            return True
        return _ALNUM.search(self.text, q.end, self.sentence.end) is None

    def _person_in(self, s: int, e: int) -> bool:
        for m in self.doc.mentions_in(self.toks[s].start, self.toks[e - 1].end):
            try:
                if self.doc.entity(m.entity_id).type == "person":
                    return True
            except KeyError:
                continue
        return False

    def _quote_boundary(self, b: int) -> bool:
        if self._is_close_quote(b) is not None:
            return True
        return b >= 1 and self.toks[b].text == "," and self._is_close_quote(b - 1) is not None

    def _content_before(self, b: int) -> bool:
        if self._quote_boundary(b):
            return True
        return self.words_before[b] >= 2
