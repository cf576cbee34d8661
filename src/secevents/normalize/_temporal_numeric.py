"""Dates written with digits: "10/7/2008", "1-3-2018", "7/2008", "on 7/17", "03/Feb/99",
"3-FEB-1999", "2018-Jun-04", "15Mar", "10Aug17", "28Nov2016", "Tuesday 8th".

Day-first or month-first is never a silent guess: an order only one reading allows
is taken; otherwise the caller's ``day_first``, then the order that another date
of the same text shows ("23/10/2021 ... 05/06/2021"), then month-first with an
``assumed_order`` warning.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Final

from .. import _fastre
from . import _temporal_calc as calc
from . import _temporal_words as words
from ._temporal_rules import Context, Piece, calendar_piece, count_after, month_of, rule
from .result import TextWarning

_SLASHED_DATE: Final = _fastre.compile(
    r"(?<![\w./:-])(\d{1,2})([/.-])(\d{1,2})\2(?:\d{4}|\d{2})(?![\w/]|[.,-]\d)"
)


def _text_order(ctx: Context) -> bool | None:
    """True (day first) or False when a date of the text allows one order only."""
    if ctx.text_day_first is None:
        found: bool | None = None
        for match in _SLASHED_DATE.finditer(ctx.text):
            first, second = int(match[1]), int(match[3])
            if first > 12 >= second >= 1:
                found = True
            elif second > 12 >= first >= 1:
                found = False
            if found is not None:
                break
        ctx.text_day_first = found if found is not None else "unknown"
    return ctx.text_day_first if isinstance(ctx.text_day_first, bool) else None


def day_and_month(
    ctx: Context, first: int, second: int, said: str, dotted: bool = False
) -> tuple[int, int, tuple[TextWarning, ...]] | None:
    """(day, month, warnings) of two numbers; None when neither order is a date."""
    if first > 12 and 1 <= second <= 12:
        return first, second, ()
    if second > 12 and 1 <= first <= 12:
        return second, first, ()
    if not (1 <= first <= 12 and 1 <= second <= 12):
        return None
    if first == second:
        return first, second, ()
    if ctx.day_first is not None:
        return (first, second, ()) if ctx.day_first else (second, first, ())
    if dotted:  # "12.2.2015": dots are written day first, but not by everyone
        note = f"{said!r} read day first, as dotted dates are written (pass day_first=False)"
        return first, second, (TextWarning("assumed_order", note),)
    from_text = _text_order(ctx)
    if from_text is not None:
        return (first, second, ()) if from_text else (second, first, ())
    warning = TextWarning(
        "assumed_order",
        f"{said!r} read month first (pass day_first=True for day first)",
    )
    return second, first, (warning,)


def _year(ctx: Context, digits: str) -> int:
    return int(digits) if len(digits) == 4 else calc.two_digit_year(int(digits), ctx.anchor)


@rule(
    r"(?<![\w./:,-])(?P<a>\d{1,2})(?P<s>[/.-])(?P<b>\d{1,2})(?P=s)"
    r"(?P<y>(?:1[0-9]|20)\d{2}|\d{2})(?![\w/]|[.,-]\d)",
    kinds="slashed",
)
def numeric(match: re.Match[str], ctx: Context) -> list[Piece]:
    """Reads "23/10/2021", "10/7/2008", "1-3-2018", "12.2.2015", "8/6/18" (a two-digit year
    with dashes or dots only as the whole text: ``_temporal_fields``)."""
    separator, year_digits = match["s"], match["y"]
    if len(year_digits) == 2 and separator != "/":
        return []  # "1-3-18", "1.2.15": scores and versions as often as dates in prose
    read = day_and_month(ctx, int(match["a"]), int(match["b"]), match[0], separator == ".")
    if read is None:
        return []
    day, month, warnings = read
    return [_day_piece(match, _year(ctx, year_digits), month, day, warnings)]


def _day_piece(
    match: re.Match[str], year: int, month: int, day: int, warnings: tuple[TextWarning, ...]
) -> Piece:
    """The day a numeric date names; a day its month lacks is a ValueError (a warning)."""
    if day > calc.days_in_month(year, month):
        raise ValueError(f"{match[0]!r} is not a calendar date")
    span = calc.calendar_span(year, month, day, None)
    return Piece(match.start(), match.end(), span, warnings, year, month, day)


@rule(
    r"(?<![\w./:,-])(?P<y>(?:1[0-9]|20)\d{2})(?P<s>[/.-])(?P<m>0?[1-9]|1[0-2])(?P=s)"
    r"(?P<d>0?[1-9]|[12][0-9]|3[01])(?![\w/]|[.,-]\d)",
    kinds="slashed",
)
def year_first_numeric(match: re.Match[str], ctx: Context) -> list[Piece]:
    """Reads "2020/05/01", "2020.5.1", "2020-5-1": year, month, day (never year, day,
    month). "2020-05-01", with two digits each, is ISO 8601: the EDTF reader's."""
    if match["s"] == "-" and len(match["m"]) == len(match["d"]) == 2:
        return []
    return [_day_piece(match, int(match["y"]), int(match["m"]), int(match["d"]), ())]


