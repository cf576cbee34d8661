"""Dates that are all the text: a form field, a table cell, a log line.

"26. 10.21", "30 . 09 . 22 12.12", "7-4-76", "10-09-03", "09 25 2003", "10 09 03",
"2003 09 25", "DEC 2017 06", "2004 10 Apr 11h30m", "12/95", "13. 03.", "03.04. 2017",
"28-05 09:00", "8/May", "2015 June", "Dec '95", "Feb 3, 99", "11, March 2013",
"11 Mar 2013T00:59".
In prose these shapes are
as often counts, scores ("1-3-18"), versions or measures, so the scan does not read
them; as the whole text (a time of day may follow) they are dates. One match per
call, before the scan, and only on short texts.
"""

from __future__ import annotations

import re
from typing import Final

import attrs

from .. import _fastre
from . import _temporal_calc as calc
from . import _temporal_words as words
from ._temporal_merge import weekday_checked
from ._temporal_numeric import day_and_month
from ._temporal_rules import Context, Piece, calendar_piece, month_of
from .result import TextWarning

#: Longer texts are prose: the scan reads them.
LONGEST: Final = 40

#: A time of day after the date, after a space or joined by ISO 8601's "T".
_TIME: Final = (
    r"(?:(?:\s{1,2}|T)(?:[01]?[0-9]|2[0-3])(?:[:.h][0-5][0-9](?:[:.m][0-5][0-9](?:[.,][0-9]{1,6})?)?m?|h)"
    r"(?:\s?[AaPp]\.?[Mm]\.?)?)?\.?\s*"
)
_NUMERIC: Final = _fastre.compile(
    r"\s*(?P<a>[0-9]{1,2})\s{0,2}(?P<s>[./-])\s{0,2}(?P<b>[0-9]{1,2})"
    r"\s{0,2}(?P=s)\s{0,2}(?P<y>[0-9]{4}|[0-9]{2})" + _TIME
)
_SPACED: Final = _fastre.compile(
    r"\s*(?:(?P<a>[0-9]{1,2}) (?P<b>[0-9]{1,2}) (?P<y>(?:1[0-9]|20)[0-9]{2}|[0-9]{2})"
    r"|(?P<y2>(?:1[0-9]|20)[0-9]{2}) (?P<m2>[0-9]{1,2}) (?P<d2>[0-9]{1,2}))" + _TIME
)
_MONTH: Final = words.MONTH_ANY.replace(r"(?!-\w|['’][a-rt-z])", "")
_YEAR: Final = r"(?:1[0-9]|20)[0-9]{2}"
_DAY: Final = r"(?:3[01]|[12][0-9]|0?[1-9])"
# The orders the scan does not read: month-year-day and year-day-month; a day closed by a
# comma ("11, March 2013": in prose "chapter 11, March 2013" is no date); and a day, month
# and year whose time of day is joined by ISO 8601's "T" ("11 Mar 2013T00:59").
_NAMED: Final = _fastre.compile(
    rf"\s*(?:(?P<m>{_MONTH}),?\s{{1,2}}(?P<y>{_YEAR}),?\s{{1,2}}(?P<d>{_DAY})"
    rf"|(?P<y2>{_YEAR}),?\s{{1,2}}(?P<d2>{_DAY})\s{{1,2}}(?P<m2>{_MONTH})"
    rf"|(?P<d3>{_DAY})(?:,\s{{1,2}}|\s{{1,2}}(?=[^,]*[0-9]T))(?P<m3>{_MONTH})\.?,?\s{{1,2}}"
    rf"(?P<y3>{_YEAR})"
    rf"|(?P<m4>{_MONTH})\.?\s{{1,2}}(?P<d4>{_DAY}),?\s{{1,2}}(?P<y4>{_YEAR})(?=T))" + _TIME
)
# Day and month each closed by a dot, as German and Nordic writers do: "13. 03.", "03.04.
# 2017" (the month's dot says the order: day first).
_DOTTED: Final = _fastre.compile(
    r"\s*(?P<a>[0-9]{1,2})\.\s{0,2}(?P<b>[0-9]{1,2})\.(?:\s{0,2}(?P<y>(?:1[0-9]|20)[0-9]{2}))?"
    + _TIME
)
# A day and month without a year before a time of day: "28-05 09:00", "19.5 08:05".
_DAY_MONTH_TIME: Final = _fastre.compile(
    r"\s*(?P<a>[0-9]{1,2})(?P<s>[./-])(?P<b>[0-9]{1,2})\s{1,2}"
    r"(?:[01]?[0-9]|2[0-3])[:.h][0-5][0-9](?:\s?[AaPp]\.?[Mm]\.?)?\s*"
)
# A day and a month name joined by a slash or a dash, no year: "8/May", "May-8".
_NAMED_PAIR: Final = _fastre.compile(
    rf"\s*(?:(?P<d>{_DAY})[/-](?P<m>{_MONTH})|(?P<m2>{_MONTH})[/-](?P<d2>{_DAY}))" + _TIME
)
_MONTH_YEAR: Final = _fastre.compile(r"\s*(?P<m>0?[1-9]|1[0-2])/(?P<y>3[2-9]|[4-9][0-9])\s*")
# A month and a year the scan leaves alone: "2015 June", "12-1995", "Dec-95", "Dec '95".
# A two-digit number after a month name is its day up to 31 ("Dec 12"), unless an
# apostrophe marks it a year.
_YEAR_MONTH: Final = _fastre.compile(
    rf"\s*(?:(?P<y>{_YEAR}),?\s{{1,2}}(?P<m>{_MONTH})\.?"
    rf"|(?P<n>0?[1-9]|1[0-2])[-.](?P<y2>{_YEAR})"
    rf"|(?P<m3>{_MONTH})\.?(?:[-/ ]\s?|\s?['’])(?P<y3>3[2-9]|[4-9][0-9])"
    rf"|(?P<m4>{_MONTH})\.?\s{{0,2}}['’](?P<y4>[0-9]{{2}}))\s*"
)
# A month, a day and a two-digit year after a comma: "Feb 3, 99", "January 12, '15";
# in prose "Feb 3, 99 people" is a count, but as all the text it is the year. Hyphens
# join the three as well: "Oct-15-14".
_MONTH_DAY_SHORT_YEAR: Final = _fastre.compile(
    rf"\s*(?P<m>{_MONTH})(?:\.?\s{{1,2}}(?P<d>{_DAY})(?:st|nd|rd|th)?,\s{{0,2}}['’]?"
    rf"|-(?P<d2>{_DAY})-)(?P<y>[0-9]{{2}})" + _TIME
)


