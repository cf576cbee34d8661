"""What every importer shares: opening tables, warnings with row numbers, lazy readers.

An importer is a function from one input row to an event (or ``None`` to skip
it); :class:`EventReader` runs it lazily over the rows, counts what happened
and collects the warnings, so a 1 GB file is read in constant memory.
"""

from __future__ import annotations

import warnings
from collections.abc import Callable, Generator, Iterable, Iterator, Mapping, Sequence
from contextlib import ExitStack
from itertools import islice
from typing import Any, Final, Generic, Protocol, TypeVar

import attrs

from .._callers import caller_level
from .._collector import paused as collector_paused
from ..errors import shown
from ..limits import DEFAULT_LIMITS, Limits
from ..model.events import Event
from ..model.ids import ID_NAMESPACE
from ._files import each_file, file_list
from ._row_ids import quicker_sha1
from ._seen import SeenIds
from ._tables import (
    EXTRA_CELLS,
    UNREADABLE,
    Position,
    Source,
    cell_text,
    open_table,
    split_tabs,
    tab_separated,
)
from ._write import write_table

__all__ = [
    "EventReader",
    "ReadStats",
    "RowWarning",
    "Source",
    "Warn",
    "cell_text",
    "dataset_event_id",
    "number_in",
    "open_table",
    "read_table",
    "row_cells",
    "split_tabs",
    "surplus_cells",
    "tab_separated",
    "write_table",
]

RowT = TypeVar("RowT")

_PROGRESS_EVERY: Final = 10_000
#: Rows a table reader converts at a time, the garbage collector paused (EventReader).
_CHUNK: Final = 256
_MAX_MESSAGE: Final = 1000


@attrs.frozen
class RowWarning:
    """Something an importer repaired, skipped or could not map in one input row.

    ``row`` counts the data rows the reader was given, from 1: the header and
    blank lines are not rows, so row ``N`` is the ``N``-th record (and event
    candidate). ``row`` 0 is the header (a duplicate column name). ``line`` is,
    for a file, the physical line the row starts on, counting from 1 with the
    header and blank lines (a quoted cell may run over several lines); ``None``
    for rows given as an iterable. ``code`` is a short machine-readable kind
    (``repaired_code``, ``skipped_row``, ``bad_value``, ``unknown_code``...).

    >>> print(RowWarning(12, "repaired_code", "'62' re-padded to '062'", column="EventCode"))
    row 12: EventCode: '62' re-padded to '062'
    >>> print(RowWarning(12, "bad_value", "'x' is not a date", column="SQLDATE", line=14))
    row 12 (line 14): SQLDATE: 'x' is not a date
    >>> print(RowWarning(3, "skipped_row", "no date", line=4, file="b.csv"))
    row 3 (b.csv, line 4): no date
    """

    row: int
    code: str
    message: str
    column: str | None = attrs.field(default=None, kw_only=True)
    line: int | None = attrs.field(default=None, kw_only=True)
    file: str | None = attrs.field(default=None, kw_only=True)

    def __str__(self) -> str:
        where = f"{self.column}: " if self.column else ""
        place = "header" if self.row == 0 else f"row {self.row}"
        at = [] if self.file is None else [self.file]
        if self.line is not None:
            at.append(f"line {self.line}")
        if at:
            place += f" ({', '.join(at)})"
        return f"{place}: {where}{self.message}"


class Warn(Protocol):
    """The callback a row converter reports problems through."""

    def __call__(self, code: str, message: str, *, column: str | None = None) -> None:
        """Record one warning about the current row."""


@attrs.define
class ReadStats:
    """Counts of one read: rows seen, events made (mapped to a built-in type or
    kept as coded events), rows skipped, rows that gave at least one warning,
    warnings not kept in :attr:`EventReader.warnings` (over ``max_warnings``), and
    events whose id an earlier row's event has (``duplicate_id`` warnings)."""

    rows: int = 0
    events: int = 0
    mapped: int = 0
    coded: int = 0
    skipped: int = 0
    warned: int = 0
    warnings_dropped: int = 0
    duplicate_ids: int = 0


