"""Sanctions: restrictive measures imposed, lifted, extended or threatened.

A measure is named by a noun ("sanctions", "an export ban", "asset freezes",
"the trade blacklist") governed by an action verb ("imposed", "lift",
"extend", "threatened"), or by a verb that is itself the measure ("sanctioned
X", "blacklisted X", "prohibited the sale of … to X", "froze the assets of X").
The imposer is the subject as written, or the one asked to act in a demand
("pressed Ottawa to lift its sanctions" → imposer Ottawa); the target is the
phrase after on/against/targeting; the reason follows over/for/in response
to/due to. Mentions of one measure merge into one event per imposer.
"""

from __future__ import annotations

from collections.abc import Iterator

import regex

from factkit.analysis.document import AnalysedDocument
from factkit.analysis.modality import Modality, text_modality
from factkit.extractor import Extractor
from factkit.hookspecs import hookimpl
from factkit.schema import Event, Relation

from ._events import (
    candidates,
    DETS,
    absorb,
    fold_headlines,
    BodyViews,
    Draft,
    Party,
    Phrase,
    SentView,
    body_views,
    clean_span,
    dates_compatible,
    is_verbish,
    np_left,
    np_right,
    pair_relations,
    parties_of,
    pick_date,
    reporter_of,
    subject_of,
    to_event,
    matches_from,
)

NAME = "sanctions"

_MEASURE_NOUN = (
    r"(?:(?:economic|financial|trade|arms|oil|export|import|travel|visa|entry|investment|technology|"
    r"punitive|retaliatory|targeted|new|fresh|tough|tougher|additional|further|sectoral|unilateral|illegal|"
    r"international|sweeping|harsh|crippling|wide-ranging|broad)\s+){0,3}"
    r"(?:sanctions?|embargo(?:es)?|blockade|(?:export|import|travel|visa|entry|arms|trade|investment)\s+"
    r"(?:bans?|controls|restrictions|curbs|embargo(?:es)?)|asset\s+freezes?|(?:trade\s+)?blacklists?|"
    r"entity\s+list|restrictive\s+measures|punitive\s+(?:measures|tariffs|actions?|steps)|countermeasures|"
    r"retaliatory\s+(?:tariffs|measures|action|actions|duties)|tariff\s+penalties|"
    r"(?:import|export)\s+(?:restrictions|quotas|curbs)|economic\s+(?:actions?|penalties|measures)|"
    r"financial\s+penalt(?:y|ies)|"
    r"(?:restrictions|curbs|limits|bans?|embargo(?:es)?|controls|quotas)\s+on\s+(?:the\s+)?(?:[\w.]+\s+){0,2}?"
    r"(?:imports|exports|purchases|shipments)|"
    r"(?<=\bthe\s)bans?(?!\s+(?:on|against|of|from)\b)|"
    r"(?:similar|economic|financial|new|fresh|further|additional|targeted|tough|tougher)\s+penalties|"
    r"(?:further|new|additional|fresh|tougher|targeted|punitive)\s+measures(?=\s+(?:against|on|targeting)\b))"
)
_NOUN = regex.compile(r"\b(?P<n>" + _MEASURE_NOUN + r"(?:\s+(?:and|or)\s+" + _MEASURE_NOUN + r")?)\b")
_VERBAL = regex.compile(
    r"\b(?:(?P<sanction>sanction(?:ed|s|ing)?\b)"
    r"|(?P<blacklist>blacklist(?:ed|s|ing)?\b|de-?list(?:ed|s|ing)?\b|designat(?:e|es|ing)(?=\s+(?:further|more|new|"
    r"additional|other|\p{Lu}|\d|the|those|individuals|entities|companies|officials)))"
    r"|(?P<freeze>(?:froze|freez(?:e|es|ing)|frozen|unfr(?:eeze|oze|eezing|ozen))\s+(?:the\s+)?(?:\w+\s+){0,2}?"
    r"(?:assets|funds|accounts|property))"
    r"|(?P<ban>(?:ban(?:ned|s|ning)?|prohibit(?:ed|s|ing)?|barr?(?:ed|ing|s)?|restrict(?:ed|s|ing)?|"
    r"halt(?:ed|s|ing)?|suspend(?:ed|s|ing)?|suspension\s+of|cut(?:ting)?\s+off|reduc(?:ed|e|es|ing)|"
    r"cut(?:s|ting)?(?=\s+(?:its\s+|their\s+|all\s+)?imports\s+of\b))"
    r"\s+(?:the\s+|all\s+|its\s+|their\s+|part\s+of\s+(?:a|the|its)\s+)?(?:\w+\s+){0,2}?"
    r"(?:sale|sales|exports?|imports?|shipments?|transfers?|supply|supplies|purchases?|aid|assistance|"
    r"air\s+links|flights|loans|funding|investment|trade)\b)"
    r"|(?P<deny>den(?:y|ied|ies|ying)\s+entry\b|(?:entry|visa)\s+bans?\b)"
    r"|(?P<added>add(?:ed|s|ing)?|plac(?:ed|es|ing)|put(?:s|ting)?|includ(?:ed|es|ing))\b(?=[^.;]{0,120}?\b(?:on|to|in)\s+"
    r"(?:the|its|a|their)\s+(?:\w+\s+){0,3}?(?:blacklist|entity\s+list|sanctions\s+list|list\s+of\s+"
    r"(?:specially|sanctioned|designated)))"
    r"|(?P<lifting>(?:lifting|removal|easing|suspension|end)\s+of\s+(?:the\s+|all\s+|these\s+|those\s+)?"
    r"(?:sanctions|them|measures|restrictions|embargo|ban)\b)"
    r"|(?P<liftpron>(?:lift|lifting|revoke|revoking|remove|removing|rescind|rescinding|drop|dropping|scrap|end|ease)"
    r"\s+them\b)"
    r"|(?P<action>(?:take|took|taken|taking|takes)\s+(?:\w+\s+){0,2}?action\s+(?=against))"
    r"|(?P<removed>remov(?:e|ed|es|ing)|tak(?:e|en|es|ing)\s+off)\b(?=[^.;]{0,120}?\bfrom\s+(?:the|its|a)\s+"
    r"(?:\w+\s+){0,3}?(?:blacklist|list))"
    r")"
)

