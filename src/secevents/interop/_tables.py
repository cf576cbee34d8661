"""Reading tables: files (compressed, in any encoding) and rows given in Python, as dicts of text.

What :func:`~secevents.interop._rows.read_table` reads through: cells become text
(:func:`cell_text`, so pandas rows read as the file does), a file's lines are
counted so warnings can name them, and a line that does not decode names the file,
the line and the ``encoding=`` to pass.
"""

from __future__ import annotations

import codecs
import collections
import csv
import gzip
import io
import numbers
import os
import sys
import warnings
import zipfile
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from contextlib import ExitStack
from typing import IO, Any, Final, cast

__all__ = [
    "EXTRA_CELLS",
    "Note",
    "Position",
    "cell_text",
    "open_table",
    "split_tabs",
    "tab_separated",
]

#: A path to a file (``.gz`` and single-member ``.zip`` are read transparently), or rows.
Source = str | os.PathLike[str] | Iterable[Mapping[str, Any]] | Iterable[Sequence[str]]
#: Told of a problem with the header: ``(message, column, line)``.
Note = Callable[[str, str, "int | None"], None]
#: The key under which a row keeps the cells found beyond its table's last column.
EXTRA_CELLS: Final = "__extra_cells__"
_MISSING_TYPES: Final = frozenset({"NAType", "NaTType"})  # pandas.NA, pandas.NaT


def cell_text(value: Any, empty: str = "") -> str:
    """One cell as every reader takes it: text, ``empty`` for a missing value.

    Rows from ``DataFrame.to_dict("records")`` hold ``NaN``/``pd.NA``/``NaT`` for
    missing cells and floats for whole-number columns with gaps: those read as
    ``empty`` and as their integer text.

    >>> [cell_text(v) for v in (None, float("nan"), 729.0, 38.56, 7, "x")]
    ['', '', '729', '38.56', '7', 'x']
    """
    if isinstance(value, str):
        return value
    if value is None or type(value).__name__ in _MISSING_TYPES:
        return empty
    try:
        if value != value:  # NaN, of any float type
            return empty
    except (TypeError, ValueError):
        pass
    if isinstance(value, numbers.Real) and not isinstance(value, numbers.Integral):
        number = float(value)
        if number.is_integer():
            return str(int(number))
    return str(value)


class Position:
    """Where the row last read starts in its file (``None`` for rows not from a file)."""

    def __init__(self) -> None:
        self.line: int | None = None

    def get(self) -> int | None:
        """The line, or ``None``."""
        return self.line


def open_table(
    source: Source,
    *,
    delimiter: str | None = None,
    columns: Sequence[str] | None = None,
    header: bool | None = None,
    stack: ExitStack,
    encoding: str = "utf-8",
    errors: str = "strict",
    missing: str = "",
    quoting: bool = True,
    note: Note | None = None,
    position: Position | None = None,
) -> Iterator[dict[str, Any]]:
    """Rows of ``source`` as dicts of text cells, streamed.

    ``source`` is a path (``.gz``/``.zip`` decompressed on the fly; ``delimiter``
    guessed from a tab in the first line when not given; decoded with
    ``encoding``/``errors`` as :func:`open` does; ``quoting=False`` for files
    whose ``"`` is an ordinary character) or an iterable of mappings or of
    sequences. Cells that are not text go through :func:`cell_text` (a missing
    value reads as ``missing``). ``columns`` names the columns of a table
    without a header; ``header=None`` means "a header is there if its first cell
    is ``columns[0]``". A name the header repeats is kept as ``name.1``,
    ``name.2``... and reported to ``note`` (else with :func:`warnings.warn`).
    Files opened are registered on ``stack``.
    """
    position = position if position is not None else Position()
    if isinstance(source, str | os.PathLike):
        path = os.fspath(source)
        lines = _Lines(stack.enter_context(open_text(path, encoding, errors)), path, encoding)
        cells = _sniffed(lines, delimiter, quoting)
        return _records(cells, columns, header, lines, note, position)
    if not isinstance(source, Iterable):
        raise TypeError(
            f"source must be a path or an iterable of rows, not {type(source).__name__}"
        )
    iterator = iter(source)
    first = next(iterator, None)
    if first is None:
        return iter(())
    if isinstance(first, Mapping):
        return _mappings(first, iterator, missing)
    first_cells = _checked_cells(first, 1, missing)
    rows = _cell_rows(first_cells, iterator, missing)
    return _records(rows, columns, header, None, note, position)


