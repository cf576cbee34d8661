"""Issue 12, sixth stop: measures written with fractions and products, more date forms.

Each test is on phrases written for it, not on the suites' cases.
"""

from __future__ import annotations

import datetime as dt

import pytest

from secevents.normalize import find_dates, find_quantities, resolve_date

REPORT = dt.date(2019, 4, 10)  # a Wednesday


def counts(text: str) -> list[str]:
    return [str(found.text) for found in find_quantities(text) if found.value is not None]


@pytest.mark.parametrize(
    "text",
    [
        "the convoy covered 4 ½ miles",  # a whole number and a vulgar fraction
        "the patrol lasted 2 ¼ days",
        "a bolt torqued to 5 N·m",  # a product of units with a middle dot
        "an engine of 300 lb-ft",  # two units joined by a hyphen
        "the link runs at 10 Gbit",
        "water flows at 4 m³/s",
        "the truck does 12 mpg",
        "a 10 AWG cable",
        "the plant emits 40 MtCO2 a year",
        "the ticket cost 20 bucks",
    ],
)
def test_measures_written_with_fractions_products_and_symbols_are_not_counts(
    text: str,
) -> None:
    assert counts(text) == []


def test_a_hyphen_joins_units_only_when_both_sides_are_units() -> None:
    assert counts("they handed out 10 t-shirts") == ["10"]
    assert counts("3 ½ boxes arrived") == []  # a fraction of a box is no whole count
