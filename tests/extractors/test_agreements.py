"""Agreements: parties, one topic per agreement, date and status."""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from factkit.analysis import Analyzer
from factkit.analysis.lexicon import Lexicon
from factkit.extractors import agreements
from factkit.schema import Event

PUBLISHED = date(2024, 3, 9)


@pytest.fixture(scope="module")
def analyzer() -> Analyzer:
    return Analyzer(Lexicon.default())


def run(analyzer: Analyzer, text: str) -> list[Event]:
    doc = analyzer.analyse(text, published=PUBLISHED)
    out = list(agreements.extract(doc))
    for fact in out:
        for span in [*fact.evidence, *(a.span for a in fact.arguments if a.span)]:
            assert text[span.start:span.end] == span.text
    return out


def parties(event: Event) -> set[str]:
    return {a.text for a in event.arguments if a.role == "party"}


def one(analyzer: Analyzer, text: str) -> Event:
    events = run(analyzer, text)
    assert len(events) == 1, events
    return events[0]


def test_agreed_to(analyzer: Analyzer) -> None:
    e = one(analyzer, "Olaf Scholz and Fumio Kishida discussed trade and agreed to keep dialogue open in all areas.")
    assert parties(e) == {"Olaf Scholz", "Fumio Kishida"}
    assert e.attributes["topic"] == "keep dialogue open in all areas"
    assert e.status == "occurred"


def test_agreed_that(analyzer: Analyzer) -> None:
    e = one(analyzer, "Chile and Peru agreed on Monday that their navies should share patrol data.")
    assert e.attributes["topic"] == "their navies should share patrol data"
    assert e.date is not None and e.date.value == "2024-03-04"


def test_coordinated_topics_make_one_agreement_each(analyzer: Analyzer) -> None:
    text = ("Since their summit in October, Japan and Australia have deepened ties, reaching agreements on "
            "hydrogen, rare earths, and cyber security.")
    events = run(analyzer, text)
    assert sorted(e.attributes["topic"] for e in events) == ["cyber security", "hydrogen", "rare earths"]
    assert all(parties(e) == {"Japan", "Australia"} for e in events)
    assert all(e.date is not None and e.date.value == "2023-10" for e in events)


def test_signed_a_pact(analyzer: Analyzer) -> None:
    e = one(analyzer, "Canada and Japan signed a fisheries pact on Tuesday.")
    assert e.attributes["topic"] == "fisheries pact"
    assert parties(e) == {"Canada", "Japan"}


def test_reached_a_consensus_to(analyzer: Analyzer) -> None:
    e = one(analyzer, "Egypt and Sudan reached a consensus to share data on the river's flow.")
    assert e.attributes["topic"] == "share data on the river's flow"


def test_planned_signing(analyzer: Analyzer) -> None:
    e = one(analyzer, "Kenya and Uganda will sign a rail agreement next month.")
    assert e.status == "planned"
    assert e.attributes["topic"] == "rail agreement"


def test_passive_signing_with_possessor(analyzer: Analyzer) -> None:
    e = one(analyzer, "Peru's bond deal, including a short-term credit line, is to be signed on April 11.")
    assert parties(e) == {"Peru"}
    assert e.status == "planned"
    assert e.date is not None and e.date.value == "2024-04-11"


def test_pact_between(analyzer: Analyzer) -> None:
    e = one(analyzer, "The news of a debt pact between Chile and its creditors lifted the peso.")
    assert parties(e) >= {"Chile"}
    assert e.attributes["topic"] == "debt pact"


def test_proposal_is_not_an_agreement(analyzer: Analyzer) -> None:
    assert run(analyzer, "Canada proposed a ceasefire but Japan rejected it.") == []


def test_failed_to_agree_is_negated(analyzer: Analyzer) -> None:
    e = one(analyzer, "Canada and Japan failed to reach agreement on fishing quotas.")
    assert e.status == "negated"


