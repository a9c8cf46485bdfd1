#!/usr/bin/env python3
"""Extract facts from a corpus with Dask: a LocalCluster here, a real cluster in production.

    pip install 'factkit[dask]'
    python examples/dask_corpus.py examples/articles/*.txt --out out/

Replace LocalCluster with `distributed.Client("scheduler-address:8786")` to run
the same code across machines; each worker builds its factkit pipeline once.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

import dask.bag as db
from distributed import Client, LocalCluster

from factkit.dask import extract_bag, to_jsonl


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__,
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("articles", nargs="+", type=Path,
                    help="plain-text articles named YYYY-MM-DD-*.txt (the date is the published one)")
    ap.add_argument("--out", type=Path, default=Path("out"), help="folder for the JSON Lines parts")
    ap.add_argument("--workers", type=int, default=2)
    a = ap.parse_args()

    records = [{"id": p.stem, "text": p.read_text(encoding="utf-8"), "published": p.name[:10]}
               for p in a.articles]
    a.out.mkdir(parents=True, exist_ok=True)
    with LocalCluster(n_workers=a.workers, threads_per_worker=1, dashboard_address=None) as cluster, \
            Client(cluster):
        bag = db.from_sequence(records, npartitions=a.workers)
        paths = to_jsonl(extract_bag(bag), str(a.out / "part-*.jsonl"))
    for path in paths:
        print(path)
    return 0


if __name__ == "__main__":
    sys.exit(main())
