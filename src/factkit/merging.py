"""Many articles' facts as one document: each real-world fact once, with who reported it.

Entities unify across documents by canonical name and alias; then events,
statements and relations that state the same thing in different documents
become one fact with ``sources`` and a ``count``. Details the sources disagree
on (two dates for one meeting) are kept as ``alternatives``, never dropped.

An optional wing: nothing in the extraction core imports this module. (It is
not called ``merge.py`` because ``factkit.merge`` is the function: a submodule
of that name would shadow it as soon as anything imported it.)
"""

from __future__ import annotations

import datetime as dt
import json
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any, Union

import regex
from pydantic import ValidationError

from .errors import InputError
from .merged_schema import (
    Alternative,
    MergedEntity,
    MergedError,
    MergedEvent,
    MergedRelation,
    MergedResult,
    MergedStatement,
    Source,
)
from .schema import (
    Argument,
    DateValue,
    DocumentInfo,
    EntityRef,
    Event,
    ExtractionResult,
    Location,
    Relation,
    Statement,
)

ResultLike = Union[ExtractionResult, Mapping[str, Any]]
Fact = Union[Event, Statement, Relation]

MAX_DATE_GAP_DAYS = 7  # two dates this close for otherwise matching events: one event, reported twice
MIN_CONTENT_OVERLAP = 0.5  # share of the shorter statement's content words the other must contain
# roles whose fillers are a group (all the meeting's participants): one report may name fewer
GROUP_ROLES = {"participant": "participant", "host": "participant", "visitor": "participant",
               "party": "party", "mediator": "mediator"}
SYMMETRIC_RELATIONS = frozenset({"met_with"})
_WORD = regex.compile(r"[\p{L}\p{N}]+")
_STOPWORDS = frozenset("""
a about above after again against all also an and any are as at be because been before being
both but by can could did do does during each few for from further had has have having he her
here hers him his how i if in into is it its itself just may me might more most must my no nor
not now of off on once one only or other our ours out over own same she should so some such
than that the their theirs them then there these they this those through to too under until
up very was we were what when where which while who whom why will with would you your
""".split())


def fold(name: str) -> str:
    """Name comparison key: case, curly quotes, dots and a leading 'the' do not matter."""
    key = name.replace("’", "'").replace(".", "").casefold().strip()
    if key.startswith("the "):
        key = key[4:]
    return " ".join(key.split())


def content_words(text: str) -> frozenset[str]:
    """Content words of a statement, crudely stemmed, for comparing two reports of it."""
    words = set()
    for raw in _WORD.findall(text.replace("’", "'").casefold()):
        if len(raw) < 3 or raw in _STOPWORDS:
            continue
        words.add(raw[:-1] if len(raw) > 4 and raw.endswith("s") else raw)
    return frozenset(words)


def overlap(a: frozenset[str], b: frozenset[str]) -> float:
    """Share of the smaller word set found in the other (0 when either is empty)."""
    if not a or not b:
        return 0.0
    return len(a & b) / min(len(a), len(b))


# -- inputs -----------------------------------------------------------------

def check_result(item: ResultLike) -> ExtractionResult:
    """``item`` as an extraction result, or :class:`InputError` saying why it is not one."""
    if isinstance(item, ExtractionResult):
        return item
    if isinstance(item, MergedResult) or (isinstance(item, Mapping) and "documents" in item):
        raise InputError("already a merged document; merge the results it came from instead")
    if not isinstance(item, Mapping):
        raise InputError(f"expected an extraction result, not {type(item).__name__}")
    try:
        return ExtractionResult.model_validate(item)
    except ValidationError as exc:
        first = exc.errors()[0]
        where = ".".join(str(p) for p in first["loc"]) or "document"
        raise InputError(f"not a factkit result ({where}: {first['msg']})") from None


def _as_result(index: int, item: ResultLike) -> ExtractionResult:
    try:
        return check_result(item)
    except InputError as exc:
        raise InputError(f"result {index}: {exc}") from None


