"""Joining reports of the same real event into one event, keeping every source and conflict.

:func:`merge` unions sources, evidence and actors, narrows the date to what all
reports allow, and keeps values the reports disagree on as *alternatives* (the
kept unknown key ``"alternatives"``: ``{field: [wire value, ...]}``) instead of
dropping them. :func:`cluster` groups the reports of a collection that
describe the same event.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Hashable, Iterable, Sequence
from typing import Any, Final, TypeVar

import attrs
import orjson

from ..model.actors import Actor
from ..model.amounts import Equipment
from ..model.dates import Bound, DatePrecision, DateSpan, PartialDate
from ..model.events import Event, UnknownEvent
from ..model.extra import UnknownKey
from ..model.places import Location
from ..model.relation import Relation, RelationKind
from ..wire.serialize import dumps, from_dict, get_converter, to_dict
from .similarity import actor_key, similarity

__all__ = ["ALTERNATIVES", "alternatives", "cluster", "link_duplicates", "merge"]

E = TypeVar("E", bound=Event)

#: The kept unknown key a merged event holds its conflicting values under.
ALTERNATIVES: Final = "alternatives"

_UNIONS: Final = ("sources", "evidence", "tags")
# The version keys: a merge is a new record, made of the ids it records in merged_from.
_SKIPPED: Final = frozenset({"id", "schema_version", "extra", "modified", "merged_from", "revoked"})
# Fields that say how precise a value is rather than what it is.
_PRECISION_FIELDS: Final[dict[type, frozenset[str]]] = {Location: frozenset({"precision"})}
_FINENESS: Final = {
    DatePrecision.YEAR: 0,
    DatePrecision.SEASON: 1,
    DatePrecision.MONTH: 2,
    DatePrecision.DAY: 3,
}


def alternatives(event: Event) -> dict[str, list[Any]]:
    """The conflicting values a merge kept on ``event``, by field (empty if none).

    >>> import secevents as se
    >>> a = se.JointExercise(troops=se.Quantity(5000), confidence=0.9)
    >>> b = se.JointExercise(troops=se.Quantity(4500), confidence=0.6)
    >>> alternatives(merge([a, b]))
    {'troops': [{'value': 4500, 'qualifier': 'exact'}]}
    """
    for item in event.extra:
        if item.key == ALTERNATIVES and isinstance(item.value, dict):
            return {key: list(values) for key, values in item.value.items()}
    return {}


def _wire(value: Any) -> Any:
    return get_converter().unstructure(value)


def _identity(value: Any) -> bytes:
    return orjson.dumps(_wire(value), option=orjson.OPT_SORT_KEYS)


def _rank(event: Event) -> tuple[bool, float, int, int, str]:
    confidence = event.confidence
    return (
        confidence is None,
        -(confidence or 0.0),
        -len(event.sources),
        -len(event.evidence),
        dumps(event),
    )


def merge(events: Iterable[E]) -> E:
    """One event from several reports of the same real event.

    Rules (the result does not depend on the order of ``events``):

    - events are ranked: stated ``confidence`` (highest first; events without one
      after), then most sources, then most evidence, then their JSON text;
    - ``sources``, ``evidence``, ``tags`` and actor lists are unioned without
      duplicates, in rank order; an actor (by code, else name) given several
      ways keeps its fullest form;
    - ``date`` is the intersection of the dates when they all may share a day
      (the narrowest one when it lies within the others); ``reported`` the earliest;
      ``confidence`` the highest;
    - any other field takes the first value in rank order, or a fuller form of it
      (one that adds fields, e.g. a place with a name to a bare country);
      values that conflict with it are kept under ``extra`` as
      ``alternatives``: ``{field: [wire value, ...]}`` (for list fields, the
      conflicting items); unknown keys are merged the same way;
    - the id is computed from the merged fields; equal events are merged once,
      so ``merge([e])`` and ``merge([e, e])`` are ``e``;
    - the result is a new record: ``merged_from`` holds the (sorted) ids of the
      records merged, and it has no ``modified``. Revoked records are refused
      (they were withdrawn: leave them out). To keep every record instead, link
      them with :func:`link_duplicates`.

    Raises ``ValueError`` for no events, events of different types, or coded
    events of different schemes or codes (different kinds of event: CAMEO 062
    and ACLED "Battles" are not one event whatever else they share).

    >>> import secevents as se
    >>> a = se.JointExercise(date=se.DateSpan.parse("2021-10"), troops=se.Quantity(5000),
    ...                      sources=(se.Source(publisher="TASS"),), confidence=0.9)
    >>> b = se.JointExercise(date=se.DateSpan.parse("2021-10-23"), troops=se.Quantity(4500),
    ...                      sources=(se.Source(publisher="Asia-Plus"),), confidence=0.7)
    >>> m = merge([b, a])
    >>> str(m.date), m.troops.value, [s.publisher for s in m.sources]
    ('2021-10-23', 5000, ['TASS', 'Asia-Plus'])
    >>> alternatives(m)
    {'troops': [{'value': 4500, 'qualifier': 'exact'}]}
    """
    items = _distinct(list(events))
    if not items:
        raise ValueError("merge() needs at least one event")
    if len({type(event) for event in items}) > 1:
        tags = sorted({event.type_tag for event in items})
        raise ValueError(f"cannot merge events of different types: {', '.join(tags)}")
    kinds = {(getattr(event, "scheme", None), getattr(event, "code", None)) for event in items}
    if len(kinds) > 1:  # coded events of different codes are different kinds of event
        names = sorted(f"{scheme} {code}" for scheme, code in kinds)
        raise ValueError(f"cannot merge coded events of different kinds: {', '.join(names)}")
    if len(items) == 1:
        return items[0]
    revoked = [event.id for event in items if event.revoked]
    if revoked:
        raise ValueError(f"cannot merge revoked records ({', '.join(revoked)}): leave them out")
    cls = type(items[0])
    if isinstance(items[0], UnknownEvent):
        raise ValueError(f"cannot merge differing events of the unknown type {items[0].type_tag!r}")
    ranked = sorted(items, key=_rank)
    conflicts: dict[str, list[Any]] = {}
    chosen_wire: dict[str, list[Any]] = {}
    values: dict[str, Any] = {}
    for field in attrs.fields(cls):
        if field.name in _SKIPPED or not field.init:
            continue
        candidates = [getattr(event, field.name) for event in ranked]
        value, others = _merge_field(field.name, field.type, candidates)
        values[field.alias] = value
        conflicts[field.name] = [_wire(other) for other in others]
        chosen = value if isinstance(value, tuple) else (() if value is None else (value,))
        chosen_wire[field.name] = [_wire(item) for item in chosen]
    values["merged_from"] = tuple(sorted({event.id for event in items}))
    extra = _merge_extra(ranked, conflicts, chosen_wire)
    merged = cls(**values)
    if extra:
        # Kept keys go after the last field written, where a read finds them again.
        last = list(to_dict(merged))[-1]
        merged = cls(**values, extra=tuple(attrs.evolve(item, after=last) for item in extra))
    return from_dict(to_dict(merged), cls)


def _distinct(items: list[E]) -> list[E]:
    unique: list[E] = []
    for event in items:
        if not isinstance(event, Event):
            raise TypeError(f"merge(): expected events, got {type(event).__name__}")
        if event not in unique:
            unique.append(event)
    return unique


def _merge_field(name: str, annotation: Any, candidates: list[Any]) -> tuple[Any, list[Any]]:
    """The merged value of one field and the values that conflict with it."""
    if name in _UNIONS:
        return tuple(_unique(item for value in candidates for item in value)), []
    if name == "confidence":
        stated = [value for value in candidates if value is not None]
        return (max(stated) if stated else None), []
    if name == "reported":
        stated = [value for value in candidates if value is not None]
        return (min(stated, key=_window) if stated else None), []
    if name == "date":
        return _merge_dates(candidates)
    if annotation == tuple[Actor, ...]:
        return _merge_items(candidates, actor_key)
    if annotation == tuple[Equipment, ...]:
        return _merge_items(candidates, lambda item: item.kind)
    if isinstance(candidates[0], tuple):
        return tuple(_unique(item for value in candidates for item in value)), []
    return _pick(candidates)


def _unique(items: Iterable[Any]) -> list[Any]:
    found: list[Any] = []
    for item in items:
        if item not in found:
            found.append(item)
    return found


def _merge_items(
    candidates: list[tuple[Any, ...]], key: Callable[[Any], Hashable]
) -> tuple[tuple[Any, ...], list[Any]]:
    groups: dict[Hashable, list[Any]] = {}
    for value in candidates:
        for item in value:
            groups.setdefault(key(item), []).append(item)
    merged: list[Any] = []
    conflicts: list[Any] = []
    for group in groups.values():
        chosen, others = _pick(group)
        merged.append(chosen)
        conflicts.extend(others)
    return tuple(merged), conflicts


def _is_empty(value: Any) -> bool:
    return value is None or value is False or (isinstance(value, tuple) and not value)


def _facts(value: Any) -> dict[str, Any]:
    ignored = _PRECISION_FIELDS.get(type(value), frozenset())
    return {
        field.name: getattr(value, field.name)
        for field in attrs.fields(type(value))
        if field.name != "extra"
        and field.name not in ignored
        and not _is_empty(getattr(value, field.name))
    }


def _covers(full: Any, part: Any) -> bool:
    """True if ``full`` states everything ``part`` states (and maybe more)."""
    if full == part:
        return True
    if type(full) is not type(part) or not attrs.has(type(full)):
        return False
    return all(getattr(full, name) == value for name, value in _facts(part).items())


def _pick(candidates: list[Any]) -> tuple[Any, list[Any]]:
    """The first stated value in rank order (or a fuller form of it) and the conflicting ones."""
    present = [value for value in candidates if value is not None]
    if not present:
        return None, []
    chosen = present[0]
    for value in present[1:]:
        if _covers(value, chosen) and not _covers(chosen, value):
            chosen = value
    others = _unique(value for value in present if not _covers(chosen, value))
    return chosen, others


def _window(span: DateSpan) -> tuple[dt.date, dt.date]:
    return (span.earliest or dt.date.min, span.latest or dt.date.max)


def _merge_dates(candidates: list[DateSpan | None]) -> tuple[DateSpan | None, list[Any]]:
    present = [span for span in candidates if span is not None]
    if not present:
        return None, []
    if all(span == present[0] for span in present):
        return present[0], []
    low = max(_window(span)[0] for span in present)
    high = min(_window(span)[1] for span in present)
    if low > high:  # the reports disagree: keep the best-ranked date, the others as alternatives
        return present[0], _unique(span for span in present[1:] if span != present[0])
    return _intersection(present), []


def _fineness(end: PartialDate | Bound) -> int:
    return _FINENESS[end.precision] if isinstance(end, PartialDate) else -1


def _intersection(spans: list[DateSpan]) -> DateSpan:
    """The days every span may mean, written with the spans' own dates (no invented precision)."""
    starts = [
        (_window(span)[0], _fineness(span.start), -rank, span.start)
        for rank, span in enumerate(spans)
    ]
    ends = []
    for rank, span in enumerate(spans):
        end = span.start if span.end is None else span.end
        ends.append((_window(span)[1], -_fineness(end), rank, end))
    start = max(starts, key=lambda item: item[:3])[3]
    end = min(ends, key=lambda item: item[:3])[3]
    if isinstance(start, PartialDate) and start == end:
        return DateSpan(start)
    return DateSpan(start, end)


