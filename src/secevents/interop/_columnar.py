"""A dataset's rows straight to Arrow columns, without building an event per row.

The file is parsed by Arrow's CSV reader (in C++, all cells as text). A row's event
is made of parts, each read from a few cells: a date, a place, the actors and the
code. Each part is worked out once per distinct tuple of its cells, by the same
functions the typed reader uses (so the same values, and the same warnings, said
again for every row that has those cells); its flat columns (:func:`~.frames.to_arrow`'s)
are made for the distinct values and spread over the rows with ``take``. Only the
event id is made per row. The columns no field stands for are kept as columns,
named ``<dataset>_<column>``.

A file Arrow's reader cannot read as the format says (a row of the wrong length, a
line that does not decode, a record without an id), or a part no event accepts, is
read by the typed reader instead and its events converted: the same table and
warnings, at the typed reader's speed.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Sequence
from typing import Any, Final

import attrs

from ..limits import DEFAULT_LIMITS, Limits
from ..model.coded import CodedEvent
from ..model.events import Event
from ..model.registry import registry
from ..wire.serialize import to_dict
from ._arrow_csv import NeedsTypedReaderError, no_formulas
from ._arrow_warnings import Found, Said, Warnings, found_in_parts
from ._columns import Spec, specs_of, typed_row
from ._files import file_list
from ._keep import ORIGINAL, kept_columns
from ._row_ids import row_ids
from ._rows import EventReader, ReadStats, Warn
from ._tabular import cells_of
from .frames import _require, arrow_schema, rows_batch

__all__ = [
    "ArrowRead",
    "ColumnarFormat",
    "Part",
    "Warnings",
    "cells_part",
    "flat_row",
    "named_files",
    "read_columnar",
]

#: Joins a part's cells into one text to find the distinct tuples (no cell holds it).
_SEP: Final = "\x1f"
_TEMPLATE_ID: Final = "00000000-0000-5000-8000-000000000000"


@attrs.frozen
class Part:
    """A part of an event read from ``columns``: ``read(cells, warn)`` gives the event's
    ``fields`` (a dict; the class part gives ``"__class__"`` too) and the cells to keep
    in place of the row's (``kept``: padded codes), or raises :class:`NeedsTypedReaderError`."""

    columns: tuple[str, ...]
    read: Callable[[tuple[str, ...], Warn], tuple[dict[str, Any], dict[str, str]]]
    fields: tuple[str, ...] = ()


def cells_part(
    columns: tuple[str, ...],
    read: Callable[[Callable[[str], str], Warn], dict[str, Any]],
    *fields: str,
) -> Part:
    """A part reading ``columns`` through a cell reader (:func:`~._tabular.cells_of`:
    stripped text) as the UCDP and ACLED readers read a row, and giving ``fields``."""

    def part(key: tuple[str, ...], warn: Warn) -> tuple[dict[str, Any], dict[str, str]]:
        return read(cells_of(dict(zip(columns, key, strict=True))), warn), {}

    return Part(columns, part, fields)


@attrs.frozen
class ColumnarFormat:
    """How one dataset's rows become Arrow columns.

    ``coded`` is the part that decides the event's class: it gives every column no
    other part gives (the class's own columns and defaults); ``parts`` the others, in
    the order the typed reader warns. ``record_text(compute, columns)`` makes the text
    each row's id is made from out of the ``record`` columns (``pyarrow.compute`` given;
    ``None`` or an empty text: the file needs the typed reader). ``kept`` are the columns kept as
    columns (and any a file has beyond the format's ``columns``); ``typed`` reads a
    file the typed way; ``parse`` reads it for Arrow (:func:`parse_csv`). A file
    without some of ``columns`` reads them as empty when ``lacking`` (else the typed
    reader, which warns of them, reads it). ``coded_last``: the typed reader says the
    class part's warnings after the others'.
    """

    dataset: str
    coded: Part
    parts: tuple[Part, ...]
    record: tuple[str, ...]
    record_text: Callable[[Any, list[Any]], Any]
    kept: tuple[str, ...]
    columns: tuple[str, ...]
    parse: Callable[[str], Any]
    typed: Callable[..., EventReader[Any]]
    lacking: bool = True
    coded_last: bool = False


