"""Tokens with offsets for the attribution parser (words, clitics, punctuation, quote marks)."""

from __future__ import annotations

import re

import regex

TOKEN_RE = regex.compile(
    r"``|''"
    r"|(?:\p{L}\.){2,}"
    r"|['’´]s(?![\p{L}\p{N}])"
    r"|[\p{L}\p{N}]+(?:(?:[-&]|['’´](?!s(?![\p{L}\p{N}])))[\p{L}\p{N}]+)*"
    r"|[^\s\p{L}\p{N}]"
)
# TOKEN_RE for pure-ASCII text, where the stdlib engine is about twice as fast. In ASCII,
# \p{L} is [A-Za-z], \p{N} is [0-9], the curly apostrophes cannot occur, and the regex
# module's \s is [\t-\r ] (the stdlib's also takes \x1c-\x1f, so it is spelled out).
# The two patterns agree on random ASCII strings with any pos/endpos (checked on 300k of them).
ASCII_TOKEN_RE = re.compile(
    r"``|''"
    r"|(?:[A-Za-z]\.){2,}"
    r"|'s(?![A-Za-z0-9])"
    r"|[A-Za-z0-9]+(?:(?:[-&]|'(?!s(?![A-Za-z0-9])))[A-Za-z0-9]+)*"
    r"|[^\t-\r A-Za-z0-9]"
)
QUOTE_CHARS = frozenset(("\"", "“", "”", "„", "‟", "«", "»", "‘", "’", "'", "``", "''"))
TERMINAL = frozenset(".!?…")
DASHES = frozenset(("—", "–", "-", "--"))


class Tok:
    """One token: offsets, text, its fold (``low``) and whether it starts with a letter or digit.

    A plain slotted class: sentences are tokenized by the thousand and a frozen
    dataclass costs four times as much to construct. Treat instances as immutable.
    """

    __slots__ = ("start", "end", "text", "low", "word")

    def __init__(self, start: int, end: int, text: str, low: str, word: bool) -> None:
        self.start = start
        self.end = end
        self.text = text
        self.low = low
        self.word = word  # asked so often it is stored, not computed

    @property
    def cap(self) -> bool:
        return self.text[:1].isupper()

    def __repr__(self) -> str:
        return f"Tok({self.start}, {self.end}, {self.text!r})"


def fold(text: str) -> str:
    """The comparison form of a token: straight apostrophes, case folded."""
    return text.replace("’", "'").replace("´", "'").replace("‘", "'").casefold()  # str.translate is slower


def fold_same_length(text: str) -> str | None:
    """``fold(text)`` when it keeps every offset (almost always), else None.

    Case folding works character by character, so when the lengths agree every
    character folded to exactly one and a token's fold is a slice of the text's.
    """
    folded = fold(text)
    return folded if len(folded) == len(text) else None


def tokenize(text: str, start: int, end: int, folded: str | None = None) -> list[Tok]:
    """Tokens of ``text[start:end]`` with absolute offsets.

    ``folded`` is ``fold_same_length(text)`` of the whole text when the caller has it,
    so the sentence need not be folded again.
    """
    base = 0
    if folded is None:
        folded = fold_same_length(text[start:end])
        base = start
    out: list[Tok] = []
    append = out.append
    pattern = ASCII_TOKEN_RE if text[start:end].isascii() else TOKEN_RE
    if folded is None:
        for m in pattern.finditer(text, start, end):
            t = m.group()
            a, b = m.span()
            append(Tok(a, b, t, fold(t), t[:1].isalnum()))
        return out
    for m in pattern.finditer(text, start, end):
        t = m.group()
        a, b = m.span()
        append(Tok(a, b, t, folded[a - base:b - base], t[:1].isalnum()))
    return out
