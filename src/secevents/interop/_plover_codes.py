"""PLOVER values: ``event_loc`` places, entities, counts, and the PLOVER category of any event
(by its type, or by its code through the CAMEO2PLOVER table for CAMEO-coded events)."""

from __future__ import annotations

import importlib.resources
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Final, NamedTuple

from .._once import load_once
from ..errors import shown
from ..model.actors import Actor
from ..model.amounts import Quantity
from ..model.codes import is_country_code
from ..model.events import Event
from ..model.places import Location
from ..model.vocab import ActorKind, LocationPrecision
from ._rows import Warn
from ._tabular import MAX_INT

if TYPE_CHECKING:
    from ..model.coded import CodedEvent


def capped(
    number: int, column: str, warn: Warn, *, name: str | None = None, read: Any = None
) -> int | None:
    """``number`` if a field can take it (``0 <= number <= 2**63-1``); else ``None`` and a
    ``bad_value`` warning naming ``name`` (default: the column) and the value ``read``
    (default: ``number``).

    >>> capped(2**70, "dead", lambda *a, **k: None) is None
    True
    """
    if 0 <= number <= MAX_INT:
        return number
    problem = "is negative" if number < 0 else "is over 2**63-1"
    message = f"{name or column} {shown(number if read is None else read)} {problem} (kept as read)"
    warn("bad_value", message, column=column)
    return None


# -- PLOVER places ---------------------------------------------------------------
#: event_loc ``resolution`` (5 sub-city ... 1 country) <-> precision.
_RESOLUTION: Final = {
    5: LocationPrecision.POINT, 4: LocationPrecision.SETTLEMENT, 3: LocationPrecision.REGION,
    2: LocationPrecision.ADMIN1, 1: LocationPrecision.COUNTRY,
}  # fmt: skip


_LOCATION_KEYS: Final = frozenset(
    {"resolved_place", "name", "extracted_place", "country_code", "cc3", "country code", "lat",
     "lon", "geonameid", "resolution", "admin1", "admin2", "feature_code", "feature_class"}
)  # fmt: skip


def plover_location(value: Any, warn: Warn) -> Location | None:
    """The location of a PLOVER ``event_loc`` (manual or geonames-style keys), if it has one.

    A value no field takes gives a warning (column ``event_loc``); the record keeps it.
    """
    if value is None:
        return None
    if not isinstance(value, Mapping):
        warn("bad_value", f"event_loc is an object, not {shown(value)}", column="event_loc")
        return None

    def bad(message: str) -> None:
        warn("bad_value", f"{message} (kept as read)", column="event_loc")

    if value and not _LOCATION_KEYS.intersection(value):
        bad(f"none of the keys {shown(sorted(map(str, value)), 60)} is a place")
    names: list[str] = []
    for key in ("resolved_place", "name", "extracted_place"):
        place = value.get(key)
        text = text_of(place)
        if text is not None:
            names.append(text)
        elif place is not None and not isinstance(place, str):
            bad(f"{key} {shown(place)} is not text")
    name = names[0] if names else None
    code = None
    for key in ("country_code", "cc3", "country code"):
        country = value.get(key)
        if isinstance(country, str) and country.strip():
            code = _alpha3(country.strip(), warn)
            break
        if country is not None and not isinstance(country, str):
            bad(f"{key} {shown(country)} is not a country code")
            break
    lat: Any = value.get("lat")
    lon: Any = value.get("lon")
    if not (_number(lat) and _number(lon) and -90 <= lat <= 90 and -180 <= lon <= 180):
        if lat is not None or lon is not None:
            bad(f"lat {shown(lat)}, lon {shown(lon)}: not a coordinate")
        lat = lon = None
    geonameid = value.get("geonameid")
    if geonameid is not None:
        if isinstance(geonameid, int) and not isinstance(geonameid, bool):
            geonameid = capped(geonameid, "event_loc", warn, name="geonameid")
        else:
            bad(f"geonameid {shown(geonameid)} is not a whole number")
            geonameid = None
    resolution = value.get("resolution")
    precision = _RESOLUTION.get(resolution) if type(resolution) is int else None
    if resolution is not None and precision is None:
        bad(f"resolution {shown(resolution)} is not 1..5")
    if name is None and code is None and lat is None:
        return None
    return Location(
        name=name, country=code, lat=lat, lon=lon, geonames_id=geonameid, precision=precision
    )


