"""The Parquet event store: lossless round trips, partitions, pushed-down filters, other engines."""

from __future__ import annotations

import datetime as dt
import subprocess
import sys
import tracemalloc
from collections.abc import Iterator
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import secevents as se
from secevents.interop import (
    parquet_dataset,
    read_gdelt,
    read_parquet,
    read_parquet_table,
    read_ucdp,
    to_arrow,
    write_parquet,
)
from secevents.interop.parquet import parquet_filter
from secevents.testing import date_spans, events, json_values

REAL = Path(__file__).parent / "data" / "realdata"
GDELT = REAL / "gdelt" / "EVENT_V2_20260101000000_20260101000100.csv"
UCDP = REAL / "ucdp" / "ucdpged_sample_1000_from_uncertainUCDP.csv"


def exercise(day: int = 23, country: str = "TJK") -> se.JointExercise:
    return se.JointExercise(
        name="Interaction-2021",
        date=se.DateSpan.parse(f"2021-10-{day:02d}/2021-10-30"),
        location=se.Location(name="Harbmaidon", country=country, lat=37.5, lon=68.9),
        participants=(se.Actor.state("RUS"), se.Actor.person("A. Commander")),
        troops=se.Quantity(low=2000, high=3000, qualifier="approx"),
    )


def base() -> se.BaseConstruction:
    return se.BaseConstruction(
        date=se.DateSpan.parse("2016"),
        builder=se.Actor.state("CHN"),
        cost=se.Money(amount="8600000", currency="USD"),
    )


def many(count: int) -> Iterator[se.Event]:
    for index in range(count):
        yield exercise(1 + index % 28) if index % 2 else base()


def wire_texts(evs: list[se.Event]) -> list[str]:
    return sorted(se.dumps(ev) for ev in evs)


def test_events_come_back_equal_with_unknown_keys(tmp_path: Path) -> None:
    odd = se.parse(
        '{"type": "statement", "x_note": {"a": [1, 2.5, null]}, "content": "No comment.",'
        ' "speaker": {"kind": "state", "code": "TJK", "x_rank": 3}, "date": "2021-10"}'
    )
    evs = [odd, exercise(), base(), se.Statement(content="no date")]
    assert write_parquet(evs, tmp_path / "store") == 4
    back = list(read_parquet(tmp_path / "store"))
    assert wire_texts(back) == wire_texts(evs)
    assert odd in back and se.dumps(next(ev for ev in back if ev == odd)) == se.dumps(odd)


def test_real_gdelt_rows_keep_their_dataset_columns(tmp_path: Path) -> None:
    evs = list(read_gdelt(GDELT))
    assert len(evs) > 1000
    write_parquet(evs, tmp_path / "store", batch_size=300)
    back = list(read_parquet(tmp_path / "store", batch_size=128))
    assert wire_texts(back) == wire_texts(evs)
    assert all(ev.extra for ev in back)  # the GDELT columns that have no field
    table = read_parquet_table(tmp_path / "store", columns=["type"])
    assert table.num_rows == len(evs)


def test_the_layout_is_hive_partitions_by_type_and_year(tmp_path: Path) -> None:
    store = tmp_path / "store"
    write_parquet([exercise(), base(), se.Statement(content="undated")], store)
    files = sorted(str(path.relative_to(store).parent) for path in store.rglob("*.parquet"))
    assert files == [
        "type=base_construction/year=2016",
        "type=joint_exercise/year=2021",
        "type=statement/year=__HIVE_DEFAULT_PARTITION__",
    ]
    one = pq.read_table(next((store / "type=joint_exercise").rglob("*.parquet")))
    flat = to_arrow([])
    assert one.schema.names == [name for name in flat.schema.names if name != "type"] + ["wire"]


def test_other_partitions_and_none(tmp_path: Path) -> None:
    write_parquet([exercise(), exercise(country="KGZ")], tmp_path / "a", partition_by=["country"])
    assert sorted(p.name for p in (tmp_path / "a").iterdir()) == ["country=KGZ", "country=TJK"]
    write_parquet(many(10), tmp_path / "b", partition_by=())
    assert [p.suffix for p in (tmp_path / "b").iterdir()] == [".parquet"]
    assert len(list(read_parquet(tmp_path / "b"))) == 10
    write_parquet([exercise()], tmp_path / "c", partition_by=("year", "month"))
    assert [str(p.relative_to(tmp_path / "c")) for p in (tmp_path / "c").glob("*/*")] == [
        "year=2021/month=10"
    ]


