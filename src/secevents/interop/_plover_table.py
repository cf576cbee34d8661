"""PLOVER records to Arrow columns a batch at a time (:func:`read_plover_table`), no events.

PLOVER and POLECAT records are JSON objects with nested arrays (the actors, the
modes), in a JSON array file or one per line: Arrow's JSON reader takes neither
as they are (it reads flat lines, with one schema). So the records are streamed
(:func:`~secevents.interop._json_records.json_records`: an element or line at a
time) and read part by part by the typed reader's own functions
(:func:`~secevents.interop._plover_cells.read_parts`: the same values, the same
warnings), and the parts are written as columns ``batch_size`` records at a time,
without making an event: each field's columns come from the spec
:func:`~secevents.interop.to_arrow` uses, worked out once per distinct value (an
actor, a place, a day), and the columns no part gives from an empty event of the
class. The record keys no field stands for are kept as JSON text columns, as the
typed reader keeps them (see :func:`_kept`).
"""

from __future__ import annotations

import functools
import os
from collections.abc import Iterable, Iterator, Sequence
from itertools import chain, groupby, islice
from operator import itemgetter
from typing import Any, Final, cast

import orjson

from .._collector import paused as collector_paused
from ..limits import DEFAULT_LIMITS, Limits
from ..model import _json
from ..model.coded import CodedEvent
from ..model.events import Event
from ..wire.serialize import get_converter
from ._arrow_warnings import Found, Warnings
from ._columnar import ArrowRead, flat_row, named_files
from ._columns import Spec, specs_of
from ._plover_cells import MAPPED, PloverParts, read_parts
from ._rows import Warn
from ._tabular import guarded
from .frames import _require, arrow_schema, column_array
from .plover import plover_reader

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
    placeholders = frozenset(placeholder_dates)

    @guarded
    def convert(record: Any, warn: Warn) -> PloverParts | None:
        return read_parts(record, warn, placeholders)

    reader = plover_reader(
        paths, convert, None, max_warnings, encoding=encoding, errors=errors, limits=limits
    )
    tables = [pa.Table.from_batches([], schema)]
    values = _Values()
    with reader:
        # The reader hands out what ``convert`` gives: parts, not events. (A generator:
        # islice asks for an iterator each batch, and the reader gives one only once.)
        records = cast(Iterator[PloverParts], (parts for parts in reader))
        while True:
            # The collector paused: it would go over the batch's parts again and again
            # (an eighth of the time), and they are freed as a whole after the batch.
            with collector_paused():
                batch = list(islice(records, batch_size))
                if batch:
                    tables.append(_batch_table(pa, batch, kinds, schema, values))
            if not batch:
                break
    result = ArrowRead(pa.concat_tables(tables, promote_options="default"))
    result.stats = reader.stats
    result.warnings = _warnings(reader.warnings)
    return result


def _batch_table(
    pa: Any, batch: list[PloverParts], kinds: dict[str, str], schema: Any, values: _Values
) -> Any:
    """The parts of ``batch`` as to_arrow's columns plus one JSON text column per kept key."""
    count = len(batch)
    # The columns of the class most parts have are made over the whole batch (the rows
    # of other classes empty); the other classes' cells are then put in their rows.
    classes = sorted(_by_class(batch).items(), key=lambda item: -len(item[1]))
    data = values.columns(classes[0][0], batch)
    for cls, where in classes[1:]:
        for name, (cells, rows) in values.columns(cls, [batch[at] for at in where]).items():
            known, indices = data.get(name) or ([None], [0] * count)
            indices = list(range(count)) if indices is None else indices.copy()
            offset = len(known)
            for at, index in zip(where, range(len(where)) if rows is None else rows, strict=True):
                indices[at] = offset + index
            data[name] = (known + cells, indices)
    taken: dict[int, Any] = {}  # the index array of each list of indices (columns share them)
    columns = []
    for field in schema:
        coded = data.get(field.name)
        if coded is None:
            columns.append(column_array(pa, field, kinds[field.name], None, count))
            continue
        cells, indices = coded
        array = column_array(pa, field, kinds[field.name], cells, len(cells))
        if indices is not None:
            positions = taken.get(id(indices))
            if positions is None:
                positions = taken[id(indices)] = pa.array(indices, pa.int32())
            array = array.take(positions)
        columns.append(array)
    fields = list(schema)
    for key, texts in _kept(batch).items():
        columns.append(pa.array(_texts(texts), pa.string()))
        fields.append(pa.field(f"plover_{key}", pa.string()))
    return pa.Table.from_arrays(columns, schema=pa.schema(fields))


def _by_class(batch: list[PloverParts]) -> dict[type[Event], list[int]]:
    """The positions in ``batch`` of each class's parts."""
    where: dict[type[Event], list[int]] = {}
    for at, parts in enumerate(batch):
        where.setdefault(parts.cls, []).append(at)
    return where


def _texts(values: list[Any]) -> list[str | None]:
    """Each value's JSON text, ``None`` where a record lacks the key."""
    try:  # orjson at once: every value but an integer past 64 bits
        return [None if v is _ABSENT else _dumps(v).decode() for v in values]
    except orjson.JSONEncodeError:
        return [None if v is _ABSENT else _json.encode(v).decode() for v in values]


#: A column as its distinct cells and each row's index among them (``None``: a cell a row).
_Coded = tuple[list[Any], list[int] | None]
_ABSENT: Final = object()
_OTHER: Final = object()
_dumps: Final = orjson.dumps
_MAPPED: Final = frozenset(MAPPED)


