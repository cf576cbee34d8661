"""Issue 12, stop 30: the weekday that chooses a year, and more forms of dates.

Each test is on phrases written for it, not on the suites' cases.
"""

from __future__ import annotations

import datetime as dt

import pytest

from secevents.normalize import find_actors, resolve_date

#: A Thursday in March.
MARCH_THURSDAY = dt.date(2018, 3, 8)


def read(text: str, tense: str = "past") -> tuple[str | None, list[str]]:
    result = resolve_date(text, anchor=MARCH_THURSDAY, tense=tense)
    value = None if result.value is None else str(result.value)
    return value, [w.code for w in result.warnings]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # 6 May 2018 is a Sunday, 6 May 2017 a Saturday: the weekday says 2018.
        ("the summit on Sunday, 6 May", "2018-05-06"),
        ("Sunday 6 May", "2018-05-06"),
        ("6 May, Sunday", "2018-05-06"),
        # 30 December 2017 is a Saturday: the tense and the weekday agree.
        ("Saturday, Dec. 30", "2017-12-30"),
    ],
)
def test_a_weekday_chooses_the_year_a_date_left_out(text: str, expected: str) -> None:
    value, warnings = read(text)
    assert value == expected
    assert "weekday_mismatch" not in warnings
    # Against the past tense of the clause, the choice is said.
    assert ("tense_conflict" in warnings) == (expected > str(MARCH_THURSDAY))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # 2016-05-06 was a Friday: out of the years around the report, the date stays.
        ("Friday, 6 May", "2017-05-06"),
        # 2019-03-06 is a Wednesday, a year from the report: the weekday is as likely
        # the writer's slip, so the year stays and the mismatch is said.
        ("Wednesday, March 6", "2018-03-06"),
        # A year the text gives is never moved.
        ("Sunday, 6 May 2017", "2017-05-06"),
    ],
)
def test_a_weekday_that_fits_no_near_year_only_warns(text: str, expected: str) -> None:
    value, warnings = read(text)
    assert value == expected
    assert "weekday_mismatch" in warnings


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # Weeks counted from the coming weekday (the report is a Thursday).
        ("the talks resume a week on Monday", "2018-03-19"),
        ("a week from Friday, the envoys meet again", "2018-03-16"),
        ("two weeks from Tuesday", "2018-03-27"),
        ("a fortnight on Saturday", "2018-03-24"),
        # A week before the last such weekday.
        ("it was a week ago Monday", "2018-02-26"),
    ],
)
def test_weeks_counted_from_a_weekday(text: str, expected: str) -> None:
    assert read(text) == (expected, [])


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("the 2019/20 budget", "2019/2020"),
        ("in the 2017/18 winter", "2017/2018"),
        ("the 1999/00 season", "1999/2000"),
        ("the 1999-00 season", "1999/2000"),
    ],
)
def test_a_season_over_two_years_written_with_a_slash(text: str, expected: str) -> None:
    assert read(text) == (expected, [])


@pytest.mark.parametrize("text", ["a ratio of 2019/23", "the 2019/21 plan"])
def test_a_slash_between_years_that_do_not_follow_is_no_span(text: str) -> None:
    assert read(text)[0] is None


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # The report's time of day is not known: the days the hours may fall on.
        ("strikes in the past 24 hours", "2018-03-07/2018-03-08"),
        ("over the last 36 hours", "2018-03-06/2018-03-08"),
        ("within the next 72 hours", "2018-03-08/2018-03-11"),
    ],
)
def test_hours_up_to_or_from_the_report(text: str, expected: str) -> None:
    assert read(text) == (expected, [])


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("a year ago today, the base opened", "2017-03-08"),
        ("two years ago today", "2016-03-08"),
        ("a week ago today", "2018-03-01"),
        ("six months ago today", "2017-09-08"),
    ],
)
def test_ago_today_is_that_very_day(text: str, expected: str) -> None:
    assert read(text) == (expected, [])


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("fighting on the evening of the 25th", "2018-02-25"),
        ("on the night of the 3rd", "2018-03-03"),
        ("the morning of the 2nd", "2018-03-02"),
        ("the 25th at noon", "2018-02-25"),
        ("on the 5th at 3 pm", "2018-03-05"),
    ],
)
def test_a_day_of_the_month_with_its_time_of_day(text: str, expected: str) -> None:
    assert read(text) == (expected, [])


