"""Offsets of several units: "1 year, 2 months and 3 days ago", "in 1 year 2 months",
"3 weeks and 2 days later", "+1 decade -2 years".

No rule scans the text for them: the one-unit offset rules ("3 days ago", "in 1 year")
call :func:`around` on what they matched, which reads the further parts beside it.
"""

from __future__ import annotations

import datetime as dt
from typing import Final

from .. import _fastre
from ..model.dates import DateSpan
from . import _temporal_calc as calc
from . import _temporal_words as words

#: A unit of an offset, as written ("days", "hrs", "centuries").
UNIT_WORDS: Final = words.alternation(
    [
        form
        for unit in words.split("second minute hour day week fortnight month quarter year decade")
        + words.split("hr min sec yr")
        for form in (unit, unit + "s")
    ]
    + ["century", "centuries"],
    any_case=True,
)
_ABBREVIATED: Final = {"hr": "hour", "min": "minute", "sec": "second", "yr": "year"}
_PART: Final = rf"[+-]?\s?{words.NUMBER}\s{{1,2}}{UNIT_WORDS}\b"
_SEPARATOR: Final = r"(?:,\s{0,2}|\s{1,2})(?:(?i:and)\s{1,2})?"
_BEFORE: Final = _fastre.compile(rf"(?<![\w+-])(?:{_PART}{_SEPARATOR}){{1,7}}\Z")
_AFTER: Final = _fastre.compile(
    rf"(?:{_SEPARATOR}{_PART}){{1,7}}"
    rf"(?:\s{{1,2}}(?P<dir>{words.any_case('ago|from now|hence|later|earlier|before')})\b)?"
)
_PIECE: Final = _fastre.compile(
    rf"(?P<sign>[+-])?\s?(?P<n>{words.NUMBER})\s{{1,2}}(?P<unit>{UNIT_WORDS})"
)
_HOURS: Final = {"hour": 1.0, "minute": 1 / 60, "second": 1 / 3600}


def unit_name(word: str) -> str:
    """The unit a word names: ``"day"`` for "days", ``"hour"`` for "hrs"."""
    lower = word.lower()
    if lower == "centuries":
        return "century"
    lower = lower.removesuffix("s")
    return _ABBREVIATED.get(lower, lower)


def amount_of(word: str | None) -> int | None:
    """The amount a word names ("a" is 1); None for an unreadable amount."""
    return 1 if word is None else words.number_value(word)


def around(
    text: str, anchor: dt.date, start: int, end: int, sign: int, forward: bool
) -> tuple[int, int, DateSpan | None] | None:
    """The offset of several units that holds the one-unit offset ``text[start:end]``:
    its extent and date (None: a part does not read, so nothing may be read), or None
    when the offset has one unit.

    ``forward`` looks for further parts after it ("in 1 year 2 months"), else before it
    ("1 year, 2 months and 3 days ago"). A part's own sign wins over ``sign``.
    """
    if forward:
        more = _AFTER.match(text, end)
        if more is None:
            return None
        first, last = start, more.end()
        if more["dir"]:
            sign = -1 if more["dir"].lower() in ("ago", "earlier", "before") else 1
    else:
        back = _BEFORE.search(text, max(0, start - 160), start)
        if back is None:
            return None
        first, last = back.start(), end
        if words.follows_number(text, first):
            return first, last, None
    return first, last, _span(anchor, text[first:last], sign)


def _span(anchor: dt.date, parts: str, sign: int) -> DateSpan | None:
    moved, finest, hours = anchor, "century", 0.0
    order = list(calc.OFFSET_UNITS)
    for piece in _PIECE.finditer(parts):
        amount, unit = amount_of(piece["n"]), unit_name(piece["unit"])
        if amount is None:
            return None
        step = (-1 if piece["sign"] == "-" else 1) if piece["sign"] else sign
        size, base = calc.OFFSET_UNITS[unit]
        if base == "decade":
            base = "year"
        if size:
            moved = calc.shift(moved, step * size * amount, base)
        else:
            hours += step * amount * _HOURS[unit]
        finest = min(finest, unit, key=order.index)
    moved = calc.shift(moved, int(hours / 24), "day")
    return calc.offset_span(moved, 0, finest)
