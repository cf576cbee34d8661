"""Choosing among overlapping date expressions and joining neighbours.

Joins: a weekday beside its date ("October 23, Friday"), ranges ("from July 30
to Aug. 10"), "since"/"until", and a duration linked to a start day.
"""

from __future__ import annotations

import bisect
import datetime as dt
import re
from collections.abc import Callable
from typing import Final, NamedTuple

import attrs

from .. import _fastre
from ..model.dates import Bound, DatePrecision, DateSpan, PartialDate
from ..model.vocab import Qualifier
from . import _temporal_calc as calc

# Imported for their rules.
from . import _temporal_numeric, _temporal_offsets, _temporal_weekdays, _temporal_years  # noqa: F401
from . import _temporal_words as words
from ._temporal_eras import offsets_from, open_end, qualify
from ._temporal_rules import RULES, Context, Piece
from .result import TextWarning

_TRIGGER: Final = _fastre.compile(words.TRIGGER)
# How far a match may reach before and after a trigger of its rule, with room for
# lookarounds: "the 13, 16, 18, 19, 20 and 21st of June" (six days at most) is the longest.
_BEFORE = _AFTER = 100


Windows = list[tuple[int, int]]


class _RuleTable(NamedTuple):
    size: int  # len(RULES) when the table was made
    # each distinct trigger-kind set, once, with the rules (their order) that use it
    groups: tuple[tuple[frozenset[str], tuple[int, ...]], ...]
    core: tuple[bool, ...]  # per rule: whether its pattern has a "core" group
    by_kind: dict[str, tuple[int, ...]]  # for each kind, the groups that hold it


_TABLES: list[_RuleTable] = []


def _rule_table() -> _RuleTable:
    """What ``scan`` needs to know of the rules, remade only when a rule is added."""
    if not _TABLES or _TABLES[0].size != len(RULES):
        groups: dict[frozenset[str], list[int]] = {}
        for order, rule in enumerate(RULES):
            groups.setdefault(rule.kinds, []).append(order)
        core = tuple("core" in rule.pattern.groupindex for rule in RULES)
        table = tuple((kinds, tuple(orders)) for kinds, orders in groups.items())
        by_kind: dict[str, list[int]] = {}
        for index, (kinds, _) in enumerate(table):
            for kind in kinds:
                by_kind.setdefault(kind, []).append(index)
        lookup = {kind: tuple(indices) for kind, indices in by_kind.items()}
        _TABLES[:] = [_RuleTable(len(RULES), table, core, lookup)]
    return _TABLES[0]


def _add(windows: Windows, low: int, high: int) -> None:
    if windows and low <= windows[-1][1]:
        windows[-1] = (windows[-1][0], max(high, windows[-1][1]))
    else:
        windows.append((low, high))


# Trigger kinds whose words are often the start or end of other words.
_WHOLE_WORD: Final = frozenset({"now", "later", "hence"})


def _windows(text: str, table: _RuleTable) -> dict[int, Windows]:
    """For each group of rules (by its index in ``table.groups``) whose trigger kinds the
    text holds, in order, the stretches of text where its rules can match."""
    by_kind: dict[str, Windows] = {}
    size, digit_kinds, trigger_kind = len(text), words.digit_kinds, words.trigger_kind
    for match in _TRIGGER.finditer(text):
        start, end = match.span()
        low, high = max(0, start - _BEFORE), min(size, end + _AFTER)
        token = match[0]
        if token[0].isdigit():
            for kind in digit_kinds(text, start, end):
                _add(by_kind.setdefault(kind, []), low, high)
            continue
        kind = trigger_kind(token)
        if kind in _WHOLE_WORD and (
            text[end : end + 1].isalpha() or text[start - 1 : start].isalpha()
        ):
            continue  # "known", "afterthought": not the word
        _add(by_kind.setdefault(kind, []), low, high)
    found: dict[int, Windows] = {}
    wanted = sorted({i for kind in by_kind for i in table.by_kind.get(kind, ())})
    for index in wanted:
        kinds = table.groups[index][0]
        present = [by_kind[kind] for kind in kinds if kind in by_kind]
        if len(present) == 1:  # one kind's windows are already in order and merged
            found[index] = present[0]
        elif present:
            merged: Windows = []
            for low, high in sorted(w for windows in present for w in windows):
                _add(merged, low, high)
            found[index] = merged
    return found


