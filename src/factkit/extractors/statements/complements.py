"""What follows a speech cue: the addressee, adjuncts, and where the reported words start.

Each cue's frame (:mod:`.cues`) says which complements it takes; the parser
tries them in a fixed order (colon or quote, that-clause, infinitive, object +
preposition, addressee, bare clause, object) within bounded windows.
"""

from __future__ import annotations

from . import cues as C
from . import words as W
from .phrases import PhraseParser
from .quotes import Quote
from .records import Cue
from .sentence import CLOSERS
from .tokens import TERMINAL

Start = tuple[int, tuple[int, int] | None, Quote | None]
THAT_WINDOW = 16
TO_WINDOW = 12
_PP_ADJUNCT = frozenset("""on in at during after before to from via by through with when while late early
earlier shortly without following ahead outside inside near amid upon across""".split())
_INNER_PUNCT = frozenset((",", "'s", ".", "-", "&"))
_STANCE_LINKS = frozenset("that about over at for regarding on with in of".split())


class ComplementParser(PhraseParser):
    """Reads the words after a cue: addressee, adjuncts, and the start of the content."""

    def _skip_adjuncts(self, j: int, hi: int) -> int:
        """Skip dates, time words and adverbs right after a verb."""
        toks = self.toks
        while j < hi:
            if j in self.date_end:
                j = self.date_end[j]
                continue
            t = toks[j]
            if t.low in W.TIME_WORDS or (t.low.endswith("ly") and not t.cap and len(t.low) > 4) or \
                    (t.low in W.AUX and t.low not in W.FINITE_MARKERS):
                j += 1
                continue
            if t.low in ("on", "in", "at") and j + 1 in self.date_end:
                j = self.date_end[j + 1]
                continue
            break
        return j

    def _adjunct_region(self, a: int, b: int) -> bool:
        """Is tokens ``[a, b)`` only adjuncts (time, manner, "in a statement", "at the conference")?"""
        if a >= b:
            return True
        k = self._skip_adjuncts(a, b)
        if k >= b:
            return True
        t = self.toks[k]
        if t.low in _PP_ADJUNCT or t.text == ",":
            for u in self.toks[k:b]:
                if u.low in W.FINITE_MARKERS or not (u.word or u.text in (",", "'s", ".", "-", "'")):
                    return False
            return True
        return False

    def trailing_ok(self, j: int, frame: C.Frame) -> tuple[bool, int, tuple[int, int] | None]:
        """After a trailing cue only adjuncts (and an addressee) may follow before ',' or the end."""
        toks, n = self.toks, self.n
        e = j
        addressee = None
        while e < n:
            t = toks[e]
            if t.text in TERMINAL or t.text in CLOSERS:
                if self._terminal_rest(e):
                    return True, e, addressee
                return False, e, addressee
            if t.text in (",", ";"):
                return True, e, addressee
            if e in self.date_end:
                e = self.date_end[e]
                continue
            if t.low in W.TIME_WORDS or (t.low.endswith("ly") and not t.cap and len(t.low) > 4):
                e += 1
                continue
            if t.low in _PP_ADJUNCT:
                if t.low == "to" and e + 1 < n and not self._addressee_start(e + 1):
                    return False, e, addressee  # an infinitive: "urges Oslo to drop ..."
                f = e + 1
                while f < n and toks[f].text not in (",", ";") and not self._terminal_rest(f):
                    u = toks[f]
                    if u.low == "that" or u.low in W.FINITE_MARKERS or f in self.cue_at or \
                            self._is_open_quote(f) is not None:
                        return False, e, addressee
                    f += 1
                e = f
                continue
            if C.ADDR in frame.takes and e == j and addressee is None:
                np = self.np_right(e, addressee=True)
                if np:
                    addressee = np
                    e = np[1]
                    continue
            if self._terminal_rest(e):
                return True, e, addressee
            return False, e, addressee
        return True, n, addressee

    def complement(self, cue: Cue, frame: C.Frame) -> Start | None:
        """Where the reported content starts: (token, addressee, quote when it is one quotation)."""
        toks, n = self.toks, self.n
        j = cue.j
        if j == n - 1 and toks[j].text == ":":
            # 'Foreign Secretary X said:' closing a paragraph, the quotation opening the next one
            nxt = self._next_paragraph_quote(toks[j].end)
            if nxt is not None:
                return (n, None, nxt)
        if j >= n or self._terminal_rest(j):
            return None
        if toks[j].low in frame.preps:  # "warned against X", "complained about X"
            return (j + 1, None, None) if j + 1 < n else None
        if cue.lemma in ("express", "raise"):  # "expressed concern [about] X"
            return (j + 1, None, None) if toks[j].low in _STANCE_LINKS else None
        k = self._skip_adjuncts(j, n)
        if k >= n or self._terminal_rest(k):
            return None  # "said on Friday." reports no words
        found = self._quoted(k)
        if found is None and C.THAT in frame.takes:
            found = self._that_clause(j, frame)
        return found if found is not None else self._framed(cue, frame, j, k)

    def _next_paragraph_quote(self, pos: int) -> Quote | None:
        text = self.text
        k = pos
        while k < len(text) and k - pos < 40 and text[k].isspace():
            k += 1
        if k == pos or "\n" not in text[pos:k]:
            return None
        return self.ctx.open_at.get(k)

    def _quoted(self, k: int) -> Start | None:
        """'said: "..."', 'said, "..."', 'said "..."'."""
        toks = self.toks
        if k < self.n and toks[k].text in (":", ",") and self._is_open_quote(k + 1) is not None:
            return (k + 1, None, self._quote_at(k + 1))
        if k < self.n and toks[k].text == ":":
            return (k + 1, None, None)
        if self._is_open_quote(k) is not None:
            return (k, None, self._quote_at(k))
        return None

    def _that_clause(self, j: int, frame: C.Frame) -> Start | None:
        """An explicit that-clause, with an addressee or adjuncts between cue and 'that'."""
        t = self._find_that(j)
        if t is None:
            return None
        if t == j:
            return (t + 1, None, self._quote_at(t + 1))
        if C.ADDR in frame.takes or C.ADDR_TO in frame.takes:
            np = self.np_right(j, t, addressee=True)
            if np is None or not self._adjunct_region(np[1], t):  # "told a radio station that"
                np = self._loose_addressee(j, t)
            if np is not None and self._adjunct_region(np[1], t):
                return (t + 1, np, self._quote_at(t + 1))
        if self._adjunct_region(j, t):
            return (t + 1, None, self._quote_at(t + 1))
        return None

    def _framed(self, cue: Cue, frame: C.Frame, j: int, k: int) -> Start | None:
        """The complements a cue's frame allows: infinitive, addressee, object + preposition, clause."""
        toks, n = self.toks, self.n
        takes = frame.takes
        if C.TO in takes:
            if toks[k].low == "to":
                return (k, None, None)
            to = self._find_to(j)
            if to is not None and self._adjunct_region(j, to):
                return (to, None, None)
        if C.ADDR_TO in takes:
            to = self._find_to(j)
            np = self.np_right(j, to, addressee=True) if to is not None else None
            if np is not None and np[1] == to:
                return (to, np, None)
        for kind, word in ((C.OF, "of"), (C.FOR, "for"), (C.AS, "as")):
            if kind in takes and self._find_word(j, word, TO_WINDOW) is not None:
                return (j, None, None)  # "accused Lima of ...": object and complement together
        if C.ADDR in takes:
            found = self._after_addressee(frame, j)
            if found is not None or C.NEED_ADDR in takes:
                return found
        if C.ANY in takes:
            k2 = k if k > j and (j in self.date_end or toks[j].low in W.TIME_WORDS) else j
            return None if toks[k2].text in (",", ";") else (k2, None, self._quote_at(k2))
        if C.CLAUSE in takes and toks[k].text not in (",", ";") and toks[k].low not in W.PREPOSITIONS \
                and toks[k].low not in W.FINITE_MARKERS and self._finite_ahead(k) \
                and not (self._nounlike(cue) and not self._finite_soon(k)):
            return (k, None, self._quote_at(k))
        if C.OBJ in takes and j < n and toks[j].word and toks[j].low not in W.PREPOSITIONS \
                and toks[j].low != "to":
            return (j, None, None)
        return None

    def _after_addressee(self, frame: C.Frame, j: int) -> Start | None:
        """'told reporters the deficit would narrow' / 'told the committee: "..."'."""
        toks, n = self.toks, self.n
        np = self.np_right(j, addressee=True)
        if np is None or toks[np[0]].low in W.NOT_ADDRESSEE:
            return None
        after = self._skip_adjuncts(np[1], n)
        if after >= n or self._terminal_rest(after) or toks[after].text == ",":
            return None
        if toks[after].low in frame.preps and after + 1 < n:
            return (after + 1, np, None)
        if toks[after].low in W.PREPOSITIONS:
            return None  # "told reporters outside the building": a place, not what was said
        if toks[after].text == ":":
            return (after + 1, np, self._quote_at(after + 1))
        if C.ANY in frame.takes or (C.CLAUSE in frame.takes and self._finite_ahead(after)):
            return (after, np, self._quote_at(after))
        return None

    def _loose_addressee(self, j: int, hi: int) -> tuple[int, int] | None:
        """'told a rally in Nakuru that ...': any short noun phrase before a preposition or 'that'."""
        toks = self.toks
        x = j
        while x < hi and x - j < 6 and toks[x].word and toks[x].low not in W.PREPOSITIONS and \
                toks[x].low not in W.CLAUSE_WORDS and toks[x].low not in W.FINITE_MARKERS and \
                x not in self.cue_at and not self._in_date(x):
            x += 1
        if x == j or (toks[j].low in W.DETERMINERS and x - j < 2) or toks[x - 1].low in W.DETERMINERS:
            return None
        return j, x

    def _find_that(self, j: int) -> int | None:
        toks = self.toks
        for x in range(j, min(self.n, j + THAT_WINDOW)):
            t = toks[x]
            if t.low == "that":
                return x
            if self.inside[x] or x in self.cue_at or (not t.word and t.text not in _INNER_PUNCT) \
                    or self._is_open_quote(x) is not None:
                return None
            if t.low in W.FINITE_MARKERS:
                return None
        return None

    def _find_to(self, j: int) -> int | None:
        for x in range(j + 1, min(self.n, j + TO_WINDOW)):
            t = self.toks[x]
            if t.low == "to":
                return x
            if not t.word and t.text not in ("'s", ".", "-", "&"):
                return None
            if x in self.cue_at or t.low in W.FINITE_MARKERS or t.low == "that":
                return None
        return None

    def _find_word(self, j: int, word: str, window: int) -> int | None:
        for x in range(j + 1, min(self.n, j + window)):
            t = self.toks[x]
            if t.low == word:
                return x
            if x in self.cue_at or t.low in W.FINITE_MARKERS:
                return None
        return None

    def _nounlike(self, cue: Cue) -> bool:
        """'states', 'reports', 'claims' are as often plural nouns as verbs."""
        return cue.j == cue.i + 1 and self.toks[cue.i].low in W.NOUNLIKE_FORMS

    def _finite_soon(self, j: int) -> bool:
        """A pronoun subject or a finite verb within the first words: a clause, not a noun phrase."""
        toks = self.toks
        if j < self.n and toks[j].low in W.SUBJECT_PRONOUNS:
            return True
        return any(t.low in W.FINITE_MARKERS for t in toks[j:j + 3])

    def _finite_ahead(self, j: int) -> bool:
        toks = self.toks
        if j < self.n and toks[j].low in W.SUBJECT_PRONOUNS and j + 1 < self.n and toks[j + 1].word:
            return True
        for x in range(j, min(self.n, j + 12)):
            t = toks[x]
            if t.text in (";", ":") or t.text in TERMINAL:
                return False
            if t.low in W.FINITE_MARKERS:
                return True
        return False
