"""Blocking for :func:`~secevents.linking.similarity.similar_pairs`: pairs that may reach one.

Comparing every pair of a day of GDELT (150,000 rows, all ``coded_event``) would
take hours. Most pairs can be ruled out without scoring them, by bounds that
follow from how the score is built (``type × weighted mean of the aspects both
events give``, see :class:`~secevents.linking.similarity.Similarity`):

- **kind**: only events of the same type tag (coded events: same scheme and code)
  are compared; other pairs are different kinds of event and never grouped;
- **date**: a pair's score is at most ``(W + w_date·d) / (W + w_date)``, where
  ``d`` is its date score and ``W`` the weight of the other aspects both events
  give (all scoring 1 at best). Reaching the threshold ``t`` needs
  ``d ≥ t − (1 − t)·W / w_date``; as ``d = 0.5 × 2^(-gap / 7 days)`` for dates
  ``gap`` days apart, each event has a *reach* in days beyond which no pair
  can score ``t`` (infinite when ``d`` may be 0, as at ``t`` = 0.75 with every
  aspect given; 9.25 days for GDELT rows, which give no quantities);
- **actors**: two events that both name actors but share none score 0 on
  actors, so at most ``W / (W + w_actors)``; when that is below ``t`` (it is at
  most 0.65 < 0.75 with the default weights) they must share an actor key.

Undated events are compared with every event of their kind (a date cannot rule
them out), and so are events without actors. The bounds use the aspects each
event *could* give, so they never lose a pair scoring at least ``t``.
"""

from __future__ import annotations

import math
from collections.abc import Hashable, Iterable, Iterator, Mapping, Sequence
from typing import TYPE_CHECKING, Final

if TYPE_CHECKING:
    from ._profile import Profile

# Slack for rounding in the score: a bound only rules a pair out when clearly below.
_EPSILON: Final = 1e-9
_GAP_HALF_DAYS: Final = 7.0  # as in similarity: the date score halves every 7 days apart


def candidate_pairs(
    profiles: Sequence[Profile], threshold: float, weights: Mapping[str, float]
) -> list[tuple[int, int]]:
    """Index pairs ``(i, j)``, ``i < j``, that may score ``threshold``, sorted."""
    blocks: dict[Hashable, list[int]] = {}
    for index, profile in enumerate(profiles):
        blocks.setdefault((profile.tag, profile.scheme, profile.code), []).append(index)
    found: set[tuple[int, int]] = set()
    for indices in blocks.values():
        if len(indices) > 1:
            found.update(_block_pairs(indices, profiles, threshold, weights))
    return sorted(found)


def _possible(profile: Profile) -> dict[str, bool]:
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


def _reach(given: dict[str, bool], threshold: float, weights: Mapping[str, float]) -> float:
    """Days apart beyond which no pair with this event can score ``threshold``."""
    others, own = _other_weight(given, "date", weights), weights["date"]
    needed = ((threshold - _EPSILON) * (others + own) - others) / own
    if needed <= 0:
        return math.inf
    if needed >= 0.5:  # dates apart score below 0.5: only overlapping dates may do
        return 0.0
    return _GAP_HALF_DAYS * math.log2(0.5 / needed) * (1 + _EPSILON) + _EPSILON


def _needs_shared_actor(
    given: dict[str, bool], threshold: float, weights: Mapping[str, float]
) -> bool:
    """Whether a pair with this event, both naming actors, must share one to score ``threshold``."""
    others = _other_weight(given, "actors", weights)
    return others / (others + weights["actors"]) < threshold - _EPSILON


def _block_pairs(
    indices: list[int],
    profiles: Sequence[Profile],
    threshold: float,
    weights: Mapping[str, float],
) -> Iterator[tuple[int, int]]:
    """The pairs of one kind that neither the date nor the actors rule out."""
    reach: dict[int, float] = {}
    strict: set[int] = set()  # events whose pairs must share an actor
    for index in indices:
        given = _possible(profiles[index])
        reach[index] = _reach(given, threshold, weights)
        if given["actors"] and _needs_shared_actor(given, threshold, weights):
            strict.add(index)
    silent = [index for index in indices if not profiles[index].actors]
    # Pairs sharing an actor, those of the events free of the rule, and those of
    # events without actors (where the actors aspect cannot be compared).
    by_actor: dict[str, list[int]] = {}
    for index in indices:
        for key in frozenset().union(*profiles[index].actors.values()):
            by_actor.setdefault(key, []).append(index)
    for sharing in by_actor.values():
        yield from _close_in_time(sharing, profiles, reach)
    yield from _close_in_time([i for i in indices if i not in strict], profiles, reach)
    if silent and strict:
        quiet = set(silent)
        for pair in _close_in_time([*silent, *sorted(strict)], profiles, reach):
            if quiet.intersection(pair):
                yield pair


def _close_in_time(
    indices: Iterable[int], profiles: Sequence[Profile], reach: dict[int, float]
) -> Iterator[tuple[int, int]]:
    """Pairs whose dates are within both events' reach (or one of them undated)."""
    members = list(indices)
    undated = [index for index in members if profiles[index].window is None]
    for index in undated:
        for other in members:
            if other != index:
                yield (min(index, other), max(index, other))
    dated: list[tuple[int, int, int]] = []
    for index in members:
        window = profiles[index].window
        if window is not None:
            dated.append((window[0], window[1], index))
    dated.sort()
    latest = {index: high for _, high, index in dated}
    active: list[tuple[float, int]] = []  # (latest day + reach, index), by earliest day
    for low, high, index in dated:
        active = [(end, other) for end, other in active if end >= low]
        for _, other in active:
            if low - min(high, latest[other]) <= min(reach[index], reach[other]):
                yield (min(index, other), max(index, other))
        active.append((high + reach[index], index))
