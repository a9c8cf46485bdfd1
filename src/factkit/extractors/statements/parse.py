"""Find speech acts in one sentence: who spoke, the cue, and where the reported words lie.

News attributes speech in a handful of word orders, tried in this order for
each cue:

- trailing: ``CONTENT, [the agency] said [on Friday].`` (also after a quote)
- inverted: ``CONTENT, said [the agency].``
- participle / coordination: ``..., adding that ...`` / ``... and called on ...``
  share the subject of the clause before them;
- leading: ``[Ruiz] [also] urged [Lima] to ...`` with the complement the
  cue's frame allows (that-clause, colon, quote, infinitive, object).

Every walk is bounded (a noun phrase is at most a dozen tokens, a search for
"that" looks a fixed number of tokens ahead), so a sentence costs time linear
in its length.
"""

from __future__ import annotations

import bisect
from typing import TYPE_CHECKING

import regex

from . import cues as C
from . import words as W
from .complements import ComplementParser
from .detect import find_cues
from .phrases import CLAUSE_WINDOW, NP_MAX, SUBORDINATORS
from .quotes import Quote
from .records import Act, Cue, Ref

if TYPE_CHECKING:
    from factkit.analysis.model import Sentence

    from .context import DocContext
    from .tokens import Tok

PAREN_WINDOW = 30
_CLAUSE_JOINERS = frozenset(("and", "but", "while", "whereas", ";"))
_IRREGULAR_FINITE = frozenset(("said", "told", "wrote", "says", "tells"))
_RELATIVES = frozenset(("that", "who", "which", "whom", "whose", "where"))
# a wire dateline ("CITY, Month 8 (Agency) - ") heads a story; it is nobody's words
_DATELINE = regex.compile(
    r"[\p{Lu}][\p{Lu} .'/&-]{1,40}(?:,[ \t]*[\p{Lu}][\p{L}.]*(?:[ \t]+[\p{Lu}\d][\p{L}.\d]*){0,3})?"
    r"(?:[ \t]*\([^()\n]{1,40}\))?[ \t]*(?:-{1,2}|[—–•])[ \t]+")


