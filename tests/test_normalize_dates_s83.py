"""Date forms read in session 8 (issues 12 and 9): phrases written for these tests."""

from __future__ import annotations

import pytest

from secevents.normalize import find_dates, resolve_date
from test_normalize_issue12_dates import ANCHOR, read


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # A day closed by a comma before its month: a form field, not prose.
        ("11, March 2013", "2013-03-11"),
        ("4, Sep. 1999", "1999-09-04"),
        ("27, July, 2004", "2004-07-27"),
        # A time of day joined to the year by ISO 8601's "T".
        ("11 Mar 2013T00:59", "2013-03-11"),
        ("6 December 2019T23:05:41", "2019-12-06"),
        ("Jan 2 2001T14:30", "2001-01-02"),
    ],
)
def test_field_forms(text: str, expected: str) -> None:
    assert read(text) == expected


def test_an_impossible_day_before_a_comma_is_refused_with_a_warning() -> None:
    result = resolve_date("31, April 2015", anchor=ANCHOR)
    assert result.value is None
    assert "invalid_date" in {w.code for w in result.warnings}


def test_a_number_closed_by_a_comma_inside_prose_is_no_day() -> None:
    # "page 11, March 2013 issue": only the month and year are a date
    assert read("see page 11, March 2013 issue") == "2013-03"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # "earlier in the month" is the report's month, as "earlier this month" is.
        ("Earlier in the month, the envoy was recalled.", "2022-03"),
        ("The base will open later in the year.", "2022"),
        ("early in the month", "2022-03-01/2022-03-10~"),
        # A day of a month told relative to the report.
        ("The drills will end on the 19th of this month.", "2022-03-19"),
        ("talks on the 5th of next month", "2022-04-05"),
        ("a note sent on the 28th of last month", "2022-02-28"),
        ("on the 20th of the month", "2022-03-20"),
    ],
)
def test_parts_and_days_of_the_report_s_month(text: str, expected: str) -> None:
    assert str(find_dates(text, anchor=ANCHOR, tense=None)[0].value) == expected


def test_a_day_the_month_lacks_is_refused_with_a_warning() -> None:
    result = resolve_date("the 31st of next month", anchor=ANCHOR)  # April has 30
    assert result.value is None
    assert "invalid_date" in {w.code for w in result.warnings}


@pytest.mark.parametrize("text", ["in the month", "the end of in the month", "the month"])
def test_a_month_without_a_relation_is_no_date(text: str) -> None:
    assert find_dates(text, anchor=ANCHOR, tense=None) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # The days from the report, as "the past two weeks" are the days up to it.
        ("over the next six weeks", "2022-03-10/2022-04-21"),
        ("for the next 10 days", "2022-03-10/2022-03-20"),
        ("in the coming two years", "2022-03-10/2024-03-10"),
        # Without a number: a calendar unit, read as before.
        ("in the next decade", "203X"),
        ("the coming year", "2023"),
    ],
)
def test_a_stretch_from_the_report(text: str, expected: str) -> None:
    assert str(find_dates(text, anchor=ANCHOR, tense=None)[0].value) == expected


def test_the_next_day_alone_is_no_stretch() -> None:
    assert find_dates("the next day", anchor=ANCHOR, tense=None) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Russia's 2003 agreement with Kyrgyzstan", ["2003"]),
        ("under China\u2019s 2016 deal", ["2016"]),
        # a number before a count noun stays a count
        ("China's 2016 troops", []),
        ("Russia's 2000 soldiers", []),
    ],
)
def test_a_year_after_a_possessive_before_its_noun(text: str, expected: list[str]) -> None:
    assert [str(d.value) for d in find_dates(text, anchor=ANCHOR, tense=None)] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("between the 3rd and the 12th of November 2021", ["2021-11-03/2021-11-12"]),
        ("from the 3rd to the 12th of November 2021", ["2021-11-03/2021-11-12"]),
        ("on the 3rd and the 12th of November 2021", ["2021-11-03", "2021-11-12"]),
        # "the" before a bare number is no ordinal day
        ("between the 3 and the 12 November 2021", ["2021-11-12"]),
    ],
)
def test_the_before_the_second_ordinal_day(text: str, expected: list[str]) -> None:
    assert [str(d.value) for d in find_dates(text, anchor=ANCHOR, tense=None)] == expected
