"""The curated lexicon data is the contract the Lexicon loader reads: check its shape and consistency.

A lookup maps one surface form to one entity, so a name claimed by two entries would silently
resolve to whichever the loader saw first; these tests make every such overlap explicit.
"""

from __future__ import annotations

import json
from collections import defaultdict
from pathlib import Path
from typing import Any

import pytest

DATA = Path(__file__).resolve().parents[2] / "src" / "factkit" / "data"

ORG_KINDS = {"international", "news_agency", "government_body", "party", "company", "ngo",
             "armed_group", "central_bank", "court"}
PLACE_TYPES = {"city", "region"}

# Historic states share their seat with the current state that inherited it. The current state is
# listed first in countries.json so a first-wins loader resolves "Moscow" to Russia.
SHARED_SEATS = {
    "moscow": ("Russia", "Soviet Union"),
    "kremlin": ("Russia", "Soviet Union"),
    "the kremlin": ("Russia", "Soviet Union"),
    "belgrade": ("Serbia", "Yugoslavia"),
    "prague": ("Czech Republic", "Czechoslovakia"),
}
# Capitals that are also common given names ("Victoria Nuland", "Santiago Pena").
GIVEN_NAMES_THAT_ARE_SEATS = {"sofia", "santiago", "victoria"}


def load(name: str) -> Any:
    with open(DATA / name, encoding="utf-8") as handle:
        return json.load(handle)


@pytest.fixture(scope="module")
def countries() -> list[dict[str, Any]]:
    return load("countries.json")


@pytest.fixture(scope="module")
def places() -> list[dict[str, Any]]:
    return load("places.json")


@pytest.fixture(scope="module")
def organizations() -> list[dict[str, Any]]:
    return load("organizations.json")


@pytest.fixture(scope="module")
def titles() -> dict[str, list[str]]:
    return load("titles.json")


@pytest.fixture(scope="module")
def verbs() -> list[dict[str, Any]]:
    return load("speech_verbs.json")["verbs"]


@pytest.fixture(scope="module")
def names() -> dict[str, list[str]]:
    return load("given_names.json")


def is_clean(value: Any) -> bool:
    return isinstance(value, str) and value != "" and value == value.strip() and "  " not in value


def assert_string_list(values: Any, where: str) -> None:
    assert isinstance(values, list), where
    bad = [v for v in values if not is_clean(v)]
    assert not bad, f"{where}: not clean non-empty strings: {bad}"
    dupes = sorted({v for v in values if values.count(v) > 1})
    assert not dupes, f"{where}: repeated entries {dupes}"


def owners(entries: list[dict[str, Any]], fields: tuple[str, ...]) -> dict[str, set[str]]:
    """Case-folded surface form -> names of the entries that claim it."""
    table: dict[str, set[str]] = defaultdict(set)
    for entry in entries:
        table[entry["name"].casefold()].add(entry["name"])
        for field in fields:
            for surface in entry[field]:
                table[surface.casefold()].add(entry["name"])
    return table


def clashes(table: dict[str, set[str]]) -> dict[str, list[str]]:
    return {surface: sorted(who) for surface, who in table.items() if len(who) > 1}


# --- files -----------------------------------------------------------------------------------

@pytest.mark.parametrize("name", ["countries.json", "places.json", "organizations.json",
                                  "titles.json", "speech_verbs.json", "given_names.json"])
def test_every_file_is_utf8_json(name: str) -> None:
    assert load(name)


# --- countries -------------------------------------------------------------------------------

def test_countries_have_the_documented_shape(countries: list[dict[str, Any]]) -> None:
    assert isinstance(countries, list)
    for country in countries:
        assert set(country) == {"name", "aliases", "demonyms", "seats", "capital"}, country
        assert is_clean(country["name"]) and is_clean(country["capital"]), country
        for field in ("aliases", "demonyms", "seats"):
            assert_string_list(country[field], f"{country['name']}.{field}")
        assert country["name"] not in country["aliases"], country["name"]


