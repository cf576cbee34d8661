"""Relations: typed links between two records (wire format v2's ``relation`` object).

A :class:`Relation` says that one record (its ``source_ref``) stands in a
``kind`` of relation to another (its ``target_ref``): a communique is *about*
a base, a denial *denies* a report, drills are *part_of* a larger exercise.
Relations are read and written like events (:func:`secevents.dumps`,
:func:`secevents.loads`, JSON Lines streams that mix both, told apart by
``type``). Subclass :class:`Relation` for your own kinds, as you subclass
:class:`~secevents.Event` for your own event types.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from enum import StrEnum
from typing import TYPE_CHECKING, Any, ClassVar, Final

import attrs

from ..errors import FieldError, shown
from ._record import record_dict
from ._typecheck import checks_on_first_use, resolve_field_types
from .dates import DateSpan
from .events import SCHEMA_VERSION, EventMeta
from .extra import UnknownKey, extra_field
from .ids import canonical_id
from .provenance import Evidence, Source
from .registry import same_definition

__all__ = ["RELATION_TAG", "Relation", "RelationKind", "relation_class", "relation_classes"]

#: The wire ``type`` of every relation.
RELATION_TAG: Final = "relation"
_ID: Final = re.compile(r"relation--[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}")
_KIND: Final = re.compile(r"[a-z][a-z0-9_]*")


class RelationKind(StrEnum):
    """The relation kinds of the wire format; members compare equal to their wire string."""

    #: A communique or statement about an event.
    ABOUT = "about"
    #: A phase of a larger exercise, one milestone of a base.
    PART_OF = "part_of"
    #: A reaction to another record (a protest note to a base deal).
    RESPONSE_TO = "response_to"
    #: A record that confirms another.
    CONFIRMS = "confirms"
    #: A record that denies another (a denial of a reported base).
    DENIES = "denies"
    #: Another report of the same real event.
    DUPLICATE_OF = "duplicate_of"
    #: A later milestone of the same facility.
    FOLLOWS = "follows"


# kind -> the class that reads and writes it
_BY_KIND: dict[str, type[Relation]] = {}


def relation_class(kind: str) -> type[Relation] | None:
    """The class registered for relation ``kind``, or ``None``.

    >>> relation_class("about").__name__
    'Relation'
    """
    return _BY_KIND.get(kind)


def relation_classes() -> Iterator[type[Relation]]:
    """Every registered relation class, :class:`Relation` first, each once."""
    seen: list[type[Relation]] = []
    for cls in list(_BY_KIND.values()):
        if cls not in seen:
            seen.append(cls)
            yield cls


class Relation(metaclass=EventMeta):
    """A typed link from one record (``source_ref``) to another (``target_ref``).

    ``kind`` is one of :class:`RelationKind`'s values (or a kind a subclass
    declares); ``date`` is when the link was stated; ``sources``, ``evidence``
    and ``confidence`` say who states it and where, as on events. The id is
    deterministic over the kind and the two refs, so the same link stated by
    two reports is one relation (merge their sources).

    A subclass declares its own ``kinds`` (a frozenset of snake_case names)
    and may add fields; it is then read back for those kinds.

    >>> import secevents as se
    >>> note = se.DiplomaticCommunique(content="Please fund the outposts.")
    >>> outposts = se.BaseConstruction(facility=se.Facility.BORDER_OUTPOST)
    >>> link = se.Relation(kind="about", source_ref=note.id, target_ref=outposts.id)
    >>> link.id.startswith("relation--"), se.loads(se.dumps(link)) == link
    (True, True)
    """

    if TYPE_CHECKING:
        __attrs_attrs__: ClassVar[tuple[attrs.Attribute[Any], ...]]

    #: The wire ``type`` (the same for every relation class).
    type_tag: ClassVar[str] = RELATION_TAG
    #: The kinds this class reads and writes.
    kinds: ClassVar[frozenset[str]] = frozenset(kind.value for kind in RelationKind)
    #: The fields the deterministic id is computed from.
    id_fields: ClassVar[tuple[str, ...]] = ("kind", "source_ref", "target_ref")
    _checks: ClassVar[Callable[[Any], tuple[str, str] | None]]

    id: str = ""
    schema_version: int = attrs.field(default=SCHEMA_VERSION, init=False)
    kind: str
    source_ref: str
    target_ref: str
    date: DateSpan | None = None
    sources: tuple[Source, ...] = ()
    evidence: tuple[Evidence, ...] = ()
    confidence: float | None = None
    extra: tuple[UnknownKey, ...] = extra_field()

    @classmethod
    def __attrs_init_subclass__(cls) -> None:
        _prepare(cls)
        if "kinds" not in cls.__dict__:
            raise TypeError(
                f"{cls.__qualname__}: a Relation subclass declares its own kinds "
                "(kinds = frozenset({'my_kind'}))"
            )
        _register(cls)

    def __attrs_post_init__(self) -> None:
        cls = type(self)
        problem = cls._checks(self)
        if problem is not None:
            raise FieldError(*problem)
        if self.kind not in cls.kinds:
            allowed = ", ".join(sorted(cls.kinds))
            raise FieldError("kind", f"{shown(self.kind)} is not one of {allowed}")
        object.__setattr__(self, "kind", str(self.kind))  # a RelationKind member as its text
        for name in ("source_ref", "target_ref"):
            if not getattr(self, name).strip():
                raise FieldError(name, "a relation needs the id of the record it links")
        confidence = self.confidence
        if confidence is not None and not 0.0 <= confidence <= 1.0:
            raise FieldError("confidence", f"{confidence!r} is not in [0, 1]")
        if not self.id:
            object.__setattr__(self, "id", self._default_id())
        elif not _ID.fullmatch(self.id):
            raise FieldError("id", f"{shown(self.id)} is not 'relation--<uuid>'")

    def _default_id(self) -> str:
        wire = record_dict(self)
        return canonical_id(RELATION_TAG, {k: wire[k] for k in type(self).id_fields if k in wire})


def _prepare(cls: type[Relation]) -> None:
    """The per-class field checks, derived from the annotations."""
    resolve_field_types(cls)
    cls._checks = checks_on_first_use(
        cls, [(f.name, f.type) for f in attrs.fields(cls) if f.init and f.name != "extra"]
    )
    unknown = set(cls.id_fields) - {field.name for field in attrs.fields(cls)}
    if unknown:
        raise TypeError(f"{cls.__qualname__}.id_fields names unknown fields {sorted(unknown)}")


def _register(cls: type[Relation]) -> None:
    """Register ``cls`` for its kinds; a kind held by another class is an error.

    Re-defining a class of the same module and name (a notebook cell run again)
    replaces the old one.
    """
    for kind in cls.kinds:
        if type(kind) is not str or not _KIND.fullmatch(kind):
            raise TypeError(f"{cls.__qualname__}: relation kind {kind!r} must be snake_case")
        held = _BY_KIND.get(kind)
        if held is not None and not same_definition(held, cls):
            raise TypeError(
                f"relation kind {kind!r} of {cls.__module__}.{cls.__qualname__} is already "
                f"registered by {held.__module__}.{held.__qualname__}"
            )
    for kind in cls.kinds:
        _BY_KIND[kind] = cls


_prepare(Relation)
_register(Relation)