class EventReader(Generic[RowT]):
    """A lazy iterator of events read from rows, with the warnings of the rows read so far.

    Iterate it once (``for event in reader`` or ``list(reader)``); ``warnings``
    and ``stats`` fill as it goes. ``progress`` is a callable given the number
    of rows read every 10,000 rows and at the end, or ``True`` for a ``tqdm``
    bar (a ``UserWarning`` says so when tqdm is not installed). At most
    ``max_warnings`` warnings are kept (``None``: all); ``stats.warnings_dropped``
    counts the others. ``line``, when given, tells the file line of the row just
    read, and ``file`` its file when there are many (see :class:`RowWarning`).
    ``chunk``: rows are converted that many at a time, with the garbage collector
    paused (holding events, it would otherwise go over every one held again and
    again: half the time at 100,000 rows); ``warnings`` and ``stats`` then run up to
    ``chunk - 1`` rows ahead of the events handed out. The ids read are kept to
    report each duplicate at its row: past 131,072 of them, in a private temporary
    SQLite file (deleted at the end of the read), so the memory they hold stays flat.
    """

    def __init__(
        self,
        rows: Iterable[RowT],
        convert: Callable[[RowT, Warn], Event | None],
        *,
        progress: Callable[[int], None] | bool | None = None,
        on_close: Callable[[], None] | None = None,
        max_warnings: int | None = 100_000,
        line: Callable[[], int | None] | None = None,
        file: Callable[[], str | None] | None = None,
        chunk: int = 1,
    ) -> None:
        self.warnings: list[RowWarning] = []
        self._chunk = chunk
        self.stats = ReadStats()
        self._rows = rows
        self._convert = convert
        if progress is True and not _has_tqdm():
            warnings.warn(
                "progress=True needs tqdm (pip install secevents[progress])",
                stacklevel=caller_level(),
            )
            progress = None
        self._progress = progress
        self._on_close = on_close
        self._max_warnings = max_warnings
        self._line = line
        self._done = False
        self._file = file
        self._events = self._run()

    def add_warning(self, warning: RowWarning) -> None:
        """Keep ``warning`` (or count it in ``stats.warnings_dropped`` past ``max_warnings``)."""
        if self._max_warnings is None or len(self.warnings) < self._max_warnings:
            self.warnings.append(warning)
        else:
            self.stats.warnings_dropped += 1

    def __iter__(self) -> Iterator[Event]:
        if self._done:
            # A second pass would silently find nothing (a second EventCollection
            # over the same reader held 0 events): say so instead.
            s = self.stats
            raise RuntimeError(
                f"this reader is used up: it read {s.rows} rows ({s.events} events) and"
                " reads once; open the file again, or keep the events of the first pass"
                " (events = list(reader), or an EventCollection made once)"
            )
        return self

    def __next__(self) -> Event:
        return next(self._events)

    def close(self) -> None:
        """Stop reading and close the input file (also done at the end of the rows)."""
        self._events.close()
        self._done = True

    def __enter__(self) -> EventReader[RowT]:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def _run(self) -> Generator[Event, None, None]:
        stats = self.stats
        add = self.add_warning
        line = self._line
        file = self._file
        row_number = 0
        warned_row = 0
        seen = SeenIds()

        def warn(code: str, message: str, *, column: str | None = None) -> None:
            nonlocal warned_row
            if warned_row != row_number:
                warned_row = row_number
                stats.warned += 1
            at = None if line is None else line()
            if len(message) > _MAX_MESSAGE:  # the values in it are cut already, but many add up
                message = f"{message[: _MAX_MESSAGE - 40]}... ({len(message)} characters in all)"
            name = None if file is None else file()
            add(RowWarning(row_number, code, message, column=column, line=at, file=name))

        tick = _progress_callback(self._progress)
        convert = self._convert

        def one(row: RowT) -> Event | None:
            nonlocal row_number
            row_number += 1
            stats.rows = row_number
            event = _converted(convert, row, warn)
            if tick is not None and row_number % _PROGRESS_EVERY == 0:
                tick(row_number)
            if event is None:
                stats.skipped += 1
                return None
            first = seen.add(event.id, row_number)
            if first is not None:
                stats.duplicate_ids += 1
                warn(
                    "duplicate_id",
                    f"{event.id} is the id of row {first} too: two rows read as one record "
                    "(a record id given twice?)",
                )
            stats.events += 1
            if event.type_tag == "coded_event":
                stats.coded += 1
            else:
                stats.mapped += 1
            return event

        try:
            if self._chunk <= 1:
                for row in self._rows:
                    event = one(row)
                    if event is not None:
                        yield event
            else:
                yield from _in_chunks(iter(self._rows), one, self._chunk)
        finally:
            self._done = True
            seen.close()  # a table moved to disk deletes its file now, not when collected
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


