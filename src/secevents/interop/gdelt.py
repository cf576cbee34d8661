"""GDELT 2.0 events: read the 61-column export (tab-separated, no header) or a CSV, and write it.

CAMEO codes are re-padded and checked against the pinned 1.1b3 table, FIPS place
countries become ISO alpha-3, CAMEO actor codes become :class:`~secevents.Actor`
values; every other column is kept on the event, so a row read and written back is
the row (with its codes padded).
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from typing import IO, Any, Final, Unpack

from ..errors import FieldError
from ..limits import DEFAULT_LIMITS
from ..model.events import Event
from ._arrow_csv import first_line, parse_csv
from ._columnar import ArrowRead, ColumnarFormat, Part, read_columnar
from ._dataset import ReadOptions, TableFormat, takes_read_options
from ._gdelt_cells import (
    CODED_COLUMNS,
    GDELT_COLUMNS,
    PLACE_COLUMNS,
    code_cells,
    field_cells,
    read_coded,
    read_day,
    read_place,
    read_source,
)
from ._gdelt_cells import (
    KEEPING as _KEEPING,
)
from ._keep import _after, keep_columns, kept_columns
from ._memo import Memo
from ._row_text import RowTexts
from ._rows import (
    EventReader,
    Source,
    Warn,
    dataset_event_id,
    row_cells,
    tab_separated,
)
from ._tables import EXTRA_CELLS

__all__ = ["GDELT_COLUMNS", "gdelt_rows", "read_gdelt", "read_gdelt_table", "write_gdelt"]

# --- reading -----------------------------------------------------------------------


def _convert(row: Mapping[str, Any], warn: Warn) -> Event | None:
    """One row read on its own (the reader's converter, :class:`_Rows`, remembers parts)."""
    return _Rows()(dict(row), warn)


class _Rows:
    """The converter of one read: a row's codes, actors, days, place and source are worked
    out once per distinct cells (:class:`~._memo.Memo`); events share them."""

    def __init__(self) -> None:
        self._coded = Memo(read_coded)
        self._days = Memo(read_day)
        self._places = Memo(read_place)
        self._sources = Memo(read_source)
        self._texts = RowTexts()

    def clear(self) -> None:
        for memo in (self._coded, self._days, self._places, self._sources, self._texts):
            memo.clear()

    def __call__(self, row: dict[str, Any], warn: Warn) -> Event | None:
        cells = row if _plain(row) else row_cells(row, GDELT_COLUMNS, warn)
        get = cells.get
        codes, (cls, code_fields, actor, target) = self._coded.get(
            tuple([get(column, "") for column in CODED_COLUMNS]), warn
        )
        fields = dict(code_fields)
        fields["date"] = date = self._days.get(("SQLDATE", get("SQLDATE", "")), warn)
        fields["reported"] = reported = self._days.get(("DATEADDED", get("DATEADDED", "")), warn)
        fields["location"] = location = self._places.get(
            tuple([get(column, "") for column in PLACE_COLUMNS]), warn
        )
        fields["sources"] = sources = self._sources.get(get("SOURCEURL", ""), warn)
        record = get("GLOBALEVENTID", "")
        if record:
            fields["id"] = dataset_event_id(cls.type_tag, "gdelt", record)
        else:
            warn(
                "bad_value",
                "no GLOBALEVENTID: the id is derived from the fields",
                column="GLOBALEVENTID",
            )
        cells.update(codes)  # kept padded
        try:
            if EXTRA_CELLS in cells or not record:
                # Rendered now, as the event's own cells (see _KEEPING.build).
                rendered = field_cells(date, actor, target, location, reported, sources)
                kept = _KEEPING.kept(cells, rendered)
                fields["extra"] = keep_columns(cls, fields, "gdelt", kept)
                return cls(**fields)
            return _KEEPING.build(cls, fields, cells, after=_after(cls, fields), texts=self._texts)
        except (FieldError, ValueError, TypeError) as error:  # a value no check above caught
            warn("skipped_row", f"cannot build the event: {error}")
            return None


def _plain(row: dict[str, Any]) -> bool:
    """Whether ``row`` is a file's row of text cells with every GDELT column, and no more."""
    return (
        row.keys() >= _COLUMN_SET
        and EXTRA_CELLS not in row
        and set(map(type, row.values())) <= _TEXT
    )


_COLUMN_SET: Final = frozenset(GDELT_COLUMNS)
_TEXT: Final = frozenset({str})


_TABLE: Final = TableFormat(
    _convert,
    _KEEPING,
    GDELT_COLUMNS,
    "\t",
    header=False,
    headerless=True,
    per_read=_Rows,
)


# --- straight to Arrow ---------------------------------------------------------------


def _coded_part(key: tuple[str, ...], warn: Warn) -> tuple[dict[str, Any], dict[str, str]]:
    codes, (cls, fields, _, _) = read_coded(key, warn)
    return {"__class__": cls, **fields}, codes


def _field_part(
    field: str, read: Callable[[Any, Warn], Any], whole: bool = False
) -> Callable[[tuple[str, ...], Warn], tuple[dict[str, Any], dict[str, str]]]:
    def part(key: tuple[str, ...], warn: Warn) -> tuple[dict[str, Any], dict[str, str]]:
        return {field: read(key if whole else key[0], warn)}, {}

    return part


def _parse(path: str) -> Any:
    line = first_line(path)
    tab = "\t" in line
    delimiter = "\t" if tab else ","
    first = line.split(delimiter, 1)[0].lstrip("\ufeff").strip('"')
    names = None if first == GDELT_COLUMNS[0] else GDELT_COLUMNS
    return parse_csv(path, names, delimiter, quoted=not tab)


_FIELD_COLUMNS: Final = frozenset(
    {"SQLDATE", "MonthYear", "Year", "FractionDate", "DATEADDED", "SOURCEURL", *PLACE_COLUMNS}
)
_COLUMNAR: Final = ColumnarFormat(
    "gdelt",
    Part(CODED_COLUMNS, _coded_part),
    (
        Part(
            ("SQLDATE",), _field_part("date", lambda t, w: read_day(("SQLDATE", t), w)), ("date",)
        ),
        Part(
            ("DATEADDED",),
            _field_part("reported", lambda t, w: read_day(("DATEADDED", t), w)),
            ("reported",),
        ),
        Part(PLACE_COLUMNS, _field_part("location", read_place, whole=True), ("location",)),
        Part(("SOURCEURL",), _field_part("sources", read_source), ("sources",)),
    ),
    ("GLOBALEVENTID",),
    lambda compute, columns: columns[0],
    tuple(column for column in GDELT_COLUMNS if column not in _FIELD_COLUMNS),
    GDELT_COLUMNS,
    _parse,
    lambda path, **options: read_gdelt(path, **options),
    lacking=False,
)


def read_gdelt_table(
    source: str | os.PathLike[str] | Sequence[str | os.PathLike[str]],
    *,
    max_warnings: int | None = 100_000,
) -> ArrowRead:
    """The rows of GDELT 2.0 export files as Arrow columns, without events (needs ``arrow``).

    ``source`` names files as for :func:`read_gdelt`. ``.table`` has
    :func:`~secevents.interop.to_arrow`'s columns, with the values the events of
    :func:`read_gdelt` would have, plus the columns no field stands for, as read
    (codes padded), named ``gdelt_<column>`` (``gdelt_GLOBALEVENTID``,
    ``gdelt_NumMentions``...); ``.warnings`` and ``.stats`` are :func:`read_gdelt`'s
    (warnings without line numbers). See :mod:`secevents.interop._columnar`.

    >>> import tempfile, pathlib
    >>> row = ["1281735147", "20250101", "202501", "2025", "2025.0027"] + [""] * 10
    >>> row += ["RUSMIL", "RUSSIA", "RUS"] + [""] * 4 + ["MIL", "", ""]
    >>> row += ["1", "62", "62", "6", "2", "7.4", "2", "1", "2", "1.5"] + [""] * 16
    >>> row += ["4", "Dushanbe, Tajikistan", "TI", "TI00", "", "38.56", "68.77", "-2211367"]
    >>> row += ["20250101120000", "https://example.org/a"]
    >>> path = pathlib.Path(tempfile.mkdtemp()) / "day.export.CSV"
    >>> _ = path.write_text("\\t".join(row) + "\\n", encoding="utf-8")
    >>> read = read_gdelt_table(path)
    >>> read.table.column("type").to_pylist(), read.table.column("country").to_pylist()
    (['joint_exercise'], ['TJK'])
    >>> read.table.column("gdelt_EventCode").to_pylist(), [w.code for w in read.warnings]
    (['062'], ['repaired_code'])
    """
    return read_columnar(_COLUMNAR, source, max_warnings=max_warnings)


@takes_read_options
def read_gdelt(source: Source, **options: Unpack[ReadOptions]) -> EventReader[dict[str, Any]]:
    """Events of a GDELT 2.0 event export, read lazily.

    ``source`` is a path (``.CSV``, ``.csv.gz``, ``.zip``; tab-separated without a
    header as GDELT publishes it, or with a header line and any delimiter), many paths
    (a list, a glob such as ``"2026*.export.CSV.zip"``, a directory: read in turn, one
    open at a time, warnings naming the file) or an iterable of rows (lists of 61 cells
    or dicts by column name). Columns after the 61st (a wrapper's ``FULLTEXT``) are
    kept. ``progress``: a callable given the row count, or ``True`` for a tqdm bar; the
    other ``options``: see :class:`~secevents.interop.ReadOptions`. A line that does
    not decode raises ``UnicodeDecodeError`` naming the file and line. Rows from pandas
    (``df.to_dict("records")``) read as the file does: ``NaN`` is an empty cell,
    ``729.0`` is ``729``.

    >>> row = ["1281735147", "20250101", "202501", "2025", "2025.0027"] + [""] * 10
    >>> row += ["RUSMIL", "RUSSIA", "RUS"] + [""] * 4 + ["MIL", "", ""]
    >>> row += ["1", "62", "62", "6", "2", "7.4", "2", "1", "2", "1.5"] + [""] * 16
    >>> row += ["4", "Dushanbe, Tajikistan", "TI", "TI00", "", "38.56", "68.77", "-2211367"]
    >>> row += ["20250101120000", "https://example.org/a"]
    >>> reader = read_gdelt([row])
    >>> event = next(reader)
    >>> type(event).__name__, event.participants[0].code, event.location.country
    ('JointExercise', 'RUS', 'TJK')
    >>> [w.code for w in reader.warnings]
    ['repaired_code']
    """
    encoding = options.get("encoding", "utf-8")
    errors = options.get("errors", "strict")
    limits = options.get("limits", DEFAULT_LIMITS)

    def quoting(path: str) -> bool:
        # GDELT's tab-separated files have no quoting: a '"' is an ordinary character.
        return not tab_separated(path, encoding=encoding, errors=errors, limits=limits)

    return _TABLE.read(source, quoting=quoting, **options)


# --- writing -----------------------------------------------------------------------


def gdelt_rows(events: Iterable[Event]) -> Iterator[dict[str, str]]:
    """One GDELT row (column name to cell) per event, codes padded.

    Events read from GDELT give back their row; others are mapped from their
    fields, with the code :func:`~secevents.interop.cameo.suggest_cameo` gives.

    >>> import secevents as se
    >>> ev = se.JointExercise(participants=(se.Actor.military("RUS"), se.Actor.state("TJK")))
    >>> row = next(gdelt_rows([ev]))
    >>> row["EventCode"], row["Actor1Code"], row["Actor2Code"], row["QuadClass"]
    ('062', 'RUSMIL', 'TJK', '2')
    """
    for event in events:
        row = _KEEPING.write(event)
        row.update(code_cells(event, kept_columns(event, "gdelt")))
        yield row


def write_gdelt(
    events: Iterable[Event],
    target: str | os.PathLike[str] | IO[str],
    *,
    header: bool = False,
    delimiter: str = "\t",
    escape_formulas: bool = True,
) -> int:
    """Write events as GDELT 2.0 rows (tab-separated, no header by default); return the count.

    Cells a spreadsheet would run as formulas (``=...``, ``@...``, ``+cmd``) get a
    leading ``'`` unless ``escape_formulas=False``; :func:`read_gdelt` takes it off.

    With a header, columns other than the 61 that events were read with (a
    wrapper's ``FULLTEXT``) follow them. Without one, a file can hold GDELT's 61
    columns only: an event holding another column raises ``ValueError`` naming
    the column and the row (write it with ``header=True``).
    Tab-separated output is not quoted, as GDELT's is not: a cell holding a tab or
    a line break raises ``ValueError`` (write those with ``delimiter=","``).

    >>> import io, secevents as se
    >>> out = io.StringIO()
    >>> write_gdelt([se.Statement(speaker=se.Actor.government("TJK"))], out)
    1
    >>> out.getvalue().split("\\t")[26:29]
    ['010', '010', '01']
    """
    return _TABLE.write(
        gdelt_rows(events),
        target,
        header=header,
        delimiter=delimiter,
        quoting=delimiter != "\t",
        escape_formulas=escape_formulas,
    )
