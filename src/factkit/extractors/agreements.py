"""Agreements: parties agreed on, reached, signed or renewed something.

"X and Y agreed to …/on …/that …" gives the topic from the complement;
"signed a trade pact", "reached a consensus to …", "a debt pact between X and
Y", "Mexico's financing package will be signed …" give it from the agreement
noun and its complement. Coordinated topics under a plural noun ("agreements
on A, B and C") make one agreement each. Proposals and demands are not
agreements; "the agreement"/"the pact" later in the article add evidence.
"""

from __future__ import annotations

import functools
from collections.abc import Iterator

import regex

from factkit.analysis.document import AnalysedDocument
from factkit.analysis.modality import text_modality
from factkit.extractor import Extractor
from factkit.hookspecs import hookimpl
from factkit.schema import Event

from ._events import (
    candidates,
    AUX,
    DETS,
    PREPS,
    BodyViews,
    Draft,
    Party,
    Phrase,
    SentView,
    absorb,
    body_views,
    anaphor_context,
    clean_span,
    dates_compatible,
    is_verbish,
    np_left,
    np_right,
    parties_of,
    pick_date,
    resolve_anaphors,
    subject_of,
    to_event,
    matches_from,
)

NAME = "agreements"

_NOUNS = ("agreements?|deals?|accords?|pacts?|treaty|treaties|memorandum|memoranda|mou|ceasefire|cease-fire|"
          "truce|consensus|understanding|compact|arrangement|protocol|declaration|contract|package|formula|"
          "settlement|framework")
_AGREE = regex.compile(r"\b(?P<agree>agreed|agree|agrees|agreeing)\b")
_DEAL_VERB = regex.compile(
    r"\b(?P<v>reached|reach|reaches|reaching|struck|strike|strikes|striking|clinched|clinch|clinches|sealed|"
    r"seal|seals|concluded|conclude|concludes|signed|sign|signs|signing|initialled|initialed|initials|initial|"
    r"inked|ink|inks|finalized|finalised|finalize|finalise|ratified|ratify|ratifies|renewed|renew|renews|"
    r"accepted|accept|accepts|entered\s+into|enters\s+into|enter\s+into|hammered\s+out|hammer\s+out|"
    r"forged|forge)\b"
)
_NOUN = regex.compile(r"\b(?P<n>" + _NOUNS + r")\b")
# Every match of _AGREE, _DEAL_VERB and _NOUN has a word starting with one of these: other sentences
# are skipped unread.
_TRIGGER_STEMS = (
    "agree", "reach", "struck", "strik", "clinch", "seal", "conclu", "sign", "initial", "ink", "finali", "ratif",
    "renew", "accept", "enter", "hammer", "forge", "deal", "accord", "pact", "treat", "memorand", "mou", "cease",
    "truce", "compact", "consensus", "understanding", "arrangement", "protocol", "declaration", "contract", "package",
    "formula", "settlement", "framework",
)
# Words that start with a stem where no pattern can match ("according" is not "accord"): a word
# that begins with one of these does not make its sentence a candidate.
_NOT_TRIGGERS = ("according", "accordance", "signific", "signal", "signator", "signature", "dealer", "dealing",
                 "mount", "mouth", "entering", "entertain", "enterpris", "initially", "contractor", "renewab",
                 "treatm", "forget", "conclusion")


def _candidates(views: BodyViews) -> list[int]:
    """Sentences that may hold a trigger, in text order."""
    return sorted(views.containing(_TRIGGER_STEMS, _NOT_TRIGGERS))
# Every match of _DEAL_VERB / _NOUN begins with a word starting with one of these: see matches_from.
_DEAL_VERB_FIRST = ("reach", "struck", "strik", "clinch", "seal", "conclu", "sign", "initial", "ink", "finali",
                    "ratif", "renew", "accept", "enter", "hammer", "forge")
_NOUN_FIRST = ("agreement", "deal", "accord", "pact", "treat", "memorand", "mou", "cease", "truce", "consensus",
               "understanding", "compact", "arrangement", "protocol", "declaration", "contract", "package", "formula",
               "settlement", "framework")