def _labels(results: list[ExtractionResult]) -> list[str]:
    """A distinct id per document: its own id, else its position."""
    labels: list[str] = []
    seen: Counter[str] = Counter()
    for index, result in enumerate(results, start=1):
        base = result.document.id or f"doc{index}"
        seen[base] += 1
        labels.append(base if seen[base] == 1 else f"{base}#{seen[base]}")
    return labels


# -- entities ---------------------------------------------------------------

class _UnionFind:
    def __init__(self, size: int) -> None:
        self.parent = list(range(size))

    def find(self, item: int) -> int:
        root = item
        while self.parent[root] != root:
            root = self.parent[root]
        while self.parent[item] != root:
            self.parent[item], item = root, self.parent[item]
        return root

    def union(self, a: int, b: int) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra != rb:  # the earlier node stays root, so the result does not depend on call order
            self.parent[max(ra, rb)] = min(ra, rb)


@dataclass
class _Entities:
    """Unified entities and the way from a document's entity id (or a bare name) to them."""

    merged: list[MergedEntity]
    by_doc_id: dict[tuple[int, str], str]
    by_name: dict[str, set[str]]

    def resolve(self, doc: int, entity_id: str | None, text: str) -> str | None:
        if entity_id is not None and (doc, entity_id) in self.by_doc_id:
            return self.by_doc_id[(doc, entity_id)]
        candidates = self.by_name.get(fold(text), set())
        return next(iter(candidates)) if len(candidates) == 1 else None

    def key(self, doc: int, entity_id: str | None, text: str) -> str:
        """What to compare: the unified entity, else the folded surface text."""
        return self.resolve(doc, entity_id, text) or "~" + fold(text)


def _unify_entities(results: list[ExtractionResult], labels: list[str]) -> _Entities:
    nodes = [(d, e) for d, result in enumerate(results) for e in result.entities]
    uf = _UnionFind(len(nodes))
    by_key: dict[tuple[str, str], int] = {}
    for i, (_, entity) in enumerate(nodes):
        key: tuple[str, str] = (entity.type, fold(entity.name))
        if key in by_key:
            uf.union(by_key[key], i)
        else:
            by_key[key] = i
    alias_of: dict[tuple[str, str], set[int]] = defaultdict(set)
    for i, (_, entity) in enumerate(nodes):
        for alias in entity.aliases:
            alias_of[(entity.type, fold(alias))].add(i)
    # a name that is another entity's alias ("Wang" → "Wang Yi") joins it, unless it is ambiguous
    for key in sorted(by_key, key=lambda k: (len(k[1]), k)):
        i = by_key[key]
        roots = {uf.find(j) for j in alias_of.get(key, ())} - {uf.find(i)}
        if len(roots) == 1:
            uf.union(i, roots.pop())
    groups: dict[int, list[int]] = defaultdict(list)
    for i in range(len(nodes)):
        groups[uf.find(i)].append(i)
    merged: list[MergedEntity] = []
    by_doc_id: dict[tuple[int, str], str] = {}
    by_name: dict[str, set[str]] = defaultdict(set)
    for number, root in enumerate(sorted(groups), start=1):
        members = [nodes[i] for i in groups[root]]
        new_id = f"e{number}"
        uses = Counter(e.name for _, e in members)
        order = {name: n for n, name in enumerate(e.name for _, e in reversed(members))}
        name = max(uses, key=lambda n: (len(n.split()), uses[n], order[n]))
        aliases = list(dict.fromkeys([e.name for _, e in members]
                                     + [a for _, e in members for a in e.aliases]))
        first = members[0][1]
        merged.append(MergedEntity(
            id=new_id, type=first.type, name=name, aliases=aliases, mentions=first.mentions,
            sources=[Source(document=labels[d], id=e.id, evidence=e.mentions) for d, e in members],
            count=len({d for d, _ in members})))
        for d, e in members:
            by_doc_id[(d, e.id)] = new_id
        for alias in [name, *aliases]:
            by_name[fold(alias)].add(new_id)
    return _Entities(merged, by_doc_id, dict(by_name))


# -- comparing facts --------------------------------------------------------

