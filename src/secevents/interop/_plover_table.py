"""PLOVER records to Arrow a batch at a time (:func:`read_plover_table`).

PLOVER and POLECAT records are JSON objects with nested arrays (the actors, the
modes), in a JSON array file or one per line: Arrow's JSON reader takes neither
as they are (it reads flat lines, with one schema). So the records are streamed
(:func:`~secevents.interop._json_records.json_records`: an element or line at a
time), read by the typed reader's converter, and turned into Arrow columns
``batch_size`` records at a time: at most one batch of events is alive at once,
whatever the file's size, and the table holds no Python objects.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Sequence
from itertools import groupby, islice
from typing import Any

from ..limits import DEFAULT_LIMITS, Limits
from ..model import _json
from ..model.events import Event
from ._arrow_warnings import Found, Warnings
from ._columnar import ArrowRead, flat_row, named_files
from ._keep import kept_columns
from .frames import _require, arrow_schema, rows_batch
from .plover import read_plover

__all__ = ["read_plover_table"]


def read_plover_table(
    source: str | os.PathLike[str] | Sequence[str | os.PathLike[str]],
    *,
    placeholder_dates: Iterable[str] = ("2000-01-01",),
    encoding: str = "utf-8",
    errors: str = "strict",
    max_warnings: int | None = 100_000,
    limits: Limits = DEFAULT_LIMITS,
    batch_size: int = 10_000,
) -> ArrowRead:
    """The records of PLOVER files as Arrow columns (needs ``arrow``), read in batches.

    ``source`` names files as for :func:`~secevents.interop.read_plover` (a path, a
    list, a glob, a directory; ``.gz``, one-file ``.zip``), and the other options are
    its own. ``.table`` has :func:`~secevents.interop.to_arrow`'s columns, with the
    values the events of :func:`~secevents.interop.read_plover` have, plus one column
    per record key no field stands for, named ``plover_<key>`` and holding the key's
    value as JSON text (``null`` where a record lacks it; in DuckDB,
    ``json_extract_string(plover_coder, '$')``). ``.warnings`` and ``.stats`` are
    :func:`~secevents.interop.read_plover`'s, lines included. Records are converted
    ``batch_size`` at a time (see :mod:`secevents.interop._plover_table`).

    >>> import json, tempfile, pathlib
    >>> record = {"id": "r1", "date": "2016-07-24", "actor": [{"code": "USA"}],
    ...           "recipient": [{"code": "CAN"}], "event": "CONSULT", "mode": "visit",
    ...           "coder": "me", "version": "2.0"}
    >>> path = pathlib.Path(tempfile.mkdtemp()) / "events.jsonl"
    >>> _ = path.write_text(json.dumps(record) + "\\n", encoding="utf-8")
    >>> read = read_plover_table(path)
    >>> read.table.column("code").to_pylist(), read.table.column("actor").to_pylist()
    (['CONSULT.visit'], [['USA']])
    >>> read.table.column("plover_coder").to_pylist(), read.stats.events
    (['"me"'], 1)
    """
    pa = _require("pyarrow", "arrow")
    if batch_size < 1:
        raise ValueError(f"batch_size must be at least 1, not {batch_size}")
    paths = named_files(source, "read records in Python with read_plover")
    kinds, schema = arrow_schema()
    reader = read_plover(
        paths,
        placeholder_dates=placeholder_dates,
        encoding=encoding,
        errors=errors,
        max_warnings=max_warnings,
        limits=limits,
    )
    tables = [pa.Table.from_batches([], schema)]
    with reader:
        events = (event for event in reader)  # iter(reader) once
        while batch := list(islice(events, batch_size)):
            tables.append(_batch_table(pa, batch, kinds, schema))
            del batch  # one batch of events at a time
    result = ArrowRead(pa.concat_tables(tables, promote_options="default"))
    result.stats = reader.stats
    result.warnings = _warnings(reader.warnings)
    return result


def _batch_table(pa: Any, events: list[Event], kinds: dict[str, str], schema: Any) -> Any:
    """``events`` as to_arrow's columns plus one JSON text column per kept key."""
    batch = rows_batch(pa, [flat_row(event) for event in events], kinds, schema)
    kept = [kept_columns(event, "plover") for event in events]
    keys = {key: None for one in kept for key in one if not key.startswith("_")}
    columns, fields = list(batch.columns), list(schema)
    for key in keys:
        values = [one.get(key, _ABSENT) for one in kept]
        texts = [None if v is _ABSENT else _json.encode(v).decode() for v in values]
        columns.append(pa.array(texts, pa.string()))
        fields.append(pa.field(f"plover_{key}", pa.string()))
    return pa.Table.from_arrays(columns, schema=pa.schema(fields))


_ABSENT = object()


def _warnings(said: Sequence[Any]) -> Warnings:
    """The typed reader's warnings, kept as arrays per file (see :class:`Warnings`)."""
    warnings = Warnings()
    for file, group in groupby(said, key=lambda warning: warning.file):
        entries = [(w.row, w.code, w.message, w.column, w.line) for w in group]
        warnings.extend(Found.of(entries), file)
    return warnings
