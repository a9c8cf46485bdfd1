"""Encodings and text oddities: spans count code points of the text exactly as given.

Byte order marks, CRLF and lone CR, NUL and other control characters, no-break
and zero-width spaces, right-to-left text and emoji: through the library and
through the CLI, every span must index the input unchanged, and the oddity
must not change which facts are found.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from factkit.errors import InputError
from factkit.pipeline import Pipeline
from factkit.schema import ExtractionResult

from .helpers import all_spans

FACTKIT = Path(sys.executable).with_name("factkit")
ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = sorted((ROOT / "examples" / "articles").glob("*.txt"))
ARTICLE = ("Kenyan President Amara Wekesa met Foreign Minister Lotte Brandt of Norway in Nairobi "
           "on Tuesday.\n\n\"We agreed to double the grain shipments,\" Wekesa told reporters.\n\n"
           "Brandt said Norway would lift its tariffs on Kenyan tea next month.\n")
INVISIBLE = "\ufeff\u200b\u2060\u200e\u200f\x00\x07\x1b\x7f"


def _exact(text: str, result: ExtractionResult) -> list[tuple[int, int, str]]:
    spans = [(s.start, s.end, s.text) for s in all_spans(result)]
    assert spans, "expected some facts"
    for start, end, span_text in spans:
        assert 0 <= start <= end <= len(text) and text[start:end] == span_text
    return spans


def _signature(result: ExtractionResult) -> list[tuple[str, ...]]:
    """What the facts say, blind to offsets, line ends and invisible characters."""
    def clean(s: str) -> str:
        return " ".join(s.translate({ord(c): " " for c in INVISIBLE}).split())

    out = [("entity", e.type, clean(e.name)) for e in result.entities]
    out += [("event", e.type, e.status, *sorted(clean(a.text) for a in e.arguments))
            for e in result.events]
    out += [("statement", clean(s.speaker.text) if s.speaker else "", s.cue, clean(s.content))
            for s in result.statements]
    out += [("relation", r.type, clean(r.subject.text), clean(r.object.text))
            for r in result.relations]
    return sorted(out)


def _extract(pipeline: Pipeline, text: str) -> ExtractionResult:
    result = pipeline.extract(text, published="2025-03-14")
    assert not result.errors, result.errors
    return result


# --------------------------------------------------------------------------- the library
@pytest.mark.parametrize("path", EXAMPLES, ids=lambda p: p.stem)
@pytest.mark.parametrize("newline", ["\r\n", "\r"], ids=["crlf", "cr"])
def test_crlf_and_cr_articles_give_the_lf_facts(builtin_pipeline, path, newline):
    text = path.read_text(encoding="utf-8")
    variant = text.replace("\n", newline)
    expected = _signature(_extract(builtin_pipeline, text))
    result = _extract(builtin_pipeline, variant)
    _exact(variant, result)
    assert _signature(result) == expected


@pytest.mark.parametrize("prefix", ["\ufeff", "🙂 ", "👩‍👩‍👧 ", "\U0001f1f0\U0001f1ea ", "שלום. ",
                                    "\u200b\u200b", "\x00\x00\n"],
                         ids=["bom", "emoji", "zwj-sequence", "flag", "hebrew", "zwsp", "nul"])
def test_a_prefix_shifts_every_mention_by_its_length_in_code_points(builtin_pipeline, prefix):
    plain = _extract(builtin_pipeline, ARTICLE)
    text = prefix + ARTICLE
    result = _extract(builtin_pipeline, text)
    _exact(text, result)
    mentions = [(m.start, m.end, m.text) for e in result.entities for m in e.mentions]
    assert mentions == [(m.start + len(prefix), m.end + len(prefix), m.text)
                        for e in plain.entities for m in e.mentions]
    if not prefix.strip(INVISIBLE + "\n"):  # invisible: not even evidence may start earlier
        assert _exact(text, result) == [(s + len(prefix), e + len(prefix), t)
                                        for s, e, t in _exact(ARTICLE, plain)]


def test_a_byte_order_mark_stays_out_of_evidence(builtin_pipeline):
    text = "\ufeff" + ARTICLE
    result = _extract(builtin_pipeline, text)
    assert all("\ufeff" not in s.text for s in all_spans(result))
    assert min(s.start for s in all_spans(result)) >= 1


@pytest.mark.parametrize("odd", ["\x00", "\x07", "\x1b", "\x7f", "\u200b", "\u2060", "\u200f",
                                 "\ufeff", "\x0c"])
def test_control_and_invisible_characters_between_sentences_change_nothing(builtin_pipeline, odd):
    text = ARTICLE.replace(". ", f".{odd} ").replace("\n\n", f"\n{odd}\n").replace(" on ", f" {odd}on ")
    result = _extract(builtin_pipeline, text)
    _exact(text, result)
    assert _signature(result) == _signature(_extract(builtin_pipeline, ARTICLE))


@pytest.mark.parametrize("space", ["\u00a0", "\u202f", "\u2009", "\u3000", "\t"])
def test_other_spaces_read_as_spaces_and_stay_in_the_spans(builtin_pipeline, space):
    text = ARTICLE.replace(" ", space)
    result = _extract(builtin_pipeline, text)
    _exact(text, result)
    names = {e.name for e in result.entities}
    assert {"Amara Wekesa", "Lotte Brandt"} <= names
    mentions = [m.text for e in result.entities if e.name == "Amara Wekesa" for m in e.mentions]
    assert f"Amara{space}Wekesa" in mentions


def test_right_to_left_paragraphs_leave_the_english_facts(builtin_pipeline):
    text = ARTICLE.replace("\n\n", "\n\nقال الوزير إن المحادثات ستستمر. \u200fהשיחות יימשכו.\n\n", 1)
    result = _extract(builtin_pipeline, text)
    _exact(text, result)
    assert _signature(result) == _signature(_extract(builtin_pipeline, ARTICLE))


def test_text_of_only_right_to_left_script_and_emoji_is_handled(builtin_pipeline):
    text = "قال الوزير 🙂 إن المحادثات ستستمر يوم الثلاثاء.\n\nהשר אמר כי השיחות יימשכו 👍🏽."
    result = builtin_pipeline.extract(text, published="2025-03-14")
    assert not result.errors
    assert all(text[s.start:s.end] == s.text for s in all_spans(result))


def test_a_lone_surrogate_is_refused_with_its_index(builtin_pipeline):
    with pytest.raises(InputError, match="lone surrogate at index 6"):
        builtin_pipeline.extract("Talks \ud800 resumed on Monday.")


# --------------------------------------------------------------------------- the CLI
def _run(*args: str, stdin: bytes | None = None) -> subprocess.CompletedProcess[bytes]:
    assert FACTKIT.exists(), "install the package (make test does) so the entry point exists"
    return subprocess.run([str(FACTKIT), *args], input=stdin, capture_output=True, timeout=120,
                          env={**os.environ, "FACTKIT_LOAD_PLUGINS": ""})


def _spans(document: dict) -> list[dict]:
    spans = [m for e in document["entities"] for m in e["mentions"]]
    for kind in ("events", "statements", "relations"):
        for fact in document[kind]:
            spans += fact["evidence"]
            for argument in fact.get("arguments", []):
                spans += [argument["span"]] if argument.get("span") else []
    return spans


FILES = {
    "bom.txt": b"\xef\xbb\xbf" + ARTICLE.encode(),
    "crlf.txt": ARTICLE.replace("\n", "\r\n").encode(),
    "cr.txt": ARTICLE.replace("\n", "\r").encode(),
    "nul.txt": ARTICLE.replace("\n\n", "\n\x00\n").encode(),
    "control.txt": ARTICLE.replace(". ", ".\x07\x1b ").encode(),
    "nbsp.txt": ARTICLE.replace(" ", "\u00a0").encode(),
    "zero-width.txt": ARTICLE.replace(" ", " \u200b").encode(),
    "rtl.txt": ("مرحبا بالعالم. " + ARTICLE).encode(),
    "emoji.txt": ("👩‍👩‍👧 🇰🇪 " + ARTICLE.replace("Tuesday.", "Tuesday 🙂.")).encode(),
}


def test_odd_text_files_through_the_cli_give_exact_spans(tmp_path):
    paths = []
    for name, data in FILES.items():
        (tmp_path / name).write_bytes(data)
        paths.append(tmp_path / name)
    proc = _run("extract", "--workers", "1", "--published", "2025-03-14", *map(str, paths))
    assert proc.returncode == 0, proc.stderr.decode()
    assert proc.stderr == b""
    documents = [json.loads(line) for line in proc.stdout.splitlines()]
    assert len(documents) == len(paths)
    for path, document in zip(paths, documents):
        text = path.read_bytes().decode("utf-8")  # no newline translation, no BOM stripping
        spans = _spans(document)
        assert spans, path.name
        assert all(text[s["start"]:s["end"]] == s["text"] for s in spans), path.name
        assert {"Amara Wekesa", "Lotte Brandt"} <= {e["name"] for e in document["entities"]}, \
            path.name


def test_bom_offsets_count_the_mark_as_one_character(tmp_path):
    path = tmp_path / "bom.txt"
    path.write_bytes(FILES["bom.txt"])
    with_bom = json.loads(_run("extract", str(path)).stdout)
    plain = json.loads(_run("extract", "-", stdin=ARTICLE.encode()).stdout)
    assert [(m["start"] - 1, m["text"]) for e in with_bom["entities"] for m in e["mentions"]] == \
        [(m["start"], m["text"]) for e in plain["entities"] for m in e["mentions"]]


@pytest.mark.parametrize("data, message", [
    (b"\x00\x00\x00\x00PK\x03\x04" + bytes(range(1, 40)), "binary data (contains NUL bytes)"),
    ("Talks resumed.".encode("utf-16-le"), "binary data (contains NUL bytes)"),
    ("Talks resumed.".encode("utf-16"), "UTF-16 text, not UTF-8"),
    (b"Talks \xed\xa0\x80 resumed.", "not UTF-8 text (invalid byte 0xed at byte offset 6)"),
], ids=["binary", "utf-16-without-bom", "utf-16-with-bom", "encoded-surrogate"])
def test_binary_and_non_utf8_files_are_refused_by_name(tmp_path, data, message):
    path = tmp_path / "input.txt"
    path.write_bytes(data)
    proc = _run("extract", str(path))
    assert proc.returncode == 1
    assert f"factkit: {path}: {message}" in proc.stderr.decode()
    assert b"Traceback" not in proc.stderr


def test_json_lines_escapes_decode_to_code_points_that_spans_count(tmp_path):
    texts = {"nul": "\x00" + ARTICLE, "bom": "\ufeff" + ARTICLE, "emoji": "\U0001f642 " + ARTICLE,
             "rtl": "\u05e9\u05dc\u05d5\u05dd. " + ARTICLE}
    lines = [json.dumps({"id": key, "text": text}) for key, text in texts.items()]  # ASCII escapes
    lines.append('{"id": "lone", "text": "Talks \\udc00 resumed on Monday."}')
    path = tmp_path / "records.jsonl"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    proc = _run("extract", "--jsonl", "--workers", "1", str(path))
    assert proc.returncode == 1
    assert f"factkit: {path}:5: 'text' holds a lone surrogate at index 6" in proc.stderr.decode()
    documents = [json.loads(line) for line in proc.stdout.splitlines()]
    assert [d["document"]["id"] for d in documents] == [*texts, "lone"]
    for document in documents[:-1]:
        text = texts[document["document"]["id"]]
        spans = _spans(document)
        assert spans and all(text[s["start"]:s["end"]] == s["text"] for s in spans)
