"""Meetings: who met whom, when, where, with what status, merged per real-world meeting."""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from factkit.analysis import Analyzer
from factkit.analysis.lexicon import Lexicon
from factkit.extractors import meetings
from factkit.schema import Event, Relation

PUBLISHED = date(2024, 3, 9)  # a Saturday: "on Friday" is 2024-03-08


@pytest.fixture(scope="module")
def analyzer() -> Analyzer:
    return Analyzer(Lexicon.default())


def run(analyzer: Analyzer, text: str) -> tuple[list[Event], list[Relation]]:
    doc = analyzer.analyse(text, published=PUBLISHED)
    out = list(meetings.extract(doc))
    for fact in out:
        for span in [*fact.evidence, *(a.span for a in getattr(fact, "arguments", []) if a.span)]:
            assert text[span.start:span.end] == span.text
    return [e for e in out if isinstance(e, Event)], [r for r in out if isinstance(r, Relation)]


def names(event: Event) -> set[str]:
    return {a.text for a in event.arguments if a.role == "participant"}


def one(analyzer: Analyzer, text: str) -> Event:
    events, _ = run(analyzer, text)
    assert len(events) == 1, events
    return events[0]


def test_coordinated_subject_with_date_and_place(analyzer: Analyzer) -> None:
    e = one(analyzer, "Emmanuel Macron and Olaf Scholz met on Friday in Hamburg.")
    assert names(e) == {"Emmanuel Macron", "Olaf Scholz"}
    assert e.status == "occurred"
    assert e.date is not None and e.date.value == "2024-03-08"
    assert e.location is not None and e.location.text == "Hamburg"


def test_subject_met_object(analyzer: Analyzer) -> None:
    e = one(analyzer, "French President Emmanuel Macron met Polish Prime Minister Donald Tusk in Warsaw.")
    assert names(e) == {"Emmanuel Macron", "Donald Tusk"}


def test_held_talks_with(analyzer: Analyzer) -> None:
    e = one(analyzer, "Olaf Scholz held talks with Fumio Kishida on Tuesday.")
    assert names(e) == {"Olaf Scholz", "Fumio Kishida"}
    assert e.date is not None and e.date.value == "2024-03-05"


def test_talks_between(analyzer: Analyzer) -> None:
    e = one(analyzer, "Talks between Olaf Scholz and Fumio Kishida ended without a statement.")
    assert names(e) == {"Olaf Scholz", "Fumio Kishida"}


def test_counterpart_apposition(analyzer: Analyzer) -> None:
    e = one(analyzer, "Annalena Baerbock and her counterpart Penny Wong met in Adelaide.")
    assert names(e) == {"Annalena Baerbock", "Penny Wong"}


def test_hosted_delegation_as_groups(analyzer: Analyzer) -> None:
    e = one(analyzer, "Japanese trade officials hosted South Korean customs officials last week.")
    assert names(e) == {"Japanese trade officials", "South Korean customs officials"}


def test_countries_when_no_people_are_named(analyzer: Analyzer) -> None:
    e = one(analyzer, "In early February, Japan and Australia held their first meeting of a joint panel on "
                      "critical minerals in Tokyo.")
    assert names(e) == {"Japan", "Australia"}
    assert e.date is not None and e.date.value == "2024-02"
    assert e.location is not None and e.location.text == "Tokyo"


def test_phone_call(analyzer: Analyzer) -> None:
    e = one(analyzer, "Olaf Scholz spoke by phone with Fumio Kishida on Monday.")
    assert names(e) == {"Olaf Scholz", "Fumio Kishida"}


def test_discussed_with(analyzer: Analyzer) -> None:
    e = one(analyzer, "Annalena Baerbock discussed the grain corridor with Penny Wong.")
    assert names(e) == {"Annalena Baerbock", "Penny Wong"}


def test_occasion_names_the_place(analyzer: Analyzer) -> None:
    e = one(analyzer, "Olaf Scholz met Fumio Kishida at the Munich Security Conference on Friday.")
    assert e.attributes.get("occasion") == "Munich Security Conference"
    assert e.location is not None and e.location.text == "Munich"


def test_acting_at_a_conference_is_attending_it(analyzer: Analyzer) -> None:
    e = one(analyzer, "Olaf Scholz cautioned Fumio Kishida on Thursday at the Davos economic forum that "
                      "tariffs would backfire.")
    assert names(e) == {"Olaf Scholz", "Fumio Kishida"}
    assert e.date is not None and e.date.value == "2024-03-07"


