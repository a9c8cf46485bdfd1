"""Who and what an article names, what posts people hold, and which later words point back at them.

News names a person once in full ("French Foreign Minister Catherine Colonna")
and afterwards by surname, title or pronoun, so the finder works per article:
it first marks what the lexicon and a few institution patterns recognise,
then finds people from titles, honorifics, known given names, appositions and
speech-verb subjects, clusters the names they are given, and finally links
surnames, titles ("the foreign minister"), "the ministry"/"the statement" and
He/She back to that table. Every rule looks at a few tokens around one
position, so the cost is linear in the article's length.
"""

from __future__ import annotations

import bisect
import functools
import re
from collections.abc import Iterable, Sequence, Set as AbstractSet
from itertools import chain, compress
from dataclasses import dataclass, field

from .lexicon import (TOKEN_RE, CompiledLexicon, Lexicon, Surface, fold_token, fold_tokens,
                      token_columns_with_gaps)
from .model import EntityRecord, Mention, Position, Region, Sentence

# ---------------------------------------------------------------------------- word lists
_CAP_STOP = frozenset("""
the a an and or nor but so yet of in on at to for with by from as into over about after before
during under since until while when where what why how who whom whose which that this these those
there here it its he she they we i you his her their our my your him them us me if although though
because despite however meanwhile moreover also recently now then still some many most several
both all each every one two three four five other another such according asked last earlier later
next today yesterday tonight tomorrow instead indeed thus further separately is are was were be been
has have had will would should could can may might must not no yes amid against between among within
without via per than like unlike toward towards upon up down out off more less only even just
again already once first second third additionally finally overall currently following speaking
credits photo read related share watch video advertisement""".split())
_MONTHS = frozenset("""january february march april june july august september october november
december jan feb mar apr jun jul aug sep sept oct nov dec""".split())
_WEEKDAYS = frozenset("""monday tuesday wednesday thursday friday saturday sunday mon tue tues wed
thu thur thurs fri sat sun""".split())
_PARTICLES = frozenset("de du da di van von der den del della la le bin ibn al el dos das ter zu y".split())
_ADVERBS = frozenset("""also later earlier then again further has had have will would previously
repeatedly recently separately reportedly once never not often even still""".split())
_INSTITUTIONAL = frozenset("""Conference Summit Forum Strait Straits Sea Ocean Peninsula River Mountains
Island Islands Airport Street Square Road Avenue Bridge Treaty Agreement Accord Act Plan Program
Programme Initiative War Games Cup Prize Award Index Report Cooperation Development Affairs Rights
Market Crisis Election Elections Declaration Charter Convention Protocol Deal Talks Dialogue Process
Region Province State States Republic Kingdom Empire City Valley Gulf Coast Desert Canal Basin Zone
Corridor Station Hospital Hotel Stadium Building Church Mosque Temple Cathedral Museum Embassy
Consulate""".split())
ORG_HEADS = frozenset("""Company Corporation Bank Party Council Committee Commission Agency
Association Organization Organisation Union Fund Group Institute Institution University College
Court Parliament Assembly Army Front Movement Ministry Department Office Bureau Authority Board
Federation Confederation League Alliance Coalition Congress Senate House Tribunal Exchange
Foundation Service Corps Forces Guard Police Navy Command Directorate Secretariat Cabinet Society
Trust Holdings Industries Airlines Airways Network Brigade Brigades Battalion Militia Junta
Government Chamber Mission Syndicate Cartel Journal Times Post Daily Reserve Politburo Kremlin
Pentagon""".split())
CORP_SUFFIX = frozenset("Co Cos Corp Inc Ltd LLC Plc PLC AG SA GmbH NV Bhd Pty LP LLP".split())
_ORG_HEAD_FOLDS = frozenset(fold_token(w) for w in ORG_HEADS | CORP_SUFFIX)
_NOT_NAME_WORDS = ORG_HEADS | _INSTITUTIONAL | CORP_SUFFIX
_STANDALONE = frozenset("Senate Congress Parliament Cabinet Politburo Kremlin Pentagon".split())
_TAIL_LINKS = frozenset(("of", "for", "on"))
_CONNECT = frozenset(("of", "for", "on", "and", "the", "de", "du", "des", "la", "le", "&"))
DOMAIN_WORDS = frozenset("""foreign affairs finance defense defence commerce trade treasury justice
interior home economy economic economics health education energy agriculture labor labour industry
information culture environment transport transportation state security homeland public emergency
emergencies war fisheries tourism communications planning development housing science technology
infrastructure immigration intelligence internal external overseas veterans legal business climate
digital media sport sports youth employment investment innovation mines petroleum pensions""".split())
_DOMAIN_NORMAL = {"defence": "defense", "labour": "labor", "external": "foreign",
                  "economics": "economy", "economic": "economy", "transportation": "transport"}
_MINISTRY_HEADS = frozenset(("ministry", "department"))
GROUP_NOUNS = frozenset("""officials diplomats envoys negotiators lawmakers legislators leaders
delegates delegation representatives authorities regulators prosecutors investigators ministers""".split())
_FORMER = frozenset(("former", "ex", "late", "then", "outgoing", "retired"))
_ANAPHOR_HEADS = frozenset("""ministry department company bank council committee commission agency
party court board organization organisation union fund alliance tribunal assembly parliament senate
congress army panel bloc""".split())
_DOCUMENTS = frozenset(("statement", "communique", "communiqué", "readout"))
_ANAPHOR_WORDS = _ANAPHOR_HEADS | _DOCUMENTS
_MINISTRY_WORDS = _MINISTRY_HEADS | {"treasury"}
_ADMINISTRATION = frozenset(("administration",))
_WHO = frozenset(("who", "whose"))
_PRONOUNS = frozenset(("he", "she"))
_GENDER_HONORIFIC = {"mr": "he", "mrs": "she", "ms": "she", "miss": "she", "sir": "he",
                     "dame": "she", "madam": "she", "lord": "he", "lady": "she"}
_HONORIFIC_POSTS = {"sen": "Senator", "rep": "Representative", "gov": "Governor", "gen": "General",
                    "lt": "Lieutenant", "col": "Colonel", "adm": "Admiral", "capt": "Captain",
                    "maj": "Major", "cmdr": "Commander", "amb": "Ambassador", "pres": "President",
                    "archbishop": "Archbishop", "cardinal": "Cardinal", "bishop": "Bishop", "imam": "Imam",
                    "ayatollah": "Ayatollah", "rabbi": "Rabbi"}
_RANKS = frozenset("prince princess sheikh sheikha emir king queen brig sgt lt col maj gen adm capt".split())
_SMALL_TITLE_WORDS = frozenset(("of", "for", "and", "the", "on", "in", "to", "at"))
_DELIMS = ",.;:)–—"
_MAX_NAME = 4
_NOT_BEFORE_SUBJECT = frozenset("""at of from for with by in on to into the a an about against like than
's""".split())
_GENERIC_TITLES = frozenset(("leader", "head", "director", "founder", "chief", "member"))
_NAME_CUES = frozenset(("counterpart", "counterparts"))
_COMMON_SUBJECTS = frozenset("""analysts officials diplomats residents witnesses critics police protesters
experts economists traders dealers bankers sources investors observers authorities lawmakers opponents
supporters activists scientists researchers doctors organisers organizers prosecutors investigators
militants rebels troops soldiers voters students workers farmers others many some everyone nobody
reports data figures polls surveys documents records officers delegates negotiators insiders
executives shareholders creditors lenders exporters importers producers consumers markets prices
shares stocks bonds""".split())
_HEADLINE_SMALL = frozenset("a an the of in on at to for and or by with from as vs via".split())


@dataclass(slots=True)
class EntityAnalysis:
    """What :meth:`EntityFinder.find` returns: entities, their mentions, and who holds which post."""

    entities: list[EntityRecord]
    mentions: list[Mention]
    positions: list[Position]


class EntityFinder:
    """Finds entities in articles; holds only the lexicon, so one finder serves many articles."""

    def __init__(self, lexicon: Lexicon) -> None:
        self.lexicon = lexicon
        self._tables: _Tables | None = None

    def find(self, text: str, sentences: Sequence[Sentence], junk: Sequence[Region]) -> EntityAnalysis:
        """Entities, mentions and positions of one article; page junk yields none of them."""
        lex = self.lexicon.compile()
        if self._tables is None or self._tables.lex is not lex:
            self._tables = _Tables(lex)
        return _Article(lex, text, sentences, junk, self._tables).run()


class _Tables:
    """Word sets derived from one compiled lexicon, built once and shared by every article."""

    def __init__(self, lex: CompiledLexicon) -> None:
        self.lex = lex
        # a token can start a person candidate in ``people`` only when its word is one of these
        self.person_cues = lex.honorifics | lex.speech_verbs | _NAME_CUES | lex.given | lex.surnames_first
        # folded words that are never part of a person's name
        self.not_name = _CAP_STOP | _MONTHS | _WEEKDAYS | lex.speech_verbs | lex.honorifics


