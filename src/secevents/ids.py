"""Deterministic event ids: ``<type>--<UUIDv5>`` over a canonical form of identifying fields.

The same event read or extracted twice gets the same id, so re-imports and
merges are idempotent.
"""

from __future__ import annotations

import uuid
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Final

import orjson

if TYPE_CHECKING:
    from .events import Event

__all__ = ["ID_NAMESPACE", "event_id", "payload_id"]

#: The UUIDv5 namespace of secevents ids (``uuid5(NAMESPACE_URL, "secevents:event-id")``).
ID_NAMESPACE: Final = uuid.UUID("aee948fd-a6dc-5326-a101-d209821e7582")


def _canonical(tag: str, fields: Mapping[str, Any]) -> str:
    canonical = orjson.dumps(fields, option=orjson.OPT_SORT_KEYS).decode()
    return f"{tag}--{uuid.uuid5(ID_NAMESPACE, canonical)}"


def event_id(event: Event) -> str:
    """The id ``event`` gets when none is given: over its ``id_fields`` as written on the wire.

    >>> import secevents as se
    >>> a = se.Statement(speaker=se.Actor.state("TJK"), content="Drills were decided.")
    >>> b = se.Statement(speaker=se.Actor.state("TJK"), content="Drills were decided.")
    >>> a.id == b.id and a.id.startswith("statement--")
    True
    """
    from .serialize import to_dict

    wire = to_dict(event)
    return _canonical(event.type_tag, {key: wire[key] for key in event.id_fields if key in wire})


def payload_id(tag: str, payload: Mapping[str, Any]) -> str:
    """An id for raw event data (an unknown type): its given ``id``, else one over all its keys."""
    given = payload.get("id")
    if isinstance(given, str) and given:
        return given
    return _canonical(tag, {k: v for k, v in payload.items() if k != "id"})