@pytest.mark.parametrize("text, expected", [
    ("Olaf Scholz will meet Fumio Kishida next week.", "planned"),
    ("Olaf Scholz is due to hold talks with Fumio Kishida in Berlin.", "planned"),
    ("Olaf Scholz called for talks with Fumio Kishida.", "demanded"),
    ("Olaf Scholz cancelled talks with Fumio Kishida.", "negated"),
    ("Olaf Scholz refused to meet Fumio Kishida.", "negated"),
    ("Olaf Scholz could meet Fumio Kishida in June if the dispute is settled.", "hypothetical"),
])
def test_status(analyzer: Analyzer, text: str, expected: str) -> None:
    assert one(analyzer, text).status == expected


def test_intent_to_communicate_is_not_a_meeting(analyzer: Analyzer) -> None:
    events, _ = run(analyzer, "The trade envoys of both countries will maintain communication.")
    assert events == []


def test_met_the_deadline_is_not_a_meeting(analyzer: Analyzer) -> None:
    events, _ = run(analyzer, "Olaf Scholz met the deadline for the budget.")
    assert events == []


def test_one_meeting_across_headline_body_and_reference(analyzer: Analyzer) -> None:
    text = ("Scholz Holds Talks With Kishida In Berlin\n\n"
            "Olaf Scholz and Fumio Kishida met on Friday in Berlin. "
            "During the meeting, Olaf Scholz raised the export curbs. "
            "Both sides discussed energy security.")
    e = one(analyzer, text)
    assert names(e) >= {"Olaf Scholz", "Fumio Kishida"}
    assert len(e.evidence) == 4
    assert e.date is not None and e.date.value == "2024-03-08"


def test_distinct_meetings_stay_distinct(analyzer: Analyzer) -> None:
    text = ("Olaf Scholz met Fumio Kishida on Monday. "
            "Separately, Olaf Scholz met Giorgia Meloni on Wednesday.")
    events, _ = run(analyzer, text)
    assert sorted(sorted(names(e)) for e in events) == [["Fumio Kishida", "Olaf Scholz"],
                                                       ["Giorgia Meloni", "Olaf Scholz"]]


def test_the_two_men_resolve_to_the_previous_people(analyzer: Analyzer) -> None:
    text = ("Olaf Scholz welcomed Fumio Kishida to Berlin. "
            "The two men discussed energy security and shipping.")
    events, _ = run(analyzer, text)
    assert any(names(e) == {"Olaf Scholz", "Fumio Kishida"} for e in events)


def test_related_links_yield_nothing(analyzer: Analyzer) -> None:
    text = ("Olaf Scholz visited a factory in Leipzig on Friday.\n\n"
            "You might also like\n"
            "- Macron and Meloni hold talks on migration\n"
            "- Kishida meets Biden at the White House\n")
    events, _ = run(analyzer, text)
    assert events == []


def test_met_with_relation(analyzer: Analyzer) -> None:
    _, relations = run(analyzer, "Emmanuel Macron met Olaf Scholz in Paris on Monday.")
    assert [(r.type, r.subject.text, r.object.text) for r in relations] == [
        ("met_with", "Emmanuel Macron", "Olaf Scholz")]


WORDS = st.sampled_from(["met", "talks", "with", "between", "and", "Scholz", "Macron", "the", "meeting",
                         "they", "both", "sides", "on", "Friday", "in", "Paris", ",", ".", "\n", "will",
                         "hosted", "called", "for", "their", "“", "”", "U.S.", "China", "discussed"])


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(WORDS, max_size=40))
def test_never_raises_on_meeting_words(analyzer: Analyzer, words: list[str]) -> None:
    text = " ".join(words) or "x"
    run(analyzer, text)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.text(min_size=1, max_size=400))
def test_never_raises_on_arbitrary_text(analyzer: Analyzer, text: str) -> None:
    run(analyzer, text)


def test_a_call_between_coordinated_subjects(analyzer: Analyzer) -> None:
    e = one(analyzer, "Chilean President Ana Soto and Bolivian President Luis Paz spoke by telephone on Friday.")
    assert names(e) == {"Ana Soto", "Luis Paz"}
    assert e.date is not None and e.date.value == "2024-03-08"
    assert e.location is None


def test_shaking_hands_is_meeting(analyzer: Analyzer) -> None:
    e = one(analyzer, "Rebel commanders and army officers shook hands in Goma in January.")
    assert e.status == "occurred" and e.location is not None and e.location.text == "Goma"


