"""Files read by Arrow's CSV reader as a table of text cells, for the Arrow paths
(:mod:`._columnar`): what the typed readers would read differently raises
:class:`NeedsTypedReaderError`, and the typed reader reads that file."""

from __future__ import annotations

import functools
import zipfile
from collections.abc import Sequence
from typing import Any, Final

import attrs

from ..limits import DEFAULT_LIMITS
from .frames import _require

__all__ = [
    "NeedsTypedReaderError",
    "Parsed",
    "binary_source",
    "first_line",
    "no_formulas",
    "parse_csv",
    "row_lines",
]


class NeedsTypedReaderError(Exception):
    """This file is read by the typed reader (see the module's docstring)."""


def no_formulas(compute: Any, table: Any) -> None:
    """A cell a writer kept from being read as a formula (``'=SUM``) is given back by the
    typed reader (see ``restore_formulas``): such a file is read by it."""
    for column in table.columns:
        if (
            compute.any(compute.starts_with(column, "'")).as_py()
            and compute.any(compute.match_substring_regex(column, _FORMULA)).as_py()
        ):
            raise NeedsTypedReaderError("a cell kept from being read as a formula")


_FORMULA: Final = "^'+[=+\\-@\t\r]"


def binary_source(path: str) -> Any:
    """The bytes of the file at ``path`` (a ``pyarrow.Buffer``), decompressed: ``.gz``
    and the others Arrow knows by their extension, or a ``.zip``'s one member."""
    pa = _require("pyarrow", "arrow")
    if path.lower().endswith(".zip"):
        with zipfile.ZipFile(path) as archive:
            names = [n for n in archive.namelist() if not n.endswith("/")]
            if len(names) != 1:
                raise NeedsTypedReaderError("a zip of several files")
            return pa.py_buffer(archive.read(names[0]))
    with pa.input_stream(path) as stream:
        return stream.read_buffer()


@attrs.define
class Parsed:
    """A file parsed by :func:`parse_csv`: its ``table`` of text cells, and the line each
    row starts on (:meth:`lines`, worked out when asked: only warnings need it)."""

    table: Any
    data: Any = attrs.field(repr=False)
    header: int = 1

    @functools.cached_property
    def _lines(self) -> Any:
        lines = row_lines(self.data, self.table, self.header)
        self.data = None  # the bytes are no longer needed
        return lines

    def lines(self) -> Any:
        """The physical line (from 1, as the typed readers count them) each row starts on,
        as a numpy array, or ``None`` when the file's lines are not worked out (see
        :func:`row_lines`)."""
        return self._lines


def first_line(path: str) -> str:
    """The first line of the file at ``path`` (decompressed), or ``""``."""
    from ._files import open_text

    try:
        with open_text(path, "utf-8", "strict", DEFAULT_LIMITS) as handle:
            line = handle.readline()
    except (UnicodeDecodeError, ValueError):
        raise NeedsTypedReaderError("the first line does not decode") from None
    if line and not line.strip():  # the typed reader finds the delimiter past blank lines
        raise NeedsTypedReaderError("the file opens with a blank line")
    return line


def parse_csv(path: str, names: Sequence[str] | None, delimiter: str, quoted: bool) -> Parsed:
    """The file's cells as a table of text columns (``names``: a headerless file's);
    rows of the wrong length or text that does not decode raise :class:`NeedsTypedReaderError`."""
    pa = _require("pyarrow", "arrow")
    csv = _require("pyarrow.csv", "arrow")
    bad: list[int] = []

    def invalid(row: Any) -> str:
        bad.append(1)
        return "skip"

    header = None if names is not None else first_line(path).rstrip("\r\n").split(delimiter)
    if header is not None and quoted:
        import csv as text_csv

        header = next(text_csv.reader([first_line(path)], delimiter=delimiter))
    columns = list(names if names is not None else header or [])
    data = binary_source(path)
    try:
        table = csv.read_csv(
            pa.BufferReader(data),
            read_options=csv.ReadOptions(
                column_names=columns,
                skip_rows=0 if names is not None else 1,
                # Cells over several lines: Arrow's threads each parse ahead from where a
                # row may start, and half again the CPU time goes to what is parsed twice.
                use_threads=not quoted,
            ),
            parse_options=csv.ParseOptions(
                delimiter=delimiter,
                quote_char='"' if quoted else False,
                newlines_in_values=quoted,
                invalid_row_handler=invalid,
            ),
            convert_options=csv.ConvertOptions(
                column_types=dict.fromkeys(columns, pa.string()),
                strings_can_be_null=False,
                quoted_strings_can_be_null=False,
            ),
        )
    except pa.ArrowInvalid as error:
        raise NeedsTypedReaderError(str(error)) from None
    if bad or len(set(columns)) != len(columns):
        raise NeedsTypedReaderError("rows of the wrong length")
    return Parsed(table, data, 0 if names is not None else 1)