def test_filters_prune_partitions_and_row_groups(tmp_path: Path) -> None:
    store = tmp_path / "store"
    evs = [*many(40), exercise(country="KGZ"), se.Statement(content="undated")]
    write_parquet(evs, store)
    dataset = parquet_dataset(store)
    everything = len(list(dataset.get_fragments()))
    chosen = parquet_filter(dataset, types=[se.JointExercise])
    assert len(list(dataset.get_fragments(filter=chosen))) < everything
    by_date = parquet_filter(dataset, date="2016")
    assert len(list(dataset.get_fragments(filter=by_date))) < everything
    assert {ev.type_tag for ev in read_parquet(store, types="joint_exercise")} == {"joint_exercise"}
    assert len(list(read_parquet(store, types=[se.JointExercise, "base_construction"]))) == 41
    for span in ("2016", "2021-10-29", "2021-10-01/2021-10-03", "../2016-06", "2021-10-31/.."):
        wanted = se.DateSpan.parse(span)
        expected = [ev for ev in evs if ev.date is not None and ev.date.overlaps(wanted)]
        assert wire_texts(list(read_parquet(store, date=span))) == wire_texts(expected), span
        assert expected or span == "2021-10-31/.."
    assert len(list(read_parquet(store, date=dt.date(2021, 10, 29)))) == 21
    assert [ev.id for ev in read_parquet(store, country="KGZ")] == [evs[40].id]
    assert len(list(read_parquet(store, country=["KGZ", "TJK"], date="2021"))) == 21


#: Keys no event type has, with any JSON value: kept on the event and written back.
UNKNOWN = st.dictionaries(st.sampled_from(["x_note", "ext:source", "Type", "é"]), json_values())


@settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    evs=st.lists(events(), max_size=6),
    span=date_spans(),
    data=st.data(),
)
def test_any_events_round_trip_and_filter_as_python_does(
    tmp_path_factory: pytest.TempPathFactory,
    evs: list[se.Event],
    span: se.DateSpan,
    data: st.DataObject,
) -> None:
    evs = [se.from_dict({**se.to_dict(ev), **data.draw(UNKNOWN)}, se.Event) for ev in evs]
    store = tmp_path_factory.mktemp("store")
    assert write_parquet(evs, store, append=True, batch_size=2) == len(evs)
    assert wire_texts(list(read_parquet(store))) == wire_texts(evs)
    expected = [ev for ev in evs if ev.date is not None and ev.date.overlaps(span)]
    assert wire_texts(list(read_parquet(store, date=span))) == wire_texts(expected)


def test_append_adds_files_and_refuses_to_mix_by_accident(tmp_path: Path) -> None:
    store = tmp_path / "store"
    write_parquet(many(6), store)
    with pytest.raises(ValueError, match="holds files already; pass append=True"):
        write_parquet(many(2), store)
    write_parquet(many(4), store, append=True)
    assert len(list(read_parquet(store))) == 10


def test_bad_arguments_name_what_is_wrong(tmp_path: Path) -> None:
    with pytest.raises(ValueError, match="'lat' is not a column to partition by"):
        write_parquet([], tmp_path / "s", partition_by=("lat",))
    with pytest.raises(ValueError, match="batch_size must be at least 1"):
        write_parquet([], tmp_path / "s", batch_size=0)
    (tmp_path / "file.parquet").write_bytes(b"")
    with pytest.raises(ValueError, match="is a file; write_parquet writes a directory"):
        write_parquet([], tmp_path / "file.parquet")
    with pytest.raises(FileNotFoundError, match="no such Parquet store"):
        read_parquet(tmp_path / "absent")
    pq.write_table(pa.table({"x": [1]}), tmp_path / "other.parquet")
    with pytest.raises(ValueError, match="not a secevents event store"):
        read_parquet(tmp_path / "other.parquet")
    write_parquet(many(2), tmp_path / "store")
    with pytest.raises(ValueError, match="'explosion' is not a registered event type"):
        read_parquet(tmp_path / "store", types="explosion")
    with pytest.raises(ValueError, match="date: 'last week' is not a date"):
        read_parquet(tmp_path / "store", date="last week")


def test_a_failing_reader_stops_the_write_with_its_error(tmp_path: Path) -> None:
    def broken() -> Iterator[se.Event]:
        yield base()
        raise se.errors.ReadError("input.csv", 2, "the archive ends early")

    with pytest.raises(se.errors.ReadError, match=r"input\.csv"):
        write_parquet(broken(), tmp_path / "store")


def peak(count: int, path: Path) -> int:
    """Python's peak traced memory while ``count`` events are written to a store."""
    tracemalloc.start()
    try:
        write_parquet(many(count), path, batch_size=200)
        return tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()


