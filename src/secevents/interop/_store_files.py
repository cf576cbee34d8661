"""Writing a store's files: one Parquet writer per partition, each file closed in time.

A Parquet writer holds the metadata of every row group it wrote (each column's
offsets, sizes and statistics) until its file closes. Arrow's dataset writer, given
a stream, keeps each partition's file open to the end and makes a row group of each
batch's share of each partition: a rare partition got a row group of a few rows per
batch, and a million GDELT events held about 40 MB of metadata at the end. Here the
batches are regrouped first (see :mod:`._row_groups`), each file closes after
:data:`GROUPS_PER_FILE` row groups, and at most :data:`OPEN_FILES` are open at once
(the one written longest ago closes first), so what is held stays flat in the rows.
Files are written as the batches come, in this thread: nothing is queued.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Sequence
from typing import Any, Final

from ._row_groups import Key, regrouped
from .frames import _require

__all__ = ["GROUPS_PER_FILE", "OPEN_FILES", "write_files"]

#: Row groups of a full file.
GROUPS_PER_FILE: Final = 32
#: Files open at once (a store partitioned by country and month has thousands).
OPEN_FILES: Final = 64
#: Rows of rare partitions held back to make fuller row groups: a batch over this.
_HELD_PER_BATCH: Final = 4


class _File:
    __slots__ = ("groups", "writer")

    def __init__(self, writer: Any) -> None:
        self.writer = writer
        self.groups = 0


def write_files(
    batches: Iterable[Any],
    target: str,
    schema: Any,
    names: Sequence[str],
    *,
    rows: int,
    stem: str,
    statistics: list[str],
) -> None:
    """Write ``batches`` (of ``schema``) under ``target`` in hive partitions by ``names``,
    row groups of up to ``rows`` rows, files named ``{stem}-{n:06d}.parquet`` (``n``
    counting the files of a partition, so their names sort in the order written)."""
    pa = _require("pyarrow", "arrow")
    pq = _require("pyarrow.parquet", "arrow")
    ds = _require("pyarrow.dataset", "arrow")
    partitioning = (
        ds.partitioning(pa.schema([schema.field(name) for name in names]), flavor="hive")
        if names
        else None
    )
    kept = [index for index, name in enumerate(schema.names) if name not in names]
    file_schema = pa.schema([schema.field(index) for index in kept], metadata=schema.metadata)
    statistics = [name for name in statistics if name in file_schema.names]
    files: dict[Key, _File] = {}
    made: dict[Key, int] = {}

    def opened(key: Key) -> _File:
        file = files.pop(key, None)
        if file is None:
            if len(files) >= OPEN_FILES:
                files.pop(next(iter(files))).writer.close()
            folder = target
            if partitioning is not None:
                folder = os.path.join(target, _directory(ds, partitioning, names, key))
            os.makedirs(folder, exist_ok=True)
            made[key] = count = made.get(key, -1) + 1
            path = os.path.join(folder, f"{stem}-{count:06d}.parquet")
            file = _File(pq.ParquetWriter(path, file_schema, write_statistics=statistics))
        files[key] = file  # the last written at the end: the first closed is the oldest
        return file

    held = max(1, rows // _HELD_PER_BATCH)
    try:
        for key, batch in regrouped(batches, names, rows, held):
            file = opened(key)
            columns = [batch.column(index) for index in kept]
            file.writer.write_batch(
                pa.RecordBatch.from_arrays(columns, schema=file_schema), row_group_size=rows
            )
            file.groups += -(-batch.num_rows // rows)
            if file.groups >= GROUPS_PER_FILE:
                files.pop(key).writer.close()
    finally:
        for file in files.values():
            file.writer.close()


def _directory(ds: Any, partitioning: Any, names: Sequence[str], key: Key) -> str:
    """The hive directories of partition ``key``, as Arrow's dataset writer names them
    (``type=statement/year=2021``, a missing value ``__HIVE_DEFAULT_PARTITION__``)."""
    expression = None
    for name, value in zip(names, key, strict=True):
        test = ds.field(name).is_null() if value is None else ds.field(name) == value
        expression = test if expression is None else expression & test
    folder: str = partitioning.format(expression)[0]
    return folder
