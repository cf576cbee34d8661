"""ICEWS coded event data: read the 20-column tab-separated files and write them back.

``NA`` marks a missing cell. Actors come from the name, sectors and country columns,
codes from CAMEO (mapped to built-in types as for GDELT); every other column is kept
on the event, so a row read and written back is the row.
"""

from __future__ import annotations

import functools
import os
from collections.abc import Iterable, Iterator, Mapping, Sequence
from typing import IO, Any, Final, Unpack

from ..errors import FieldError, shown
from ..model.actors import STATE_KINDS, Actor
from ..model.dates import DateSpan
from ..model.events import Event
from ..model.places import Location
from ..model.provenance import Source as EventSource
from ..model.vocab import ActorKind, LocationPrecision
from ._arrow_csv import first_line, parse_csv
from ._columnar import ArrowRead, ColumnarFormat, Part, read_columnar
from ._dataset import ReadOptions, TableFormat, takes_read_options
from ._keep import Keeping, kept_columns
from ._part_rows import PartFields, PartRows
from ._row_text import RowTexts
from ._rows import (
    EventReader,
    Source,
    Warn,
    dataset_event_id,
    row_cells,
)
from ._tabular import coordinate_cells, location_or_none, one_source, source_cell
from .cameo import cameo_event, cameo_table, dyad, matches_code, pad_cameo, suggest_cameo

__all__ = ["ICEWS_COLUMNS", "icews_rows", "read_icews", "read_icews_table", "write_icews"]

#: The 20 columns of an ICEWS events file, in file order.
ICEWS_COLUMNS: Final[tuple[str, ...]] = (
    "Event ID",
    "Event Date",
    "Source Name",
    "Source Sectors",
    "Source Country",
    "Event Text",
    "CAMEO Code",
    "Intensity",
    "Target Name",
    "Target Sectors",
    "Target Country",
    "Story ID",
    "Sentence Number",
    "Publisher",
    "City",
    "District",
    "Province",
    "Country",
    "Latitude",
    "Longitude",
)
NA: Final = "NA"
_ACTOR_PARTS: Final = ("Name", "Sectors", "Country")

#: ICEWS country names that are not an ISO 3166 name.
_COUNTRY_ALIASES: Final = {
    "Occupied Palestinian Territory": "PSE",
    "Palestinian Territory, Occupied": "PSE",
    "Kosovo": "XKX",
    "Serbia and Montenegro": "SCG",
}
_ICEWS_NAMES: Final = {iso: name for name, iso in _COUNTRY_ALIASES.items()} | {
    "PSE": "Occupied Palestinian Territory"
}
# The first sector word that says what kind of actor a sector actor ("Police (India)") is.
_SECTOR_KINDS: Final = (
    (("Military", "Army", "Navy", "Air Force", "Defense", "Defence"), ActorKind.MILITARY),
    (
        ("Government", "Executive", "Police", "Ministry", "Legislative", "Judicial", "Cabinet"),
        ActorKind.GOVERNMENT,
    ),
    (("Rebel", "Insurgent", "Separatist", "Militant", "Terroris"), ActorKind.ARMED_GROUP),
    (("Media", "News"), ActorKind.MEDIA),
)
_KIND_SECTORS: Final = {
    ActorKind.MILITARY: "Military",
    ActorKind.GOVERNMENT: "Government",
    ActorKind.ARMED_GROUP: "Rebel",
    ActorKind.MEDIA: "Media",
}


def _get(cells: Mapping[str, str], column: str) -> str:
    value = cells.get(column, NA)
    return "" if value == NA else value


# --- countries and actors ------------------------------------------------------------


@functools.lru_cache(maxsize=1024)
def country_code(name: str) -> str | None:
    """The ISO alpha-3 code of an ICEWS country name, or ``None``.

    >>> country_code("Russian Federation"), country_code("Occupied Palestinian Territory")
    ('RUS', 'PSE')
    """
    if not name:
        return None
    alias = _COUNTRY_ALIASES.get(name)
    if alias is not None:
        return alias
    import pycountry

    try:
        return str(pycountry.countries.lookup(name).alpha_3)
    except LookupError:
        pass
    actor = _resolved(name)
    return actor.code if actor is not None and actor.kind == ActorKind.STATE else None


@functools.lru_cache(maxsize=1024)
def _country_name(code: str) -> str:
    known = _ICEWS_NAMES.get(code)
    if known is not None:
        return known
    import pycountry

    country = pycountry.countries.get(alpha_3=code)
    if country is None:
        return code
    return str(getattr(country, "common_name", None) or country.name)


