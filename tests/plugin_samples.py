"""Small plugins the tests register: well-behaved, raising, and returning bad data."""

from __future__ import annotations

from collections.abc import Iterator

from factkit import hookimpl
from factkit.analysis.document import AnalysedDocument
from factkit.extractor import Extractor
from factkit.schema import Argument, Event, Span


def _weather(doc: AnalysedDocument) -> Iterator[Event]:
    start = doc.text.find("storm")
    if start >= 0:
        yield Event(type="storm", arguments=[Argument(role="other", text="storm",
                                                      span=doc.span(start, start + 5))],
                    evidence=[doc.span(start, start + 5)], confidence=0.6)


class WeatherPlugin:
    """A third-party plugin adding its own event type."""

    @hookimpl
    def register_extractors(self, register):
        register(Extractor(name="weather", extract=_weather, produces=("event:storm",),
                           description="Storms, for tests."))


class RaisingPlugin:
    @hookimpl
    def register_extractors(self, register):
        def boom(doc):
            yield from ()
            raise RuntimeError("the extractor broke")
        register(Extractor(name="boom", extract=boom))


class BadSpanPlugin:
    @hookimpl
    def register_extractors(self, register):
        def bad(doc):
            yield Event(type="storm", evidence=[Span(start=0, end=len(doc.text) + 5, text="nope")])
            yield Event(type="storm", evidence=[doc.span(0, 1)])
        register(Extractor(name="badspan", extract=bad))


class WrongTypePlugin:
    @hookimpl
    def register_extractors(self, register):
        register(Extractor(name="wrongtype", extract=lambda doc: [{"type": "meeting"}]))


class ConstructedInvalidPlugin:
    """Bypasses validation with model_construct: the pipeline must still catch it."""

    @hookimpl
    def register_extractors(self, register):
        def sneaky(doc):
            yield Event.model_construct(type="storm", status="maybe", arguments=[], attributes={},
                                        date=None, location=None, evidence=[doc.span(0, 1)],
                                        confidence=0.5, extractor="", id="")
        register(Extractor(name="sneaky", extract=sneaky))


class DuplicateNamePlugin:
    @hookimpl
    def register_extractors(self, register):
        register(Extractor(name="meetings", extract=lambda doc: []))


class LexiconPlugin:
    @hookimpl
    def register_lexicon(self, lexicon):
        lexicon.add_entity("Zorblax Institute", "organization", aliases=["ZBI"])


class TaggingPlugin:
    @hookimpl
    def process_result(self, result, document):
        for event in result.events:
            event.attributes["tagged"] = True


class BreakingPostProcessor:
    @hookimpl
    def process_result(self, result):
        result.events.clear()
        raise ValueError("post-processing failed half way")
