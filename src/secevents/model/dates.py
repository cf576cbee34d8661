"""Fuzzy dates as EDTF (ISO 8601-2, levels 0 and 1).

A :class:`DateSpan` is a single :class:`PartialDate` ("2016", "2021-10~") or an
interval whose ends may be open ("..") or unknown (""). Precision is never
invented: "2016" stays a year.
"""

from __future__ import annotations

import datetime as dt
import functools
from enum import Enum, StrEnum
from typing import Final, Protocol

import attrs

from . import _edtf as edtf

__all__ = ["Bound", "DatePrecision", "DateSpan", "PartialDate", "by_date"]

_SEASON_MONTHS: Final = edtf.SEASON_MONTHS
_LATEST_ORDINAL: Final = dt.date.max.toordinal()


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
    if type(value) is not int or abs(value) >= 10**edtf.MAX_LONG_YEAR_DIGITS:
        raise ValueError(f"year {value!r} is not an int of at most 12 digits")


def _check_time(inst: PartialDate, attribute: attrs.Attribute[str | None], value: object) -> None:
    if value is not None:
        if not isinstance(value, str):
            raise TypeError(f"time must be a str or None, got {type(value).__name__}")
        edtf.check_time(value)


@attrs.frozen(repr=False, weakref_slot=False)
class PartialDate:
    """A calendar date known to year, season, month or day, possibly qualified.

    Every EDTF level 0 and 1 date is one: year ``0000`` and negative years
    (astronomical numbering: ``-0001`` is 2 BC), years of more than four digits
    (``Y170000002``), a time of day (``2004-01-01T10:10:10+05:00``: kept as written
    in ``time``, precision stays the day), and unspecified digits (``199X``,
    ``1985-04-XX``): ``unspecified`` has one bit per written digit of ``YYYYMMDD``
    that is ``X`` (bit 0 the first year digit), the year holds 0 for those digits.

    >>> PartialDate.parse("2021-10~").earliest
    datetime.date(2021, 10, 1)
    >>> some = PartialDate.parse("199X")
    >>> some.year, some.precision, str(some.latest)
    (1990, <DatePrecision.YEAR: 'year'>, '1999-12-31')
    """

    year: int = attrs.field(validator=_check_year)
    month: int | None = None
    day: int | None = None
    approximate: bool = attrs.field(default=False, kw_only=True)
    uncertain: bool = attrs.field(default=False, kw_only=True)
    unspecified: int = attrs.field(default=0, kw_only=True)
    time: str | None = attrs.field(default=None, kw_only=True, validator=_check_time)

    def __attrs_post_init__(self) -> None:
        month, day = self.month, self.day
        if self.unspecified:
            self._check_unspecified()
        if month is None:
            if day is not None:
                raise ValueError("a day needs a month")
        elif type(month) is not int or not (1 <= month <= 12 or month in _SEASON_MONTHS):
            raise ValueError(f"month {month!r} is not 01..12 or a season 21..24")
        elif day is not None:
            if month > 12:
                raise ValueError("a season cannot have a day")
            last = edtf.days_in_month(self.year, month)
            if type(day) is not int or not 1 <= day <= last:
                raise ValueError(f"day {day!r} is not valid in {self._month_text()}")
        if self.time is not None and (day is None or self.approximate or self.uncertain):
            raise ValueError("a time of day needs a full date and no qualifier")

    def _month_text(self) -> str:
        return f"{edtf.year_text(self.year, 0)}-{self.month:02d}"

    def _check_unspecified(self) -> None:
        mask = self.unspecified
        if type(mask) is not int or not 0 <= mask <= 0xFF:
            raise ValueError(f"unspecified {mask!r} is not a mask of the 8 digits YYYYMMDD")
        if mask & edtf.MONTH_DIGITS and (
            self.month is not None or mask & edtf.MONTH_DIGITS != edtf.MONTH_DIGITS
        ):
            raise ValueError("an unspecified month (XX) has no month value")
        if mask & edtf.DAY_DIGITS and (
            self.day is not None or mask & edtf.DAY_DIGITS != edtf.DAY_DIGITS
        ):
            raise ValueError("an unspecified day (XX) has no day value")
        written = 4 + 2 * bool(self.month is not None or mask & edtf.MONTH_DIGITS)
        written += 2 * bool(self.day is not None or mask & edtf.DAY_DIGITS)
        digits = "".join("X" if mask >> k & 1 else "0" for k in range(written))
        if mask >> written or "X" in digits.rstrip("X"):
            raise ValueError("unspecified digits (X) come only at the end of the date")
        year_x = digits[:4].count("X")
        if year_x and not (0 <= self.year <= 9999 and self.year % 10**year_x == 0):
            raise ValueError("unspecified year digits need a four-digit year with 0 in their place")
        if self.time is not None:
            raise ValueError("a time of day needs a date without unspecified digits")

    @classmethod
    def parse(cls, text: str) -> PartialDate:
        """Read one EDTF date (``2021``, ``2021-10``, ``2021-10-23?``, ``2021-21``, ``199X``)."""
        if not isinstance(text, str):
            raise TypeError(f"expected an EDTF string, got {type(text).__name__}")
        year, month, day, approximate, uncertain, unspecified, time = edtf.read(text)
        try:
            return cls(
                year,
                month,
                day,
                approximate=approximate,
                uncertain=uncertain,
                unspecified=unspecified,
                time=time,
            )
        except ValueError as error:
            raise ValueError(f"{text!r} is not a valid EDTF date: {error}") from None

    @classmethod
    def from_date(cls, value: dt.date) -> PartialDate:
        """The day of a :class:`datetime.date`."""
        return cls(value.year, value.month, value.day)

    @property
    def precision(self) -> DatePrecision:
        """Year, season, month or day (what the text wrote, X digits included)."""
        if self.day is not None or self.unspecified & edtf.DAY_DIGITS:
            return DatePrecision.DAY
        if self.month is None:
            unknown_month = self.unspecified & edtf.MONTH_DIGITS
            return DatePrecision.MONTH if unknown_month else DatePrecision.YEAR
        return DatePrecision.SEASON if self.month > 12 else DatePrecision.MONTH

    def _years(self) -> tuple[int, int]:
        """The first and last year this date may be in (``199X``: 1990 and 1999)."""
        year_mask = self.unspecified & edtf.YEAR_DIGITS
        if not year_mask:
            return self.year, self.year
        return self.year, self.year + 10 ** bin(year_mask).count("1") - 1

    def _first_ordinal(self) -> int:
        year = self._years()[0]
        if self.month is None:
            return edtf.ordinal(year, 1, 1)
        first_month = _SEASON_MONTHS[self.month][0] if self.month > 12 else self.month
        return edtf.ordinal(year, first_month, self.day or 1)

    def _last_ordinal(self) -> int:
        year = self._years()[1]
        month = self.month or 12
        if self.day is not None:
            return edtf.ordinal(year, month, self.day)
        if month > 12:
            last_month = _SEASON_MONTHS[month][1]
            year, month = (year + 1, last_month) if last_month < 3 else (year, last_month)
        return edtf.ordinal(year, month, edtf.days_in_month(year, month))

    @property
    def earliest(self) -> dt.date:
        """The first day this date may mean (``date.min`` for days before 0001-01-01)."""
        return _clamped(self._first_ordinal())

    @property
    def latest(self) -> dt.date:
        """The last day this date may mean (``date.max`` for days after 9999-12-31)."""
        return _clamped(self._last_ordinal())

    def __str__(self) -> str:
        mask = self.unspecified
        text = edtf.year_text(self.year, mask)
        if self.month is not None or mask:
            text += edtf.part_text(self.month, mask, 4)
            text += edtf.part_text(self.day, mask, 6)
        if self.time is not None:
            return f"{text}T{self.time}"
        if self.approximate and self.uncertain:
            return text + "%"
        if self.approximate:
            return text + "~"
        return text + "?" if self.uncertain else text

    def __repr__(self) -> str:
        return f"PartialDate.parse({str(self)!r})"