def _merge_extra(
    ranked: Sequence[Event], conflicts: dict[str, list[Any]], chosen_wire: dict[str, list[Any]]
) -> tuple[UnknownKey, ...]:
    kept: dict[str, list[Any]] = {}
    for event in ranked:
        for item in event.extra:
            if item.key != ALTERNATIVES:
                kept.setdefault(item.key, []).append(item.value)
    extra: list[UnknownKey] = []
    for key, found in kept.items():
        first = found[0]
        extra.append(UnknownKey(key, first))
        conflicts[key] = [value for value in found[1:] if not _same_json(value, first)]
        chosen_wire[key] = [first]
    for event in ranked:
        for key, values in alternatives(event).items():
            conflicts.setdefault(key, []).extend(values)
    table: dict[str, list[Any]] = {}
    for key, values in conflicts.items():
        taken = [_json(value) for value in chosen_wire.get(key, [])]
        unique: list[Any] = []
        seen: list[bytes] = []
        for value in values:
            text = _json(value)
            if text not in taken and text not in seen:
                seen.append(text)
                unique.append(value)
        if unique:
            table[key] = unique
    if table:
        extra.append(UnknownKey(ALTERNATIVES, table))
    return tuple(extra)


def _json(value: Any) -> bytes:
    return orjson.dumps(value, option=orjson.OPT_SORT_KEYS)


