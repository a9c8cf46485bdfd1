"""One self-contained HTML page for a result or a merged document.

The page is built here, in Python, from the template, style sheet and script
shipped beside this module: the text with every span marked, and a panel of
facts whose ids the marks carry, so the script only toggles classes. Nothing
is loaded from anywhere (the page forbids it in its Content-Security-Policy).
"""

from __future__ import annotations

import html
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from functools import cache
from importlib import resources
from typing import Union

from .. import __version__
from ..merged_schema import (
    MergedEntity,
    MergedEvent,
    MergedRelation,
    MergedResult,
    MergedStatement,
)
from ..schema import (
    Argument,
    Entity,
    EntityRef,
    Event,
    ExtractionResult,
    Relation,
    Span,
    Statement,
)
from .marks import Mark, render_text

Fact = Union[Event, Statement, Relation]
EVENT_GROUPS = {"meeting": "Meetings", "sanction": "Sanctions", "agreement": "Agreements"}
ENTITY_TYPES = ("person", "organization", "country", "place")
CONTENT_LIMIT = 220


@cache
def _asset(name: str) -> str:
    return (resources.files(__package__) / name).read_text(encoding="utf-8")


def esc(value: object) -> str:
    return html.escape(str(value), quote=True)


@dataclass
class DocView:
    """One document as the page shows it: its text (or only its evidence) and its marks."""

    label: str
    published: str | None
    text: str | None
    marks: list[Mark] = field(default_factory=list)
    evidence: dict[tuple[int, int], str] = field(default_factory=dict)

    def add_fact(self, fact: Fact, evidence: Sequence[Span], first: bool) -> None:
        self.marks += _fact_marks(fact, evidence, first)
        for span in evidence:
            self.evidence.setdefault((span.start, span.end), span.text)


def _event_class(kind: str) -> str:
    return kind if kind in EVENT_GROUPS else "event-other"


class _Names:
    """Entity ids to names, for showing facts by who they are about."""

    def __init__(self, entities: Iterable[Entity]) -> None:
        self.by_id = {e.id: e for e in entities}

    def of(self, entity: str | None, text: str) -> str:
        found = self.by_id.get(entity) if entity else None
        return found.name if found else text

    def ref(self, ref: EntityRef | None) -> str:
        return "" if ref is None else self.of(ref.entity, ref.text)

    def args(self, arguments: Sequence[Argument], *roles: str, sep: str = ", ") -> str:
        names = [self.of(a.entity, a.text) for a in arguments if a.role in roles]
        return sep.join(dict.fromkeys(names))


def _fact_marks(fact: Fact, evidence: Sequence[Span], first: bool) -> list[Mark]:
    """Marks one fact puts on one document; speaker and quote only where its spans index."""
    marks: list[Mark] = []
    if isinstance(fact, Event):
        cls, title = f"ev ev-{_event_class(fact.type)}", f"{fact.id} {fact.type}"
    elif isinstance(fact, Statement):
        cls, title = "st", f"{fact.id} statement"
    else:
        cls, title = "rel", f"{fact.id} {fact.type}"
    for span in evidence:
        marks.append(Mark(span.start, span.end, cls, fact.id, title=title))
    if isinstance(fact, Statement) and first:
        if fact.speaker is not None and fact.speaker.span is not None:
            s = fact.speaker.span
            marks.append(Mark(s.start, s.end, "st-speaker", fact.id))
        for span in evidence:
            at = span.text.find(fact.content) if fact.content else -1
            if at >= 0:
                start = span.start + at
                marks.append(Mark(start, start + len(fact.content), "st-content", fact.id))
                break
    return marks


def _mention_marks(entity: Entity, mentions: Sequence[Span]) -> list[Mark]:
    return [Mark(m.start, m.end, f"m m-{entity.type}", entity=entity.id,
                 title=f"{entity.name} ({entity.type})") for m in mentions]