# A weekday before the field: "Sunday 11 12 2014 10:15", "Thu, 10-09-03".
_WEEKDAY_LEAD: Final = _fastre.compile(
    rf"\s*(?P<wd>{words.WEEKDAY}|{words.WEEKDAY_SHORT})\.?,?\s{{1,2}}(?=\d)"
)


# A weekday's abbreviation in any case as all the field: "Tue", "thurs.", "SAT". In prose
# "sat", "wed" and "sun" are words; a cell holding one alone is a day.
_WEEKDAY_ALONE: Final = _fastre.compile(rf"\s*(?P<wd>{words.WEEKDAY_SHORT_ANY_CASE})\.?\s*")


_LONGEST_WEEKDAY_ALONE: Final = 8  # " Thurs. "


def read_field(ctx: Context) -> Piece | None:
    """The date that is all of ``ctx.text`` but for a time of day, or None.

    A day its month lacks raises ValueError (the caller warns ``invalid_date``).
    """
    text = ctx.text
    if len(text) > LONGEST:
        return None
    if len(text) <= _LONGEST_WEEKDAY_ALONE and (alone := _WEEKDAY_ALONE.fullmatch(text)):
        tense = ctx.tense_at(alone.start("wd"), alone.end("wd"))
        day = calc.weekday_date(words.weekday_number(alone["wd"]), ctx.anchor, tense, None)
        return Piece(alone.start("wd"), alone.end("wd"), calc.day_span(day), weekday=None)
    if lead := _WEEKDAY_LEAD.match(text):
        piece = _read_from(ctx, lead.end())
        if piece is None or piece.day is None:
            return None
        checked = weekday_checked(piece, words.weekday_number(lead["wd"]), ctx.anchor)
        return attrs.evolve(checked, start=lead.start("wd"))
    return _read_from(ctx, 0)