def test_meeting_several_parties_separately_is_one_meeting_each(analyzer: Analyzer) -> None:
    events, _ = run(analyzer, "Envoy Tom Hale met Gen. Ali Omar and rebel representatives separately in Doha.")
    assert sorted(sorted(names(e)) for e in events) == [["Ali Omar", "Tom Hale"],
                                                         ["Tom Hale", "rebel representatives"]]


def test_a_planned_meeting_that_was_called_off_is_negated(analyzer: Analyzer) -> None:
    e = one(analyzer, "Ana Soto had been due to meet Luis Paz in La Paz last month, but the meeting was "
                      "called off.")
    assert e.status == "negated"
    assert e.date is not None and e.date.value == "2024-02"


def test_travelling_for_a_meeting_attends_it(analyzer: Analyzer) -> None:
    e = one(analyzer, "Ana Soto is due to travel to Geneva next month for a meeting of the Andean trade council.")
    assert "Ana Soto" in names(e)
    assert e.status == "planned"
    assert e.location is not None and e.location.text == "Geneva"
    e = one(analyzer, "The envoy for Haiti, Rosa Lind, would travel to Port-au-Prince next week for talks with "
                      "government and opposition leaders, a spokesman told reporters.")
    assert names(e) == {"Rosa Lind", "government and opposition leaders"}
    assert e.status == "planned"


@pytest.mark.parametrize("text, expected", [
    ("Andean Community foreign ministers are due to discuss tariffs at a meeting in Lima on May 2.",
     {"Andean Community foreign ministers"}),
    ("The Foreign Secretary will host Baltic and Nordic counterparts in London on Friday.",
     {"Foreign Secretary", "Baltic and Nordic counterparts"}),
    ("Senator Jo Park, who met opposition leaders in Caracas last month, said talks would help.",
     {"Jo Park", "opposition leaders"}),
    ("Energy and Climate Minister Hal Moss is expected to meet Zambian Mines Minister Ruth Banda "
     "on the margins of a SADC meeting in Lusaka.", {"Hal Moss", "Ruth Banda"}),
])
def test_parties_named_in_less_common_shapes(analyzer: Analyzer, text: str, expected: set[str]) -> None:
    e = one(analyzer, text)
    assert names(e) == expected


def test_a_meeting_today_without_a_place_is_in_the_dateline_city() -> None:
    an = Analyzer(Lexicon.default())
    text = "LIMA, March 9 (Wire) - Chilean President Ana Soto met Peruvian President Luis Paz today."
    doc = an.analyse(text, published=PUBLISHED)
    e = next(x for x in meetings.extract(doc) if isinstance(x, Event))
    assert e.status == "occurred" and e.location is not None and e.location.text == "LIMA"


def test_a_headline_meeting_of_countries_is_evidence_of_the_body_meeting(analyzer: Analyzer) -> None:
    text = ("Chile and Bolivia hold talks on water rights\n\nChilean President Ana Soto met Bolivian "
            "President Luis Paz in Arica on Friday.")
    e = one(analyzer, text)
    assert names(e) == {"Ana Soto", "Luis Paz"}
    assert len(e.evidence) == 2


def test_a_named_person_travelling_for_talks_is_a_planned_meeting(analyzer: Analyzer) -> None:
    text = ("Peruvian President Luis Paz met bankers on Friday. Paz will travel to Quito next month for talks on "
            "a power deal, his spokesman said.")
    events, _ = run(analyzer, text)
    planned = [e for e in events if e.status == "planned"]
    assert [names(e) for e in planned] == [{"Paz"}]
    assert planned[0].location is not None and planned[0].location.text == "Quito"


def test_a_dateline_is_not_part_of_a_participant(analyzer: Analyzer) -> None:
    e = one(analyzer, "QUITO, March 9 (Wire) - Andean leaders meeting in Quito on Friday agreed on a toll cut.")
    assert names(e) == {"Andean leaders"}


def test_where_the_topic_lies_is_not_where_they_met(analyzer: Analyzer) -> None:
    text = "Ana Soto met Luis Paz in Lima on Friday, and the two discussed humanitarian access in Cusco."
    e = one(analyzer, text)
    assert e.location is not None and e.location.text == "Lima"


def test_leaders_ending_a_summit_and_a_council_discussing_an_issue(analyzer: Analyzer) -> None:
    e = one(analyzer, "Leaders of the Andean states ended a two-day summit in Quito on Friday.")
    assert e.status == "occurred" and e.location is not None and e.location.text == "Quito"
    e = one(analyzer, "The Security Council is due to discuss the crisis in Haiti on Monday.")
    assert e.status == "planned" and len(e.arguments) == 1
