"""Offsets from the report's date: "in two weeks", "two days from now", "+2 years",
"three days later", "five days before", "last decade", "right now".

An offset counts from the anchor (the publication date). "Three days later" in a
report may count from an earlier event instead: those readings carry a
``relative_to_report`` warning.
"""

from __future__ import annotations

import re
from typing import Final

from ..model.dates import DateSpan
from . import _temporal_calc as calc
from . import _temporal_words as words
from ._temporal_rules import Context, Piece, rule
from .result import TextWarning

_UNIT: Final = (
    r"(?P<unit>(?i:seconds?|minutes?|hours?|days?|weeks?|fortnights?|months?|quarters?"
    r"|years?|decades?|century|centuries|hrs?|mins?|secs?|yrs?))"
)
_ABBREVIATED: Final = {"hr": "hour", "min": "minute", "sec": "second", "yr": "year"}
_AMOUNT: Final = rf"(?P<n>{words.NUMBER}|(?i:a\s{{1,2}}couple\s{{1,2}}of))"


def _unit(word: str) -> str:
    lower = word.lower()
    if lower == "centuries":
        return "century"
    lower = lower.removesuffix("s")
    return _ABBREVIATED.get(lower, lower)


def _amount(word: str | None) -> int | None:
    return 1 if word is None else words.number_value(word)


@rule(
    rf"(?:\b(?P<in>{words.any_case('in|within')})\s{{1,2}}(?:{words.any_case('about|around|some')}"
    rf"\s{{1,2}})?|(?P<plus>\+)\s?)(?:{_AMOUNT}\s{{1,2}})?{_UNIT}\b"
    # "in three weeks' time" is the same date as "in three weeks".
    r"(?:'?\s{1,2}(?i:time)\b)?"
    r"(?![-\s]{1,2}(?i:of|old|long|time|ago|later|earlier|before|after)\b|-)",
    kinds="unit part decade clock",
    needs=r"(?i:\bin\b|within|\+)",
)
def coming(match: re.Match[str], ctx: Context) -> list[Piece]:
    """Reads "in two weeks", "in a decade", "+2 years" (from the report's date)."""
    amount = _amount(match["n"])
    if amount is None or (match["n"] is None and match["plus"]):
        return []
    if match["n"] is None and not match["unit"].lower().startswith(("decade", "century")):
        # "in a month" needs its article: "in month" or "in years" is no date.
        return []
    span = calc.offset_span(ctx.anchor, amount, _unit(match["unit"]))
    return [Piece(match.start(), match.end(), span)]


@rule(
    rf"\b(?:{_AMOUNT}\s{{1,2}})?{_UNIT}\s{{1,2}}(?:(?i:from)\s{{1,2}}"
    rf"(?P<base>{words.any_case('now|today|tomorrow|yesterday|tonight')})|(?P<hence>(?i:hence)))\b",
    kinds="now dayword hence",
)
def from_now(match: re.Match[str], ctx: Context) -> list[Piece]:
    """Reads "two days from now", "a week from today", "three days from tomorrow"."""
    amount = _amount(match["n"])
    if amount is None or words.follows_number(ctx.text, match.start()):
        return []
    base = (match["base"] or "now").lower()
    start = calc.shift(ctx.anchor, {"tomorrow": 1, "yesterday": -1}.get(base, 0), "day")
    span = calc.offset_span(start, amount, _unit(match["unit"]))
    return [Piece(match.start(), match.end(), span)]


_LATER: Final = words.any_case("later|afterwards|afterward|thereafter")
_EARLIER: Final = words.any_case("earlier|before|prior|back|previously")
# "after"/"before" then a noun ("two days after the attack") count from that event.
_CLAUSE_END: Final = r"(?=\s{0,2}(?:[.,;:!?)]|$))"


@rule(
    rf"\b{_AMOUNT}\s{{1,2}}{_UNIT}\s{{1,2}}"
    rf"(?:(?P<later>{_LATER})|(?P<earlier>{_EARLIER})|(?P<after>(?i:after)){_CLAUSE_END})\b",
    kinds="later",
)
def later(match: re.Match[str], ctx: Context) -> list[Piece]:
    """Reads "three days later", "five days before", "two weeks earlier" (from the report)."""
    amount = _amount(match["n"])
    if amount is None or words.follows_number(ctx.text, match.start()):
        return []
    if (
        match["later"]
        and match["later"].lower() == "on"
        and not re.match(r"\s{0,2}(?:[.,;:!?)]|$)", ctx.text[match.end() :])
    ):
        return []  # "two days on the ground"
    sign = -1 if match["earlier"] else 1
    span = calc.offset_span(ctx.anchor, sign * amount, _unit(match["unit"]))
    return [Piece(match.start(), match.end(), span, (_from_report(match[0]),))]


_DECADE_STEP: Final = {"last": -1, "past": -1, "previous": -1, "this": 0, "current": 0,
                       "next": 1, "coming": 1}  # fmt: skip