class SentenceParser(ComplementParser):
    """Parses one sentence into speech acts."""

    def __init__(self, ctx: DocContext, sentence: Sentence, toks: list[Tok] | None = None,
                 candidates: list[int] | None = None) -> None:
        super().__init__(ctx, sentence, toks, candidates)
        self.acts: list[Act] = []

    def parse(self) -> list[Act]:
        """The sentence's speech acts, contents closed at the next attribution."""
        cues = find_cues(self)
        for cue in cues:
            act = self._analyse(cue)
            if act is not None:
                self.acts.append(act)
        self._finish()
        return self.acts

    def _prev_act(self) -> Act | None:
        return self.acts[-1] if self.acts else None

    def _analyse(self, cue: Cue) -> Act | None:
        """Try the word orders in turn: shared subject, inverted, trailing, leading."""
        if cue.lemma == "according to":
            return self._according(cue)
        frame = C.FRAMES.get(cue.lemma, C.DEFAULT_FRAME)
        toks = self.toks
        p = self._before_verb(cue)
        if cue.ing:
            if p >= 1 and self._is_close_quote(p) is not None and toks[p - 1].text == ",":
                p -= 1  # '"... unacceptable," adding that ...'
            if p < 0 or not (toks[p].text == "," or toks[p].low in ("and", "while", "after", "before", "by")):
                return None
            return self._shared(cue, frame, cut_tok=p)
        if p >= 0 and toks[p].low in ("and", "but"):
            return self._shared(cue, frame, cut_tok=p)  # "... and called on ..."
        k = self._subject_end(p)
        if k < 0:
            return None
        if k == cue.i - 1 and self._is_boundary(k) and self._content_before(k):
            act = self._inverted(cue, frame, k)
            if act is not None:
                return act
        s = self.np_left(k)
        if s is not None:
            b = s - 1
            if b >= 0 and self._is_boundary(b) and self._content_before(b) and C.TRAIL in frame.takes:
                ok, aend, addr = self.trailing_ok(cue.j, frame)
                quote_next = aend < self.n and toks[aend].text == "," and \
                    self._is_open_quote(aend + 1) is not None
                if ok and not (quote_next and not self._quote_boundary(b)):
                    return self._trailing(cue, frame, boundary=b, subj=(s, k + 1), aend=aend, mode="trail",
                                          addressee=addr)
            return self._leading(cue, frame, (s, k + 1))
        subject = self._appositive_subject(k) if toks[k].text == "," else None
        if subject is not None and C.TRAIL in frame.takes:
            # '"…," the chief negotiator, Ana Ruiz, said.' / 'CONTENT, Ana Ruiz, the chief, said.'
            outer = subject[0]
            if outer >= 2 and toks[outer - 1].text == ",":
                wider = self.np_left(outer - 2)
                if wider is not None:
                    outer = wider
            b = outer - 1
            if b >= 0 and self._is_boundary(b) and self._content_before(b):
                ok, aend, addr = self.trailing_ok(cue.j, frame)
                if ok:
                    return self._trailing(cue, frame, boundary=b, subj=subject, aend=aend, mode="trail",
                                          addressee=addr)
        if subject is None and self._plain_verb(cue):
            loose = self._loose_np(k)
            subject = (loose, k + 1) if loose is not None else None
        if subject is None:
            subject = self._clause_opening_subject(k)
        return self._leading(cue, frame, subject) if subject is not None else None

    def _before_verb(self, cue: Cue) -> int:
        """The token before the cue and its auxiliaries ("has also said", "was quoted as saying")."""
        toks = self.toks
        p = cue.i - 1
        while p >= 0 and (toks[p].low in W.AUX and toks[p].low not in ("not", "n't", "never")
                          or cue.lemma == "quote as saying" and toks[p].low in W.BE):
            p -= 1
        return p

    def _subject_end(self, k: int) -> int:
        """Last token of the subject: skip '(ACRONYM)' and a date between subject and verb."""
        toks = self.toks
        if k >= 2 and toks[k].text == ")":
            x = k - 1
            while x > 0 and k - x <= 6 and toks[x].text != "(":
                x -= 1
            if toks[x].text == "(" and x >= 1:
                k = x - 1
        ds = self._date_start_before(k) if k >= 0 else None
        if ds is not None:
            k = ds - 1
            if k >= 0 and toks[k].low in ("on", "in", "at"):
                k -= 1
        return k

    def _inverted(self, cue: Cue, frame: C.Frame, boundary: int) -> Act | None:
        """'CONTENT, said the agency' / '"...," said Ruiz, adding ...'."""
        np = self.np_right(cue.j)
        if np is None:
            return None
        ok, aend, _ = self.trailing_ok(np[1], C.DEFAULT_FRAME)
        if not ok:
            return None
        return self._trailing(cue, frame, boundary=boundary, subj=np, aend=aend, mode="inv", addressee=None)

    def _appositive_subject(self, k: int) -> tuple[int, int] | None:
        """'X, director of Y, said' / 'X, 54, who took over in 2021, said': the phrase before the commas."""
        toks = self.toks
        first = True
        m = k - 1
        for _ in range(3):
            while m >= 0 and k - m < PAREN_WINDOW and toks[m].text != "," and not self.inside[m]:
                m -= 1
            if m < 1 or toks[m].text != ",":
                return None
            s2 = self.np_left(m - 1)
            if first:
                inner = self.np_left(k - 1, m + 1)
                if inner is not None and inner == m + 1 and self._person_in(inner, k) and \
                        (s2 is None or not self._person_in(s2, m)):
                    return inner, k  # "the union's chair, Ana Ruiz, said"
            first = False
            if s2 is not None and (s2 == 0 or not toks[s2 - 1].word or toks[s2 - 1].low in W.CLAUSE_WORDS):
                return s2, m
            m -= 1
        return None

    def _clause_opening_subject(self, k: int) -> tuple[int, int] | None:
        """The name opening the clause ("Ruiz in presenting the figures said")."""
        toks = self.toks
        cs = k
        while cs > 0 and k - cs < CLAUSE_WINDOW and toks[cs - 1].word \
                and toks[cs - 1].low not in W.CLAUSE_WORDS and (cs - 1) not in self.cue_at \
                and not self.inside[cs - 1]:
            cs -= 1
        np = self.np_right(cs, k + 1)
        if np is None or np[1] > k or not (toks[np[1]].low in W.PREPOSITIONS or toks[np[1]].text == ","):
            return None
        last = np[1] - 1
        if self._mention(last) is not None or toks[last].cap or toks[last].low in W.PRONOUNS:
            return np
        return None

    def _region_start(self, boundary: int | None = None) -> int:
        """Where content before a trailing attribution may start in this sentence.

        After an earlier attribution in the same sentence ('"A," he said, and "B," she added')
        the content starts behind it, unless nothing but that attribution precedes
        ('"A," Maduro said, the AP reported': the agency reports the whole).
        """
        start = self.sentence.start
        prev = self._prev_act()
        if prev is not None and prev.mode in ("trail", "inv") and prev.attr[1] > start:
            stop = boundary if boundary is not None else self.sentence.end
            if any(ch.isalnum() for ch in self.text[prev.attr[1]:stop]):
                start = prev.attr[1]
        return start

    def _trailing(self, cue: Cue, frame: C.Frame, *, boundary: int, subj: tuple[int, int], aend: int,
                  mode: str, addressee: tuple[int, int] | None) -> Act | None:
        toks, text = self.toks, self.text
        b = boundary
        region = self._region_start(toks[b].start)
        cb = b - 1 if toks[b].text == "," and b >= 1 and self._is_close_quote(b - 1) is not None else b
        q = self._is_close_quote(cb)
        pieces: list[tuple[int, int]] = []
        quoted: list[Quote] = []
        lo = region
        if q is not None:
            lead = text[min(region, q.start):q.start] if q.start > region else ""
            if q.start <= region or not any(ch.isalnum() for ch in lead) or \
                    self._only_intro(region, q.start):
                pieces = list(q.segments)
                quoted.append(q)
                lo = min(q.start, region)
            else:
                pieces = [(region, q.end)]
        else:
            end = toks[b].start
            start = region
            acc = self._according_prefix(region, end)
            if acc is not None:
                start = acc
            elif start == self.sentence.start:
                m = _DATELINE.match(self.text, start, end)
                if m is not None:
                    start = m.end()
            pieces = [(start, end)]
        pieces = [(a, self._trim(a, z)) for a, z in pieces]
        pieces = [(self._ltrim(a, z), z) for a, z in pieces]
        pieces = [pc for pc in pieces if pc[1] > pc[0]]
        if not pieces:
            return None
        aend_char = toks[aend].start if aend < self.n else self.sentence.end
        act = Act(self.sentence, self._cue_start(cue), toks[cue.j - 1].end, cue.lemma, mode,
                  self.ref(subj[0], subj[1]), pieces, quoted=quoted)
        act.addressee = self.ref(*addressee) if addressee else None
        act.attr = (toks[b].end, aend_char)
        act.cut = toks[b].start
        act.lo, act.hi = lo, aend_char
        # '"A," he said, "B."' and '"A," said Ruiz: "B"' carry on the same quotation
        if aend < self.n and toks[aend].text in (",", ":") and aend + 1 < self.n:
            q2 = self._is_open_quote(aend + 1)
            if q2 is not None and (quoted or toks[aend].text == ":"):
                act.pieces.extend(q2.segments)
                act.quoted.append(q2)
                act.hi = max(act.hi, q2.end)
                act.attr = (act.attr[0], toks[aend].start)
            elif q2 is None and toks[aend].text == "," and self._continues(aend + 1):
                act.open_from = toks[aend + 1].start
        return act

    def _only_intro(self, start: int, end: int) -> bool:
        """Text before a quotation that is only a lead-in (a dateline or a conjunction)."""
        seg = self.text[start:end].strip()
        return len(seg.split()) <= 1 and not seg[:1].islower()

    def _continues(self, k: int) -> bool:
        """Does the clause carry on after a parenthetical attribution ('The bill, he said, will ...')?"""
        if k >= self.n:
            return False
        t = self.toks[k]
        if not t.word or t.low in W.PREPOSITIONS or t.low in W.CLAUSE_WORDS or t.low.endswith("ing") or \
                t.low.endswith("ed") or k in self.cue_at or t.low in ("according",):
            return False
        for x in range(k, min(self.n, k + NP_MAX)):
            if x in self.cue_at:
                return False
        return t.low in W.FINITE_MARKERS or any(u.low in W.FINITE_MARKERS for u in self.toks[k:k + 3])

    def _according_prefix(self, start: int, end: int) -> int | None:
        """Skip a leading 'According to X,' in front of trailing content."""
        toks = self.toks
        x = self._token_at(start)
        if x is None or toks[x].low != "according" or x + 1 >= self.n or toks[x + 1].low != "to":
            return None
        for y in range(x + 2, min(self.n, x + 2 + NP_MAX)):
            if toks[y].text == "," and toks[y].end < end:
                return toks[y].end
        return None

    def _leading(self, cue: Cue, frame: C.Frame, subj: tuple[int, int], *, shared: Ref | None = None,
                 cut_tok: int | None = None) -> Act | None:
        if shared is None and subj[0] >= 1 and self.toks[subj[0] - 1].low in ("what", "whatever", "how"):
            return None  # "what she said next ...": the words are not reported here
        comp = self.complement(cue, frame)
        if comp is None:
            return None
        start_tok, addressee, quote = comp
        toks = self.toks
        speaker = shared if shared is not None else self.ref(subj[0], subj[1])
        subj_start = toks[subj[0]].start if shared is None else toks[cue.i].start
        act = Act(self.sentence, self._cue_start(cue), toks[cue.j - 1].end, cue.lemma, "lead", speaker, [])
        act.addressee = self.ref(*addressee) if addressee else None
        if quote is not None:
            act.pieces = list(quote.segments)
            act.quoted.append(quote)
            act.hi = quote.end
        else:
            act.open_from = toks[start_tok].start if start_tok < self.n else self.sentence.end
            act.hi = self.sentence.end
        content_at = act.pieces[0][0] if act.pieces else act.open_from or act.cue_end
        clause_start = self._clause_start(subj[0]) if shared is None else subj_start
        act.attr = (clause_start, content_at)
        act.lo = min(subj_start, act.cue_start)
        if cut_tok is not None:
            act.cut = toks[cut_tok].start
            act.mode = "part"
            act.shared = True
        elif shared is None and subj[0] >= 1 and toks[subj[0] - 1].low in _CLAUSE_JOINERS:
            act.cut = toks[subj[0] - 1].start
        if shared is None:
            first = self._first_word(subj[0])
            if first is not None and toks[first].low in SUBORDINATORS:
                act.subordinate_at = first
        return act

    def _plain_verb(self, cue: Cue) -> bool:
        """A cue that cannot be a noun ("said", "warned"), so any phrase before it may be its subject."""
        low = self.toks[cue.i].low
        return cue.lemma in C.FRAMES and (low.endswith("ed") or low in _IRREGULAR_FINITE)

    def _cue_start(self, cue: Cue) -> int:
        """The cue as written includes a perfect auxiliary right before it ("has stated")."""
        i = cue.i
        if i >= 1 and self.toks[i - 1].low in ("has", "have", "had") and not cue.ing:
            return self.toks[i - 1].start
        return self.toks[i].start

    def _shared(self, cue: Cue, frame: C.Frame, *, cut_tok: int) -> Act | None:
        """A participle or coordinated verb: the speaker is the subject of the clause before."""
        prev = self._prev_act()
        speaker: Ref | None
        if prev is not None and prev.speaker is not None:
            speaker = prev.speaker
        else:
            speaker = self._main_subject(cue.i)
        if speaker is None:
            return None
        return self._leading(cue, frame, (cue.i, cue.i), shared=speaker, cut_tok=cut_tok)

    def _according(self, cue: Cue) -> Act | None:
        toks, n = self.toks, self.n
        i, j = cue.i, cue.j
        e = j
        while e < n and e - j < NP_MAX + 6 and toks[e].text not in (",", ";", ":") \
                and not self._terminal_rest(e) \
                and not self.inside[e] and self._is_open_quote(e) is None \
                and toks[e].low not in _RELATIVES and e not in self.cue_at:
            e += 1
        if e == j:
            return None
        src = self.source_ref(j, e)
        lead = all(not t.word or t.low in ("and", "but", "so") for t in toks[:min(i, 4)]) and i <= 3
        act = Act(self.sentence, toks[i].start, toks[j - 1].end, "according to", "according", src, [])
        act.lo = act.cue_start
        if lead and e < n and toks[e].text == ",":
            act.open_from = toks[e + 1].start if e + 1 < n else self.sentence.end
            act.hi = self.sentence.end
            act.attr = (act.cue_start, toks[e].end)
            act.mode = "according_lead"
            return act
        b = i - 1 if i >= 1 and toks[i - 1].text == "," else i
        if b <= 0:
            return None
        region = self._region_start(toks[b].start)
        end = toks[b].start
        q = self._is_close_quote(b - 1 if toks[b].text == "," else b)
        if q is not None and q.start <= region + 1:
            act.pieces = list(q.segments)
            act.quoted.append(q)
            act.lo = min(q.start, region)
        else:
            act.pieces = [(region, self._trim(region, end))]
            act.lo = region
        act.cut = toks[b].start
        aend = toks[e].start if e < n else self.sentence.end
        act.attr = (act.cue_start, aend)
        act.hi = aend
        return act

    def _finish(self) -> None:
        """Close open contents at the next attribution, 'according to', or the clause end."""
        cuts = sorted(a.cut for a in self.acts if a.cut is not None)
        for act in self.acts:
            if act.open_from is None:
                continue
            start = act.open_from
            end = self.sentence.end
            x = bisect.bisect_right(cuts, start)
            if x < len(cuts):
                end = min(end, cuts[x])
            if act.subordinate_at is not None:
                x = bisect.bisect_right(self.commas, start)
                while x < len(self.commas) and self.commas[x] < end:
                    if not self.ctx.inside_quote(self.commas[x]):
                        end = self.commas[x]
                        break
                    x += 1
            for q in self.ctx.quotes_from(start, end):
                if q.end > end and q.start < end:
                    end = q.end
            x = bisect.bisect_right(self.urls, start)
            if x < len(self.urls) and self.urls[x] < end:
                end = self.urls[x]
            z = self._trim(start, end)
            a = self._ltrim(start, z)
            if z > a:
                act.pieces.append((a, z))
                act.hi = max(act.hi, z)
                for q in self.ctx.quotes_from(a, z):
                    act.quoted.append(q)
            act.open_from = None
        self.acts = [a for a in self.acts if a.pieces]
