"""Weekdays: "on Wednesday", "last Monday", "Monday night", and what may follow one.

One rule matches the weekday; what follows it is read from there, so the text near
a weekday is scanned once: "Friday next week", "Tuesday of last week", "Friday 22/9",
"Monday 19.06", "Tuesday 8th", "Friday the 13th", "on Friday 27.". "Thursday next"
may be the coming Thursday or the one after: nothing is read, with a warning.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Final

from .. import _fastre
from . import _temporal_calc as calc
from . import _temporal_words as words
from ._temporal_numeric import day_and_month
from ._temporal_rules import Context, Piece, calendar_piece, rule
from .result import TextWarning

# A short weekday ("Fri") is one only beside a date: "Fri 12/12", "Fri Dec 12".
_DATE_AFTER: Final = _fastre.compile(rf"\.?,?\s{{1,2}}(?:\d|{words.MONTH}\.?,?\s{{1,2}}\d)")
_RELATION: Final = words.any_case(
    "the following|this coming|this past|last|next|this|coming|past|following"
)
_STEP: Final = {"this": 0, "last": -1, "next": 1}

#: Where a bare day number after a weekday may stand: the end of the clause or a time.
_CLAUSE_END: Final = r"\b(?=\s{0,2}(?:\Z|[,;)]|\.(?!\d))|\s{1,2}\d{1,2}[:.]\d\d)"
_OF_WEEK: Final = _fastre.compile(
    rf"\s{{1,2}}(?:{words.any_case('of')}\s{{1,2}})?"
    rf"(?P<rel>{words.any_case('next|last|this')})\s{{1,2}}{words.any_case('week')}\b"
)
_DAY_MONTH: Final = _fastre.compile(
    r"\.?,?\s{1,2}(?P<a>\d{1,2})(?:/(?P<b>\d{1,2})(?![\w/]|[.,]\d)"
    rf"|\.(?P<c>\d{{1,2}})(?:\.(?![\w.])|{_CLAUSE_END}))"
)
_ORDINAL: Final = _fastre.compile(
    rf"\.?,?\s{{1,2}}(?:{words.any_case('the')}\s{{1,2}})?"
    rf"(?P<d>3[01]|[12][0-9]|0?[1-9])(?:(?:st|nd|rd|th)\b|{_CLAUSE_END})"
    rf"(?!\s{{0,2}}(?:of\s{{1,2}})?{words.MONTH_ANY})"
)
# A bare month name closing the phrase after "next Friday".
_MONTH_ALONE: Final = _fastre.compile(
    rf"\s{{1,2}}(?:{words.MONTH_ANY})(?=\s{{0,2}}(?:[,;.!?)]|\Z))"
)
# "the last Friday of the month", "the first Monday of next month": that weekday of the
# report's month or the one after or before it.
_OF_MONTH: Final = _fastre.compile(
    rf"\s{{1,2}}{words.any_case('of')}\s{{1,2}}(?P<rel>{words.any_case('the|this|next|last')})"
    rf"\s{{1,2}}{words.any_case('month')}\b"
)
_NTH_BEFORE: Final = _fastre.compile(
    rf"(?:\b{words.any_case('the')}\s{{1,2}})?\b(?P<o>{words.any_case('first|second|third|fourth|fifth')})"
    r"\s{1,2}\Z"
)
_NTH: Final = {"first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "last": -1}
_MONTH_STEP: Final = {"the": 0, "this": 0, "next": 1, "last": -1}
# "Monday week", "Friday fortnight" (British): a week or two after the coming one.
_WEEK_LATER: Final = _fastre.compile(
    rf"\s{{1,2}}(?P<u>{words.any_case('week|fortnight')})\b(?![-\w])"
)
_WEEK_INITIALS: Final = frozenset("wWfF")
_ANY_DIGIT: Final = _fastre.compile(r"\d")
_NEXT_ALONE: Final = _fastre.compile(r"\s{1,2}(?:next|Next|NEXT)(?=\s{0,2}(?:[,;.!?)]|\Z))")
# Digits written as a date beside a weekday that no rule reads with it ("31.01. Tuesday",
# "Thursday (12.)", "Monday morning, 19.6.17"): the weekday alone would name another day.
# Dates with a four-digit year ("Monday 4/3/2013") are read, and the weekday joins them.
_DIGIT_DATE_BEFORE: Final = _fastre.compile(r"(?<![\d.])\d{1,2}\.\d{1,2}\.[\s,]{0,3}\Z")
_DIGIT_DATE_AFTER: Final = _fastre.compile(
    rf"(?:\s{{1,2}}{words.any_case('morning|afternoon|evening|night')})?[\s,]{{0,3}}\(?\s?"
    r"\d{1,2}(?:\.(?!\d)|\.\d{1,2}\.(?!\d{3}))"
)


@rule(
    rf"\b(?:(?P<rel>{_RELATION})\s{{1,2}})?"
    rf"(?P<wd>{words.WEEKDAY}|(?P<short>{words.WEEKDAY_SHORT})\.?)(?:['’]s)?\b"
    rf"(?:\s{{1,2}}{words.any_case('morning|afternoon|evening|night')})?",
    kinds="weekday",
)
def weekday(match: re.Match[str], ctx: Context) -> list[Piece]:
    """Reads "on Wednesday", "last Monday", "next Monday", "Monday night", and a weekday
    with what follows it (see the module)."""
    if (
        ctx.text.startswith(" of ", match.end("wd"))
        and (not match["rel"] or match["rel"].lower() == "last")
        and (of_month := _OF_MONTH.match(ctx.text, match.end("wd")))
    ):
        return _of_month(match, of_month, ctx)
    if not match["rel"]:
        followed = _followed(match, ctx)
        if followed is not None:
            return followed
        near = ctx.text[max(0, match.start() - 14) : match.end("wd") + 24]
        if _ANY_DIGIT.search(near) and (
            _DIGIT_DATE_AFTER.match(ctx.text, match.end("wd"))
            or _DIGIT_DATE_BEFORE.search(ctx.text, max(0, match.start() - 14), match.start())
        ):
            said = ctx.text[match.start() : match.end("wd")]
            note = f"{said!r} stands beside digits of a date that were not read: not read alone"
            ctx.notes.append(TextWarning("ambiguous_date", note))
            return []
    elif month := _MONTH_ALONE.match(ctx.text, match.end()):
        # "next friday june": the coming Friday is in no June, or "june" is wrong.
        said = ctx.text[match.start() : month.end()]
        ctx.notes.append(TextWarning("conflicting_dates", f"{said!r}: a weekday and a month"))
        return []
    before = ctx.text[max(0, match.start() - 8) : match.start()].split()
    if before and before[-1][:1].isupper() and before[-1].lower() in words.HOLIDAY_PREFIXES:
        return []
    if match["short"] and not (
        match["rel"]
        or (before and before[-1].lower() == "on")
        or _DATE_AFTER.match(ctx.text, match.end())
    ):
        return []  # "Sun", "Sat", "Wed": a weekday only beside a date or after last/next/on
    number = words.weekday_number(match["wd"])
    relation = " ".join(match["rel"].lower().split()) if match["rel"] else None
    following = relation in ("following", "the following")
    if following:  # "on the following Friday": the one after the day told of
        relation = "coming"
    tense = ctx.tense_at(match.start(), match.end())
    day = calc.weekday_date(number, ctx.anchor, tense, relation)
    bare = None if relation else number
    piece = Piece(match.start(), match.end(), calc.day_span(day), weekday=bare)
    if following:
        said = ctx.text[match.start() : match.end("wd")]
        note = f"{said!r} is counted from the report's date; it may count from a day the text names"
        piece.warnings += (TextWarning("relative_to_report", note),)
    if relation == "next" and _same_week(day, ctx.anchor):
        # On a Wednesday "next Friday" is the coming one to some, the one after to others.
        later = day + dt.timedelta(weeks=1)
        said = ctx.text[match.start() : match.end("wd")]
        note = f"{said!r} read as {day}, the coming one; it may be {later}, a week later"
        piece.warnings += (TextWarning("ambiguous_date", note),)
    return [piece]


def _of_month(match: re.Match[str], of_month: re.Match[str], ctx: Context) -> list[Piece]:
    """ "the last Friday of the month", "the first Monday of next month"."""
    start, ordinal = match.start(), "last"
    if not match["rel"]:
        nth = _NTH_BEFORE.search(ctx.text, max(0, start - 12), start)
        if nth is None:
            return []
        start, ordinal = nth.start(), nth["o"].lower()
    elif ctx.text[max(0, start - 4) : start].lower() != "the ":
        return []  # "last Friday of the month" without "the" is last week's Friday
    else:
        start -= 4
    months = ctx.anchor.year * 12 + ctx.anchor.month - 1 + _MONTH_STEP[of_month["rel"].lower()]
    year, month = months // 12, months % 12 + 1
    weekday = words.weekday_number(match["wd"])
    last = calc.days_in_month(year, month)
    days = [d for d in range(1, last + 1) if dt.date(year, month, d).weekday() == weekday]
    position = _NTH[ordinal]
    if position > len(days):
        said = ctx.text[start : of_month.end()]
        ctx.notes.append(TextWarning("invalid_date", f"{said!r}: that month has no such day"))
        return []
    day = dt.date(year, month, days[position - 1] if position > 0 else days[-1])
    return [Piece(start, of_month.end(), calc.day_span(day))]


def _same_week(day: dt.date, anchor: dt.date) -> bool:
    """Whether ``day`` falls in the calendar week (Monday to Sunday) of ``anchor``."""
    return day - dt.timedelta(days=day.weekday()) == anchor - dt.timedelta(days=anchor.weekday())


def _followed(match: re.Match[str], ctx: Context) -> list[Piece] | None:
    """The pieces of a weekday with what follows it, or None when nothing does."""
    end = match.end("wd")
    if not match["short"] and (week := _OF_WEEK.match(ctx.text, end)):
        return [_of_week(match, week, ctx)]
    if (
        not match["short"]
        and ctx.text[end + 1 : end + 2] in _WEEK_INITIALS
        and (later := _WEEK_LATER.match(ctx.text, end))
    ):
        coming = calc.weekday_date(words.weekday_number(match["wd"]), ctx.anchor, "future", "next")
        weeks = 2 if later["u"].lower() == "fortnight" else 1
        day = coming + dt.timedelta(weeks=weeks)
        piece = Piece(match.start(), later.end(), calc.day_span(day))
        if coming - ctx.anchor == dt.timedelta(weeks=1):  # said on that weekday itself
            note = f"{ctx.text[match.start() : later.end()]!r} may count from today: {coming}"
            piece.warnings += (TextWarning("ambiguous_date", note),)
        return [piece]
    if numbers := _DAY_MONTH.match(ctx.text, end):
        pieces = _with_day_month(match, numbers, ctx)
        if pieces:
            return pieces
    if ordinal := _ORDINAL.match(ctx.text, end):
        return [_with_day(match, ordinal, ctx)]
    if next_alone := _NEXT_ALONE.match(ctx.text, end):
        said = ctx.text[match.start() : next_alone.end()]
        note = f"{said!r} may be the coming {match['wd']} or the one after: write the date"
        ctx.notes.append(TextWarning("ambiguous_date", note))
        return []
    return None


def _of_week(match: re.Match[str], week: re.Match[str], ctx: Context) -> Piece:
    """ "Friday next week", "Tuesday of last week": that weekday of the calendar week
    (Monday to Sunday) after, before or of the report's."""
    step = _STEP[week["rel"].lower()]
    monday = ctx.anchor - dt.timedelta(days=ctx.anchor.weekday()) + dt.timedelta(weeks=step)
    day = monday + dt.timedelta(days=words.weekday_number(match["wd"]))
    return Piece(match.start(), week.end(), calc.day_span(day))


