"""Hedged and open dates: "circa 1860", "c1860", "1860 approx", "maybe 1862", "1862?",
"before 1928", "after 1928", offsets from a date ("three days after 12 March 2019"), and
centuries ("the 19th century" is ``18XX``).

Qualifiers and open ends apply to a date another rule found; the century rule finds
its own.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Final

import attrs

from .. import _fastre
from ..model.dates import Bound, DateSpan, PartialDate
from . import _temporal_calc as calc
from . import _temporal_words as words
from ._temporal_rules import Context, Piece, rule

_ORDINAL_CENTURY: Final = {
    **{word: n for word, n in words.ORDINAL_WORDS.items() if " " not in word},
    "twenty-first": 21, "twenty first": 21,
}  # fmt: skip


@rule(
    rf"\b(?:{words.any_case('the')}\s{{1,2}})?"
    rf"(?:(?P<n>1[0-9]|2[01]|[1-9])(?:st|nd|rd|th)"
    rf"|(?P<w>{words.alternation(_ORDINAL_CENTURY, any_case=True)}))"
    rf"[\s-]{{1,2}}{words.any_case('century')}\b"
    r"|\b(?P<c>1[0-9]|2[01])(?:th|st)?\s?c\.?(?![\w.])",
    kinds="decade alnum",
    needs=r"(?i:century|\dc\b|\d(?:st|nd|rd|th)?\s?c\.)",
)
def century(match: re.Match[str], ctx: Context) -> list[Piece]:
    """Reads "the 19th century", "twenty-first century", "19c" (``18XX``, ``20XX``)."""
    number = match["n"] or match["c"]
    ordinal = int(number) if number else _ORDINAL_CENTURY[" ".join(match["w"].lower().split())]
    if ordinal < 1:
        return []
    return [Piece(match.start(), match.end(), calc.unspecified_years((ordinal - 1) * 100, 2))]


@rule(
    rf"\b(?:{words.any_case('the')}\s{{1,2}})?(?P<a>1[0-9]|2[01]|[1-9])(?:st|nd|rd|th)?"
    rf"\s{{0,2}}(?:[-–]|{words.any_case('to|or|and|through')})\s{{0,2}}"
    rf"(?:{words.any_case('the')}\s{{1,2}})?(?P<b>1[0-9]|2[01]|[1-9])(?:st|nd|rd|th)"
    rf"[\s-]{{1,2}}{words.any_case('century|centuries')}\b",
    kinds="decade",
    needs=r"(?i:centur)",
)
def century_range(match: re.Match[str], ctx: Context) -> list[Piece]:
    """Reads "the 19th-20th century", "19th or 20th century", "the 18th and 19th
    centuries": from the first century to the last (``17XX/18XX``)."""
    first, last = int(match["a"]), int(match["b"])
    if not 1 <= first < last:
        return []
    start = calc.unspecified_years((first - 1) * 100, 2).start
    end = calc.unspecified_years((last - 1) * 100, 2).start
    return [Piece(match.start(), match.end(), DateSpan(start, end))]


_APPROX_BEFORE: Final = _fastre.compile(
    r"(?:\b(?i:circa|ca\.?|c\.?|about|around|approx\.?|approximately|roughly)|~)\s{0,2}$"
)
_APPROX_AFTER: Final = _fastre.compile(
    r"\s{1,2}(?i:approx\.?|approximately|\(approx(?:imate)?\.?\))"
)
_UNCERTAIN_BEFORE: Final = _fastre.compile(
    r"\b(?i:maybe|perhaps|possibly|probably|uncertain:?)\s{1,2}$"
)
_UNCERTAIN_AFTER: Final = _fastre.compile(r"\?|\s{1,2}(?i:\(uncertain\)|\(\?\)|maybe\b|guess\b)")


def _single(piece: Piece) -> PartialDate | None:
    start = piece.span.start
    if piece.span.end is None and isinstance(start, PartialDate) and start.time is None:
        return start
    return None


_ANY_BEFORE: Final = _fastre.compile(
    r"(?i:circa|ca\.?|c\.?|about|around|approx\.?|approximately|roughly|~|maybe|perhaps"
    r"|possibly|probably|uncertain:?)\s{0,2}$"
)
_ANY_AFTER: Final = _fastre.compile(r"\?|\s{1,2}[a(mg]", re.IGNORECASE)


def qualify(ctx: Context, piece: Piece) -> Piece:
    """Marks "circa 1860" or "1860 approx" approximate and "maybe 1862" or "1862?" uncertain;
    a "?" after a range ("1868-1871?") marks its end."""
    date = _single(piece)
    if date is None:
        last = piece.span.end
        if (
            isinstance(last, PartialDate)
            and ctx.text[piece.end : piece.end + 1] == "?"
            and last.month is None  # "1868-1871?"; "from May 3 to June 5?" asks
            and not (last.uncertain or last.time)
        ):
            span = DateSpan(piece.span.start, attrs.evolve(last, uncertain=True))
            return attrs.evolve(piece, end=piece.end + 1, span=span)
        return piece
    text = ctx.text
    if not (
        _ANY_BEFORE.search(text, max(0, piece.start - 16), piece.start)
        or _ANY_AFTER.match(text, piece.end)
    ):
        return piece  # most dates: no hedge beside them
    text, start, end = ctx.text, piece.start, piece.end
    approximate = date.approximate
    uncertain = date.uncertain
    if found := _APPROX_BEFORE.search(text, max(0, start - 16), start):
        approximate, start = True, found.start()
    if found := _APPROX_AFTER.match(text, end):
        approximate, end = True, found.end()
    if found := _UNCERTAIN_BEFORE.search(text, max(0, start - 16), start):
        uncertain, start = True, found.start()
    if found := _UNCERTAIN_AFTER.match(text, end):
        uncertain, end = True, found.end()
    if (approximate, uncertain) == (date.approximate, date.uncertain):
        return piece
    qualified = attrs.evolve(date, approximate=approximate, uncertain=uncertain)
    return attrs.evolve(piece, start=start, end=end, span=DateSpan(qualified))


