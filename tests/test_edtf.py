"""Every EDTF level 0 and level 1 feature read by DateSpan.parse, written back as read."""

from __future__ import annotations

import datetime as dt

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

from secevents import DatePrecision, DateSpan, PartialDate

D = dt.date


@pytest.mark.parametrize(
    ("text", "earliest", "latest", "precision"),
    [
        # level 0: dates, date-times, intervals
        ("1987-03-09", D(1987, 3, 9), D(1987, 3, 9), DatePrecision.DAY),
        ("1987-03-09T07:15:00", D(1987, 3, 9), D(1987, 3, 9), DatePrecision.DAY),
        ("1987-03-09T07:15:00Z", D(1987, 3, 9), D(1987, 3, 9), DatePrecision.DAY),
        ("1987-03-09T07:15:00-03", D(1987, 3, 9), D(1987, 3, 9), DatePrecision.DAY),
        ("1987-03-09T07:15:00+05:45", D(1987, 3, 9), D(1987, 3, 9), DatePrecision.DAY),
        ("1987-03-09T23:59:59.250Z", D(1987, 3, 9), D(1987, 3, 9), DatePrecision.DAY),
        ("1987-03-09T24:00:00", D(1987, 3, 9), D(1987, 3, 9), DatePrecision.DAY),
        ("1971/1989", D(1971, 1, 1), D(1989, 12, 31), DatePrecision.YEAR),
        ("1971-05-02/1989", D(1971, 5, 2), D(1989, 12, 31), DatePrecision.YEAR),
        # year zero and negative years: beyond datetime's range, so bounds are clamped
        ("0000", D.min, D.min, DatePrecision.YEAR),
        ("-0044", D.min, D.min, DatePrecision.YEAR),
        ("-0044-03-15", D.min, D.min, DatePrecision.DAY),
        ("-0300/0100", D.min, D(100, 12, 31), DatePrecision.YEAR),
        # level 1: long years, seasons, qualifiers, unspecified digits, extended intervals
        ("Y25000", D.max, D.max, DatePrecision.YEAR),
        ("Y-25000", D.min, D.min, DatePrecision.YEAR),
        ("1987-22", D(1987, 6, 1), D(1987, 8, 31), DatePrecision.SEASON),
        ("-0120-21", D.min, D.min, DatePrecision.SEASON),
        ("1987-04-11%", D(1987, 4, 11), D(1987, 4, 11), DatePrecision.DAY),
        ("-0044~", D.min, D.min, DatePrecision.YEAR),
        ("187X", D(1870, 1, 1), D(1879, 12, 31), DatePrecision.YEAR),
        ("18XX", D(1800, 1, 1), D(1899, 12, 31), DatePrecision.YEAR),
        ("XXXX", D(1, 1, 1), D(9999, 12, 31), DatePrecision.YEAR),
        ("1871-XX", D(1871, 1, 1), D(1871, 12, 31), DatePrecision.MONTH),
        ("1872-02-XX", D(1872, 2, 1), D(1872, 2, 29), DatePrecision.DAY),
        ("1871-XX-XX", D(1871, 1, 1), D(1871, 12, 31), DatePrecision.DAY),
        ("187X?", D(1870, 1, 1), D(1879, 12, 31), DatePrecision.YEAR),
        ("1987-03-09/..", D(1987, 3, 9), None, DatePrecision.DAY),
        ("../1987-03", None, D(1987, 3, 31), DatePrecision.MONTH),
        ("/1987", None, D(1987, 12, 31), DatePrecision.YEAR),
        ("1987-03/", D(1987, 3, 1), None, DatePrecision.MONTH),
        ("1960?/1987-03~", D(1960, 1, 1), D(1987, 3, 31), DatePrecision.YEAR),
        ("1871-XX/1872-02-XX", D(1871, 1, 1), D(1872, 2, 29), DatePrecision.MONTH),
    ],
)
def test_level_0_and_1_forms(
    text: str, earliest: dt.date | None, latest: dt.date | None, precision: DatePrecision
) -> None:
    span = DateSpan.parse(text)
    assert str(span) == text
    assert (span.earliest, span.latest, span.precision) == (earliest, latest, precision)
    assert DateSpan.parse(str(span)) == span
    assert hash(span) == hash(DateSpan.parse(text))