@rule(r"(?<![\w./:,-])(?P<m>0?[1-9]|1[0-2])/(?P<y>(?:1[0-9]|20)\d{2})(?![\w/]|[.,-]\d)", "slashed")
def month_slash_year(match: re.Match[str], ctx: Context) -> list[Piece]:
    """Reads "7/2008" (July 2008)."""
    year, month = int(match["y"]), int(match["m"])
    return [Piece(match.start(), match.end(), calc.calendar_span(year, month, None, None))]


@rule(
    rf"\b(?P<p>{words.any_case('on|by|from|until|till|since|before|after|through')})\s{{1,2}}"
    r"(?P<a>\d{1,2})/(?P<b>\d{1,2})(?![\w/]|[.,]\d)",
    kinds="slashed",
)
def month_slash_day(match: re.Match[str], ctx: Context) -> list[Piece]:
    """Reads "on 7/17", "by 10/3": a day without a year, after a preposition."""
    return _day_without_year(match, ctx, dotted=False)


def _day_without_year(match: re.Match[str], ctx: Context, dotted: bool) -> list[Piece]:
    said = ctx.text[match.start("a") : match.end()]
    read = day_and_month(ctx, int(match["a"]), int(match["b"]), said, dotted)
    if read is None:
        return []
    day, month, warnings = read
    if day > calc.days_in_month(2000, month):
        return []
    piece = calendar_piece(ctx, match.start("a"), match.end(), month, day, None)
    piece.warnings += warnings
    return [piece]


_ABBR_MONTH: Final = words.MONTH_ANY.replace(r"(?!-\w|['’][a-rt-z])", "")


@rule(
    rf"(?<![\w.,/-])(?P<d>\d{{1,2}})(?P<s>[-/. ])(?P<m>{_ABBR_MONTH})(?P=s)"
    r"(?P<y>(?:1[0-9]|20)\d{2}|\d{2})(?![\w%]|[.,]\d)"
    rf"|(?<![\w.,/-])(?P<y2>(?:1[0-9]|20)\d{{2}})(?P<s2>[-/. ])(?P<m2>{_ABBR_MONTH})(?P=s2)"
    r"(?P<d2>\d{1,2})(?![\w%]|[.,]\d)"
    rf"|(?<![\w.,/-])(?P<m3>{_ABBR_MONTH})(?P<s3>[-/.])(?P<d3>\d{{1,2}})(?P=s3)"
    r"(?P<y3>(?:1[0-9]|20)\d{2})(?![\w%]|[.,]\d)",
    kinds="slashed",
)
def month_name_numeric(match: re.Match[str], ctx: Context) -> list[Piece]:
    """Reads "03/Feb/99", "3-FEB-1999", "2018-Jun-04", "2018/Jun/04", "Sep-25-2003"."""
    if match["m2"]:
        year, month, day = int(match["y2"]), month_of(match["m2"]), int(match["d2"])
    elif match["m3"]:
        year, month, day = int(match["y3"]), month_of(match["m3"]), int(match["d3"])
    else:
        year, month, day = _year(ctx, match["y"]), month_of(match["m"]), int(match["d"])
    if match[0].count(" ") == 2 and match["m"]:
        return []  # "3 Jan 99" is the day-month rule's
    if not 1 <= day <= calc.days_in_month(year, month):
        raise ValueError(f"{match[0]!r} is not a calendar date")
    span = calc.calendar_span(year, month, day, None)
    return [Piece(match.start(), match.end(), span, (), year, month, day)]


