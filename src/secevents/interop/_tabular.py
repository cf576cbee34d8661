"""What the UCDP, ACLED and PLOVER importers share: reading cells, numbers, dates and places."""

from __future__ import annotations

import datetime as dt
import functools
import hashlib
import json
import re
from collections.abc import Callable, Mapping
from typing import Any, Final, TypeVar

from .._once import load_once
from ..errors import FieldError, shown
from ..model.codes import is_subdivision_code
from ..model.dates import DateSpan, PartialDate
from ..model.places import Location
from ..model.provenance import Source
from ..model.vocab import LocationPrecision
from ._rows import Warn, cell_text, number_in

T = TypeVar("T")


def guarded(convert: Callable[[Any, Warn], T | None]) -> Callable[[Any, Warn], T | None]:
    """``convert``, turning a value no field accepts into a ``skipped_row`` warning, not a crash."""

    def run(row: Any, warn: Warn) -> T | None:
        try:
            return convert(row, warn)
        except (FieldError, ValueError, TypeError) as error:
            warn("skipped_row", f"cannot be read: {error}")
            return None

    return run


def cells_of(row: Mapping[str, Any]) -> Callable[[str], str]:
    """A reader of ``row``'s cells: the stripped text (see :func:`~._rows.cell_text`),
    ``""`` for a missing column or value.

    >>> cell = cells_of({"iso": 729.0, "actor2": float("nan")})
    >>> cell("iso"), cell("actor2"), cell("notes")
    ('729', '', '')
    """

    get = row.get

    def cell(column: str) -> str:
        value = get(column)
        if type(value) is str:  # as read from a file: no call of cell_text
            return value.strip()
        return cell_text(value).strip()

    return cell


# -- numbers -------------------------------------------------------------------
#: The largest count a cell may hold (a signed 64-bit integer, as in Arrow and pandas).
MAX_INT: Final = 2**63 - 1


def content_key(record: Mapping[str, Any]) -> str:
    """A key for a record that has no id, from all it holds (the same record, the same key).

    >>> content_key({"b": 1, "a": "x"}) == content_key({"a": "x", "b": 1})
    True
    """
    text = json.dumps(record, sort_keys=True, default=str, ensure_ascii=False)
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()


def parse_int(text: str, column: str, warn: Warn, *, allow_negative: bool = False) -> int | None:
    """The integer in a cell; ``None`` (and a ``bad_value`` warning naming ``column``) when it
    is not one, is negative (unless ``allow_negative``) or is beyond :data:`MAX_INT`.

    >>> parse_int("1e30", "best", lambda code, message, column=None: print(column, message))
    best '1e30' is larger than 2**63-1
    """
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
            warn("bad_value", f"{shown(text)} is not a whole number", column=column)
            return None
        value = int(number)
    if abs(value) > MAX_INT:
        warn("bad_value", f"{shown(text)} is larger than 2**63-1", column=column)
        return None
    if value < 0 and not allow_negative:
        warn("bad_value", f"{shown(text)} is negative", column=column)
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
        warn("bad_value", f"{shown(text)} is not a number", column=column)
        return None
    if not low <= value <= high:
        warn("bad_value", f"{value} is outside [{low}, {high}]", column=column)
        return None
    return value


def coordinates(cell: Callable[[str], str], warn: Warn) -> tuple[float | None, float | None]:
    """The ``latitude``/``longitude`` columns: both, or neither with a warning."""
    lat = parse_float(cell("latitude"), "latitude", warn, -90, 90)
    lon = parse_float(cell("longitude"), "longitude", warn, -180, 180)
    if (lat is None) != (lon is None):
        warn("bad_value", "latitude and longitude go together: both dropped", column="latitude")
        return None, None
    return lat, lon


def coordinate_cells(
    lat_text: str, lon_text: str, column: str, warn: Warn
) -> tuple[float | None, float | None]:
    """Latitude and longitude cells read together: both, or neither (with a ``bad_value``
    warning at ``column`` when either cell held something)."""
    lat, lon = number_in(lat_text, -90, 90), number_in(lon_text, -180, 180)
    if lat is None or lon is None:
        if lat_text or lon_text:
            message = f"coordinates {shown(lat_text)}, {shown(lon_text)} dropped"
            warn("bad_value", message, column=column)
        return None, None
    return lat, lon


def location_or_none(
    warn: Warn,
    column: str,
    *,
    name: str | None,
    country: str | None,
    lat: float | None,
    lon: float | None,
    precision: LocationPrecision | None,
) -> Location | None:
    """The place a row gives (``None`` if it gives none); one the checks refuse is dropped
    with a ``bad_value`` warning at ``column``."""
    if name is None and country is None and lat is None:
        return None
    try:
        return Location(name=name, country=country, lat=lat, lon=lon, precision=precision)
    except FieldError as error:
        warn("bad_value", f"place dropped: {error}", column=column)
        return None


def one_source(text: str, field: str, column: str, warn: Warn) -> tuple[Source, ...]:
    """The source a cell gives as its ``field`` (``"url"`` or ``"publisher"``), if any; one
    the checks refuse is dropped with a ``bad_value`` warning at ``column``."""
    try:
        if not text.strip():
            return ()
        return (Source(url=text) if field == "url" else Source(publisher=text),)
    except FieldError as error:
        warn("bad_value", f"source dropped: {error}", column=column)
        return ()


def source_cell(sources: tuple[Source, ...], field: str, column: str) -> dict[str, str]:
    """The cell ``column`` holding the first source's ``field``, or no cell."""
    for source in sources:
        value = getattr(source, field)
        if value:
            return {column: value}
    return {}


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
        return DateSpan(day_of(start))
    year = _YEARS.setdefault(start.year, start.year)
    for whole in (PartialDate(year, start.month), PartialDate(year)):
        if whole.earliest == start and whole.latest == end:
            return DateSpan(whole)
    return DateSpan(day_of(start), day_of(end))


def day_of(day: dt.date) -> PartialDate:
    """``PartialDate.from_date(day)``, its year one object for every date of that year (a
    year past 256 is an object of its own each time it is read from a date: held once
    per date, 32 bytes).

    >>> day_of(dt.date(2013, 1, 3)).year is day_of(dt.date(2013, 5, 1)).year
    True
    """
    return PartialDate(_YEARS.setdefault(day.year, day.year), day.month, day.day)


#: Years read from dates (1..9999: bounded), each one object.
_YEARS: Final[dict[int, int]] = {}


# -- places --------------------------------------------------------------------
@functools.lru_cache(maxsize=4096)
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


@functools.lru_cache(maxsize=4096)
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


@load_once
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
