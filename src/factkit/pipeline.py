"""Text in, checked facts out: analyse once, run every extractor, merge, number.

A :class:`Pipeline` holds everything expensive (plugin manager, lexicon,
compiled patterns) and is meant to be built once and reused for many articles.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import pluggy

from .analysis import AnalysedDocument, Analyzer
from .deadline import TimeLimitExceeded, limited
from .errors import InputError, UnknownExtractorError
from .facts import (
    Fact,
    FactError,
    check_fact,
    entities_of,
    merge_duplicates,
    number,
    position_relations,
)
from .plugins import DEFAULT_PLUGINS, PluginHost, RegisteredExtractor
from .published import PublishedLike, parse_published
from .schema import DocumentInfo, Event, ExtractionError, ExtractionResult, Relation, Statement

DEFAULT_TIME_LIMIT = 60.0
"""Seconds one extractor may spend on one article: generous, as articles take milliseconds."""


def _check_text(text: object) -> str:
    if not isinstance(text, str):
        raise InputError(f"text must be a string, not {type(text).__name__}")
    if not text.strip():
        raise InputError("empty text: nothing to extract from")
    try:
        text.encode("utf-8")
    except UnicodeEncodeError as exc:
        raise InputError(f"text holds a lone surrogate at index {exc.start}; "
                         "it cannot be written as UTF-8") from None
    return text


@dataclass(frozen=True)
class PipelineSpec:
    """How to rebuild a default-plugin pipeline in another process (``spawn`` workers)."""

    only: tuple[str, ...] | None = None
    disable: tuple[str, ...] = ()
    time_limit: float | None = DEFAULT_TIME_LIMIT

    def build(self) -> Pipeline:
        return Pipeline(only=self.only, disable=self.disable, time_limit=self.time_limit)


class Pipeline:
    """Build once, call :meth:`extract` for each article.

    ``only`` keeps just the named extractors, ``disable`` drops some; an
    unknown name raises :class:`UnknownExtractorError` listing the known ones.
    ``time_limit`` caps the seconds one extractor may spend on one article
    (``None``: no cap); one that runs over is stopped and reported in
    ``result.errors``, keeping the facts it had yielded.
    """

    def __init__(self, plugin_manager: pluggy.PluginManager | None = None, *,
                 only: Sequence[str] | None = None, disable: Sequence[str] = (),
                 time_limit: float | None = DEFAULT_TIME_LIMIT) -> None:
        if time_limit is not None and time_limit <= 0:
            raise ValueError("time_limit must be positive or None")
        self.time_limit = time_limit
        self.spec = None if plugin_manager is not None else PipelineSpec(
            None if only is None else tuple(only), tuple(disable), time_limit)
        self.host = PluginHost(plugin_manager)
        self.available: dict[str, RegisteredExtractor] = self.host.extractors()
        self.extractors = self._select(only, disable)
        self.lexicon = self.host.build_lexicon()
        self.analyzer = Analyzer(self.lexicon)
        self._has_processors = bool(self.host.result_processors())

    def _select(self, only: Sequence[str] | None,
                disable: Sequence[str]) -> list[RegisteredExtractor]:
        names = list(only) if only is not None else list(self.available)
        unknown = sorted({*names, *disable} - set(self.available))
        if unknown:
            raise UnknownExtractorError(
                f"unknown extractor(s) {', '.join(unknown)}; known: {', '.join(self.available)}")
        return [self.available[n] for n in self.available if n in names and n not in disable]

    def analyse(self, text: str, *, published: PublishedLike = None,
                doc_id: str | None = None) -> AnalysedDocument:
        """The analysed document extractors see; useful when writing an extractor."""
        return self.analyzer.analyse(_check_text(text), published=parse_published(published),
                                     doc_id=doc_id)

    def extract(self, text: str, *, published: PublishedLike = None, doc_id: str | None = None,
                extractors: Sequence[str] | None = None) -> ExtractionResult:
        """Extract every fact from one article.

        Raises :class:`InputError` for empty text or a bad date. A failing
        extractor never raises here: it is recorded in ``result.errors``.
        """
        pub = parse_published(published)
        doc = self.analyzer.analyse(_check_text(text), published=pub, doc_id=doc_id)
        selected = self.extractors if extractors is None else self._select(extractors, ())
        errors: list[ExtractionError] = []
        entity_ids = {e.id for e in doc.entities}
        facts: list[Fact] = []
        for registered in selected:
            facts.extend(self._run(registered, doc, entity_ids, errors))
        merged = merge_duplicates(facts)
        result = ExtractionResult(
            document=DocumentInfo(id=doc_id, published=pub.isoformat() if pub else None),
            entities=entities_of(doc),
            events=number([f for f in merged if isinstance(f, Event)], "ev"),  # type: ignore[misc]
            statements=number([f for f in merged if isinstance(f, Statement)], "s"),  # type: ignore[misc]
            relations=number([*position_relations(doc),
                              *(f for f in merged if isinstance(f, Relation))], "r"),  # type: ignore[misc]
            errors=errors,
        )
        if self._has_processors:
            result = self._post_process(result, doc)
        return result

    def _run(self, registered: RegisteredExtractor, doc: AnalysedDocument, entity_ids: set[str],
             errors: list[ExtractionError]) -> list[Fact]:
        """One extractor's checked facts; what it breaks is reported, never raised."""
        name = registered.name
        trusted = registered.plugin in DEFAULT_PLUGINS
        good: list[Fact] = []
        problems: list[str] = []
        try:
            with limited(self.time_limit) as deadline:
                for fact in registered.extractor.extract(doc):
                    deadline.check()
                    try:
                        checked = check_fact(fact, doc.text, entity_ids, revalidate=not trusted)
                    except FactError as exc:
                        problems.append(str(exc))
                        continue
                    if not checked.extractor:
                        checked.extractor = name
                    good.append(checked)
        except TimeLimitExceeded:
            problems.insert(0, f"stopped after the time limit of {self.time_limit:g} s; "
                               f"kept the {len(good)} facts it had found")
        except (Exception, SystemExit) as exc:  # a plugin's sys.exit() must not end our process
            problems.append(f"raised {type(exc).__name__}: {exc}")
        if problems:
            more = f" (and {len(problems) - 1} more)" if len(problems) > 1 else ""
            errors.append(ExtractionError(stage="extractor", name=name, plugin=registered.plugin,
                                          message=problems[0] + more))
        return good

    def _post_process(self, result: ExtractionResult, doc: AnalysedDocument) -> ExtractionResult:
        """Run post-processing plugins one by one; undo what a failing one did."""
        for plugin, function, argnames in self.host.result_processors():
            snapshot = result.model_dump()
            available = {"result": result, "document": doc}
            try:
                function(**{n: available[n] for n in argnames if n in available})
                result = ExtractionResult.model_validate(result.model_dump())
                entity_ids = {e.id for e in result.entities}
                for fact in [*result.events, *result.statements, *result.relations]:
                    check_fact(fact, doc.text, entity_ids, revalidate=False)
            except Exception as exc:
                result = ExtractionResult.model_validate(snapshot)
                result.errors.append(ExtractionError(
                    stage="postprocess", name=plugin, plugin=plugin,
                    message=f"{type(exc).__name__}: {exc}"))
        return result


_default: Pipeline | None = None


def default_pipeline() -> Pipeline:
    """The process-wide pipeline behind :func:`factkit.extract`, built on first use."""
    global _default
    if _default is None:
        _default = Pipeline()
    return _default


def extract(text: str, *, published: PublishedLike = None, doc_id: str | None = None,
            extractors: Sequence[str] | None = None) -> ExtractionResult:
    """Extract facts from one article with the default pipeline (built once per process)."""
    return default_pipeline().extract(text, published=published, doc_id=doc_id,
                                      extractors=extractors)
