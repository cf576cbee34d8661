"""The groups of :func:`~secevents.linking.merging.cluster`, in memory that does not hold pairs.

Events whose profiles (what similarity reads of them) are equal score alike
against any event, so they are one *node*: a day of GDELT repeats many events
(one per article), and each distinct profile is compared once. Candidate
pairs of nodes are streamed by :func:`~secevents.linking._blocking.candidate_pairs`
and joined with union-find, skipping pairs already in one group. The groups are
those of the event graph:

- a node's events join one another when a profile scores ``threshold`` with
  itself (it does whenever it gives an aspect to compare);
- a node joined to another node brings all its events along (each of them
  scores what the node scores);
- the events of a node joined to nothing, whose profile scores below
  ``threshold`` with itself, stay apart, except equal events (always one group).
"""

from __future__ import annotations

from array import array
from collections.abc import Hashable, Sequence
from typing import Any

from ..model.events import Event
from ._blocking import candidate_pairs
from ._profile import Profile
from .similarity import Similarity, _compare, _profile

__all__ = ["cluster_indices"]


def cluster_indices(events: Sequence[Event], threshold: float) -> list[list[int]]:
    """The groups of ``events`` as lists of indices, in order of first appearance."""
    nodes: dict[Hashable, int] = {}
    profiles: list[Profile] = []
    node_of = array("q")
    for event in events:
        profile = _profile(event)
        key = profile_key(profile)
        node = len(profiles) if key is None else nodes.setdefault(key, len(profiles))
        if node == len(profiles):
            profiles.append(profile)
        node_of.append(node)
    parent = array("q", range(len(profiles)))
    linked = bytearray(len(profiles))

    def root(node: int) -> int:
        while parent[node] != node:
            parent[node] = parent[parent[node]]
            node = parent[node]
        return node

    for a, b in candidate_pairs(profiles, threshold, Similarity.WEIGHTS, root):
        first, second = root(a), root(b)
        if first == second:  # joined since the pair was given
            continue
        if _compare(profiles[a], profiles[b]).score >= threshold:
            parent[max(first, second)] = min(first, second)
            linked[a] = linked[b] = 1
    groups: dict[tuple[bool, int], list[int]] = {}
    alone = _FirstCopies()  # of the events of the nodes joined to nothing
    self_joined: dict[int, bool] = {}
    for index, event in enumerate(events):
        node = node_of[index]
        if not linked[node] and node not in self_joined:
            self_joined[node] = _compare(profiles[node], profiles[node]).score >= threshold
        if linked[node] or self_joined[node]:
            key = (True, root(node))
        else:
            key = (False, alone.first(event, index))
        groups.setdefault(key, []).append(index)
    return list(groups.values())


class _FirstCopies:
    """The index of the first of equal events, also for events that cannot be hashed
    (a user's type with a list in a field of type ``Any``: compared one by one)."""

    def __init__(self) -> None:
        self.hashed: dict[Event, int] = {}
        self.unhashable: list[tuple[Event, int]] = []

    def first(self, event: Event, index: int) -> int:
        try:
            return self.hashed.setdefault(event, index)
        except TypeError:
            for other, found in self.unhashable:
                if other == event:
                    return found
            self.unhashable.append((event, index))
            return index


def profile_key(profile: Profile) -> Hashable | None:
    """What makes two profiles score alike against any event (``None``: not hashable).

    Values are keyed with their types: ``1`` and ``Decimal(1)``, or an enum and
    its string, are equal in Python but not always compared alike.
    """
    try:
        key = (
            profile.cls,
            profile.tag,
            _typed(profile.scheme),
            _typed(profile.code),
            tuple(sorted(profile.actors.items())),
            profile.window,
            _typed(profile.location),
            tuple(sorted(profile.measures.items())),
            tuple((name, _typed(value)) for name, value in sorted(profile.details.items())),
        )
        hash(key)
    except TypeError:  # an unhashable detail: the event is a node of its own
        return None
    return key


def _typed(value: Any) -> Hashable:
    if isinstance(value, tuple):
        return (tuple, tuple(_typed(item) for item in value))
    return (type(value), value)
