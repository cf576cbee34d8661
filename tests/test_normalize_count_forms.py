"""Counts as other extractors' test cases write them (issue 12), on phrases written here."""

from __future__ import annotations

from decimal import Decimal

import pytest

from secevents import Quantity
from secevents.normalize import find_quantities, parse_money, parse_quantity
from secevents.normalize.numbers import read_number


@pytest.mark.parametrize(
    "text",
    [
        "a dose of 40 mg",
        "heated to 250 °C",
        "a 9 in screen",
        "it is 3 in.",
        "7 kg of explosives",
        "a 25 cm hole",
        "40 kW engines",
        "a 900 MHz band",
        "16 GB of data",
        "at 30 mph",
        "20 oz",
        "2.5 l",
        "12 ha of land",
        "150 psi",
        "4 ft deep",
        "6'2\" tall",
        "for 5 hrs",
        "a 20 µm film",
    ],
)
def test_measures_are_not_counts(text: str) -> None:
    assert all(r.value is None or r.value.unit for r in find_quantities(text))
    assert parse_quantity(text).value is None


@pytest.mark.parametrize(
    "text",
    [
        "the Airbus 320 jets",  # a model
        "Serial 55102",
        "code 4471",
        "M-16 rifles",
        "two MiG-29 fighters",
    ],
)
def test_models_and_serial_numbers_are_not_counts(text: str) -> None:
    values = [r.value.value for r in find_quantities(text) if r.value is not None]
    assert all(v in (None, 2) for v in values)


def test_signs_are_kept_never_dropped() -> None:
    negative = parse_quantity("a change of -40 troops")
    assert negative.value is None and [w.code for w in negative.warnings] == ["negative_count"]
    assert read_number("-40") == Decimal("-40")
    assert read_number("minus forty") == Decimal("-40")
    assert parse_money("-$40").value is None
    assert "negative_amount" in [w.code for w in parse_money("-$40").warnings]
    # a hyphen between two numbers or after a letter is no sign
    assert parse_quantity("30-40 troops").value == Quantity(
        40, low=30, high=40, qualifier="up_to", unit="troops"
    )
    assert read_number("Su-30") is None


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("three and a half million", "3500000"),
        ("4 and a half thousand", "4500"),
        ("one and a half", "1.5"),
        ("two point seven five", "2.75"),
        ("six point two billion", "6200000000"),
        ("a dozen", "12"),
        ("half a dozen", "6"),
        ("thirteen hundred", "1300"),
        ("a hundred and six", "106"),
        ("nine thousand four hundred and twelve", "9412"),
        ("seventy-seven", "77"),
        ("thirty three", "33"),
        ("48.300", None),  # 48.3 or 48,300
    ],
)
def test_written_numbers(text: str, value: str | None) -> None:
    assert read_number(text) == (None if value is None else Decimal(value))


def test_a_couple_hundred_is_a_range() -> None:
    result = parse_quantity("a couple hundred marines")
    assert result.value == Quantity(low=200, high=300, qualifier="approx", unit="troops")
    assert [w.code for w in result.warnings] == ["vague_count"]


def test_lists_of_counts_share_their_noun() -> None:
    found = [r.value for r in find_quantities("7 and 9 helicopters; three, four and five ships")]
    assert [(q.value, q.unit) for q in found if q is not None] == [
        (7, "helicopters"),
        (9, "helicopters"),
        (3, "ships"),
        (4, "ships"),
        (5, "ships"),
    ]


def test_a_count_with_a_dot_between_thousands() -> None:
    result = parse_quantity("31.500 soldiers")
    assert result.value == Quantity(31500, unit="troops")
    assert [w.code for w in result.warnings] == ["assumed_grouping"]
