"""The date expressions the ``temporal`` normalizer recognises, one regex and handler each.

Handlers turn a match into :class:`Piece` objects; ``_temporal_merge`` then joins
neighbours (ranges, a weekday beside its date, "since", durations).
"""

from __future__ import annotations

import datetime as dt
import itertools
import re
from collections.abc import Callable
from typing import Final, NamedTuple

import attrs

from .. import _fastre
from .._fastre import TwinPattern
from ..model.dates import DateSpan, PartialDate
from . import _temporal_calc as calc
from . import _temporal_compound as compound
from . import _temporal_words as words
from .result import TextWarning


@attrs.define
class Context:
    """What every handler needs: the text, the anchor, the tense at a position, notes."""

    text: str
    anchor: dt.date
    tense_at: Callable[[int, int], str]
    notes: list[TextWarning] = attrs.field(factory=list)
    #: The caller's order for dates such as 05/06/2021 (None: not given).
    day_first: bool | None = None
    #: The order another date of the text shows, found on first need ("unknown": none).
    text_day_first: bool | str | None = None


@attrs.define
class Piece:
    """One recognised expression: its span in the text and its value.

    The calendar fields keep what the text said (``year`` is None when it was
    inferred) so that a range can lend the year of one end to the other.
    """

    start: int
    end: int
    span: DateSpan
    warnings: tuple[TextWarning, ...] = ()
    year: int | None = None
    month: int | None = None
    day: int | None = None
    part: str | None = None
    weekday: int | None = None

    @property
    def is_calendar(self) -> bool:
        return self.month is not None


Handler = Callable[[re.Match[str], Context], list[Piece]]


class Rule(NamedTuple):
    pattern: TwinPattern
    handle: Handler
    # The trigger words (``words.trigger_kind``) one of which every match holds.
    kinds: frozenset[str]
    # Words every match holds that are rarer than its triggers: a window without one is
    # skipped before the (slower) pattern runs.
    needs: TwinPattern | None = None


RULES: list[Rule] = []


def rule(pattern: str, kinds: str, needs: str | None = None) -> Callable[[Handler], Handler]:
    """Register a handler for ``pattern`` (compiled once), run near triggers of ``kinds``
    (and only where ``needs`` matches, when given)."""

    def register(handle: Handler) -> Handler:
        required = None if needs is None else _fastre.compile(needs)
        RULES.append(Rule(_fastre.compile(pattern), handle, frozenset(kinds.split()), required))
        return handle

    return register


def month_of(token: str) -> int:
    """1 to 12 for a month name or abbreviation ("Sept.")."""
    return words.MONTH_NUMBER[token.rstrip(".").lower()[:3]]


def calendar_piece(
    ctx: Context,
    start: int,
    end: int,
    month: int,
    day: int | None,
    year: int | None,
    part: str | None = None,
    tense: str | None = None,
) -> Piece:
    """A piece for a month or day, its year inferred from the anchor when not given."""
    warnings: tuple[TextWarning, ...] = ()
    used = year
    if used is None:
        tense = tense or ctx.tense_at(start, end)
        used, warnings = calc.infer_year(month, day, ctx.anchor, tense)
    span = calc.calendar_span(used, month, day, part)
    return Piece(start, end, span, warnings, year, month, day, part)


def _preceded_by(ctx: Context, position: int, pattern: TwinPattern) -> re.Match[str] | None:
    return pattern.search(ctx.text, max(0, position - 24), position)


_BETWEEN_BEFORE: Final = _fastre.compile(rf"\b{words.any_case('between|from')}\s{{1,2}}$")
_DAY_TOKEN: Final = _fastre.compile(r"(\d{1,2})(?:st|nd|rd|th)?")
_RANGE_SEPARATORS: Final = frozenset(["-", "–", "—", "to", "through", "thru", "until", "till"])
_LIST_SEPARATORS: Final = frozenset([",", "and", "&", ", and"])