@attrs.define
class ArrowRead:
    """What a columnar read gives: the ``table`` (a ``pyarrow.Table`` of
    :func:`~secevents.interop.to_arrow`'s columns plus the kept ones), the ``warnings``
    (:class:`~secevents.interop.RowWarning`, as the typed reader gives them, without
    line numbers) and the counts (``stats``)."""

    table: Any
    warnings: Warnings = attrs.field(factory=lambda: Warnings())
    stats: ReadStats = attrs.field(factory=ReadStats)


def read_columnar(
    form: ColumnarFormat,
    source: str | os.PathLike[str] | Sequence[str | os.PathLike[str]],
    *,
    max_warnings: int | None = 100_000,
    limits: Limits = DEFAULT_LIMITS,
) -> ArrowRead:
    """The rows of the files ``source`` names (a path, a list, a glob, a directory) as Arrow."""
    pa = _require("pyarrow", "arrow")
    paths = named_files(source, "read rows in Python with the typed reader")
    kinds, schema = arrow_schema()
    for column in form.kept:
        schema = schema.append(pa.field(f"{form.dataset}_{column}", pa.string()))
    result = ArrowRead(pa.table({f.name: pa.array([], f.type) for f in schema}, schema=schema))
    tables = []
    seen: dict[str, int] = {}
    for path in paths:
        file = path if len(paths) > 1 else None
        distinct: bool | None = None
        try:
            table, found, lines, distinct = _columns(form, path, kinds, schema, result.stats.rows)
        except NeedsTypedReaderError:
            table, found, lines = _typed(form, path, kinds, schema, result.stats.rows, limits)
        tables.append(table)
        _count(result, table, found, lines, seen, file, max_warnings, distinct)
    if tables:
        result.table = pa.concat_tables(tables, promote_options="default")
    return result


def named_files(source: object, instead: str) -> list[str]:
    """The files ``source`` names (see :func:`~._files.file_list`); rows given in Python
    raise ``TypeError`` saying what to do ``instead``."""
    paths = file_list(source)
    if paths is None:
        raise TypeError(
            f"source must name files (a path, a list of paths, a glob), "
            f"not {type(source).__name__}: {instead}"
        )
    return paths


def _count(
    result: ArrowRead,
    table: Any,
    found: Found,
    lines: Any,
    seen: dict[str, int],
    file: str | None,
    max_warnings: int | None,
    distinct: bool | None = None,
) -> None:
    """Add a file's rows, warnings and duplicate ids to ``result`` (``seen``: the ids of
    the files before, kept when ``file`` is one of many; ``lines``: the line of each row,
    -1 where not known, or ``None``; ``distinct``: whether the ids are known to differ)."""
    many = file is not None
    stats = result.stats
    start = stats.rows
    compute = _require("pyarrow.compute", "arrow")
    column = table.column("id")
    count = table.num_rows
    duplicates: list[tuple[int, str, str, str | None, int | None]] = []
    repeated = compute.count_distinct(column).as_py() != count if distinct is None else not distinct
    if repeated and not many:  # the rows whose id a row before has, on whole arrays
        for index, ident, first in _repeated_ids(compute, column, start):
            duplicates.append(_duplicate(index, ident, first, lines, start))
    elif repeated or (seen and compute.any(compute.is_in(column, value_set=_known(seen))).as_py()):
        for index, ident in enumerate(column.to_pylist(), start=start + 1):
            first = seen.setdefault(ident, index)
            if first != index:
                duplicates.append(_duplicate(index, ident, first, lines, start))
    elif many:
        seen.update(zip(column.to_pylist(), range(start + 1, start + 1 + count), strict=True))
    coded = compute.sum(compute.equal(table.column("type"), "coded_event")).as_py() or 0
    skipped = found.count("skipped_row")
    stats.coded += coded
    stats.mapped += count - coded
    stats.rows += count + skipped
    stats.events += count
    stats.skipped += skipped
    stats.duplicate_ids += len(duplicates)
    everything = found.merged(Found.of(duplicates)) if duplicates else found
    stats.warned += everything.rows_warned()
    room = len(everything) if max_warnings is None else max_warnings - len(result.warnings)
    room = max(0, min(room, len(everything)))
    result.warnings.extend(everything.head(room), file)
    stats.warnings_dropped += len(everything) - room


