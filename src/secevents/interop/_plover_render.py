"""The PLOVER record the writer gives for an event, and how records are kept (:data:`KEEPING`).

:func:`render` is the writer for one event, nothing kept applied; :data:`KEEPING`
keeps what a record read says beyond it and puts it back on writing (see
:mod:`secevents.interop._keep`). The readers (:mod:`~secevents.interop._plover_kept`)
and the writer (:func:`~secevents.interop.to_plover`) share both.
"""

from __future__ import annotations

from typing import Any, Final

from ..model.actors import Actor
from ..model.amounts import Quantity
from ..model.coded import CodedEvent
from ..model.events import Event, JointExercise
from ._keep import Keeping
from ._plover_cells import MAPPED
from ._plover_codes import plover_code, plover_entity_dict, plover_location_dict

__all__ = ["KEEPING", "render"]


def render(event: Event) -> dict[str, Any]:
    """The PLOVER record the writer gives for ``event`` (in the manual's names)."""
    record: dict[str, Any] = {"id": event.id}
    date = event.date
    if date is not None and date.earliest is not None:
        record["date"] = date.earliest.isoformat()
        if date.latest is not None and date.latest != date.earliest:
            record["enddate"] = date.latest.isoformat()
    first, second = _sides(event)
    if first:
        record["actor"] = [plover_entity_dict(a) for a in first]
    if second:
        record["recipient"] = [plover_entity_dict(a) for a in second]
    code = plover_code(event)
    if code is None:
        record["has_event"] = False
    else:
        record["event"] = [code.event]
        if code.mode:
            record["mode"] = [code.mode]
        if code.contexts:
            record["context"] = list(code.contexts)
    if event.location is not None:
        record["event_loc"] = plover_location_dict(event.location)
    if event.summary:
        record["text"] = event.summary
    if event.sources and event.sources[0].publisher:
        record["cite_info"] = {"publication": event.sources[0].publisher}
    if event.reported is not None and event.reported.earliest is not None:
        record["coded_date"] = event.reported.earliest.isoformat()
    if (
        isinstance(event, CodedEvent)
        and event.fatalities is not None
        and event.fatalities.value is not None
    ):
        record["dead"] = event.fatalities.value
    if isinstance(event, JointExercise) and event.troops is not None:
        record["size"] = _size_text(event.troops)
    return record


KEEPING: Final = Keeping("plover", render, tuple((key,) for key in MAPPED), absent=True)


def _sides(event: Event) -> tuple[list[Actor], list[Actor]]:
    if isinstance(event, CodedEvent):
        return ([event.actor] if event.actor else []), ([event.target] if event.target else [])
    if isinstance(event, JointExercise):
        return list(event.participants), []
    roles = [(a.role, a.actor) for a in event.actors]
    if not roles:
        return [], []
    first_role = roles[0][0]
    return [a for r, a in roles if r == first_role], [a for r, a in roles if r != first_role][:1]


def _size_text(quantity: Quantity) -> str:
    if quantity.value is not None and quantity.qualifier.value == "exact":
        return str(quantity.value)
    from ..normalize.quantities import quantity_text

    return quantity_text(quantity)