_PLURAL_NOUNS = frozenset("agreements deals accords pacts treaties memoranda".split())
_SKIP_AFTER_VERB = frozenset("in principle on upon to that with also jointly formally tentatively unanimously "
                             "finally already now today yesterday earlier later last this month week year "
                             "quickly broadly partly largely".split())
_TOPIC_STOP = regex.compile(
    r"[;:()]|,|\.(?:\s|$)|\s[—–-]{1,2}\s|[\"“”](?=\s*[,.]?\s*(?:\w+\s+){0,4}(?:said|says|told))|"
    r"\b(?:but|while|whereas|because|despite|although|though|after|before|since|which|who|whom|when|where|"
    r"according|during|amid|as\s+part\s+of|so\s+that)\b"
)
_SPEAKER_PRONOUNS = frozenset("we us you i me our".split())
_BARE_NOUNS = frozenset(f"{det}{noun}" for det in ("", "a ", "an ", "any ") for noun in
                        "agreement deal accord pact treaty".split())
_FINITE = frozenset("said says showed shows told came went was were is are has have had would will could "
                    "reported announced added sparked".split())
_BY = frozenset("by within among between".split())
_AUX_TO_BE = AUX | {"to", "be", "been"}
_DETS_POSSESSIVE = DETS | {"'s"}
_NOT_MODIFIED = PREPS | AUX | {"and", "or", "that", "which", "who", "was", "were"}
_ANAPHOR_DET = frozenset("the this that these those such".split())


def extract(doc: AnalysedDocument) -> Iterator[Event]:
    """Agreement events, one per agreed topic and set of parties."""
    views = body_views(doc)
    drafts: list[Draft] = []
    for si in _candidates(views):
        drafts.extend(_sentence_drafts(views, si, drafts[-30:]))
    for d in _merge(drafts):
        if d.status in ("hypothetical", "demanded"):
            continue  # an offer, a hope or a demand is not an agreement
        parties = d.roles.get("party", [])
        if all(p.entity is None and p.text.casefold() in _SPEAKER_PRONOUNS for p in parties):
            continue  # "you cannot sign a deal with us": the quoted speaker's own side, unresolved
        if d.headline and not any(p.entity for p in parties):
            continue  # a headline the body never backs names no one it can be checked against
        if d.status != "occurred" and d.attributes.get("topic", "").casefold() in _BARE_NOUNS:
            continue  # "would not sign an agreement": no agreement in particular
        if parties and d.attributes.get("topic"):
            yield to_event(doc, d, NAME)


# --------------------------------------------------------------------------- one sentence
def _sentence_drafts(views: BodyViews, si: int, earlier: list[Draft]) -> list[Draft]:
    low = views.low(si)
    agrees = list(_AGREE.finditer(low))
    deals = matches_from(_DEAL_VERB, _DEAL_VERB_FIRST, low)
    nouns = matches_from(_NOUN, _NOUN_FIRST, low)
    if not agrees and not deals and not nouns:
        return []  # no trigger: the sentence need not be read
    sv = views[si]
    out: list[Draft] = []
    covered: list[tuple[int, int]] = []
    for m in agrees:
        out.extend(_agree(views, si, sv, m, covered))
    for m in deals:
        out.extend(_deal_verb(views, si, sv, m, covered))
    covered.sort()
    idx, reach = 0, -1
    for m in nouns:
        s = m.start() + sv.start
        while idx < len(covered) and covered[idx][0] <= s:
            reach = max(reach, covered[idx][1])
            idx += 1
        if reach > s:
            continue
        d = _nominal(views, si, sv, m, earlier + out[-10:])
        if d is not None:
            out.append(d)
    triggers = sorted(d.trigger for d in out)
    for d in out:
        d.date = pick_date(sv, d.trigger[0], d.trigger[1], triggers)
    for d in out:
        if not d.roles.get("party") and not d.anaphoric:
            same = next((x for x in reversed(out) if x is not d and x.roles.get("party")), None)
            if same is not None:
                d.roles["party"] = list(same.roles["party"])
    return out


