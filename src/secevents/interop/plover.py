"""PLOVER event records (JSON): read them as events and write any event as a PLOVER record.

:func:`read_plover` takes the field names of the PLOVER 2.0 manual (``actor``,
``recipient``, ``event_text``, ``coded_date``, ``event_loc``) and the older
gold-standard names (``source``, ``target``, ``eventText``, ``dateCoded``,
``eventLoc``); :func:`to_plover` writes the manual's names, or the names a record
was read with (``names="original"``).
"""

from __future__ import annotations

import gzip
import json
import os
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from contextlib import ExitStack
from typing import IO, Any, Final, Literal, TextIO, cast

from ..errors import shown
from ..limits import DEFAULT_LIMITS, Limits
from ..model._json import json_problem
from ..model.actors import Actor
from ..model.amounts import Quantity
from ..model.coded import CodedEvent
from ..model.dates import DateSpan
from ..model.events import DiplomaticCommunique, Event, JointExercise
from ..model.provenance import Source as EventSource
from ..model.vocab import Medium
from ._files import each_file, file_list
from ._json_records import JSONRecord, NotJSON, json_records
from ._keep import Keeping, kept_columns
from ._plover_codes import (
    PloverCode,
    plover_code,
    plover_count,
    plover_entities,
    plover_entity_dict,
    plover_for_cameo,
    plover_location,
    plover_location_dict,
    plover_size,
    text_of,
)
from ._rows import EventReader, Warn, dataset_event_id
from ._tables import Position, open_text
from ._tabular import content_key, guarded, parse_day, span_of_days

