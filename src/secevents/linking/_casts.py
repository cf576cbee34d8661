"""Candidate pairs of events sharing an actor, cast by cast (see :mod:`._blocking`).

A *cast* is the events of a block with the same actors by role class: every
pair of two casts has the same actors score, so the bounds rule out a pair of
casts at once, and the place grid finds the pairs of two large casts whose
places may make up for their actors.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Iterable, Iterator, Set
from itertools import chain, product
from typing import Final

from ._bounds import Block
from ._scores import actors_score as _actors_score

Cell = tuple[int, int, int]
_AROUND: Final = tuple(product((-1, 0, 1), repeat=3))  # a cell and its neighbours
# Pairs of casts with more pairs than this are found through the place grid, when
# the place allows pairs at most _GRID_KM apart (else the grid would rule out little).
_SMALL_PRODUCT = 64
_GRID_KM = 500.0


class _Cast:
    """The events of a block with the same actors, and what the bounds read of them."""

    def __init__(self, block: Block, members: list[int], strict: Set[int]) -> None:
        self.members = members
        self.actors = block.profiles[members[0]].actors
        self.strict = not strict.isdisjoint(members)
        self.all_strict = all(index in strict for index in members)
        self.located = [index for index in members if index in block.points]
        self.elsewhere = [index for index in members if index not in block.points]
        # The sets of aspects the members give (of all, of those with coordinates).
        self.masks = {block.masks[index] for index in members}
        self.located_masks = {block.masks[index] for index in self.located}
        self._joined = 1  # members[:_joined] are in one group (groups only ever join)
        # By cell size: the cell of each located event, and the events in each cell.
        self._grids: dict[float, tuple[list[Cell], dict[Cell, list[int]]]] = {}

    def group(self, group: Callable[[int], int]) -> int | None:
        """The group all the members are in, ``None`` while they are in more than one."""
        members, first = self.members, group(self.members[0])
        while self._joined < len(members):
            if group(members[self._joined]) != first:
                return None
            self._joined += 1
        return first

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
            alike = block.pair_test(_actors_score(cast.actors, cast.actors) or 0.0)
            for i, j in block.close_in_time(cast.members, alike):
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
    group = block.group
    if group is not None:
        joined = left.group(group)
        if joined is not None and joined == right.group(group):
            return  # the two casts are in one group already
    actors = _actors_score(left.actors, right.actors) or 0.0
    if not any(block.may_reach(actors, a & b) for a in left.masks for b in right.masks):
        return
    test, in_reach = block.pair_test(actors), block.in_reach
    either = left.all_strict or right.all_strict
    for i, partners in _partners(block, actors, left, right):
        mine = group(i) if group is not None else i
        for j in partners:
            if not either and i not in strict and j not in strict:
                continue
            if (group is None or group(j) != mine) and test(i, j) and in_reach(i, j):
                yield (min(i, j), max(i, j))
                if group is not None:
                    mine = group(i)  # the pair may have joined the groups


def _partners(
    block: Block, actors: float, left: _Cast, right: _Cast
) -> Iterator[tuple[int, Iterable[int]]]:
    """The events of ``left``, each with the events of ``right`` the place does not rule out.

    Small pairs of casts are given whole (the pair test rules pairs out). For
    large ones, events without coordinates are given every partner; pairs of
    events with coordinates, when the place score needed allows them only a
    short distance apart, are found through a grid of cells that wide,
    looking in the 27 cells around each event.
    """
    if len(left.members) * len(right.members) <= _SMALL_PRODUCT:
        for index in left.members:
            yield index, right.members
        return
    for index in left.elsewhere:
        yield index, right.members
    distance = -1.0
    if left.located and right.located:
        distance = max(
            block.distance_km(actors, a & b)
            for a in left.located_masks
            for b in right.located_masks
        )
    if distance < 0 or distance > _GRID_KM:
        partners = right.elsewhere if distance < 0 else right.members
        for index in left.located:
            yield index, partners
        return
    cells, _ = left.grid(block, distance)
    _, table = right.grid(block, distance)
    for index, (x, y, z) in zip(left.located, cells, strict=True):
        near = (table.get((x + dx, y + dy, z + dz), ()) for dx, dy, dz in _AROUND)
        yield index, chain(right.elsewhere, *near)


def _cell(point: tuple[float, float, float], size_km: float) -> Cell:
    x, y, z = point
    return (math.floor(x / size_km), math.floor(y / size_km), math.floor(z / size_km))