def _draft(sv: SentView, si: int, s: int, e: int, parties: list[Party], topics: list[tuple[int, int]],
           anaphoric: bool = False) -> list[Draft]:
    doc = sv.doc
    mod = text_modality(doc.text, sv.start, e, s, e)  # what follows is the topic's own modality
    status = mod.status
    out = []
    for ts, te in topics or [(0, 0)]:
        d = Draft("agreement", status, {"party": list(parties)}, si, (s, e), [(sv.start, sv.end)],
                  headline=sv.headline, anaphoric=anaphoric, confidence=0.5 if sv.headline else 0.7)
        if te > ts:
            d.attributes["topic"] = doc.text[ts:te]
        out.append(d)
    return out


def _parties(views: BodyViews, si: int, sv: SentView, verb: int) -> list[Party]:
    parties = parties_of(sv, _subject(sv, verb))
    anaphors = [p for p in parties if p.kind == "anaphor"]
    if anaphors:
        parties = resolve_anaphors(parties, anaphor_context(views, si, sv.tokens[verb].start, anaphors))
    return parties


def _subject(sv: SentView, verb: int) -> Phrase | None:
    """Subject of the verb; for "…, reaching agreements" the subject of the clause it hangs on."""
    if verb > 0 and sv.tokens[verb - 1].low == "," and sv.tokens[verb].low.endswith("ing"):
        k = verb - 2
        while k >= 0 and verb - k < 25:
            if is_verbish(sv, k) and sv.tokens[k].low not in AUX:
                return subject_of(sv, k)
            k -= 1
    return subject_of(sv, verb)


def _agree(views: BodyViews, si: int, sv: SentView, m: regex.Match[str],
           covered: list[tuple[int, int]]) -> list[Draft]:
    s, e = m.start() + sv.start, m.end() + sv.start
    k = sv.tok_at(s)
    prev = sv.tokens[k - 1].low if k > 0 else ""
    if prev in ("the", "an", "as", "a", "mutually", "previously", "commonly", "internationally"):
        return []
    n = len(sv.tokens)
    j = k + 1
    passive = prev in ("were", "was", "been", "be", "being", "is", "are")
    extra: list[Party] = []
    steps = 0
    while j < n and steps < 10:
        low = sv.tokens[j].low
        if low == "with" and not passive:
            ph = np_right(sv, j + 1, limit=15)
            extra = parties_of(sv, ph)
            j = ph.j if ph is not None else j + 1
            steps += 1
            continue
        if low in ("in", "on") and j + 1 < n and sv.tokens[j + 1].low in ("principle",):
            j += 2
            continue
        d = sv.date_at_token(j)
        if d is not None:
            while j < n and sv.tokens[j].start < d.end:
                j += 1
            continue
        if low in ("in", "at") and j + 1 < n and sv.tokens[j + 1].cap and sv.mention_of[j + 1] is not None:
            j += 2
            while j < n and sv.mention_of[j] is not None and sv.mention_of[j] is sv.mention_of[j - 1]:
                j += 1
            continue
        if low in ("also", "jointly", "formally", "tentatively", "unanimously", "finally", "already", "now",
                   "broadly", "quickly", "earlier", "separately", "reportedly", "both", "all"):
            j += 1
            continue
        break
    if j >= n:
        return []
    low = sv.tokens[j].low
    topics: list[tuple[int, int]] = []
    if passive:
        sub = np_left(sv, _be_start(sv, k), allow_comma=False)
        if sub is None:
            return []
        topics = [_span(sv, sub.i, sub.j)]
        parties = _by_parties(sv, j)
    else:
        if low == "to" and j + 1 < n and (sv.tokens[j + 1].low in DETS or sv.mention_of[j + 1] is not None
                                          or not is_verbish(sv, j + 1) and sv.tokens[j + 1].low in ("us",)):
            topics = [_topic_to_boundary(sv, j + 1)]
        elif low == "to":
            topics = [_topic_to_boundary(sv, j + 1, vp=True)]
        elif low in ("on", "upon"):
            topics = [_topic_to_boundary(sv, j + 1, vp=True)]
        elif low == "that":
            topics = [_topic_to_boundary(sv, j + 1)]
        elif low in DETS or sv.mention_of[j] is not None or (low not in PREPS and not is_verbish(sv, j)
                                                              and low not in (",", ".", "and")):
            topics = [_topic_to_boundary(sv, j)]
        else:
            return []
        parties = _parties(views, si, sv, k)
    parties = parties + [p for p in extra if p.key not in {q.key for q in parties}]
    topics = [t for t in topics if t[1] > t[0]]
    if not topics:
        return []
    covered.append((s, topics[-1][1]))
    if not passive and low in ("to", "on", "upon"):
        topics = [part for t in topics for part in _coordinated(sv, t, low)]
        more = _AFTER_RELATIVE.match(sv.doc.text, topics[-1][1], sv.end)
        if more is not None and low == "to":  # "agreed to A, which …, and to B"
            extra = _topic_to_boundary(sv, sv.tok_at(more.end()), vp=True)
            if extra[1] > extra[0]:
                topics.append(extra)
    return _draft(sv, si, s, e, parties, topics)


