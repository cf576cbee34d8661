"""A lossless event store on Parquet: a hive-partitioned dataset, read back as events or Arrow.

Each row has :func:`~secevents.interop.to_arrow`'s flat columns, for queries
(DuckDB, Polars, pandas, Spark read the dataset as it is), plus ``wire``: the
event's wire JSON, from which :func:`read_parquet` rebuilds an equal event, unknown
keys and kept dataset columns included. Files are split by ``partition_by``
(``type=statement/year=2021/``), so a filter on them skips whole directories;
other filters skip row groups by their statistics. Needs the ``arrow`` extra.
"""

from __future__ import annotations

import datetime as dt
import os
import re
import uuid
from collections.abc import Iterable, Iterator, Sequence
from typing import Any, Final

from ..model.dates import DateSpan, PartialDate
from ..model.events import Event
from ..model.registry import registry
from ..wire.serialize import loads
from ..wire.versions import SCHEMA_VERSION
from ._files import file_list
from ._store_files import write_files
from .frames import _require, arrow_schema, event_batches

__all__ = [
    "PARTITION_COLUMNS",
    "WIRE",
    "parquet_dataset",
    "parquet_filter",
    "read_parquet",
    "read_parquet_table",
    "store_directory",
    "write_parquet",
]

#: The column holding each event's wire JSON.
WIRE: Final = "wire"
#: Columns made from ``date_start`` to partition by (they are not stored in the files).
_DERIVED: Final = {"year": "year", "month": "month"}
#: What ``partition_by`` may name: derived date parts and flat text columns of few values.
PARTITION_COLUMNS: Final = frozenset(
    {
        "type",
        "year",
        "month",
        "country",
        "date_precision",
        "factuality",
        "location_precision",
        "scheme",
    }
)
_METADATA_KEY: Final = b"secevents"
_PATTERN: Final = re.compile(r"[*?\[]")

Types = Iterable[type[Event] | str] | type[Event] | str | None
DateFilter = DateSpan | PartialDate | dt.date | str | None
Countries = Iterable[str] | str | None


def _pyarrow() -> tuple[Any, Any]:
    pa = _require("pyarrow", "arrow")
    ds = _require("pyarrow.dataset", "arrow")
    return pa, ds


def _checked_partitions(partition_by: Sequence[str]) -> list[str]:
    if isinstance(partition_by, str):
        partition_by = (partition_by,)
    names = list(partition_by)
    for name in names:
        if name not in PARTITION_COLUMNS:
            raise ValueError(
                f"partition_by: {name!r} is not a column to partition by; "
                f"choose from {sorted(PARTITION_COLUMNS)}"
            )
    if len(set(names)) != len(names):
        raise ValueError(f"partition_by: a column is named twice in {names}")
    return names


def _with_derived(pa: Any, batches: Iterable[Any], derived: list[str]) -> Iterator[Any]:
    compute = _require("pyarrow.compute", "arrow")
    for batch in batches:
        for name in derived:
            part = getattr(compute, _DERIVED[name])(batch.column("date_start"))
            batch = batch.append_column(name, part.cast(pa.int32()))
        yield batch


def store_directory(path: str | os.PathLike[str], append: bool) -> str:
    """The directory of a store to write at ``path``, made if missing; one holding files
    already is refused unless ``append``, and so is a file."""
    target = os.fspath(path)
    if os.path.isfile(target):
        raise ValueError(f"{target}: is a file; write_parquet writes a directory (a dataset)")
    if not append and os.path.isdir(target) and os.listdir(target):
        raise ValueError(
            f"{target}: the directory holds files already; pass append=True to add to the store"
        )
    os.makedirs(target, exist_ok=True)
    return target


