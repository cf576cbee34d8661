"""secevents.dask.cluster on a two-worker distributed cluster: the groups of serial cluster()."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any, cast

import attrs
import pytest

import secevents as se
from secevents.interop import read_gdelt
from secevents.linking.merging import cluster

db = pytest.importorskip("dask.bag")
distributed = pytest.importorskip("distributed")
sdask = pytest.importorskip("secevents.dask")

GDELT = Path(__file__).parent / "data" / "realdata" / "gdelt"
SAMPLE = GDELT / "EVENT_V2_20260101000000_20260101000100.csv"


@pytest.fixture(scope="module")
def client() -> Iterator[object]:
    # Workers as threads of this process, as in tests/test_dask.py (worker processes
    # were slow to start and stop on a loaded CI machine).
    with (
        distributed.LocalCluster(
            n_workers=2, threads_per_worker=1, processes=False, dashboard_address=None
        ) as local,
        distributed.Client(local, timeout="60s") as connected,
    ):
        yield connected


def shape(groups: list[list[se.Event]]) -> list[list[str]]:
    """Groups as sorted lists of ids, in sorted order: the same whatever the partitions."""
    return sorted(sorted(event.id for event in group) for group in groups)


def test_cluster_gives_the_groups_of_serial_cluster(client: object) -> None:
    rows = list(read_gdelt(SAMPLE))
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
