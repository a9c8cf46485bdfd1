"""Sentence splitting on news constructions, plus offset invariants on arbitrary text."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from factkit.analysis.model import Sentence
from factkit.analysis.sentences import split_sentences


def texts(text: str) -> list[str]:
    return [text[s.start:s.end] for s in split_sentences(text)]


def check_invariants(text: str, sentences: list[Sentence]) -> None:
    covered = bytearray(len(text))
    previous_end = 0
    previous_paragraph = 0
    for i, s in enumerate(sentences):
        assert s.index == i
        assert 0 <= s.start < s.end <= len(text)
        piece = text[s.start:s.end]
        assert piece == piece.strip() and piece
        assert s.start >= previous_end
        assert s.paragraph >= previous_paragraph
        previous_end, previous_paragraph = s.end, s.paragraph
        for k in range(s.start, s.end):
            covered[k] = 1
    for k, ch in enumerate(text):
        if not ch.isspace():
            assert covered[k], f"non-space char {ch!r} at {k} in no sentence"


# -- abbreviations, initials, numbers -----------------------------------------

def test_titles_and_months_do_not_end_sentences() -> None:
    text = ("Mr. Okafor met Gen. Ruiz, Sen. Blake and Gov. Lund in St. Paul on Jan. 12 "
            "to discuss U.N. aid. They agreed on a plan.")
    assert texts(text) == [
        "Mr. Okafor met Gen. Ruiz, Sen. Blake and Gov. Lund in St. Paul on Jan. 12 "
        "to discuss U.N. aid.",
        "They agreed on a plan.",
    ]


def test_company_suffixes_mid_sentence() -> None:
    text = "Norland Corp. and Vesta Co. Ltd. sold the unit to Orbis Inc. for 40 mln dlrs."
    assert texts(text) == [text]


def test_latin_abbreviations_and_versus() -> None:
    text = ("Exports of metals, e.g. copper and zinc, rose 4 pct vs. a year earlier, "
            "i.e. faster than imports, etc. and prices eased.")
    assert texts(text) == [text]


def test_initials_in_names() -> None:
    text = "Former president George W. Bush praised J.R.R. Tolkien's books. The crowd cheered."
    assert texts(text) == [
        "Former president George W. Bush praised J.R.R. Tolkien's books.",
        "The crowd cheered.",
    ]


def test_decimal_numbers_and_numbered_items() -> None:
    text = "Growth slowed to 3.5 percent, officials said. Party No. 2 leader Ana Ruiz agreed."
    assert texts(text) == ["Growth slowed to 3.5 percent, officials said.",
                           "Party No. 2 leader Ana Ruiz agreed."]


def test_ellipsis_inside_and_at_end() -> None:
    assert len(texts("He paused ... and then went on speaking. Nobody answered.")) == 2
    assert texts("The talks stalled... The envoy flew home.") == [
        "The talks stalled...", "The envoy flew home."]


def test_us_ends_sentence_before_an_opener_only() -> None:
    assert texts("The measures were announced by the U.S. The EU followed a day later.") == [
        "The measures were announced by the U.S.", "The EU followed a day later."]
    assert texts("He moved to the U.S. He was 12 at the time.") == [
        "He moved to the U.S.", "He was 12 at the time."]
    assert len(texts("The U.S. Treasury said the U.S. Navy would help.")) == 1


# -- quotations ---------------------------------------------------------------

def test_closing_quote_stays_with_its_sentence() -> None:
    assert texts('He said: "We will leave." Then the delegation walked out.') == [
        'He said: "We will leave."', "Then the delegation walked out."]
    assert texts("She said: \u201cWe are ready.\u201d Talks resume today.") == [
        "She said: \u201cWe are ready.\u201d", "Talks resume today."]


def test_quote_with_attribution_is_one_sentence() -> None:
    assert texts('"We will leave," he said.') == ['"We will leave," he said.']
    assert texts('"Will you leave?" she asked the envoy.') == ['"Will you leave?" she asked the envoy.']


def test_attribution_stays_with_last_part_of_quote() -> None:
    parts = texts('"We will leave. We are ready," he said. Later he left.')
    assert parts[-1] == "Later he left."
    assert parts[-2].endswith('We are ready," he said.')


# -- datelines and headlines --------------------------------------------------

def test_dateline_with_dash_is_part_of_first_sentence() -> None:
    text = "OSLO, March 3 - Norway said it would cut output. Prices rose."
    assert texts(text) == ["OSLO, March 3 - Norway said it would cut output.", "Prices rose."]


def test_agency_datelines() -> None:
    assert texts("Nairobi (AFP) \u2013 Kenya named a new envoy on Monday.") == [
        "Nairobi (AFP) \u2013 Kenya named a new envoy on Monday."]
    assert texts("LIMA (Reuters) - Peru raised rates. Banks reacted calmly.")[0] == (
        "LIMA (Reuters) - Peru raised rates.")


def test_dateline_with_inner_full_stops() -> None:
    text = "VIENNA, June 4. /Newswire/. The agency said inspectors arrived. They stayed."
    assert texts(text) == [
        "VIENNA, June 4. /Newswire/. The agency said inspectors arrived.", "They stayed."]


def test_headline_line_without_punctuation() -> None:
    text = "Ministers Agree New Grain Pact\n\nThe ministers agreed on Friday. Details were not given."
    sentences = split_sentences(text)
    assert [text[s.start:s.end] for s in sentences] == [
        "Ministers Agree New Grain Pact", "The ministers agreed on Friday.",
        "Details were not given."]
    assert [s.is_headline for s in sentences] == [True, False, False]
    assert [s.paragraph for s in sentences] == [0, 1, 1]


def test_short_title_line_mid_text_is_a_headline() -> None:
    text = ("Trade ministers met on Monday. They set no date.\nTalks Resume In Geneva\n"
            "The talks resumed on Tuesday.")
    sentences = split_sentences(text)
    assert [s.is_headline for s in sentences] == [False, False, True, False]


def test_short_single_sentence_first_line_is_a_headline() -> None:
    text = "Oslo and Lima agree to cut fishing quotas.\nThe two governments signed the deal on Friday."
    assert [s.is_headline for s in split_sentences(text)] == [True, False]


# -- line layout ----------------------------------------------------------------

WIRE = (
    "GRAIN TALKS TO RESUME IN GENEVA\n"
    "GENEVA, April 2 - Trade negotiators from twelve countries will\n"
    "resume talks on farm subsidies next week after a pause of two\n"
    "months, delegates said.\n"
    "    The talks stalled in February when Agriculture Minister Lars\n"
    "Holm rejected a proposal to cut export aid by ten pct over three\n"
    "years, officials said.\n"
    "    Delegates expect a draft text by the end of the month.\n"
    " Reuter\n"
)


def test_hard_wrapped_wire_copy() -> None:
    sentences = split_sentences(WIRE)
    got = [" ".join(WIRE[s.start:s.end].split()) for s in sentences]
    assert got == [
        "GRAIN TALKS TO RESUME IN GENEVA",
        "GENEVA, April 2 - Trade negotiators from twelve countries will resume talks on farm "
        "subsidies next week after a pause of two months, delegates said.",
        "The talks stalled in February when Agriculture Minister Lars Holm rejected a proposal "
        "to cut export aid by ten pct over three years, officials said.",
        "Delegates expect a draft text by the end of the month.",
        "Reuter",
    ]
    assert [s.paragraph for s in sentences] == [0, 1, 2, 3, 4]
    assert sentences[0].is_headline and not any(s.is_headline for s in sentences[1:])


def test_wrapped_line_continuing_in_lowercase_is_joined() -> None:
    assert len(texts("  The minister said\nthe talks would resume on Monday.")) == 1


def test_web_layout_one_paragraph_per_line() -> None:
    text = ("Exports rose in May, the ministry said.\n"
            "Imports fell for a third month as demand weakened.\n")
    sentences = split_sentences(text)
    assert len(sentences) == 2
    assert [s.paragraph for s in sentences] == [0, 1]


def test_blank_line_ends_sentence_and_paragraph() -> None:
    text = "Aid arrived on Monday\n\nThe convoy left later."
    sentences = split_sentences(text)
    assert [text[s.start:s.end] for s in sentences] == ["Aid arrived on Monday",
                                                        "The convoy left later."]
    assert sentences[0].paragraph != sentences[1].paragraph


def test_blank_line_inside_a_broken_sentence_is_joined() -> None:
    # Scrapers sometimes drop a blank line mid-sentence: lowercase on both sides of it.
    text = "The envoy said the package covered\n\nfarm subsidies and tariffs."
    assert texts(text) == [text]


def test_windows_and_unicode_line_breaks() -> None:
    text = "Exports rose in May.\r\nImports fell in June.\u2028Prices held steady."
    sentences = split_sentences(text)
    assert [text[s.start:s.end] for s in sentences] == [
        "Exports rose in May.", "Imports fell in June.", "Prices held steady."]
    assert [s.paragraph for s in sentences] == [0, 1, 2]


def test_empty_and_blank_text() -> None:
    assert split_sentences("") == []
    assert split_sentences(" \n\t\r\n ") == []


# -- robustness -----------------------------------------------------------------

NEWSY = st.lists(
    st.sampled_from([
        "U.S.", "Mr.", ".", "...", "?", "!", '"', "\u201c", "\u201d", " ", " ", "\n", "\n\n",
        "\r\n", "\u2028", "    ", "The", "he", "said.", "PARIS,", "(Reuters)", "-", "\u2013",
        "A.", "3.5", "Jan.", "No.", "2", "etc.", "\u200b", "\x00", "\u05e9\u05dc\u05d5\u05dd",
        "\U0001f600", "/TASS/.", "Inc.", "x" * 90,
    ]),
    max_size=60,
).map("".join)


@settings(max_examples=300, deadline=None)
@given(st.text())
def test_invariants_on_arbitrary_text(text: str) -> None:
    check_invariants(text, split_sentences(text))


@settings(max_examples=300, deadline=None)
@given(NEWSY)
def test_invariants_on_news_like_fragments(text: str) -> None:
    check_invariants(text, split_sentences(text))


def test_deterministic() -> None:
    assert split_sentences(WIRE) == split_sentences(WIRE)


def test_adversarial_inputs_complete() -> None:
    for text in ("U.S. " * 40_000, "a" * 1_000_000, '"' * 100_000, "." * 100_000,
                 ". " * 100_000, "a." * 300_000, "\n" * 200_000, "Mr. " * 50_000,
                 "a\n" * 100_000, "ABC, " * 50_000):
        sentences = split_sentences(text)
        assert all(s.start < s.end for s in sentences)