def _alpha3(code: str, warn: Warn) -> str | None:
    if len(code) == 3 and is_country_code(code):
        return code
    if len(code) == 2:
        import pycountry

        found = pycountry.countries.get(alpha_2=code.upper())
        if found is not None:
            warn(
                "repaired_code",
                f"ISO alpha-2 {shown(code)} read as {shown(found.alpha_3)}",
                column="event_loc",
            )
            return str(found.alpha_3)
    warn("unknown_country", f"{shown(code)} is not an ISO country code", column="event_loc")
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


# -- PLOVER entities and counts ------------------------------------------------
#: PLOVER's non-state entity codes and the kind of actor each is.
NON_STATE: Final = {
    "IGO": ActorKind.ORGANIZATION, "NGO": ActorKind.ORGANIZATION, "UNO": ActorKind.ORGANIZATION,
    "EUR": ActorKind.ORGANIZATION, "MNC": ActorKind.ORGANIZATION, "ISM": ActorKind.ORGANIZATION,
    "IMG": ActorKind.ARMED_GROUP,
}  # fmt: skip
_SECTOR_KINDS: Final = {
    "GOV": ActorKind.GOVERNMENT, "COP": ActorKind.GOVERNMENT, "JUD": ActorKind.GOVERNMENT,
    "LEG": ActorKind.GOVERNMENT, "SPY": ActorKind.GOVERNMENT, "MIL": ActorKind.MILITARY,
    "REB": ActorKind.ARMED_GROUP, "PRM": ActorKind.ARMED_GROUP, "UAF": ActorKind.ARMED_GROUP,
    "CRM": ActorKind.ARMED_GROUP, "JRN": ActorKind.MEDIA,
}  # fmt: skip
_KIND_SECTORS: Final = {
    ActorKind.GOVERNMENT: "GOV", ActorKind.MILITARY: "MIL", ActorKind.ARMED_GROUP: "REB",
    ActorKind.MEDIA: "JRN", ActorKind.OTHER: "CVL",
}  # fmt: skip


def plover_entities(value: Any, key: str, warn: Warn) -> list[Actor]:
    """The actors of a record's ``actor``/``recipient`` list (``key``); bad entries warn."""
    if value is None or value == "" or value == []:
        return []
    if not isinstance(value, list):
        warn("bad_value", f"expected a list of entities, got {shown(value)}", column=key)
        value = [value] if isinstance(value, Mapping) else []
    actors = []
    for item in value:
        actor = _entity(item, key, warn)
        if actor is not None:
            actors.append(actor)
    return actors


def _entity(item: Any, key: str, warn: Warn) -> Actor | None:
    if not isinstance(item, Mapping):
        warn("bad_value", f"an entity is an object, not {shown(item)}", column=key)
        return None
    cells = (item.get("entity_text"), item.get("code"), item.get("sector"))
    if not all(cell is None or type(cell) is str for cell in cells):
        return _entity_of(*cells, key, warn)
    # Entities repeat (a state, its government): each is read once, its warnings said again.
    found = _ENTITIES.get((key, *cells))
    if found is None:
        said: list[tuple[str, str, str | None]] = []

        def note(code: str, message: str, *, column: str | None = None) -> None:
            said.append((code, message, column))

        found = (_entity_of(*cells, key, note), tuple(said))
        if len(_ENTITIES) >= _MAX_ENTITIES:  # ever new entities: start again
            _ENTITIES.clear()
        _ENTITIES[key, *cells] = found
    actor, notes = found
    for code, message, column in notes:
        warn(code, message, column=column)
    return actor


