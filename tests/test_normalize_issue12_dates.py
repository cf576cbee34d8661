"""Ways of writing dates found missing by other projects' public test cases (issue 12).

Every phrase here was written for these tests; the public cases themselves are scored
by ``scripts/public_cases/score.py``.
"""

from __future__ import annotations

import datetime as dt

import pytest

from secevents.normalize import find_dates, resolve_date

ANCHOR = dt.date(2022, 3, 10)


def read(text: str, anchor: dt.date = ANCHOR) -> str | None:
    value = resolve_date(text, anchor=anchor).value
    return None if value is None else str(value)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # Offsets of several units: every part counts, the finest unit sets the precision.
        ("2 years, 3 months and 4 days ago", "2019-12-06"),
        ("1 year, 1 month, 1 week, 1 day, 1 hour and 1 minute ago", "2021-02-02"),
        ("in 2 years 5 months", "2024-08"),
        ("3 years 2 months from now", "2025-05"),
        ("a decade and three years hence", "2035"),
        # A part's own sign wins over the direction of the others.
        ("+1 decade -3 years", "2029"),
        ("-1 decade +3 years", "2015"),
        ("-1 decade 3 years", "2009"),
        ("in 1 decade +3 years", "2035"),
    ],
)
def test_compound_offsets_read_every_part(text: str, expected: str) -> None:
    assert read(text) == expected


def test_compound_offset_counted_from_the_report_says_so() -> None:
    result = resolve_date("4 weeks and 3 days later", anchor=ANCHOR)
    assert str(result.value) == "2022-04-10"
    assert [w.code for w in result.warnings] == ["relative_to_report"]


@pytest.mark.parametrize("text", ["2 years 3 months", "1 decade 4 years", "5 weeks, 2 days"])
def test_a_compound_duration_without_direction_is_no_date(text: str) -> None:
    assert read(text) is None


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("thirty two days ago", "2022-02-06"),
        ("forty-one days ago", "2022-01-28"),
        ("seventy years ago", "1952"),
        ("eighty-six years ago", "1936"),
        ("in twenty five days", "2022-04-04"),
        ("fifty one days later", "2022-04-30"),
    ],
)
def test_written_tens_and_units_are_one_amount(text: str, expected: str) -> None:
    assert read(text) == expected


@pytest.mark.parametrize(
    "text", ["two forty minutes ago", "five twenty days ago", "3 ten days from now"]
)
def test_a_number_after_a_number_is_no_amount(text: str) -> None:
    # Before: the last word alone was read ("forty minutes ago" -> today), a silent guess.
    assert read(text) is None


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("in six weeks' time", "2022-04-21~"),
        ("in six weeks time", "2022-04-21~"),
        ("in 3 hrs", "2022-03-10"),
        ("in 40 mins", "2022-03-10"),
        ("2 yrs ago", "2020"),
    ],
)
def test_unit_abbreviations_and_time_suffix(text: str, expected: str) -> None:
    assert read(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Thu Mar 03 08:15:00 2016", "2016-03-03"),
        ("Sat Nov 9 23:59, 2019", "2019-11-09"),
        ("Feb 2 06:30 1998", "1998-02-02"),
    ],
)
def test_a_clock_time_between_day_and_year_keeps_the_year(text: str, expected: str) -> None:
    # Before: the year was dropped and taken from the anchor (2022-03-03), silently.
    assert read(text) == expected


@pytest.mark.parametrize(
    "text", ["Jun 9 04 2011", "9 04 Jun 2011", "Sep 12, 2019Sep 12, 2019", "Apr 3 17"]
)
def test_digits_left_unread_beside_a_date_refuse_it(text: str) -> None:
    assert read(text) is None


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("On June 4 12 people were hurt", ["2021-06-04"]),
        ("On June 4, 12 people were hurt", ["2021-06-04"]),
        ("the talks on June 4 10:30 local time", ["2021-06-04"]),
        ("fighting on 3, 5 and 7 June", ["2021-06-03", "2021-06-05", "2021-06-07"]),
    ],
)
def test_numbers_after_a_date_in_a_sentence_still_read(text: str, expected: list[str]) -> None:
    found = find_dates(text, anchor=dt.date(2021, 10, 28))
    assert [str(f.value) for f in found] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("1978 to March 1983", "1978/1983-03"),
        ("1904-autumn 1905", "1904/1905-23"),
        ("from 1971 to the early 1980s", "1971/1983~"),
        ("2009 - 12 May 2011", "2009/2011-05-12"),
    ],
)
def test_a_bare_year_opens_a_range_to_a_written_date(text: str, expected: str) -> None:
    # Before: the bare year was dropped and only the end was read, silently.
    assert read(text) == expected


def test_a_bare_year_before_a_yearless_date_is_no_range() -> None:
    # "2000 - 3 May": the end's year is not written; no range is made from the anchor.
    assert read("shipped 2000 - 3 May") == "2021-05-03"


def test_a_question_mark_after_a_year_range_marks_its_end_uncertain() -> None:
    assert read("1932-1937?") == "1932/1937?"
    assert read("from May 3 to June 5?", dt.date(2021, 10, 28)) == "2021-05-03/2021-06-05"


def test_uncertain_colon_before_a_year() -> None:
    assert read("uncertain: 1911") == "1911?"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("1500 years ago", "0522"),
        ("1,200 years ago", "0822"),
        ("in three centuries", "2322~"),
        ("four centuries ago", "1622~"),
    ],
)
def test_large_amounts_and_plural_centuries(text: str, expected: str) -> None:
    assert read(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("some 20 hours ago", "2022-03-09/2022-03-10"),  # the report's hour is not known
        ("in 30 hours", "2022-03-11/2022-03-12"),
        ("72 hours ago", "2022-03-07"),  # whole days: one day
        ("3 hours ago", "2022-03-10"),  # under twelve hours: the report's day
    ],
)
def test_offsets_in_hours_give_every_day_they_may_fall_on(text: str, expected: str) -> None:
    # Before: any number of hours fell on the anchor's day ("20 hours ago" was today).
    assert (read(text) or "").rstrip("~") == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # 2022-03-10 is a Thursday: "the following" weekday is the next one after it
        ("on the following Friday", "2022-03-11"),
        ("the following Thursday", "2022-03-17"),
        ("the following Monday", "2022-03-14"),
    ],
)
def test_the_following_weekday_is_the_next_one_and_says_whence_it_counts(
    text: str, expected: str
) -> None:
    result = resolve_date(text, anchor=ANCHOR)
    assert str(result.value) == expected
    assert [w.code for w in result.warnings] == ["relative_to_report"]
