"""``factkit show``: a self-contained HTML page of an article's facts and their evidence.

An optional wing: the extraction core never imports it. The page template,
style sheet and script ship as package data beside this module and are
inlined, so the page needs no network and no other file.
"""

from __future__ import annotations

from pathlib import Path

from ..merged_schema import MergedResult
from .view import render_merged, render_result


def source_texts(merged: MergedResult) -> dict[str, str]:
    """Texts of the merged documents that can be found: their own ``text``, else their file.

    A document id that names a readable UTF-8 file is used only when every
    span the merged document holds for it indexes that file exactly.
    """
    spans: dict[str, list[tuple[int, int, str]]] = {}
    for item in [*merged.entities, *merged.events, *merged.statements, *merged.relations]:
        for source in item.sources:
            spans.setdefault(source.document, []).extend(
                (s.start, s.end, s.text) for s in source.evidence)
    texts: dict[str, str] = {}
    for document in merged.documents:
        if document.id is None:
            continue
        if document.text is not None:
            texts[document.id] = document.text
            continue
        try:
            text = Path(document.id).read_bytes().decode("utf-8")
        except (OSError, ValueError):
            continue
        if all(text[s:e] == t for s, e, t in spans.get(document.id, ())):
            texts[document.id] = text
    return texts


__all__ = ["render_merged", "render_result", "source_texts"]
