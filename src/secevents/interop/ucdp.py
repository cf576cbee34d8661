"""UCDP Georeferenced Event Dataset (GED) rows: read them as coded events and write them back.

Each GED row is a :class:`~secevents.CodedEvent` (``scheme="ucdp"``, code the
type of violence). Dates, fatalities, sides, place and sources map to fields;
the other columns are kept, so :func:`write_ucdp` gives the rows read.
"""

from __future__ import annotations

import functools
import os
import re
from collections.abc import Callable, Iterable, Iterator, Sequence
from typing import Any, Final, Unpack

from ..errors import shown
from ..model.actors import Actor
from ..model.amounts import Quantity
from ..model.coded import CodedEvent
from ..model.dates import DateSpan
from ..model.events import Event
from ..model.places import Location
from ..model.provenance import Source as EventSource
from ..model.vocab import ActorKind, LocationPrecision
from ._arrow_csv import parse_csv
from ._columnar import ArrowRead, ColumnarFormat, cells_part, read_columnar
from ._dataset import ReadOptions, TableFormat, Target, takes_read_options
from ._keep import Keeping
from ._part_rows import PartFields, PartRows
from ._row_text import RowTexts
from ._rows import EventReader, Warn, dataset_event_id, surplus_cells
from ._tables import Source
from ._tabular import (
    cells_of,
    content_key,
    coordinates,
    country_from_name,
    country_name,
    day_text,
    float_text,
    group_code,
    parse_day,
    parse_int,
    span_of_days,
    subdivision_of,
)

__all__ = [
    "UCDP_COLUMNS",
    "VIOLENCE_TYPES",
    "read_ucdp",
    "read_ucdp_table",
    "ucdp_rows",
    "write_ucdp",
]

#: The 49 columns of a UCDP GED CSV export, in order.
UCDP_COLUMNS: Final = [
    "id", "relid", "year", "active_year", "code_status", "type_of_violence",
    "conflict_dset_id", "conflict_new_id", "conflict_name", "dyad_dset_id", "dyad_new_id",
    "dyad_name", "side_a_dset_id", "side_a_new_id", "side_a", "side_b_dset_id",
    "side_b_new_id", "side_b", "number_of_sources", "source_article", "source_office",
    "source_date", "source_headline", "source_original", "where_prec", "where_coordinates",
    "where_description", "adm_1", "adm_2", "latitude", "longitude", "geom_wkt",
    "priogrid_gid", "country", "country_id", "region", "event_clarity", "date_prec",
    "date_start", "date_end", "deaths_a", "deaths_b", "deaths_civilians", "deaths_unknown",
    "best", "high", "low", "gwnoa", "gwnob",
]  # fmt: skip

#: UCDP's ``type_of_violence`` codes and their names.
VIOLENCE_TYPES: Final = {"1": "state-based", "2": "non-state", "3": "one-sided"}

#: ``where_prec`` -> (precision, near): 1 exact place, 2 within 25 km of it, 3 a district,
#: 4 a province, 5 a line (border, road, river) or an area, 6 the country, 7 waters/airspace.
_WHERE_PREC: Final = {
    "1": (LocationPrecision.POINT, False),
    "2": (LocationPrecision.POINT, True),
    "3": (LocationPrecision.REGION, False),
    "4": (LocationPrecision.ADMIN1, False),
    "5": (LocationPrecision.REGION, False),
    "6": (LocationPrecision.COUNTRY, False),
    "7": (LocationPrecision.REGION, False),
}
_PRECISION_WHERE: Final = {
    LocationPrecision.POINT: "1",
    LocationPrecision.SETTLEMENT: "1",
    LocationPrecision.BORDER: "5",
    LocationPrecision.REGION: "3",
    LocationPrecision.ADMIN1: "4",
    LocationPrecision.COUNTRY: "6",
}
_MAPPED: Final = (
    "type_of_violence", "side_a", "side_b", "date_start", "date_end", "year", "best", "low",
    "high", "where_coordinates", "latitude", "longitude", "geom_wkt", "where_prec", "country",
    "adm_1", "source_office",
)  # fmt: skip
_GOVERNMENT: Final = re.compile(r"Government of (.+)")
_PARENTHESES: Final = re.compile(r"\s*\([^)]*\)\s*$")
_TIME_SUFFIX: Final = " 00:00:00.000"