_LIFT = frozenset("lift lifted lifts lifting remove removed removes removing removal ease eased eases easing "
                  "end ended ends ending revoke revoked revokes revoking revocation drop dropped drops dropping "
                  "scrap scrapped rescind rescinded waive waived waiver unfreeze unfroze repeal repealed relax "
                  "relaxed relaxing withdraw withdrew withdrawn terminate terminated loosen loosened lifting "
                  "delist delisted delisting de-list de-listed de-listing".split())
_EXTEND = frozenset("extend extended extends extending extension renew renewed renews renewing renewal "
                    "rollover prolong prolonged prolonging maintain maintained maintains keep kept".split())
_THREATEN = frozenset("threaten threatened threatens threatening threat threats warned warn warns warning "
                      "vow vowed vows face faces".split())
_IMPOSE = frozenset(
    "impose imposed imposes imposing imposition slap slapped slaps slapping levy levied levies announce "
    "announced announces announcing approve approved approves approving adopt adopted adopts introduce "
    "introduced introduces unveil unveiled unveils tighten tightened tightening tightens expand expanded "
    "toughen toughened broaden broadened widen widened pass passed passes apply applied enforce enforced "
    "prepare preparing prepares prepared readies readying consider considering considers weigh weighing "
    "mull mulls mulling hit hits agreed agree agrees agreeing seek seeks sought call called calls calling "
    "urge urged urges demand demanded demands demanding push pushed pushing order ordered orders "
    "implement implemented implementing step stepped reimpose reimposed re-impose re-imposed decreed "
    "decree authorised authorized authorize authorise issue issued issues issuing retaliate retaliated "
    "join joins joined joining".split()
)
_NEW = frozenset("new fresh additional further latest".split())
_PARTICIPLE = {"imposed": "impose", "slapped": "impose", "levied": "impose", "announced": "impose",
               "passed": "impose", "approved": "impose", "adopted": "impose", "introduced": "impose",
               "lifted": "lift", "removed": "lift", "eased": "lift", "extended": "extend",
               "renewed": "extend", "threatened": "threaten"}
_TARGET_PREPS = ("on", "against", "targeting", "upon")
_NOT_IMPOSER = frozenset("resolution measure measures law bill decree decision order package move step "
                         "sanctions sanction document text ban embargo restrictions".split())
_REASON = regex.compile(
    r"\b(?P<m>over|for|in\s+response\s+to|due\s+to|because\s+of|in\s+retaliation\s+(?:for|against)|"
    r"as\s+punishment\s+for|in\s+protest\s+(?:at|against|over)|in\s+the\s+wake\s+of|after|following|"
    r"accusing\s+(?:them|it|him|her|the\s+\w+)\s+of|(?:accused|suspected)\s+of|"
    r"(?:that|who|which)\s+(?:it|they|he|she|the\s+\w+)\s+(?:says?|said|alleges?|alleged)|citing|"
    r"in\s+(?:a\s+)?bid\s+to|to\s+(?=pressure|punish|force|"
    r"push|deter|penalize|penalise|stop|curb)|as\s+(?:it|they|he|she|washington|the\s+\w+)\s+(?:seeks?|sought|"
    r"aims?|tries|tried)\s+to|unless|if)\s+"
)
_REASON_STOP = regex.compile(r'[,;:"“”(]')
_DURATION = regex.compile(r"\s*(?:the\s+|an?\s+)?(?:\w+\s+)?(?:months?|years?|weeks?|days?|six|three|period|time)\b")
_WORD = regex.compile(r"\w+")
_REASON_END = regex.compile(r"[;:()\[\]]|,|\.(?:\s|$)|\s[—–-]\s|\bbut\b|\bwhile\b|\bwhich\b|[\"“”]")
_NOT_TARGET = frozenset("measures sanctions it them this that time place hold effect include the a "
                        "account board record action".split())
_COMPOUND_HEADS = frozenset("announcement announcements package packages regime regimes list lists programme program "
                            "bill law laws policy policies relief decision decisions move moves threat threats "
                            "action actions measures enforcement violations violation evasion busting designations "
                            "designation committee panel office officials experts waiver waivers".split())
_REPORTING = frozenset("said says announced announces agreed agree agrees decided warned warns threatened "
                       "threatens vowed declared stated told confirmed pledged promised".split())


def extract(doc: AnalysedDocument) -> Iterator[Event | Relation]:
    """Sanction events (one per imposer and measure) and sanctions relations for imposed ones."""
    views = body_views(doc)
    drafts: list[Draft] = []
    for si in _candidates(views):
        drafts.extend(_sentence_drafts(views, si, drafts[-30:]))
    _fill_from_context(drafts)
    events = [d for d in _merge(drafts) if d.roles.get("target")]
    for d in events:
        yield to_event(doc, d, NAME)
    for d in events:
        if d.attributes.get("action") != "impose" or d.status != "occurred":
            continue
        pairs = [(a, b) for a in d.roles.get("imposer", []) for b in d.roles.get("target", [])
                 if a.kind != "group"]
        yield from pair_relations(doc, "sanctions", pairs, d.evidence, NAME, 0.6)