# ---------------------------------------------------------------------------- per-article state
@dataclass(eq=False, slots=True)
class _Ent:
    key: object
    type: str
    name: str
    kind: str | None = None
    country: str | None = None
    lex: bool = False
    tokens: tuple[str, ...] = ()
    aliases: list[str] = field(default_factory=list)
    gender: str | None = None
    domain: str | None = None
    heads: set[str] = field(default_factory=set)
    title: str | None = None
    organization: str | None = None
    merged: _Ent | None = None
    order: int = 0
    written: str | None = None
    body_start: int = 0

    def root(self) -> _Ent:
        ent = self
        while ent.merged is not None:
            ent = ent.merged
        return ent


@dataclass(eq=False, slots=True)
class _Men:
    a: int
    b: int
    start: int
    end: int
    ent: _Ent
    kind: str
    weak: bool = False
    dead: bool = False


@dataclass(eq=False, slots=True)
class _Cand:
    a: int
    b: int
    ent: _Ent
    kind: str
    prio: int
    nested: list[_Cand] = field(default_factory=list)
    weak: bool = False


@dataclass(eq=False, slots=True)
class _PosInfo:
    words: list[str]
    org: _Ent | None
    start: int
    end: int
    former: bool
    org_text: str | None = None


@dataclass(eq=False, slots=True)
class _PersonCand:
    a: int
    b: int
    tokens: tuple[str, ...]
    texts: tuple[str, ...]
    positions: list[_PosInfo] = field(default_factory=list)
    gender: str | None = None
    aliases: list[str] = field(default_factory=list)


@dataclass(eq=False, slots=True)
class _Anaphor:
    a: int
    b: int
    key: frozenset[str]
    words: list[str]
    premod: _Ent | None


_QUOTE_MARKS = re.compile(r'[“”"]|\n[^\S\n]*\n')


def _inside(spans: list[tuple[int, int]], pos: int) -> bool:
    n = bisect.bisect_right(spans, (pos, pos)) - 1
    return n >= 0 and spans[n][0] < pos < spans[n][1]


def _one_typo(a: str, b: str) -> bool:
    """One substituted, swapped, added or dropped letter in words of five letters or more."""
    if min(len(a), len(b)) < 5 or a == b or abs(len(a) - len(b)) > 1:
        return False
    if len(a) == len(b):
        diff = [i for i in range(len(a)) if a[i] != b[i]]
        return len(diff) == 1 or (len(diff) == 2 and diff[1] == diff[0] + 1
                                  and a[diff[0]] == b[diff[1]] and a[diff[1]] == b[diff[0]])
    short, long_ = sorted((a, b), key=len)
    i = 0
    while i < len(short) and short[i] == long_[i]:
        i += 1
    return short[i:] == long_[i + 1:]


def _disjoint(spans: Sequence[Sentence | Region]) -> bool:
    """Sorted spans that do not overlap (what the splitter and the junk finder produce)."""
    return all(a.start <= a.end <= b.start for a, b in zip(spans, spans[1:]))


def cand_text(cand: _PersonCand) -> str:
    return " ".join(cand.texts)


@functools.lru_cache(maxsize=4096)
def _fold_name(name: str) -> str:
    """Folded tokens of a name; names recur within and across articles, so the key is cached."""
    return " ".join(fold_tokens(TOKEN_RE.findall(name)))


def title_case(words: Sequence[str]) -> str:
    """A title as written, normalised: "foreign minister" → "Foreign Minister", "of" stays small."""
    out = []
    for n, w in enumerate(words):
        low = w.lower()
        if n and low in _SMALL_TITLE_WORDS:
            out.append(low)
        elif len(w) > 1 and w.replace(".", "").isupper():
            out.append(w)
        else:
            out.append("-".join(p[:1].upper() + p[1:].lower() for p in w.split("-")))
    return " ".join(out)


def _title_key(words: Iterable[str]) -> frozenset[str]:
    return frozenset(fold_token(w) for w in words if fold_token(w) not in _SMALL_TITLE_WORDS)


