"""Batches regrouped by partition before Arrow's dataset writer sees them.

The writer makes a row group of each batch's share of each partition: a partition
that gets a few rows of every batch gets a row group of a few rows per batch, each
with the metadata of every column, which its Parquet writer holds until the file
closes (5 partitions of GDELT: 500 row groups a million events, about 40 MB held).
Here each partition's rows are copied out of the batch (so no whole batch stays
alive for a rare partition's sake) and held until the partition has ``rows`` of
them, or until the rows held in all exceed ``rows``, when the partition holding
most goes: a row group then has at least ``rows`` rows, or the most any partition
had; at most about ``rows`` rows are held in all. Rows keep their order within
their partition.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from typing import Any

from .frames import _require

__all__ = ["regrouped"]

Key = tuple[Any, ...]


def regrouped(
    batches: Iterable[Any], names: Sequence[str], rows: int, hold: int
) -> Iterator[tuple[Key, Any]]:
    """``batches`` as batches of one partition (by the columns ``names``) each, with
    the partition's key: a partition's rows go when it has ``rows`` of them, or when
    the rows held in all pass ``hold``, the partition holding most first.

    >>> import pyarrow as pa
    >>> batch = pa.record_batch({"type": ["a", "b", "a", None], "n": [1, 2, 3, 4]})
    >>> for key, part in regrouped([batch, batch], ["type"], 4, 4):
    ...     print(key, part.column("n").to_pylist())
    ('a',) [1, 3, 1, 3]
    ('b',) [2, 2]
    (None,) [4, 4]
    """
    pa = _require("pyarrow", "arrow")
    held: dict[Key, list[Any]] = {}
    counts: dict[Key, int] = {}
    total = 0

    def flushed(key: Key) -> tuple[Key, Any]:
        nonlocal total
        total -= counts.pop(key)
        parts = held.pop(key)
        return key, parts[0] if len(parts) == 1 else pa.concat_batches(parts)

    for batch in batches:
        if not names:
            yield (), batch
            continue
        for key, part in _split(batch, names):
            held.setdefault(key, []).append(part)
            counts[key] = counts.get(key, 0) + part.num_rows
            total += part.num_rows
            if counts[key] >= rows:
                yield flushed(key)
        while total > hold:
            yield flushed(max(counts, key=counts.__getitem__))
    while held:
        yield flushed(next(iter(held)))


def _split(batch: Any, names: Sequence[str]) -> Iterator[tuple[Key, Any]]:
    """Each partition's rows of ``batch`` with its key; a batch of one partition as it
    is, the rows of many copied out (``filter`` makes new buffers)."""
    pa = _require("pyarrow", "arrow")
    compute = _require("pyarrow.compute", "arrow")
    columns = [batch.column(name) for name in names]
    keys = pa.table(columns, names=list(names)).group_by(list(names), use_threads=False)
    distinct = keys.aggregate([]).to_pylist()
    if len(distinct) == 1:
        yield tuple(distinct[0][name] for name in names), batch
        return
    for row in distinct:
        mask = None
        for name, column in zip(names, columns, strict=True):
            value = row[name]
            test = compute.is_null(column) if value is None else compute.equal(column, value)
            mask = test if mask is None else compute.and_(mask, test)
        yield tuple(row[name] for name in names), batch.filter(mask)