def _mappings(
    first: Mapping[str, Any], rest: Iterator[Any], missing: str
) -> Iterator[dict[str, Any]]:
    yield _texts(first, 1, missing)
    for number, row in enumerate(rest, start=2):
        if not isinstance(row, Mapping):
            raise TypeError(f"row {number}: rows must all be mappings, got {type(row).__name__}")
        yield _texts(row, number, missing)


def _texts(row: Mapping[str, Any], number: int, missing: str) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for key, value in row.items():
        if type(value) is str:
            out[key] = value
        elif isinstance(value, bytes | bytearray):
            raise TypeError(
                f"row {number}: column {key!r} is bytes ({bytes(value[:40])!r}); "
                "decode the rows first (e.g. value.decode('utf-8'))"
            )
        else:
            out[key] = cell_text(value, missing)
    return out


def _checked_cells(row: object, number: int, missing: str) -> Sequence[str]:
    if isinstance(row, str | bytes) or not isinstance(row, Sequence):
        raise TypeError(
            f"row {number}: a row is a mapping or a sequence of cells, not {type(row).__name__}"
        )
    if all(type(cell) is str for cell in row):
        return row
    cells: list[str] = []
    for index, cell in enumerate(row, start=1):
        if isinstance(cell, bytes | bytearray):
            raise TypeError(
                f"row {number}: cell {index} is bytes ({bytes(cell[:40])!r}); "
                "decode the rows first (e.g. cell.decode('utf-8'))"
            )
        cells.append(cell_text(cell, missing))
    return cells


def _cell_rows(first: Sequence[str], rest: Iterator[Any], missing: str) -> Iterator[Sequence[str]]:
    yield first
    for number, row in enumerate(rest, start=2):
        yield _checked_cells(row, number, missing)


def _records(
    rows: Iterator[Sequence[str]],
    columns: Sequence[str] | None,
    header: bool | None,
    lines: _Lines | None,
    note: Note | None,
    position: Position,
) -> Iterator[dict[str, Any]]:
    def line_count() -> int:
        return 0 if lines is None else lines.count

    done = 0  # lines read before the row that comes next
    first: Sequence[str] | None = None
    for cells in rows:
        if cells:
            first = cells
            break
        done = line_count()
    if first is None:
        return
    first_line = done + 1
    has_header = header
    if has_header is None:
        has_header = columns is None or first[0].lstrip("\ufeff") == columns[0]
    if has_header:
        names = [name.lstrip("\ufeff") if i == 0 else name for i, name in enumerate(first)]
        names = _unique(names, note, None if lines is None else first_line)
        done = line_count()
    else:
        if columns is None:
            raise ValueError("a table without a header needs its column names")
        names = list(columns)
        rows = _chain(first, rows)
    width = len(names)
    for cells in rows:
        start = done + 1
        done = line_count()
        if not cells:
            continue
        if lines is not None:
            position.line = start
        record = dict(zip(names, cells, strict=False))
        if len(cells) > width:
            record[EXTRA_CELLS] = list(cells[width:])  # type: ignore[assignment]
        yield record


def _unique(names: list[str], note: Note | None, line: int | None) -> list[str]:
    """``names`` with a repeated name's later uses renamed ``name.1``, ``name.2``..."""
    counts = collections.Counter(names)
    if all(count == 1 for count in counts.values()):
        return names
    taken = set(names)
    out: list[str] = []
    renamed: dict[str, list[str]] = {}
    seen: set[str] = set()
    for name in names:
        if name not in seen:
            seen.add(name)
            out.append(name)
            continue
        number = 1
        while f"{name}.{number}" in taken:
            number += 1
        new = f"{name}.{number}"
        taken.add(new)
        out.append(new)
        renamed.setdefault(name, []).append(new)
    for name, news in renamed.items():
        message = (
            f"{name!r} appears {counts[name]} times in the header: "
            f"the later columns are read as {', '.join(map(repr, news))}"
        )
        if note is not None:
            note(message, name, line)
        else:
            warnings.warn(message, stacklevel=caller_level())
    return out


def _chain(first: Sequence[str], rest: Iterator[Sequence[str]]) -> Iterator[Sequence[str]]:
    yield first
    yield from rest


