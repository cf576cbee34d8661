"""What every importer shares: opening tables, warnings with row numbers, lazy readers.

An importer is a function from one input row to an event (or ``None`` to skip
it); :class:`EventReader` runs it lazily over the rows, counts what happened
and collects the warnings, so a 1 GB file is read in constant memory.
"""

from __future__ import annotations

import csv
import gzip
import io
import os
import sys
import uuid
import zipfile
from collections.abc import Callable, Generator, Iterable, Iterator, Mapping, Sequence
from contextlib import ExitStack
from typing import IO, Any, Final, Generic, Protocol, TypeVar

import attrs

from ..events import Event
from ..ids import ID_NAMESPACE

__all__ = [
    "EventReader",
    "ReadStats",
    "RowWarning",
    "Source",
    "Warn",
    "dataset_event_id",
    "number_in",
    "open_table",
    "read_table",
    "row_cells",
    "split_tabs",
    "write_table",
]

#: A path to a file (``.gz`` and single-member ``.zip`` are read transparently), or rows.
Source = str | os.PathLike[str] | Iterable[Mapping[str, Any]] | Iterable[Sequence[str]]

RowT = TypeVar("RowT")

_PROGRESS_EVERY: Final = 10_000


@attrs.frozen
class RowWarning:
    """Something an importer repaired, skipped or could not map in one input row.

    ``row`` counts data rows from 1 (a header line is not a row); ``code`` is a
    short machine-readable kind (``repaired_code``, ``skipped_row``,
    ``bad_value``, ``unknown_code``...).

    >>> print(RowWarning(12, "repaired_code", "'62' re-padded to '062'", column="EventCode"))
    row 12: EventCode: '62' re-padded to '062'
    """

    row: int
    code: str
    message: str
    column: str | None = attrs.field(default=None, kw_only=True)

    def __str__(self) -> str:
        where = f"{self.column}: " if self.column else ""
        return f"row {self.row}: {where}{self.message}"


class Warn(Protocol):
    """The callback a row converter reports problems through."""

    def __call__(self, code: str, message: str, *, column: str | None = None) -> None:
        """Record one warning about the current row."""


@attrs.define
class ReadStats:
    """Counts of one read: rows seen, events made (mapped to a built-in type or
    kept as coded events), rows skipped, and rows that gave at least one warning."""

    rows: int = 0
    events: int = 0
    mapped: int = 0
    coded: int = 0
    skipped: int = 0
    warned: int = 0


class EventReader(Generic[RowT]):
    """A lazy iterator of events read from rows, with the warnings of the rows read so far.

    Iterate it once (``for event in reader`` or ``list(reader)``); ``warnings``
    and ``stats`` fill as it goes. ``progress`` is a callable given the number
    of rows read every 10,000 rows and at the end, or ``True`` for a ``tqdm``
    bar when tqdm is installed.
    """

    def __init__(
        self,
        rows: Iterable[RowT],
        convert: Callable[[RowT, Warn], Event | None],
        *,
        progress: Callable[[int], None] | bool | None = None,
        on_close: Callable[[], None] | None = None,
        max_warnings: int | None = 100_000,
    ) -> None:
        self.warnings: list[RowWarning] = []
        self.stats = ReadStats()
        self._rows = rows
        self._convert = convert
        self._progress = progress
        self._on_close = on_close
        self._max_warnings = max_warnings
        self._events = self._run()

    def __iter__(self) -> Iterator[Event]:
        return self

    def __next__(self) -> Event:
        return next(self._events)

    def close(self) -> None:
        """Stop reading and close the input file (also done at the end of the rows)."""
        self._events.close()

    def __enter__(self) -> EventReader[RowT]:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def _run(self) -> Generator[Event, None, None]:
        stats = self.stats
        warnings = self.warnings
        limit = self._max_warnings
        row_number = 0
        warned_row = 0

        def warn(code: str, message: str, *, column: str | None = None) -> None:
            nonlocal warned_row
            if warned_row != row_number:
                warned_row = row_number
                stats.warned += 1
            if limit is None or len(warnings) < limit:
                warnings.append(RowWarning(row_number, code, message, column=column))

        tick = _progress_callback(self._progress)
        convert = self._convert
        try:
            for row in self._rows:
                row_number += 1
                stats.rows = row_number
                event = convert(row, warn)
                if tick is not None and row_number % _PROGRESS_EVERY == 0:
                    tick(row_number)
                if event is None:
                    stats.skipped += 1
                    continue
                stats.events += 1
                if event.type_tag == "coded_event":
                    stats.coded += 1
                else:
                    stats.mapped += 1
                yield event
        finally:
            if tick is not None:
                tick(row_number)
                closer = getattr(tick, "close", None)
                if callable(closer):
                    closer()
            if self._on_close is not None:
                self._on_close()

    def __repr__(self) -> str:
        s = self.stats
        return (
            f"<EventReader rows={s.rows} events={s.events} skipped={s.skipped} "
            f"warnings={len(self.warnings)}>"
        )


