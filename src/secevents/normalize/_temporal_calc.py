"""Calendar arithmetic for the date normalizer: years, weekdays, parts of months and years.

Tenses are plain strings here ("past", "present", "future"); ``temporal.Tense``
is a ``StrEnum`` of the same values.
"""

from __future__ import annotations

import calendar
import datetime as dt
import functools
import math
from typing import Final

from dateutil.relativedelta import relativedelta

from ..model.dates import Bound, DateSpan, PartialDate
from . import _temporal_words as words
from .result import TextWarning

ONE_DAY: Final = dt.timedelta(days=1)
# Where "early", "mid" and "late" fall in a month (days) and in a year (months).
_MONTH_PARTS: Final = {"early": (1, 10), "mid": (11, 20), "late": (21, 31)}
_YEAR_PARTS: Final = {"early": (1, 4), "mid": (5, 8), "late": (9, 12)}
_DECADE_PARTS: Final = {"early": (0, 3), "mid": (4, 6), "late": (7, 9)}
# EDTF level-1 seasons (northern hemisphere) and the months they start in.
SEASONS: Final = {"spring": 21, "summer": 22, "autumn": 23, "fall": 23, "winter": 24}


def _fuzzy(year: int, month: int, day: int | None, approximate: bool) -> PartialDate:
    return PartialDate(year, month, day, approximate=approximate)


def days_in_month(year: int, month: int) -> int:
    """28 to 31."""
    if month == 2:
        return 29 if calendar.isleap(year) else 28
    return 30 if month in (4, 6, 9, 11) else 31


@functools.lru_cache(maxsize=4096)
def calendar_span(year: int, month: int | None, day: int | None, part: str | None) -> DateSpan:
    """The span of a calendar date, or of the early/mid/late part of a month or year.

    A part is an interval whose inner ends are approximate: late 2020 is
    ``2020-09~/2020-12`` (EDTF level 1 has no thirds of a year).
    """
    if day is not None and month is not None:
        return DateSpan.day(year, month, day)
    if part is None:
        return DateSpan(PartialDate(year, month))
    if month is None:
        first, last = _YEAR_PARTS[part]
        return DateSpan(
            _fuzzy(year, first, None, part != "early"), _fuzzy(year, last, None, part != "late")
        )
    first, last = _MONTH_PARTS[part]
    last = min(last, days_in_month(year, month))
    return DateSpan(
        _fuzzy(year, month, first, part != "early"), _fuzzy(year, month, last, part != "late")
    )


@functools.lru_cache(maxsize=4096)
def day_span(day: dt.date) -> DateSpan:
    """A single day (cached: a text names the same days again and again)."""
    return DateSpan.of(day)


@functools.lru_cache(maxsize=4096)
def interval(start: PartialDate | Bound, end: PartialDate | Bound) -> DateSpan:
    """``start/end`` (cached: checking an interval costs more than finding it)."""
    return DateSpan(start, end)


@functools.lru_cache(maxsize=4096)
def day_range(year: int, month: int, first: int, last: int) -> DateSpan:
    """Days ``first`` to ``last`` of a month ("Aug. 5-10")."""
    return DateSpan(PartialDate(year, month, first), PartialDate(year, month, last))


@functools.lru_cache(maxsize=1024)
def year_span(year: int, approximate: bool = False) -> DateSpan:
    """A year ("2016", or "2016~" for "around 2016")."""
    return DateSpan(PartialDate(year, approximate=approximate))


def decade_span(decade: int, part: str | None) -> DateSpan:
    """The 1990s as ``199X``; the early 1990s as ``1990/1993~``; the 1800s as the century."""
    if part is None:
        digits = 2 if decade % 100 == 0 else 1
        return DateSpan(PartialDate(decade, unspecified=_YEAR_X[digits]))
    first, last = _DECADE_PARTS[part]
    return DateSpan(
        PartialDate(decade + first, approximate=part not in (None, "early")),
        PartialDate(decade + last, approximate=part not in (None, "late")),
    )


# The bits of PartialDate.unspecified for the last one or two digits of the year.
_YEAR_X: Final = {1: 0b1000, 2: 0b1100}


def unspecified_years(first_year: int, digits: int) -> DateSpan:
    """``199X`` (digits=1) or ``18XX`` (digits=2): a decade or century as EDTF writes it."""
    return DateSpan(PartialDate(first_year, unspecified=_YEAR_X[digits]))


