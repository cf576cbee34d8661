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

from ..errors import FieldError, shown
from ..limits import DEFAULT_LIMITS
from ..model.actors import Actor
from ..model.dates import DateSpan, PartialDate
from ..model.events import Event, JointExercise
from ..model.places import Location
from ..model.provenance import Source as EventSource
from ..model.vocab import LocationPrecision
from ._arrow_csv import first_line, parse_csv
from ._columnar import ArrowRead, ColumnarFormat, Part, read_columnar
from ._dataset import ReadOptions, TableFormat, takes_read_options
from ._fips import fips_to_iso3, iso3_to_fips
from ._keep import Keeping, _after, keep_columns, kept_columns
from ._memo import Memo, Shared
from ._rows import (
    EventReader,
    Source,
    Warn,
    dataset_event_id,
    row_cells,
    tab_separated,
)
from ._tables import EXTRA_CELLS
from ._tabular import coordinate_cells, location_or_none, one_source, source_cell
from .cameo import (
    actor_cameo,
    cameo_actor,
    cameo_event,
    cameo_table,
    dyad,
    matches_code,
    pad_cameo,
)
from .cameo import suggest_cameo as _suggest

__all__ = ["GDELT_COLUMNS", "gdelt_rows", "read_gdelt", "read_gdelt_table", "write_gdelt"]

_ACTOR_PARTS: Final = (
    "Code",
    "Name",
    "CountryCode",
    "KnownGroupCode",
    "EthnicCode",
    "Religion1Code",
    "Religion2Code",
    "Type1Code",
    "Type2Code",
    "Type3Code",
)
_GEO_PARTS: Final = ("Type", "FullName", "CountryCode", "ADM1Code", "ADM2Code", "Lat", "Long")
_GEO_ALL: Final = (*_GEO_PARTS, "FeatureID")
_CODE_COLUMNS: Final = (
    "EventCode",
    "EventBaseCode",
    "EventRootCode",
    "QuadClass",
    "GoldsteinScale",
)

#: The 61 columns of a GDELT 2.0 event export, in file order (GDELT Event Codebook V2.0).
GDELT_COLUMNS: Final[tuple[str, ...]] = (
    "GLOBALEVENTID",
    "SQLDATE",
    "MonthYear",
    "Year",
    "FractionDate",
    *(f"Actor1{part}" for part in _ACTOR_PARTS),
    *(f"Actor2{part}" for part in _ACTOR_PARTS),
    "IsRootEvent",
    *_CODE_COLUMNS,
    "NumMentions",
    "NumSources",
    "NumArticles",
    "AvgTone",
    *(f"{who}_{part}" for who in ("Actor1Geo", "Actor2Geo", "ActionGeo") for part in _GEO_ALL),
    "DATEADDED",
    "SOURCEURL",
)

_BLANK: Final = dict.fromkeys(GDELT_COLUMNS, "")

# GDELT's geographic resolution: 1 country, 2 US state, 3 US city, 4 world city, 5 world state.
_PRECISIONS: Final = {
    "1": LocationPrecision.COUNTRY,
    "2": LocationPrecision.ADMIN1,
    "3": LocationPrecision.SETTLEMENT,
    "4": LocationPrecision.SETTLEMENT,
    "5": LocationPrecision.ADMIN1,
}


# --- date, reported, source -------------------------------------------------------


def _day(text: str) -> DateSpan | None:
    if len(text) < 8 or not text[:8].isdigit():
        return None
    try:
        return DateSpan(PartialDate(int(text[:4]), int(text[4:6]), int(text[6:8])))
    except ValueError:
        return None


def _date_cells(date: DateSpan | None) -> dict[str, str]:
    day = None if date is None else date.earliest
    if day is None:
        return {}
    # GDELT's FractionDate: year + ((month - 1) * 30 + day) / 365, four decimals.
    fraction = round(day.year + ((day.month - 1) * 30 + day.day) / 365, 4)
    month = f"{day.year:04}{day.month:02}"
    return {
        "SQLDATE": f"{month}{day.day:02}",
        "MonthYear": month,
        "Year": str(day.year),
        "FractionDate": repr(fraction),
    }


