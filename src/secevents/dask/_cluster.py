"""Duplicate clustering on Dask: events shuffled by kind, each kind clustered in one task."""

from __future__ import annotations

from collections.abc import Hashable, Iterable

import dask.bag as db

from ..linking.merging import cluster as serial_cluster
from ..model.events import Event

__all__ = ["cluster", "kind_key"]


def kind_key(event: Event) -> Hashable:
    """The blocking key of an event: its type tag, and a coded event's scheme and code.

    Events of different kinds are never grouped, so clustering each kind apart
    gives the groups of clustering all.

    >>> import secevents as se
    >>> kind_key(se.CodedEvent(scheme="cameo", code="190"))
    ('coded_event', 'cameo', '190')
    """
    return (event.type_tag, getattr(event, "scheme", None), getattr(event, "code", None))


def _cluster_kind(keyed: tuple[Hashable, Iterable[Event]], threshold: float) -> list[list[Event]]:
    return serial_cluster(keyed[1], threshold=threshold)


def cluster(events: db.Bag, *, threshold: float = 0.75) -> db.Bag:
    """A bag of the groups :func:`secevents.linking.merging.cluster` gives: lists of
    events that report one real event.

    The bag is shuffled by :func:`kind_key` (``Bag.groupby``: a task shuffle on a
    distributed client), and each kind's events are clustered by the serial
    ``cluster`` in one task, so kinds run in parallel and the groups are those
    of clustering all the events in one process. Their order, and the order of
    the events in a group, follow the shuffle: sort them (say by ``event.id``)
    if you need one. A kind's events must fit in one worker's memory (a day of
    GDELT's busiest CAMEO code is some 20,000 events).

    >>> import dask.bag as db
    >>> import secevents as se
    >>> day = se.DateSpan.parse("2021-10-23")
    >>> rus_tjk = (se.Actor.state("RUS"), se.Actor.state("TJK"))
    >>> a = se.JointExercise(date=day, participants=rus_tjk, troops=se.Quantity(5000))
    >>> b = se.JointExercise(date=day, participants=rus_tjk, troops=se.Quantity(4500))
    >>> note = se.DiplomaticCommunique(sender=se.Actor.state("TJK"))
    >>> groups = cluster(db.from_sequence([a, note, b], npartitions=2)).compute()
    >>> sorted(len(group) for group in groups)
    [1, 2]
    """
    if not isinstance(events, db.Bag):
        raise TypeError(f"events must be a dask bag of events, got {type(events).__name__}")
    if not 0.0 <= threshold <= 1.0:
        raise ValueError(f"threshold {threshold!r} is not in [0, 1]")
    return events.groupby(kind_key).map(_cluster_kind, threshold).flatten()
