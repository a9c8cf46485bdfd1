"""What factkit knows before it reads an article: countries, places, organisations, titles, speech verbs.

Package data is parsed once per process; every :class:`Lexicon` gets its own
mutable copy so plugins can extend one pipeline's lexicon without touching
another's. Scanning text goes through a table keyed by folded token
sequences, compiled lazily on first use and rebuilt only after a change, so a
scan is one dict probe per token and phrase length: linear, no backtracking.
"""

from __future__ import annotations

import functools
import json
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from importlib import resources
from itertools import accumulate
from typing import Any, Literal

import regex

EntityType = Literal["person", "organization", "country", "place"]
Via = Literal["name", "alias", "demonym", "seat", "capital", "place"]

_ENTITY_TYPES = frozenset(("person", "organization", "country", "place"))
_VIA_RANK = {"name": 0, "alias": 1, "seat": 2, "capital": 3, "demonym": 4, "place": 5}
_TYPE_RANK = {"country": 0, "organization": 1, "person": 2, "place": 3}
_LOOKUP_CACHE = 4096
_UNSEEN = object()

# A token: an initialism ("U.S."), a word with inner hyphens/apostrophes ("Sino-U.S.", "don't",
# "Kil-yon"), a name initial ("A."), or a possessive clitic ("'s"), which stays a token of its own
# so "China's" yields "China" + "'s".
TOKEN_RE = regex.compile(
    r"\p{Lu}\.(?=[ \t\r\n]+\p{Lu})"
    r"|['’´]s(?![\p{L}\p{N}])"
    r"|(?:(?:\p{L}\.){2,}|[\p{L}\p{N}]+)"
    r"(?:(?:-|['’´](?!s(?![\p{L}\p{N}])))(?:(?:\p{L}\.){2,}|[\p{L}\p{N}]+))*"
)


def _straight(text: str) -> str:
    """Curly apostrophes as straight ones (replace() is far cheaper than translate() off ASCII)."""
    return text.replace("’", "'").replace("´", "'").replace("‘", "'")


def fold_token(token: str) -> str:
    """Comparison key of one token: case, dots and curly apostrophes do not matter."""
    if token.isascii():  # the common case: no curly apostrophe, and lower() is casefold()
        return token.lower().replace(".", "")
    return _straight(token).replace(".", "").casefold()


def fold_tokens(tokens: Iterable[str]) -> list[str]:
    """:func:`fold_token` of each token.

    The tokens are folded as one joined string: every step of the fold maps characters one by one
    (ASCII ``lower()`` equals ``casefold()``), so folding the whole equals folding each part.
    """
    tokens = tokens if isinstance(tokens, list) else list(tokens)
    if not tokens:
        return []
    joined = "\x00".join(tokens)
    if joined.count("\x00") != len(tokens) - 1:  # a token holding the separator: fold one by one
        return [fold_token(t) for t in tokens]
    if joined.isascii():
        return joined.lower().replace(".", "").split("\x00")
    return _straight(joined).replace(".", "").casefold().split("\x00")


def tokenize(text: str) -> list[tuple[int, int, str]]:
    """``(start, end, token)`` for every word-like token, in order."""
    return [(m.start(), m.end(), m.group()) for m in TOKEN_RE.finditer(text)]


_TOKEN_SPLIT = regex.compile(f"({TOKEN_RE.pattern})")
# TOKEN_RE for a text whose letters and digits are all ASCII (nearly every news text: its
# non-ASCII characters are quotes and dashes): there \p{Lu}, \p{L} and \p{N} are [A-Z],
# [A-Za-z] and [0-9], and the standard ``re`` engine splits such text in about half the time.
_ASCII_TOKEN_SPLIT = re.compile(
    r"([A-Z]\.(?=[ \t\r\n]+[A-Z])"
    r"|['’´]s(?![A-Za-z0-9])"
    r"|(?:(?:[A-Za-z]\.){2,}|[A-Za-z0-9]+)"
    r"(?:(?:-|['’´](?!s(?![A-Za-z0-9])))(?:(?:[A-Za-z]\.){2,}|[A-Za-z0-9]+))*)"
)
_NON_ASCII_WORD_CHAR = regex.compile(r"[[\p{L}\p{N}]--[\x00-\x7f]]", regex.V1)


