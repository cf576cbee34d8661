"""The event of a PLOVER record, keeping what the record says beyond its fields.

What to keep (:func:`kept_record`) is found by rendering the event and comparing
it with the record, key by key. Done for every record, that costs as much time as
reading it, and the kept dict (the record's unmapped values, the cells and
renderings that guard the mapped ones, the older names, the key order) costs three
times the memory of the event. So a record read from a file is held as its compact
JSON text (its ``text`` left out when the event's summary is that very string), an
immutable ``bytes``; the kept columns are worked out from it the first time they
are asked for (by a writer, :func:`~secevents.interop.kept_columns`, the wire
format, a comparison), and are then the same as if worked out on reading. A record
given in Python is kept at once: the caller still holds its objects.
"""

from __future__ import annotations

from typing import Any, Final

import orjson

from ..model import _json
from ..model.events import Event
from ._json_records import JSONRecord
from ._keep import KeptLater, after_kept
from ._plover_cells import PloverParts, normalized
from ._plover_render import KEEPING

__all__ = ["kept_record", "plover_event"]

_MISSING: Final = object()


def plover_event(parts: PloverParts, record: object) -> Event:
    """The event of ``parts``, read from ``record``, keeping what the record says beyond
    the event's fields (:func:`kept_record`), worked out later when ``record`` was read
    from a file (decoded JSON) and something surely is kept.

    >>> from secevents.interop._plover_cells import read_parts
    >>> record = JSONRecord({"id": "r1", "event": "AGREE", "coder": "me"}, ())
    >>> parts = read_parts(record, print, frozenset())
    >>> event = plover_event(parts, record)
    >>> from secevents.interop import kept_columns
    >>> kept_columns(event, "plover")
    {'id': 'r1', 'coder': 'me', '_original': {'event': 'AGREE'}, '_read': {'event': ['AGREE']}}
    """
    ident = parts.rec.get("id", _MISSING)
    # The writer gives the event's id: a record id other than that is always kept (and a
    # record without one keeps the key as lacked), so something is kept for sure.
    if isinstance(record, JSONRecord) and not (type(ident) is str and ident == parts.id):
        text, summary = _compact(record.value, parts)
        if text is not None:
            later: _RecordKept = _RecordKept.pending(KEEPING.dataset, "")
            object.__setattr__(later, "_text", text)
            object.__setattr__(later, "_summary", summary)
            event = parts.cls(id=parts.id, **parts.fields, extra=(later,))
            object.__setattr__(later, "_event", event)
            object.__setattr__(later, "after", after_kept(event))
            return event
    event = parts.event()
    kept = kept_record(event, parts.rec, parts.renamed)
    return KEEPING.with_kept(event, kept) if kept else event


def kept_record(event: Event, rec: dict[str, Any], renamed: dict[str, str]) -> dict[str, Any]:
    """What ``event``, read from ``rec`` (in the manual's names; older ones ``renamed``),
    keeps of it: :meth:`~._keep.Keeping.kept`, the older names (``_names``) and, when the
    writer would give the keys in another order, the record's (``_keys``)."""
    rendered = KEEPING.render(event)
    kept = KEEPING.kept(rec, rendered)
    if renamed:
        kept["_names"] = renamed
    if list(KEEPING.put_back(dict(rendered), kept)) != list(rec):
        kept["_keys"] = list(rec)
    return kept


def _compact(record: Any, parts: PloverParts) -> tuple[bytes | None, bool]:
    """The compact JSON text of ``record``, its ``text`` left out (``True``) when the event
    holds that very string as its summary; ``None`` if orjson cannot write it exactly."""
    text = record.get("text")
    summary = type(text) is str and parts.fields.get("summary") is text
    try:
        text = orjson.dumps({**record, "text": None} if summary else record)
    except orjson.JSONEncodeError:  # an integer past 64 bits: kept at once
        return None, False
    # A copy: orjson's own bytes hold the whole buffer it wrote into (4 KB at least).
    return bytes(memoryview(text)), summary


class _RecordKept(KeptLater):
    """The columns a PLOVER record keeps, worked out from its compact JSON text."""

    __slots__ = ("_summary", "_text")
    _summary: bool
    _text: bytes

    def work_out(self) -> dict[str, Any] | None:
        text, summary, event = self._text, self._summary, self._event
        if text is None or event is None:
            return None
        record = _json.decode(text).value
        if summary:
            record["text"] = event.summary
        rec, renamed = normalized(record)
        return kept_record(event, rec, renamed)
