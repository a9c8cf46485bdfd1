"""Rules from factkit facts to CAMEO codes.

A code is chosen from what factkit already decided (event type, status,
sanction action, statement cue) plus a few words of the evidence; when the
facts do not support a specific code, the family's general code is used, and
when they support none (a demanded meeting whose demander is not in the
event) no code is given rather than a wrong one.

Directed codes read from the first participant: 043 means the first
participant hosted, 042 that it visited. For sanctions the imposer is the
source; for statements the speaker.
"""

from __future__ import annotations

import re

from factkit import Argument, Event, Statement
from factkit.analysis import AnalysedDocument

# -- events -----------------------------------------------------------------
_SANCTION = {
    ("threaten", "occurred"): "1312", ("threaten", "planned"): "1312",
    ("impose", "occurred"): "163", ("impose", "planned"): "1312", ("impose", "hypothetical"): "1312",
    ("extend", "occurred"): "163", ("extend", "planned"): "1312", ("extend", "hypothetical"): "1312",
    ("lift", "occurred"): "085", ("lift", "planned"): "0354", ("lift", "demanded"): "1054",
    ("lift", "negated"): "1244",
}
_PHONE = re.compile(r"\b(?:(?:tele)?phon(?:e|ed|es|ing)|video\s+(?:call|link|conference)|call\s+with)\b")
_HOSTING = re.compile(r"\b(?:host(?:ed|s|ing)?|receiv(?:ed|es|ing)|welcom(?:ed|es|ing))\b")
_VISITING = re.compile(r"\b(?:visit(?:ed|s|ing)?|(?:trip|journey|visit)\s+to|arriv(?:ed|es|ing)\s+in)\b")
_NEGOTIATION = re.compile(r"\bnegotiat(?:e|ed|es|ing|ion|ions|or|ors)\b")
_MULTILATERAL = re.compile(r"\b(?:summit|conference|forum|assembly|ministerial|meeting\s+of|gathering|"
                           r"sidelines|general\s+assembly|council)\b")


def code_event(event: Event, document: AnalysedDocument) -> str | None:
    """The CAMEO code of one event, or None when its facts support no code."""
    if event.type == "sanction":
        return _SANCTION.get((str(event.attributes.get("action") or "impose"), event.status))
    if event.type == "agreement":
        return "057" if event.status == "occurred" else None
    if event.type == "visit":
        return {"occurred": "042", "planned": "036"}.get(event.status)
    if event.type == "meeting":
        if event.status == "planned":
            return "036"
        return _meeting(event, document) if event.status == "occurred" else None
    return None


def _meeting(event: Event, document: AnalysedDocument) -> str:
    evidence = " ".join(span.text for span in event.evidence).casefold()
    if _PHONE.search(evidence):
        return "041"
    parties = [a for a in event.arguments if a.role in ("participant", "host", "visitor")]
    hosting = _hosting_order(event, parties)
    if hosting is not None:
        return hosting
    place = _location_country(event, document)
    homes = [_home(a, document) for a in parties]
    if place is not None and place in homes:
        return "043" if homes[0] == place else "042"
    if _NEGOTIATION.search(evidence):
        return "046"
    if place is not None and any(h is not None for h in homes):
        return "044"  # nobody whose country is known is at home there
    occasion = str(event.attributes.get("occasion") or "").casefold()
    if event.location is None and _MULTILATERAL.search(occasion):
        return "044"
    return "040"


def _hosting_order(event: Event, parties: list[Argument]) -> str | None:
    """043/042 from "A hosted B" / "A visited B" written between two participants in one sentence."""
    if len(parties) < 2 or any(p.span is None for p in parties):
        return None
    if any(p.role == "host" for p in parties):
        return "043" if parties[0].role == "host" else "042"
    for span in event.evidence:
        inside = [p for p in parties if span.start <= p.span.start and p.span.end <= span.end]  # type: ignore[union-attr]
        if len(inside) < 2:
            continue
        inside.sort(key=lambda p: p.span.start)  # type: ignore[union-attr]
        left, right = inside[0], inside[1]
        between = span.text[left.span.end - span.start:right.span.start - span.start].casefold()  # type: ignore[union-attr]
        if _HOSTING.search(between):
            return "043" if left is parties[0] else "042"
        if _VISITING.search(between):
            return "042" if left is parties[0] else "043"
    return None


def _country_of(name: str, document: AnalysedDocument) -> str | None:
    """The country a name stands for or lies in ("Beijing" -> China, "Munich" -> Germany)."""
    record = document.entity_by_name(name)
    if record is not None and record.type == "country":
        return record.name
    entry = document.lexicon.lookup(name)
    if entry is None:
        return None
    if entry.type == "country":
        return entry.name
    return entry.country


def _location_country(event: Event, document: AnalysedDocument) -> str | None:
    if event.location is None:
        return None
    if event.location.entity:
        record = document.entity(event.location.entity)
        found = _country_of(record.name, document)
        if found is not None:
            return found
    return _country_of(event.location.text, document)


