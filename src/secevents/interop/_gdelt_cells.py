"""The GDELT 2.0 columns, and how each part of an event is read from its cells and written back.

A row's event is made of parts, each read from a few cells: the code and actors
(which pick the type), the day, the day reported, the place, the source. The typed
reader (:func:`~secevents.interop.read_gdelt`), its Arrow path
(:func:`~secevents.interop.gdelt.read_gdelt_table`) and the writer
(:func:`~secevents.interop.gdelt.write_gdelt`, through ``KEEPING``) share these
functions, so the three read and write a cell alike.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Final

from ..errors import FieldError, shown
from ..model.actors import Actor
from ..model.dates import DateSpan, PartialDate
from ..model.events import Event, JointExercise
from ..model.places import Location
from ..model.provenance import Source as EventSource
from ..model.vocab import LocationPrecision
from ._fips import fips_to_iso3, iso3_to_fips
from ._keep import Keeping
from ._rows import Warn
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

__all__ = [
    "CODED_COLUMNS",
    "GDELT_COLUMNS",
    "KEEPING",
    "PLACE_COLUMNS",
    "code_cells",
    "field_cells",
    "read_coded",
    "read_day",
    "read_place",
    "read_source",
]

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


def code_cells(event: Event, kept: Mapping[str, Any]) -> dict[str, str]:
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
    return field_cells(event.date, *dyad(event), event.location, event.reported, event.sources)


def field_cells(
    date: DateSpan | None,
    actor: Actor | None,
    target: Actor | None,
    location: Location | None,
    reported: DateSpan | None,
    sources: tuple[EventSource, ...],
) -> dict[str, str]:
    """The GDELT cells of these field values (the codes and kept cells not applied)."""
    row = _BLANK.copy()
    row.update(_date_cells(date))
    row.update(actor_cameo(actor, "Actor1"))
    row.update(actor_cameo(target, "Actor2"))
    row.update(_location_cells(location))
    row.update(_reported_cells(reported))
    row.update(_source_cells(sources))
    return row


#: The columns each field writes; the codes and every other column are kept as read.
KEEPING: Final = Keeping(
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


# --- the parts of a row, read once per distinct cells -----------------------------


def read_coded(key: tuple[str, ...], warn: Warn) -> tuple[dict[str, str], Coded]:
    """The padded codes, the type and the code's fields of a row's code and actor cells."""
    cells = dict(zip(CODED_COLUMNS, key, strict=True))
    codes = _codes(cells, warn)
    actor, target = _actor("Actor1", cells, warn), _actor("Actor2", cells, warn)
    cls, fields = cameo_event(codes["EventCode"], actor, target)
    if cls is JointExercise:
        actor, target = (fields["participants"] + (None, None))[:2]
    return codes, (cls, fields, actor, target)


def read_day(key: tuple[str, str], warn: Warn) -> DateSpan | None:
    """The day of a ``(column, text)`` pair (``SQLDATE`` or ``DATEADDED``), or ``None``.

    >>> print(read_day(("SQLDATE", "20250101"), lambda *a, **k: None))
    2025-01-01
    """
    column, text = key
    day = _day(text)
    if day is None and text:
        form = "YYYYMMDD date" if column == "SQLDATE" else "YYYYMMDDHHMMSS time"
        warn("bad_value", f"{shown(text)} is not a {form}", column=column)
    return day


def read_place(key: tuple[str, ...], warn: Warn) -> Location | None:
    """The event's place from the cells of :data:`PLACE_COLUMNS`, in that order."""
    return _location(dict(zip(PLACE_COLUMNS, key, strict=True)), warn)


def read_source(url: str, warn: Warn) -> tuple[EventSource, ...]:
    """The event's source from its ``SOURCEURL`` cell."""
    return one_source(url, "url", "SOURCEURL", warn)


#: The type, the fields its code and actors fill, and the two actors as written back.
Coded = tuple[type[Event], dict[str, Any], Actor | None, Actor | None]
# The cells cameo_actor reads (not the ethnic and religion codes: kept as they are).
_ACTOR_READ: Final = tuple(
    part for part in _ACTOR_PARTS if part not in ("EthnicCode", "Religion1Code", "Religion2Code")
)
CODED_COLUMNS: Final = (
    "EventCode",
    "EventBaseCode",
    "EventRootCode",
    *(f"{role}{part}" for role in ("Actor1", "Actor2") for part in _ACTOR_READ),
)
# The cells _location reads (the ADM codes and FeatureID are kept as they are).
PLACE_COLUMNS: Final = tuple(
    f"ActionGeo_{part}" for part in ("Type", "CountryCode", "Lat", "Long", "FullName")
)
