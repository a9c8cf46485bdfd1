"""Sanctions: action, status, imposer as written, target, reason and measure."""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from factkit.analysis import Analyzer
from factkit.analysis.lexicon import Lexicon
from factkit.extractors import sanctions
from factkit.schema import Event, Relation

PUBLISHED = date(2024, 3, 9)


@pytest.fixture(scope="module")
def analyzer() -> Analyzer:
    return Analyzer(Lexicon.default())


def run(analyzer: Analyzer, text: str) -> tuple[list[Event], list[Relation]]:
    doc = analyzer.analyse(text, published=PUBLISHED)
    out = list(sanctions.extract(doc))
    for fact in out:
        for span in [*fact.evidence, *(a.span for a in getattr(fact, "arguments", []) if a.span)]:
            assert text[span.start:span.end] == span.text
    return [e for e in out if isinstance(e, Event)], [r for r in out if isinstance(r, Relation)]


def role(event: Event, name: str) -> list[str]:
    return [a.text for a in event.arguments if a.role == name]


def one(analyzer: Analyzer, text: str) -> Event:
    events, _ = run(analyzer, text)
    assert len(events) == 1, events
    return events[0]


def test_imposed_with_target_and_reason(analyzer: Analyzer) -> None:
    e = one(analyzer, "Canada has imposed sanctions on Iranian banks and shipping firms over the "
                      "crackdown on protesters.")
    assert (e.attributes["action"], e.status) == ("impose", "occurred")
    assert role(e, "imposer") == ["Canada"]
    assert role(e, "target") == ["Iranian banks and shipping firms"]
    assert e.attributes["reason"] == "the crackdown on protesters"
    assert e.attributes["measure"] == "sanctions"


def test_demanded_lift_names_the_one_asked(analyzer: Analyzer) -> None:
    e = one(analyzer, "Venezuela called on the United States to lift sanctions on its oil company.")
    assert (e.attributes["action"], e.status) == ("lift", "demanded")
    assert role(e, "imposer") == ["United States"]
    assert role(e, "target") == ["its oil company"]


def test_urged_to_lift(analyzer: Analyzer) -> None:
    e = one(analyzer, "Cuba urged Washington to lift the embargo on the island.")
    assert (e.attributes["action"], e.status) == ("lift", "demanded")
    assert role(e, "imposer") == ["Washington"]


def test_should_lift_keeps_the_subject_as_imposer(analyzer: Analyzer) -> None:
    e = one(analyzer, "The minister told reporters that Japan should lift sanctions on Russian fishing firms.")
    assert (e.attributes["action"], e.status) == ("lift", "demanded")
    assert role(e, "imposer") == ["Japan"]


def test_warned_it_would_impose_is_a_threat_made(analyzer: Analyzer) -> None:
    e = one(analyzer, "Britain warned it would impose sanctions on Georgian officials.")
    assert (e.attributes["action"], e.status) == ("threaten", "occurred")
    assert role(e, "imposer") == ["Britain"]


def test_preparing_is_a_planned_imposition(analyzer: Analyzer) -> None:
    e = one(analyzer, "The European Union is preparing sanctions against Iranian drone makers.")
    assert (e.attributes["action"], e.status) == ("impose", "planned")
    assert role(e, "imposer") == ["European Union"]


def test_conditional_is_hypothetical(analyzer: Analyzer) -> None:
    e = one(analyzer, "If Norway imposes sanctions on Russian trawlers, Moscow will retaliate.")
    assert e.status == "hypothetical"


def test_refused_is_negated(analyzer: Analyzer) -> None:
    e = one(analyzer, "Hungary refused to lift the arms embargo on Belarus.")
    assert (e.attributes["action"], e.status) == ("lift", "negated")
    assert e.attributes["measure"] == "arms embargo"


def test_agreed_to_extend_is_an_extension(analyzer: Analyzer) -> None:
    e = one(analyzer, "European Union leaders agreed to extend economic sanctions against Russia over the war.")
    assert (e.attributes["action"], e.status) == ("extend", "occurred")
    assert role(e, "target") == ["Russia"]
    assert e.attributes["reason"] == "the war"


def test_verb_sanctioned_and_blacklisted(analyzer: Analyzer) -> None:
    e = one(analyzer, "The U.S. Treasury sanctioned three Iranian generals on Monday.")
    assert role(e, "target") == ["three Iranian generals"]
    assert e.date is not None and e.date.value == "2024-03-04"
    e = one(analyzer, "Australia blacklisted two Myanmar military suppliers.")
    assert e.attributes["measure"] == "blacklist"
    assert role(e, "target") == ["two Myanmar military suppliers"]


def test_prohibited_sale_is_the_measure(analyzer: Analyzer) -> None:
    e = one(analyzer, "The Commerce Department has barred the export of jet engines to Iranian airlines "
                      "because of safety concerns.")
    assert e.attributes["measure"] == "barred the export of jet engines"
    assert role(e, "target") == ["Iranian airlines"]
    assert e.attributes["reason"] == "safety concerns"


def test_imposer_is_taken_as_written(analyzer: Analyzer) -> None:
    e = one(analyzer, "The U.S. House of Representatives imposed sanctions on Nicaraguan judges.")
    assert role(e, "imposer") == ["U.S. House of Representatives"]


def test_several_imposers_make_several_sanctions(analyzer: Analyzer) -> None:
    events, _ = run(analyzer, "Norway and Iceland have imposed sanctions on Belarus's state airline.")
    assert sorted(role(e, "imposer")[0] for e in events) == ["Iceland", "Norway"]


def test_mentions_of_one_measure_merge(analyzer: Analyzer) -> None:
    text = ("Tokyo urged Washington to lift sanctions on Japanese shipping firms. "
            "Its envoy said America ought to end those sanctions without delay.")
    e = one(analyzer, text)
    assert len(e.evidence) == 2
    assert e.status == "demanded"


def test_distinct_measures_stay_distinct(analyzer: Analyzer) -> None:
    text = ("Canada has imposed sanctions on Iranian banks over the crackdown. "
            "Canada has also banned exports of drone parts to Iranian firms due to security concerns.")
    events, _ = run(analyzer, text)
    assert len(events) == 2


def test_bare_mention_without_action_is_not_a_sanction(analyzer: Analyzer) -> None:
    events, _ = run(analyzer, "Moscow considers these sanctions illegal.")
    assert events == []


def test_sanctions_relation_for_imposed(analyzer: Analyzer) -> None:
    _, relations = run(analyzer, "Canada has imposed sanctions on Iran.")
    assert [(r.type, r.subject.text, r.object.text) for r in relations] == [("sanctions", "Canada", "Iran")]


WORDS = st.sampled_from(["sanctions", "lift", "impose", "imposed", "on", "against", "over", "Canada", "Iran",
                         "the", "called", "urged", "to", "them", "would", "if", "embargo", "ban", "exports",
                         "of", ",", ".", "\n", "warned", "it", "blacklisted", "froze", "assets"])


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(WORDS, max_size=40))
def test_never_raises_on_sanction_words(analyzer: Analyzer, words: list[str]) -> None:
    run(analyzer, " ".join(words) or "x")


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.text(min_size=1, max_size=400))
def test_never_raises_on_arbitrary_text(analyzer: Analyzer, text: str) -> None:
    run(analyzer, text)