def row_lines(data: Any, table: Any, header: int) -> Any:
    """The line each row of ``table`` (parsed from the bytes ``data`` after ``header``
    lines) starts on, counted as the typed readers count them (``\\n``, ``\\r\\n`` and
    ``\\r`` end a line; blank lines count; a quoted cell may run over lines), as a
    numpy array (``None`` if the rows and lines do not agree).

    >>> import pyarrow as pa, pyarrow.csv as csv
    >>> data = pa.py_buffer(b'a,b\\n\\n1,"x\\r\\ny"\\r\\n2,z\\r3,w\\n')
    >>> table = csv.read_csv(pa.BufferReader(data),
    ...     parse_options=csv.ParseOptions(newlines_in_values=True))
    >>> row_lines(data, table, 1).tolist()
    [3, 5, 6]
    """
    import numpy

    raw = numpy.frombuffer(data, numpy.uint8)
    count = table.num_rows
    returns = b"\r" in memoryview(data).tobytes()  # (memchr: quicker than numpy)
    if returns:  # a \n ends a line, a \r not before a \n too
        feeds_at, returns_at = raw == 10, raw == 13
        following = numpy.zeros_like(feeds_at)
        following[:-1] = feeds_at[1:]
        at = numpy.flatnonzero(feeds_at | (returns_at & ~following))  # where each line ends
    else:
        at = numpy.flatnonzero(raw == 10)
        physical = len(at) + bool(len(raw) and raw[-1] != 10)
        if physical == header + count:  # no blank line, no cell over two lines
            return numpy.arange(header + 1, header + count + 1, dtype=numpy.int64)
    starts = numpy.concatenate([[0], at + 1])
    stops = numpy.concatenate([at, [len(raw)]])
    if stops[-1] == starts[-1]:  # the file ends with a line end: no line after it
        starts, stops = starts[:-1], stops[:-1]
    length = stops - starts
    blank = (length == 0) | ((length == 1) & (raw[numpy.minimum(starts, len(raw) - 1)] == 13))
    breaks = _breaks(table, returns)
    if breaks is None:  # a row is a line: the rows are the lines not blank
        filled = numpy.flatnonzero(~blank) + 1
        return filled[header : header + count] if len(filled) == header + count else None
    # A row starts on the first line not blank at or after the line the row before ends
    # on, and runs over its cells' line ends (the lines inside a cell may be blank). With
    # no blank line before a row, it starts right after the row before: so, on whole
    # arrays, unless a row would start on a blank line.
    first = numpy.zeros(count, numpy.int64)
    numpy.cumsum(breaks[:-1] + 1, out=first[1:])
    first += header
    if first[-1] >= len(blank):  # (a blank line skipped moves a row further, not back)
        return None
    if not blank[first].any():
        return first + 1
    after = numpy.flatnonzero(~blank)
    upcoming = after[
        numpy.minimum(numpy.searchsorted(after, numpy.arange(len(blank))), len(after) - 1)
    ]
    upcoming, lines, line = upcoming.tolist(), [], header
    for extra in breaks.tolist():
        if line >= len(upcoming):
            return None
        line = upcoming[line]
        lines.append(line + 1)
        line += extra + 1
    return numpy.array(lines, numpy.int64)


def _breaks(table: Any, returns: bool) -> Any:
    """The line ends in each row's cells (a numpy array), or ``None`` when there are none
    (``returns``: the file holds a ``\\r``)."""
    pa = _require("pyarrow", "arrow")
    compute = _require("pyarrow.compute", "arrow")
    total = None
    for column in table.columns:
        if not pa.types.is_string(column.type) or not _holds_line_end(column, returns):
            continue
        if returns:  # line ends: each \n and \r, a \r\n counted once
            counted = compute.subtract(
                compute.add(
                    compute.count_substring(column, "\n"), compute.count_substring(column, "\r")
                ),
                compute.count_substring(column, "\r\n"),
            ).to_numpy(zero_copy_only=False)
        else:
            counted = _feeds(column)
        total = counted if total is None else total + counted
    return total


def _feeds(column: Any) -> Any:
    """The ``\\n`` in each cell of the string ``column`` (a numpy array): found in its
    characters as bytes at once, each given to the cell whose offsets hold it (quicker
    than Arrow's count per cell).

    >>> import pyarrow as pa
    >>> _feeds(pa.chunked_array([["a\\nb\\n", "", "c"], ["\\n\\n"]])).tolist()
    [2, 0, 0, 2]
    """
    import numpy

    counts = []
    for chunk in column.chunks:
        size = len(chunk)
        offsets = numpy.frombuffer(chunk.buffers()[1], numpy.int32)[
            chunk.offset : chunk.offset + size + 1
        ]
        values = chunk.buffers()[2]
        if not size or values is None:
            counts.append(numpy.zeros(size, numpy.int64))
            continue
        raw = numpy.frombuffer(values, numpy.uint8)[offsets[0] : offsets[-1]]
        at = numpy.flatnonzero(raw == 10) + offsets[0]
        cells = numpy.searchsorted(offsets, at, side="right") - 1
        counts.append(numpy.bincount(cells, minlength=size).astype(numpy.int64))
    return numpy.concatenate(counts) if counts else numpy.zeros(0, numpy.int64)


def _holds_line_end(column: Any, returns: bool) -> bool:
    """Whether a cell of the string ``column`` holds a ``\\n`` (or a ``\\r``, when
    ``returns``): its characters searched as bytes, a chunk at a time."""
    import numpy

    for chunk in column.chunks:
        if len(chunk) == 0:
            continue
        offsets = numpy.frombuffer(chunk.buffers()[1], numpy.int32)
        first, last = offsets[chunk.offset], offsets[chunk.offset + len(chunk)]
        values = chunk.buffers()[2]
        if values is None:
            continue
        text = memoryview(values)[first:last].tobytes()
        if b"\n" in text or (returns and b"\r" in text):
            return True
    return False
