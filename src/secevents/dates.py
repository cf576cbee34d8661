"""Fuzzy dates as EDTF (ISO 8601-2, levels 0 and 1).

A :class:`DateSpan` is a single :class:`PartialDate` ("2016", "2021-10~") or an
interval whose ends may be open ("..") or unknown (""). Precision is never
invented: "2016" stays a year.
"""

from __future__ import annotations

import calendar
import datetime as dt
import functools
import re
from enum import Enum, StrEnum
from typing import Final

import attrs

__all__ = ["Bound", "DatePrecision", "DateSpan", "PartialDate"]

_DATE_RE: Final = re.compile(r"([0-9]{4})(?:-([0-9]{2})(?:-([0-9]{2}))?)?([?~%])?")
# Seasons (EDTF level 1 "21".."24"), as northern-hemisphere month ranges.
_SEASON_MONTHS: Final = {21: (3, 5), 22: (6, 8), 23: (9, 11), 24: (12, 2)}


class DatePrecision(StrEnum):
    """How much of a :class:`PartialDate` is known."""

    YEAR = "year"
    SEASON = "season"
    MONTH = "month"
    DAY = "day"


class Bound(Enum):
    """An interval end that is not a date: open (``..``) or unknown (empty)."""

    OPEN = ".."
    UNKNOWN = ""


def _check_year(inst: PartialDate, attribute: attrs.Attribute[int], value: int) -> None:
    if type(value) is not int or not 1 <= value <= 9999:
        raise ValueError(f"year {value!r} is outside 0001..9999")


@attrs.frozen(repr=False, weakref_slot=False)
class PartialDate:
    """A calendar date known to year, season, month or day, possibly qualified.

    >>> PartialDate.parse("2021-10~").earliest
    datetime.date(2021, 10, 1)
    """

    year: int = attrs.field(validator=_check_year)
    month: int | None = None
    day: int | None = None
    approximate: bool = attrs.field(default=False, kw_only=True)
    uncertain: bool = attrs.field(default=False, kw_only=True)

    def __attrs_post_init__(self) -> None:
        month, day = self.month, self.day
        if month is None:
            if day is not None:
                raise ValueError("a day needs a month")
            return
        if type(month) is not int or not (1 <= month <= 12 or month in _SEASON_MONTHS):
            raise ValueError(f"month {month!r} is not 01..12 or a season 21..24")
        if day is None:
            return
        if month > 12:
            raise ValueError("a season cannot have a day")
        last = calendar.monthrange(self.year, month)[1]
        if type(day) is not int or not 1 <= day <= last:
            raise ValueError(f"day {day!r} is not valid in {self.year:04d}-{month:02d}")

    @classmethod
    def parse(cls, text: str) -> PartialDate:
        """Read one EDTF date (``2021``, ``2021-10``, ``2021-10-23?``, ``2021-21``)."""
        if not isinstance(text, str):
            raise TypeError(f"expected an EDTF string, got {type(text).__name__}")
        match = _DATE_RE.fullmatch(text)
        if match is None:
            raise ValueError(f"{text!r} is not an EDTF level 0/1 date")
        year, month, day, qualifier = match.groups()
        return cls(
            int(year),
            int(month) if month else None,
            int(day) if day else None,
            approximate=qualifier in ("~", "%"),
            uncertain=qualifier in ("?", "%"),
        )

    @classmethod
    def from_date(cls, value: dt.date) -> PartialDate:
        """The day of a :class:`datetime.date`."""
        return cls(value.year, value.month, value.day)

    @property
    def precision(self) -> DatePrecision:
        """Year, season, month or day."""
        if self.month is None:
            return DatePrecision.YEAR
        if self.month > 12:
            return DatePrecision.SEASON
        return DatePrecision.MONTH if self.day is None else DatePrecision.DAY

    @property
    def earliest(self) -> dt.date:
        """The first day this date may mean."""
        if self.month is None:
            return dt.date(self.year, 1, 1)
        first_month = _SEASON_MONTHS[self.month][0] if self.month > 12 else self.month
        return dt.date(self.year, first_month, self.day or 1)

    @property
    def latest(self) -> dt.date:
        """The last day this date may mean."""
        if self.day is not None and self.month is not None:
            return dt.date(self.year, self.month, self.day)
        year, month = self.year, self.month or 12
        if month > 12:
            last_month = _SEASON_MONTHS[month][1]
            year, month = (year + 1, last_month) if last_month < 3 else (year, last_month)
            if year > 9999:
                return dt.date.max
        return dt.date(year, month, calendar.monthrange(year, month)[1])

    def __str__(self) -> str:
        text = f"{self.year:04d}"
        if self.month is not None:
            text += f"-{self.month:02d}"
        if self.day is not None:
            text += f"-{self.day:02d}"
        if self.approximate and self.uncertain:
            return text + "%"
        if self.approximate:
            return text + "~"
        return text + "?" if self.uncertain else text

    def __repr__(self) -> str:
        return f"PartialDate.parse({str(self)!r})"