_AFTER_RELATIVE = regex.compile(r",\s+(?:which|who)\b[^,;.]{1,120},\s+and\s+(?:also\s+)?to\s+")
_PREP_IN_TOPIC = regex.compile(r"\b(?P<p>on|in|with|over|for|about)\s")

_AND_AGAIN = {prep: regex.compile(r",?\s+and\s+(?:also\s+)?" + again + r"\s+")
              for prep, again in (("to", "to"), ("on", "on"), ("upon", "(?:up)?on"))}
_AND_AGAIN_PREP = {prep: regex.compile(r",?\s+and\s+(?:also\s+)?" + prep + r"\s+")
                   for prep in ("on", "in", "with", "over", "for", "about")}  # the groups of _PREP_IN_TOPIC


def _coordinated(sv: SentView, topic: tuple[int, int], prep: str) -> list[tuple[int, int]]:
    """"agreed to A and to B", "agreed on A and on B": the repeated word marks two agreed topics."""
    s, e = topic
    text = sv.doc.text
    parts: list[tuple[int, int]] = []
    pos = s
    again = _AND_AGAIN[prep]
    first = _PREP_IN_TOPIC.search(text, s, min(e, s + 40))
    if prep == "to" and first is not None and not again.search(text, s, e):
        # "agreed to cooperate on A and on B": the verb's repeated preposition coordinates two topics
        again = _AND_AGAIN_PREP[first.group("p")]
    for m in again.finditer(text, s, e):
        parts.append(clean_span(text, pos, m.start()))
        pos = m.end()
    parts.append(clean_span(text, pos, e))
    return [p for p in parts if p[1] > p[0]] or [topic]


def _be_start(sv: SentView, k: int) -> int:
    j = k
    while j > 0 and sv.tokens[j - 1].low in ("were", "was", "been", "be", "being", "is", "are", "has", "have",
                                             "had", "will", "would", "could", "may", "might", "to", "not"):
        j -= 1
    return j


def _by_parties(sv: SentView, j: int) -> list[Party]:
    for k in range(j, min(len(sv.tokens), j + 8)):
        if sv.tokens[k].low in _BY and k + 1 < len(sv.tokens) and sv.date_at_token(k + 1) is None:
            return parties_of(sv, np_right(sv, k + 1, limit=12))
        if sv.tokens[k].low in (",", ".", ";"):
            break
    return []


def _span(sv: SentView, i: int, j: int) -> tuple[int, int]:
    return clean_span(sv.doc.text, sv.tokens[i].start, sv.tokens[j - 1].end)


