"""The bounds that rule pairs out before scoring: never a pair that would join.

The bounds work out a pair's best score with the scorer's own arithmetic
(``secevents.linking._best``), so they hold at the threshold itself, where the
score rounds: two same-day reports with the same actors score 0.75 in exact
arithmetic however far apart, but 0.7499999999999999 beyond about 2,580 km.
"""

from __future__ import annotations

import importlib
import math
from collections.abc import Callable
from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

import secevents as se
from secevents.linking import _best, _blocking
from secevents.linking import _casts as casts_module
from secevents.linking._bounds import Block
from secevents.linking._scores import unit, weighted
from secevents.linking.merging import cluster
from secevents.linking.similarity import Similarity, similarity

similarity_module = importlib.import_module("secevents.linking.similarity")
WEIGHTS = _best.frozen(Similarity.WEIGHTS)
DAY = se.DateSpan.parse("2026-01-01")
USA, CHN, RUS = (se.Actor.state(code) for code in ("USA", "CHN", "RUS"))
KM_PER_DEGREE = 2 * math.pi * 6371.0088 / 360  # along the equator


def report(target: se.Actor | None, km_east: float, **fields: Any) -> se.CodedEvent:
    place = se.Location(lat=0.0, lon=km_east / KM_PER_DEGREE, country="KEN")
    return se.CodedEvent(
        scheme="cameo", code="111", date=DAY, actor=USA, target=target, location=place, **fields
    )


def candidates(items: list[se.Event], threshold: float) -> set[tuple[int, int]]:
    profiles = [similarity_module._profile(event) for event in items]
    found = list(_blocking.candidate_pairs(profiles, threshold, Similarity.WEIGHTS))
    assert len(found) == len(set(found)) and all(i < j for i, j in found)
    return set(found)


def joining(items: list[se.Event], threshold: float) -> set[tuple[int, int]]:
    """Every pair of one kind scoring ``threshold`` (comparing every pair)."""
    kinds = [(e.type_tag, getattr(e, "scheme", None), getattr(e, "code", None)) for e in items]
    return {
        (i, j)
        for i in range(len(items))
        for j in range(i + 1, len(items))
        if kinds[i] == kinds[j] and similarity(items[i], items[j]).score >= threshold
    }


def with_grid_everywhere(run: Callable[[], Any]) -> Any:
    """``run()`` with every pair of casts found through the place grid."""
    saved = casts_module._SMALL_PRODUCT, casts_module._SMALL_CAST, casts_module._GRID_KM
    casts_module._SMALL_PRODUCT, casts_module._SMALL_CAST, casts_module._GRID_KM = 0, 0, math.inf
    try:
        return run()
    finally:
        casts_module._SMALL_PRODUCT, casts_module._SMALL_CAST, casts_module._GRID_KM = saved


def test_same_actors_far_apart_score_below_the_threshold_by_rounding() -> None:
    near, far = report(CHN, 0.0), report(CHN, 2_000.0)
    farther = report(CHN, 3_000.0)
    assert similarity(near, far).score >= 0.75 > similarity(near, farther).score
    assert similarity(near, farther).score == 0.7499999999999999
    items: list[se.Event] = [near, far, farther]
    # 0-1 and 1-2 are 2,000 and 1,000 km apart: all three join, but 0-2 is not given.
    assert candidates(items, 0.75) == {(0, 1), (1, 2)} == joining(items, 0.75)
    assert cluster(items) == [items]
    assert cluster([near, farther]) == [[near], [farther]]


def test_the_distance_allowed_is_where_the_rounded_score_reaches_the_threshold() -> None:
    given = _best.ACTORS | _best.DATE | _best.PLACE
    limit = _best.distance_km(0.75, WEIGHTS, 1.0, given)
    inside, outside = report(CHN, limit * 0.999), report(CHN, limit * 1.001)
    origin = report(CHN, 0.0)
    assert similarity(origin, inside).score >= 0.75 > similarity(origin, outside).score
    # Sharing half their actors (the target differs), the place must score 0.875.
    half = _best.distance_km(0.75, WEIGHTS, 0.5, given)
    assert 9.6 < half < 9.7
    assert similarity(origin, report(RUS, 9.5)).score >= 0.75
    assert similarity(origin, report(RUS, 9.8)).score < 0.75


