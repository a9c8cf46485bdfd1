"""factkit-visits against its own hand-annotated articles (tests/gold, factkit's gold format).

A predicted visit matches a gold one when a visitor and the destination
(location or host) match by name or alias and the status is the same;
dates are scored apart because resolving them is the shared analysis' job.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

import factkit_visits

pytest_plugins = ["factkit.testing"]

GOLD = sorted((Path(__file__).parent / "gold").glob("*.json"))


def _fold(name: str) -> str:
    return " ".join(name.replace("’", "'").casefold().split())


def _aliases(gold: dict) -> dict[str, set[str]]:
    table = {}
    for entity in gold["entities"]:
        table[entity["name"]] = {_fold(a) for a in [entity["name"], *entity.get("aliases", [])]}
    return table


def _names(result, argument_or_location) -> set[str]:
    """Every name a prediction goes by: its text and, when resolved, its entity's name and aliases."""
    names = {_fold(argument_or_location.text)}
    entity = next((e for e in result.entities if e.id == argument_or_location.entity), None)
    if entity is not None:
        names |= {_fold(entity.name), *(_fold(a) for a in entity.aliases)}
    return names


def _matches(result, event, visit: dict, aliases: dict[str, set[str]]) -> bool:
    if event.status != visit["status"]:
        return False
    visitor = aliases.get(visit["visitor"], {_fold(visit["visitor"])})
    place = aliases.get(visit["location"], {_fold(visit["location"])})
    visitors = [a for a in event.arguments if a.role == "visitor"]
    places = [a for a in event.arguments if a.role == "host"] + ([event.location] if event.location else [])
    return any(_names(result, v) & visitor for v in visitors) and \
        any(_names(result, p) & place for p in places)


@pytest.fixture
def visits_only(register_plugin, factkit_extract):
    register_plugin(factkit_visits, name="visits")
    return lambda doc: factkit_extract(doc["text"], published=doc["published"], only=["visits"])


@pytest.mark.parametrize("path", GOLD, ids=[p.stem for p in GOLD])
def test_every_gold_visit_is_found_and_nothing_else(path, visits_only):
    doc = json.loads(path.read_text(encoding="utf-8"))
    aliases = _aliases(doc["gold"])
    result = visits_only(doc)
    unmatched = list(result.events)
    missed = []
    for visit in doc["gold"]["visits"]:
        hit = next((e for e in unmatched if _matches(result, e, visit, aliases)), None)
        if hit is not None:
            unmatched.remove(hit)
        elif not visit.get("optional"):
            missed.append(visit)
    optional = [v for v in doc["gold"]["visits"] if v.get("optional")]
    false_alarms = [e for e in unmatched
                    if not any(_matches(result, e, v, aliases) for v in optional)]
    assert not missed, f"missed: {missed}"
    assert not false_alarms, "false alarms: " + "; ".join(e.evidence[0].text for e in false_alarms)


def test_dates_of_matched_gold_visits_are_mostly_right(visits_only):
    right = total = 0
    for path in GOLD:
        doc = json.loads(path.read_text(encoding="utf-8"))
        aliases = _aliases(doc["gold"])
        result = visits_only(doc)
        for visit in doc["gold"]["visits"]:
            hit = next((e for e in result.events if _matches(result, e, visit, aliases)), None)
            if hit is None or visit.get("optional"):
                continue
            total += 1
            value = hit.date.value if hit.date else None
            right += value is not None and visit["date"] is not None and value.startswith(visit["date"]) \
                or value == visit["date"]
    assert total >= 10 and right / total >= 0.8, f"{right} of {total} dates right"


def test_gold_files_are_in_the_shared_format():
    for path in GOLD:
        doc = json.loads(path.read_text(encoding="utf-8"))
        assert {"id", "source", "published", "text", "gold"} <= set(doc)
        names = {e["name"] for e in doc["gold"]["entities"]}
        for visit in doc["gold"]["visits"]:
            assert {"visitor", "location", "date", "status"} <= set(visit)
            assert visit["visitor"] in names and visit["location"] in names
