"""similarity(): the aspects on hand-made cases, the real corpus, and Hypothesis properties."""

from __future__ import annotations

import collections
import datetime as dt
import importlib
import json
import math
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

import secevents as se
from secevents.interop import read_gdelt
from secevents.linking.similarity import Similarity, haversine_km, similar_pairs, similarity
from secevents.testing import events

CORPUS = Path(__file__).parent / "data" / "corpus"
# The module (``secevents.linking.similarity`` the attribute is the function of that name).
similarity_module = importlib.import_module("secevents.linking.similarity")
RUS, TJK, CHN, UZB = (se.Actor.state(code) for code in ("RUS", "TJK", "CHN", "UZB"))


def day(text: str) -> se.DateSpan:
    return se.DateSpan.parse(text)


def exercise(**fields: object) -> se.JointExercise:
    return se.JointExercise(**fields)  # type: ignore[arg-type]


def test_two_reports_of_one_exercise() -> None:
    a = exercise(
        date=day("2021-10-23"),
        participants=(RUS, TJK),
        framework=se.Actor.organization("CSTO"),
        location=se.Location(name="Harbmaidon", country="TJK"),
        troops=se.Quantity(5000, qualifier="approx"),
    )
    b = exercise(
        date=day("2021-10"),
        participants=(RUS, TJK),
        location=se.Location(country="TJK"),
        troops=se.Quantity(4500),
    )
    result = similarity(a, b)
    assert result.type == 1.0
    assert result.actors == pytest.approx(2 / 3)  # {RUS, TJK} vs {RUS, TJK, CSTO}
    assert result.date == 1.0  # the day lies within the month
    assert result.place == 0.7  # only the country is known to both
    assert result.quantities == pytest.approx(0.9)
    assert result.details is None
    expected = (0.35 * 2 / 3 + 0.25 + 0.2 * 0.7 + 0.1 * 0.9) / 0.9
    assert result.score == pytest.approx(expected)
    assert list(result.breakdown) == ["type", "actors", "date", "place", "quantities", "details"]
    assert sum(Similarity.WEIGHTS.values()) == pytest.approx(1.0)


def test_different_types_score_zero() -> None:
    a = exercise(participants=(RUS, TJK), date=day("2021-10-23"))
    b = se.Statement(speaker=RUS, date=day("2021-10-23"))
    result = similarity(a, b)
    assert result.type == 0.0 and result.score == 0.0
    assert result.date == 1.0  # the aspects are still reported


def test_coded_events_compare_scheme_and_code() -> None:
    def coded(scheme: str, code: str) -> se.CodedEvent:
        return se.CodedEvent(scheme=scheme, code=code, actor=RUS, date=day("2021-10-23"))

    assert similarity(coded("cameo", "0841"), coded("cameo", "0841")).type == 1.0
    assert similarity(coded("cameo", "0841"), coded("cameo", "0842")).type == 0.6
    assert similarity(coded("cameo", "0841"), coded("cameo", "190")).type == 0.3
    assert similarity(coded("cameo", "0841"), coded("plover", "AID")).type == 0.3


def test_actors_by_role_class() -> None:
    note = se.DiplomaticCommunique(sender=TJK, recipient=CHN)
    reply = se.DiplomaticCommunique(sender=CHN, recipient=TJK)
    assert similarity(note, note).actors == 1.0
    assert similarity(note, reply).actors == 0.0  # same states, opposite roles
    no_recipient = se.DiplomaticCommunique(sender=TJK)
    assert similarity(note, no_recipient).actors == 1.0  # only the sender is comparable
    speaker = se.Statement(speaker=TJK)
    audience = se.Statement(audience=se.Actor.media("Khovar"))
    assert similarity(speaker, audience).actors == 0.0  # no role class shared: all actors
    assert similarity(speaker, se.Statement(content="x")).actors is None
    person = se.Statement(speaker=se.Actor.person("Emomali Rahmon"))
    folded = se.Statement(speaker=se.Actor.person("EMOMALI RAHMON", title="President"))
    assert similarity(person, folded).actors == 1.0  # names compared case-insensitively