def _read_from(ctx: Context, pos: int) -> Piece | None:
    """The field from ``pos`` to the end of the text, or None."""
    text = ctx.text
    if match := _NUMERIC.fullmatch(text, pos):
        return _numeric(match, ctx)
    if match := _SPACED.fullmatch(text, pos):
        return _spaced(match, ctx)
    if match := _NAMED.fullmatch(text, pos):
        if match["m"]:
            year, month, day = int(match["y"]), month_of(match["m"]), int(match["d"])
            return _piece(match, year, month, day, (), "m", "d")
        if match["y2"]:
            year, month, day = int(match["y2"]), month_of(match["m2"]), int(match["d2"])
            return _piece(match, year, month, day, (), "y2", "m2")
        if match["y3"]:
            year, month, day = int(match["y3"]), month_of(match["m3"]), int(match["d3"])
            return _piece(match, year, month, day, (), "d3", "y3")
        year, month, day = int(match["y4"]), month_of(match["m4"]), int(match["d4"])
        return _piece(match, year, month, day, (), "m4", "y4")
    if match := _DOTTED.fullmatch(text, pos):
        return _dotted(match, ctx)
    if match := _DAY_MONTH_TIME.fullmatch(text, pos):
        said = text[match.start("a") : match.end("b")]
        read = day_and_month(ctx, int(match["a"]), int(match["b"]), said, match["s"] == ".")
        if read is None:
            return None
        day, month, warnings = read
        return _piece(match, None, month, day, warnings, "a", "b", ctx)
    if match := _NAMED_PAIR.fullmatch(text, pos):
        if match["m"]:
            return _piece(match, None, month_of(match["m"]), int(match["d"]), (), "d", "m", ctx)
        return _piece(match, None, month_of(match["m2"]), int(match["d2"]), (), "m2", "d2", ctx)
    if match := _YEAR_MONTH.fullmatch(text, pos):
        return _year_month(match, ctx)
    if match := _MONTH_DAY_SHORT_YEAR.fullmatch(text, pos):
        year = calc.two_digit_year(int(match["y"]), ctx.anchor)
        said_day = match["d"] or match["d2"]
        return _piece(match, year, month_of(match["m"]), int(said_day), (), "m", "y")
    if match := _MONTH_YEAR.fullmatch(text, pos):
        # "12/95": the second number cannot be a day, so it is a year.
        year = calc.two_digit_year(int(match["y"]), ctx.anchor)
        span = calc.calendar_span(year, int(match["m"]), None, None)
        return Piece(match.start("m"), match.end("y"), span, (), year, int(match["m"]))
    return None


def _year_month(match: re.Match[str], ctx: Context) -> Piece:
    """ "2015 June", "12-1995", "Dec-95", "Dec '95": the month."""
    if match["y"]:
        year, month, start, end = int(match["y"]), month_of(match["m"]), "y", "m"
    elif match["y2"]:
        year, month, start, end = int(match["y2"]), int(match["n"]), "n", "y2"
    else:
        name, digits = ("m3", "y3") if match["m3"] else ("m4", "y4")
        year = calc.two_digit_year(int(match[digits]), ctx.anchor)
        month, start, end = month_of(match[name]), name, digits
    span = calc.calendar_span(year, month, None, None)
    return Piece(match.start(start), match.end(end), span, (), year, month)