def _in_chunks(
    rows: Iterator[RowT], one: Callable[[RowT], Event | None], size: int
) -> Generator[Event, None, None]:
    """The events of ``rows``, converted ``size`` rows at a time with the garbage
    collector paused; an error is raised after the events converted before it."""
    while True:
        events: list[Event] = []
        error: Exception | None = None
        taken = 0
        with collector_paused():
            try:
                for row in islice(rows, size):
                    taken += 1
                    event = one(row)
                    if event is not None:
                        events.append(event)
            except Exception as problem:  # said after the events before it are handed out
                error = problem
        yield from events
        if error is not None:
            raise error
        if taken < size:
            return


#: What a row converter may raise on input no check foresaw: the row is skipped, not the file.
_ROW_ERRORS: Final = (
    ValueError,
    TypeError,
    KeyError,
    IndexError,
    AttributeError,
    ArithmeticError,
    RecursionError,
)


def _converted(convert: Callable[[Any, Warn], Event | None], row: Any, warn: Warn) -> Event | None:
    if type(row) is dict and UNREADABLE in row:
        warn("skipped_row", str(row[UNREADABLE]))
        return None
    try:
        return convert(row, warn)
    except _ROW_ERRORS as error:  # UnicodeError is a ValueError
        warn("skipped_row", f"cannot be read ({type(error).__name__}: {shown(str(error))})")
        return None


def _has_tqdm() -> bool:
    try:
        from tqdm.auto import tqdm  # noqa: F401
    except ImportError:
        return False
    return True


