"""Issue 12, fourth stop: ways of writing dates and money the new public suites showed.

Each test is on phrases written for it, not on the suites' cases.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest

from secevents.normalize import find_actors, find_money, resolve_date

REPORT = dt.date(2019, 4, 10)  # a Wednesday


def codes(text: str, **options: object) -> list[str]:
    return [w.code for w in resolve_date(text, anchor=REPORT, **options).warnings]  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("text", "day"),
    [
        ("the convoy left on 4 June 1715 from the port", "2018-06-04"),
        ("patrols resumed March 3 1800 local", "2019-03-03"),
    ],
)
def test_an_old_year_that_is_a_clock_time_is_the_time_with_a_warning(text: str, day: str) -> None:
    result = resolve_date(text, anchor=REPORT)
    assert str(result.value) == day
    assert "assumed_time" in [w.code for w in result.warnings]


def test_a_recent_year_or_one_after_a_comma_stays_a_year() -> None:
    assert str(resolve_date("signed on 4 June 1945", anchor=REPORT).value) == "1945-06-04"
    assert str(resolve_date("fought on 4 June, 1715", anchor=REPORT).value) == "1715-06-04"
    assert codes("fought on 4 June, 1715") == []


@pytest.mark.parametrize(
    ("text", "day"),
    [
        ("talks resume on Thursday 11/4", "2019-04-11"),
        ("the vote is set for Friday 12.4.", "2019-04-12"),
        ("troops withdrew Sunday 7/4", "2019-04-07"),
    ],
)
def test_a_weekday_before_a_day_and_month_gives_that_date(text: str, day: str) -> None:
    result = resolve_date(text, anchor=REPORT, day_first=True)
    assert str(result.value) == day


def test_a_weekday_before_a_date_it_cannot_be_warns() -> None:
    result = resolve_date("on Sunday 13/4", anchor=REPORT, day_first=True)
    assert str(result.value) == "2019-04-13"
    assert "weekday_mismatch" in [w.code for w in result.warnings]


def test_a_weekday_before_a_decimal_is_the_weekday_alone() -> None:
    assert str(resolve_date("on Monday 2.5 km away", anchor=REPORT).value) == "2019-04-08"


def test_a_bare_day_after_a_weekday_counts_only_at_the_clause_end() -> None:
    deadline = resolve_date("the deadline is Friday 26.", anchor=REPORT, tense="future")
    assert str(deadline.value) == "2019-04-26"
    assert str(resolve_date("they met on Friday 26.", anchor=REPORT).value) == "2018-10-26"
    assert str(resolve_date("On Monday 14 people died", anchor=REPORT).value) == "2019-04-08"


def test_a_weekday_and_a_clock_time_is_no_day_number() -> None:
    assert str(resolve_date("on Saturday 14:30", anchor=REPORT).value) == "2019-04-06"


def test_iso_dates_with_a_time_in_both_forms() -> None:
    for text in ("2011-08-14T07", "2011-08-14T07:15:00z", "20110814T071500+0200", "20110814"):
        assert str(resolve_date(text, anchor=REPORT).value) == "2011-08-14", text
    assert resolve_date("file 20110814 was opened", anchor=REPORT).value is None


def test_month_name_first_between_separators() -> None:
    assert str(resolve_date("Aug-14-2011", anchor=REPORT).value) == "2011-08-14"
    assert str(resolve_date("Aug/14/2011", anchor=REPORT).value) == "2011-08-14"


def test_a_day_with_the_ordinal_dot_before_a_month_and_year() -> None:
    assert str(resolve_date("am 14. August 2011", anchor=REPORT).value) == "2011-08-14"
    assert resolve_date("rose to 14. August was quiet", anchor=REPORT).value is None


def test_a_weekday_of_next_or_last_week() -> None:
    assert str(resolve_date("Friday next week", anchor=REPORT).value) == "2019-04-19"
    assert str(resolve_date("Tuesday of last week", anchor=REPORT).value) == "2019-04-02"


def test_three_numbers_are_a_date_only_when_they_are_all_the_text() -> None:
    assert str(resolve_date("2011 08 14", anchor=REPORT).value) == "2011-08-14"
    assert str(resolve_date("14 08 2011", anchor=REPORT).value) == "2011-08-14"
    assert resolve_date("killed 14 08 2011", anchor=REPORT).value is None


def test_an_ambiguous_dotted_date_is_day_first_with_a_warning() -> None:
    result = resolve_date("signed on 03.04.2019", anchor=REPORT)
    assert str(result.value) == "2019-04-03"
    assert [w.code for w in result.warnings] == ["assumed_order"]
    assert str(resolve_date("03.04.2019", anchor=REPORT, day_first=False).value) == "2019-03-04"


def money(text: str) -> list[tuple[str, str]]:
    return [(str(r.value.amount), r.value.currency) for r in find_money(text) if r.value]


@pytest.mark.parametrize(
    ("text", "read"),
    [
        ("a US $40 million grant", [("40000000", "USD")]),
        ("raised HK $ 2.5 billion", [("2500000000", "HKD")]),
        ("a c $ 12 million charge", [("12000000", "CAD")]),
        ("it cost us $40", [("40", "USD")]),
        ("a $5 fee", [("5", "USD")]),
        ("THE $7 TICKET", [("7", "USD")]),
    ],
)
def test_a_countrys_letters_a_space_before_the_dollar_sign(
    text: str, read: list[tuple[str, str]]
) -> None:
    assert money(text) == read


@pytest.mark.parametrize(
    ("text", "amount"),
    [
        ("fares rose to 4 dollars 25 cents", "4.25"),
        ("only twelve dollars and ten cents", "12.10"),
        ("8 euros and 40 cents a head", "8.40"),
    ],
)
def test_cents_after_the_currency_word_add_to_the_amount(text: str, amount: str) -> None:
    found = find_money(text)
    assert found[0].value is not None and found[0].value.amount == Decimal(amount)


def test_more_than_ninety_nine_cents_are_not_added() -> None:
    assert money("4 dollars 120 cents") == [("4", "USD")]


def test_the_colon_and_yuan_signs_and_lower_case_rmb() -> None:
    assert money("a fine of 250 ₡") == [("250", "CRC")]
    assert money("tickets at 80元") == [("80", "CNY")]
    assert money("paid 60 rmb") == [("60", "CNY")]


def actors(text: str) -> list[tuple[str | None, str | None]]:
    found = find_actors(text, date="2023-05-01")
    return [(r.value.name, r.value.country) for r in found if r.value]


def test_a_japanese_name_family_name_first() -> None:
    assert actors("Kishida Fumio met reporters") == [("Kishida Fumio", "JPN")]
    assert actors("Fumio Kishida met reporters") == [("Fumio Kishida", "JPN")]


def test_a_full_russian_name_with_the_fathers_name() -> None:
    found = actors("Vladimir Vladimirovich Putin arrived in Minsk")
    assert ("Vladimir Vladimirovich Putin", "RUS") in found


def test_another_given_name_before_a_patronymic_is_another_person() -> None:
    assert actors("Ivan Petrovich Putin, a farmer, arrived") == []


def test_the_yen_and_rial_signs_after_the_amount() -> None:
    assert money("a ticket costs 2,400円") == [("2400", "JPY")]
    assert money("fined 9,000,000 ریال") == [("9000000", "IRR")]


def test_every_currency_of_the_table_is_a_current_iso_code_or_a_group() -> None:
    from importlib import resources

    import orjson

    from secevents.model.codes import is_currency_code

    table = orjson.loads((resources.files("secevents") / "data" / "currencies.json").read_bytes())
    for section in ("prefix", "suffix", "words"):
        for sign, code in table[section].items():
            assert is_currency_code(code) or code in table["groups"], (section, sign, code)


def test_a_two_digit_year_with_dashes_or_dots_only_as_the_whole_text() -> None:
    assert str(resolve_date("14-08-11", anchor=REPORT, day_first=True).value) == "2011-08-14"
    assert str(resolve_date("14.08.11 09:30", anchor=REPORT).value) == "2011-08-14"
    assert resolve_date("they won 3-1-18 overall", anchor=REPORT).value is None


def test_year_month_name_day_in_log_style() -> None:
    assert str(resolve_date("2011 AUG 14", anchor=REPORT).value) == "2011-08-14"
    assert str(resolve_date("in 2011 Aug 14 soldiers died", anchor=REPORT).value) == "2011"


def test_this_or_last_month_with_a_day() -> None:
    assert str(resolve_date("last March 3", anchor=REPORT).value) == "2019-03-03"
    after = resolve_date("this June 8th", anchor=REPORT, tense="future")
    assert str(after.value) == "2019-06-08"
    assert str(resolve_date("last March 3 soldiers died", anchor=REPORT).value) == "2019-03"


def test_a_two_digit_date_that_also_reads_year_first_warns() -> None:
    result = resolve_date("16-05-31", anchor=REPORT, day_first=True)
    assert str(result.value) == "2031-05-16"
    assert [w.code for w in result.warnings] == ["assumed_order"]


def test_two_time_stamps_run_together_are_no_date() -> None:
    glued = "2011-08-14T07:15:00+00:002011-08-15T09:00:00+00:00"
    assert resolve_date(glued, anchor=REPORT).value is None


def test_the_weekday_decides_between_two_orders() -> None:
    # No 1 May from 2018 to 2020 was a Saturday; 5 January 2019 was.
    assert str(resolve_date("Saturday 1/5", anchor=REPORT, day_first=True).value) == "2019-01-05"
    assert str(resolve_date("Monday 8/4", anchor=REPORT, day_first=True).value) == "2019-04-08"
