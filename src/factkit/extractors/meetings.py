"""Meetings: two or more parties met, held talks, hosted one another or spoke by phone.

Triggers are verbs ("met", "hosted", "telephoned", "discussed … with") and
nouns ("talks", "meeting", "a phone call") whose participants come from the
subject of the governing verb, a with/between complement, a possessor, or the
previous context for "they"/"both sides"/"the meeting". A person acting "at the
… conference" attended a meeting too. Mentions of one meeting across the
article (headline, body, "the meeting") merge into one event.
"""

from __future__ import annotations

import datetime
from collections.abc import Iterator

import regex

from factkit.analysis.document import AnalysedDocument
from factkit.analysis.modality import text_modality
from factkit.extractor import Extractor
from factkit.hookspecs import hookimpl
from factkit.schema import Event, Relation

from ._events import (
    DETS,
    GROUP_NOUNS,
    BodyViews,
    Draft,
    Party,
    Phrase,
    SentView,
    absorb,
    fold_headlines,
    body_views,
    context_people,
    dateline_place,
    dates_compatible,
    find_occasion,
    find_place,
    is_verbish,
    merge_drafts,
    np_left,
    np_right,
    pair_relations,
    parties_of,
    pick_date,
    place_in_occasion,
    _place_from_name,
    reporter_of,
    resolve_anaphors,
    subject_of,
    to_event,
    matches_from,
)

NAME = "meetings"

_VERB = regex.compile(
    r"\b(?P<v>met|meet|meets|meeting|sat\s+down\s+with|sit\s+down\s+with|talked|talk|talks|talking|"
    r"shook\s+hands|shake\s+hands|shakes\s+hands|shaking\s+hands|"
    r"spoke|speak|speaks|speaking|negotiated|negotiate|negotiates|negotiating|conferred|confer|"
    r"hosted|host|hosts|hosting|received|receives|receive|welcomed|welcomes|welcome|"
    r"telephoned|telephones|telephone|phoned|phones|called|calls|call|discussed|discuss|discusses|discussing|"
    r"exchanged\s+views|exchange\s+views|exchanging\s+views|gave\s+(?:\w+\s+){0,2}?welcome|"
    r"give\s+(?:\w+\s+){0,2}?welcome|gives\s+(?:\w+\s+){0,2}?welcome)\b"
)
_NOUN = regex.compile(
    r"\b(?P<n>talks|meeting|meetings|discussions?|consultations|negotiations|"
    r"(?:phone|telephone|video)\s+(?:call|calls|conversation|conversations)|conversation|summit|encounter)\b"
)
_GOVERNING = frozenset(
    "held hold holds holding had have has having conducted conduct began begin begins opened open resumed "
    "resume renewed renew concluded conclude started start attended attend attending joined join chaired "
    "sought seek seeks requested request proposed propose offered offer demanded demand called calls call "
    "urged wanted want wants hosted host hosting arranged arrange organized organised convened convene "
    "cancelled canceled postponed scheduled planned plan plans pushed push pushing continue continued "
    "completed wrapped entered enter launched launch refused ended end ends closed close closes".split()
)
_SUMMIT_VERBS = frozenset("held hold holds holding attended attend attending opened open opens ended end ends "
                          "closed close closes concluded hosted host hosts convened".split())
_MEDIA = frozenset("reporters journalists media press newsmen correspondents television tv radio "
                   "newspaper newspapers crowd crowds supporters audience".split())
_NOT_MEETING_OBJECT = frozenset(
    "demand demands target targets needs need requirement requirements obligation obligations expectation "
    "expectations deadline criteria standard standards goal goals condition conditions cost costs "
    "payment payments criticism resistance opposition approval skepticism scepticism anger silence "
    "challenge challenges threshold quota quotas request requests it this that them".split()
)
_NOT_OBJECT_OR_MEDIA = _NOT_MEETING_OBJECT | _MEDIA
_BE = frozenset("be been being was were is are".split())
_VERB_LEFT = frozenset("he she they it we i who which also will would could can may might must should shall "
                       "to not never n't 'll did does do then later again still once finally jointly "
                       "reportedly separately directly privately both".split())
