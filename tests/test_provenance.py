"""The project's texts are its own: no sentence of the shared gold or seed articles in the repo.

Runs where the shared evaluation folder sits beside the checkout (developer
machines and CI); elsewhere it is skipped with the reason.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
N = 6  # six running words shared with a gold text is a copied phrase, not a common idiom
WORD = re.compile(r"[^\W_]+(?:['’][^\W_]+)*")
# proper names of real institutions are facts of the world, not copied sentences
ALLOWED = {"general agreement on tariffs and trade"}
OWN_FILES = ["src/**/*.py", "src/**/*.json", "tests/**/*.py", "examples/**/*", "docs/**/*.md",
             "plugins/**/*.py", "plugins/**/*.json", "eval/**/*.json", "README.md",
             "benchmarks/**/*.py", "benchmarks/**/*.md"]


def _grams(text: str) -> set[str]:
    text = text.lower().replace("’", "'")
    for name in ALLOWED:  # a real institution's name is no copied phrase, wherever it stands
        text = text.replace(name, " | ")
    words = WORD.findall(text)
    return {" ".join(words[i:i + N]) for i in range(len(words) - N + 1)}


def _shared_texts() -> dict[str, str]:
    texts = {}
    for path in sorted((SHARED / "eval").glob("*/*.json")):
        texts[path.name] = json.loads(path.read_text(encoding="utf-8"))["text"]
    for path in sorted((SHARED / "seeds").glob("*.txt")):
        texts[path.name] = path.read_text(encoding="utf-8")
    return texts


@pytest.mark.skipif(not (SHARED / "eval").is_dir(), reason="shared gold data not beside checkout")
def test_no_gold_or_seed_phrase_is_copied_into_the_project():
    gold: dict[str, str] = {}
    for name, text in _shared_texts().items():
        for gram in _grams(text):
            gold.setdefault(gram, name)
    copied = []
    for pattern in OWN_FILES:
        for path in sorted(ROOT.glob(pattern)):
            if path.is_file() and path.resolve() != Path(__file__).resolve():
                text = path.read_text(encoding="utf-8", errors="replace")
                for gram in sorted(_grams(text) & gold.keys()):
                    copied.append(f"{path.relative_to(ROOT)}: {gram!r} (from {gold[gram]})")
    assert not copied, "phrases copied from shared texts:\n" + "\n".join(copied)
