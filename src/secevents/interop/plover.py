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
from typing import IO, Any, Literal, TextIO, cast

from ..errors import shown
from ..limits import DEFAULT_LIMITS, Limits
from ..model._json import json_problem
from ..model.events import Event
from ._files import each_file, file_list
from ._json_records import json_records
from ._keep import kept_columns
from ._plover_cells import CATEGORIES, MAX_DEPTH, OLD_CATEGORIES, normalized, read_parts
from ._plover_codes import PloverCode, plover_code, plover_for_cameo
from ._plover_kept import plover_event
from ._plover_render import KEEPING as _KEEPING
from ._rows import EventReader, Warn
from ._tables import Position, open_text
from ._tabular import guarded

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


def normalize_plover(record: Mapping[str, Any]) -> dict[str, Any]:
    """``record`` with older field names renamed to the manual's (values untouched).

    >>> normalize_plover({"id": "x", "source": [{"actorText": "Libya", "code": "LBY"}],
    ...                   "target": ""})
    {'id': 'x', 'actor': [{'entity_text': 'Libya', 'code': 'LBY'}], 'recipient': ''}
    """
    return normalized(record)[0]


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

    return plover_reader(
        source, convert, progress, max_warnings, encoding=encoding, errors=errors, limits=limits
    )


def plover_reader(
    source: object,
    convert: Callable[[Any, Warn], Any],
    progress: Callable[[int], None] | bool | None,
    max_warnings: int | None,
    *,
    encoding: str,
    errors: str,
    limits: Limits,
) -> EventReader[Any]:
    """An :class:`EventReader` giving what ``convert`` makes of each record of ``source``
    (files, streamed, or records given in Python); see :func:`read_plover`."""
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
    parts = read_parts(record, warn, placeholders)
    return None if parts is None else plover_event(parts, record)


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
        problem = json_problem(record, MAX_DEPTH)
        if problem is not None:
            where = f"record {count + 1} ({shown(record.get('id'), 80)})"
            raise ValueError(f"{where}: {problem[0]}: {problem[1]}: not written")
        handle.write(json.dumps(record, ensure_ascii=False, allow_nan=False) + "\n")
        count += 1
    return count
