"""A ledger of events and relations over time: what was known on a given day.

:class:`EventLedger` keeps every version of every record it is given (wire
format v2: a record keeps its id across versions, ``modified`` marks each) and
the relations between them, and answers three questions: :meth:`~EventLedger.as_of`
(the events as they were known on a day), :meth:`~EventLedger.history` (every
version of one record and what each changed, from which source) and
:meth:`~EventLedger.related` (the relations around a record). It is stored as
a JSON Lines file of every version and relation, in the order added, and reads
back equal.
"""

from __future__ import annotations

import datetime as dt
from collections import deque
from collections.abc import Iterable, Iterator
from typing import Any, NamedTuple

from ..errors import FieldError
from ..model.events import Event
from ..model.provenance import Source
from ..model.relation import Relation
from ..model.report import Report
from ..wire.serialize import PathOrFile, read_jsonl, to_dict, write_jsonl

__all__ = ["EventLedger", "RecordVersion"]

Record = Event | Relation
Addable = Event | Relation | Report | Iterable[Any]
_SKIPPED: frozenset[str] = frozenset({"id", "schema_version", "modified", "extra"})


class RecordVersion(NamedTuple):
    """One version of a record in :meth:`EventLedger.history`.

    ``changes`` maps each field this version changed to its wire values
    ``(before, after)`` (every set field for the first version, with ``None``
    before); ``sources`` are the sources this version added.
    """

    event: Event
    changes: dict[str, tuple[Any, Any]]
    sources: tuple[Source, ...]


def _known_on(event: Event) -> dt.date | None:
    """The day a version was surely known: its ``modified`` day, else the last day of its
    ``reported`` date; ``None`` when it carries neither (known all along)."""
    if event.modified is not None:
        return event.modified.date()
    if event.reported is not None:
        return event.reported.latest or event.reported.earliest
    return None


def _day(value: dt.date | str) -> dt.date:
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if isinstance(value, str):
        try:
            return dt.date.fromisoformat(value)
        except ValueError:
            raise FieldError("day", f"{value!r} is not a YYYY-MM-DD date") from None
    raise TypeError(f"day: expected a date or a YYYY-MM-DD string, got {type(value).__name__}")