_ANAPHOR_DETS = frozenset("the this that these those".split())
_COPULA = frozenset("was is were are marked became be".split())
_DESTINATION = regex.compile(r"\b(?:travel\w*|fl(?:y|ies|ew|ying)|go(?:es|ing)?|went|head\w*|return\w*|"
                             r"come|comes|came)\s+to\s+(?P<p>[^\W\d_][\w.'’-]*(?:\s+[^\W\d_][\w.'’-]*){0,2}?)"
                             r"(?=[\s,.]|$)|\bvisit(?:s|ed|ing)?\s+(?P<p>[^\W\d_][\w.'’-]*)\b")
_OCCASION_BEFORE = regex.compile(r"\b(?:(?:sidelines|margins|fringes?)\s+of|at|during)\s+(?:the\s+|a\s+|an\s+|this\s+|"
                                 r"their\s+)?(?:[\w'’.-]+\s+){0,6}$")
_BY_PHONE = regex.compile(r"\s+(?:by\s+(?:tele)?phone|by\s+video(?:\s+link)?|over\s+the\s+(?:tele)?phone|on\s+the\s+"
                          r"(?:tele)?phone)\b")
_VISIT_VERBS = frozenset("visit visits visited visiting".split())
_PHONE = regex.compile(r"\b(?:phone|telephone|video|by\s+(?:phone|telephone))\b")
_PRESS_BEFORE = regex.compile(r"(?:news|press|conference)\s+$")
_RELATIVE_AFTER = regex.compile(r"(?:\s+\S+){0,6}?\s+(?:in\s+which|at\s+which|where|during\s+which)\s")
_PRESS_OCCASION = regex.compile(r"\b(?:news|press)\s+(?:conference|briefing)|conference\s+call")


def extract(doc: AnalysedDocument) -> Iterator[Event | Relation]:
    """Meeting events (merged per real-world meeting) and met_with relations between named parties."""
    views = body_views(doc)
    drafts: list[Draft] = []
    for si in _candidates(views):
        drafts.extend(_sentence_drafts(views, si, drafts[-30:]))
    events = _merge(drafts)
    for d in events:
        yield to_event(doc, d, NAME)
    for d in events:
        if d.status != "occurred":
            continue
        parts = [p for p in d.roles.get("participant", []) if p.entity and p.kind in ("person", "country",
                                                                                       "organization")]
        pairs = [(a, b) for n, a in enumerate(parts) for b in parts[n + 1:]]
        yield from pair_relations(doc, "met_with", pairs, d.evidence, NAME, 0.6)


# --------------------------------------------------------------------------- triggers
# Every match of _VERB, _NOUN and _OCCASION_AT has a word starting with one of these: a sentence
# without any has no trigger (the occasion reading included) and is skipped unread.
_TRIGGER_STEMS = (
    "met", "meet", "down", "talk", "hands", "spoke", "speak", "negotiat", "confer", "host", "receiv", "welcom",
    "telephon", "phone", "call", "discuss", "views", "consultation", "conversation", "summit", "encounter", "forum",
    "session", "assembly", "ministerial", "gathering", "congress",
)
# Words that start with a stem where no pattern can match ("spokesman" is not "spoke"): a word
# that begins with one of these does not make its sentence a candidate.
_NOT_TRIGGERS = ("spokes", "speaker", "hostil", "hostag")


def _candidates(views: BodyViews) -> list[int]:
    """Sentences that may hold a trigger, in text order."""
    return sorted(views.containing(_TRIGGER_STEMS, _NOT_TRIGGERS))
# Every match of _VERB / _NOUN begins with a word starting with one of these: see matches_from.
_VERB_FIRST = ("met", "meet", "sat", "sit", "talk", "shook", "shak", "spoke", "speak", "negotiat", "confer", "host",
               "receiv", "welcom", "telephon", "phone", "call", "discuss", "exchang", "gave", "give")
_NOUN_FIRST = ("talks", "meeting", "discussion", "consultations", "negotiations", "phone", "telephone", "video",
               "conversation", "summit", "encounter")
_MAX_TRIGGERS = 12  # per sentence; news never has more, and each costs a bounded window of work