@rule(
    rf"\b(?P<the>{words.any_case('the')}\s{{1,2}})?"
    rf"(?P<rel>{words.any_case('last|past|previous|this|current|next|coming')})\s{{1,2}}"
    rf"(?P<unit>{words.any_case('decade|century')})\b",
    kinds="decade",
    needs=r"(?i:decade|century)",
)
def calendar_decade(match: re.Match[str], ctx: Context) -> list[Piece]:
    """Reads "last decade" (the 2010s for a 2021 report: ``201X``), "this century" (``20XX``).

    "the past decade" and "the last decade" are the ten years up to the report
    (the ``rolling`` rule), not a calendar decade.
    """
    relation = match["rel"].lower()
    if match["the"] and relation in ("past", "last", "previous"):
        return []
    century = match["unit"].lower() == "century"
    size = 100 if century else 10
    first = ctx.anchor.year - ctx.anchor.year % size + _DECADE_STEP[relation] * size
    span = calc.unspecified_years(first, 2 if century else 1)
    return [Piece(match.start(), match.end(), span)]


_NOW: Final = re.compile(r"\s{0,3}(?i:now|right\s{1,2}now|just\s{1,2}now)[\s.!]{0,3}")


@rule(rf"\b{words.any_case('right now|just now|as of now|as of today|now')}\b", kinds="now")
def now(match: re.Match[str], ctx: Context) -> list[Piece]:
    """Reads "right now", "just now" and a text that is only "now": the report's day.

    "now" inside a sentence ("Russia now has...") is an adverb, not a date.
    """
    if match[0].lower() == "now" and not _NOW.fullmatch(ctx.text):
        return []
    return [Piece(match.start(), match.end(), DateSpan.of(ctx.anchor))]


_PART: Final = rf"[+-]?\s?{words.NUMBER}\s{{1,2}}{_UNIT.replace('(?P<unit>', '(?:')}\b"
_PART_SEPARATOR: Final = r"(?:,\s{0,2}|\s{1,2})(?:(?i:and)\s{1,2})?"
_PIECE: Final = re.compile(rf"(?P<sign>[+-])?\s?(?P<n>{words.NUMBER})\s{{1,2}}{_UNIT}")
_BACKWARD: Final = frozenset(("ago", "earlier", "before"))


_PARTS: Final = rf"(?P<parts>{_PART}(?:{_PART_SEPARATOR}{_PART}){{1,7}})"
_DIRECTION: Final = words.any_case("ago|from now|hence|later|earlier|before")


# Two rules, so that each runs only near what it needs: a direction word after the
# parts, or "in"/"within"/a sign before them.
@rule(
    rf"(?<![\w+-]){_PARTS}\s{{1,2}}(?P<dir>{_DIRECTION})\b",
    kinds="ago later hence now",
)
@rule(
    rf"(?:\b(?P<in>{words.any_case('in|within')})\s{{1,2}}|(?<![\w+-])(?=[+-]))"
    rf"{_PARTS}(?:\s{{1,2}}(?P<dir>{_DIRECTION})\b)?",
    kinds="unit decade clock",
    needs=r"(?i:\bin\b|within|[+-]\s?\d)",
)
def compound(match: re.Match[str], ctx: Context) -> list[Piece]:
    """Reads an offset of several units: "1 year, 2 months and 3 days ago", "in 1 year
    2 months", "a decade and two years from now", "+1 decade -2 years".

    A part's own sign wins; the others follow "ago", "in" or the first sign. Without
    any direction ("1 year 2 months") it is a duration, not a date: nothing is read.
    Every part must read, or nothing is: a date from some of the parts is wrong.
    """
    pieces = list(_PIECE.finditer(match["parts"]))
    direction = (match["dir"] or "").lower().split(" ")[0]
    if direction:
        sign = -1 if direction in _BACKWARD else 1
    elif match.groupdict().get("in"):
        sign = 1
    elif pieces[0]["sign"]:
        sign = -1 if pieces[0]["sign"] == "-" else 1
    else:
        return []
    if words.follows_number(ctx.text, match.start("parts")):
        return []
    moved, finest, hours = ctx.anchor, "century", 0.0
    order = list(calc.OFFSET_UNITS)
    for piece in pieces:
        amount, unit = _amount(piece["n"]), _unit(piece["unit"])
        if amount is None:
            return []
        step = (-1 if piece["sign"] == "-" else 1) if piece["sign"] else sign
        size, base = calc.OFFSET_UNITS[unit]
        if base == "decade":
            size, base = size, "year"
        if size:
            moved = calc.shift(moved, step * size * amount, base)
        else:
            hours += step * amount * {"hour": 1, "minute": 1 / 60, "second": 1 / 3600}[unit]
        finest = min(finest, unit, key=order.index)
    moved = calc.shift(moved, int(hours / 24), "day")
    warnings: tuple[TextWarning, ...] = ()
    if direction in ("later", "earlier", "before"):
        warnings = (_from_report(match["parts"] + " " + direction),)
    return [Piece(match.start(), match.end(), calc.offset_span(moved, 0, finest), warnings)]


def _from_report(said: str) -> TextWarning:
    return TextWarning(
        "relative_to_report",
        f"{said!r} is counted from the report's date; it may count from an event the text names",
    )
