"""CAMEO codes on factkit output: what an event-data user joins on."""

from __future__ import annotations

import re
from importlib import metadata
from pathlib import Path

import pytest

import factkit_cameo
from factkit import Event, Extractor, Statement, hookimpl
from factkit_cameo import LABELS, code_statement

pytest_plugins = ["factkit.testing"]

PUBLISHED = "2024-08-23"  # a Friday


@pytest.fixture
def coded(register_plugin, factkit_extract):
    """Extract with the built-ins plus factkit-cameo, as an installed factkit would."""
    register_plugin(factkit_cameo, name="cameo")

    def run(text: str):
        return factkit_extract(text, published=PUBLISHED)

    return run


def _codes(events, kind):
    return [(e.status, e.attributes.get("cameo")) for e in events if e.type == kind]


@pytest.mark.parametrize("text, status, code", [
    ("Canada lifted its embargo on Syria on Tuesday.", "occurred", "085"),
    ("The Dutch prime minister urged Norway to lift its sanctions on Iceland.", "demanded", "1054"),
    ("Washington has refused to ease sanctions on Caracas.", "negated", "1244"),
    ("The European Union threatened to impose sanctions on Minsk.", "occurred", "1312"),
    ("The United States imposed sanctions on three Bolivian banks on Monday.", "occurred", "163"),
])
def test_sanctions_are_coded_by_action_and_status(coded, text, status, code):
    result = coded(text)
    assert _codes(result.events, "sanction") == [(status, code)]
    assert result.events[0].attributes["cameo_label"] == LABELS[code]


@pytest.mark.parametrize("text, code", [
    ("French President Emmanuel Macron hosted German Chancellor Olaf Scholz in Paris on Monday.", "043"),
    ("Scholz spoke by telephone with Chinese Premier Li Qiang on Thursday.", "041"),
    ("Indian Foreign Minister Subrahmanyam Jaishankar met his Chinese counterpart Wang Yi in "
     "Geneva on Monday.", "044"),
    ("Argentine President Javier Milei and Brazilian President Lula da Silva held talks on Tuesday.",
     "040"),
])
def test_meetings_are_coded_by_how_they_took_place(coded, text, code):
    assert _codes(coded(text).events, "meeting") == [("occurred", code)]


def test_a_meeting_in_one_partys_capital_is_a_visit_read_from_the_first_participant(coded):
    result = coded("Spain and Morocco held talks in Madrid on Monday.")
    meeting = next(e for e in result.events if e.type == "meeting")
    assert [a.text for a in meeting.arguments][0] == "Spain"
    assert meeting.attributes["cameo"] == "043"


def test_a_planned_meeting_is_an_intent_to_meet(coded):
    result = coded("Brazilian President Lula will meet Argentine President Javier Milei next month.")
    assert _codes(result.events, "meeting") == [("planned", "036")]


def test_agreements_are_signed_agreements(coded):
    result = coded("Chile and Peru signed an agreement on fisheries on Wednesday.")
    assert _codes(result.events, "agreement") == [("occurred", "057")]


@pytest.mark.parametrize("text, code", [
    ("Iran demanded that Britain release the tanker.", "1053"),
    ("The Kremlin called on Kyiv to return to negotiations.", "026"),
    ("Japan's foreign minister called for an immediate ceasefire in Gaza.", "0256"),
    ("Borrell asked Tehran to free the detained diplomats.", "0253"),
    ("Erdogan urged Stockholm to lift its arms embargo on Ankara.", "0254"),
    ("The European Union threatened to impose sanctions on Minsk.", "1312"),
    ("The opposition leader accused the government of fraud.", "112"),
    ("Norway condemned the attack.", "111"),
    ("Kenyan President William Ruto said the harvest was the best in years.", "010"),
])
def test_statements_are_coded_by_cue_and_content(coded, text, code):
    result = coded(text)
    assert [s.attributes.get("cameo") for s in result.statements] == [code]


@pytest.mark.parametrize("cue, content, code", [
    ("demanded", "the troops withdraw from the border", "106"),
    ("demanded", "an end to the blockade", "1054"),
    ("insisted", "the talks had been useful", "010"),
    ("insisted", "the president must step down", "1041"),
    ("has urged", "donors to send more humanitarian aid", "023"),
    ("asked", "whether the border would reopen", "010"),
    ("pressed", "to halt the offensive", "107"),
    ("threatened", "military action against the rebels", "138"),
    ("threatened", "to leave the coalition", "130"),
])
def test_statement_rules(cue, content, code):
    assert code_statement(Statement(kind="indirect", cue=cue, content=content)) == code


@pytest.mark.parametrize("status, code", [("occurred", "042"), ("planned", "036"), ("negated", None)])
def test_visits_from_a_visits_plugin_are_coded(register_plugin, factkit_extract, status, code):
    class Visits:
        @staticmethod
        def find(doc):
            yield Event(type="visit", status=status, evidence=[doc.span(0, len(doc.text))])

        @hookimpl
        def register_extractors(self, register):
            register(Extractor(name="fake-visits", extract=self.find, produces=("event:visit",)))

    register_plugin(Visits(), name="fake-visits")
    register_plugin(factkit_cameo, name="cameo")
    result = factkit_extract("The envoy went abroad.", published=PUBLISHED, only=["fake-visits"])
    assert [e.attributes.get("cameo") for e in result.events] == [code]


def test_a_code_an_extractor_set_is_kept(register_plugin, factkit_extract):
    class PreCoded:
        @staticmethod
        def find(doc):
            yield Event(type="protest", attributes={"cameo": "141"},
                        evidence=[doc.span(0, len(doc.text))])

        @hookimpl
        def register_extractors(self, register):
            register(Extractor(name="precoded", extract=self.find))

    register_plugin(PreCoded(), name="precoded")
    register_plugin(factkit_cameo, name="cameo")
    result = factkit_extract("Farmers marched on the capital.", published=PUBLISHED)
    assert [e.attributes for e in result.events] == [{"cameo": "141"}]


def test_every_code_the_rules_can_give_has_a_label():
    source = (Path(factkit_cameo.__file__).parent / "coding.py").read_text(encoding="utf-8")
    codes = set(re.findall(r'"(\d{3,4})"', source))
    assert codes and codes <= set(LABELS)


def test_installed_through_the_factkit_entry_point():
    try:
        dist = metadata.distribution("factkit-cameo")
    except metadata.PackageNotFoundError:
        pytest.skip("factkit-cameo is not installed (make test installs it)")
    points = [ep for ep in dist.entry_points if ep.group == "factkit"]
    assert [(ep.name, ep.value) for ep in points] == [("cameo", "factkit_cameo")]
    assert dist.version == factkit_cameo.__version__