def _sentence_drafts(views: BodyViews, si: int, earlier: list[Draft]) -> list[Draft]:
    low = views.low(si)
    verbs = matches_from(_VERB, _VERB_FIRST, low)
    nouns = matches_from(_NOUN, _NOUN_FIRST, low)
    if not verbs and not nouns and _OCCASION_AT.search(low) is None:
        return []  # no trigger at all: the sentence need not be read
    sv = views[si]
    found: list[tuple[int, int, list[Party], bool, int | None]] = []  # start, end, parties, anaphoric, verb
    for m in verbs:
        if len(found) >= _MAX_TRIGGERS:
            break
        got = _verb_trigger(sv, m)
        if isinstance(got, list):
            found.extend(got)
        elif got is not None:
            found.append(got)
    taken = [(s, e) for s, e, *_ in found]
    for m in nouns:
        if len(found) >= _MAX_TRIGGERS:
            break
        s, e = m.start() + sv.start, m.end() + sv.start
        if any(a <= s < b or s <= a < e for a, b in taken):
            continue
        if taken and _OCCASION_BEFORE.search(sv.low, max(0, m.start() - 70), m.start()):
            continue  # "met X on the margins of a WTO meeting": the occasion, not another meeting
        got = _noun_trigger(sv, m)
        if got is not None:
            found.append(got)
    if not found:
        got = _occasion_trigger(sv)
        if got is not None:
            found.append(got)
    found.sort(key=lambda f: f[0])
    triggers = [(s, e) for s, e, *_ in found]
    out: list[Draft] = []
    for s, e, parties, anaphoric, _verb in found:
        anaphor = next((p for p in parties if p.kind == "anaphor"), None)
        if anaphor is not None:  # only an anaphor needs the context
            reported = reporter_of(sv, sv.tok_at(anaphor.start))
            context = reported if len(reported) >= 1 and anaphor.text.casefold() in ("they", "we") \
                else _context(views, si, earlier + out, s)
        else:
            context = []
        parties = resolve_anaphors(parties, context)
        if not parties and not anaphoric:
            continue
        if not anaphoric and len(parties) == 1 and (
                (parties[0].kind == "person" and not _occasion_near(sv, s, e)
                 and not _traveller(sv, sv.tok_at(s)))
                or parties[0].kind in ("country", "place")
                or parties[0].text.casefold().startswith(("their ", "its ", "his ", "her "))
                or sv.doc.text[max(0, parties[0].start - 6):parties[0].start].casefold().strip()
                in ("their", "its")):
            continue
        status = text_modality(sv.doc.text, _pp_start(sv, s), sv.end, s, e).status
        d = Draft("meeting", status, {"participant": parties}, si, (s, e), [(sv.start, sv.end)],
                  headline=sv.headline, anaphoric=anaphoric and not parties,
                  confidence=0.5 if sv.headline else 0.7)
        d.date = pick_date(sv, s, e, triggers)
        _place_and_occasion(sv, d, s, e)
        if d.place is None and status == "occurred" and _reported_from_here(sv, d, s, e):
            d.place = dateline_place(sv.doc)
        out.append(d)
    return out


def _reported_from_here(sv: SentView, d: Draft, s: int, e: int) -> bool:
    """A meeting "here", or today or yesterday with no place named, took place where the dateline is.
    A call has no one place."""
    if _PHONE_WORDS.search(sv.low):
        return False
    if _HERE.search(sv.low):
        return True
    pub = sv.doc.published
    if pub is None or d.date is None or d.date.value is None or d.date.precision != "day":
        return False
    return d.date.value in (pub.isoformat(), (pub - datetime.timedelta(days=1)).isoformat())


_HERE = regex.compile(r"\bhere\b(?!\s+(?:is|are|was|were)\b)")
_PHONE_WORDS = regex.compile(r"\b(?:phone|telephone|telephoned|phoned|video|call|virtual|online)\b")
_PP_HEADS = frozenset("in during at after before following since from despite amid".split())