def _home(argument: Argument, document: AnalysedDocument) -> str | None:
    """The country a participant belongs to: itself, its post's country, or a country named in it."""
    if argument.entity:
        record = document.entity(argument.entity)
        if record.type == "country":
            return record.name
        for organization in [record.organization, *(p.organization for p in document.positions_of(record.id))]:
            found = _country_of(organization, document) if organization else None
            if found is not None:
                return found
        found = _country_of(record.name, document)
        if found is not None:
            return found
    if argument.span is not None:
        for mention in document.mentions_in(argument.span.start, argument.span.end):
            record = document.entity(mention.entity_id)
            if record.type == "country":
                return record.name
    return None


# -- statements -------------------------------------------------------------
_AUXILIARY = re.compile(r"^(?:(?:has|have|had|was|were|is|are|will|would|also|again|repeatedly|"
                        r"publicly|strongly|further)\s+)+")
_THREAT = re.compile(r"^threat")
_ACCUSE = re.compile(r"^accus")
_CRITICIZE = re.compile(r"^(?:critici[sz]|condemn|denounc|slamm?|lambast|blast)")
_DEMAND = re.compile(r"^(?:demand|requir)")
_WEAK_DEMAND = re.compile(r"^(?:insist|press)")
_STRONG_APPEAL = re.compile(r"^(?:urg|call(?:ed|s|ing)?\s+(?:on|upon|for)|appeal|request|plead|implor|"
                            r"beseech|exhort)")
_WEAK_APPEAL = re.compile(r"^(?:ask|advis|encourag|invit)")
_DIRECTIVE = re.compile(r"^to\b|\b(?:should|must|ought\s+to|needs?\s+to|ha(?:ve|s)\s+to)\b")
_TOPICS: tuple[tuple[tuple[re.Pattern[str], ...], str, str], ...] = (
    ((re.compile(r"\b(?:lift|eas(?:e|ed|es|ing)|remov|end(?:s|ed|ing)?\b|drop|scrap|rescind|relax|"
                 r"roll(?:s|ed|ing)?\s+back|revok|unfreez)"),
      re.compile(r"\b(?:sanction|embargo|blockade|boycott)")), "1054", "0254"),
    ((re.compile(r"\b(?:releas|free(?:s|d|ing)?\b|set\s+free)"),
      re.compile(r"\b(?:prisoner|hostage|detain|captive|jailed|arrest|abduct|journalist|citizen|"
                 r"diplomat|sailor|crew|tanker|ship|vessel|asset|activist)")), "1053", "0253"),
    ((re.compile(r"\b(?:cease-?fire|truce|armistice|stop\s+(?:the\s+)?fighting|halt\s+(?:the\s+)?"
                 r"(?:fighting|hostilities|attacks|offensive))"),), "107", "0256"),
    ((re.compile(r"\b(?:withdr[ae]w|pull(?:s|ed|ing)?\s+out)"),
      re.compile(r"\b(?:troops|forces|soldiers|military|army)\b")), "106", "0256"),
    ((re.compile(r"\b(?:de-?escalat|restraint)"),), "1056", "0256"),
    ((re.compile(r"\b(?:talks|negotiat|dialogue|meet|meeting|summit|the\s+table)"),), "108", "026"),
    ((re.compile(r"\b(?:step\s+down|resign|quit\s+office|leave\s+office)"),), "1041", "0241"),
    ((re.compile(r"\b(?:aid|assistance|humanitarian|relief)\b"),), "103", "023"),
)
_FORCE = re.compile(r"\b(?:military\s+(?:action|force|response)|use\s+force|attack|strike|invade|invasion|war)\b")
_SANCTIONS = re.compile(r"\b(?:sanction|embargo|boycott|tariff)")


def code_statement(statement: Statement) -> str:
    """010 for a statement; a demand (10x), appeal (02x), threat (13x), accusation (112) or
    criticism (111) code when its cue is one."""
    cue = _AUXILIARY.sub("", statement.cue.casefold().strip())
    content = statement.content.casefold()
    if _THREAT.match(cue):
        if _SANCTIONS.search(content):
            return "1312"
        return "138" if _FORCE.search(content) else "130"
    if _ACCUSE.match(cue):
        return "112"
    if _CRITICIZE.match(cue):
        return "111"
    directive = bool(_DIRECTIVE.search(content)) or cue.endswith(" for")
    if _DEMAND.match(cue) or (_WEAK_DEMAND.match(cue) and directive):
        return _topic(content, demand=True)
    if _STRONG_APPEAL.match(cue) or (_WEAK_APPEAL.match(cue) and directive):
        return _topic(content, demand=False)
    return "010"


def _topic(content: str, *, demand: bool) -> str:
    for patterns, demand_code, appeal_code in _TOPICS:
        if all(p.search(content) for p in patterns):
            return demand_code if demand else appeal_code
    return "100" if demand else "020"