def _reported_cells(date: DateSpan | None) -> dict[str, str]:
    day = None if date is None else date.earliest
    return {} if day is None else {"DATEADDED": f"{day.year:04}{day.month:02}{day.day:02}000000"}


def _sources(cells: Mapping[str, str], warn: Warn) -> tuple[EventSource, ...]:
    return one_source(cells.get("SOURCEURL", ""), "url", "SOURCEURL", warn)


def _source_cells(sources: tuple[EventSource, ...]) -> dict[str, str]:
    return source_cell(sources, "url", "SOURCEURL")


# --- location ----------------------------------------------------------------------


def _location(cells: Mapping[str, str], warn: Warn) -> Location | None:
    geo_type = cells.get("ActionGeo_Type", "")
    if geo_type in ("", "0"):
        # Type 0 is not in the codebook (1-5): GDELT found no place for the event.
        if geo_type == "0":
            warn("no_location", "ActionGeo_Type 0: no place", column="ActionGeo_Type")
        return None
    precision = _PRECISIONS.get(geo_type)
    if precision is None:
        warn("bad_value", f"unknown ActionGeo_Type {shown(geo_type)}")
    fips = cells.get("ActionGeo_CountryCode", "")
    country = fips_to_iso3(fips) if fips else None
    if fips and country is None:
        warn(
            "unknown_country",
            f"FIPS code {shown(fips)} has no ISO country",
            column="ActionGeo_CountryCode",
        )
    lat_text, lon_text = cells.get("ActionGeo_Lat", ""), cells.get("ActionGeo_Long", "")
    lat, lon = coordinate_cells(lat_text, lon_text, "ActionGeo_Lat", warn)
    name = cells.get("ActionGeo_FullName", "").strip() or None
    return location_or_none(
        warn,
        "ActionGeo_FullName",
        name=name,
        country=country,
        lat=lat,
        lon=lon,
        precision=precision,
    )


def _location_cells(location: Location | None) -> dict[str, str]:
    if location is None:
        return {"ActionGeo_Type": "0"}
    usa = location.country == "USA"
    precision = location.precision
    if precision == LocationPrecision.COUNTRY:
        geo_type = "1"
    elif precision == LocationPrecision.ADMIN1:
        geo_type = "2" if usa else "5"
    elif precision in (LocationPrecision.SETTLEMENT, LocationPrecision.POINT):
        geo_type = "3" if usa else "4"
    else:
        geo_type = "4" if location.lat is not None else "1"
    cells = {"ActionGeo_Type": geo_type, "ActionGeo_FullName": location.name or ""}
    if location.country:
        cells["ActionGeo_CountryCode"] = iso3_to_fips(location.country) or ""
    if location.lat is not None and location.lon is not None:
        cells["ActionGeo_Lat"] = repr(location.lat)
        cells["ActionGeo_Long"] = repr(location.lon)
    return cells


# --- actors ------------------------------------------------------------------------


def _actor(prefix: str, cells: Mapping[str, str], warn: Warn) -> Actor | None:
    def say(code: str, message: str) -> None:
        warn(code, message, column=prefix + "CountryCode")

    try:
        return cameo_actor(cells, prefix, say)
    except (FieldError, ValueError) as error:
        warn(
            "bad_value",
            f"actor {shown(cells.get(prefix + 'Code', ''))}: {error}",
            column=prefix + "Code",
        )
        return None


# --- codes -------------------------------------------------------------------------


def _padded(text: str, width: int) -> str:
    return text.zfill(width) if text.isdigit() and len(text) < width else text