def _topic_to_boundary(sv: SentView, i: int, vp: bool = False) -> tuple[int, int]:
    """From token i to the end of its clause: a comma, a new clause, a finite verb after the object."""
    n = len(sv.tokens)
    if i >= n:
        return (0, 0)
    start = sv.tokens[i].start
    m = _TOPIC_STOP.search(sv.low, start - sv.start, min(len(sv.low), start - sv.start + 260))
    end = (m.start() + sv.start) if m else min(sv.end, start + 260)
    j = i
    while j < n and sv.tokens[j].end <= end:
        t = sv.tokens[j]
        if vp and j > i + 1 and (t.low in _FINITE or (t.low.endswith("ed") and is_verbish(sv, j)
                                              and sv.tokens[j - 1].low not in _AUX_TO_BE)):
            end = sv.tokens[j - 1].end
            break
        j += 1
    s, e = clean_span(sv.doc.text, start, end)
    while e > s:
        tail = sv.doc.text[s:e].rsplit(" ", 1)
        last = tail[-1].casefold()
        if len(tail) == 2 and (last in PREPS or last in DETS or last in ("and", "or")):
            e = s + len(tail[0])
            s, e = clean_span(sv.doc.text, s, e)
            continue
        break
    return (s, e)


def _deal_verb(views: BodyViews, si: int, sv: SentView, m: regex.Match[str],
               covered: list[tuple[int, int]]) -> list[Draft]:
    s, e = m.start() + sv.start, m.end() + sv.start
    k = sv.tok_at(s)
    kend = sv.tok_at(e - 1) + 1
    n = len(sv.tokens)
    prev = sv.tokens[k - 1].low if k > 0 else ""
    if prev in DETS:
        return []
    nxt = sv.tokens[kend].low if kend < n else "."
    passive = prev in ("were", "was", "been", "be", "being", "is", "are") or (
        k > 0 and not is_verbish(sv, k - 1) and (nxt in (",", ".", "in", "on", "by", "last", "earlier", "between")
                                                 or sv.date_at_token(kend) is not None if kend < n else True))
    if passive and sv.tokens[k].low.endswith(("ed", "ied")) or passive and sv.tokens[k].low in ("struck", "signed"):
        sub = subject_of(sv, k)
        if sub is None or not _NOUN.search(sv.low, sv.tokens[sub.i].start - sv.start,
                                           sv.tokens[sub.j - 1].end - sv.start):
            return _object_relative(views, si, sv, k, s, e, covered)
        words = [t.low for t in sv.tokens[sub.i:sub.j]]
        if len(words) == 2 and words[0] in ("the", "this") and words[1] in _GENERIC:
            covered.append((sv.tokens[sub.i].start, e))  # "The deal was signed by …": the one just named
            return _draft(sv, si, s, e, [], [], anaphoric=True)
        topic = _noun_topic(sv, sub)
        parties = _by_parties(sv, kend) or _possessor_parties(sv, sub)
        if not parties:
            parties = [p for p in parties_of(sv, _appositive_by(sv, sub.j, k)) if p.kind != "anaphor"]
        covered.append((sv.tokens[sub.i].start, e))
        return _draft(sv, si, s, e, parties, [topic])
    # active: the agreement noun must follow within a few words
    j = kend
    noun_at = None
    while j < min(n, kend + 7):
        mm = _NOUN.match(sv.low, sv.tokens[j].start - sv.start)
        if mm is not None and mm.end() + sv.start <= sv.end:
            noun_at = j
            break
        if sv.tokens[j].low in (".", ";", ",", "to", "that", "with") and j > kend:
            break
        j += 1
    if noun_at is None:
        return _object_relative(views, si, sv, k, s, e, covered)
    noun = sv.tokens[noun_at].low
    parties = _parties(views, si, sv, k)
    after = noun_at + 1
    while after < n and sv.tokens[after].low in ("-",):
        after += 1
    extra: list[Party] = []
    topics = _noun_complement(sv, kend, noun_at, after, noun in _PLURAL_NOUNS)
    w = _find(sv, after, ("with", "between"), 10)
    if w is not None:
        extra = parties_of(sv, np_right(sv, w + 1, limit=15))
    parties = parties + [p for p in extra if p.key not in {q.key for q in parties}]
    covered.append((s, sv.tokens[noun_at].end))
    return _draft(sv, si, s, e, parties, topics)