def _repeated_ids(compute: Any, column: Any, start: int) -> list[tuple[int, str, int]]:
    """Each row (counted from ``start`` + 1) whose id an earlier row of ``column`` has:
    the row, the id and that earlier row."""
    import numpy

    encoded = compute.dictionary_encode(column.combine_chunks())
    indices = encoded.indices.to_numpy(zero_copy_only=False)
    # The dictionary lists the ids as they first come: a row holds an id first when its
    # index is past every index before it.
    first = numpy.ones(len(indices), dtype=bool)
    first[1:] = indices[1:] > numpy.maximum.accumulate(indices)[:-1]
    first_rows = numpy.flatnonzero(first)
    again = numpy.flatnonzero(~first)
    idents = encoded.dictionary.take(indices[again]).to_pylist()
    earlier = first_rows[indices[again]]
    return [
        (int(row) + start + 1, ident, int(before) + start + 1)
        for row, ident, before in zip(again, idents, earlier, strict=True)
    ]


def _duplicate(
    index: int, ident: str, first: int, lines: Any, start: int
) -> tuple[int, str, str, str | None, int | None]:
    """The ``duplicate_id`` warning of row ``index``, whose id row ``first`` has too."""
    line = None if lines is None else int(lines[index - start - 1])
    return (
        index,
        "duplicate_id",
        f"{ident} is the id of row {first} too: two rows read as one record "
        "(a record id given twice?)",
        None,
        None if line is None or line < 0 else line,
    )


def _known(seen: dict[str, int]) -> Any:
    pa = _require("pyarrow", "arrow")
    return pa.array(list(seen), pa.string())


def _typed(
    form: ColumnarFormat, path: str, kinds: dict[str, str], schema: Any, start: int, limits: Limits
) -> tuple[Any, Found, Any]:
    """A file read by the typed reader, its events converted (see the module's docstring),
    its warnings, and the line of each row as far as they tell it."""
    pa = _require("pyarrow", "arrow")
    reader = form.typed(path, max_warnings=None, limits=limits)
    events = list(reader)
    batch = rows_batch(pa, [flat_row(event) for event in events], kinds, _base(schema, form))
    kept = [kept_columns(event, form.dataset) for event in events]
    known = set(form.columns)
    beyond = {c: None for k in kept for c in k if c not in known and not c.startswith("_")}
    columns = list(batch.columns)
    fields = list(schema)
    for column in [*form.kept, *beyond]:
        values = [k.get(column, k.get(ORIGINAL, {}).get(column)) for k in kept]
        columns.append(pa.array([v if isinstance(v, str) else None for v in values], pa.string()))
        if column in beyond:
            fields.append(pa.field(f"{form.dataset}_{column}", pa.string()))
    table = pa.Table.from_arrays(columns, schema=pa.schema(fields))
    import numpy

    said = [(start + w.row, w.code, w.message, w.column, w.line) for w in reader.warnings]
    lines = numpy.full(len(events), -1, numpy.int64)
    if reader.stats.skipped == 0:  # then row r is event r
        for row, _, _, _, line in said:
            if line is not None:
                lines[row - start - 1] = line
    return table, Found.of([entry for entry in said if entry[1] != "duplicate_id"]), lines


def _base(schema: Any, form: ColumnarFormat) -> Any:
    kept = {f"{form.dataset}_{column}" for column in form.kept}
    pa = _require("pyarrow", "arrow")
    return pa.schema([field for field in schema if field.name not in kept])


def flat_row(event: Event, specs: Sequence[Spec] | None = None) -> dict[str, Any]:
    """The flat row of ``event`` (only the columns of ``specs`` when given)."""
    return typed_row(
        to_dict(event), specs_of(registry.get(event.type_tag)) if specs is None else specs
    )