def _progress_callback(progress: Callable[[int], None] | bool | None) -> Any:
    if progress is None or progress is False:
        return None
    if progress is True:
        try:
            from tqdm.auto import tqdm
        except ImportError:
            return None
        bar = tqdm(unit=" rows")
        done = 0

        def tick(rows: int) -> None:
            nonlocal done
            bar.update(rows - done)
            done = rows

        tick.close = bar.close  # type: ignore[attr-defined]
        return tick
    return progress


def dataset_event_id(tag: str, dataset: str, record_id: str) -> str:
    """The id of an event read from a dataset record: stable across re-imports.

    >>> dataset_event_id("coded_event", "gdelt", "1281424432")
    'coded_event--...'
    """
    return f"{tag}--{uuid.uuid5(ID_NAMESPACE, f'{dataset}:{record_id}')}"


def read_table(
    source: Source,
    convert: Callable[[dict[str, Any], Warn], Event | None],
    *,
    delimiter: str | None = None,
    columns: Sequence[str] | None = None,
    header: bool | None = None,
    progress: Callable[[int], None] | bool | None = None,
) -> EventReader[dict[str, Any]]:
    """An :class:`EventReader` over the rows of ``source`` (see :func:`open_table`)."""
    stack = ExitStack()
    try:
        rows = open_table(source, delimiter=delimiter, columns=columns, header=header, stack=stack)
    except BaseException:
        stack.close()
        raise
    return EventReader(rows, convert, progress=progress, on_close=stack.close)


def open_table(
    source: Source,
    *,
    delimiter: str | None = None,
    columns: Sequence[str] | None = None,
    header: bool | None = None,
    stack: ExitStack,
) -> Iterator[dict[str, Any]]:
    """Rows of ``source`` as dicts, streamed.

    ``source`` is a path (``.gz``/``.zip`` decompressed on the fly; ``delimiter``
    guessed from a tab in the first line when not given) or an iterable of
    mappings or of sequences. ``columns`` names the columns of a table without a
    header; ``header=None`` means "a header is there if its first cell is
    ``columns[0]``". Files opened are registered on ``stack``.
    """
    if isinstance(source, str | os.PathLike):
        handle = stack.enter_context(_open_text(os.fspath(source)))
        return _records(_sniffed(handle, delimiter), columns, header)
    if not isinstance(source, Iterable):
        raise TypeError(
            f"source must be a path or an iterable of rows, not {type(source).__name__}"
        )
    iterator = iter(source)
    first = next(iterator, None)
    if first is None:
        return iter(())
    if isinstance(first, Mapping):
        return _mappings(first, iterator)
    _check_cells(first, 1)
    return _records(_cell_rows(first, iterator), columns, header)  # type: ignore[arg-type]


def _mappings(first: Mapping[str, Any], rest: Iterator[Any]) -> Iterator[dict[str, Any]]:
    yield dict(first)
    for number, row in enumerate(rest, start=2):
        if not isinstance(row, Mapping):
            raise TypeError(f"row {number}: rows must all be mappings, got {type(row).__name__}")
        yield dict(row)