__all__ = [
    "CATEGORIES",
    "OLD_CATEGORIES",
    "PloverCode",
    "normalize_plover",
    "plover_code",
    "plover_for_cameo",
    "plover_records",
    "read_plover",
    "to_plover",
    "write_plover",
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
_MAX_DEPTH: Final = 200
_MAPPED: Final = (
    "date", "enddate", "actor", "recipient", "event", "mode", "event_loc", "text",
    "coded_date", "dead", "size", "publication", "cite_info",
)  # fmt: skip


def normalize_plover(record: Mapping[str, Any]) -> dict[str, Any]:
    """``record`` with older field names renamed to the manual's (values untouched).

    >>> normalize_plover({"id": "x", "source": [{"actorText": "Libya", "code": "LBY"}],
    ...                   "target": ""})
    {'id': 'x', 'actor': [{'entity_text': 'Libya', 'code': 'LBY'}], 'recipient': ''}
    """
    return _normalized(record)[0]


def _normalized(record: Mapping[str, Any]) -> tuple[dict[str, Any], dict[str, str]]:
    out: dict[str, Any] = {}
    renamed: dict[str, str] = {}
    for key, value in record.items():
        new = _RENAMES.get(key, key)
        if new != key and new in record:
            new = key
        if new != key:
            renamed[new] = key
        if new in ("actor", "recipient") and isinstance(value, list):
            value = [_entity_names(item, renamed) for item in value]
        out[new] = value
    return out, renamed


def _entity_names(item: Any, renamed: dict[str, str]) -> Any:
    if not isinstance(item, Mapping):
        return item
    out: dict[str, Any] = {}
    for key, value in item.items():
        if key in _ENTITY_TEXT and "entity_text" not in item:
            renamed["*entity_text"] = key
            key = "entity_text"
        out[key] = value
    return out


# -- reading -------------------------------------------------------------------
def read_plover(
    source: str | os.PathLike[str] | Sequence[str | os.PathLike[str]] | Iterable[Mapping[str, Any]],
    *,
    progress: Callable[[int], None] | bool | None = None,
    placeholder_dates: Iterable[str] = ("2000-01-01",),
    encoding: str = "utf-8",
    errors: str = "strict",
    max_warnings: int | None = 100_000,
    limits: Limits = DEFAULT_LIMITS,
) -> EventReader[Any]:
    """Read PLOVER records: a JSON Lines file or a JSON array file (both streamed), dicts.

    ``source`` may also name many files (a list of paths, a glob, a directory), read in
    turn; their warnings name the file. A file may be ``.gz`` or a one-file ``.zip``; it
    is read as ``encoding`` text, decoding errors handled as ``errors`` says (see
    :func:`open`). A record that is not JSON, or holds ``NaN``, an integer of more than
    4,300 digits or nesting deeper than 200 levels, is skipped with a warning naming
    where; a key a record repeats gives a warning (its last value is used). ``limits``
    bound a line and an array element.

    Dates in ``placeholder_dates`` (the gold-standard records all carry
    ``2000-01-01``) are read as unknown, with a ``placeholder_date`` warning;
    pass ``()`` to take them as real dates. The record is kept either way.

    >>> reader = read_plover([{"id": "r1", "date": "2016-07-24", "actor": [{"code": "USA"}],
    ...                        "recipient": [{"code": "CAN"}], "event": ["CONSULT"],
    ...                        "mode": ["visit"]}])
    >>> event = next(reader)
    >>> event.code, event.actor.code, event.target.code, str(event.date)
    ('CONSULT.visit', 'USA', 'CAN', '2016-07-24')
    """
    placeholders = frozenset(placeholder_dates)

    @guarded
    def convert(record: Any, warn: Warn) -> Event | None:
        return _convert(record, warn, placeholders)

    paths = file_list(source)
    if paths is None:
        rows = cast(Iterable[Mapping[str, Any]], source)  # no path: file_list says so
        return EventReader(rows, convert, progress=progress, max_warnings=max_warnings)
    position = Position()

    def records_of(path: str, stack: ExitStack) -> Iterator[Any]:
        handle = stack.enter_context(
            open_text(path, encoding=encoding, errors=errors, limits=limits)
        )
        return json_records(handle, path, encoding, limits, position)

    if len(paths) == 1:
        stack = ExitStack()
        try:
            records = records_of(paths[0], stack)
        except BaseException:
            stack.close()
            raise
        on_close = stack.close
        file = None
    else:
        chained = each_file(paths, records_of, position.enter)
        records, on_close, file = chained, chained.close, position.get_file
    return EventReader(
        records,
        convert,
        progress=progress,
        on_close=on_close,
        max_warnings=max_warnings,
        line=position.get,
        file=file,
    )


def _convert(record: Any, warn: Warn, placeholders: frozenset[str]) -> Event | None:
    if isinstance(record, NotJSON):
        warn("skipped_row", str(record) or "an empty record")
        return None
    if isinstance(record, JSONRecord):
        for path in record.duplicates:
            warn("bad_value", f"{path}: duplicate key (the last value is used)")
        record = record.value
    if not isinstance(record, Mapping):
        warn("skipped_row", f"a PLOVER record is a JSON object, not {type(record).__name__}")
        return None
    problem = json_problem(dict(record), _MAX_DEPTH)
    if problem is not None:
        warn("skipped_row", f"{problem[0]}: {problem[1]}: the record is no JSON to keep")
        return None
    rec, renamed = _normalized(record)
    ident = rec.get("id")
    if isinstance(ident, int) and not isinstance(ident, bool):
        ident = str(ident)
    if not isinstance(ident, str) or not ident:
        what = (
            "no id" if ident in (None, "") else f"id {shown(ident)} is not text or a whole number"
        )
        warn("missing_value", f"{what}: the record's content identifies it", column="id")
        ident = content_key(rec)
    categories = _strings(rec.get("event"), "event", warn)
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
    modes = _strings(rec.get("mode"), "mode", warn)
    mode = modes[0] if modes else ""
    contexts = _strings(rec.get("context"), "context", warn, split=True)
    actors = plover_entities(rec.get("actor"), "actor", warn)
    recipients = plover_entities(rec.get("recipient"), "recipient", warn)
    publication = rec.get("publication") or _get(rec.get("cite_info"), "publication")
    common: dict[str, Any] = {
        "date": _date(rec, warn, placeholders),
        "reported": _day(rec.get("coded_date"), "coded_date", warn),
        "location": plover_location(rec.get("event_loc"), warn),
        "summary": text_of(rec.get("text")),
        "sources": (EventSource(publisher=publication),) if text_of(publication) else (),
    }
    event: Event
    if category == "COOPERATE" and "military" in contexts:
        event = JointExercise(
            id=dataset_event_id(JointExercise.type_tag, "plover", ident),
            participants=tuple(actors + recipients),
            troops=plover_size(rec.get("size"), warn),
            **common,
        )
    elif category == "ACCUSE" and mode == "allege" and "diplomatic" in contexts:
        event = DiplomaticCommunique(
            id=dataset_event_id(DiplomaticCommunique.type_tag, "plover", ident),
            sender=actors[0] if actors else None,
            recipient=recipients[0] if recipients else None,
            medium=Medium.PROTEST_NOTE,
            **common,
        )
    else:
        plover_size(rec.get("size"), warn)
        event = CodedEvent(
            id=dataset_event_id(CodedEvent.type_tag, "plover", ident),
            scheme="plover",
            code=f"{category or '?'}.{mode}" if mode else category or "?",
            label=CATEGORIES.get(OLD_CATEGORIES.get(category, category)),
            actor=actors[0] if actors else None,
            target=recipients[0] if recipients else None,
            fatalities=plover_count(rec.get("dead"), "dead", warn),
            **common,
        )
    more: dict[str, Any] = {"_names": renamed} if renamed else {}
    kept = _KEEPING.keep(event, rec, more=more)
    if list(to_plover(kept)) != list(rec):
        kept = _KEEPING.keep(event, rec, more={**more, "_keys": list(rec)})
    return kept


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
    start = _day_of(text, "date", warn)
    end = _day_of(rec.get("enddate"), "enddate", warn)
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
    day = _day_of(value, key, warn)
    return None if day is None else DateSpan.of(day)


# -- writing -------------------------------------------------------------------
def to_plover(event: Event, *, names: Literal["manual", "original"] = "manual") -> dict[str, Any]:
    """A PLOVER record for ``event``, in the manual's field names (or, for a record read
    with older names, ``names="original"``: those). Records read come back as read.

    Types PLOVER has no category for (a :class:`~secevents.Statement`, CAMEO 01/02)
    get ``has_event: false`` and no ``event``.

    >>> import secevents as se
    >>> forces = (se.Actor.military("RUS"), se.Actor.military("TJK"))
    >>> exercise = se.JointExercise(participants=forces, date=se.DateSpan.parse("2021-10-23"))
    >>> record = to_plover(exercise)
    >>> record["event"], record["context"], [a["code"] for a in record["actor"]], record["date"]
    (['COOPERATE'], ['military'], ['RUS', 'TJK'], '2021-10-23')
    """
    record = _KEEPING.write(event)
    kept = kept_columns(event, "plover")
    order = kept.get("_keys")
    if isinstance(order, list):
        record = {k: record[k] for k in [*order, *record] if k in record}
    if names == "original":
        record = _original_names(record, kept.get("_names") or {})
    return record


def _original_names(record: dict[str, Any], renamed: Mapping[str, str]) -> dict[str, Any]:
    entity_text = renamed.get("*entity_text")
    out: dict[str, Any] = {}
    for key, value in record.items():
        if entity_text and key in ("actor", "recipient") and isinstance(value, list):
            value = [
                {(entity_text if k == "entity_text" else k): v for k, v in item.items()}
                if isinstance(item, dict) else item
                for item in value
            ]  # fmt: skip
        out[renamed.get(key, key)] = value
    return out


def _render(event: Event) -> dict[str, Any]:
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


_KEEPING: Final = Keeping("plover", _render, tuple((key,) for key in _MAPPED), absent=True)


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


def plover_records(
    events: Iterable[Event], *, names: Literal["manual", "original"] = "manual"
) -> Iterator[dict[str, Any]]:
    """The PLOVER record of each event (see :func:`to_plover`), lazily.

    >>> import secevents as se
    >>> next(plover_records([se.CodedEvent(scheme="plover", code="PROTEST.demo")]))["mode"]
    ['demo']
    """
    for event in events:
        yield to_plover(event, names=names)


def write_plover(
    events: Iterable[Event],
    target: str | os.PathLike[str] | TextIO,
    *,
    names: Literal["manual", "original"] = "manual",
) -> int:
    """Write ``events`` as PLOVER JSON Lines (one record a line); the number of records written.

    A path ending in ``.gz`` is compressed; :func:`read_plover` reads the file back.

    >>> import io, secevents as se
    >>> out = io.StringIO()
    >>> write_plover([se.CodedEvent(scheme="plover", code="AGREE")], out)
    1
    >>> out.getvalue()[:9]
    '{"id": "c'
    """
    if isinstance(target, str | os.PathLike):
        path = os.fspath(target)
        if path.endswith(".gz"):
            with gzip.open(path, "wt", encoding="utf-8", newline="\n") as zipped:
                return _write_lines(events, zipped, names)
        with open(path, "w", encoding="utf-8", newline="\n") as handle:
            return _write_lines(events, handle, names)
    return _write_lines(events, target, names)


def _write_lines(
    events: Iterable[Event], handle: IO[str], names: Literal["manual", "original"]
) -> int:
    count = 0
    for record in plover_records(events, names=names):
        problem = json_problem(record, _MAX_DEPTH)
        if problem is not None:
            where = f"record {count + 1} ({shown(record.get('id'), 80)})"
            raise ValueError(f"{where}: {problem[0]}: {problem[1]}: not written")
        handle.write(json.dumps(record, ensure_ascii=False, allow_nan=False) + "\n")
        count += 1
    return count
