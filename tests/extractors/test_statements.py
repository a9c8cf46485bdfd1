"""Statements: who said what (direct, mixed, reported), to whom, on whose authority, and when."""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from factkit.analysis import Analyzer
from factkit.analysis.document import AnalysedDocument
from factkit.analysis.lexicon import Lexicon
from factkit.analysis.model import Sentence
from factkit.extractor import Extractor
from factkit.extractors import statements
from factkit.extractors.statements.quotes import find_quotes
from factkit.schema import Statement

PUBLISHED = date(2024, 3, 9)  # a Saturday: "on Friday" is 2024-03-08


@pytest.fixture(scope="module")
def analyzer() -> Analyzer:
    return Analyzer(Lexicon.default())


def run(analyzer: Analyzer, text: str, published: date | None = PUBLISHED) -> list[Statement]:
    doc = analyzer.analyse(text, published=published)
    out = list(statements.extract(doc))
    for s in out:
        assert isinstance(s, Statement)
        spans = [*s.evidence] + [r.span for r in (s.speaker, s.addressee, s.source) if r and r.span]
        spans += [s.date.span] if s.date and s.date.span else []
        for span in spans:
            assert text[span.start:span.end] == span.text
    return out


def one(analyzer: Analyzer, text: str) -> Statement:
    out = run(analyzer, text)
    assert len(out) == 1, [(s.cue, s.content) for s in out]
    return out[0]


def speaker_name(analyzer: Analyzer, text: str, statement: Statement) -> str | None:
    """The canonical name of the speaker's entity (what a consumer reads), else its surface text."""
    doc = analyzer.analyse(text, published=PUBLISHED)
    ref = statement.speaker
    assert ref is not None
    if ref.entity is None:
        return ref.text
    return doc.entity(ref.entity).name


# -- direct quotes ---------------------------------------------------------------
def test_quote_then_attribution(analyzer):
    text = ('"We will not accept new tariffs on our timber," Finnish Trade Minister Aino Virtanen '
            'said on Friday.')
    s = one(analyzer, text)
    assert s.kind == "direct"
    assert s.cue == "said"
    assert s.content == "We will not accept new tariffs on our timber"
    assert "Virtanen" in s.speaker.text and s.speaker.entity is not None
    assert s.date is not None and s.date.value == "2024-03-08"
    assert s.confidence >= 0.85


def test_attribution_then_colon_quote(analyzer):
    text = 'Virtanen said: "The talks in Helsinki were difficult but useful."'
    s = one(analyzer, text)
    assert (s.kind, s.cue, s.speaker.text) == ("direct", "said", "Virtanen")
    assert s.content.startswith("The talks in Helsinki were difficult but useful")


def test_inverted_attribution_with_adding(analyzer):
    text = ('"The door remains open," said Norwegian envoy Lars Berg, adding "we expect an answer '
            'from the council by May."')
    out = run(analyzer, text)
    assert [(s.cue, s.kind) for s in out] == [("said", "direct"), ("adding", "direct")]
    assert out[0].content == "The door remains open"
    assert out[1].content.startswith("we expect an answer from the council by May")
    assert all("Berg" in s.speaker.text for s in out)


def test_attribution_inside_a_quote_joins_both_halves(analyzer):
    text = ('"Our fishermen are suffering," Berg said, "and the government in Oslo must act before '
            'the summer season."')
    s = one(analyzer, text)
    assert s.kind == "direct" and s.cue == "said"
    assert s.content.startswith("Our fishermen are suffering")
    assert "must act before the summer season" in s.content


def test_quote_running_over_sentences(analyzer):
    text = ('"The harvest failed in the north. Prices will rise in every market we serve," '
            'cooperative director Ines Duarte said.')
    s = one(analyzer, text)
    assert s.kind == "direct"
    assert s.content.startswith("The harvest failed in the north.")
    assert s.content.endswith("every market we serve")
    assert s.evidence[0].start == 0