def scan(ctx: Context) -> list[Piece]:
    """Every expression in the text: leftmost-longest among overlapping matches, then joined."""
    candidates: list[tuple[int, int, int, re.Match[str]]] = []
    table = _rule_table()
    # Only the groups whose triggers the text holds (most texts: two or three of 22).
    for index, stretches in _windows(ctx.text, table).items():
        for order in table.groups[index][1]:
            pattern, needs, core = RULES[order].pattern, RULES[order].needs, table.core[order]
            for low, high in stretches:
                # A rare word's search pays only in long windows.
                if needs is not None and high - low > 160 and not needs.search(ctx.text, low, high):
                    continue
                for match in pattern.finditer(ctx.text, low, high):
                    start = (
                        match.start("core") if core and match["core"] is not None else match.start()
                    )
                    candidates.append((start, start - match.end(), order, match))
    candidates.sort(key=lambda candidate: candidate[:3])
    chosen: list[Piece] = []
    reached = -1
    for start, _, order, match in candidates:
        if start < reached:
            continue
        try:
            pieces = RULES[order].handle(match, ctx)
        except (ValueError, OverflowError) as error:
            # A day that does not exist ("February 29" in 2021, "31 April 2015"), a year
            # beyond 9999: a warning, and no shorter reading of the same words.
            ctx.notes.append(TextWarning("invalid_date", f"{match[0]!r}: {error}"))
            reached = max(reached, match.end())
            continue
        if pieces:
            chosen.extend(pieces)
            reached = max(match.end(), *(piece.end for piece in pieces))
    for join in (_weekday_with_date, _ranges):
        chosen = _pairwise(ctx, chosen, join)
    if " before " in ctx.text or " after " in ctx.text:  # an offset from a date
        chosen = offsets_from(ctx, chosen)
    chosen = _without_contradictions(ctx, chosen)
    chosen = _from_bare_years(ctx, chosen)
    chosen = [open_end(ctx, qualify(ctx, _since_until(ctx, piece))) for piece in chosen]
    return _attach_durations(ctx, chosen)


def _without_contradictions(ctx: Context, pieces: list[Piece]) -> list[Piece]:
    """``pieces`` less a day side by side with another date that does not hold it ("next
    Friday last Monday", "next friday june"): they contradict each other, so neither is
    read (warned ``conflicting_dates``). A weekday
    beside its date is joined before, and a list needs a comma or "and"."""
    dropped: set[int] = set()
    for index in range(len(pieces) - 1):
        first, second = pieces[index], pieces[index + 1]
        gap = ctx.text[first.end : second.start]
        if not gap or len(gap) > 2 or not gap.isspace():
            continue
        if _disjoint_with_a_day(first.span, second.span):
            said = ctx.text[first.start : second.end]
            ctx.notes.append(TextWarning("conflicting_dates", f"{said!r} names two dates"))
            dropped.update((index, index + 1))
    return (
        [piece for index, piece in enumerate(pieces) if index not in dropped] if dropped else pieces
    )


def _disjoint_with_a_day(first: DateSpan, second: DateSpan) -> bool:
    """Whether one span is a single day the other does not hold: "next Friday last Monday",
    "next friday june" (a Friday in February is in no June)."""
    ends = (first.earliest, first.latest, second.earliest, second.latest)
    if any(end is None for end in ends) or first.end is not None or second.end is not None:
        return False
    low, high, other_low, other_high = ends
    assert low and high and other_low and other_high
    if low != high and other_low != other_high:
        return False  # two spans wider than a day: "June 2015" and the like
    return high < other_low or other_high < low


Join = Callable[[Context, Piece, Piece, str], Piece | None]


def _pairwise(ctx: Context, pieces: list[Piece], join: Join) -> list[Piece]:
    joined: list[Piece] = []
    for piece in pieces:
        if joined and joined[-1].end <= piece.start:
            gap = ctx.text[joined[-1].end : piece.start]
            both = join(ctx, joined[-1], piece, gap) if len(gap) <= 12 else None
            if both is not None:
                joined[-1] = both
                continue
        joined.append(piece)
    return joined


