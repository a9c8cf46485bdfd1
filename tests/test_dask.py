"""The Dask wing on a real LocalCluster: results equal the in-process ones."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

distributed = pytest.importorskip("distributed", reason="install the extra: pip install 'factkit[dask]'")
db = pytest.importorskip("dask.bag")
dd = pytest.importorskip("dask.dataframe")
pd = pytest.importorskip("pandas")

from factkit.dask import extract_bag, extract_dataframe, to_jsonl  # noqa: E402
from factkit.pipeline import Pipeline  # noqa: E402

ARTICLES = sorted((Path(__file__).resolve().parents[1] / "examples" / "articles").glob("*.txt"))


@pytest.fixture(scope="module")
def client():
    cluster = distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True,
                                       dashboard_address=None)
    client = distributed.Client(cluster)
    yield client
    client.close()
    cluster.close()


@pytest.fixture(scope="module")
def records():
    return [{"id": p.stem, "text": p.read_text(encoding="utf-8"), "published": p.name[:10]}
            for p in ARTICLES]


@pytest.fixture(scope="module")
def expected(records):
    pipeline = Pipeline()
    return [pipeline.extract(r["text"], published=r["published"], doc_id=r["id"]).model_dump(
        mode="json") for r in records]


def test_bag_results_equal_in_process_results(client, records, expected):
    bag = db.from_sequence(records, npartitions=2)
    results = extract_bag(bag).compute()
    assert results == expected
    assert len(client.scheduler_info()["workers"]) == 2


def test_bad_record_is_reported_not_fatal(client, records, expected):
    bag = db.from_sequence([records[0], {"id": "blank", "text": "  "}, {"id": "none"}],
                           npartitions=2)
    results = extract_bag(bag).compute()
    assert results[0] == expected[0]
    assert [r["errors"][0]["message"] for r in results[1:]] == [
        "empty text: nothing to extract from", "record has no 'text' string"]


def test_dataframe_columns(client, records, expected):
    frame = dd.from_pandas(pd.DataFrame(records).rename(columns={"text": "body"}), npartitions=2)
    results = extract_dataframe(frame, text="body").compute()
    assert results == expected


def test_json_lines_per_partition(client, records, expected, tmp_path):
    paths = to_jsonl(extract_bag(db.from_sequence(records, npartitions=2)),
                     str(tmp_path / "part-*.jsonl"))
    assert len(paths) == 2
    lines = [json.loads(line) for p in sorted(paths) for line in Path(p).read_text().splitlines()]
    assert lines == expected
