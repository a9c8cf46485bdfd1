"""Speech cues and the complements they take.

The analysis' lexicon says *which* words are speech verbs (plugins extend it);
this table says *how* each verb reports speech, so the parser knows where the
reported words are: "said" takes any clause, "urged" an addressee and an
infinitive, "accused" an object and an "of" phrase, "added" a clause only when
one really follows ("added five firms to the list" is not speech). A verb the
lexicon knows but this table does not is treated conservatively: explicit
"that", a finite clause, a quote, or a trailing attribution.
"""

from __future__ import annotations

from dataclasses import dataclass

# complement kinds
THAT = "that"      # explicit that-clause
CLAUSE = "clause"  # bare clause, accepted when it looks finite
ANY = "any"        # whatever follows is the reported content ("said")
OBJ = "obj"        # a noun phrase object is the content ("called for talks")
TO = "to"          # infinitive ("pledged to cut taxes")
ADDR = "addr"      # an addressee may follow the verb ("told reporters", "warned Lima")
ADDR_TO = "addr_to"  # addressee + infinitive ("urged Ottawa to drop")
OF = "of"          # object + "of" ("accused Lima of ...")
FOR = "for"        # object + "for" ("blamed X for ...")
AS = "as"          # object + "as" ("described it as ...")
TRAIL = "trail"    # may follow its content ("..., the agency said")
NEED_ADDR = "need_addr"  # the addressee is obligatory ("told")


@dataclass(frozen=True, slots=True)
class Frame:
    lemma: str
    takes: frozenset[str]
    preps: tuple[str, ...] = ()  # prepositions introducing the content ("warned against")


def _f(lemma: str, *takes: str, preps: tuple[str, ...] = ()) -> Frame:
    return Frame(lemma, frozenset(takes), preps)


_SAYLIKE = (THAT, CLAUSE, TRAIL)
FRAMES: dict[str, Frame] = {f.lemma: f for f in (
    _f("say", ANY, THAT, TRAIL),
    _f("tell", ADDR, NEED_ADDR, ANY, THAT, ADDR_TO, TRAIL),
    _f("state", *_SAYLIKE),
    _f("add", *_SAYLIKE),
    _f("note", *_SAYLIKE),
    _f("comment", THAT, TRAIL),
    _f("declare", *_SAYLIKE),
    _f("announce", *_SAYLIKE),
    _f("assert", *_SAYLIKE),
    _f("affirm", *_SAYLIKE),
    _f("reaffirm", *_SAYLIKE, OBJ),
    _f("confirm", *_SAYLIKE),
    _f("insist", *_SAYLIKE, preps=("on",)),
    _f("claim", *_SAYLIKE),
    _f("argue", *_SAYLIKE),
    _f("explain", *_SAYLIKE),
    _f("stress", *_SAYLIKE, OBJ),
    _f("emphasize", *_SAYLIKE, OBJ),
    _f("emphasise", *_SAYLIKE, OBJ),
    _f("underline", *_SAYLIKE, OBJ),
    _f("underscore", *_SAYLIKE, OBJ),
    _f("reiterate", *_SAYLIKE, OBJ),
    _f("repeat", *_SAYLIKE),
    _f("reveal", *_SAYLIKE),
    _f("disclose", *_SAYLIKE),
    _f("report", *_SAYLIKE),
    _f("predict", *_SAYLIKE),
    _f("forecast", *_SAYLIKE),
    _f("acknowledge", *_SAYLIKE, OBJ),
    _f("admit", *_SAYLIKE),
    _f("concede", *_SAYLIKE),
    _f("deny", *_SAYLIKE),
    _f("allege", *_SAYLIKE),
    _f("charge", THAT, TRAIL),
    _f("contend", *_SAYLIKE),
    _f("maintain", THAT, TRAIL),
    _f("observe", THAT, TRAIL),
    _f("remark", THAT, TRAIL),
    _f("write", THAT, TRAIL),
    _f("tweet", *_SAYLIKE),
    _f("post", THAT, TRAIL),
    _f("respond", THAT, TRAIL),
    _f("reply", THAT, TRAIL),
    _f("retort", THAT, TRAIL),
    _f("counter", THAT, TRAIL),
    _f("suggest", *_SAYLIKE),
    _f("indicate", THAT),
    _f("recall", THAT, TRAIL),
    _f("complain", *_SAYLIKE, preps=("about", "of")),
    _f("caution", *_SAYLIKE, ADDR, preps=("against",)),
    _f("warn", *_SAYLIKE, ADDR, ADDR_TO, preps=("against", "of", "about")),
    _f("urge", ADDR_TO, THAT, OBJ, TRAIL),
    _f("ask", ADDR_TO, THAT, TRAIL),
    _f("request", OBJ, THAT),
    _f("demand", OBJ, THAT, TRAIL),
    _f("press", ADDR_TO),
    _f("encourage", ADDR_TO),
    _f("pledge", TO, THAT, CLAUSE, OBJ),
    _f("promise", TO, THAT, CLAUSE, ADDR),
    _f("vow", TO, THAT, CLAUSE),
    _f("threaten", TO),
    _f("propose", THAT, TO),
    _f("recommend", THAT, OBJ),
    _f("accuse", OF),
    _f("blame", FOR),
    _f("condemn", OBJ),
    _f("denounce", OBJ),
    _f("criticize", OBJ),
    _f("criticise", OBJ),
    _f("deplore", OBJ),
    _f("praise", OBJ),
    _f("hail", OBJ),
    _f("welcome", OBJ),
    _f("applaud", OBJ),
    _f("describe", AS),
    _f("dismiss", AS),
    _f("brand", AS),
    _f("label", AS),
    _f("inform", ADDR, NEED_ADDR, THAT),
    _f("notify", ADDR, NEED_ADDR, THAT),
    _f("assure", ADDR, THAT, CLAUSE),
    _f("reassure", ADDR, NEED_ADDR, THAT),
    _f("remind", ADDR, NEED_ADDR, THAT),
    _f("advise", ADDR, THAT, ADDR_TO),
    _f("read", TRAIL),
    _f("speak", THAT, preps=("of", "about")),  # "spoke by phone", "spoke to reporters" are not speech content
    # multiword cues (their lemma is the phrase)
    _f("call", OBJ),
    _f("call on", ADDR_TO),
    _f("call for", OBJ),
    _f("appeal to", ADDR_TO),
    _f("appeal for", OBJ),
    _f("ask for", OBJ),
    _f("press for", OBJ),
    _f("point out", THAT, CLAUSE, TRAIL),
    _f("make clear", THAT),
    _f("express", OBJ, THAT),
    _f("raise", OBJ, THAT),
    _f("quote as saying", ANY, THAT),
    _f("according to", ANY),
)}