@functools.lru_cache(maxsize=4096)
def _resolved(name: str) -> Actor | None:
    """The actor ``name`` names as a whole (a state, organisation or group), if any."""
    from ..normalize.actors import resolve_actor

    found = resolve_actor(name)
    if found.value is None or found.start != 0 or found.end != len(name):
        return None
    return found.value


def _sector_kind(sectors: str) -> ActorKind:
    for words, kind in _SECTOR_KINDS:
        if any(word in sectors for word in words):
            return kind
    return ActorKind.OTHER


def _actor(side: str, cells: Mapping[str, str], warn: Warn) -> Actor | None:
    name = _get(cells, f"{side} Name")
    country_name = _get(cells, f"{side} Country")
    country = country_code(country_name)
    if country_name and country is None:
        warn(
            "unknown_country",
            f"{shown(country_name)} is not a known country",
            column=f"{side} Country",
        )
    if not name:
        return None
    try:
        if country is not None and name == country_name:
            return Actor.state(country, name=name)
        if "(" in name:  # a sector actor: "Police (India)"
            kind = _sector_kind(_get(cells, f"{side} Sectors"))
            if kind in STATE_KINDS and country is not None:
                return Actor(kind=kind, code=country, country=country, name=name)
            return Actor(kind=kind, name=name, country=country)
        known = _resolved(name)
        if known is not None and known.kind != ActorKind.PERSON:
            owner = known.country or (None if known.kind == ActorKind.STATE else country)
            return Actor(kind=known.kind, code=known.code, country=owner, name=name)
        # ICEWS names individuals without a parenthesis ("Mike Pompeo").
        return Actor(kind=ActorKind.PERSON, name=name, country=country)
    except (FieldError, ValueError) as error:
        warn("bad_value", f"actor {shown(name)}: {error}", column=f"{side} Name")
        return None


def _actor_cells(actor: Actor | None, side: str) -> dict[str, str]:
    if actor is None:
        return {}
    country = actor.state_code
    cells = {
        f"{side} Name": actor.name or (_country_name(country) if country else actor.code or NA),
        f"{side} Country": _country_name(country) if country else NA,
    }
    sector = _KIND_SECTORS.get(actor.kind)
    if sector is not None:
        cells[f"{side} Sectors"] = sector
    return cells


# --- date, place, publisher ----------------------------------------------------------


def _date(cells: Mapping[str, str]) -> DateSpan | None:
    try:
        return DateSpan.parse(_get(cells, "Event Date"))
    except ValueError:
        return None


def _location(cells: Mapping[str, str], warn: Warn) -> Location | None:
    city, district, province = _get(cells, "City"), _get(cells, "District"), _get(cells, "Province")
    country_name = _get(cells, "Country")
    country = country_code(country_name)
    if country_name and country is None:
        warn("unknown_country", f"{shown(country_name)} is not a known country", column="Country")
    lat_text, lon_text = _get(cells, "Latitude"), _get(cells, "Longitude")
    lat, lon = coordinate_cells(lat_text, lon_text, "Latitude", warn)
    name = city or district or province or None
    precision: LocationPrecision | None
    if city or district:
        precision = LocationPrecision.SETTLEMENT
    elif province:
        precision = LocationPrecision.ADMIN1
    else:
        precision = LocationPrecision.COUNTRY if country else None
    return location_or_none(
        warn, "City", name=name, country=country, lat=lat, lon=lon, precision=precision
    )


def _location_cells(location: Location | None) -> dict[str, str]:
    if location is None:
        return {}
    cells: dict[str, str] = {}
    if location.name:
        column = "Province" if location.precision == LocationPrecision.ADMIN1 else "City"
        cells[column] = location.name
    if location.country:
        cells["Country"] = _country_name(location.country)
    if location.lat is not None and location.lon is not None:
        cells["Latitude"], cells["Longitude"] = repr(location.lat), repr(location.lon)
    return cells


def _sources(cells: Mapping[str, str], warn: Warn) -> tuple[EventSource, ...]:
    return one_source(_get(cells, "Publisher").strip(), "publisher", "Publisher", warn)


def _source_cells(sources: tuple[EventSource, ...]) -> dict[str, str]:
    return source_cell(sources, "publisher", "Publisher")


def _render(event: Event) -> dict[str, str]:
    """The ICEWS cells the event's fields give (codes and kept cells not applied)."""
    row = dict.fromkeys(ICEWS_COLUMNS, NA)
    if event.date is not None:
        row["Event Date"] = str(event.date)
    actor, target = dyad(event)
    row.update(_actor_cells(actor, "Source"))
    row.update(_actor_cells(target, "Target"))
    row.update(_location_cells(event.location))
    row.update(_source_cells(event.sources))
    return row


