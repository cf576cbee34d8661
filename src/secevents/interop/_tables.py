"""Reading tables: files (compressed, in any encoding) and rows given in Python, as dicts of text.

What :func:`~secevents.interop._rows.read_table` reads through: cells become text
(:func:`cell_text`, so pandas rows read as the file does), a file's lines are
counted so warnings can name them, and a line that does not decode names the file,
the line and the ``encoding=`` to pass.
"""

from __future__ import annotations

import collections
import numbers
import os
import re
import warnings
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from contextlib import ExitStack
from typing import Any, Final

from .._callers import caller_level
from ..errors import LimitError
from ..limits import DEFAULT_LIMITS, Limits
from ._files import Lines, csv_module, open_text

__all__ = [
    "EXTRA_CELLS",
    "UNREADABLE",
    "Note",
    "Position",
    "cell_text",
    "open_table",
    "open_text",
    "split_tabs",
    "tab_separated",
]

#: A path to a file (``.gz`` and single-member ``.zip`` are read transparently), a glob, a
#: directory or a list of paths (their files read in turn), or rows.
Source = (
    str
    | os.PathLike[str]
    | Sequence[str | os.PathLike[str]]
    | Iterable[Mapping[str, Any]]
    | Iterable[Sequence[str]]
)
#: Told of a problem with the header: ``(message, column, line)``.
Note = Callable[[str, str, "int | None"], None]
#: The key under which a row keeps the cells found beyond its table's last column.
EXTRA_CELLS: Final = "__extra_cells__"
#: The only key of a record the csv parser could not read: why.
UNREADABLE: Final = "__unreadable__"
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
    """Where the row last read starts in its file (``None`` for rows not from a file), and
    which file it is when a reader reads many (``None`` for one)."""

    def __init__(self) -> None:
        self.line: int | None = None
        self.file: str | None = None

    def get(self) -> int | None:
        """The line, or ``None``."""
        return self.line

    def get_file(self) -> str | None:
        """The file, or ``None``."""
        return self.file

    def enter(self, path: str) -> None:
        """Reading goes on in the file at ``path``."""
        self.file = path
        self.line = None


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
    quoting: bool | Callable[[str], bool] = True,
    note: Note | None = None,
    position: Position | None = None,
    limits: Limits = DEFAULT_LIMITS,
    restore_formulas: bool = True,
) -> Iterator[dict[str, Any]]:
    """Rows of ``source`` as dicts of text cells, streamed.

    ``source`` is a path (``.gz``/``.zip`` decompressed on the fly; ``delimiter``
    guessed from a tab in the first line when not given; decoded with
    ``encoding``/``errors`` as :func:`open` does; ``quoting=False`` for files
    whose ``"`` is an ordinary character, or a function of the path that says) or
    an iterable of mappings or of sequences. Cells that are not text go through
    :func:`cell_text` (a missing value reads as ``missing``). ``columns`` names the
    columns of a table without a header; ``header=None`` means "a header is there if its first cell
    is ``columns[0]``". A name the header repeats is kept as ``name.1``,
    ``name.2``... and reported to ``note`` (else with :func:`warnings.warn`).
    Files opened are registered on ``stack``; ``limits`` bound what one line, cell
    and record of a file may hold. Cells of a file that a secevents writer kept
    from being read as formulas (``'=SUM(A1)``) are given back as written
    (``=SUM(A1)``) unless ``restore_formulas=False``. A row the csv parser cannot
    read gives a record holding only :data:`UNREADABLE` (why), and reading goes on.
    """
    position = position if position is not None else Position()
    if isinstance(source, str | os.PathLike):
        path = os.fspath(source)
        handle = stack.enter_context(open_text(path, encoding, errors, limits))
        lines = Lines(handle, path, encoding, limits)
        quoted = quoting(path) if callable(quoting) else quoting
        cells = _sniffed(lines, delimiter, quoted, limits.max_cell)
        if restore_formulas:
            cells = _restored(cells)
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
    lines: Lines | None,
    note: Note | None,
    position: Position,
) -> Iterator[dict[str, Any]]:
    def line_count() -> int:
        return 0 if lines is None else lines.count

    done = 0  # lines read before the row that comes next
    first: Sequence[str] | None = None
    for cells in rows:
        if lines is not None:
            lines.mark()
            lines.blank(not cells)
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
    if lines is None:
        rows = (cells for cells in rows if cells)
    for cells in rows:
        if lines is not None:
            start = done + 1
            done = lines.count
            lines.mark()
            lines.blank(not cells)
            if not cells:
                continue
            position.line = start
        if isinstance(cells, _Unreadable):
            yield {UNREADABLE: cells.reason}
            continue
        record = dict(zip(names, cells, strict=False))
        if len(cells) > width:
            record[EXTRA_CELLS] = list(cells[width:])  # type: ignore[assignment]
        yield record


