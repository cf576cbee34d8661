"""Offsets from the report's date: "in two weeks", "two days from now", "+2 years",
"three days later", "five days before", "last decade", "right now".

An offset counts from the anchor (the publication date). "Three days later" in a
report may count from an earlier event instead: those readings carry a
``relative_to_report`` warning.
"""

from __future__ import annotations

import re
from typing import Final

from .. import _fastre
from ..model.dates import DateSpan
from . import _temporal_calc as calc
from . import _temporal_compound as compound
from . import _temporal_words as words
from ._temporal_rules import Context, Piece, rule
from .result import TextWarning

_UNIT: Final = rf"(?P<unit>{compound.UNIT_WORDS})"
_AMOUNT: Final = rf"(?P<n>{words.NUMBER}|(?i:a\s{{1,2}}couple\s{{1,2}}of))"


_SIGNED: Final = _fastre.compile(r"[\w+-]")
_unit = compound.unit_name
_amount = compound.amount_of


@rule(
    rf"(?:\b(?P<in>{words.any_case('in|within')})\s{{1,2}}(?:{words.any_case('about|around|some')}"
    rf"\s{{1,2}})?|(?P<plus>[+-])\s?)(?:{_AMOUNT}\s{{1,2}})?{_UNIT}\b"
    # "in three weeks' time" is the same date as "in three weeks".
    r"(?:'?\s{1,2}(?i:time)\b)?"
    r"(?![-\s]{1,2}(?i:of|old|long|time|ago|later|earlier|before|after)\b|-)",
    kinds="unit part decade clock",
    needs=r"(?i:\bin\b|within|[+-])",
)
def coming(match: re.Match[str], ctx: Context) -> list[Piece]:
    """Reads "in two weeks", "in a decade", "+2 years", "-1 decade" (from the report's
    date), and with further parts "in 1 year 2 months", "+1 decade -2 years"."""
    amount = _amount(match["n"])
    if amount is None or (match["n"] is None and match["plus"]):
        return []
    if match["plus"] and match.start() and _SIGNED.match(ctx.text, match.start() - 1):
        return []  # "2-3 years", "+-": a range or noise, not a signed offset
    if match["n"] is None and not match["unit"].lower().startswith(("decade", "century")):
        # "in a month" needs its article: "in month" or "in years" is no date.
        return []
    record = match["in"] and _RECORD_BEFORE.search(
        ctx.text, max(0, match.start() - 80), match.start()
    )
    if record and not _TO_COME.search(record.group()):
        # "the first such base in 50 years", "the largest drills in a decade": a stretch
        # of the past that a record is measured over, no date to come
        return []
    sign = -1 if match["plus"] == "-" else 1
    wider = compound.around(ctx.text, ctx.anchor, match.start(), match.end(), sign, forward=True)
    if wider is not None:
        return _compound_piece(wider)
    span = calc.offset_span(ctx.anchor, sign * amount, _unit(match["unit"]))
    return [Piece(match.start(), match.end(), span)]


def _compound_piece(
    wider: tuple[int, int, DateSpan | None], warnings: tuple[TextWarning, ...] = ()
) -> list[Piece]:
    """The piece of an offset of several units; nothing when one of its parts is unread
    (a date from some of the parts would be wrong)."""
    start, end, span = wider
    return [] if span is None else [Piece(start, end, span, warnings)]


#: Words that make "in N years" the stretch a record holds over: "first", "largest", "only".
_RECORD_BEFORE: Final = _fastre.compile(
    r"(?i:\b(?:first|last|only|(?:larg|bigg|high|low|wor|b|long|great|strong|deadli|heavi)est|"
    r"most|least|record|unprecedented|"
    # "for the second time in a week", "twice in a month": how often, no date to come
    r"second|third|fourth|fifth|twice|thrice|times)\b)[^.;!?]{0,70}$"
)


#: "the first base abroad, which will open in two years": a date to come after all.
_TO_COME: Final = _fastre.compile(
    r"(?i:\b(?:will|would|shall|is to|are to|expected|due|plans?|set to)\b)"
)


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
    if base == "now":
        wider = compound.around(ctx.text, ctx.anchor, match.start(), match.end(), 1, False)
        if wider is not None:
            return _compound_piece(wider)
    start = calc.shift(ctx.anchor, {"tomorrow": 1, "yesterday": -1}.get(base, 0), "day")
    span = calc.offset_span(start, amount, _unit(match["unit"]))
    return [Piece(match.start(), match.end(), span)]


