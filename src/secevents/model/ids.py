"""Deterministic event ids: ``<type>--<UUIDv5>`` over a canonical form of the record.

An id identifies a *record* (wire format v2): it is computed once, when the record
is first made, over everything the record holds but its id and version keys
(``schema_version``, ``modified``, ``revoked``), unknown keys included, written as
canonical JSON (keys sorted, integers exact). Two records that differ in
anything, a summary or a source, get two ids; the same record made twice (read
again, extracted again) gets the same one, so re-imports and merges are
idempotent. A new version of a record keeps its id; an id given is kept as
given. A type may narrow what its id covers with ``id_fields``; then records
that agree on those fields share an id. Readers of datasets derive ids from the
dataset's record ids instead (:func:`~secevents.interop.dataset_event_id`) and
report two rows that give one id.
"""

from __future__ import annotations

import uuid
from collections.abc import Mapping
from typing import Any, Final, Protocol

from . import _json
from ._record import record_dict

__all__ = ["ID_NAMESPACE", "NOT_CONTENT", "canonical_id", "event_id", "payload_id"]

#: Keys no record's id covers: the id itself, the versions of the format and of the record
#: (a new version of a record keeps its id: wire format v2), and the unknown keys' holder.
NOT_CONTENT: Final = frozenset({"id", "type", "schema_version", "modified", "revoked", "extra"})
#: The UUIDv5 namespace of secevents ids (``uuid5(NAMESPACE_URL, "secevents:event-id")``).
ID_NAMESPACE: Final = uuid.UUID("aee948fd-a6dc-5326-a101-d209821e7582")


class _Record(Protocol):
    """What an id is computed from: an :class:`~secevents.Event` (named structurally, as
    the events module imports this one)."""

    @property
    def type_tag(self) -> str: ...
    @property
    def id_fields(self) -> tuple[str, ...]: ...
    @property
    def extra(self) -> tuple[Any, ...]: ...
    @property
    def _id_covers_unknown_keys(self) -> bool: ...


def canonical_id(tag: str, fields: Mapping[str, Any]) -> str:
    """``<tag>--<UUIDv5>`` over ``fields`` written as canonical JSON (keys sorted).

    >>> canonical_id("relation", {"kind": "about", "source_ref": "a", "target_ref": "b"})
    'relation--d879d261-5c1f-549b-a81c-aad126bbf67e'
    """
    canonical = _json.encode(fields, sort_keys=True).decode()
    return f"{tag}--{uuid.uuid5(ID_NAMESPACE, canonical)}"


def event_id(event: _Record) -> str:
    """The id ``event`` gets when none is given: over its ``id_fields`` as written on the
    wire (by default every field), and its unknown keys unless ``id_fields`` was chosen.

    >>> import secevents as se
    >>> a = se.Statement(speaker=se.Actor.state("TJK"), content="Drills were decided.")
    >>> b = se.Statement(speaker=se.Actor.state("TJK"), content="Drills were decided.")
    >>> c = se.Statement(speaker=se.Actor.state("TJK"), content="Drills were decided.",
    ...                  summary="Tajikistan decided on drills.")
    >>> a.id == b.id != c.id and a.id.startswith("statement--")
    True
    """
    wire = record_dict(event)
    fields = set(event.id_fields)
    if event._id_covers_unknown_keys:
        fields.update(item.key for item in event.extra)
    return canonical_id(
        event.type_tag, {k: v for k, v in wire.items() if k in fields and k not in NOT_CONTENT}
    )


def payload_id(tag: str, payload: Mapping[str, Any]) -> str:
    """An id for raw event data (an unknown type): its given ``id``, else one over all its keys."""
    given = payload.get("id")
    if isinstance(given, str) and given:
        return given
    return canonical_id(tag, {k: v for k, v in payload.items() if k != "id"})
