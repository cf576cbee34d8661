"""What the UCDP, ACLED and PLOVER importers share: lossless keeping, numbers, dates, places,
and the PLOVER category of any event.

A reader maps what it can to fields, then renders the event back with its
writer: every input value the rendering does not reproduce is kept on the
event (``_original``) and every input column without a field is kept as is,
so writing back gives the input again while edited fields still win.
"""

from __future__ import annotations

import datetime as dt
import functools
import importlib.resources
import re
from collections.abc import Callable, Iterable, Mapping
from typing import TYPE_CHECKING, Any, Final, NamedTuple, TypeVar

import attrs

from ..codes import is_country_code, is_subdivision_code
from ..dates import DateSpan, PartialDate
from ..errors import FieldError
from ..events import Event
from ..places import Location
from ..vocab import LocationPrecision
from ._rows import Warn, keep_columns, kept_columns

if TYPE_CHECKING:
    from ..coded import CodedEvent

#: The kept key holding input values of mapped columns that the fields do not reproduce.
ORIGINAL: Final = "_original"
_MISSING: Final = object()
E = TypeVar("E", bound=Event)


def kept_event(
    event: E,
    dataset: str,
    row: Mapping[str, Any],
    mapped: Iterable[str],
    render: Callable[[Event], Mapping[str, Any]],
    *,
    more: Mapping[str, Any] | None = None,
) -> E:
    """``event`` with ``row``'s unmapped columns and unreproduced mapped values kept on it.

    ``mapped`` names the columns that fields stand for; ``render`` is the
    format's writer for one event. ``more`` adds reader notes to the kept data.
    """
    mapped_set = set(mapped)
    columns: dict[str, Any] = {k: v for k, v in row.items() if k not in mapped_set}
    rendered = render(event)
    originals: dict[str, Any] = {}
    for column in mapped_set:
        value = row.get(column, _MISSING)
        now = rendered.get(column, _MISSING)
        if value == now and type(value) is type(now):
            continue
        entry: dict[str, Any] = {}
        if now is not _MISSING:
            entry["read"] = now
        if value is _MISSING:
            entry["absent"] = True
        else:
            entry["text"] = value
        originals[column] = entry
    if originals:
        columns[ORIGINAL] = originals
    if more:
        columns.update(more)
    if not columns:
        return event
    fields = {f.name: getattr(event, f.name) for f in attrs.fields(type(event)) if f.init}
    extra = event.extra + keep_columns(type(event), fields, dataset, columns)
    return attrs.evolve(event, extra=extra)  # type: ignore[misc]


def restore(rendered: dict[str, Any], event: Event, dataset: str) -> dict[str, Any]:
    """``rendered`` (the writer's view of ``event``) with the values kept on read put back.

    Unmapped columns come back as read; a mapped column gets its original text
    back only while the field still renders as it did on read (an edited field wins).
    """
    kept = kept_columns(event, dataset)
    if not kept:
        return rendered
    for column, value in kept.items():
        if column.startswith("_"):
            continue
        rendered[column] = value
    originals = kept.get(ORIGINAL)
    if isinstance(originals, dict):
        for column, entry in originals.items():
            if not isinstance(entry, dict):
                continue
            if rendered.get(column, _MISSING) != entry.get("read", _MISSING):
                continue
            if entry.get("absent"):
                rendered.pop(column, None)
            else:
                rendered[column] = entry.get("text")
    return rendered


def guarded(convert: Callable[[Any, Warn], Event | None]) -> Callable[[Any, Warn], Event | None]:
    """``convert``, turning a value no field accepts into a ``skipped_row`` warning, not a crash."""

    def run(row: Any, warn: Warn) -> Event | None:
        try:
            return convert(row, warn)
        except (FieldError, ValueError, TypeError) as error:
            warn("skipped_row", f"cannot be read: {error}")
            return None

    return run


def cells_of(row: Mapping[str, Any]) -> Callable[[str], str]:
    """A reader of ``row``'s cells: the stripped text, ``""`` for a missing column."""

    def cell(column: str) -> str:
        value = row.get(column)
        return "" if value is None else str(value).strip()

    return cell


# -- numbers -------------------------------------------------------------------
def parse_int(text: str, column: str, warn: Warn, *, allow_negative: bool = False) -> int | None:
    """The integer in a cell; ``None`` (and a ``bad_value`` warning) when it is not one."""
    text = text.strip()
    if not text:
        return None
    try:
        value = int(text)
    except ValueError:
        try:
            number = float(text)
        except ValueError:
            number = float("nan")
        if not number.is_integer():
            warn("bad_value", f"{text!r} is not a whole number", column=column)
            return None
        value = int(number)
    if value < 0 and not allow_negative:
        warn("bad_value", f"{text!r} is negative", column=column)
        return None
    return value