def _pp_start(sv: SentView, s: int) -> int:
    """A trigger inside "in a recent phone call" is not governed by the clause's verb ("sought the meeting")."""
    k = sv.tok_at(s) - 1
    steps = 0
    while k >= 0 and steps < 5:
        low = sv.tokens[k].low
        if low in _PP_HEADS:
            return sv.tokens[k].start
        if low in DETS or (sv.mention_of[k] is None and not is_verbish(sv, k) and low.isalpha()
                           and low not in ("and", "or", "to", "for", "will", "would", "not", "no")):
            k -= 1
            steps += 1
            continue
        break
    return sv.start


def _verb_trigger(sv: SentView, m: regex.Match[str]) -> tuple | None:
    word = m.group("v")
    s, e = m.start() + sv.start, m.end() + sv.start
    k = sv.tok_at(s)
    if k >= len(sv.tokens):
        return None
    kend = sv.tok_at(e - 1) + 1
    prev = sv.tokens[k - 1].low if k > 0 else ""
    first = word.split()[0]
    if first == "meeting" and prev not in _BE:
        return None  # a noun: handled as one
    if first in ("talks", "talk", "talking", "call", "calls", "host", "welcome", "receive", "telephone",
                 "discuss", "meet", "speak", "negotiate", "confer") and prev in DETS:
        return None
    if first in ("talks", "talk", "talking", "calls", "call", "meet", "speak", "negotiate", "confer",
                 "discuss", "host", "receive", "welcome", "telephone") and k > 0 \
            and sv.mention_of[k - 1] is None and prev not in _VERB_LEFT:
        return None  # a noun or an infinitive after a preposition: "called for talks", "a call"
    if prev in _BE and first in ("met", "hosted", "received", "welcomed", "called", "discussed", "telephoned"):
        return None  # passive: "could be met by", "was discussed"
    nxt = sv.tokens[kend].low if kend < len(sv.tokens) else ""
    subject = parties_of(sv, subject_of(sv, k))
    obj: list[Party] = []
    if first in ("met", "meet", "meets", "meeting", "hosted", "host", "hosts", "hosting", "received",
                 "receives", "receive", "welcomed", "welcomes", "welcome", "telephoned", "telephones",
                 "telephone", "phoned", "phones"):
        j = kend + 1 if nxt == "with" else kend
        ph = np_right(sv, j)
        if ph is not None and sv.tokens[ph.i].low in _NOT_OBJECT_OR_MEDIA and not (
                ph.j - ph.i > 1 and sv.tokens[ph.j - 1].low in GROUP_NOUNS):  # "met opposition leaders"
            return None
        if ph is not None and sv.tokens[ph.j - 1].low in _NOT_MEETING_OBJECT:
            return None
        obj = parties_of(sv, ph)
        if first in ("received", "receives", "receive", "welcomed", "welcomes", "welcome") and \
                not any(p.kind in ("person", "group") for p in obj):
            return None
        if not obj and ph is not None and first not in ("meeting",):
            return None  # "met the deadline", "hosted a lunch": the object names no party
        if first.startswith(("host",)) and ph is not None and sv.tokens[ph.j - 1].low in (
                "meeting", "talks", "summit", "conference", "meetings", "lunch", "dinner"):
            return None  # "hosted a meeting between …": the noun carries it
    elif first in ("gave", "give", "gives"):
        w = _with_phrase(sv, kend, 8, words=("to",))
        if w is None:
            return None
        obj = [p for p in parties_of(sv, np_right(sv, w + 1, limit=12)) if p.kind in ("person", "group")]
        if not obj:
            return None
    elif first in ("called", "calls", "call"):
        if nxt in ("for", "on", "upon", "off", "it", "the", "a", "an", "them", "him", "her", "this", "that"):
            return None
        ph = np_right(sv, kend, limit=8, lists=False)
        obj = [p for p in parties_of(sv, ph) if p.kind == "person"]
        if not obj:
            return None
    elif first in ("spoke", "speak", "speaks", "speaking", "talked", "talk", "talks", "talking"):
        w = _with_phrase(sv, kend, 6, words=("with", "to"))
        if w is None:
            # "X and Y spoke by telephone": a call between the subjects
            if _BY_PHONE.match(sv.low, e - sv.start) and len(subject) >= 2:
                return s, e, subject, False, k
            return None
        ph = np_right(sv, w + 1)
        if ph is None or any(t.low in _MEDIA for t in sv.tokens[ph.i:ph.j]):
            return None
        obj = parties_of(sv, ph)
        if not obj:
            return None
        if first.startswith("spo") or first.startswith("speak"):
            phone = _PHONE.search(sv.low[max(0, s - sv.start - 20):min(len(sv.low), e - sv.start + 60)])
            if phone is None and not any(p.kind == "person" for p in obj):
                return None
    else:  # discussed, negotiated, conferred, sat down with, exchanged views
        if word.endswith("with"):
            w: int | None = kend - 1
        else:
            w = _with_phrase(sv, kend, 12, words=("with",))
        if w is not None:
            obj = parties_of(sv, np_right(sv, w + 1))
            if any(p.text.casefold() in _MEDIA for p in obj):
                return None
        elif not (_plural(subject) or _body(subject)) or first.startswith("negotiat") or first.startswith("confer"):
            return None
    parties = subject + [p for p in obj if p.key not in {q.key for q in subject}]
    if subject and len(obj) >= 2 and any(t.low == "separately" for t in sv.tokens[kend:kend + 16]):
        # "X met A and B separately": one meeting with each
        return [(s, e, subject + [p], False, k) for p in obj if p.key not in {q.key for q in subject}]
    if first in ("met", "meet", "meets", "meeting") and not obj and not _plural(subject):
        if not (subject and subject[0].kind in ("group", "organization") and first in ("meeting", "met")):
            return None
    if not parties:
        return None
    return s, e, parties, False, k