# -- the fact panel ---------------------------------------------------------

def _fields(rows: Iterable[tuple[str, str]]) -> str:
    body = "".join(f"<dt>{esc(k)}</dt><dd>{v}</dd>" for k, v in rows if v)
    return f'<dl class="fields">{body}</dl>' if body else ""


def _date_text(fact: Event | Statement) -> str:
    if fact.date is None:
        return ""
    value = fact.date.value or "unresolved"
    return esc(f"{value} (“{fact.date.text}”)")


def _merged_rows(fact: Fact, labels: Mapping[str, str]) -> list[tuple[str, str]]:
    sources = getattr(fact, "sources", None)
    if not sources:
        return []
    rows = [("sources", esc(", ".join(labels.get(s.document, s.document) for s in sources)))]
    for key, options in getattr(fact, "alternatives", {}).items():
        shown = " | ".join(
            f"{_alt_value(o.value)} ({', '.join(labels.get(d, d) for d in o.documents)})"
            for o in options)
        rows.append((f"≠ {key}", f'<span class="alt">{esc(shown)}</span>'))
    return rows


def _alt_value(value: object) -> str:
    if isinstance(value, dict):
        return str(value.get("value") or value.get("text") or value)
    return str(value)


def _chips(fact: Fact, *extra: str) -> str:
    chips = [f'<span class="fid">{esc(fact.id)}</span>']
    status = getattr(fact, "status", None)
    if status:
        chips.append(f'<span class="chip {esc(status)}">{esc(status)}</span>')
    chips += [f'<span class="chip">{esc(x)}</span>' for x in extra if x]
    count = getattr(fact, "count", 0)
    if count:
        chips.append(f'<span class="chip sources">{count} source{"s" if count != 1 else ""}</span>')
    return f'<div class="head">{"".join(chips)}</div>'


def _item(fact: Fact, cls: str, head: str, main: str, rows: list[tuple[str, str]]) -> str:
    return (f'<li class="fact {cls}" data-fact="{esc(fact.id)}" tabindex="0" role="button">'
            f'{head}<div class="main-line">{main}</div>{_fields(rows)}</li>')


def _event_item(event: Event, names: _Names, labels: Mapping[str, str]) -> str:
    a = event.attributes
    extra: list[tuple[str, str]] = []
    if event.type == "meeting":
        main = esc(names.args(event.arguments, "participant", "host", "visitor", sep=" ↔ ")
                   or "(no participants)")
    elif event.type == "sanction":
        main = f"{esc(names.args(event.arguments, 'imposer') or '?')} → " \
               f"{esc(names.args(event.arguments, 'target') or '?')}"
    elif event.type == "agreement":
        main = esc(names.args(event.arguments, "party") or "(no parties)")
    else:
        main = esc("; ".join(f"{x.role}: {names.of(x.entity, x.text)}" for x in event.arguments))
    for key, value in a.items():
        if key != "action" and value not in (None, "", []):
            extra.append((key, esc(", ".join(value) if isinstance(value, list) else value)))
    rows = [*extra, ("date", _date_text(event)),
            ("location", esc(names.of(event.location.entity, event.location.text))
             if event.location else ""), *_merged_rows(event, labels)]
    action = a.get("action")
    head = _chips(event, str(action) if isinstance(action, str) else "")
    return _item(event, _event_class(event.type), head, main, rows)


def _statement_item(statement: Statement, names: _Names, labels: Mapping[str, str]) -> str:
    content = statement.content
    if len(content) > CONTENT_LIMIT:
        content = content[:CONTENT_LIMIT].rstrip() + "…"
    main = (f'<span class="speaker-name">{esc(names.ref(statement.speaker) or "(unknown)")}</span>'
            f" → “{esc(content)}”")
    rows = [("cue", esc(statement.cue)), ("to", esc(names.ref(statement.addressee))),
            ("via", esc(names.ref(statement.source))), ("date", _date_text(statement)),
            *_merged_rows(statement, labels)]
    return _item(statement, "statement", _chips(statement, statement.kind), main, rows)