def _columns(
    form: ColumnarFormat, path: str, kinds: dict[str, str], schema: Any, start: int
) -> tuple[Any, Found, Any, bool]:
    """The file's table, warnings, the line of each row (or ``None``: not needed) and
    whether its ids surely differ."""
    pa = _require("pyarrow", "arrow")
    compute = _require("pyarrow.compute", "arrow")
    parsed = form.parse(path)
    table = parsed.table
    count = table.num_rows
    lacked = [column for column in form.columns if column not in table.column_names]
    if lacked and not form.lacking:
        raise NeedsTypedReaderError("columns missing")  # the typed reader warns of them
    for column in lacked:  # read as empty, as the typed reader reads them
        table = table.append_column(column, pa.repeat("", count).cast(pa.string()))
    base = _base(schema, form)
    given = {name for part in form.parts for name in _part_names(part)}
    class_names = [name for name in kinds if name not in given and name != "id"]
    parts = (form.coded, *form.parts)
    # One thread: the work on whole columns in a pool of threads beside this one's
    # took more CPU time than it gave back in wall time (the GIL passed to and fro).
    no_formulas(compute, table)  # raises NeedsTypedReaderError, before any part is read
    warned_parts: list[tuple[Any, dict[int, list[Said]], int]] = []
    out: dict[str, Any] = {}
    empty_lists: dict[Any, Any] = {}
    warned_any = False
    for order, part in enumerate(parts):
        keys, indices = _distinct(pa, compute, table, part.columns)
        names = class_names if order == 0 else _part_names(part)
        rows, cells, warned = _read_part(part, keys, None if order == 0 else _part_specs(part))
        batch = rows_batch(pa, rows, kinds, pa.schema([base.field(name) for name in names]))
        spread = _Spread(pa, indices, count, empty_lists)
        for name in names:
            out[name] = spread(batch.column(name))
        for column in {c for over in cells for c in over}:  # padded codes
            values = pa.array([over.get(column) for over in cells], pa.string())
            out[f"kept:{column}"] = values.take(indices)
        if warned:
            ranked = len(form.parts) + 1 if order == 0 and form.coded_last else order
            warned_parts.append((indices.to_numpy(zero_copy_only=False), warned, ranked))
            warned_any = True
    ids, unique = row_ids(pa, form.dataset, _records(pa, compute, table, form, count))
    out["id"] = compute.binary_join_element_wise(out["type"], ids, "--")
    columns = [out[field.name] for field in base]
    for column in form.kept:
        values = out.get(f"kept:{column}")
        if column in lacked:
            values = pa.nulls(count, pa.string())
        columns.append(table.column(column) if values is None else values)
    layout = list(schema)
    for column in table.column_names:
        if column not in form.columns and column not in lacked:  # beyond the format's: kept
            columns.append(table.column(column))
            layout.append(pa.field(f"{form.dataset}_{column}", pa.string()))
    found = found_in_parts(warned_parts, start)
    if not unique:
        unique = compute.count_distinct(out["id"]).as_py() == count
    lines = parsed.lines() if warned_any or not unique else None  # for the warnings, repeats
    table = pa.Table.from_arrays(columns, schema=pa.schema(layout))
    return table, found.with_lines(lines, start), lines, unique


def _read_part(
    part: Part, keys: list[tuple[str, ...]], specs: Sequence[Spec] | None
) -> tuple[list[dict[str, Any]], list[dict[str, str]], dict[int, list[Said]]]:
    """Each distinct ``keys``' flat row (see :func:`_template`), cells kept in place of
    the row's, and what was said of the keys that gave warnings (by their index)."""
    rows: list[dict[str, Any]] = []
    cells: list[dict[str, str]] = []
    warned: dict[int, list[Said]] = {}
    for number, key in enumerate(keys):
        notes: list[Said] = []

        def note(code: str, message: str, *, column: str | None = None) -> None:
            notes.append((code, message, column))  # noqa: B023 (used at once)

        fields, over = part.read(key, note)
        rows.append(_template(fields, specs))
        cells.append(over)
        if notes:
            warned[number] = notes
    return rows, cells, warned