def test_fields_of_the_new_forms() -> None:
    some = PartialDate.parse("187X")
    assert (some.year, some.month, some.unspecified) == (1870, None, 0b1000)
    timed = PartialDate.parse("1987-03-09T07:15:00+05:45")
    assert (timed.day, timed.time) == (9, "07:15:00+05:45")
    assert PartialDate.parse("-0044").year == -44
    assert PartialDate.parse("Y-25000").year == -25000
    assert str(PartialDate(25000)) == "Y25000"
    assert str(PartialDate(-7, 3)) == "-0007-03"


def test_spans_stay_frozen_and_hashable() -> None:
    span = DateSpan.parse("18XX/1987-03-09T07:15:00Z")
    assert len({span, DateSpan.parse("18XX/1987-03-09T07:15:00Z")}) == 1
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        span.start = PartialDate(1900)  # type: ignore[misc]


def test_order_and_overlap_across_year_zero() -> None:
    before_christ = DateSpan.parse("-0300/0100")
    assert before_christ.contains(DateSpan.parse("-0044-03-15"))
    assert not before_christ.overlaps(DateSpan.parse("-0400"))
    assert DateSpan.parse("0000").overlaps(DateSpan.parse("-0001/0001"))
    with pytest.raises(ValueError, match="after it ends"):
        DateSpan.parse("0001/-0001")


@pytest.mark.parametrize(
    ("text", "hint"),
    [
        ("23/10/2021", "'23/10/2021' is not EDTF; write 2021-10-23"),
        ("10/23/2021", "write 2021-10-23"),
        ("05/06/2021", "write 2021-06-05 (day first) or 2021-05-06 (month first)"),
        ("2021/10/23", "write 2021-10-23"),
        ("2021-3-7", "write 2021-03-07"),
        ("2021-10-23 10:30", "write 2021-10-23T10:30:00"),
        ("1950s", "write 195X"),
        ("c. 1860", "write 1860~"),
        ("19uu", "write 19XX"),
        ("123456", "write Y123456"),
        ("Y1999", "write 1999"),
        ("-0000", "write 0000"),
    ],
)
def test_errors_say_what_was_probably_meant(text: str, hint: str) -> None:
    with pytest.raises(ValueError, match=r"EDTF|Y") as error:
        DateSpan.parse(text)
    assert hint in str(error.value)


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("the day after", "EDTF writes YYYY, YYYY-MM or YYYY-MM-DD"),
        ("15X7", "X before a known digit is level 2"),
        ("2004?-06-11", "EDTF writes"),
        ("2021-10-23T25:00:00", "not a time of day"),
        ("2021-10-23T10:00:00-00:00", "as Z or +00:00"),
        ("2021-10T10:00:00", "needs a full date"),
        ("2021-10-23T10:00:00?", "qualifies dates, not date-times"),
    ],
)
def test_errors_say_what_edtf_expects(text: str, words: str) -> None:
    with pytest.raises(ValueError, match=r"EDTF|time|date") as error:
        DateSpan.parse(text)
    assert words in str(error.value)


@st.composite
def _level_one(draw: st.DrawFn) -> str:
    year = draw(st.integers(-9999, 9999))
    text = f"-{-year:04d}" if year < 0 else f"{year:04d}"
    shape = draw(st.sampled_from(["year", "month", "day", "season", "x1", "x2", "xm", "xd"]))
    if shape == "x1" and year >= 0:
        return text[:3] + "X"
    if shape == "x2" and year >= 0:
        return text[:2] + "XX"
    if shape == "season":
        return f"{text}-{draw(st.integers(21, 24))}"
    if shape in ("month", "day", "xd"):
        text += f"-{draw(st.integers(1, 12)):02d}"
    if shape == "xm":
        text += "-XX"
    if shape == "day":
        text += f"-{draw(st.integers(1, 28)):02d}"
    if shape == "xd":
        text += "-XX"
    return text + draw(st.sampled_from(["", "?", "~", "%"]))


@given(_level_one(), _level_one())
def test_written_back_exactly(first: str, second: str) -> None:
    assert str(DateSpan.parse(first)) == first
    text, reason = f"{first}/{second}", ""
    try:
        assert str(DateSpan.parse(text)) == text
    except ValueError as error:
        reason = str(error)
    assert reason == "" or "after it ends" in reason
