"""DateFinder: which expressions count as dates, their spans, and how they resolve."""

from __future__ import annotations

import datetime as dt
import re
import time

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from factkit.analysis.dates import DateFinder
from factkit.analysis.model import Sentence, TimeExpression

SAT = dt.date(2024, 2, 17)  # a Saturday
FINDER = DateFinder()


def sentences_of(text: str) -> list[Sentence]:
    """A naive splitter: enough for hand-written test sentences."""
    out: list[Sentence] = []
    for i, m in enumerate(re.finditer(r"\S.*?(?:[.!?](?=\s|$)|$)", text, re.S)):
        out.append(Sentence(index=i, start=m.start(), end=m.end(), paragraph=0))
    return out


def find(text: str, published: dt.date | None = SAT) -> list[TimeExpression]:
    return FINDER.find(text, sentences_of(text), published)


def pairs(text: str, published: dt.date | None = SAT) -> list[tuple[str, str | None]]:
    return [(e.text, e.value) for e in find(text, published)]


def one(text: str, published: dt.date | None = SAT) -> TimeExpression:
    found = find(text, published)
    assert len(found) == 1, found
    return found[0]


# --- weekdays ---------------------------------------------------------------

@pytest.mark.parametrize("text, value", [
    ("The two ministers met on Friday in Geneva.", "2024-02-16"),
    ("The agency reported on Saturday that the talks had ended.", "2024-02-17"),
    ("The envoys will meet on Friday in Vienna.", "2024-02-23"),
    ("The envoys will meet on Saturday in Vienna.", "2024-02-17"),
    ("The summit is due to open on Monday.", "2024-02-19"),
    ("Officials held talks last Monday.", "2024-02-12"),
    ("Officials held talks last Saturday.", "2024-02-10"),
    ("The council will vote next Tuesday.", "2024-02-20"),
    ("The council will vote next Saturday.", "2024-02-24"),
    ("Rebels attacked the town this Wednesday.", "2024-02-14"),
    ("Troops withdrew late Thursday.", "2024-02-15"),
    ("The vote was held on Wednesday afternoon.", "2024-02-14"),
    ("The court ruled on Thurs. that the ban stands.", "2024-02-15"),
])
def test_weekdays_resolve_by_tense_and_modifier(text: str, value: str) -> None:
    e = one(text)
    assert (e.value, e.precision) == (value, "day")


def test_weekday_span_includes_its_preposition() -> None:
    text = "Wang spoke to Blinken on Friday."
    e = one(text)
    assert e.text == "on Friday" == text[e.start:e.end]


def test_weekday_range_is_dated_by_its_first_day() -> None:
    e = one("Delegates met on Thursday and Friday in Oslo.")
    assert (e.text, e.value) == ("on Thursday and Friday", "2024-02-15")


@pytest.mark.parametrize("text", [
    "Shoppers flocked to stores on Black Friday.",
    "The market is closed every Friday.",
    "Prayers are held on Fridays.",
    "The Sunday Times reported the deal.",
    "The Mail on Sunday reported the deal.",
    "Sun and rain alternated.",
    "The Good Friday agreement endured.",
])
def test_weekday_lookalikes_are_not_dates(text: str) -> None:
    assert find(text) == []


def test_possessive_keeps_the_preposition_out() -> None:
    e = one("They agreed on Thursday's plan.")
    assert (e.text, e.value) == ("Thursday", "2024-02-15")


# --- relative days and periods ---------------------------------------------