def infer_year(
    month: int, day: int | None, anchor: dt.date, tense: str
) -> tuple[int, tuple[TextWarning, ...]]:
    """The year of a month (and day) written without one, from the anchor and the tense.

    Past: the month is not after the anchor's month (else last year); future: not
    before it (else next year); present: the nearest. Within the anchor's month
    the anchor's year is kept, with a warning when the day contradicts the tense.
    """
    year = anchor.year
    if tense == "present":
        target = (month - 1) * 31 + (day or 15)
        here = (anchor.month - 1) * 31 + anchor.day
        # Ties go to the past: news mostly reports what happened.
        return min(
            (year - 1, year, year + 1), key=lambda y: abs((y - year) * 372 + target - here)
        ), ()
    if month == anchor.month and day is not None:
        late = tense == "past" and day > anchor.day
        early = tense == "future" and day < anchor.day
        if late or early:
            side = "after" if late else "before"
            message = f"{words.MONTH_NAMES[month - 1]} {day} is {side} the report date {anchor}"
            return year, (TextWarning("tense_conflict", f"{message} in a {tense} clause"),)
        return year, ()
    if tense == "future":
        return (year + 1 if month < anchor.month else year), ()
    return (year - 1 if month > anchor.month else year), ()


def two_digit_year(digits: int, anchor: dt.date) -> int:
    """The year of "'99" or "17": the one of that ending from 80 years before the anchor
    to 20 years after it (dateutil's and most parsers' window, moved to the anchor)."""
    year = anchor.year - anchor.year % 100 + digits
    if year > anchor.year + 20:
        return year - 100
    if year <= anchor.year - 80:
        return year + 100
    return year


def relative_month_year(month: int, anchor: dt.date, relation: str) -> int:
    """The year of "last December" (strictly before the anchor's month) or "next March"."""
    if relation in ("last", "past"):
        return anchor.year if month < anchor.month else anchor.year - 1
    if relation in ("next", "coming"):
        return anchor.year if month > anchor.month else anchor.year + 1
    return anchor.year


def weekday_date(weekday: int, anchor: dt.date, tense: str, relation: str | None) -> dt.date:
    """The date a weekday name means in a report of ``anchor``.

    Past: the latest such day on or before the anchor ("on Thursday" in a Thursday
    report is that day); future: the earliest on or after it; present: the
    nearest. "last"/"next" exclude the anchor's own day; "this" is in its week.
    """
    ahead = (weekday - anchor.weekday()) % 7
    back = (anchor.weekday() - weekday) % 7
    if relation in ("last", "past", "this past"):
        return anchor - dt.timedelta(days=back or 7)
    if relation in ("next", "coming", "this coming"):
        return anchor + dt.timedelta(days=ahead or 7)
    if relation == "this":
        return anchor + dt.timedelta(days=weekday - anchor.weekday())
    if tense == "future" or (tense == "present" and ahead <= 3):
        return anchor + dt.timedelta(days=ahead)
    return anchor - dt.timedelta(days=back)


def years_on_weekday(anchor: dt.date, day: int, month: int, weekday: int) -> list[int]:
    """The years around the anchor's (the one before to the one after) in which
    ``day``/``month`` falls on ``weekday`` (0 is Monday)."""
    if not 1 <= month <= 12:
        return []
    return [
        year
        for year in range(anchor.year - 1, anchor.year + 2)
        if day <= days_in_month(year, month) and dt.date(year, month, day).weekday() == weekday
    ]


def unit_span(anchor: dt.date, unit: str, step: int, part: str | None = None) -> DateSpan:
    """The week (Monday to Sunday), weekend, month or year ``step`` units from the
    anchor's, or the ``part`` of that month or year ("early", "late")."""
    if unit in ("week", "weekend"):
        return week_span(anchor, step, weekend=unit == "weekend")
    if unit == "month":
        moved = shift(anchor, step, "month")
        return calendar_span(moved.year, moved.month, None, part)
    return calendar_span(anchor.year + step, None, None, part)


@functools.lru_cache(maxsize=256)
def week_span(anchor: dt.date, weeks: int, weekend: bool = False) -> DateSpan:
    """The Monday-Sunday week ``weeks`` weeks from the anchor's (or its Saturday-Sunday)."""
    monday = anchor - dt.timedelta(days=anchor.weekday()) + dt.timedelta(weeks=weeks)
    first = monday + dt.timedelta(days=5) if weekend else monday
    return DateSpan.between(first, monday + dt.timedelta(days=6))