def parse_float(text: str, column: str, warn: Warn, low: float, high: float) -> float | None:
    """A coordinate in ``[low, high]``; ``None`` (and a ``bad_value`` warning) otherwise."""
    text = text.strip()
    if not text:
        return None
    try:
        value = float(text)
    except ValueError:
        warn("bad_value", f"{text!r} is not a number", column=column)
        return None
    if not low <= value <= high:
        warn("bad_value", f"{value} is outside [{low}, {high}]", column=column)
        return None
    return value


def float_text(value: float | None) -> str:
    """A coordinate as its shortest text (``35.76``), or ``""``."""
    return "" if value is None else repr(value)


# -- dates ---------------------------------------------------------------------
_DAY_FORMATS: Final = ("%Y-%m-%d", "%d %B %Y", "%d-%B-%Y", "%d/%m/%Y", "%d %b %Y", "%d-%b-%Y")
_ISO_DAY: Final = re.compile(r"([0-9]{4})-([0-9]{2})-([0-9]{2})(?:[ T][0-9:.]*)?")


def parse_day(text: str) -> dt.date | None:
    """A day from ``2013-01-03``, ``2013-01-03 00:00:00.000`` or ``03 January 2013``, else None."""
    text = text.strip()
    match = _ISO_DAY.fullmatch(text)
    try:
        if match:
            return dt.date(int(match[1]), int(match[2]), int(match[3]))
        for form in _DAY_FORMATS:
            try:
                return dt.datetime.strptime(text, form).date()
            except ValueError:
                continue
    except ValueError:
        return None
    return None


def day_text(day: dt.date | None) -> str:
    """``YYYY-MM-DD``, or ``""``."""
    return "" if day is None else day.isoformat()


def span_of_days(start: dt.date, end: dt.date) -> DateSpan:
    """The span ``start..end`` at its precision: a day, a whole month or year, else an interval.

    >>> str(span_of_days(dt.date(2013, 1, 1), dt.date(2013, 1, 31)))
    '2013-01'
    >>> str(span_of_days(dt.date(2013, 1, 3), dt.date(2013, 1, 9)))
    '2013-01-03/2013-01-09'
    """
    if start == end:
        return DateSpan(PartialDate.from_date(start))
    for whole in (PartialDate(start.year, start.month), PartialDate(start.year)):
        if whole.earliest == start and whole.latest == end:
            return DateSpan(whole)
    return DateSpan(PartialDate.from_date(start), PartialDate.from_date(end))


# -- places --------------------------------------------------------------------
@functools.cache
def country_from_name(name: str) -> str | None:
    """The ISO alpha-3 code of a country named in a dataset (``"DR Congo (Zaire)"`` -> ``COD``).

    >>> country_from_name("Russia (Soviet Union)"), country_from_name("Atlantis")
    ('RUS', None)
    """
    import pycountry

    text = name.strip()
    if not text:
        return None
    try:
        found = pycountry.countries.lookup(text)
        return str(found.alpha_3)
    except LookupError:
        pass
    from ..normalize.actors import resolve_actor

    result = resolve_actor(text)
    actor = result.value
    if actor is None or result.start != 0 or actor.kind.value != "state":
        return None
    return actor.code


@functools.cache
def group_code(name: str) -> str | None:
    """The short code of an armed group or organisation named exactly ``name`` (``PKK``), if known.

    >>> group_code("Taleban"), group_code("Syrian insurgents")
    ('TALIBAN', None)
    """
    from ..normalize.actors import resolve_actor

    result = resolve_actor(name)
    actor = result.value
    if actor is None or result.start != 0 or result.end != len(name):
        return None
    if actor.kind.value not in ("armed_group", "organization"):
        return None
    return actor.code


@functools.cache
def country_from_numeric(number: str) -> str | None:
    """The alpha-3 code of an ISO 3166-1 numeric code (``"4"`` or ``"004"`` -> ``AFG``)."""
    import pycountry

    text = number.strip()
    if not text.isdigit():
        return None
    found = pycountry.countries.get(numeric=text.zfill(3))
    if found is None and text.zfill(3) == "412":  # ACLED's Kosovo
        return "XKX"
    return None if found is None else str(found.alpha_3)