def _ascii_words(text: str) -> bool:
    """Are all of the text's letters and digits ASCII? (Then ``_ASCII_TOKEN_SPLIT`` applies.)"""
    return text.isascii() or _NON_ASCII_WORD_CHAR.search(text) is None


def token_columns(text: str) -> tuple[list[int], list[int], list[str]]:
    """The starts, ends and texts of :func:`tokenize`'s tokens as three lists.

    Splitting around the tokens and summing lengths builds no match object per token.
    """
    starts, ends, tokens, _ = token_columns_with_gaps(text)
    return starts, ends, tokens


def token_columns_with_gaps(text: str) -> tuple[list[int], list[int], list[str], list[str]]:
    """:func:`token_columns` plus the text between each token and the one before ("" first)."""
    splitter = _ASCII_TOKEN_SPLIT if _ascii_words(text) else _TOKEN_SPLIT
    parts = splitter.split(text)  # gap, token, gap, token, ..., gap
    bounds = list(accumulate(map(len, parts), initial=0))
    tokens = parts[1::2]
    gaps = parts[2:-1:2]
    if tokens:
        gaps.insert(0, "")
    return bounds[1:-1:2], bounds[2::2], tokens, gaps


def _phrase(surface: str) -> tuple[str, ...]:
    return tuple(fold_token(t) for _, _, t in tokenize(surface))


def _strip_the(surface: str) -> str:
    s = " ".join(surface.split())
    return s[4:] if s[:4].lower() == "the " and len(s) > 4 else s


def _exact_form(surface: str) -> str | None:
    """Short all-capital surfaces ("US", "U.S.", "NATO", "G7") are matched case-sensitively."""
    compact = "".join(c for c in surface if c not in ". ")
    if len(compact) <= 5 and any(c.isalpha() for c in compact) and not any(c.islower() for c in compact):
        return compact
    return None


@dataclass(frozen=True, slots=True)
class LexEntry:
    """What a surface form stands for: canonical ``name`` and ``type``, and how it names it."""

    name: str
    type: EntityType
    kind: str | None
    country: str | None
    via: Via


@dataclass(frozen=True, slots=True)
class Surface:
    """One scannable form of an entry; ``exact`` and ``capital`` guard against common words."""

    entry: LexEntry
    exact: str | None
    capital: bool
    rank: tuple[int, int, int]

    def accepts(self, texts: Sequence[str]) -> bool:
        """Do the tokens as written fit this form's case rules?"""
        if self.exact is not None:
            return "".join(texts).replace(".", "") == self.exact
        if self.capital and texts and texts[0][:1].islower():
            return False
        return True


@dataclass(slots=True)
class _EntityData:
    name: str
    type: EntityType
    kind: str | None = None
    country: str | None = None
    aliases: list[str] = field(default_factory=list)
    demonyms: list[str] = field(default_factory=list)
    seats: list[str] = field(default_factory=list)
    capital: str | None = None
    order: int = 0


@dataclass(frozen=True, slots=True)
class CompiledLexicon:
    """The scan tables: phrases by folded token tuple, titles likewise, plus word sets."""

    phrases: dict[tuple[str, ...], tuple[Surface, ...]]
    phrase_firsts: frozenset[str]
    max_phrase: int
    titles: dict[tuple[str, ...], str]
    title_firsts: frozenset[str]
    max_title: int
    speech_verbs: frozenset[str]
    honorifics: frozenset[str]
    modifiers: frozenset[str]
    given: frozenset[str]
    surnames_first: frozenset[str]
    demonym: dict[str, str]
    surfaces: dict[tuple[str, str], tuple[str, ...]]
    # first folded token -> the lengths of the phrases (titles) it starts, longest first:
    # a scan probes only lengths that exist instead of every length up to the maximum
    phrase_lengths: dict[str, tuple[int, ...]] = field(init=False, repr=False, compare=False)
    title_lengths: dict[str, tuple[int, ...]] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "phrase_lengths", _lengths_by_first(self.phrases))
        object.__setattr__(self, "title_lengths", _lengths_by_first(self.titles))

    def match(self, folds: Sequence[str], texts: Sequence[str], i: int,
              limit: int) -> tuple[int, tuple[Surface, ...]]:
        """Longest lexicon phrase starting at token ``i`` (not past ``limit``): (length, forms)."""
        lengths = self.phrase_lengths.get(folds[i])
        if lengths is None:
            return 0, ()
        room = limit - i
        for n in lengths:
            if n > room:
                continue
            found = self.phrases.get(tuple(folds[i:i + n]))
            if found:
                written = texts[i:i + n]
                ok = tuple([s for s in found if s.accepts(written)])
                if ok:
                    return n, ok
        return 0, ()

    def match_title(self, folds: Sequence[str], i: int, limit: int) -> int:
        """Length of the longest title phrase starting at token ``i`` (0 when none)."""
        lengths = self.title_lengths.get(folds[i])
        if lengths is None:
            return 0
        room = limit - i
        for n in lengths:
            if n <= room and (n == 1 or tuple(folds[i:i + n]) in self.titles):
                return n
        return 0


