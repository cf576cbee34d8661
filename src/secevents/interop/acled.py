"""ACLED-style rows (the columns of an ACLED export): read them as events and write them back.

A row becomes a :class:`~secevents.CodedEvent` (``scheme="acled"``, code
``"<event_type>/<sub_event_type>"``), except "Headquarters or base established",
which is a :class:`~secevents.BaseConstruction`. Unmapped columns are kept, so
:func:`write_acled` gives the rows read.
"""

from __future__ import annotations

import datetime as dt
import functools
import os
import re
from collections.abc import Callable, Iterable, Iterator, Sequence
from typing import Any, Final, Unpack

from ..errors import shown
from ..model.actors import Actor
from ..model.amounts import Quantity
from ..model.coded import CodedEvent
from ..model.dates import DateSpan, PartialDate
from ..model.events import BaseConstruction, Event
from ..model.places import Location
from ..model.provenance import Source as EventSource
from ..model.vocab import ActorKind, ConstructionStatus, Facility, LocationPrecision
from ._arrow_csv import parse_csv
from ._columnar import ArrowRead, ColumnarFormat, cells_part, read_columnar
from ._dataset import ReadOptions, TableFormat, Target, takes_read_options
from ._keep import Keeping
from ._part_rows import PartFields, PartRows
from ._plover_codes import EVENT_TYPES, acled_plover, split_code
from ._row_text import RowTexts
from ._rows import EventReader, Source, Warn, dataset_event_id, surplus_cells
from ._tabular import (
    cells_of,
    content_key,
    coordinates,
    country_from_name,
    country_from_numeric,
    country_name,
    country_numeric,
    day_of,
    day_text,
    float_text,
    group_code,
    parse_day,
    parse_int,
    subdivision_of,
)

__all__ = [
    "ACLED_COLUMNS",
    "EVENT_TYPES",
    "acled_plover",
    "acled_rows",
    "read_acled",
    "read_acled_table",
    "split_code",
    "write_acled",
]

#: The columns of an ACLED export (2023 layout), in order.
ACLED_COLUMNS: Final = [
    "event_id_cnty", "event_date", "year", "time_precision", "disorder_type", "event_type",
    "sub_event_type", "actor1", "assoc_actor_1", "inter1", "actor2", "assoc_actor_2", "inter2",
    "interaction", "civilian_targeting", "iso", "region", "country", "admin1", "admin2",
    "admin3", "location", "latitude", "longitude", "geo_precision", "source", "source_scale",
    "notes", "fatalities", "tags", "timestamp",
]  # fmt: skip

_BASE: Final = ("Strategic developments", "Headquarters or base established")
#: ACLED ``inter`` codes (older exports) and actor types (newer ones) -> actor kind: state
#: forces, rebels, political and identity militias are armed; rioters, protesters, civilians
#: and external/other forces are not (but see :data:`_STATE_FORCES`).
_INTER_KINDS: Final = {
    "1": ActorKind.MILITARY, "state forces": ActorKind.MILITARY,
    "2": ActorKind.ARMED_GROUP, "rebel group": ActorKind.ARMED_GROUP,
    "3": ActorKind.ARMED_GROUP, "political militia": ActorKind.ARMED_GROUP,
    "4": ActorKind.ARMED_GROUP, "identity militia": ActorKind.ARMED_GROUP,
    "5": ActorKind.OTHER, "rioters": ActorKind.OTHER,
    "6": ActorKind.OTHER, "protesters": ActorKind.OTHER,
    "7": ActorKind.OTHER, "civilians": ActorKind.OTHER,
    "8": ActorKind.OTHER, "external/other forces": ActorKind.OTHER,
}  # fmt: skip
#: ACLED's names of a state's forces, whatever their ``inter`` (8 for a foreign state's):
#: "Military Forces of Russia (2000-)", "Police Forces of the Central African Republic
#: (2016-) Gendarmerie", "Government of Sudan (2019-)". Police are an organ of government.
_STATE_FORCES: Final = re.compile(
    r"(?P<organ>Military Forces|Police Forces|Government) of (?:the )?(?P<state>[^()]+?)"
    r"\s*(?:\(.*)?"
)
_ORGAN_KINDS: Final = {
    "Military Forces": ActorKind.MILITARY,
    "Police Forces": ActorKind.GOVERNMENT,
    "Government": ActorKind.GOVERNMENT,
}
_MAPPED: Final = (
    "event_date", "year", "time_precision", "event_type", "sub_event_type", "actor1", "actor2",
    "iso", "country", "admin1", "location", "latitude", "longitude", "geo_precision", "source",
    "notes", "fatalities", "tags",
)  # fmt: skip