def _object_relative(views: BodyViews, si: int, sv: SentView, k: int, s: int, e: int,
                     covered: list[tuple[int, int]]) -> list[Draft]:
    """"a trade agreement the two sides concluded in December": the agreement is the verb's object,
    written before its subject."""
    sub = subject_of(sv, k)
    if sub is None or sub.i == 0:
        return []
    j = sub.i - 1
    if sv.tokens[j].low in ("that", "which") and j > 0:
        j -= 1
    if _NOUN.fullmatch(sv.tokens[j].low) is None or sv.tokens[j].cap:
        return []
    i = j
    while i > 0 and sv.tokens[i - 1].low not in DETS and sv.tokens[i - 1].low not in PREPS \
            and not is_verbish(sv, i - 1) and sv.tokens[i - 1].low.isalpha() and j - i < 4:
        i -= 1
    parties = _parties(views, si, sv, k)
    if not parties:
        return []
    covered.append((sv.tokens[i].start, e))
    return _draft(sv, si, s, e, parties, [_span(sv, i, j + 1)])


def _appositive_by(sv: SentView, lo: int, hi: int) -> Phrase | None:
    for k in range(lo, hi):
        if sv.tokens[k].low == "by" and k > 0 and sv.tokens[k - 1].low in ("backed", "brokered", "signed",
                                                                          "agreed", "reached"):
            return np_right(sv, k + 1, limit=10)
    return None


def _possessor_parties(sv: SentView, ph: Phrase) -> list[Party]:
    for k in range(ph.i, ph.j):
        if sv.tokens[k].low == "'s":
            return parties_of(sv, np_left(sv, k, allow_comma=False))
    return []


def _find(sv: SentView, k: int, words: tuple[str, ...], limit: int) -> int | None:
    for j in range(k, min(len(sv.tokens), k + limit)):
        if sv.tokens[j].low in words:
            return j
        if sv.tokens[j].low in (".", ";", ":", ","):
            return None
    return None


def _noun_topic(sv: SentView, ph: Phrase) -> tuple[int, int]:
    """The words naming the agreement, without determiners or a possessor ("Mexico's financing package")."""
    i, j = ph.i, ph.j
    for k in range(ph.i, ph.j):
        if sv.tokens[k].low == "'s" or (sv.tokens[k].low == "of" and _NOUN.search(
                sv.low, sv.tokens[k].end - sv.start, sv.tokens[ph.j - 1].end - sv.start)):
            i = k + 1
    while i < j and sv.tokens[i].low in DETS:
        i += 1
    for k in range(i, j):
        if sv.tokens[k].low == "," or sv.tokens[k].low == "including":
            j = k
            break
    if i >= j:
        return (0, 0)
    return _span(sv, i, j)


def _noun_complement(sv: SentView, kend: int, noun_at: int, after: int, plural: bool) -> list[tuple[int, int]]:
    n = len(sv.tokens)
    # skip a date or adverb between the noun and its complement ("signed an agreement today to …")
    j = after
    d = sv.date_at_token(j) if j < n else None
    if d is not None:
        while j < n and sv.tokens[j].start < d.end:
            j += 1
    low = sv.tokens[j].low if j < n else "."
    if low in ("on", "over", "about") and plural and j + 1 < n:
        ph = np_right(sv, j + 1, limit=30)
        if ph is not None:
            items = _list_items(sv, ph)
            if items:
                return items
    relative = low in ("that", "which") and j + 1 < n and (
        sv.tokens[j + 1].low in AUX or is_verbish(sv, j + 1)
        or (sv.tokens[j + 1].low.endswith("s") and j + 2 < n and sv.mention_of[j + 1] is None
            and (sv.tokens[j + 2].low in DETS or sv.tokens[j + 2].low in ("them", "it", "him", "her", "us"))))
    if low in ("to", "that") and j + 1 < n and not relative:
        return [_topic_to_boundary(sv, j + 1, vp=low == "to")]
    if low == "on" and j + 1 < n:
        return [_trim_when_where(sv, _topic_to_boundary(sv, j + 1))]
    # the noun phrase itself: modifiers + noun (+ "of …"/"for …" complement)
    i = kend
    while i < noun_at and (sv.tokens[i].low in DETS or sv.tokens[i].low in ("new", "an", "a")):
        i += 1
    end_tok = noun_at + 1
    if low in ("of", "for") and j + 1 < n and not relative:
        s, e = _topic_to_boundary(sv, i)
        return [(s, e)]
    return [_span(sv, i, end_tok)]