def _lengths_by_first(table: dict[tuple[str, ...], Any]) -> dict[str, tuple[int, ...]]:
    lengths: dict[str, set[int]] = {}
    for key in table:
        lengths.setdefault(key[0], set()).add(len(key))
    return {first: tuple(sorted(ns, reverse=True)) for first, ns in lengths.items()}


@dataclass(frozen=True, slots=True)
class _DefaultData:
    entities: tuple[_EntityData, ...]
    titles: tuple[str, ...]
    honorifics: tuple[str, ...]
    modifiers: tuple[str, ...]
    verbs: tuple[tuple[str, tuple[str, ...]], ...]
    given: tuple[str, ...]
    surnames_first: tuple[str, ...]


def _read(name: str) -> Any:
    path = resources.files("factkit") / "data" / name
    return json.loads(path.read_text(encoding="utf-8"))


@functools.lru_cache(maxsize=1)
def _default_data() -> _DefaultData:
    """Parse the package data once per process (the JSON is read-only afterwards)."""
    entities: list[_EntityData] = []
    for c in _read("countries.json"):
        entities.append(_EntityData(
            name=c["name"], type="country", aliases=list(c.get("aliases") or ()),
            demonyms=list(c.get("demonyms") or ()), seats=list(c.get("seats") or ()),
            capital=c.get("capital")))
    for o in _read("organizations.json"):
        entities.append(_EntityData(name=o["name"], type="organization", kind=o.get("kind"),
                                    country=o.get("country"), aliases=list(o.get("aliases") or ())))
    for p in _read("places.json"):
        entities.append(_EntityData(name=p["name"], type="place", kind=p.get("type"),
                                    country=p.get("country"), aliases=list(p.get("aliases") or ())))
    titles = _read("titles.json")
    verbs = _read("speech_verbs.json")
    names = _read("given_names.json")
    return _DefaultData(
        entities=tuple(entities),
        titles=tuple(titles.get("titles") or ()),
        honorifics=tuple(titles.get("honorifics") or ()),
        modifiers=tuple(titles.get("modifiers") or ()),
        verbs=tuple((v["lemma"], tuple(v.get("forms") or ())) for v in verbs.get("verbs") or ()),
        given=tuple(names.get("given") or ()),
        surnames_first=tuple(names.get("surnames_first") or ()),
    )


def _word_key(word: str) -> str:
    if word.isascii():
        key = word.lower().replace(".", "")
        return key if key.isalpha() else " ".join(key.split())  # a plain word has no spacing to tidy
    return " ".join(_straight(word).replace(".", "").casefold().split())