@pytest.mark.parametrize("text", ["on the 15th floor", "the 15th round", "the 3rd at bat"])
def test_an_ordinal_before_a_noun_is_no_day(text: str) -> None:
    assert read(text)[0] is None


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # Not "the weekend" (the last one) followed by a stray "before last".
        ("talks on the weekend before last", "2018-02-24/2018-02-25"),
        ("the week before last", "2018-02-19/2018-02-25"),
        ("the week after next", "2018-03-19/2018-03-25"),
        ("the month after next", "2018-05"),
        ("the year before last", "2016"),
    ],
)
def test_two_calendar_units_away(text: str, expected: str) -> None:
    assert read(text) == (expected, [])


@pytest.mark.parametrize(
    ("text", "expected"), [("bases built in the 90's", "199X"), ("since the 80’s", "198X/..")]
)
def test_a_short_decade_with_an_apostrophe_before_the_s(text: str, expected: str) -> None:
    assert read(text) == (expected, [])


@pytest.mark.parametrize(
    ("text", "tense", "expected"),
    [
        ("tue", "past", "2018-03-06"),
        ("TUE", "past", "2018-03-06"),
        ("Thurs.", "past", "2018-03-08"),
        ("sat", "future", "2018-03-10"),
    ],
)
def test_a_weekday_abbreviation_alone_is_a_field(text: str, tense: str, expected: str) -> None:
    assert read(text, tense) == (expected, [])


@pytest.mark.parametrize("text", ["the sun rose", "they wed in May 1990 and left"])
def test_a_weekday_abbreviation_in_prose_stays_a_word(text: str) -> None:
    value, _ = read(text)
    assert value in (None, "1990-05")


def countries(text: str, date: str | None) -> list[str | None]:
    return [r.value.country for r in find_actors(text, date=date) if r.value is not None]


@pytest.mark.parametrize(
    ("text", "date", "expected"),
    [
        # The one office-holder of that family name then: a courtesy title names no office.
        ("Mr. Mugabe told reporters", "2015-06-01", "ZWE"),
        ("Mr Mugabe told reporters", "2015-06-01", "ZWE"),
        ("Mr. Castro received the envoy", "2015-06-01", "CUB"),
        # Chinese and Korean names are written family name first.
        ("Mr. Moon met the envoy", "2019-06-01", "KOR"),
        ("Mr. Xi met the envoy", "2019-06-01", "CHN"),
        # Out of office then: the name alone says no state.
        ("Mr. Mugabe told reporters", "2019-06-01", None),
        ("Mr. Moon met the envoy", "2015-06-01", None),
        # Undated: a surname is anyone's.
        ("Mr. Mugabe told reporters", None, None),
    ],
)
def test_a_courtesy_title_and_a_surname_of_an_office_holder(
    text: str, date: str | None, expected: str | None
) -> None:
    assert countries(text, date) == [expected]


def test_a_courtesy_title_before_a_surname_several_served_under_warns() -> None:
    # In 2019 a Kim led North Korea and another was a US envoy: no state, and a warning.
    (result,) = [r for r in find_actors("Mr. Kim arrived", date="2019-06-01") if r.value]
    assert result.value is not None and result.value.country is None
    assert [w.code for w in result.warnings] == ["ambiguous_person"]


@pytest.mark.parametrize(
    ("text", "code", "country"),
    [
        ("Zapatistas blocked the road", "EZLN", "MEX"),
        ("a Khmer Rouge prison", "KHMER_ROUGE", "KHM"),
        ("Ansar Dine fighters seized the town", "ANSAR_DINE", "MLI"),
        ("the Sandinistas won the vote", "FSLN", "NIC"),
        ("the Contras were armed from abroad", "CONTRAS", "NIC"),
        ("Viet Cong units withdrew", "VIET_CONG", "VNM"),
        ("Seleka rebels entered Bangui", "SELEKA", "CAF"),
        ("anti-balaka militias attacked", "ANTI_BALAKA", "CAF"),
        ("Ahrar al-Sham shelled the base", "AHRAR_AL_SHAM", "SYR"),
        ("the Mahdi Army laid down its arms", "MAHDI_ARMY", "IRQ"),
        ("the Congress party walked out", "INDIAN_NATIONAL_CONGRESS", "IND"),
    ],
)
def test_armed_groups_and_parties_of_coded_news(text: str, code: str, country: str) -> None:
    found = [(r.value.code, r.value.country) for r in find_actors(text) if r.value is not None]
    assert (code, country) in found