def _day_group(
    ctx: Context, match: re.Match[str], month: int, year: int | None, day_first: bool
) -> list[Piece]:
    """Pieces for "Aug. 5-10" (a range), "13, 16 and 20 June" (a list) or "October 23"."""
    start, end = match.start(), match.end()
    single = _DAY_TOKEN.fullmatch(match["days"])
    tokens = [single] if single else list(_DAY_TOKEN.finditer(match["days"]))
    days = [int(token[1]) for token in tokens]
    if max(days) > calc.days_in_month(year or 2000, month):
        # Raised, not skipped: "31 April 2015" must not become April 2015.
        raise ValueError(f"{match[0]!r} is not a calendar date")
    if single:
        return [calendar_piece(ctx, start, end, month, days[0], year)]
    group_start = match.start("days")
    separators = [
        " ".join(match["days"][a.end() : b.start()].lower().split()).removesuffix(" the")
        for a, b in itertools.pairwise(tokens)
    ]
    if len(days) == 2:
        between = _preceded_by(ctx, start, _BETWEEN_BEFORE)
        if separators[0] in _RANGE_SEPARATORS or (separators[0] in ("and", "&") and between):
            return _day_range(
                ctx, start if between is None else between.start(), end, month, days, year
            )
    if not set(separators) <= _LIST_SEPARATORS or separators[-1] == ",":
        # Without a final "and" only the day next to the month is a date: "On May 5, 10
        # soldiers died", "killed 12, 13 October".
        if day_first:
            first = group_start + tokens[-1].start()
            return [calendar_piece(ctx, first, end, month, days[-1], year)]
        return [calendar_piece(ctx, start, group_start + tokens[0].end(), month, days[0], year)]
    pieces = []
    for index, (token, day) in enumerate(zip(tokens, days, strict=True)):
        low = start if index == 0 else group_start + token.start()
        high = end if index == len(days) - 1 else group_start + token.end()
        pieces.append(calendar_piece(ctx, low, high, month, day, year))
    return pieces


def _day_range(
    ctx: Context, start: int, end: int, month: int, days: list[int], year: int | None
) -> list[Piece]:
    if days[0] >= days[1]:
        return []
    first = calendar_piece(ctx, start, end, month, days[0], year)
    assert first.span.earliest is not None
    span = calc.day_range(first.span.earliest.year, month, days[0], days[1])
    return [Piece(start, end, span, first.warnings)]


# A clock time between the day and the year: "Wed Aug 05 12:00:00 2015" (ctime), with
# the zone the Unix date command writes there: "Fri Dec 12 10:55:50 UTC 2014".
_CLOCK_BEFORE_YEAR: Final = (
    r"(?:\d{1,2}:\d\d(?::\d\d)?(?:\s{0,2}[AaPp]\.?[Mm]\.?)?(?:\s{1,2}(?:[A-Z]{3,4}|[+-]\d\d:?\d\d))?"
    r"(?:\s{0,2},\s{0,2}|\s{1,2}))?"
)


def _month_day(month: str) -> str:
    # "[Sept.] 4, 2014": an editor's brackets around the month; "mar, 7 2022": a comma
    # after it (then only with a year: "In March, 10 soldiers died" is a count).
    return (
        rf"\b(?P<m>{month})(?:(?P<br>\])|(?P<mc>,))?\s{{0,2}}"
        rf"(?:(?P<the>{words.any_case('the')})\s{{1,2}})?(?P<days>{words.DAY_GROUP})"
        rf"(?:(?:\s{{0,2}},\s{{0,2}}|\s{{1,2}}){_CLOCK_BEFORE_YEAR}(?P<y>{words.YEAR}|['’]\d{{2}}(?!\d))"
        rf"|\s{{1,2}}(?P<hhmm>{words.HHMM}))?"
    )


_ORDINAL_DAY: Final = _fastre.compile(r"\d{1,2}(?:st|nd|rd|th)\b")


# Digits left unread beside a date make it doubtful: "Mar 5 06 2009", "5 06 Mar 2009",
# "Aug 7, 2014Aug" (a year glued to a word). Reading the rest from the anchor would
# be a guess; nothing is read.
_UNREAD_AFTER: Final = _fastre.compile(r"\s{1,2}\d{1,4}(?:[\s,]{1,2}\d|\s*\Z)|,?\s{1,2}\d{4}[A-Z]")


def _unread_digits(ctx: Context, match: re.Match[str]) -> bool:
    if not match["y"] and _UNREAD_AFTER.match(ctx.text, match.end()):
        return True
    return _digit_before(ctx.text, match.start())


