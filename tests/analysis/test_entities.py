"""Entities, posts and coreference in one article (every sentence here is invented)."""

from __future__ import annotations

import time

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from factkit.analysis.entities import EntityAnalysis, EntityFinder
from factkit.analysis.lexicon import Lexicon
from factkit.analysis.model import EntityRecord, Region
from factkit.analysis.sentences import split_sentences

LEXICON = Lexicon.default()
FINDER = EntityFinder(LEXICON)


def find(text: str, junk: list[Region] | None = None, finder: EntityFinder = FINDER) -> EntityAnalysis:
    return finder.find(text, split_sentences(text), junk or [])


def by_name(result: EntityAnalysis, name: str) -> EntityRecord:
    found = [e for e in result.entities if e.name == name]
    assert found, f"{name!r} not among {[e.name for e in result.entities]}"
    return found[0]


def names(result: EntityAnalysis, type_: str | None = None) -> set[str]:
    return {e.name for e in result.entities if type_ is None or e.type == type_}


def surfaces(text: str, record: EntityRecord, kind: str | None = None) -> list[str]:
    return [text[m.start:m.end] for m in record.mentions if kind is None or m.kind == kind]


def positions(text: str, result: EntityAnalysis) -> set[tuple[str, str, str | None]]:
    ids = {e.id: e.name for e in result.entities}
    return {(ids[p.person_id], p.title, p.organization) for p in result.positions}


# -- countries, places, organisations ---------------------------------------------
def test_country_aliases_seats_and_demonyms_are_one_entity():
    text = ("Brazilian exporters welcomed the deal. The U.S. said on Monday that America would "
            "review it, and Washington later confirmed the review. US negotiators were upbeat.")
    result = find(text)
    us = by_name(result, "United States")
    assert surfaces(text, us) == ["U.S.", "America", "Washington", "US"]
    assert {"U.S.", "America", "Washington", "US"} <= set(us.aliases)
    assert [m.kind for m in us.mentions if text[m.start:m.end] == "Washington"] == ["alias"]
    brazil = by_name(result, "Brazil")
    assert surfaces(text, brazil, "demonym") == ["Brazilian"]
    assert len([e for e in result.entities if e.type == "country"]) == 2


def test_lowercase_us_is_not_a_country():
    result = find("Give us the figures, the traders told us.")
    assert "United States" not in names(result)


def test_a_seat_after_in_is_a_place_and_otherwise_the_government():
    text = "Oslo rejected the demand. The envoys then met in Oslo."
    result = find(text)
    assert surfaces(text, by_name(result, "Norway")) == ["Oslo"]
    place = [e for e in result.entities if e.type == "place"]
    assert [e.name for e in place] == ["Oslo"]


def test_cities_and_regions_are_places():
    result = find("The delegation flew from Geneva to Xinjiang.")
    assert {"Geneva", "Xinjiang"} <= names(result, "place")


def test_lexicon_organisations_and_news_agencies():
    result = find("Officials from NATO and the IMF spoke to Xinhua and Yonhap.")
    assert {"NATO", "International Monetary Fund", "Xinhua", "Yonhap"} <= names(result, "organization")


def test_ministry_named_by_demonym_and_linked_when_repeated():
    text = ("Norway's foreign ministry said on Tuesday it had summoned the envoy. "
            "The foreign ministry added that talks would continue, and the ministry later "
            "published a list.")
    result = find(text)
    ministry = by_name(result, "Norwegian foreign ministry")
    assert surfaces(text, ministry) == ["Norway's foreign ministry", "foreign ministry", "ministry"]
    assert {"Norway's foreign ministry", "foreign ministry", "the ministry"} <= set(ministry.aliases)
    assert "Norway" in names(result, "country")


@pytest.mark.parametrize("phrase, name", [
    ("the Ministry of Foreign Affairs", "Ministry of Foreign Affairs"),
    ("the Treasury Department", "Treasury Department"),
    ("the Commerce Ministry", "Commerce Ministry"),
    ("the Defense Ministry", "Defense Ministry"),
    ("the Kenyan Finance Ministry", "Kenyan Finance Ministry"),
])
def test_ministries_and_departments(phrase, name):
    result = find(f"On Friday {phrase} said the report was wrong.")
    assert name in names(result, "organization")


def test_statement_is_a_mention_of_its_issuer():
    text = ("Peru's trade ministry issued a statement on Monday. The statement said exports rose, "
            "according to the ministry's statement.")
    result = find(text)
    ministry = by_name(result, "Peruvian trade ministry")
    assert surfaces(text, ministry, "description") == ["statement", "ministry", "statement"]