@functools.lru_cache(maxsize=256)
def the_weekend(anchor: dt.date, tense: str) -> DateSpan:
    """The Saturday and Sunday of "the weekend": the last in a past clause, else the coming."""
    if anchor.weekday() >= 5:
        return week_span(anchor, 0, weekend=True)
    if tense == "future" or (tense == "present" and anchor.weekday() >= 3):
        return week_span(anchor, 0, weekend=True)
    return week_span(anchor, -1, weekend=True)


def season_span(season: int, anchor: dt.date, relation: str | None, year: int | None) -> DateSpan:
    """An EDTF season: of a stated year, or the last/next/this one from the anchor.

    "this summer" is the one the anchor falls in, else the anchor year's.
    """
    if year is not None:
        return DateSpan(PartialDate(year, season))
    candidates = [PartialDate(y, season) for y in range(anchor.year - 2, anchor.year + 2)]
    if relation == "last":
        return DateSpan([d for d in candidates if d.latest < anchor][-1])
    if relation == "next":
        return DateSpan(next(d for d in candidates if d.earliest > anchor))
    current = [d for d in candidates if d.earliest <= anchor <= d.latest]
    return DateSpan(current[0] if current else PartialDate(anchor.year, season))


def shift(anchor: dt.date, amount: int, unit: str) -> dt.date:
    """The anchor moved by ``amount`` days, weeks, months or years (may be negative)."""
    return anchor + relativedelta(**{unit + "s": amount})  # type: ignore[arg-type]


#: Units of an offset ("three days ago", "in two weeks") and their size in a base unit.
OFFSET_UNITS: Final = {
    "second": (0, "day"), "minute": (0, "day"), "hour": (0, "day"), "day": (1, "day"),
    "week": (1, "week"), "fortnight": (2, "week"), "month": (1, "month"),
    "quarter": (3, "month"), "year": (1, "year"), "decade": (10, "decade"),
    "century": (100, "decade"),
}  # fmt: skip


def offset_span(anchor: dt.date, amount: int, unit: str) -> DateSpan:
    """The day, month or year ``amount`` units from the anchor (negative: before it).

    Precision follows the unit: three days ago is a day, two weeks from now an
    approximate day, a month ago a month, a year from now a year, a decade ago an
    approximate year; hours and minutes fall on the anchor's day.
    """
    size, base = OFFSET_UNITS[unit]
    if base == "decade":
        return DateSpan(PartialDate(anchor.year + size * amount, approximate=True))
    if size == 0:
        return _clock_offset(anchor, amount * _HOURS[unit])
    moved = shift(anchor, size * amount, base)
    if base == "year":
        return DateSpan.year(moved.year)
    if base == "month":
        return DateSpan.month(moved.year, moved.month)
    return DateSpan(PartialDate(moved.year, moved.month, moved.day, approximate=base == "week"))


_HOURS: Final = {"hour": 1.0, "minute": 1 / 60, "second": 1 / 3600}


def _clock_offset(anchor: dt.date, hours: float) -> DateSpan:
    """The day ``hours`` from the report, whose time of day is not known: its own day
    under twelve hours; else the two days it may fall on ("23 hours ago" is yesterday or
    today), or one day for a whole number of days ("48 hours ago")."""
    if abs(hours) < 12:
        return day_span(anchor)
    first = math.floor(hours / 24)
    if hours % 24 == 0:
        return day_span(anchor + ONE_DAY * first)
    day = anchor + ONE_DAY * first
    return DateSpan(
        PartialDate(day.year, day.month, day.day),
        PartialDate((after := day + ONE_DAY).year, after.month, after.day),
    )


def ago_span(anchor: dt.date, amount: int, unit: str) -> DateSpan:
    """Three days ago is a day, two weeks ago an approximate day, a year ago a year."""
    return offset_span(anchor, -amount, unit)


def after_duration(start: dt.date, amount: int, unit: str) -> dt.date:
    """The last day of ``amount`` units that begin on ``start`` (six days from the 16th: 21st)."""
    return shift(start, amount, unit) - ONE_DAY


def first_and_last(span: DateSpan) -> tuple[PartialDate | Bound, PartialDate | Bound]:
    """The start and the end of a span (a single date is both)."""
    return span.start, span.start if span.end is None else span.end
