"""Hostile input and hostile plugins: bounded cost, no crash, every good result still written.

The adversarial inputs (tests/adversarial.py) run here at a size that takes
well under a second; benchmarks/adversarial.py measures them at 100 KB and
1 MB.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest

from factkit import hookimpl
from factkit.analysis.sentences import split_sentences
from factkit.extractor import Extractor
from factkit.pipeline import Pipeline
from factkit.schema import EntityRef, Event, Relation, Span

from . import plugin_samples as samples
from .adversarial import CASES, ordinary
from .helpers import all_spans

FACTKIT = Path(sys.executable).with_name("factkit")
SIZE = 20_000
LIMIT = 5.0
TEXT = "A storm hit the coast on Monday. Officials said the damage was limited."
ARTICLE = ("Chilean Foreign Minister Alberto van Klaveren met his Peruvian counterpart in Lima on "
           "Friday. \"Our borders should unite us,\" van Klaveren said.\n")


def _seconds(pipeline: Pipeline, text: str) -> float:
    """CPU seconds of one extraction: other processes on the machine barely move it."""
    start = time.process_time()
    pipeline.extract(text, published="2025-03-14")
    return time.process_time() - start


@pytest.fixture(scope="module")
def baseline(builtin_pipeline: Pipeline) -> float:
    """Seconds for ordinary text of SIZE characters (best of three, after a warm-up run)."""
    text = ordinary(SIZE)
    _seconds(builtin_pipeline, text)
    return min(_seconds(builtin_pipeline, text) for _ in range(3))


@pytest.mark.parametrize("name", list(CASES))
def test_adversarial_input_costs_at_most_5x_ordinary_text(builtin_pipeline, baseline, name):
    text = CASES[name](SIZE)
    start = time.process_time()
    result = builtin_pipeline.extract(text, published="2025-03-14")
    seconds = time.process_time() - start
    assert not result.errors, result.errors
    for span in all_spans(result):
        assert text[span.start:span.end] == span.text
    for _ in range(2):  # a busy machine slows one run; a slow pattern slows every run
        if seconds <= LIMIT * baseline:
            break
        seconds = min(seconds, _seconds(builtin_pipeline, text))
    assert seconds <= LIMIT * baseline, f"{name}: {seconds / baseline:.1f}x ordinary text"


def test_a_sentence_without_an_end_is_cut_at_spaces_into_bounded_pieces():
    text = "word " * 700 + "x" * 2500
    sentences = split_sentences(text)
    assert len(sentences) > 3
    assert all(s.end - s.start <= 1000 for s in sentences)
    covered = [False] * len(text)
    for s in sentences:
        assert not text[s.start].isspace() and not text[s.end - 1].isspace()
        for i in range(s.start, s.end):
            assert not covered[i]
            covered[i] = True
    assert all(covered[i] or text[i].isspace() for i in range(len(text)))
    assert all(text[s.end - 4:s.end] == "word" for s in sentences[:3])


def _run(*args: str, env: dict[str, str] | None = None,
         stdin: bytes | None = None) -> subprocess.CompletedProcess[bytes]:
    assert FACTKIT.exists(), "install the package (make test does) so the entry point exists"
    full_env = {**os.environ, "FACTKIT_LOAD_PLUGINS": "", **(env or {})}
    return subprocess.run([str(FACTKIT), *args], capture_output=True, env=full_env, input=stdin,
                          timeout=300)


def _spans_of(document: dict) -> list[dict]:
    spans = [m for e in document["entities"] for m in e["mentions"]]
    for kind in ("events", "statements", "relations"):
        for fact in document[kind]:
            spans += fact["evidence"]
    return spans


def test_adversarial_files_through_the_cli_print_no_traceback(tmp_path):
    paths = []
    for i, make in enumerate(CASES.values()):
        path = tmp_path / f"case{i:02d}.txt"
        path.write_text(make(3000), encoding="utf-8")
        paths.append(path)
    proc = _run("extract", "--workers", "1", *map(str, paths))
    assert b"Traceback" not in proc.stderr
    assert proc.returncode == 0, proc.stderr.decode()[-2000:]
    documents = [json.loads(line) for line in proc.stdout.splitlines()]
    assert [d["document"]["id"] for d in documents] == [str(p) for p in paths]
    for path, document in zip(paths, documents):
        text = path.read_text(encoding="utf-8")
        assert all(text[s["start"]:s["end"]] == s["text"] for s in _spans_of(document))


# --------------------------------------------------------------------------- misbehaving plugins
def _register(pm, name: str, extract) -> None:
    class Plugin:
        @hookimpl
        def register_extractors(self, register):
            register(Extractor(name=name, extract=extract))

    pm.register(Plugin(), name=f"{name}-plugin")


def _unknown_entity(doc):
    span = doc.span(0, 1)
    yield Relation(type="near", subject=EntityRef(entity="e999", text=span.text, span=span),
                   object=EntityRef(text="x"), evidence=[span])


@pytest.mark.parametrize("name, extract, fragment", [
    ("returns-none", lambda doc: None, "raised TypeError"),
    ("returns-int", lambda doc: 42, "raised TypeError"),
    ("inverted-span", lambda doc: [Event(type="x", evidence=[Span(start=9, end=2, text="")])],
     "span 9:2"),
    ("past-the-end", lambda doc: [Event(type="x", evidence=[Span(start=len(doc.text),
                                                                 end=len(doc.text) + 3,
                                                                 text="abc")])],
     "does not match the text"),
    ("negative-span", lambda doc: [Event(type="x", evidence=[Span.model_construct(
        start=-3, end=1, text="")])], "invalid Event"),
    ("no-evidence", lambda doc: [Event(type="x")], "without evidence"),
    ("unknown-entity", _unknown_entity, "unknown entity id 'e999'"),
    ("bad-status", lambda doc: [Event.model_construct(
        type="x", status="perhaps", arguments=[], attributes={}, date=None, location=None,
        evidence=[doc.span(0, 1)], confidence=2.0, extractor="", id="")], "invalid Event"),
    ("generator-breaks-late", lambda doc: (doc.span(0, 1) if i < 1 else 1 / 0
                                           for i in range(2)), "yielded Span"),
])
def test_a_misbehaving_extractor_costs_only_its_own_facts(plugin_manager, name, extract,
                                                          fragment):
    plugin_manager.register(samples.WeatherPlugin(), name="weather-plugin")
    _register(plugin_manager, name, extract)
    result = Pipeline(plugin_manager).extract(TEXT)
    errors = [e for e in result.errors if e.name == name]
    assert len(errors) == 1 and errors[0].plugin == f"{name}-plugin"
    assert fragment in errors[0].message
    assert [e.type for e in result.events] == ["storm"]
    assert all(TEXT[s.start:s.end] == s.text for s in all_spans(result))


class _FailingRegistration:
    @hookimpl
    def register_extractors(self, register):
        register(Extractor(name="half", extract=lambda doc: []))
        raise RuntimeError("registration broke")


class _RegistersGarbage:
    @hookimpl
    def register_extractors(self, register):
        register("not an extractor")


class _FailingLexicon:
    @hookimpl
    def register_lexicon(self, lexicon):
        raise KeyError("no such table")


@pytest.mark.parametrize("plugin, message", [
    (_FailingRegistration(), "failed in register_extractors and was skipped: RuntimeError"),
    (_RegistersGarbage(), "failed in register_extractors and was skipped: PluginError"),
    (_FailingLexicon(), "failed in register_lexicon and was skipped: KeyError"),
])
def test_a_plugin_failing_while_registering_is_skipped_and_named(plugin_manager, capsys, plugin,
                                                                 message):
    plugin_manager.register(samples.WeatherPlugin(), name="weather-plugin")
    plugin_manager.register(plugin, name="broken")
    pipeline = Pipeline(plugin_manager)
    assert f"factkit: plugin 'broken' {message}" in capsys.readouterr().err
    assert "half" not in pipeline.available  # nothing of a half-done registration is kept
    result = pipeline.extract(TEXT)
    assert [e.type for e in result.events] == ["storm"] and not result.errors


class _CorruptingPostProcessor:
    @hookimpl
    def process_result(self, result):
        result.events[0].evidence[0].start += 1


def test_a_post_processor_that_breaks_a_span_is_rolled_back(plugin_manager):
    plugin_manager.register(samples.WeatherPlugin(), name="weather-plugin")
    plugin_manager.register(_CorruptingPostProcessor(), name="corrupter")
    result = Pipeline(plugin_manager).extract(TEXT)
    assert [(e.stage, e.name) for e in result.errors] == [("postprocess", "corrupter")]
    assert all(TEXT[s.start:s.end] == s.text for s in all_spans(result))


def test_an_extractor_calling_sys_exit_is_reported_not_obeyed(plugin_manager):
    def leave(doc):
        raise SystemExit(3)

    _register(plugin_manager, "quitter", leave)
    result = Pipeline(plugin_manager).extract(TEXT)
    assert [e.name for e in result.errors] == ["quitter"]


def _distribution(site: Path, module: str, source: str) -> dict[str, str]:
    """An installed plugin distribution named ``module``, visible through PYTHONPATH."""
    site.mkdir(exist_ok=True)
    (site / f"{module}.py").write_text(textwrap.dedent(source), encoding="utf-8")
    dist = site / f"{module}-0.1.dist-info"
    dist.mkdir()
    (dist / "METADATA").write_text(f"Metadata-Version: 2.1\nName: {module}\nVersion: 0.1\n")
    (dist / "entry_points.txt").write_text(f"[factkit]\n{module} = {module}\n")
    return {"PYTHONPATH": str(site), "FACTKIT_LOAD_PLUGINS": module}


def test_a_plugin_failing_to_register_does_not_stop_the_cli(tmp_path):
    env = _distribution(tmp_path / "site", "factkit_fragile", '''
        from factkit import hookimpl

        @hookimpl
        def register_extractors(register):
            raise RuntimeError("cannot register")
    ''')
    proc = _run("extract", "-", env=env, stdin=ARTICLE.encode())
    assert proc.returncode == 0 and b"Traceback" not in proc.stderr
    assert b"plugin 'factkit_fragile' failed in register_extractors" in proc.stderr
    assert json.loads(proc.stdout)["events"]


def test_two_plugins_claiming_one_extractor_name_is_a_usage_error(tmp_path):
    env = _distribution(tmp_path / "site", "factkit_copycat", '''
        from factkit import Extractor, hookimpl

        @hookimpl
        def register_extractors(register):
            register(Extractor(name="meetings", extract=lambda doc: []))
    ''')
    proc = _run("extract", "-", env=env, stdin=ARTICLE.encode())
    assert proc.returncode == 2 and b"Traceback" not in proc.stderr
    assert b"extractor name 'meetings' is registered by both" in proc.stderr


# --------------------------------------------------------------------------- partial results
def test_batch_with_bad_records_in_several_files_writes_every_good_result(tmp_path):
    good = {"text": ARTICLE, "published": "2024-03-01"}
    first = tmp_path / "first.jsonl"
    first.write_text("\n".join([json.dumps({"id": "a", **good}), "[1, 2",
                                json.dumps({"id": "b", **good})]) + "\n", encoding="utf-8")
    second = tmp_path / "second.jsonl"
    second.write_text("\n".join([json.dumps({"id": "c", "text": 7}), json.dumps({"id": "d", **good}),
                                 json.dumps({"id": "e", "text": ARTICLE, "published": "soon"})])
                      + "\n", encoding="utf-8")
    missing = tmp_path / "missing.jsonl"
    proc = _run("extract", "--jsonl", "--workers", "2", str(first), str(missing), str(second))
    assert proc.returncode == 1 and b"Traceback" not in proc.stderr
    out = [json.loads(line) for line in proc.stdout.splitlines()]
    assert [d["document"]["id"] for d in out] == ["a", None, "b", None, "c", "d", "e"]
    assert [bool(d["errors"]) for d in out] == [False, True, False, True, True, False, True]
    assert all(d["events"] for d, bad in zip(out, [0, 1, 0, 1, 1, 0, 1]) if not bad)
    err = proc.stderr.decode()
    assert f"factkit: {first}:2: malformed JSON record" in err
    assert f"factkit: {missing}: no such file" in err
    assert f"factkit: {second}:1: record has 'text' is not a string" in err
    assert f"factkit: {second}:3: invalid publication date 'soon'" in err
    assert len(err.strip().splitlines()) == 4


def test_several_files_with_some_bad_keep_order_on_a_worker_pool(tmp_path):
    paths = []
    for i in range(6):
        path = tmp_path / f"a{i}.txt"
        path.write_bytes(b"\xff\xfe" if i in (1, 4) else ARTICLE.encode())
        paths.append(path)
    proc = _run("extract", "--workers", "2", *map(str, paths))
    assert proc.returncode == 1
    out = [json.loads(line) for line in proc.stdout.splitlines()]
    assert [d["document"]["id"] for d in out] == [str(p) for p in paths]
    assert [bool(d["errors"]) for d in out] == [i in (1, 4) for i in range(6)]
    err = proc.stderr.decode()
    assert err.count("UTF-16 text, not UTF-8") == 2 and f"{paths[4]}: UTF-16" in err


# --------------------------------------------------------------------------- huge streams
def _stream(path: Path, megabytes: float) -> None:
    """JSON Lines of the example articles plus some long ones, to ``megabytes``."""
    long_text = ordinary(60_000)
    size = i = 0
    with path.open("w", encoding="utf-8") as out:
        while size < megabytes * 1_000_000:
            text = long_text if i % 50 == 0 else ordinary(700 + i % 900)
            line = json.dumps({"id": f"r{i}", "text": text, "published": "2025-03-14"}) + "\n"
            out.write(line)
            size += len(line)
            i += 1


def _peak_rss_mb(path: Path) -> float:
    proc = subprocess.Popen([str(FACTKIT), "extract", "--jsonl", "--workers", "1", str(path)],
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
                            env={**os.environ, "FACTKIT_LOAD_PLUGINS": ""})
    _, status, usage = os.wait4(proc.pid, 0)
    assert status == 0, proc.stderr.read() if proc.stderr else status
    return usage.ru_maxrss / 1024


@pytest.mark.slow
def test_a_large_json_lines_stream_runs_in_flat_memory(tmp_path):
    small, large = tmp_path / "small.jsonl", tmp_path / "large.jsonl"
    _stream(small, 5)
    _stream(large, 50)
    small_rss, large_rss = _peak_rss_mb(small), _peak_rss_mb(large)
    assert large_rss < small_rss * 1.2 + 20, (small_rss, large_rss)