def test_named_organisations_by_head_word_and_their_acronyms():
    text = ("The Andean Coffee Growers Association (ACGA) met Oakridge Mining Corp on Monday. "
            "ACGA said Oakridge Mining had agreed.")
    result = find(text)
    assoc = by_name(result, "Andean Coffee Growers Association")
    assert surfaces(text, assoc) == ["Andean Coffee Growers Association", "ACGA", "ACGA"]
    corp = by_name(result, "Oakridge Mining Corp")
    assert surfaces(text, corp) == ["Oakridge Mining Corp", "Oakridge Mining"]


def test_a_surname_administration_is_the_us_government():
    text = "The Harmon administration imposed new tariffs."
    us = by_name(find(text), "United States")
    assert surfaces(text, us, "description") == ["Harmon administration"]


def test_junk_regions_yield_nothing():
    body = "Kenyan President Ruth Achieng met investors."
    junk = "\n\nRead more:\n- Chilean Foreign Minister Pablo Serrano resigns\n"
    text = body + junk
    result = find(text, [Region(len(body), len(text), "links")])
    assert "Pablo Serrano" not in names(result)
    assert "Chile" not in names(result)
    assert all(m.end <= len(body) for m in result.mentions)


# -- people --------------------------------------------------------------------------
def test_title_cue_names_a_person_without_the_title():
    text = "Kenyan Foreign Minister Amina Otieno met Peruvian President Luis Paredes in Lima."
    result = find(text)
    otieno = by_name(result, "Amina Otieno")
    assert otieno.type == "person"
    assert surfaces(text, otieno) == ["Amina Otieno"]
    assert "Kenyan Foreign Minister Amina Otieno" in otieno.aliases
    assert (otieno.title, otieno.organization) == ("Foreign Minister", "Kenya")
    assert positions(text, result) >= {("Amina Otieno", "Foreign Minister", "Kenya"),
                                        ("Luis Paredes", "President", "Peru")}


def test_honorifics():
    text = "Mr. Halvorsen greeted Dr. Ingrid Solberg at the border."
    result = find(text)
    assert {"Halvorsen", "Ingrid Solberg"} <= names(result, "person")
    assert surfaces(text, by_name(result, "Ingrid Solberg")) == ["Ingrid Solberg"]


def test_known_given_name_and_family_name_first():
    result = find("Ingrid Solberg visited the port. Zhang Wei arrived a day later.")
    assert {"Ingrid Solberg", "Zhang Wei"} <= names(result, "person")


def test_speech_verb_subject_and_inverted_attribution():
    text = ("Odile Marchetti said the plan would fail. \"It is too late,\" said Bruno Aldershot, "
            "a fisherman.")
    result = find(text)
    assert {"Odile Marchetti", "Bruno Aldershot"} <= names(result, "person")


def test_surname_links_to_the_full_name_whichever_comes_first():
    text = ("Marchetti Warns Of Delays\n\nOdile Marchetti said the plan would fail. "
            "Marchetti added that costs had doubled.")
    result = find(text)
    person = by_name(result, "Odile Marchetti")
    assert surfaces(text, person) == ["Marchetti", "Odile Marchetti", "Marchetti"]
    assert [m.kind for m in person.mentions] == ["alias", "name", "alias"]
    assert "Marchetti" in person.aliases
    assert len([e for e in result.entities if e.type == "person"]) == 1


def test_family_name_first_links_the_short_form():
    text = "Foreign Minister Zhang Wei arrived in Lima. Zhang said the visit was overdue."
    person = by_name(find(text), "Zhang Wei")
    assert surfaces(text, person) == ["Zhang Wei", "Zhang"]


@pytest.mark.parametrize("text", [
    "The Security Council met on Monday in Geneva.",
    "Recently, the White House said March would be busy.",
    "But Tuesday brought rain to Nairobi.",
    "Kenya Holds Constructive Talks With Peru Over Fishing Rights\n\nKenya and Peru held talks.",
    "The European Union and the Andean Community said trade grew.",
    "Analysts at Harbour Capital said the deal was positive.",
])
def test_no_false_people(text):
    assert names(find(text), "person") == set()


def test_apposition_names_people():
    text = ("Tomas Ferreira, the Brazilian trade minister, said on Monday the talks were useful. "
            "The Chilean finance minister, Rodrigo Vidal, disagreed.")
    result = find(text)
    assert positions(text, result) >= {("Tomas Ferreira", "Trade Minister", "Brazil"),
                                        ("Rodrigo Vidal", "Finance Minister", "Chile")}