@rule(
    rf"(?P<y>[12](?<![\w.,/-].)\d{{3}})\s{{1,2}}(?P<m>{_ABBR_MONTH})\.?\s{{1,2}}"
    r"(?P<d>3[01]|[12][0-9]|0?[1-9])(?:st|nd|rd|th)?(?![\w%]|[.,:]\d)",
    kinds="month lmonth",
)
def year_month_name_day(match: re.Match[str], ctx: Context) -> list[Piece]:
    """Reads "2003 Sep 25", "2010 DEC 10", "2014 December 12th": year, month name, day.
    Not before a count ("in 2010 May 5 soldiers died")."""
    if count_after(ctx.text, match.end()) or int(match["y"]) > 2099:
        return []
    year, month, day = int(match["y"]), month_of(match["m"]), int(match["d"])
    if day > calc.days_in_month(year, month):
        raise ValueError(f"{match[0]!r} is not a calendar date")
    return [calendar_piece(ctx, match.start(), match.end(), month, day, year)]


_COMPACT_MONTHS: Final = "|".join(
    form for name in words.MONTH_NUMBER for form in (name, name.capitalize(), name.upper())
)


@rule(
    rf"(?<![\w.,/-])(?P<d>\d{{1,2}})(?P<m>{_COMPACT_MONTHS})"
    rf"(?:(?P<y>(?:1[0-9]|20)\d{{2}}|\d{{2}})\b|\s{{1,2}}(?P<y4>{words.YEAR}))?\b",
    kinds="alnum",
)
def compact(match: re.Match[str], ctx: Context) -> list[Piece]:
    """Reads "15Mar", "10Aug17", "28Nov2016", "12Dec 2014" (military and log style); four
    digits after a space that may be a time ("15Mar 1430") are left unread."""
    month, day = words.MONTH_NUMBER[match["m"].lower()], int(match["d"])
    year = _year(ctx, match["y"]) if match["y"] else None
    if match["y4"]:
        if words.TIME_NOT_YEAR.match(match["y4"]):
            return [calendar_piece(ctx, match.start(), match.end("m"), month, day, None)]
        year = int(match["y4"])
    if not 1 <= day <= calc.days_in_month(year or 2000, month):
        raise ValueError(f"{match[0]!r} is not a calendar date")
    return [calendar_piece(ctx, match.start(), match.end(), month, day, year)]


@rule(
    rf"\b(?P<y>{words.YEAR}),\s{{1,2}}(?P<m>{words.MONTH_ANY})\s{{1,2}}(?P<d>{words.DAY})",
    kinds="month lmonth",
)
def year_month_day(match: re.Match[str], ctx: Context) -> list[Piece]:
    """Reads "2015, Jun 3"."""
    year, month, day = int(match["y"]), month_of(match["m"]), int(match["d"].rstrip("stndrh"))
    if day > calc.days_in_month(year, month):
        raise ValueError(f"{match[0]!r} is not a calendar date")
    return [calendar_piece(ctx, match.start(), match.end(), month, day, year)]


_NTH: Final = {"first": 1, "1st": 1, "second": 2, "2nd": 2, "third": 3, "3rd": 3,
               "fourth": 4, "4th": 4, "fifth": 5, "5th": 5, "last": -1, "final": -1}  # fmt: skip