def _check_cells(row: object, number: int) -> None:
    if isinstance(row, str | bytes) or not isinstance(row, Sequence):
        raise TypeError(
            f"row {number}: a row is a mapping or a sequence of cells, not {type(row).__name__}"
        )


def _cell_rows(first: Sequence[str], rest: Iterator[Any]) -> Iterator[Sequence[str]]:
    yield first
    for number, row in enumerate(rest, start=2):
        _check_cells(row, number)
        yield row


def _chain(first: Sequence[str], rest: Iterator[Sequence[str]]) -> Iterator[Sequence[str]]:
    yield first
    yield from rest


def _records(
    rows: Iterator[Sequence[str]], columns: Sequence[str] | None, header: bool | None
) -> Iterator[dict[str, Any]]:
    first = next(rows, None)
    if first is None:
        return
    has_header = header
    if has_header is None:
        has_header = columns is None or (bool(first) and first[0].lstrip("\ufeff") == columns[0])
    if has_header:
        names = [name.lstrip("\ufeff") if i == 0 else name for i, name in enumerate(first)]
    else:
        if columns is None:
            raise ValueError("a table without a header needs its column names")
        names = list(columns)
        rows = _chain(first, rows)
    width = len(names)
    for cells in rows:
        if not cells:
            continue
        record = dict(zip(names, cells, strict=False))
        if len(cells) > width:
            record["__extra_cells__"] = list(cells[width:])  # type: ignore[assignment]
        yield record


def _open_text(path: str) -> IO[str]:
    if path.endswith(".gz"):
        return io.TextIOWrapper(gzip.open(path, "rb"), encoding="utf-8", newline="")
    if path.lower().endswith(".zip"):
        archive = zipfile.ZipFile(path)
        members = [name for name in archive.namelist() if not name.endswith("/")]
        if len(members) != 1:
            archive.close()
            raise ValueError(f"{path}: expected one file in the archive, found {len(members)}")
        return io.TextIOWrapper(archive.open(members[0]), encoding="utf-8", newline="")
    return open(path, encoding="utf-8", newline="")


def _sniffed(handle: IO[str], delimiter: str | None) -> Iterator[list[str]]:
    first = handle.readline()
    if delimiter is None:
        delimiter = "\t" if "\t" in first else ","
    lines = _chain_lines(first, handle)
    return csv.reader(lines, delimiter=delimiter)


def _chain_lines(first: str, rest: IO[str]) -> Iterator[str]:
    if first:
        yield first
    yield from rest


def number_in(text: str, low: float, high: float) -> float | None:
    """The number ``text`` holds if it lies in ``[low, high]``, else ``None`` (a coordinate).

    >>> number_in("38.56", -90, 90), number_in("95", -90, 90), number_in("NA", -90, 90)
    (38.56, None, None)
    """
    try:
        value = float(text)
    except ValueError:
        return None
    return value if low <= value <= high else None


def row_cells(
    row: Mapping[str, Any], columns: Sequence[str], warn: Warn, empty: str = ""
) -> dict[str, str]:
    """A row's cells as text (``None`` is ``empty``), warning about missing and surplus cells.

    Missing columns read as ``empty``; cells beyond the last column (see
    :func:`open_table`) are left out of the result and reported.
    """
    cells = {
        key: empty if value is None else str(value)
        for key, value in row.items()
        if key != "__extra_cells__"
    }
    missing = [column for column in columns if column not in cells]
    if missing:
        warn(
            "bad_row",
            f"{len(missing)} of the {len(columns)} columns missing (from {missing[0]!r}); "
            "read as empty",
        )
    surplus = row.get("__extra_cells__")
    if surplus is not None:
        warn("bad_row", f"cells beyond the last column kept under '__extra_cells__': {surplus!r}")
    return cells