def test_quote_continued_in_next_paragraph(analyzer):
    text = ('Duarte spoke at length about the drought.\n\n'
            'Duarte said: "The harvest failed in the north and the rivers are low.\n\n'
            '"We need help from the capital before the winter comes."\n\n'
            'The cooperative has 400 members.')
    s = one(analyzer, text)
    assert s.kind == "direct"
    assert "rivers are low" in s.content and "before the winter comes" in s.content


def test_nested_single_quotes_stay_inside_the_quotation(analyzer):
    text = ('"He told us \'never again\' and we believed him," the farmer Rui Costa said.')
    s = one(analyzer, text)
    assert s.kind == "direct"
    assert "'never again'" in s.content
    assert s.content.endswith("we believed him")


def test_quote_signed_with_a_dash(analyzer):
    text = 'The union posted a short message.\n\n"We will strike until the mines reopen." — Aino Virtanen'
    s = one(analyzer, text)
    assert s.kind == "direct"
    assert s.content.startswith("We will strike until the mines reopen")
    assert "Virtanen" in s.speaker.text


def test_unattributed_quote_after_a_statement_continues_it(analyzer):
    text = ('"Our ports are open," the minister Lars Berg told reporters. "Every ship is welcome here."')
    out = run(analyzer, text)
    assert [s.content for s in out] == ["Our ports are open", "Every ship is welcome here."]
    assert out[1].speaker.text == out[0].speaker.text


# -- mixed -----------------------------------------------------------------------
def test_paraphrase_with_quoted_fragments_is_mixed(analyzer):
    text = ('Brazilian President Luiz Inacio Lula da Silva warned that building "artificial barriers" '
            'around markets would hurt poor countries.')
    s = one(analyzer, text)
    assert s.kind == "mixed" and s.cue == "warned"
    assert s.content == 'building "artificial barriers" around markets would hurt poor countries'
    assert speaker_name(analyzer, text, s) == "Luiz Inacio Lula da Silva"


def test_quoted_words_a_speaker_used_make_a_mixed_statement(analyzer):
    text = 'Critics of the new levy call it "a disaster for the coast".'
    s = one(analyzer, text)
    assert s.kind == "mixed"
    assert s.speaker.text == "Critics of the new levy"


# -- reported speech ---------------------------------------------------------------
def test_said_that(analyzer):
    text = "Chilean Finance Minister Mario Marcel said that copper exports would recover next year."
    s = one(analyzer, text)
    assert (s.kind, s.cue) == ("indirect", "said")
    assert s.content == "copper exports would recover next year"
    assert speaker_name(analyzer, text, s) == "Mario Marcel"


def test_sentence_final_attribution(analyzer):
    text = "Copper exports will recover next year, the Chilean finance ministry said on Friday."
    s = one(analyzer, text)
    assert s.content == "Copper exports will recover next year"
    assert "ministry" in s.speaker.text
    assert s.date is not None and s.date.value == "2024-03-08"


def test_inverted_reported_speech(analyzer):
    text = "Copper exports will recover next year, said the Chilean finance ministry."
    s = one(analyzer, text)
    assert s.content == "Copper exports will recover next year"
    assert s.speaker.text == "the Chilean finance ministry"


def test_present_perfect_cue_is_reported_as_written(analyzer):
    text = "The Kenyan president has stated that the port of Mombasa will stay in public hands."
    s = one(analyzer, text)
    assert s.cue == "has stated"
    assert s.content == "the port of Mombasa will stay in public hands"


def test_urged_takes_an_addressee_and_an_infinitive(analyzer):
    text = "Indonesian Foreign Minister Retno Marsudi urged Australia to resume talks on the fishing treaty."
    s = one(analyzer, text)
    assert (s.cue, s.kind) == ("urged", "indirect")
    assert s.content == "to resume talks on the fishing treaty"
    assert s.addressee is not None and s.addressee.text == "Australia"


def test_called_on(analyzer):
    text = "Marsudi called on the European Union to drop its palm oil rules."
    s = one(analyzer, text)
    assert s.cue == "called on"
    assert s.addressee.text == "the European Union"
    assert s.content == "to drop its palm oil rules"