def _with_day_month(match: re.Match[str], numbers: re.Match[str], ctx: Context) -> list[Piece]:
    """ "Friday 22/9", "Fri 9/23", "Monday 19.06", "Tuesday, 8.5.": the year in which that
    day is that weekday, nearest the report. When both orders make a date, the one the
    weekday fits decides ("Sunday 6/5" in 2016 is 5 June). Dots need a final dot or the
    clause's end ("on Monday 2.5 km away" is a distance)."""
    said = ctx.text[numbers.start("a") : numbers.end()]
    first, second = int(numbers["a"]), int(numbers["b"] or numbers["c"])
    read = day_and_month(ctx, first, second, said, dotted=numbers["c"] is not None)
    if read is None:
        return []
    day, month, warnings = read
    if day > calc.days_in_month(2000, month):
        return []
    weekday = words.weekday_number(match["wd"])
    years = calc.years_on_weekday(ctx.anchor, day, month, weekday)
    if not years and day <= 12 and month <= 31 and day != month:
        other = calc.years_on_weekday(
            ctx.anchor, month, day, weekday
        )  # the other order fits the weekday
        if other:
            day, month, years, warnings = month, day, other, ()
    if not years:
        piece = calendar_piece(ctx, numbers.start("a"), numbers.end(), month, day, None)
        said = words.DAY_NAMES[weekday]
        note = TextWarning("weekday_mismatch", f"no {day}/{month} near the report is a {said}")
        piece.warnings += (*warnings, note)
        return [piece]
    days = [dt.date(year, month, day) for year in years]
    date = _by_tense(days, ctx, match.start(), numbers.end())
    span = calc.calendar_span(date.year, month, day, None)
    return [Piece(match.start(), numbers.end(), span, warnings, None, month, day)]