@pytest.mark.parametrize("text, value, precision", [
    ("The minister resigned today.", "2024-02-17", "day"),
    ("The bank said earlier today it would cut rates.", "2024-02-17", "day"),
    ("The minister resigned yesterday.", "2024-02-16", "day"),
    ("The result is expected tomorrow.", "2024-02-18", "day"),
    ("Rebels attacked the base last night.", "2024-02-16", "day"),
    ("The cabinet met this morning.", "2024-02-17", "day"),
    ("The vote was postponed until tomorrow.", "2024-02-18", "day"),
    ("Prices fell last month.", "2024-01", "month"),
    ("Officials visited Seoul earlier this month.", "2024-02", "month"),
    ("Talks resume later this month.", "2024-02", "month"),
    ("Talks resume next month.", "2024-03", "month"),
    ("Exports rose last year.", "2023", "year"),
    ("Exports will rise this year.", "2024", "year"),
    ("Exports will rise next year.", "2025", "year"),
    ("The rebels seized the town three days ago.", "2024-02-14", "day"),
    ("The ban took effect a month ago.", "2024-01", "month"),
    ("The ban took effect two years ago.", "2022", "year"),
])
def test_relative_expressions(text: str, value: str, precision: str) -> None:
    e = one(text)
    assert (e.value, e.precision) == (value, precision)


def test_weeks_are_ranges_dated_by_their_first_day() -> None:
    # FACTS.md: a range is dated by its first day; a week starts on Monday.
    assert pairs("Sanctions were announced last week.") == [("last week", "2024-02-05")]
    assert pairs("Talks were held last week.", dt.date(2024, 1, 3)) == [("last week", "2023-12-25")]
    # a week that straddles two months (or years) still has one first day, never just a year
    assert pairs("The envoys will meet next week.", dt.date(2024, 4, 22)) == [("next week", "2024-04-29")]
    assert pairs("Talks were held last week.", dt.date(2024, 1, 8)) == [("last week", "2024-01-01")]
    assert pairs("Talks were held this week.", dt.date(2024, 1, 3)) == [("this week", "2024-01-01")]


def test_a_report_verb_past_a_comma_does_not_set_the_tense_of_a_planned_event() -> None:
    text = "The premier cancelled a planned trip to the Danish capital in February, aides said."
    assert pairs(text, dt.date(2024, 1, 18)) == [("in February", "2024-02")]


def test_a_cancelled_event_takes_the_nearer_year_of_its_month() -> None:
    # "called off a visit in March" in January: the visit lay ahead; in October it lay behind
    assert pairs("The king called off a visit to Lagos in March.", dt.date(2025, 1, 10)) == [
        ("in March", "2025-03")]
    assert pairs("The king called off a visit to Lagos in October.", dt.date(2025, 1, 10)) == [
        ("in October", "2024-10")]


def test_vague_counts_are_found_but_not_resolved() -> None:
    e = one("The rebels seized the town a few days ago.")
    assert (e.value, e.precision) == (None, None)


@pytest.mark.parametrize("text", [
    "USA Today published the leak.",
    "Prices rose over the last year.",
    "The next year or two will be hard.",
])
def test_relative_lookalikes_are_not_dates(text: str) -> None:
    assert find(text) == []


# --- month names ------------------------------------------------------------

@pytest.mark.parametrize("text, expected", [
    ("After talks in November, trade grew.", ("in November", "2023-11")),
    ("The talks in February were tense.", ("in February", "2024-02")),
    ("In late January, a storm closed the port.", ("In late January", "2024-01")),
    ("Floods hit the north in mid-January.", ("in mid-January", "2024-01")),
    ("Prices peaked in early March.", ("in early March", "2023-03")),
    ("The ministers will meet in March.", ("in March", "2024-03")),
    ("The ministers will meet again in November.", ("in November", "2024-11")),
    ("Talks collapsed last February.", ("last February", "2023-02")),
    ("Talks will resume next February.", ("next February", "2025-02")),
    ("The accord was signed in January 2023.", ("in January 2023", "2023-01")),
    ("The ceasefire has lasted since October, 1984.", ("since October, 1984", "1984-10")),
])
def test_months(text: str, expected: tuple[str, str]) -> None:
    e = one(text)
    assert (e.text, e.value, e.precision) == (*expected, "month")