def write_parquet(
    events: Iterable[Event] | Any,
    path: str | os.PathLike[str],
    *,
    partition_by: Sequence[str] = ("type", "year"),
    batch_size: int = 10_000,
    types: Iterable[type[Event]] | None = None,
    append: bool = False,
) -> int:
    """Write ``events`` to the Parquet dataset at directory ``path``; the number written.

    Events are converted ``batch_size`` at a time, so memory stays bounded by a
    batch whatever the input's size (an :class:`~secevents.interop.EventReader`
    over a file larger than memory can be written): a partition's rows are written
    as row groups of up to ``batch_size`` (a rare partition's held back, a quarter
    of a batch in all, to make fuller ones), and a file closes after 32 row groups,
    its metadata freed; at most 64 files are open at once. The files are split into
    hive partitions by ``partition_by`` (``type``, ``year`` and ``month`` of the
    earliest day, ``country``...: see :data:`PARTITION_COLUMNS`; ``()`` for none).
    The columns are :func:`~secevents.interop.to_arrow`'s for ``types`` (default:
    every registered type) plus ``wire``. A directory that holds files already
    is refused unless ``append=True``: the new files then go beside the old ones,
    named apart, so several processes may write to one store at once.

    ``events`` may also be Arrow columns: what ``read_gdelt_table`` and the other
    dataset readers' Arrow paths give (an :class:`~secevents.interop.ArrowRead` or its
    ``pyarrow.Table``). They are written as they are, kept dataset columns included,
    without ``wire``: :func:`read_parquet_table`, DuckDB and Polars read such a store;
    :func:`read_parquet` cannot rebuild events from it, and says so.

    >>> import tempfile, secevents as se
    >>> store = tempfile.mkdtemp() + "/events"
    >>> ev = se.Statement(speaker=se.Actor.state("TJK"), date=se.DateSpan.parse("2021-10"))
    >>> write_parquet([ev], store)
    1
    >>> [back] = read_parquet(store)
    >>> back == ev
    True
    """
    pa, _ = _pyarrow()
    names = _checked_partitions(partition_by)
    if batch_size < 1:
        raise ValueError(f"batch_size must be at least 1, got {batch_size}")
    table = _arrow_columns(pa, events)
    target = store_directory(path, append)
    if table is not None:
        base = table.schema.remove_metadata()
    else:
        kinds, base = arrow_schema(types, wire=WIRE)
    schema = base
    derived = [name for name in names if name in _DERIVED]
    for name in derived:
        schema = schema.append(pa.field(name, pa.int32()))
    schema = schema.with_metadata({_METADATA_KEY: str(SCHEMA_VERSION).encode()})
    count = 0

    def counted() -> Iterator[Any]:
        nonlocal count
        if table is not None:
            batches = iter(table.to_batches(max_chunksize=batch_size))
        else:
            batches = event_batches(events, kinds, base, batch_size)
        for batch in _with_derived(pa, batches, derived) if derived else batches:
            count += batch.num_rows
            yield batch.replace_schema_metadata(schema.metadata)

    # Files are written here, as the batches come (Arrow's dataset writer queued what
    # it was given, and kept a file's row group metadata to the end: see _store_files).
    # ``wire`` gets no statistics: no filter reads them, and each row group's would be
    # two whole events.
    write_files(
        counted(),
        target,
        schema,
        names,
        rows=batch_size,
        stem=f"part-{uuid.uuid4().hex}",
        statistics=[name for name in base.names if name != WIRE],
    )
    # Arrow's allocator (mimalloc by default) keeps what was freed for reuse: it goes back.
    pa.default_memory_pool().release_unused()
    return count


def _arrow_columns(pa: Any, events: Any) -> Any:
    """The ``pyarrow.Table`` ``events`` is (or an Arrow path's read holds), else ``None``."""
    table = getattr(events, "table", events)
    if not isinstance(table, pa.Table):
        return None
    missing = [
        name for name in ("id", "type", "date_start", "country") if name not in table.schema.names
    ]
    if missing:
        raise ValueError(
            f"events: a table without {missing[0]!r}: write_parquet takes the columns of "
            "to_arrow (an Arrow path's table), or events"
        )
    return table