class _Spread:
    """One part's values (one per distinct key) for each row: ``values.take(indices)``,
    without the work when every value is one (a column of the other event types: all
    empty); list columns are built from their offsets (Arrow's list ``take`` is many
    times slower), and the items each row takes are worked out once for the columns
    whose lists have the same lengths (a source's name, publisher and date)."""

    def __init__(self, pa: Any, indices: Any, count: int, empty: dict[Any, Any]) -> None:
        self.pa, self.indices, self.count = pa, indices, count
        self._rows: Any = None
        self._items: dict[bytes, tuple[Any, Any]] = {}
        self._empty = empty  # a column of empty lists of each type, for every part of a file

    def __call__(self, values: Any) -> Any:
        pa = self.pa
        if values.null_count == len(values):
            return pa.nulls(self.count, values.type)
        if pa.types.is_list(values.type):
            return self._lists(values)
        if len(values) == 1 or values.to_pylist().count(values[0].as_py()) == len(values):
            return pa.repeat(values[0], self.count)
        return values.take(self.indices)

    def _lists(self, values: Any) -> Any:
        pa = self.pa
        try:
            import numpy
        except ImportError:  # pragma: no cover (pyarrow without numpy)
            return values.take(self.indices)
        bounds = values.offsets.to_numpy(zero_copy_only=False)
        if bounds[0] == bounds[-1] and not values.null_count:  # every list empty: one array
            empty = self._empty.get(values.type)
            if empty is None:
                offsets = pa.array(numpy.zeros(self.count + 1, dtype=numpy.int32))
                empty = pa.ListArray.from_arrays(
                    offsets, values.values.slice(0, 0), type=values.type
                )
                self._empty[values.type] = empty
            return empty
        lengths = numpy.diff(bounds)
        known = self._items.get(lengths.tobytes())
        if known is None:
            if self._rows is None:
                self._rows = self.indices.to_numpy(zero_copy_only=False)
            rows = self._rows
            starts, taken = bounds[:-1][rows] - bounds[0], lengths[rows]
            offsets = numpy.zeros(len(rows) + 1, dtype=numpy.int32)
            numpy.cumsum(taken, out=offsets[1:])
            items = numpy.repeat(starts - offsets[:-1], taken) + numpy.arange(offsets[-1])
            known = self._items[lengths.tobytes()] = (pa.array(offsets), pa.array(items))
        offsets, items = known
        flat = values.values.slice(int(bounds[0]), int(bounds[-1] - bounds[0])).take(items)
        return pa.ListArray.from_arrays(offsets, flat, type=values.type)


def _template(fields: dict[str, Any], specs: Sequence[Spec] | None) -> dict[str, Any]:
    """The flat row of an event holding only ``fields``: the class part's (``specs``
    ``None``: every column of its class), or another part's (the columns of ``specs``)."""
    coded = specs is None
    values = dict(fields)
    cls: type[Event] = values.pop("__class__") if coded else CodedEvent
    if not coded:  # a carrier of common fields
        values.update(scheme="-", code="-")
    tag = cls.type_tag
    try:
        event = cls(id=f"{tag}--{_TEMPLATE_ID}", **values)
    except (ValueError, TypeError) as error:  # FieldError is a ValueError
        raise NeedsTypedReaderError(str(error)) from None
    return flat_row(event, specs)


def _part_specs(part: Part) -> tuple[Spec, ...]:
    """The specs of the fields a part (not the class part) gives."""
    # CodedEvent: the carrier of a part's fields (see _template).
    return tuple(spec for spec in specs_of(CodedEvent) if spec.key in part.fields)


def _part_names(part: Part) -> list[str]:
    """The flat columns of the fields a part (not the class part) gives."""
    return [name for spec in _part_specs(part) for name, _ in spec.columns]


def _distinct(
    pa: Any, compute: Any, table: Any, columns: tuple[str, ...]
) -> tuple[list[tuple[str, ...]], Any]:
    """The distinct tuples of ``columns``' cells, and each row's index into them."""
    if len(columns) == 1:
        joined = table.column(columns[0])
    else:
        joined = compute.binary_join_element_wise(*[table.column(c) for c in columns], _SEP)
    encoded = compute.dictionary_encode(joined.combine_chunks())
    texts = encoded.dictionary.to_pylist()
    keys = [tuple(text.split(_SEP)) if len(columns) > 1 else (text,) for text in texts]
    if any(len(key) != len(columns) for key in keys):
        raise NeedsTypedReaderError("a cell holds the separator")
    return keys, encoded.indices


def _records(pa: Any, compute: Any, table: Any, form: ColumnarFormat, count: int) -> Any:
    """The text each row's id is made from (see :class:`ColumnarFormat`)."""
    texts = form.record_text(compute, [table.column(c) for c in form.record])
    if texts is None or compute.any(compute.equal(texts, "")).as_py():
        raise NeedsTypedReaderError("a record without an id")
    return texts.combine_chunks() if hasattr(texts, "combine_chunks") else texts
