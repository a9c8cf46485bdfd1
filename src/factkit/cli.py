"""The ``factkit`` command: data on stdout, diagnostics on stderr.

Exit codes: 0 every input processed; 1 some inputs failed (each reported on
stderr, every other input still processed and printed); 2 usage error.

``merge``, ``show`` and HTML input are optional wings, imported only by the
subcommand or input that needs them, so ``factkit extract`` starts fast.
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
    from .merged_schema import MergedResult
    from .pipeline import Pipeline
    from .schema import ExtractionResult

EXIT_OK, EXIT_INPUT_FAILED, EXIT_USAGE = 0, 1, 2
DEFAULT_TIME_LIMIT = 60.0  # kept equal to factkit.pipeline.DEFAULT_TIME_LIMIT (a test checks)


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
    extracted: bool = False  # text was taken out of a web page: the output must carry it


def decode_text(data: bytes) -> str:
    """UTF-8 text exactly as given (no newline translation, so offsets match the file).

    A stray NUL in scraped text is kept like any other character; NULs in more
    than 1 byte in 100 mean a binary file or UTF-16 text, which is refused.
    """
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise ValueError("UTF-16 text, not UTF-8 (convert it first, e.g. with iconv)")
    if data.count(b"\x00") * 100 > len(data):
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


def is_html(path: str, fmt: str) -> bool:
    """Whether ``path`` is read as a web page: ``--format html``, or ``auto`` and an .html name."""
    if fmt == "auto":
        from .html_input import is_html_path

        return path != "-" and is_html_path(path)
    return fmt == "html"


def _from_html(label: str, doc_id: str | None, page: str | bytes,
               published: str | None) -> Article:
    """The article in a web page; a date given by the caller beats the page's own."""
    from .errors import InputError
    from .html_input import html_to_article

    try:
        found = html_to_article(page)
    except InputError as exc:
        return Article(label, doc_id, problem=str(exc))
    return Article(label, doc_id, text=found.text, published=published or found.published,
                   extracted=True)


def read_plain(path: str, doc_id: str | None, published: str | None,
               fmt: str = "text") -> Article:
    label = "<stdin>" if path == "-" else path
    doc_id = doc_id if doc_id is not None else (None if path == "-" else path)
    try:
        stream = _open_binary(path)
        try:
            data = stream.read()
        finally:
            if stream is not sys.stdin.buffer:
                stream.close()
        if is_html(path, fmt):
            return _from_html(label, doc_id, data, published)
        text = decode_text(data)
    except OSError as exc:
        return Article(label, doc_id, problem=_describe_os_error(exc))
    except ValueError as exc:
        return Article(label, doc_id, problem=str(exc))
    if not text.strip():
        return Article(label, doc_id, problem="empty text: nothing to extract from")
    return Article(label, doc_id, text=text, published=published)


def _record_article(label: str, raw: bytes, published: str | None, html: bool = False) -> Article:
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
    if html:
        return _from_html(label, doc_id, text, record_published or published)
    return Article(label, doc_id, text=text, published=record_published or published)


def read_jsonl(path: str, published: str | None, html: bool = False) -> Iterator[Article]:
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
                yield _record_article(f"{name}:{lineno}", raw, published, html)
    except OSError as exc:
        yield Article(name, None, problem=_describe_os_error(exc))
    finally:
        if stream is not sys.stdin.buffer:
            stream.close()


def _articles(args: argparse.Namespace) -> Iterator[Article]:
    paths = args.inputs or ["-"]
    for path in paths:
        if args.jsonl:
            yield from read_jsonl(path, args.published, html=args.format == "html")
        else:
            yield read_plain(path, args.id, args.published, args.format)


def _require_html_support(args: argparse.Namespace, paths: list[str]) -> None:
    """Fail before any work when a web page is to be read and its extra is missing."""
    jsonl = getattr(args, "jsonl", False)
    if args.format == "html" or (not jsonl and any(is_html(p, args.format) for p in paths)):
        from .html_input import MissingExtraError, require_trafilatura

        try:
            require_trafilatura()
        except MissingExtraError as exc:
            raise UsageError(str(exc)) from None


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
    from .plugins import PluginError

    try:
        return Pipeline(only=args.only, disable=args.disable or (),
                        time_limit=args.time_limit or None)
    except (UnknownExtractorError, PluginError) as exc:  # PluginError: two plugins claim a name
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
    _require_html_support(args, args.inputs)
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
            _report_errors(article.label, outcome.errors)
            if article.extracted:  # spans index the page's extracted text: ship it with them
                result = outcome.to_result()
                result.document.text = article.text
                out.write_json(result.to_json(indent=2 if args.pretty else None))
                continue
            out.write_json(outcome.to_result().to_json(indent=2) if args.pretty else outcome.to_json())
        out.close()
    finally:
        progress.close()
        if args.output:
            target.close()
    return EXIT_INPUT_FAILED if failed else EXIT_OK