def _kept(batch: list[PloverParts]) -> dict[str, list[Any]]:
    """The records' keys no field stands for, that the writer would not give back as
    read, a column of values each (:data:`_ABSENT` where a record does not keep it): what
    the typed reader keeps on the event (:meth:`~._keep.Keeping.kept`), but the notes
    (``_``) that no column holds. The keys come in the order they are first kept in."""
    columns: dict[str, list[Any]] = {}
    first: dict[str, tuple[int, int]] = {}
    for key in dict.fromkeys(chain.from_iterable(parts.rec for parts in batch)):
        if key in _MAPPED or key.startswith("_"):
            continue
        if key in ("id", "context"):
            cells = [_kept_value(parts, key) for parts in batch]
        else:  # a key the writer does not give: kept wherever a record has it
            cells = [parts.rec.get(key, _ABSENT) for parts in batch]
        row = next((at for at, cell in enumerate(cells) if cell is not _ABSENT), None)
        if row is not None:
            columns[key] = cells
            first[key] = (row, list(batch[row].rec).index(key))
    return {key: columns[key] for key in sorted(columns, key=first.__getitem__)}


def _kept_value(parts: PloverParts, key: str) -> Any:
    """The record's ``id`` or ``context`` if the writer would not give it back as read."""
    value = parts.rec.get(key, _ABSENT)
    now = parts.id if key == "id" else parts.context()
    if value is not _ABSENT and (value != now or type(value) is not type(now)):
        return value
    return _ABSENT


class _Values:
    """The flat columns of each field value, worked out once per distinct value."""

    def __init__(self) -> None:
        self._columns: dict[tuple[str, Any], dict[str, Any]] = {}
        self._unstructure = get_converter().unstructure

    def columns(self, cls: type[Event], batch: list[PloverParts]) -> dict[str, _Coded]:
        """The flat columns of the events of ``cls`` that the parts of ``batch`` stand
        for (see :func:`~._columns.typed_row`; ``None`` in the rows of other classes),
        each as its distinct cells and the index of each row's cell among them
        (``None``: one cell per row): a field at a time, each distinct value's columns
        worked out once."""
        empty = _empty_row(cls)
        mine = [parts.cls is cls for parts in batch]
        every = all(mine)
        given_fields = [parts.fields for parts in batch]
        columns: dict[str, _Coded]
        if every:
            zeros = [0] * len(batch)
            columns = {name: ([cell], zeros) for name, cell in empty.items()}
            columns["id"] = ([parts.id for parts in batch], None)
        else:
            flags = [0 if m else 1 for m in mine]
            columns = {name: ([cell, None], flags) for name, cell in empty.items()}
            ids = [parts.id if m else None for parts, m in zip(batch, mine, strict=True)]
            columns["id"] = (ids, None)
        specs = _specs(cls)
        given = chain.from_iterable(parts.fields for parts, m in zip(batch, mine, strict=True) if m)
        for key in dict.fromkeys(given):
            spec = specs[key]
            names = [name for name, _kind in spec.columns]
            base = {name: empty[name] for name in names}
            # Each distinct value's cells are made once per batch, every column in them;
            # the batch holds its values, so their ids stand for them until it ends.
            if every:
                cells = [fields.get(key, _ABSENT) for fields in given_fields]
            else:
                cells = [
                    fields.get(key, _ABSENT) if m else _OTHER
                    for fields, m in zip(given_fields, mine, strict=True)
                ]
            idents = list(map(id, cells))
            firsts = dict(zip(idents, cells, strict=True))  # each distinct value, in order
            index = {ident: at for at, ident in enumerate(firsts)}
            indices = list(map(index.__getitem__, idents))
            distinct = [
                base
                if value is _ABSENT
                else spec.empty
                if value is _OTHER
                else {**base, **self._cells(spec, value)}
                for value in firsts.values()
            ]
            for name in names:
                columns[name] = (list(map(itemgetter(name), distinct)), indices)
        return columns

    def _cells(self, spec: Spec, value: Any) -> dict[str, Any]:
        """The columns of one field ``value``."""
        if value is None or (type(value) is tuple and not value):
            return spec.empty
        if type(value) is str:
            return spec.typed(value)
        return self._of(spec, value)

    def _of(self, spec: Spec, value: Any) -> dict[str, Any]:
        try:
            columns = self._columns.get((spec.key, value))
        except TypeError:  # a value that cannot be a key: worked out each time
            return spec.typed(self._unstructure(value))
        if columns is None:
            columns = spec.typed(self._unstructure(value))
            if len(self._columns) >= _MAX_VALUES:  # ever new values: start again
                self._columns.clear()
            self._columns[spec.key, value] = columns
        return columns


#: Distinct field values whose columns are kept at once.
_MAX_VALUES: Final = 1 << 16


@functools.cache
def _specs(cls: type[Event]) -> dict[str, Spec]:
    return {spec.key: spec for spec in specs_of(cls)}


@functools.cache
def _empty_row(cls: type[Event]) -> dict[str, Any]:
    """The flat row of an event of ``cls`` with no field set (the required ones: dummies,
    every part sets them)."""
    empty = CodedEvent(scheme="-", code="-") if cls is CodedEvent else cls()
    return flat_row(empty)


def _warnings(said: Sequence[Any]) -> Warnings:
    """The typed reader's warnings, kept as arrays per file (see :class:`Warnings`)."""
    warnings = Warnings()
    for file, group in groupby(said, key=lambda warning: warning.file):
        entries = [(w.row, w.code, w.message, w.column, w.line) for w in group]
        warnings.extend(Found.of(entries), file)
    return warnings
