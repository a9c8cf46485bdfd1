"""The stdlib-``re`` fast paths for pure-ASCII sentences tokenise exactly as the Unicode patterns do."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from factkit.analysis import lexicon
from factkit.extractors import _events
from factkit.extractors.statements import tokens

# characters the patterns treat specially, weighted up against plain letters
_TRICKY = "'`-&./,:\"sS \t\n\x0b\x0c\r\x1c\x1f"
_ASCII = st.text(st.one_of(st.characters(max_codepoint=127), st.sampled_from(_TRICKY),
                           st.sampled_from("aZ09")), max_size=60)


@settings(max_examples=2000, deadline=None)
@given(_ASCII, st.integers(0, 60), st.integers(0, 60))
def test_statement_tokens_of_ascii_text_match_the_unicode_pattern(text, a, b):
    a, b = min(a, b, len(text)), min(max(a, b), len(text))
    fast = [m.span() for m in tokens.ASCII_TOKEN_RE.finditer(text, a, b)]
    full = [m.span() for m in tokens.TOKEN_RE.finditer(text, a, b)]
    assert fast == full


@settings(max_examples=2000, deadline=None)
@given(_ASCII)
def test_event_tokens_of_ascii_text_match_the_unicode_pattern(text):
    assert [m.span() for m in _events._ASCII_TOKEN.finditer(text)] == \
        [m.span() for m in _events._TOKEN.finditer(text)]


def test_the_two_patterns_differ_where_only_unicode_letters_count():
    """A guard that the comparison above compares something: non-ASCII is the Unicode pattern's job."""
    assert [m.group() for m in tokens.TOKEN_RE.finditer("Müller said")] == ["Müller", "said"]
    assert [m.group() for m in tokens.ASCII_TOKEN_RE.finditer("Müller said")] != ["Müller", "said"]


_ASCII_WORDS = st.text(st.one_of(st.characters(max_codepoint=127), st.sampled_from(_TRICKY + "’´“”—\xa0\u2003"),
                                 st.sampled_from("aZ09.")), max_size=60)


@settings(max_examples=2000, deadline=None)
@given(_ASCII_WORDS)
def test_lexicon_tokens_of_ascii_words_match_the_unicode_pattern(text):
    """The analysis' fast split applies whenever letters and digits are ASCII (quotes, dashes may not be)."""
    assert lexicon._ascii_words(text)
    assert lexicon._ASCII_TOKEN_SPLIT.split(text) == lexicon._TOKEN_SPLIT.split(text)