_TAIL_PLACE = regex.compile(r"\s+(?:in|at)\s+(?:the\s+)?\p{Lu}[\w.'’-]*(?:\s+\p{Lu}[\w.'’-]*){0,3}$")


def _trim_when_where(sv: SentView, topic: tuple[int, int]) -> tuple[int, int]:
    """"a memorandum on fisheries in Lima in November": the topic stops before its place and date."""
    s, e = topic
    text = sv.doc.text
    while e > s:
        d = next((d for d in sv.dates if s < d.start and d.end >= e - 1 and d.start < e), None)
        if d is not None:
            e = d.start
            while e > s and text[e - 1].isspace():
                e -= 1
            k = text.rfind(" ", s, e)
            if k > s and text[k + 1:e].casefold() in ("in", "on", "at", "by", "from", "during"):
                e = k
            continue
        m = _TAIL_PLACE.search(text, s, e)
        if m is not None and m.start() > s:
            e = m.start()
            continue
        break
    return clean_span(text, s, e)


def _list_items(sv: SentView, ph: Phrase) -> list[tuple[int, int]]:
    items = []
    i = ph.i
    for k in range(ph.i, ph.j + 1):
        if k == ph.j or (sv.mention_of[k] is None and sv.tokens[k].low in (",", "and", "or")):
            if k > i:
                s, e = _span(sv, i, k)
                if e > s:
                    items.append((s, e))
            i = k + 1
    return items


def _nominal(views: BodyViews, si: int, sv: SentView, m: regex.Match[str], earlier: list[Draft]) -> Draft | None:
    """"a debt pact between X and Y", "X's new debt agreement", and "the agreement" referring back."""
    s, e = m.start() + sv.start, m.end() + sv.start
    k = sv.tok_at(s)
    n = len(sv.tokens)
    t = sv.tokens[k]
    if t.cap and not sv.headline and k > 0 and sv.tokens[k - 1].cap and sv.tokens[k - 1].low not in DETS:
        return None  # a name ("the International Cocoa Agreement")
    if k + 1 < n and sv.tokens[k + 1].low.isalpha() and not sv.tokens[k + 1].cap and \
            (k == 0 or sv.tokens[k - 1].low not in _DETS_POSSESSIVE) and \
            sv.tokens[k + 1].low not in _NOT_MODIFIED \
            and not is_verbish(sv, k + 1) and sv.mention_of[k + 1] is None:
        return None  # a modifier: "truce monitors", "deal talks"
    left = np_left(sv, k, allow_comma=False)
    i = left.i if left is not None else k
    for j in range(k - 1, i - 1, -1):
        if sv.tokens[j].low in ("of", "for", "to", "in", "on"):
            i = j + 1
            break
    w = _find(sv, k + 1, ("between",), 6)
    status: list[str] = []  # the modality is read only where a reading depends on it

    def occurred() -> bool:
        if not status:
            status.append(text_modality(sv.doc.text, sv.start, sv.end, s, e).status)
        return status[0] == "occurred"

    if w is not None:
        parties = parties_of(sv, np_right(sv, w + 1, limit=15))
        if parties:
            if not occurred():
                return None
            ts, te = _span(sv, _skip_dets(sv, i, k), k + 1)
            return _draft(sv, si, s, e, parties, [(ts, te)])[0]
    poss = [j for j in range(i, k) if sv.tokens[j].low == "'s"]
    if poss:
        parties = parties_of(sv, np_left(sv, poss[-1], allow_comma=False))
        if parties and occurred():
            ts, te = _span(sv, poss[-1] + 1, k + 1)
            ts, te = _strip_det_span(sv, ts, te)
            return _draft(sv, si, s, e, parties, [(ts, te)])[0]
    prev = sv.tokens[k - 1].low if k > 0 else ""
    if (prev in _ANAPHOR_DET or (k > 1 and sv.tokens[k - 2].low in _ANAPHOR_DET)) and earlier:
        d = _draft(sv, si, s, e, [], [], anaphoric=True)[0]
        return d
    if k + 1 < n and sv.tokens[k - 1].low not in DETS and i < k:
        mods = [p for p in parties_of(sv, Phrase(i, k)) if p.kind in ("organization", "country")]
        if mods and not sv.tokens[k].cap and occurred():
            ts, te = _span(sv, _skip_dets(sv, i, k), k + 1)
            return _draft(sv, si, s, e, mods[:1], [(ts, te)])[0]
    return None