def _date_bounds(value: str) -> tuple[dt.date, dt.date] | None:
    try:
        parts = [int(p) for p in value.split("-")]
        if len(parts) == 1:
            return dt.date(parts[0], 1, 1), dt.date(parts[0], 12, 31)
        if len(parts) == 2:
            start = dt.date(parts[0], parts[1], 1)
            end = (start + dt.timedelta(days=32)).replace(day=1) - dt.timedelta(days=1)
            return start, end
        if len(parts) == 3:
            day = dt.date(*parts)
            return day, day
    except ValueError:
        pass
    return None


def compare_dates(a: str | None, b: str | None) -> str:
    """'unknown' (one is missing), 'same' (one refines the other), 'near' or 'far'."""
    if not a or not b:
        return "unknown"
    if a.startswith(b) or b.startswith(a):
        return "same"
    ba, bb = _date_bounds(a), _date_bounds(b)
    if ba is None or bb is None:
        return "far"
    gap = max((bb[0] - ba[1]).days, (ba[0] - bb[1]).days, 0)
    return "near" if gap <= MAX_DATE_GAP_DAYS else "far"


@dataclass
class _Item:
    """One fact of one document with what merging compares, in unified entity terms."""

    doc: int
    fact: Fact
    kind: str
    keys: frozenset[str]
    roles: dict[str, frozenset[str]] = field(default_factory=dict)
    date: str | None = None
    location: str | None = None
    occasion: str | None = None
    words: frozenset[str] = frozenset()


def _event_item(doc: int, event: Event, ents: _Entities) -> _Item:
    roles: dict[str, set[str]] = defaultdict(set)
    for argument in event.arguments:
        role = GROUP_ROLES.get(argument.role, argument.role)
        roles[role].add(ents.key(doc, argument.entity, argument.text))
    kind = f"event:{event.type}:{event.status}"
    if "action" in event.attributes:
        kind += f":{event.attributes['action']}"
    location = None
    if event.location is not None:
        location = ents.key(doc, event.location.entity, event.location.text)
    occasion = event.attributes.get("occasion")
    topic = event.attributes.get("topic")
    return _Item(doc, event, kind, frozenset(k for ks in roles.values() for k in ks),
                 roles={r: frozenset(ks) for r, ks in roles.items()},
                 date=event.date.value if event.date else None, location=location,
                 occasion=fold(occasion) if isinstance(occasion, str) else None,
                 words=content_words(topic) if isinstance(topic, str) else frozenset())


def _statement_item(doc: int, statement: Statement, ents: _Entities) -> _Item:
    speaker = statement.speaker
    keys = frozenset() if speaker is None else frozenset(
        {ents.key(doc, speaker.entity, speaker.text)})
    return _Item(doc, statement, "statement", keys,
                 date=statement.date.value if statement.date else None,
                 words=content_words(statement.content))


def _relation_item(doc: int, relation: Relation, ents: _Entities) -> _Item:
    subject = ents.key(doc, relation.subject.entity, relation.subject.text)
    obj = ents.key(doc, relation.object.entity, relation.object.text)
    if relation.type in SYMMETRIC_RELATIONS:
        subject, obj = sorted((subject, obj))
    return _Item(doc, relation, f"relation:{relation.type}", frozenset({subject}),
                 roles={"subject": frozenset({subject}), "object": frozenset({obj})})


def _event_score(a: _Item, b: _Item) -> float | None:
    """How well two events match, or None when they cannot be one event."""
    shared = 0
    for role in sorted(a.roles.keys() | b.roles.keys()):
        x, y = a.roles.get(role, frozenset()), b.roles.get(role, frozenset())
        if not x or not y:
            continue
        if role in GROUP_ROLES.values():
            if not (x <= y or y <= x):
                return None
        elif not x & y:
            return None
        shared += len(x & y)
    if not shared:
        return None
    if a.words and b.words and overlap(a.words, b.words) < MIN_CONTENT_OVERLAP:
        return None
    dates = compare_dates(a.date, b.date)
    if dates == "far":
        return None
    place_conflict = a.location is not None and b.location is not None and a.location != b.location
    corroborated = dates == "same" or (a.occasion is not None and a.occasion == b.occasion)
    if place_conflict and not corroborated:
        return None
    score = shared + {"same": 2.0, "unknown": 0.0, "near": -1.0}[dates]
    if a.location is not None and a.location == b.location:
        score += 1
    return score