def test_called_for(analyzer):
    text = "The Indonesian government called for an independent review of the palm oil rules."
    s = one(analyzer, text)
    assert s.cue == "called for"
    assert s.content == "an independent review of the palm oil rules"


def test_warned_addressee_that(analyzer):
    text = "Marsudi warned Canberra on Tuesday that any new quota would damage relations."
    s = one(analyzer, text)
    assert s.cue == "warned"
    assert s.addressee.text == "Canberra"
    assert s.content == "any new quota would damage relations"
    assert s.date is not None and s.date.value == "2024-03-05"


def test_warned_against(analyzer):
    text = "Marsudi warned against turning the fishing dispute into a trade war."
    s = one(analyzer, text)
    assert s.cue == "warned"
    assert s.content == "turning the fishing dispute into a trade war"


def test_told_addressee_without_that(analyzer):
    text = "Marcel told the Senate budget committee the deficit would narrow in 2025."
    s = one(analyzer, text)
    assert s.cue == "told"
    assert s.addressee.text == "the Senate budget committee"
    assert s.content == "the deficit would narrow in 2025"


def test_expressed_concerns_about(analyzer):
    text = "Marsudi expressed concerns about the safety of Indonesian crews in the region."
    s = one(analyzer, text)
    assert s.cue == "expressed concerns"
    assert s.content == "the safety of Indonesian crews in the region"


def test_stressed_the_importance_of(analyzer):
    text = "Marsudi stressed the importance of open sea lanes in the Indian Ocean."
    s = one(analyzer, text)
    assert s.cue == "stressed"
    assert s.content == "the importance of open sea lanes in the Indian Ocean"


def test_accused_object_of(analyzer):
    text = "Jakarta has accused Canberra of blocking the fishing deal."
    s = one(analyzer, text)
    assert s.cue == "has accused"
    assert s.content == "Canberra of blocking the fishing deal"


def test_coordinated_speech_verbs_share_the_speaker(analyzer):
    text = ("Marsudi warned against new quotas and called on Australia to reopen the "
            "fishing grounds.")
    out = run(analyzer, text)
    assert [s.cue for s in out] == ["warned", "called on"]
    assert out[0].content == "new quotas"
    assert out[1].content == "to reopen the fishing grounds"
    assert out[1].speaker.entity == out[0].speaker.entity


def test_participle_adding_is_a_second_statement(analyzer):
    text = ("The Kenyan Treasury said revenue rose 8 percent in the first quarter, adding that "
            "the deficit target would be met.")
    out = run(analyzer, text)
    assert [(s.cue, s.content) for s in out] == [
        ("said", "revenue rose 8 percent in the first quarter"),
        ("adding", "the deficit target would be met"),
    ]


def test_parenthetical_subject(analyzer):
    text = ("Ines Duarte, director of the northern cooperative, said the harvest had failed "
            "for the second year.")
    s = one(analyzer, text)
    assert s.speaker.text == "Ines Duarte"
    assert s.content == "the harvest had failed for the second year"


def test_documents_speak_for_their_issuer(analyzer):
    text = ("The Kenyan Treasury's statement said revenue rose 8 percent. "
            "A statement issued by the Kenyan Treasury said the deficit would narrow.")
    out = run(analyzer, text)
    assert len(out) == 2
    assert all("Treasury" in s.speaker.text for s in out)
    assert all("statement" not in s.speaker.text for s in out)


def test_pronoun_speaker_is_resolved(analyzer):
    text = ("Chilean Finance Minister Mario Marcel met bankers in Santiago. "
            "He said the peso would stay stable.")
    s = one(analyzer, text)
    assert s.speaker.text == "He"
    assert speaker_name(analyzer, text, s) == "Mario Marcel"


def test_unresolved_pronoun_speaker_lowers_confidence(analyzer):
    s = one(analyzer, "She said the peso would stay stable.")
    assert s.speaker.text == "She" and s.speaker.entity is None
    assert s.confidence < 0.6


def test_joint_speakers_are_one_statement_by_the_first(analyzer):
    text = "Marsudi and Marcel said the two countries would sign a trade pact in June."
    s = one(analyzer, text)
    assert s.speaker.text == "Marsudi"
    assert s.content == "the two countries would sign a trade pact in June"


