"""Writing tables: dict rows as CSV or TSV, with every column any row has."""

from __future__ import annotations

import csv
import gzip
import os
from collections.abc import Iterable, Iterator, Mapping, Sequence
from typing import IO, Any, Protocol

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
    header: bool,
    delimiter: str,
    quoting: bool = True,
) -> int:
    if not quoting:
        plain = _PlainWriter(handle, delimiter, header)
        return _write_with(rows, plain, plain, columns, header)
    writer = csv.writer(handle, delimiter=delimiter, lineterminator="\n")
    # With "\n" line ends the csv module leaves a lone "\r" unquoted, and a reader
    # would break the row there: such rows are written with every cell quoted.
    quoted = csv.writer(handle, delimiter=delimiter, lineterminator="\n", quoting=csv.QUOTE_ALL)
    return _write_with(rows, writer, quoted, columns, header)


class _RowWriter(Protocol):
    def writerow(self, row: Sequence[str], /) -> Any: ...


def _write_with(
    rows: Iterable[Mapping[str, Any]],
    writer: _RowWriter,
    quoted: _RowWriter,
    columns: Sequence[str],
    header: bool,
) -> int:
    names = list(columns)
    if header:
        rows = list(rows)
        known = set(names)
        for row in rows:
            for key in row:
                if key not in known and key != EXTRA_CELLS:
                    known.add(key)
                    names.append(key)
        writer.writerow(names)
    else:
        rows = _headerless(rows, frozenset(names))
    count = 0
    for row in rows:
        cells = [_text(row.get(name)) for name in names]
        surplus = row.get(EXTRA_CELLS)
        if isinstance(surplus, list):
            cells.extend(_text(cell) for cell in surplus)
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