def _statement_score(a: _Item, b: _Item) -> float | None:
    if not a.keys or a.keys != b.keys:
        return None
    similarity = overlap(a.words, b.words)
    shared = len(a.words & b.words)
    if similarity < MIN_CONTENT_OVERLAP or shared < min(2, len(a.words), len(b.words)):
        return None
    if compare_dates(a.date, b.date) == "far":
        return None
    return similarity


def _relation_score(a: _Item, b: _Item) -> float | None:
    return 1.0 if a.roles == b.roles else None


# -- choosing values --------------------------------------------------------

@dataclass
class _Cluster:
    items: list[_Item]
    docs: set[int]


def _pick(values: list[tuple[str, Any, int]]) -> tuple[int, list[tuple[Any, list[int]]]]:
    """Of (key, value, doc) reports, the best-supported value's index and the groups when they disagree."""
    groups: dict[str, list[int]] = {}
    for n, (key, _, _) in enumerate(values):
        groups.setdefault(key, []).append(n)
    best = max(groups.values(), key=lambda g: (len({values[n][2] for n in g}), -g[0]))
    if len(groups) == 1:
        return best[0], []
    return best[0], [(values[g[0]][1], sorted({values[n][2] for n in g})) for g in groups.values()]


def _choose_date(items: list[_Item]) -> tuple[DateValue | None, int, list[tuple[Any, list[int]]]]:
    """The date the reports support best, the report it came from, and the groups if they disagree."""
    reports: list[tuple[int, DateValue | None]] = [
        (n, getattr(item.fact, "date", None)) for n, item in enumerate(items)]
    known = [(n, d) for n, d in reports if d is not None and d.value]
    if not known:
        first = next(((n, d) for n, d in reports if d is not None), None)
        return (first[1], first[0], []) if first else (None, 0, [])
    finest = max(known, key=lambda nd: (len(nd[1].value or ""), -nd[0]))
    if all(compare_dates(d.value, finest[1].value) == "same" for _, d in known):
        return finest[1], finest[0], []
    index, groups = _pick([(d.value or "", (n, d), items[n].doc) for n, d in known])
    n, chosen = known[index]
    return chosen, n, [(_dump(value[1]), docs) for value, docs in groups]


def _dump(model: Any) -> Any:
    """A value for `alternatives`: spans dropped, as they index different documents."""
    data = model.model_dump(mode="json")
    data.pop("span", None)
    return data


def _alternatives(groups: list[tuple[Any, list[int]]], labels: list[str]) -> list[Alternative]:
    return [Alternative(value=value, documents=[labels[d] for d in docs]) for value, docs in groups]


def _ref(ents: _Entities, doc: int, ref: EntityRef | None, keep_span: bool) -> EntityRef | None:
    if ref is None:
        return None
    return EntityRef(entity=ents.resolve(doc, ref.entity, ref.text), text=ref.text,
                     span=ref.span if keep_span else None)


def _merge_attributes(items: list[_Item], labels: list[str]) -> tuple[
        dict[str, Any], dict[str, list[Alternative]]]:
    names = list(dict.fromkeys(k for item in items for k in item.fact.attributes))
    attributes: dict[str, Any] = {}
    alternatives: dict[str, list[Alternative]] = {}
    for name in names:
        reports = [(fold(json.dumps(item.fact.attributes[name], ensure_ascii=False)),
                    item.fact.attributes[name], item.doc)
                   for item in items if item.fact.attributes.get(name) not in (None, "", [])]
        if not reports:
            attributes[name] = items[0].fact.attributes.get(name)
            continue
        index, groups = _pick(reports)
        attributes[name] = reports[index][1]
        if groups:
            alternatives[f"attributes.{name}"] = _alternatives(groups, labels)
    return attributes, alternatives