_CLOCK_END: Final = _fastre.compile(r"(?<![\d:.])\d{1,2}(?::\d\d(?::\d\d)?|h\d\d)\Z")


def _digit_before(text: str, start: int) -> bool:
    """Whether digits stand one or two spaces before ``start`` ("5 06 Mar"); a clock time
    ("16:45 4 July 2016") is read apart and leaves no digit unread."""
    k = start
    while k > max(0, start - 2) and text[k - 1] in " \t\u00a0":
        k -= 1
    if not (0 < k < start and text[k - 1].isdigit()):
        return False
    return _CLOCK_END.search(text, max(0, k - 8), k) is None


# Lower-case month names run only where a day or year stands beside them ("lmonth"
# triggers): in any-case form the pattern would start at every lower-case word.
@rule(_month_day(words.MONTH_LOWER), kinds="lmonth")
@rule(_month_day(words.MONTH), kinds="month")
def month_day(match: re.Match[str], ctx: Context) -> list[Piece]:
    """Reads "October 23", "Oct. 23, 2021", "Aug. 5-10", "June 13, 16 and 20", "may 8",
    "[Sept] 04, 2014", "mar, 7 2022"."""
    if match["mc"] and not match["y"]:
        return []
    if match["the"] and not _ORDINAL_DAY.match(match["days"]):
        return []  # "December the 12th"; "in December the 3 ships" is a count
    if match["br"] and ctx.text[match.start() - 1 : match.start()] != "[":
        return []
    if _unread_digits(ctx, match):
        return []
    pieces = _day_group(ctx, match, month_of(match["m"]), _year_of(ctx, match), day_first=False)
    return _noting_clock(ctx, match, pieces)


@rule(
    rf"(?:\b{words.any_case('the')}\s{{1,2}})?{words.DAY_START}(?P<days>{words.DAY_GROUP})"
    rf"(?:(?P<dot>\.)|\s{{1,2}}of)?\s{{1,2}}(?P<m>{words.MONTH_ANY})"
    # "8 Dec '15 at noon": an apostrophe makes two digits a year whatever follows.
    rf"(?:,?\s{{1,2}}(?P<y>{words.YEAR}|['’]\d{{2}}(?!\d)|\d{{2}}(?![\d:.,%]|\s{{1,2}}[a-z])))?"
    rf"(?:\s{{1,2}}(?P<hhmm>{words.HHMM}))?",
    kinds="month lmonth",
)
def day_month(match: re.Match[str], ctx: Context) -> list[Piece]:
    """Reads "23 October", "the 23rd of October 2021", "14-17 October", "3 Jan 99", and
    "2. November 2016", a day with the ordinal dot of German and Nordic usage: only with
    a year ("rose to 12. November was..." is two sentences)."""
    if match["dot"] and not _dotted_day(ctx, match):
        return []
    if _unread_digits(ctx, match):
        return []
    pieces = _day_group(ctx, match, month_of(match["m"]), _year_of(ctx, match), day_first=True)
    return _noting_clock(ctx, match, pieces)


def _dotted_day(ctx: Context, match: re.Match[str]) -> bool:
    """Whether "2. November 2016", "21. Oct. 11:30", "7. April" (all the text) is one day:
    a year, a time of day or the text's end must follow the month, since "rose to 12.
    November was..." is two sentences."""
    if not _DAY_TOKEN.fullmatch(match["days"]):
        return False
    year = match["y"]
    if year:
        return len(year) == 4
    return _TIME_OR_END.match(ctx.text, match.end()) is not None


# A time of day or the end of the text after a month: "21. Oct. 11:30", "7. April".
_TIME_OR_END: Final = _fastre.compile(r"\s{1,2}\d{1,2}[:.]\d\d|\s*\Z")


#: A clock time read as a year this far before the report is taken as the time.
_HISTORY_YEARS: Final = 150


def _clock_not_year(ctx: Context, match: re.Match[str]) -> bool:
    """Whether the four digits after a day and month are read as a time, not an old year."""
    written = match["y"]
    if not written or "," in ctx.text[match.end("m") : match.start("y")]:
        return False
    if not words.CLOCK_DIGITS.fullmatch(written) or words.TIME_NOT_YEAR.match(written):
        return False
    return int(written) < ctx.anchor.year - _HISTORY_YEARS