@pytest.mark.parametrize("text, expected", [
    ("The accord is due to be signed on March 20.", ("on March 20", "2024-03-20")),
    ("The accord was ratified on March 20.", ("on March 20", "2023-03-20")),
    ("The decree was published 20 March.", ("20 March", "2023-03-20")),
    ("The deal was signed Feb. 16, 2024, in Rome.", ("Feb. 16, 2024", "2024-02-16")),
    ("The deal was signed February 16, 2024.", ("February 16, 2024", "2024-02-16")),
    ("The deal was signed on 16 Feb 2024.", ("on 16 Feb 2024", "2024-02-16")),
    ("Inspectors visited the site from March 6 to 10.", ("from March 6 to 10", "2023-03-06")),
    ("The treaty was signed on the 5th of March.", ("on the 5th of March", "2023-03-05")),
    ("The bond, which matures March 1, trades near par.", ("March 1", "2024-03-01")),
])
def test_month_and_day(text: str, expected: tuple[str, str]) -> None:
    e = one(text)
    assert (e.text, e.value, e.precision) == (*expected, "day")


def test_weekday_before_a_full_date_takes_the_date() -> None:
    e = one("The vote took place on Friday, Feb. 9, 2024.")
    assert (e.text, e.value) == ("on Friday, Feb. 9, 2024", "2024-02-09")


@pytest.mark.parametrize("text", [
    "Prices may be cut.",
    "May be it will rain.",
    "Theresa May said the vote was close.",
    "The bill was criticised by May and her cabinet.",
    "The march began at noon.",
    "March organisers said the crowd was large.",
    "April Ryan asked a question.",
])
def test_month_lookalikes_are_not_dates(text: str) -> None:
    assert find(text) == []


@pytest.mark.parametrize("text, expected", [
    ("The tax takes effect in May.", ("in May", "2024-05")),
    ("Voting ended May 5 without incident.", ("May 5", "2023-05-05")),
    ("The plan was dropped in early May.", ("in early May", "2023-05")),
])
def test_may_is_a_month_in_date_context(text: str, expected: tuple[str, str]) -> None:
    e = one(text)
    assert (e.text, e.value) == expected


# --- years --------------------------------------------------------------------

@pytest.mark.parametrize("text, expected", [
    ("The dispute began in 2019.", ("in 2019", "2019")),
    ("The border has been closed since 2019.", ("since 2019", "2019")),
    ("The lease runs until the year 2047.", ("until the year 2047", "2047")),
    ("The accord was reworked in early 2020.", ("in early 2020", "2020")),
    ("Debt peaked at end-1992.", ("at end-1992", "1992")),
    ("Growth slowed in mid-2021.", ("in mid-2021", "2021")),
    ("As of 2022 the rule applied.", ("As of 2022", "2022")),
])
def test_years(text: str, expected: tuple[str, str]) -> None:
    e = one(text)
    assert (e.text, e.value, e.precision) == (*expected, "year")


def test_coordinated_years_are_each_found() -> None:
    assert pairs("Output fell in 1991, 1992 and 1993.") == [
        ("in 1991", "1991"), ("1992", "1992"), ("1993", "1993"),
    ]


@pytest.mark.parametrize("text", [
    "The alliance sent 2,000 troops.",
    "The flood killed 1,987 people.",
    "The convoy left at 2024 hours.",
    "The dealer sold 2019 cars.",
    "Shares rose to 1987 points.",
    "The 1990s were calm.",
    "Forecasts for the 1987/88 fiscal year were cut.",
])
def test_bare_numbers_are_not_years(text: str) -> None:
    assert find(text) == []


# --- numeric dates ---------------------------------------------------------------

@pytest.mark.parametrize("text, value", [
    ("Filed 2024-02-16 in Lagos.", "2024-02-16"),
    ("Filed 16/02/2024 in Lagos.", "2024-02-16"),
    ("Filed 02/16/2024 in Lagos.", "2024-02-16"),
])
def test_unambiguous_numeric_dates(text: str, value: str) -> None:
    assert one(text).value == value