@rule(
    rf"\b(?P<base>{words.any_case('now|today')})\s{{0,2}}(?P<sign>[+-])\s{{0,2}}"
    rf"(?P<n>\d{{1,4}})\s{{0,2}}{_UNIT}\b",
    kinds="now dayword",
    needs=r"(?i:now|today)\s{0,2}[+-]",
)
def now_plus(match: re.Match[str], ctx: Context) -> list[Piece]:
    """Reads "now - 1hour", "today + 3 days": the report's day moved by the offset."""
    sign = -1 if match["sign"] == "-" else 1
    span = calc.offset_span(ctx.anchor, sign * int(match["n"]), _unit(match["unit"]))
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
    wider = compound.around(ctx.text, ctx.anchor, match.start(), match.end(), sign, False)
    if wider is not None:
        said = ctx.text[wider[0] : wider[1]]
        return _compound_piece(wider, (_from_report(said),))
    span = calc.offset_span(ctx.anchor, sign * amount, _unit(match["unit"]))
    return [Piece(match.start(), match.end(), span, (_from_report(match[0]),))]


#: A unit and a half in a smaller unit: "a year and a half" is 18 months.
_HALVES: Final = {"year": ("month", 12), "decade": ("year", 10), "century": ("year", 100),
                  "month": ("day", 30), "day": ("hour", 24)}  # fmt: skip


def _half_unit(name: str) -> str:
    return rf"(?P<{name}>(?i:year|decade|centur|month|day))(?i:s|y|ies)?"


_AND_A_HALF: Final = r"(?i:and\s{1,2}a\s{1,2}half)"


@rule(
    rf"\b(?:(?P<n>{words.NUMBER})\s{{1,2}}{_half_unit('u')}\s{{1,2}}{_AND_A_HALF}"
    rf"|(?P<n2>{words.NUMBER})\s{{1,2}}{_AND_A_HALF}\s{{1,2}}{_half_unit('u2')}"
    rf"|(?<![\d.,])(?P<n3>\d{{1,2}})\.5\s{{1,2}}{_half_unit('u3')}"
    rf"|(?i:half\s{{1,2}}an?)\s{{1,2}}{_half_unit('u4')})\s{{1,2}}{words.any_case('ago')}\b",
    kinds="ago",
    needs=r"(?i:half|\.5)",
)
def half_ago(match: re.Match[str], ctx: Context) -> list[Piece]:
    """Reads "a year and a half ago", "two and a half years ago", "1.5 years ago", "half a
    year ago": the anchor less that many of a smaller unit (18 months)."""
    said = match["n"] or match["n2"] or match["n3"]
    whole = 0 if said is None else words.number_value(said)
    if whole is None or words.follows_number(ctx.text, match.start()):
        return []
    unit = (match["u"] or match["u2"] or match["u3"] or match["u4"]).lower()
    smaller, size = _HALVES["century" if unit == "centur" else unit]
    amount = whole * size + size // 2
    return [Piece(match.start(), match.end(), calc.ago_span(ctx.anchor, amount, smaller))]


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


_NOW: Final = _fastre.compile(r"\s{0,3}(?i:now|right\s{1,2}now|just\s{1,2}now)[\s.!]{0,3}")


@rule(rf"\b{words.any_case('right now|just now|as of now|as of today|now')}\b", kinds="now")
def now(match: re.Match[str], ctx: Context) -> list[Piece]:
    """Reads "right now", "just now" and a text that is only "now": the report's day.

    "now" inside a sentence ("Russia now has...") is an adverb, not a date.
    """
    if match[0].lower() == "now" and not _NOW.fullmatch(ctx.text):
        return []
    return [Piece(match.start(), match.end(), DateSpan.of(ctx.anchor))]


def _from_report(said: str) -> TextWarning:
    return TextWarning(
        "relative_to_report",
        f"{said!r} is counted from the report's date; it may count from an event the text names",
    )