@functools.cache
def country_numeric(code: str) -> str:
    """The ISO numeric code of an alpha-3 code, without leading zeros (``AFG`` -> ``"4"``)."""
    import pycountry

    if code == "XKX":
        return "412"
    found = pycountry.countries.get(alpha_3=code)
    return "" if found is None else str(int(found.numeric))


@functools.cache
def country_name(code: str) -> str:
    """The common English name of an alpha-3 code (``RUS`` -> ``Russia``), or ``""``."""
    import pycountry

    if code in _SHORT_NAMES:
        return _SHORT_NAMES[code]
    found = pycountry.countries.get(alpha_3=code)
    if found is None:
        return ""
    return str(getattr(found, "common_name", None) or found.name)


_SHORT_NAMES: Final = {
    "XKX": "Kosovo", "RUS": "Russia", "IRN": "Iran", "SYR": "Syria", "KOR": "South Korea",
    "PRK": "North Korea", "VNM": "Vietnam", "BOL": "Bolivia", "VEN": "Venezuela",
    "TZA": "Tanzania", "LAO": "Laos", "MDA": "Moldova", "COD": "Democratic Republic of Congo",
    "TWN": "Taiwan", "PSE": "Palestine", "FSM": "Micronesia",
}  # fmt: skip
_ADMIN_WORDS: Final = re.compile(
    r"\s+(governorate|province|state|region|district|department|prefecture|oblast|county|"
    r"division|municipality|territory|emirate|wilayat|muhafazat)$",
    re.IGNORECASE,
)


@functools.cache
def _subdivisions(country: str) -> dict[str, str]:
    import pycountry

    try:
        alpha_2 = pycountry.countries.get(alpha_3=country)
    except (KeyError, LookupError):
        return {}
    if alpha_2 is None:
        return {}
    names: dict[str, str] = {}
    subdivisions = pycountry.subdivisions.get(country_code=alpha_2.alpha_2)  # type: ignore[no-untyped-call]
    for sub in subdivisions or ():
        if sub.parent_code is None:
            names.setdefault(_fold(sub.name), sub.code)
    return names


def _fold(name: str) -> str:
    import unicodedata

    plain = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", " ", plain.lower()).strip()


def subdivision_of(country: str | None, name: str) -> str | None:
    """The ISO 3166-2 code of a first-level subdivision named ``name`` in ``country``, if known.

    >>> subdivision_of("SYR", "Idlib governorate")
    'SY-ID'
    """
    if country is None or not name.strip():
        return None
    table = _subdivisions(country)
    bare = _ADMIN_WORDS.sub("", name.strip())
    code = table.get(_fold(bare)) or table.get(_fold(name))
    return code if code is not None and is_subdivision_code(code) else None


# -- PLOVER places ---------------------------------------------------------------
#: event_loc ``resolution`` (5 sub-city ... 1 country) <-> precision.
_RESOLUTION: Final = {
    5: LocationPrecision.POINT, 4: LocationPrecision.SETTLEMENT, 3: LocationPrecision.REGION,
    2: LocationPrecision.ADMIN1, 1: LocationPrecision.COUNTRY,
}  # fmt: skip


def plover_location(value: Any, warn: Warn) -> Location | None:
    """The location of a PLOVER ``event_loc`` (manual or geonames-style keys), if it has one."""
    if value is None:
        return None
    if not isinstance(value, Mapping):
        warn("bad_value", f"event_loc is an object, not {value!r}", column="event_loc")
        return None
    places = (_text(value.get(k)) for k in ("resolved_place", "name", "extracted_place"))
    name = next((place for place in places if place), None)
    country = value.get("country_code") or value.get("cc3") or value.get("country code")
    code = None
    if isinstance(country, str) and country.strip():
        code = _alpha3(country.strip(), warn)
    lat: Any = value.get("lat")
    lon: Any = value.get("lon")
    if not (_number(lat) and _number(lon) and -90 <= lat <= 90 and -180 <= lon <= 180):
        if lat is not None or lon is not None:
            warn("bad_value", f"lat {lat!r}, lon {lon!r}: not a coordinate", column="event_loc")
        lat = lon = None
    geonameid = value.get("geonameid")
    if name is None and code is None and lat is None:
        return None
    return Location(
        name=name, country=code, lat=lat, lon=lon,
        geonames_id=geonameid if isinstance(geonameid, int) and geonameid >= 0 else None,
        precision=_RESOLUTION.get(value.get("resolution")),  # type: ignore[arg-type]
    )  # fmt: skip


