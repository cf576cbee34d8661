"""The EDTF grammar (ISO 8601-2, levels 0 and 1) behind :mod:`secevents.model.dates`.

Reads one date into its fields, writes fields back to the same text, counts days
for any year (``datetime.date`` stops at 0001 and 9999), and turns a string that
is not EDTF into an error that says what EDTF expects and what was probably meant.
"""

from __future__ import annotations

import re
from typing import Final, NamedTuple

from ..errors import shown

#: Bits of :attr:`PartialDate.unspecified <secevents.PartialDate.unspecified>`: one
#: per written digit of ``YYYYMMDD``, the first year digit being bit 0.
YEAR_DIGITS: Final = 0b1111
MONTH_DIGITS: Final = 0b110000
DAY_DIGITS: Final = 0b11000000
#: Years written with "Y" have at most this many digits (work per string is bounded).
MAX_LONG_YEAR_DIGITS: Final = 12

_DATE: Final = re.compile(
    r"(?P<year>Y-?[0-9]{1,20}|-?[0-9X]{4})"
    r"(?:-(?P<month>[0-9X]{2})(?:-(?P<day>[0-9X]{2}))?)?"
    r"(?:T(?P<time>[0-9:.+\-Z]{1,30}))?"
    r"(?P<qualifier>[?~%])?"
)
_TIME: Final = re.compile(
    r"(?P<h>[0-9]{2}):(?P<m>[0-9]{2}):(?P<s>[0-9]{2})(?:\.[0-9]{1,9})?"
    r"(?:Z|(?P<sign>[+-])(?P<oh>[0-9]{2})(?::(?P<om>[0-9]{2}))?)?"
)
#: Seasons (EDTF level 1, "21".."24"), as northern-hemisphere month ranges.
SEASON_MONTHS: Final = {21: (3, 5), 22: (6, 8), 23: (9, 11), 24: (12, 2)}
EXPECTS: Final = (
    "EDTF writes YYYY, YYYY-MM or YYYY-MM-DD (optionally THH:MM:SS), a season YYYY-21..24,"
    " X for unspecified digits, a qualifier ?, ~ or %, and intervals START/END"
    " with '..' for an open end"
)


class Fields(NamedTuple):
    """One EDTF date as read: what :class:`~secevents.PartialDate` is made from."""

    year: int
    month: int | None
    day: int | None
    approximate: bool
    uncertain: bool
    unspecified: int
    time: str | None


def days_in_month(year: int, month: int) -> int:
    """28 to 31, for any proleptic Gregorian year (year 0 is a leap year)."""
    if month == 2:
        leap = year % 4 == 0 and (year % 100 != 0 or year % 400 == 0)
        return 29 if leap else 28
    return 30 if month in (4, 6, 9, 11) else 31


def ordinal(year: int, month: int, day: int) -> int:
    """The day number of a proleptic Gregorian date, equal to ``date.toordinal()`` where
    both exist, and defined for every year (0, negative, beyond 9999)."""
    before = year - 1
    days = 365 * before + before // 4 - before // 100 + before // 400
    cumulative = (0, 31, 59, 90, 120, 151, 181, 212, 243, 273, 304, 334)[month - 1]
    if month > 2 and days_in_month(year, 2) == 29:
        cumulative += 1
    return days + cumulative + day


def check_time(text: str) -> str:
    """``text`` if it is an EDTF time of day (``10:10:10``, ``10:10:10Z``, ``+05:00``)."""
    match = _TIME.fullmatch(text)
    if match is None:
        raise ValueError(f"time {text!r} is not an EDTF time: HH:MM:SS, then Z or +HH:MM if zoned")
    hour, minute, second = int(match["h"]), int(match["m"]), int(match["s"])
    if hour > 24 or minute > 59 or second > 59 or (hour == 24 and (minute or second)):
        raise ValueError(f"time {text!r} is not a time of day")
    if match["sign"]:
        offset = int(match["oh"]) * 60 + int(match["om"] or 0)
        if int(match["om"] or 0) > 59 or offset > 14 * 60:
            raise ValueError(f"time zone offset in {text!r} is out of range")
        if match["sign"] == "-" and offset == 0:
            raise ValueError(f"time zone offset zero in {text!r} is written as Z or +00:00")
    return text


def _unspecified(year: str, month: str | None, day: str | None) -> int:
    digits = year[-4:] + (month or "") + (day or "")
    mask = sum(1 << k for k, char in enumerate(digits) if char == "X")
    if "X" in digits.rstrip("X"):
        raise ValueError(
            "unspecified digits (X) come only at the end in EDTF level 1 (201X, 2004-XX,"
            " 2004-06-XX); X before a known digit is level 2, which is not supported"
        )
    return mask