class Lexicon:
    """Known names, titles and speech verbs; extend with the ``add_*`` methods (plugins do).

    ``compile()`` builds the scan tables; it runs at first use and again only
    after the lexicon changed, so callers may call it freely.
    """

    def __init__(self) -> None:
        self._entities: dict[tuple[str, str], _EntityData] = {}
        self._titles: set[str] = set()
        self._honorifics: set[str] = set()
        self._modifiers: set[str] = set()
        self._verbs: dict[str, str] = {}
        self._given: set[str] = set()
        self._surnames_first: set[str] = set()
        self._compiled: CompiledLexicon | None = None
        # read-only views and lookup answers; both are dropped whenever the lexicon changes
        self._views: dict[str, frozenset[str]] = {}
        self._lookups: dict[str, LexEntry | None] = {}

    @classmethod
    def default(cls) -> Lexicon:
        """A fresh lexicon holding factkit's package data."""
        data = _default_data()
        lex = cls()
        for e in data.entities:
            lex._put(_EntityData(e.name, e.type, e.kind, e.country, list(e.aliases),
                                 list(e.demonyms), list(e.seats), e.capital))
        lex.add_titles(data.titles)
        lex._honorifics.update(_word_key(h) for h in data.honorifics if h.strip())
        lex._modifiers.update(_word_key(m).strip("-") for m in data.modifiers if m.strip("- "))
        for lemma, forms in data.verbs:
            lex.add_speech_verbs((lemma, *forms), lemma=lemma)
        lex._given.update(_word_key(g) for g in data.given if g.strip())
        lex._surnames_first.update(_word_key(s) for s in data.surnames_first if s.strip())
        lex._changed()
        return lex

    # -- extending ----------------------------------------------------------
    def _put(self, data: _EntityData) -> None:
        key = (data.type, _word_key(data.name))
        old = self._entities.get(key)
        if old is None:
            data.order = len(self._entities)
            self._entities[key] = data
        else:
            for mine, theirs in ((old.aliases, data.aliases), (old.demonyms, data.demonyms),
                                 (old.seats, data.seats)):
                mine.extend(x for x in theirs if x not in mine)
            old.kind = old.kind or data.kind
            old.country = old.country or data.country
            old.capital = old.capital or data.capital
        self._changed()

    def add_entity(self, name: str, type: str, aliases: Iterable[str] = (),
                   demonyms: Iterable[str] = (), *, kind: str | None = None,
                   country: str | None = None) -> None:
        """Teach a name; adding to a known name (same type) extends its aliases."""
        if type not in _ENTITY_TYPES:
            raise ValueError(f"entity type must be one of {sorted(_ENTITY_TYPES)}, not {type!r}")
        if not name or not name.strip():
            raise ValueError("entity name must not be empty")
        self._put(_EntityData(" ".join(name.split()), type, kind, country,  # type: ignore[arg-type]
                              [a for a in aliases if a and a.strip()],
                              [d for d in demonyms if d and d.strip()]))

    def add_titles(self, titles: Iterable[str]) -> None:
        """Teach titles of office ("Grand Vizier"); case does not matter."""
        self._titles.update(_word_key(t) for t in titles if t and t.strip())
        self._changed()

    def add_speech_verbs(self, forms: Iterable[str], lemma: str | None = None) -> None:
        """Teach inflected speech-verb forms; each is its own lemma unless ``lemma`` is given."""
        for form in forms:
            key = _word_key(form)
            if key:
                self._verbs[key] = _word_key(lemma) if lemma else key
        self._changed()

    def _changed(self) -> None:
        self._compiled = None
        self._views.clear()
        self._lookups.clear()

    def _view(self, name: str, words: set[str] | dict[str, str]) -> frozenset[str]:
        """A frozen copy of one word table, built once per lexicon state (extractors ask per article)."""
        view = self._views.get(name)
        if view is None:
            view = self._views[name] = frozenset(words)
        return view

    # -- reading ------------------------------------------------------------
    @property
    def speech_verbs(self) -> frozenset[str]:
        return self._view("speech_verbs", self._verbs)

    @property
    def titles(self) -> frozenset[str]:
        return self._view("titles", self._titles)

    @property
    def honorifics(self) -> frozenset[str]:
        return self._view("honorifics", self._honorifics)

    @property
    def modifiers(self) -> frozenset[str]:
        return self._view("modifiers", self._modifiers)

    def speech_verb_lemma(self, form: str) -> str | None:
        return self._verbs.get(_word_key(form))

    def is_given_name(self, word: str) -> bool:
        return _word_key(word) in self._given

    def is_surname_first(self, word: str) -> bool:
        return _word_key(word) in self._surnames_first

    def is_news_agency(self, name: str) -> bool:
        entry = self.lookup(name)
        return entry is not None and entry.kind == "news_agency"

    def lookup(self, surface: str) -> LexEntry | None:
        """The entry a whole surface names ("U.S." → United States), or None.

        Short capitals are case-sensitive ("US" is the country, "us" is not);
        everything else ignores case and dots. Answers are remembered until the lexicon changes
        (at most ``_LOOKUP_CACHE`` of them: extractors ask about the same few words per article).
        """
        entry = self._lookups.get(surface, _UNSEEN)  # one read: another thread may clear the cache
        if entry is not _UNSEEN:
            return entry  # type: ignore[return-value]
        entry = self._lookup(surface)
        if len(self._lookups) >= _LOOKUP_CACHE:
            self._lookups.clear()
        self._lookups[surface] = entry
        return entry

    def _lookup(self, surface: str) -> LexEntry | None:
        tokens = [t for _, _, t in tokenize(_strip_the(surface))]
        if not tokens:
            return None
        found = self.compile().phrases.get(tuple(fold_token(t) for t in tokens), ())
        for s in found:
            if s.accepts(tokens):
                return s.entry
        return None

    def entries(self) -> list[LexEntry]:
        """Every entity the lexicon names (canonical entries only), in a stable order."""
        return [LexEntry(e.name, e.type, e.kind, e.country, "name")
                for e in sorted(self._entities.values(), key=lambda e: e.order)]

    # -- compiling ----------------------------------------------------------
    def compile(self) -> CompiledLexicon:
        """The scan tables, built now if the lexicon changed since the last call."""
        if self._compiled is None:
            self._compiled = self._build()
        return self._compiled

    freeze = compile

    def _build(self) -> CompiledLexicon:
        phrases: dict[tuple[str, ...], list[Surface]] = {}

        def put(surface: str, entry: LexEntry, order: int) -> None:
            surface = _strip_the(surface)
            key = _phrase(surface)
            if not key:
                return
            form = Surface(entry, _exact_form(surface), surface[:1].isupper(),
                           (_VIA_RANK[entry.via], _TYPE_RANK[entry.type], order))
            bucket = phrases.setdefault(key, [])
            if all((s.entry != form.entry or s.exact != form.exact) for s in bucket):
                bucket.append(form)

        for e in self._entities.values():
            def entry(via: Via, e: _EntityData = e) -> LexEntry:
                return LexEntry(e.name, e.type, e.kind, e.country, via)
            if e.type == "place":
                put(e.name, entry("place"), e.order)
            else:
                put(e.name, entry("name"), e.order)
            for a in e.aliases:
                put(a, entry("alias"), e.order)
            for s in e.seats:
                put(s, entry("seat"), e.order)
            if e.capital:
                put(e.capital, entry("capital"), e.order)
            for d in e.demonyms:
                put(d, entry("demonym"), e.order)
        table = {k: tuple(sorted(v, key=lambda s: s.rank)) for k, v in phrases.items()}
        titles: dict[tuple[str, ...], str] = {}
        for t in sorted(self._titles):
            key = _phrase(t)
            if key:
                titles.setdefault(key, t)
        ordered = sorted(self._entities.values(), key=lambda e: e.order)
        return CompiledLexicon(
            phrases=table,
            phrase_firsts=frozenset(k[0] for k in table),
            max_phrase=max((len(k) for k in table), default=1),
            titles=titles,
            title_firsts=frozenset(k[0] for k in titles),
            max_title=max((len(k) for k in titles), default=1),
            speech_verbs=frozenset(self._verbs),
            honorifics=frozenset(self._honorifics),
            modifiers=frozenset(self._modifiers),
            given=frozenset(self._given),
            surnames_first=frozenset(self._surnames_first),
            demonym={e.name: e.demonyms[0] for e in ordered if e.demonyms},
            surfaces={(e.type, e.name): tuple(dict.fromkeys(
                [*e.aliases, *e.seats, *e.demonyms])) for e in ordered},
        )


__all__ = ["CompiledLexicon", "LexEntry", "Lexicon", "Surface", "TOKEN_RE", "fold_token", "fold_tokens",
           "token_columns", "token_columns_with_gaps", "tokenize"]
