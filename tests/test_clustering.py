"""cluster() at dataset scale: the same groups as comparing every pair, bounded work and memory.

The reference is the clustering every earlier version computed: the connected
components of "equal, or of one kind and scoring at least the threshold" over
every pair. The real data are same-day sets made of the GDELT sample's rows:
copies reported by other articles, and copies whose place or target is taken
from another row (so that casts are large and the place grid is used).
"""

from __future__ import annotations

import collections
import datetime as dt
import functools
import importlib
import itertools
import math
import tracemalloc
from collections.abc import Callable
from pathlib import Path
from typing import Any, ClassVar, cast

import attrs
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import secevents as se
from secevents.interop import read_gdelt
from secevents.linking import _casts as casts_module
from secevents.linking.merging import cluster
from secevents.linking.similarity import similarity
from secevents.testing import events

GDELT = Path(__file__).parent / "data" / "realdata" / "gdelt"
SAMPLE = GDELT / "EVENT_V2_20260101000000_20260101000100.csv"
clusters_module = importlib.import_module("secevents.linking._clusters")


def kind(event: se.Event) -> tuple[str, object, object]:
    return (event.type_tag, getattr(event, "scheme", None), getattr(event, "code", None))


def reference(items: list[se.Event], threshold: float) -> list[list[se.Event]]:
    """Union-find over every pair: equal events, or of one kind scoring ``threshold``."""
    parent = list(range(len(items)))

    def root(index: int) -> int:
        while parent[index] != index:
            index = parent[index]
        return index

    by_kind: dict[tuple[str, object, object], list[int]] = {}
    for index, event in enumerate(items):
        parent[index] = next(i for i in range(index + 1) if items[i] == event)
        by_kind.setdefault(kind(event), []).append(index)
    for indices in by_kind.values():
        for position, i in enumerate(indices):
            for j in indices[position + 1 :]:
                if similarity(items[i], items[j]).score >= threshold:
                    parent[max(root(i), root(j))] = min(root(i), root(j))
    groups: dict[int, list[se.Event]] = {}
    for index, event in enumerate(items):
        groups.setdefault(root(index), []).append(event)
    return list(groups.values())


def with_small_products(limit: int, run: Callable[[], Any]) -> Any:
    """``run()`` with pairs of casts above ``limit`` pairs found through the place grid."""
    saved = casts_module._SMALL_PRODUCT, casts_module._SMALL_CAST, casts_module._GRID_KM
    casts_module._SMALL_PRODUCT, casts_module._SMALL_CAST = limit, min(limit, saved[1])
    if not limit:
        casts_module._GRID_KM = math.inf
    try:
        return run()
    finally:
        casts_module._SMALL_PRODUCT, casts_module._SMALL_CAST, casts_module._GRID_KM = saved


def sample() -> list[se.Event]:
    return list(read_gdelt(SAMPLE))


# Which fields a copy takes from another row, and which row: copy c of row i takes them
# from row (i * step + c * shift) of the sample.
BORROWED: dict[str, list[tuple[str, int, int]]] = {
    "repeat": [],
    "place": [("location", 7, 31)],
    "target": [("location", 7, 31), ("target", 13, 17)],
}


def copies(rows: list[se.Event], count: int, mode: str = "repeat") -> list[se.Event]:
    """``count`` copies of ``rows`` on the same day, each reported by another article,
    taking the fields of ``BORROWED[mode]`` from other rows (a target only for coded events)."""
    out = list(rows)
    for copy, (index, row) in itertools.product(range(1, count), enumerate(rows)):
        source = se.Source(url=f"https://x.org/{copy}/{index}")
        changes: dict[str, Any] = {"sources": (source,)}
        for name, step, shift in BORROWED[mode]:
            if name in attrs.fields_dict(type(row)):
                lender = rows[(index * step + copy * shift) % len(rows)]
                changes[name] = getattr(lender, name, None)
        out.append(attrs.evolve(cast(Any, row), **changes))
    return out


@pytest.fixture(scope="module")
def rows() -> list[se.Event]:
    return sample()


def test_the_gdelt_sample_clusters_as_comparing_every_pair(rows: list[se.Event]) -> None:
    expected = reference(rows, 0.75)
    assert cluster(rows) == expected
    assert with_small_products(0, lambda: cluster(rows)) == expected
    assert len(rows) == 1562 and len(expected) == 692


