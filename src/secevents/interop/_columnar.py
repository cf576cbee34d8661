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

import hashlib
import operator
import os
from collections.abc import Callable, Sequence
from concurrent.futures import ThreadPoolExecutor
from typing import Any, Final, overload

import attrs

from ..limits import DEFAULT_LIMITS, Limits
from ..model.coded import CodedEvent
from ..model.events import Event
from ..model.ids import ID_NAMESPACE
from ..model.registry import registry
from ..wire.serialize import to_dict
from ._arrow_csv import NeedsTypedReaderError, no_formulas
from ._columns import specs_of, typed_row
from ._files import file_list
from ._keep import ORIGINAL, kept_columns
from ._rows import EventReader, ReadStats, RowWarning, Warn
from ._tabular import cells_of
from .frames import _require, arrow_schema, rows_batch

__all__ = ["ArrowRead", "ColumnarFormat", "Part", "Warnings", "cells_part", "read_columnar"]

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


class Warnings(Sequence[RowWarning]):
    """A read's warnings, made into :class:`~secevents.interop.RowWarning` objects when
    looked at (a million rows may have a hundred thousand warnings kept)."""

    def __init__(self) -> None:
        self._said: list[tuple[int, str, str, str | None]] = []
        self._files: list[tuple[int, str | None]] = []  # (first index, file) runs

    def extend(self, said: list[tuple[int, str, str, str | None]], file: str | None) -> None:
        """Keep ``said`` (``(row, code, message, column)``), from ``file``."""
        self._files.append((len(self._said), file))
        self._said.extend(said)

    def __len__(self) -> int:
        return len(self._said)

    @overload
    def __getitem__(self, index: int) -> RowWarning: ...

    @overload
    def __getitem__(self, index: slice) -> list[RowWarning]: ...

    def __getitem__(self, index: int | slice) -> RowWarning | list[RowWarning]:
        if isinstance(index, slice):
            return [self[i] for i in range(*index.indices(len(self)))]
        if index < 0:
            index += len(self)
        row, code, message, column = self._said[index]  # IndexError past the end
        file = next(name for start, name in reversed(self._files) if start <= index)
        return RowWarning(row, code, message, column=column, file=file)

    def __eq__(self, other: object) -> bool:
        if isinstance(other, Warnings | list):
            return list(self) == list(other)
        return NotImplemented

    __hash__ = None  # type: ignore[assignment]

    def __repr__(self) -> str:
        return f"<{len(self)} warnings>"


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
    paths = file_list(source)
    if paths is None:
        raise TypeError(
            f"source must name files (a path, a list of paths, a glob), "
            f"not {type(source).__name__}: read rows in Python with the typed reader"
        )
    kinds, schema = arrow_schema()
    for column in form.kept:
        schema = schema.append(pa.field(f"{form.dataset}_{column}", pa.string()))
    result = ArrowRead(pa.table({f.name: pa.array([], f.type) for f in schema}, schema=schema))
    tables = []
    seen: dict[str, int] = {}
    for path in paths:
        file = path if len(paths) > 1 else None
        try:
            table, said = _columns(form, path, kinds, schema, result.stats.rows)
        except NeedsTypedReaderError:
            table, said = _typed(form, path, kinds, schema, result.stats.rows, limits)
        tables.append(table)
        _count(result, table, said, seen, file, max_warnings)
    if tables:
        result.table = pa.concat_tables(tables, promote_options="default")
    return result


Said = list[tuple[int, str, str, "str | None"]]


def _count(
    result: ArrowRead,
    table: Any,
    said: Said,
    seen: dict[str, int],
    file: str | None,
    max_warnings: int | None,
) -> None:
    """Add a file's rows, warnings and duplicate ids to ``result`` (``seen``: the ids of
    the files before, kept when ``file`` is one of many)."""
    many = file is not None
    stats = result.stats
    start = stats.rows
    compute = _require("pyarrow.compute", "arrow")
    column = table.column("id")
    count = table.num_rows
    duplicates: Said = []
    repeated = compute.count_distinct(column).as_py() != count
    if repeated or (seen and compute.any(compute.is_in(column, value_set=_known(seen))).as_py()):
        for index, ident in enumerate(column.to_pylist(), start=start + 1):
            first = seen.setdefault(ident, index)
            if first != index:
                duplicates.append(
                    (
                        index,
                        "duplicate_id",
                        f"{ident} is the id of row {first} too: two rows read as one record "
                        "(a record id given twice?)",
                        None,
                    )
                )
    elif many:
        seen.update(zip(column.to_pylist(), range(start + 1, start + 1 + count), strict=True))
    coded = compute.sum(compute.equal(table.column("type"), "coded_event")).as_py() or 0
    stats.coded += coded
    stats.mapped += count - coded
    stats.rows += count + sum(1 for entry in said if entry[1] == "skipped_row")
    stats.events += count
    stats.skipped += sum(1 for entry in said if entry[1] == "skipped_row")
    stats.duplicate_ids += len(duplicates)
    everything = sorted([*said, *duplicates], key=lambda entry: entry[0]) if duplicates else said
    stats.warned += len({entry[0] for entry in everything})
    room = len(everything) if max_warnings is None else max_warnings - len(result.warnings)
    room = max(0, min(room, len(everything)))
    result.warnings.extend(everything[:room], file)
    stats.warnings_dropped += len(everything) - room