@takes_read_options
def read_acled(source: Source, **options: Unpack[ReadOptions]) -> EventReader[dict[str, Any]]:
    """Read ACLED-style rows (a CSV path, or an iterable of row dicts) as events.

    ``time_precision`` 2 (the week is known; ACLED records its middle day) becomes
    the seven days around ``event_date``, 3 (the month is known) the month.
    ``options``: see :class:`~secevents.interop.ReadOptions`.

    >>> row = {"event_id_cnty": "SDN1", "event_date": "2023-05-14", "time_precision": "3",
    ...        "event_type": "Battles", "sub_event_type": "Armed clash", "actor1": "RSF",
    ...        "inter1": "3", "iso": "729", "fatalities": "4"}
    >>> event = next(read_acled([row]))
    >>> event.code, str(event.date), event.location.country, event.fatalities.value
    ('Battles/Armed clash', '2023-05', 'SDN', 4)
    """
    return _TABLE.read(source, **options)


def _convert(
    row: dict[str, Any], warn: Warn, texts: RowTexts | None = None, fields: PartFields | None = None
) -> Event | None:
    cell = cells_of(row)
    record_id = cell("event_id_cnty")
    if not record_id:
        message = "no event_id_cnty: the row's content identifies it"
        warn("missing_value", message, column="event_id_cnty")
        record_id = "content:" + content_key(row)
    # date, place, sources, reported, then the actors and the kind: in the order they warn
    values = _with_actors((fields or _ROW_FIELDS)(cell, warn))
    values["summary"] = cell("notes") or None  # a row's own text: nothing to share
    cls: type[Event] = values.pop("__class__")
    values["id"] = dataset_event_id(cls.type_tag, "acled", record_id)
    surplus_cells(row, warn)
    return _KEEPING.build(cls, values, row, texts=texts)


def _date(text: str, precision: str, warn: Warn) -> DateSpan | None:
    if not text:
        warn("missing_value", "no event_date", column="event_date")
        return None
    day = parse_day(text)
    if day is None:
        warn("bad_value", f"{shown(text)} is not a date", column="event_date")
        return None
    if precision == "2":
        week = dt.timedelta(days=3)
        return DateSpan(day_of(day - week), day_of(day + week))
    if precision == "3":
        return DateSpan(PartialDate(day_of(day).year, day.month))
    if precision not in ("1", ""):
        warn(
            "unknown_code",
            f"time_precision {shown(precision)} is not 1, 2 or 3: read as 1",
            column="time_precision",
        )
    return DateSpan(day_of(day))


def _timestamp(text: str, warn: Warn) -> DateSpan | None:
    if not text:
        return None
    if not (text.isascii() and text.isdigit()):
        warn("bad_value", f"{shown(text)} is not a Unix time", column="timestamp")
        return None
    try:
        return DateSpan(day_of(dt.datetime.fromtimestamp(int(text), dt.UTC).date()))
    except (OverflowError, OSError, ValueError):
        warn("bad_value", f"{shown(text)} is not a Unix time", column="timestamp")
        return None


def _location(cell: Callable[[str], str], warn: Warn) -> Location | None:
    iso, name_of_country = cell("iso"), cell("country")
    country = country_from_numeric(iso) if iso else None
    if country is None and name_of_country:
        country = country_from_name(name_of_country)
        if country is not None and iso:
            named = shown(name_of_country)
            message = f"iso {shown(iso)} is no ISO numeric code: {named} read as {country}"
            warn("repaired_code", message, column="iso")
    if country is None and (iso or name_of_country):
        warn(
            "unknown_country",
            f"no ISO code for iso {shown(iso)}, {shown(name_of_country)}",
            column="iso",
        )
    lat, lon = coordinates(cell, warn)
    name = cell("location") or None
    if name is None and country is None and lat is None:
        return None
    geo = cell("geo_precision")
    precision = {"1": LocationPrecision.SETTLEMENT, "2": LocationPrecision.SETTLEMENT}.get(
        geo, LocationPrecision.ADMIN1 if geo == "3" else None
    )
    if geo and precision is None:
        warn("unknown_code", f"geo_precision {shown(geo)} is not 1, 2 or 3", column="geo_precision")
    admin1 = subdivision_of(country, cell("admin1")) if cell("admin1") else None
    return Location(
        name=name, country=country, admin1=admin1, lat=lat, lon=lon,
        precision=precision, near=geo == "2",
    )  # fmt: skip