def _noting_clock(ctx: Context, match: re.Match[str], pieces: list[Piece]) -> list[Piece]:
    """``pieces``, warned ``assumed_time`` when a possible old year was read as a time."""
    if _clock_not_year(ctx, match):
        note = TextWarning(
            "assumed_time",
            f"{match['y']!r} read as a time of day, not the year {match['y']}: write "
            "a comma before a year this old",
        )
        for piece in pieces:
            piece.warnings += (note,)
    return pieces


def _year_of(ctx: Context, match: re.Match[str]) -> int | None:
    """The year written after a month and day: four digits, or two ("'99", "3 Jan 99").

    Four digits that make a time of day and no likely year ("2 Jan 1430": 14:30) are
    the time (the ``HHMM`` group), never the year 1430: before 1600, or a valid time
    more than :data:`_HISTORY_YEARS` before the report ("12 May 1700" in a 2017 report).
    """
    written = match["y"]
    if not written:
        return None
    gap = ctx.text[match.end("m") : match.start("y")]
    if "," not in gap and words.TIME_NOT_YEAR.match(ctx.text, match.start("y")):
        return None
    if _clock_not_year(ctx, match):
        return None
    digits = written.lstrip("'’")
    if len(digits) == 2:
        return calc.two_digit_year(int(digits), ctx.anchor)
    return int(digits)


@rule(
    rf"\b(?:{words.any_case('the')}\s{{1,2}})?(?P<o>{words.ORDINAL})\s{{1,2}}of\s{{1,2}}(?P<m>{words.MONTH_ANY})"
    rf"(?:,?\s{{1,2}}(?P<y>{words.YEAR}))?",
    kinds="month lmonth",
)
def ordinal_of_month(match: re.Match[str], ctx: Context) -> list[Piece]:
    """Reads "the second of September", "the first of March 2014"."""
    day = words.ORDINAL_WORDS[" ".join(match["o"].lower().split())]
    month, year = month_of(match["m"]), int(match["y"]) if match["y"] else None
    if day > calc.days_in_month(year or 2000, month):
        raise ValueError(f"{match[0]!r} is not a calendar date")  # warned invalid_date
    return [calendar_piece(ctx, match.start(), match.end(), month, day, year)]


@rule(
    rf"\b(?P<m>{words.MONTH_ANY})\s{{1,2}}(?:{words.any_case('the')}\s{{1,2}})?(?P<o>{words.ORDINAL})"
    rf"(?:,?\s{{1,2}}(?P<y>{words.YEAR})|(?=\s{{0,2}}\Z))",
    kinds="month lmonth",
)
def month_ordinal(match: re.Match[str], ctx: Context) -> list[Piece]:
    """Reads "March first, 2014", "March the first" as all the text; "in March first
    responders..." has no year after the ordinal and is no date."""
    return ordinal_of_month(match, ctx)


_DAY_AFTER: Final = _fastre.compile(
    r"\s{1,2}(3[01]|[12][0-9]|0?[1-9])(?:st|nd|rd|th)?(?![\w%]|[.,:]\d)"
)
_NEXT_WORD: Final = _fastre.compile(r"\s{1,2}([A-Za-z]{1,20})")


def count_after(text: str, position: int) -> bool:
    """Whether a count noun follows ("last May 5 soldiers died": 5 is a count)."""
    following = _NEXT_WORD.match(text, position)
    return following is not None and following[1].lower() in words.COUNT_NOUNS


_PREPOSITIONS: Final = words.split("in since until till by from through during before after of")
_YEAR_STEP: Final = {"this": 0, "last": -1, "next": 1}
_ORDER: Final = {"fir": 1, "sec": 2, "thi": 3, "fou": 4, "1st": 1, "2nd": 2, "3rd": 3, "4th": 4}


