"""The lexicon: what factkit knows before reading, how plugins extend it, and how text is tokenised."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from factkit.analysis.lexicon import Lexicon, _default_data, fold_token, tokenize


@pytest.fixture
def lex() -> Lexicon:
    return Lexicon.default()


def words(text: str) -> list[str]:
    return [t for _, _, t in tokenize(text)]


# -- tokenising ---------------------------------------------------------------
@pytest.mark.parametrize("text, expected", [
    ("Sino-U.S. trade", ["Sino-U.S.", "trade"]),
    ("Norway's envoy", ["Norway", "'s", "envoy"]),
    ("Norway’s envoy", ["Norway", "’s", "envoy"]),
    ("they don't agree", ["they", "don't", "agree"]),
    ("the U.K. said", ["the", "U.K.", "said"]),
    ("Pak Jong-su left", ["Pak", "Jong-su", "left"]),
    ("A. Lindqvist spoke", ["A.", "Lindqvist", "spoke"]),
    ("Mr. Ortega", ["Mr", "Ortega"]),
])
def test_tokenize_keeps_abbreviations_and_splits_possessives(text, expected):
    assert words(text) == expected


@given(st.text(max_size=300))
def test_tokenize_offsets_index_the_text(text):
    last = 0
    for start, end, token in tokenize(text):
        assert last <= start < end <= len(text)
        assert text[start:end] == token
        last = end


def test_fold_token_ignores_case_dots_and_curly_apostrophes():
    assert fold_token("U.S.") == fold_token("us") == "us"
    assert fold_token("’s") == "'s"


# -- lookups ------------------------------------------------------------------
@pytest.mark.parametrize("surface, name, via", [
    ("U.S.", "United States", "alias"),
    ("US", "United States", "alias"),
    ("America", "United States", "alias"),
    ("Washington", "United States", "seat"),
    ("the United States", "United States", "name"),
    ("Norwegian", "Norway", "demonym"),
    ("Oslo", "Norway", "seat"),
    ("NATO", "NATO", "name"),
    ("IMF", "International Monetary Fund", "alias"),
])
def test_lookup_names_the_canonical_entity(lex, surface, name, via):
    entry = lex.lookup(surface)
    assert entry is not None
    assert (entry.name, entry.via) == (name, via)


def test_short_capitals_are_case_sensitive(lex):
    assert lex.lookup("us") is None
    assert lex.lookup("Us") is None
    assert lex.lookup("US") is not None


def test_longer_names_ignore_case(lex):
    entry = lex.lookup("NORWAY")
    assert entry is not None and entry.name == "Norway"


def test_lookup_of_unknown_or_empty_surface_is_none(lex):
    assert lex.lookup("Zemblaland") is None
    assert lex.lookup("") is None


def test_news_agencies_are_known(lex):
    assert lex.is_news_agency("Xinhua")
    assert lex.is_news_agency("Reuters")
    assert not lex.is_news_agency("NATO")
    assert not lex.is_news_agency("Norway")


def test_speech_verbs_and_lemmas(lex):
    assert {"said", "warned"} <= lex.speech_verbs
    assert lex.speech_verb_lemma("warned") == "warn"
    assert lex.speech_verb_lemma("Warned") == "warn"
    assert lex.speech_verb_lemma("ate") is None


def test_titles_honorifics_and_modifiers_are_lowercase(lex):
    assert {"foreign minister", "secretary of state"} <= lex.titles
    assert "mr" in lex.honorifics
    assert "deputy" in lex.modifiers
    assert all(t == t.lower() for t in lex.titles)


def test_name_lists(lex):
    assert lex.is_given_name("Maria")
    assert lex.is_surname_first("Wang")
    assert not lex.is_surname_first("Smith")


# -- extending ------------------------------------------------------------------
def test_add_entity_is_visible_to_lookup_and_scan(lex):
    compiled = lex.compile()
    lex.add_entity("Zembla", "country", aliases=["Republic of Zembla"], demonyms=["Zemblan"])
    assert lex.compile() is not compiled
    assert lex.lookup("Zemblan") is not None and lex.lookup("Zemblan").name == "Zembla"
    entry = lex.lookup("Republic of Zembla")
    assert entry is not None and (entry.type, entry.via) == ("country", "alias")


def test_add_entity_extends_a_known_name(lex):
    lex.add_entity("Norway", "country", aliases=["Kingdom of the North"])
    entry = lex.lookup("Kingdom of the North")
    assert entry is not None and entry.name == "Norway"
    assert lex.lookup("Oslo").name == "Norway"


@pytest.mark.parametrize("name, type_", [("Zembla", "galaxy"), ("  ", "country")])
def test_add_entity_rejects_bad_input(lex, name, type_):
    with pytest.raises(ValueError):
        lex.add_entity(name, type_)


def test_add_titles_and_speech_verbs(lex):
    lex.add_titles(["Grand Vizier"])
    lex.add_speech_verbs(["grumbled", "grumbles"], lemma="grumble")
    lex.add_speech_verbs(["opined"])
    assert "grand vizier" in lex.titles
    assert lex.speech_verb_lemma("grumbled") == "grumble"
    assert lex.speech_verb_lemma("opined") == "opined"
    compiled = lex.compile()
    assert compiled.match_title(["grand", "vizier", "x"], 0, 3) == 2
    assert "grumbled" in compiled.speech_verbs


def test_each_default_lexicon_is_independent():
    first, second = Lexicon.default(), Lexicon.default()
    first.add_entity("Zembla", "country")
    first.add_titles(["Grand Vizier"])
    assert second.lookup("Zembla") is None
    assert "grand vizier" not in second.titles


def test_package_data_is_parsed_once():
    Lexicon.default()
    before = _default_data.cache_info()
    Lexicon.default()
    after = _default_data.cache_info()
    assert after.misses == before.misses and after.hits == before.hits + 1


def test_compile_is_cached_until_a_change(lex):
    assert lex.compile() is lex.compile()
    assert lex.freeze() is lex.compile()


def test_what_a_lexicon_remembers_follows_every_change():
    """Word sets and lookups are cached per lexicon; teaching it something must show at once."""
    lex = Lexicon.default()
    assert "blorted" not in lex.speech_verbs and "grand vizier" not in lex.titles
    assert lex.lookup("Zemblania") is None
    lex.add_speech_verbs(["blorted"], lemma="blort")
    lex.add_titles(["Grand Vizier"])
    lex.add_entity("Zemblania", "country")
    assert "blorted" in lex.speech_verbs and "grand vizier" in lex.titles
    entry = lex.lookup("Zemblania")
    assert entry is not None and entry.name == "Zemblania"
