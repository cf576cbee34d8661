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

if TYPE_CHECKING:
    from ._profile import Profile

# Slack for rounding in the score: a bound only rules a pair out when clearly below.
EPSILON: Final = 1e-9
_GAP_HALF_DAYS: Final = 7.0  # as in similarity: the date score halves every 7 days apart
_DISTANCE_HALF_KM: Final = 50.0  # as in similarity: the place score halves every 50 km
_EARTH_RADIUS_KM: Final = 6371.0088
_ASPECTS: Final = ("actors", "date", "place", "quantities", "details")
_PLACE: Final = 1 << _ASPECTS.index("place")
_ACTORS: Final = 1 << _ASPECTS.index("actors")


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
        self.reach: dict[int, float] = {}
        self.masks: dict[int, int] = {}  # the aspects an event gives, one bit each
        self.points: dict[int, tuple[float, float, float]] = {}  # in km, when it has coordinates
        # The weight of a set of aspects (but actors), by mask.
        self.weight = [
            math.fsum(
                weights[name]
                for bit, name in enumerate(_ASPECTS)
                if mask & (1 << bit) and name != "actors"
            )
            for mask in range(1 << len(_ASPECTS))
        ]

    def add(self, index: int, given: dict[str, bool]) -> None:
        self.reach[index] = reach_days(given, self.threshold, self.weights)
        self.masks[index] = sum(1 << bit for bit, name in enumerate(_ASPECTS) if given[name])
        point = point_km(self.profiles[index])
        if point is not None:
            self.points[index] = point

    def others(self, index: int, *, place: bool = True) -> float:
        """The weight of the aspects other than actors (and place) an event gives."""
        mask = self.masks[index]
        return self.weight[mask if place else mask & ~_PLACE]

    def may_reach(self, actors: float, others: float) -> bool:
        """Whether a pair scoring ``actors`` on actors, and whose other aspects
        weigh at most ``others`` (each scoring 1 at best), may score the threshold."""
        own = self.weights["actors"]
        return actors * own + others >= (self.threshold - EPSILON) * (own + others)

    def in_reach(self, index: int, other: int) -> bool:
        """Whether two events' dates are close enough (or one is undated)."""
        first, second = self.profiles[index].window, self.profiles[other].window
        if first is None or second is None:
            return True
        gap = max(first[0], second[0]) - min(first[1], second[1])
        return gap <= min(self.reach[index], self.reach[other])

    def distance_km(self, actors: float, others: float) -> float:
        """How far apart two events with coordinates may be, with ``others`` the
        weight of the aspects (but actors) both give, place included: ``inf`` when
        the place need not score, negative when the pair cannot score the threshold."""
        if not self.may_reach(actors, others):
            return -1.0
        own, place = self.weights["actors"], self.weights["place"]
        rest = others - place
        needed = ((self.threshold - EPSILON) * (own + others) - own * actors - rest) / place
        if needed <= 0:
            return math.inf
        return -_DISTANCE_HALF_KM * math.log2(needed) * (1 + EPSILON) + 1e-6

    def close_in_time(
        self, members: Sequence[int], side: Set[int] | None = None
    ) -> Iterator[tuple[int, int]]:
        """Pairs whose dates are within both events' reach (or one of them undated),
        each once, but those already in one group. With ``side``, only the pairs of
        an event in ``side`` and one not in it.
        """
        profiles, reach, group = self.profiles, self.reach, self.group
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
                if group is None or group(index) != group(other):
                    yield (min(index, other), max(index, other))
        dated.sort()
        latest = {index: high for _, high, index in dated}
        # Events still within reach, (latest day + reach, index), by earliest day; with
        # ``side``, one list per side, and an event looks only at the other side's.
        active: dict[bool, list[tuple[float, int]]] = {False: [], True: []}
        for low, high, index in dated:
            own = side is not None and index in side
            looked = not own if side is not None else False
            active[looked] = [(end, other) for end, other in active[looked] if end >= low]
            mine = group(index) if group is not None else index
            for _, other in active[looked]:
                if low - min(high, latest[other]) > min(reach[index], reach[other]):
                    continue
                if group is not None and group(other) == mine:
                    continue
                yield (min(index, other), max(index, other))
                if group is not None:
                    mine = group(index)  # the pair may have joined the groups
            active[own].append((high + reach[index], index))

    def pair_test(self, actors: float) -> Callable[[int, int], bool]:
        """A test ruling out pairs of two casts whose actors score ``actors``:
        by the aspects both give, and for two events with coordinates, by the
        distance the place score needed allows (a chord in km, never longer
        than the great-circle distance)."""
        limits: dict[int, float] = {}  # the squared chord allowed, by the aspects both give
        masks, points, weight = self.masks, self.points, self.weight

        def test(index: int, other: int) -> bool:
            mask = masks[index] & masks[other]
            limit = limits.get(mask)
            if limit is None:
                if not mask & _PLACE:
                    limit = math.inf if self.may_reach(actors, weight[mask]) else -1.0
                else:
                    distance = self.distance_km(actors, weight[mask])
                    limit = distance * distance if distance >= 0 else -1.0
                limits[mask] = limit
            if limit < 0:
                return False
            if limit == math.inf or index not in points or other not in points:
                return True  # a place without coordinates is compared by country, name
            (x1, y1, z1), (x2, y2, z2) = points[index], points[other]
            return (x1 - x2) ** 2 + (y1 - y2) ** 2 + (z1 - z2) ** 2 <= limit

        return test


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
