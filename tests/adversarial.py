"""Adversarial inputs of any size, shared by tests/test_hardening.py and benchmarks/adversarial.py.

Each maker returns exactly ``size`` characters built to hit a worst case of
some pattern or per-sentence step: long runs of what a rule repeats over
(capitalised words, quote marks, speech verbs, dates, "of" chains), one
endless sentence that every trigger has to look across, or no structure at
all. ``ordinary(size)`` is the example articles repeated to the same size,
the baseline each is compared with.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
ARTICLES = sorted((ROOT / "examples" / "articles").glob("*.txt"))


def _fill(unit: str, size: int) -> str:
    return (unit * (size // len(unit) + 1))[:size]


def ordinary(size: int) -> str:
    """The example articles, one after another, repeated to ``size`` characters."""
    base = "\n\n".join(path.read_text(encoding="utf-8") for path in ARTICLES) + "\n\n"
    return _fill(base, size)


def _distinct_names(size: int) -> str:
    """Thousands of different people, so nothing collapses into one entity."""
    letters = "bdfgklmnprstvz"
    vowels = "aeiou"
    parts = []
    i = total = 0
    while total < size:
        a = letters[i % 14] + vowels[i // 14 % 5] + letters[i // 70 % 14] + vowels[i // 980 % 5]
        b = letters[i // 4900 % 14] + vowels[i % 5] + letters[i // 5 % 14]
        parts.append(f"Minister {a.title()} {b.title()}ov met {b.title()}ski. ")
        total += len(parts[-1])
        i += 1
    return _fill("".join(parts), size)


CASES: dict[str, Callable[[int], str]] = {
    # what a pattern repeats over
    "capitalised words": lambda n: _fill("Grand Northern Council Federal Republic Union ", n),
    "unmatched straight quotes": lambda n: _fill('"', n),
    "unmatched curly quotes": lambda n: _fill("“ ‘ ", n),
    "quotes between words": lambda n: _fill('"Ruiz said "the ', n),
    "deeply nested quotes": lambda n: _fill('He said, "She said, \'They said, “Ruiz said, ‘ ', n),
    "no whitespace": lambda n: _fill("abcdefghij", n),
    "no whitespace, capitalised": lambda n: _fill("NorthSouthEast", n),
    "punctuation run": lambda n: _fill(".,;:!?-", n),
    "full stops": lambda n: _fill(".", n),
    "dashes": lambda n: _fill("-–—", n),
    "parentheses": lambda n: _fill("(", n),
    "newlines only": lambda n: "x" + _fill("\n", n - 1),
    "U.S. repeated": lambda n: _fill("U.S. ", n),
    "Mr. repeated": lambda n: _fill("Mr. ", n),
    "initials": lambda n: _fill("A. ", n),
    "dotted capitals": lambda n: _fill("A.B.C. ", n),
    "speech verbs": lambda n: _fill("said warned told urged added ", n),
    "dates": lambda n: _fill("March 14, 2024 on Friday last month in 2019 ", n),
    "the end of the end of": lambda n: _fill("the end of ", n),
    "of the of the": lambda n: _fill("of the ", n),
    "titles": lambda n: _fill("Foreign Minister ", n),
    "comma lists": lambda n: _fill("Ana Ruiz, ", n),
    "and chains": lambda n: _fill("Iran and ", n),
    "digits": lambda n: _fill("1234567890", n),
    # one endless sentence: every trigger in it looks across all the others
    "he said that she said that": lambda n: "Ana Ruiz said that " + _fill("he said that she said that ", n - 19),
    "name said name said": lambda n: _fill("Ruiz said Lee said ", n),
    "told that chain": lambda n: _fill("Ruiz told Lee that ", n),
    "met chain": lambda n: _fill("Ana Ruiz met ", n),
    "agreed chain": lambda n: _fill("agreed to sign an agreement with ", n),
    "sanctions on and": lambda n: _fill("sanctions on Iran and Iraq and ", n),
    "according to chain": lambda n: _fill("according to Reuters according to AP ", n),
    "quote said chain": lambda n: _fill('"We will win," Ruiz said, "and soon," Lee said, ', n),
    "emoji and names": lambda n: _fill("🙂 Ruiz said ", n),
    "right-to-left and names": lambda n: _fill("مرحبا Ruiz said ", n),
    # many short sentences that are all triggers
    "short meetings": lambda n: _fill("Ruiz met Lee in Paris on Friday. ", n),
    "pronoun chains": lambda n: "Ana Ruiz arrived. " + _fill("She said he told her they met him. ", n - 18),
    "distinct people": _distinct_names,
}

__all__ = ["CASES", "ordinary"]
