"""Versions of a record: :func:`new_version` and :func:`revoke` (wire format v2).

An event keeps its ``id`` across versions: the id is computed once, when the
event is first made, and every later version carries it on with a later
``modified`` timestamp. ``attrs.evolve(event, ...)`` makes an *edited copy of
the same record*: it keeps the id too, but does not mark a new version (its
``modified`` is unchanged); use it to correct a record before you publish it,
and :func:`new_version` once others may hold the old one.
"""

from __future__ import annotations

import datetime as dt
from typing import Any, TypeVar, cast

import attrs

from ..errors import FieldError
from .events import Event
from .timestamps import now, utc_timestamp

__all__ = ["new_version", "revoke"]

E = TypeVar("E", bound=Event)


def new_version(event: E, *, modified: dt.datetime | None = None, **changes: Any) -> E:
    """The next version of ``event``: the same id, the ``changes``, and ``modified`` set.

    ``modified`` defaults to now (UTC) and must be later than the event's own.
    Changing the ``id`` (or anything the library sets) is refused: a version
    with another id would be another record.

    >>> import datetime as dt
    >>> import secevents as se
    >>> base = se.BaseConstruction(host=se.Actor.state("TJK"), status=se.ConstructionStatus.AGREED)
    >>> built = se.new_version(base, status=se.ConstructionStatus.COMPLETED,
    ...                        modified=dt.datetime(2022, 5, 1, tzinfo=dt.UTC))
    >>> built.id == base.id, built.status, se.to_dict(built)["modified"]
    (True, <ConstructionStatus.COMPLETED: 'completed'>, '2022-05-01T00:00:00Z')
    """
    if not isinstance(event, Event):
        raise TypeError(f"new_version(): expected an event, got {type(event).__name__}")
    fields = attrs.fields_dict(type(event))
    for name in changes:
        if name in ("id", "schema_version", "modified"):
            raise FieldError(name, "a new version keeps the record's id and sets modified itself")
        if name not in fields or not fields[name].init:
            known = ", ".join(f for f, a in fields.items() if a.init and f != "id")
            raise FieldError(name, f"{type(event).__name__} has no such field (fields: {known})")
    stamp = now() if modified is None else utc_timestamp("modified", modified)
    if event.modified is not None and stamp <= event.modified:
        raise FieldError(
            "modified",
            f"{stamp.isoformat()} is not later than the current version's "
            f"{event.modified.isoformat()}",
        )
    version: E = attrs.evolve(cast(Any, event), modified=stamp, **changes)
    return version


def revoke(event: E, *, modified: dt.datetime | None = None) -> E:
    """A new version of ``event`` marked ``revoked``: withdrawn by its producer.

    >>> import datetime as dt
    >>> import secevents as se
    >>> report = se.Statement(content="Drills will start on Monday.")
    >>> withdrawn = se.revoke(report, modified=dt.datetime(2021, 10, 24, tzinfo=dt.UTC))
    >>> withdrawn.revoked, withdrawn.id == report.id
    (True, True)
    """
    if isinstance(event, Event) and event.revoked:
        raise ValueError(f"{event.id} is already revoked")
    return new_version(event, modified=modified, revoked=True)
