"""Dates in news text, resolved against the report's publication date (the anchor).

``resolve_date("on Wednesday", anchor=date(2021, 10, 28))`` is 2021-10-27; no
expression gives no date, never the anchor. The rules live in ``_temporal_*``.
"""

from __future__ import annotations

import bisect
import datetime as dt
import functools
from collections.abc import Callable
from enum import StrEnum
from typing import Final, Literal

import attrs

from .. import _fastre
from ..model.dates import DateSpan, PartialDate
from ..model.vocab import Qualifier
from . import _temporal_words as words
from ._temporal_fields import LONGEST as LONGEST_FIELD
from ._temporal_fields import read_field
from ._temporal_merge import RawDuration, scan, scan_durations, with_duration
from ._temporal_rules import Context
from .result import Normalized, TextWarning

__all__ = ["Duration", "Tense", "find_dates", "find_durations", "resolve_date", "tense_of"]


class Tense(StrEnum):
    """The tense of the clause a date sits in: it decides which Wednesday "on Wednesday" is.

    >>> Tense("future") is Tense.FUTURE
    True
    """

    PAST = "past"
    PRESENT = "present"
    FUTURE = "future"


_FUTURE_VERBS: Final = words.split(
    "be start begin take hold visit meet sign open arrive end conclude continue launch leave"
    " descend deploy finish resume return receive travel attend vote announce complete run last"
    " host stage conduct"
)
_FUTURE_PHRASES: Final = (
    words.split("will won't shall would wouldn't scheduled slated upcoming forthcoming")
    + tuple(
        " ".join(phrase.split("_"))
        for phrase in words.split(
            "going_to plan_to plans_to planned_to planned_for planning_to expected_to intend_to"
            " intends_to intended_to aim_to aims_to to_be_held to_take_place"
        )
    )
    + tuple(f"due to {verb}" for verb in _FUTURE_VERBS)
)
_FUTURE: Final = _fastre.compile(
    rf"\b{words.alternation(_FUTURE_PHRASES, any_case=True)}\b|['’]ll\b"
    # "due to bad weather" is a cause; "set to" is followed by a verb in news.
    rf"|\b{words.any_case('is to|are to|set to')}\s{{1,2}}(?!the\b|an?\b)[a-z]{{2,20}}\b"
)
_PAST: Final = _fastre.compile(rf"\b{words.alternation(words.PAST_VERBS, any_case=True)}\b")
_PRESENT_WORDS: Final = words.alternation(words.split("is are am isn't aren't"), any_case=True)
_PRESENT: Final = _fastre.compile(rf"\b{_PRESENT_WORDS}\b")
_ED_WORD: Final = _fastre.compile(r"\b[a-z]{2,20}ed\b")
# "is being held", "are taking part": present even beside a past participle.
_PROGRESSIVE: Final = _fastre.compile(rf"\b{_PRESENT_WORDS}\s{{1,2}}[a-z]{{2,20}}ing\b")
# In order of precedence.
_MARKERS: Final = (
    (_FUTURE, Tense.FUTURE),
    (_PROGRESSIVE, Tense.PRESENT),
    (_PAST, Tense.PAST),
    (_PRESENT, Tense.PRESENT),
    (_ED_WORD, Tense.PAST),
)


def _marked_tense(clause: str) -> Tense | None:
    for pattern, tense in _MARKERS:
        if pattern is _ED_WORD:
            if any(word not in words.NOT_PAST for word in _ED_WORD.findall(clause)):
                return tense
        elif pattern.search(clause):
            return tense
    return None


def tense_of(clause: str) -> Tense:
    """Guess the tense of an English clause from its auxiliaries and verbs.

    Future markers (will, would, due to, is set to, plans to, to be held) win over
    the present progressive (is being held, are taking part), then past markers
    (had, has been, was, said, -ed verbs), then present ones (is, are); with
    none, news is in the past.

    >>> tense_of("The drills will begin on Monday"), tense_of("officials confirmed it")
    (<Tense.FUTURE: 'future'>, <Tense.PAST: 'past'>)
    """
    if not isinstance(clause, str):
        raise TypeError(f"clause must be a str, got {type(clause).__name__}")
    return _marked_tense(clause) or Tense.PAST