def _actor(name: str, inter: str, side: str, warn: Warn) -> Actor | None:
    if not name:
        return None
    kind = _INTER_KINDS.get(inter.lower())
    if kind is None and inter:
        message = f"inter{side} {shown(inter)} is not 1..8 or an ACLED actor type"
        warn("unknown_code", message, column=f"inter{side}")
    state = _STATE_FORCES.fullmatch(name)
    if state is not None:
        kind, stem = _ORGAN_KINDS[state["organ"]], state["state"]
    elif kind is ActorKind.MILITARY:
        stem = name.split(" (", 1)[0]
    else:
        kind = kind or ActorKind.OTHER
        code = group_code(name) if kind is ActorKind.ARMED_GROUP else None
        return Actor(kind=kind, name=name, code=code)
    country = country_from_name(stem)
    if country is None:
        message = f"no ISO code for the state of {shown(name)}"
        warn("unresolved_actor", message, column=f"actor{side}")
    return Actor(kind=kind, name=name, code=country, country=country)


# -- straight to Arrow -----------------------------------------------------------
def _silent(code: str, message: str, *, column: str | None = None) -> None:
    """A warning said by another part already."""


def _sources_and_tags(cell: Callable[[str], str], warn: Warn) -> dict[str, Any]:
    return {**_publishers_and_tags(cell, warn), "summary": cell("notes") or None}


def _publishers_and_tags(cell: Callable[[str], str], warn: Warn) -> dict[str, Any]:
    return {
        "sources": tuple(
            EventSource(publisher=name.strip())
            for name in cell("source").split(";")
            if name.strip()
        ),
        "tags": tuple(tag.strip() for tag in cell("tags").split(";") if tag.strip()),
    }


def _coded_fields(cell: Callable[[str], str], warn: Warn) -> dict[str, Any]:
    fields = {**_actor_fields(cell, warn, "1"), **_actor_fields(cell, warn, "2")}
    return _with_actors(fields | _kind_fields(cell, warn))


def _actor_fields(cell: Callable[[str], str], warn: Warn, side: str) -> dict[str, Any]:
    field = "actor" if side == "1" else "target"
    return {field: _actor(cell(f"actor{side}"), cell(f"inter{side}"), side, warn)}


def _kind_fields(cell: Callable[[str], str], warn: Warn) -> dict[str, Any]:
    """The event's class and what the kind of event gives (not the actors: see _with_actors)."""
    kind = (cell("event_type"), cell("sub_event_type"))
    if kind == _BASE:
        location = _location(cell, _silent)
        country = location.country if location else None
        return {
            "__class__": BaseConstruction,
            "host": Actor.state(country) if country else None,
            "facility": Facility.MILITARY_BASE,
            "status": ConstructionStatus.OPERATIONAL,
        }
    if not kind[0]:
        warn("missing_value", "no event_type: coded as '?'", column="event_type")
    fatalities = parse_int(cell("fatalities"), "fatalities", warn)
    return {
        "__class__": CodedEvent,
        "scheme": "acled",
        "code": "/".join(kind) if kind[1] else kind[0] or "?",
        "label": kind[1] or kind[0] or None,
        "fatalities": _deaths(fatalities),
    }


def _deaths(count: int | None) -> Quantity | None:
    if count is None:
        return None
    return _NO_DEATHS if count == 0 else Quantity(count, unit="deaths")


#: Most rows count no deaths: one object for all of them (80 bytes an event less).
_NO_DEATHS: Final = Quantity(0, unit="deaths")


def _with_actors(fields: dict[str, Any]) -> dict[str, Any]:
    """``fields`` (changed in place) with a base's actors as its builder and garrison."""
    if fields["__class__"] is BaseConstruction:
        actor1, actor2 = fields.pop("actor"), fields.pop("target")
        fields.update(builder=actor1, garrison=(actor2,) if actor2 else ())
    return fields