_PEAKS = """
import sys, pathlib
sys.path.insert(0, sys.argv[1])
from test_interop_parquet import peak
root = pathlib.Path(sys.argv[2])
peak(200, root / "warm")  # caches (ids, dates, hooks) fill on first use
print(peak(400, root / "small"), peak(1600, root / "large"))
"""


def test_writing_memory_does_not_grow_with_the_input(tmp_path: Path) -> None:
    # In a fresh interpreter: tracemalloc counts every thread's allocations, and threads
    # other tests leave behind (a cluster's, a progress bar's) would count as the writer's.
    done = subprocess.run(
        [sys.executable, "-c", _PEAKS, str(Path(__file__).parent), str(tmp_path)],
        capture_output=True,
        text=True,
        check=True,
        timeout=300,
    )
    small, large = (int(n) for n in done.stdout.split())
    assert large < small * 1.5, (small, large)  # Python objects: one batch at a time


def test_arrow_buffers_are_freed_batch_by_batch(tmp_path: Path) -> None:
    samples: list[int] = []

    def watched() -> Iterator[se.Event]:
        for index, event in enumerate(many(3000)):
            if index % 100 == 0:
                samples.append(pa.total_allocated_bytes())
            yield event

    write_parquet(watched(), tmp_path / "store", batch_size=200)
    assert max(samples[-10:]) <= max(samples[:10]) + 512 * 1024, samples


