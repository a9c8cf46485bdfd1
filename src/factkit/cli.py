"""The ``factkit`` command: data on stdout, diagnostics on stderr.

Exit codes: 0 every input processed; 1 some inputs failed (each reported on
stderr, every other input still processed and printed); 2 usage error.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from typing import IO, TYPE_CHECKING, Any

from . import __version__

if TYPE_CHECKING:
    from .pipeline import Pipeline
    from .schema import ExtractionResult

EXIT_OK, EXIT_INPUT_FAILED, EXIT_USAGE = 0, 1, 2


class UsageError(Exception):
    pass


@dataclass
class Article:
    """One article to extract from, or the reason it cannot be read."""

    label: str
    doc_id: str | None
    text: str | None = None
    published: str | None = None
    problem: str | None = None


def decode_text(data: bytes) -> str:
    """UTF-8 text exactly as given (no newline translation, so offsets match the file)."""
    if b"\x00" in data:
        raise ValueError("binary data (contains NUL bytes), not text")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise ValueError(f"not UTF-8 text (invalid byte 0x{data[exc.start]:02x} at byte offset "
                         f"{exc.start})") from None


def _open_binary(path: str) -> IO[bytes]:
    if path == "-":
        return sys.stdin.buffer
    return open(path, "rb")


def _describe_os_error(exc: OSError) -> str:
    if isinstance(exc, FileNotFoundError):
        return "no such file"
    if isinstance(exc, IsADirectoryError):
        return "is a directory, not a file"
    if isinstance(exc, PermissionError):
        return "permission denied"
    return exc.strerror or str(exc)


def read_plain(path: str, doc_id: str | None, published: str | None) -> Article:
    label = "<stdin>" if path == "-" else path
    try:
        stream = _open_binary(path)
        try:
            data = stream.read()
        finally:
            if stream is not sys.stdin.buffer:
                stream.close()
        text = decode_text(data)
    except OSError as exc:
        return Article(label, doc_id, problem=_describe_os_error(exc))
    except ValueError as exc:
        return Article(label, doc_id, problem=str(exc))
    if not text.strip():
        return Article(label, doc_id, problem="empty text: nothing to extract from")
    return Article(label, doc_id if doc_id is not None else (None if path == "-" else path),
                   text=text, published=published)


def _record_article(label: str, raw: bytes, published: str | None) -> Article:
    try:
        record = json.loads(decode_text(raw))
    except ValueError as exc:
        return Article(label, None, problem=f"malformed JSON record: {exc}")
    if not isinstance(record, dict):
        return Article(label, None, problem="a record must be a JSON object with a 'text' field")
    doc_id = record.get("id")
    doc_id = None if doc_id is None else str(doc_id)
    text = record.get("text")
    if not isinstance(text, str):
        why = "no 'text' field" if text is None else "'text' is not a string"
        return Article(label, doc_id, problem=f"record has {why}")
    try:
        text.encode("utf-8")
    except UnicodeEncodeError as exc:
        return Article(label, doc_id, problem=f"'text' holds a lone surrogate at index {exc.start}")
    if not text.strip():
        return Article(label, doc_id, problem="empty text: nothing to extract from")
    record_published = record.get("published")
    if record_published is not None and not isinstance(record_published, str):
        return Article(label, doc_id, problem="'published' must be a YYYY-MM-DD string")
    return Article(label, doc_id, text=text, published=record_published or published)


def read_jsonl(path: str, published: str | None) -> Iterator[Article]:
    """One article per non-blank line, streamed so memory stays flat."""
    name = "<stdin>" if path == "-" else path
    try:
        stream = _open_binary(path)
    except OSError as exc:
        yield Article(name, None, problem=_describe_os_error(exc))
        return
    try:
        for lineno, raw in enumerate(stream, start=1):
            if raw.strip():
                yield _record_article(f"{name}:{lineno}", raw, published)
    except OSError as exc:
        yield Article(name, None, problem=_describe_os_error(exc))
    finally:
        if stream is not sys.stdin.buffer:
            stream.close()


def _articles(args: argparse.Namespace) -> Iterator[Article]:
    paths = args.inputs or ["-"]
    for path in paths:
        if args.jsonl:
            yield from read_jsonl(path, args.published)
        else:
            yield read_plain(path, args.id, args.published)


def _failed_result(article: Article) -> ExtractionResult:
    """A result that carries only the error, so output stays one document per input."""
    from .schema import DocumentInfo, ExtractionError, ExtractionResult

    return ExtractionResult(document=DocumentInfo(id=article.doc_id),
                            errors=[ExtractionError(stage="input", name="input",
                                                    message=article.problem or "")])


class Output:
    """Writes one JSON document, or JSON Lines, or (``--pretty``) an indented JSON array."""

    def __init__(self, stream: IO[bytes], *, lines: bool, pretty: bool) -> None:
        self.stream, self.lines, self.pretty = stream, lines, pretty
        self.count = 0

    def write_json(self, document: str) -> None:
        body = document.encode("utf-8")
        if self.lines and self.pretty:
            self.stream.write(b"[\n" if self.count == 0 else b",\n")
        self.stream.write(body)
        if not (self.lines and self.pretty):
            self.stream.write(b"\n")
        if self.lines:  # a consumer of a stream sees each document as soon as it is done
            self.stream.flush()
        self.count += 1

    def close(self) -> None:
        if self.lines and self.pretty:
            self.stream.write(b"\n]\n" if self.count else b"[]\n")
        self.stream.flush()


def _build_pipeline(args: argparse.Namespace) -> Pipeline:
    from .errors import UnknownExtractorError
    from .pipeline import Pipeline

    try:
        return Pipeline(only=args.only, disable=args.disable or ())
    except UnknownExtractorError as exc:
        raise UsageError(str(exc)) from None


class Progress:
    """Articles done, articles/s and ETA on stderr, only when a person is watching it."""

    def __init__(self, paths: list[str], jsonl: bool) -> None:
        self.bar = None
        if not sys.stderr.isatty():
            return
        from tqdm import tqdm

        self.bar = tqdm(total=_count_records(paths) if jsonl else len(paths), unit="article",
                        file=sys.stderr, dynamic_ncols=True, leave=False)

    def update(self) -> None:
        if self.bar is not None:
            self.bar.update(1)

    def close(self) -> None:
        if self.bar is not None:
            self.bar.close()


def _count_records(paths: list[str]) -> int | None:
    """Lines in the input files (for an ETA), or None when reading from a stream."""
    if any(p == "-" for p in paths):
        return None
    total = 0
    try:
        for path in paths:
            with open(path, "rb") as stream:
                total += sum(chunk.count(b"\n") for chunk in iter(lambda: stream.read(1 << 20), b""))
    except OSError:
        return None
    return total


def cmd_extract(args: argparse.Namespace) -> int:
    from collections import deque

    from .batch import Job, default_workers, run_jobs
    from .errors import InputError
    from .pipeline import parse_published

    if args.id is not None and (args.jsonl or len(args.inputs) > 1):
        raise UsageError("--id names a single article; JSON Lines records carry their own 'id'")
    try:
        parse_published(args.published)
    except InputError as exc:
        raise UsageError(f"--published: {exc}") from None
    workers = args.workers if args.workers is not None else default_workers()
    if workers < 1:
        raise UsageError("--workers must be at least 1")
    pipeline = _build_pipeline(args)
    lines = args.jsonl or len(args.inputs) > 1
    if not lines:
        workers = 1  # one article: a pool would only add start-up time
    in_flight: deque[Article] = deque()

    def jobs() -> Iterator[Job]:
        for article in _articles(args):
            in_flight.append(article)
            yield Job(article.text or "", article.published, article.doc_id, article.problem)

    target = open(args.output, "wb") if args.output else sys.stdout.buffer
    out = Output(target, lines=lines, pretty=args.pretty)
    progress = Progress(args.inputs or ["-"], args.jsonl)
    failed = 0
    try:
        for outcome in run_jobs(jobs(), pipeline, workers=workers):
            article = in_flight.popleft()
            progress.update()
            if outcome.problem is not None:
                failed += 1
                article.problem = outcome.problem
                print(f"factkit: {article.label}: {article.problem}", file=sys.stderr)
                if lines:
                    out.write_json(_failed_result(article).to_json())
                continue
            for error in outcome.errors:
                print(f"factkit: {article.label}: {error.stage} {error.name!r} failed: "
                      f"{error.message}", file=sys.stderr)
            out.write_json(outcome.to_result().to_json(indent=2) if args.pretty else outcome.to_json())
        out.close()
    finally:
        progress.close()
        if args.output:
            target.close()
    return EXIT_INPUT_FAILED if failed else EXIT_OK


def _print_json(data: Any) -> None:
    sys.stdout.write(json.dumps(data, indent=2, ensure_ascii=False) + "\n")


def cmd_plugins(args: argparse.Namespace) -> int:
    from dataclasses import asdict

    from .plugins import PluginHost

    _print_json([asdict(info) for info in PluginHost().describe()])
    return EXIT_OK


def cmd_schema(args: argparse.Namespace) -> int:
    from .schema import json_schema

    _print_json(json_schema())
    return EXIT_OK


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="factkit", description="Typed, verifiable facts from news-article text.",
        epilog="Exit codes: 0 ok; 1 some inputs failed (each reported, the rest still printed); "
               "2 usage error.")
    parser.add_argument("--version", action="version", version=f"factkit {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    sub.required = True

    ex = sub.add_parser("extract", help="extract facts from articles",
                        description="Extract facts from plain-text articles (one per file, '-' "
                                    "or nothing for stdin) or JSON Lines records.")
    ex.add_argument("inputs", nargs="*", metavar="PATH", help="article file, or '-' for stdin")
    ex.add_argument("--published", metavar="YYYY-MM-DD",
                    help="publication date (JSON Lines records may carry their own)")
    ex.add_argument("--id", help="document id for a single article (default: its path)")
    ex.add_argument("--jsonl", action="store_true",
                    help='inputs are JSON Lines of {"id", "text", "published"}; one output line each')
    ex.add_argument("--pretty", action="store_true", help="indented output")
    ex.add_argument("-o", "--output", metavar="FILE", help="write to FILE instead of stdout")
    ex.add_argument("--workers", type=int, metavar="N",
                    help="worker processes for several articles (default: one per core; "
                         "1 = in-process)")
    ex.add_argument("--only", action="append", metavar="NAME",
                    help="run only this extractor (repeatable)")
    ex.add_argument("--disable", action="append", metavar="NAME",
                    help="do not run this extractor (repeatable)")
    ex.set_defaults(func=cmd_extract)

    pl = sub.add_parser("plugins", help="list installed plugins and their extractors as JSON")
    pl.set_defaults(func=cmd_plugins)
    sc = sub.add_parser("schema", help="print the JSON Schema of the output")
    sc.set_defaults(func=cmd_schema)
    return parser


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    try:
        return int(args.func(args))
    except UsageError as exc:
        parser.print_usage(sys.stderr)
        print(f"factkit: error: {exc}", file=sys.stderr)
        return EXIT_USAGE
    except BrokenPipeError:  # reader went away (e.g. `| head`): not our failure
        sys.stderr.close()
        return EXIT_OK
    except KeyboardInterrupt:
        return 130
    except OSError as exc:  # e.g. -o into a missing directory
        print(f"factkit: error: {exc}", file=sys.stderr)
        return EXIT_USAGE
