"""Grouping events by a key: their type, country, year, month or week, or a function of an event.

Shared by :meth:`~secevents.EventCollection.group_by` and the timeline plot.
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable, Hashable, Iterable
from typing import Any, Final

from ..model.dates import DatePrecision, PartialDate
from ..model.events import Event

__all__ = ["GroupKey", "grouped"]

#: A grouping key: ``"type"``, ``"country"``, ``"year"``, ``"month"``, ``"week"`` or a
#: function of an event.
GroupKey = str | Callable[[Event], Hashable]


def grouped(events: Iterable[Event], key: GroupKey) -> dict[Any, list[Event]]:
    """``events`` grouped by ``key``, in sorted key order (``None`` last; keys that do not
    compare keep their order of first appearance).

    >>> import secevents as se
    >>> events = [se.Statement(content="x"), se.BaseConstruction(), se.Statement(content="y")]
    >>> {name: len(group) for name, group in grouped(events, "type").items()}
    {'base_construction': 1, 'statement': 2}
    """
    function = _key_function(key)
    groups: dict[Any, list[Event]] = {}
    for event in events:
        groups.setdefault(function(event), []).append(event)
    return {name: groups[name] for name in _ordered_keys(groups)}


def _type_key(event: Event) -> str:
    return event.type_tag


def _country_key(event: Event) -> str | None:
    return event.location.country if event.location is not None else None


def _start(event: Event) -> PartialDate | None:
    start = event.date.start if event.date is not None else None
    return start if isinstance(start, PartialDate) else None


def _year_key(event: Event) -> int | None:
    start = _start(event)
    return start.year if start is not None else None


def _month_key(event: Event) -> str | None:
    start = _start(event)
    if start is None:
        return None
    if start.precision in (DatePrecision.MONTH, DatePrecision.DAY):
        return f"{start.year:04d}-{start.month:02d}"
    return f"{start.year:04d}"


def _week_key(event: Event) -> str | None:
    start = _start(event)
    if start is None:
        return None
    if start.precision is DatePrecision.DAY and start.earliest == start.latest:
        year, week, _ = start.earliest.isocalendar()
        return f"{year:04d}-W{week:02d}"
    return _month_key(event)  # precision is never invented: a month stays a month


_KEYS: Final[dict[str, Callable[[Event], Hashable]]] = {
    "type": _type_key,
    "country": _country_key,
    "year": _year_key,
    "month": _month_key,
    "week": _week_key,
}


def _key_function(key: GroupKey) -> Callable[[Event], Hashable]:
    if callable(key):
        return key
    found = _KEYS.get(key)
    if found is None:
        raise ValueError(f"group key {key!r} is not one of {sorted(_KEYS)} or a function")
    return found


def _ordered_keys(groups: dict[Any, list[Event]]) -> list[Any]:
    present = [name for name in groups if name is not None]
    # Keys that do not compare keep their order of first appearance.
    with contextlib.suppress(TypeError):
        present.sort()
    return [*present, None] if None in groups else present