# --------------------------------------------------------------------------- one sentence
# Every match of _VERBAL and _NOUN has a word starting with one of _TRIGGER_STEMS, or words from both
# sets of a pair below (a "ban" verb and the goods it stops; a lifting verb before "them"): other
# sentences are skipped unread.
_TRIGGER_STEMS = (
    "sanction", "embargo", "blockade", "ban", "control", "restrict", "curb", "freez", "froze", "unfr", "blacklist",
    "delist", "list", "measures", "countermeasures", "punitive", "retaliatory", "penalt", "import", "export",
    "purchase", "shipment", "designat", "entry", "visa", "action",
)
# Words that start with a stem where no pattern can match ("importance" is not "import"): a word
# that begins with one of these does not make its sentence a candidate. ("bank" would be one for
# "ban", but "the easing of the ban" also matches the start of "the easing of the banking crisis".)
_NOT_TRIGGERS = ("importan", "importer", "exporter", "designated", "designation", "bank")
_TRIGGER_PAIRS = (
    (("prohibit", "bar", "halt", "suspen", "cut", "reduc"),
     ("sale", "transfer", "suppl", "aid", "assistance", "links", "flight", "loan", "funding", "investment",
      "trade")),
    (("lift", "revok", "remov", "rescind", "drop", "scrap", "end", "eas", "suspen"), ("them",)),
)


def _candidates(views: BodyViews) -> list[int]:
    """Sentences that may hold a trigger, in text order."""
    found = set(views.containing(_TRIGGER_STEMS, _NOT_TRIGGERS))
    for first, second in _TRIGGER_PAIRS:
        for si in views.containing(first) - found:
            low = views.low(si)
            if any(stem in low for stem in second):
                found.add(si)
    return sorted(found)


# Every match of _NOUN / _VERBAL begins with a word starting with one of these (the first literals of
# their alternatives): see matches_from.
_NOUN_FIRST = (
    "economic", "financial", "trade", "arms", "oil", "export", "import", "travel", "visa", "entry", "investment",
    "technology", "punitive", "retaliatory", "targeted", "new", "fresh", "tough", "additional", "further",
    "sectoral", "unilateral", "illegal", "international", "sweeping", "harsh", "crippling", "wide-ranging", "broad",
    "sanction", "embargo", "blockade", "asset", "blacklist", "entity", "restrictive", "countermeasures", "tariff",
    "restrictions", "curbs", "limits", "ban", "controls", "quotas", "similar",
)
_VERBAL_FIRST = (
    "sanction", "blacklist", "de", "designat", "froze", "freez", "unfr", "ban", "prohibit", "bar", "restrict",
    "halt", "suspen", "cut", "reduc", "den", "entry", "visa", "add", "plac", "put", "includ", "lifting", "removal",
    "easing", "end", "lift", "revok", "remov", "rescind", "drop", "scrap", "ease", "take", "took", "tak",
)


def _sentence_drafts(views: BodyViews, si: int, earlier: list[Draft]) -> list[Draft]:
    low = views.low(si)
    verbal = matches_from(_VERBAL, _VERBAL_FIRST, low)
    nouns = matches_from(_NOUN, _NOUN_FIRST, low)
    if not verbal and not nouns:
        return []  # no trigger: the sentence need not be read
    sv = views[si]
    found: list[tuple[int, int, str, int | None, str, str]] = []  # s, e, action, action_tok, measure, kind
    for m in verbal:
        got = _verbal(sv, m)
        if got is not None:
            found.append(got)
    for m in nouns:
        s, e = m.start() + sv.start, m.end() + sv.start
        if any(a < e and s < b for a, b, *_r in found):
            continue
        got = _nominal(sv, m)
        if got is not None:
            found.append(got)
    found.sort(key=lambda f: f[0])
    triggers = [(s, e) for s, e, *_ in found]
    out: list[Draft] = []
    for s, e, action, atok, measure, kind in found:
        d = _draft(views, si, sv, s, e, action, atok, measure, kind, triggers, earlier + out[-10:])
        if d is None:
            continue
        prev = out[-1] if out else None
        if prev is not None and not d.roles.get("target") and 0 <= s - prev.trigger[1] < 60 \
                and prev.attributes.get("action") == d.attributes.get("action"):
            # "earlier measures adopted in May barring fuel sales": one measure, described twice
            if d.attributes.get("measure") and prev.attributes.get("measure", "").casefold() in _GENERIC_MEASURES:
                prev.attributes["measure"] = d.attributes["measure"]
            prev.date = prev.date or d.date
            continue
        out.append(d)
    return out


def _verbal(sv: SentView, m: regex.Match[str]) -> tuple | None:
    kind = m.lastgroup or ""
    s, e = m.start() + sv.start, m.end() + sv.start
    k = sv.tok_at(s)
    word = sv.tokens[k].low if k < len(sv.tokens) else ""
    nxt_i = sv.tok_at(e)
    nxt = sv.tokens[nxt_i].low if nxt_i < len(sv.tokens) else ""
    prev = sv.tokens[k - 1].low if k > 0 else ""
    if kind == "sanction" and word == "sanctioned" and nxt in ("include", "includes", "included", "are", "were",
                                                              "have", "had", "will", "would", "can", "could"):
        return None  # "those sanctioned include …": the targets of a measure already named
    if kind == "sanction":
        if word in ("sanction", "sanctions") and (prev in DETS or nxt in ("on", "against", "targeting", "over",
                                                                         "for", ",", ".", "and", "imposed",
                                                                         "were", "was", "list", "would", "that")):
            return None
        if word in ("sanction", "sanctions") and nxt in _COMPOUND_HEADS:
            return None  # "EU sanctions announcement": a noun compound
        if word in ("sanction", "sanctions") and not (sv.mention_of[k - 1] is not None if k > 0 else False) \
                and prev not in ("to", "will", "would", "could", "may", "might", "also", "not", "it", "they"):
            return None
        action = "impose"
        measure = "sanctions"
    elif kind == "blacklist":
        if prev in DETS or prev in ("trade", "'s") or nxt in _COMPOUND_HEADS:
            return None
        action = "lift" if "list" in word and word.startswith(("delist", "de-list")) else "impose"
        measure = "blacklist"
    elif kind == "freeze":
        action = "lift" if word.startswith("unfr") else "impose"
        measure = "asset freeze"
    elif kind == "ban":
        if prev in DETS:
            return None
        action = "impose"
        measure = sv.doc.text[s:e]
    elif kind == "deny":
        action = "impose"
        measure = sv.doc.text[s:e]
    elif kind == "added":
        action = "impose"
        measure = "blacklist"
        e = s + len(m.group(kind))
    elif kind == "action":
        action = "impose"
        measure = "action"
    elif kind in ("lifting", "liftpron"):
        action = "lift"
        measure = "sanctions"
    elif kind == "removed":
        action = "lift"
        measure = "blacklist"
        e = s + len(m.group(kind))
    else:
        return None
    return s, e, action, k, measure, kind