def test_one_statement_per_speech_act(analyzer):
    text = "Marcel said the peso would stay stable and added that inflation would ease."
    out = run(analyzer, text)
    assert [s.cue for s in out] == ["said", "added"]
    assert len({s.content for s in out}) == 2


def test_anonymous_sources_keep_their_description(analyzer):
    text = "The merger could be announced next week, a person familiar with the plans said."
    s = one(analyzer, text)
    assert s.speaker.text == "person familiar with the plans"
    assert s.content == "The merger could be announced next week"


def test_speaker_phrase_with_prepositional_complements(analyzer):
    text = "Analysts at the Bureau of Statistics expect exports to rise, said the bureau's director."
    s = one(analyzer, text)
    assert s.cue == "said" and s.speaker.text == "the bureau's director"


def test_told_an_audience_that(analyzer):
    text = "Marcel told a rally in Valparaiso on Sunday that pensions would rise."
    s = one(analyzer, text)
    assert s.addressee.text == "rally"
    assert s.content == "pensions would rise"
    assert s.date is not None and s.date.value == "2024-03-03"


def test_wire_dateline_is_not_part_of_the_content(analyzer):
    text = "LIMA, March 8 (Reuters) - Peru will cut fuel taxes next month, the economy ministry said."
    s = one(analyzer, text)
    assert s.content == "Peru will cut fuel taxes next month"


def test_dismissed_as(analyzer):
    text = 'Opposition leader Ana Ruiz dismissed the budget as "pure fantasy" and called for a new vote.'
    out = run(analyzer, text)
    assert [(s.cue, s.kind) for s in out] == [("dismissed", "mixed"), ("called for", "indirect")]
    assert out[0].content == 'the budget as "pure fantasy"'


def test_evidence_is_the_sentence(analyzer):
    text = "Prices rose in May. Marcel said the peso would stay stable. Markets were calm."
    s = one(analyzer, text)
    assert s.evidence[0].text == "Marcel said the peso would stay stable."


def test_headline_repeating_the_body_adds_evidence(analyzer):
    text = ("Marcel says peso will stay stable\n\n"
            "Chilean Finance Minister Mario Marcel said on Friday that the peso would stay stable.\n")
    s = one(analyzer, text)
    assert s.content == "the peso would stay stable"
    assert len(s.evidence) == 2


# -- according to, sources, nested reports --------------------------------------------
def test_according_to_a_body_is_its_statement(analyzer):
    text = "According to the Kenyan Treasury, revenue rose 8 percent in the first quarter."
    s = one(analyzer, text)
    assert s.cue == "According to"
    assert s.content == "revenue rose 8 percent in the first quarter"
    assert "Treasury" in s.speaker.text


def test_according_to_an_agency_with_another_speaker_is_the_source(analyzer):
    text = "According to Xinhua, Premier Li Qiang called for closer ties with Brazil."
    s = one(analyzer, text)
    assert s.cue == "called for"
    assert "Li Qiang" in s.speaker.text
    assert s.source is not None and s.source.text == "Xinhua"


def test_trailing_according_to_is_the_source(analyzer):
    text = ("Marcel told bankers the peso would stay stable, according to the finance ministry's "
            "statement.")
    s = one(analyzer, text)
    assert s.cue == "told"
    assert s.source is not None and "finance ministry" in s.source.text


def test_reported_speech_inside_reported_speech(analyzer):
    text = "Officials said Marsudi urged Australia to reopen the fishing grounds."
    s = one(analyzer, text)
    assert s.cue == "urged"
    assert s.speaker.text == "Marsudi"
    assert s.source is not None and s.source.text == "Officials"


def test_a_named_person_reporting_what_a_country_promised_is_the_statement(analyzer):
    text = "Chilean Finance Minister Mario Marcel said Peru had promised to reopen the border."
    s = one(analyzer, text)
    assert s.cue == "said"
    assert s.content == "Peru had promised to reopen the border"