def test_the_store_is_written_as_the_batches_come(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Nothing is queued: each row group is written before the next events are taken,
    # for events and for a table alike, and none has more than batch_size rows.
    taken: list[int] = []
    writes: list[tuple[int, int]] = []  # (events taken, rows) at each write
    write = pq.ParquetWriter.write_batch

    def watched(self: pq.ParquetWriter, batch: pa.RecordBatch, **kwargs: object) -> None:
        writes.append((len(taken), batch.num_rows))
        write(self, batch, **kwargs)

    monkeypatch.setattr(pq.ParquetWriter, "write_batch", watched)

    def counted() -> Iterator[se.Event]:
        for event in many(2500):
            taken.append(1)
            yield event

    assert write_parquet(counted(), tmp_path / "events", batch_size=100) == 2500
    # the two types alternate: a batch has 50 of each, more than is held back (a
    # quarter of a batch), so each type's 50 are written as soon as the batch is made
    assert [at for at, _ in writes[:4]] == [100, 100, 200, 200]
    assert all(rows == 50 for _, rows in writes)
    writes.clear()
    taken.clear()
    assert write_parquet(to_arrow(counted()), tmp_path / "table", batch_size=100) == 2500
    assert sum(rows for _, rows in writes) == 2500 and max(rows for _, rows in writes) == 50
    back = read_parquet_table(tmp_path / "table", columns=["id"])
    assert sorted(back.column("id").to_pylist()) == sorted(e.id for e in many(2500))


def test_a_store_of_no_events_reads_back_empty(tmp_path: Path) -> None:
    assert write_parquet([], tmp_path / "store") == 0
    assert list(read_parquet(tmp_path / "store")) == []
    assert list(read_parquet(tmp_path / "store", country="UKR", types="statement")) == []


def _with_rare(count: int) -> list[se.Event]:
    """Exercises in 2021, and one event in twenty a statement of 2020: a rare partition."""
    return [
        se.Statement(content=f"s{n}", date=se.DateSpan.parse("2020-05"))
        if n % 20 == 0
        else exercise(1 + n % 28)
        for n in range(count)
    ]


def assert_in_order(store: Path, evs: list[se.Event]) -> None:
    """The files of a partition sort in the order written: each type's events come back
    in the order given."""
    for kind in (se.Statement, se.JointExercise):
        mine = [se.dumps(ev) for ev in evs if isinstance(ev, kind)]
        assert [se.dumps(ev) for ev in read_parquet(store, types=kind)] == mine


def _written_with(
    monkeypatch: pytest.MonkeyPatch, name: str, value: int, folder: Path, count: int, batch: int
) -> tuple[Path, list[se.Event]]:
    """A store of ``_with_rare(count)`` written with the writer's setting ``name`` at ``value``."""
    from secevents.interop import _store_files

    monkeypatch.setattr(_store_files, name, value)
    evs = _with_rare(count)
    assert write_parquet(evs, folder / "store", batch_size=batch) == count
    return folder / "store", evs


def _row_groups(folder: Path) -> list[int]:
    return [pq.ParquetFile(f).metadata.num_row_groups for f in sorted(folder.glob("*.parquet"))]


def test_a_rare_partition_gets_full_row_groups_and_files_close(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # A Parquet writer holds every row group's metadata until its file closes: a rare
    # partition had a row group of a few rows per batch (20 here), all files stayed open.
    store, evs = _written_with(monkeypatch, "GROUPS_PER_FILE", 3, tmp_path, 2000, 100)
    rare = _row_groups(store / "type=statement" / "year=2020")
    assert sum(rare) <= 5  # 100 statements: up to 25 held back at once, not 5 a batch
    dense = _row_groups(store / "type=joint_exercise" / "year=2021")
    assert dense == [3] * 6 + [2]  # a row group of 95 a batch: 20, 3 a file
    assert_in_order(store, evs)


def test_past_the_open_files_the_oldest_closes(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    store, evs = _written_with(monkeypatch, "OPEN_FILES", 1, tmp_path, 400, 10)
    rare = sorted((store / "type=statement" / "year=2020").glob("*.parquet"))
    assert len(rare) > 1  # closed whenever the other partition was written
    assert_in_order(store, evs)


def test_wire_gets_no_column_statistics(tmp_path: Path) -> None:
    # A Parquet writer holds each row group's statistics until its file closes, and the
    # wire column's would be two whole events a row group; no filter reads them.
    assert write_parquet(many(100), tmp_path / "store", batch_size=10) == 100
    files = sorted((tmp_path / "store").rglob("*.parquet"))
    assert len(files) == 2
    for file in files:
        meta = pq.ParquetFile(file).metadata
        names = meta.schema.names
        for group in range(meta.num_row_groups):
            assert meta.row_group(group).column(names.index("wire")).statistics is None
            assert meta.row_group(group).column(names.index("country")).statistics is not None
    assert wire_texts(list(read_parquet(tmp_path / "store"))) == wire_texts(list(many(100)))


def test_duckdb_counts_by_type_and_month(tmp_path: Path) -> None:
    duckdb = pytest.importorskip("duckdb")
    store = tmp_path / "store"
    write_parquet([*read_ucdp(UCDP), *many(8)], store)
    rows = duckdb.sql(
        "SELECT type, strftime(date_start, '%Y-%m') AS month, count(*) AS n "
        f"FROM read_parquet('{store}/**/*.parquet', hive_partitioning = true) "
        "GROUP BY ALL ORDER BY type, month"
    ).fetchall()
    assert ("base_construction", "2016-01", 4) in rows
    assert ("joint_exercise", "2021-10", 4) in rows
    coded = [(month, n) for kind, month, n in rows if kind == "coded_event"]
    assert sum(n for _, n in coded) == 1000
    expected: dict[str, int] = {}
    for ev in read_ucdp(UCDP):
        assert ev.date is not None and ev.date.earliest is not None
        key = ev.date.earliest.strftime("%Y-%m")
        expected[key] = expected.get(key, 0) + 1
    assert dict(coded) == expected


def test_polars_reads_the_store_as_it_is(tmp_path: Path) -> None:
    polars = pytest.importorskip("polars")
    store = tmp_path / "store"
    write_parquet(many(10), store)
    frame = polars.scan_parquet(f"{store}/**/*.parquet", hive_partitioning=True).collect()
    counts = dict(frame.group_by("type").len().iter_rows())
    assert counts == {"base_construction": 5, "joint_exercise": 5}
    assert se.loads(frame["wire"][0]).type_tag in counts


def test_the_arrow_path_reads_columns_without_events(tmp_path: Path) -> None:
    store = tmp_path / "store"
    kyrgyz = exercise(country="KGZ")
    write_parquet([*many(6), kyrgyz], store)
    table = read_parquet_table(store, country="KGZ", columns=["id", "country", "troops_low"])
    assert table.to_pylist() == [{"id": kyrgyz.id, "country": "KGZ", "troops_low": 2000}]
    frame = read_parquet_table(store, types=[se.BaseConstruction]).to_pandas()
    assert list(frame["cost_amount"]) == ["8600000"] * 3


def test_a_glob_or_a_list_of_files_reads_part_of_the_store(tmp_path: Path) -> None:
    store = tmp_path / "store"
    write_parquet([*many(6), se.Statement(content="undated")], store)
    exercises = read_parquet(f"{store}/type=joint_exercise/*/*.parquet", types="joint_exercise")
    assert len(list(exercises)) == 3
    files = sorted(str(path) for path in store.rglob("*.parquet"))
    assert len(list(read_parquet(files))) == 7
    assert len(list(read_parquet(files, types="statement"))) == 1
    with pytest.raises(FileNotFoundError, match="no file matches the pattern"):
        read_parquet(f"{store}/type=other/*.parquet")
