"""PLOVER places and categories: ``event_loc`` records, and the PLOVER category of any event
(by its type, or by its code through the CAMEO2PLOVER table for CAMEO-coded events)."""

from __future__ import annotations

import functools
import importlib.resources
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Final, NamedTuple

from ..codes import is_country_code
from ..events import Event
from ..places import Location
from ..vocab import LocationPrecision
from ._rows import Warn

if TYPE_CHECKING:
    from ..coded import CodedEvent


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
    places = (text_of(value.get(k)) for k in ("resolved_place", "name", "extracted_place"))
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


def text_of(value: Any) -> str | None:
    """``value`` if it is text that is not blank, else ``None``."""
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