def _nominal(sv: SentView, m: regex.Match[str]) -> tuple | None:
    s, e = m.start() + sv.start, m.end() + sv.start
    k = sv.tok_at(s)
    kend = sv.tok_at(e - 1) + 1
    noun_text = sv.doc.text[s:e]
    measure = noun_text
    action, atok = None, None
    if kend < len(sv.tokens):
        # "sanctions imposed on …", "the sanctions were lifted"
        for jj in range(kend, min(len(sv.tokens), kend + 4)):
            low = sv.tokens[jj].low
            if low in _PARTICIPLE:
                action, atok = _PARTICIPLE[low], jj
                break
            if low not in ("were", "was", "have", "has", "been", "be", "will", "would", "could", "may", "might",
                           "should", "that", "the", "us", "it", "they", "later", "recently", "last", "week", "month"):
                if sv.mention_of[jj] is None:
                    break
    # action verb: nearest to the left within the clause
    j = k - 1 if action is None else -1
    steps, limit = 0, 12
    if j >= 2 and sv.tokens[j].low == "with" and sv.tokens[j - 1].low in ("along", "together"):
        j, limit = j - 2, 24  # "extended an embargo on X, along with targeted sanctions on Y"
    elif j >= 2 and [t.low for t in sv.tokens[j - 2:j + 1]] == ["as", "well", "as"]:
        j, limit = j - 3, 24
    while j >= 0 and steps < limit:
        low = sv.tokens[j].low
        if low in (".", ";", ":", "that", "but", "while", "which", "who"):
            break
        nxt = sv.tokens[j + 1].low if j + 1 < len(sv.tokens) else ""
        if low in _LIFT or (low in ("roll", "rolled", "rolls", "rolling") and nxt == "back"):
            action, atok = ("lift", j)
            break
        if low in _EXTEND or (low in ("roll", "rolled", "rolls", "rolling") and nxt == "over"):
            action, atok = ("extend", j)
            break
        if low in _THREATEN:
            action, atok = ("threaten", j)
            break
        if low in _IMPOSE:
            if low in ("call", "called", "calls", "calling", "push", "pushed", "pushing") and nxt != "for":
                j -= 1
                steps += 1
                continue
            action, atok = ("impose", j)
            break
        j -= 1
        steps += 1
    if action in ("impose", "lift") and atok is not None and atok < k:
        for jj in range(atok - 1, max(-1, atok - 5), -1):
            if sv.tokens[jj].low in _THREATEN and sv.tokens[jj].low not in ("face", "faces"):
                action, atok = "threaten", jj  # "threatened (today) to impose …"
                break
            if sv.tokens[jj].low in (",", ".", ";"):
                break
    if action is None and k >= 2 and sv.tokens[k - 1].low == "'s" and sv.mention_of[k - 2] is not None \
            and (r := sv.doc._by_id.get(sv.mention_of[k - 2].entity_id)) is not None \
            and r.type in ("country", "organization") and noun_text.casefold() not in ("ban", "bans"):
        action, atok = "impose", None  # "New Zealand's ban on Canadian wheat imports": a measure in force
    if action is None:
        first = sv.tokens[k].low if k < len(sv.tokens) else ""
        if first in _NEW or "rollover" in sv.low[max(0, s - sv.start - 20):s - sv.start]:
            action, atok = ("extend" if "rollover" in sv.low[max(0, s - sv.start - 20):s - sv.start]
                            else "impose", None)
        else:
            return None
    return s, e, action, atok, _measure_text(measure), "noun"


def _measure_text(text: str) -> str:
    words = text.split()
    while words and words[0].casefold() in _NEW | {"tough", "tougher", "illegal", "unilateral", "harsh",
                                                   "sweeping", "crippling", "broad"}:
        words.pop(0)
    out = " ".join(words)
    return out


