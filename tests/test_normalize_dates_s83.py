"""Date forms read in session 8 (issues 12 and 9): phrases written for these tests."""

from __future__ import annotations

import datetime as dt

import pytest

from secevents.normalize import resolve_date

ANCHOR = dt.date(2022, 3, 10)


def read(text: str, anchor: dt.date = ANCHOR) -> str | None:
    value = resolve_date(text, anchor=anchor).value
    return None if value is None else str(value)


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