def _merge_refs(items: list[_Item], ents: _Entities, labels: list[str], name: str
                ) -> tuple[EntityRef | None, list[Alternative]]:
    reports = []
    for n, item in enumerate(items):
        ref = getattr(item.fact, name)
        if ref is not None:
            reports.append((ents.key(item.doc, ref.entity, ref.text), (n, ref), item.doc))
    if not reports:
        return None, []
    index, groups = _pick(reports)
    n, ref = reports[index][1]
    chosen = _ref(ents, items[n].doc, ref, keep_span=n == 0)
    return chosen, [Alternative(value=_dump(_ref(ents, items[v[0]].doc, v[1], False)),
                                documents=[labels[d] for d in docs]) for v, docs in groups]


def _sources(items: list[_Item], labels: list[str]) -> list[Source]:
    return [Source(document=labels[item.doc], id=item.fact.id, evidence=item.fact.evidence)
            for item in items]


def _common(items: list[_Item], labels: list[str]) -> dict[str, Any]:
    return {"evidence": items[0].fact.evidence,
            "confidence": max(item.fact.confidence for item in items),
            "extractor": items[0].fact.extractor,
            "sources": _sources(items, labels), "count": len({item.doc for item in items})}


def _build_event(items: list[_Item], ents: _Entities, labels: list[str]) -> MergedEvent:
    first = items[0].fact
    assert isinstance(first, Event)
    arguments: list[Argument] = []
    seen: set[tuple[str, str]] = set()
    for n, item in enumerate(items):
        assert isinstance(item.fact, Event)
        for a in item.fact.arguments:
            key = (a.role, ents.key(item.doc, a.entity, a.text))
            if n == 0 or key not in seen:
                arguments.append(Argument(role=a.role, entity=ents.resolve(item.doc, a.entity, a.text),
                                          text=a.text, span=a.span if n == 0 else None))
                seen.add(key)
    date, date_from, date_groups = _choose_date(items)
    if date is not None and date_from != 0:
        date = date.model_copy(update={"span": None})
    attributes, alternatives = _merge_attributes(items, labels)
    if date_groups:
        alternatives["date"] = _alternatives(date_groups, labels)
    location, location_alts = _merge_location(items, ents, labels)
    if location_alts:
        alternatives["location"] = location_alts
    return MergedEvent(type=first.type, status=first.status, arguments=arguments,
                       attributes=attributes, date=date, location=location,
                       alternatives=dict(sorted(alternatives.items())), **_common(items, labels))


def _merge_location(items: list[_Item], ents: _Entities, labels: list[str]
                    ) -> tuple[Location | None, list[Alternative]]:
    reports = []
    for n, item in enumerate(items):
        loc = item.fact.location if isinstance(item.fact, Event) else None
        if loc is not None:
            reports.append((item.location or "", (n, loc), item.doc))
    if not reports:
        return None, []

    def remap(n: int, loc: Location, keep_span: bool) -> Location:
        return Location(text=loc.text, entity=ents.resolve(items[n].doc, loc.entity, loc.text),
                        span=loc.span if keep_span else None)

    index, groups = _pick(reports)
    n, loc = reports[index][1]
    return remap(n, loc, n == 0), [
        Alternative(value=_dump(remap(v[0], v[1], False)), documents=[labels[d] for d in docs])
        for v, docs in groups]


def _build_statement(items: list[_Item], ents: _Entities, labels: list[str]) -> MergedStatement:
    first = items[0].fact
    assert isinstance(first, Statement)
    attributes, alternatives = _merge_attributes(items, labels)
    date, date_from, date_groups = _choose_date(items)
    if date is not None and date_from != 0:
        date = date.model_copy(update={"span": None})
    if date_groups:
        alternatives["date"] = _alternatives(date_groups, labels)
    addressee, alts = _merge_refs(items, ents, labels, "addressee")
    if alts:
        alternatives["addressee"] = alts
    source, alts = _merge_refs(items, ents, labels, "source")
    if alts:
        alternatives["source"] = alts
    return MergedStatement(
        speaker=_ref(ents, items[0].doc, first.speaker, True), addressee=addressee,
        kind=first.kind, cue=first.cue, content=first.content, source=source, date=date,
        attributes=attributes, alternatives=dict(sorted(alternatives.items())),
        **_common(items, labels))