_SENTENCE_END: Final = _fastre.compile(r"[.!?][\"'”’)]?\s{1,3}(?=[A-Z\"“(])|\n")
_CLAUSE_BREAK: Final = _fastre.compile(
    r"[,;:()\[\]—–\"“”]|\b(?:that|which|who|while|but|and|or|after|before|when|because"
    r"|although|whereas|as|if|though"
    # "On Friday the minister said the lease would be extended": what was said is a clause
    # of its own
    r"|said|says|told)\b"
)
_WINDOW: Final = 200
_PLANNED_AUX: Final = _fastre.compile(
    r"\b(?:will|would|shall|to|must|should|could|can|may|might)\s+(?:not\s+)?(?:be\s+|have\s+been\s+)?$"
    r"|['\u2019]ll\s+(?:be\s+)?$"
)
#: A day right after a verb of saying in the past is when it was said, whatever the tense
#: of what was said: "said on Monday it would allow", "told reporters on Friday".
SAYING_DAY: Final = _fastre.compile(
    r"\b(?:said|announced|stated|declared|added|confirmed|reported|told [\w\-]+)\s+(?:on\s+)?$"
)


class _TenseMap:
    """The tense around any position of a text, from markers found once (linear time).

    An expression takes the tense of its clause; a clause without markers takes
    the marker nearest to the expression in its sentence ("In March, Berlin
    announced plans to buy": past); with none, news is in the past.
    """

    def __init__(self, text: str) -> None:
        self.text = text

    @functools.cached_property
    def sentence_ends(self) -> list[tuple[int, int]]:
        return [match.span() for match in _SENTENCE_END.finditer(self.text)]

    @functools.cached_property
    def breaks(self) -> list[tuple[int, int]]:
        return [match.span() for match in _CLAUSE_BREAK.finditer(self.text)]

    @functools.cached_property
    def markers(self) -> list[list[tuple[int, int]]]:
        return [
            [
                match.span()
                for match in pattern.finditer(self.text)
                if not (pattern is _ED_WORD and match[0] in words.NOT_PAST)
                # "will be held": a participle of a plan marks no past
                and not (tense is Tense.PAST and self._planned(match.start()))
            ]
            for pattern, tense in _MARKERS
        ]

    def _quotation(self, start: int, end: int, low: int, high: int) -> tuple[int, int]:
        """The bounds of the quotation a date is in, if any: '"... will be held from August
        1 to 13," the Army said' takes its tense from the quotation, not from "said"."""
        before = self.text[low:start]
        opening = before.rfind("\u201c")
        if opening >= 0 and before.find("\u201d", opening) < 0:
            closing = self.text.find("\u201d", end, high)
            if closing >= 0:
                return low + opening, closing
        elif before.count('"') % 2 == 1:
            closing = self.text.find('"', end, high)
            if closing >= 0:
                return low + before.rfind('"'), closing
        return low, high

    def _planned(self, start: int) -> bool:
        return _PLANNED_AUX.search(self.text, max(0, start - 30), start) is not None

    @staticmethod
    def _before(spans: list[tuple[int, int]], position: int, floor: int) -> int:
        index = bisect.bisect_right(spans, (position, position)) - 1
        while index >= 0 and spans[index][1] > position:
            index -= 1
        return max(floor, spans[index][1]) if index >= 0 else floor

    @staticmethod
    def _after(spans: list[tuple[int, int]], position: int, ceiling: int) -> int:
        index = bisect.bisect_left(spans, (position, 0))
        return min(ceiling, spans[index][0]) if index < len(spans) else ceiling

    def _done_on(self, start: int) -> bool:
        """ "the agreement signed on Friday", "opened Thursday": a past verb right before the
        day dates what was done then, unless "will be" makes it a plan ("will be held on")."""
        # String operations, not a regex anchored at the end: this runs for every date.
        before = self.text[max(0, start - 40) : start].rstrip()
        if before.endswith(" on"):
            before = before[:-3].rstrip()
        word = before.rsplit(None, 1)[-1] if before else ""
        if not (3 <= len(word) <= 20 and word.isascii() and word.isalpha()):
            return False
        verb_at = max(0, start - 40) + len(before) - len(word)
        word = word.lower()
        if word in words.NOT_PAST or not (word.endswith("ed") or _PAST.fullmatch(word)):
            return False
        return not _PLANNED_AUX.search(self.text, max(0, verb_at - 30), verb_at)

    def __call__(self, start: int, end: int) -> str:
        if SAYING_DAY.search(self.text, max(0, start - 40), start) or self._done_on(start):
            return Tense.PAST  # "said on Monday it would allow ...": the day it was said
        low = self._before(self.sentence_ends, start, max(0, start - _WINDOW))
        high = self._after(self.sentence_ends, end, min(len(self.text), end + _WINDOW))
        low, high = self._quotation(start, end, low, high)
        clause_low = self._before(self.breaks, start, low)
        clause_high = self._after(self.breaks, end, high)
        for spans, (_, tense) in zip(self.markers, _MARKERS, strict=True):
            index = bisect.bisect_left(spans, (clause_low, 0))
            if index < len(spans) and spans[index][1] <= clause_high:
                return tense
        nearest: tuple[int, str] = (len(self.text) + 1, Tense.PAST)
        for spans, (_, tense) in zip(self.markers, _MARKERS, strict=True):
            index = bisect.bisect_left(spans, (start, 0))
            if index < len(spans) and spans[index][1] <= high:
                nearest = min(nearest, (max(0, spans[index][0] - end), tense))
            if index > 0 and spans[index - 1][0] >= low:
                nearest = min(nearest, (max(0, start - spans[index - 1][1]), tense))
        return nearest[1]


