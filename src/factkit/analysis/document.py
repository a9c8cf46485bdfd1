"""The analysed document: one article understood once, read by every extractor."""

from __future__ import annotations

import bisect
import functools
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import TYPE_CHECKING, Any, TypeVar

from factkit.schema import EntityRef, Span

from .model import EntityRecord, Mention, Position, Region, Sentence, TimeExpression

if TYPE_CHECKING:
    from .lexicon import Lexicon

T = TypeVar("T")


@functools.lru_cache(maxsize=4096)
def _fold(name: str) -> str:
    """Comparison key for names: case, curly quotes, dots and a leading 'the' do not matter.

    Cached: the same names are keyed for every article and looked up by every extractor.
    """
    key = name.replace("’", "'").replace(".", "").casefold().strip()
    if key.startswith("the "):
        key = key[4:]
    return " ".join(key.split())


@dataclass(slots=True)
class AnalysedDocument:
    """Everything the analysis knows about one article.

    Offsets are Python string indices into ``text`` exactly as given. Lookups
    are binary searches over sorted lists, so extractors may call them freely.
    """

    text: str
    published: date | None
    doc_id: str | None
    lexicon: Lexicon
    sentences: list[Sentence] = field(default_factory=list)
    junk: list[Region] = field(default_factory=list)
    entities: list[EntityRecord] = field(default_factory=list)
    mentions: list[Mention] = field(default_factory=list)
    positions: list[Position] = field(default_factory=list)
    dates: list[TimeExpression] = field(default_factory=list)
    _sentence_starts: list[int] = field(default_factory=list, repr=False)
    _junk_starts: list[int] = field(default_factory=list, repr=False)
    _mention_starts: list[int] = field(default_factory=list, repr=False)
    _date_starts: list[int] = field(default_factory=list, repr=False)
    _by_id: dict[str, EntityRecord] = field(default_factory=dict, repr=False)
    _by_name: dict[str, EntityRecord] = field(default_factory=dict, repr=False)
    _positions_by_person: dict[str, list[Position]] = field(default_factory=dict, repr=False)
    _memo: dict[str, Any] = field(default_factory=dict, repr=False)

    def __post_init__(self) -> None:
        self.reindex()

    def reindex(self) -> None:
        """Rebuild the lookup tables after the lists above were replaced."""
        self.sentences.sort(key=lambda s: s.start)
        self.junk.sort(key=lambda r: r.start)
        self.mentions.sort(key=lambda m: (m.start, -m.end))
        self.dates.sort(key=lambda d: d.start)
        self._sentence_starts = [s.start for s in self.sentences]
        self._junk_starts = [r.start for r in self.junk]
        self._mention_starts = [m.start for m in self.mentions]
        self._date_starts = [d.start for d in self.dates]
        self._by_id = {e.id: e for e in self.entities}
        self._positions_by_person = {}
        for position in self.positions:
            self._positions_by_person.setdefault(position.person_id, []).append(position)
        self._by_name = {}
        for record in self.entities:  # canonical names win over aliases of other entities
            self._by_name.setdefault(_fold(record.name), record)
        for record in self.entities:
            for alias in record.aliases:
                self._by_name.setdefault(_fold(alias), record)
        for record in self.entities:  # names the article never uses come last
            for alias in record.known_as:
                self._by_name.setdefault(_fold(alias), record)

    def memo(self, key: str, build: Callable[[], T]) -> T:
        """Compute a derived view once per document and share it between extractors.

        Several extractors need the same derived structure (token views of each
        sentence, say); the first to ask builds it, the others reuse it. Keys
        are namespaced by the module that builds them.
        """
        if key not in self._memo:
            self._memo[key] = build()
        return self._memo[key]  # type: ignore[no-any-return]

    # -- text ---------------------------------------------------------------
    def span(self, start: int, end: int) -> Span:
        """A schema span over ``text[start:end]`` (the only way extractors should build one)."""
        return Span(start=start, end=end, text=self.text[start:end])

    def entity_ref(self, start: int, end: int) -> EntityRef:
        """Reference to whatever entity is mentioned at ``text[start:end]`` (or an unresolved one)."""
        record = self.entity_in(start, end)
        return EntityRef(entity=record.id if record else None, text=self.text[start:end],
                         span=self.span(start, end))

    # -- sentences ----------------------------------------------------------
    def sentence_at(self, offset: int) -> Sentence | None:
        i = bisect.bisect_right(self._sentence_starts, offset) - 1
        if i >= 0 and self.sentences[i].start <= offset < self.sentences[i].end:
            return self.sentences[i]
        return None

    def sentences_in(self, start: int, end: int) -> list[Sentence]:
        """Sentences overlapping ``[start, end)``."""
        i = max(bisect.bisect_right(self._sentence_starts, start) - 1, 0)
        j = bisect.bisect_left(self._sentence_starts, end)
        return [s for s in self.sentences[i:j] if s.end > start]

    def body_sentences(self) -> Iterator[Sentence]:
        """Sentences outside page junk: the ones facts may come from."""
        return (s for s in self.sentences if not self.in_junk(s.start, s.end))

    def sentence_text(self, sentence: Sentence) -> str:
        return self.text[sentence.start:sentence.end]

    # -- junk ---------------------------------------------------------------
    def is_junk(self, offset: int) -> bool:
        i = bisect.bisect_right(self._junk_starts, offset) - 1
        return i >= 0 and self.junk[i].start <= offset < self.junk[i].end

    def in_junk(self, start: int, end: int) -> bool:
        """True when any part of ``[start, end)`` lies in page junk."""
        i = bisect.bisect_right(self._junk_starts, max(end - 1, start)) - 1
        return i >= 0 and self.junk[i].end > start

    # -- entities -----------------------------------------------------------
    def entity(self, entity_id: str) -> EntityRecord:
        return self._by_id[entity_id]

    def mention_at(self, offset: int) -> Mention | None:
        """The innermost-starting mention covering ``offset``."""
        i = bisect.bisect_right(self._mention_starts, offset) - 1
        best: Mention | None = None
        # mentions never nest deeply, so a short walk back is enough
        while i >= 0 and offset - self.mentions[i].start < 200:
            m = self.mentions[i]
            if m.start <= offset < m.end and (best is None or m.end - m.start < best.end - best.start):
                best = m
            i -= 1
        return best

    def entity_at(self, offset: int) -> EntityRecord | None:
        mention = self.mention_at(offset)
        return self._by_id.get(mention.entity_id) if mention else None

    def mentions_in(self, start: int, end: int) -> list[Mention]:
        """Mentions lying wholly inside ``[start, end)``, in text order."""
        lo = bisect.bisect_left(self._mention_starts, start)
        hi = bisect.bisect_left(self._mention_starts, end)
        return [m for m in self.mentions[lo:hi] if m.end <= end]

    def entity_in(self, start: int, end: int) -> EntityRecord | None:
        """The entity of the widest mention inside ``[start, end)``, else of one covering it."""
        inside = self.mentions_in(start, end)
        if inside:
            widest = max(inside, key=lambda m: (m.end - m.start, -m.start))
            return self._by_id.get(widest.entity_id)
        covering = self.mention_at(start)
        if covering and covering.end >= end:
            return self._by_id.get(covering.entity_id)
        return None

    def entity_by_name(self, name: str) -> EntityRecord | None:
        """Look an entity up by canonical name or any alias (case and dots ignored)."""
        return self._by_name.get(_fold(name))

    def positions_of(self, entity_id: str) -> list[Position]:
        return list(self._positions_by_person.get(entity_id, ()))

    # -- dates --------------------------------------------------------------
    def dates_in(self, start: int, end: int) -> list[TimeExpression]:
        lo = bisect.bisect_left(self._date_starts, start)
        hi = bisect.bisect_left(self._date_starts, end)
        return [d for d in self.dates[lo:hi] if d.end <= end]


def fold_name(name: str) -> str:
    """Public form of the name key used by :meth:`AnalysedDocument.entity_by_name`."""
    return _fold(name)


__all__: Sequence[str] = ["AnalysedDocument", "fold_name"]