# -- posts ------------------------------------------------------------------------------
@pytest.mark.parametrize("text, expected", [
    ("Norway's Foreign Minister Kari Nordmann spoke.", ("Kari Nordmann", "Foreign Minister", "Norway")),
    ("Kari Nordmann, Norway's Foreign Minister, spoke.", ("Kari Nordmann", "Foreign Minister", "Norway")),
    ("Archbishop Tomas Ferreira spoke.", ("Tomas Ferreira", "Archbishop", None)),
    ("State Security Committee (SSC) Chairman Ivo Karst spoke.",
     ("Ivo Karst", "Chairman", "State Security Committee")),
    ("Treasury Secretary Paul Hendricks said the deficit would shrink.",
     ("Paul Hendricks", "Treasury Secretary", None)),
    ("Jonas Berg, the national security adviser, said nothing.",
     ("Jonas Berg", "National Security Adviser", None)),
    ("The Iranian foreign minister, Reza Karimi, said the door was open.",
     ("Reza Karimi", "Foreign Minister", "Iran")),
    ("U.S. Secretary of State Paul Hendricks flew home.",
     ("Paul Hendricks", "Secretary of State", "United States")),
    ("Kenyan Foreign Minister Amina Otieno flew home.", ("Amina Otieno", "Foreign Minister", "Kenya")),
    ("French President Marc Dubois flew home.", ("Marc Dubois", "President", "France")),
    ("Russian Deputy Foreign Minister Oleg Petrov flew home.",
     ("Oleg Petrov", "Deputy Foreign Minister", "Russia")),
    ("The head of the IMF, Elena Rossi, said growth slowed.",
     ("Elena Rossi", "Head", "International Monetary Fund")),
    ("Elena Rossi, head of the central bank, said growth slowed.", ("Elena Rossi", "Head", "central bank")),
    ("Acting Prime Minister Jonas Berg resigned.", ("Jonas Berg", "Acting Prime Minister", None)),
])
def test_positions(text, expected):
    result = find(text)
    assert positions(text, result) == {expected}
    person = by_name(result, expected[0])
    (position,) = result.positions
    evidence = text[position.start:position.end]
    assert expected[0] in evidence
    assert expected[1].split()[-1].lower() in evidence.lower()
    assert (person.title, person.organization) == expected[1:]


def test_former_holders_get_no_position():
    result = find("Former President Marc Dubois wrote a book.")
    assert "Marc Dubois" in names(result, "person")
    assert result.positions == []


def test_one_position_per_person_and_post():
    text = ("Secretary of State Paul Hendricks landed in Lima. Secretary Hendricks met "
            "President Luis Paredes. U.S. Secretary of State Paul Hendricks then left.")
    result = find(text)
    assert sorted(positions(text, result)) == [("Luis Paredes", "President", None),
                                               ("Paul Hendricks", "Secretary of State", "United States")]


# -- coreference ---------------------------------------------------------------------------
def test_title_refers_back_to_its_only_holder():
    text = ("Kenyan Foreign Minister Amina Otieno arrived in Lima. The Kenyan foreign minister said "
            "the talks went well, and the foreign minister left on Friday.")
    person = by_name(find(text), "Amina Otieno")
    assert surfaces(text, person, "title") == ["Kenyan foreign minister", "foreign minister"]


def test_shorter_title_refers_back_to_its_only_holder():
    text = "Kenyan Energy Minister Amina Otieno arrived. The Kenyan minister said prices would fall."
    person = by_name(find(text), "Amina Otieno")
    assert surfaces(text, person, "title") == ["Kenyan minister"]


def test_title_with_two_holders_stays_unresolved():
    text = "President Luis Paredes met President Marc Dubois. The president said trade would grow."
    result = find(text)
    assert all(m.kind != "title" for m in result.mentions)


def test_unnamed_office_holder_with_a_country_is_a_person():
    text = "The Peruvian President has said the border will stay closed."
    result = find(text)
    person = by_name(result, "Peruvian President")
    assert person.type == "person"
    assert (person.title, person.organization) == ("President", "Peru")


def test_he_links_to_the_subject_of_the_previous_sentence():
    text = "Tomas Ferreira met Odile Marchetti in Geneva. He said the talks were useful."
    person = by_name(find(text), "Tomas Ferreira")
    assert surfaces(text, person, "pronoun") == ["He"]


def test_she_never_links_to_a_he():
    text = "Tomas Ferreira arrived in Geneva. He smiled. She waved."
    result = find(text)
    assert surfaces(text, by_name(result, "Tomas Ferreira"), "pronoun") == ["He"]
    assert [m for m in result.mentions if text[m.start:m.end] == "She"] == []