def _codes(cells: Mapping[str, str], warn: Warn) -> dict[str, str]:
    """EventCode, EventBaseCode and EventRootCode re-padded (one warning per repaired row)."""
    raw = cells.get("EventCode", "")
    code, _ = pad_cameo(raw)
    base = _padded(cells.get("EventBaseCode", ""), 3)
    root = _padded(cells.get("EventRootCode", ""), 2)
    fixed = {
        column: (old, new)
        for column, old, new in (
            ("EventCode", raw, code),
            ("EventBaseCode", cells.get("EventBaseCode", ""), base),
            ("EventRootCode", cells.get("EventRootCode", ""), root),
        )
        if old != new
    }
    if fixed:
        said = ", ".join(
            f"{column} {shown(old)} -> {shown(new)}" for column, (old, new) in fixed.items()
        )
        warn("repaired_code", f"re-padded {said}", column=next(iter(fixed)))
    if code not in cameo_table():
        warn("unknown_code", f"{shown(raw)} is not a CAMEO 1.1b3 event code", column="EventCode")
    elif code[:3] != base or code[:2] != root:
        warn(
            "bad_value",
            f"EventCode {shown(code)} is not under base {shown(base)} / root {shown(root)}",
            column="EventCode",
        )
    return {"EventCode": code, "EventBaseCode": base, "EventRootCode": root}


def _code_cells(event: Event, kept: Mapping[str, Any]) -> dict[str, str]:
    """The code cells of an event whose kept codes no longer fit it (none when they do)."""
    code = kept.get("EventCode")
    if isinstance(code, str) and matches_code(event, code):
        return {}
    suggested = _suggest(event) or ""
    cells = dict.fromkeys(_CODE_COLUMNS, "")
    cells.update(EventCode=suggested, EventBaseCode=suggested[:3], EventRootCode=suggested[:2])
    entry = cameo_table().get(suggested)
    if entry is not None:
        root = int(entry.root)
        cells["QuadClass"] = "1" if root <= 5 else "2" if root <= 9 else "3" if root <= 14 else "4"
        cells["GoldsteinScale"] = repr(entry.goldstein)
    return cells


def _render(event: Event) -> dict[str, str]:
    """The GDELT cells the event's fields give (codes and kept cells not applied)."""
    return _cells(event.date, *dyad(event), event.location, event.reported, event.sources)


def _cells(
    date: DateSpan | None,
    actor: Actor | None,
    target: Actor | None,
    location: Location | None,
    reported: DateSpan | None,
    sources: tuple[EventSource, ...],
) -> dict[str, str]:
    row = _BLANK.copy()
    row.update(_date_cells(date))
    row.update(actor_cameo(actor, "Actor1"))
    row.update(actor_cameo(target, "Actor2"))
    row.update(_location_cells(location))
    row.update(_reported_cells(reported))
    row.update(_source_cells(sources))
    return row


#: The columns each field writes; the codes and every other column are kept as read.
_KEEPING: Final = Keeping(
    "gdelt",
    _render,
    (
        ("SQLDATE", "MonthYear", "Year", "FractionDate"),
        # One group: the two roles are written from one field in some types (participants).
        tuple(f"{role}{part}" for role in ("Actor1", "Actor2") for part in _ACTOR_PARTS),
        tuple(f"ActionGeo_{part}" for part in _GEO_ALL),
        ("DATEADDED",),
        ("SOURCEURL",),
    ),
    table=GDELT_COLUMNS,
)


# --- reading -----------------------------------------------------------------------


def _convert(row: Mapping[str, Any], warn: Warn) -> Event | None:
    """One row read on its own (the reader's converter, :class:`_Rows`, remembers parts)."""
    return _Rows()(dict(row), warn)


def _coded(key: tuple[str, ...], warn: Warn) -> tuple[dict[str, str], Coded]:
    """The padded codes, the type and the code's fields of a row's code and actor cells."""
    cells = dict(zip(_CODED_COLUMNS, key, strict=True))
    codes = _codes(cells, warn)
    actor, target = _actor("Actor1", cells, warn), _actor("Actor2", cells, warn)
    cls, fields = cameo_event(codes["EventCode"], actor, target)
    if cls is JointExercise:
        actor, target = (fields["participants"] + (None, None))[:2]
    return codes, (cls, fields, actor, target)