@pytest.mark.parametrize(
    ("first", "second", "expected"),
    [
        ("2021-10-23", "2021-10-23", 1.0),
        ("2021-10", "2021-10-23", 1.0),
        ("2021-10-20/2021-10-25", "2021-10-23/2021-10-30", 0.5 + 0.5 * 3 / 6),
        ("2021-10-23/..", "2021-10-25", 1.0),
        ("2021-10-23", "2021-10-30", 0.5 * 2**-1),
        ("2021-10-23", "2021-10-24", 0.5 * 2 ** (-1 / 7)),
        ("2021", "2019", 0.5 * 2 ** (-366 / 7)),
    ],
)
def test_date_overlap_and_gap_decay(first: str, second: str, expected: float) -> None:
    a, b = exercise(date=day(first)), exercise(date=day(second))
    assert similarity(a, b).date == pytest.approx(expected)
    assert similarity(b, a).date == similarity(a, b).date


def test_place_by_distance_and_by_level() -> None:
    dushanbe = se.Location(name="Dushanbe", country="TJK", lat=38.5598, lon=68.787)
    kulob = se.Location(name="Kulob", country="TJK", lat=37.9115, lon=69.7845)
    distance = haversine_km(dushanbe.lat, dushanbe.lon, kulob.lat, kulob.lon)  # type: ignore[arg-type]
    assert 110 < distance < 116
    near = similarity(exercise(location=dushanbe), exercise(location=kulob)).place
    assert near == pytest.approx(2 ** (-distance / 50))
    assert math.isclose(haversine_km(0, 0, 0, 180), math.pi * 6371.0088)

    def place(**fields: object) -> se.JointExercise:
        return exercise(location=se.Location(**fields))  # type: ignore[arg-type]

    cases = [
        (place(name="Kulob", country="TJK"), place(name="kulob"), 1.0),
        (place(country="TJK", admin1="TJ-KT"), place(country="TJK", admin1="TJ-KT", name="X"), 0.9),
        (place(country="TJK", admin1="TJ-KT"), place(country="TJK", admin1="TJ-GB"), 0.3),
        (place(country="TJK", border_with="AFG"), place(country="AFG", border_with="TJK"), 0.8),
        (place(country="TJK", border_with="AFG"), place(country="TJK", border_with="UZB"), 0.4),
        (place(country="TJK"), place(name="Kulob", country="TJK"), 0.7),
        (place(country="TJK"), place(country="UZB"), 0.0),
        (place(country="TJK", border_with="AFG"), place(country="AFG"), 0.4),
        (place(name="Kulob"), place(name="Dushanbe"), None),
    ]
    for a, b, expected in cases:
        assert similarity(a, b).place == expected, (a.location, b.location)
        assert similarity(b, a).place == expected


def test_quantities_and_details() -> None:
    a = se.BaseConstruction(
        cost=se.Money(amount="8600000", currency="USD"), status=se.ConstructionStatus.AGREED
    )
    b = se.BaseConstruction(
        cost=se.Money(amount="10000000", currency="USD"), status=se.ConstructionStatus.PROPOSED
    )
    c = se.BaseConstruction(cost=se.Money(amount="8600000", currency="TJS"))
    assert similarity(a, b).quantities == pytest.approx(0.86)
    assert similarity(a, c).quantities == 0.0  # different currencies do not compare
    assert similarity(a, b).details == 0.0
    tanks = (se.Equipment(kind="tanks", quantity=se.Quantity(40)),)
    more_tanks = (se.Equipment(kind="tanks", quantity=se.Quantity(50)),)
    assert similarity(exercise(equipment=tanks), exercise(equipment=more_tanks)).quantities == 0.8
    said = se.Statement(content="The base will be built by China.")
    quoted = se.Statement(content="the base will be built")
    assert similarity(said, quoted).details == pytest.approx(5 / 7)


