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
    word: bool  # starts with a letter or digit: asked so often it is stored, not computed

    @property
    def cap(self) -> bool:
        return self.text[:1].isupper()


def tokenize(text: str, start: int, end: int) -> list[Tok]:
    """Tokens of ``text[start:end]`` with absolute offsets."""
    chunk = text[start:end]
    folded = chunk.translate(_APOS).casefold()
    same_length = len(folded) == len(chunk)  # then a token's fold is a slice of the sentence's
    out = []
    for m in TOKEN_RE.finditer(text, start, end):
        t = m.group()
        a, b = m.start(), m.end()
        low = folded[a - start:b - start] if same_length else t.translate(_APOS).casefold()
        out.append(Tok(a, b, t, low, t[:1].isalnum()))
    return out
