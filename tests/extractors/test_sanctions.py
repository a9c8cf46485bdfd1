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


@pytest.mark.parametrize("text, action, status, imposer, target", [
    ("Andean leaders urged the European Union to lift restrictions on imports of coffee from "
     "Colombia and Peru.", "lift", "demanded", "European Union", "Colombia"),
    ("The bloc agreed to extend its ban on imports from Belarus until June.",
     "extend", "occurred", "bloc", "Belarus"),
    ("Seoul lifted its curbs on imports of Japanese seafood on Monday.", "lift", "occurred", "Seoul", "Japanese"),
])
def test_restrictions_on_imports_are_trade_sanctions(analyzer: Analyzer, text: str, action: str, status: str,
                                                     imposer: str, target: str) -> None:
    e = one(analyzer, text)
    assert (e.attributes["action"], e.status) == (action, status)
    assert role(e, "imposer") == [imposer]
    assert role(e, "target")[0].startswith(target)


def test_a_producer_cutting_its_own_exports_is_no_sanction(analyzer: Analyzer) -> None:
    events, _ = run(analyzer, "The three producers agreed to cut rubber exports by 10 pct from January.")
    assert events == []


def test_joining_sanctions_is_imposing_them(analyzer: Analyzer) -> None:
    e = one(analyzer, "Portugal will not join economic sanctions against Syria, a spokesman said.")
    assert (e.attributes["action"], e.status) == ("impose", "negated")
    assert role(e, "imposer") == ["Portugal"] and role(e, "target") == ["Syria"]


def test_cutting_imports_of_a_country_s_goods_and_freezing_its_assets(analyzer: Analyzer) -> None:
    events, _ = run(analyzer, "The envoy asked Portugal to cut its imports of Syrian oil.")
    assert [(e.attributes["action"], e.status, role(e, "target")) for e in events] == [
        ("impose", "demanded", ["Syrian"])]
    events, _ = run(analyzer, "Canada froze Syrian government assets in Canadian banks after attacks on the "
                              "Aleppo airport.")
    assert [role(e, "target") for e in events] == [["Syrian government"]]


def test_a_second_measure_along_with_the_first_shares_its_action(analyzer: Analyzer) -> None:
    events, _ = run(analyzer, "The council extended an arms embargo on Mali for a year, along with targeted "
                              "sanctions on four officials accused of blocking the peace deal.")
    got = {(e.attributes["action"], role(e, "target")[0]) for e in events}
    assert got == {("extend", "Mali"), ("extend", "four officials")}
    reasons = {e.attributes.get("reason") for e in events}
    assert "blocking the peace deal" in reasons


def test_a_duration_is_no_reason_and_the_reason_may_follow(analyzer: Analyzer) -> None:
    e = one(analyzer, "Canada extended its sanctions on Mali for another year over the coup.")
    assert e.attributes["reason"] == "the coup"


def test_a_reported_threat_names_the_acting_country_not_the_reporter(analyzer: Analyzer) -> None:
    e = one(analyzer, 'Junior minister Ann Lee said Britain would "not hesitate" to designate further '
                      'officials if the abuses continued.')
    assert (e.attributes["action"], e.status) == ("threaten", "occurred")
    assert role(e, "imposer") == ["Britain"]
    assert role(e, "target") == ["further officials"]


def test_demands_to_lift_or_widen_measures_named_before(analyzer: Analyzer) -> None:
    text = ("Canada extended an arms embargo on Mali, along with targeted sanctions on four officials. "
            "Mali's envoy urged Ottawa to lift the embargo.")
    events, _ = run(analyzer, text)
    lift = next(e for e in events if e.attributes["action"] == "lift")
    assert lift.status == "demanded" and role(lift, "target") == ["Mali"]
    e = one(analyzer, "Senators urged Canada to extend sanctions to four more generals.")
    assert (e.attributes["action"], e.status) == ("impose", "demanded")
    assert role(e, "target") == ["four more generals"]


def test_targets_of_a_passive_and_a_participle(analyzer: Analyzer) -> None:
    e = one(analyzer, "Officials responsible for the crackdown in Minsk have been sanctioned by Canada.")
    assert role(e, "target") == ["Officials responsible for the crackdown in Minsk"]
    events, _ = run(analyzer, "Canada sanctioned five generals on Monday. Those sanctioned include the "
                              "army chief.")
    assert len(events) == 1


def test_a_headline_measure_adds_evidence_to_the_body_measure(analyzer: Analyzer) -> None:
    text = ("Canada sanctions network over arms shipments\n\nThe finance ministry on Monday imposed sanctions "
            "on six people and two firms that it says shipped arms to Mali.")
    e = one(analyzer, text)
    assert len(e.evidence) == 2
    assert role(e, "target") == ["six people and two firms"]


def test_a_measure_held_by_a_country_and_taken_up_again_as_the_ban(analyzer: Analyzer) -> None:
    text = ("Chile and Peru will hold talks next month on Peru's ban on Chilean fruit imports. "
            "Santiago has asked Lima to lift the ban.")
    events, _ = run(analyzer, text)
    got = {(e.attributes["action"], e.status, role(e, "imposer")[0], role(e, "target")[0]) for e in events}
    assert got == {("impose", "occurred", "Peru", "Chilean"), ("lift", "demanded", "Lima", "Chilean")}
    assert run(analyzer, "The ban on smoking in bars was lifted in May.")[0] == []


def test_a_draft_that_would_threaten_sanctions_is_a_possible_threat(analyzer: Analyzer) -> None:
    e = one(analyzer, "Norway circulated a draft resolution that would threaten sanctions against commanders "
                      "who block aid.")
    assert (e.attributes["action"], e.status) == ("threaten", "hypothetical")


def test_a_target_ends_where_a_relative_clause_without_that_begins(analyzer: Analyzer) -> None:
    e = one(analyzer, "Britain imposed sanctions on four shipping firms it accused of carrying Iranian oil.")
    assert role(e, "target") == ["four shipping firms"]


def test_a_target_counted_with_more_than(analyzer: Analyzer) -> None:
    e = one(analyzer, "Japan has added more than 40 Russian entities to its export blacklist.")
    assert role(e, "target") == ["more than 40 Russian entities"]


@pytest.mark.parametrize("text", [
    "Regulators announced the easing of the banking rules for Iranian exporters.",
    "Lawyers argued that the deals with Venezuelan state firms were sanctionable.",
])
def test_a_trigger_word_inside_a_longer_word_is_no_sanction(analyzer: Analyzer, text: str) -> None:
    assert run(analyzer, text) == ([], [])