def _with_phrase(sv: SentView, k: int, limit: int, words: tuple[str, ...]) -> int | None:
    for j in range(k, min(len(sv.tokens), k + limit)):
        low = sv.tokens[j].low
        if low in words:
            return j
        if low in (".", ";", ":") or (low in ("and", ",") and j > k and is_verbish(sv, j + 1)
                                      if j + 1 < len(sv.tokens) else False):
            return None
    return None


_BODY_HEADS = frozenset("council committee cabinet commission board assembly parliament congress senate panel "
                        "politburo presidium".split())


def _body(parties: list[Party]) -> bool:
    """"The Security Council is due to discuss …": a body meets as one."""
    if len(parties) != 1 or parties[0].kind not in ("organization", "group"):
        return False
    words = parties[0].text.casefold().split()
    return bool(words) and words[-1] in _BODY_HEADS


def _plural(parties: list[Party]) -> bool:
    if len(parties) >= 2 or any(p.kind == "anaphor" for p in parties):
        return True
    if len(parties) == 1 and parties[0].kind == "organization":  # "EC foreign ministers" named as a body
        last = parties[0].text.casefold().split()[-1:]
        return bool(last) and last[0] in GROUP_NOUNS and last[0].endswith("s")
    return bool(parties) and parties[0].kind == "group" and parties[0].text.casefold().endswith("s")


