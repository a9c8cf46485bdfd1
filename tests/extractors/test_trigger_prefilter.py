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
from factkit.extractors._events import BodyViews, body_views, matches_from

ROOT = Path(__file__).resolve().parents[2]

Candidates = Callable[[BodyViews], Sequence[int]]

EXTRACTORS: dict[str, tuple[tuple[regex.Pattern[str], ...], Candidates]] = {
    "meetings": ((meetings._VERB, meetings._NOUN, meetings._OCCASION_AT), meetings._candidates),
    "agreements": ((agreements._AGREE, agreements._DEAL_VERB, agreements._NOUN), agreements._candidates),
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


MODULES = {"meetings": meetings, "agreements": agreements, "sanctions": sanctions}
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
    # the words the prefilter ignores must stay ignorable next to every pattern word
    ignored = list(MODULES[name]._NOT_TRIGGERS)
    vocabulary = st.sampled_from(words + fillers + ignored)

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


def test_a_word_ignored_wrongly_would_be_caught(builtin_pipeline, monkeypatch):
    """Ignoring words starting "sanctione" would lose "sanctioned", a trigger."""
    monkeypatch.setattr(sanctions, "_NOT_TRIGGERS", (*sanctions._NOT_TRIGGERS, "sanctione"))
    assert _missed(builtin_pipeline, "The European Union sanctioned three Belarusian banks.", "sanctions")


# whole words the patterns spell in pieces ("unfr(?:eeze|oze)", "add(?:ed|s)")
_INFLECTED = ("unfreeze", "unfroze", "frozen", "froze", "freezes", "reduce", "reduced", "added", "adds", "adding",
              "placed", "places", "puts", "putting", "included", "includes", "including", "took", "taken", "takes",
              "taking", "delisted", "de-list", "delist", "denied", "deny", "designate", "designates", "banned",
              "barred", "bars", "halted", "suspended", "prohibited", "restricted", "cutting", "revoke", "revoking",
              "removing", "removed", "dropping", "rescinding", "sanctioned", "sanctioning", "blacklisted",
              "embargoes", "bans", "penalty", "freeze")


def _scan_differs(pattern: regex.Pattern[str], first: tuple[str, ...]) -> list[str]:
    """Texts of two pattern words in a few frames where :func:`matches_from` finds other matches
    than scanning the whole text."""
    words = sorted({*regex.findall(r"[a-z][a-z-]*[a-z]", pattern.pattern), *_INFLECTED, "the", "on", "of",
                    "imports", "x"})
    frames = ("{} {}", "the {} {} on the imports", "x {} {} of the sanctions list", "they {} {} x y assets",
              "they {} {} to the blacklist", "x {} {} from the list", "we {} {} the sale of arms to them",
              "they {} {} action against them", "they {} {} with x")
    found = []
    for a in words:
        for b in words:
            for frame in frames:
                text = frame.format(a, b)
                got = [(m.span(), m.lastgroup) for m in matches_from(pattern, first, text)]
                if got != [(m.span(), m.lastgroup) for m in pattern.finditer(text)]:
                    found.append(text)
    return found


@pytest.mark.parametrize(("module", "which"), [(sanctions, "_NOUN"), (sanctions, "_VERBAL"), (meetings, "_VERB"),
                                               (meetings, "_NOUN"), (agreements, "_DEAL_VERB"), (agreements, "_NOUN")])
def test_trigger_scans_start_at_a_word_that_can_begin_a_match(module, which):
    assert _scan_differs(getattr(module, which), getattr(module, which + "_FIRST")) == []


def test_a_missing_first_word_would_be_caught():
    """The check above can fail: without "asset", "asset freezes" is never scanned."""
    first = tuple(w for w in sanctions._NOUN_FIRST if w != "asset")
    assert _scan_differs(sanctions._NOUN, first)