def tab_separated(path: str | os.PathLike[str]) -> bool:
    """Whether the first line of the file at ``path`` has a tab (``.gz``/``.zip`` read through)."""
    with _open_text(os.fspath(path)) as handle:
        return "\t" in handle.readline()


def split_tabs(path: str | os.PathLike[str]) -> Iterator[list[str]]:
    """The cells of a tab-separated file that has no quoting (GDELT's raw exports), line by line.

    The csv module would read a cell that starts with ``"`` as quoted and run it on
    over the following tabs and lines; here a quote is an ordinary character.
    """
    with _open_text(os.fspath(path)) as handle:
        for line in handle:
            text = line.rstrip("\r\n")
            if text:
                yield text.split("\t")


def write_table(
    rows: Iterable[Mapping[str, str]],
    target: str | os.PathLike[str] | IO[str],
    columns: Sequence[str],
    *,
    header: bool,
    delimiter: str,
    quoting: bool = True,
) -> int:
    """Write dict rows as CSV/TSV (``columns`` in order, then any other key the first row
    has); return the number of rows written. A path ending in ``.gz`` is compressed.

    ``quoting=False`` writes cells as they are (GDELT's tab-separated files): a cell
    holding the delimiter or a line break is refused with a ``ValueError``.
    """
    if isinstance(target, str | os.PathLike):
        path = os.fspath(target)
        if path.endswith(".gz"):
            with gzip.open(path, "wt", encoding="utf-8", newline="") as zipped:
                return _write_rows(rows, zipped, columns, header, delimiter, quoting)
        with open(path, "w", encoding="utf-8", newline="") as handle:
            return _write_rows(rows, handle, columns, header, delimiter, quoting)
    return _write_rows(rows, target, columns, header, delimiter, quoting)


class _PlainWriter:
    """Writes rows joined by the delimiter, refusing cells that would break the layout."""

    def __init__(self, handle: IO[str], delimiter: str) -> None:
        self._handle = handle
        self._delimiter = delimiter
        self._rows = 0

    def writerow(self, cells: Sequence[str]) -> None:
        self._rows += 1
        for cell in cells:
            if self._delimiter in cell or "\n" in cell or "\r" in cell:
                raise ValueError(
                    f"row {self._rows}: {cell!r} holds a {self._delimiter!r} or a line break, "
                    "which an unquoted file cannot carry; write with a ',' delimiter"
                )
        self._handle.write(self._delimiter.join(cells) + "\n")


def _write_rows(
    rows: Iterable[Mapping[str, str]],
    handle: IO[str],
    columns: Sequence[str],
    header: bool,
    delimiter: str,
    quoting: bool = True,
) -> int:
    if not quoting:
        plain = _PlainWriter(handle, delimiter)
        return _write_with(rows, plain, plain, columns, header)
    writer = csv.writer(handle, delimiter=delimiter, lineterminator="\n")
    # With "\n" line ends the csv module leaves a lone "\r" unquoted, and a reader
    # would break the row there: such rows are written with every cell quoted.
    quoted = csv.writer(handle, delimiter=delimiter, lineterminator="\n", quoting=csv.QUOTE_ALL)
    return _write_with(rows, writer, quoted, columns, header)


class _RowWriter(Protocol):
    def writerow(self, row: Sequence[str], /) -> Any: ...


def _write_with(
    rows: Iterable[Mapping[str, str]],
    writer: _RowWriter,
    quoted: _RowWriter,
    columns: Sequence[str],
    header: bool,
) -> int:
    count = 0
    names: list[str] | None = None
    for row in rows:
        if names is None:
            known = set(columns)
            names = list(columns) + [key for key in row if key not in known]
            if header:
                writer.writerow(names)
        cells = [row.get(name, "") for name in names]
        (quoted if any("\r" in cell for cell in cells) else writer).writerow(cells)
        count += 1
    if names is None and header:
        writer.writerow(columns)
    return count


# GDELT and UCDP carry long free-text cells; the csv default of 128 KB is too small.
csv.field_size_limit(min(sys.maxsize, 2**31 - 1))
