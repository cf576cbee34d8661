"""The ways English writes dates, each class of issue 12 on phrases written for these tests.

The report is of Thursday 2021-10-28; ``tense=None`` lets the normalizer guess the tense.
"""

from __future__ import annotations

import datetime as dt

import pytest

from secevents.normalize import find_dates, resolve_date

THURSDAY = dt.date(2021, 10, 28)


def read(text: str, **options: object) -> str | None:
    result = resolve_date(text, anchor=THURSDAY, tense=None, **options)  # type: ignore[arg-type]
    return None if result.value is None else str(result.value)


def codes(text: str, **options: object) -> list[str]:
    result = resolve_date(text, anchor=THURSDAY, tense=None, **options)  # type: ignore[arg-type]
    return [w.code for w in result.warnings]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # future offsets count from the report
        ("the convoy is due four days from now", "2021-11-01"),
        ("talks resume a week from today", "2021-11-04~"),
        ("a review in three weeks", "2021-11-18~"),
        ("elections in a decade", "2031~"),
        ("deadline +3 years", "2024"),
        ("results within 5 days", "2021-11-02"),
        ("in an hour", "2021-10-28"),
        # N units later / before, and compound offsets
        ("Six days later, the ships left.", "2021-11-03"),
        ("Eleven days earlier, the pact was signed.", "2021-10-17"),
        ("a month and two days ago", "2021-09-26"),
        ("a fortnight ago", "2021-10-14~"),
        # calendar decades and centuries
        ("during last decade", "201X"),
        # regression: "the past decade" raised TypeError (relativedelta has no decades)
        ("over the last decade", "2011-10-28/2021-10-28"),
        ("in the past two decades", "2001-10-28/2021-10-28"),
        ("this century", "20XX"),
        ("the 20th century", "19XX"),
        ("the nineteenth century", "18XX"),
        ("the 1970s", "197X"),
        ("the 1700s", "17XX"),
        # compact forms
        ("ops ended 21Sep", "2021-09-21"),
        ("DTG 04Jul19", "2019-07-04"),
        ("signed 9Dec2015", "2015-12-09"),
        # lower-case month and weekday names
        ("on june 4", "2021-06-04"),
        ("4 june 2019", "2019-06-04"),
        ("may 19", "2021-05-19"),
        ("in september 2018", "2018-09"),
        ("on monday", "2021-10-25"),
        # numbers with month names, two-digit years
        ("14/Mar/98", "1998-03-14"),
        ("14-MAR-1998", "1998-03-14"),
        ("1998-Mar-14", "1998-03-14"),
        ("14 Mar 98", "1998-03-14"),
        ("Mar 14 '98", "1998-03-14"),
        # a four-digit time after a date is the time
        ("attack at 6 Feb 1315 local", "2021-02-06"),
        ("landed 6 Feb 0745Z", "2021-02-06"),
        ("6 Feb, 1315", "1315-02-06"),
        # weekday with an ordinal day, n-th weekday of a month
        ("Friday the 22nd", "2021-10-22"),
        ("Monday 11th", "2021-10-11"),
        ("the second Sunday of May 2020", "2020-05-10"),
        ("the last day of February 2024", "2024-02-29"),
        # open intervals, approximate and uncertain years
        ("before 1950", "../1950"),
        ("built after 1965", "1965/.."),
        ("earlier than March 1950", "../1950-03"),
        ("circa 1905", "1905~"),
        ("c1905", "1905~"),
        ("ca. 1905", "1905~"),
        ("about 1905", "1905~"),
        ("1905 approx", "1905~"),
        ("circa Oct 1905", "1905-10~"),
        ("perhaps 1905", "1905?"),
        ("1905?", "1905?"),
        ("ca. 1930s", "193X~"),
        ("before approx June 1940", "../1940-06~"),
        # named days, "right now"
        ("on Christmas Eve", "2020-12-24"),
        ("right now", "2021-10-28"),
        ("the day after tomorrow", "2021-10-30"),
        ("end of the month", "2021-10-21~/2021-10-31"),
        ("on the 9th", "2021-10-09"),
        # a range of months joined by a dash, year first with slashes, two-digit decades
        ("the quarter of January-March 2020", "2020-01/2020-03"),
        ("figures for Jan.-Mar. 2019", "2019-01/2019-03"),
        ("filed on 2019/04/17", "2019-04-17"),
        ("dated 2019.4.7", "2019-04-07"),
        ("a boom in the 90s", "199X"),
        ("the first such base, which will open in two years", "2023"),
        ("since the '80s", "198X/.."),
        ("the early 70s", "1970/1973~"),
    ],
)
def test_forms(text: str, expected: str) -> None:
    assert read(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "Russia now has more troops there",  # "now" inside a sentence is an adverb
        "in months of talks",
        "the 15th round of talks",
        "they sat on the Sun newspaper",
        "about 2020 elections",  # "about" before a noun is not "circa"
        "1-3-18",  # a score, not a date
        "a May-based firm",  # a month before a hyphen opens no range
        "version 2020.5.1.3",  # a version number, not a date
        "in his 90s",  # an age: a decade needs "the" or an apostrophe
        # the stretch of the past a record is measured over, no date to come
        "the first foreign base in the country in 50 years",
        "for the first time in 20 years",
        "the largest naval drills in a decade",
    ],
)
def test_not_dates(text: str) -> None:
    assert read(text) is None


@pytest.mark.parametrize("text", ["31 April 2015", "April 31, 2015", "30Feb2020", "31/04/2015"])
def test_impossible_days_warn_and_give_nothing(text: str) -> None:
    assert read(text) is None
    assert "invalid_date" in codes(text)


def test_day_and_month_order_is_never_a_silent_guess() -> None:
    assert (read("05/06/2021"), codes("05/06/2021")) == ("2021-05-06", ["assumed_order"])
    assert (read("05/06/2021", day_first=True), codes("05/06/2021", day_first=True)) == (
        "2021-06-05",
        [],
    )
    assert read("05/06/2021", day_first=False) == "2021-05-06"
    # One order only: no option needed, no warning.
    assert (read("25/06/2021"), codes("25/06/2021")) == ("2021-06-25", [])
    assert read("06/25/2021", day_first=True) == "2021-06-25"
    # Dots are day first; hyphens follow the same rule as slashes.
    assert read("05.06.2021") == "2021-06-05"
    assert read("5-6-2021", day_first=True) == "2021-06-05"


def test_a_text_that_shows_its_order_decides_the_others() -> None:
    text = "Signed 23/10/2021, ratified 05/06/2022."
    found = find_dates(text, anchor=THURSDAY)
    assert [str(d.value) for d in found] == ["2021-10-23", "2022-06-05"]
    assert all(not d.warnings for d in found)


def test_relative_to_the_report_is_flagged() -> None:
    assert codes("Three days later the talks failed.") == ["relative_to_report"]


def test_day_first_must_be_a_bool() -> None:
    with pytest.raises(TypeError, match="day_first"):
        resolve_date("05/06/2021", anchor=THURSDAY, day_first="yes")  # type: ignore[arg-type]
