"""The secevents wire format as pydantic v2 models: a discriminated union on ``type``.

Strict (no ``"5"`` -> ``5``), frozen, with the same keys, key order, omitted
defaults (``exclude_defaults=True``) and declarative checks as secevents, so
that decoding the corpus and encoding it back gives the same bytes.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Annotated, Literal

from _constraints import COUNTRY, CURRENCY, EDTF, EVENT_ID, NON_BLANK, SHORT_CODE, SUBDIVISION
from pydantic import BaseModel, ConfigDict, Field

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

__all__ = ["EVENT", "PEvent"]

Text = Annotated[str, Field(pattern=NON_BLANK)]
Count = Annotated[int, Field(ge=0)]
Edtf = Annotated[str, Field(pattern=EDTF)]


class Wire(BaseModel):
    """Options every wire object shares."""

    model_config = ConfigDict(frozen=True, strict=True)


class Actor(Wire):
    """secevents.Actor."""

    name: Text | None = None
    kind: ActorKind
    code: Annotated[str, Field(pattern=SHORT_CODE)] | None = None
    country: COUNTRY | None = None
    title: Text | None = None


class Location(Wire):
    """secevents.Location."""

    name: Text | None = None
    country: COUNTRY | None = None
    admin1: SUBDIVISION | None = None
    lat: Annotated[float, Field(ge=-90, le=90)] | None = None
    lon: Annotated[float, Field(ge=-180, le=180)] | None = None
    precision: LocationPrecision | None = None
    geonames_id: Count | None = None
    border_with: COUNTRY | None = None
    near: bool = False


class Quantity(Wire):
    """secevents.Quantity (``qualifier`` required: secevents always writes it)."""

    value: Count | None = None
    low: Count | None = None
    high: Count | None = None
    qualifier: Qualifier
    unit: Text | None = None


class Money(Wire):
    """secevents.Money."""

    amount: Annotated[Decimal, Field(ge=0)]
    currency: CURRENCY
    qualifier: Qualifier


class Equipment(Wire):
    """secevents.Equipment."""

    kind: EquipmentKind
    quantity: Quantity | None = None


class Source(Wire):
    """secevents.Source."""

    publisher: Text | None = None
    url: Text | None = None
    published: Edtf | None = None
    kind: SourceKind | None = None


class Evidence(Wire):
    """secevents.Evidence."""

    start: Count
    end: Count
    text: str


class PEvent(Wire):
    """The common event fields; ``type`` is narrowed to a Literal by each event class."""

    type: str
    id: Annotated[str, Field(pattern=EVENT_ID)]
    schema_version: Literal[1]
    date: Edtf | None = None
    reported: Edtf | None = None
    location: Location | None = None
    factuality: Factuality | None = None
    summary: str | None = None
    sources: tuple[Source, ...] = ()
    evidence: tuple[Evidence, ...] = ()
    confidence: Annotated[float, Field(ge=0, le=1)] | None = None
    tags: tuple[str, ...] = ()


class BaseConstruction(PEvent):
    """secevents.BaseConstruction."""

    type: Literal["base_construction"]
    builder: Actor | None = None
    host: Actor | None = None
    facility: Facility | None = None
    cost: Money | None = None
    status: ConstructionStatus | None = None
    garrison: tuple[Actor, ...] = ()
    excluded_forces: tuple[Actor, ...] = ()


class JointExercise(PEvent):
    """secevents.JointExercise."""

    type: Literal["joint_exercise"]
    name: str | None = None
    participants: tuple[Actor, ...] = ()
    framework: Actor | None = None
    troops: Quantity | None = None
    equipment: tuple[Equipment, ...] = ()
    domains: tuple[Domain, ...] = ()
    purpose: str | None = None


class DiplomaticCommunique(PEvent):
    """secevents.DiplomaticCommunique."""

    type: Literal["diplomatic_communique"]
    sender: Actor | None = None
    recipient: Actor | None = None
    medium: Medium | None = None
    content: str | None = None
    requests: tuple[str, ...] = ()


class Statement(PEvent):
    """secevents.Statement."""

    type: Literal["statement"]
    speaker: Actor | None = None
    audience: Actor | None = None
    content: str | None = None


#: The union pydantic validates into, dispatching on ``type``.
EVENT = Annotated[
    BaseConstruction | JointExercise | DiplomaticCommunique | Statement,
    Field(discriminator="type"),
]