#: The columns each field writes; the codes and every other column are kept as read.
_KEEPING: Final = Keeping(
    "icews",
    _render,
    (
        ("Event Date",),
        # One group: the two roles are written from one field in some types (participants).
        tuple(f"{role} {part}" for role in ("Source", "Target") for part in _ACTOR_PARTS),
        ("City", "District", "Province", "Country", "Latitude", "Longitude"),
        ("Publisher",),
    ),
    blank=NA,
    table=ICEWS_COLUMNS,
)
_CODE_COLUMNS: Final = ("CAMEO Code", "Event Text", "Intensity")


# --- reading and writing -------------------------------------------------------------


def _code(cells: Mapping[str, str], warn: Warn) -> str:
    raw = _get(cells, "CAMEO Code")
    code, repaired = pad_cameo(raw)
    if repaired:
        warn("repaired_code", f"re-padded {shown(raw)} -> {shown(code)}", column="CAMEO Code")
    if code not in cameo_table():
        warn("unknown_code", f"{shown(raw)} is not a CAMEO 1.1b3 event code", column="CAMEO Code")
    return code


def _convert(
    row: Mapping[str, Any],
    warn: Warn,
    texts: RowTexts | None = None,
    parts: PartFields | None = None,
) -> Event | None:
    cells = row_cells(row, ICEWS_COLUMNS, warn, empty=NA)
    code = _code(cells, warn)
    # Each actor, the date, the place, the sources: in the order they warn.
    values = (parts or _ROW_PARTS)(lambda column: cells.get(column, NA), warn)
    cls, fields = cameo_event(code, values.pop(_SOURCE), values.pop(_TARGET))
    fields.update(values)
    record = _get(cells, "Event ID")
    if record:
        fields["id"] = dataset_event_id(
            cls.type_tag, "icews", f"{record}:{_get(cells, 'Event Date')}"
        )
    else:
        warn("bad_value", "no Event ID: the id is derived from the fields", column="Event ID")
    cells["CAMEO Code"] = code  # kept padded
    try:
        return _KEEPING.build(cls, fields, cells, texts=texts)
    except (FieldError, ValueError, TypeError) as error:  # a value no check above caught
        warn("skipped_row", f"cannot build the event: {error}")
        return None


# --- straight to Arrow ---------------------------------------------------------------
_CODED: Final = ("CAMEO Code", *(f"{r} {p}" for r in ("Source", "Target") for p in _ACTOR_PARTS))
_PLACE: Final = ("City", "District", "Province", "Country", "Latitude", "Longitude")


def _cells_of(columns: tuple[str, ...], key: tuple[str, ...]) -> dict[str, str]:
    return dict(zip(columns, key, strict=True))


def _coded_part(key: tuple[str, ...], warn: Warn) -> tuple[dict[str, Any], dict[str, str]]:
    cells = _cells_of(_CODED, key)
    code = _code(cells, warn)
    actor, target = _actor("Source", cells, warn), _actor("Target", cells, warn)
    cls, fields = cameo_event(code, actor, target)
    return {"__class__": cls, **fields}, {"CAMEO Code": code}


def _date_part(key: tuple[str, ...], warn: Warn) -> tuple[dict[str, Any], dict[str, str]]:
    cells = {"Event Date": key[0]}
    date = _date(cells)
    if date is None and _get(cells, "Event Date"):
        message = f"{shown(key[0])} is not a YYYY-MM-DD date"
        warn("bad_value", message, column="Event Date")
    return {"date": date}, {}


def _record_text(compute: Any, columns: list[Any]) -> Any:
    ident, date = columns
    if compute.any(compute.equal(ident, NA)).as_py():
        return None  # no Event ID: the typed reader derives the id
    return compute.binary_join_element_wise(
        ident, compute.if_else(compute.equal(date, NA), "", date), ":"
    )


def _parse(path: str) -> Any:
    line = first_line(path)
    delimiter = "\t" if "\t" in line else ","
    first = line.split(delimiter, 1)[0].lstrip("\ufeff").strip('"')
    names = None if first == ICEWS_COLUMNS[0] else ICEWS_COLUMNS
    return parse_csv(path, names, delimiter, quoted=True)


_COLUMNAR: Final = ColumnarFormat(
    "icews",
    Part(_CODED, _coded_part),
    (
        Part(("Event Date",), _date_part, ("date",)),
        Part(
            _PLACE,
            lambda key, warn: ({"location": _location(_cells_of(_PLACE, key), warn)}, {}),
            ("location",),
        ),
        Part(
            ("Publisher",),
            lambda key, warn: ({"sources": _sources({"Publisher": key[0]}, warn)}, {}),
            ("sources",),
        ),
    ),
    ("Event ID", "Event Date"),
    _record_text,
    tuple(
        c
        for c in ICEWS_COLUMNS
        if c not in ("Event Date", "Publisher", "Latitude", "Longitude", "Country")
    ),
    ICEWS_COLUMNS,
    _parse,
    lambda path, **options: read_icews(path, **options),
    lacking=False,
)