def _draft(views: BodyViews, si: int, sv: SentView, s: int, e: int, action: str, atok: int | None,
           measure: str, kind: str, triggers: list[tuple[int, int]], earlier: list[Draft]) -> Draft | None:
    doc = sv.doc
    after_noun = atok is not None and sv.tokens[atok].start >= e
    anchor_s, anchor_e = (sv.tokens[atok].start, sv.tokens[atok].end) \
        if atok is not None and (kind != "noun" or after_noun) else (s, e)
    mod = text_modality(doc.text, sv.start, sv.end, anchor_s, anchor_e)
    status = mod.status
    cue = (mod.cue or "").casefold()
    if action == "threaten":
        # "a draft that would threaten sanctions": only a possible threat
        status = mod.status if mod.status in ("negated", "hypothetical") and not mod.reported else "occurred"
    elif mod.threat or (mod.reported and mod.conditional):
        action, status = "threaten", "occurred"
    elif status == "planned" and cue.startswith(("agree", "decide", "vote")):
        status = "occurred"
    if atok is not None and sv.tokens[atok].low in ("call", "called", "calls", "calling", "urge", "urged",
                                                    "urges", "demand", "demanded", "demands", "demanding",
                                                    "seek", "seeks", "sought", "push", "pushed", "pushing"):
        status = "demanded"
    if kind == "liftpron" and not any(d.sentence == si for d in earlier):
        return None
    held = kind == "noun" and atok is None and action == "impose" and _held_by(sv, sv.tok_at(s))
    if held:
        status = "occurred"  # "talks on New Zealand's ban …": the ban is in force, whatever the talks are
    imposer = _imposer(sv, s, e, atok, mod, status, kind)
    target = _target(sv, s, e, atok, kind, earlier)
    target_words = {_fold(p.text) for p in target}
    imposer = [p for p in imposer if _fold(p.text) not in target_words and p.key not in {t.key for t in target}]
    if kind == "ban" and target:
        measure = doc.text[s:_measure_end(sv, e, target[0].start)]
    if action == "extend" and target and _extends_to(sv, atok, sv.tok_at(target[0].start) - 1):
        action = "impose"  # extended to new targets is imposed on them
    reason = _reason(sv, target, e, action)
    d = Draft("sanction", status, {"imposer": imposer, "target": target}, si, (s, e), [(sv.start, sv.end)],
              headline=sv.headline, confidence=0.5 if sv.headline else 0.7)
    d.attributes["action"] = action
    d.attributes["measure"] = measure
    kk = sv.tok_at(s)
    if kk > 0 and sv.tokens[kk - 1].low in ("the", "these", "those", "such", "other", "its", "their"):
        d.attributes["_definite"] = "1"
    if reason:
        d.attributes["reason"] = reason
    d.date = None if held else pick_date(sv, s, e, triggers)
    return d


def _held_by(sv: SentView, k: int) -> bool:
    """A country's or body's possessive right before the measure: "New Zealand's ban on …"."""
    m = sv.mention_of[k - 2] if k >= 2 and sv.tokens[k - 1].low == "'s" else None
    r = sv.doc._by_id.get(m.entity_id) if m is not None else None
    return r is not None and r.type in ("country", "organization")


def _measure_end(sv: SentView, e: int, target_start: int) -> int:
    """"barred the export of turbines (to X)": the measure runs up to the target's preposition."""
    if target_start <= e or target_start - e > 120:
        return e
    k = sv.tok_at(target_start) - 1
    while k >= 0 and sv.tokens[k].start >= e and sv.tokens[k].low in ("to", "on", "against", "with", "the"):
        k -= 1
    return max(e, sv.tokens[k].end) if k >= 0 else e


def _imposer(sv: SentView, s: int, e: int, atok: int | None, mod: Modality, status: str,
             kind: str) -> list[Party]:
    doc = sv.doc
    if status == "demanded" and mod.cue_end is not None:
        cue = (mod.cue or "").casefold()
        if cue not in ("should", "must", "ought to", "need to", "needs to", "have to", "has to"):
            k = sv.tok_at(mod.cue_end)
            if k < len(sv.tokens) and sv.tokens[k].low in ("on", "upon"):
                k += 1
            ph = np_right(sv, k, limit=10, lists=False)
            if ph is not None and sv.tokens[ph.i].low not in {"for"} | _NOT_IMPOSER:
                got = [p for p in parties_of(sv, ph) if (p.kind != "group" or p.entity) and p.kind != "anaphor"]
                if got and ph.j < len(sv.tokens) and sv.tokens[ph.j].low == "to":
                    return got
            return []
    verb = atok if atok is not None else None
    passive = verb is not None and verb > 0 and sv.tokens[verb - 1].low in (
        "were", "was", "been", "being", "be", "is", "are") and not sv.tokens[verb].low.endswith("ing")
    if verb is not None and verb <= sv.tok_at(s) and not passive:
        ph = subject_of(sv, verb)
        if ph is not None and not _contains_trigger(sv, ph, s):
            if ph.j - ph.i == 1 and sv.tokens[ph.i].low in ("it", "they", "he", "she", "we"):
                got = reporter_of(sv, ph.i)
                if got:
                    return got
            got = _as_imposers(sv, ph)
            if got:
                return got
        if sv.tokens[verb].low.endswith("ing") and (ph is None or not _as_imposers(sv, ph)):
            j = _start_of_verb_group(sv, verb)
            if j > 0 and sv.tokens[j - 1].low == "that":
                got = reporter_of(sv, j - 1)
                if got:
                    return got
        if verb > 1 and sv.tokens[verb - 1].low in ("a", "an", "the") and is_verbish(sv, verb - 2):
            got = _as_imposers(sv, subject_of(sv, verb - 2))  # "announced a suspension of …"
            if got:
                return got
    # "… by the Treasury", "new sanctions from Britain", "Britain's asset freezes", "EU sanctions"
    k = sv.tok_at(e)
    for j in range(k, min(len(sv.tokens), k + 8) if kind == "noun" else k):
        low = sv.tokens[j].low
        if low in ("by", "from") and j + 1 < len(sv.tokens):
            got = _as_imposers(sv, np_right(sv, j + 1, limit=8, lists=True))
            if got:
                return got
        if low in (",", ".", ";", "on", "against", "over", "for"):
            break
    k0 = sv.tok_at(s)
    if k0 > 0:
        j = k0 - 1
        if sv.tokens[j].low == "'s" and j > 0:
            j -= 1
        m = sv.mention_of[j]
        if m is not None:
            r = doc._by_id.get(m.entity_id)
            if r is not None and r.type in ("country", "organization"):
                return [Party(r.id, doc.text[m.start:m.end], m.start, m.end, r.type)]
    if not (mod.threat or mod.reported):
        return []
    # passive or threat: the subject of the reporting verb ("the ministers agreed that sanctions would be …")
    for j in range(sv.tok_at(s) - 1, -1, -1):
        if sv.tokens[j].low in _REPORTING:
            # "X said the UK would …": the reported clause's own subject acts; else the reporter ("it would")
            k = j + 1 + (j + 1 < len(sv.tokens) and sv.tokens[j + 1].low == "that")
            inner = [p for p in _as_imposers(sv, np_right(sv, k, limit=8, lists=False))
                     if p.kind in ("country", "organization")] if k < sv.tok_at(s) else []
            if inner:
                return inner
            got = _as_imposers(sv, subject_of(sv, j))
            if got:
                return got
            break
    return []


