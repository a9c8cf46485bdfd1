"""Article text as HTML with every annotated span marked, however the spans overlap.

Spans nest and overlap (a mention inside a speaker inside a statement inside
an event's evidence), so the text is cut at every span boundary and each piece
carries the classes and fact ids of all spans covering it. Offsets never
change the text: the page shows the article exactly as the spans index it.
"""

from __future__ import annotations

import html
from collections.abc import Iterable
from dataclasses import dataclass


@dataclass(frozen=True)
class Mark:
    """One span to show: its CSS classes, the fact it is evidence of, the entity it mentions."""

    start: int
    end: int
    cls: str = ""
    fact: str | None = None
    entity: str | None = None
    title: str | None = None


def render_text(text: str, marks: Iterable[Mark], offset: int = 0) -> str:
    """``text`` (which starts at ``offset`` of its document) as HTML with ``marks`` applied."""
    end_of_text = offset + len(text)
    inside = sorted((m for m in marks if m.start < end_of_text and m.end > offset and m.end > m.start),
                    key=lambda m: (m.start, -m.end))
    cuts = sorted({offset, end_of_text, *(max(m.start, offset) for m in inside),
                   *(min(m.end, end_of_text) for m in inside)})
    out: list[str] = []
    active: list[Mark] = []
    next_mark = 0
    for a, b in zip(cuts, cuts[1:]):
        while next_mark < len(inside) and inside[next_mark].start <= a:
            active.append(inside[next_mark])
            next_mark += 1
        active = [m for m in active if m.end > a]
        piece = html.escape(text[a - offset:b - offset], quote=False)
        if not active:
            out.append(piece)
            continue
        out.append(_open(active, a) + piece + "</span>")
    return "".join(out)


def _open(active: list[Mark], start: int) -> str:
    classes = sorted({c for m in active for c in m.cls.split()})
    facts = list(dict.fromkeys(m.fact for m in active if m.fact))
    entities = list(dict.fromkeys(m.entity for m in active if m.entity))
    titles = list(dict.fromkeys(m.title for m in active if m.title))
    attrs = [f'class="{" ".join(["seg", *classes])}"', f'data-s="{start}"']
    if facts:
        attrs.append(f'data-f="{html.escape(" ".join(facts))}"')
    if entities:
        attrs.append(f'data-e="{html.escape(" ".join(entities))}"')
    if titles:
        attrs.append(f'title="{html.escape(" · ".join(titles))}"')
    return f"<span {' '.join(attrs)}>"
