"""The secevents wire format as msgspec Structs: a tagged union on ``type``.

Same keys, key order, omitted defaults and declarative checks as secevents
(enums, ISO code tables, patterns, ranges), so that decoding the corpus and
encoding it back gives the same bytes. What msgspec cannot declare is listed
in the benchmarks README.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Annotated, Literal

import msgspec
from _constraints import COUNTRY, CURRENCY, EDTF, EVENT_ID, NON_BLANK, SHORT_CODE, SUBDIVISION
from msgspec import Meta

from secevents.model.vocab import (
    ActorKind,
    ConstructionStatus,
    Domain,
    EquipmentKind,
    Facility,
    Factuality,
    LocationPrecision,
    Medium,
    Qualifier,
    SourceKind,
)

__all__ = ["EVENT", "MEvent"]

Text = Annotated[str, Meta(pattern=NON_BLANK)]
Count = Annotated[int, Meta(ge=0)]
Edtf = Annotated[str, Meta(pattern=EDTF)]


class Wire(msgspec.Struct, frozen=True, kw_only=True, omit_defaults=True):
    """Options every wire object shares (repeated on subclasses for type checkers)."""


class Actor(Wire, frozen=True, kw_only=True):
    """secevents.Actor."""

    name: Text | None = None
    kind: ActorKind
    code: Annotated[str, Meta(pattern=SHORT_CODE)] | None = None
    country: COUNTRY | None = None
    title: Text | None = None


class Location(Wire, frozen=True, kw_only=True):
    """secevents.Location."""

    name: Text | None = None
    country: COUNTRY | None = None
    admin1: SUBDIVISION | None = None
    lat: Annotated[float, Meta(ge=-90, le=90)] | None = None
    lon: Annotated[float, Meta(ge=-180, le=180)] | None = None
    precision: LocationPrecision | None = None
    geonames_id: Count | None = None
    border_with: COUNTRY | None = None
    near: bool = False


class Quantity(Wire, frozen=True, kw_only=True):
    """secevents.Quantity (``qualifier`` required: secevents always writes it)."""

    value: Count | None = None
    low: Count | None = None
    high: Count | None = None
    qualifier: Qualifier
    unit: Text | None = None


class Money(Wire, frozen=True, kw_only=True):
    """secevents.Money (msgspec cannot declare ``amount >= 0`` on a Decimal)."""

    amount: Decimal
    currency: CURRENCY
    qualifier: Qualifier


class Equipment(Wire, frozen=True, kw_only=True):
    """secevents.Equipment."""

    kind: EquipmentKind
    quantity: Quantity | None = None


class Source(Wire, frozen=True, kw_only=True):
    """secevents.Source."""

    publisher: Text | None = None
    url: Text | None = None
    published: Edtf | None = None
    kind: SourceKind | None = None


class Evidence(Wire, frozen=True, kw_only=True):
    """secevents.Evidence."""

    start: Count
    end: Count
    text: str


class MEvent(Wire, frozen=True, kw_only=True, tag_field="type"):
    """The common event fields (``schema_version`` required: secevents always writes it)."""

    id: Annotated[str, Meta(pattern=EVENT_ID)]
    schema_version: Literal[1]
    date: Edtf | None = None
    reported: Edtf | None = None
    location: Location | None = None
    factuality: Factuality | None = None
    summary: str | None = None
    sources: tuple[Source, ...] = ()
    evidence: tuple[Evidence, ...] = ()
    confidence: Annotated[float, Meta(ge=0, le=1)] | None = None
    tags: tuple[str, ...] = ()


class BaseConstruction(MEvent, frozen=True, kw_only=True, tag="base_construction"):
    """secevents.BaseConstruction."""

    builder: Actor | None = None
    host: Actor | None = None
    facility: Facility | None = None
    cost: Money | None = None
    status: ConstructionStatus | None = None
    garrison: tuple[Actor, ...] = ()
    excluded_forces: tuple[Actor, ...] = ()


class JointExercise(MEvent, frozen=True, kw_only=True, tag="joint_exercise"):
    """secevents.JointExercise."""

    name: str | None = None
    participants: tuple[Actor, ...] = ()
    framework: Actor | None = None
    troops: Quantity | None = None
    equipment: tuple[Equipment, ...] = ()
    domains: tuple[Domain, ...] = ()
    purpose: str | None = None


class DiplomaticCommunique(MEvent, frozen=True, kw_only=True, tag="diplomatic_communique"):
    """secevents.DiplomaticCommunique."""

    sender: Actor | None = None
    recipient: Actor | None = None
    medium: Medium | None = None
    content: str | None = None
    requests: tuple[str, ...] = ()


class Statement(MEvent, frozen=True, kw_only=True, tag="statement"):
    """secevents.Statement."""

    speaker: Actor | None = None
    audience: Actor | None = None
    content: str | None = None


#: The union msgspec decodes into, dispatching on ``type``.
EVENT = BaseConstruction | JointExercise | DiplomaticCommunique | Statement