def _month_alone(month: str) -> str:
    return (
        rf"\b(?:(?P<prep>{words.alternation(_PREPOSITIONS, any_case=True)})\s{{1,2}})?"
        rf"(?P<core>(?:(?P<part>{words.PART})[\s-]{{1,2}}"
        rf"|(?P<rel>{words.any_case('this coming|this past|last|next|this')})\s{{1,2}})?"
        # "March of 2015", "March of last year"
        rf"(?P<m>{month})(?:,?\s{{1,2}}(?:of\s{{1,2}})?(?P<y>{words.YEAR})"
        rf"|\s{{1,2}}(?:of\s{{1,2}})?(?P<yrel>{words.any_case('this|last|next')})\s{{1,2}}"
        rf"{words.any_case('year')}\b)?)"
    )


@rule(_month_alone(words.MONTH_LOWER), kinds="lmonth")
@rule(_month_alone(words.MONTH), kinds="month")
def month_alone(match: re.Match[str], ctx: Context) -> list[Piece]:
    """Reads "in August", "August 2021", "August this year", "last December", "mid-October"."""
    if not (match["part"] or match["rel"] or match["prep"] or match["y"] or match["yrel"]):
        return []
    if _digit_before(ctx.text, match.start()):
        return []  # "5 06 Mar 2009": the day is unreadable, not absent
    lower = match["m"].rstrip(".")
    if lower.islower() and not match["y"] and lower not in words.SAFE_LOWER_MONTHS:
        return []  # "in may", "last march": verbs as often as months
    month = month_of(match["m"])
    start, end = match.start("core"), match.end()
    part = words.part_name(match["part"]) if match["part"] else None
    year = int(match["y"]) if match["y"] else None
    relation = (match["rel"] or match["yrel"] or "").lower().split()
    if match["yrel"]:
        year = ctx.anchor.year + _YEAR_STEP[relation[0]]
    elif relation:
        fixed = calc.relative_month_year(month, ctx.anchor, relation[-1])
        day = _DAY_AFTER.match(ctx.text, end) if not part else None
        if day is not None and not count_after(ctx.text, day.end()):
            # "this May 8th", "last March 3": the day of that month
            if int(day[1]) > calc.days_in_month(fixed, month):
                raise ValueError(f"{ctx.text[start : day.end()]!r} is not a calendar date")
            piece = calendar_piece(ctx, start, day.end(), month, int(day[1]), fixed)
            return [attrs.evolve(piece, year=None)]
        piece = calendar_piece(ctx, start, end, month, None, fixed, part)
        return [attrs.evolve(piece, year=None)]
    since = match["prep"] and match["prep"].lower() == "since"
    return [calendar_piece(ctx, start, end, month, None, year, part, "past" if since else None)]


@rule(
    rf"\b{words.any_case('between|from')}\s{{1,2}}(?P<m1>{words.MONTH})(?:,?\s{{1,2}}(?P<y1>{words.YEAR}))?"
    rf"\s{{1,2}}{words.any_case('and|to|until|till|through')}\s{{1,2}}(?P<m2>{words.MONTH})"
    rf"(?:,?\s{{1,2}}(?P<y2>{words.YEAR}))?"
    rf"|\b(?P<m3>{words.MONTH_BEFORE_DASH})\s{{0,2}}[-–—]\s{{0,2}}(?P<m4>{words.MONTH}),?\s{{1,2}}"
    rf"(?P<y4>{words.YEAR})",
    kinds="month",
)
def month_range(match: re.Match[str], ctx: Context) -> list[Piece]:
    """Reads "from March to May", "between March 2020 and May 2021", "March-May 2021"."""
    first = month_of(match["m1"] or match["m3"])
    second = month_of(match["m2"] or match["m4"])
    y1 = int(match["y1"]) if match["y1"] else None
    second_year = match["y2"] or match["y4"]
    y2 = int(second_year) if second_year else None
    start, end = match.start(), match.end()
    if y1 is None and y2 is not None:
        y1 = y2 if first <= second else y2 - 1
    head = calendar_piece(ctx, start, end, first, None, y1)
    used = head.span.earliest.year if head.span.earliest else ctx.anchor.year
    if y2 is None:
        y2 = used if second >= first else used + 1
    return [attrs.evolve(head, span=DateSpan(head.span.start, PartialDate(y2, second)), month=None)]


