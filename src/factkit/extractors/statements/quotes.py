"""Find quotations by one left-to-right scan that pairs opening and closing marks.

A nested regex cannot pair quote marks reliably (straight marks look the same
at both ends, apostrophes look like closing single quotes), so the scan keeps
a little state instead: which double quote is open and how deeply marks are
nested inside it. Straight marks are classed by the characters around them.
A quote left open at the end of a paragraph continues when the next paragraph
opens with a quote mark (the news convention for long quotations); otherwise
it stops at the paragraph end. Unbalanced marks never raise.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import regex

_MARK = regex.compile(r"``|''|[\"“”„‟«»‘’']")
_DOUBLE_OPEN = frozenset(("“", "„", "‟", "«", "``"))
_DOUBLE_CLOSE = frozenset(("”", "»", "''"))
_AMBIGUOUS = frozenset(('"', "”", "»"))  # closing marks some pages also use to open
_SINGLE = frozenset(("‘", "’", "'"))
_OPEN_CONTEXT = frozenset(" \t\r\n([{—–-/:")
_CLOSE_CONTEXT = frozenset(" \t\r\n)]}.,;:!?—–-…")
_MAX_DEPTH = 3


@dataclass(frozen=True, slots=True)
class Quote:
    """One quotation: marks included in ``[start, end)``, the words in ``segments``.

    ``segments`` holds one ``(start, end)`` piece of quoted text per paragraph
    the quotation runs through; ``closed`` is False when it simply stopped at
    a paragraph end without a closing mark.
    """

    start: int
    end: int
    segments: tuple[tuple[int, int], ...]
    closed: bool
    single: bool = False

    @property
    def inner_start(self) -> int:
        return self.segments[0][0]

    @property
    def inner_end(self) -> int:
        return self.segments[-1][1]

    def content(self, text: str) -> str:
        """The quoted words, paragraph pieces joined by a space."""
        return " ".join(" ".join(text[a:b].split()) for a, b in self.segments if b > a).strip()

    def words(self, text: str) -> int:
        return sum(len(text[a:b].split()) for a, b in self.segments)


def _opening_like(text: str, i: int, n: int) -> bool:
    before = text[i - 1] if i > 0 else " "
    after = text[i + n] if i + n < len(text) else " "
    return (before in _OPEN_CONTEXT or before in "\"“‘'") and not after.isspace()


def _closing_like(text: str, i: int, n: int) -> bool:
    before = text[i - 1] if i > 0 else " "
    after = text[i + n] if i + n < len(text) else " "
    return not before.isspace() and (after in _CLOSE_CONTEXT or after in "\"”’'")


class _Scanner:
    """State of the scan over one text; ``run`` walks paragraph by paragraph."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.quotes: list[Quote] = []
        self.open_at = -1          # offset of the opening double mark, -1 when none is open
        self.inner_at = -1
        self.depth = 0
        self.pieces: list[tuple[int, int]] = []
        self.single_at = -1        # offset of an open top-level single quote

    def run(self, paragraphs: Sequence[tuple[int, int]]) -> list[Quote]:
        for k, (start, end) in enumerate(paragraphs):
            self._paragraph(start, end)
            if self.open_at < 0:
                continue
            nxt = paragraphs[k + 1] if k + 1 < len(paragraphs) else None
            if nxt is not None and self._opens_with_quote(nxt[0], nxt[1]):
                self.pieces.append((self.inner_at, self._trim_end(self.inner_at, end)))
                self.inner_at = -2  # the next paragraph's first mark resumes the quotation
            else:
                self._close(end, end, closed=False)
        return self.quotes

    def _opens_with_quote(self, start: int, end: int) -> bool:
        m = _MARK.match(self.text, start, end)
        return bool(m) and (m.group() in _DOUBLE_OPEN or m.group() == '"')

    def _trim_end(self, start: int, end: int) -> int:
        while end > start and self.text[end - 1].isspace():
            end -= 1
        return end

    def _close(self, mark_start: int, mark_end: int, *, closed: bool) -> None:
        inner_end = self._trim_end(self.inner_at, mark_start) if self.inner_at >= 0 else mark_start
        pieces = self.pieces
        if self.inner_at >= 0:
            pieces = [*pieces, (self.inner_at, max(inner_end, self.inner_at))]
        if pieces:
            self.quotes.append(Quote(self.open_at, mark_end, tuple(pieces), closed))
        self.open_at = self.inner_at = -1
        self.depth = 0
        self.pieces = []

    def _paragraph(self, start: int, end: int) -> None:
        text = self.text
        self.single_at = -1
        for m in _MARK.finditer(text, start, end):
            mark, i = m.group(), m.start()
            n = len(mark)
            if self.inner_at == -2:  # resuming a quotation after a paragraph break
                if mark in _DOUBLE_OPEN or mark == '"':
                    self.inner_at = m.end()
                    continue
                self.inner_at = m.start()
            if mark in _SINGLE:
                self._single(mark, i, n)
                continue
            self.single_at = -1  # a double mark inside a would-be single quote: it was an apostrophe
            if self.open_at < 0:
                if mark in _DOUBLE_OPEN or (mark in _AMBIGUOUS and _opening_like(text, i, n)):
                    self.open_at, self.inner_at, self.depth = i, m.end(), 1
                    self.pieces = []
                continue
            if mark in _DOUBLE_OPEN and not (_closing_like(text, i, n) and not _opening_like(text, i, n)):
                self.depth = min(self.depth + 1, _MAX_DEPTH)
            elif mark == '"' and _opening_like(text, i, n) and not _closing_like(text, i, n):
                self.depth = min(self.depth + 1, _MAX_DEPTH)
            else:
                self.depth -= 1
                if self.depth <= 0:
                    self._close(i, m.end(), closed=True)

    def _single(self, mark: str, i: int, n: int) -> None:
        """Top-level single quotes (British style, headlines); ignored inside double quotes."""
        if self.open_at >= 0:
            return
        text = self.text
        after = text[i + n] if i + n < len(text) else " "
        if self.single_at < 0:
            if mark in ("‘", "'") and _opening_like(text, i, n) and after.isalpha():
                self.single_at = i
            return
        if mark in ("’", "'") and _closing_like(text, i, n) and not after.isalnum():
            inner_start, inner_end = self.single_at + 1, self._trim_end(self.single_at + 1, i)
            if inner_end > inner_start:
                self.quotes.append(Quote(self.single_at, i + n, ((inner_start, inner_end),), True, True))
            self.single_at = -1


def find_quotes(text: str, paragraphs: Sequence[tuple[int, int]]) -> list[Quote]:
    """Every quotation in ``text``, in order; ``paragraphs`` are ``(start, end)`` extents in order."""
    return _Scanner(text).run(paragraphs)


def paragraph_extents(sentences: Sequence[object]) -> list[tuple[int, int]]:
    """``(start, end)`` of each paragraph from the analysis' sentences (sorted by start)."""
    out: list[tuple[int, int]] = []
    last = None
    for s in sentences:
        par, start, end = s.paragraph, s.start, s.end  # type: ignore[attr-defined]
        if out and par == last:
            out[-1] = (out[-1][0], max(out[-1][1], end))
        else:
            out.append((start, end))
            last = par
    return out