def test_nothing_to_compare_scores_zero() -> None:
    result = similarity(se.Statement(), se.Statement())
    assert result.type == 1.0
    assert result.score == 0.0
    assert [value for name, value in result.breakdown.items() if name != "type"] == [None] * 5


def test_corpus_reports_of_different_events_score_low() -> None:
    seed = json.loads((CORPUS / "seed.json").read_text(encoding="utf-8"))
    d008 = json.loads((CORPUS / "d008.json").read_text(encoding="utf-8"))
    seed_events = se.extract(seed["text"]).events
    tsentr = next(e for e in se.extract(d008["text"]).events if e.type_tag == "joint_exercise")
    drills = next(e for e in seed_events if e.type_tag == "joint_exercise")
    assert similarity(drills, drills).score == 1.0
    low = similarity(drills, tsentr)
    assert low.type == 1.0
    assert low.date is not None and low.date < 0.01  # two years apart
    assert low.score < 0.5
    wakhan, kulob = [e for e in seed_events if e.type_tag == "base_construction"][:2]
    assert similarity(wakhan, kulob).score < similarity(kulob, kulob).score == 1.0


# -- properties ------------------------------------------------------------------------


@given(events(), events())
def test_symmetric_and_bounded(a: se.Event, b: se.Event) -> None:
    forward, backward = similarity(a, b), similarity(b, a)
    assert forward == backward
    assert 0.0 <= forward.score <= 1.0
    assert all(value is None or 0.0 <= value <= 1.0 for value in forward.breakdown.values())


TYPES: list[type[se.Event]] = [
    se.JointExercise,
    se.BaseConstruction,
    se.DiplomaticCommunique,
    se.Statement,
    se.CodedEvent,
]
same_type_pairs = st.sampled_from(TYPES).flatmap(lambda cls: st.tuples(events(cls), events(cls)))


@given(same_type_pairs)
def test_symmetric_within_a_type(pair: tuple[se.Event, se.Event]) -> None:
    a, b = pair
    assert similarity(a, b) == similarity(b, a)
    assert 0.0 <= similarity(a, b).score <= 1.0


@given(events())
def test_an_event_with_content_is_fully_similar_to_itself(event: se.Event) -> None:
    result = similarity(event, event)
    compared = [value for name, value in result.breakdown.items() if name != "type"]
    if any(value is not None for value in compared):
        assert result.score == 1.0
        assert all(value in (None, 1.0) for value in compared)
    else:
        assert result.score == 0.0


def test_different_exercise_names_are_different_events() -> None:
    day = se.DateSpan.parse("2016-06")
    saber = se.JointExercise(name="Saber Strike 16", date=day)
    swift = se.JointExercise(name="Swift Response 16", date=day)
    edition = se.JointExercise(name="Saber Strike 17", date=day)
    longer = se.JointExercise(name="US-led Saber Strike 16", date=day)
    assert similarity(saber, swift).score == 0.0
    assert similarity(saber, edition).score == 0.0
    assert similarity(saber, longer).score > 0.75  # clustered at the default threshold


# -- finding similar pairs: blocking must find every pair the brute force finds --------

SAMPLE_GDELT = (
    Path(__file__).parent
    / "data"
    / "realdata"
    / "gdelt"
    / "EVENT_V2_20260101000000_20260101000100.csv"
)


def kind(event: se.Event) -> tuple[str, object, object]:
    return (event.type_tag, getattr(event, "scheme", None), getattr(event, "code", None))


def brute_force(items: list[se.Event], threshold: float) -> list[tuple[int, int]]:
    """Every pair of events of one kind (type; coded events: scheme and code) at threshold."""
    return [
        (i, j)
        for i in range(len(items))
        for j in range(i + 1, len(items))
        if kind(items[i]) == kind(items[j]) and similarity(items[i], items[j]).score >= threshold
    ]