_DAY_WORDS: Final = {
    "the day before yesterday": -2, "the day after tomorrow": 2, "day before yesterday": -2,
    "day after tomorrow": 2, "yesterday": -1, "today": 0,
    "tomorrow": 1, "tonight": 0, "last night": -1, "this morning": 0, "this afternoon": 0,
    "this evening": 0,
}  # fmt: skip


@rule(rf"\b(?P<w>{words.alternation(_DAY_WORDS, any_case=True)})\b", kinds="unit dayword")
def day_word(match: re.Match[str], ctx: Context) -> list[Piece]:
    """Reads "yesterday", "today", "tomorrow", "last night"."""
    if match["w"] == "Today":
        # "Russia Today", "USA Today": a name, not the day.
        before = ctx.text[max(0, match.start() - 3) : match.start()]
        if re.search(r"[A-Za-z]\s{1,2}$", before) and not re.search(r"[.!?]\s{1,2}$", before):
            return []
    offset = _DAY_WORDS[" ".join(match["w"].lower().split())]
    span = calc.day_span(ctx.anchor + dt.timedelta(offset))
    return [Piece(match.start(), match.end(), span)]


#: Days of the year that are named, not numbered (the same date in every country).
HOLIDAYS: Final = {
    "christmas day": (12, 25), "christmas eve": (12, 24), "christmas": (12, 25),
    "boxing day": (12, 26), "new year's day": (1, 1), "new year's eve": (12, 31),
    "new years day": (1, 1), "new years eve": (12, 31), "halloween": (10, 31),
    "valentine's day": (2, 14), "valentines day": (2, 14),
}  # fmt: skip


_HOLIDAY_FORMS: Final = [*HOLIDAYS, *(name.title().replace("'S", "'s") for name in HOLIDAYS)]


@rule(
    rf"\b(?P<h>{words.alternation(_HOLIDAY_FORMS, any_case=True)})\b"
    rf"(?:,?\s{{1,2}}(?:{words.any_case('of')}\s{{1,2}})?(?P<y>{words.YEAR}))?",
    kinds="holiday",
)
def holiday(match: re.Match[str], ctx: Context) -> list[Piece]:
    """Reads "Christmas", "New Year's Eve", "Halloween": that day, its year from the tense;
    "Christmas 2019", "Christmas Day of 1914": that year's."""
    month, day = HOLIDAYS[" ".join(match["h"].lower().replace("’", "'").split())]
    if match["y"] and not count_after(ctx.text, match.end()):
        return [calendar_piece(ctx, match.start(), match.end(), month, day, int(match["y"]))]
    return [calendar_piece(ctx, match.start(), match.end("h"), month, day, None)]


_UNIT_PARTS: Final = words.any_case(
    "earlier|later|early|late|mid|the end of|the beginning of|the start of|the middle of"
    "|end of|beginning of|start of|middle of"
)


@rule(
    rf"\b(?:(?P<part>{_UNIT_PARTS})(?P<in>\s{{1,2}}{words.any_case('in')})?[\s-]{{1,2}})?"
    rf"(?P<rel>{words.any_case('this|last|next|the coming|the current|coming|the')})\s{{1,2}}"
    rf"(?P<unit>{words.any_case('week|weekend|month|year')})\b(?!\s{{1,2}}of\b)"
    rf"(?:\s{{1,2}}(?P<two>{words.any_case('before last|after next')})\b)?",
    kinds="unit",
)
def unit_relative(match: re.Match[str], ctx: Context) -> list[Piece]:
    """Reads "last week", "this week", "next month", "earlier this month", "late last year";
    "earlier in the month", "late in the year": the report's; "the week before last", "the
    month after next": two units from the report's."""
    relation = match["rel"].lower().split()[-1]
    unit = match["unit"].lower()
    if match["two"]:
        if relation != "the" or match["part"]:
            return []
        step = -2 if match["two"].lower().startswith("before") else 2
        return [Piece(match.start(), match.end(), calc.unit_span(ctx.anchor, unit, step))]
    part_word = " ".join((match["part"] or "").lower().split())
    if match["in"] and part_word.endswith(" of"):
        return []  # "the end of in the month" is no English
    if relation == "the" and not part_word.endswith(" of") and not match["in"]:
        # "the month" alone is no date; "the end of the month" is the anchor's.
        if unit != "weekend":
            return []
        span = calc.the_weekend(ctx.anchor, ctx.tense_at(match.start(), match.end()))
        return [Piece(match.start("rel"), match.end(), span)]
    step = {"last": -1, "next": 1, "coming": 1}.get(relation, 0)
    part = None if part_word in ("", "earlier", "later") else words.part_name(part_word)
    span = calc.unit_span(ctx.anchor, unit, step, part)
    return [Piece(match.start(), match.end(), span)]


