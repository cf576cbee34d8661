"""Files read by Arrow's CSV reader as a table of text cells, for the Arrow paths
(:mod:`._columnar`): what the typed readers would read differently raises
:class:`NeedsTypedReaderError`, and the typed reader reads that file."""

from __future__ import annotations

import io
import zipfile
from collections.abc import Sequence
from typing import Any, Final

from ..limits import DEFAULT_LIMITS
from .frames import _require

__all__ = ["NeedsTypedReaderError", "binary_source", "first_line", "no_formulas", "parse_csv"]


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
    """What Arrow's CSV reader reads for ``path``: the path (``.gz`` and others it
    decompresses itself) or, for a ``.zip``, its one member's bytes."""
    if path.lower().endswith(".zip"):
        with zipfile.ZipFile(path) as archive:
            names = [n for n in archive.namelist() if not n.endswith("/")]
            if len(names) != 1:
                raise NeedsTypedReaderError("a zip of several files")
            return io.BytesIO(archive.read(names[0]))
    return path


def first_line(path: str) -> str:
    """The first line of the file at ``path`` (decompressed), or ``""``."""
    from ._files import open_text

    try:
        with open_text(path, "utf-8", "strict", DEFAULT_LIMITS) as handle:
            return handle.readline()
    except (UnicodeDecodeError, ValueError):
        raise NeedsTypedReaderError("the first line does not decode") from None


def parse_csv(path: str, names: Sequence[str] | None, delimiter: str, quoted: bool) -> Any:
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
    try:
        table = csv.read_csv(
            binary_source(path),
            read_options=csv.ReadOptions(
                column_names=columns, skip_rows=0 if names is not None else 1
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
    return table