def parquet_dataset(path: str | os.PathLike[str] | Sequence[str | os.PathLike[str]]) -> Any:
    """The ``pyarrow.dataset.Dataset`` of a store :func:`write_parquet` wrote (``path``: its
    directory, a glob of its files such as ``"store/type=statement/*/*.parquet"``, or a
    list of its files); partitions are read from the directory names below the store's
    directory (the folder above the ``name=value`` ones the files share)."""
    _, ds = _pyarrow()
    if isinstance(path, str | os.PathLike):
        source: Any = os.fspath(path)
        if not os.path.exists(source) and _PATTERN.search(source):
            parts = source.split(os.sep)
            fixed = next(index for index, part in enumerate(parts) if _PATTERN.search(part))
            base = _above_partitions(os.sep.join(parts[:fixed]))
            source = file_list(source)  # a glob that matches nothing raises, naming it
        elif not os.path.exists(source):
            raise FileNotFoundError(f"{source}: no such Parquet store")
        else:
            base = source if os.path.isdir(source) else os.path.dirname(source)
    else:
        source = [os.fspath(item) for item in path]
        base = _above_partitions(os.path.commonpath(source)) if source else ""
        missing = [item for item in source if not os.path.isfile(item)]
        if missing:
            raise FileNotFoundError(f"{missing[0]}: no such Parquet file")
    files = ds.dataset(source, format="parquet").files
    if not files:  # a store written with no events: its columns are the default ones
        return ds.dataset([], schema=arrow_schema(wire=WIRE)[1])
    dataset = ds.dataset(
        source,
        format="parquet",
        partitioning=_partitioning(files[0], base),
        partition_base_dir=base if isinstance(source, list) else None,
    )
    metadata = dataset.schema.metadata or {}
    if WIRE not in dataset.schema.names and _METADATA_KEY not in metadata:
        raise ValueError(
            f"{path}: not a secevents event store (no {WIRE!r} column); "
            "read it with pyarrow, or write it with secevents.interop.write_parquet"
        )
    return dataset


def _above_partitions(folder: str) -> str:
    """``folder`` without the partition directories (``name=value``) it ends with."""
    while "=" in os.path.basename(folder):
        folder = os.path.dirname(folder)
    return folder


def _partitioning(first: str, base: str) -> Any:
    """The hive partitioning of a store, from the directory names above its ``first`` file.

    The names are read, not their values' types guessed: a partition whose values are
    all missing (no dated events) has no type to guess.
    """
    pa, ds = _pyarrow()
    parts = os.path.relpath(first, base).split(os.sep)[:-1]
    names = [part.partition("=")[0] for part in parts if "=" in part]
    fields = [pa.field(name, pa.int32() if name in _DERIVED else pa.string()) for name in names]
    return ds.partitioning(pa.schema(fields), flavor="hive")


def _tags(types: Types) -> list[str]:
    if isinstance(types, str | type):
        types = [types]
    tags = []
    for item in types or ():
        if isinstance(item, str):
            tag = item
        elif isinstance(item, type) and issubclass(item, Event):
            tag = item.type_tag
        else:
            raise TypeError(f"types: expected event classes or type tags, got {item!r}")
        if registry.get(tag) is None:
            raise ValueError(f"types: {tag!r} is not a registered event type")
        tags.append(tag)
    return tags


def _span(date: DateFilter) -> DateSpan:
    if isinstance(date, DateSpan):
        return date
    try:
        if isinstance(date, str):
            return DateSpan.parse(date)
        return DateSpan.of(date)  # type: ignore[arg-type]
    except (TypeError, ValueError) as error:
        raise ValueError(f"date: {date!r} is not a date, an EDTF text or a DateSpan") from error