@takes_read_options
def read_ucdp(source: Source, **options: Unpack[ReadOptions]) -> EventReader[dict[str, Any]]:
    """Read UCDP GED rows (a CSV path, or an iterable of row dicts) as coded events.

    ``options``: see :class:`~secevents.interop.ReadOptions`.

    >>> row = {"id": "252478", "type_of_violence": "3", "side_a": "Government of Sudan",
    ...        "side_b": "Civilians", "date_prec": "1", "date_start": "2019-06-03",
    ...        "date_end": "2019-06-03", "best": "1", "low": "2", "high": "1", "country": "Sudan"}
    >>> reader = read_ucdp([row])
    >>> event = next(reader)
    >>> event.code, event.label, event.actor.code, str(event.date), event.fatalities.value
    ('3', 'one-sided', 'SDN', '2019-06-03', 1)
    >>> [w.code for w in reader.warnings]
    ['fatalities_out_of_order']
    """
    return _TABLE.read(source, **options)


def _convert(
    row: dict[str, Any], warn: Warn, texts: RowTexts | None = None, fields: PartFields | None = None
) -> Event | None:
    cell = cells_of(row)
    record_id = cell("id")
    if not record_id:
        record_id = cell("relid")
        if record_id:
            warn("missing_value", f"no id: identified by its relid {shown(record_id)}", column="id")
        else:
            message = "no id or relid: the row's content identifies it"
            warn("missing_value", message, column="id")
            record_id = "content:" + content_key(row)
    # coded, country, date, location, sides, fatalities, sources: in the order they warn
    values = (fields or _ROW_FIELDS)(cell, warn)
    cls: type[Event] = values.pop("__class__")
    values["id"] = dataset_event_id(cls.type_tag, "ucdp", record_id)
    surplus_cells(row, warn)
    return _KEEPING.build(cls, values, row, texts=texts)


def _country(name: str, warn: Warn) -> str | None:
    if not name:
        return None
    code = country_from_name(_PARENTHESES.sub("", name))
    if code is None:
        warn("unknown_country", f"no ISO code for {shown(name)}", column="country")
    return code


def _date(cell: Callable[[str], str], warn: Warn) -> DateSpan | None:
    start, end = parse_day(cell("date_start")), parse_day(cell("date_end"))
    for column, value, day in (
        ("date_start", cell("date_start"), start),
        ("date_end", cell("date_end"), end),
    ):
        if value and day is None:
            warn("bad_value", f"{shown(value)} is not a date", column=column)
    if start is None and end is None:
        year = parse_int(cell("year"), "year", lambda *a, **k: None)
        return DateSpan.year(year) if year and year <= 9999 else None
    start, end = start or end, end or start
    assert start is not None and end is not None
    if end < start:
        warn(
            "bad_value", f"date_end {end} is before date_start {start}: swapped", column="date_end"
        )
        start, end = end, start
    precision = cell("date_prec")
    if precision == "1" and start != end:
        warn("date_precision", f"date_prec 1 (exact day) but {start}..{end}", column="date_prec")
    return span_of_days(start, end)


def _location(cell: Callable[[str], str], country: str | None, warn: Warn) -> Location | None:
    lat, lon = coordinates(cell, warn)
    name = cell("where_coordinates") or None
    if name is None and country is None and lat is None:
        return None
    where = cell("where_prec")
    precision, near = _WHERE_PREC.get(where, (None, False))
    if where and precision is None:
        warn("unknown_code", f"where_prec {shown(where)} is not 1..7", column="where_prec")
    admin1 = subdivision_of(country, cell("adm_1")) if cell("adm_1") else None
    return Location(
        name=name, country=country, admin1=admin1, lat=lat, lon=lon, precision=precision, near=near
    )


def _side(name: str, column: str, warn: Warn) -> Actor | None:
    if not name:
        return None
    match = _GOVERNMENT.fullmatch(name)
    if match:
        code = country_from_name(_PARENTHESES.sub("", match[1]))
        if code is None:
            warn("unresolved_actor", f"no ISO code for the state in {shown(name)}", column=column)
            return Actor(kind=ActorKind.GOVERNMENT, name=name)
        return Actor(kind=ActorKind.GOVERNMENT, code=code, country=code, name=name)
    if name == "Civilians":
        return Actor(kind=ActorKind.OTHER, name=name)
    return Actor(kind=ActorKind.ARMED_GROUP, code=group_code(name), name=name)