def _open_binary(path: str) -> IO[bytes]:
    if path.endswith(".gz"):
        return cast(IO[bytes], gzip.open(path, "rb"))
    if path.lower().endswith(".zip"):
        archive = zipfile.ZipFile(path)
        members = [name for name in archive.namelist() if not name.endswith("/")]
        if len(members) != 1:
            archive.close()
            raise ValueError(f"{path}: expected one file in the archive, found {len(members)}")
        return archive.open(members[0])
    return open(path, "rb")


def open_text(path: str, encoding: str = "utf-8", errors: str = "strict") -> IO[str]:
    """The text of the file at ``path`` (``.gz`` and one-file ``.zip`` read through)."""
    return io.TextIOWrapper(_open_binary(path), encoding=encoding, errors=errors, newline="")


class _Lines:
    """The lines of an open text file, counted; a decoding error names the file and line."""

    def __init__(self, handle: IO[str], path: str, encoding: str) -> None:
        self._handle = handle
        self._path = path
        self._encoding = encoding
        self.count = 0

    def __iter__(self) -> Iterator[str]:
        return self

    def __next__(self) -> str:
        try:
            line = next(self._handle)
        except UnicodeDecodeError as error:
            raise _decode_error(error, self._path, self._encoding, self.count) from None
        self.count += 1
        return line


def _decode_error(
    error: UnicodeDecodeError, path: str, encoding: str, done: int
) -> UnicodeDecodeError:
    """``error`` with the file, the line that does not decode and what to do about it."""
    line = done + 1
    decoder = codecs.getincrementaldecoder(encoding)("strict")
    with _open_binary(path) as raw:
        for number, data in enumerate(raw, start=1):
            try:
                decoder.decode(data)
            except UnicodeDecodeError:
                line = number
                break
    reason = (
        f"{error.reason} in {path}, line {line}: the file is not {encoding} text; "
        "pass its encoding (e.g. encoding='cp1252') or errors='replace'"
    )
    return UnicodeDecodeError(error.encoding, error.object, error.start, error.end, reason)


def _sniffed(lines: _Lines, delimiter: str | None, quoting: bool) -> Iterator[list[str]]:
    first = next(lines, "")  # read on the first row asked for, like the rest
    if delimiter is None:
        delimiter = "\t" if "\t" in first else ","
    chained = _chain_lines(first, lines)
    yield from (
        _unquoted(chained, delimiter) if not quoting else csv.reader(chained, delimiter=delimiter)
    )


def _unquoted(lines: Iterator[str], delimiter: str) -> Iterator[list[str]]:
    for line in lines:
        text = line.rstrip("\r\n")
        yield text.split(delimiter) if text else []


def _chain_lines(first: str, rest: Iterator[str]) -> Iterator[str]:
    if first:
        yield first
    yield from rest


def tab_separated(
    path: str | os.PathLike[str], *, encoding: str = "utf-8", errors: str = "strict"
) -> bool:
    """Whether the first line of the file at ``path`` has a tab (``.gz``/``.zip`` read through)."""
    path = os.fspath(path)
    with open_text(path, encoding, errors) as handle:
        return "\t" in next(_Lines(handle, path, encoding), "")


def split_tabs(
    path: str | os.PathLike[str], *, encoding: str = "utf-8", errors: str = "strict"
) -> Iterator[list[str]]:
    """The cells of a tab-separated file that has no quoting (GDELT's raw exports), line by line.

    The csv module would read a cell that starts with ``"`` as quoted and run it on
    over the following tabs and lines; here a quote is an ordinary character.
    """
    path = os.fspath(path)
    with open_text(path, encoding, errors) as handle:
        for cells in _unquoted(_Lines(handle, path, encoding), "\t"):
            if cells:
                yield cells


def caller_level() -> int:
    """The ``stacklevel`` of the first frame outside this package (the user's call)."""
    frame = sys._getframe(1)
    level = 1
    while frame is not None and frame.f_globals.get("__name__", "").startswith("secevents."):
        frame = frame.f_back  # type: ignore[assignment]
        level += 1
    return level


# GDELT and UCDP carry long free-text cells; the csv default of 128 KB is too small.
csv.field_size_limit(min(sys.maxsize, 2**31 - 1))