def _with_day(match: re.Match[str], ordinal: re.Match[str], ctx: Context) -> Piece:
    """ "Tuesday 8th", "Tuesday the 12th", "on Friday 27.": the nearest month whose day is
    that weekday. A bare number counts only before the clause ends ("On Tuesday 11
    people died" is a count)."""
    weekday, day = words.weekday_number(match["wd"]), int(ordinal["d"])
    candidates = []
    for step in range(-6, 7):
        moved = calc.shift(ctx.anchor.replace(day=1), step, "month")
        if day <= calc.days_in_month(moved.year, moved.month):
            date = dt.date(moved.year, moved.month, day)
            if date.weekday() == weekday:
                candidates.append(date)
    if not candidates:
        said = ctx.text[match.start() : ordinal.end()]
        raise ValueError(f"{said!r}: no month near the report has that day on that weekday")
    nearest = _by_tense(candidates, ctx, match.start(), ordinal.end())
    return Piece(match.start(), ordinal.end(), calc.day_span(nearest), (), None, None, day)


def _by_tense(days: list[dt.date], ctx: Context, start: int, end: int) -> dt.date:
    """The day the clause's tense points to: the last on or before the report in a past
    clause, the first on or after it in a future one; else (or when none) the nearest."""
    tense = ctx.tense_at(start, end)
    if tense == "past" and (before := [d for d in days if d <= ctx.anchor]):
        return max(before)
    if tense == "future" and (after := [d for d in days if d >= ctx.anchor]):
        return min(after)
    return min(days, key=lambda d: (abs((d - ctx.anchor).days), d))