def _fatalities(cell: Callable[[str], str], warn: Warn) -> Quantity | None:
    best = parse_int(cell("best"), "best", warn)
    low = parse_int(cell("low"), "low", warn)
    high = parse_int(cell("high"), "high", warn)
    if best is None and low is None and high is None:
        return None
    if best is None and low is not None and high is not None and low > high:
        warn("fatalities_out_of_order", f"low {low} > high {high}: bounds dropped", column="low")
        low = high = None
    if best is not None and low is not None and low > best:
        warn("fatalities_out_of_order", f"low {low} > best {best}: low dropped", column="low")
        low = None
    if best is not None and high is not None and high < best:
        warn("fatalities_out_of_order", f"high {high} < best {best}: high dropped", column="high")
        high = None
    return Quantity(best, low=low, high=high, unit="deaths")


# -- straight to Arrow -----------------------------------------------------------
def _country_warnings(cell: Callable[[str], str], warn: Warn) -> dict[str, Any]:
    _country(cell("country"), warn)
    return {}


def _coded_fields(cell: Callable[[str], str], warn: Warn) -> dict[str, Any]:
    violence = cell("type_of_violence")
    if violence not in VIOLENCE_TYPES:
        warn(
            "unknown_code",
            f"type_of_violence {shown(violence)} is not 1, 2 or 3",
            column="type_of_violence",
        )
    code, label = violence or "?", VIOLENCE_TYPES.get(violence)
    return {"__class__": CodedEvent, "scheme": "ucdp", "code": code, "label": label}


def _place_fields(cell: Callable[[str], str], warn: Warn) -> dict[str, Any]:
    country = _country(cell("country"), lambda *a, **k: None)  # warned by its own part
    return {"location": _location(cell, country, warn)}


def _source_fields(cell: Callable[[str], str], warn: Warn) -> dict[str, Any]:
    names = cell("source_office").split(";")
    return {"sources": tuple(EventSource(publisher=n.strip()) for n in names if n.strip())}


_PLACE: Final = ("latitude", "longitude", "where_coordinates", "where_prec", "adm_1", "country")
_COLUMNAR: Final = ColumnarFormat(
    "ucdp",
    cells_part(("type_of_violence",), _coded_fields),
    (
        cells_part(("country",), _country_warnings),
        cells_part(
            ("date_start", "date_end", "year", "date_prec"),
            lambda cell, warn: {"date": _date(cell, warn)},
            "date",
        ),
        cells_part(_PLACE, _place_fields, "location"),
        cells_part(
            ("side_a",),
            lambda cell, warn: {"actor": _side(cell("side_a"), "side_a", warn)},
            "actor",
        ),
        cells_part(
            ("side_b",),
            lambda cell, warn: {"target": _side(cell("side_b"), "side_b", warn)},
            "target",
        ),
        cells_part(
            ("best", "low", "high"),
            lambda cell, warn: {"fatalities": _fatalities(cell, warn)},
            "fatalities",
        ),
        cells_part(("source_office",), _source_fields, "sources"),
    ),
    ("id",),
    lambda compute, columns: compute.utf8_trim_whitespace(columns[0]),
    tuple(
        c
        for c in UCDP_COLUMNS
        if c
        not in {
            *("type_of_violence", "side_a", "side_b", "date_start", "date_end", "best", "low"),
            *("high", "latitude", "longitude", "where_coordinates", "source_office"),
        }
    ),
    tuple(UCDP_COLUMNS),
    lambda path: parse_csv(path, None, ",", quoted=True),
    lambda path, **options: read_ucdp(path, **options),
)


def read_ucdp_table(
    source: str | os.PathLike[str] | Sequence[str | os.PathLike[str]],
    *,
    max_warnings: int | None = 100_000,
) -> ArrowRead:
    """The rows of UCDP GED CSV files as Arrow columns, without events (needs ``arrow``).

    As :func:`~secevents.interop.read_gdelt_table`: :func:`~secevents.interop.to_arrow`'s
    columns with the values :func:`read_ucdp`'s events have, the columns no field
    stands for as read (``ucdp_id``, ``ucdp_conflict_name``...), and
    :func:`read_ucdp`'s warnings and counts.

    >>> import tempfile, pathlib
    >>> path = pathlib.Path(tempfile.mkdtemp()) / "ged.csv"
    >>> _ = path.write_text("id,type_of_violence,side_a,best,country\\n"
    ...                     "7,1,Government of Mali,3,Mali\\n", encoding="utf-8")
    >>> table = read_ucdp_table(path).table
    >>> table.column("actor").to_pylist(), table.column("ucdp_id").to_pylist()
    ([['MLI']], ['7'])
    """
    return read_columnar(_COLUMNAR, source, max_warnings=max_warnings)