def read(text: str) -> Fields:
    """The fields of one EDTF level 0/1 date; ValueError (with a hint) otherwise."""
    match = _DATE.fullmatch(text)
    if match is None:
        raise ValueError(not_edtf(text))
    bad = f"{text!r} is not a valid EDTF date"
    year_text, month_text, day_text, time, qualifier = match.group(
        "year", "month", "day", "time", "qualifier"
    )
    if year_text.startswith("Y"):
        digits = year_text.lstrip("Y-")
        if len(digits) <= 4 or digits.startswith("0"):
            plain = _plain_year(int(year_text[1:]))
            raise ValueError(f"{bad}: 'Y' is for years of more than four digits; write {plain}")
        if len(digits) > MAX_LONG_YEAR_DIGITS:
            raise ValueError(f"{bad}: a year of more than {MAX_LONG_YEAR_DIGITS} digits")
        year = int(year_text[1:])
    else:
        if year_text == "-0000":
            raise ValueError(f"{text!r} is not EDTF: year zero has no sign; write 0000")
        if year_text.startswith("-") and "X" in year_text:
            raise ValueError(f"{bad}: unspecified digits in a negative year are not supported")
        year = int(year_text.replace("X", "0"))
    try:
        unspecified = _unspecified(year_text, month_text, day_text)
    except ValueError as error:
        raise ValueError(f"{bad}: {error}") from None
    month = None if month_text is None or month_text == "XX" else int(month_text)
    day = None if day_text is None or day_text == "XX" else int(day_text)
    if time is not None:
        if day is None:
            raise ValueError(f"{bad}: a time needs a full date (YYYY-MM-DDTHH:MM:SS)")
        if qualifier:
            raise ValueError(f"{bad}: EDTF qualifies dates, not date-times")
        try:
            check_time(time)
        except ValueError as error:
            raise ValueError(f"{bad}: {error}") from None
    return Fields(
        year,
        month,
        day,
        qualifier in ("~", "%"),
        qualifier in ("?", "%"),
        unspecified,
        time,
    )


def _plain_year(year: int) -> str:
    return f"-{-year:04d}" if year < 0 else f"{year:04d}"


def year_text(year: int, unspecified: int) -> str:
    """The written year: ``2021``, ``0000``, ``-0999``, ``Y170000002``, ``199X``."""
    if -9999 <= year <= 9999:
        text = _plain_year(year)
        if unspecified & YEAR_DIGITS:
            sign, digits = ("-", text[1:]) if text.startswith("-") else ("", text)
            text = sign + "".join(
                "X" if unspecified >> k & 1 else char for k, char in enumerate(digits)
            )
        return text
    return f"Y{year}"


def part_text(value: int | None, unspecified: int, shift: int) -> str:
    """``-10`` for a month or day, ``-XX`` when its digits are unspecified, else ``""``."""
    if unspecified >> shift & 0b11:
        return "-XX"
    return "" if value is None else f"-{value:02d}"


_SLASHED: Final = re.compile(r"(\d{1,2})([/.\-])(\d{1,2})\2(\d{4})")
_YEAR_FIRST: Final = re.compile(r"(-?\d{4})[/.](\d{1,2})(?:[/.](\d{1,2}))?")
_SHORT_PARTS: Final = re.compile(r"(-?\d{4})-(\d{1,2})(?:-(\d{1,2}))?")
_SPACED_TIME: Final = re.compile(r"(\d{4}-\d{2}-\d{2})[ t](\d{2}:\d{2}(?::\d{2})?.*)")
_OLD_UNSPECIFIED: Final = re.compile(r"[0-9uUxX-]{4,10}")
_DECADE: Final = re.compile(r"(\d{3})0['’]?s")
_APPROX_WORD: Final = re.compile(r"(?i:c\.?|ca\.?|circa|about|around|approx\.?)\s{0,2}(\d{4})")
_LONG_YEAR: Final = re.compile(r"(-?)([1-9]\d{4,11})")
_OLD_WORDS: Final = {"open": "..", "unknown": "(empty)"}
_MONTHS: Final = [
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
]
_MONTH_WORD: Final = r"([A-Za-z]{3,9})\.?"
_DAY_MONTH_YEAR: Final = re.compile(
    rf"(\d{{1,2}})(?:st|nd|rd|th)?\s{{1,3}}(?:of\s{{1,3}})?{_MONTH_WORD},?\s{{1,3}}(\d{{4}})"
)
_MONTH_DAY_YEAR: Final = re.compile(
    rf"{_MONTH_WORD}\s{{1,3}}(\d{{1,2}})(?:st|nd|rd|th)?,?\s{{1,3}}(\d{{4}})"
)
_MONTH_YEAR: Final = re.compile(rf"{_MONTH_WORD},?\s{{1,3}}(\d{{4}})")