def _known(seen: dict[str, int]) -> Any:
    pa = _require("pyarrow", "arrow")
    return pa.array(list(seen), pa.string())


def _typed(
    form: ColumnarFormat, path: str, kinds: dict[str, str], schema: Any, start: int, limits: Limits
) -> tuple[Any, Said]:
    """A file read by the typed reader, its events converted (see the module's docstring)."""
    pa = _require("pyarrow", "arrow")
    reader = form.typed(path, max_warnings=None, limits=limits)
    events = list(reader)
    batch = rows_batch(pa, [_flat(event) for event in events], kinds, _base(schema, form))
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
    said = [(start + w.row, w.code, w.message, w.column) for w in reader.warnings]
    return table, [entry for entry in said if entry[1] != "duplicate_id"]


def _base(schema: Any, form: ColumnarFormat) -> Any:
    kept = {f"{form.dataset}_{column}" for column in form.kept}
    pa = _require("pyarrow", "arrow")
    return pa.schema([field for field in schema if field.name not in kept])


def _flat(event: Event) -> dict[str, Any]:
    return typed_row(to_dict(event), specs_of(registry.get(event.type_tag)))


def _columns(
    form: ColumnarFormat, path: str, kinds: dict[str, str], schema: Any, start: int
) -> tuple[Any, Said]:
    pa = _require("pyarrow", "arrow")
    compute = _require("pyarrow.compute", "arrow")
    table = form.parse(path)
    no_formulas(compute, table)
    count = table.num_rows
    lacked = [column for column in form.columns if column not in table.column_names]
    if lacked and not form.lacking:
        raise NeedsTypedReaderError("columns missing")  # the typed reader warns of them
    for column in lacked:  # read as empty, as the typed reader reads them
        table = table.append_column(column, pa.repeat("", count).cast(pa.string()))
    base = _base(schema, form)
    found: list[tuple[int, int, str, str, str | None]] = []
    out: dict[str, Any] = {}
    kept_over: dict[str, Any] = {}
    given = {name for part in form.parts for name in _part_names(part)}
    class_names = [name for name in kinds if name not in given and name != "id"]
    spreads: list[tuple[str, Any, Any]] = []
    for order, part in enumerate((form.coded, *form.parts)):
        ranked = len(form.parts) + 1 if order == 0 and form.coded_last else order
        keys, indices = _distinct(pa, compute, table, part.columns)
        rows: list[dict[str, Any]] = []
        cells: list[dict[str, str]] = []
        warned: dict[int, list[tuple[str, str, str | None]]] = {}
        for number, key in enumerate(keys):
            notes: list[tuple[str, str, str | None]] = []

            def note(code: str, message: str, *, column: str | None = None) -> None:
                notes.append((code, message, column))  # noqa: B023 (used at once)

            fields, over = part.read(key, note)
            rows.append(_template(fields, order == 0))
            cells.append(over)
            if notes:
                warned[number] = notes
        batch = rows_batch(pa, rows, kinds, base)
        for name in class_names if order == 0 else _part_names(part):
            spreads.append((name, batch.column(name), indices))
        for column in {c for over in cells for c in over}:
            values = pa.array([over.get(column) for over in cells], pa.string())
            kept_over[column] = values.take(indices)
        if warned:
            found += _warnings_of(compute, pa, indices, warned, start, ranked)
    # Arrow and numpy let go of the interpreter while they copy: the columns are spread
    # in other threads while this one hashes the ids.
    with ThreadPoolExecutor(max_workers=min(4, os.cpu_count() or 1)) as pool:
        done = pool.map(lambda job: _spread(pa, job[1], job[2], count), spreads)
        records = _records(pa, compute, table, form, count)
        ids = _ids(pa, compute, form.dataset, records)
        out.update(zip([name for name, _, _ in spreads], done, strict=True))
    out["id"] = compute.binary_join_element_wise(out["type"], ids, "--")
    columns = [out[field.name] for field in base]
    for column in form.kept:
        values = kept_over.get(column)
        if column in lacked:
            values = pa.nulls(count, pa.string())
        columns.append(table.column(column) if values is None else values)
    layout = list(schema)
    for column in table.column_names:
        if column not in form.columns and column not in lacked:  # beyond the format's: kept
            columns.append(table.column(column))
            layout.append(pa.field(f"{form.dataset}_{column}", pa.string()))
    found.sort(key=lambda entry: entry[:2])  # stable: a part's warnings stay in order
    said = [(row, code, message, column) for row, _, code, message, column in found]
    return pa.Table.from_arrays(columns, schema=pa.schema(layout)), said


