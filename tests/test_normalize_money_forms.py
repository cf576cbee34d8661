"""Sums of money as the world writes them (issue 12), on phrases written for these tests."""

from __future__ import annotations

from decimal import Decimal

import pytest

from secevents.normalize import parse_money
from secevents.normalize.numbers import find_numbers


@pytest.mark.parametrize(
    ("text", "amount", "currency"),
    [
        # currency after the amount
        ("paid 240 kr in Oslo", None, None),  # krona or krone: not decided
        ("a fee of 12.750 KD", "12.750", "KWD"),  # three decimals: a decimal point
        ("Price: 45900 руб.", "45900", "RUB"),
        ("330,000 ₫ a night", "330000", "VND"),
        ("about 99 Kč", "99", "CZK"),
        ("a 40 000 Ft fine", "40000", "HUF"),
        # an ISO code beside a shared symbol decides it
        ("HKD$12.30", "12.30", "HKD"),
        ("$2,480.00 CAD", "2480", "CAD"),
        ("AUD $75.20", "75.20", "AUD"),
        ("US$ 3.5 bn", "3500000000", "USD"),
        ("NT$900", "900", "TWD"),
        # digit groupings other than 1,234.56
        ("R$ 3.450,75", "3450.75", "BRL"),
        ("EUR 7.654.321,09", "7654321.09", "EUR"),
        ("7 480 € in all", "7480", "EUR"),
        ("2 345,60 zł", "2345.60", "PLN"),
        ("CHF 2'600.40", "2600.40", "CHF"),
        ("just 4,75 €", "4.75", "EUR"),
        ("EUR 3,5 million", "3500000", "EUR"),
        # markers that need a scale word alone are money when written as money
        ("RM 18.40", "18.40", "MYR"),
        ("75,000 won", "75000", "KRW"),
        ("7 bucks", "7", "USD"),
        # scale words of other languages quoted in English reports are never dropped
        ("a budget of €1,5 Mrd. for the port", "1500000000", "EUR"),
        ("R$ 50 milhões", "50000000", "BRL"),
        ("EUR 2 Mio", "2000000", "EUR"),
        # a dirham is the UAE's or Morocco's: refused, not guessed
        ("Dh500 million", None, None),
    ],
)
def test_forms(text: str, amount: str | None, currency: str | None) -> None:
    money = parse_money(text).value
    if amount is None:
        assert money is None
    else:
        assert money is not None
        assert (money.amount, money.currency) == (Decimal(amount), currency)


@pytest.mark.parametrize(
    ("text", "amount", "code"),
    [
        ("48.300 €", "48300", "assumed_grouping"),  # euro users write dots between thousands
        ("Rp 25.000", "25000", "assumed_grouping"),
        ("$48.300", None, "ambiguous_number"),  # 48.3 or 48,300: not read
        ("£48.300", None, "ambiguous_number"),
    ],
)
def test_a_dot_before_three_digits_is_never_a_silent_guess(
    text: str, amount: str | None, code: str
) -> None:
    result = parse_money(text)
    assert code in [w.code for w in result.warnings]
    if amount is None:
        assert result.value is None
    else:
        assert result.value is not None and result.value.amount == Decimal(amount)


def test_number_groupings() -> None:
    [dotted] = find_numbers("3.450,75")
    assert (dotted.value, dotted.grouping) == (Decimal("3450.75"), ".")
    [ambiguous] = find_numbers("48.300")
    assert (ambiguous.value, ambiguous.alternative) == (Decimal("48.300"), Decimal("48300"))
    [spaced] = find_numbers("7 480")
    assert spaced.value == Decimal("7480")
    # A date's groups of two digits and a leading zero group are not thousands.
    assert find_numbers("0.500")[0].alternative is None
    assert all(n.grouping != "." for n in find_numbers("23.10.2021"))