_WEEKDAY_GAP: Final = _fastre.compile(r"\.?\s{0,2}[,(]?\s{0,2}(?:(?i:the)\s{1,2})?")


def _weekday_with_date(ctx: Context, first: Piece, second: Piece, gap: str) -> Piece | None:
    """Joins "October 23, Friday" or "Friday, October 23": the date stays, a conflict warns."""
    if first.weekday is None and second.weekday is None:
        return None
    pair = (first, second) if first.weekday is not None else (second, first)
    named, dated = pair
    if named.weekday is None or dated.day is None or dated.span.end is not None:
        return None
    if not gap or not _WEEKDAY_GAP.fullmatch(gap):
        return None
    end = second.end + (1 if "(" in gap and ctx.text[second.end : second.end + 1] == ")" else 0)
    checked = weekday_checked(dated, named.weekday, ctx.anchor)
    return attrs.evolve(checked, start=first.start, end=end)


def weekday_checked(dated: Piece, weekday: int, anchor: dt.date) -> Piece:
    """``dated`` read with the weekday the text names beside it: the weekday settles an
    assumed order of digits and a year the text left out, and a day on another weekday
    warns ``weekday_mismatch``."""
    dated = _order_by_weekday(dated, weekday)
    day = dated.span.earliest
    if day is None or day.weekday() == weekday:
        return dated
    if (by_weekday := _year_by_weekday(dated, weekday, anchor)) is not None:
        return by_weekday
    said = words.DAY_NAMES[weekday]
    message = f"{day} is a {words.DAY_NAMES[day.weekday()]}, but the text says {said}"
    return attrs.evolve(dated, warnings=(*dated.warnings, TextWarning("weekday_mismatch", message)))


#: Days from the report within which a weekday may choose the year of a date without one.
_WEEKDAY_YEAR_REACH: Final = 182


def _year_by_weekday(dated: Piece, weekday: int, anchor: dt.date) -> Piece | None:
    """ "Sunday, 6 May" in a report of March 2018: the year was inferred from the
    clause's tense (2017), but the day falls on a Sunday in 2018 alone of the years
    around the report, so that year it is; against the tense it warns ``tense_conflict``.
    None when the text gave the year, or no year or several fit, or the one that fits is
    half a year or more from the report (then the weekday is as likely the slip)."""
    read = dated.span.earliest
    if dated.year is not None or dated.day is None or dated.month is None or read is None:
        return None
    if read != dated.span.latest:
        return None
    fitting = calc.years_on_weekday(anchor, dated.day, dated.month, weekday)
    if len(fitting) != 1:
        return None
    day = dt.date(fitting[0], dated.month, dated.day)
    if abs((day - anchor).days) > _WEEKDAY_YEAR_REACH:
        return None
    kept = tuple(w for w in dated.warnings if w.code != "tense_conflict")
    if (day > anchor) != (read > anchor):
        side = "after" if day > anchor else "before"
        note = f"{day} is {side} the report date {anchor}; the weekday named says that year"
        kept += (TextWarning("tense_conflict", note),)
    return attrs.evolve(dated, span=calc.day_span(day), warnings=kept)


def _order_by_weekday(dated: Piece, weekday: int) -> Piece:
    """ "Thursday 11/12/2014": when the digits' order was assumed and only one order falls
    on the weekday named, the weekday settles it (no ``assumed_order`` warning)."""
    if not any(w.code == "assumed_order" for w in dated.warnings):
        return dated
    day, month, read = dated.day, dated.month, dated.span.earliest
    if day is None or month is None or read is None or read != dated.span.latest:
        return dated
    try:
        other = dt.date(read.year, day, month)
    except ValueError:
        return dated
    if (read.weekday() == weekday) == (other.weekday() == weekday):
        return dated  # both orders or neither fall on it: still assumed
    kept = tuple(w for w in dated.warnings if w.code != "assumed_order")
    if read.weekday() == weekday:
        return attrs.evolve(dated, warnings=kept)
    return attrs.evolve(dated, span=calc.day_span(other), warnings=kept, month=day, day=month)


