"""Extraction over corpora beyond one machine, with Dask (``pip install 'factkit[dask]'``).

Each partition is extracted by one pipeline per worker process (built on first
use and kept), so the cost of plugins, lexicon and compiled patterns is paid
once per worker, not per article. A bad record does not fail the job: its
result carries the problem in ``errors`` (stage ``input``), exactly as the
CLI reports it, and the partition goes on.

    import dask.bag as db
    from factkit.dask import extract_bag

    records = db.read_text("articles-*.jsonl").map(json.loads)
    results = extract_bag(records)            # a bag of result dicts
    results.map(json.dumps).to_textfiles("out/*.jsonl")
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from typing import TYPE_CHECKING, Any

try:
    import dask.bag as db
except ImportError as exc:  # pragma: no cover - exercised only without the extra
    raise ImportError("factkit.dask needs Dask: pip install 'factkit[dask]'") from exc

from .errors import InputError
from .pipeline import Pipeline, PipelineSpec
from .schema import DocumentInfo, ExtractionError, ExtractionResult

if TYPE_CHECKING:
    import dask.dataframe as dd

_pipelines: dict[PipelineSpec, Pipeline] = {}


def _pipeline(spec: PipelineSpec) -> Pipeline:
    """One pipeline per worker process and configuration, built on first use."""
    pipeline = _pipelines.get(spec)
    if pipeline is None:
        pipeline = _pipelines[spec] = spec.build()
    return pipeline


def _failed(doc_id: Any, message: str) -> dict[str, Any]:
    return ExtractionResult(
        document=DocumentInfo(id=None if doc_id is None else str(doc_id)),
        errors=[ExtractionError(stage="input", name="input", message=message)],
    ).model_dump(mode="json")


def extract_records(records: Iterable[Mapping[str, Any]], spec: PipelineSpec,
                    published: str | None = None) -> list[dict[str, Any]]:
    """Extract one partition of ``{"id", "text", "published"}`` records into result dicts."""
    pipeline = _pipeline(spec)
    out = []
    for record in records:
        if not isinstance(record, Mapping):
            out.append(_failed(None, f"a record must be a mapping, not {type(record).__name__}"))
            continue
        doc_id = record.get("id")
        text = record.get("text")
        if not isinstance(text, str):
            out.append(_failed(doc_id, "record has no 'text' string"))
            continue
        try:
            result = pipeline.extract(text, published=record.get("published") or published,
                                      doc_id=None if doc_id is None else str(doc_id))
        except InputError as exc:
            out.append(_failed(doc_id, str(exc)))
            continue
        out.append(result.model_dump(mode="json"))
    return out


def extract_bag(records: db.Bag, *, only: Sequence[str] | None = None,
                disable: Sequence[str] = (), published: str | None = None) -> db.Bag:
    """A bag of result dicts (the JSON output's shape), one per input record, in order."""
    spec = PipelineSpec(None if only is None else tuple(only), tuple(disable))
    return records.map_partitions(extract_records, spec, published)


def extract_dataframe(frame: dd.DataFrame, *, text: str = "text", id: str = "id",
                      published: str = "published", only: Sequence[str] | None = None,
                      disable: Sequence[str] = ()) -> db.Bag:
    """Extract from a dataframe with id/text/published columns (names configurable)."""
    columns = [c for c in (id, text, published) if c in frame.columns]
    if text not in columns:
        raise InputError(f"the dataframe has no {text!r} column")
    renamed = frame[columns].rename(columns={id: "id", text: "text", published: "published"})
    return extract_bag(renamed.to_bag(format="dict"), only=only, disable=disable)


def to_jsonl(results: db.Bag, path: str) -> list[str]:
    """Write JSON Lines, one file per partition (``path`` contains ``*``); returns the paths."""
    import json

    lines = results.map(lambda r: json.dumps(r, ensure_ascii=False, separators=(",", ":")))
    return lines.to_textfiles(path)
