"""Noun phrases around a speech cue: the speaker before it, the addressee after it.

Without a part-of-speech tagger a phrase is delimited by closed word classes,
capitalisation and the analysis' mentions; :meth:`PhraseParser.ref` then
resolves a phrase to the entity the analysis knows (the head's mention, the
issuer of a document, the body behind "officials").
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

import regex

from . import words as W
from .records import Ref, entity_type
from .sentence import AGENT_SUFFIXES, SentenceView
from .tokens import DASHES

if TYPE_CHECKING:
    from factkit.analysis.model import Mention

NP_MAX = 14
CLAUSE_WINDOW = 24
MODIFIERS = frozenset("""former acting senior top junior deputy late then new outgoing incoming current
interim veteran leading prominent fellow retired ex chief vice first second assistant associate general
special foreign defense defence finance trade prime executive managing principal permanent de du van
von der den da di la le al el bin ibn dos das del della ter ten mr mrs ms dr official semi-official
state-run state-owned state government-run government-owned independent opposition ruling
pro-government influential daily weekly""".split())
_PP_ADJECTIVES = frozenset("""familiar close briefed involved knowledgeable aware loyal opposed linked
allied near speaking""".split())
_ACRONYM_PLURAL = regex.compile(r"\p{Lu}{2,}s")  # "backbench MPs", "foreign NGOs"
_ADJUNCT_PARTICIPLES = frozenset("issued released published posted sent made circulated distributed "
                                  "adopted signed".split())
_ADJUNCT_PREPS = frozenset("after before at on in following during late early".split())
SUBORDINATORS = frozenset("while although though as because if when since whereas after before".split())


class PhraseParser(SentenceView):
    """Finds and resolves the noun phrases that name speakers, addressees and sources."""

    def np_left(self, k: int, lo: int = 0) -> int | None:
        """Start token of the speaker phrase ending at token ``k``, or None."""
        toks = self.toks
        if k < lo or k >= self.n or not toks[k].word or self.inside[k]:
            return None
        # prepositional complements inside the phrase ("aides at the bureau of statistics")
        start = self._adjective_tail(k, lo)
        preps = 2  # "a person familiar with the plans"
        if start is None:
            preps = 0 if self.head_like(k) else 1
            start = k if preps == 0 else self._pp_tail(k, lo)  # "the bureau of statistics said"
            if start is None:
                return None
        s = start
        lower_run = 0
        while s - 1 >= lo and k - (s - 1) < NP_MAX:
            q = s - 1
            if self.inside[q]:
                break
            t = toks[q]
            low = t.low
            if low == "'s":
                if q - 1 >= lo and toks[q - 1].word:
                    s = q
                    continue
                break
            if t.text == "&" or (t.text == "." and q >= 1 and len(toks[q - 1].text) == 1 and toks[q - 1].cap):
                s = q
                continue
            if not t.word:
                break
            if self._mention(q) is not None and low not in W.CLAUSE_WORDS and low not in W.PREPOSITIONS:
                s = q
                lower_run = 0
                continue
            if low == "and":
                left = toks[q - 1] if q - 1 >= lo else None
                if left is not None and toks[s].cap and not left.cap and left.low not in W.SPEAKER_NOUNS \
                        and left.low not in W.PRONOUNS:
                    break  # "… hundreds of times and Aydin warned": a name starts a new clause
                if q - 1 >= lo and self.head_like(q - 1) and (
                        toks[q - 1].cap or toks[q - 1].low in W.PRONOUNS or toks[q - 1].low in W.SPEAKER_NOUNS
                        or toks[q - 1].low.endswith("s")):
                    s = q
                    continue
                break
            if low in W.NP_PREPOSITIONS:
                if preps < 2 and q - 1 >= lo and self.head_like(q - 1) and not toks[q - 1].low in W.PRONOUNS:
                    preps += 1
                    s = q
                    continue
                break
            if low in W.DETERMINERS:
                s = q
                # "sources on both sides": a determiner inside a prepositional complement
                if preps < 2 and q - 2 >= lo and toks[q - 1].low in W.NP_PREPOSITIONS and \
                        self.head_like(q - 2) and toks[q - 2].low not in W.PRONOUNS:
                    preps += 1
                    s = q - 1
                    continue
                break
            if (low in W.CLAUSE_WORDS or low in W.BE or low in W.AUX or low in W.PREPOSITIONS
                    or low in W.PRONOUNS or q in self.cue_at or self._in_date(q)):
                break
            if t.cap:
                s = q
                lower_run = 0
                continue
            if toks[s].cap and not self._modifies_name(low, toks[s].text):
                break
            lower_run += 1
            if lower_run > 4:
                break
            s = q
        s = self._document_phrase(s, lo)
        # trim adjuncts that crept in at the left edge ("last week Acme Bank")
        while s < k:
            t = toks[s]
            low = t.low
            if low in W.TIME_WORDS or self._in_date(s) or low in ("and", "but", "so", "or") or \
                    (low.endswith("ly") and self._mention(s) is None and len(low) > 4) or \
                    low in W.PREPOSITIONS:
                s += 1
                continue
            break
        return s

    def _adjective_tail(self, k: int, lo: int) -> int | None:
        """'a person familiar with the plans', 'aides briefed on it': where the adjective sits."""
        toks = self.toks
        for x in range(k - 1, max(lo, k - 7) - 1, -1):
            t = toks[x]
            if not t.word or t.low in W.CLAUSE_WORDS and t.low not in ("with", "by") or x in self.cue_at \
                    and t.low not in _PP_ADJECTIVES:
                return None
            if t.low in _PP_ADJECTIVES and toks[x + 1].low in W.PREPOSITIONS and x - 1 >= lo and \
                    self.head_like(x - 1):
                return x
        return None

    def _pp_tail(self, k: int, lo: int) -> int | None:
        """'bureau of statistics said': a head noun followed by its of/for complement ending at ``k``.

        Also 'a source familiar with the talks', 'two people briefed on the matter'.
        """
        toks = self.toks
        for x in range(k - 1, max(lo, k - 4) - 1, -1):
            low = toks[x].low
            if low in ("of", "for"):
                if x - 1 >= lo and self.head_like(x - 1) and toks[x - 1].low not in W.PRONOUNS:
                    return x
                return None
            if not toks[x].word or low in W.CLAUSE_WORDS or low in W.BE or low in W.AUX or x in self.cue_at:
                return None
        return None

    def _document_phrase(self, s: int, lo: int) -> int:
        """Extend 'the bureau' to 'a report released by the bureau' when a document frames it."""
        toks = self.toks
        x = s - 1
        if x < lo or toks[x].low not in ("by", "from"):
            return s
        x -= 1
        if x >= lo and toks[x].low in ("issued", "released", "published", "posted", "signed", "sent", "made"):
            x -= 1
        if x < lo or toks[x].low not in W.DOCUMENT_NOUNS:
            return s
        if x - 1 >= lo and toks[x - 1].low in W.DETERMINERS:
            x -= 1
        return x

    def np_right(self, j: int, hi: int | None = None, *, addressee: bool = False) -> tuple[int, int] | None:
        """``(start, end)`` tokens of a noun phrase starting at ``j`` (its last token is a head)."""
        toks = self.toks
        hi = self.n if hi is None else min(hi, self.n)
        if j >= hi or not toks[j].word or self.inside[j]:
            return None
        if toks[j].low in W.PRONOUNS or toks[j].low in ("him", "her", "them", "us", "me"):
            return (j, j + 1) if toks[j].low != "who" else None
        e = j
        last_head = -1
        used_prep = False
        while e < hi and e - j < NP_MAX:
            t = toks[e]
            if self.inside[e]:
                break
            low = t.low
            if t.text == "." and e + 1 < hi and toks[e + 1].cap and len(toks[e - 1].text) == 1 \
                    and toks[e - 1].cap:
                e += 1
                continue
            if low == "'s" or t.text == "&":
                e += 1
                continue
            if not t.word or self._in_date(e):
                break
            m = self._mention(e)
            if m is not None and low not in W.CLAUSE_WORDS and low not in W.PREPOSITIONS:
                if addressee and last_head >= 0 and self._breaks_np(e - 1):
                    break
                while e < hi and toks[e].end <= m.end:
                    e += 1
                last_head = e - 1
                continue
            if self.in_title[e] and (t.cap or e > j):
                last_head = e if t.word and low not in W.PREPOSITIONS else last_head
                e += 1
                continue
            if low in W.DETERMINERS or low in ("his", "her", "their", "its", "our"):
                if e > j and toks[e - 1].low not in W.NP_PREPOSITIONS and toks[e - 1].low != "and":
                    break
                e += 1
                continue
            if low in ("of", "for") and not used_prep and last_head >= 0 and e + 1 < hi and (
                    toks[e + 1].cap or toks[e + 1].low in W.DETERMINERS):
                used_prep = True
                e += 1
                continue
            if low in ("in", "at", "on") and not used_prep and last_head >= 0 and e + 1 < hi \
                    and toks[e + 1].cap and not addressee and not self._in_date(e + 1):
                used_prep = True
                e += 1
                continue
            if low == "and" and last_head >= 0 and e + 1 < hi and (
                    toks[e + 1].cap or toks[e + 1].low in W.DETERMINERS
                    or toks[e + 1].low in W.SPEAKER_NOUNS):
                e += 1
                continue
            if (low in W.CLAUSE_WORDS or low in W.BE or low in W.AUX or low in W.PREPOSITIONS
                    or low in W.PRONOUNS or e in self.cue_at or low in W.FINITE_MARKERS):
                break
            if addressee and last_head >= 0 and t.cap and self._breaks_np(e - 1):
                break
            if addressee and last_head >= 0 and toks[last_head].low in W.ADDRESSEE_NOUNS:
                break
            if e > j and not t.cap and toks[e - 1].cap and not self._noun_after_name(low) and \
                    not (e + 1 < hi and self._noun_after_name(toks[e + 1].low)):
                break  # "Peru objects": a lowercase word after a name is a verb unless a known noun
            if self.head_like(e) or (addressee and low in W.ADDRESSEE_NOUNS):
                last_head = e
            elif last_head >= 0 and not t.cap and last_head == e - 1 and \
                    not (e + 1 < hi and self._noun_after_name(toks[e + 1].low)):
                break  # "the port authority closed ...": a verb after the head
            e += 1
        if last_head < j:
            return None
        return j, last_head + 1

    def _modifies_name(self, low: str, name: str) -> bool:
        """May this lowercase word stand before a capitalised one in a speaker phrase?"""
        return (low in MODIFIERS or self.ctx.is_title_word(low) or self.ctx.is_modifier(low)
                or low in W.SPEAKER_NOUNS or low.endswith(AGENT_SUFFIXES)
                or _ACRONYM_PLURAL.fullmatch(name) is not None)

    def _addressee_start(self, k: int) -> bool:
        t = self.toks[k]
        return t.cap or t.low in W.DETERMINERS or t.low in W.ADDRESSEE_NOUNS or \
            t.low in ("his", "her", "their", "its", "our", "him", "them", "us", "me")

    def _noun_after_name(self, low: str) -> bool:
        return (low in W.SPEAKER_NOUNS or low in W.ADDRESSEE_NOUNS or low in W.DOCUMENT_NOUNS
                or self.ctx.is_title_word(low) or low in ("'s", "and", "&", "of", "for"))

    def _breaks_np(self, k: int) -> bool:
        """A lowercase noun before a capitalised word ends an addressee ("told reporters Peru will")."""
        t = self.toks[k]
        low = t.low
        return not t.cap and low not in ("'s", "and", "&") and low not in MODIFIERS and \
            low not in W.DETERMINERS and low not in W.NP_PREPOSITIONS and low not in W.POSSESSIVES

    def _loose_np(self, k: int) -> int | None:
        """'The draft motion asks for ...': a determiner phrase opening the clause is the subject."""
        toks = self.toks
        x = k
        while x >= 0 and k - x < 7:
            t = toks[x]
            if not t.word or self.inside[x] or x in self.cue_at or t.low in W.CLAUSE_WORDS or \
                    t.low in W.BE or t.low in W.AUX or t.low in W.PREPOSITIONS or t.low in W.PRONOUNS:
                return None
            if t.low in W.DETERMINERS:
                if x == k:
                    return None
                before = toks[x - 1] if x > 0 else None
                if before is None or before.text in (",", ";", ":") or before.text in DASHES or \
                        before.low in W.CLAUSE_WORDS:
                    return x
                return None
            x -= 1
        return None

    def _main_subject(self, upto: int) -> Ref | None:
        toks = self.toks
        lo = max(0, upto - 3 * CLAUSE_WINDOW)
        starts = [lo] + [x + 1 for x in range(lo, upto)
                         if toks[x].text in (",", ";", ":") or toks[x].text in DASHES
                         or toks[x].low in SUBORDINATORS or toks[x].low == "that"]
        for c in reversed(starts):
            if c >= upto:
                continue
            c2 = c
            while c2 < upto and (toks[c2].low in ("and", "but", "so") or c2 in self.date_end
                                 or not toks[c2].word):
                c2 = self.date_end.get(c2, c2 + 1)
            if c2 >= upto:
                continue
            np = self.np_right(c2, upto)
            if np is None or np[1] >= upto:
                continue
            after = toks[np[1]]
            if after.word and after.low not in W.CLAUSE_WORDS:
                return self.ref(np[0], np[1])
        return None

    def _clause_start(self, s: int) -> int:
        toks = self.toks
        x = s
        while x > 0 and toks[x - 1].text not in (",", ";", ":") and not self.inside[x - 1] \
                and (x - 1) not in self.cue_at and s - x < CLAUSE_WINDOW:
            x -= 1
        return toks[x].start if x < self.n else self.sentence.start

    def _np_core(self, s: int, e: int, mentions: Sequence[Mention]) -> tuple[int, bool]:
        """End token of the phrase's core (before a preposition or 'and'), and whether 'and' cut it."""
        toks = self.toks
        for x in range(s, e):
            low = toks[x].low
            if low in ("and", "of", "for", "in", "at", "from", "on", "by", "issued", "released", "with"):
                if not self.in_title[x] and \
                        not any(m.start <= toks[x].start and m.end >= toks[x].end for m in mentions):
                    if low == "and" and any(self.ctx.is_title_word(toks[y].low) for y in range(x + 1, e)):
                        continue  # "Mines and Energy Minister Ana Ruiz"
                    if x > s:
                        return x, low == "and"
        return e, False

    def ref(self, s: int, e: int) -> Ref | None:
        """The speaker phrase tokens ``[s, e)`` resolved through the analysis."""
        if e <= s:
            return None
        toks, doc = self.toks, self.doc
        if e - s > 1 and toks[s].low in ("a", "an"):
            s += 1
        e = self._without_adjuncts(s, e)
        a, b = toks[s].start, toks[e - 1].end
        mentions = doc.mentions_in(a, b)
        core, by_and = self._np_core(s, e, mentions)
        head = core - 1
        ht = toks[head]
        covering = [m for m in mentions if m.start <= ht.start and m.end >= ht.end]
        if not covering:
            m = doc.mention_at(ht.start)
            if m is not None and m.end >= ht.end and m.start >= a - 40:
                covering = [m]
        plural = (ht.low.endswith("s") and not ht.low.endswith("ss") and ht.low.isalpha() and not covering
                  and (not ht.cap or head == self._first_word(self.n))) or ht.low in ("they", "we")
        if ht.low in W.DOCUMENT_NOUNS:
            owner = self._owner(s, e, head, mentions)
            if owner is not None:
                if owner.entity is None and covering:
                    owner.entity = max(covering, key=lambda m: (m.end - m.start, -m.start)).entity_id
                return owner
            if not covering:
                return Ref(a, b, None, "document", False, ht.low)
        if by_and and core == s + 1 and e - s >= 4 and toks[s].cap and toks[e - 1].low.endswith("s") \
                and not toks[e - 1].cap and toks[e - 1].word and toks[s + 2].cap:
            # "Saudi and US mediators said", "French and Irish farm groups": modifiers sharing one head
            return Ref(a, toks[e - 1].end, None, "description", True, toks[e - 1].low)
        if by_and:
            b = ht.end  # "Ruiz and Okafor said": the first named speaks for both
            if not (ht.cap or ht.low in W.PRONOUNS or covering):
                b = toks[e - 1].end  # "traders and brokers" stay together
        if covering:
            m = max(covering, key=lambda m: (m.end - m.start, -m.start))
            kind = "pronoun" if m.kind == "pronoun" else (
                "name" if m.kind in ("name", "alias", "acronym") else "description")
            return Ref(a, b, m.entity_id, kind, plural, ht.low)
        if ht.low in W.PRONOUNS:
            return Ref(a, b, None, "pronoun", plural, ht.low)
        ent = None
        for m in mentions:
            if m.end <= ht.start and m.kind != "pronoun":
                if entity_type(doc, m.entity_id) in ("organization", "country"):
                    ent = m.entity_id
        name = ht.cap and ht.word and ht.low not in W.SPEAKER_NOUNS and ht.low not in W.DOCUMENT_NOUNS \
            and not self.ctx.is_title_word(ht.low) and not plural and toks[s].low not in W.DETERMINERS
        return Ref(a, b, ent, "name" if name and ent is None else "description", plural, ht.low)

    def _without_adjuncts(self, s: int, e: int) -> int:
        """'an EC spokesman in Brussels', 'a communique issued after the talks': the speaker is the
        phrase before its place or participle."""
        toks = self.toks
        for x in range(s + 1, e):
            low = toks[x].low
            if low in _ADJUNCT_PARTICIPLES and x + 1 < e and toks[x + 1].low in _ADJUNCT_PREPS:
                return x
            if low in ("in", "at") and x + 1 < e and toks[x + 1].cap and not self.in_title[x]:
                m = self._mention(x + 1)
                if m is not None and entity_type(self.doc, m.entity_id) in ("place", "country"):
                    y = x + 1
                    while y < e and toks[y].end <= m.end:
                        y += 1
                    if y == e:
                        return x
        return e

    def _owner(self, s: int, e: int, head: int, mentions: Sequence[Mention]) -> Ref | None:
        """The body behind a document: 'the agency's statement', 'a statement from the agency'."""
        toks = self.toks
        for x in range(s, e):
            if toks[x].low in ("by", "from") and x > head - 1 and x + 1 < e:
                y = x + 1
                return self.ref(y, e)
        cand = [m for m in mentions if m.end <= toks[head].start and m.kind != "pronoun"]
        if cand:
            best = cand[-1]
            for m in reversed(cand):
                if entity_type(self.doc, m.entity_id) in ("organization", "person"):
                    best = m
                    break
            kind = "name" if best.kind in ("name", "alias", "acronym") else "description"
            return Ref(best.start, best.end, best.entity_id, kind)
        # 'the agency's statement' without a mention: the words before the possessive
        for x in range(head - 1, s, -1):
            if toks[x].low == "'s":
                return Ref(toks[s].start, toks[x - 1].end, None, "description")
        if head > s and toks[head - 1].word:
            start = s
            while start < head and toks[start].low in W.DETERMINERS:
                start += 1
            if start < head and any(toks[x].cap for x in range(start, head)):
                return Ref(toks[s].start, toks[head - 1].end, None, "description")
        return None

    def source_ref(self, s: int, e: int) -> Ref | None:
        """The X of 'according to X': a speaker when X can speak, flagged as data otherwise."""
        ref = self.ref(s, e)
        if ref is None:
            return None
        mentions = self.doc.mentions_in(self.toks[s].start, self.toks[e - 1].end)
        core, _ = self._np_core(s, e, mentions)
        head = self.toks[core - 1].low
        if head in W.POLL_NOUNS:
            return Ref(ref.start, ref.end, None, "data")  # a poll reports what others think
        if head in W.DATA_NOUNS:
            owner = self._owner(s, e, core - 1, mentions)
            if owner is None:
                return Ref(ref.start, ref.end, None, "data")
            return owner
        return ref
