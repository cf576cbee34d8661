"""How a PLOVER record is read, part by part: its checks, id, category, actors, days, place.

:func:`read_parts` reads a record into the fields of the event it becomes (a
:class:`PloverParts`), saying every warning on the way. The typed reader
(:func:`~secevents.interop.read_plover`) makes the event of those fields; the Arrow
path (:func:`~secevents.interop.read_plover_table`) writes them as columns without
making one. Both read a record alike because both go through here.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any, Final, TypeVar, cast

import orjson

from ..errors import shown
from ..model._json import json_problem
from ..model.actors import Actor
from ..model.amounts import Quantity
from ..model.coded import CodedEvent
from ..model.dates import DateSpan
from ..model.events import DiplomaticCommunique, Event, JointExercise
from ..model.provenance import Source as EventSource
from ..model.vocab import Medium
from ._json_records import JSONRecord, NotJSON
from ._plover_codes import plover_count, plover_entities, plover_location, plover_size, text_of
from ._rows import Warn, dataset_event_id
from ._tabular import content_key, parse_day, span_of_days

__all__ = [
    "CATEGORIES",
    "MAPPED",
    "MAX_DEPTH",
    "OLD_CATEGORIES",
    "PloverParts",
    "normalized",
    "read_parts",
    "record_problem",
]

#: The PLOVER 2.0 event categories and what they mean.
CATEGORIES: Final = {
    "AGREE": "agree, express intent to cooperate", "CONSULT": "consult, meet, negotiate",
    "SUPPORT": "support diplomatically", "CONCEDE": "concede verbally",
    "COOPERATE": "cooperate materially", "AID": "provide aid", "RETREAT": "retreat, release, yield",
    "REQUEST": "request, demand", "ACCUSE": "accuse, disapprove, investigate",
    "REJECT": "reject", "THREATEN": "threaten", "PROTEST": "protest",
    "SANCTION": "sanction, reduce relations", "MOBILIZE": "mobilize forces",
    "COERCE": "coerce", "ASSAULT": "assault, fight",
}  # fmt: skip
#: Categories of earlier PLOVER drafts (the gold-standard records use them) and their 2.0 successor.
OLD_CATEGORIES: Final = {
    "DEMAND": "REQUEST", "DISAPPROVE": "ACCUSE", "INVESTIGATE": "ACCUSE", "FIGHT": "ASSAULT",
}  # fmt: skip
#: Older field names -> the manual's.
_RENAMES: Final = {
    "source": "actor", "target": "recipient", "eventText": "event_text",
    "dateCoded": "coded_date", "eventLoc": "event_loc", "textInfo": "text_info",
    "citeInfo": "cite_info",
}  # fmt: skip
_ENTITY_TEXT: Final = ("actorText", "actor_text")
#: Records nested deeper are skipped: JSON writers (orjson: 254 levels) could not write them.
MAX_DEPTH: Final = 200
T = TypeVar("T")
#: The record keys fields stand for (the writer gives them back from the event).
MAPPED: Final = (
    "date", "enddate", "actor", "recipient", "event", "mode", "event_loc", "text",
    "coded_date", "dead", "size", "publication", "cite_info",
)  # fmt: skip


class PloverParts:
    """What one record says: the event's class, ``id`` and other ``fields``, and the
    record (``rec``, in the manual's names) with the older names it used (``renamed``).

    ``type_tag`` and ``id`` are what :class:`~._rows.EventReader` asks of an event: it
    counts and checks these as it does events.
    """

    __slots__ = ("cls", "fields", "id", "rec", "renamed", "type_tag")

    def __init__(
        self,
        cls: type[Event],
        ident: str,
        fields: dict[str, Any],
        rec: dict[str, Any],
        renamed: dict[str, str],
    ) -> None:
        self.cls = cls
        self.type_tag = cls.type_tag
        self.id = ident
        self.fields = fields
        self.rec = rec
        self.renamed = renamed

    def event(self) -> Event:
        """The event of these parts (without what the record keeps beyond them)."""
        return self.cls(id=self.id, **self.fields)

    def context(self) -> list[str] | None:
        """The ``context`` the writer gives the event back (``None``: none)."""
        if self.cls is JointExercise:
            return ["military"]
        if self.cls is DiplomaticCommunique:
            return ["diplomatic"]
        return None  # a PLOVER-coded event: its code has no context


def normalized(record: Mapping[str, Any]) -> tuple[dict[str, Any], dict[str, str]]:
    """``record`` in the manual's names, and the older names it used (see ``normalize_plover``)."""
    out: dict[str, Any] = {}
    renamed: dict[str, str] = {}
    for key, value in record.items():
        new = _RENAMES.get(key)
        if new is not None and new not in record:
            renamed[new] = key
            key = new
        if (key == "actor" or key == "recipient") and isinstance(value, list):
            value = [_entity_names(item, renamed) for item in value]
        out[key] = value
    return out, renamed


def _entity_names(item: Any, renamed: dict[str, str]) -> Any:
    if type(item) is dict:  # shared when nothing is renamed, as the record's other values are
        first, second = _ENTITY_TEXT[0] in item, _ENTITY_TEXT[1] in item
        if not (first or second) or "entity_text" in item:
            return item
        if first is not second:  # one older name
            old = _ENTITY_TEXT[0] if first else _ENTITY_TEXT[1]
            renamed["*entity_text"] = old
            return {("entity_text" if key == old else key): value for key, value in item.items()}
    if not isinstance(item, Mapping):
        return item
    out: dict[str, Any] = {}
    for key, value in item.items():
        if key in _ENTITY_TEXT and "entity_text" not in item:
            renamed["*entity_text"] = key
            key = "entity_text"
        out[key] = value
    return out


def record_problem(record: Any, decoded: bool) -> tuple[str, str] | None:
    """:func:`~secevents.model._json.json_problem` of ``record`` (at most :data:`MAX_DEPTH`
    levels); quicker for a ``decoded`` record (one JSON text gave).

    Decoded text holds only JSON's own types, and no number that is not finite (the
    decoder refuses them): orjson then writes it unless a string holds a lone surrogate
    or an integer is past 64 bits, and it cannot nest deeper than its brackets count.
    Those few are checked the long way.

    >>> record_problem({"a": [[1]]}, True), record_problem({"a": "\\ud800"}, True)
    (None, ('$.a', "'\\\\ud800' is not UTF-8 text"))
    """
    if decoded:
        try:
            text = orjson.dumps(record)
        except orjson.JSONEncodeError:
            pass
        else:
            if text.count(b"[") + text.count(b"{") <= MAX_DEPTH:
                return None
    return json_problem(record, MAX_DEPTH)


def read_parts(record: Any, warn: Warn, placeholders: frozenset[str]) -> PloverParts | None:
    """The parts of ``record`` (``None``: skipped), warnings said through ``warn``."""
    decoded = checked = False
    if isinstance(record, NotJSON):
        warn("skipped_row", str(record) or "an empty record")
        return None
    if isinstance(record, JSONRecord):
        for path in record.duplicates:
            warn("bad_value", f"{path}: duplicate key (the last value is used)")
        brackets = record.brackets
        record, decoded = record.value, True
        if brackets is not None and brackets <= MAX_DEPTH:
            checked = True  # no lone surrogate, not nested too deep: JSON to keep
    if not isinstance(record, Mapping):
        warn("skipped_row", f"a PLOVER record is a JSON object, not {type(record).__name__}")
        return None
    problem = None if checked else record_problem(record if decoded else dict(record), decoded)
    if problem is not None:
        warn("skipped_row", f"{problem[0]}: {problem[1]}: the record is no JSON to keep")
        return None
    rec, renamed = normalized(record)
    ident = rec.get("id")
    if isinstance(ident, int) and not isinstance(ident, bool):
        ident = str(ident)
    if not isinstance(ident, str) or not ident:
        what = (
            "no id" if ident in (None, "") else f"id {shown(ident)} is not text or a whole number"
        )
        warn("missing_value", f"{what}: the record's content identifies it", column="id")
        ident = content_key(rec)
    # A decoded record holds JSON's own types only: equal JSON text, equal reading, so
    # each group of keys is read once per distinct value (see :func:`_said`).
    category, mode, contexts = _said(
        _codes, (rec.get("event"), rec.get("mode"), rec.get("context")), warn, decoded
    )
    actors = _said(_actors, (rec.get("actor"),), warn, decoded)
    recipients = _said(_recipients, (rec.get("recipient"),), warn, decoded)
    publication = rec.get("publication") or _get(rec.get("cite_info"), "publication")
    fields: dict[str, Any] = {
        "date": _date(rec, warn, placeholders),
        "reported": _day(rec.get("coded_date"), "coded_date", warn),
        "location": _said(plover_location, (rec.get("event_loc"),), warn, decoded),
        "summary": text_of(rec.get("text")),
        "sources": _once(_sources, publication) if text_of(publication) else (),
    }
    cls: type[Event]
    if category == "COOPERATE" and "military" in contexts:
        cls = JointExercise
        fields["participants"] = tuple(actors + recipients)
        fields["troops"] = _said(plover_size, (rec.get("size"),), warn, decoded)
    elif category == "ACCUSE" and mode == "allege" and "diplomatic" in contexts:
        cls = DiplomaticCommunique
        fields["sender"] = actors[0] if actors else None
        fields["recipient"] = recipients[0] if recipients else None
        fields["medium"] = Medium.PROTEST_NOTE
    else:
        cls = CodedEvent
        _said(plover_size, (rec.get("size"),), warn, decoded)
        fields["scheme"] = "plover"
        fields["code"] = _once(_code, (category, mode))
        fields["label"] = CATEGORIES.get(OLD_CATEGORIES.get(category, category))
        fields["actor"] = actors[0] if actors else None
        fields["target"] = recipients[0] if recipients else None
        fields["fatalities"] = _said(_dead, (rec.get("dead"),), warn, decoded)
    return PloverParts(cls, dataset_event_id(cls.type_tag, "plover", ident), fields, rec, renamed)


def _codes(event: Any, mode: Any, context: Any, warn: Warn) -> tuple[str, str, list[str]]:
    """The category, mode and contexts of a record's ``event``, ``mode`` and ``context``."""
    categories = _strings(event, "event", warn)
    category = categories[0] if categories else ""
    if len(categories) > 1:
        warn("multiple_categories", f"{categories}: coded as {category}", column="event")
    if category in OLD_CATEGORIES:
        warn(
            "old_category",
            f"{category} is a pre-2.0 category (2.0: {OLD_CATEGORIES[category]})",
            column="event",
        )
    elif category not in CATEGORIES:
        warn("unknown_code", f"{shown(category)} is not a PLOVER category", column="event")
    modes = _strings(mode, "mode", warn)
    contexts = _strings(context, "context", warn, split=True)
    return category, modes[0] if modes else "", contexts


def _actors(value: Any, warn: Warn) -> list[Actor]:
    return plover_entities(value, "actor", warn)


def _recipients(value: Any, warn: Warn) -> list[Actor]:
    return plover_entities(value, "recipient", warn)


def _dead(value: Any, warn: Warn) -> Quantity | None:
    return plover_count(value, "dead", warn)


def _said(read: Callable[..., T], values: tuple[Any, ...], warn: Warn, decoded: bool) -> T:
    """``read(*values, warn)``; for ``values`` of a ``decoded`` record, worked out once per
    distinct JSON text of them and its warnings said again (records repeat their actors,
    codes and places). The values read are never changed, so they can be shared."""
    if not decoded or (len(values) == 1 and values[0] is None):  # None: read at once
        return read(*values, warn)
    try:
        key = (read, _dumps(values))
    except orjson.JSONEncodeError:  # an integer past 64 bits, a lone surrogate
        return read(*values, warn)
    found = _READ.get(key)
    if found is None:
        said: list[tuple[str, str, str | None]] = []

        def note(code: str, message: str, *, column: str | None = None) -> None:
            said.append((code, message, column))

        try:
            found = (read(*values, note), tuple(said))
        except BaseException:  # said as they would have been, before the error
            for code, message, column in said:
                warn(code, message, column=column)
            raise
        if len(_READ) >= _MAX_SPANS:
            _READ.clear()
        _READ[key] = found
    value, notes = found
    for code, message, column in notes:
        warn(code, message, column=column)
    return cast(T, value)


def _sources(publication: str) -> tuple[EventSource, ...]:
    return (EventSource(publisher=publication),)


def _code(category_mode: tuple[str, str]) -> str:
    category, mode = category_mode
    return f"{category or '?'}.{mode}" if mode else category or "?"


def _once(make: Callable[[Any], Any], key: Any) -> Any:
    """``make(key)``, one object for every record with an equal ``key`` (text, or a tuple
    of texts): records repeat their sources and codes, and the events hold them."""
    memo = (make, key)
    value = _SHARED.get(memo, _UNKNOWN)
    if value is _UNKNOWN:
        value = make(key)
        if len(_SHARED) >= _MAX_SPANS:
            _SHARED.clear()
        _SHARED[memo] = value
    return value


def _get(value: Any, key: str) -> Any:
    return value.get(key) if isinstance(value, Mapping) else None


def _strings(value: Any, key: str, warn: Warn, *, split: bool = False) -> list[str]:
    if value is None or value == "":
        return []
    items = value if isinstance(value, list) else [value]
    out: list[str] = []
    for item in items:
        if not isinstance(item, str):
            warn("bad_value", f"{shown(item)} is not text", column=key)
            continue
        parts = item.split(",") if split else [item]
        out.extend(part.strip() for part in parts if part.strip())
    return out


def _date(rec: Mapping[str, Any], warn: Warn, placeholders: frozenset[str]) -> DateSpan | None:
    text = rec.get("date")
    if isinstance(text, str) and text in placeholders:
        warn(
            "placeholder_date",
            f"{text} is a placeholder: date unknown (kept as read)",
            column="date",
        )
        return None
    return _memo(_span, text, rec.get("enddate"), warn)


def _span(text: Any, end_text: Any, warn: Warn) -> DateSpan | None:
    start = _day_of(text, "date", warn)
    end = _day_of(end_text, "enddate", warn)
    if start is None:
        return None
    if end is None or end == start:
        return span_of_days(start, start)
    if end < start:
        warn("bad_value", f"enddate {end} is before date {start}: ignored", column="enddate")
        return span_of_days(start, start)
    return span_of_days(start, end)


def _day_of(value: Any, key: str, warn: Warn) -> Any:
    if value is None or value == "":
        return None
    day = parse_day(value) if isinstance(value, str) else None
    if day is None:
        warn("bad_value", f"{shown(value)} is not a YYYY-MM-DD date", column=key)
    return day


def _day(value: Any, key: str, warn: Warn) -> DateSpan | None:
    return _memo(_reported, value, key, warn)


def _reported(value: Any, key: str, warn: Warn) -> DateSpan | None:
    day = _day_of(value, key, warn)
    return None if day is None else DateSpan.of(day)


def _memo(
    read: Callable[[Any, Any, Warn], DateSpan | None], first: Any, second: Any, warn: Warn
) -> DateSpan | None:
    """``read(first, second, warn)``, kept for texts read without a warning (days repeat)."""
    if not (type(first) is str and (second is None or type(second) is str)):
        return read(first, second, warn)
    key = (read, first, second)
    span = _SPANS.get(key, _UNKNOWN)
    if span is not _UNKNOWN:
        return cast(DateSpan | None, span)
    said = False

    def noted(code: str, message: str, *, column: str | None = None) -> None:
        nonlocal said
        said = True
        warn(code, message, column=column)

    span = read(first, second, noted)
    if not said:
        if len(_SPANS) >= _MAX_SPANS:
            _SPANS.clear()
        _SPANS[key] = span
    return span


_UNKNOWN: Final = object()
_SPANS: dict[tuple[Any, ...], object] = {}
_SHARED: dict[tuple[Any, ...], object] = {}
_READ: dict[tuple[Any, bytes], tuple[Any, tuple[tuple[str, str, str | None], ...]]] = {}
_dumps: Final = orjson.dumps
_MAX_SPANS: Final = 1 << 14
