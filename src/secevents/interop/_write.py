"""Writing tables: dict rows as CSV or TSV, with every column any row has.

Cells a spreadsheet would run as a formula (``=HYPERLINK(...)``, ``+cmd``, ``@SUM``,
``-2+3``, a leading tab or carriage return: the OWASP list) are written with a
leading ``'``, which spreadsheets show as text; the readers of this library take
it off again, so a write and a read give back the cell.
"""

from __future__ import annotations

import csv
import gzip
import os
import re
from collections.abc import Iterable, Iterator, Mapping, Sequence
from typing import IO, Any, Final, Protocol

from ..errors import shown
from ._tables import EXTRA_CELLS, cell_text

__all__ = ["write_table"]


def write_table(
    rows: Iterable[Mapping[str, Any]],
    target: str | os.PathLike[str] | IO[str],
    columns: Sequence[str],
    *,
    header: bool,
    delimiter: str,
    quoting: bool = True,
    fixed_columns: bool = False,
    escape_formulas: bool = True,
) -> int:
    """Write dict rows as CSV/TSV; return the number of rows written. A path ending
    in ``.gz`` is compressed.

    With ``header=True`` the columns are ``columns``, then every other column any
    row has, in the order first met (the rows are held in memory to find them);
    a row lacking a column gets an empty cell. With ``header=False`` the rows are
    streamed and a column not in ``columns`` raises ``ValueError`` naming it and
    the row: a file without a header cannot say what the cell is. Cells a
    headerless read found beyond the last column (``__extra_cells__``) are
    written after the others, as they were.

    ``quoting=False`` writes cells as they are (GDELT's tab-separated files): a cell
    holding the delimiter or a line break is refused with a ``ValueError``.
    ``fixed_columns=True``: the rows have no column but ``columns`` (streamed).
    ``escape_formulas=False`` writes formula-like cells as they are (see above):
    only for files no spreadsheet will open.

    >>> import io
    >>> out = io.StringIO()
    >>> write_table([{"a": "=1+2", "b": "-5", "c": "'@x"}], out, ("a", "b", "c"),
    ...             header=True, delimiter=",")
    1
    >>> print(out.getvalue(), end="")
    a,b,c
    '=1+2,-5,''@x
    """
    if header and fixed_columns:
        rows = _fixed(rows, frozenset(columns))
    settings = (columns, header and not fixed_columns, header, delimiter, quoting, escape_formulas)
    if isinstance(target, str | os.PathLike):
        path = os.fspath(target)
        if path.endswith(".gz"):
            with gzip.open(path, "wt", encoding="utf-8", newline="") as zipped:
                return _write_rows(rows, zipped, *settings)
        with open(path, "w", encoding="utf-8", newline="") as handle:
            return _write_rows(rows, handle, *settings)
    return _write_rows(rows, target, *settings)


_FORMULA: Final = re.compile(r"'*[=+\-@\t\r]")
_NUMBER: Final = re.compile(r"[+-]?([0-9]+\.?[0-9]*|\.[0-9]+)([eE][+-]?[0-9]+)?")


def escaped(cell: str) -> str:
    r"""``cell`` as written: ``'`` first if a spreadsheet would take it for a formula.

    Numbers (``-5``, ``+1.5e3``) are no formulas. Cells already starting with
    quotes before such a character get one more, so reading takes exactly one off.

    >>> [escaped(c) for c in ("=SUM(A1)", "-2", "-2+3", "'=x", "'x", "\tx", "x=1")]
    ["'=SUM(A1)", '-2', "'-2+3", "''=x", "'x", "'\tx", 'x=1']
    """
    if _FORMULA.match(cell) and not _NUMBER.fullmatch(cell):
        return "'" + cell
    return cell


def _fixed(rows: Iterable[Mapping[str, Any]], known: frozenset[str]) -> Iterator[Mapping[str, Any]]:
    for number, row in enumerate(rows, start=1):
        for key in row:
            if key not in known and key != EXTRA_CELLS:
                raise ValueError(f"row {number} has the column {shown(key)}, not in the header")
        yield row


class _PlainWriter:
    """Writes rows joined by the delimiter, refusing cells that would break the layout."""

    def __init__(self, handle: IO[str], delimiter: str, header: bool) -> None:
        self._handle = handle
        self._delimiter = delimiter
        self._rows = -1 if header else 0  # the header is no row

    def writerow(self, cells: Sequence[str]) -> None:
        self._rows += 1
        for cell in cells:
            if self._delimiter in cell or "\n" in cell or "\r" in cell:
                where = f"row {self._rows}" if self._rows else "header"
                raise ValueError(
                    f"{where}: {shown(cell)} holds a {shown(self._delimiter)} or a line break, "
                    "which an unquoted file cannot carry; write with a ',' delimiter"
                )
        self._handle.write(self._delimiter.join(cells) + "\n")


def _write_rows(
    rows: Iterable[Mapping[str, Any]],
    handle: IO[str],
    columns: Sequence[str],
    gather: bool,
    header: bool,
    delimiter: str,
    quoting: bool,
    escape_formulas: bool,
) -> int:
    if not quoting:
        plain = _PlainWriter(handle, delimiter, header)
        return _write_with(rows, plain, plain, columns, gather, header, escape_formulas)
    writer = csv.writer(handle, delimiter=delimiter, lineterminator="\n")
    # With "\n" line ends the csv module leaves a lone "\r" unquoted, and a reader
    # would break the row there: such rows are written with every cell quoted.
    quoted = csv.writer(handle, delimiter=delimiter, lineterminator="\n", quoting=csv.QUOTE_ALL)
    return _write_with(rows, writer, quoted, columns, gather, header, escape_formulas)


class _RowWriter(Protocol):
    def writerow(self, row: Sequence[str], /) -> Any: ...


def _write_with(
    rows: Iterable[Mapping[str, Any]],
    writer: _RowWriter,
    quoted: _RowWriter,
    columns: Sequence[str],
    gather: bool,
    header: bool,
    escape_formulas: bool,
) -> int:
    names = list(columns)
    if gather:  # every column any row has: the rows are held to find them
        rows = list(rows)
        known = set(names)
        for row in rows:
            for key in row:
                if key not in known and key != EXTRA_CELLS:
                    known.add(key)
                    names.append(key)
    if header:
        writer.writerow([escaped(name) for name in names] if escape_formulas else names)
    else:
        rows = _headerless(rows, frozenset(names))
    count = 0
    for row in rows:
        cells = [_text(row.get(name)) for name in names]
        surplus = row.get(EXTRA_CELLS)
        if isinstance(surplus, list):
            cells.extend(_text(cell) for cell in surplus)
        if escape_formulas:
            cells = [escaped(cell) for cell in cells]
        (quoted if any("\r" in cell for cell in cells) else writer).writerow(cells)
        count += 1
    return count


def _text(value: Any) -> str:
    return value if type(value) is str else cell_text(value)


def _headerless(
    rows: Iterable[Mapping[str, Any]], known: frozenset[str]
) -> Iterator[Mapping[str, Any]]:
    for number, row in enumerate(rows, start=1):
        for key in row:
            if key not in known and key != EXTRA_CELLS:
                raise ValueError(
                    f"row {number} has the column {shown(key)}, which a file without a header "
                    "cannot name; write with header=True"
                )
        yield row