DateOrBound = PartialDate | Bound


def _to_partial(value: object, what: str) -> PartialDate:
    if isinstance(value, PartialDate):
        return value
    if isinstance(value, dt.datetime):
        raise TypeError(f"{what}: pass a date, not a datetime")
    if isinstance(value, dt.date):
        return PartialDate.from_date(value)
    if isinstance(value, DateSpan) and value.end is None and isinstance(value.start, PartialDate):
        return value.start
    if isinstance(value, str):
        return PartialDate.parse(value)
    raise TypeError(f"{what}: expected a date, PartialDate or EDTF string, got {value!r}")


@attrs.frozen(repr=False, weakref_slot=False)
class DateSpan:
    """A date or interval as EDTF: ``end is None`` means a single date.

    >>> span = DateSpan.parse("2021-10-23/2021-10-30")
    >>> span.earliest, span.contains(DateSpan.parse("2021-10-27"))
    (datetime.date(2021, 10, 23), True)
    >>> str(DateSpan.parse("2016"))
    '2016'
    """

    start: DateOrBound
    end: DateOrBound | None = None
    # The EDTF text, made once: it is written far more often than spans are made.
    _text: str = attrs.field(init=False, eq=False, hash=False, repr=False)

    def __attrs_post_init__(self) -> None:
        self._check()
        text = (
            str(self.start)
            if self.end is None
            else f"{_end_text(self.start)}/{_end_text(self.end)}"
        )
        object.__setattr__(self, "_text", text)

    def _check(self) -> None:
        start, end = self.start, self.end
        if not isinstance(start, PartialDate | Bound):
            raise TypeError(f"start must be a PartialDate or Bound, got {start!r}")
        if end is None:
            if isinstance(start, Bound):
                raise ValueError("a single date cannot be open or unknown")
            return
        if not isinstance(end, PartialDate | Bound):
            raise TypeError(f"end must be a PartialDate, Bound or None, got {end!r}")
        if isinstance(start, Bound) and isinstance(end, Bound):
            raise ValueError("an interval needs at least one date")
        if (
            isinstance(start, PartialDate)
            and isinstance(end, PartialDate)
            and start.earliest > end.latest
        ):
            raise ValueError(f"interval starts ({start}) after it ends ({end})")

    # -- constructors -------------------------------------------------------
    @classmethod
    def parse(cls, text: str) -> DateSpan:
        """Read an EDTF level 0/1 string: a date or ``start/end`` with ``..`` or empty ends.

        Results are cached: spans are immutable, and datasets repeat their dates.
        """
        if not isinstance(text, str):
            raise TypeError(f"expected an EDTF string, got {type(text).__name__}")
        if cls is DateSpan and type(text) is str:
            return _parse_span_cached(text)
        return cls._parse(text)

    @classmethod
    def _parse(cls, text: str) -> DateSpan:
        if "/" not in text:
            return cls(PartialDate.parse(text))
        first, _, second = text.partition("/")
        if "/" in second:
            raise ValueError(f"{text!r} is not an EDTF interval")
        try:
            return cls(_parse_end(first), _parse_end(second))
        except ValueError as error:
            raise ValueError(f"{text!r} is not an EDTF interval: {error}") from None

    @classmethod
    def day(cls, year: int, month: int, day: int) -> DateSpan:
        """A single day."""
        return cls(PartialDate(year, month, day))

    @classmethod
    def month(cls, year: int, month: int) -> DateSpan:
        """A month (or a season, 21..24)."""
        return cls(PartialDate(year, month))

    @classmethod
    def year(cls, year: int) -> DateSpan:
        """A whole year, at year precision."""
        return cls(PartialDate(year))

    @classmethod
    def of(cls, value: dt.date | PartialDate | str) -> DateSpan:
        """A single date from a :class:`datetime.date`, a PartialDate or an EDTF string."""
        return cls(_to_partial(value, "of"))

    @classmethod
    def between(
        cls, start: dt.date | PartialDate | str | None, end: dt.date | PartialDate | str | None
    ) -> DateSpan:
        """An interval; ``None`` for an end that is open.

        >>> str(DateSpan.between("2021-10-23", None))
        '2021-10-23/..'
        """
        return cls(
            Bound.OPEN if start is None else _to_partial(start, "start"),
            Bound.OPEN if end is None else _to_partial(end, "end"),
        )

    # -- queries -------------------------------------------------------------
    @property
    def is_interval(self) -> bool:
        """True for ``start/end`` forms."""
        return self.end is not None

    @property
    def earliest(self) -> dt.date | None:
        """First day the span may cover; ``None`` when the start is open or unknown."""
        return self.start.earliest if isinstance(self.start, PartialDate) else None

    @property
    def latest(self) -> dt.date | None:
        """Last day the span may cover; ``None`` when the end is open or unknown."""
        last = self.start if self.end is None else self.end
        return last.latest if isinstance(last, PartialDate) else None

    @property
    def precision(self) -> DatePrecision:
        """The coarsest precision among the span's dates."""
        order = list(DatePrecision)
        dates = [d for d in (self.start, self.end) if isinstance(d, PartialDate)]
        return min((d.precision for d in dates), key=order.index)

    @property
    def approximate(self) -> bool:
        """True if any date of the span is approximate (``~`` or ``%``)."""
        return any(isinstance(d, PartialDate) and d.approximate for d in (self.start, self.end))

    @property
    def uncertain(self) -> bool:
        """True if any date of the span is uncertain (``?`` or ``%``)."""
        return any(isinstance(d, PartialDate) and d.uncertain for d in (self.start, self.end))

    def _window(self) -> tuple[int, int]:
        # Day ordinals, with unbounded ends beyond every real day: an open start is not
        # the same as a start on 0001-01-01.
        low, high = self.earliest, self.latest
        return (
            low.toordinal() if low is not None else _BEFORE_ALL,
            high.toordinal() if high is not None else _AFTER_ALL,
        )

    def contains(self, other: DateSpan | dt.date) -> bool:
        """True if every day ``other`` may mean lies within the days this span may mean.

        Open and unknown ends count as unbounded.
        """
        low, high = self._window()
        other_low, other_high = _window_of(other)
        return low <= other_low and other_high <= high

    def overlaps(self, other: DateSpan | dt.date) -> bool:
        """True if ``other`` and this span may share a day."""
        low, high = self._window()
        other_low, other_high = _window_of(other)
        return low <= other_high and other_low <= high

    def __str__(self) -> str:
        return self._text

    def __repr__(self) -> str:
        return f"DateSpan.parse({self._text!r})"


_parse_span_cached: Final = functools.lru_cache(maxsize=16384)(DateSpan._parse)


def _parse_end(text: str) -> DateOrBound:
    if text == Bound.OPEN.value:
        return Bound.OPEN
    if text == Bound.UNKNOWN.value:
        return Bound.UNKNOWN
    return PartialDate.parse(text)


def _end_text(end: DateOrBound) -> str:
    return end.value if isinstance(end, Bound) else str(end)


_BEFORE_ALL: Final = dt.date.min.toordinal() - 1
_AFTER_ALL: Final = dt.date.max.toordinal() + 1


def _window_of(value: DateSpan | dt.date) -> tuple[int, int]:
    if isinstance(value, DateSpan):
        return value._window()
    if isinstance(value, dt.date):
        day = (value.date() if isinstance(value, dt.datetime) else value).toordinal()
        return (day, day)
    raise TypeError(f"expected a DateSpan or date, got {type(value).__name__}")