@pytest.mark.parametrize("mode", ["repeat", "place", "target"])
def test_same_day_copies_cluster_as_comparing_every_pair(rows: list[se.Event], mode: str) -> None:
    # 300 events of the busiest codes, 3 copies: casts of up to a dozen events.
    counts = collections.Counter(kind(event) for event in rows)
    busy = {key for key, _ in counts.most_common(4)}
    items = copies([event for event in rows if kind(event) in busy][:100], 3, mode)
    expected = reference(items, 0.75)
    assert cluster(items) == expected
    assert with_small_products(0, lambda: cluster(items)) == expected
    for threshold in (0.5, 0.9):
        grouped = with_small_products(0, functools.partial(cluster, items, threshold=threshold))
        assert grouped == reference(items, threshold)


def counted(monkeypatch: pytest.MonkeyPatch) -> Callable[[], int]:
    """Counts the pairs cluster() scores from now on."""
    compared = 0
    original = clusters_module._compare

    def counting(a: Any, b: Any) -> Any:
        nonlocal compared
        compared += 1
        return original(a, b)

    monkeypatch.setattr(clusters_module, "_compare", counting)
    return lambda: compared


def test_copies_of_one_event_are_compared_once(
    rows: list[se.Event], monkeypatch: pytest.MonkeyPatch
) -> None:
    count = counted(monkeypatch)
    once = cluster(rows)
    alone = count()
    ten = cluster(copies(rows, 10))
    # A same-day set of 15,620 events (1.07 M candidate pairs before) costs what
    # its 1,562 rows cost: each distinct profile is compared once.
    assert count() - alone == alone
    assert [len(group) for group in ten] == [10 * len(group) for group in once]
    # 1,384 distinct profiles: 694 pairs scored (1,278 before the bounds rounded as
    # the score does), and 461 profiles joined to no other scored with themselves
    # (of 53,032 pairs of one kind).
    assert alone == 1_155


