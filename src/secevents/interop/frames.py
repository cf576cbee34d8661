"""Events as tables for analysis: a pandas DataFrame, an Arrow table.

The columns are those of the flat CSV (:mod:`secevents.interop.flat`) without
``json``, typed: dates as day bounds plus precision, counts as nullable
integers, actors and sources as lists. pandas and pyarrow are optional extras,
imported only when these functions run. The Parquet event store
(:mod:`secevents.interop.parquet`) writes these columns plus each event's wire JSON.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Iterator
from itertools import chain, islice
from typing import TYPE_CHECKING, Any, Final

from ..model.events import Event
from ..model.registry import registry
from ..wire.serialize import _encode, to_dict
from ._columns import BUILT_IN, csv_columns, own_specs, specs_of, typed_row

if TYPE_CHECKING:
    import pandas as pd

__all__ = ["arrow_schema", "event_batches", "to_arrow", "to_dataframe"]

#: Columns whose values come from a small vocabulary: categorical in pandas.
_CATEGORIES: Final = frozenset(
    {"type", "date_precision", "factuality", "location_precision", "country", "border_with"}
)
_PANDAS_DTYPES: Final = {
    "str": "string",
    "int": "Int64",
    "float": "Float64",
    "bool": "boolean",
    "decimal": "Float64",
}


def _require(module: str, extra: str) -> Any:
    try:
        return __import__(module, fromlist=["_"])
    except ImportError:
        raise ImportError(
            f"this exporter needs {module.split('.')[0]}: pip install 'secevents[{extra}]'"
        ) from None


def _kinds(types: Iterable[type[Event]]) -> dict[str, str]:
    """The kind of every column of ``types`` (without ``json``); ``str`` where types disagree."""
    kinds: dict[str, str] = {"type": "str"}
    for spec in specs_of(None):
        kinds.update(spec.columns)
    for cls in types:
        for spec in own_specs(cls):
            for name, kind in spec.columns:
                kinds[name] = kind if kinds.setdefault(name, kind) == kind else "str"
    order = [name for name in csv_columns(types) if name in kinds]
    return {name: kinds[name] for name in order}


def _rows(events: Iterable[Event], wire: str | None = None) -> Iterator[dict[str, Any]]:
    """The typed row of each event; with its wire JSON text under ``wire`` when given."""
    for event in events:
        data = to_dict(event)
        row = typed_row(data, specs_of(registry.get(event.type_tag)))
        if wire is not None:
            row[wire] = _encode(data).decode()
        yield row


def _cell(kind: str, value: Any) -> Any:
    """A value fitted to its column's kind (a shared column may hold another type's value)."""
    if value is None:
        return [] if kind == "list" else None
    if kind == "str" and not isinstance(value, str):
        return str(value)
    return value


def to_dataframe(
    events: Iterable[Event], *, types: Iterable[type[Event]] | None = None
) -> pd.DataFrame:
    """One row per event, typed columns (needs the ``pandas`` extra).

    The columns are the common ones and those of ``types`` (default: the types
    present; pass ``types`` so that frames built in chunks line up): ``date_start``
    and ``date_end`` are ``datetime64[s]`` day bounds (``NaT`` when open) with
    ``date_precision``; quantities ``<field>_value/_low/_high`` as ``Int64``;
    actors per role as lists of codes (``None`` for an actor without one) with a
    ``<role>_names`` list; money amounts as ``Float64``; ``type`` categorical.

    >>> import secevents as se
    >>> ev = se.Statement(speaker=se.Actor.state("TJK"), date=se.DateSpan.parse("2021-10"))
    >>> df = to_dataframe([ev])
    >>> df.loc[0, "speaker"], str(df.loc[0, "date_end"].date()), str(df["type"].dtype)
    (['TJK'], '2021-10-31', 'category')
    """
    pandas = _require("pandas", "pandas")
    rows = list(_rows(events))
    if types is None:
        present = dict.fromkeys(
            cls for row in rows if (cls := registry.get(row["type"])) is not None
        )
    else:
        present = dict.fromkeys(types)
    ordered: list[type[Event]] = [cls for cls in BUILT_IN if cls in present]
    ordered += [cls for cls in present if cls not in BUILT_IN]
    data: dict[str, Any] = {}
    for name, kind in _kinds(ordered).items():
        values = [_cell(kind, row.get(name)) for row in rows]
        data[name] = _series(pandas, name, kind, values)
    frame: pd.DataFrame = pandas.DataFrame(data, index=pandas.RangeIndex(len(rows)))
    return frame


def _series(pd: Any, name: str, kind: str, values: list[Any]) -> Any:
    if name in _CATEGORIES:
        return pd.Series(values, dtype="category")
    if kind == "date":
        stamps = [pd.NaT if v is None else dt.datetime(v.year, v.month, v.day) for v in values]
        return pd.Series(stamps, dtype="datetime64[s]")
    if kind == "decimal":
        values = [None if v is None else float(v) for v in values]
    dtype = _PANDAS_DTYPES.get(kind, "object")
    return pd.Series(values, dtype=dtype)


def _arrow_schema(pa: Any, kinds: dict[str, str]) -> Any:
    """The Arrow schema of columns of the given kinds (``wire``: JSON text too)."""
    types = {
        "str": pa.string(),
        "int": pa.int64(),
        "float": pa.float64(),
        "bool": pa.bool_(),
        "decimal": pa.string(),  # exact: the wire's decimal string
        "date": pa.date32(),
        "list": pa.list_(pa.string()),
        "json": pa.string(),
        "wire": pa.string(),
    }
    return pa.schema([(name, types[kind]) for name, kind in kinds.items()])


def _batches(
    pa: Any, events: Iterable[Event], kinds: dict[str, str], schema: Any, batch_size: int
) -> Iterator[Any]:
    if batch_size < 1:
        raise ValueError(f"batch_size must be at least 1, got {batch_size}")
    wire = next((name for name, kind in kinds.items() if kind == "wire"), None)
    rows = _rows(events, wire)
    while chunk := list(islice(rows, batch_size)):
        yield rows_batch(pa, chunk, kinds, schema)


def rows_batch(pa: Any, chunk: list[dict[str, Any]], kinds: dict[str, str], schema: Any) -> Any:
    """A record batch of ``schema`` holding the typed rows ``chunk`` (see :func:`_rows`)."""
    present = set().union(*chunk)
    columns = [
        column_array(
            pa,
            field,
            kinds[field.name],
            [row.get(field.name) for row in chunk] if field.name in present else None,
            len(chunk),
        )
        for field in schema
    ]
    return pa.RecordBatch.from_arrays(columns, schema=schema)


def column_array(pa: Any, field: Any, kind: str, values: list[Any] | None, count: int) -> Any:
    """The Arrow array of ``field`` (of ``kind``) holding the typed ``values`` of ``count``
    rows (``None``: no row has the column; most columns are some other type's)."""
    import orjson

    if values is None:
        if kind == "list":
            return pa.array([[]] * count, type=field.type)
        return pa.nulls(count, field.type)
    if kind == "list":
        return pa.array(_list_cells(values), type=field.type)
    if kind == "str" and not set(map(type, values)) <= _TEXT_OR_NONE:
        values = [_cell(kind, value) for value in values]  # a shared column's odd value
    if kind == "json":
        values = [None if v is None else orjson.dumps(v).decode() for v in values]
    return pa.array(values, type=field.type)


def _list_cells(column: list[Any]) -> list[list[str | None]]:
    """The cells of a ``list`` column: each row's items as text (an empty list for
    ``None``). Items are text already but for a shared column's odd value, so the
    lists are taken as they are when every item is text or ``None``."""
    values = [value or [] for value in column]
    if set(map(type, chain.from_iterable(values))) <= _TEXT_OR_NONE:
        return values
    return [[None if x is None else str(x) for x in v] for v in values]


_TEXT_OR_NONE: Final = frozenset({str, type(None)})


def arrow_schema(
    types: Iterable[type[Event]] | None = None, *, wire: str | None = None
) -> tuple[dict[str, str], Any]:
    """The kinds of :func:`to_arrow`'s columns and its Arrow schema (plus a ``wire`` column
    of wire JSON text when named)."""
    pa = _require("pyarrow", "arrow")
    kinds = _fixed_kinds(types)
    if wire is not None:
        kinds[wire] = "wire"
    return kinds, _arrow_schema(pa, kinds)


def event_batches(
    events: Iterable[Event], kinds: dict[str, str], schema: Any, batch_size: int
) -> Iterator[Any]:
    """``events`` as Arrow record batches of ``schema`` (see :func:`arrow_schema`), streamed."""
    pa = _require("pyarrow", "arrow")
    return _batches(pa, events, kinds, schema, batch_size)


def _fixed_kinds(types: Iterable[type[Event]] | None) -> dict[str, str]:
    if types is None:
        types = [*BUILT_IN, *(cls for cls in registry if cls not in BUILT_IN)]
    return _kinds(list(types))


def to_arrow(
    events: Iterable[Event],
    *,
    batch_size: int = 10_000,
    types: Iterable[type[Event]] | None = None,
) -> Any:
    """A ``pyarrow.Table`` of ``events`` with a fixed schema (needs the ``arrow`` extra).

    The schema has the columns of ``types`` (default: every registered type),
    whatever the events: dates are ``date32``, lists ``list<string>``, money
    amounts exact decimal strings, fields without a flat form JSON text.

    >>> import secevents as se
    >>> table = to_arrow([se.Statement(speaker=se.Actor.state("TJK"))])
    >>> table.num_rows, table.column("speaker").to_pylist()
    (1, [['TJK']])
    """
    pa = _require("pyarrow", "arrow")
    kinds = _fixed_kinds(types)
    schema = _arrow_schema(pa, kinds)
    return pa.Table.from_batches(list(_batches(pa, events, kinds, schema, batch_size)), schema)