@pytest.mark.parametrize("text", [
    "Filed 03/04/2024 in Lagos.",   # March 4 or 3 April: not ours to guess
    "Filed 2024-02-30 in Lagos.",   # no such day
    "Version 2024-13-01 shipped.",
])
def test_ambiguous_or_impossible_numeric_dates_are_skipped(text: str) -> None:
    assert find(text) == []


# --- datelines, tense, missing publication date -----------------------------

def test_wire_dateline_gives_the_publication_day() -> None:
    text = "OSLO, March 25 - Norway's central bank said on Wednesday it kept rates unchanged."
    assert pairs(text, dt.date(1987, 3, 25)) == [("March 25", "1987-03-25"), ("on Wednesday", "1987-03-25")]


def test_a_dateline_followed_by_a_number_is_not_a_range() -> None:
    text = "OSLO, March 25 - 12 Nordic banks said they had agreed terms."
    assert pairs(text, dt.date(1987, 3, 25)) == [("March 25", "1987-03-25")]


def test_each_expression_takes_the_tense_of_its_own_clause() -> None:
    assert pairs("Wang said on Friday that talks will resume in March.") == [
        ("on Friday", "2024-02-16"), ("in March", "2024-03"),
    ]
    assert pairs("The ministers, who met on Monday, will sign the deal on Friday.") == [
        ("on Monday", "2024-02-12"), ("on Friday", "2024-02-23"),
    ]


def test_tense_inside_a_quotation_is_the_quotation_s_own() -> None:
    text = "\u201cTalks will reopen after a long pause on Feb 20,\u201d she said."
    assert pairs(text) == [("on Feb 20", "2024-02-20")]


def test_without_publication_date_only_absolute_dates_resolve() -> None:
    text = ("The envoys met on Friday, yesterday and last month, in November and on March 3; "
            "the pact of February 16, 2024 replaced one from January 2023 and 2019-05-01 in 2019.")
    got = pairs(text, None)
    assert got == [
        ("on Friday", None), ("yesterday", None), ("last month", None), ("in November", None),
        ("on March 3", None), ("of February 16, 2024", "2024-02-16"),
        ("from January 2023", "2023-01"), ("2019-05-01", "2019-05-01"), ("in 2019", "2019"),
    ]
    assert all(e.precision is None for e in find(text, None) if e.value is None)


def test_accepts_a_datetime_as_publication_date() -> None:
    assert one("Talks ended on Friday.", dt.datetime(2024, 2, 17, 9, 30)).value == "2024-02-16"


def test_without_sentences_the_text_around_is_used() -> None:
    text = "The envoys will meet on Friday."
    assert [e.value for e in FINDER.find(text, [], SAT)] == ["2024-02-23"]


# --- calendar arithmetic ---------------------------------------------------------

@pytest.mark.parametrize("text, value", [
    ("The talks in December were tense.", "2023-12"),
    ("Talks resume next month.", "2024-02"),
    ("Prices fell last month.", "2023-12"),
    ("The truce was agreed on December 28.", "2023-12-28"),
    ("Exports rose last year.", "2023"),
    ("The envoy arrived on Monday.", "2024-01-01"),
    ("The envoy will arrive on Monday.", "2024-01-08"),
])
def test_year_boundaries(text: str, value: str) -> None:
    assert one(text, dt.date(2024, 1, 5)).value == value


def test_next_month_from_december() -> None:
    assert one("Talks resume next month.", dt.date(2023, 12, 30)).value == "2024-01"


@pytest.mark.parametrize("text, published, value", [
    ("The rebels attacked yesterday.", dt.date(2024, 3, 1), "2024-02-29"),
    ("The rebels attacked on Thursday.", dt.date(2024, 3, 1), "2024-02-29"),
    ("The pact was signed on February 29.", dt.date(2025, 6, 1), "2024-02-29"),
    ("The pact will be signed on February 29.", dt.date(2025, 6, 1), "2028-02-29"),
])
def test_leap_days(text: str, published: dt.date, value: str) -> None:
    assert one(text, published).value == value