_PLACE: Final = ("iso", "country", "latitude", "longitude", "location", "geo_precision", "admin1")
_DATE_PART: Final = cells_part(
    ("event_date", "time_precision"),
    lambda cell, warn: {"date": _date(cell("event_date"), cell("time_precision"), warn)},
    "date",
)
_PLACE_PART: Final = cells_part(
    _PLACE, lambda cell, warn: {"location": _location(cell, warn)}, "location"
)
_REPORTED_PART: Final = cells_part(
    ("timestamp",), lambda cell, warn: {"reported": _timestamp(cell("timestamp"), warn)}, "reported"
)
_COLUMNAR: Final = ColumnarFormat(
    "acled",
    cells_part(
        (
            *("actor1", "inter1", "actor2", "inter2", "event_type", "sub_event_type"),
            *("fatalities", *_PLACE),
        ),
        _coded_fields,
    ),
    (
        _DATE_PART,
        _PLACE_PART,
        cells_part(("source", "notes", "tags"), _sources_and_tags, "sources", "summary", "tags"),
        _REPORTED_PART,
    ),
    ("event_id_cnty",),
    lambda compute, columns: compute.utf8_trim_whitespace(columns[0]),
    tuple(
        c
        for c in ACLED_COLUMNS
        if c
        not in {
            *("event_date", "time_precision", "event_type", "sub_event_type", "actor1"),
            *("actor2", "latitude", "longitude", "location", "source", "notes", "fatalities"),
            "tags",
        }
    ),
    tuple(ACLED_COLUMNS),
    lambda path: parse_csv(path, None, ",", quoted=True),
    lambda path, **options: read_acled(path, **options),
    coded_last=True,
)


def read_acled_table(
    source: str | os.PathLike[str] | Sequence[str | os.PathLike[str]],
    *,
    max_warnings: int | None = 100_000,
) -> ArrowRead:
    """The rows of ACLED-style CSV files as Arrow columns, without events (needs ``arrow``).

    As :func:`~secevents.interop.read_gdelt_table`: :func:`~secevents.interop.to_arrow`'s
    columns with the values :func:`read_acled`'s events have, the columns no field
    stands for as read (``acled_event_id_cnty``, ``acled_inter1``...), and
    :func:`read_acled`'s warnings and counts.
    """
    return read_columnar(_COLUMNAR, source, max_warnings=max_warnings)