def test_later_reference_adds_evidence(analyzer: Analyzer) -> None:
    text = ("Kenya and Uganda signed a rail agreement on Tuesday. "
            "The agreement covers freight and passenger lines.")
    e = one(analyzer, text)
    assert len(e.evidence) == 2


def test_modifier_use_of_a_noun_is_not_an_agreement(analyzer: Analyzer) -> None:
    assert run(analyzer, "Truce monitors from Norway arrived in the city.") == []


WORDS = st.sampled_from(["agreed", "to", "on", "that", "signed", "a", "pact", "deal", "between", "and",
                         "Canada", "Japan", "agreements", ",", ".", "\n", "will", "the", "agreement",
                         "reached", "consensus", "its", "'s", "treaty", "of"])


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(WORDS, max_size=40))
def test_never_raises_on_agreement_words(analyzer: Analyzer, words: list[str]) -> None:
    run(analyzer, " ".join(words) or "x")


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.text(min_size=1, max_size=400))
def test_never_raises_on_arbitrary_text(analyzer: Analyzer, text: str) -> None:
    run(analyzer, text)


def topics(events: list[Event]) -> list[str]:
    return [" ".join(e.attributes["topic"].split()) for e in events]


@pytest.mark.parametrize("text, expected", [
    ("Chile and Peru agreed to lower port fees and to share customs data.",
     ["lower port fees", "share customs data"]),
    ("Chile and Peru agreed to cooperate on port fees and on the exchange of customs data.",
     ["cooperate on port fees", "the exchange of customs data"]),
    ("Chile and Peru agreed to revive the joint commission, which last met in 2015, and to open a hotline.",
     ["revive the joint commission", "open a hotline"]),
])
def test_coordinated_complements_are_one_agreement_each(analyzer: Analyzer, text: str,
                                                        expected: list[str]) -> None:
    events = run(analyzer, text)
    assert topics(events) == expected
    assert all(parties(e) == {"Chile", "Peru"} for e in events)


def test_a_relative_clause_is_not_the_topic_nor_its_date(analyzer: Analyzer) -> None:
    e = one(analyzer, "Ghana and Togo signed a border pact on Monday that commits them to joint patrols.")
    assert e.attributes["topic"] == "border pact"
    e = one(analyzer, "Ghana and Togo agreed to monitor the lagoon, which flooded in 2019.")
    assert e.date is None


def test_an_agreement_named_before_the_clause_that_made_it(analyzer: Analyzer) -> None:
    e = one(analyzer, "Ghana and Togo met in Lome. Both praised the border pact the two countries "
                      "concluded in January.")
    assert e.attributes["topic"] == "border pact"
    assert parties(e) == {"Ghana", "Togo"}
    assert e.date is not None and e.date.value == "2024-01"


def test_the_three_countries_are_the_countries_named_before(analyzer: Analyzer) -> None:
    text = ("Officials from Ghana, Togo and Benin met in Accra on Monday. "
            "The talks ran late. The three countries agreed to pool their coast guard patrols.")
    e = run(analyzer, text)[-1]
    assert parties(e) == {"Ghana", "Togo", "Benin"}


def test_a_quote_opening_before_the_verb_keeps_the_subject(analyzer: Analyzer) -> None:
    e = one(analyzer, 'Ghana and Togo "agreed to reopen the border crossing," their ministers said.')
    assert parties(e) == {"Ghana", "Togo"}


def test_a_repeated_deal_adds_evidence_not_an_agreement(analyzer: Analyzer) -> None:
    text = ("Ghana and Togo signed a fisheries agreement on Monday. "
            "The deal was signed in Lome by the two trade ministers.")
    e = one(analyzer, text)
    assert len(e.evidence) == 2


def test_quoted_first_person_deals_and_unbacked_headlines_are_not_agreements(analyzer: Analyzer) -> None:
    assert run(analyzer, '"You cannot sign a trade deal with us and then close your ports," he said.') == []
    assert run(analyzer, "RUBBER PRODUCERS FAIL TO AGREE ON STOCKPILE\nPrices fell on Monday.") == []
