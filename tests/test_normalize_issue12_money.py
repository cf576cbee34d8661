"""Ways of writing sums and numbers found missing by other projects' public test cases
(issue 12). Every phrase here was written for these tests."""

from __future__ import annotations

from decimal import Decimal

import pytest

from secevents.normalize import find_money, parse_money
from secevents.normalize.numbers import find_numbers, read_number


def money_of(text: str) -> tuple[Decimal | None, str | None, list[str]]:
    result = parse_money(text)
    value = result.value
    codes = [w.code for w in result.warnings]
    return (None, None, codes) if value is None else (value.amount, value.currency, codes)


@pytest.mark.parametrize(
    ("text", "amount", "currency"),
    [
        # A sign that is a prefix elsewhere reads the same after the amount.
        ("a fine of 4,500 NT$", "4500", "TWD"),
        ("tickets at 35 C$ each", "35", "CAD"),
        ("priced at 120 B/.", "120", "PAB"),
        ("fees of 2,000 ₭", "2000", "LAK"),
        # The Cyrillic ruble sign after an amount.
        ("rent of 45 000 Р", "45000", "RUB"),
    ],
)
def test_signs_after_the_amount(text: str, amount: str, currency: str) -> None:
    assert money_of(text)[:2] == (Decimal(amount), currency)


def test_a_sign_glued_to_its_digits_is_money() -> None:
    assert money_of("paid a RM40 fine")[:2] == (Decimal(40), "MYR")
    assert find_money("took route R7 north") == []  # one letter glued: a road, a model


def test_lei_reads_as_the_romanian_leu_with_a_warning() -> None:
    amount, currency, codes = money_of("a salary of 3,200 lei")
    assert (amount, currency) == (Decimal(3200), "RON")
    assert codes == ["ambiguous_currency"]


def test_forint_amounts_group_thousands_with_dots() -> None:
    amount, currency, codes = money_of("a fee of 4.350 Ft")
    assert (amount, currency, codes) == (Decimal(4350), "HUF", ["assumed_grouping"])


def test_apostrophe_groups_with_a_decimal_comma() -> None:
    # Before: "CHF 3'275,40" was read as CHF 3, with no warning.
    assert money_of("CHF 3'275,40")[:2] == (Decimal("3275.40"), "CHF")


@pytest.mark.parametrize(("text", "amount"), [("$.60 a litre", "0.60"), ("about .25 €", "0.25")])
def test_a_fraction_without_its_leading_zero(text: str, amount: str) -> None:
    # Before: ".25 €" was read as 25 euros.
    assert money_of(text)[0] == Decimal(amount)


@pytest.mark.parametrize("text", ["$.60,5", "$.6.5"])
def test_malformed_leading_point_amounts_are_refused(text: str) -> None:
    assert money_of(text)[0] is None


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("thousand", "1000"),
        ("point seven", "0.7"),
        ("six million forty two thousand and eleven point five", "6042011.5"),
        (
            "nine hundred ninety nine million nine hundred ninety nine thousand"
            " nine hundred and ninety nine",
            "999999999",
        ),
    ],
)
def test_written_numbers(text: str, value: str) -> None:
    assert read_number(text) == Decimal(value)


def test_a_point_after_a_scale_word_is_not_a_decimal_of_it() -> None:
    # "two million point five" is not 2,000,000.5: the scale ends the first number.
    assert read_number("two million point five") is None
    assert [n.value for n in find_numbers("v2.75 and .5")] == [Decimal("2.75"), Decimal("0.5")]