class _Article:
    """All the per-article tables; ``run`` applies the phases in order."""

    def __init__(self, lex: CompiledLexicon, text: str, sentences: Sequence[Sentence],
                 junk: Sequence[Region], tables: _Tables) -> None:
        self.lex = lex
        self.tables = tables
        self.text = text
        self.ts, self.te, self.tx, self.gap = token_columns_with_gaps(text)
        self.n = n = len(self.tx)
        self.tf = tf = fold_tokens(self.tx)
        # where each folded word occurs: a phase looks only at the tokens of the words it cares about
        where: dict[str, list[int]] = {}
        for i, f in enumerate(tf):
            if f in where:
                where[f].append(i)
            else:
                where[f] = [i]
        self.where = where
        self.hyphenated = frozenset(f for f in where if "-" in f)
        self.capitalised = [i for i, t in enumerate(self.tx) if t[0].isupper()]
        self.lowercase = [t[0].islower() for t in self.tx]
        self._locate(sorted(sentences, key=lambda s: s.start), sorted(junk, key=lambda r: r.start))
        self.cover: list[_Men | None] = [None] * n
        self.mentions: list[_Men] = []
        self.ents: dict[object, _Ent] = {}
        self.lex_end: dict[int, _Cand] = {}
        self.org_aliases: dict[tuple[str, ...], tuple[_Ent, bool]] = {}
        self.person_cands: list[_PersonCand] = []
        self.anaphors: list[_Anaphor] = []
        self.persons: list[_Ent] = []
        self.positions_raw: list[tuple[_Ent, _PosInfo]] = []
        self.heads_cache: dict[int, set[str]] = {}
        self.tlen, self.title_starts = self._title_lengths()
        self.namey_loose, self.namey_strict = self._namey_tables()

    # -- token tables -------------------------------------------------------
    def _locate(self, sentences: list[Sentence], junk: list[Region]) -> None:
        n, ts, te = self.n, self.ts, self.te
        sid = self.sid = [-1] * n
        flags = self.junk = [False] * n
        # token indices where the sentence or the junk flag may change (None: anywhere)
        edges: set[int] | None
        ranges: dict[int, tuple[int, int]] | None
        if _disjoint(sentences):
            edges, ranges = set(), {}
            for si, sentence in enumerate(sentences):  # a slice per sentence, not a walk per token
                lo, hi = bisect.bisect_left(ts, sentence.start), bisect.bisect_left(ts, sentence.end)
                if lo < hi:
                    sid[lo:hi] = [si] * (hi - lo)
                    ranges[si] = (lo, hi)
                    edges.update((lo, hi))
        else:
            edges = ranges = None
            si = 0
            for i in range(n):
                while si < len(sentences) and sentences[si].end <= ts[i]:
                    si += 1
                if si < len(sentences) and sentences[si].start <= ts[i] < sentences[si].end:
                    sid[i] = si
        if _disjoint(junk):
            for region in junk:  # every token overlapping the region
                lo, hi = bisect.bisect_right(te, region.start), bisect.bisect_left(ts, region.end)
                if lo < hi:
                    flags[lo:hi] = [True] * (hi - lo)
                    if edges is not None:
                        edges.update((lo, hi))
        else:
            edges = None
            ji = 0
            for i in range(n):
                while ji < len(junk) and junk[ji].end <= ts[i]:
                    ji += 1
                if ji < len(junk) and junk[ji].start < te[i] and junk[ji].end > ts[i]:
                    flags[i] = True
        self.nsent = len(sentences)
        # joined[i]: token i continues token i-1 inside one sentence with only plain spacing between
        gap = self.gap
        joined = self.joined = [g == " " or ((not g or g.isspace()) and g.count("\n") <= 1) for g in gap]
        if n:
            joined[0] = False
        for i in range(1, n) if edges is None else edges:
            if 0 < i < n and (sid[i] != sid[i - 1] or flags[i] != flags[i - 1]):
                joined[i] = False
        # run_end[i]: end of the run of joined tokens holding token i
        run_end = self.run_end = [0] * n
        starts = [i for i in range(n) if not joined[i]]
        for a, b in zip(starts, starts[1:] + [n]):
            run_end[a:b] = [b] * (b - a)
        first_tok: dict[int, int] = {}
        for i in starts:  # a sentence starts a run, so its first token is a run's first
            if sid[i] not in first_tok:
                first_tok[sid[i]] = i
        self.first_tok = first_tok
        self.headline = self._headline_like(ranges)
        heads = {s for s, yes in self.headline.items() if yes}
        if ranges is not None and -1 not in heads:
            hl = self.hl = [False] * n
            for s in heads:
                lo, hi = ranges[s]
                hl[lo:hi] = [True] * (hi - lo)
        else:
            self.hl = [s in heads for s in sid]

    def _headline_like(self, ranges: dict[int, tuple[int, int]] | None) -> dict[int, bool]:
        """Sentences whose case says nothing about names: all capitals, or title case (no lowercase word).

        ``ranges`` gives each sentence's tokens as one slice when sentences neither overlap nor
        leave tokens out; otherwise tokens are grouped by sentence here.
        """
        tx, sid, lowercase = self.tx, self.sid, self.lowercase
        lower = [low and t not in _HEADLINE_SMALL and t[0].isalpha() for t, low in zip(tx, lowercase)]
        groups: list[tuple[int, list[int] | range]]
        if ranges is not None and -1 not in sid:
            groups = [(s, range(lo, hi)) for s, (lo, hi) in ranges.items()]
        else:
            members: dict[int, list[int]] = {}
            for i, s in enumerate(sid):
                members.setdefault(s, []).append(i)
            groups = list(members.items())
        out = {}
        for s, ix in groups:
            if isinstance(ix, range):
                lo = lower[ix.start:ix.stop].count(True)
            else:
                lo = sum(lower[i] for i in ix)
            if len(ix) < 5 * lo:
                continue  # it would need 4 * lo all-capital words: prose has too few
            capital = [tx[i] for i in ix if not lowercase[i] and len(tx[i]) >= 3 and tx[i][0].isalpha()]
            if capital:
                up, caps = len(capital), sum(t.isupper() for t in capital)
                out[s] = (caps >= 2 and caps >= 0.8 * (lo + up)) or (up >= 3 and lo == 0)
        return out

    def _title_lengths(self) -> tuple[list[int], list[int]]:
        """``title_len(i)`` of every token, and the tokens that open a title, in order.

        Only tokens that can open a title need the lexicon.
        """
        out = [0] * self.n
        starts = []
        for i in self.tokens_of(self.lex.title_firsts, self.hyphenated):
            k = out[i] = self._title_len(i, self.run_end[i])
            if k:
                starts.append(i)
        return out, starts

    def _namey_tables(self) -> tuple[list[bool], list[bool]]:
        """``namey(i, title_ok=True)`` and ``namey(i)`` of every token, worked out once.

        Only a capitalised or hyphenated token can be part of a name; the others stay False.
        Each token's answer depends on that token alone, so the order they are visited in is free.
        """
        n, tx, tf, junk, sid, run_end = self.n, self.tx, self.tf, self.junk, self.sid, self.run_end
        not_name, first_tok, title_firsts = self.tables.not_name, self.first_tok, self.lex.title_firsts
        loose, strict = [False] * n, [False] * n
        hyphenated = [i for i in self.tokens_of(self.hyphenated) if not tx[i][0].isupper()]
        for i in chain(self.capitalised, hyphenated):
            if junk[i]:
                continue
            t, f = tx[i], tf[i]
            if "-" in f and f.partition("-")[0] in _PARTICLES and t.partition("-")[2][:1].isupper():
                loose[i] = strict[i] = True
                continue
            if not t[0].isupper() or not t[0].isalpha():
                continue
            if len(t) == 2 and t[1] == ".":
                loose[i] = strict[i] = True
                continue
            if (len(t) > 1 and t.isupper()) or f in not_name or t in _NOT_NAME_WORDS:
                continue
            if first_tok.get(sid[i]) == i and f.endswith("ly"):
                continue
            loose[i] = True
            strict[i] = (f not in title_firsts and "-" not in f) or not (
                self._title_len(i, i + 1) or self.lex.match_title(tf, i, run_end[i]))
        return loose, strict

    def tokens_of(self, words: AbstractSet[str], more: AbstractSet[str] = frozenset()) -> list[int]:
        """Indices, in order, of the tokens whose folded form is in ``words`` or ``more`` (do not mutate)."""
        where = self.where
        found = [where[w] for w in words if w in where] if len(words) < len(where) else \
            [ix for w, ix in where.items() if w in words]
        found += [where[w] for w in more if w in where and w not in words]
        if len(found) == 1:
            return found[0]
        return sorted(chain.from_iterable(found))

    def is_poss(self, i: int) -> bool:
        return 0 <= i < self.n and self.tf[i] == "'s"

    def cap(self, i: int) -> bool:
        return 0 <= i < self.n and self.tx[i][:1].isupper()

    def is_headline(self, i: int) -> bool:
        return self.hl[i]

    def title_len(self, i: int, limit: int | None = None) -> int:
        return self.tlen[i] if limit is None else self._title_len(i, limit)

    def _title_len(self, i: int, limit: int) -> int:
        k = self.lex.match_title(self.tf, i, limit)
        if k == 0 and "-" in self.tf[i]:
            pre, _, rest = self.tf[i].partition("-")
            if (pre in self.lex.modifiers or pre in _FORMER) and (rest,) in self.lex.titles:
                return 1
        return k

    def namey(self, i: int, title_ok: bool = False) -> bool:
        """Could token ``i`` be part of a person's name?"""
        return 0 <= i < self.n and (self.namey_loose[i] if title_ok else self.namey_strict[i])

    def free(self, i: int, weak_ok: bool = False) -> bool:
        m = self.cover[i]
        return m is None or m.dead or (weak_ok and m.weak)

    def name_at(self, i: int, weak_ok: bool = False, limit: int = _MAX_NAME) -> int:
        """End (exclusive) of the person name starting at token ``i``; ``i`` when there is none."""
        if not (self.namey(i) and self.free(i)) or (len(self.tx[i]) == 2 and self.tx[i][1] == "."
                                                     and not self.joined_at(i + 1)):
            return i
        j, count, n = i + 1, 1, self.n
        while j < n and count < limit and self.joined[j]:
            if self.namey(j) and self.free(j, weak_ok):
                j += 1
                count += 1
            elif (self.tf[i] in self.lex.given and self.namey(j, title_ok=True) and self.free(j, weak_ok)
                  and not (j + 1 < n and self.joined[j + 1] and self.cap(j + 1))):
                j += 1
                break
            elif (self.tf[j] in _PARTICLES and self.tx[j].islower() and j + 1 < n and self.joined[j + 1]
                  and self.namey(j + 1) and self.free(j + 1, weak_ok)):
                j += 2
                count += 1
            else:
                break
        while j > i and len(self.tx[j - 1]) == 2 and self.tx[j - 1][1] == ".":
            j -= 1
        return j

    def joined_at(self, i: int) -> bool:
        return 0 <= i < self.n and self.joined[i]

    def name_before(self, j: int) -> int:
        """Start of the person name ending just before token ``j`` (``j`` when there is none)."""
        i = j
        while i - 1 >= 0 and j - (i - 1) <= _MAX_NAME and self.namey(i - 1) and self.free(i - 1) and (
                i == j or self.joined[i]):
            i -= 1
        if i < j and i - 1 >= 0 and self.joined[i] and self.namey(i - 1):
            return j  # longer than a name: not one
        return i

    def span_text(self, a: int, b: int) -> str:
        return " ".join(self.text[self.ts[a]:self.te[b - 1]].split())

    def sentence_end_after(self, e: int) -> bool:
        """True when token ``e`` starts another sentence (or the text ended)."""
        return e >= self.n or self.sid[e] != self.sid[e - 1]

    # -- entities and mentions -----------------------------------------------
    def entity(self, key: object, type: str, name: str, **kw: object) -> _Ent:
        ent = self.ents.get(key)
        if ent is None:
            ent = _Ent(key=key, type=type, name=name, order=len(self.ents), **kw)  # type: ignore[arg-type]
            self.ents[key] = ent
        return ent

    def add_mention(self, a: int, b: int, ent: _Ent, kind: str, *, cover: bool = True,
                    weak: bool = False) -> _Men:
        men = _Men(a, b, self.ts[a], self.te[b - 1], ent, kind, weak)
        self.mentions.append(men)
        if cover:
            for k in range(a, b):
                self.cover[k] = men
        return men

    def add_char_mention(self, i: int, start: int, end: int, ent: _Ent, kind: str) -> _Men:
        men = _Men(i, i + 1, start, end, ent, kind)
        self.mentions.append(men)
        self.cover[i] = men
        return men

    def mention_ending(self, k: int) -> _Men | None:
        if not (0 <= k < self.n):
            return None
        m = self.cover[k]
        return m if m is not None and not m.dead and m.b == k + 1 else None

    def mention_starting(self, k: int) -> _Men | None:
        if not (0 <= k < self.n):
            return None
        m = self.cover[k]
        return m if m is not None and not m.dead and m.a == k else None

    # -- run ----------------------------------------------------------------
    def run(self) -> EntityAnalysis:
        cands = self.lexicon_candidates()
        cands += self.org_candidates()
        cands += self.ministry_candidates()
        cands += self.group_candidates()
        cands += self.administration_candidates()
        self.select(cands)
        self.link_org_aliases()
        self.titles()
        self.people()
        self.place_people()
        self.link_people()
        self.resolve_ministries()
        self.merge_org_suffixes()
        self.title_anaphora()
        self.org_anaphora()
        self.pronouns()
        return self.records()

    # -- phase: lexicon -------------------------------------------------------
    def lexicon_candidates(self) -> list[_Cand]:
        out: list[_Cand] = []
        lex, tf, tx = self.lex, self.tf, self.tx
        firsts = lex.phrase_firsts
        for i in self.tokens_of(firsts, self.hyphenated):
            if self.junk[i]:
                continue
            k, forms = lex.match(tf, tx, i, self.run_end[i])
            if k:
                inner = self.alias_inside_name(i, i + k, forms)
                if inner is not None:
                    out.append(inner)
                    continue
                cand = self.lex_cand(i, i + k, forms)
                if cand is not None:
                    out.append(cand)
                    prev = self.lex_end.get(i + k - 1)
                    if prev is None or prev.b - prev.a < k:
                        self.lex_end[i + k - 1] = cand
            elif "-" in tx[i] and tx[i][0].isupper():
                self.hyphen_parts(i)
        return out

    def alias_inside_name(self, a: int, b: int, forms: tuple[Surface, ...]) -> _Cand | None:
        """"the Kenya Red Cross" is not the ICRC: an organisation's alias written after a place
        inside one capitalised name is the head of another organisation's name."""
        entry = forms[0].entry
        if entry.type != "organization" or entry.via != "alias" or forms[0].exact is not None:
            return None
        if a < 1 or not self.joined[a] or not self.tx[a - 1][:1].isupper():
            return None
        prev = self.lex_end.get(a - 1)
        if prev is None or prev.b != a or prev.ent.type not in ("country", "place"):
            return None
        name = self.span_text(prev.a, b)
        ent = self.entity(("org", _fold_name(name)), "organization", name, kind=entry.kind,
                          country=prev.ent.name if prev.ent.type == "country" else prev.ent.country)
        ent.heads.add(self.tf[b - 1])
        return _Cand(prev.a, b, ent, "name", 1, nested=[prev])

    def lex_cand(self, a: int, b: int, forms: tuple[Surface, ...]) -> _Cand | None:
        best = forms[0]
        entry = best.entry
        if entry.via in ("seat", "capital") and a > 0 and self.joined[a] and self.tf[a - 1] in ("in", "at"):
            place = next((s.entry for s in forms if s.entry.type == "place"), None)
            name = place.name if place else self.span_text(a, b)
            ent = self.entity(("lex", "place", name), "place", name, kind="city", lex=place is not None,
                              country=entry.name if entry.type == "country" else None)
            return _Cand(a, b, ent, "name", 1, weak=b - a == 1)
        key = ("lex", entry.type, entry.name)
        ent = self.ents.get(key) or self.entity(key, entry.type, entry.name, kind=entry.kind, lex=True,
                                                country=entry.country if entry.type != "country" else entry.name)
        if entry.type == "person":
            ent.tokens = tuple(_fold_name(entry.name).split())
        if entry.via == "demonym":
            kind = "demonym"
        elif entry.via in ("name", "place") or _fold_name(self.span_text(a, b)) == _fold_name(entry.name):
            kind = "name"
        elif best.exact is not None and entry.via == "alias":
            kind = "acronym"
        else:
            kind = "alias"
        weak = b - a == 1 and entry.via in ("seat", "capital", "place", "demonym")
        return _Cand(a, b, ent, kind, 1, weak=weak)

    def hyphen_parts(self, i: int) -> None:
        pos = self.ts[i]
        for part in self.tx[i].split("-"):
            if part:
                found = self.lex.phrases.get((fold_token(part),), ())
                form = next((s for s in found if s.accepts([part]) and s.entry.type == "country"), None)
                if form is not None:
                    e = form.entry
                    ent = self.entity(("lex", e.type, e.name), e.type, e.name, country=e.name, lex=True)
                    kind = "demonym" if e.via == "demonym" else ("name" if e.via == "name" else (
                        "acronym" if form.exact is not None else "alias"))
                    self.add_char_mention(i, pos, pos + len(part), ent, kind)
            pos += len(part) + 1

    # -- phase: organisation patterns ----------------------------------------
    def capish(self, k: int) -> bool:
        t = self.tx[k]
        return t[:1].isupper() and not self.junk[k] and self.cover[k] is None

    def org_candidates(self) -> list[_Cand]:
        """Names around an organisation head word ("... Party", "... Corp").

        A name never crosses a token that is not joined to the one before, so only the stretches
        of joined tokens that hold a head word are walked; the others cannot yield a candidate.
        """
        out: list[_Cand] = []
        tx, joined, run_end, capitalised = self.tx, self.joined, self.run_end, self.capitalised
        done = 0
        for h in self.tokens_of(_ORG_HEAD_FOLDS):
            if h < done or not (tx[h] in ORG_HEADS or tx[h] in CORP_SUFFIX):
                continue
            lo = h
            while joined[lo]:
                lo -= 1
            done = run_end[h]
            first, last = bisect.bisect_left(capitalised, lo), bisect.bisect_left(capitalised, done)
            self._orgs_in(capitalised[first:last], out)
        return out

    def _orgs_in(self, capitalised: list[int], out: list[_Cand]) -> None:
        """Candidates from the capitalised tokens of one stretch of joined tokens, in order."""
        n, tx, tf = self.n, self.tx, self.tf
        after = 0  # a name runs from a capitalised token; the tokens it took are done
        for i in capitalised:
            if i < after or not self.capish(i):
                continue
            j = i
            while j + 1 < n and self.joined[j + 1]:
                if self.capish(j + 1):
                    j += 1
                    continue
                k = j + 1
                while k < n and k - j <= 2 and self.joined[k] and tf[k] in _CONNECT and tx[k].islower():
                    k += 1
                if k == j + 1 or k >= n or not self.joined[k] or not self.capish(k):
                    break
                j = k
            for h in range(i, j + 1):
                if tx[h] in ORG_HEADS or (tx[h] in CORP_SUFFIX and h > i):
                    cand = self.org_at(i, j, h)
                    if cand is not None:
                        out.append(cand)
            after = j + 1

    def org_word(self, k: int) -> bool:
        f = self.tf[k]
        return (self.capish(k) and f not in _CAP_STOP and f not in _MONTHS
                and f not in _WEEKDAYS and not self.is_poss(k))

    def org_at(self, i: int, j: int, h: int) -> _Cand | None:
        tx, tf = self.tx, self.tf
        start = h
        while start - 1 >= i and h - start < 6 and self.org_word(start - 1):
            start -= 1
        end = h + 1
        while end <= j and (tx[end] in ORG_HEADS or tx[end] in CORP_SUFFIX):
            end += 1
        if end <= j and tf[end] in _TAIL_LINKS:
            k = end + 1
            while k <= j and k - end <= 7 and ((self.org_word(k) and not self.title_len(k))
                                               or (tf[k] in ("and", "the", "of") and k < j)):
                k += 1
            while k > end + 1 and not self.org_word(k - 1):
                k -= 1
            if k > end + 1:
                end = k
        if end - start < 2 and tx[h] not in _STANDALONE:
            return None
        if tx[start] in CORP_SUFFIX:
            return None
        name = self.span_text(start, end)
        ent = self.entity(("org", _fold_name(name)), "organization", name,
                          kind="company" if tx[end - 1] in CORP_SUFFIX else None)
        ent.heads.add(tf[h])
        if tx[end - 1] in CORP_SUFFIX:
            ent.heads.add("company")
            if end - 1 > start:
                self.org_aliases.setdefault(tuple(tf[start:end - 1]), (ent, False))
        acronym = self.acronym_after(end)
        if acronym:
            self.org_aliases.setdefault((fold_token(acronym),), (ent, True))
        return _Cand(start, end, ent, "name", 2)

    def acronym_after(self, end: int) -> str | None:
        """"... Organization (HDE)" / "... Organization, ICCO," name an acronym for the organisation."""
        if end >= self.n:
            return None
        g = self.gap[end]
        t = self.tx[end]
        if not (2 <= len(t) <= 8 and t.isupper() and t.isalpha()):
            return None
        after = (self.gap[end + 1] if end + 1 < self.n else "").strip()[:1]
        return t if (g.strip(), after) in (("(", ")"), ("<", ">"), (",", ",")) else None

    def ministry_candidates(self) -> list[_Cand]:
        """"the foreign ministry", "the Ministry of Foreign Affairs", "the U.S. Treasury"."""
        out: list[_Cand] = []
        tf = self.tf
        for h in self.tokens_of(_MINISTRY_WORDS):
            if self.junk[h] or self.cover[h] is not None:
                continue
            if tf[h] in _MINISTRY_HEADS:
                d = self.domain_before(h)
                if d < h:
                    out.append(self.ministry(d, h + 1, tf[d:h], h))
                    continue
                k = h + 1
                if self.joined_at(k) and tf[k] == "of":
                    k += 1 + (self.joined_at(k + 1) and tf[k + 1] == "the")
                    e = self.domain_after(k)
                    if e > k:
                        out.append(self.ministry(h, e, tf[k:e], h))
            elif self.tx[h] == "Treasury" and not self.title_len(h) and not (
                    self.joined_at(h + 1) and (tf[h + 1] in _MINISTRY_HEADS or self.title_len(h + 1))):
                out.append(self.ministry(h, h + 1, ["treasury"], h))
        return out

    def is_domain(self, k: int) -> bool:
        """A ministry's field ("foreign", "trade and industry"): a domain word, or "and" between two."""
        if not (0 <= k < self.n):
            return False
        f = self.tf[k]
        return f in DOMAIN_WORDS or (f == "and" and 0 < k < self.n - 1 and self.tf[k - 1] in DOMAIN_WORDS
                                     and self.tf[k + 1] in DOMAIN_WORDS)

    def domain_before(self, h: int) -> int:
        d = h
        while h - d < 4 and self.joined_at(d) and self.is_domain(d - 1):
            d -= 1
        return d

    def domain_after(self, k: int) -> int:
        e = k
        while e - k < 4 and self.joined_at(e) and self.is_domain(e):
            e += 1
        return e

    def premod_before(self, k: int) -> tuple[_Cand | None, int]:
        """A country named just before token ``k`` ("China's", "Chinese", "U.S."): (candidate, start)."""
        if k - 1 < 0 or not self.joined[k]:
            return None, k
        p = k - 1
        if self.is_poss(p):
            cand = self.lex_end.get(p - 1)
            if cand is not None and cand.b == p and cand.ent.type in ("country", "organization"):
                return cand, cand.a
            return None, k
        cand = self.lex_end.get(p)
        if cand is not None and cand.ent.type in ("country", "organization") and cand.ent.lex:
            return cand, cand.a
        return None, k

    def ministry(self, a: int, b: int, domain_words: Sequence[str], head: int) -> _Cand:
        words = [w for w in domain_words if w != "and"]
        if len(words) > 1 and "affairs" in words:
            words.remove("affairs")
        domain = " ".join(_DOMAIN_NORMAL.get(w, w) for w in words)
        premod, start = self.premod_before(a)
        country = premod.ent.name if premod is not None and premod.ent.type == "country" else None
        ent = _Ent(key=("min", len(self.ents)), type="organization", name="", kind="ministry",
                   country=country, domain=domain, order=len(self.ents), body_start=a,
                   written=None if premod is None else ("poss" if self.is_poss(a - 1) else "plain"))
        ent.heads.update(_MINISTRY_HEADS if self.tf[head] in _MINISTRY_HEADS else {"ministry", "department"})
        self.ents[ent.key] = ent
        cand = _Cand(start, b, ent, "name", 0)
        if premod is not None:
            cand.nested.append(premod)
        return cand

    def group_candidates(self) -> list[_Cand]:
        out: list[_Cand] = []
        tf, tx = self.tf, self.tx
        for g in self.tokens_of(GROUP_NOUNS):
            if self.junk[g] or not tx[g].islower():
                continue
            k, mods = g, 0
            while k - 1 >= 0 and self.joined[k] and mods < 2 and tx[k - 1].isalpha() and tx[k - 1].islower() \
                    and tf[k - 1] not in _CAP_STOP and tf[k - 1] not in self.lex.speech_verbs:
                k -= 1
                mods += 1
            while True:
                premod, start = self.premod_before(k)
                if premod is not None or k == g:
                    break
                k += 1
            if premod is None:
                continue
            ent = premod.ent
            if ent.type == "organization" and ent.kind not in ("international", "government_body", None):
                continue
            if self.is_poss(k - 1) and ent.type == "country" and ent.name in self.lex.demonym:
                name = f"{self.lex.demonym[ent.name]} {self.span_text(k, g + 1)}"
            else:
                name = self.span_text(start, g + 1)
            grp = self.entity(("grp", _fold_name(name)), "organization", name, kind="group",
                              country=ent.name if ent.type == "country" else ent.country)
            out.append(_Cand(start, g + 1, grp, "name", 3, nested=[premod]))
        return out

    def administration_candidates(self) -> list[_Cand]:
        """"the Biden administration": in English news a surname + administration is a US government."""
        out: list[_Cand] = []
        us = self.lex.phrases.get(("united", "states"), ())
        country = next((s.entry for s in us if s.entry.type == "country"), None)
        if country is None:
            return out
        for k in self.tokens_of(_ADMINISTRATION):
            if k < 1:
                continue
            if not self.joined[k] or self.junk[k]:
                continue
            x, fx = self.tx[k - 1], self.tf[k - 1]
            if x[:1].isupper() and x.isalpha() and k - 1 not in self.lex_end and fx not in _CAP_STOP:
                ent = self.entity(("lex", "country", country.name), "country", country.name,
                                  country=country.name, lex=True)
                out.append(_Cand(k - 1, k + 1, ent, "description", 4))
        return out

    def select(self, cands: list[_Cand]) -> None:
        """Keep the longest candidates that do not overlap; premodifiers stay as nested mentions."""
        cands.sort(key=lambda c: (-(c.b - c.a), c.prio, c.a))
        for c in cands:
            if any(self.cover[k] is not None for k in range(c.a, c.b)):
                continue
            if c.ent.type == "organization" and c.a + self.title_len(c.a) > c.b:
                continue  # "Treasury Secretary" is a title, not the Treasury
            self.add_mention(c.a, c.b, c.ent, c.kind, weak=c.weak)
            for inner in c.nested:
                self.add_mention(inner.a, inner.b, inner.ent, inner.kind, cover=False)

    def link_org_aliases(self) -> None:
        if not self.org_aliases:
            return
        longest = max(len(k) for k in self.org_aliases)
        for i in self.tokens_of({k[0] for k in self.org_aliases}):
            if self.junk[i] or self.cover[i] is not None or not self.tx[i][:1].isupper():
                continue
            for k in range(min(longest, self.run_end[i] - i), 0, -1):
                hit = self.org_aliases.get(tuple(self.tf[i:i + k]))
                if hit is None or any(self.cover[x] is not None for x in range(i, i + k)):
                    continue
                ent, exact = hit
                if exact and not self.tx[i].isupper():
                    continue
                if not exact and i + k < self.n and self.joined[i + k] and self.capish(i + k):
                    continue
                self.add_mention(i, i + k, ent, "acronym" if exact else "alias")
                break

    # -- phase: titles and positions -----------------------------------------
    def titles(self) -> None:
        after = 0  # the tokens of a title just read are not read again
        for i in self.title_starts:
            if i < after or self.junk[i] or self.cover[i] is not None:
                continue
            k = self.tlen[i]
            # a region inside a post ("Minister for Europe") does not stop it being a post
            if all(self.cover[x] is None or (x > i and self.cover[x].ent.type == "place")
                   for x in range(i, i + k)):
                self.title_at(i, i + k)
                after = i + k

    def title_at(self, t0: int, t1: int) -> None:
        tf, tx = self.tf, self.tx
        org_text: str | None = None
        a = t0
        while a - 1 >= 0 and self.joined[a] and self.cover[a - 1] is None and t0 - a < 3 and (
                tf[a - 1] in self.lex.modifiers or tf[a - 1] in DOMAIN_WORDS or tf[a - 1] in _FORMER
                or (tf[a - 1] == "and" and a - 2 >= 0 and self.joined[a - 1] and tf[a - 2] in DOMAIN_WORDS
                    and self.cover[a - 2] is None)):  # "Business and Trade Secretary"
            a -= 1
        former = any(tf[x] in _FORMER for x in range(a, t0))
        words = [tx[x] for x in range(a, t1) if tf[x] not in _FORMER]
        org, premod_start = self.title_premod(a)
        det = premod_start - 1 if premod_start - 1 >= 0 and self.joined[premod_start] and \
            tf[premod_start - 1] in ("the", "a", "an") else None
        # a tail "of the IMF" names the organisation; "for Industry and Security" belongs to the title
        e = t1
        if e < self.n and self.joined[e] and tf[e] in ("of", "for"):
            k = e + 1
            if k < self.n and self.joined[k] and tf[k] == "the":
                k += 1
            m = self.mention_starting(k) if k < self.n and self.joined[k] else None
            if m is not None and m.ent.type == "place" and m.ent.kind in ("region", "continent", None) \
                    and tf[e] == "for":
                words += [tx[x] for x in range(e, m.b)]  # "Minister for Europe", "Envoy for the Sahel"
                e = m.b
            elif m is not None and m.ent.type in ("country", "organization"):
                if tf[e] == "of" and org is None:
                    org = m.ent
                else:
                    words += [tx[x] for x in range(e, m.b)]
                e = m.b
            elif tf[e] == "of" and org is None and self.joined_at(k) and len(tx[k]) > 1 and tx[k].isupper() \
                    and not (self.joined_at(k + 1) and self.cap(k + 1)):
                org_text = self.tx[k]
                e = k + 1
            elif k < self.n and self.joined[k] and self.cap(k) and not self.namey_given(k):
                tail_end = self.title_tail(k)
                if tail_end > k:
                    words += [tx[x] for x in range(e, tail_end)]
                    e = tail_end
            elif tf[e] == "of" and org is None:
                h = k
                while h < self.n and self.joined[h] and h - k < 3 and tx[h].isalpha() and tx[h].islower() \
                        and tx[h].capitalize() not in ORG_HEADS and tf[h] not in _CAP_STOP:
                    h += 1
                if h < self.n and self.joined[h] and tx[h].islower() and tx[h].capitalize() in ORG_HEADS:
                    org_text = self.span_text(k, h + 1)
                    e = h + 1
        # "Minister of Foreign Trade and Tourism": a coordinated capitalised field belongs to the title
        while e + 1 < self.n and self.joined[e] and tf[e] == "and" and self.joined[e + 1] and self.cap(e + 1) \
                and self.cover[e + 1] is None and not self.namey_given(e + 1) and self.cap(e - 1) \
                and not (e + 2 < self.n and self.joined[e + 2] and self.cap(e + 2)):
            words += [tx[e], tx[e + 1]]
            e += 2
        if self.is_headline(t0):
            return
        name_a = name_b = -1
        if e + 1 < self.n and self.joined[e] and tf[e] in ("in", "at") and self.joined[e + 1]:
            m = self.mention_starting(e + 1)  # "High Commissioner in Ottawa, Graham Kerr,"
            if m is not None and m.ent.type in ("place", "country") and m.b < self.n \
                    and self.gap[m.b].strip() == "," and self.sid[m.b] == self.sid[e]:
                e = m.b
        if e < self.n and self.joined[e]:
            h = e
            while h < self.n and h - e < 2 and self.joined[h] and (
                    self.honorific_at(h) or tf[h] in _HONORIFIC_POSTS or tf[h] in _RANKS):
                h += 1  # "army chief Gen. Yasir Hamdan", "Foreign Minister Prince Faisal"
            j = self.name_at(h)
            if j > h:
                name_a, name_b = h, j
        elif e < self.n and self.gap[e].strip() == "," and self.sid[e] == self.sid[e - 1]:
            h = e + 1 if self.honorific_at(e) else e
            j = self.name_at(h)
            if j - h >= 2 and (h > e or self.tf[h] in self.lex.given or self.sentence_end_after(j)
                               or self.gap[j].strip()[:1] in _DELIMS):
                name_a, name_b = h, j
        if name_a < 0:
            b0 = det if det is not None else premod_start
            if b0 - 1 >= 0 and tf[b0 - 1] == "as" and self.joined[b0]:
                b0 -= 1
            if b0 - 1 >= 0 and self.gap[b0].strip() == "," and self.sid[b0] == self.sid[b0 - 1] and (
                    self.sentence_end_after(e) or self.gap[e].strip()[:1] in _DELIMS):
                s = self.name_before(b0)
                if s < b0 and (b0 - s >= 2 or self.cap(s)):
                    name_a, name_b = s, b0
        if name_a >= 0:
            start = min(name_a, premod_start)
            end = max(name_b, e)
            cand = self.person_cand(name_a, name_b)
            cand.positions.append(_PosInfo(words, org, start, end, former, org_text))
            cand.aliases.append(self.span_text(start, end) if start < name_a else cand_text(cand))
            return
        if det is not None and tf[det] == "the":
            self.anaphors.append(_Anaphor(premod_start, e, _title_key(words), words, org))
        elif det is None and org is not None and org.type == "country" and self.is_poss(a - 1):
            # "Mozambique's ambassador said": the holder named before, or an unnamed office holder
            self.anaphors.append(_Anaphor(premod_start, e, _title_key(words), words, org))

    def honorific_at(self, k: int) -> bool:
        """"Mr." / "Dr" directly before the next word of the same sentence."""
        return (self.tf[k] in self.lex.honorifics and self.tx[k][:1].isupper() and k + 1 < self.n
                and self.sid[k + 1] == self.sid[k] and self.gap[k + 1].strip() in ("", "."))

    def namey_given(self, k: int) -> bool:
        return self.tf[k] in self.lex.given

    def title_tail(self, k: int) -> int:
        """End of a capitalised title tail ("of the Exchequer"); a following name is left out."""
        e = k
        while e < self.n and self.joined[e] and e - k < 6 and (
                (self.cap(e) and self.cover[e] is None and not self.namey_given(e))
                or (self.tf[e] in ("and", "of", "for", "the") and e + 1 < self.n and self.cap(e + 1))):
            e += 1
        if e < self.n and self.joined[e] and self.namey_given(e):
            return e
        if e - k >= 3 and e < self.n and self.joined[e] and self.tx[e][:1].islower() \
                and self.namey(e - 1) and self.namey(e - 2) and self.tf[e - 3] not in _CONNECT:
            return e - 2
        return e

    def title_premod(self, a: int) -> tuple[_Ent | None, int]:
        """Country or organisation written before a title ("China's", "Bank of Japan"): (entity, start)."""
        if a - 1 >= 0 and self.sid[a] == self.sid[a - 1] and self.gap[a].strip() == ")" \
                and self.gap[a - 1].strip() == "(":
            m = self.mention_ending(a - 1)
            if m is not None and m.ent.type == "organization":
                full = self.mention_ending(m.a - 1)
                return m.ent, full.a if full is not None and full.ent is m.ent else m.a
        if a - 1 < 0 or not self.joined[a]:
            return None, a
        p = a - 1
        if self.is_poss(p):
            m = self.mention_ending(p - 1)
            if m is not None and m.ent.type in ("country", "organization"):
                return self.outer_country(m)
            return None, a
        m = self.mention_ending(p)
        if m is not None and m.ent.type in ("country", "organization"):
            return self.outer_country(m)
        if m is None and self.tx[a][:1].islower() and self.org_word(p) and not self.namey_given(p) \
                and self.first_tok.get(self.sid[p]) != p:
            s = p
            while s - 1 >= 0 and p - s < 2 and self.joined[s] and self.org_word(s - 1):
                s -= 1
            name = self.span_text(s, p + 1)
            ent = self.entity(("org", _fold_name(name)), "organization", name)
            self.add_mention(s, p + 1, ent, "name")
            return ent, s
        return None, a

    def outer_country(self, m: _Men) -> tuple[_Ent, int]:
        if m.ent.type != "country" and m.a - 1 >= 0 and self.joined[m.a]:
            outer = self.mention_ending(m.a - 1)
            if outer is not None and outer.ent.type == "country":
                return outer.ent, outer.a
        return m.ent, m.a

    def person_cand(self, a: int, b: int) -> _PersonCand:
        cand = _PersonCand(a, b, tuple(self.tf[a:b]), tuple(self.tx[a:b]))
        self.person_cands.append(cand)
        return cand

    # -- phase: people --------------------------------------------------------
    def people(self) -> None:
        lex, tf, tx = self.lex, self.tf, self.tx
        self.lower_words = set(compress(tf, self.lowercase))
        # only a cue word (honorific, speech verb, given name ...) or a word before "who" starts a person
        cues = self.tables.person_cues
        starts = set(self.tokens_of(cues))
        starts.update(i - 1 for i in self.tokens_of(_WHO) if i)
        for i in sorted(starts):
            if self.junk[i] or self.cover[i] is not None or self.hl[i]:
                continue
            f = tf[i]
            if self.honorific_at(i):
                j = self.name_at(i + 1)
                if j > i + 1:
                    cand = self.person_cand(i + 1, j)
                    cand.gender = _GENDER_HONORIFIC.get(f)
                    cand.aliases.append(self.span_text(i, j))
                    post = _HONORIFIC_POSTS.get(f)
                    if post is not None:
                        cand.positions.append(_PosInfo([post], None, i, j, False))
                continue
            if not self.namey(i) or (i - 1 >= 0 and self.joined[i] and self.namey(i - 1)
                                     and (f not in lex.given or self.tf[i - 1] in lex.given)):
                if f in lex.speech_verbs and tx[i].islower():
                    self.speech_subject(i)
                elif f in _NAME_CUES and tx[i].islower() and self.joined_at(i + 1):
                    j = self.name_at(i + 1)  # "his Icelandic counterpart Jon Olafsson"
                    if j - (i + 1) >= 2:
                        self.person_cand(i + 1, j)
                continue
            if self.first_tok.get(self.sid[i]) == i and self.bare_name_ok(i) and i + 1 < self.n \
                    and self.gap[i + 1].strip() == "," and tf[i + 1] in ("who", "whose") \
                    and self.sid[i + 1] == self.sid[i]:
                self.person_cand(i, i + 1)  # "Okafor, who chairs the panel, said"
                continue
            if f in lex.given:
                j = self.name_at(i, weak_ok=True)
                if j - i >= 2:
                    self.person_cand(i, j)
            elif f in lex.surnames_first:
                j = self.name_at(i, limit=3)
                if j - i >= 2:
                    self.person_cand(i, j)

    def speech_subject(self, v: int) -> None:
        """"Maria Gonzalez said" and "said Maria Gonzalez,": a name next to a speech verb is a person."""
        k = v
        while k - 1 >= 0 and v - k < 2 and self.joined[k] and self.tx[k - 1].islower() and (
                self.tf[k - 1] in _ADVERBS or self.tf[k - 1].endswith("ly")):
            k -= 1
        if k - 1 >= 0 and self.joined[k]:
            s = self.name_before(k)
            if 2 <= k - s <= 3 and not (self.joined[s] and self.tf[s - 1] in _NOT_BEFORE_SUBJECT):
                self.person_cand(s, k)
            elif k - s == 1 and self.bare_name_ok(s) and (
                    self.first_tok.get(self.sid[s]) == s or self.gap[s].strip() in (",", ";", "(")):
                self.person_cand(s, k)  # a bare surname as the speaker: "Lula said"
        if v + 1 < self.n and self.joined[v + 1]:
            j = self.name_at(v + 1, limit=3)
            if j - (v + 1) >= 2 and (self.sentence_end_after(j) or self.gap[j].strip()[:1] in _DELIMS):
                self.person_cand(v + 1, j)

    def bare_name_ok(self, i: int) -> bool:
        """A lone capitalised word that can be a surname: no common word, title or acronym."""
        t, f = self.tx[i], self.tf[i]
        return (len(t) >= 3 and not t.isupper() and self.namey(i) and self.free(i)
                and f not in self.lower_words and f not in _COMMON_SUBJECTS
                and not self.lex.match_title(self.tf, i, i + 1))

    def place_people(self) -> None:
        """Cluster the names found, then mark their spans (longest first)."""
        persons = self.persons
        for ent in self.ents.values():
            if ent.type == "person" and ent.tokens:
                persons.append(ent)
        by_tokens: dict[tuple[str, ...], _Ent] = {p.tokens: p for p in persons}
        first_at: dict[tuple[str, ...], int] = {}
        for c in self.person_cands:
            first_at[c.tokens] = min(first_at.get(c.tokens, c.a), c.a)
        names = sorted(first_at, key=lambda t: (-len(t), first_at[t]))
        texts = {c.tokens: c.texts for c in sorted(self.person_cands, key=lambda c: c.a)
                 if c.tokens not in by_tokens}
        shorter: dict[tuple[str, ...], tuple[int, _Ent]] = {}
        for p in persons:
            self.index_shorter(p, first_at.get(p.tokens, 1 << 60), shorter)
        for toks in names:
            if toks in by_tokens:
                continue
            hit = shorter.get(toks)
            if hit is not None:
                owner = hit[1]
            else:
                name = " ".join(texts.get(toks, toks))
                owner = self.entity(("per", toks), "person", name, tokens=toks)
                persons.append(owner)
                first_at.setdefault(owner.tokens, first_at[toks])
                self.index_shorter(owner, first_at[toks], shorter)
            by_tokens[toks] = owner
        self.merge_typos(first_at)
        for c in sorted(self.person_cands, key=lambda c: (-(c.b - c.a), c.a)):
            ent = by_tokens[c.tokens].root()
            if ent.gender is None:
                ent.gender = c.gender
            ent.aliases.extend(c.aliases)
            for pos in c.positions:
                self.positions_raw.append((ent, pos))
            if all(self.free(k, weak_ok=True) for k in range(c.a, c.b)):
                for k in range(c.a, c.b):
                    m = self.cover[k]
                    if m is not None and m.weak:
                        m.dead = True
                        for x in range(m.a, m.b):
                            self.cover[x] = None
                self.add_mention(c.a, c.b, ent, "name" if c.tokens == ent.tokens else "alias")

    def merge_typos(self, first_at: dict[tuple[str, ...], int]) -> None:
        """"Zhao Lijain" and "Zhao Lijian" in one article are one person misspelt once."""
        seen: dict[tuple[int, tuple[str, ...]], _Ent] = {}
        for p in sorted(self.persons, key=lambda p: (first_at.get(p.tokens, 1 << 60), p.order)):
            if len(p.tokens) < 2:
                continue
            for k in range(len(p.tokens)):
                key = (k, p.tokens[:k] + ("",) + p.tokens[k + 1:])
                q = seen.get(key)
                if q is not None and q is not p and _one_typo(p.tokens[k], q.tokens[k]):
                    p.merged = q
                    break
                seen.setdefault(key, p)

    def index_shorter(self, p: _Ent, first: int, index: dict[tuple[str, ...], tuple[int, _Ent]]) -> None:
        """Register the shorter names a person may go by: surnames, and a family name written first."""
        full = p.tokens
        keys = [full[k:] for k in range(1, len(full))]
        if len(full) > 1 and full[0] in self.lex.surnames_first:
            keys.append(full[:1])
        for key in keys:
            old = index.get(key)
            if old is None or first < old[0]:
                index[key] = (first, p)

    def link_people(self) -> None:
        """Later surnames ("Blinken", "Wang") are mentions of the person named in full."""
        index: dict[tuple[str, ...], _Ent] = {}
        firsts: dict[_Ent, int] = {}
        for m in self.mentions:
            if m.ent.type == "person" and not m.dead:
                firsts[m.ent] = min(firsts.get(m.ent, m.start), m.start)
        for p in sorted(self.persons, key=lambda p: (firsts.get(p.root(), 1 << 60), p.order)):
            full = p.tokens
            p = p.root()
            keys = [full[s:] for s in range(len(full))]
            if len(full) > 1 and full[0] in self.lex.surnames_first:
                keys.append(full[:1])
            for key in keys:
                if key and key[0] not in _PARTICLES:
                    index.setdefault(key, p)
        if not index:
            return
        longest = max(len(k) for k in index)
        for i in self.tokens_of({key[0] for key in index}):
            if self.junk[i] or self.cover[i] is not None:
                continue
            t = self.tx[i]
            head = self.is_headline(i)
            if not t[:1].isupper() or (t.isupper() and len(t) > 1 and not head):
                continue
            if not head and i - 1 >= 0 and self.joined[i] and self.namey(i - 1) and self.cover[i - 1] is None:
                continue
            for k in range(min(longest, self.run_end[i] - i), 0, -1):
                ent = index.get(tuple(self.tf[i:i + k]))
                if ent is None or any(self.cover[x] is not None for x in range(i, i + k)):
                    continue
                if not head and i + k < self.n and self.joined[i + k] and self.namey(i + k) \
                        and self.cover[i + k] is None:
                    continue
                self.add_mention(i, i + k, ent, "name" if tuple(self.tf[i:i + k]) == ent.tokens else "alias")
                break

    # -- phase: organisations resolved -----------------------------------------
    def resolve_ministries(self) -> None:
        """One entity per (domain, country); a bare "the foreign ministry" joins the country's one."""
        ministries = [m for m in self.mentions if m.ent.kind == "ministry" and m.ent.domain is not None
                      and not m.dead]
        ministries.sort(key=lambda m: m.start)
        groups: dict[str, list[_Men]] = {}
        for m in ministries:
            groups.setdefault(m.ent.domain or "", []).append(m)
        for domain, men in groups.items():
            countries = [m.ent.country for m in men if m.ent.country]
            targets: dict[str | None, _Ent] = {}
            for m in men:
                c = m.ent.country
                if c is None:
                    if len(set(countries)) == 1:
                        c = countries[0]
                    elif countries:
                        before = [x.ent.country for x in men if x.ent.country and x.start < m.start]
                        c = before[-1] if before else countries[0]
                target = targets.get(c)
                if target is None:
                    target = m.ent
                    target.country = c
                    targets[c] = target
                elif m.ent is not target:
                    m.ent.merged = target
            for target in targets.values():
                target.name = self.ministry_name(target, [m for m in men if m.ent.root() is target])
                target.key = ("min", target.country, domain)
                target.aliases.extend(["the ministry" if "ministry" in _fold_name(target.name)
                                       else "the department"])

    def ministry_name(self, target: _Ent, men: list[_Men]) -> str:
        """Fullest form naming the country; a possessive becomes a demonym ("Chinese foreign ministry")."""
        def form(m: _Men) -> str:
            f = " ".join(self.text[m.start:m.end].split())
            return f[4:] if f[:4].lower() == "the " else f

        def longest(ms: list[_Men]) -> _Men:
            return max(ms, key=lambda m: (m.end - m.start, -m.start))

        plain = [m for m in men if m.ent.written == "plain"]
        if plain:
            return form(longest(plain))
        poss = [m for m in men if m.ent.written == "poss"]
        if poss:
            m = longest(poss)
            body = self.span_text(m.ent.body_start, m.b)
            demonym = self.lex.demonym.get(target.country or "")
            return f"{demonym} {body}" if demonym else form(m)
        return form(longest(men))

    def merge_org_suffixes(self) -> None:
        """"the Senate" after "the U.S. Senate" is the same body."""
        orgs: dict[tuple[str, ...], _Ent] = {}
        for m in sorted(self.mentions, key=lambda m: m.start):
            if not m.dead and m.ent.type == "organization":
                ent = m.ent.root()
                orgs.setdefault(tuple(_fold_name(ent.name).split()), ent)
        longer: dict[tuple[str, ...], _Ent] = {}
        for toks, ent in orgs.items():  # first mentioned first
            for k in range(1, len(toks)):
                longer.setdefault(toks[k:], ent)
        for toks, ent in orgs.items():
            if isinstance(ent.key, tuple) and ent.key[0] == "org":
                best = longer.get(toks)
                if best is not None and best is not ent and best.root() is not ent:
                    ent.merged = best

    def title_anaphora(self) -> None:
        """"the foreign minister" is the one person the article gave that title, if there is one."""
        holders: dict[frozenset[str], list[tuple[_Ent, str | None, int]]] = {}
        for ent, pos in self.positions_raw:
            holders.setdefault(_title_key(pos.words), []).append(
                (ent.root(), self.country_of(pos.org), pos.start))
        for an in self.anaphors:
            covers = [self.cover[k] for k in range(an.a, an.b)]
            if any(c is not None and not c.dead and c.ent.type == "person" for c in covers):
                continue
            country = self.country_of(an.premod)
            # only a holder introduced before the title can be meant by it
            found = {p for p, c, at in holders.get(an.key, [])
                     if at < an.a and (country is None or c is None or c == country)}
            if not found:  # "the minister" for the one "Energy Minister"
                found = {p for key, lst in holders.items() if an.key < key
                         for p, c, at in lst if at < an.a and (country is None or c is None or c == country)}
            inner = [k for k in range(an.a, an.b) if self.cover[k] is None]
            if not inner:
                continue
            if len(found) == 1:
                ent = next(iter(found))
                self.add_mention(an.a, an.b, ent, "title", cover=False)
                for k in inner:
                    self.cover[k] = self.mentions[-1]
                ent.aliases.append(self.span_text(an.a, an.b))
            elif not found and an.premod is not None and an.premod.type == "country":
                name = self.span_text(an.a, an.b)
                ent = self.entity(("unnamed", _fold_name(name)), "person", name)
                ent.title = title_case([w for w in an.words if fold_token(w) not in _FORMER])
                ent.organization = an.premod.name
                self.add_mention(an.a, an.b, ent, "title", cover=False)
                for k in inner:
                    self.cover[k] = self.mentions[-1]

    def country_of(self, ent: _Ent | None) -> str | None:
        if ent is None:
            return None
        ent = ent.root()
        return ent.name if ent.type == "country" else ent.country

    def org_heads(self, ent: _Ent) -> set[str]:
        cached = self.heads_cache.get(id(ent))
        if cached is not None:
            return cached
        heads = set(ent.heads)
        last = _fold_name(ent.name).split()[-1:] if ent.name else []
        heads.update(last)
        kind_heads = {"company": "company", "central_bank": "bank", "news_agency": "agency",
                      "party": "party", "court": "court"}
        if ent.kind in kind_heads:
            heads.add(kind_heads[ent.kind])
        if ent.kind == "international":
            heads.add("bloc")  # "the bloc": the union or community named before
        self.heads_cache[id(ent)] = heads
        return heads

    def org_anaphora(self) -> None:
        """"the ministry", "the company", "the statement": the organisation the article last named."""
        org_at: dict[int, _Men] = {}
        for m in self.mentions:
            if not m.dead and m.ent.type == "organization":
                org_at.setdefault(m.a, m)
        last_by_head: dict[str, _Ent] = {}
        last_org: _Ent | None = None
        issuer: _Ent | None = None
        # only organisation mentions and anaphor words move the state below
        for i in sorted(org_at.keys() | set(self.tokens_of(_ANAPHOR_WORDS))):
            m = org_at.get(i)
            if m is not None and not m.dead:
                ent = m.ent.root()
                for h in self.org_heads(ent):
                    last_by_head[h] = ent
                if ent.kind != "news_agency":
                    last_org = ent
            f = self.tf[i]
            if self.junk[i] or self.cover[i] is not None or i == 0 or not self.joined[i]:
                continue
            follow_cap = i + 1 < self.n and self.joined[i + 1] and (self.cap(i + 1) or self.tf[i + 1] == "of")
            prev = self.tf[i - 1]
            if f in _ANAPHOR_HEADS and prev == "the" and not follow_cap:
                ent = last_by_head.get(f)
                if ent is not None:
                    self.add_mention(i, i + 1, ent, "description")
                    ent.aliases.append(f"the {self.tx[i]}")
            elif f in _DOCUMENTS:
                ent = None
                if self.is_poss(i - 1):
                    owner = self.mention_ending(i - 2)
                    if owner is not None and owner.ent.type in ("organization", "person", "country"):
                        ent = owner.ent.root()
                elif (owner := self.mention_ending(i - 1)) is not None and owner.ent.type == "organization":
                    ent = owner.ent.root()
                elif prev in ("the", "this"):
                    ent = issuer or last_org
                elif prev in ("a", "its", "their", "his", "her"):
                    issuer = self.sentence_subject(i) or issuer
                if ent is not None:
                    self.add_mention(i, i + 1, ent, "description")
                    issuer = ent
                    if ent.type == "organization":
                        ent.aliases.append(f"the {self.tx[i]}")

    def sentence_subject(self, i: int) -> _Ent | None:
        start = max(self.first_tok.get(self.sid[i], i), i - 60)
        for k in range(start, i):
            m = self.cover[k]
            if m is not None and not m.dead and m.ent.type in ("organization", "person", "country"):
                return m.ent.root()
        return None

    # -- phase: pronouns ------------------------------------------------------
    def pronouns(self) -> None:
        """He/She: the subject (first person) of this sentence so far, else of one of the two before."""
        pronouns = self.tokens_of(_PRONOUNS)
        if not pronouns:
            return
        people: dict[int, list[tuple[int, int, _Ent]]] = {}
        heard: dict[int, list[tuple[int, int, _Ent]]] = {}  # also the names inside quotations
        quoted = self.quoted_spans()
        for m in self.mentions:
            if not m.dead and m.ent.root().type == "person":
                entry = (m.start, m.ent.root().order, m.ent.root())
                heard.setdefault(self.sid[m.a], []).append(entry)
                if not _inside(quoted, m.start):
                    # a name inside a quotation is not who the narrative's "he" or "she" is
                    people.setdefault(self.sid[m.a], []).append(entry)
        for table in (people, heard):
            for lst in table.values():
                lst.sort(key=lambda x: (x[0], x[1]))
        for i in pronouns:
            g = self.tf[i]
            if self.junk[i] or self.cover[i] is not None:
                continue
            s = self.sid[i]
            in_quote = _inside(quoted, self.ts[i])
            if in_quote:  # the speaker's own words: resolved, but they teach nothing about gender
                lst = heard.get(s) or []
                at = bisect.bisect_left(lst, self.ts[i], key=lambda x: x[0]) - 1
                ent = lst[at][2] if at >= 0 else None
                if ent is not None and ent.gender in (None, g):
                    self.add_mention(i, i + 1, ent, "pronoun")
                continue
            here = people.get(s)
            ent = here[0][2] if here and here[0][0] < self.ts[i] else None
            if ent is None:
                for back in (1, 2):
                    lst = people.get(s - back)
                    if lst:
                        ent = lst[0][2]
                        break
            if ent is None:
                continue
            other = "she" if g == "he" else "he"
            if ent.gender == other:
                continue
            ent.gender = g
            self.add_mention(i, i + 1, ent, "pronoun")
            bisect.insort(people.setdefault(s, []), (self.ts[i], ent.order, ent), key=lambda x: x[0])

    def quoted_spans(self) -> list[tuple[int, int]]:
        """Character spans inside quotation marks, paired within a paragraph (one linear scan)."""
        spans: list[tuple[int, int]] = []
        open_at: int | None = None
        for m in _QUOTE_MARKS.finditer(self.text):
            ch, k = m.group(), m.start()
            if ch[0] == "\n":
                open_at = None  # an unclosed quote ends with its paragraph
            elif ch == "“" or (ch == '"' and open_at is None):
                open_at = k
            elif open_at is not None:
                spans.append((open_at, k))
                open_at = None
        return spans

    # -- output ---------------------------------------------------------------
    def records(self) -> EntityAnalysis:
        seen: set[tuple[int, int, int]] = set()
        by_ent: dict[int, list[_Men]] = {}
        roots: dict[int, _Ent] = {}
        junk = self.junk
        # one stable sort puts every entity's mentions in text order (ties keep their order)
        for m in sorted(self.mentions, key=lambda m: (m.start, -m.end)):
            if m.dead or m.start >= m.end or True in junk[m.a:m.b]:
                continue
            ent = m.ent.root()
            key = (m.start, m.end, id(ent))
            if key in seen:
                continue
            seen.add(key)
            roots[id(ent)] = ent
            by_ent.setdefault(id(ent), []).append(m)
        ordered = sorted(roots.values(), key=lambda e: (by_ent[id(e)][0].start, e.order))
        ids = {id(e): f"e{n}" for n, e in enumerate(ordered, start=1)}
        records: list[EntityRecord] = []
        all_mentions: list[Mention] = []
        for ent in ordered:
            eid = ids[id(ent)]
            men = by_ent[id(ent)]
            mentions = [Mention(m.start, m.end, eid, m.kind) for m in men]  # type: ignore[arg-type]
            all_mentions.extend(mentions)
            aliases: list[str] = []
            for m in men:
                if m.kind != "pronoun" and not (m.kind == "description" and m.b - m.a == 1):
                    aliases.append(" ".join(self.text[m.start:m.end].split()))
            aliases.extend(ent.aliases)
            unique = list(dict.fromkeys(a for a in aliases if a and a != ent.name))
            known = self.lex.surfaces.get((ent.type, ent.name), ()) if ent.lex else ()
            seen = {ent.name, *unique}
            records.append(EntityRecord(id=eid, type=ent.type, name=ent.name,  # type: ignore[arg-type]
                                        aliases=[ent.name, *unique], mentions=mentions,
                                        title=ent.title, organization=ent.organization,
                                        known_as=[k for k in dict.fromkeys(known) if k not in seen]))
        positions = self.final_positions(ids)
        by_id = {r.id: r for r in records}
        for p in positions:
            rec = by_id[p.person_id]
            if rec.title is None:
                rec.title, rec.organization = p.title, p.organization
        all_mentions.sort(key=lambda m: (m.start, -m.end, m.entity_id))
        return EntityAnalysis(records, all_mentions, positions)

    def final_positions(self, ids: dict[int, str]) -> list[Position]:
        """One position per person and post; a post whose words another of theirs contains is dropped."""
        per: dict[int, list[tuple[frozenset[str], Position]]] = {}
        for ent, pos in sorted(self.positions_raw, key=lambda x: x[1].start):
            ent = ent.root()
            if pos.former or id(ent) not in ids or not pos.words:
                continue
            if pos.org is None and pos.org_text is None and len(pos.words) == 1 \
                    and fold_token(pos.words[0]) in _GENERIC_TITLES:
                continue
            org = pos.org.root().name if pos.org is not None else pos.org_text
            title = title_case(pos.words)
            key = _title_key(pos.words)
            lst = per.setdefault(id(ent), [])
            p = Position(ids[id(ent)], title, org, self.ts[pos.start], self.te[pos.end - 1])
            same = next((n for n, (k, _) in enumerate(lst) if k == key), None)
            if same is not None:
                if lst[same][1].organization is None and org is not None:
                    lst[same] = (key, p)
                continue
            lst.append((key, p))
        out: list[Position] = []
        for lst in per.values():
            for key, p in lst:
                if any(key < other for other, _ in lst):
                    continue
                out.append(p)
        out.sort(key=lambda p: (p.start, p.end, p.person_id))
        return out


__all__ = ["EntityAnalysis", "EntityFinder", "title_case"]