def _build_relation(items: list[_Item], ents: _Entities, labels: list[str]) -> MergedRelation:
    first = items[0].fact
    assert isinstance(first, Relation)
    attributes, alternatives = _merge_attributes(items, labels)
    subject = _ref(ents, items[0].doc, first.subject, True)
    obj = _ref(ents, items[0].doc, first.object, True)
    assert subject is not None and obj is not None
    return MergedRelation(
        type=first.type, subject=subject, object=obj, attributes=attributes,
        alternatives=dict(sorted(alternatives.items())), **_common(items, labels))


# -- clustering -------------------------------------------------------------

def _cluster(items: Iterable[_Item], score: Callable[[_Item, _Item], float | None]
             ) -> list[_Cluster]:
    """Greedy, in input order: each fact joins the best-matching group that lacks its document.

    Candidates come from an index of shared entity keys, so cost grows with
    the facts about each entity, not with the square of all facts.
    """
    clusters: list[_Cluster] = []
    index: dict[tuple[str, str], list[int]] = defaultdict(list)
    for item in items:
        candidates = sorted({c for k in item.keys for c in index.get((item.kind, k), ())})
        best: tuple[float, int] | None = None
        for c in candidates:
            cluster = clusters[c]
            if item.doc in cluster.docs:
                continue
            scores = [score(item, other) for other in cluster.items]
            if any(s is None for s in scores):
                continue
            total = sum(s for s in scores if s is not None)
            if best is None or total > best[0]:
                best = (total, c)
        if best is None:
            clusters.append(_Cluster([item], {item.doc}))
            target = len(clusters) - 1
        else:
            target = best[1]
            clusters[target].items.append(item)
            clusters[target].docs.add(item.doc)
        for k in item.keys:
            if target not in index[(item.kind, k)]:
                index[(item.kind, k)].append(target)
    return clusters


def _items(results: list[ExtractionResult], ents: _Entities,
           make: Callable[[int, Any, _Entities], _Item], attr: str) -> Iterator[_Item]:
    for doc, result in enumerate(results):
        for fact in getattr(result, attr):
            yield make(doc, fact, ents)


def _number(facts: Sequence[MergedEvent | MergedStatement | MergedRelation], prefix: str) -> None:
    for number, fact in enumerate(facts, start=1):
        fact.id = f"{prefix}{number}"


def merge(results: Iterable[ResultLike]) -> MergedResult:
    """Consolidate the facts of many extraction results into one merged document.

    ``results`` are :class:`~factkit.ExtractionResult` objects or their JSON
    as dicts, in any number. Raises :class:`~factkit.InputError` naming the
    position of an item that is not an extraction result.
    """
    docs = [_as_result(i, r) for i, r in enumerate(results)]
    labels = _labels(docs)
    ents = _unify_entities(docs, labels)
    events = [_build_event(c.items, ents, labels)
              for c in _cluster(_items(docs, ents, _event_item, "events"), _event_score)]
    statements = [_build_statement(c.items, ents, labels)
                  for c in _cluster(_items(docs, ents, _statement_item, "statements"),
                                    _statement_score)]
    relations = [_build_relation(c.items, ents, labels)
                 for c in _cluster(_items(docs, ents, _relation_item, "relations"),
                                   _relation_score)]
    _number(events, "ev")
    _number(statements, "s")
    _number(relations, "r")
    published = [d.document.published for d in docs if d.document.published]
    return MergedResult(
        document=DocumentInfo(id=None, published=max(published) if published else None),
        documents=[DocumentInfo(id=label, published=d.document.published, text=d.document.text)
                   for label, d in zip(labels, docs)],
        entities=ents.merged, events=events, statements=statements, relations=relations,
        errors=[MergedError(document=label, **error.model_dump())
                for label, d in zip(labels, docs) for error in d.errors])