def _relation_item(relation: Relation, names: _Names, labels: Mapping[str, str]) -> str:
    main = f"{esc(names.ref(relation.subject))} — {esc(relation.type.replace('_', ' '))} → " \
           f"{esc(names.ref(relation.object))}"
    rows = [(k, esc(v)) for k, v in relation.attributes.items() if v not in (None, "", [])]
    return _item(relation, "relation", _chips(relation), main,
                 [*rows, *_merged_rows(relation, labels)])


def _entity_item(entity: Entity, labels: Mapping[str, str]) -> str:
    count = getattr(entity, "count", 0)
    mentions = (sum(len(s.evidence) for s in entity.sources) if isinstance(entity, MergedEntity)
                else len(entity.mentions))
    aliases = [a for a in entity.aliases if a != entity.name][:6]
    chips = (f'<div class="head"><span class="fid">{esc(entity.id)}</span>'
             f'<span class="chip">{esc(entity.type)}</span>'
             f'<span class="chip">{mentions} mention{"s" if mentions != 1 else ""}</span>'
             + (f'<span class="chip sources">{count} sources</span>' if count > 1 else "")
             + "</div>")
    rows = [("aliases", esc(", ".join(aliases)))] if aliases else []
    return (f'<li class="entity {esc(entity.type)}" data-entity="{esc(entity.id)}" tabindex="0" '
            f'role="button">{chips}<div class="main-line">{esc(entity.name)}</div>'
            f"{_fields(rows)}</li>")


def _section(title: str, items: list[str], key: str) -> str:
    if not items:
        return ""
    return (f'<section class="group" data-group="{esc(key)}"><h3>{esc(title)} ({len(items)})</h3>'
            f'<ul class="facts">{"".join(items)}</ul></section>')


def _panel(entities: Sequence[Entity], events: Sequence[Event], statements: Sequence[Statement],
           relations: Sequence[Relation], labels: Mapping[str, str]) -> str:
    names = _Names(entities)
    sections = []
    kinds = list(EVENT_GROUPS) + sorted({e.type for e in events} - set(EVENT_GROUPS))
    for kind in kinds:
        title = EVENT_GROUPS.get(kind, kind.replace("_", " ").capitalize() + " events")
        sections.append(_section(title, [_event_item(e, names, labels) for e in events
                                         if e.type == kind], kind))
    sections.append(_section("Statements", [_statement_item(s, names, labels)
                                            for s in statements], "statements"))
    sections.append(_section("Relations", [_relation_item(r, names, labels) for r in relations],
                             "relations"))
    sections.append(_section("Entities", [_entity_item(e, labels) for e in entities], "entities"))
    body = "".join(s for s in sections if s)
    return body or '<p class="note">No facts found.</p>'


# -- documents --------------------------------------------------------------

def _document_html(doc: DocView, index: int, show_heading: bool) -> str:
    heading = ""
    if show_heading:
        when = f" · published {doc.published}" if doc.published else ""
        heading = f"<h2>{esc(doc.label)}{esc(when)}</h2>"
    if doc.text is not None:
        body = f'<div class="text">{render_text(doc.text, doc.marks)}</div>'
    else:
        quotes = "".join(f'<blockquote class="snippet">{render_text(t, doc.marks, offset=s)}'
                         f"</blockquote>" for (s, _), t in sorted(doc.evidence.items()))
        body = ('<p class="note">Article text not available: showing its evidence only.</p>'
                + quotes)
    return (f'<article class="doc" id="doc-{index}" data-doc="{esc(doc.label)}">{heading}{body}'
            "</article>")


