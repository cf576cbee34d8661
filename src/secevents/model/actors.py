"""Actors: states, their organs, organisations, armed groups, people and media.

``code`` is the canonical id (ISO alpha-3 for a state and its organs, an
upper-case short code such as ``CSTO`` for others); ``country`` is the state
an actor belongs to.
"""

from __future__ import annotations

import re
from typing import Any, Final

import attrs

from ..errors import FieldError
from . import _validate as v
from ._forgiving import forgiving_fields
from ._methods import lazy_methods
from .extra import UnknownKey, extra_field
from .vocab import ActorKind, to_actor_kind

__all__ = ["STATE_KINDS", "Actor"]

_WIKIDATA_ID: Final = re.compile(r"Q[1-9][0-9]{0,11}")


def _wikidata_id(inst: Any, attribute: attrs.Attribute[Any], value: Any) -> None:
    """A Wikidata item id (``Q863``); ``None`` passes."""
    if value is None or (type(value) is str and _WIKIDATA_ID.fullmatch(value)):
        return
    raise FieldError(attribute.name, f"{value!r} is not a Wikidata item id (Q and digits)")


#: Kinds whose ``code`` must be an ISO 3166-1 alpha-3 country code.
STATE_KINDS = frozenset({ActorKind.STATE, ActorKind.GOVERNMENT, ActorKind.MILITARY})


@attrs.frozen(kw_only=True, weakref_slot=False, field_transformer=forgiving_fields)
@lazy_methods
class Actor:
    """Someone who acts in an event.

    >>> Actor.state("RUS", name="Russia").code
    'RUS'
    >>> Actor.state("TJK", name="Tajikistan", wikidata="Q863").wikidata
    'Q863'
    >>> Actor.person("Emomali Rahmon", title="President", country="TJK").kind
    <ActorKind.PERSON: 'person'>
    """

    name: str | None = attrs.field(default=None, validator=v.non_empty_text)
    kind: ActorKind = attrs.field(converter=to_actor_kind)
    code: str | None = attrs.field(default=None, validator=v.short_code)
    country: str | None = attrs.field(default=None, validator=v.country_code)
    title: str | None = attrs.field(default=None, validator=v.non_empty_text)
    #: The actor's Wikidata item id (``Q863`` for Tajikistan) where known (wire format 2).
    wikidata: str | None = attrs.field(
        default=None,
        validator=_wikidata_id,
        metadata={"json_schema": {"pattern": "^Q[1-9][0-9]{0,11}$"}},
    )
    extra: tuple[UnknownKey, ...] = extra_field()

    def __attrs_post_init__(self) -> None:
        if self.name is None and self.code is None:
            raise FieldError("code", "an actor needs a name or a code")
        if self.code is not None and self.kind in STATE_KINDS:
            v.country_code(self, _CODE_FIELD, self.code)

    @classmethod
    def state(cls, code: str, *, name: str | None = None, wikidata: str | None = None) -> Actor:
        """A state by its ISO 3166-1 alpha-3 code."""
        return cls(kind=ActorKind.STATE, code=code, name=name, wikidata=wikidata)

    @classmethod
    def government(cls, code: str, *, name: str | None = None) -> Actor:
        """A state's government or one of its civilian organs."""
        return cls(kind=ActorKind.GOVERNMENT, code=code, name=name, country=code)

    @classmethod
    def military(cls, code: str, *, name: str | None = None) -> Actor:
        """A state's armed forces or a unit of them."""
        return cls(kind=ActorKind.MILITARY, code=code, name=name, country=code)

    @classmethod
    def organization(cls, code: str, *, name: str | None = None) -> Actor:
        """An international organisation by its short code (``CSTO``, ``NATO``)."""
        return cls(kind=ActorKind.ORGANIZATION, code=code, name=name)

    @classmethod
    def armed_group(cls, code: str, *, name: str | None = None) -> Actor:
        """A non-state armed group by its short code (``TALIBAN``)."""
        return cls(kind=ActorKind.ARMED_GROUP, code=code, name=name)

    @classmethod
    def person(cls, name: str, *, title: str | None = None, country: str | None = None) -> Actor:
        """A named person, with their title and the state they serve."""
        return cls(kind=ActorKind.PERSON, name=name, title=title, country=country)

    @classmethod
    def media(cls, name: str, *, country: str | None = None) -> Actor:
        """A news outlet, e.g. the audience of an interview."""
        return cls(kind=ActorKind.MEDIA, name=name, country=country)

    @property
    def state_code(self) -> str | None:
        """The state this actor stands for or belongs to, if known."""
        if self.kind in STATE_KINDS and self.code is not None:
            return self.code
        return self.country


_CODE_FIELD: attrs.Attribute[str | None] = attrs.fields(Actor).code
