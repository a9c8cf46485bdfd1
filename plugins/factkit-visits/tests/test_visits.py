"""The visits extractor, one construction at a time, through factkit's plugin host."""

from __future__ import annotations

import ast
from importlib import metadata
from pathlib import Path

import pytest

import factkit_visits

pytest_plugins = ["factkit.testing"]

PUBLISHED = "2024-08-23"  # a Friday
PUBLIC = {"factkit", "factkit.analysis", "factkit.analysis.modality", "factkit.schema"}


@pytest.fixture
def visits(register_plugin, factkit_extract):
    register_plugin(factkit_visits, name="visits")

    def run(text: str):
        result = factkit_extract(text, published=PUBLISHED, only=["visits"])
        assert not result.errors
        return [(tuple(a.text for a in e.arguments if a.role == "visitor"),
                 e.location.text if e.location else next(a.text for a in e.arguments if a.role == "host"),
                 e.status) for e in result.events]

    return run


@pytest.mark.parametrize("text, expected", [
    ("Indian Prime Minister Narendra Modi visited Kyiv on Friday.",
     [(("Narendra Modi",), "Kyiv", "occurred")]),
    ("Narendra Modi arrived in Warsaw on Wednesday evening.", [(("Narendra Modi",), "Warsaw", "occurred")]),
    ("Narendra Modi will travel to Poland next week.", [(("Narendra Modi",), "Poland", "planned")]),
    ("Kenyan President William Ruto toured Osaka on Thursday.", [(("William Ruto",), "Osaka", "occurred")]),
    ("Kenyan President William Ruto, who is on a three-day state visit to Japan, praised the deal.",
     [(("William Ruto",), "Japan", "occurred")]),
    ("Austrian Chancellor Karl Nehammer's trip to Israel was his second this year.",
     [(("Karl Nehammer",), "Israel", "occurred")]),
    ("During his visit to Poland, Narendra Modi met President Andrzej Duda.",
     [(("Narendra Modi",), "Poland", "occurred")]),
    ("Narendra Modi met President Andrzej Duda during his visit to Poland.",
     [(("Narendra Modi",), "Poland", "occurred")]),
    ("A planned trip to Brazil by William Ruto was called off.", [(("William Ruto",), "Brazil", "negated")]),
    ("A Danish minister called off her planned visit to Chad.", [(("Danish minister",), "Chad", "negated")]),
    ("Andrzej Duda and Narendra Modi visited Krakow on Saturday.",
     [(("Andrzej Duda", "Narendra Modi"), "Krakow", "occurred")]),
    ("Gambian President Adama Barrow will visit Senegal and Mauritania in June.",
     [(("Adama Barrow",), "Senegal", "planned"), (("Adama Barrow",), "Mauritania", "planned")]),
    ("William Ruto flew to Tokyo on Monday and is due to visit Osaka on Tuesday.",
     [(("William Ruto",), "Tokyo", "occurred"), (("William Ruto",), "Osaka", "planned")]),
    ("Hungarian Prime Minister Viktor Orban has not visited Ukraine this year.",
     [(("Viktor Orban",), "Ukraine", "negated")]),
])
def test_constructions(visits, text, expected):
    assert visits(text) == expected


@pytest.mark.parametrize("text", [
    "Tourists visited the museum on Sunday.",
    "The committee arrived at a decision late on Thursday.",
    "The visit was a success, officials said.",
    "Ruto said the trip had been useful.",
    "Grain shipments arrived in record numbers.",
])
def test_non_visits(visits, text):
    assert visits(text) == []


def test_headline_and_body_are_one_visit_with_the_bodys_status(register_plugin, factkit_extract):
    register_plugin(factkit_visits, name="visits")
    text = "Ruto heads to Japan for port talks\nKenyan President William Ruto will travel to Japan on Monday."
    result = factkit_extract(text, published=PUBLISHED, only=["visits"])
    assert len(result.events) == 1
    event = result.events[0]
    assert event.status == "planned" and len(event.evidence) == 2
    assert event.date.value == "2024-08-26"


def test_the_host_is_who_invited_the_visitor(register_plugin, factkit_extract):
    register_plugin(factkit_visits, name="visits")
    text = "Narendra Modi visited Warsaw on Thursday at the invitation of Polish Prime Minister Donald Tusk."
    event = factkit_extract(text, published=PUBLISHED, only=["visits"]).events[0]
    assert [(a.role, a.text) for a in event.arguments] == [("visitor", "Narendra Modi"), ("host", "Donald Tusk")]
    assert event.location.text == "Warsaw"


def test_a_visit_names_a_visitor_entity_and_spans_the_text(register_plugin, factkit_extract):
    register_plugin(factkit_visits, name="visits")
    text = "Narendra Modi visited Kyiv on Friday."
    result = factkit_extract(text, published=PUBLISHED)
    event = next(e for e in result.events if e.type == "visit")
    visitor = next(a for a in event.arguments if a.role == "visitor")
    assert visitor.entity in {e.id for e in result.entities}
    assert event.extractor == "visits" and event.date.value == "2024-08-23"


def test_only_factkits_public_api_is_imported():
    package = Path(factkit_visits.__file__).parent
    for path in package.glob("*.py"):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if isinstance(node, ast.ImportFrom) and node.module and node.module.startswith("factkit"):
                assert node.module in PUBLIC | {"factkit_visits"}, f"{path.name} imports {node.module}"
            if isinstance(node, ast.Import):
                for alias in node.names:
                    assert not alias.name.startswith("factkit.") or alias.name in PUBLIC, alias.name


def test_installed_through_the_factkit_entry_point():
    try:
        dist = metadata.distribution("factkit-visits")
    except metadata.PackageNotFoundError:
        pytest.skip("factkit-visits is not installed (make test installs it)")
    points = [ep for ep in dist.entry_points if ep.group == "factkit"]
    assert [(ep.name, ep.value) for ep in points] == [("visits", "factkit_visits")]
    assert dist.version == factkit_visits.__version__