def _alpha3(code: str, warn: Warn) -> str | None:
    if len(code) == 3 and is_country_code(code):
        return code
    if len(code) == 2:
        import pycountry

        found = pycountry.countries.get(alpha_2=code.upper())
        if found is not None:
            warn(
                "repaired_code",
                f"ISO alpha-2 {code!r} read as {found.alpha_3!r}",
                column="event_loc",
            )
            return str(found.alpha_3)
    warn("unknown_country", f"{code!r} is not an ISO country code", column="event_loc")
    return None


def plover_location_dict(location: Location) -> dict[str, Any]:
    """The PLOVER 2.0 ``event_loc`` of a location."""
    loc: dict[str, Any] = {}
    if location.name:
        loc["resolved_place"] = location.name
    if location.country:
        loc["country_code"] = location.country
    if location.lat is not None:
        loc["lat"], loc["lon"] = location.lat, location.lon
    if location.geonames_id is not None:
        loc["geonameid"] = location.geonames_id
    resolution = {v: k for k, v in _RESOLUTION.items()}.get(location.precision)  # type: ignore[arg-type]
    if resolution is not None:
        loc["resolution"] = resolution
    return loc


def _number(value: Any) -> bool:
    return isinstance(value, int | float) and not isinstance(value, bool)


def _text(value: Any) -> str | None:
    return value if isinstance(value, str) and value.strip() else None


# -- CAMEO to PLOVER ------------------------------------------------------------
class PloverCode(NamedTuple):
    """A PLOVER event category with its mode and contexts (``mode`` may be empty)."""

    event: str
    mode: str
    contexts: tuple[str, ...]


@functools.cache
def _cameo_table() -> dict[str, PloverCode]:
    text = (
        importlib.resources.files("secevents.data").joinpath("cameo2plover.tsv").read_text("utf-8")
    )
    table: dict[str, PloverCode] = {}
    for line in text.splitlines()[1:]:
        if line.startswith(("#", "cameo\t")):
            continue
        code, event, mode, context, _label = line.split("\t")
        table[code] = PloverCode(event, mode, tuple(c for c in context.split(";") if c))
    return table


def plover_for_cameo(code: str) -> PloverCode | None:
    """The PLOVER category of a CAMEO code by the CAMEO2PLOVER 2021 table (its parent if unlisted).

    >>> plover_for_cameo("062")
    PloverCode(event='COOPERATE', mode='', contexts=('military',))
    >>> plover_for_cameo("0841").mode, plover_for_cameo("010")
    ('release', None)
    """
    table = _cameo_table()
    code = code.strip()
    while code:
        if code in table:
            return table[code]
        code = code[:-1] if len(code) > 3 else ""
    return None


def plover_code(event: Event) -> PloverCode | None:
    """The PLOVER category of any event: by its type, or by its code for coded events.

    >>> import secevents as se
    >>> plover_code(se.CodedEvent(scheme="cameo", code="0841")).event
    'RETREAT'
    >>> plover_code(se.Statement(content="No comment.")) is None
    True
    """
    from ..coded import CodedEvent
    from ..events import BaseConstruction, DiplomaticCommunique, JointExercise
    from ..vocab import ConstructionStatus, Factuality, Medium

    if isinstance(event, CodedEvent):
        return _coded(event)
    if isinstance(event, JointExercise):
        planned = event.factuality is Factuality.PLANNED
        return PloverCode("AGREE" if planned else "COOPERATE", "", ("military",))
    if isinstance(event, DiplomaticCommunique):
        if event.medium is Medium.PROTEST_NOTE:
            return PloverCode("ACCUSE", "allege", ("diplomatic",))
        return PloverCode("REQUEST", "", ("diplomatic",)) if event.requests else None
    if isinstance(event, BaseConstruction):
        status = event.status
        if status is ConstructionStatus.PROPOSED:
            return PloverCode("AGREE", "", ("military",))
        if status is ConstructionStatus.AGREED:
            return PloverCode("SUPPORT", "", ("military",))
        if status in (ConstructionStatus.CANCELLED, ConstructionStatus.DENIED):
            return PloverCode("REJECT", "assist", ("military",))
        return PloverCode("COOPERATE", "", ("military",))
    return None


def _coded(event: CodedEvent) -> PloverCode | None:
    if event.scheme == "plover":
        category, _, mode = event.code.partition(".")
        return PloverCode(category, mode, ())
    if event.scheme == "cameo":
        return plover_for_cameo(event.code)
    if event.scheme == "ucdp":
        return PloverCode("ASSAULT", "", ("military",) if event.code == "1" else ())
    if event.scheme == "acled":
        from .acled import acled_plover

        return acled_plover(event.code)
    return None