def read_icews_table(
    source: str | os.PathLike[str] | Sequence[str | os.PathLike[str]],
    *,
    max_warnings: int | None = 100_000,
) -> ArrowRead:
    """The rows of ICEWS event files as Arrow columns, without events (needs ``arrow``).

    As :func:`~secevents.interop.read_gdelt_table`: :func:`~secevents.interop.to_arrow`'s
    columns with the values :func:`read_icews`'s events have, the columns no field
    stands for as read (``icews_Event ID``, ``icews_Source Sectors``...; ``CAMEO Code``
    padded), and :func:`read_icews`'s warnings and counts.
    """
    return read_columnar(_COLUMNAR, source, max_warnings=max_warnings)


_SOURCE: Final = "__source"
_TARGET: Final = "__target"


def _actor_part(side: str, name: str) -> Part:
    columns = tuple(f"{side} {part}" for part in _ACTOR_PARTS)
    return Part(
        columns, lambda key, warn: ({name: _actor(side, _cells_of(columns, key), warn)}, {})
    )


#: The parts of a row the typed reader works out once per distinct cells within a read.
_TYPED_PARTS: Final = (
    _actor_part("Source", _SOURCE),
    _actor_part("Target", _TARGET),
    *_COLUMNAR.parts,
)
#: A row read alone: every part worked out for it.
_ROW_PARTS: Final = PartFields(_TYPED_PARTS, remember=False)
_TABLE: Final = TableFormat(
    _convert,
    _KEEPING,
    ICEWS_COLUMNS,
    "\t",
    header=True,
    headerless=True,
    missing=NA,
    per_read=functools.partial(PartRows, _convert, _TYPED_PARTS),
)


@takes_read_options
def read_icews(source: Source, **options: Unpack[ReadOptions]) -> EventReader[dict[str, Any]]:
    """Events of an ICEWS events file (tab-separated, with or without its header), read lazily.

    ``Event ID`` is unique only together with ``Event Date``: ids are made from both.
    Rows from pandas read ``NaN`` (pandas' reading of ``NA``) as ``NA``.
    ``options``: see :class:`~secevents.interop.ReadOptions`.

    >>> header = "\\t".join(ICEWS_COLUMNS)
    >>> row = ("1\\t2021-10-22\\tRussia\\tNA\\tRussia\\tCooperate militarily\\t62\\t7.4\\t"
    ...        "Tajikistan\\tNA\\tTajikistan\\t77\\t2\\tExample Wire\\tNA\\tNA\\tKhatlon\\t"
    ...        "Tajikistan\\t37.9\\t69.8")
    >>> reader = read_icews([header.split("\\t"), row.split("\\t")])
    >>> event = next(reader)
    >>> type(event).__name__, [a.code for a in event.participants], event.location.precision.value
    ('JointExercise', ['RUS', 'TJK'], 'admin1')
    >>> [w.code for w in reader.warnings]
    ['repaired_code']
    """
    return _TABLE.read(source, **options)


def icews_rows(events: Iterable[Event]) -> Iterator[dict[str, str]]:
    """One ICEWS row (column name to cell, ``NA`` when missing) per event.

    >>> import secevents as se
    >>> row = next(icews_rows([se.Statement(speaker=se.Actor.government("TJK"))]))
    >>> row["CAMEO Code"], row["Source Country"], row["Source Sectors"], row["Target Name"]
    ('010', 'Tajikistan', 'Government', 'NA')
    """
    for event in events:
        row = _KEEPING.write(event)
        code = kept_columns(event, "icews").get("CAMEO Code")
        if not (isinstance(code, str) and matches_code(event, code)):
            suggested = suggest_cameo(event)
            entry = cameo_table().get(suggested or "")
            row.update(dict.fromkeys(_CODE_COLUMNS, NA), **{"CAMEO Code": suggested or NA})
            if entry is not None:
                row["Event Text"], row["Intensity"] = entry.name, repr(entry.goldstein)
        yield row


def write_icews(
    events: Iterable[Event],
    target: str | os.PathLike[str] | IO[str],
    *,
    header: bool = True,
    escape_formulas: bool = True,
) -> int:
    """Write events as an ICEWS file (tab-separated, with the header); return the count.

    Cells a spreadsheet would run as formulas get a leading ``'`` unless
    ``escape_formulas=False``; :func:`read_icews` takes it off.

    Columns events kept beyond the 20 (read from a wider file) follow them; without
    a header such a column raises ``ValueError`` naming it and the row.
    """
    return _TABLE.write(icews_rows(events), target, header=header, escape_formulas=escape_formulas)
