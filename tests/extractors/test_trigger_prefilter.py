"""The event extractors skip sentences without a trigger stem: no trigger pattern may match one.

Each extractor lists word stems such that every match of its trigger patterns
contains a word starting with one of them; sentences without any are never
read. A pattern extended without its stem list would silently lose facts, so
these tests check the promise on real sentences and on word salad built from
the patterns' own words.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path

import pytest
import regex
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from factkit.extractors import agreements, meetings, sanctions
from factkit.extractors._events import BodyViews, body_views

ROOT = Path(__file__).resolve().parents[2]

Candidates = Callable[[BodyViews], Sequence[int]]

EXTRACTORS: dict[str, tuple[tuple[regex.Pattern[str], ...], Candidates]] = {
    "meetings": ((meetings._VERB, meetings._NOUN, meetings._OCCASION_AT),
                 lambda views: sorted(views.containing(meetings._TRIGGER_STEMS))),
    "agreements": ((agreements._AGREE, agreements._DEAL_VERB, agreements._NOUN),
                   lambda views: sorted(views.containing(agreements._TRIGGER_STEMS))),
    "sanctions": ((sanctions._VERBAL, sanctions._NOUN), sanctions._candidates),
}


def _missed(pipeline, text: str, name: str) -> list[str]:
    """Sentences a trigger pattern matches that the extractor's prefilter would skip."""
    patterns, candidates = EXTRACTORS[name]
    views = body_views(pipeline.analyse(text, published="2024-05-06"))
    kept = set(candidates(views))
    return [views.low(i) for i in range(len(views))
            if i not in kept and any(p.search(views.low(i)) for p in patterns)]


def _pattern_words(name: str) -> list[str]:
    words = {w for p in EXTRACTORS[name][0] for w in regex.findall(r"[a-z]{2,}", p.pattern)}
    return sorted(words)


ARTICLES = sorted((ROOT / "examples" / "articles").glob("*.txt"))


@pytest.mark.parametrize("name", sorted(EXTRACTORS))
def test_no_trigger_sentence_of_the_example_articles_is_skipped(builtin_pipeline, name):
    for path in ARTICLES:
        assert _missed(builtin_pipeline, path.read_text(encoding="utf-8"), name) == [], path.name


@pytest.mark.parametrize("name", sorted(EXTRACTORS))
def test_prefilter_keeps_every_sentence_a_trigger_matches(builtin_pipeline, name):
    words = _pattern_words(name)
    fillers = ["Ana Ruiz", "the ministers", "Chile", "on Monday", "officials", "to", "with", "a", "for",
               "the", "of", ",", "said", "and"]
    vocabulary = st.sampled_from(words + fillers)

    @settings(max_examples=300, deadline=None, database=None,
              suppress_health_check=[HealthCheck.function_scoped_fixture])
    @given(st.lists(st.lists(vocabulary, min_size=3, max_size=14), min_size=1, max_size=4))
    def check(sentences: list[list[str]]) -> None:
        text = " ".join(" ".join(words).capitalize() + "." for words in sentences)
        assert _missed(builtin_pipeline, text, name) == []

    check()


def test_a_pattern_word_without_a_stem_would_be_caught(builtin_pipeline, monkeypatch):
    """The check above can fail: drop the stem of "summit" and its sentence goes missing."""
    stems = tuple(s for s in meetings._TRIGGER_STEMS if s != "summit")
    monkeypatch.setattr(meetings, "_TRIGGER_STEMS", stems)
    assert _missed(builtin_pipeline, "Leaders gathered in Lima for a summit on trade.", "meetings")