# -- writing -------------------------------------------------------------------
def _render(event: Event) -> dict[str, str]:
    """The UCDP cells the event's fields give (kept columns not applied)."""
    row = dict.fromkeys(UCDP_COLUMNS, "")
    row["id"] = event.id
    if isinstance(event, CodedEvent):
        row["type_of_violence"] = event.code if event.scheme == "ucdp" else ""
        fatalities = event.fatalities
    else:
        fatalities = None
    actors = event.actors
    first = [a.actor for a in actors if a.role in ("actor", *_FIRST_ROLES)]
    second = [a.actor for a in actors if a.role not in ("actor", *_FIRST_ROLES)]
    if isinstance(event, CodedEvent):
        first = [event.actor] if event.actor else []
        second = [event.target] if event.target else []
    row["side_a"] = ", ".join(_side_name(actor) for actor in first)
    row["side_b"] = ", ".join(_side_name(actor) for actor in second)
    if event.date is not None and event.date.earliest and event.date.latest:
        row["date_start"] = day_text(event.date.earliest) + _TIME_SUFFIX
        row["date_end"] = day_text(event.date.latest) + _TIME_SUFFIX
        row["year"] = str(event.date.earliest.year)
    if fatalities is not None:
        row["best"] = _number(fatalities.value)
        row["low"] = _number(fatalities.low)
        row["high"] = _number(fatalities.high)
    location = event.location
    if location is not None:
        row["where_coordinates"] = location.name or ""
        row["latitude"] = float_text(location.lat)
        row["longitude"] = float_text(location.lon)
        if location.lat is not None:
            row["geom_wkt"] = f"POINT ({location.lon!r} {location.lat!r})"
        if location.precision is not None:
            row["where_prec"] = "2" if location.near else _PRECISION_WHERE[location.precision]
        row["country"] = country_name(location.country) if location.country else ""
        row["adm_1"] = location.admin1 or ""
    row["source_office"] = ";".join(s.publisher for s in event.sources if s.publisher)
    return row


_FIRST_ROLES: Final = ("builder", "participants", "sender", "speaker")
#: The columns each field writes, together: kept or written as one (see ``_keep``).
_GROUPS: Final = (
    ("type_of_violence",), ("side_a",), ("side_b",), ("date_start", "date_end", "year"),
    ("best", "low", "high"), ("source_office",),
    ("where_coordinates", "latitude", "longitude", "geom_wkt", "where_prec", "country", "adm_1"),
)  # fmt: skip
#: The columns whose text an event read holds in a field.
_HELD: Final = (
    ("where_coordinates", lambda e: e.location.name if e.location else None),
    ("side_a", lambda e: e.actor.name if isinstance(e, CodedEvent) and e.actor else None),
    ("side_b", lambda e: e.target.name if isinstance(e, CodedEvent) and e.target else None),
)
_KEEPING: Final = Keeping(
    "ucdp", _render, _GROUPS, table=UCDP_COLUMNS, filled=frozenset({"id"}), held=_HELD
)
#: One read's converter: rows held as compact text, equal parts (dates, places, sides...) once.
_PER_READ: Final = functools.partial(PartRows, _convert, (_COLUMNAR.coded, *_COLUMNAR.parts))
#: A row read alone: every part worked out for it.
_ROW_FIELDS: Final = PartFields((_COLUMNAR.coded, *_COLUMNAR.parts), remember=False)
_TABLE: Final = TableFormat(
    _convert, _KEEPING, UCDP_COLUMNS, ",", header=True, guarded=True, per_read=_PER_READ
)


def _side_name(actor: Actor) -> str:
    if actor.name:
        return actor.name
    if actor.kind in (ActorKind.STATE, ActorKind.GOVERNMENT, ActorKind.MILITARY) and actor.code:
        return f"Government of {country_name(actor.code) or actor.code}"
    return actor.code or ""


def _number(value: int | None) -> str:
    return "" if value is None else str(value)


def ucdp_rows(events: Iterable[Event]) -> Iterator[dict[str, str]]:
    """UCDP GED rows (49 columns) for ``events``; rows read by :func:`read_ucdp` come back as read.

    >>> rows = [{"id": "1", "type_of_violence": "1", "best": "2", "low": "2", "high": "3"}]
    >>> next(ucdp_rows(read_ucdp(rows)))["high"]
    '3'
    """
    return _TABLE.rows(events)


def write_ucdp(events: Iterable[Event], target: Target, *, escape_formulas: bool = True) -> int:
    """Write ``events`` as a UCDP GED CSV (header and 49 columns); the number of rows written.

    Cells a spreadsheet would run as formulas get a leading ``'`` unless
    ``escape_formulas=False``; :func:`read_ucdp` takes it off.
    """
    return _TABLE.write(ucdp_rows(events), target, escape_formulas=escape_formulas)