@rule(
    rf"\b(?:{words.any_case('the')}\s{{1,2}})?"
    rf"(?P<o>{words.alternation(_NTH, any_case=True)})\s{{1,2}}"
    rf"(?:(?P<wd>{words.WEEKDAY})|(?P<day>{words.any_case('day')}))\s{{1,2}}"
    rf"{words.any_case('of|in')}\s{{1,2}}(?P<m>{words.MONTH_ANY})(?:,?\s{{1,2}}(?P<y>{words.YEAR}))?",
    kinds="month lmonth",
    needs=r"(?i:\sof\s|\sin\s)",
)
def nth_weekday(match: re.Match[str], ctx: Context) -> list[Piece]:
    """Reads "the first Tuesday of October", "the last Monday of March", "last day of May"."""
    month = month_of(match["m"])
    if match["m"].islower() and not match["y"] and match["m"] not in words.SAFE_LOWER_MONTHS:
        return []
    written = int(match["y"]) if match["y"] else None
    year = written or calc.infer_year(month, None, ctx.anchor, ctx.tense_at(*match.span()))[0]
    return [_nth_day(match, year, month, written)]


def _nth_day(match: re.Match[str], year: int, month: int, written: int | None) -> Piece:
    """The day of ``month`` that "the first Tuesday", "the last day" names."""
    nth, last = _NTH[match["o"].lower()], calc.days_in_month(year, month)
    if match["day"]:
        day = last if nth < 0 else nth
    else:
        weekday = words.weekday_number(match["wd"])
        days = [d for d in range(1, last + 1) if dt.date(year, month, d).weekday() == weekday]
        if nth > len(days):
            raise ValueError(f"{match[0]!r}: that month has no such day")
        day = days[nth - 1] if nth > 0 else days[-1]
    span = calc.calendar_span(year, month, day, None)
    return Piece(match.start(), match.end(), span, (), written, month, day)


_PART_OF_DAY: Final = words.any_case("morning|afternoon|evening|night")


@rule(
    rf"(?:\b(?P<on>{words.any_case('on|by|since|until|from')})\s{{1,2}})?"
    # "the evening of the 25th", "on the night of the 3rd"
    rf"(?:\b(?:{words.any_case('the')}\s{{1,2}})?(?P<pod>{_PART_OF_DAY})\s{{1,2}}"
    rf"{words.any_case('of')}\s{{1,2}})?\b{words.any_case('the')}"
    r"\s{1,2}(?P<d>3[01]|[12][0-9]|0?[1-9])(?:st|nd|rd|th)\b"
    # a word after it makes a count ("the 15th round"), but for a time of day
    r"(?!\s{1,2}(?:of\s{1,2})?(?!at\s{1,2}(?:\d|noon\b|midnight\b))[A-Za-z])",
    kinds="alnum",
    needs=r"(?i:the\s)",
)
def day_of_month(match: re.Match[str], ctx: Context) -> list[Piece]:
    """Reads "on the 15th", "the 3rd" alone, "the evening of the 25th", "the 25th at
    noon": that day of the report's month (or the one before or after, by the tense).
    "the 15th round" is no date."""
    alone = match.start() == 0 or ctx.text[: match.start()].isspace()
    if not match["on"] and not match["pod"] and not alone:
        return []
    day = int(match["d"])
    tense = ctx.tense_at(*match.span())
    anchor = ctx.anchor
    step = 0
    if tense == "past" and day > anchor.day:
        step = -1
    elif tense == "future" and day < anchor.day:
        step = 1
    moved = calc.shift(anchor.replace(day=1), step, "month")
    if day > calc.days_in_month(moved.year, moved.month):
        raise ValueError(f"{match[0]!r} is not a day of {moved:%B %Y}")
    span = calc.calendar_span(moved.year, moved.month, day, None)
    return [Piece(match.start(), match.end(), span, (), None, moved.month, day)]
