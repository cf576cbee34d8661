"""Candidate pairs of events sharing an actor, cast by cast (see :mod:`._blocking`).

A *cast* is the events of a block with the same actors by role class: every
pair of two casts has the same actors score, so the bounds rule out a pair of
casts at once, and the place grid finds the pairs of two large casts whose
places may make up for their actors.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Iterator, Set
from itertools import product

from ._bounds import Block
from .similarity import _actors_score

# Pairs of casts with more pairs than this are found through the place grid.
_SMALL_PRODUCT = 256


def cast_pairs(block: Block, casts: list[list[int]], strict: Set[int]) -> Iterator[tuple[int, int]]:
    """Pairs sharing an actor with a ``strict`` event in them: within each cast,
    then across each pair of casts sharing an actor, each pair once."""
    profiles = block.profiles
    by_actor: dict[str, list[int]] = {}
    for number, members in enumerate(casts):
        if len(members) > 1 and not strict.isdisjoint(members):
            for i, j in block.close_in_time(members):
                if i in strict or j in strict:
                    yield (i, j)
        for key in frozenset().union(*profiles[members[0]].actors.values()):
            by_actor.setdefault(key, []).append(number)
    crossed: set[tuple[int, int]] = set()
    for numbers in by_actor.values():
        for position, first in enumerate(numbers):
            crossed.update((first, second) for second in numbers[position + 1 :])
    for first, second in crossed:
        yield from _across(block, casts[first], casts[second], strict)


def _across(
    block: Block, left: list[int], right: list[int], strict: Set[int]
) -> Iterator[tuple[int, int]]:
    """The pairs of two casts that may reach the threshold."""
    if strict.isdisjoint(left) and strict.isdisjoint(right):
        return  # pairs of events free of the actors rule are given with those events
    profiles = block.profiles
    actors = _actors_score(profiles[left[0]].actors, profiles[right[0]].actors) or 0.0
    if not block.may_reach(actors, min(_most(block, left), _most(block, right))):
        return
    if len(left) * len(right) <= _SMALL_PRODUCT:
        candidates: Iterable[tuple[int, int]] = product(left, right)
    else:
        candidates = _near(block, actors, left, right)
    test = block.pair_test(actors)
    for i, j in candidates:
        if (i in strict or j in strict) and block.in_reach(i, j) and test(i, j):
            if block.group is not None and block.group(i) == block.group(j):
                continue
            yield (min(i, j), max(i, j))


def _most(block: Block, members: Iterable[int], *, place: bool = True) -> float:
    return max((block.others(index, place=place) for index in members), default=0.0)


def _near(
    block: Block, actors: float, left: list[int], right: list[int]
) -> Iterator[tuple[int, int]]:
    """The pairs of two large casts that the place does not rule out.

    Pairs with an event without coordinates are all given (the pair test rules
    them out by the aspects both give); pairs of events with coordinates are
    found through a grid of cells as wide as the distance the place score
    needed allows, looking in the 27 cells around each event.
    """
    located = [[i for i in side if i in block.points] for side in (left, right)]
    elsewhere = [[i for i in side if i not in block.points] for side in (left, right)]
    yield from product(elsewhere[0], right)
    yield from product(located[0], elsewhere[1])
    if not located[0] or not located[1]:
        return
    others = min(_most(block, located[0]), _most(block, located[1]))
    distance = block.distance_km(actors, others)
    if distance == math.inf:
        yield from product(located[0], located[1])
    elif distance >= 0:
        yield from _grid_pairs(block, located[0], located[1], distance)


def _grid_pairs(
    block: Block, left: list[int], right: list[int], size_km: float
) -> Iterator[tuple[int, int]]:
    """Pairs of ``left`` and ``right`` at most ``size_km`` apart (and some more)."""
    cells: dict[tuple[int, int, int], list[int]] = {}
    for j in right:
        cells.setdefault(_cell(block.points[j], size_km), []).append(j)
    steps = (-1, 0, 1)
    for i in left:
        x, y, z = _cell(block.points[i], size_km)
        for dx, dy, dz in product(steps, steps, steps):
            for j in cells.get((x + dx, y + dy, z + dz), ()):
                yield (i, j)


def _cell(point: tuple[float, float, float], size_km: float) -> tuple[int, int, int]:
    x, y, z = point
    return (math.floor(x / size_km), math.floor(y / size_km), math.floor(z / size_km))