# -- writing -------------------------------------------------------------------
def _render(event: Event) -> dict[str, str]:
    row = dict.fromkeys(ACLED_COLUMNS, "")
    row["event_id_cnty"] = event.id
    if isinstance(event, CodedEvent):
        first, second = event.actor, event.target
        if event.scheme == "acled" and not (event.code == "?" and event.label is None):
            # ("?" with no label is how an empty event_type reads: it writes back empty.)
            row["event_type"], row["sub_event_type"] = split_code(event.code)
        row["fatalities"] = "" if event.fatalities is None else str(event.fatalities.value or 0)
    elif isinstance(event, BaseConstruction):
        first, second = event.builder, event.garrison[0] if event.garrison else None
        row["event_type"], row["sub_event_type"] = _BASE
        row["fatalities"] = "0"
    else:
        actors = [a.actor for a in event.actors]
        first, second = (actors[0] if actors else None), (actors[1] if len(actors) > 1 else None)
        row["event_type"], row["sub_event_type"] = "Strategic developments", "Other"
        row["fatalities"] = "0"
    row["actor1"] = _name(first)
    row["actor2"] = _name(second)
    date = event.date
    if date is not None and date.earliest is not None and date.latest is not None:
        days = (date.latest - date.earliest).days
        middle = date.earliest + dt.timedelta(days=days // 2)
        precision = "1" if days == 0 else "2" if days <= 7 else "3"
        if precision == "3":
            middle = date.earliest.replace(day=15) if days < 31 else middle
        row["event_date"], row["year"] = day_text(middle), str(middle.year)
        row["time_precision"] = precision
    location = event.location
    if location is not None:
        row["iso"] = country_numeric(location.country) if location.country else ""
        row["country"] = country_name(location.country) if location.country else ""
        row["admin1"] = location.admin1 or ""
        row["location"] = location.name or ""
        row["latitude"] = float_text(location.lat)
        row["longitude"] = float_text(location.lon)
        row["geo_precision"] = _geo_precision(location)
    row["source"] = "; ".join(s.publisher for s in event.sources if s.publisher)
    row["notes"] = event.summary or ""
    row["tags"] = "; ".join(event.tags)
    return row


#: The columns each field writes, together: kept or written as one (see ``_keep``).
_GROUPS: Final = (
    ("event_date", "year", "time_precision"), ("event_type", "sub_event_type"), ("actor1",),
    ("actor2",), ("source",), ("notes",), ("fatalities",), ("tags",),
    ("iso", "country", "admin1", "location", "latitude", "longitude", "geo_precision"),
)  # fmt: skip
#: The columns whose text an event read holds in a field.
_HELD: Final = (
    ("notes", lambda e: e.summary),
    ("location", lambda e: e.location.name if e.location else None),
    ("actor1", lambda e: getattr(_first(e), "name", None)),
    ("actor2", lambda e: getattr(_second(e), "name", None)),
)
_KEEPING: Final = Keeping(
    "acled",
    _render,
    _GROUPS,
    table=ACLED_COLUMNS,
    filled=frozenset({"event_id_cnty"}),
    held=_HELD,
)


def _first(event: Event) -> Actor | None:
    """The actor read from ``actor1``."""
    if isinstance(event, CodedEvent):
        return event.actor
    return event.builder if isinstance(event, BaseConstruction) else None


def _second(event: Event) -> Actor | None:
    """The actor read from ``actor2``."""
    if isinstance(event, CodedEvent):
        return event.target
    if isinstance(event, BaseConstruction) and event.garrison:
        return event.garrison[0]
    return None


#: The typed reader's parts: the Arrow path's, with the actors apart from the kind of event
#: and the sources apart from the notes (so that equal actors and sources are one object
#: whatever the rest of the row says). The notes, a row's own text, are no part.
_TYPED_PARTS: Final = (
    _DATE_PART,
    _PLACE_PART,
    cells_part(("source", "tags"), _publishers_and_tags, "sources", "tags"),
    _REPORTED_PART,
    cells_part(("actor1", "inter1"), lambda cell, warn: _actor_fields(cell, warn, "1"), "actor"),
    cells_part(("actor2", "inter2"), lambda cell, warn: _actor_fields(cell, warn, "2"), "target"),
    cells_part(("event_type", "sub_event_type", "fatalities", *_PLACE), _kind_fields),
)
#: One read's converter: rows held as compact text, equal parts (dates, places, actors...) once.
_PER_READ: Final = functools.partial(PartRows, _convert, _TYPED_PARTS)
#: A row read alone: every part worked out for it.
_ROW_FIELDS: Final = PartFields(_TYPED_PARTS, remember=False)
_TABLE: Final = TableFormat(
    _convert, _KEEPING, ACLED_COLUMNS, ",", header=True, guarded=True, per_read=_PER_READ
)


def _geo_precision(location: Location) -> str:
    if location.precision is None:
        return ""
    if location.near:
        return "2"
    if location.precision in (LocationPrecision.POINT, LocationPrecision.SETTLEMENT):
        return "1"
    return "3"


def _name(actor: Actor | None) -> str:
    if actor is None:
        return ""
    if actor.name:
        return actor.name
    if actor.kind in (ActorKind.STATE, ActorKind.GOVERNMENT, ActorKind.MILITARY) and actor.code:
        organ = "Government" if actor.kind is ActorKind.GOVERNMENT else "Military Forces"
        return f"{organ} of {country_name(actor.code) or actor.code}"
    return actor.code or ""


def acled_rows(events: Iterable[Event]) -> Iterator[dict[str, str]]:
    """ACLED export rows for ``events``; rows read by :func:`read_acled` come back as read.

    >>> import secevents as se
    >>> exercise = se.JointExercise(participants=(se.Actor.state("RUS"), se.Actor.state("TJK")),
    ...                             date=se.DateSpan.parse("2021-10-23"))
    >>> row = next(acled_rows([exercise]))
    >>> row["event_type"], row["actor1"], row["event_date"], row["time_precision"]
    ('Strategic developments', 'Military Forces of Russia', '2021-10-23', '1')
    """
    return _TABLE.rows(events)


def write_acled(events: Iterable[Event], target: Target, *, escape_formulas: bool = True) -> int:
    """Write ``events`` as an ACLED-style CSV with a header; the number of rows written.

    Cells a spreadsheet would run as formulas get a leading ``'`` unless
    ``escape_formulas=False``; :func:`read_acled` takes it off.
    """
    return _TABLE.write(acled_rows(events), target, escape_formulas=escape_formulas)
