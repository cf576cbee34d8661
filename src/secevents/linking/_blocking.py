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
  most 0.65 < 0.75 with the default weights) they must share an actor key;
- **actor sets**: events with the same actors (by role class) form a *cast*,
  and every pair of two casts scores the same actors score ``A``, so a pair of
  casts is ruled out at once when ``(w_actors·A + W) / (w_actors + W) < t``;
- **place**: when it is not, and both events have coordinates, the place score
  must make up the rest: at least ``p``, so they are at most
  ``-50 km · log2(p)`` apart; such pairs are found through a grid of cells
  that size in 3-D (a chord is never longer than the great-circle distance),
  looking in the 27 cells around each event. A day of GDELT with many events
  of one code and actor (say "USA" in CAMEO 010) compares, across casts, only
  events a few kilometres apart.

The bounds of casts and places are worked out with the scorer's own arithmetic
(:mod:`secevents.linking._best`), so they also hold where the score rounds:
two same-day rows with the same actors score 0.7499999999999999 once more than
about 2,580 km apart, and are not compared, within a cast too. Date sweeps keep
the events still in reach by group, so that an event skips a whole group at
once when it has joined it.

Undated events are compared with every event of their kind (a date cannot rule
them out), and so are events without actors. The bounds use the aspects each
event *could* give, so they never lose a pair scoring at least ``t``: the pairs
are exactly those comparing every pair finds (tests check it against brute
force), each given once, streamed block by block.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable, Iterator, Mapping, Sequence
from typing import TYPE_CHECKING

from ._bounds import Block, needs_shared_actor, possible
from ._casts import cast_pairs

if TYPE_CHECKING:
    from ._profile import Profile


def candidate_pairs(
    profiles: Sequence[Profile],
    threshold: float,
    weights: Mapping[str, float],
    group: Callable[[int], int] | None = None,
) -> Iterator[tuple[int, int]]:
    """Index pairs ``(i, j)``, ``i < j``, that may score ``threshold``, each given once.

    The pairs are streamed block by block (a block: one kind of event), in no
    particular order, so memory holds the blocks' indices and never the pairs.
    With ``group`` (an event's group so far, as :func:`~secevents.linking.merging.cluster`
    joins them), a pair whose events are in one group when its turn comes is left out.
    """
    blocks: dict[Hashable, list[int]] = {}
    for index, profile in enumerate(profiles):
        blocks.setdefault((profile.tag, profile.scheme, profile.code), []).append(index)
    for indices in blocks.values():
        if len(indices) > 1:
            yield from _block_pairs(Block(profiles, threshold, weights, group), indices)


def _block_pairs(block: Block, indices: list[int]) -> Iterator[tuple[int, int]]:
    """The pairs of one kind that no bound rules out, each once.

    Three disjoint sets of pairs: those with an event of ``strict`` (whose pairs
    must share an actor) and an event sharing an actor with it, cast by cast;
    those of two events free of the rule; those of an event without actors and
    a ``strict`` one (the actors aspect cannot be compared).
    """
    profiles, threshold, weights = block.profiles, block.threshold, block.weights
    strict: set[int] = set()
    casts: dict[frozenset[tuple[str, frozenset[str]]], list[int]] = {}
    silent: list[int] = []
    for index in indices:
        given = possible(profiles[index])
        block.add(index, given)
        if not given["actors"]:
            silent.append(index)
            continue
        if needs_shared_actor(given, threshold, weights):
            strict.add(index)
        casts.setdefault(frozenset(profiles[index].actors.items()), []).append(index)
    yield from cast_pairs(block, list(casts.values()), strict)
    # Pairs of events free of the actors rule may share no actor (or name none).
    anyone = block.pair_test(1.0)
    yield from block.close_in_time([i for i in indices if i not in strict], anyone)
    if silent and strict:
        yield from block.close_in_time([*silent, *sorted(strict)], anyone, side=set(silent))
