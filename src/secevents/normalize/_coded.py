"""Actors from codes: the state or organisation a code stands for, named as the lexicon names it."""

from __future__ import annotations

import functools

from ..model.actors import Actor
from ..model.codes import is_country_code
from ..model.vocab import ActorKind
from ._names import name_index

__all__ = ["actor_for_code"]

_KINDS = {"organization": ActorKind.ORGANIZATION, "armed_group": ActorKind.ARMED_GROUP}


@functools.lru_cache(maxsize=1024)
def actor_for_code(code: str) -> Actor:
    """The actor ``code`` stands for: a state for an ISO 3166 alpha-3 code, else an
    organisation or armed group, with the name (and Wikidata id) the actor lexicon gives it.

    A code the lexicon does not know gives an actor with the code alone, never an error:
    extracted events carry the codes of the names they read, and a user's own codes
    (from a recognizer, a dataset) pass through unchanged.

    >>> russia = actor_for_code("RUS")
    >>> russia.kind.value, russia.name, russia.wikidata
    ('state', 'Russia', 'Q159')
    >>> actor_for_code("CSTO").name
    'Collective Security Treaty Organization'
    >>> actor_for_code("TALIBAN").kind.value, actor_for_code("XYZ").name
    ('armed_group', None)
    """
    if not isinstance(code, str) or not code:
        raise TypeError(f"actor_for_code(): code must be a non-empty string, got {code!r}")
    index = name_index()
    if is_country_code(code):
        return Actor.state(code, name=index.display.get(code), wikidata=index.wikidata.get(code))
    entry = index.by_code.get(code)
    if entry is None:
        return Actor.organization(code)
    return Actor(
        kind=_KINDS.get(entry.type, ActorKind.ORGANIZATION),
        code=code,
        name=entry.name,
        country=entry.country,
        wikidata=entry.wikidata,
    )