def _same_json(a: Any, b: Any) -> bool:
    return _json(a) == _json(b)


# -- clusters --------------------------------------------------------------------------


def cluster(events: Iterable[E], *, threshold: float = 0.75) -> list[list[E]]:
    """Groups of events that report the same real event, in order of first appearance.

    Two events of the same kind (type; coded events: scheme and code too) join
    when :func:`~secevents.linking.similarity.similarity` scores them at least
    ``threshold`` (or they are equal); groups are the connected components of
    that relation, so events of different kinds are never grouped, whatever the
    threshold. The pairs that cannot reach the threshold are ruled out before
    scoring, by the same bounds as :func:`~secevents.linking.similarity.similar_pairs`
    (date, actors, and the places of two casts), so the groups are those of
    comparing every pair; events that similarity reads alike are compared once,
    pairs already in one group are not scored, and no pairs are held, so memory
    stays that of the events (150,000 same-day GDELT events: see docs/scale.md).

    >>> import secevents as se
    >>> day = se.DateSpan.parse("2021-10-23")
    >>> rus_tjk = (se.Actor.state("RUS"), se.Actor.state("TJK"))
    >>> a = se.JointExercise(date=day, participants=rus_tjk, troops=se.Quantity(5000))
    >>> b = se.JointExercise(date=day, participants=rus_tjk, troops=se.Quantity(4500))
    >>> c = se.JointExercise(date=se.DateSpan.parse("2019-09"), participants=rus_tjk[:1])
    >>> [len(group) for group in cluster([a, c, b])]
    [2, 1]
    """
    if not 0.0 <= threshold <= 1.0:
        raise ValueError(f"threshold {threshold!r} is not in [0, 1]")
    from ._clusters import cluster_indices  # loads on first use, not with ``import secevents``

    items = list(events)
    return [[items[index] for index in group] for group in cluster_indices(items, threshold)]