def test_countries_cover_every_un_member_and_then_some(countries: list[dict[str, Any]]) -> None:
    assert len(countries) >= 193
    present = {c["name"] for c in countries}
    for expected in ("United States", "China", "Russia", "United Kingdom", "South Korea",
                     "North Korea", "Iran", "Ivory Coast", "Myanmar", "Tuvalu", "Taiwan",
                     "Palestine", "Kosovo", "Hong Kong", "Vatican City", "Soviet Union",
                     "West Germany", "East Germany", "Yugoslavia", "Czechoslovakia"):
        assert expected in present, expected


def test_country_names_are_unique(countries: list[dict[str, Any]]) -> None:
    folded = [c["name"].casefold() for c in countries]
    assert len(folded) == len(set(folded))


def test_every_country_has_its_capital_among_its_seats(countries: list[dict[str, Any]]) -> None:
    missing = [c["name"] for c in countries if c["capital"] not in c["seats"]]
    assert not missing


def test_no_alias_or_demonym_names_two_countries(countries: list[dict[str, Any]]) -> None:
    assert clashes(owners(countries, ("aliases", "demonyms"))) == {}


def test_only_historic_states_share_a_seat_and_the_current_state_comes_first(
        countries: list[dict[str, Any]]) -> None:
    shared = clashes(owners(countries, ("aliases", "demonyms", "seats")))
    assert shared == {seat: sorted(pair) for seat, pair in SHARED_SEATS.items()}
    order = [c["name"] for c in countries]
    for current, historic in SHARED_SEATS.values():
        assert order.index(current) < order.index(historic)


def test_old_names_of_the_same_state_are_aliases(countries: list[dict[str, Any]]) -> None:
    by_surface = {s.casefold(): c["name"] for c in countries for s in c["aliases"]}
    assert by_surface["burma"] == "Myanmar"
    assert by_surface["zaire"] == "Democratic Republic of the Congo"
    assert by_surface["u.s."] == "United States"
    assert by_surface["dprk"] == "North Korea"
    assert by_surface["türkiye"] == "Turkey"


# --- places ----------------------------------------------------------------------------------

def test_places_have_the_documented_shape(places: list[dict[str, Any]],
                                          countries: list[dict[str, Any]]) -> None:
    known = {c["name"] for c in countries}
    for place in places:
        assert set(place) == {"name", "type", "country", "aliases"}, place
        assert is_clean(place["name"]), place
        assert place["type"] in PLACE_TYPES, place
        assert place["country"] is None or place["country"] in known, place
        assert_string_list(place["aliases"], place["name"])
        assert place["name"] not in place["aliases"], place["name"]


def test_places_do_not_repeat_or_shadow_countries(places: list[dict[str, Any]],
                                                  countries: list[dict[str, Any]]) -> None:
    country_surfaces = owners(countries, ("aliases", "demonyms", "seats"))
    repeated = sorted(s for s, _ in owners(places, ("aliases",)).items() if s in country_surfaces)
    assert repeated == []


def test_no_place_surface_names_two_places(places: list[dict[str, Any]]) -> None:
    assert clashes(owners(places, ("aliases",))) == {}


# --- organizations ---------------------------------------------------------------------------

def test_organizations_have_the_documented_shape(organizations: list[dict[str, Any]],
                                                 countries: list[dict[str, Any]]) -> None:
    known = {c["name"] for c in countries}
    for org in organizations:
        assert set(org) == {"name", "aliases", "kind", "country"}, org
        assert is_clean(org["name"]), org
        assert org["kind"] in ORG_KINDS, org
        assert org["country"] is None or org["country"] in known, org
        assert_string_list(org["aliases"], org["name"])
        assert org["name"] not in org["aliases"], org["name"]


def test_every_kind_is_represented(organizations: list[dict[str, Any]]) -> None:
    assert {o["kind"] for o in organizations} == ORG_KINDS


def test_no_org_surface_names_two_orgs_or_a_country_or_place(
        organizations: list[dict[str, Any]], countries: list[dict[str, Any]],
        places: list[dict[str, Any]]) -> None:
    org_table = owners(organizations, ("aliases",))
    assert clashes(org_table) == {}
    others = owners(countries, ("aliases", "demonyms", "seats"))
    for surface, who in owners(places, ("aliases",)).items():
        others[surface] |= who
    assert sorted(s for s in org_table if s in others) == []