DEFAULT_FRAME = Frame("", frozenset(_SAYLIKE))

# Irregular and consonant-doubling inflections; everything else follows the regular rules.
_IRREGULAR: dict[str, tuple[str, ...]] = {
    "say": ("say", "says", "said", "saying"),
    "tell": ("tell", "tells", "told", "telling"),
    "write": ("write", "writes", "wrote", "written", "writing"),
    "read": ("read", "reads", "reading"),
    "admit": ("admit", "admits", "admitted", "admitting"),
    "retort": ("retort", "retorts", "retorted", "retorting"),
    "make": ("make", "makes", "made", "making"),
}


def inflections(lemma: str) -> tuple[str, ...]:
    """Base, third person, past and -ing forms of a one-word lemma."""
    if lemma in _IRREGULAR:
        return _IRREGULAR[lemma]
    if lemma.endswith("e"):
        return lemma, lemma + "s", lemma + "d", lemma[:-1] + "ing"
    if lemma.endswith("y") and lemma[-2:-1] not in "aeiou":
        return lemma, lemma[:-1] + "ies", lemma[:-1] + "ied", lemma + "ing"
    if lemma.endswith(("s", "sh", "ch", "x", "z")):
        return lemma, lemma + "es", lemma + "ed", lemma + "ing"
    return lemma, lemma + "s", lemma + "ed", lemma + "ing"


FORMS: dict[str, str] = {}
for _lemma in FRAMES:
    if " " not in _lemma:
        for _form in inflections(_lemma):
            FORMS.setdefault(_form, _lemma)
# first words of multiword cues ("called on", "pointed out", "made clear", "expressed concern")
for _lemma in ("call", "appeal", "point", "make", "express", "raise", "voice", "press", "ask"):
    for _form in inflections(_lemma):
        FORMS.setdefault(_form, _lemma)

# Nouns after "expressed/voiced/raised" that make the phrase a speech cue.
STANCE_NOUNS = frozenset("""concern concerns hope hopes regret regrets support opposition conviction belief
confidence satisfaction dissatisfaction worry worries doubt doubts alarm dismay disappointment
frustration gratitude appreciation condolences sympathy admiration objection objections reservations
optimism pessimism willingness readiness determination commitment displeasure anger outrage
solidarity fears fear""".split())
STANCE_VERBS = frozenset(("express", "voice", "raise"))
