"""Extraction over many articles on all cores, in input order, in flat memory.

Work goes to worker processes in chunks, with a bounded number of chunks in
flight, so a multi-gigabyte stream never sits in memory and results come out
in input order. Each worker builds its pipeline (plugins, lexicon, compiled
patterns) once; with the ``fork`` start method it simply inherits the parent's.
"""

from __future__ import annotations

import multiprocessing
import os
from collections import deque
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from concurrent.futures import Executor, Future, ProcessPoolExecutor
from dataclasses import dataclass
from typing import Any, TypeVar, Union

from .errors import InputError
from .pipeline import Pipeline, PipelineSpec, PublishedLike, default_pipeline
from .schema import ExtractionError, ExtractionResult

T = TypeVar("T")
R = TypeVar("R")

DEFAULT_CHUNK_SIZE = 8


@dataclass(frozen=True)
class Job:
    """One article for a worker: the text and how to label its result."""

    text: str
    published: PublishedLike
    doc_id: str | None
    problem: str | None = None  # already known to be bad: passed through in order


@dataclass(frozen=True)
class Outcome:
    """The answer for one job: the result (as JSON when it crossed a process), or the problem."""

    result: ExtractionResult | None = None
    json: str | None = None
    problem: str | None = None
    errors: tuple[ExtractionError, ...] = ()  # the result's errors, readable without parsing it

    def to_json(self) -> str:
        if self.json is not None:
            return self.json
        assert self.result is not None
        return self.result.to_json()

    def to_result(self) -> ExtractionResult:
        if self.result is not None:
            return self.result
        assert self.json is not None
        return ExtractionResult.model_validate_json(self.json)


_worker_pipeline: Pipeline | None = None


def _init_worker(spec: PipelineSpec | None) -> None:
    global _worker_pipeline
    if _worker_pipeline is None and spec is not None:
        _worker_pipeline = spec.build()


def _run_jobs(jobs: Sequence[Job]) -> list[Outcome]:
    """Runs in a worker; JSON is what crosses back, as it is smaller and faster than a pickle."""
    assert _worker_pipeline is not None, "worker started without a pipeline"
    outcomes = []
    for job in jobs:
        outcome = _run_one(_worker_pipeline, job)
        if outcome.result is not None:
            outcome = Outcome(json=outcome.to_json(), errors=outcome.errors)
        outcomes.append(outcome)
    return outcomes


def _run_one(pipeline: Pipeline, job: Job) -> Outcome:
    if job.problem is not None:
        return Outcome(problem=job.problem)
    try:
        result = pipeline.extract(job.text, published=job.published, doc_id=job.doc_id)
        return Outcome(result=result, errors=tuple(result.errors))
    except InputError as exc:
        return Outcome(problem=str(exc))


def chunked(items: Iterable[T], size: int) -> Iterator[list[T]]:
    chunk: list[T] = []
    for item in items:
        chunk.append(item)
        if len(chunk) >= size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


def ordered_map(executor: Executor, function: Callable[[list[T]], list[R]],
                chunks: Iterable[list[T]], window: int) -> Iterator[R]:
    """Map over chunks with at most ``window`` in flight; results in input order."""
    pending: deque[Future[list[R]]] = deque()
    for chunk in chunks:
        pending.append(executor.submit(function, chunk))
        if len(pending) >= window:
            yield from pending.popleft().result()
    while pending:
        yield from pending.popleft().result()


def default_workers() -> int:
    try:
        return max(len(os.sched_getaffinity(0)), 1)
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1


def run_jobs(jobs: Iterable[Job], pipeline: Pipeline, *, workers: int,
             chunk_size: int = DEFAULT_CHUNK_SIZE) -> Iterator[Outcome]:
    """Outcomes for ``jobs`` in order: in-process for one worker, else on a process pool."""
    if workers <= 1:
        for job in jobs:
            yield _run_one(pipeline, job)
        return
    global _worker_pipeline
    methods = multiprocessing.get_all_start_methods()
    context = multiprocessing.get_context("fork" if "fork" in methods else "spawn")
    if context.get_start_method() == "fork":
        _worker_pipeline = pipeline  # inherited: nothing to rebuild
    with ProcessPoolExecutor(max_workers=workers, mp_context=context,
                             initializer=_init_worker, initargs=(pipeline.spec,)) as executor:
        yield from ordered_map(executor, _run_jobs, chunked(jobs, chunk_size), window=4 * workers)


Record = Union[str, Mapping[str, Any]]


def _job(index: int, record: Record, published: PublishedLike) -> Job:
    if isinstance(record, str):
        return Job(record, published, None)
    if isinstance(record, Mapping):
        if "text" not in record:
            raise InputError(f"record {index}: no 'text' field")
        doc_id = record.get("id")
        return Job(record["text"], record.get("published") or published,
                   None if doc_id is None else str(doc_id))
    raise InputError(f"record {index}: expected a text or a mapping, not {type(record).__name__}")


def extract_many(records: Iterable[Record], *, workers: int = 1, pipeline: Pipeline | None = None,
                 published: PublishedLike = None,
                 chunk_size: int = DEFAULT_CHUNK_SIZE) -> Iterator[ExtractionResult]:
    """Extract from many articles lazily, in input order, on ``workers`` processes.

    A record is a text or a mapping with ``text`` and optional ``id`` and
    ``published`` (``published`` here is the default for records without one).
    A bad record raises :class:`InputError` naming its position.
    """
    pipe = pipeline or default_pipeline()
    jobs = (_job(i, record, published) for i, record in enumerate(records))
    for index, outcome in enumerate(run_jobs(jobs, pipe, workers=workers, chunk_size=chunk_size)):
        if outcome.problem is not None:
            raise InputError(f"record {index}: {outcome.problem}")
        yield outcome.to_result()