def _noun_trigger(sv: SentView, m: regex.Match[str]) -> tuple | None:
    noun = m.group("n")
    s, e = m.start() + sv.start, m.end() + sv.start
    k = sv.tok_at(s)
    kend = sv.tok_at(e - 1) + 1
    if k >= len(sv.tokens):
        return None
    prev = sv.tokens[k - 1].low if k > 0 else ""
    if noun == "meeting" and kend < len(sv.tokens) and prev not in DETS and prev != "'s" \
            and sv.tokens[kend].low in ("the", "a", "an", "its", "their", "his", "her"):
        return None  # gerund: "meeting the demand"
    if noun == "talks" and kend < len(sv.tokens) and sv.tokens[kend].low in ("to",) and prev not in DETS:
        return None
    if _PRESS_BEFORE.search(sv.low[:s - sv.start]):
        return None
    if _predicate_nominal(sv, k):
        return s, e, [], True, None
    parties: list[Party] = []
    anaphoric = False
    between = _complement(sv, kend, "between", 8)
    if between is None:
        between = _complement(sv, kend, "among", 4)
    if between is not None:
        parties = parties_of(sv, np_right(sv, between + 1))
    with_at = _complement(sv, kend, "with", 4)
    with_parties = parties_of(sv, np_right(sv, with_at + 1)) if with_at is not None else []
    if with_parties and any(p.text.casefold() in _MEDIA for p in with_parties):
        return None
    gov = _governing_verb(sv, k)
    possessor = _possessor(sv, k)
    if not parties:
        subj: list[Party] = []
        if gov is not None and sv.tokens[gov].low not in ("hosted", "host", "hosting", "arranged", "arrange",
                                                          "organized", "organised", "convened", "convene"):
            subj = parties_of(sv, subject_of(sv, gov))
        elif possessor is not None:
            subj = possessor
        elif gov is None:
            left = np_left(sv, k, allow_comma=False)
            if left is not None and left.i < k:
                i0 = left.i
                for jj in range(k - 1, left.i - 1, -1):
                    if sv.tokens[jj].low in ("of", "a", "an", "the", "this", "these", "those", "for", "in", "on"):
                        i0 = jj + 1
                        break
                if i0 < k:
                    subj = [p for p in parties_of(sv, Phrase(i0, k)) if p.kind in ("group", "organization")]
        of_at = _complement(sv, kend, "of", 2) if noun in ("meeting", "meetings", "summit") else None
        if of_at is not None and not with_parties:
            body = parties_of(sv, np_right(sv, of_at + 1, limit=10))
            body = [p for p in body if p.kind in ("organization", "group", "country")]
            if body and not subj:
                parties = body[:1]
            elif body and gov is not None and sv.tokens[gov].low in ("demanded", "demand", "called", "urged",
                                                                     "requested", "sought", "proposed"):
                parties = body[:1]
        if not parties:
            parties = subj + [p for p in with_parties if p.key not in {q.key for q in subj}]
    traveller = _traveller(sv, k)
    if traveller:
        parties = traveller + [p for p in parties if p.key not in {q.key for q in traveller}]
    if not parties:
        rel = _RELATIVE_AFTER.match(sv.low[e - sv.start:])
        if rel is not None:
            kr = sv.tok_at(e + rel.end())
            got = parties_of(sv, np_right(sv, kr, limit=10))
            if got and not any(p.kind == "anaphor" for p in got):
                parties = got
    if not parties and _pp_start(sv, s) != sv.start:
        head = sv.tokens[sv.tok_at(_pp_start(sv, s))].low
        first_verb = next((j for j in range(0, k) if is_verbish(sv, j)), None)
        if head in ("despite", "after", "following", "during") and first_verb is not None and first_verb < k:
            got = parties_of(sv, subject_of(sv, first_verb))
            if len(got) >= 2:
                parties = got
    if not parties:
        det = prev
        if det in _ANAPHOR_DETS or det == "'s" or det in ("their", "its", "his", "her") or \
                (k > 1 and sv.tokens[k - 2].low in _ANAPHOR_DETS) or gov is not None:
            anaphoric = True
        else:
            return None
    if noun in ("summit",) and not (between is not None or with_parties or possessor or (
            gov is not None and parties and sv.tokens[gov].low in _SUMMIT_VERBS)):
        return None if not anaphoric else (s, e, [], True, None)
    return s, e, parties, anaphoric, gov


_MOTION = frozenset("travel travels travelled traveled traveling travelling fly flies flew flying go goes went "
                    "going head heads headed heading visit visits visited visiting arrive arrives arrived arriving "
                    "come comes came return returns returned returning".split())


def _traveller(sv: SentView, k: int) -> list[Party]:
    """"X is due to travel to Geneva next month for a meeting of …": the one travelling attends it."""
    j = k - 1
    while j >= 0 and sv.tokens[j].low in DETS:
        j -= 1
    if j < 0 or sv.tokens[j].low != "for":
        return []
    for v in range(j - 1, max(-1, j - 12), -1):
        low = sv.tokens[v].low
        if low in (".", ";", ":") or (low in ("said", "told") and v < j - 1):
            return []
        if low in _MOTION:
            return [p for p in parties_of(sv, subject_of(sv, v)) if p.kind != "anaphor"]
    return []