def _spread(pa: Any, values: Any, indices: Any, count: int) -> Any:
    """``values`` (one per distinct key) for each row: ``values.take(indices)``, without the
    work when every value is one (a column of the other event types: all empty)."""
    if values.null_count == len(values):
        return pa.nulls(count, values.type)
    if pa.types.is_list(values.type):
        return _spread_lists(pa, values, indices)
    if len(values) == 1 or values.to_pylist().count(values[0].as_py()) == len(values):
        return pa.repeat(values[0], count)
    return values.take(indices)


def _spread_lists(pa: Any, values: Any, indices: Any) -> Any:
    """``values.take(indices)`` for a list column, built from its offsets (Arrow's list
    ``take`` is many times slower)."""
    try:
        import numpy
    except ImportError:  # pragma: no cover (pyarrow without numpy)
        return values.take(indices)
    rows = indices.to_numpy(zero_copy_only=False)
    bounds = values.offsets.to_numpy(zero_copy_only=False)
    starts, lengths = bounds[:-1][rows], numpy.diff(bounds)[rows]
    offsets = numpy.zeros(len(rows) + 1, dtype=numpy.int32)
    numpy.cumsum(lengths, out=offsets[1:])
    items = numpy.repeat(starts - offsets[:-1], lengths) + numpy.arange(offsets[-1])
    flat = values.values.take(pa.array(items))
    return pa.ListArray.from_arrays(pa.array(offsets), flat, type=values.type)


def _template(fields: dict[str, Any], coded: bool) -> dict[str, Any]:
    """The flat row of an event holding only ``fields`` (its class's, for the class part)."""
    values = dict(fields)
    cls: type[Event] = values.pop("__class__") if coded else CodedEvent
    if not coded:  # a carrier of common fields
        values.update(scheme="-", code="-")
    tag = cls.type_tag
    try:
        event = cls(id=f"{tag}--{_TEMPLATE_ID}", **values)
    except (ValueError, TypeError) as error:  # FieldError is a ValueError
        raise NeedsTypedReaderError(str(error)) from None
    return _flat(event)


def _part_names(part: Part) -> list[str]:
    """The flat columns of the fields a part (not the class part) gives."""
    specs = specs_of(CodedEvent)  # the carrier of a part's fields (see _template)
    return [name for spec in specs if spec.key in part.fields for name, _ in spec.columns]


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


def _warnings_of(
    compute: Any,
    pa: Any,
    indices: Any,
    warned: dict[int, list[tuple[str, str, str | None]]],
    start: int,
    order: int,
) -> list[tuple[int, int, str, str, str | None]]:
    """The warnings of the rows whose part had some, as ``(row, part, code, message, column)``."""
    chosen = compute.is_in(indices, value_set=pa.array(list(warned), indices.type))
    rows = compute.indices_nonzero(chosen)
    found = []
    for row, key in zip(rows.to_pylist(), indices.take(rows).to_pylist(), strict=True):
        for code, message, column in warned[key]:
            found.append((start + row + 1, order, code, message, column))
    return found


def _records(pa: Any, compute: Any, table: Any, form: ColumnarFormat, count: int) -> Any:
    """The text each row's id is made from (see :class:`ColumnarFormat`)."""
    texts = form.record_text(compute, [table.column(c) for c in form.record])
    if texts is None or compute.any(compute.equal(texts, "")).as_py():
        raise NeedsTypedReaderError("a record without an id")
    return texts.combine_chunks() if hasattr(texts, "combine_chunks") else texts


def _ids(pa: Any, compute: Any, dataset: str, records: Any) -> Any:
    """The UUID part of :func:`~._rows.dataset_event_id` of each row (the type, which
    does not enter the UUID, goes before it)."""
    prefix = pa.scalar(ID_NAMESPACE.bytes + f"{dataset}:".encode(), pa.binary())
    names = compute.binary_join_element_wise(prefix, records.cast(pa.binary()), b"")
    digests = map(operator.methodcaller("hexdigest"), map(hashlib.sha1, names.to_pylist()))
    variant = _VARIANT
    # RFC 4122 version 5: the version digit is 5, the variant bits 10 (8, 9, a or b).
    return pa.array(
        [f"{t[:8]}-{t[8:12]}-5{t[13:16]}-{variant[t[16]]}{t[17:20]}-{t[20:32]}" for t in digests],
        pa.string(),
    )


_VARIANT: Final = {f"{n:x}": f"{(n & 0x3) | 0x8:x}" for n in range(16)}