aspect = st.none() | st.floats(0, 1)
thresholds = st.sampled_from([0.0, 0.5, 0.7, 0.75, 0.8, 0.9, 1.0]) | st.floats(0, 1)
MAYBE = (_best.PLACE, 1 << _best.ASPECTS.index("quantities"), 1 << _best.ASPECTS.index("details"))


@given(
    st.floats(0, 1),
    st.fixed_dictionaries({"date": aspect, "quantities": aspect, "details": aspect}),
    st.none()
    | st.sampled_from([9.6, 9.63, 33.9, 2_575.0, 2_580.0, 2_583.0])
    | st.floats(0, 25_000),
    st.lists(st.sampled_from(MAYBE), max_size=3),
    thresholds,
)
def test_the_best_score_is_never_below_the_score(
    actors: float,
    others: dict[str, float | None],
    distance: float | None,
    uncompared: list[int],
    threshold: float,
) -> None:
    place = None if distance is None else math.pow(2.0, -distance / 50.0)
    aspects = {"actors": actors, **others, "place": place}
    score = unit(weighted(1.0, aspects, Similarity.WEIGHTS))
    mask = sum(1 << n for n, name in enumerate(_best.ASPECTS) if aspects[name] is not None)
    # Both events may give an aspect that is not compared (measures of other names...).
    mask |= sum(set(uncompared)) & ~(_best.PLACE if distance is not None else 0)
    if score >= threshold:
        assert _best.may_score(threshold, WEIGHTS, actors, mask)
        if distance is not None:
            assert distance <= _best.distance_km(threshold, WEIGHTS, actors, mask)


# Points on the equator: a few km apart (around the 9.6 km two casts sharing half their
# actors may be), and around the 2,580 km beyond which the same actors round below 0.75.
KM = (0.0, 5.0, 9.5, 9.8, 30.0, 40.0, 2_500.0, 2_575.0, 2_580.0, 2_590.0, 2_700.0, 5_000.0)


@st.composite
def reports(draw: st.DrawFn) -> se.Event:
    km = draw(st.sampled_from(KM) | st.floats(0, 3_000))
    fields: dict[str, Any] = {
        "location": draw(
            st.sampled_from([se.Location(lat=0.0, lon=km / KM_PER_DEGREE), None])
            | st.just(se.Location(country="KEN"))
        ),
        "date": draw(st.sampled_from([DAY, se.DateSpan.parse("2026-01-03"), None])),
    }
    if draw(st.integers(0, 3)):
        return se.CodedEvent(
            scheme="cameo",
            code="111",
            actor=draw(st.sampled_from([USA, CHN, None])),
            target=draw(st.sampled_from([CHN, RUS, None])),
            fatalities=draw(st.none() | st.sampled_from([se.Quantity(2), se.Quantity(3)])),
            **fields,
        )
    return se.JointExercise(
        participants=tuple(draw(st.lists(st.sampled_from([USA, CHN, RUS]), unique=True))),
        name=draw(st.none() | st.sampled_from(["Rubezh", "Zapad"])),
        **fields,
    )


@settings(max_examples=200)
@given(st.lists(reports(), max_size=30), thresholds)
def test_pruning_never_drops_a_pair_that_would_join(
    items: list[se.Event], threshold: float
) -> None:
    needed = joining(items, threshold)
    assert needed <= candidates(items, threshold)
    assert needed <= with_grid_everywhere(lambda: candidates(items, threshold))


def test_a_sweep_skips_a_group_at_once_not_event_by_event() -> None:
    # 400 reports of one day, a few km apart: once they are one group, each later
    # report looks at the group once (counted group reads), not at its 399 members.
    items = [report(CHN, km / 10) for km in range(400)]
    profiles = [similarity_module._profile(event) for event in items]
    reads = 0

    def one_group(index: int) -> int:
        nonlocal reads
        reads += 1
        return 0

    block = Block(profiles, 0.75, Similarity.WEIGHTS, one_group)
    for index, profile in enumerate(profiles):
        block.add(index, {"actors": True, "date": True, "place": True} | _none_else(profile))
    members = list(range(len(items)))
    assert list(block.close_in_time(members, block.pair_test(1.0))) == []
    assert reads <= 4 * len(items)
    # Without groups every pair within reach is given.
    block.group = None
    assert len(list(block.close_in_time(members, block.pair_test(1.0)))) == 400 * 399 // 2


def _none_else(profile: Any) -> dict[str, bool]:
    return {"quantities": bool(profile.measures), "details": bool(profile.details)}