@rule(
    # digits only: an alternation of ordinal words tried at every place of each window
    # near "month" would cost every text a tenth more time
    rf"\b(?:{words.any_case('the')}\s{{1,2}})?(?P<o>(?:3[01]|[12][0-9]|0?[1-9])(?:st|nd|rd|th))"
    rf"\s{{1,2}}{words.any_case('of')}\s{{1,2}}"
    rf"(?P<rel>{words.any_case('this|last|next|the current|the coming|the')})\s{{1,2}}"
    rf"{words.any_case('month')}\b",
    kinds="unit",
)
def day_of_unit_month(match: re.Match[str], ctx: Context) -> list[Piece]:
    """Reads "the 19th of this month", "the 5th of next month": that day; "of the month"
    is the report's month."""
    day = int(match["o"][:-2])
    step = {"last": -1, "next": 1, "coming": 1}.get(match["rel"].lower().split()[-1], 0)
    moved = calc.shift(ctx.anchor, step, "month")
    if day > calc.days_in_month(moved.year, moved.month):
        raise ValueError(f"{match[0]!r} is not a calendar date")  # warned invalid_date
    span = calc.calendar_span(moved.year, moved.month, day, None)
    return [Piece(match.start(), match.end(), span, (), moved.year, moved.month, day)]


_UNIT: Final = rf"(?P<unit>{words.any_case('hour|day|week|month|year|decade')})"


_AGO_UNIT: Final = (
    r"(?P<unit>(?i:second|minute|hour|day|week|fortnight|month|quarter|year|decade|centur"
    r"|yr|hr|min|sec))"
)
_AGO_ABBREVIATED: Final = {"yr": "year", "hr": "hour", "min": "minute", "sec": "second",
                           "centur": "century"}  # fmt: skip


@rule(
    # Four digits or more before a unit and "ago" are an amount: "2000 years ago".
    rf"\b(?P<n>{words.NUMBER}|\d{{4,5}}|\d{{1,3}}(?:,\d{{3}})+)\s{{1,2}}{_AGO_UNIT}(?i:s|y|ies)?"
    rf"\s{{1,2}}{words.any_case('ago')}\b",
    kinds="ago",
)
def ago(match: re.Match[str], ctx: Context) -> list[Piece]:
    """Reads "three days ago", "a year ago", "a decade ago", "a fortnight ago"."""
    amount = words.number_value(match["n"])
    if amount is None or words.follows_number(ctx.text, match.start()):
        return []
    wider = compound.around(ctx.text, ctx.anchor, match.start(), match.end(), -1, forward=False)
    if wider is not None:  # "1 year, 2 months and 3 days ago"
        first, last, whole = wider
        return [] if whole is None else [Piece(first, last, whole)]
    unit = _AGO_ABBREVIATED.get(match["unit"].lower(), match["unit"].lower())
    if unit in ("week", "fortnight", "month", "year") and (
        today := _TODAY_AFTER.match(ctx.text, match.end())
    ):
        # "a year ago today": that very day, not the year
        days = {"week": 7, "fortnight": 14}
        if unit in days:
            day = ctx.anchor - dt.timedelta(days=days[unit] * amount)
        else:
            day = calc.shift(ctx.anchor, -amount, unit)
        return [Piece(match.start(), today.end(), calc.day_span(day))]
    span = calc.ago_span(ctx.anchor, amount, unit)
    return [Piece(match.start(), match.end(), span)]


_TODAY_AFTER: Final = _fastre.compile(rf"\s{{1,2}}{words.any_case('today')}\b")


_ROLLING: Final = words.any_case("the past|the last|the previous|the next|the coming")