def test_pronoun_without_antecedent_is_left_alone():
    text = "He said the harvest was poor. Prices rose. Farmers worried. She disagreed."
    assert find(text).mentions == []


def test_two_men_and_both_sides_are_not_entities():
    result = find("The two men shook hands and both sides agreed.")
    assert result.entities == []


# -- plugins ----------------------------------------------------------------------------------
def test_plugin_entries_reach_the_finder_even_after_a_first_scan():
    lex = Lexicon.default()
    finder = EntityFinder(lex)
    text = "Zemblan Foreign Minister Ivo Karst met SCO officials."
    assert "Zembla" not in names(find(text, finder=finder))
    lex.add_entity("Zembla", "country", demonyms=["Zemblan"])
    lex.add_entity("Shanghai Cooperation Organisation", "organization", aliases=["SCO"])
    result = find(text, finder=finder)
    assert {"Zembla", "Shanghai Cooperation Organisation"} <= names(result)
    assert positions(text, result) == {("Ivo Karst", "Foreign Minister", "Zembla")}


def test_plugin_titles_make_people():
    lex = Lexicon.default()
    lex.add_titles(["Grand Vizier"])
    result = find("Grand Vizier Omar Haddad resigned.", finder=EntityFinder(lex))
    assert positions("", result) == {("Omar Haddad", "Grand Vizier", None)}


# -- invariants ----------------------------------------------------------------------------------
def check_invariants(text: str, result: EntityAnalysis) -> None:
    ids = [e.id for e in result.entities]
    assert ids == [f"e{n}" for n in range(1, len(ids) + 1)]
    known = set(ids)
    firsts = [min(m.start for m in e.mentions) for e in result.entities]
    assert firsts == sorted(firsts)
    for m in result.mentions:
        assert 0 <= m.start < m.end <= len(text)
        assert m.entity_id in known
    assert result.mentions == sorted(result.mentions, key=lambda m: (m.start, -m.end, m.entity_id))
    assert sorted((m.start, m.end, m.entity_id) for e in result.entities for m in e.mentions) == \
        sorted((m.start, m.end, m.entity_id) for m in result.mentions)
    for p in result.positions:
        assert p.person_id in known and 0 <= p.start < p.end <= len(text)


SAMPLE = ("Kenyan Foreign Minister Amina Otieno met U.S. Secretary of State Paul Hendricks in Geneva. "
          "Otieno told Hendricks that Washington ought to ease its tariffs, a foreign ministry "
          "statement said. He said Kenya's foreign ministry agreed.")


def test_sample_invariants_and_determinism():
    first = find(SAMPLE)
    check_invariants(SAMPLE, first)
    assert find(SAMPLE) == first
    assert find(SAMPLE, finder=EntityFinder(Lexicon.default())) == first


WORDS = st.sampled_from([
    "Minister", "Foreign", "President", "said", "He", "she", "the", "of", "U.S.", "China's", "Wang",
    "Yi", "Maria", "Lopez", "Ministry", "statement", "Bank", "Inc", "Mr.", ",", ".", "\n", "Council",
    "officials", "Chinese", "in", "Oslo", "’s", "(ABC)", "ABC", "former", "-", "Sino-U.S.", "\"",
])


@settings(max_examples=150, deadline=None)
@given(st.lists(WORDS, max_size=60).map(" ".join))
def test_newsy_word_salad_keeps_the_invariants(text):
    check_invariants(text, find(text))


@settings(max_examples=150, deadline=None)
@given(st.text(max_size=400))
def test_arbitrary_text_keeps_the_invariants(text):
    result = find(text)
    check_invariants(text, result)
    assert find(text) == result


def test_cost_grows_linearly():
    text = "\n\n".join([SAMPLE] * 400)  # ~100 KB
    start = time.perf_counter()
    result = find(text)
    assert time.perf_counter() - start < 10
    assert len(result.entities) < 20


def test_an_alias_inside_a_longer_name_is_another_organisation():
    text = ("The Uganda Red Cross said 300 families had fled. The International Committee of the "
            "Red Cross sent doctors, and the Red Cross later flew in tents.")
    result = find(text)
    icrc = by_name(result, "International Committee of the Red Cross")
    assert "Uganda Red Cross" not in surfaces(text, icrc)
    local = by_name(result, "Uganda Red Cross")
    assert local.type == "organization"
    assert surfaces(text, local) == ["Uganda Red Cross"]
    assert surfaces(text, icrc)[-1] == "Red Cross"