def _check_arguments(
    text: object, anchor: object, tense: object, day_first: object = None
) -> Tense | None:
    if day_first is not None and not isinstance(day_first, bool):
        raise TypeError(f"day_first must be a bool or None, got {type(day_first).__name__}")
    if not isinstance(text, str):
        raise TypeError(f"text must be a str, got {type(text).__name__}")
    if isinstance(anchor, dt.datetime) or not isinstance(anchor, dt.date):
        raise TypeError(f"anchor must be a datetime.date, got {type(anchor).__name__}")
    if tense is None:
        return None
    if not isinstance(tense, str):
        raise TypeError(f"tense must be a Tense, a str or None, got {type(tense).__name__}")
    try:
        return Tense(tense)
    except ValueError:
        raise ValueError(
            f"tense must be one of {[t.value for t in Tense]}, got {tense!r}"
        ) from None


_EDTF_TEXT: Final = _fastre.compile(r"\s{0,20}([0-9./~?%XYTZ:+-]{2,60})\s{0,20}")


def _find(
    text: str, anchor: dt.date, tense: Tense | None, day_first: bool | None = None
) -> tuple[list[Normalized[DateSpan]], list[TextWarning]]:
    whole = _EDTF_TEXT.fullmatch(text)
    if whole:
        try:
            span = DateSpan.parse(whole[1])
        except ValueError:
            pass
        else:
            return [Normalized.found(span, text, whole.start(1), whole.end(1))], []

    tense_at: Callable[[int, int], str]
    if tense is None:
        tense_at = _TenseMap(text)
    else:
        fixed = tense.value
        tense_at = lambda start, end: fixed  # noqa: E731
    ctx = Context(text, anchor, tense_at, day_first=day_first)
    if len(text) <= LONGEST_FIELD:
        try:
            field = read_field(ctx)
        except ValueError as error:  # "31-04-15": no day, and no shorter reading
            return [], [TextWarning("invalid_date", str(error))]
        if field is not None:
            return [Normalized.found(field.span, text, field.start, field.end, *field.warnings)], []
    found = [
        Normalized.found(piece.span, text, piece.start, piece.end, *piece.warnings)
        for piece in scan(ctx)
    ]
    return found, ctx.notes


def find_dates(
    text: str,
    *,
    anchor: dt.date,
    tense: Tense | str | None = "past",
    day_first: bool | None = None,
) -> list[Normalized[DateSpan]]:
    """Every date expression in ``text``, in order, each with its span and warnings.

    ``anchor`` is the publication date; ``tense`` is the tense of the clause, or
    ``None`` to guess it around each expression with :func:`tense_of`;
    ``day_first`` the order of all-digit dates both orders allow (see
    :func:`resolve_date`).

    >>> found = find_dates("drills on Oct. 23 and talks next month", anchor=dt.date(2021, 10, 28))
    >>> [(str(d.value), d.text) for d in found]
    [('2021-10-23', 'Oct. 23'), ('2021-11', 'next month')]
    """
    return _find(text, anchor, _check_arguments(text, anchor, tense, day_first), day_first)[0]