def _clamped(ordinal: int) -> dt.date:
    if ordinal < 1:
        return dt.date.min
    if ordinal > _LATEST_ORDINAL:
        return dt.date.max
    return dt.date.fromordinal(ordinal)


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
    # The EDTF text, made when first written and then kept: it is written far more often
    # than spans are made, but a dataset read holds many spans it never writes (a text of
    # a day is 59 bytes, more than the span). Threads racing make equal texts.
    _text: str | None = attrs.field(init=False, default=None, eq=False, hash=False, repr=False)

    def __attrs_post_init__(self) -> None:
        self._check()

    def _written(self) -> str:
        text = self._text
        if text is None:
            start, end = self.start, self.end
            text = str(start) if end is None else f"{_end_text(start)}/{_end_text(end)}"
            object.__setattr__(self, "_text", text)
        return text

    def __getstate__(self) -> dict[str, object]:
        # As attrs writes it, the text included: pickles stay what they were.
        return {"start": self.start, "end": self.end, "_text": self._written()}

    def __setstate__(self, state: dict[str, object]) -> None:
        for name in ("start", "end", "_text"):
            if name in state:
                object.__setattr__(self, name, state[name])

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
            and start._first_ordinal() > end._last_ordinal()
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
        try:
            if "/" in second:
                raise ValueError("an interval has one '/'")
            return cls(_parse_end(first), _parse_end(second))
        except ValueError as error:
            hint = edtf.not_edtf(text)
            if "; write " in hint:
                raise ValueError(hint) from None
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
        # Day numbers, with unbounded ends beyond every written day: an open start is not
        # the same as a start on 0001-01-01, and years beyond datetime's range still count.
        low = self.start._first_ordinal() if isinstance(self.start, PartialDate) else None
        last = self.start if self.end is None else self.end
        high = last._last_ordinal() if isinstance(last, PartialDate) else None
        return (
            low if low is not None else _BEFORE_ALL,
            high if high is not None else _AFTER_ALL,
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

    # -- order ---------------------------------------------------------------
    @property
    def sort_key(self) -> tuple[int, int, int, str]:
        """The key of the spans' total order: the first day the span may mean, then the last,
        then the precision (year before season, month and day), then the EDTF text.

        Open and unknown ends sort beyond every date. Spans sort with ``<`` and ``sorted``
        by this key; two spans are equal exactly when their keys are.

        >>> spans = [DateSpan.parse(t) for t in ("2021-10-23", "2021", "2021-10", "../2020")]
        >>> [str(span) for span in sorted(spans)]
        ['../2020', '2021', '2021-10', '2021-10-23']
        >>> DateSpan.parse("2021-10") < DateSpan.parse("2021-10-01/2021-10-31")
        True
        """
        low, high = self._window()
        return (low, high, _PRECISION_RANK[self.precision], self._written())

    def __lt__(self, other: object) -> bool:
        if not isinstance(other, DateSpan):
            return NotImplemented
        return self.sort_key < other.sort_key

    def __le__(self, other: object) -> bool:
        if not isinstance(other, DateSpan):
            return NotImplemented
        return self.sort_key <= other.sort_key

    def __gt__(self, other: object) -> bool:
        if not isinstance(other, DateSpan):
            return NotImplemented
        return self.sort_key > other.sort_key

    def __ge__(self, other: object) -> bool:
        if not isinstance(other, DateSpan):
            return NotImplemented
        return self.sort_key >= other.sort_key

    def __str__(self) -> str:
        return self._written()

    def __repr__(self) -> str:
        return f"DateSpan.parse({self._written()!r})"


_PRECISION_RANK: Final = {precision: rank for rank, precision in enumerate(DatePrecision)}


def by_date(event: _Dated) -> tuple[bool, tuple[int, int, int, str]]:
    """A sort key for anything with a ``date`` that may be ``None``: dated ones in date
    order (see :attr:`DateSpan.sort_key`), undated ones last.

    ``sorted(events, key=lambda e: e.date)`` fails when a date is missing, since
    ``None`` has no order; ``sorted(events, key=by_date)`` does not.

    >>> import secevents as se
    >>> events = [se.Statement(date=DateSpan.parse("2021-10")), se.Statement(),
    ...           se.Statement(date=DateSpan.parse("2016"))]
    >>> [str(event.date) for event in sorted(events, key=se.by_date)]
    ['2016', '2021-10', 'None']
    """
    date = event.date
    if date is None:
        return (True, _NO_KEY)
    return (False, date.sort_key)


_NO_KEY: Final = (0, 0, 0, "")


class _Dated(Protocol):
    @property
    def date(self) -> DateSpan | None: ...


_parse_span_cached: Final = functools.lru_cache(maxsize=16384)(DateSpan._parse)


def _parse_end(text: str) -> DateOrBound:
    if text == Bound.OPEN.value:
        return Bound.OPEN
    if text == Bound.UNKNOWN.value:
        return Bound.UNKNOWN
    return PartialDate.parse(text)


def _end_text(end: DateOrBound) -> str:
    return end.value if isinstance(end, Bound) else str(end)


_BEFORE_ALL: Final = -(10 ** (edtf.MAX_LONG_YEAR_DIGITS + 3))
_AFTER_ALL: Final = 10 ** (edtf.MAX_LONG_YEAR_DIGITS + 3)


def _window_of(value: DateSpan | dt.date) -> tuple[int, int]:
    if isinstance(value, DateSpan):
        return value._window()
    if isinstance(value, dt.date):
        day = (value.date() if isinstance(value, dt.datetime) else value).toordinal()
        return (day, day)
    raise TypeError(f"expected a DateSpan or date, got {type(value).__name__}")
