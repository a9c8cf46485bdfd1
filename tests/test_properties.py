"""Invariants on arbitrary input: valid spans, no crash, determinism, lossless JSON."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from factkit import hookimpl
from factkit.extractor import Extractor
from factkit.pipeline import Pipeline
from factkit.plugins import get_plugin_manager
from factkit.schema import Argument, EntityRef, Event, ExtractionResult, Relation, Statement

from .helpers import all_spans

NEWSY = st.sampled_from([
    "President ", "Minister ", "Ana Ruiz ", "said ", "met ", "sanctions ", "agreed ", '"', "“",
    "”", "'", ". ", ", ", "\n", "\n\n", "U.S. ", "on Friday ", "in March ", "talks ", "Beijing ",
])
TEXTS = st.one_of(st.text(min_size=1), st.lists(st.one_of(NEWSY, st.text(max_size=5)),
                                                 min_size=1).map("".join))


class RandomSpans:
    """Emits facts at offsets chosen by hypothesis, through the public extractor API."""

    def __init__(self) -> None:
        self.cuts: list[tuple[int, int]] = []

    @hookimpl
    def register_extractors(self, register):
        def emit(doc):
            n = len(doc.text)
            for a, b in self.cuts:
                start, end = sorted((a % (n + 1), b % (n + 1)))
                span = doc.span(start, end)
                yield Event(type="random", arguments=[Argument(role="other", text=span.text,
                                                               span=span)], evidence=[span])
                yield Statement(kind="direct", cue="said", content=span.text,
                                speaker=doc.entity_ref(start, end), evidence=[span])
                yield Relation(type="near", subject=doc.entity_ref(start, end),
                               object=EntityRef(text="x"), evidence=[span])
        register(Extractor(name="random", extract=emit))


_PLUGIN = RandomSpans()
_PM = get_plugin_manager(entry_points=False)
_PM.register(_PLUGIN, name="random-spans")
PIPELINE = Pipeline(_PM)
SETTINGS = settings(max_examples=150, deadline=None,
                    suppress_health_check=[HealthCheck.too_slow])


def _nonblank(text: str) -> bool:
    return bool(text.strip())


@SETTINGS
@given(TEXTS.filter(_nonblank), st.lists(st.tuples(st.integers(0, 10**6), st.integers(0, 10**6)),
                                         max_size=5))
def test_every_span_indexes_the_input(text, cuts):
    _PLUGIN.cuts = cuts
    result = PIPELINE.extract(text, published="2024-02-17")
    assert not result.errors, result.errors
    for span in all_spans(result):
        assert text[span.start:span.end] == span.text
    assert len([e for e in result.events if e.type == "random"]) <= len(cuts)


@SETTINGS
@given(TEXTS.filter(_nonblank), st.sampled_from([None, "2024-02-29", "1987-03-25"]))
def test_arbitrary_text_never_raises_and_is_deterministic(text, published):
    _PLUGIN.cuts = []
    first = PIPELINE.extract(text, published=published)
    second = PIPELINE.extract(text, published=published)
    assert first.to_json() == second.to_json()
    assert not first.errors, first.errors


@SETTINGS
@given(TEXTS.filter(_nonblank))
def test_results_round_trip_through_json_and_the_models(text):
    _PLUGIN.cuts = [(0, 7), (3, 50)]
    result = PIPELINE.extract(text)
    again = ExtractionResult.model_validate_json(result.to_json())
    assert again.to_json() == result.to_json()