def _start_of_verb_group(sv: SentView, verb: int) -> int:
    j = verb
    while j > 0 and sv.tokens[j - 1].low in ("to", "not", "be", "been"):
        j -= 1
    return j


def _contains_trigger(sv: SentView, ph: Phrase, s: int) -> bool:
    return sv.tokens[ph.i].start <= s < sv.tokens[ph.j - 1].end


def _as_imposers(sv: SentView, ph: Phrase | None) -> list[Party]:
    if ph is None:
        return []
    if sv.tokens[ph.j - 1].low in _NOT_IMPOSER and sv.mention_of[ph.j - 1] is None:
        orgs = [p for p in parties_of(sv, Phrase(ph.i, ph.j - 1)) if p.kind == "organization"]
        return orgs[:1]
    return [p for p in parties_of(sv, ph) if p.kind != "anaphor"]


def _target(sv: SentView, s: int, e: int, atok: int | None, kind: str, earlier: list[Draft]) -> list[Party]:
    k = sv.tok_at(e)
    if kind == "noun" and atok is not None and atok >= k and atok - k < 5:
        k = atok + 1
    if kind in ("sanction", "blacklist", "freeze") and k < len(sv.tokens) and sv.tokens[k].low not in \
            _TARGET_PREPS + ("of", "to", "with", "for"):
        if kind != "freeze":
            got = _targets_of(sv, np_right(sv, k, limit=40), earlier)
            if got:
                return got
    if kind == "added" or kind == "removed":
        ph = np_right(sv, k, limit=40)
        got = _targets_of(sv, ph, earlier)
        if got:
            return got
        # passive: "five companies were added to the blacklist"
        j = sv.tok_at(s)
        while j > 0 and sv.tokens[j - 1].low in ("were", "was", "been", "have", "has", "be", "being", "had"):
            j -= 1
        return _targets_of(sv, np_left(sv, j, allow_comma=False), earlier)
    if kind == "sanction" and sv.tokens[sv.tok_at(s)].low == "sanctioned":
        j = sv.tok_at(s)
        if j > 0 and sv.tokens[j - 1].low in ("were", "was", "been", "be", "being"):
            while j > 0 and sv.tokens[j - 1].low in ("were", "was", "been", "have", "has", "be", "being", "had"):
                j -= 1
            subj = np_left(sv, j, allow_comma=False)
            if subj is not None and subj.i > 0 and sv.tokens[subj.i - 1].low in ("in", "of", "for", "on", "at"):
                # "Officials responsible for the crackdown in Tbilisi have been sanctioned": the whole subject
                c = subj.i - 1
                while c > 0 and sv.tokens[c - 1].low not in (",", ";", ":", "that", "which", "who") and subj.j - c < 25:
                    c -= 1
                if c < subj.i - 1 and sv.tokens[c].text[:1].isalpha():
                    subj = Phrase(c, subj.j)
            return _targets_of(sv, subj, earlier)
    goods_target = None
    reach = 4 if kind == "noun" else 14
    imports = "import" in sv.low[s - sv.start:e - sv.start]
    trade = imports or "export" in sv.low[s - sv.start:e - sv.start]
    goods_origin: list[Party] = []
    if trade and kind == "noun":
        on = sv.low.find(" on ", s - sv.start, e - sv.start)
        for m in (sv.doc.mentions_in(on + sv.start, e) if on >= 0 else ()):
            r = sv.doc._by_id.get(m.entity_id)
            if r is not None and r.type == "country":
                goods_origin = [Party(r.id, sv.doc.text[m.start:m.end], m.start, m.end, r.type)]
                break
    j = k
    if trade and j < len(sv.tokens) and sv.tokens[j].low == "of":
        # "restrictions on imports of beef (from X)": skip the goods, remember who makes them
        goods = np_right(sv, j + 1, limit=12)
        if goods is not None:
            for g in range(goods.i, goods.j):
                m = sv.mention_of[g]
                r = sv.doc._by_id.get(m.entity_id) if m is not None else None
                if r is not None and r.type == "country" and not goods_origin:
                    goods_origin = [Party(r.id, sv.doc.text[m.start:m.end], m.start, m.end, r.type)]
            j = k = goods.j
            if j < len(sv.tokens) and sv.tokens[j].low not in ("from", "to"):
                reach = 0  # only "from X" / "to X" right after the goods can name the target
    while j < min(len(sv.tokens), k + reach + (6 if goods_target else 0)):
        low = sv.tokens[j].low
        if imports and low == "from" and j + 1 < len(sv.tokens):
            got = _targets_of(sv, np_right(sv, j + 1, limit=40), earlier)
            if got:
                return got
        if low in (".", ";", ":", ",") or (low in ("but", "while", "which", "because", "and") and j > k) or \
                (kind != "noun" and low in ("after", "following", "over", "amid", "since", "despite")):
            break
        if kind == "noun" and j > k and is_verbish(sv, j) and sv.tokens[j].low not in _PARTICIPLE:
            break
        to_ok = low == "to" and (kind in ("ban", "deny", "freeze") or goods_target is not None
                                 or _extends_to(sv, atok, j)) and not imports
        if low in _TARGET_PREPS or to_ok or (low == "with" and kind == "ban"):
            if low == "to" and j + 1 < len(sv.tokens) and is_verbish(sv, j + 1):
                j += 1
                continue
            ph = np_right(sv, j + 1, limit=40)
            got = _targets_of(sv, ph, earlier)
            if got and low == "on" and not any(p.entity for p in got) and goods_target is None:
                goods_target = got  # "embargoes on pharmaceutical sales … to Iran": look for a "to"
                j = ph.j if ph is not None else j + 1
                continue
            if got and kind == "deny" and ph is not None and ph.j < len(sv.tokens) \
                    and sv.tokens[ph.j].low == "to":
                j = ph.j  # "deny entry to Canada to the officers …": the last one names the target
                continue
            if got:
                return got
        if low == "of" and kind == "freeze":
            got = _targets_of(sv, np_right(sv, j + 1, limit=20), earlier)
            if got:
                return got
        j += 1
    if goods_target:
        return goods_target
    if goods_origin:
        return goods_origin[:1]
    if kind == "freeze":  # "froze Libyan government assets": the owner named before "assets"
        v = sv.tok_at(s) + 1
        last = sv.tok_at(e - 1)
        owner = Phrase(v, last) if last > v else None
        if owner is not None and sv.tokens[owner.i].low in ("the", "its", "their"):
            owner = Phrase(owner.i + 1, owner.j) if owner.j > owner.i + 1 else None
        if owner is not None and any(sv.mention_of[x] is not None for x in range(owner.i, owner.j)):
            return _targets_of(sv, owner, earlier)
    if kind == "ban" and atok is not None:
        # "bans North Korea from importing …"
        ph = np_right(sv, sv.tok_at(e), limit=10, lists=False)
        if ph is not None and ph.j < len(sv.tokens) and sv.tokens[ph.j].low == "from":
            return _targets_of(sv, ph, earlier)
    return []


