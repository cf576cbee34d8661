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
from typing import Final

from ._bounds import Block
from ._scores import actors_score as _actors_score

Cell = tuple[int, int, int]
_AROUND: Final = tuple(product((-1, 0, 1), repeat=3))  # a cell and its neighbours
# Pairs of casts with more pairs than this are found through the place grid.
_SMALL_PRODUCT = 64


class _Cast:
    """The events of a block with the same actors, and what the bounds read of them."""

    def __init__(self, block: Block, members: list[int], strict: Set[int]) -> None:
        self.members = members
        self.actors = block.profiles[members[0]].actors
        self.strict = not strict.isdisjoint(members)
        self.all_strict = all(index in strict for index in members)
        self.most = max(block.others(index) for index in members)
        self.located = [index for index in members if index in block.points]
        self.elsewhere = [index for index in members if index not in block.points]
        self.most_located = max((block.others(index) for index in self.located), default=0.0)
        # By cell size: the cell of each located event, and the events in each cell.
        self._grids: dict[float, tuple[list[Cell], dict[Cell, list[int]]]] = {}

    def grid(self, block: Block, size_km: float) -> tuple[list[Cell], dict[Cell, list[int]]]:
        found = self._grids.get(size_km)
        if found is None:
            cells = [_cell(block.points[index], size_km) for index in self.located]
            table: dict[Cell, list[int]] = {}
            for index, cell in zip(self.located, cells, strict=True):
                table.setdefault(cell, []).append(index)
            found = self._grids[size_km] = (cells, table)
        return found


def cast_pairs(
    block: Block, members_by_cast: list[list[int]], strict: Set[int]
) -> Iterator[tuple[int, int]]:
    """Pairs sharing an actor with a ``strict`` event in them: within each cast,
    then across each pair of casts sharing an actor, each pair once."""
    casts = [_Cast(block, members, strict) for members in members_by_cast]
    by_actor: dict[str, list[int]] = {}
    for number, cast in enumerate(casts):
        if len(cast.members) > 1 and cast.strict:
            for i, j in block.close_in_time(cast.members):
                if i in strict or j in strict:
                    yield (i, j)
        for key in frozenset().union(*cast.actors.values()):
            by_actor.setdefault(key, []).append(number)
    crossed: set[tuple[int, int]] = set()
    for numbers in by_actor.values():
        for position, first in enumerate(numbers):
            crossed.update((first, second) for second in numbers[position + 1 :])
    for first, second in crossed:
        yield from _across(block, casts[first], casts[second], strict)


def _across(block: Block, left: _Cast, right: _Cast, strict: Set[int]) -> Iterator[tuple[int, int]]:
    """The pairs of two casts that may reach the threshold."""
    if not left.strict and not right.strict:
        return  # pairs of events free of the actors rule are given with those events
    actors = _actors_score(left.actors, right.actors) or 0.0
    if not block.may_reach(actors, min(left.most, right.most)):
        return
    if len(left.members) * len(right.members) <= _SMALL_PRODUCT:
        candidates: Iterable[tuple[int, int]] = product(left.members, right.members)
    else:
        candidates = _near(block, actors, left, right)
    test, in_reach, group = block.pair_test(actors), block.in_reach, block.group
    either = left.all_strict or right.all_strict
    for i, j in candidates:
        if not either and i not in strict and j not in strict:
            continue
        if (group is None or group(i) != group(j)) and test(i, j) and in_reach(i, j):
            yield (min(i, j), max(i, j))


def _near(block: Block, actors: float, left: _Cast, right: _Cast) -> Iterator[tuple[int, int]]:
    """The pairs of two large casts that the place does not rule out.

    Pairs with an event without coordinates are all given (the pair test rules
    them out by the aspects both give); pairs of events with coordinates are
    found through a grid of cells as wide as the distance the place score
    needed allows, looking in the 27 cells around each event.
    """
    yield from product(left.elsewhere, right.members)
    yield from product(left.located, right.elsewhere)
    if not left.located or not right.located:
        return
    distance = block.distance_km(actors, min(left.most_located, right.most_located))
    if distance == math.inf:
        yield from product(left.located, right.located)
    elif distance >= 0:
        cells, _ = left.grid(block, distance)
        _, table = right.grid(block, distance)
        for i, (x, y, z) in zip(left.located, cells, strict=True):
            for dx, dy, dz in _AROUND:
                for j in table.get((x + dx, y + dy, z + dz), ()):
                    yield (i, j)


def _cell(point: tuple[float, float, float], size_km: float) -> Cell:
    x, y, z = point
    return (math.floor(x / size_km), math.floor(y / size_km), math.floor(z / size_km))