_ENTITIES: dict[tuple[Any, ...], tuple[Actor | None, tuple[tuple[str, str, str | None], ...]]] = {}
_MAX_ENTITIES: Final = 1 << 16


def _entity_of(text: Any, raw_code: Any, raw_sector: Any, key: str, warn: Warn) -> Actor | None:
    """The actor of an entity's ``entity_text``, ``code`` and ``sector`` values."""
    name = text.strip() if isinstance(text, str) and text.strip() else None
    code = str(raw_code or "").strip().upper() or None
    sector = str(raw_sector or "")[:3].upper()
    if code in NON_STATE:
        return Actor(kind=NON_STATE[code], code=code, name=name)
    if code is not None and is_country_code(code):
        kind = _SECTOR_KINDS.get(sector, ActorKind.OTHER if sector else ActorKind.STATE)
        if kind in (ActorKind.GOVERNMENT, ActorKind.MILITARY, ActorKind.STATE):
            return Actor(
                kind=kind, code=code, country=None if kind is ActorKind.STATE else code, name=name
            )
        return Actor(kind=kind, country=code, name=name or code)
    if code is not None:
        warn(
            "unknown_code",
            f"entity code {shown(code)} is neither ISO alpha-3 nor a PLOVER non-state code",
            column=key,
        )
    if name is None and code is None:
        warn("bad_value", "an entity with neither text nor code: dropped", column=key)
        return None
    return Actor(kind=ActorKind.OTHER, name=name or code)


def plover_size(value: Any, warn: Warn) -> Quantity | None:
    """The count a ``size`` gives ("5000", 5000, "Thousands"), else ``None`` with a warning."""
    if value is None or value == "":
        return None
    number = _whole(value)
    if number is not None:
        count = capped(number, "size", warn, read=value)
        return None if count is None else Quantity(count)
    if not isinstance(value, str):
        warn(
            "bad_value",
            f"size {shown(value)} is not text or a number (kept as read)",
            column="size",
        )
        return None
    from ..normalize.quantities import parse_quantity

    result = parse_quantity(value).value
    if result is None:
        warn("unparsed_size", f"size {shown(value)} is not a count (kept as read)", column="size")
        return None
    bounds = (result.value, result.low, result.high)
    if any(capped(n, "size", warn) is None for n in bounds if n is not None):
        return None
    return result


def plover_count(value: Any, key: str, warn: Warn) -> Quantity | None:
    """The deaths a whole-number ``key`` (``dead``) gives, else ``None`` with a warning."""
    if value is None or value == "":
        return None
    number = _whole(value)
    if number is None:
        message = f"{key} {shown(value)} is not a whole number (kept as read)"
        warn("bad_value", message, column=key)
        return None
    count = capped(number, key, warn, read=value)
    return None if count is None else Quantity(count, unit="deaths")


def _whole(value: Any) -> int | None:
    """The whole number ``value`` is (an int, or text of ASCII digits with an optional sign)."""
    if isinstance(value, bool):
        return None
    if isinstance(value, int):
        return value
    if not isinstance(value, str):
        return None
    text = value.strip()
    digits = text[1:] if text[:1] in "+-" else text
    if not (digits.isascii() and digits.isdigit()):
        return None
    if len(digits) > 40:  # past 2**63-1 whatever the digits; int() would refuse past 4,300
        return -(10**40) if text.startswith("-") else 10**40
    return int(text)