def _predicate_nominal(sv: SentView, k: int) -> bool:
    """"This meeting was the first …": a description of an event already named, not a new one."""
    j = k - 1
    steps = 0
    while j >= 0 and steps < 5:
        low = sv.tokens[j].low
        if low in _COPULA:
            return True
        if low in DETS or low in ("first", "second", "third", "latest", "last", "only", "in-person", "rare",
                                  "highest-level", "high-level", "face-to-face", "direct") or \
                low.endswith(("est", "-level")):
            j -= 1
            steps += 1
            continue
        return False
    return False


def _complement(sv: SentView, k: int, word: str, limit: int) -> int | None:
    """Token index of ``word`` within ``limit`` tokens after k, crossing only modifiers of the noun."""
    for j in range(k, min(len(sv.tokens), k + limit)):
        low = sv.tokens[j].low
        if low == word:
            return j
        if low in (",", ".", ";", ":", "and", "but", "that", "which", "where", "who", "to") and word != "between":
            return None
        if word == "between" and (low in (".", ";", ":", ",") or (
                is_verbish(sv, j) and low not in ("held", "scheduled", "planned", "expected"))):
            return None
    return None


def _governing_verb(sv: SentView, k: int) -> int | None:
    """"held talks", "called for talks", "had a candid discussion": the verb that governs the noun."""
    j = k - 1
    steps = 0
    while j >= 0 and steps < 6:
        t = sv.tokens[j]
        low = t.low
        if low in _GOVERNING and (low not in ("called", "calls", "call", "pushed", "push", "pushing")
                                  or (j + 1 < k and sv.tokens[j + 1].low == "for")):
            return j
        if low in ("for", "in", "into") and j > 0 and sv.tokens[j - 1].low in _GOVERNING:
            j -= 1
            steps += 1
            continue
        if low in DETS or low in ('"', "“", "”", "-", ",") or (not t.cap and not is_verbish(sv, j)
                                                                and low not in ("and", "with", "of", "to")):
            j -= 1
            steps += 1
            continue
        return None
    return None


def _possessor(sv: SentView, k: int) -> list[Party] | None:
    j = k - 1
    steps = 0
    while j >= 0 and steps < 4:
        low = sv.tokens[j].low
        if low == "their":
            fronted = _fronted_subject(sv, j)
            if fronted:
                return fronted
            return [Party(None, sv.tokens[j].text, sv.tokens[j].start, sv.tokens[j].end, "anaphor")]
        if low == "'s":
            left = np_left(sv, j, allow_comma=False)
            if left is None:
                return None
            got = parties_of(sv, left)
            return got or None
        if low in DETS or low in ('"', "“", "”") or not is_verbish(sv, j):
            if sv.tokens[j].low in (",", ".", ";", "and", "with", "of", "in", "at", "on", "for"):
                return None
            j -= 1
            steps += 1
            continue
        return None
    return None


def _fronted_subject(sv: SentView, j: int) -> list[Party]:
    """"Since their talks in May, Rome and Paris have …": "their" is the subject that follows."""
    if not sv.tokens or sv.tokens[0].low not in ("since", "after", "before", "following", "during", "in", "at"):
        return []
    for k in range(j, min(len(sv.tokens), j + 12)):
        if sv.tokens[k].low == ",":
            got = parties_of(sv, np_right(sv, k + 1, limit=12))
            return got if len(got) >= 2 else []
    return []


_OCCASION_AT = regex.compile(
    r"\b(?:at|during)\s+(?:the|a|an|this|last\s+week's|this\s+week's)\s+(?:[\w'’.-]+\s+){0,6}?"
    r"(?:conference|summit|meeting|talks|forum|session|assembly|ministerial|gathering|congress)\b"
)