def _report_errors(label: str, errors: Any) -> None:
    for error in errors:
        print(f"factkit: {label}: {error.stage} {error.name!r} failed: {error.message}",
              file=sys.stderr)


def _json_values(label: str, text: str) -> Iterator[tuple[str, Any, str | None]]:
    """(label, value, problem) for a JSON document, a JSON array of them, or JSON Lines."""
    try:
        data = json.loads(text)
    except ValueError:
        data = None
    else:
        if isinstance(data, list):
            for index, value in enumerate(data):
                yield f"{label}[{index}]", value, None
        else:
            yield label, data, None
        return
    for lineno, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        try:
            yield f"{label}:{lineno}", json.loads(line), None
        except ValueError as exc:
            yield f"{label}:{lineno}", None, f"malformed JSON record: {exc}"


def read_results(paths: list[str]) -> tuple[list[tuple[str, ExtractionResult | MergedResult]], int]:
    """Every extraction result (or merged document) in the inputs, and how many inputs failed.

    Each failure is reported on stderr naming the file (and line or index).
    """
    from pydantic import ValidationError

    from .errors import InputError
    from .merged_schema import MergedResult
    from .merging import check_result

    found: list[tuple[str, ExtractionResult | MergedResult]] = []
    failed = 0

    def fail(label: str, problem: str) -> None:
        nonlocal failed
        failed += 1
        print(f"factkit: {label}: {problem}", file=sys.stderr)

    for path in paths:
        label = "<stdin>" if path == "-" else path
        try:
            stream = _open_binary(path)
            try:
                text = decode_text(stream.read())
            finally:
                if stream is not sys.stdin.buffer:
                    stream.close()
        except OSError as exc:
            fail(label, _describe_os_error(exc))
            continue
        except ValueError as exc:
            fail(label, str(exc))
            continue
        if not text.strip():
            fail(label, "empty input: no results in it")
            continue
        for where, value, problem in _json_values(label, text):
            if problem is not None:
                fail(where, problem)
            elif isinstance(value, dict) and "documents" in value:
                try:
                    found.append((where, MergedResult.model_validate(value)))
                except ValidationError as exc:
                    fail(where, f"not a factkit merged document ({exc.errors()[0]['msg']})")
            else:
                try:
                    found.append((where, check_result(value)))
                except InputError as exc:
                    fail(where, str(exc))
    return found, failed


def _write_output(args: argparse.Namespace, data: bytes) -> None:
    if args.output:
        with open(args.output, "wb") as target:
            target.write(data)
    else:
        sys.stdout.buffer.write(data)
        sys.stdout.buffer.flush()


def _merge_inputs(paths: list[str], *, allow_merged: bool) -> tuple[MergedResult, int]:
    from .merged_schema import MergedResult
    from .merging import merge

    found, failed = read_results(paths)
    merged = [(label, r) for label, r in found if isinstance(r, MergedResult)]
    if merged and allow_merged and len(found) == 1:
        return merged[0][1], failed
    for label, _ in merged:
        failed += 1
        print(f"factkit: {label}: already a merged document; merge the results it came from "
              "instead", file=sys.stderr)
    return merge(r for _, r in found if not isinstance(r, MergedResult)), failed


def cmd_merge(args: argparse.Namespace) -> int:
    merged, failed = _merge_inputs(args.inputs or ["-"], allow_merged=False)
    _write_output(args, (merged.to_json(indent=2 if args.pretty else None) + "\n").encode("utf-8"))
    return EXIT_INPUT_FAILED if failed else EXIT_OK