@pytest.mark.parametrize("text, person", [
    ("Okonjo said the central bank would hold rates.", "Okonjo"),
    ("Prices rose. Okonjo said the central bank would hold rates.", "Okonjo"),
    ("Mwangaza, who chairs the committee, said the vote was fair.", "Mwangaza"),
])
def test_a_bare_surname_speaking_first_is_a_person(text, person):
    assert person in names(find(text), "person")


@pytest.mark.parametrize("text", [
    "Analysts said the vote was fair.",
    "Officials said the plan was sound. Officials also said more was needed.",
    "Citizens who voted said the vote was fair. Voting citizens said so too.",
    "Toyota, which builds cars, said sales rose.",
])
def test_common_words_speaking_first_are_not_people(text):
    assert names(find(text), "person") == set()


def test_a_counterpart_with_an_unknown_name_is_a_person_and_links_the_surname():
    text = ("The Estonian minister met her Latvian counterpart Ilze Berzina on Monday. "
            "Berzina said the talks were useful.")
    person = by_name(find(text), "Ilze Berzina")
    assert person.type == "person"
    assert surfaces(text, person) == ["Ilze Berzina", "Berzina"]


def test_a_title_resolves_only_to_a_holder_introduced_before_it():
    text = ("The chancellor said the budget would balance. "
            "The opposition's shadow chancellor, Mara Quist, called the plan reckless.")
    result = find(text)
    quist = by_name(result, "Mara Quist")
    assert "chancellor" not in " ".join(surfaces(text, quist, "title")).lower()
    text2 = ("Chancellor Otto Brenk met bankers. The chancellor said rates were too high. "
             "The shadow chancellor, Mara Quist, disagreed.")
    result2 = find(text2)
    assert surfaces(text2, by_name(result2, "Otto Brenk"), "title") == ["chancellor"]
    assert surfaces(text2, by_name(result2, "Mara Quist"), "title") == []


def test_a_regional_adjective_is_not_the_united_states():
    text = "Latin American ministers met South American diplomats in Quito."
    result = find(text)
    assert "United States" not in names(result)
    assert {"Latin America", "South America"} <= names(result, "place")


def test_a_name_inside_a_quotation_is_not_the_antecedent_of_she():
    text = ("Opposition leader Nadia Oduya accused the government of delay. "
            '"Ask President Jomo Kariuki why he waited," she told reporters.')
    result = find(text)
    she = next(m for m in result.mentions if text[m.start:m.end] == "she")
    assert she.entity_id == by_name(result, "Nadia Oduya").id


def test_a_country_s_unnamed_office_holder_is_a_person():
    text = ("Ghana's ambassador, speaking for the group, said the vote was unfair. "
            '"We were ignored," he said.')
    result = find(text)
    person = by_name(result, "Ghana's ambassador")
    assert person.type == "person"
    he = next(m for m in result.mentions if text[m.start:m.end] == "he")
    assert he.entity_id == person.id


def test_the_bloc_is_the_international_body_named_before():
    text = "The European Union extended its sanctions. The bloc's ministers met in Luxembourg."
    eu = by_name(find(text), "European Union")
    assert "bloc" in surfaces(text, eu)


@pytest.mark.parametrize("text, person, title", [
    ("Minister for Europe Clara Wynn said the UK would act.", "Clara Wynn", "Minister for Europe"),
    ("The envoy met army chief Gen. Omar Bashiri in Jeddah.", "Omar Bashiri", "Army Chief"),
    ("It was signed by Chile's Minister of Mining and Energy, Rosa Ortiz, on Monday.", "Rosa Ortiz",
     "Minister of Mining and Energy"),
    ("Business and Trade Secretary Oliver Grant will travel to Delhi.", "Oliver Grant",
     "Business and Trade Secretary"),
])
def test_posts_written_in_longer_shapes(text, person, title):
    result = find(text)
    by_id = {e.id: e.name for e in result.entities}
    assert (person, title) in {(by_id[p.person_id], p.title) for p in result.positions}
    assert not any(e.type == "person" and "'s" in e.name for e in result.entities)


@pytest.mark.parametrize("text, person, title", [
    ("Chile's High Commissioner in Ottawa, Rosa Ortiz, said the talks went well.", "Rosa Ortiz",
     "High Commissioner"),
    ("Army spokesman Brig. Omar Bashiri denied the report.", "Omar Bashiri", "Spokesman"),
    ("Qatari Foreign Minister Sheikh Hamad Al Thani arrived in Doha.", "Hamad Al Thani", "Foreign Minister"),
])
def test_a_place_or_rank_between_post_and_name(text, person, title):
    result = find(text)
    by_id = {e.id: e.name for e in result.entities}
    assert (person, title) in {(by_id[p.person_id], p.title) for p in result.positions}
