"""How the dates told by the mentions of one event combine into its date.

A start day and an end told apart make an interval, a range widens a day, a month
refines a year, and a date long before an event's known end is another event's.
"""

from __future__ import annotations

import datetime as dt
from typing import Any, Final

import attrs

from ..model.dates import Bound, DatePrecision, DateSpan, PartialDate
from ..normalize.temporal import Duration

__all__ = ["back_from", "close", "closes", "long_before_the_end", "refines", "widens"]

#: The longest an event told by its start and its end in separate sentences runs (days).
_LONGEST_RUN: Final = 120
#: The longest span an end in the next year may close (in days): "Dec 28 ... through Jan 4".
_NEW_YEAR_SPAN: Final = 183


def long_before_the_end(end: object, date: object) -> bool:
    """Whether ``date`` is further before an event's known end than one event runs."""
    if not (isinstance(end, DateSpan) and isinstance(date, DateSpan)):
        return False
    last, first = end.earliest, date.latest
    return last is not None and first is not None and (last - first).days > _LONGEST_RUN


def widens(old: object, new: object) -> bool:
    """Whether ``new`` is an interval starting where the single date ``old`` is.

    >>> widens(DateSpan.parse("2021-10-14"), DateSpan.parse("2021-10-14/2021-10-17"))
    True
    >>> widens(DateSpan.parse("2021-10-14"), DateSpan.parse("2021-10-15/2021-10-17"))
    False
    """
    return (
        isinstance(old, DateSpan)
        and isinstance(new, DateSpan)
        and not old.is_interval
        and new.is_interval
        and new.start == old.start
    )


def closes(old: object, new: object) -> DateSpan | None:
    """A start day and an end told apart ("began on Monday" ... "runs until March 18").

    >>> str(closes(DateSpan.parse("2022-03-14"), DateSpan.parse("/2022-03-18")))
    '2022-03-14/2022-03-18'
    """
    if not (isinstance(old, DateSpan) and isinstance(new, DateSpan)) or old.is_interval:
        return None
    if _vague_start_of(old, new) and isinstance(new.end, PartialDate):
        # "will begin tomorrow" ... "from late August to mid-September": the day starts it
        end = new.end
        if end.approximate and end.month is not None:
            end = PartialDate(end.year, end.month)
        return DateSpan(old.start, end)
    if not (new.is_interval and isinstance(new.start, Bound) and isinstance(new.end, PartialDate)):
        return None
    first, last = old.earliest, new.latest
    if first is None or last is None or last < first:
        return None
    return DateSpan(old.start, new.end)


def _vague_start_of(day: DateSpan, span: DateSpan) -> bool:
    """Whether ``day`` falls in the first days of ``span``, whose start is approximate."""
    start, first, last = span.start, span.earliest, span.latest
    seen = day.earliest
    if not (isinstance(start, PartialDate) and start.approximate and span.end is not None):
        return False
    if day.precision is not DatePrecision.DAY or None in (first, last, seen):
        return False
    assert first is not None and last is not None and seen is not None
    return first <= seen <= last and (seen - first).days <= _VAGUE_START_DAYS


#: How far into a span whose start is told vaguely ("from late August") a day told of
#: the same event may be and still be its start.
_VAGUE_START_DAYS: Final = 10


def refines(old: object, new: object) -> bool:
    """Whether ``new`` says more precisely when, within ``old`` ("in 2019" ... "in August").

    >>> refines(DateSpan.parse("2019"), DateSpan.parse("2019-08/2019-09"))
    True
    >>> refines(DateSpan.parse("2019-08-20"), DateSpan.parse("2019-08"))
    False
    """
    if not (isinstance(old, DateSpan) and isinstance(new, DateSpan)):
        return False
    order = list(DatePrecision)
    coarser = order.index(new.precision) > order.index(old.precision)
    return coarser and old.contains(new)


def close(fields: dict[str, Any]) -> None:
    """A start and the day the event ends make an interval ("began on Monday ... will end on
    Friday"); an end that reads before its start is in the next year ("through Jan 4").

    A date the text tells only coarsely ("early this week") is then given as told
    (``date_told``, kept by :func:`._event_dates.add_date`). An event told only by its
    end ("runs until May 3") has no date: its start is untold (drills that have ended,
    "concluded on Saturday", are dated by that day before this step).

    >>> fields = {"end": DateSpan.parse("2022-03-18")}
    >>> close(fields); fields
    {}

    A length in days counts back from the end when the start is told only by a year or a
    month ("Talisman Sabre 2023 ... runs until August 4 ... the 14-day exercise"):

    >>> fields = {"date": DateSpan.parse("2023"), "end": DateSpan.parse("2023-08-04"),
    ...           "duration": Duration(14, "day")}
    >>> close(fields); str(fields["date"])
    '2023-07-22/2023-08-04'
    """
    _close(fields)
    told = fields.pop("date_told", None)
    if isinstance(told, tuple) and fields.get("date") == told[0]:
        fields["date"] = told[1]
    date = fields.get("date")
    if isinstance(date, DateSpan) and isinstance(date.start, Bound) and date.end is not None:
        del fields["date"]


def _close(fields: dict[str, Any]) -> None:
    end = fields.pop("end", None)
    date = fields.get("date")
    if not isinstance(end, DateSpan) or not isinstance(end.start, PartialDate):
        return
    if date is None:
        fields["date"] = back_from(end.start, fields.get("duration")) or DateSpan(
            Bound.UNKNOWN, end.start
        )
        return
    if not isinstance(date, DateSpan) or date.is_interval or date.earliest is None:
        return
    counted = back_from(end.start, fields.get("duration"))
    if counted is not None and date.precision is not DatePrecision.DAY and date.contains(counted):
        # "Talisman Sabre 2023 ... runs until August 4 ... the 14-day exercise": the days
        # counted back from the end, not the year of the name
        fields["date"] = counted
        return
    if counted is not None and date.start == end.start:
        # "a two-week exercise ... which ended today", dated by the day it ended: the days
        # counted back from that end
        fields["date"] = counted
        return
    last = end.start
    if last.latest < date.earliest and last.year + 1 <= 9999:
        # "from Dec 28 through Jan 4" crosses the new year; a weekday read as a few days
        # before the start ("ended Thursday ... started Saturday") does not
        last = attrs.evolve(last, year=last.year + 1)
        if (last.latest - date.earliest).days > _NEW_YEAR_SPAN:
            return
    if date.earliest <= last.latest and last != date.start:  # (ended the day it is dated)
        fields["date"] = DateSpan(date.start, last)


def back_from(last: PartialDate, duration: object) -> DateSpan | None:
    """ "concluded four-day drills on Thursday": the interval that ends on ``last``."""
    if not isinstance(duration, Duration) or duration.qualifier.value != "exact":
        return None
    days = duration.amount * {"day": 1, "week": 7}.get(duration.unit, 0)
    if not days or last.day is None or last.month is None:
        return None
    try:
        first = dt.date(last.year, last.month, last.day) - dt.timedelta(days=days - 1)
    except (OverflowError, ValueError):  # before year 1: no interval to give
        return None
    return DateSpan(PartialDate.from_date(first), last)