def _month_number(word: str) -> int | None:
    """1 to 12 for a month name or its abbreviation ("Oct", "Sept"), else None."""
    lower = word.lower()
    for number, name in enumerate(_MONTHS, start=1):
        if len(lower) >= 3 and (name.startswith(lower) or (lower == "sept" and number == 9)):
            return number
    return None


def _worded(text: str) -> str | None:
    """EDTF for "23 October 2021", "October 23, 2021" or "October 2021"."""
    if match := _DAY_MONTH_YEAR.fullmatch(text):
        day, month, year = int(match[1]), _month_number(match[2]), match[3]
    elif match := _MONTH_DAY_YEAR.fullmatch(text):
        day, month, year = int(match[2]), _month_number(match[1]), match[3]
    elif match := _MONTH_YEAR.fullmatch(text):
        day, month, year = 0, _month_number(match[1]), match[2]
    else:
        return None
    if month is None:
        return None
    return f"{year}-{month:02d}" + (f"-{day:02d}" if day else "")


def _suggestion(text: str) -> str | None:
    """What ``text`` (not EDTF) probably means, written as EDTF; None if no guess."""
    stripped = text.strip()
    if stripped != text and stripped:
        return stripped
    if worded := _worded(text):
        return worded
    if match := _SLASHED.fullmatch(text):
        first, second, year = int(match[1]), int(match[3]), match[4]
        if first > 12 >= second:
            return f"{year}-{second:02d}-{first:02d}"
        if second > 12 >= first:
            return f"{year}-{first:02d}-{second:02d}"
        return (
            f"{year}-{second:02d}-{first:02d} (day first) or"
            f" {year}-{first:02d}-{second:02d} (month first)"
        )
    if match := _YEAR_FIRST.fullmatch(text) or _SHORT_PARTS.fullmatch(text):
        parts = [match[1], *(f"{int(p):02d}" for p in match.groups()[1:] if p)]
        return "-".join(parts)
    if match := _SPACED_TIME.fullmatch(text):
        clock = match[2] if match[2].count(":") == 2 else match[2][:5] + ":00" + match[2][5:]
        return f"{match[1]}T{clock}"
    if match := _DECADE.fullmatch(text):
        return f"{match[1]}X"
    if match := _APPROX_WORD.fullmatch(text):
        return f"{match[1]}~"
    if match := _LONG_YEAR.fullmatch(text):
        return f"Y{match[1]}{match[2]}"
    if text.lower() in _OLD_WORDS:
        return f"{_OLD_WORDS[text.lower()]} for an {text.lower()} interval end"
    if _OLD_UNSPECIFIED.fullmatch(text) and ("u" in text.lower() or "x" in text):
        return text.replace("u", "X").replace("U", "X").replace("x", "X")
    return None


_RANGE: Final = re.compile(
    r"(.+?)\s*(?:\s(?:to|until|till|through|thru)\s|\s[-–—]\s|–|—)\s*(.+)", re.I
)


_LONGEST_RANGE: Final = 100


def _end(text: str) -> str | None:
    """An interval end as EDTF: the text if it reads, else the suggestion for it."""
    if _valid(text):
        return text
    suggestion = _suggestion(text)
    return suggestion if suggestion is not None and _valid(suggestion) else None


def _valid(text: str) -> bool:
    if _DATE.fullmatch(text) is None:  # not read(): its error would try ranges again
        return False
    try:
        fields = read(text)
    except ValueError:
        return False
    month, day = fields.month, fields.day
    return day is None or month is None or month > 12 or day <= days_in_month(fields.year, month)


def _range(text: str) -> str | None:
    """A range written with words or dashes ("2021-10-23 to 2021-10-30") as an interval."""
    if len(text) > _LONGEST_RANGE:
        return None
    match = _RANGE.fullmatch(text.strip())
    if match is None:
        return None
    first, second = _end(match[1]), _end(match[2])
    return None if first is None or second is None else f"{first}/{second}"


def not_edtf(text: str) -> str:
    """The message for a string that is not EDTF: the likely meaning, else the forms."""
    suggestion = _suggestion(text) or _range(text)
    if suggestion is not None:
        return f"{shown(text)} is not EDTF; write {suggestion}"
    return f"{shown(text)} is not an EDTF level 0/1 date: {EXPECTS}"
