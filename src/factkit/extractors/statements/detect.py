"""Find the speech cues of a sentence: speech verbs, multiword cues, and "according to".

The lexicon says which words are speech verbs; this module decides which
occurrences report speech. Nominal uses ("the statement", "media reports
said"), passives ("was told"), infinitives ("declined to comment"), modal or
negated uses ("would not say") and capitalised words inside names ("Secretary
of State") are not cues. Multiword cues are read as one: "called on",
"called for", "pointed out", "made clear", "expressed concern", "quoted as
saying".
"""

from __future__ import annotations

from . import cues as C
from . import words as W
from .records import Cue
from .sentence import SentenceView

WINDOW = 6
_POSSESSIVES = frozenset(("his", "her", "its", "their", "our", "'s"))
_MODALS = frozenset(("would", "could", "might", "may", "will", "should", "must", "can", "shall", "cannot"))
_NEGATIONS = frozenset(("not", "n't", "never"))
_PERFECT = frozenset(("has", "have", "had"))
_GERUND_LEADS = frozenset(("after", "before", "by", "while", "when"))


def find_cues(view: SentenceView) -> list[Cue]:
    """Cues in token order; also records them in ``view.cue_at`` for the phrase walks."""
    toks, n = view.toks, view.n
    found: list[Cue] = []
    after = 0  # a cue's own words open no other cue
    for i in view.candidates:  # no other word can open a cue
        if i < after or view.inside[i]:
            continue
        cue = _cue_at(view, i)
        if cue is not None:
            found.append(cue)
            after = cue.j
    for c in found:
        view.cue_at[c.i] = c
    out = []
    for c in found:  # a speech word right before a speech verb is its subject ("media reports said")
        k = c.j
        while k < n and toks[k].low in W.AUX:
            k += 1
        if k < n and k in view.cue_at and c.lemma != "according to" and not c.ing:
            del view.cue_at[c.i]
            continue
        out.append(c)
    return out


def _cue_at(view: SentenceView, i: int) -> Cue | None:
    toks, n = view.toks, view.n
    low = toks[i].low
    nxt = toks[i + 1].low if i + 1 < n else ""
    if low == "according" and nxt == "to":
        return Cue(i, i + 2, "according to", False)
    if low == "quoted":
        for x in range(i + 1, min(n - 1, i + WINDOW)):
            if toks[x].low == "as" and toks[x + 1].low in ("saying", "telling"):
                return Cue(i, x + 2, "quote as saying", False)
            if not toks[x].word or toks[x].low in ("that", "by"):
                break
    lemma = C.FORMS.get(low) or view.ctx.verb_lemma(low)
    if lemma is None:
        return None
    if toks[i].cap and not view.sentence.is_headline and i > view.first_word:
        return None  # "Secretary of State", "United States"
    m = view.doc.mention_at(toks[i].start)
    if m is not None and (m.end - m.start) > len(toks[i].text):
        return None
    ing = low.endswith("ing")
    phrase = _phrase(view, i, lemma, ing)
    if phrase is None or not _reports(view, i, ing):
        return None
    return Cue(i, phrase[1], phrase[0], ing)


def _phrase(view: SentenceView, i: int, lemma: str, ing: bool) -> tuple[str, int] | None:
    """The cue's lemma and end token, reading multiword cues whole; None when this is no cue."""
    toks, n = view.toks, view.n
    nxt = toks[i + 1].low if i + 1 < n else ""
    if lemma == "call":
        if nxt in ("on", "upon", "for"):
            return ("call for" if nxt == "for" else "call on"), i + 2
        # "critics call it 'a farce'": naming something in quoted words is saying them
        if i + 1 >= n or not toks[i + 1].word:
            return None
        for x in range(i + 2, min(n, i + WINDOW)):
            if view._is_open_quote(x) is not None:
                return "call", i + 1
            if not toks[x].word:
                break
        return None
    if lemma == "appeal":
        return ("appeal " + nxt, i + 2) if nxt in ("to", "for") else None
    if lemma == "ask" and nxt == "for":
        return "ask for", i + 2
    if lemma == "press":
        if nxt == "for":
            return "press for", i + 2
        return ("press", i + 1) if _to_soon(view, i + 1) else None
    if lemma == "point":
        return ("point out", i + 2) if nxt == "out" else None
    if lemma == "make":
        if nxt == "clear":
            return "make clear", i + 2
        if nxt == "it" and i + 2 < n and toks[i + 2].low == "clear":
            return "make clear", i + 3
        return None
    if lemma in C.STANCE_VERBS:
        end = _stance_noun(view, i)
        return (("raise" if lemma == "raise" else "express"), end) if end is not None else None
    return lemma, i + 1


def _stance_noun(view: SentenceView, i: int) -> int | None:
    """End of 'expressed [his] [deep] concern': the stance noun must follow within three words."""
    toks, n = view.toks, view.n
    k = i + 1
    if k < n and (toks[k].low in W.DETERMINERS or toks[k].low in _POSSESSIVES):
        k += 1
    steps = 0
    while k < n and steps < 3 and toks[k].low not in C.STANCE_NOUNS and toks[k].word \
            and toks[k].low not in W.PREPOSITIONS and toks[k].low != "that":
        k += 1
        steps += 1
    if k >= n or toks[k].low not in C.STANCE_NOUNS:
        return None
    after = toks[k + 1] if k + 1 < n else None
    if after is not None and after.word and after.low not in W.PREPOSITIONS and \
            after.low not in ("that", "and", "regarding", "over"):
        return None  # "raised interest rates"
    return k + 1


def _reports(view: SentenceView, i: int, ing: bool) -> bool:
    """False for nominal, passive, infinitive, modal and negated uses of a speech verb."""
    toks = view.toks
    p = i - 1
    if p < 0:
        return True
    prev = toks[p].low
    if prev in W.DETERMINERS or prev in _POSSESSIVES or prev in _MODALS or prev in _NEGATIONS \
            or prev == "all":
        return False
    if prev in W.PREPOSITIONS and not (ing and prev in _GERUND_LEADS):
        return False
    q = p
    while q >= 0 and toks[q].low in W.AUX and toks[q].low not in _PERFECT:
        q -= 1
    if q >= 0 and toks[q].low in W.BE and not ing:
        return False
    if q >= 1 and toks[q].low in _PERFECT and toks[q - 1].low in _NEGATIONS:
        return False
    return not (q >= 0 and toks[q].low in _NEGATIONS)


def _to_soon(view: SentenceView, k: int) -> bool:
    """'pressed Lima to ...': an infinitive follows within a few words."""
    for t in view.toks[k:k + 12]:
        if t.low == "to":
            return True
        if not t.word:
            return False
    return False
