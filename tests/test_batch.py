"""Many articles on several cores: same results, same order, bad records reported."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from factkit.batch import Job, chunked, extract_many, ordered_map, run_jobs
from factkit.errors import InputError
from factkit.pipeline import Pipeline

ARTICLES = sorted((Path(__file__).resolve().parents[1] / "examples" / "articles").glob("*.txt"))


@pytest.fixture(scope="module")
def records():
    texts = [p.read_text(encoding="utf-8") for p in ARTICLES]
    return [{"id": f"r{i}", "text": texts[i % len(texts)], "published": f"2025-01-0{i % 9 + 1}"}
            for i in range(23)]


def test_two_workers_give_the_in_process_results_in_order(records):
    one = [r.to_json() for r in extract_many(records, workers=1)]
    two = [r.to_json() for r in extract_many(records, workers=2, chunk_size=3)]
    assert one == two
    assert [json.loads(doc)["document"]["id"] for doc in two] == [r["id"] for r in records]


def test_bad_record_names_its_position(records):
    with pytest.raises(InputError, match="record 2: empty text"):
        list(extract_many([records[0], records[1], {"text": " "}, records[3]], workers=2,
                          chunk_size=1))


def test_known_bad_jobs_pass_through_in_order():
    outcomes = list(run_jobs([Job("", None, "a", problem="broken"), Job("Talks began.", None, "b")],
                             Pipeline(), workers=2, chunk_size=1))
    assert outcomes[0].problem == "broken"
    assert json.loads(outcomes[1].to_json())["document"]["id"] == "b"


def test_ordered_map_keeps_order_and_bounds_work_in_flight():
    from concurrent.futures import ThreadPoolExecutor

    submitted = []

    def items():
        for i in range(100):
            submitted.append(i)
            yield i

    with ThreadPoolExecutor(2) as pool:
        results = ordered_map(pool, lambda chunk: [x * 2 for x in chunk], chunked(items(), 5),
                              window=3)
        first = next(results)
        assert first == 0 and len(submitted) <= 5 * 3  # the input is not drained ahead
        assert [first, *results] == [x * 2 for x in range(100)]


def test_cli_workers_output_is_identical(tmp_path, records):
    path = tmp_path / "in.jsonl"
    path.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    factkit = Path(sys.executable).with_name("factkit")

    def run(workers: str) -> bytes:
        proc = subprocess.run([str(factkit), "extract", "--jsonl", "--workers", workers,
                               str(path)], capture_output=True, check=True,
                              env={"FACTKIT_LOAD_PLUGINS": "", "PATH": ""})
        assert proc.stderr == b""  # no progress bar when stderr is not a terminal
        return proc.stdout

    assert run("1") == run("2")