_RANGE_GAP: Final = _fastre.compile(r"\s{0,2}(?:[-–—]|(?i:to|through|thru|until|till))\s{0,2}")
_AND_GAP: Final = _fastre.compile(r"\s{1,2}(?i:and|&)\s{1,2}")
_GAP_WORDS: Final = frozenset(["-", "–", "—", "to", "through", "thru", "until", "till", "and", "&"])
_FROM: Final = _fastre.compile(r"\b(?i:from|between)\s{1,2}$")


#: How many days before the report a weekday range told in the future may have begun.
_RANGE_BEGUN: Final = 1
#: "will hold drills from Sunday to Thursday": the coming week, not the one under way.
_WILL_BEFORE: Final = _fastre.compile(r"\b(?:will|shall|'ll)\b[^.;]*$")


def _ranges(ctx: Context, first: Piece, second: Piece, gap: str) -> Piece | None:
    """Joins "from July 30 to Aug. 10", "between Monday and Friday", "1 May - 3 June"."""
    if gap.strip().lower() not in _GAP_WORDS:
        return None
    lead = _FROM.search(ctx.text, max(0, first.start - 10), first.start)
    if not _RANGE_GAP.fullmatch(gap) and not (
        _AND_GAP.fullmatch(gap) and lead and lead[0].lower().startswith("between")
    ):
        return None
    if first.is_calendar and second.is_calendar:
        head, tail = _calendar_ends(first, second)
    elif first.weekday is not None and second.weekday is not None and first.span.earliest:
        begin = first.span.earliest
        ahead = (second.weekday - begin.weekday()) % 7 or 7
        week = calc.ONE_DAY * 7
        if (
            begin - week < ctx.anchor <= begin - week + calc.ONE_DAY * ahead
            and ctx.anchor - (begin - week) <= calc.ONE_DAY * _RANGE_BEGUN
            and not _WILL_BEFORE.search(ctx.text, max(0, first.start - 60), first.start)
        ):
            # "is due to run from Sunday to Friday", told on the Monday: the week under way
            begin -= week
        head, tail = DateSpan.of(begin), DateSpan.of(begin + calc.ONE_DAY * ahead)
    else:
        head, tail = first.span, second.span
    start, end = calc.first_and_last(head)[0], calc.first_and_last(tail)[1]
    if isinstance(start, Bound) or isinstance(end, Bound):
        return None
    try:
        span = calc.interval(start, end)
    except ValueError:
        return None
    begin_at = lead.start() if lead else first.start
    warnings = first.warnings + second.warnings
    return Piece(begin_at, second.end, span, warnings)


# A bare year is no date alone ("1990 troops"), but before a range word and a date it
# starts the range: "1990 to March 1995", "1857-mid 1860s", "from 1857 to the 1860s".
_BARE_YEAR_TO: Final = _fastre.compile(
    rf"(?:\b(?i:from|between)\s{{1,2}})?(?<![\w.,/-])(?P<y>{words.RECENT_YEAR}|1[5-8]\d\d)"
    r"\s{0,2}(?:[-–—]|(?i:to|through|thru|until|till))\s{0,2}(?:(?i:the)\s{1,2})?\Z"
)


_WRITES_YEAR: Final = _fastre.compile(r"\d{4}|\d0s\b")
_YEAR_THEN_RANGE_WORD: Final = _fastre.compile(
    r"\d{4}\s{0,2}(?:[-–—]|(?i:to|through|thru|until|till)\b)"
)


