"""secevents.dask on a two-worker distributed cluster: the same results as one process."""

from __future__ import annotations

import gzip
import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any, cast

import attrs
import pandas as pd
import pytest

import secevents as se
from secevents.interop import read_gdelt, read_parquet, read_ucdp
from secevents.interop import to_dataframe as serial_frame
from secevents.interop._columns import BUILT_IN
from secevents.linking.merging import cluster

db = pytest.importorskip("dask.bag")
distributed = pytest.importorskip("distributed")
sdask = pytest.importorskip("secevents.dask")

DATA = Path(__file__).parent / "data"
GDELT = DATA / "realdata" / "gdelt" / "EVENT_V2_20260101000000_20260101000100.csv"
UCDP = DATA / "realdata" / "ucdp" / "ucdpged_sample_1000_from_uncertainUCDP.csv"


@pytest.fixture(scope="module")
def client() -> Iterator[object]:
    # Workers in this process (threads): worker processes took minutes to start and to stop
    # on a loaded CI machine, and once hung at teardown; benchmarks/scale.py uses processes.
    with (
        distributed.LocalCluster(
            n_workers=2, threads_per_worker=1, processes=False, dashboard_address=None
        ) as cluster,
        distributed.Client(cluster, timeout="60s") as connected,
    ):
        yield connected


def corpus() -> list[dict[str, str]]:
    reports = [json.loads(path.read_text()) for path in sorted((DATA / "corpus").glob("d0*.json"))]
    return reports[:12]


def test_extract_equals_serial_extract(client: object) -> None:
    docs = corpus()
    texts = db.from_sequence([doc["text"] for doc in docs], npartitions=3)
    dates = db.from_sequence([doc["published"] for doc in docs], npartitions=3)
    reports = sdask.extract(texts, published=dates, source="corpus").compute()
    expected = [
        se.extract(doc["text"], published=doc["published"], source="corpus") for doc in docs
    ]
    assert reports == expected
    assert sum(len(report.events) for report in reports) > 5


def test_extract_reports_a_bad_text_and_checks_arguments(client: object) -> None:
    texts = db.from_sequence(["China built a base in Tajikistan.", 7], npartitions=2)
    first, bad = sdask.extract(texts, published="2021-10-28").compute()
    assert len(first.events) == 1
    assert bad.warnings[0].startswith("extract_failed: TypeError: text must be a str")
    with pytest.raises(ValueError, match="published: a bag of 1 partitions for texts in 2"):
        sdask.extract(texts, published=db.from_sequence(["2021-10-28"] * 2, npartitions=1))
    with pytest.raises(TypeError, match="texts must be a dask bag"):
        sdask.extract(["a text"])


def split(folder: Path) -> list[Path]:
    header, *lines = GDELT.read_bytes().splitlines(keepends=True)
    paths = [folder / "a.CSV", folder / "b.CSV.gz", folder / "c.CSV"]
    third = len(lines) // 3
    parts = [lines[:third], lines[third : 2 * third], lines[2 * third :]]
    for path, part in zip(paths, parts, strict=True):
        data = header + b"".join(part)
        path.write_bytes(gzip.compress(data) if path.suffix == ".gz" else data)
    return paths


def test_read_gdelt_one_partition_per_file(client: object, tmp_path: Path) -> None:
    split(tmp_path)
    bag = sdask.read_gdelt(str(tmp_path / "*.CSV*"))
    assert bag.npartitions == 3
    assert bag.compute() == list(read_gdelt(GDELT))


def test_frames_have_the_fixed_meta(client: object, tmp_path: Path) -> None:
    split(tmp_path)
    frame = sdask.read_frame(read_gdelt, sorted(str(p) for p in tmp_path.iterdir()))
    assert frame.npartitions == 3
    assert list(frame.columns) == list(sdask.dataframe_meta().columns)
    got = frame.compute().reset_index(drop=True)
    expected = serial_frame(read_gdelt(GDELT), types=BUILT_IN)
    assert list(got["id"]) == list(expected["id"])
    pd.testing.assert_series_equal(got["date_start"], expected["date_start"])
    assert list(got["country"]) == list(expected["country"].astype("string"))
    mixed = db.from_sequence([se.Statement(content="a"), *read_ucdp(UCDP)], npartitions=4)
    counts = sdask.to_dataframe(mixed)["type"].value_counts().compute().to_dict()
    assert counts == {"coded_event": 1000, "statement": 1}


def test_a_bag_of_reports_writes_the_parquet_store(client: object, tmp_path: Path) -> None:
    docs = corpus()
    texts = db.from_sequence([doc["text"] for doc in docs], npartitions=3)
    reports = sdask.extract(texts)
    store = tmp_path / "store"
    written = sdask.write_parquet(reports, store)
    expected = [ev for doc in docs for ev in se.extract(doc["text"]).events]
    assert written == len(expected) > 5
    assert sorted(map(se.dumps, read_parquet(store))) == sorted(map(se.dumps, expected))
    with pytest.raises(ValueError, match="holds files already"):
        sdask.write_parquet(reports, store)
    events = db.from_sequence(list(read_ucdp(UCDP)), npartitions=2)
    assert sdask.write_parquet(events, store, append=True) == 1000
    assert len(list(read_parquet(store, types="coded_event"))) == 1000


# -- cluster -----------------------------------------------------------------------------


def shape(groups: list[list[se.Event]]) -> list[list[str]]:
    """Groups as sorted lists of ids, in sorted order: the same whatever the partitions."""
    return sorted(sorted(event.id for event in group) for group in groups)


def test_cluster_gives_the_groups_of_serial_cluster(client: object) -> None:
    rows = list(read_gdelt(GDELT))
    # Two same-day copies, the second reported elsewhere and placed as another row.
    moved = [
        attrs.evolve(
            cast(Any, row),
            sources=(se.Source(url=f"https://x.org/{n}"),),
            location=rows[(n * 7 + 31) % len(rows)].location,
        )
        for n, row in enumerate(rows)
    ]
    items = [*rows, *moved]
    serial = cluster(items)
    bag = db.from_sequence(items, npartitions=4)
    groups = sdask.cluster(bag).compute()
    assert shape(groups) == shape(serial)
    assert len(serial) < len(items) and max(len(group) for group in serial) > 2
    stricter = sdask.cluster(bag, threshold=0.9).compute()
    assert shape(stricter) == shape(cluster(items, threshold=0.9))


def test_cluster_checks_its_arguments() -> None:
    with pytest.raises(TypeError, match="events must be a dask bag"):
        sdask.cluster([se.Statement(content="x")])
    with pytest.raises(ValueError, match=r"threshold 2 is not in \[0, 1\]"):
        sdask.cluster(db.from_sequence([se.Statement(content="x")]), threshold=2)
