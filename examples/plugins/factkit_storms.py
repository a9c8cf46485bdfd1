"""factkit-storms: the plugin built step by step in docs/plugins/tutorial.md.

It reports named storms hitting a place ("Hurricane Idalia made landfall in
Florida") as events of the new type ``storm``, and teaches factkit the
name of the agency that usually reports them.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator

import regex

from factkit import Argument, DateValue, Event, Extractor, Location, hookimpl
from factkit.analysis import AnalysedDocument, Lexicon
from factkit.analysis.modality import clause_status

STORM = regex.compile(r"\b(?:Hurricane|Typhoon|Cyclone|Tropical\s+Storm|Storm)\s+\p{Lu}\p{Ll}+")
STRIKE = regex.compile(
    r"\b(?:made|make|makes|making)\s+landfall\b"
    r"|\b(?:hit|hits|hitting|struck|strike|strikes|battered|batter|lashed|lash|slammed|slam)\b")


def find_storms(doc: AnalysedDocument) -> Iterator[Event]:
    """One event per sentence that names a storm and says it struck somewhere."""
    for sentence in doc.body_sentences():
        text = doc.sentence_text(sentence)
        storm = STORM.search(text)
        strike = STRIKE.search(text, storm.end()) if storm else None
        if storm is None or strike is None:
            continue
        base = sentence.start
        place = next((m for m in doc.mentions_in(base + strike.end(), sentence.end)
                      if doc.entity(m.entity_id).type in ("place", "country")), None)
        if place is None:
            continue
        dates = doc.dates_in(sentence.start, sentence.end)
        yield Event(
            type="storm",
            status=clause_status(doc, sentence, base + strike.start(), base + strike.end()),
            arguments=[Argument(role="agent", text=storm.group(),
                                span=doc.span(base + storm.start(), base + storm.end()))],
            location=Location(text=doc.text[place.start:place.end], entity=place.entity_id,
                              span=doc.span(place.start, place.end)),
            date=DateValue(text=dates[0].text, value=dates[0].value, precision=dates[0].precision,
                           span=doc.span(dates[0].start, dates[0].end)) if dates else None,
            attributes={"name": storm.group()},
            evidence=[doc.span(sentence.start, sentence.end)],
            confidence=0.6,
        )


@hookimpl
def register_extractors(register: Callable[[Extractor], None]) -> None:
    register(Extractor(name="storms", extract=find_storms, produces=("event:storm",),
                       description="Named storms striking a place."))


@hookimpl
def register_lexicon(lexicon: Lexicon) -> None:
    lexicon.add_entity("National Hurricane Center", "organization", aliases=["NHC"])