def _read_day(key: tuple[str, str], warn: Warn) -> DateSpan | None:
    column, text = key
    day = _day(text)
    if day is None and text:
        form = "YYYYMMDD date" if column == "SQLDATE" else "YYYYMMDDHHMMSS time"
        warn("bad_value", f"{shown(text)} is not a {form}", column=column)
    return day


def _read_place(key: tuple[str, ...], warn: Warn) -> Location | None:
    return _location(dict(zip(_PLACE_COLUMNS, key, strict=True)), warn)


def _read_source(url: str, warn: Warn) -> tuple[EventSource, ...]:
    return one_source(url, "url", "SOURCEURL", warn)


#: The type, the fields its code and actors fill, and the two actors as written back.
Coded = tuple[type[Event], dict[str, Any], Actor | None, Actor | None]
# The cells cameo_actor reads (not the ethnic and religion codes: kept as they are).
_ACTOR_READ: Final = tuple(
    part for part in _ACTOR_PARTS if part not in ("EthnicCode", "Religion1Code", "Religion2Code")
)
_CODED_COLUMNS: Final = (
    "EventCode",
    "EventBaseCode",
    "EventRootCode",
    *(f"{role}{part}" for role in ("Actor1", "Actor2") for part in _ACTOR_READ),
)
# The cells _location reads (the ADM codes and FeatureID are kept as they are).
_PLACE_COLUMNS: Final = tuple(
    f"ActionGeo_{part}" for part in ("Type", "CountryCode", "Lat", "Long", "FullName")
)


class _Rows:
    """The converter of one read: a row's codes, actors, days, place and source are worked
    out once per distinct cells (:class:`~._memo.Memo`); events share them."""

    def __init__(self) -> None:
        self._coded = Memo(_coded)
        self._days = Memo(_read_day)
        self._places = Memo(_read_place)
        self._sources = Memo(_read_source)
        self._share = Shared()

    def clear(self) -> None:
        for memo in (self._coded, self._days, self._places, self._sources, self._share):
            memo.clear()

    def __call__(self, row: dict[str, Any], warn: Warn) -> Event | None:
        cells = row if _plain(row) else row_cells(row, GDELT_COLUMNS, warn)
        get = cells.get
        codes, (cls, code_fields, actor, target) = self._coded.get(
            tuple([get(column, "") for column in _CODED_COLUMNS]), warn
        )
        fields = dict(code_fields)
        fields["date"] = date = self._days.get(("SQLDATE", get("SQLDATE", "")), warn)
        fields["reported"] = reported = self._days.get(("DATEADDED", get("DATEADDED", "")), warn)
        fields["location"] = location = self._places.get(
            tuple([get(column, "") for column in _PLACE_COLUMNS]), warn
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
                rendered = _cells(date, actor, target, location, reported, sources)
                kept = _KEEPING.kept(cells, rendered)
                fields["extra"] = keep_columns(cls, fields, "gdelt", kept)
                return cls(**fields)
            return _KEEPING.build(
                cls, fields, cells, after=_after(cls, fields), share=self._share.many
            )
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
    codes, (cls, fields, _, _) = _coded(key, warn)
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
    {"SQLDATE", "MonthYear", "Year", "FractionDate", "DATEADDED", "SOURCEURL", *_PLACE_COLUMNS}
)
_COLUMNAR: Final = ColumnarFormat(
    "gdelt",
    Part(_CODED_COLUMNS, _coded_part),
    (
        Part(
            ("SQLDATE",), _field_part("date", lambda t, w: _read_day(("SQLDATE", t), w)), ("date",)
        ),
        Part(
            ("DATEADDED",),
            _field_part("reported", lambda t, w: _read_day(("DATEADDED", t), w)),
            ("reported",),
        ),
        Part(_PLACE_COLUMNS, _field_part("location", _read_place, whole=True), ("location",)),
        Part(("SOURCEURL",), _field_part("sources", _read_source), ("sources",)),
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
        row.update(_code_cells(event, kept_columns(event, "gdelt")))
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