def parquet_filter(
    dataset: Any, *, types: Types = None, date: DateFilter = None, country: Countries = None
) -> Any:
    """The ``pyarrow.dataset`` filter expression for :func:`read_parquet`'s filters
    (``None`` when there are none), using ``dataset``'s partition columns to prune."""
    _, ds = _pyarrow()
    names = set(dataset.schema.names)
    parts = []
    if types is not None:
        parts.append(ds.field("type").isin(_tags(types)))
    if date is not None:
        span = _span(date)
        first, last = span.earliest, span.latest
        parts.append(ds.field("date").is_valid())
        if last is not None:
            parts.append(ds.field("date_start").is_null() | (ds.field("date_start") <= last))
            if "year" in names:  # a partition: whole directories skipped
                parts.append(ds.field("year").is_null() | (ds.field("year") <= last.year))
        if first is not None:
            parts.append(ds.field("date_end").is_null() | (ds.field("date_end") >= first))
    if country is not None:
        codes = [country] if isinstance(country, str) else list(country)
        for code in codes:
            if not isinstance(code, str):
                raise TypeError(f"country: expected ISO 3166-1 alpha-3 codes, got {code!r}")
        parts.append(ds.field("country").isin(codes))
    if not parts:
        return None
    expression = parts[0]
    for part in parts[1:]:
        expression = expression & part
    return expression


def read_parquet_table(
    path: str | os.PathLike[str] | Sequence[str | os.PathLike[str]],
    *,
    types: Types = None,
    date: DateFilter = None,
    country: Countries = None,
    columns: Sequence[str] | None = None,
) -> Any:
    """The rows of the store at ``path`` that pass the filters, as a ``pyarrow.Table``,
    without building events (``.to_pandas()`` for a DataFrame). ``columns``: those to
    read (default: all, ``wire`` included). Filters as :func:`read_parquet`'s."""
    dataset = parquet_dataset(path)
    expression = parquet_filter(dataset, types=types, date=date, country=country)
    chosen = None if columns is None else list(columns)
    return dataset.to_table(columns=chosen, filter=expression)


def read_parquet(
    path: str | os.PathLike[str] | Sequence[str | os.PathLike[str]],
    *,
    types: Types = None,
    date: DateFilter = None,
    country: Countries = None,
    batch_size: int = 10_000,
) -> Iterator[Event]:
    """The events of the store at ``path``, read lazily, ``batch_size`` rows at a time.

    Each event is rebuilt from its wire JSON: equal to the event written, unknown
    keys and kept dataset columns included. The filters are pushed down to the
    partitions and row groups: ``types`` (classes or type tags), ``date`` (events
    whose date may share a day with it: a :class:`~secevents.DateSpan`, a
    ``datetime.date`` or EDTF text such as ``"2021-10"``; events without a date
    are left out), ``country`` (ISO alpha-3 codes of the location).

    >>> import tempfile, secevents as se
    >>> store = tempfile.mkdtemp() + "/events"
    >>> evs = [se.Statement(content="a", date=se.DateSpan.parse("2021-10-02")),
    ...        se.Statement(content="b", date=se.DateSpan.parse("2022-01"))]
    >>> write_parquet(evs, store)
    2
    >>> [ev.content for ev in read_parquet(store, date="2021")]
    ['a']
    """
    dataset = parquet_dataset(path)
    if WIRE not in dataset.schema.names:
        raise ValueError(
            f"{path}: this store was written from Arrow columns (read_gdelt_table...) and "
            f"holds no {WIRE!r} JSON to rebuild events from; read it with "
            "read_parquet_table, or write the typed reader's events to keep events"
        )
    expression = parquet_filter(dataset, types=types, date=date, country=country)
    if batch_size < 1:
        raise ValueError(f"batch_size must be at least 1, got {batch_size}")
    return _events(dataset, expression, batch_size)


def _events(dataset: Any, expression: Any, batch_size: int) -> Iterator[Event]:
    # Events are built slower than Arrow reads: reading ahead one batch and one file
    # is enough (its defaults, 16 and 4, held 77 MB more at 100,000 GDELT events), and
    # a row group is read when it is reached (pre-buffering read a file's row groups
    # at once: 468 against 390 MB reading a million events filtered by country).
    _, ds = _pyarrow()
    for batch in dataset.to_batches(
        columns=[WIRE],
        filter=expression,
        batch_size=batch_size,
        use_threads=False,
        batch_readahead=1,
        fragment_readahead=1,
        fragment_scan_options=ds.ParquetFragmentScanOptions(pre_buffer=False),
    ):
        for text in batch.column(0).to_pylist():
            event: Event = loads(text)
            yield event