def plover_entity_dict(actor: Actor) -> dict[str, Any]:
    """The PLOVER entity (``entity_text``, ``code``, ``sector``) of an actor."""
    entity: dict[str, Any] = {}
    kind = actor.kind
    if kind in (ActorKind.STATE, ActorKind.GOVERNMENT, ActorKind.MILITARY):
        code = actor.code or actor.country
    elif kind is ActorKind.ORGANIZATION:
        code = actor.code if actor.code in NON_STATE else "IGO"
    elif kind is ActorKind.ARMED_GROUP:
        code = actor.country or "IMG"  # a group of no one country: transnational
    else:
        code = actor.country
    name = actor.name or (actor.code if actor.code != code else None)
    if name:
        entity["entity_text"] = name
    if code:
        entity["code"] = code
    sector = _KIND_SECTORS.get(kind)
    if kind is ActorKind.PERSON:  # PLOVER codes officials by their sector
        sector = "GOV" if actor.title else "CVL"
    if sector and code not in NON_STATE and code:
        entity["sector"] = sector
    return entity


# -- CAMEO to PLOVER ------------------------------------------------------------
class PloverCode(NamedTuple):
    """A PLOVER event category with its mode and contexts (``mode`` may be empty)."""

    event: str
    mode: str
    contexts: tuple[str, ...]


@load_once
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
    from ..model.coded import CodedEvent
    from ..model.events import BaseConstruction, DiplomaticCommunique, JointExercise
    from ..model.vocab import ConstructionStatus, Factuality, Medium

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
        return acled_plover(event.code)
    return None


# -- ACLED's event types (read by interop.acled) ----------------------------------
#: ACLED event and sub-event types -> PLOVER (the sub-event type wins).
_PLOVER: Final = {
    "Battles": PloverCode("ASSAULT", "", ("military",)),
    "Explosions/Remote violence": PloverCode("ASSAULT", "explosives", ()),
    "Air/drone strike": PloverCode("ASSAULT", "heavy-weapons", ("military",)),
    "Shelling/artillery/missile attack": PloverCode("ASSAULT", "heavy-weapons", ("military",)),
    "Suicide bomb": PloverCode("ASSAULT", "suicide-attack", ()),
    "Chemical weapon": PloverCode("ASSAULT", "unconventional", ("cbrn",)),
    "Violence against civilians": PloverCode("ASSAULT", "", ()),
    "Sexual violence": PloverCode("ASSAULT", "sexual", ()),
    "Abduction/forced disappearance": PloverCode("ASSAULT", "abduct", ()),
    "Protests": PloverCode("PROTEST", "demo", ()),
    "Riots": PloverCode("PROTEST", "riot", ()),
    "Agreement": PloverCode("SUPPORT", "", ("diplomatic",)),
    "Arrests": PloverCode("COERCE", "arrest", ("legal",)),
    "Looting/property destruction": PloverCode("COERCE", "seize", ()),
    "Disrupted weapons use": PloverCode("COERCE", "", ("military",)),
    "Non-violent transfer of territory": PloverCode("RETREAT", "", ("territory",)),
    "Headquarters or base established": PloverCode("MOBILIZE", "", ("military",)),
}


def acled_plover(code: str) -> PloverCode | None:
    """The PLOVER category of an ACLED ``"<event_type>/<sub_event_type>"`` code, if one fits.

    >>> acled_plover("Protests/Peaceful protest").event
    'PROTEST'
    """
    kind, sub = split_code(code)
    return _PLOVER.get(sub) or _PLOVER.get(kind)


#: ACLED's event types (two hold a slash, so a code splits after the type it starts with).
EVENT_TYPES: Final = (
    "Battles", "Explosions/Remote violence", "Violence against civilians", "Protests", "Riots",
    "Strategic developments",
)  # fmt: skip


def split_code(code: str) -> tuple[str, str]:
    """The event type and sub-event type of a ``"<event_type>/<sub_event_type>"`` code.

    >>> split_code("Explosions/Remote violence/Air/drone strike")
    ('Explosions/Remote violence', 'Air/drone strike')
    """
    for kind in EVENT_TYPES:
        if code == kind:
            return kind, ""
        if code.startswith(kind + "/"):
            return kind, code[len(kind) + 1 :]
    kind, _, sub = code.partition("/")
    return kind, sub