@rule(
    rf"\b(?P<n>{words.NUMBER}|(?i:an?))\s{{1,2}}(?P<u>{words.any_case('weeks|week|fortnights|fortnight')})"
    rf"\s{{1,2}}(?P<rel>{words.any_case('on|from|ago')})\s{{1,2}}"
    rf"(?P<wd>{words.WEEKDAY})\b",
    kinds="weekday",
)
def weeks_from_weekday(match: re.Match[str], ctx: Context) -> list[Piece]:
    """ "a week on Monday", "two weeks from Friday" (weeks after the coming Monday or
    Friday), "a week ago Monday" (a week before the last one). Read as an offset from the
    report's date, "a week from Monday" would name a week, not that Monday's day. ("A
    week after Monday" counts from a day the clause's tense places: the offsets do it.)"""
    amount = words.number_value(match["n"])
    if amount is None:
        return []
    weeks = amount * (2 if match["u"].lower().startswith("fortnight") else 1)
    number = words.weekday_number(match["wd"])
    if match["rel"].lower() == "ago":
        day = calc.weekday_date(number, ctx.anchor, "past", None) - dt.timedelta(weeks=weeks)
    else:
        day = calc.weekday_date(number, ctx.anchor, "future", None) + dt.timedelta(weeks=weeks)
    return [Piece(match.start(), match.end(), calc.day_span(day))]