def _from_bare_years(ctx: Context, pieces: list[Piece]) -> list[Piece]:
    """Each piece that writes its year, as the end of a range opened by a bare year just
    before it (a piece for that year alone, "from 1857", is taken into the range)."""
    text = ctx.text
    if not pieces or not _YEAR_THEN_RANGE_WORD.search(text):
        return pieces  # most texts: no four digits before a range word
    joined: list[Piece] = []
    for piece in pieces:
        found = _BARE_YEAR_TO.search(text, max(0, piece.start - 30), piece.start)
        if found is None:
            joined.append(piece)
            continue
        end = calc.first_and_last(piece.span)[1]
        if (
            isinstance(end, Bound)
            or end.year <= int(found["y"])
            or not _WRITES_YEAR.search(ctx.text, piece.start, piece.end)
        ):
            joined.append(piece)
            continue
        try:
            span = calc.interval(PartialDate(int(found["y"])), end)
        except ValueError:
            joined.append(piece)
            continue
        while joined and joined[-1].start >= found.start():
            joined.pop()  # "from 1857": now the range's start
        joined.append(attrs.evolve(piece, start=found.start(), span=span))
    return joined


def _calendar_ends(first: Piece, second: Piece) -> tuple[DateSpan, DateSpan]:
    """The two ends of a calendar range, one lending its year to the other."""
    assert first.month is not None and second.month is not None
    earlier = (first.month, first.day or 0) <= (second.month, second.day or 32)
    head_year, tail_year = first.year, second.year
    if head_year is None and tail_year is not None:
        head_year = tail_year if earlier else tail_year - 1
    elif tail_year is None:
        if head_year is None:
            head_year = first.span.earliest.year if first.span.earliest else 1
        tail_year = head_year if earlier else head_year + 1
    assert head_year is not None and tail_year is not None
    return (
        calc.calendar_span(head_year, first.month, first.day, first.part),
        calc.calendar_span(tail_year, second.month, second.day, second.part),
    )


_SINCE: Final = _fastre.compile(
    r"\b(?P<w>(?i:ever\s{1,2}since|since|up\s{1,2}until|up\s{1,2}till|until|till))\s{1,2}$"
)


def _since_until(ctx: Context, piece: Piece) -> Piece:
    """Widens "since 2014" to ``2014/..`` (still going) and "until 2042" to ``/2042``."""
    before = ctx.text[max(0, piece.start - 7) : piece.start].rstrip()[-5:].lower()
    if before not in ("since", "until") and before[-4:] != "till":
        return piece
    found = _SINCE.search(ctx.text, max(0, piece.start - 16), piece.start)
    if found is None:
        return piece
    start, end = calc.first_and_last(piece.span)
    if found["w"].lower().endswith("since"):
        if isinstance(start, Bound):
            return piece
        span = calc.interval(start, Bound.OPEN)
    elif isinstance(end, PartialDate):
        span = calc.interval(Bound.UNKNOWN, end)
    else:
        return piece
    return attrs.evolve(piece, start=found.start(), span=span, month=None, weekday=None)


# -- durations ---------------------------------------------------------------------

_QUALIFIERS: Final = {
    "about": Qualifier.APPROX, "around": Qualifier.APPROX, "some": Qualifier.APPROX,
    "roughly": Qualifier.APPROX, "approximately": Qualifier.APPROX,
    "nearly": Qualifier.APPROX, "almost": Qualifier.APPROX, "more than": Qualifier.MORE_THAN,
    "just over": Qualifier.MORE_THAN, "over": Qualifier.EXACT, "at least": Qualifier.AT_LEAST,
    "up to": Qualifier.UP_TO, "less than": Qualifier.LESS_THAN, "under": Qualifier.LESS_THAN,
    "no more than": Qualifier.AT_MOST, "not more than": Qualifier.AT_MOST,
}  # fmt: skip
_UNITS: Final = words.any_case("day|week|month|year|decade")
_DURATION: Final = _fastre.compile(
    rf"\b(?:(?P<q>{words.alternation(_QUALIFIERS, any_case=True)})\s{{1,2}})?"
    rf"(?:(?P<n>{words.NUMBER})[-\s]{{1,2}}(?P<u>{_UNITS})s?(?:-(?i:long))?"
    rf"|(?P<u2>{_UNITS})-?(?i:long))\b"
    r"(?![-\s]{1,2}(?i:ago|later|earlier|after|before|from\s{1,2}now|prior|old)\b)"
)
# "over" means "during" ("over six days") unless it follows "last" or "for".
_MORE_THAN_OVER: Final = _fastre.compile(r"\b(?i:last\w{0,3}|for)\s{1,2}$")


