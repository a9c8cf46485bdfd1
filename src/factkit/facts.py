"""What the pipeline does to facts once extractors hand them over.

Checking (every span indexes the text, every entity id exists), merging exact
duplicates with all their evidence, ordering, and numbering. Kept apart from
the pipeline so each rule is small and testable on its own.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from typing import Union

from .analysis.document import AnalysedDocument, fold_name
from .schema import (
    Entity,
    EntityRef,
    Event,
    Relation,
    Span,
    Statement,
)

Fact = Union[Event, Statement, Relation]
FACT_TYPES = (Event, Statement, Relation)


class FactError(ValueError):
    """A fact an extractor produced breaks the contract (bad span, unknown entity id)."""


def _refs(fact: Fact) -> Iterator[EntityRef | None]:
    if isinstance(fact, Statement):
        yield fact.speaker
        yield fact.addressee
        yield fact.source
    elif isinstance(fact, Relation):
        yield fact.subject
        yield fact.object


def spans_of(fact: Fact) -> Iterator[Span]:
    """Every span a fact carries, wherever it sits."""
    yield from fact.evidence
    if isinstance(fact, Event):
        for argument in fact.arguments:
            if argument.span is not None:
                yield argument.span
        if fact.location is not None and fact.location.span is not None:
            yield fact.location.span
    for ref in _refs(fact):
        if ref is not None and ref.span is not None:
            yield ref.span
    date = getattr(fact, "date", None)
    if date is not None and date.span is not None:
        yield date.span


def entity_ids_of(fact: Fact) -> Iterator[str]:
    if isinstance(fact, Event):
        for argument in fact.arguments:
            if argument.entity is not None:
                yield argument.entity
        if fact.location is not None and fact.location.entity is not None:
            yield fact.location.entity
    for ref in _refs(fact):
        if ref is not None and ref.entity is not None:
            yield ref.entity


def check_fact(fact: object, text: str, entity_ids: set[str], *, revalidate: bool) -> Fact:
    """Return the fact if it honours the contract, else raise FactError saying why.

    ``revalidate`` re-runs pydantic validation, for output of plugins we do not
    control (they may have built models with ``model_construct`` or mutated them).
    """
    if not isinstance(fact, FACT_TYPES):
        raise FactError(f"yielded {type(fact).__name__}, expected Event, Statement or Relation")
    if revalidate:
        try:
            fact = type(fact).model_validate(fact.model_dump())
        except ValueError as exc:
            raise FactError(f"invalid {type(fact).__name__}: {exc}") from None
    if not fact.evidence:
        raise FactError(f"{type(fact).__name__} without evidence")
    for span in spans_of(fact):
        if not (0 <= span.start <= span.end <= len(text)) or text[span.start:span.end] != span.text:
            raise FactError(f"span {span.start}:{span.end} {span.text[:40]!r} does not match the text")
    for entity_id in entity_ids_of(fact):
        if entity_id not in entity_ids:
            raise FactError(f"refers to unknown entity id {entity_id!r}")
    return fact


def _ref_key(ref: EntityRef | None) -> str:
    if ref is None:
        return ""
    return ref.entity or fold_name(ref.text)


def fact_key(fact: Fact) -> str:
    """Two facts with one key state the same thing; only their evidence may differ."""
    if isinstance(fact, Event):
        arguments = sorted((a.role, a.entity or fold_name(a.text)) for a in fact.arguments)
        body: list[object] = [
            "event", fact.type, fact.status, arguments, sorted(fact.attributes.items(), key=str),
            fact.date.value if fact.date else None,
            fold_name(fact.location.text) if fact.location else None,
        ]
    elif isinstance(fact, Statement):
        body = ["statement", _ref_key(fact.speaker), fact.kind, fold_name(fact.content)]
    else:
        body = ["relation", fact.type, _ref_key(fact.subject), _ref_key(fact.object),
                sorted(fact.attributes.items(), key=str)]
    return json.dumps(body, sort_keys=True, default=str, ensure_ascii=False)


def _sorted_spans(spans: Iterable[Span]) -> list[Span]:
    unique = {(s.start, s.end): s for s in spans}
    return [unique[k] for k in sorted(unique)]


def merge_duplicates(facts: Iterable[Fact]) -> list[Fact]:
    """Collapse facts with the same key into the first one, keeping every evidence span."""
    kept: dict[str, Fact] = {}
    for fact in facts:
        key = fact_key(fact)
        first = kept.get(key)
        if first is None:
            fact.evidence = _sorted_spans(fact.evidence)
            kept[key] = fact
            continue
        first.evidence = _sorted_spans([*first.evidence, *fact.evidence])
        first.confidence = max(first.confidence, fact.confidence)
    return list(kept.values())


def _order_key(fact: Fact) -> tuple[int, int, str]:
    first = fact.evidence[0] if fact.evidence else None
    return (first.start if first else -1, first.end if first else -1, fact_key(fact))


def number(facts: list[Fact], prefix: str) -> list[Fact]:
    """Order facts by where the text first supports them and give them ids ``prefix1``, ..."""
    facts.sort(key=_order_key)
    for index, fact in enumerate(facts, start=1):
        fact.id = f"{prefix}{index}"
    return facts


def entities_of(doc: AnalysedDocument) -> list[Entity]:
    """The analysis's entities in output form: aliases are the forms the article uses."""
    out = []
    for record in doc.entities:
        mentions = [doc.span(m.start, m.end) for m in record.mentions]
        out.append(Entity(id=record.id, type=record.type, name=record.name,
                          aliases=list(record.aliases), mentions=_sorted_spans(mentions)))
    return out


def position_relations(doc: AnalysedDocument) -> list[Relation]:
    """``holds_position`` relations from the posts the analysis found."""
    relations = []
    for position in doc.positions:
        person = doc.entity(position.person_id)
        name_mentions = [m for m in doc.mentions_in(position.start, position.end)
                         if m.entity_id == person.id]
        if name_mentions:
            m = name_mentions[0]
            subject = EntityRef(entity=person.id, text=doc.text[m.start:m.end],
                                span=doc.span(m.start, m.end))
        else:
            subject = EntityRef(entity=person.id, text=person.name)
        attributes: dict[str, object] = {}
        if position.organization:
            attributes["organization"] = position.organization
        relations.append(Relation(
            type="holds_position", subject=subject,
            object=EntityRef(entity=None, text=position.title),
            attributes=attributes,  # type: ignore[arg-type]
            evidence=[doc.span(position.start, position.end)],
            confidence=0.9, extractor="analysis",
        ))
    return relations
