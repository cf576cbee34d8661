"""Event types: the :class:`Event` base, the built-in types and :class:`UnknownEvent`.

Subclassing :class:`Event` is all it takes to define a new type: the class is
made a frozen attrs class, its fields are type-checked from their annotations,
and it is registered under its type tag.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Iterator
from typing import TYPE_CHECKING, Any, ClassVar, Final, NamedTuple, dataclass_transform

import attrs

from ..errors import FieldError
from ._forgiving import forgiving_fields
from ._methods import stand_ins
from ._typecheck import checks_on_first_use, resolve_field_types
from ._views import view
from .actors import Actor
from .amounts import Equipment, Money, Quantity
from .dates import DateSpan
from .extra import UnknownKey, extra_field
from .ids import NOT_CONTENT, event_id, payload_id
from .places import Location
from .provenance import Evidence, Source
from .timestamps import utc_timestamp
from .vocab import ConstructionStatus, Domain, Facility, Factuality, Medium

__all__ = [
    "BaseConstruction",
    "DiplomaticCommunique",
    "Event",
    "EventMeta",
    "EventRegistry",
    "JointExercise",
    "RoleActor",
    "Statement",
    "UnknownEvent",
    "registry",
    "tag_from_class_name",
]

# -- the registry of event types: type tag <-> class ---------------------------------

_TAG: Final = re.compile(r"[a-z][a-z0-9_]*")
_RESERVED: Final = frozenset({"report", "relation", "unknown"})


def tag_from_class_name(name: str) -> str:
    """``ArmsTransfer`` -> ``arms_transfer``; ``UAVStrike`` -> ``uav_strike``.

    >>> tag_from_class_name("JointExercise")
    'joint_exercise'
    """
    spaced = re.sub(r"(?<=[a-z0-9])(?=[A-Z])|(?<=[A-Z])(?=[A-Z][a-z])", "_", name)
    return spaced.lower()


def same_definition(held: type, new: type) -> bool:
    """Whether ``new`` re-defines ``held`` (same module and name: a notebook cell run again)."""
    return (held.__module__, held.__qualname__) == (new.__module__, new.__qualname__)


class EventRegistry:
    """Maps type tags to event classes; listeners hear of each new class."""

    def __init__(self) -> None:
        self._by_tag: dict[str, type[Event]] = {}
        self._listeners: list[Callable[[type[Event]], None]] = []

    def register(self, cls: type[Event], tag: str) -> None:
        """Register ``cls`` under ``tag``; a tag held by another class is an error.

        Re-defining a class of the same module and name (a notebook cell run
        again) replaces the old one.
        """
        if not _TAG.fullmatch(tag) or tag in _RESERVED:
            raise TypeError(
                f"{cls.__qualname__}: type tag {tag!r} must be snake_case and not "
                f"one of {sorted(_RESERVED)}"
            )
        held = self._by_tag.get(tag)
        if held is not None and not same_definition(held, cls):
            raise TypeError(
                f"type tag {tag!r} of {cls.__module__}.{cls.__qualname__} is already "
                f"registered by {held.__module__}.{held.__qualname__}"
            )
        self._by_tag[tag] = cls
        for listener in self._listeners:
            listener(cls)

    def get(self, tag: str) -> type[Event] | None:
        """The class registered for ``tag``, or ``None``."""
        return self._by_tag.get(tag)

    def __contains__(self, tag: object) -> bool:
        return tag in self._by_tag

    def __iter__(self) -> Iterator[type[Event]]:
        return iter(list(self._by_tag.values()))

    def __len__(self) -> int:
        return len(self._by_tag)

    def tags(self) -> tuple[str, ...]:
        """All registered tags, in registration order."""
        return tuple(self._by_tag)

    def on_register(self, listener: Callable[[type[Event]], None]) -> Callable[[], None]:
        """Call ``listener`` for every class registered from now on.

        Returns a function that stops the calls.
        """
        self._listeners.append(listener)

        def stop() -> None:
            if listener in self._listeners:
                self._listeners.remove(listener)

        return stop


#: The process-wide registry every :class:`~secevents.Event` subclass joins.
registry: Final = EventRegistry()


#: The wire-format version of the records this library makes (read back by
#: :mod:`secevents.wire.versions`, which brings older data up to it).
SCHEMA_VERSION: Final = 2

_ID_SUFFIX = re.compile(r"--[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}")


@dataclass_transform(kw_only_default=True, frozen_default=True, field_specifiers=(attrs.field,))
class EventMeta(type):
    """Makes every class it creates a frozen, keyword-only, slotted attrs class.

    Users subclass :class:`Event` without decorating; do not add an attrs
    decorator on top.
    """

    def __new__(
        mcs, name: str, bases: tuple[type, ...], namespace: dict[str, Any], **kwargs: Any
    ) -> EventMeta:
        if "__attrs_attrs__" in namespace:  # attrs re-creating the class with slots
            return super().__new__(mcs, name, bases, namespace, **kwargs)
        namespace = {**stand_ins(namespace), **namespace}  # eq, hash, repr: on first use
        cls = super().__new__(mcs, name, bases, namespace, **kwargs)
        built: EventMeta = attrs.frozen(
            kw_only=True, weakref_slot=False, field_transformer=forgiving_fields
        )(cls)
        return built


class RoleActor(NamedTuple):
    """An actor of an event with the field (role) it fills."""

    role: str
    actor: Actor


if TYPE_CHECKING:
    # Type checkers only: mypy's attrs plugin types ``attrs.evolve`` for classes it saw
    # an attrs decorator on, and the metaclass is not one. Seen through this import,
    # ``Event`` is such a class; subclasses take their ``__init__`` from the metaclass's
    # ``dataclass_transform``, which ``evolve`` then checks the changes against.
    from attrs import frozen as _attrs_class_for_type_checkers
else:

    def _attrs_class_for_type_checkers(**_: Any) -> Callable[[type], type]:
        return lambda cls: cls


@_attrs_class_for_type_checkers(kw_only=True)
class Event(metaclass=EventMeta):
    """The fields every event has; subclass it to define an event type.

    Class attributes a subclass may set:

    - ``type_tag``: the wire tag (default: the class name in snake_case);
    - ``abstract = True``: a base for other types, neither registered nor
      instantiable;
    - ``id_fields``: the fields the deterministic id is computed from
      (default: every field, and the unknown keys, so that two records that
      differ get two ids; see :mod:`secevents.model.ids`).

    An event keeps its id across versions (wire format v2): ``attrs.evolve(event,
    ...)`` is an edited copy of the same record (same id, same ``modified``);
    :func:`secevents.new_version` makes the next version (same id, a later
    ``modified``) and :func:`secevents.revoke` withdraws the record;
    ``attrs.evolve(event, id="", ...)`` makes a new record with an id of its own.
    """

    if TYPE_CHECKING:
        __attrs_attrs__: ClassVar[tuple[attrs.Attribute[Any], ...]]

    type_tag: ClassVar[str]
    id_fields: ClassVar[tuple[str, ...]]
    abstract: ClassVar[bool] = True
    _checks: ClassVar[Callable[[Any], tuple[str, str] | None]]
    _actor_fields: ClassVar[tuple[str, ...]]
    _id_covers_unknown_keys: ClassVar[bool]

    id: str = ""
    schema_version: int = attrs.field(default=SCHEMA_VERSION, init=False)
    date: DateSpan | None = None
    reported: DateSpan | None = None
    location: Location | None = None
    factuality: Factuality | None = None
    summary: str | None = None
    sources: tuple[Source, ...] = ()
    evidence: tuple[Evidence, ...] = ()
    confidence: float | None = None
    tags: tuple[str, ...] = ()
    #: When this version of the record was made (UTC; wire format version 2).
    modified: dt.datetime | None = None
    #: The ids of the records merged into this one (version 2).
    merged_from: tuple[str, ...] = ()
    #: The record was withdrawn by its producer (version 2).
    revoked: bool = False
    extra: tuple[UnknownKey, ...] = extra_field()

    @classmethod
    def __attrs_init_subclass__(cls) -> None:
        if cls.__dict__.get("abstract", False):
            return
        _prepare(cls)
        if cls.__dict__.get("_unregistered", False):
            return
        tag = cls.__dict__.get("type_tag") or tag_from_class_name(cls.__name__)
        cls.type_tag = tag
        registry.register(cls, tag)

    def __attrs_post_init__(self) -> None:
        cls = type(self)
        checks = cls.__dict__.get("_checks")
        if checks is None:
            raise TypeError(f"{cls.__name__} is abstract: instantiate one of its subclasses")
        problem = checks(self)
        if problem is not None:
            raise FieldError(*problem)
        confidence = self.confidence
        if confidence is not None and not 0.0 <= confidence <= 1.0:
            raise FieldError("confidence", f"{confidence!r} is not in [0, 1]")
        if self.modified is not None:
            object.__setattr__(self, "modified", utc_timestamp("modified", self.modified))
        if not self.id:
            object.__setattr__(self, "id", self._default_id())
        else:
            self._check_id()

    def _check_id(self) -> None:
        prefix = self.type_tag
        if not (self.id.startswith(prefix) and _ID_SUFFIX.fullmatch(self.id, len(prefix))):
            raise FieldError("id", f"{self.id!r} is not '{prefix}--<uuid>'")

    def _default_id(self) -> str:
        return event_id(self)

    def _repr_html_(self) -> str:
        """A compact HTML card of the event, as Jupyter shows it."""
        html: str = view("html", self)
        return html

    @property
    def actors(self) -> tuple[RoleActor, ...]:
        """Every actor of the event with its role (the field it fills), in field order."""
        found: list[RoleActor] = []
        for role in type(self)._actor_fields:
            value = getattr(self, role)
            if isinstance(value, Actor):
                found.append(RoleActor(role, value))
            elif isinstance(value, tuple):
                found.extend(RoleActor(role, actor) for actor in value)
        return tuple(found)


def _prepare(cls: type[Event]) -> None:
    """Derive the per-class checks, actor roles and id fields from the annotations."""
    resolve_field_types(cls)
    fields = attrs.fields(cls)
    cls._checks = checks_on_first_use(
        cls, [(field.name, field.type) for field in fields if field.init and field.name != "extra"]
    )
    cls._actor_fields = tuple(
        field.name for field in fields if field.type in (Actor, Actor | None, tuple[Actor, ...])
    )
    if "id_fields" not in cls.__dict__:
        cls.id_fields = tuple(field.name for field in fields if field.name not in NOT_CONTENT)
        cls._id_covers_unknown_keys = True
    else:
        cls._id_covers_unknown_keys = False
    unknown = set(cls.id_fields) - {field.name for field in fields}
    if unknown:
        raise TypeError(f"{cls.__qualname__}.id_fields names unknown fields {sorted(unknown)}")


class BaseConstruction(Event):
    """A state builds, funds, agrees to or plans a military base or post (``base_construction``)."""

    type_tag: ClassVar[str] = "base_construction"

    builder: Actor | None = None
    host: Actor | None = None
    facility: Facility | None = None
    cost: Money | None = None
    status: ConstructionStatus | None = None
    garrison: tuple[Actor, ...] = ()
    excluded_forces: tuple[Actor, ...] = ()
    #: The personnel the facility holds or the terms allow (wire format version 2).
    troops: Quantity | None = None
    #: Craft stationed or allowed there ("no more than four warships"; version 2).
    equipment: tuple[Equipment, ...] = ()


class JointExercise(Event):
    """Drills of two or more states' forces (``joint_exercise``)."""

    type_tag: ClassVar[str] = "joint_exercise"

    name: str | None = None
    participants: tuple[Actor, ...] = ()
    framework: Actor | None = None
    troops: Quantity | None = None
    equipment: tuple[Equipment, ...] = ()
    domains: tuple[Domain, ...] = ()
    purpose: str | None = None


class DiplomaticCommunique(Event):
    """A formal written or official message between governments (``diplomatic_communique``)."""

    type_tag: ClassVar[str] = "diplomatic_communique"

    sender: Actor | None = None
    recipient: Actor | None = None
    medium: Medium | None = None
    content: str | None = None
    requests: tuple[str, ...] = ()


class Statement(Event):
    """An official's public remark: an interview, a press conference (``statement``)."""

    type_tag: ClassVar[str] = "statement"

    speaker: Actor | None = None
    audience: Actor | None = None
    content: str | None = None


class UnknownEvent(Event):
    """An event whose ``type`` no registered class has, kept whole for writing back.

    Produced only when asked for (``parse(data, unknown="keep")``); ``payload``
    is the event's JSON object as read.
    """

    _unregistered: ClassVar[bool] = True

    unknown_type: str
    payload: Any = attrs.field(hash=False)

    @property
    def type_tag(self) -> str:  # type: ignore[override]
        """The tag the payload carries."""
        return self.unknown_type

    def _check_id(self) -> None:
        """Ids of unknown types are kept as read."""

    def _default_id(self) -> str:
        return payload_id(self.unknown_type, self.payload)
