"""Tokens with offsets for the attribution parser (words, clitics, punctuation, quote marks)."""

from __future__ import annotations

from dataclasses import dataclass

import regex

TOKEN_RE = regex.compile(
    r"``|''"
    r"|(?:\p{L}\.){2,}"
    r"|['’´]s(?![\p{L}\p{N}])"
    r"|[\p{L}\p{N}]+(?:(?:[-&]|['’´](?!s(?![\p{L}\p{N}])))[\p{L}\p{N}]+)*"
    r"|[^\s\p{L}\p{N}]"
)
_APOS = str.maketrans({"’": "'", "´": "'", "‘": "'"})
QUOTE_CHARS = frozenset(("\"", "“", "”", "„", "‟", "«", "»", "‘", "’", "'", "``", "''"))
TERMINAL = frozenset(".!?…")
DASHES = frozenset(("—", "–", "-", "--"))


@dataclass(frozen=True, slots=True)
class Tok:
    start: int
    end: int
    text: str
    low: str

    @property
    def word(self) -> bool:
        return self.text[:1].isalnum()

    @property
    def cap(self) -> bool:
        return self.text[:1].isupper()


def tokenize(text: str, start: int, end: int) -> list[Tok]:
    """Tokens of ``text[start:end]`` with absolute offsets."""
    out = []
    for m in TOKEN_RE.finditer(text, start, end):
        t = m.group()
        out.append(Tok(m.start(), m.end(), t, t.translate(_APOS).casefold()))
    return out