_OPEN_BEFORE: Final = _fastre.compile(
    r"\b(?P<neg>(?i:not|no)\s{1,2})?"
    r"(?P<w>(?i:before|earlier\s{1,2}than|prior\s{1,2}to|after|later\s{1,2}than))\s{1,2}"
    r"(?:(?i:circa|about|around|approximately|approx\.?|c\.|ca\.)\s{1,2})?$"
)
#: "1860 or later", "1860 or before": the open side written after the date.
_OPEN_AFTER: Final = _fastre.compile(r"\s{1,2}(?i:or\s{1,2}(?P<w>later|after|earlier|before))\b")
_HAS_YEAR: Final = _fastre.compile(r"\d{4}|\d0s\b")


def open_end(ctx: Context, piece: Piece) -> Piece:
    """Widens "before 1928" to ``../1928`` and "after 1928" to ``1928/..``; "not before
    1928" and "no earlier than 1928" to ``1928/..``, "not after 1928" and "no later than
    1928" to ``../1928``; "1928 or later" to ``1928/..``.

    Only for a date that writes its year: "after Monday's talks" stays Monday.
    """
    if not _HAS_YEAR.search(ctx.text, piece.start, piece.end):
        return piece
    found = _OPEN_BEFORE.search(ctx.text, max(0, piece.start - 40), piece.start)
    start_at, end_at = piece.start, piece.end
    if found is not None:
        start_at = found.start()
        word = found["w"].lower()
        ends_there = word.startswith(("before", "earlier", "prior")) != bool(found["neg"])
    elif (after := _OPEN_AFTER.match(ctx.text, piece.end)) is not None:
        end_at = after.end()
        ends_there = after["w"].lower() in ("earlier", "before")
    else:
        return piece
    start, end = calc.first_and_last(piece.span)
    if ends_there:
        if isinstance(end, Bound):
            return piece
        span = calc.interval(Bound.OPEN, end)
    else:
        if isinstance(start, Bound):
            return piece
        span = calc.interval(start, Bound.OPEN)
    return attrs.evolve(piece, start=start_at, end=end_at, span=span, month=None, weekday=None)


# "three days after 12 March 2019", "the day before Christmas", "a week after Monday":
# the date the offset counts from, moved by it (read before "after 1928" opens a range).
_OFFSET: Final = _fastre.compile(
    rf"(?<![\w-])(?P<n>{words.NUMBER}|{words.any_case('an|a|the|one')})\s{{1,2}}"
    rf"(?P<u>{words.any_case('day|week')})s?\s{{1,2}}(?P<d>{words.any_case('before|after')})"
    r"\s{1,2}\Z"
)
_UNIT_DAYS: Final = {"day": 1, "week": 7}
_TURNS: Final = frozenset({"before", "after"})
_UNITS: Final = frozenset({"day", "days", "week", "weeks"})


def offsets_from(ctx: Context, pieces: list[Piece]) -> list[Piece]:
    """``pieces`` with each day an offset is written before moved by it; a piece read
    inside the offset ("two weeks before", counted from the report) is taken into it."""
    moved: list[Piece] = []
    for piece in pieces:
        shifted = offset_from(ctx, piece)
        while shifted is not piece and moved and moved[-1].start >= shifted.start:
            moved.pop()
        moved.append(shifted)
    return moved


def offset_from(ctx: Context, piece: Piece) -> Piece:
    """A day moved by the days or weeks written before it ("two days before Christmas")."""
    before = ctx.text[max(0, piece.start - 16) : piece.start].lower().split()
    if len(before) < 2 or before[-1] not in _TURNS or before[-2] not in _UNITS:
        return piece  # most dates: no "days before" or "week after" just before them
    found = _OFFSET.search(ctx.text, max(0, piece.start - 40), piece.start)
    if found is None or piece.span.earliest is None or piece.span.earliest != piece.span.latest:
        return piece
    said, unit = found["n"].lower(), found["u"].lower()
    if said == "the" and (unit != "day" or found[0].split()[1].lower() != "day"):
        return piece  # "the week before Christmas" is a week; "the days before" a few
    count = 1 if said in ("a", "an", "the", "one") else words.number_value(said)
    if not count:
        return piece
    days = count * _UNIT_DAYS[unit]
    day = piece.span.earliest + dt.timedelta(days=days if found["d"].lower() == "after" else -days)
    kept = tuple(w for w in piece.warnings if w.code != "tense_conflict")  # the offset's day
    return Piece(found.start(), piece.end, calc.day_span(day), kept)