def _extends_to(sv: SentView, atok: int | None, j: int) -> bool:
    """"extend sanctions to X": the measure reaches new targets."""
    return atok is not None and atok < j < len(sv.tokens) and sv.tokens[j].low == "to" and \
        sv.tokens[atok].low in ("extend", "extended", "extends", "extending", "expand", "expanded", "widen",
                                "widened")


def _targets_of(sv: SentView, ph: Phrase | None, earlier: list[Draft]) -> list[Party]:
    if ph is None or sv.date_at_token(ph.i) is not None:
        return []
    words = " ".join(t.low for t in sv.tokens[ph.i:ph.j])
    if words in ("them", "it", "those", "these", "the measures", "the sanctions"):
        for d in reversed(earlier):
            if d.roles.get("target"):
                return list(d.roles["target"])
        return []
    doc = sv.doc
    start, end = clean_span(doc.text, sv.tokens[ph.i].start, sv.tokens[ph.j - 1].end)
    if start >= end:
        return []
    while start < end and doc.text[start:end].casefold().startswith(("the ", "a ", "an ")):
        start = doc.text.index(" ", start) + 1
    if sv.mention_of[ph.i] is not None and sv.tokens[ph.i].low in ("they", "it", "them"):
        return []
    record = doc.entity_in(start, end)
    words_only = doc.text[start:end]
    if not record and words_only.casefold() in _NOT_TARGET:
        return []
    whole = record is not None and any(m.start == start and m.end == end for m in doc.mentions_in(start, end))
    return [Party(record.id if record else None, words_only, start, end, record.type if whole and record
                  else "group")]


def _reason(sv: SentView, target: list[Party], e: int, action: str) -> str | None:
    doc = sv.doc
    start = max([e] + [p.end for p in target if p.end <= sv.end])
    if start > sv.end:
        return None
    seg_lo = start - sv.start
    stop = _REASON_STOP.search(sv.low, seg_lo, min(len(sv.low), seg_lo + 160))
    hi = stop.start() if stop else min(len(sv.low), seg_lo + 160)
    m = _REASON.search(sv.low, seg_lo, hi)
    while m is not None and m.group("m") == "for" and _DURATION.match(sv.low[m.end():m.end() + 24]):
        m = _REASON.search(sv.low, m.end(), hi)  # "for another year": a duration; the reason may follow
    if m is None:
        return None
    marker = m.group("m")
    if marker in ("unless", "if") and action != "threaten":
        return None
    rs = m.end() + sv.start
    if marker in ("unless", "if"):
        rs = m.start() + sv.start
    endm = _REASON_END.search(sv.low, m.end(), min(len(sv.low), m.end() + 200))
    re_ = (endm.start() if endm else min(len(sv.low), m.end() + 200)) + sv.start
    if marker.startswith(("to", "in bid", "in a bid", "as ")):
        rs = m.start() + sv.start if marker.startswith("to") else rs
        if marker.startswith("as "):
            rs = m.end() + sv.start - 3
            rs = rs if doc.text[rs:rs + 3] == "to " else m.end() + sv.start
    rs, re_ = clean_span(doc.text, rs, re_)
    text = doc.text[rs:re_]
    if len(text) < 3 or len(text.split()) > 30:
        return None
    return text


