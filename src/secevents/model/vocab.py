"""The controlled vocabularies of the wire format, as string enums.

Each member's value is the wire string; members compare equal to it.
"""

from __future__ import annotations

from enum import StrEnum

from ._forgiving import member_of
from ._validate import passes_decoded_values

__all__ = [
    "ActorKind",
    "ConstructionStatus",
    "Domain",
    "EquipmentKind",
    "Facility",
    "Factuality",
    "LocationPrecision",
    "Medium",
    "Qualifier",
    "SourceKind",
    "to_actor_kind",
    "to_equipment_kind",
    "to_location_precision",
    "to_qualifier",
    "to_source_kind",
]


class Factuality(StrEnum):
    """Whether an event happened, is planned, claimed, denied or hypothetical."""

    ACTUAL = "actual"
    PLANNED = "planned"
    CLAIMED = "claimed"
    DENIED = "denied"
    HYPOTHETICAL = "hypothetical"


class ActorKind(StrEnum):
    """What kind of actor an :class:`~secevents.Actor` is."""

    STATE = "state"
    GOVERNMENT = "government"
    MILITARY = "military"
    ORGANIZATION = "organization"
    ARMED_GROUP = "armed_group"
    PERSON = "person"
    MEDIA = "media"
    OTHER = "other"


class LocationPrecision(StrEnum):
    """How precisely a :class:`~secevents.Location` is known."""

    POINT = "point"
    SETTLEMENT = "settlement"
    ADMIN1 = "admin1"
    COUNTRY = "country"
    REGION = "region"
    BORDER = "border"


class Qualifier(StrEnum):
    """The hedge on a number: "about 5,000" is ``APPROX``, "over 700" ``MORE_THAN``."""

    EXACT = "exact"
    APPROX = "approx"
    MORE_THAN = "more_than"
    AT_LEAST = "at_least"
    LESS_THAN = "less_than"
    AT_MOST = "at_most"
    UP_TO = "up_to"


class Facility(StrEnum):
    """The kind of facility a :class:`~secevents.BaseConstruction` is about."""

    MILITARY_BASE = "military_base"
    BORDER_OUTPOST = "border_outpost"
    NAVAL_BASE = "naval_base"
    AIR_BASE = "air_base"
    LOGISTICS_FACILITY = "logistics_facility"
    TRAINING_FACILITY = "training_facility"
    RADAR_STATION = "radar_station"
    OTHER = "other"


class ConstructionStatus(StrEnum):
    """The milestone a base construction event reports."""

    PROPOSED = "proposed"
    AGREED = "agreed"
    UNDER_CONSTRUCTION = "under_construction"
    COMPLETED = "completed"
    OPERATIONAL = "operational"
    CANCELLED = "cancelled"
    DENIED = "denied"


class EquipmentKind(StrEnum):
    """Kinds of military equipment counted in a joint exercise."""

    VEHICLES = "vehicles"
    ARMOURED_VEHICLES = "armoured_vehicles"
    TANKS = "tanks"
    AIRCRAFT = "aircraft"
    HELICOPTERS = "helicopters"
    SHIPS = "ships"
    SUBMARINES = "submarines"
    ARTILLERY = "artillery"
    DRONES = "drones"
    OTHER = "other"


class Domain(StrEnum):
    """Warfare domains an exercise covers."""

    LAND = "land"
    AIR = "air"
    SEA = "sea"
    CYBER = "cyber"
    SPACE = "space"


class Medium(StrEnum):
    """The form of a diplomatic message."""

    LETTER = "letter"
    NOTE_VERBALE = "note_verbale"
    COMMUNIQUE = "communique"
    JOINT_STATEMENT = "joint_statement"
    PROTEST_NOTE = "protest_note"
    MESSAGE = "message"
    OTHER = "other"


class SourceKind(StrEnum):
    """What kind of publisher a :class:`~secevents.Source` is."""

    NEWS_AGENCY = "news_agency"
    NEWSPAPER = "newspaper"
    BROADCASTER = "broadcaster"
    GOVERNMENT = "government"
    OTHER = "other"


# attrs converters: members pass straight through (decoding already made them), wire
# strings become members. Named functions, so that type checkers see their types; at
# run time the classes' field transformer (secevents._forgiving) puts field-naming
# converters in their place.


def to_actor_kind(value: ActorKind | str) -> ActorKind:
    """An :class:`ActorKind` from a member or its wire string."""
    return value if type(value) is ActorKind else member_of(ActorKind, value)


def to_qualifier(value: Qualifier | str) -> Qualifier:
    """A :class:`Qualifier` from a member or its wire string."""
    return value if type(value) is Qualifier else member_of(Qualifier, value)


def to_equipment_kind(value: EquipmentKind | str) -> EquipmentKind:
    """An :class:`EquipmentKind` from a member or its wire string."""
    return value if type(value) is EquipmentKind else member_of(EquipmentKind, value)


def to_location_precision(value: LocationPrecision | str | None) -> LocationPrecision | None:
    """A :class:`LocationPrecision` (or ``None``) from a member or its wire string."""
    if value is None or type(value) is LocationPrecision:
        return value
    return member_of(LocationPrecision, value)


def to_source_kind(value: SourceKind | str | None) -> SourceKind | None:
    """A :class:`SourceKind` (or ``None``) from a member or its wire string."""
    if value is None or type(value) is SourceKind:
        return value
    return member_of(SourceKind, value)


for _converter in (
    to_actor_kind,
    to_qualifier,
    to_equipment_kind,
    to_location_precision,
    to_source_kind,
):
    passes_decoded_values(_converter)
