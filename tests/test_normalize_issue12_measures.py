"""Measures are not counts: forms found by other projects' public test cases (issue 12).
Every phrase here was written for these tests."""

from __future__ import annotations

import pytest

from secevents.normalize import find_quantities


def counts(text: str) -> list[str]:
    return [str(found.text) for found in find_quantities(text)]


@pytest.mark.parametrize(
    "text",
    [
        "a 12- to 20-metre hull",  # the first number shares the second's unit
        "barrels of 30- or 55-gallon size",
        "a reservoir of 9 cubic kilometres",
        "a tank of 3km^3",  # the power is not a count
        "a flux of 15 W/m^2",
        "a dose of 20 mSv",
        "storage of 6-8 petabytes",
        "output of 300,000 bpd",
        "it cost 4 dimes",
        "5 fb−1 of collision data",
        "patients got 20 and 40 mg doses",
    ],
)
def test_measures_give_no_count(text: str) -> None:
    assert counts(text) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("5 and 6 tanks", ["5", "6 tanks"]),
        ("3 and 4 soldiers in 2 km", ["3", "4 soldiers"]),
    ],
)
def test_counts_beside_them_still_read(text: str, expected: list[str]) -> None:
    assert counts(text) == expected
