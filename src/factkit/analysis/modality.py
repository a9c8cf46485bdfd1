"""Clause modality: did the event a trigger names happen, or is it planned, demanded, denied, conditional?

Status is the same question for every event type ("will meet", "urged X to lift
sanctions", "refused to sign"), so it lives in the analysis where every
extractor can ask it. The analysis is deliberately local and linear: it looks
only at the words governing the trigger inside its own clause, within a
bounded window, and picks the nearest cue. That is cheap, predictable and
right for the way news sentences put a modal, a demand verb or a negation
directly in front of what they qualify.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

import regex

from factkit.schema import EventStatus

if TYPE_CHECKING:
    from .document import AnalysedDocument
    from .model import Sentence

LEFT_WINDOW = 160
RIGHT_WINDOW = 90


def fold_same_length(text: str) -> str:
    """Lowercase with straight quotes, never changing the length, so offsets stay valid."""
    if text.isascii():  # no curly quote, and ASCII lowercasing keeps the length
        return text.lower()
    # five replace() scans are far cheaper than str.translate with a table on non-ASCII text
    straight = (text.replace("’", "'").replace("‘", "'").replace("“", '"').replace("”", '"')
                .replace("´", "'"))
    low = straight.lower()
    if len(low) == len(straight):  # the common case: no character lowercases to two ("İ")
        return low
    return "".join(c if len(c) == 1 else ch for ch in straight for c in (ch.lower(),))


# Where a clause ends when walking left from a trigger: what lies beyond governs another verb.
_LEFT_BOUNDARY = regex.compile(
    r";|:|\s[—–]\s|\s--\s|\b(?:but|while|whereas|although|though|after|before|since|when|"
    r"where|which|who|whom|because|as\s+well\s+as|following|ahead\s+of|despite|amid)\b|,\s+and\b"
)
_RIGHT_BOUNDARY = regex.compile(r"[;:]|\s[—–]\s|,\s+(?:and|as|but|while|saying|after)\b|\b(?:but|while|because)\b")

# Left-side cues. Each alternative names its category in the group name.
_LEFT_CUES = regex.compile(
    r"(?P<cond>\b(?:if|unless|whether|provided\s+that|in\s+case)\b)"
    r"|(?P<negverb>\b(?:refus(?:ed|es|e|ing)|declin(?:ed|es|e|ing)|fail(?:ed|s)?|refrain(?:ed|s)?)\s+(?:to|from)\b"
    r"|\bruled?\s+out\b|\brul(?:es|ing)\s+out\b|\b(?:cancell?(?:ed|ing|s)?|scrapp(?:ed|ing)|"
    r"called\s+off|call(?:s|ing)?\s+off|denie[sd]|deny(?:ing)?|abandon(?:ed|s)?|postpon(?:ed|es|ing)\s+indefinitely)\b"
    r"|\bno\s+longer\b|\bwithout\b)"
    r"|(?P<reject>\b(?:reject(?:ed|s|ing)?|turn(?:ed|s|ing)?\s+down|dismiss(?:ed|es|ing)?|rebuff(?:ed|s)?)\b)"
    r"|(?P<neg>\b(?:not|never|n't|no)\b|n't\b)"
    r"|(?P<agreeshould>\b(?:agree[ds]?|agreeing|decided?|decides|resolved|consensus)\s+that\b)"
    r"|(?P<demand>\b(?:call(?:ed|s|ing)?\s+(?:for|on|upon)|urg(?:ed|es|e|ing)|demand(?:ed|s|ing)?|"
    r"ask(?:ed|s|ing)?|press(?:ed|es|ing)?\s+(?:for|\p{Lu}\w*|the\b|\w+\s+to\b)|push(?:ed|es|ing)?\s+for|"
    r"appeal(?:ed|s|ing)?|request(?:ed|s|ing)?|requests?\s+for|insist(?:ed|s|ing)?|want(?:ed|s)?\s+\w+(?:\s+\w+)?\s+to|"
    r"seek(?:s|ing)?|sought|should|must|ought\s+to|needs?\s+to|have\s+to|has\s+to|"
    r"invit(?:ed|es|ing)|encourag(?:ed|es|ing)|press\s+for|lobb(?:y|ied|ies|ying)\s+for)\b)"
    r"|(?P<hyp>\b(?:would|could|may|might|can|willing\s+to|ready\s+to|prepared\s+to|"
    r"offer(?:ed|s)?\s+to|in\s+order\s+to|so\s+as\s+to|efforts?\s+to|bids?\s+to|attempts?\s+to|"
    r"tr(?:y|ies|ied|ying)\s+to|possibl[ey]|potential(?:ly)?|propos(?:ed|es|al\s+for|als\s+for)|threat(?:en(?:ed|s)?)?\s+to)\b)"
    r"|(?P<plan>\b(?:will|shall|'ll|(?:is|are|was|were)\s+(?:due\s+)?to|"
    r"(?:had|has|have)\s+been\s+(?:due|scheduled|set|expected|planning|hoping)\s+to|plan(?:s|ned|ning)?\s+to|"
    r"plans\s+(?:for|to)|scheduled|expected\s+to|set\s+to|intends?\s+to|intended\s+to|aims?\s+to|aimed\s+to|"
    r"going\s+to|about\s+to|prepar(?:ing|es|ed)|readies|readying|consider(?:ing|s)|weigh(?:ing|s)|"
    r"mull(?:ing|s)?|upcoming|forthcoming|agree[ds]?\s+to|agreeing\s+to|decided\s+to|"
    r"planned|proposed\s+to|hop(?:es|ed|ing)\s+to)\b)"
)

# Future in the past: "said it would impose", "announced they would meet" is a plan, not a guess.
_REPORTED_WOULD = regex.compile(
    r"\b(?:said|says|announced|announces|told\s+\w+(?:\s+\w+)?|declared|stated|confirmed|added|"
    r"indicated|promised|pledged|vowed|decided|agreed|warned|warns|threatened|threatens)\s+(?:that\s+)?"
    r"(?:[\w.']+(?:\s+[\w.']+){0,3})\s+would\s*$"
)
# "told reporters the envoy for Sudan, Hanna Petersen, would travel": a subject with an apposition
_REPORTED_APPOSITIVE = regex.compile(
    r"\b(?:said|says|told\s+\w+|announced|confirmed|added)\s+(?:that\s+)?[^.;:\"]{1,100}?,\s+"
    r"[\w.'’ -]{1,40},\s+would\s*$"
)
_THREAT_WOULD = regex.compile(r"\b(?:warn(?:ed|s|ing)?|threaten(?:ed|s|ing)?)\b")

_RIGHT_CUES = regex.compile(
    r"(?P<cond>\b(?:if|unless|provided\s+that)\b)"
    r"|(?P<neg>\b(?:(?:was|were|has\s+been|have\s+been|had\s+been)\s+(?:cancell?ed|called\s+off|scrapped|"
    r"abandoned|ruled\s+out|rejected|denied|turned\s+down)|(?:did|does|do|will|would)\s+not\s+take\s+place|"
    r"never\s+(?:took|take)\s+place|(?:is|are|was|were)\s+(?:not|no\s+longer)\s+"
    r"(?:planned|scheduled|expected|on\s+the\s+(?:table|agenda))|(?:is|are|was|were)\s+(?:\w+ly\s+)?out\s+of\s+the\s+question|"
    r"off\s+the\s+table)\b)"
    r"|(?P<plan>\b(?:(?:is|are|was|were|has\s+been|have\s+been|had\s+been)\s+(?:now\s+)?(?:planned|scheduled|"
    r"expected|due|set|slated|postponed|rescheduled|delayed|proposed)|will\s+(?:take\s+place|be\s+held|begin|"
    r"start|resume|open|be\s+signed)|scheduled\s+(?:for|to)|planned\s+for|set\s+for|slated\s+for|"
    r"due\s+(?:on|in)|(?:to\s+be\s+held)|postponed|rescheduled)\b)"
)

_NEAR_NEGATION = 28  # "did not meet", "has never met", "will not be lifting": a verb group, no more


@dataclass(frozen=True, slots=True)
class Modality:
    """A status and the cue that decided it (``cue`` is ``None`` for plain occurrence)."""

    status: EventStatus
    cue: str | None = None
    cue_start: int | None = None
    cue_end: int | None = None
    threat: bool = False  # "warned it would impose", "threatened to lift"
    reported: bool = False  # future in the past: "said it would meet"
    conditional: bool = False  # an if/unless clause qualifies it


_MONTH_MAY = regex.compile(
    r"\bMay(?=,?[^\S\n]*+\d|\s+(?:said|says|told|added|warned)\b)"
    r"|(?<=\b(?i:in|since|until|till|by|of|early|late|mid|last|next|this|from)\s+)May\b"
    r"|(?<=[a-z,;(]\s+)May\b"  # mid-sentence capital: a month or a name, never the modal
)


def _mask_month_may(window: str, low: str) -> str:
    """Blank out "May" where it names the month, keeping offsets (same length)."""
    spans = [(m.start(), m.end()) for m in _MONTH_MAY.finditer(window)]
    if not spans:
        return low
    out = list(low)
    for s, e in spans:
        out[s:e] = "_" * (e - s)
    return "".join(out)


def _clause_left_start(low: str, lo: int, trigger_start: int) -> int:
    start = lo
    for m in _LEFT_BOUNDARY.finditer(low, lo, trigger_start):
        start = m.end()
    return start


def _clause_right_end(low: str, trigger_end: int, hi: int) -> int:
    m = _RIGHT_BOUNDARY.search(low, trigger_end, hi)
    return m.start() if m else hi


def text_modality(text: str, lo: int, hi: int, trigger_start: int, trigger_end: int) -> Modality:
    """Modality of ``text[trigger_start:trigger_end]`` inside the sentence ``text[lo:hi]``.

    Only a bounded window around the trigger is read, so the cost per call is constant.
    """
    lo, hi = max(0, lo), min(len(text), hi)
    trigger_start = max(lo, min(trigger_start, hi))
    trigger_end = max(trigger_start, min(trigger_end, hi))
    base = max(lo, trigger_start - LEFT_WINDOW - 80)
    window = text[base:min(hi, trigger_end + RIGHT_WINDOW)]
    low = fold_same_length(window)
    if "May" in window:  # the month ("OSLO, May 7 -", "in May") is not the modal "may"
        low = _mask_month_may(window, low)
    found = _window_modality(low, max(lo, trigger_start - LEFT_WINDOW) - base, lo - base,
                             trigger_start - base, trigger_end - base, len(low))
    if found.cue_start is None:
        return found
    start, end = found.cue_start + base, found.cue_end + base  # type: ignore[operator]
    return Modality(found.status, text[start:end], start, end, found.threat, found.reported, found.conditional)


def _window_modality(low: str, left: int, lo: int, ts: int, te: int, hi: int) -> Modality:
    left_lo = _clause_left_start(low, max(left, 0), ts)
    right_hi = _clause_right_end(low, te, hi)
    cues = list(_LEFT_CUES.finditer(low, left_lo, ts))
    # conditional clause: "if they meet", with no comma closing the condition before the trigger
    for m in cues:
        if m.lastgroup == "cond" and "," not in low[m.end():ts]:
            return Modality("hypothetical", None, m.start(), m.end(), conditional=True)
    right = list(_RIGHT_CUES.finditer(low, te, right_hi))
    right_cond = next((m for m in right if m.lastgroup == "cond"), None)
    decided = _decide_left(low, cues, left_lo, max(lo, 0), ts, hi)
    if decided is None:
        for m in right:
            if m.lastgroup in ("neg", "plan"):
                status: EventStatus = "negated" if m.lastgroup == "neg" else "planned"
                decided = Modality(status, None, m.start(), m.end())
                break
    if decided is None:
        decided = Modality("occurred")
    if right_cond is not None and decided.status in ("occurred", "planned"):
        return Modality("hypothetical", None, right_cond.start(), right_cond.end(), decided.threat,
                        decided.reported, True)
    return decided


def _decide_left(low: str, cues: list, left_lo: int, lo: int, ts: int, hi: int | None = None) -> Modality | None:
    """The nearest governing cue left of the trigger decides; a close negation wins over it."""
    for m in reversed(cues):
        kind, word, s, e = m.lastgroup, m.group(), m.start(), m.end()
        if kind == "cond":
            continue
        if kind == "neg":
            if _NOT_HESITATE.match(low, e):
                continue  # "would not hesitate to impose": a promise, not a negation
            if ts - e <= _NEAR_NEGATION or word == "no":
                return Modality("negated", None, s, e)
            continue
        if kind == "negverb":
            return Modality("negated", None, s, e)
        if kind == "reject":
            # only a rejected demand or plan negates: "rejected calls to lift", "turned down requests for"
            if _REJECTED_OBJECT.search(low, e, ts):
                return Modality("negated", None, s, e)
            continue
        if kind == "agreeshould":
            return Modality("planned", None, s, e)
        if kind == "demand":
            if word in ("should", "must") and _AGREED.search(low, max(lo, s - 80), s):
                return Modality("planned", None, s, e)
            if _REJECTED.search(low, max(left_lo, s - 30), s):
                return Modality("negated", None, s, e)
            return Modality("demanded", None, s, e)
        if kind == "hyp":
            if word == "would" and (_REPORTED_WOULD.search(low, max(lo, s - 80), e)
                                    or _REPORTED_APPOSITIVE.search(low, max(lo, s - 170), e)):
                threat = _THREAT_WOULD.search(low, max(lo, s - 80), s) is not None
                return Modality("planned", None, s, e, threat, True)
            if word == "would" and hi is not None and _TRAILING_REPORT.search(low, ts, hi):
                return Modality("planned", None, s, e, False, True)  # "X would travel …, a spokesman said"
            if word == "would" and _REPORTER.search(low, max(lo, s - 200), s) \
                    and _AND_WOULD.search(low, max(lo, s - 8), e):
                # "X said they had agreed to …, and would sign …": the reported future of a coordinated verb
                return Modality("planned", None, s, e, False, True)
            if word.startswith("threat"):
                return Modality("planned", None, s, e, True)
            return Modality("hypothetical", None, s, e)
        if kind == "plan":
            return Modality("planned", None, s, e)
    return None


_REPORTER = regex.compile(r"\b(?:said|says|announced|told|declared|stated|confirmed|added|indicated|"
                           r"promised|pledged|vowed)\b")
_NOT_HESITATE = regex.compile(r"\W{0,3}hesitate\b")
_TRAILING_REPORT = regex.compile(r",\s+(?:[\w.'’-]+\s+){1,8}?(?:said|says|told\s+\w+|added|announced)\s*[.]?\s*$")
_AND_WOULD = regex.compile(r",?\s*\band\s+would\b")
_REJECTED_OBJECT = regex.compile(r"\b(?:calls?|requests?|demands?|proposals?|offers?|plans?|bids?|idea|"
                                  r"invitations?|appeals?|suggestions?|pressure|attempts?|to)\b")
_AGREED = regex.compile(r"\b(?:agree[ds]?|agreeing|decided?|decides|resolved|consensus|accord)\b")
_REJECTED = regex.compile(r"\b(?:reject(?:ed|s|ing)?|turn(?:ed|s|ing)?\s+down|dismiss(?:ed|es|ing)?|"
                          r"rebuff(?:ed|s)?|refus(?:ed|es|ing)|ignor(?:ed|es|ing))\b")


def clause_modality(doc: AnalysedDocument, sentence: Sentence, trigger_start: int,
                    trigger_end: int) -> Modality:
    """Status of the event named at ``[trigger_start, trigger_end)`` with the cue that decided it."""
    return text_modality(doc.text, sentence.start, sentence.end, trigger_start, trigger_end)


def clause_status(doc: AnalysedDocument, sentence: Sentence, trigger_start: int,
                  trigger_end: int) -> EventStatus:
    """occurred / planned / demanded / negated / hypothetical for the trigger in its clause."""
    return clause_modality(doc, sentence, trigger_start, trigger_end).status


__all__ = ["Modality", "clause_modality", "clause_status", "fold_same_length", "text_modality"]