class EventLedger:
    """Every version of every event and relation added, and what was known when.

    >>> import datetime as dt
    >>> import secevents as se
    >>> agreed = se.BaseConstruction(host=se.Actor.state("TJK"),
    ...                              reported=se.DateSpan.parse("2021-10-28"),
    ...                              status=se.ConstructionStatus.AGREED)
    >>> built = se.new_version(agreed, status=se.ConstructionStatus.COMPLETED,
    ...                        modified=dt.datetime(2023, 5, 1, tzinfo=dt.UTC))
    >>> ledger = se.EventLedger([agreed, built])
    >>> [event.status.value for event in ledger.as_of("2022-01-01")]
    ['agreed']
    >>> [event.status.value for event in ledger.as_of("2024-01-01")]
    ['completed']
    >>> [version.changes for version in ledger.history(agreed.id)][1]
    {'status': ('agreed', 'completed')}
    """

    def __init__(self, records: Iterable[Any] = ()) -> None:
        self._order: list[Record] = []
        self._versions: dict[str, list[Event]] = {}
        self._relations: dict[str, Relation] = {}
        self._around: dict[str, list[str]] = {}
        self.add(records)

    # -- adding ----------------------------------------------------------------------

    def add(self, *items: Addable) -> None:
        """Add events, relations, reports (their events and relations) or iterables of
        them (a reader's output, a collection). A record already held unchanged is kept
        once; a changed record with a known id is a new version of it."""
        for item in items:
            if isinstance(item, Event):
                self._add_event(item)
            elif isinstance(item, Relation):
                self._add_relation(item)
            elif isinstance(item, Report):
                self.add(item.events, item.relations)
            elif isinstance(item, Iterable) and not isinstance(item, str | bytes | dict):
                for each in item:
                    self.add(each)
            else:
                raise TypeError(
                    f"EventLedger.add(): expected events, relations, reports or iterables of "
                    f"them, got {type(item).__name__}"
                )

    def _add_event(self, event: Event) -> None:
        versions = self._versions.setdefault(event.id, [])
        if event in versions:
            return
        versions.append(event)
        self._order.append(event)

    def _add_relation(self, relation: Relation) -> None:
        held = self._relations.get(relation.id)
        if held == relation:
            return
        self._relations[relation.id] = relation  # the same link restated: the latest kept
        self._order.append(relation)
        if held is None:
            for ref in (relation.source_ref, relation.target_ref):
                self._around.setdefault(ref, []).append(relation.id)

    # -- questions -------------------------------------------------------------------

    def __len__(self) -> int:
        """The number of records (events by id, and relations)."""
        return len(self._versions) + len(self._relations)

    def __contains__(self, record_id: object) -> bool:
        return record_id in self._versions or record_id in self._relations

    def __getitem__(self, record_id: str) -> Record:
        """The latest version of an event, or a relation, by id."""
        versions = self._versions.get(record_id)
        if versions:
            return self._latest(versions)
        try:
            return self._relations[record_id]
        except KeyError:
            raise KeyError(f"no record {record_id!r} in the ledger") from None

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, EventLedger):
            return NotImplemented
        return self._order == other._order

    __hash__ = None  # type: ignore[assignment]  # a ledger changes

    def __repr__(self) -> str:
        versions = sum(len(v) for v in self._versions.values())
        return (
            f"<EventLedger: {len(self._versions)} events ({versions} versions), "
            f"{len(self._relations)} relations>"
        )

    def events(self) -> list[Event]:
        """The latest version of every event, revoked ones left out, in order first added."""
        latest = (self._latest(versions) for versions in self._versions.values())
        return [event for event in latest if not event.revoked]

    def relations(self) -> list[Relation]:
        """Every relation, in order first added."""
        return list(self._relations.values())

    def as_of(self, day: dt.date | str) -> list[Event]:
        """The events as they were known on ``day``: of each record, the latest version
        known by then (by ``modified``, else ``reported``); records revoked by then and
        records not yet reported are left out. Versions with neither date count as known
        all along."""
        when = _day(day)
        known: list[Event] = []
        for versions in self._versions.values():
            seen = [v for v in versions if (_known_on(v) or dt.date.min) <= when]
            if seen:
                latest = self._latest(seen)
                if not latest.revoked:
                    known.append(latest)
        return known

    def history(self, record_id: str) -> list[RecordVersion]:
        """Every version of an event, oldest first, with the fields and sources it changed."""
        versions = self._versions.get(record_id)
        if not versions:
            raise KeyError(f"no event {record_id!r} in the ledger")
        ordered = self._ordered(versions)
        result: list[RecordVersion] = []
        before: dict[str, Any] = {}
        before_sources: set[Source] = set()
        for version in ordered:
            wire = {k: v for k, v in to_dict(version).items() if k not in _SKIPPED}
            changes = {
                key: (before.get(key), wire.get(key))
                for key in [*before, *(k for k in wire if k not in before)]
                if key != "type" and before.get(key) != wire.get(key)
            }
            added = tuple(s for s in version.sources if s not in before_sources)
            result.append(RecordVersion(version, changes, added))
            before, before_sources = wire, set(version.sources)
        return result

    def related(self, record_id: str, kind: str | None = None, *, depth: int = 1) -> list[Relation]:
        """The relations around a record (either end), of ``kind`` if given, following
        them ``depth`` steps out (breadth first; each relation once)."""
        if depth < 1:
            raise ValueError(f"depth must be at least 1, not {depth!r}")
        found: list[Relation] = []
        seen_ids: set[str] = set()
        frontier: deque[tuple[str, int]] = deque([(record_id, 0)])
        visited = {record_id}
        while frontier:
            current, steps = frontier.popleft()
            for relation_id in self._around.get(current, ()):
                relation = self._relations[relation_id]
                if relation_id in seen_ids or (kind is not None and relation.kind != kind):
                    continue
                seen_ids.add(relation_id)
                found.append(relation)
                other = (
                    relation.target_ref if relation.source_ref == current else relation.source_ref
                )
                if steps + 1 < depth and other not in visited:
                    visited.add(other)
                    frontier.append((other, steps + 1))
        return found

    # -- storage ---------------------------------------------------------------------

    def records(self) -> Iterator[Record]:
        """Every version and relation, in the order added (what :meth:`write` stores)."""
        return iter(list(self._order))

    def write(self, target: PathOrFile) -> int:
        """Store every version and relation as JSON Lines; returns the count written
        (:func:`secevents.interop.write_ledger` stores them as Parquet)."""
        return write_jsonl(self._order, target)

    @classmethod
    def read(cls, source: PathOrFile, *, strict: bool = False) -> EventLedger:
        """A ledger from a JSON Lines file :meth:`write` wrote (or any stream of events and
        relations); it compares equal to the ledger written."""
        return cls(read_jsonl(source, strict=strict))

    # -- helpers ---------------------------------------------------------------------

    @staticmethod
    def _ordered(versions: list[Event]) -> list[Event]:
        """Versions oldest first: by ``modified`` (none first), then in the order added."""
        floor = dt.datetime.min.replace(tzinfo=dt.UTC)
        return sorted(versions, key=lambda version: version.modified or floor)

    def _latest(self, versions: list[Event]) -> Event:
        return self._ordered(versions)[-1]
