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
# Pairs of casts with more pairs than this, the larger of more events than _SMALL_CAST
# (its 27 cells looked up per event of the other), are found through the place grid
# when the place allows pairs at most _GRID_KM apart (else it would rule out little).
_SMALL_PRODUCT = 64
_SMALL_CAST = 24
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
    # Each cast's partners: the later casts sharing an actor with it.
    partners: dict[int, set[int]] = {}
    for numbers in by_actor.values():
        for position, first in enumerate(numbers):
            partners.setdefault(first, set()).update(numbers[position + 1 :])
    for first in sorted(partners):  # in the casts' order, whatever the order of the actors
        seconds = sorted(partners[first])
        yield from _across(block, casts[first], [casts[n] for n in seconds], strict)


def _across(
    block: Block, left: _Cast, rights: list[_Cast], strict: Set[int]
) -> Iterator[tuple[int, int]]:
    """The pairs of ``left`` and each cast of ``rights`` that may reach the threshold."""
    group = block.group
    joined = left.group(group) if group is not None else None
    for right in rights:
        if not left.strict and not right.strict:
            continue  # pairs of events free of the actors rule are given with those events
        if joined is not None and group is not None and joined == right.group(group):
            continue  # the two casts are in one group already
        actors = _actors_score(left.actors, right.actors) or 0.0
        if not any(block.may_reach(actors, a & b) for a in left.masks for b in right.masks):
            continue
        test, in_reach = block.pair_test(actors), block.in_reach
        either = left.all_strict or right.all_strict
        small, large = (left, right) if len(left.members) <= len(right.members) else (right, left)
        for i, others in _partners(block, actors, small, large):
            mine = group(i) if group is not None else i
            for j in others:
                if not either and i not in strict and j not in strict:
                    continue
                if (group is None or group(j) != mine) and test(i, j) and in_reach(i, j):
                    yield (min(i, j), max(i, j))
                    if group is not None:  # the pair may have joined the groups
                        mine, joined = group(i), left.group(group)


def _partners(
    block: Block, actors: float, left: _Cast, right: _Cast
) -> Iterator[tuple[int, Iterable[int]]]:
    """The events of ``left``, each with the events of ``right`` (the larger cast)
    that the place does not rule out.

    Small pairs of casts are given whole (the pair test rules pairs out). For
    large ones, events without coordinates are given every partner; pairs of
    events with coordinates, when the place score needed allows them only a
    short distance apart, are found through a grid of cells that wide,
    looking in the 27 cells around each event.
    """
    if (
        len(left.members) * len(right.members) <= _SMALL_PRODUCT
        or len(right.members) <= _SMALL_CAST
    ):
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
