"""Clause modality: the status of an event from the words governing its trigger."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from factkit.analysis.modality import fold_same_length, text_modality


def status(sentence: str, trigger: str) -> str:
    i = sentence.index(trigger)
    return text_modality(sentence, 0, len(sentence), i, i + len(trigger)).status


@pytest.mark.parametrize("sentence, trigger, expected", [
    ("Scholz will meet Macron in Paris next week.", "meet", "planned"),
    ("The two delegations are due to hold talks in Vienna.", "talks", "planned"),
    ("The chancellor is to visit Warsaw in June.", "visit", "planned"),
    ("Ottawa plans to impose sanctions on the firm.", "impose", "planned"),
    ("A second round is scheduled for Monday.", "round", "planned"),
    ("Negotiators are expected to resume talks on Friday.", "talks", "planned"),
    ("The envoys agreed that their deputies should meet again.", "meet", "planned"),
    ("Canberra is preparing sanctions against the junta.", "sanctions", "planned"),
    ("Seoul is considering new sanctions.", "sanctions", "planned"),
    ("The ministers' meeting, scheduled for tonight, was postponed until Friday.", "meeting", "planned"),
    ("The opposition called for talks with the government.", "talks", "demanded"),
    ("Lula urged Washington to lift sanctions on Havana.", "lift", "demanded"),
    ("The council called on Tokyo to lift the ban.", "lift", "demanded"),
    ("Belgrade demanded a meeting of the council.", "meeting", "demanded"),
    ("Rome asked Tunis to resume talks.", "resume", "demanded"),
    ("The spokesman said the government should lift the embargo.", "lift", "demanded"),
    ("No meeting is planned.", "meeting", "negated"),
    ("Madrid cancelled talks with Rabat.", "talks", "negated"),
    ("Oslo refused to lift the embargo.", "lift", "negated"),
    ("The palace denied that the two leaders met.", "met", "negated"),
    ("The foreign ministers did not meet on Tuesday.", "meet", "negated"),
    ("Brazil has not imposed sanctions.", "imposed", "negated"),
    ("The premier ruled out talks with the rebels.", "talks", "negated"),
    ("The board turned down calls for a new meeting.", "meeting", "negated"),
    ("If Lisbon imposes sanctions, Luanda will respond.", "imposes", "hypothetical"),
    ("Tariffs would hurt exporters.", "hurt", "hypothetical"),
    ("The presidents could meet in June.", "meet", "hypothetical"),
    ("The sides may sign a deal this year.", "sign", "hypothetical"),
    ("Kyiv might hold talks.", "talks", "hypothetical"),
    ("Sanctions will be lifted unless Minsk frees the prisoners.", "lifted", "hypothetical"),
    ("The rebels said they would meet the envoy if he guaranteed their safety.", "meet", "hypothetical"),
    ("Quito has imposed sanctions on the firm over fraud.", "imposed", "occurred"),
    ("Sunak met Kishida on Friday.", "met", "occurred"),
    ("She was flown to the capital to meet the president.", "meet", "occurred"),
    ("The Senate rejects the sanctions imposed on the two firms.", "imposed", "occurred"),
])
def test_status(sentence: str, trigger: str, expected: str) -> None:
    assert status(sentence, trigger) == expected


def test_reported_would_is_a_plan_and_a_warning_is_a_threat() -> None:
    text = "Canberra said it would impose sanctions on the junta."
    i = text.index("impose")
    plan = text_modality(text, 0, len(text), i, i + 6)
    assert (plan.status, plan.reported, plan.threat) == ("planned", True, False)
    text = "Britain warned it would impose sanctions on the junta."
    i = text.index("impose")
    threat = text_modality(text, 0, len(text), i, i + 6)
    assert (threat.status, threat.threat) == ("planned", True)


def test_conditional_flag_and_cue_span() -> None:
    text = "The envoys decided that penalties would be levied unless the shelling ended."
    i = text.index("levied")
    mod = text_modality(text, 0, len(text), i, i + 6)
    assert mod.status == "hypothetical" and mod.conditional and mod.reported
    assert mod.cue_start is not None and text[mod.cue_start:mod.cue_end] == mod.cue == "unless"


def test_cue_outside_the_clause_does_not_count() -> None:
    # the "will" belongs to the main clause; the meeting after "since" already happened
    text = "Relations will improve, officials said, since the leaders met in May."
    assert status(text, "met") == "occurred"


def test_only_the_sentence_is_read() -> None:
    text = "Paris will decide later. Berlin met Rome on Monday."
    lo = text.index("Berlin")
    i = text.index("met")
    assert text_modality(text, lo, len(text), i, i + 3).status == "occurred"


def test_fold_keeps_length() -> None:
    text = "İstanbul’s “talks” ẞ"
    folded = fold_same_length(text)
    assert len(folded) == len(text)
    assert "'" in folded and '"' in folded


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=300), st.integers(0, 320), st.integers(0, 40))
def test_never_raises_and_cue_indexes_text(text: str, at: int, width: int) -> None:
    mod = text_modality(text, 0, len(text), at, at + width)
    assert mod.status in ("occurred", "planned", "demanded", "negated", "hypothetical")
    if mod.cue_start is not None:
        assert text[mod.cue_start:mod.cue_end] == mod.cue


@pytest.mark.parametrize("sentence, trigger, expected", [
    ("OSLO, May 7 (Wire) - The Danish premier met her Swedish counterpart.", "met", "occurred"),
    ("LIMA, May 30 - Congress on Thursday extended the state of emergency.", "extended", "occurred"),
    ("The ministers met in May.", "met", "occurred"),
    ("The envoys may meet in May.", "meet", "hypothetical"),
])
def test_the_month_may_is_not_the_modal(sentence: str, trigger: str, expected: str) -> None:
    assert status(sentence, trigger) == expected


@pytest.mark.parametrize("sentence, trigger, expected", [
    ("The premier had been due to meet the envoy on Monday.", "meet", "planned"),
    ("Aides said the two sides had agreed on a truce, and would sign it in Doha.", "sign", "planned"),
    ("The envoy would travel to Doha for talks, a spokesman told reporters.", "talks", "planned"),
    ("The envoy would travel to Doha for talks if invited.", "talks", "hypothetical"),
    ("A deal would help both economies.", "deal", "occurred"),
])
def test_reported_and_cancelled_plans(sentence: str, trigger: str, expected: str) -> None:
    assert status(sentence, trigger) == expected