def test_large_casts_compare_only_events_the_place_allows(
    rows: list[se.Event], monkeypatch: pytest.MonkeyPatch
) -> None:
    items = copies(rows, 3, "place")  # each row's actors in three places
    count = counted(monkeypatch)
    with_small_products(0, lambda: cluster(items))
    pairs = collections.Counter(kind(event) for event in items)
    same_kind = sum(n * (n - 1) // 2 for n in pairs.values())
    assert same_kind > 450_000
    assert count() < same_kind // 20


def test_memory_holds_no_candidate_pairs(rows: list[se.Event]) -> None:
    items = copies(rows, 10)
    tracemalloc.start()
    try:
        groups = cluster(items)
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert sum(len(group) for group in groups) == len(items)
    # 15,620 events: about 1 KB each for profiles and indices; the pairs are never
    # held (a set of a million pairs alone took over 100 MB).
    assert peak < 40e6


# -- hand-made cases -------------------------------------------------------------------

USA, CHN, RUS = (se.Actor.state(code) for code in ("USA", "CHN", "RUS"))
BEIJING = (39.9042, 116.4074)


def criticism(target: se.Actor, km_east: float, copy: int) -> se.CodedEvent:
    lat, lon = BEIJING
    # One degree of longitude at Beijing's latitude is 85.4 km.
    place = se.Location(lat=lat, lon=round(lon + km_east / 85.4, 4), country="CHN")
    return se.CodedEvent(
        scheme="cameo",
        code="111",
        date=se.DateSpan.parse("2026-01-01"),
        actor=USA,
        target=target,
        location=place,
        sources=(se.Source(url=f"https://x.org/{copy}"),),
    )


def test_casts_apart_join_only_when_their_places_make_up_for_the_actors() -> None:
    # USA->CHN and USA->RUS share half their actors: their place must score 0.875,
    # within 9.6 km. Twenty copies of each make casts large enough for the grid.
    near = [criticism(CHN, 0.0, n) for n in range(20)] + [criticism(RUS, 5.0, n) for n in range(20)]
    far = [criticism(CHN, 0.0, n) for n in range(20)] + [criticism(RUS, 20.0, n) for n in range(20)]
    assert similarity(near[0], near[-1]).score >= 0.75 > similarity(far[0], far[-1]).score
    for limit in (0, 256, 10_000):
        assert with_small_products(limit, lambda: cluster(near)) == [near]
        assert with_small_products(limit, lambda: cluster(far)) == [far[:20], far[20:]]


def test_events_with_nothing_to_compare_stay_apart_unless_equal() -> None:
    bare = [se.CodedEvent(scheme="cameo", code="010", sources=(se.Source(url=u),)) for u in "abc"]
    assert cluster([bare[0], bare[1], bare[0], bare[2]]) == [
        [bare[0], bare[0]],
        [bare[1]],
        [bare[2]],
    ]
    assert cluster(bare, threshold=0.0) == [bare]
    # Joined to one event they all join, with it.
    dated = se.CodedEvent(scheme="cameo", code="010", date=se.DateSpan.parse("2026-01-01"))
    assert cluster([*bare, dated], threshold=0.0) == [[*bare, dated]]


class ClusterProbe(se.Event):
    """A user's type with a field of type Any: a list there makes its events unhashable."""

    type_tag: ClassVar[str] = "cluster_probe"

    blob: Any = None


def test_events_that_cannot_be_hashed_are_grouped_when_equal() -> None:
    a, b = ClusterProbe(blob=[1]), ClusterProbe(blob=[2])
    with pytest.raises(TypeError):
        hash(a)
    assert cluster([a, b, a]) == [[a, a], [b]]
    dated = ClusterProbe(blob=[1], date=se.DateSpan.parse("2026-01-01"))
    assert cluster([dated, b, dated]) == [[dated, dated], [b]]


# -- properties ------------------------------------------------------------------------

POOL = (USA, CHN, RUS, se.Actor.state("TJK"), se.Actor(name="Wagner Group", kind="armed_group"))
PLACES = (
    None,
    se.Location(country="CHN"),
    se.Location(name="Beijing", country="CHN"),
    se.Location(lat=39.90, lon=116.40, country="CHN"),
    se.Location(lat=39.93, lon=116.45, country="CHN"),
    se.Location(lat=40.10, lon=116.40, country="CHN"),
    se.Location(lat=-33.87, lon=151.21, country="AUS"),
)


@st.composite
def crowded_events(draw: st.DrawFn) -> se.Event:
    """Events of few kinds, actors, places and days: large casts, copies, every aspect."""
    fields: dict[str, Any] = {"location": draw(st.sampled_from(PLACES))}
    if draw(st.integers(0, 5)):
        start = dt.date(2026, 1, 1) + dt.timedelta(days=draw(st.integers(0, 12)))
        fields["date"] = se.DateSpan.parse(start.isoformat())
    fields["sources"] = (se.Source(url=f"https://x.org/{draw(st.integers(0, 3))}"),)
    if draw(st.integers(0, 3)):
        source, target = draw(st.sampled_from((None, *POOL))), draw(st.sampled_from((None, *POOL)))
        return se.CodedEvent(
            scheme="cameo",
            code=draw(st.sampled_from(["111", "112"])),
            actor=source,
            target=target,
            fatalities=draw(st.none() | st.sampled_from([se.Quantity(2), se.Quantity(3)])),
            **fields,
        )
    return se.JointExercise(
        participants=tuple(draw(st.lists(st.sampled_from(POOL), max_size=3, unique=True))),
        name=draw(st.none() | st.sampled_from(["Rubezh", "Rubezh-2026", "Zapad"])),
        **fields,
    )


thresholds = st.sampled_from([0.0, 0.5, 0.7, 0.75, 0.8, 0.9, 1.0]) | st.floats(0, 1)


@settings(max_examples=150)
@given(st.lists(crowded_events(), max_size=40), thresholds, st.sampled_from([0, 1, 256]))
def test_cluster_is_comparing_every_pair_on_crowded_events(
    items: list[se.Event], threshold: float, limit: int
) -> None:
    expected = reference(items, threshold)
    assert with_small_products(limit, lambda: cluster(items, threshold=threshold)) == expected


@given(st.lists(events(), max_size=6), thresholds)
def test_cluster_is_comparing_every_pair_on_any_events(
    items: list[se.Event], threshold: float
) -> None:
    doubled = [*items, *items[:2]]
    assert with_small_products(0, lambda: cluster(doubled, threshold=threshold)) == reference(
        doubled, threshold
    )