def test_wire_services_are_news_agencies(organizations: list[dict[str, Any]]) -> None:
    kind = {s.casefold(): o["kind"] for o in organizations for s in [o["name"], *o["aliases"]]}
    for agency in ("Xinhua", "Reuters", "AFP", "AP", "TASS", "Yonhap", "Kyodo", "KCNA", "IRNA"):
        assert kind[agency.casefold()] == "news_agency", agency
    assert kind["the fed"] == "central_bank"
    assert kind["state department"] == "government_body"


# --- titles ----------------------------------------------------------------------------------

def test_titles_have_the_documented_shape(titles: dict[str, list[str]]) -> None:
    assert set(titles) == {"titles", "honorifics", "modifiers"}
    for key, values in titles.items():
        assert_string_list(values, key)
        folded = [v.casefold() for v in values]
        assert len(folded) == len(set(folded)), f"{key} repeats a value ignoring case"
    assert all(t[0].isupper() for t in titles["titles"])


def test_titles_cover_the_common_posts(titles: dict[str, list[str]]) -> None:
    folded = {t.casefold() for t in titles["titles"]}
    for post in ("President", "Prime Minister", "Foreign Minister", "Minister of Foreign Affairs",
                 "Secretary of State", "Secretary-General", "Defence Minister", "Defense Secretary",
                 "Treasury Secretary", "Spokesperson", "Supreme Leader", "Trade Representative"):
        assert post.casefold() in folded, post
    assert len(folded) >= 250


# --- speech verbs ----------------------------------------------------------------------------

def test_speech_verbs_have_the_documented_shape(verbs: list[dict[str, Any]]) -> None:
    lemmas = [v["lemma"] for v in verbs]
    assert len(lemmas) == len(set(lemmas))
    for verb in verbs:
        assert set(verb) == {"lemma", "forms"}, verb
        assert_string_list(verb["forms"], verb["lemma"])
        assert verb["lemma"] in verb["forms"], verb["lemma"]
        assert all(f == f.lower() for f in verb["forms"]), verb["lemma"]
    assert len(verbs) >= 150


def test_each_form_maps_back_to_one_lemma(verbs: list[dict[str, Any]]) -> None:
    lemma_of: dict[str, set[str]] = defaultdict(set)
    for verb in verbs:
        for form in verb["forms"]:
            lemma_of[form].add(verb["lemma"])
    assert {f: ls for f, ls in lemma_of.items() if len(ls) > 1} == {}
    assert lemma_of["said"] == {"say"}
    assert lemma_of["warned"] == {"warn"}
    assert lemma_of["emphasised"] == {"emphasize"}
    assert lemma_of["pointed out"] == {"point out"}
    assert "agreed" not in lemma_of


# --- given names -----------------------------------------------------------------------------

def test_given_names_have_the_documented_shape(names: dict[str, list[str]]) -> None:
    assert set(names) == {"given", "surnames_first"}
    for key, values in names.items():
        assert_string_list(values, key)
        assert all(v[0].isupper() and " " not in v for v in values), key
    assert len(names["given"]) >= 1500
    assert len(names["surnames_first"]) >= 150


def test_given_names_do_not_shadow_entities(names: dict[str, list[str]],
                                            countries: list[dict[str, Any]],
                                            organizations: list[dict[str, Any]],
                                            places: list[dict[str, Any]]) -> None:
    entity = owners(countries, ("aliases", "demonyms", "seats"))
    for table in (owners(organizations, ("aliases",)), owners(places, ("aliases",))):
        for surface, who in table.items():
            entity[surface] |= who
    for key in ("given", "surnames_first"):
        shadowed = {n.casefold() for n in names[key]} & set(entity)
        allowed = GIVEN_NAMES_THAT_ARE_SEATS if key == "given" else set()
        assert shadowed == allowed, key