def test_quote_reported_by_an_agency(analyzer):
    text = '"We are ready to talk," Marcel said, the AP reported.'
    s = one(analyzer, text)
    assert s.kind == "direct" and s.speaker.text == "Marcel"
    assert s.source is not None and s.source.text == "the AP"


@pytest.mark.parametrize("data", ["polls", "official figures", "the latest survey", "estimates"])
def test_attributions_to_data_are_not_statements(analyzer, data):
    assert run(analyzer, f"According to {data}, most voters oppose the new fishing quota.") == []


# -- not statements ------------------------------------------------------------------
@pytest.mark.parametrize("text", [
    'The two ministers held a "candid and constructive" discussion in Oslo.',
    'She starred in the film "Silent River" last year.',
    'The so-called "salmon tax" was introduced in 2023.',
    "Police were told the boat sank near Bodo.",
    "It is said that the fjords are the most beautiful in the world.",
    "The government has not said whether it will change the tax.",
    "Fisheries Minister Per Olsen declined to comment on the report.",
    "The company added five new routes to its winter schedule.",
    "The country maintains close relations with its neighbours.",
    "The foreign ministers of the member states agreed to meet again in May.",
])
def test_not_statements(analyzer, text):
    assert run(analyzer, text) == []


def test_page_junk_yields_nothing(analyzer):
    text = ("Marcel said the peso would stay stable.\n\n"
            "You might also like\n"
            "- Minister says exports will double next year\n"
            "- Central bank chief warns of slower growth\n")
    out = run(analyzer, text)
    assert [s.content for s in out] == ["the peso would stay stable"]


def test_headline_in_capitals_is_skipped(analyzer):
    text = ("KENYA SAYS DEFICIT WILL NARROW\n"
            "NAIROBI, March 8 - The Kenyan Treasury said the deficit would narrow next year.\n")
    out = run(analyzer, text)
    assert [s.content for s in out] == ["the deficit would narrow next year"]


# -- robustness -----------------------------------------------------------------------
@pytest.mark.parametrize("text", [
    '"', '""', '“', '”', '" said', 'He said "', 'said "a', '"a" "b" "c', "'", "‘x’ ’", "`` a ''",
    '"We will, "he said," be there', '“unclosed\n\n“still open\n\nplain', 'According to', 'said, said.',
    "Marcel said on Friday", "B sAID ON Friday", "Marcel told", "Ruiz urged Lima to", "according to the",
])
def test_unbalanced_quotes_never_raise(analyzer, text):
    run(analyzer, text)


def test_quote_scanner_pairs_curly_and_straight_marks():
    text = 'A "b c" d “e f” g «h» i'
    quotes = find_quotes(text, [(0, len(text))])
    assert [q.content(text) for q in quotes] == ["b c", "e f", "h"]


def test_quote_scanner_keeps_inner_straight_quotes_nested():
    text = '"We went from "none" to "some" now," he said.'
    quotes = find_quotes(text, [(0, len(text))])
    assert len(quotes) == 1
    assert quotes[0].content(text) == 'We went from "none" to "some" now,'


def test_works_on_a_hand_built_document():
    """The extractor reads only the analysed document: a minimal one is enough."""
    text = 'Prices will rise, the bank said.'
    doc = AnalysedDocument(text=text, published=None, doc_id=None, lexicon=Lexicon(),
                           sentences=[Sentence(0, 0, len(text), 0)])
    out = list(statements.extract(doc))
    assert [(s.speaker.text, s.content) for s in out] == [("the bank", "Prices will rise")]


def test_registers_one_extractor():
    got: list[Extractor] = []
    statements.register_extractors(got.append)
    assert [(e.name, e.produces) for e in got] == [("statements", ("statement",))]


NEWSY = st.sampled_from([
    "Wang ", "said ", "told ", "urged ", "the ministry ", "according to ", "Xinhua ", ", ", ". ", '"',
    "“", "”", "'", "‘", "’", ": ", "\n\n", "that ", "to ", "lift ", "sanctions ", "he ", "added ",
    "on Friday ", "ON Friday ", "— ", "called on ", "expressed concerns about ", "(", ")", "``", "''",
    "SAID ", "a statement ", "'s ", "quoted as saying ", "familiar with ", "in a statement ",
])


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.one_of(st.text(), st.lists(st.one_of(NEWSY, st.text(max_size=4)), max_size=40).map("".join)),
       st.sampled_from([None, PUBLISHED]))
