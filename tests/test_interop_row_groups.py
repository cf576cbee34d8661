"""Batches regrouped by partition for the store's writer: every row once, in order, few held."""

from __future__ import annotations

from collections.abc import Iterator

import pyarrow as pa
from hypothesis import given
from hypothesis import strategies as st

from secevents.interop._row_groups import regrouped

KEYS = st.sampled_from(["a", "b", "c", None])
SCHEMA = pa.schema([("type", pa.string()), ("year", pa.int32()), ("n", pa.int64())])


@given(
    st.lists(st.lists(st.tuples(KEYS, st.integers(0, 2)), min_size=1, max_size=30), max_size=12),
    st.integers(1, 20),
    st.integers(1, 20),
)
def test_each_partition_gets_its_rows_in_order_and_few_are_held(
    batches: list[list[tuple[str | None, int]]], rows: int, hold: int
) -> None:
    taken = 0
    given_rows: list[tuple[str | None, int, int]] = []

    def source() -> Iterator[pa.RecordBatch]:
        nonlocal taken
        number = 0
        for cells in batches:
            keys, years = [key for key, _ in cells], [year for _, year in cells]
            serial = list(range(number, number + len(cells)))
            number += len(cells)
            given_rows.extend(zip(keys, years, serial, strict=True))
            taken += len(cells)
            yield pa.record_batch([keys, years, serial], schema=SCHEMA)

    out: list[tuple[str | None, int, int]] = []
    largest = max((len(cells) for cells in batches), default=0)
    for (key, year), batch in regrouped(source(), ["type", "year"], rows, hold):
        assert set(batch.column("type").to_pylist()) == {key}
        assert set(batch.column("year").to_pylist()) == {year}
        numbers = batch.column("n").to_pylist()
        out.extend((key, year, n) for n in numbers)
        # held back: at most `hold` rows, besides the batch being split
        assert taken - len(out) <= hold + largest
    assert sorted(out, key=lambda row: row[2]) == given_rows
    for partition in {(key, year) for key, year, _ in out}:  # its rows in the order given
        mine = [n for key, year, n in out if (key, year) == partition]
        assert mine == sorted(mine)


def test_no_partition_columns_passes_batches_through() -> None:
    batch = pa.record_batch({"n": [1, 2, 3]})
    assert [(key, part is batch) for key, part in regrouped([batch], [], 2, 1)] == [((), True)]