def _numeric(match: re.Match[str], ctx: Context) -> Piece | None:
    """ "26. 10.21", "7-4-76", "10-09-03": what the scan's numeric rule leaves to fields."""
    spaced = " " in match.string[match.start("a") : match.end("y")]
    separator, digits = match["s"], match["y"]
    if not spaced and (len(digits) == 4 or separator == "/"):
        return None  # "23/10/2021", "8/6/18": the scan reads them in prose and alone
    padded = len(match["a"]) == len(match["b"]) == 2
    if len(digits) == 2 and not spaced and not padded and int(digits) <= 31:
        return None  # "1-3-18" is a score as often: only a year over 31 makes it a date
    said = match[0].strip()
    read = day_and_month(ctx, int(match["a"]), int(match["b"]), said, separator == ".")
    if read is None:
        return None
    day, month, warnings = read
    if len(digits) == 2:
        warnings += _year_first_too(said, match["b"], digits, warnings)
    year = int(digits) if len(digits) == 4 else calc.two_digit_year(int(digits), ctx.anchor)
    return _piece(match, year, month, day, warnings, "a", "y")


def _dotted(match: re.Match[str], ctx: Context) -> Piece | None:
    """ "13. 03.", "03.04. 2017": day first; without a year, the clause's tense gives it."""
    day, month = int(match["a"]), int(match["b"])
    if not 1 <= month <= 12:
        return None
    end = "y" if match["y"] else "b"
    if match["y"]:
        return _piece(match, int(match["y"]), month, day, (), "a", end)
    return _piece(match, None, month, day, (), "a", "b", ctx)


def _spaced(match: re.Match[str], ctx: Context) -> Piece | None:
    """ "09 25 2003", "2003 09 25", "10 09 03"."""
    if match["y2"]:
        year, month, day = int(match["y2"]), int(match["m2"]), int(match["d2"])
        if not 1 <= month <= 12:
            return None
        return _piece(match, year, month, day, (), "y2", "d2")
    said = match[0].strip()
    read = day_and_month(ctx, int(match["a"]), int(match["b"]), said)
    if read is None:
        return None
    day, month, warnings = read
    digits = match["y"]
    if len(digits) == 2:
        warnings += _year_first_too(said, match["b"], digits, warnings)
    year = int(digits) if len(digits) == 4 else calc.two_digit_year(int(digits), ctx.anchor)
    return _piece(match, year, month, day, warnings, "a", "y")


def _year_first_too(
    said: str, middle: str, last: str, warnings: tuple[TextWarning, ...]
) -> tuple[TextWarning, ...]:
    """A warning when "16-05-31" also reads as year, month, day (2016-05-31), unless the
    order is already said to be assumed."""
    if any(w.code == "assumed_order" for w in warnings):
        return ()
    month, day = int(middle), int(last)
    if 1 <= month <= 12 and 1 <= day <= calc.days_in_month(2000, month):
        note = f"{said!r} read with the year last; it may be year-month-day"
        return (TextWarning("assumed_order", note),)
    return ()


def _piece(
    match: re.Match[str],
    year: int | None,
    month: int,
    day: int,
    warnings: tuple[TextWarning, ...],
    start: str,
    end: str,
    ctx: Context | None = None,
) -> Piece:
    """The day a field names; without a year (``ctx`` given) the clause's tense gives it.
    A day its month lacks raises ValueError."""
    if not 1 <= day <= calc.days_in_month(year or 2000, month):
        raise ValueError(f"{match[0].strip()!r} is not a calendar date")
    low, high = match.start(start), match.end(end)
    if year is None and ctx is not None:
        piece = calendar_piece(ctx, low, high, month, day, None)
        piece.warnings += warnings
        return piece
    assert year is not None
    return Piece(low, high, calc.calendar_span(year, month, day, None), warnings, year, month, day)