def cmd_show(args: argparse.Namespace) -> int:
    from .show import render_merged, render_result, source_texts

    if args.merged:
        if args.published is not None or args.id is not None or args.format != "auto":
            raise UsageError("--published, --id and --format apply to an article, not to --merged")
        merged, failed = _merge_inputs(args.inputs or ["-"], allow_merged=True)
        _write_output(args, render_merged(merged, source_texts(merged)).encode("utf-8"))
        return EXIT_INPUT_FAILED if failed else EXIT_OK
    if len(args.inputs) > 1:
        raise UsageError("show takes one article (or --merged RESULT...)")
    from .errors import InputError
    from .pipeline import parse_published

    try:
        parse_published(args.published)
    except InputError as exc:
        raise UsageError(f"--published: {exc}") from None
    path = args.inputs[0] if args.inputs else "-"
    _require_html_support(args, [path])
    article = read_plain(path, args.id, args.published, args.format)
    if article.problem is None:
        pipeline = _build_pipeline(args)
        try:
            result = pipeline.extract(article.text or "", published=article.published,
                                      doc_id=article.doc_id)
        except InputError as exc:
            article.problem = str(exc)
    if article.problem is not None:
        print(f"factkit: {article.label}: {article.problem}", file=sys.stderr)
        return EXIT_INPUT_FAILED
    if article.extracted:
        result.document.text = article.text
    _report_errors(article.label, result.errors)
    _write_output(args, render_result(result, article.text).encode("utf-8"))
    return EXIT_OK


def _print_json(data: Any) -> None:
    sys.stdout.write(json.dumps(data, indent=2, ensure_ascii=False) + "\n")


def cmd_plugins(args: argparse.Namespace) -> int:
    from dataclasses import asdict

    from .plugins import PluginHost

    _print_json([asdict(info) for info in PluginHost().describe()])
    return EXIT_OK


def cmd_schema(args: argparse.Namespace) -> int:
    if args.merged:
        from .merged_schema import merged_json_schema

        _print_json(merged_json_schema())
        return EXIT_OK
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
                        description="Extract facts from articles: plain text or saved web pages "
                                    "(one per file, '-' or nothing for stdin) or JSON Lines "
                                    "records.")
    ex.add_argument("inputs", nargs="*", metavar="PATH", help="article file, or '-' for stdin")
    _add_format(ex)
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
    ex.add_argument("--time-limit", type=float, metavar="SECONDS", default=DEFAULT_TIME_LIMIT,
                    help="seconds one extractor may spend on one article before it is stopped "
                         f"and reported (default {DEFAULT_TIME_LIMIT:g}; 0 = no limit)")
    ex.add_argument("--only", action="append", metavar="NAME",
                    help="run only this extractor (repeatable)")
    ex.add_argument("--disable", action="append", metavar="NAME",
                    help="do not run this extractor (repeatable)")
    ex.set_defaults(func=cmd_extract)

    mg = sub.add_parser("merge", help="merge the facts of many articles' results into one document",
                        description="Merge extraction results (JSON documents, JSON arrays or JSON "
                                    "Lines, as `factkit extract` writes them) into one document "
                                    "in which each fact reported by several articles appears "
                                    "once, with its sources.")
    mg.add_argument("inputs", nargs="*", metavar="RESULTS",
                    help="file of results, or '-' for stdin")
    mg.add_argument("--pretty", action="store_true", help="indented output")
    mg.add_argument("-o", "--output", metavar="FILE", help="write to FILE instead of stdout")
    mg.set_defaults(func=cmd_merge)

    sh = sub.add_parser("show", help="write an HTML page of an article's facts and evidence",
                        description="Extract facts from one article and write a self-contained "
                                    "HTML page: the text with mentions, statements and events "
                                    "highlighted, and the facts beside it. With --merged, show a "
                                    "merged document of several results instead.")
    sh.add_argument("inputs", nargs="*", metavar="PATH",
                    help="the article ('-' or nothing for stdin), or with --merged the results")
    sh.add_argument("--merged", action="store_true",
                    help="inputs are extraction results to merge (or one merged document)")
    sh.add_argument("--published", metavar="YYYY-MM-DD", help="publication date of the article")
    sh.add_argument("--id", help="document id (default: its path)")
    _add_format(sh)
    sh.add_argument("-o", "--output", metavar="FILE", help="write the page to FILE, not stdout")
    sh.set_defaults(func=cmd_show, only=None, disable=None, time_limit=DEFAULT_TIME_LIMIT)

    pl = sub.add_parser("plugins", help="list installed plugins and their extractors as JSON")
    pl.set_defaults(func=cmd_plugins)
    sc = sub.add_parser("schema", help="print the JSON Schema of the output")
    sc.add_argument("--merged", action="store_true",
                    help="the schema of a merged document (`factkit merge`) instead")
    sc.set_defaults(func=cmd_schema)
    return parser


def _add_format(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--format", choices=("auto", "text", "html"), default="auto",
                        help="input format: auto (default) reads .html/.htm files as web pages "
                             "and everything else as text; html needs 'factkit[html]'")


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