# --------------------------------------------------------------------------- context and merging
def _fill_from_context(drafts: list[Draft]) -> None:
    """An imposer or target the sentence leaves implicit is the one the article has been talking about."""
    for n, d in enumerate(drafts):
        before = [drafts[i] for i in range(n - 1, max(-1, n - 31), -1)]
        if not d.roles.get("imposer") and d.status != "demanded":
            after = (drafts[i] for i in range(n + 1, min(len(drafts), n + 31)))
            source = next((x for x in before if x.roles.get("imposer")), None) or \
                next((x for x in after if x.roles.get("imposer") and not x.headline), None)
            if source is not None:
                d.roles["imposer"] = list(source.roles["imposer"])
        elif not d.roles.get("imposer") and d.status == "demanded" and d.attributes.get("action") in ("lift",
                                                                                                      "extend"):
            source = next((x for x in before if x.roles.get("imposer")
                           and x.attributes.get("action") in ("lift", "impose", "extend")), None)
            if source is not None:
                d.roles["imposer"] = list(source.roles["imposer"])
        if not d.roles.get("target") and (d.attributes.get("action") in ("lift", "extend")
                                           or d.attributes.get("_definite")):
            usable = [x for x in before if x.roles.get("target") and _imposers_compatible(x, d)]
            words = _words(d.attributes.get("measure", "")) - {"sanctions", "sanction", "measures"}
            # "lift the embargo": the embargo named before, not the last measure of any kind
            source = next((x for x in usable if words & _words(x.attributes.get("measure", ""))), None) \
                or (usable[0] if usable else None)
            if source is not None:
                d.roles["target"] = list(source.roles["target"])


def _fold(text: str) -> str:
    return " ".join(w for w in _WORD.findall(text.casefold()) if w not in ("its", "their", "the"))


def _words(text: str) -> set[str]:
    stop = {"the", "a", "an", "of", "and", "or", "its", "their", "his", "her", "s", "on", "in", "to"}
    return {w for w in _WORD.findall(text.casefold()) if w not in stop}


def _imposers_compatible(a: Draft, b: Draft) -> bool:
    ka, kb = a.keys("imposer"), b.keys("imposer")
    if not ka or not kb or ka & kb:
        return True
    if a.headline or b.headline:
        return True
    return False


def _targets_overlap(a: Draft, b: Draft) -> bool:
    ta, tb = a.roles.get("target", []), b.roles.get("target", [])
    if not ta or not tb:
        return True
    if {p.key for p in ta} & {p.key for p in tb}:
        return True
    wa = set().union(*(_words(p.text) for p in ta))
    wb = set().union(*(_words(p.text) for p in tb))
    generic = {"chinese", "russian", "american", "new", "all", "five", "some", "several", "top", "senior"}
    return bool((wa & wb) - generic) or bool(wa & wb and (wa <= wb or wb <= wa))


_GENERIC_MEASURES = {"sanctions", "sanction", "economic sanctions", "the sanctions", "measures", "blacklist",
                     "trade blacklist", "financial sanctions", "restrictive measures"}


def _measures_compatible(a: Draft, b: Draft) -> bool:
    ma, mb = a.attributes.get("measure", "").casefold(), b.attributes.get("measure", "").casefold()
    if ma == mb or ma in _GENERIC_MEASURES or mb in _GENERIC_MEASURES or a.headline or b.headline:
        return True
    return bool(_words(ma) & _words(mb))


def _same(a: Draft, b: Draft) -> bool:
    if a.attributes.get("action") != b.attributes.get("action"):
        return False
    if {a.status, b.status} == {"planned", "occurred"} and a.keys("imposer") and \
            a.keys("imposer") == b.keys("imposer") and abs(a.sentence - b.sentence) <= 4 and \
            dates_compatible(a.date, b.date):
        return True  # "X has imposed sanctions …" then "X said it would impose … on Y": one act
    if a.status != b.status and {a.status, b.status} != {"planned", "occurred"}:
        return False
    if not _imposers_compatible(a, b) or not _targets_overlap(a, b):
        return False
    if not (a.roles.get("target") and b.roles.get("target")) and not (a.headline or b.headline):
        if a.sentence != b.sentence and abs(a.sentence - b.sentence) > 2:
            return False
    if not dates_compatible(a.date, b.date) or not _measures_compatible(a, b):
        return False
    ra, rb = a.attributes.get("reason"), b.attributes.get("reason")
    if ra and rb and not (_words(ra) & _words(rb)) and not (a.headline or b.headline):
        return False
    return True


def _merge(drafts: list[Draft]) -> list[Draft]:
    split: list[Draft] = []
    for d in drafts:
        imposers = d.roles.get("imposer", [])
        if len(imposers) > 1 and not d.headline:
            for p in imposers:
                copy = Draft(d.type, d.status, {"imposer": [p], "target": list(d.roles.get("target", []))},
                             d.sentence, d.trigger, list(d.evidence), d.headline, dict(d.attributes), d.date,
                             d.place, d.anaphoric, d.confidence)
                split.append(copy)
        else:
            split.append(d)
    body = [d for d in split if not d.headline]
    heads = [d for d in split if d.headline]
    merged: list[Draft] = []
    for d in body + heads:
        target = next((m for m in candidates(merged) if _same(m, d)), None)
        if target is None:
            merged.append(d)
            continue
        imposers = list(target.roles.get("imposer", []))
        absorb(target, d)
        if d.headline and imposers:
            target.roles["imposer"] = imposers  # the body names the imposer as the article means it
        if d.status == "occurred":
            target.status = "occurred"  # a plan merged with the act it announced is the act
    return fold_headlines(merged, _folds)


def _folds(headline: Draft, body: Draft) -> bool:
    """A headline measure ("US sanctions network …") is the body's measure of its action and status."""
    return (body.attributes.get("action") == headline.attributes.get("action")
            and body.status == headline.status and bool(body.roles.get("target")))


@hookimpl
def register_extractors(register) -> None:  # type: ignore[no-untyped-def]
    register(Extractor(name=NAME, extract=extract, produces=("event:sanction", "relation:sanctions"),
                       description="Sanctions imposed, lifted, extended or threatened, with imposer, target "
                                   "and reason."))