def test_a_day_that_never_exists_is_not_a_date() -> None:
    assert find("The pact was signed on February 29, 2023.") == []
    assert find("The pact was signed on April 31.") == []


# --- speed ---------------------------------------------------------------------------

@pytest.mark.parametrize("text", [
    "7" * 1_000_000,
    "March " * 170_000,
    "on " * 340_000,
    "in" + " " * 1_000_000 + "2019",
    "1/" * 500_000,
    "They said " + "x " * 300_000 + " on Friday" * 30_000,
])
def test_adversarial_megabyte_is_handled_in_linear_time(text: str) -> None:
    started = time.perf_counter()
    FINDER.find(text, [Sentence(0, 0, len(text), 0)], SAT)
    assert time.perf_counter() - started < 30


# --- properties ---------------------------------------------------------------------

_TOKENS = st.sampled_from([
    "on", "in", "last", "next", "this", "late", "early", "mid-", "the", "year", "of", "end-",
    "Friday", "Thurs.", "May", "March", "Feb.", "Sept", "December", "today", "yesterday",
    "week", "month", "ago", "two", "a", "will", "said", "met", "29", "31", "2024", "1999",
    "2,000", "16/02/2024", "2024-02-29", ",", ".", "-", "\u201c", "\n", "'s", "and", "to",
    "as", "since", "few", "couple", "days", "weekend", "night", "morning", "end", "first", "half",
    "Sunday", "Jan", "USA", "Today", "5th", "Monday", "at", "between",
])
_SEPARATORS = st.sampled_from([" ", "", "  ", "\n", ", ", "\n\n"])
_TEXTS = st.one_of(
    st.text(max_size=200),
    st.lists(st.tuples(_TOKENS, _SEPARATORS), max_size=40).map(
        lambda parts: "".join(t + s for t, s in parts)),
)
_DATES = st.one_of(st.none(), st.dates(), st.sampled_from([dt.date(1, 1, 1), dt.date(9999, 12, 31)]))
_FORMATS = {"day": "%Y-%m-%d", "month": "%Y-%m", "year": "%Y"}


@settings(max_examples=400, deadline=None)
@given(_TEXTS, _DATES)
def test_find_is_total_exact_sorted_and_well_formed(text: str, published: dt.date | None) -> None:
    found = find(text, published)
    previous_end = 0
    for e in found:
        assert previous_end <= e.start < e.end <= len(text)
        assert text[e.start:e.end] == e.text
        previous_end = e.end
        assert (e.value is None) == (e.precision is None)
        if e.value is not None:
            assert e.precision is not None
            assert len(e.value) == {"day": 10, "month": 7, "year": 4}[e.precision]
            dt.datetime.strptime(e.value, _FORMATS[e.precision])  # a real calendar date
    assert find(text, published) == found


@settings(max_examples=200, deadline=None)
@given(_TEXTS, st.dates())
def test_spans_do_not_depend_on_the_publication_date(text: str, published: dt.date) -> None:
    with_date = [(e.start, e.end) for e in find(text, published)]
    without = [(e.start, e.end) for e in find(text, None)]
    assert with_date == without


def test_earlier_in_the_day_is_the_publication_day() -> None:
    assert pairs("The envoys met the king earlier in the day.") == [("earlier in the day", "2024-02-17")]
    assert pairs("Prices were first in line for cuts.") == []


def test_a_month_after_agreed_to_lies_ahead() -> None:
    assert pairs("The leaders had agreed to hold a summit in March.", dt.date(2024, 9, 6)) == [
        ("in March", "2025-03")]
    assert pairs("The leaders agreed in March to hold a summit.", dt.date(2024, 9, 6)) == [("in March", "2024-03")]