@rule(
    rf"\b{_ROLLING}\s{{1,2}}(?:(?P<n>{words.NUMBER})\s{{1,2}})?"
    rf"{_UNIT}(?P<plural>s?)\b(?!\s{{1,2}}of\b)",
    kinds="unit decade clock",
)
def rolling(match: re.Match[str], ctx: Context) -> list[Piece]:
    """Reads "the past two weeks": the days up to the report; "the next six weeks", "the
    coming two years": the days from it; "the past 24 hours": the days those hours may
    fall on, the report's time of day not being known."""
    amount = words.number_value(match["n"]) if match["n"] else None
    if amount is None and match["plural"]:
        return []
    ahead = match[0].split()[1].lower() in ("next", "coming")
    if ahead and amount is None:
        return []  # "the next day", "the next decade": a day or a calendar unit
    unit = match["unit"].lower()
    if unit == "hour":
        if amount is None:
            return []  # "the last hour": the report's day, too fine to say as a span
        amount, unit = -(-amount // 24), "day"  # whole days, rounded up
    if unit == "decade":  # relativedelta has no decades: "the past decade" is ten years
        amount, unit = 10 * (amount or 1), "year"
    if ahead:
        end = calc.shift(ctx.anchor, amount or 1, unit)
        return [Piece(match.start(), match.end(), DateSpan.between(ctx.anchor, end))]
    begin = calc.shift(ctx.anchor, -(amount or 1), unit)
    return [Piece(match.start(), match.end(), DateSpan.between(begin, ctx.anchor))]


@rule(
    rf"\b(?:(?P<rel>{words.any_case('last|next|this')})\s{{1,2}}|(?P<in>{words.any_case('in')})\s{{1,2}})?"
    rf"(?:{words.any_case('the')}\s{{1,2}})?"
    rf"(?P<s>{words.any_case('spring|summer|autumn|fall|winter')})"
    rf"(?:\s{{1,2}}(?:of\s{{1,2}})?(?P<y>{words.YEAR})|\s{{1,2}}['’](?P<yy>[0-9]{{2}})\b)?",
    kinds="season",
)
def season(match: re.Match[str], ctx: Context) -> list[Piece]:
    """Reads "summer 2021" (EDTF ``2021-22``), "last winter", "in autumn" (this year's)."""
    if not (match["rel"] or match["y"] or match["in"] or match["yy"]):
        return []
    if match["in"] and not match["y"] and match["s"].lower() == "fall":
        return []  # "in the fall of the regime": no season without a year
    number = calc.SEASONS[match["s"].lower()]
    relation = match["rel"].lower() if match["rel"] else None
    year = int(match["y"]) if match["y"] else None
    if match["yy"]:  # "summer '15"
        year = calc.two_digit_year(int(match["yy"]), ctx.anchor)
    return [Piece(match.start(), match.end(), calc.season_span(number, ctx.anchor, relation, year))]


@rule(
    rf"\b(?:{words.any_case('the')}\s{{1,2}})?"
    rf"(?P<o>{words.any_case('first|second|third|fourth|1st|2nd|3rd|4th|last|final')})"
    rf"\s{{1,2}}(?P<w>{words.any_case('quarter|half')})\s{{1,2}}{words.any_case('of')}\s{{1,2}}"
    rf"(?:(?P<y>{words.YEAR})|(?P<rel>{words.any_case('this|last|next')})\s{{1,2}}{words.any_case('year')})"
    rf"|\b(?P<q>[QH][1-4]),?\s{{0,2}}(?P<y2>{words.YEAR})",
    kinds="part year",
)
def quarter(match: re.Match[str], ctx: Context) -> list[Piece]:
    """Reads "the third quarter of 2021", "Q1 2022", "the first half of next year"."""
    if match["q"]:
        size, index = (3 if match["q"][0] == "Q" else 6), int(match["q"][1])
        year = int(match["y2"])
    else:
        size = 3 if match["w"].lower() == "quarter" else 6
        order = match["o"].lower()
        index = 12 // size if order in ("last", "final") else _ORDER[order[:3]]
        step = _YEAR_STEP[match["rel"].lower()] if match["rel"] else 0
        year = int(match["y"]) if match["y"] else ctx.anchor.year + step
    if index * size > 12:
        return []
    span = DateSpan(PartialDate(year, (index - 1) * size + 1), PartialDate(year, index * size))
    return [Piece(match.start(), match.end(), span)]