def resolve_date(
    text: str,
    *,
    anchor: dt.date,
    tense: Tense | str | None = "past",
    day_first: bool | None = None,
) -> Normalized[DateSpan]:
    """The first date expression of ``text`` as a :class:`DateSpan`, or nothing with a warning.

    The choices, for a report of Thursday 2021-10-28:

    - a weekday is the latest one on or before the anchor in a past clause ("on
      Thursday" is the report's day, "on Wednesday" 2021-10-27), the first on or
      after it in a future clause, the nearest in a present one; "last"/"next"
      skip the anchor's day;
    - a month (and day) without a year is not after the anchor's month in a past
      clause ("in November": 2020-11), not before it in a future one; a day of
      the anchor's month that contradicts the tense keeps the anchor's year and
      warns ``tense_conflict``;
    - precision is never invented: "in 2016" is ``2016``, "in August" a month;
      "late 2020" is ``2020-09~/2020-12``, "mid-October" ``2021-10-11~/2021-10-20~``
      (EDTF has no thirds), "last week" the Monday-Sunday interval, "since 2014"
      ``2014/..``, "until 2042" ``/2042``;
    - a weekday beside a date that disagrees keeps the date and warns
      ``weekday_mismatch``;
    - a duration linked to a start day in the same sentence ("a weeklong
      exercise starting Monday", "began on Monday and will last six days") gives
      an interval, approximate at the end when the duration is ("about 10
      days"); a duration alone gives no date (see :func:`find_durations`);
    - no expression gives nothing and ``no_date``, never the anchor.

    ``tense=None`` guesses the tense around the expression (:func:`tense_of`).

    Dates in digits that both orders allow ("05/06/2021") are read with
    ``day_first`` when it is given (``True`` for day/month/year sources, ``False``
    for US ones); else in the order another date of the same text shows
    ("23/10/2021"); else month first, the documented default, with an
    ``assumed_order`` warning. Dots ("12.2.2015") are day first, with the same warning
    when both orders allow. A date only one order allows ("23/10/2021", "10/23/2021")
    needs no option. A day the month does not have ("31 April 2015") gives nothing and
    ``invalid_date``, never the month.

    >>> thursday = dt.date(2021, 10, 28)
    >>> str(resolve_date("officials confirmed it on Wednesday", anchor=thursday).value)
    '2021-10-27'
    >>> str(resolve_date("It will begin on Monday", anchor=thursday, tense="future").value)
    '2021-11-01'
    >>> resolve_date("no time is given", anchor=thursday).warnings[0].code
    'no_date'
    """
    found, notes = _find(text, anchor, _check_arguments(text, anchor, tense, day_first), day_first)
    if found:
        return found[0]
    warnings = [TextWarning("no_date", "no date expression found")]
    warnings += notes
    durations = scan_durations(text)
    if durations:
        said = text[durations[0].start : durations[0].end]
        warnings.append(TextWarning("duration_only", f"{said!r} is a length of time, not a date"))
    return Normalized.nothing(*warnings)


DurationUnit = Literal["day", "week", "month", "year"]


def _check_unit(instance: Duration, attribute: attrs.Attribute[str], value: str) -> None:
    if value not in ("day", "week", "month", "year"):
        raise ValueError(f"unit must be day, week, month or year, got {value!r}")


def _check_amount(instance: Duration, attribute: attrs.Attribute[int], value: int) -> None:
    if type(value) is not int or value < 1:
        raise ValueError(f"amount must be a positive int, got {value!r}")


@attrs.frozen(weakref_slot=False)
class Duration:
    """A length of time from text ("over six days", "a weeklong exercise", "about 10 days").

    A duration alone is no date; :meth:`span_from` makes it an interval once the
    start day is known (``find_dates`` does so when the text links the two).

    >>> Duration(6, "day").span_from(dt.date(2019, 9, 16))
    DateSpan.parse('2019-09-16/2019-09-21')
    """

    amount: int = attrs.field(validator=_check_amount)
    unit: DurationUnit = attrs.field(validator=_check_unit)
    qualifier: Qualifier = attrs.field(default=Qualifier.EXACT, converter=Qualifier)

    def span_from(self, start: dt.date | DateSpan) -> DateSpan:
        """The interval that begins on ``start`` (a day) and lasts this long.

        The end is approximate (``~``) unless the duration is exact.
        """
        if isinstance(start, DateSpan):
            first = start.start
            if start.end is not None or not isinstance(first, PartialDate) or first.day is None:
                raise ValueError(f"a duration needs a start day, got {start}")
        elif isinstance(start, dt.date) and not isinstance(start, dt.datetime):
            first = PartialDate.from_date(start)
        else:
            raise TypeError(f"start must be a date or a DateSpan, got {type(start).__name__}")
        return with_duration(first, RawDuration(0, 0, self.amount, self.unit, self.qualifier))


def find_durations(text: str) -> list[Normalized[Duration]]:
    """Every length of time in ``text`` ("over six days", "weeklong", "about 10 days").

    >>> [d.value for d in find_durations("It will last about 10 days.")]
    [Duration(amount=10, unit='day', qualifier=<Qualifier.APPROX: 'approx'>)]
    """
    if not isinstance(text, str):
        raise TypeError(f"text must be a str, got {type(text).__name__}")
    return [
        Normalized.found(
            Duration(raw.amount, raw.unit, raw.qualifier),  # type: ignore[arg-type]
            text,
            raw.start,
            raw.end,
        )
        for raw in scan_durations(text)
    ]