def _occasion_trigger(sv: SentView) -> tuple | None:
    """"Wang told Blinken at the security conference that …": a person acting at a meeting attended it."""
    m = _OCCASION_AT.search(sv.low)
    if m is None or _PRESS_OCCASION.search(m.group()):
        return None
    s = m.start() + sv.start
    k = sv.tok_at(s)
    verb = None
    for j in range(k - 1, max(-1, k - 8), -1):
        if is_verbish(sv, j) and sv.tokens[j].low not in ("is", "are", "was", "were", "be", "been"):
            verb = j
            break
        if sv.tokens[j].low in (",", ";", ":"):
            break
    if verb is None:
        return None
    subject = [p for p in parties_of(sv, subject_of(sv, verb)) if p.kind in ("person", "group", "organization",
                                                                                 "country", "anaphor")]
    if not subject:
        return None
    obj: list[Party] = []
    if verb + 1 < len(sv.tokens):
        m2 = sv.mention_of[verb + 1]
        if m2 is not None:
            r = sv.doc._by_id.get(m2.entity_id)
            if r is not None and r.type == "person":
                obj = [Party(r.id, sv.doc.text[m2.start:m2.end], m2.start, m2.end, "person")]
    parties = subject + [p for p in obj if p.key not in {q.key for q in subject}]
    t = sv.tokens[verb]
    return t.start, t.end, parties, False, verb


def _occasion_near(sv: SentView, s: int, e: int) -> bool:
    return find_occasion(sv, s - 20, e + 120) is not None


# --------------------------------------------------------------------------- context, place
def _context(views: BodyViews, si: int, drafts: list[Draft], before: int) -> list[Party]:
    for d in reversed(drafts[-10:]):
        if si - d.sentence > 3:
            break
        parts = d.roles.get("participant", [])
        if len(parts) >= 2:
            return parts
    return context_people(views, si, before)


def _place_and_occasion(sv: SentView, d: Draft, s: int, e: int) -> None:
    occasion = find_occasion(sv, max(sv.start, s - 60), min(sv.end, e + 140))
    if occasion is not None:
        d.attributes["occasion"] = occasion[0]
        place = place_in_occasion(sv, occasion[1], occasion[2])
        if place is not None:
            d.place = place
    if d.place is None:
        d.place = find_place(sv, max(sv.start, s - 80), min(sv.end, e + 90), s)
    if d.place is None:  # "travel to Geneva … for a meeting", "visit Reykjavik … for talks"
        dest = _DESTINATION.search(sv.low, max(0, s - sv.start - 120), s - sv.start)
        if dest is not None:
            got = _place_from_name(sv, dest.start("p") + sv.start, dest.end("p") + sv.start)
            if got is not None:
                d.place = got
    if d.place is None and occasion is not None:
        d.place = find_place(sv, occasion[2], min(sv.end, occasion[2] + 40), occasion[2])


# --------------------------------------------------------------------------- merging
def _same(a: Draft, b: Draft) -> bool:
    if a.status != b.status:
        return False
    ka, kb = a.keys("participant"), b.keys("participant")
    if not ka or not kb or not (ka <= kb or kb <= ka):
        return False
    if not dates_compatible(a.date, b.date):
        return False
    if a.place is not None and b.place is not None and a.place.text.casefold() != b.place.text.casefold():
        return False
    return True


def _merge(drafts: list[Draft]) -> list[Draft]:
    concrete: list[Draft] = []
    for d in drafts:
        if d.anaphoric and not d.roles.get("participant"):
            target = next((c for c in reversed(concrete[-10:]) if d.sentence - c.sentence <= 4), None)
            if target is not None and dates_compatible(target.date, d.date):
                status = target.status
                absorb(target, d)
                # "X was due to meet Y …, but the meeting was called off": the plan was cancelled
                target.status = "negated" if d.status == "negated" and status == "planned" else status
            continue
        concrete.append(d)
    merged = merge_drafts(concrete, _same)
    return fold_headlines(merge_drafts(merged, _same), _folds)


def _folds(headline: Draft, body: Draft) -> bool:
    """A headline meeting of countries or "leaders" is the main meeting of their people."""
    return (not any(p.kind == "person" for p in headline.roles.get("participant", []))
            and body.status == headline.status and len(body.roles.get("participant", [])) >= 2
            and dates_compatible(body.date, headline.date))


@hookimpl
def register_extractors(register) -> None:  # type: ignore[no-untyped-def]
    register(Extractor(name=NAME, extract=extract, produces=("event:meeting", "relation:met_with"),
                       description="Meetings, talks and calls between named parties, with date and place."))