def test_never_raises_and_spans_are_exact(analyzer, text, published):
    for s in run(analyzer, text, published):
        assert s.content and s.cue
        assert s.kind in ("direct", "mixed", "indirect")
        assert 0.0 <= s.confidence <= 1.0


@pytest.mark.parametrize("text", [
    '"We signed a truce with people who cannot keep it," the chief negotiator, Ana Ruiz, said on Friday.',
    '"We signed a truce with people who cannot keep it," Ana Ruiz, the chief negotiator, said.',
])
def test_quote_then_appositive_speaker(analyzer, text):
    s = one(analyzer, text)
    assert s.kind == "direct"
    assert s.content == "We signed a truce with people who cannot keep it"
    assert speaker_name(analyzer, text, s) == "Ana Ruiz"


def test_colon_closing_a_paragraph_opens_the_quotation_below(analyzer):
    text = ('Trade Minister Aino Virtanen said:\n\n"The talks were hard. We kept our promises.\n\n'
            '"We will return in May."\n\nThe ministry gave no details.')
    s = one(analyzer, text)
    assert s.kind == "direct"
    assert s.content.startswith("The talks were hard. We kept our promises.")
    assert "Virtanen" in s.speaker.text


def test_a_name_after_and_starts_a_new_speech_clause(analyzer):
    text = ("Ties soured when Oslo accused Moscow of violating its airspace dozens of times and "
            "Lavrentiev warned that planes would keep flying.")
    found = {(s.cue, " ".join(s.content.split())) for s in run(analyzer, text)}
    assert ("warned", "planes would keep flying") in found
    assert ("accused", "Moscow of violating its airspace dozens of times") in found


def test_speaker_phrase_leaves_out_its_place_and_participle(analyzer):
    s = one(analyzer, "Talks will resume in May, a Danish ministry spokesman in Copenhagen said.")
    assert s.speaker.text == "Danish ministry spokesman"
    text = ("The two sides agreed to cut tariffs, according to a joint communique issued after the talks.")
    s = one(analyzer, text)
    assert s.speaker.text == "joint communique"


def test_a_phone_conversation_is_no_statement(analyzer):
    assert run(analyzer, "LIMA (Wire) - Chilean President Ana Soto and Peruvian President Luis Paz spoke by "
                         "telephone on Friday.") == []


def test_she_is_not_the_person_her_words_report_on(analyzer):
    text = ("A commission spokeswoman, Maria Costa, said the rules were fair. "
            "The trade commissioner, Jonas Berg, is due to visit Lima next month, she said.")
    said = run(analyzer, text)
    assert [speaker_name(analyzer, text, s) for s in said] == ["Maria Costa", "Maria Costa"]


def test_modifiers_sharing_one_plural_head_speak_together(analyzer):
    s = one(analyzer, "The truce was signed on Sunday, Qatari and Egyptian mediators said.")
    assert s.speaker.text == "Qatari and Egyptian mediators"


def test_a_place_after_the_addressee_is_not_what_was_said(analyzer):
    text = ('"We are not going anywhere," dock union leader Rosa Quintero told reporters outside the '
            'port gates. "The strike goes on."')
    got = run(analyzer, text)
    assert [(s.kind, s.speaker.text, s.addressee.text, s.content) for s in got] == [
        ("direct", "dock union leader Rosa Quintero", "reporters", "We are not going anywhere"),
        ("direct", "dock union leader Rosa Quintero", "reporters", "The strike goes on."),
    ]


def test_a_multiword_addressee_before_that(analyzer):
    s = one(analyzer, "Mayor Ines Castro told a local radio station that the bridge would reopen in May.")
    assert s.addressee is not None and s.addressee.text == "local radio station"
    assert s.content == "the bridge would reopen in May"