class RawDuration(NamedTuple):
    """A duration found in text (``temporal.Duration`` is the public form)."""

    start: int
    end: int
    amount: int
    unit: str
    qualifier: Qualifier


def scan_durations(text: str) -> list[RawDuration]:
    """Every duration phrase: "over six days", "about 10 days", "weeklong", "three-day"."""
    found = []
    for match in _DURATION.finditer(text):
        amount = words.number_value(match["n"]) if match["n"] else 1
        unit = (match["u"] or match["u2"]).lower()
        if not amount:
            continue
        if unit == "decade":
            amount, unit = amount * 10, "year"
        qualifier = _QUALIFIERS[" ".join(match["q"].lower().split())] if match["q"] else None
        over = match["q"] and match["q"].lower() == "over"
        if over and _MORE_THAN_OVER.search(text, max(0, match.start() - 12), match.start()):
            qualifier = Qualifier.MORE_THAN
        found.append(
            RawDuration(match.start(), match.end(), amount, unit, qualifier or Qualifier.EXACT)
        )
    return found


_LINK: Final = r"(?:[\s,]{1,3}[\w'’-]{1,25}){0,6}?[\s,]{1,3}"
_STARTS: Final = _fastre.compile(
    _LINK + r"(?i:starting|beginning|commencing|from|(?:(?:which|that)\s{1,2})?(?:will\s{1,2})?"
    r"(?:starts?|started|begins?|began|kicks?\s{1,2}off|kicked\s{1,2}off|opens?|opened)"
    r"|to\s{1,2}(?:start|begin))(?:\s{1,2}on)?\s{1,2}"
)
_LASTS: Final = _fastre.compile(
    _LINK + r"(?i:last|lasts|lasted|lasting|run|runs|ran|running|continue|continues|continued"
    r"|continuing)(?:\s{1,2}for)?\s{1,2}"
)


def with_duration(start: PartialDate, duration: RawDuration) -> DateSpan:
    """The interval of ``duration`` days/weeks/... that begins on the day ``start``."""
    assert start.day is not None
    last = calc.after_duration(start.earliest, duration.amount, duration.unit)
    fuzzy = duration.qualifier is not Qualifier.EXACT
    return calc.interval(start, PartialDate(last.year, last.month, last.day, approximate=fuzzy))


def _attach_durations(ctx: Context, pieces: list[Piece]) -> list[Piece]:
    """Joins "a weeklong exercise starting Monday", "began Monday and will last six days"."""
    durations = scan_durations(ctx.text) if pieces else []
    if not durations:
        return pieces
    starts = [duration.start for duration in durations]
    joined: list[Piece] = []
    for index, piece in enumerate(pieces):
        start = piece.span.start
        if piece.span.end is None and piece.span.precision is DatePrecision.DAY:
            assert isinstance(start, PartialDate)
            duration = _linked_duration(ctx, piece, durations, starts)
            # Never reach over another expression.
            low = joined[-1].end if joined else 0
            high = pieces[index + 1].start if index + 1 < len(pieces) else len(ctx.text)
            if duration is not None and low <= duration.start and duration.end <= high:
                piece = attrs.evolve(
                    piece,
                    start=min(piece.start, duration.start),
                    end=max(piece.end, duration.end),
                    span=with_duration(start, duration),
                    month=None,
                )
        joined.append(piece)
    return joined


def _linked_duration(
    ctx: Context, piece: Piece, durations: list[RawDuration], starts: list[int]
) -> RawDuration | None:
    # Durations do not overlap, so the one just before the piece and the one just after
    # it are the only candidates.
    index = bisect.bisect_left(starts, piece.start)
    if index > 0:
        before = durations[index - 1]
        near = 0 < piece.start - before.end <= 80
        if near and _STARTS.fullmatch(ctx.text, before.end, piece.start):
            return before
    index = bisect.bisect_left(starts, piece.end)
    if index < len(durations):
        after = durations[index]
        near = 0 < after.start - piece.end <= 100
        if near and _LASTS.fullmatch(ctx.text, piece.end, after.start):
            return after
    return None