def _unique(names: list[str], note: Note | None, line: int | None) -> list[str]:
    """``names`` with a repeated name's later uses renamed ``name.1``, ``name.2``..."""
    if len(set(names)) == len(names):
        return names
    counts = collections.Counter(names)
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


class _Unreadable(list[str]):
    """A row the csv parser refused, and why."""

    def __init__(self, reason: str) -> None:
        super().__init__()
        self.reason = reason

    def __bool__(self) -> bool:
        return True


def _sniffed(
    lines: Lines, delimiter: str | None, quoting: bool, max_cell: int
) -> Iterator[list[str]]:
    if delimiter is None:  # read on the first row asked for, like the rest
        # the first line with text: a file may open with blank lines
        delimiter = "\t" if "\t" in (lines.peek_text() or lines.peek()) else ","
    if not quoting:
        yield from _unquoted(lines, delimiter)
        return
    module = csv_module(max_cell)
    while True:
        try:
            yield from module.reader(lines, delimiter=delimiter)
            return
        except module.Error as error:
            line = lines.count
            if "field larger than field limit" in str(error):
                raise LimitError(
                    lines.path, lines.record_line, "max_cell", max_cell, "a cell is longer"
                ) from None
            # Go on with the next line: the rest of this record may read as rows of its own.
            yield _Unreadable(f"line {line} cannot be read as CSV ({error})")


_FORMULA: Final = re.compile(r"'+[=+\-@\t\r]")
_ANY_FORMULA: Final = re.compile(r"(?:^|\x00)'+[=+\-@\t\r]")


def _restored(rows: Iterator[list[str]]) -> Iterator[list[str]]:
    """Rows with the quote a writer put before a formula-like cell taken off again."""
    match, search = _FORMULA.match, _ANY_FORMULA.search
    for cells in rows:
        if not cells:
            yield cells
            continue
        joined = "\x00".join(cells)
        if "'" in joined and search(joined):
            cells = [cell[1:] if match(cell) else cell for cell in cells]
        yield cells


def _unquoted(lines: Iterator[str], delimiter: str) -> Iterator[list[str]]:
    for line in lines:
        text = line.rstrip("\r\n")
        yield text.split(delimiter) if text else []


def tab_separated(
    path: str | os.PathLike[str],
    *,
    encoding: str = "utf-8",
    errors: str = "strict",
    limits: Limits = DEFAULT_LIMITS,
) -> bool:
    """Whether the first line of the file at ``path`` has a tab (``.gz``/``.zip`` read through)."""
    path = os.fspath(path)
    with open_text(path, encoding, errors, limits) as handle:
        return "\t" in next(Lines(handle, path, encoding, limits), "")


def split_tabs(
    path: str | os.PathLike[str],
    *,
    encoding: str = "utf-8",
    errors: str = "strict",
    limits: Limits = DEFAULT_LIMITS,
) -> Iterator[list[str]]:
    """The cells of a tab-separated file that has no quoting (GDELT's raw exports), line by line.

    The csv module would read a cell that starts with ``"`` as quoted and run it on
    over the following tabs and lines; here a quote is an ordinary character.
    """
    path = os.fspath(path)
    with open_text(path, encoding, errors, limits) as handle:
        lines = Lines(handle, path, encoding, limits)
        for cells in _unquoted(lines, "\t"):
            lines.mark()
            lines.blank(not cells)
            if cells:
                yield cells
