"""Events in CloudEvents 1.0 envelopes (JSON format), for message buses.

The envelope is a plain dict: ``specversion``, ``id``, ``source`` and ``type``
(required by the spec), ``datacontenttype`` and ``data`` (the wire dict).
The same event always gives the same envelope: nothing is read from the clock.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Mapping
from typing import Any, Final

from ..model.events import Event
from ..wire.serialize import from_dict, to_dict

__all__ = ["cloudevent_type", "from_cloudevent", "to_cloudevent"]

SPEC_VERSION: Final = "1.0"
_ATTRIBUTE_NAME: Final = re.compile(r"[a-z0-9]+")
_RESERVED: Final = frozenset(
    {"id", "source", "specversion", "type", "datacontenttype", "dataschema", "subject", "time"}
    | {"data", "data_base64"}
)


def cloudevent_type(event: Event, prefix: str = "org.secevents") -> str:
    """The CloudEvents ``type`` of an event: ``<prefix>.<type tag>.v<schema version>``.

    >>> import secevents as se
    >>> cloudevent_type(se.JointExercise())
    'org.secevents.joint_exercise.v2'
    """
    return f"{prefix}.{event.type_tag}.v{event.schema_version}"


def to_cloudevent(
    event: Event,
    *,
    source: str = "urn:secevents",
    type_prefix: str = "org.secevents",
    time: dt.datetime | None = None,
    subject: str | None = None,
    dataschema: str | None = None,
    extensions: Mapping[str, str | int | bool] | None = None,
) -> dict[str, Any]:
    """A CloudEvents 1.0 envelope (JSON format) whose ``data`` is the event's wire dict.

    ``id`` is the event id (deterministic: a re-sent event is recognised as a
    duplicate, as the spec intends for ``source`` + ``id``); ``type`` is
    :func:`cloudevent_type`. ``time`` is written only when given (a
    timezone-aware datetime): an event's own date is often only a month or a
    year, which an RFC 3339 timestamp cannot say. ``extensions`` are extra
    context attributes (names of lower-case letters and digits).

    >>> import secevents as se
    >>> envelope = to_cloudevent(se.Statement(content="No comment."))
    >>> envelope["specversion"], envelope["type"], envelope["data"]["content"]
    ('1.0', 'org.secevents.statement.v2', 'No comment.')
    """
    if not source:
        raise ValueError("source must be a non-empty URI-reference")
    envelope: dict[str, Any] = {
        "specversion": SPEC_VERSION,
        "id": event.id,
        "source": source,
        "type": cloudevent_type(event, type_prefix),
        "datacontenttype": "application/json",
    }
    if dataschema is not None:
        envelope["dataschema"] = dataschema
    if subject is not None:
        envelope["subject"] = subject
    if time is not None:
        if time.tzinfo is None or time.utcoffset() is None:
            raise ValueError("time must be timezone-aware (RFC 3339 needs an offset)")
        envelope["time"] = time.isoformat().replace("+00:00", "Z")
    for name, value in (extensions or {}).items():
        if not _ATTRIBUTE_NAME.fullmatch(name) or name in _RESERVED:
            raise ValueError(
                f"extension {name!r}: names are lower-case letters and digits, not a spec attribute"
            )
        if not isinstance(value, str | int | bool):
            raise TypeError(f"extension {name!r}: {type(value).__name__} is not str, int or bool")
        envelope[name] = value
    envelope["data"] = to_dict(event)
    return envelope


def from_cloudevent(envelope: Mapping[str, Any]) -> Event:
    """The event in an envelope made by :func:`to_cloudevent` (its ``data``, validated).

    >>> import secevents as se
    >>> ev = se.Statement(content="No comment.")
    >>> from_cloudevent(to_cloudevent(ev)) == ev
    True
    """
    version = envelope.get("specversion")
    if version != SPEC_VERSION:
        raise ValueError(f"specversion {version!r} is not {SPEC_VERSION!r}")
    data = envelope.get("data")
    if not isinstance(data, Mapping):
        raise ValueError("the envelope has no JSON object in 'data'")
    event = from_dict(data, Event)
    kind = envelope.get("type")
    # The type names the version the data was written at (an older envelope stays valid).
    written = data.get("schema_version", event.schema_version)
    if not isinstance(kind, str) or not kind.endswith(f".{event.type_tag}.v{written}"):
        raise ValueError(
            f"the envelope's type {kind!r} does not match its data "
            f"(a {event.type_tag!r} event: expected '<prefix>.{event.type_tag}.v{written}')"
        )
    return event