def _progress_callback(progress: Callable[[int], None] | bool | None) -> Any:
    if progress is None or progress is False:
        return None
    if progress is True:
        from tqdm.auto import tqdm

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

    It identifies the record (``dataset`` and its ``record_id``): two rows with one
    record id get one id, and a reader reports the second with a ``duplicate_id``
    warning.

    >>> dataset_event_id("coded_event", "gdelt", "1281424432")
    'coded_event--...'
    """
    name = f"{dataset}:{record_id}".encode("utf-8", "surrogatepass")  # messy ids too
    text = quicker_sha1()(_NAMESPACE + name).hexdigest()
    # RFC 4122 version 5 (what uuid.UUID(bytes=..., version=5) gives, without the object):
    # the version digit is 5, the variant bits 10.
    return (
        f"{tag}--{text[:8]}-{text[8:12]}-5{text[13:16]}-{_VARIANT[text[16]]}{text[17:20]}"
        f"-{text[20:32]}"
    )


_NAMESPACE: Final = ID_NAMESPACE.bytes
_VARIANT: Final = {f"{n:x}": f"{(n & 0x3) | 0x8:x}" for n in range(16)}


def read_table(
    source: Source,
    convert: Callable[[dict[str, Any], Warn], Event | None],
    *,
    delimiter: str | None = None,
    columns: Sequence[str] | None = None,
    header: bool | None = None,
    progress: Callable[[int], None] | bool | None = None,
    encoding: str = "utf-8",
    errors: str = "strict",
    max_warnings: int | None = 100_000,
    missing: str = "",
    quoting: bool | Callable[[str], bool] = True,
    limits: Limits = DEFAULT_LIMITS,
    restore_formulas: bool = True,
    cleanup: Callable[[], None] | None = None,
) -> EventReader[dict[str, Any]]:
    """An :class:`EventReader` over the rows of ``source`` (see :func:`open_table`).

    ``source`` may name many files (a list of paths, a glob, a directory: see
    :func:`~secevents.interop._files.file_list`): they are read in turn, one open at a
    time, each with its own header, and warnings name the file. ``max_warnings``
    caps the warnings kept (``None``: keep all; the rest are counted in
    ``stats.warnings_dropped``). A duplicate header name gives a ``bad_row``
    warning at row 0 (the header). ``cleanup`` runs when the reader closes (at the end).
    """
    stack = ExitStack()
    if cleanup is not None:
        stack.callback(cleanup)
    readers: list[EventReader[dict[str, Any]]] = []
    position = Position()
    paths = file_list(source)

    def opened(one: Source, on: ExitStack) -> Iterator[dict[str, Any]]:
        return open_table(
            one,
            delimiter=delimiter,
            columns=columns,
            header=header,
            stack=on,
            encoding=encoding,
            errors=errors,
            missing=missing,
            quoting=quoting,
            limits=limits,
            restore_formulas=restore_formulas,
            note=lambda message, column, line: readers[0].add_warning(
                RowWarning(0, "bad_row", message, column=column, line=line, file=position.file)
            ),
            position=position,
        )

    try:
        if paths is not None and len(paths) > 1:
            chained = each_file(paths, opened, position.enter)
            stack.callback(chained.close)
            rows: Iterator[dict[str, Any]] = chained
        else:
            rows = opened(source if paths is None else paths[0], stack)
    except BaseException:
        stack.close()
        raise
    reader = EventReader(
        rows,
        convert,
        progress=progress,
        on_close=stack.close,
        max_warnings=max_warnings,
        line=position.get,
        file=position.get_file,
        chunk=_CHUNK,
    )
    readers.append(reader)
    return reader


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
    """A row's cells as text (see :func:`cell_text`; missing values are ``empty``),
    warning about missing and surplus cells.

    Missing columns read as ``empty``; cells beyond the last column (see
    :func:`open_table`) are reported and kept as a list of text under ``__extra_cells__``
    (see :func:`surplus_cells`).
    """
    cells = {
        key: value if type(value) is str else cell_text(value, empty)
        for key, value in row.items()
        if key != EXTRA_CELLS
    }
    missing = [column for column in columns if column not in cells]
    if missing:
        warn(
            "bad_row",
            f"{len(missing)} of the {len(columns)} columns missing (from {shown(missing[0])}); "
            "read as empty",
        )
    surplus = surplus_cells(row, warn)
    if surplus is not None:
        cells[EXTRA_CELLS] = surplus  # type: ignore[assignment]  # kept, as a list
    return cells


def surplus_cells(row: Mapping[str, Any], warn: Warn) -> list[str] | None:
    """The cells a row has beyond its table's last column (``None`` if none), reported.

    Every reader keeps them on the event (under ``__extra_cells__`` in its kept
    columns) and its writer writes them back after the last column, as read.
    """
    surplus = row.get(EXTRA_CELLS)
    if surplus is None:
        return None
    cells = [cell if type(cell) is str else cell_text(cell) for cell in surplus]
    warn(
        "bad_row",
        f"{len(cells)} cells beyond the last column ({shown(cells, 80)}): kept, and written "
        "back after it",
    )
    return cells
