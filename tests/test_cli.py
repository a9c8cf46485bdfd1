"""The `factkit` command through its installed entry point: data, errors, exit codes."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import textwrap
from pathlib import Path

import jsonschema
import pytest

FACTKIT = Path(sys.executable).with_name("factkit")
ARTICLE = ("Chilean Foreign Minister Alberto van Klaveren met his Peruvian counterpart in Lima on "
           "Friday. \"Our borders should unite us,\" van Klaveren said.\n")


def run(*args: str, stdin: bytes | None = None, env: dict[str, str] | None = None,
        cwd: Path | None = None) -> subprocess.CompletedProcess[bytes]:
    assert FACTKIT.exists(), "install the package (make test does) so the entry point exists"
    full_env = {**os.environ, "FACTKIT_LOAD_PLUGINS": "", **(env or {})}
    return subprocess.run([str(FACTKIT), *args], input=stdin, capture_output=True, env=full_env,
                          cwd=cwd, timeout=120)


@pytest.fixture
def article(tmp_path: Path) -> Path:
    path = tmp_path / "article.txt"
    path.write_text(ARTICLE, encoding="utf-8")
    return path


def test_extract_prints_one_schema_valid_document(article):
    proc = run("extract", "--published", "2024-03-01", str(article))
    assert proc.returncode == 0, proc.stderr
    doc = json.loads(proc.stdout)
    schema = json.loads(run("schema").stdout)
    jsonschema.validate(doc, schema)
    assert doc["document"] == {"id": str(article), "published": "2024-03-01", "text": None}
    assert proc.stderr == b""


def test_stdin_and_id(article):
    proc = run("extract", "--id", "wire-7", "-", stdin=article.read_bytes())
    assert proc.returncode == 0
    assert json.loads(proc.stdout)["document"]["id"] == "wire-7"


def test_two_runs_print_identical_bytes(article):
    first, second = run("extract", "--pretty", str(article)), run("extract", "--pretty", str(article))
    assert first.returncode == 0 and first.stdout == second.stdout


def test_spans_index_the_file_exactly_as_given(tmp_path):
    path = tmp_path / "crlf.txt"
    path.write_bytes(ARTICLE.replace("\n", "\r\n").encode("utf-8") * 2)
    doc = json.loads(run("extract", str(path)).stdout)
    text = path.read_bytes().decode("utf-8")
    spans = [m for e in doc["entities"] for m in e["mentions"]]
    spans += [s for kind in ("events", "statements", "relations") for f in doc[kind]
              for s in f["evidence"]]
    assert spans
    assert all(text[s["start"]:s["end"]] == s["text"] for s in spans)


def test_jsonl_in_order_with_a_bad_line_named(tmp_path):
    path = tmp_path / "batch.jsonl"
    lines = [json.dumps({"id": "a", "text": ARTICLE, "published": "2024-03-01"}),
             "{not json",
             "",
             json.dumps({"id": "c", "published": "2024-03-01"}),
             json.dumps({"id": "d", "text": "   "}),
             json.dumps({"id": "e", "text": ARTICLE, "published": "March 1"}),
             json.dumps({"id": "f", "text": ARTICLE})]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    proc = run("extract", "--jsonl", "--published", "2024-02-02", str(path))
    assert proc.returncode == 1
    out = [json.loads(line) for line in proc.stdout.decode().splitlines()]
    assert [d["document"]["id"] for d in out] == ["a", None, "c", "d", "e", "f"]
    assert [bool(d["errors"]) for d in out] == [False, True, True, True, True, False]
    assert out[0]["document"]["published"] == "2024-03-01"
    assert out[5]["document"]["published"] == "2024-02-02"
    err = proc.stderr.decode()
    assert f"{path}:2: malformed JSON record" in err
    assert f"{path}:4: record has no 'text' field" in err
    assert f"{path}:5: empty text" in err
    assert f"{path}:6: invalid publication date 'March 1'" in err


def test_jsonl_lone_surrogate_is_reported(tmp_path):
    path = tmp_path / "s.jsonl"
    path.write_text('{"id": "x", "text": "Bad \\ud800 text"}\n', encoding="utf-8")
    proc = run("extract", "--jsonl", str(path))
    assert proc.returncode == 1 and b"lone surrogate" in proc.stderr


@pytest.mark.parametrize("make, message", [
    (lambda d: d / "missing.txt", "no such file"),
    (lambda d: d, "is a directory"),
    (lambda d: _write(d / "bin.dat", b"\x89PNG\r\n\x1a\n\x00\x00\x00"), "binary data"),
    (lambda d: _write(d / "latin1.txt", "Caf\xe9 talks".encode("latin-1")),
     "not UTF-8 text (invalid byte 0xe9 at byte offset 3)"),
    (lambda d: _write(d / "empty.txt", b" \n\n\t"), "empty text"),
])
def test_bad_inputs_get_one_clear_line_and_the_rest_still_runs(tmp_path, article, make, message):
    bad = make(tmp_path)
    proc = run("extract", str(bad), str(article))
    assert proc.returncode == 1
    err = proc.stderr.decode()
    assert f"factkit: {bad}: {message}" in err
    assert "Traceback" not in err
    out = [json.loads(line) for line in proc.stdout.decode().splitlines()]
    assert len(out) == 2 and out[0]["errors"] and not out[1]["errors"]


def _write(path: Path, data: bytes) -> Path:
    path.write_bytes(data)
    return path


@pytest.mark.parametrize("args, message", [
    (["extract", "--published", "03/04/2024", "x.txt"], "--published: invalid publication date"),
    (["extract", "--only", "nosuch", "x.txt"], "unknown extractor(s) nosuch"),
    (["extract", "--id", "a", "x.txt", "y.txt"], "--id names a single article"),
    (["frobnicate"], "invalid choice"),
])
def test_usage_errors_exit_2(args, message):
    proc = run(*args)
    assert proc.returncode == 2
    assert message in proc.stderr.decode() and b"Traceback" not in proc.stderr


def test_output_file_and_pretty_array(tmp_path, article):
    out = tmp_path / "out.json"
    proc = run("extract", "--pretty", "-o", str(out), str(article), str(article))
    assert proc.returncode == 0 and proc.stdout == b""
    docs = json.loads(out.read_text(encoding="utf-8"))
    assert isinstance(docs, list) and len(docs) == 2 and docs[0] == docs[1]


def test_only_runs_the_named_extractor(article):
    doc = json.loads(run("extract", "--only", "statements", str(article)).stdout)
    assert {s["extractor"] for s in doc["statements"]} <= {"statements"}
    assert doc["events"] == []


def test_plugins_lists_the_builtins():
    plugins = json.loads(run("plugins").stdout)
    extractors = {x["name"] for p in plugins for x in p["extractors"]}
    assert {"meetings", "statements", "sanctions", "agreements"} <= extractors
    assert all(set(p) == {"name", "distribution", "version", "builtin", "hooks", "extractors"}
               for p in plugins)


@pytest.fixture
def installed_plugin(tmp_path: Path) -> Path:
    """A real distribution with a `factkit` entry point, visible through PYTHONPATH."""
    site = tmp_path / "site"
    site.mkdir()
    (site / "factkit_hail.py").write_text(textwrap.dedent('''
        from factkit import hookimpl, Extractor, Event

        def find(doc):
            start = doc.text.find("hail")
            if start >= 0:
                yield Event(type="hail", evidence=[doc.span(start, start + 4)])

        @hookimpl
        def register_extractors(register):
            register(Extractor(name="hail", extract=find, produces=("event:hail",)))
    '''), encoding="utf-8")
    dist = site / "factkit_hail-1.2.3.dist-info"
    dist.mkdir()
    (dist / "METADATA").write_text("Metadata-Version: 2.1\nName: factkit-hail\nVersion: 1.2.3\n")
    (dist / "entry_points.txt").write_text("[factkit]\nhail = factkit_hail\n")
    return site


def test_third_party_plugin_from_an_entry_point(installed_plugin, tmp_path):
    env = {"PYTHONPATH": str(installed_plugin)}
    env_all = {**env, "FACTKIT_LOAD_PLUGINS": "hail"}
    plugins = json.loads(run("plugins", env=env_all).stdout)
    hail = [p for p in plugins if p["name"] == "hail"]
    assert hail == [{"name": "hail", "distribution": "factkit-hail", "version": "1.2.3",
                     "builtin": False,
                     "hooks": ["register_extractors"],
                     "extractors": [{"name": "hail", "produces": ["event:hail"],
                                     "description": ""}]}]
    path = tmp_path / "storm.txt"
    path.write_text("Heavy hail fell on Tuesday.", encoding="utf-8")
    doc = json.loads(run("extract", str(path), env=env_all).stdout)
    assert [(e["type"], e["extractor"]) for e in doc["events"]] == [("hail", "hail")]
    none = json.loads(run("extract", str(path), env={**env, "FACTKIT_LOAD_PLUGINS": ""}).stdout)
    assert none["events"] == []


def test_plugin_that_fails_to_import_does_not_stop_the_cli(tmp_path, article):
    site = tmp_path / "site"
    dist = site / "factkit_broken-0.1.dist-info"
    dist.mkdir(parents=True)
    (dist / "METADATA").write_text("Metadata-Version: 2.1\nName: factkit-broken\nVersion: 0.1\n")
    (dist / "entry_points.txt").write_text("[factkit]\nbroken = factkit_broken_missing\n")
    proc = run("extract", str(article),
               env={"PYTHONPATH": str(site), "FACTKIT_LOAD_PLUGINS": "broken"})
    assert proc.returncode == 0
    assert b"plugin 'broken' failed to load" in proc.stderr
    assert json.loads(proc.stdout)["schema_version"] == "1"
