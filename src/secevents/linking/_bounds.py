"""Bounds on what a pair of events of one kind may score, read before scoring it.

Used by :mod:`secevents.linking._blocking` (see its docstring for why each bound
holds): an event's *reach* in days, whether its pairs must share an actor, and
:class:`Block`, the per-event facts a block's pair tests read.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Iterator, Mapping, Sequence, Set
from itertools import chain
from typing import TYPE_CHECKING, Final

from ._best import ASPECTS, distance_km, frozen, may_score

if TYPE_CHECKING:
    from ._profile import Profile

# Slack for rounding in the score: a bound only rules a pair out when clearly below.
EPSILON: Final = 1e-9
_GAP_HALF_DAYS: Final = 7.0  # as in similarity: the date score halves every 7 days apart
_EARTH_RADIUS_KM: Final = 6371.0088


def possible(profile: Profile) -> dict[str, bool]:
    """The aspects an event gives, so that a pair with it may compare them."""
    return {
        "actors": bool(profile.actors),
        "date": profile.window is not None,
        "place": profile.location is not None,
        "quantities": bool(profile.measures),
        "details": bool(profile.details),
    }


def _other_weight(given: dict[str, bool], aspect: str, weights: Mapping[str, float]) -> float:
    return math.fsum(weights[name] for name, present in given.items() if present and name != aspect)


def reach_days(given: dict[str, bool], threshold: float, weights: Mapping[str, float]) -> float:
    """Days apart beyond which no pair with this event can score ``threshold``."""
    others, own = _other_weight(given, "date", weights), weights["date"]
    needed = ((threshold - EPSILON) * (others + own) - others) / own
    if needed <= 0:
        return math.inf
    if needed >= 0.5:  # dates apart score below 0.5: only overlapping dates may do
        return 0.0
    return _GAP_HALF_DAYS * math.log2(0.5 / needed) * (1 + EPSILON) + EPSILON


def needs_shared_actor(
    given: dict[str, bool], threshold: float, weights: Mapping[str, float]
) -> bool:
    """Whether a pair with this event, both naming actors, must share one to score ``threshold``."""
    others = _other_weight(given, "actors", weights)
    return others / (others + weights["actors"]) < threshold - EPSILON


class Block:
    """What the bounds read of the events of one block, and the test of a pair."""

    def __init__(
        self,
        profiles: Sequence[Profile],
        threshold: float,
        weights: Mapping[str, float],
        group: Callable[[int], int] | None = None,
    ) -> None:
        self.profiles = profiles
        self.group = group  # an event's group so far: pairs within one are not given
        self.threshold = threshold
        self.weights = weights
        self._weights = frozen(weights)
        self.reach: dict[int, float] = {}
        self.masks: dict[int, int] = {}  # the aspects an event gives, one bit each
        self.points: dict[int, tuple[float, float, float]] = {}  # in km, when it has coordinates
        self._tests: dict[float, Callable[[int, int], bool]] = {}
        self._reaching: dict[tuple[float, int], bool] = {}

    def add(self, index: int, given: dict[str, bool]) -> None:
        self.reach[index] = reach_days(given, self.threshold, self.weights)
        self.masks[index] = sum(1 << bit for bit, name in enumerate(ASPECTS) if given[name])
        point = point_km(self.profiles[index])
        if point is not None:
            self.points[index] = point

    def may_reach(self, actors: float, mask: int) -> bool:
        """Whether a pair scoring ``actors`` on actors, comparing at most the aspects
        of ``mask`` (each scoring 1 at best), may score the threshold."""
        found = self._reaching.get((actors, mask))
        if found is None:
            found = self._reaching[actors, mask] = may_score(
                self.threshold, self._weights, actors, mask
            )
        return found

    def distance_km(self, actors: float, mask: int) -> float:
        """How far apart two events with coordinates may be, comparing at most the
        aspects of ``mask`` (place included): ``inf`` when the place need not score,
        negative when the pair cannot score the threshold."""
        return distance_km(self.threshold, self._weights, actors, mask)

    def in_reach(self, index: int, other: int) -> bool:
        """Whether two events' dates are close enough (or one is undated)."""
        first, second = self.profiles[index].window, self.profiles[other].window
        if first is None or second is None:
            return True
        gap = max(first[0], second[0]) - min(first[1], second[1])
        return gap <= min(self.reach[index], self.reach[other])

    def close_in_time(
        self,
        members: Sequence[int],
        test: Callable[[int, int], bool],
        side: Set[int] | None = None,
    ) -> Iterator[tuple[int, int]]:
        """Pairs whose dates are within both events' reach (or one of them undated)
        and that ``test`` (a :meth:`pair_test`) lets through, each once, but those
        already in one group. With ``side``, only the pairs of an event in ``side``
        and one not in it.

        The events still within reach are kept by group, so an event skips a
        group it has joined at one step, not event by event: a cast of events of
        one day that all join costs about one pair per event, not one per pair.
        """
        profiles, reach = self.profiles, self.reach
        group = self.group if self.group is not None else _itself
        undated = [index for index in members if profiles[index].window is None]
        dated: list[tuple[int, int, int]] = []
        for index in members:
            window = profiles[index].window
            if window is not None:
                dated.append((window[0], window[1], index))
        for position, index in enumerate(undated):
            for other in chain(undated[position + 1 :], (entry[2] for entry in dated)):
                if side is not None and (index in side) == (other in side):
                    continue
                if group(index) != group(other) and test(index, other):
                    yield (min(index, other), max(index, other))
        dated.sort()
        latest = {index: high for _, high, index in dated}
        # Events still within reach, (latest day + reach, index), by group; with
        # ``side``, one table per side, and an event looks only at the other side's.
        active: dict[bool, dict[int, list[tuple[float, int]]]] = {False: {}, True: {}}
        for low, high, index in dated:
            own = side is not None and index in side
            groups = active[not own if side is not None else False]
            _regroup(groups, group)
            mine, emptied = group(index), []
            for key, entries in groups.items():
                if group(key) == mine:  # (a key is a group, or was one until this step)
                    continue
                kept: list[tuple[float, int]] = []
                for position, (end, other) in enumerate(entries):
                    if end < low:  # out of reach of this event and every later one
                        continue
                    kept.append((end, other))
                    if low - min(high, latest[other]) > min(reach[index], reach[other]):
                        continue
                    if not test(index, other):
                        continue
                    yield (min(index, other), max(index, other))
                    mine = group(index)  # the pair may have joined the groups
                    if group(key) == mine:
                        kept.extend(entries[position + 1 :])
                        break
                groups[key] = kept
                if not kept:
                    emptied.append(key)
            for key in emptied:
                del groups[key]
            active[own].setdefault(group(index), []).append((high + reach[index], index))

    def pair_test(self, actors: float) -> Callable[[int, int], bool]:
        """A test ruling out pairs whose actors score ``actors`` (when both name
        actors): by the aspects both give, and for two events with coordinates, by
        the distance the place score needed allows (a chord in km, never longer
        than the great-circle distance)."""
        found = self._tests.get(actors)
        if found is None:
            found = self._tests[actors] = self._pair_test(actors)
        return found

    def _pair_test(self, actors: float) -> Callable[[int, int], bool]:
        limits: dict[int, float] = {}  # the squared chord allowed, by the aspects both give
        possible: dict[int, bool] = {}  # whether a pair may reach, by the aspects both give
        masks, points = self.masks, self.points

        def test(index: int, other: int) -> bool:
            mask = masks[index] & masks[other]
            first, second = points.get(index), points.get(other)
            if first is None or second is None:  # a place compared by country, name...
                found = possible.get(mask)
                if found is None:
                    found = possible[mask] = self.may_reach(actors, mask)
                return found
            limit = limits.get(mask)
            if limit is None:
                distance = self.distance_km(actors, mask)
                limit = limits[mask] = distance * distance if distance >= 0 else -1.0
            if limit == math.inf:
                return True
            (x1, y1, z1), (x2, y2, z2) = first, second
            return (x1 - x2) ** 2 + (y1 - y2) ** 2 + (z1 - z2) ** 2 <= limit

        return test


def _itself(index: int) -> int:
    return index


def _regroup(groups: dict[int, list[tuple[float, int]]], group: Callable[[int], int]) -> None:
    """Key the entries of groups joined since by the group they are in now."""
    moved = [key for key in groups if group(key) != key]
    for key in moved:
        groups.setdefault(group(key), []).extend(groups.pop(key))


def point_km(profile: Profile) -> tuple[float, float, float] | None:
    """An event's point on the sphere in 3-D, in km (``None``: no coordinates)."""
    place = profile.location
    if place is None or place.lat is None or place.lon is None:
        return None
    phi, lam = math.radians(place.lat), math.radians(place.lon)
    return (
        _EARTH_RADIUS_KM * math.cos(phi) * math.cos(lam),
        _EARTH_RADIUS_KM * math.cos(phi) * math.sin(lam),
        _EARTH_RADIUS_KM * math.sin(phi),
    )
