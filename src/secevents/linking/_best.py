"""The best score a pair of one kind may have, rounded as the scorer rounds it.

The bounds of :mod:`secevents.linking._blocking` ask what a pair may score at
best from what they know before scoring it: which aspects both events give
(a *mask*, one bit per aspect), the actors score of two casts, and for two
events with coordinates the distance between them. The answer is worked out
with :func:`~secevents.linking._scores.weighted`, the scorer's own arithmetic,
with every unknown aspect at its best (1): the score only grows with each
aspect's value, also in floating point (each sum, product and quotient rounds
monotonically), so a pair ruled out at its best cannot reach the threshold.

This matters at the threshold itself: two GDELT rows with the same actors on the
same day score ``(0.35 + 0.25 + 0.2 × place) / 0.8``, which is 0.75 and more in
exact arithmetic, but rounds to 0.7499999999999999 when the place score is below
about 3e-16, that is, when the places are more than about 2,580 km apart.
Comparing every pair does not join them, so the bounds must not either.

Aspects that may not be compared although both events give them (quantities and
details of different names, places known by different levels) are tried both
ways: in floating point, leaving an aspect at 1 out of a mean can raise it.
"""

from __future__ import annotations

import functools
import math
from collections.abc import Mapping
from typing import Final

from ._scores import unit, weighted

ASPECTS: Final = ("actors", "date", "place", "quantities", "details")
ACTORS: Final = 1 << ASPECTS.index("actors")
DATE: Final = 1 << ASPECTS.index("date")
PLACE: Final = 1 << ASPECTS.index("place")
# Compared only when both events give a value of one name (a measure, a detail).
_MAYBE: Final = (1 << ASPECTS.index("quantities"), 1 << ASPECTS.index("details"))
_DISTANCE_HALF_KM: Final = 50.0  # as in similarity: the place score halves every 50 km
_EARTH_RADIUS_KM: Final = 6371.0088
# No two points on the sphere are farther apart (half a great circle), with a margin.
_FARTHEST_KM: Final = math.pi * _EARTH_RADIUS_KM * 1.001
# Slack for the distance: the grid and the pair test use chords in km, computed
# otherwise than the scorer's haversine distance.
_RELATIVE: Final = 1e-9
_ABSOLUTE_KM: Final = 1e-6

Weights = tuple[tuple[str, float], ...]


def frozen(weights: Mapping[str, float]) -> Weights:
    """The weights as a key of the caches below."""
    return tuple(weights.items())


@functools.lru_cache(maxsize=4096)
def may_score(threshold: float, weights: Weights, actors: float, mask: int) -> bool:
    """Whether a pair comparing at most the aspects of ``mask`` may score ``threshold``,
    actors scoring ``actors`` and every other aspect 1 at best.

    >>> weights = frozen({"actors": 0.35, "date": 0.25, "place": 0.2,
    ...                   "quantities": 0.1, "details": 0.1})
    >>> half = 0.5  # sharing half their actors
    >>> given = ACTORS | DATE | PLACE
    >>> may_score(0.75, weights, half, given), may_score(0.75, weights, half, ACTORS)
    (True, False)
    """
    return _at_best(threshold, weights, actors, mask, None)


def _at_best(
    threshold: float, weights: Weights, actors: float, mask: int, place: float | None
) -> bool:
    """Whether the pair may score ``threshold`` with the place scoring ``place``
    (``None``: unknown, at best 1, and perhaps not compared)."""
    table = dict(weights)
    maybe = [bit for bit in _MAYBE if mask & bit]
    if place is None and mask & PLACE:
        maybe.append(PLACE)
    certain = mask & ~sum(maybe)
    for chosen in range(1 << len(maybe)):
        present = certain | sum(bit for number, bit in enumerate(maybe) if chosen >> number & 1)
        aspects: dict[str, float | None] = {}
        for number, name in enumerate(ASPECTS):
            if present >> number & 1:
                aspects[name] = actors if name == "actors" else 1.0
        if present & PLACE and place is not None:
            aspects["place"] = place
        if unit(weighted(1.0, aspects, table)) >= threshold:
            return True
    return False


@functools.lru_cache(maxsize=4096)
def distance_km(threshold: float, weights: Weights, actors: float, mask: int) -> float:
    """How far apart (in km, as a chord) two events with coordinates may be for
    their pair to score ``threshold``: ``inf`` when any distance may do, negative
    when none may.

    >>> weights = frozen({"actors": 0.35, "date": 0.25, "place": 0.2,
    ...                   "quantities": 0.1, "details": 0.1})
    >>> given = ACTORS | DATE | PLACE
    >>> round(distance_km(0.75, weights, 0.5, given), 2)  # sharing half their actors
    9.63
    >>> round(distance_km(0.75, weights, 1.0, given))  # the same actors: see the module
    2584
    """

    def scores_at(distance: float) -> bool:  # the place score as the scorer computes it
        place = math.pow(2.0, -distance / _DISTANCE_HALF_KM)
        return _at_best(threshold, weights, actors, mask, place)

    if not scores_at(0.0):
        return -1.0
    if scores_at(_FARTHEST_KM):
        return math.inf
    near, far = 0.0, _FARTHEST_KM  # the pair may score at ``near``, not at ``far``
    for _ in range(64):
        middle = (near + far) / 2
        if middle in (near, far):
            break
        near, far = (middle, far) if scores_at(middle) else (near, middle)
    return far * (1 + _RELATIVE) + _ABSOLUTE_KM