BASE = dt.date(2021, 10, 1)
POOL = (RUS, TJK, CHN, UZB, se.Actor.person("Emomali Rahmon"))


@st.composite
def nearby_events(draw: st.DrawFn) -> se.Event:
    """Events close to one another in every aspect, so that scores cross any threshold."""
    fields: dict[str, Any] = {}
    if draw(st.booleans()):
        start = BASE + dt.timedelta(days=draw(st.integers(0, 60)))
        end = start + dt.timedelta(days=draw(st.sampled_from([0, 0, 1, 3, 30])))
        ends = [start.isoformat(), end.isoformat()]
        if draw(st.integers(0, 9)) == 0:
            ends[draw(st.integers(0, 1))] = ".."
        fields["date"] = day("/".join(ends) if ends[0] != ends[1] else ends[0])
    place = draw(st.integers(0, 3))
    if place == 1:
        fields["location"] = se.Location(country=draw(st.sampled_from(["TJK", "AFG"])))
    elif place >= 2:
        lat = 38.0 + draw(st.integers(0, 20)) / 10
        fields["location"] = se.Location(lat=lat, lon=69.0, country="TJK")
    count = draw(st.none() | st.sampled_from([4000, 4500, 5000]))
    actors = tuple(draw(st.lists(st.sampled_from(POOL), max_size=3, unique=True)))
    if draw(st.booleans()):
        code = draw(st.sampled_from(["062", "0621", "190"]))
        return se.CodedEvent(
            scheme=draw(st.sampled_from(["cameo", "plover"])),
            code=code,
            actor=actors[0] if actors else None,
            target=actors[1] if len(actors) > 1 else None,
            fatalities=None if count is None else se.Quantity(count // 100),
            **fields,
        )
    return se.JointExercise(
        participants=actors,
        troops=None if count is None else se.Quantity(count),
        name=draw(st.none() | st.sampled_from(["Rubezh", "Rubezh-2021"])),
        **fields,
    )


thresholds = st.sampled_from([0.0, 0.3, 0.5, 0.6, 0.65, 0.7, 0.75, 0.8, 0.9, 1.0]) | st.floats(0, 1)


@given(st.lists(nearby_events(), max_size=12), thresholds)
def test_similar_pairs_finds_what_comparing_every_pair_finds(
    items: list[se.Event], threshold: float
) -> None:
    assert list(similar_pairs(items, threshold=threshold)) == brute_force(items, threshold)


@given(st.lists(events(), max_size=6), thresholds)
def test_similar_pairs_on_any_events(items: list[se.Event], threshold: float) -> None:
    assert list(similar_pairs(items, threshold=threshold)) == brute_force(items, threshold)


def test_similar_pairs_on_gdelt_compares_few_pairs(monkeypatch: pytest.MonkeyPatch) -> None:
    items = list(read_gdelt(SAMPLE_GDELT))
    assert len(items) == 1562
    compared = 0
    original: Callable[[Any, Any], Similarity] = similarity_module._compare

    def counting(a: Any, b: Any) -> Similarity:
        nonlocal compared
        compared += 1
        return original(a, b)

    monkeypatch.setattr(similarity_module, "_compare", counting)
    found = list(similar_pairs(items, threshold=0.75))
    blocked = compared
    monkeypatch.setattr(similarity_module, "_compare", original)
    same_kind = collections.Counter(kind(event) for event in items)
    assert sum(n * (n - 1) // 2 for n in same_kind.values()) == 53_032  # pairs of one kind
    # Pairs of one kind sharing an actor (9,316; others score below 0.75), less those
    # whose actors score too little for their places to make up (4,639 before the
    # bounds rounded as the score does: same actors, same day, over 2,580 km apart).
    assert blocked == 3_167
    assert found == brute_force(items, 0.75)
    assert len(found) == 3_161
