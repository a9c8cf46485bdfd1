#!/usr/bin/env python3
"""Cost of adversarial inputs against ordinary text of the same size, and of one huge article.

    python benchmarks/adversarial.py [--sizes 100000,1000000] [--only NAME ...] [--huge-mb 20]
                                     [--plugins]

For each input of tests/adversarial.py and each size, times one
``Pipeline.extract`` (CPU time) and prints microseconds per KB and the ratio to the
example articles repeated to the same size (best of 3 runs up to 100 KB, one
run above). An input whose ratio exceeds 5 is flagged, as is any extractor
error (the per-extractor time limit firing, say). ``--huge-mb`` then extracts
from single ordinary articles of 1 MB up to that size, each in a fresh
process, and prints time per KB and peak RSS: linear time means a flat
column. The built-in extractors run unless ``--plugins`` adds the installed
ones. Figures are measured, not asserted.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from tests.adversarial import CASES, ordinary  # noqa: E402

LIMIT = 5.0
PUBLISHED = "2025-03-14"


def timed(pipeline, text: str, runs: int) -> tuple[float, list[str]]:
    """Best CPU time of ``runs`` extractions (steadier than wall time on a shared machine),
    and the extractors that reported errors."""
    best, errors = float("inf"), []
    for _ in range(runs):
        start = time.process_time()
        result = pipeline.extract(text, published=PUBLISHED)
        best = min(best, time.process_time() - start)
        errors = sorted({e.name for e in result.errors})
    return best, errors


def adversarial(sizes: list[int], only: list[str], plugins: bool) -> list[str]:
    from factkit.pipeline import Pipeline
    from factkit.plugins import get_plugin_manager

    pipeline = Pipeline(get_plugin_manager(entry_points=plugins))
    pipeline.extract(ordinary(20_000), published=PUBLISHED)  # warm caches
    names = [n for n in CASES if not only or n in only]
    rows: dict[str, list[str]] = {n: [] for n in names}
    baseline_row = []
    worst = 0.0
    for size in sizes:
        runs = 3 if size <= 100_000 else 1
        base, _ = timed(pipeline, ordinary(size), runs)
        kb = size / 1000
        baseline_row += [f"{base / kb * 1e6:,.0f}", "1.00"]
        for name in names:
            secs, errors = timed(pipeline, CASES[name](size), runs)
            ratio = secs / base
            worst = max(worst, ratio)
            flag = " **over 5x**" if ratio > LIMIT else ""
            note = f" (errors: {', '.join(errors)})" if errors else ""
            rows[name] += [f"{secs / kb * 1e6:,.0f}", f"{ratio:.2f}{flag}{note}"]
            print(f"  {name} @ {size:,}: {ratio:.2f}x", file=sys.stderr, flush=True)
    head = " | ".join(f"{s // 1000:,} KB µs/KB | ratio" for s in sizes)
    out = [f"| input | {head} |", "|---" * (1 + 2 * len(sizes)) + "|",
           f"| ordinary text (baseline) | {' | '.join(baseline_row)} |"]
    out += [f"| {name} | {' | '.join(cells)} |" for name, cells in rows.items()]
    out.append(f"\nworst ratio: {worst:.2f}x (limit {LIMIT:g}x)")
    return out


_ONE_ARTICLE = """
import resource, sys, time
sys.path.insert(0, {root!r})
from factkit.pipeline import Pipeline
from factkit.plugins import get_plugin_manager
from tests.adversarial import ordinary
pipeline = Pipeline(get_plugin_manager(entry_points=False))
text = ordinary({size})
start = time.perf_counter()
result = pipeline.extract(text, published={published!r})
print(time.perf_counter() - start, len(result.errors))
"""


def huge(max_mb: float) -> list[str]:
    """One article per size, each in its own process so peak RSS is that article's."""
    sizes = [1, 5, 10, 20, 50, 100]
    sizes = [s for s in sizes if s < max_mb] + [max_mb]
    out = ["| article size | seconds | µs per KB | peak RSS | extractor errors |",
           "|---|---|---|---|---|"]
    for mb in sizes:
        size = int(mb * 1_000_000)
        code = _ONE_ARTICLE.format(root=str(ROOT), size=size, published=PUBLISHED)
        proc = subprocess.Popen([sys.executable, "-c", code], stdout=subprocess.PIPE, text=True)
        _, status, usage = os.wait4(proc.pid, 0)
        line = proc.stdout.read() if proc.stdout else ""
        if status != 0:
            out.append(f"| {mb:g} MB | failed (status {status}) | | | |")
            continue
        secs, errors = line.split()
        out.append(f"| {mb:g} MB | {float(secs):.1f} | {float(secs) / (size / 1000) * 1e6:,.0f} | "
                   f"{usage.ru_maxrss / 1024:,.0f} MB | {errors} |")
        print(f"  huge {mb:g} MB: {float(secs):.1f} s", file=sys.stderr, flush=True)
    return out


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__,
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--sizes", default="100000,1000000",
                    help="comma-separated input sizes in characters")
    ap.add_argument("--only", action="append", default=[], metavar="NAME",
                    help="run only this input (repeatable)")
    ap.add_argument("--huge-mb", type=float, default=0.0,
                    help="also time single ordinary articles of 1 MB up to this size")
    ap.add_argument("--plugins", action="store_true",
                    help="include installed plugins (default: the built-in extractors only)")
    a = ap.parse_args()
    unknown = [n for n in a.only if n not in CASES]
    if unknown:
        ap.error(f"unknown input(s) {unknown}; known: {list(CASES)}")
    sizes = [int(s) for s in a.sizes.split(",") if s]
    # huge first: a child forked from a process that already holds big inputs starts with
    # their pages, and its peak RSS would count them
    huge_rows = huge(a.huge_mb) if a.huge_mb else []
    if sizes:
        print("\n".join(adversarial(sizes, a.only, a.plugins)))
    if huge_rows:
        print()
        print("\n".join(huge_rows))
    return 0


if __name__ == "__main__":
    sys.exit(main())