def _legend() -> str:
    items = [(f"border-bottom:3px solid var(--{t});background:#fff", t) for t in ENTITY_TYPES]
    items += [(f"background:var(--{k})", k) for k in EVENT_GROUPS]
    items += [("background:var(--event-other)", "other event"),
              ("background:var(--speaker)", "speaker"),
              ("background:var(--quote)", "statement"),
              ("background:var(--hl);box-shadow:0 2px 0 var(--hl-edge)", "selected evidence")]
    lis = "".join(f'<li><span class="swatch" style="{s}"></span>{esc(n)}</li>' for s, n in items)
    return f'<ul class="legend">{lis}</ul>'


def _page(title: str, meta: str, documents: str, facts: str) -> str:
    parts = {"__VERSION__": esc(__version__), "__TITLE__": esc(title), "__META__": meta,
             "__LEGEND__": _legend(), "__DOCUMENTS__": documents, "__FACTS__": facts,
             "__CSS__": _asset("page.css"), "__JS__": _asset("page.js")}
    page = _asset("page.html")
    for token, value in parts.items():  # one pass per token; values never hold tokens
        page = page.replace(token, value)
    return page


def _headline(text: str | None, fallback: str) -> str:
    for line in (text or "").splitlines():
        if line.strip():
            line = line.strip()
            return line if len(line) <= 140 else line[:139] + "…"
    return fallback


def _counts(result: ExtractionResult | MergedResult) -> str:
    return (f"{len(result.entities)} entities · {len(result.events)} events · "
            f"{len(result.statements)} statements · {len(result.relations)} relations")


def render_result(result: ExtractionResult, text: str | None) -> str:
    """The page for one article: ``text`` is what the result's spans index."""
    text = result.document.text if result.document.text is not None else text
    doc = DocView(result.document.id or "article", result.document.published, text)
    for entity in result.entities:
        doc.marks += _mention_marks(entity, entity.mentions)
    facts: list[Fact] = [*result.events, *result.statements, *result.relations]
    for fact in facts:
        doc.add_fact(fact, fact.evidence, first=True)
    bits = [f"document {result.document.id}" if result.document.id else "",
            f"published {result.document.published}" if result.document.published else "",
            _counts(result)]
    meta = esc(" · ".join(b for b in bits if b))
    errors = "".join(f"<br>⚠ {esc(e.name)}: {esc(e.message)}" for e in result.errors)
    return _page(_headline(text, result.document.id or "factkit result"), meta + errors,
                 _document_html(doc, 0, show_heading=False),
                 _panel(result.entities, result.events, result.statements, result.relations, {}))


def short_labels(labels: Sequence[str]) -> dict[str, str]:
    """Document ids as the panel shows them: the file name when that is still unique."""
    short = {label: label.replace("\\", "/").rsplit("/", 1)[-1] for label in labels}
    if len(set(short.values())) < len(short):
        return {label: label for label in labels}
    return short


def render_merged(merged: MergedResult, texts: Mapping[str, str]) -> str:
    """The page for a merged document: each source article (or its evidence) and the facts."""
    docs = {d.id or "": DocView(d.id or "", d.published, d.text if d.text is not None
                                else texts.get(d.id or "")) for d in merged.documents}
    for entity in merged.entities:
        for source in entity.sources:
            if source.document in docs:
                docs[source.document].marks += _mention_marks(entity, source.evidence)
    merged_facts: list[MergedEvent | MergedStatement | MergedRelation] = [
        *merged.events, *merged.statements, *merged.relations]
    for fact in merged_facts:
        for n, source in enumerate(fact.sources):
            if source.document in docs:
                docs[source.document].add_fact(fact, source.evidence, first=n == 0)
    labels = short_labels(list(docs))
    meta = esc(f"merged from {len(docs)} documents · " + _counts(merged))
    body = "".join(_document_html(d, i, show_heading=True) for i, d in enumerate(docs.values()))
    return _page(f"{len(docs)} articles merged", meta, body,
                 _panel(merged.entities, merged.events, merged.statements, merged.relations,
                        labels))