def link_duplicates(events: Iterable[Event], *, threshold: float = 0.75) -> list[Relation]:
    """``duplicate_of`` relations instead of a merge, for users who keep every record.

    The events are grouped as :func:`cluster` groups them; in each group the
    record :func:`merge` ranks first (highest confidence, then most sources,
    then most evidence) is kept, and every other record of the group gets a
    relation ``duplicate_of`` it, whose ``confidence`` is their
    :func:`~secevents.similarity.similarity` score (1 for equal records).
    Revoked records take no part. Relations come in order of the groups, then
    of the records.

    >>> import secevents as se
    >>> day = se.DateSpan.parse("2021-10-23")
    >>> rus_tjk = (se.Actor.state("RUS"), se.Actor.state("TJK"))
    >>> tass = se.JointExercise(date=day, participants=rus_tjk, troops=se.Quantity(5000),
    ...                         confidence=0.9)
    >>> again = se.JointExercise(date=day, participants=rus_tjk, troops=se.Quantity(4500))
    >>> [link] = link_duplicates([tass, again])
    >>> link.kind, link.source_ref == again.id, link.target_ref == tass.id
    ('duplicate_of', True, True)
    """
    live = [event for event in events if not event.revoked]
    links: list[Relation] = []
    for group in cluster(live, threshold=threshold):
        distinct = _distinct(group)
        if len(distinct) < 2:
            continue
        kept, *others = sorted(distinct, key=_rank)
        for other in others:
            if other.id == kept.id:  # two versions of one record are not duplicates
                continue
            score = 1.0 if other == kept else similarity(other, kept).score
            links.append(
                Relation(
                    kind=RelationKind.DUPLICATE_OF,
                    source_ref=other.id,
                    target_ref=kept.id,
                    confidence=min(1.0, max(0.0, round(score, 4))),
                )
            )
    return links