def _skip_dets(sv: SentView, i: int, k: int) -> int:
    while i < k and sv.tokens[i].low in DETS:
        i += 1
    return i


def _strip_det_span(sv: SentView, s: int, e: int) -> tuple[int, int]:
    text = sv.doc.text[s:e]
    for det in ("the ", "a ", "an ", "its ", "their "):
        if text.casefold().startswith(det):
            return s + len(det), e
    return s, e


# --------------------------------------------------------------------------- merging
_TOPIC_WORD = regex.compile(r"\w+")
_TOPIC_STOPWORDS = frozenset("the a an of and or its their to on in for with s new".split())


@functools.lru_cache(maxsize=1024)
def _words(text: str) -> frozenset[str]:
    """Content words of a topic; cached because merging compares each topic many times."""
    return frozenset(w for w in _TOPIC_WORD.findall(text.casefold()) if w not in _TOPIC_STOPWORDS)


_GENERIC = {"agreement", "deal", "accord", "pact", "treaty"}


def _same(a: Draft, b: Draft) -> bool:
    if a.sentence == b.sentence:
        return False  # two triggers of one sentence are two agreements
    if a.status != b.status or not dates_compatible(a.date, b.date):
        return False
    ka, kb = a.keys("party"), b.keys("party")
    if ka and kb and not (ka <= kb or kb <= ka or (ka & kb and (a.headline or b.headline))):
        return False
    ta, tb = _words(a.attributes.get("topic", "")), _words(b.attributes.get("topic", ""))
    if a.headline or b.headline:
        return bool(ka & kb) or bool(ta & tb - _GENERIC)
    if not ta or not tb:
        return False
    return len(ta & tb) / len(ta | tb) > 0.5


def _merge(drafts: list[Draft]) -> list[Draft]:
    merged: list[Draft] = []
    for d in drafts:
        if d.anaphoric and not d.roles.get("party"):
            target = next((c for c in reversed(merged[-10:]) if d.sentence - c.sentence <= 3), None)
            if target is not None:
                status = target.status
                topic = target.attributes.get("topic")
                absorb(target, d)
                target.status = status
                if topic:
                    target.attributes["topic"] = topic
            continue
        target = next((c for c in candidates(merged) if _same(c, d)), None)
        if target is None:
            merged.append(d)
            continue
        keep_topic = target.attributes.get("topic") if not target.headline else d.attributes.get("topic")
        absorb(target, d)
        if keep_topic:
            target.attributes["topic"] = keep_topic
    return merged


@hookimpl
def register_extractors(register) -> None:  # type: ignore[no-untyped-def]
    register(Extractor(name=NAME, extract=extract, produces=("event:agreement",),
                       description="Agreements reached, signed or renewed: parties, topic and date."))
