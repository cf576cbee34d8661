"""The arguments of ``extract`` as users hold them, checked before any work.

A publication date may be a ``datetime.date``, a ``datetime.datetime`` (an aware
one is taken in UTC), an ISO 8601 string, a day-precise :class:`DateSpan`, a
``numpy.datetime64`` or anything with a ``.date()`` method (a pandas
``Timestamp``); a source may be a :class:`Source`, a publisher's name or an
``http(s)`` URL. Missing values as pandas writes them (``NaN``, ``NaT``, ``NA``)
mean "none". Anything else is a ``TypeError`` naming the parameter and the
accepted types; a string or span that is not a day is a ``ValueError``.

The leading `` date YYYY-MM-DD `` line of a report is read here too.
"""

from __future__ import annotations

import datetime as dt
import math
import re
import sys
from typing import Any, Final, NamedTuple, Protocol, TypeAlias

from .. import _fastre
from ..model.dates import DateSpan, PartialDate
from ..model.provenance import Source

__all__ = [
    "DateLine",
    "Published",
    "SupportsDate",
    "check_text",
    "coerce_published",
    "coerce_source",
    "read_date_line",
]


class SupportsDate(Protocol):
    """Anything with a ``.date()`` method giving a ``datetime.date`` (a pandas Timestamp)."""

    def date(self) -> dt.date: ...


#: What ``published`` may be (at run time a ``numpy.datetime64`` and a NaN too).
Published: TypeAlias = dt.date | str | DateSpan | PartialDate | SupportsDate | None

_PUBLISHED_TYPES: Final = (
    "a datetime.date, a datetime.datetime (an aware one is taken in UTC), an ISO 8601 "
    "string such as '2021-10-28', a day-precise DateSpan, a numpy.datetime64, an object "
    "with a .date() method such as a pandas Timestamp, or None"
)
_SOURCE_TYPES: Final = "a secevents.Source, a publisher's name or http(s) URL (str), or None"
# "date" and one token that looks like a date ("2021-10-28", "28/10/2021").
_DATE_LINE: Final = _fastre.compile(r"\A\s*date\s+([0-9][0-9./:+TZ-]{5,})(?:\s+|\Z)")
_URL: Final = _fastre.compile(r"https?://\S+\Z", re.IGNORECASE)


def _is_missing(value: object) -> bool:
    """``None``, a float NaN, or a missing value of pandas or numpy (``NaT``, ``NA``)."""
    if value is None:
        return True
    if isinstance(value, float):
        return math.isnan(value)
    if isinstance(value, str | Source | DateSpan | PartialDate):
        return False
    pandas = sys.modules.get("pandas")
    if pandas is not None:
        try:
            return pandas.isna(value) is True
        except (TypeError, ValueError):  # not a scalar pandas knows
            return False
    numpy = sys.modules.get("numpy")
    return numpy is not None and isinstance(value, numpy.datetime64) and bool(numpy.isnat(value))


def coerce_published(value: object, name: str = "published") -> dt.date | None:
    """The publication date ``value`` stands for (see the module docstring).

    >>> import datetime as dt
    >>> coerce_published("2021-10-28T23:30:00-05:00")
    datetime.date(2021, 10, 29)
    >>> coerce_published(dt.datetime(2021, 10, 28, 9, 0))
    datetime.date(2021, 10, 28)
    >>> coerce_published(20211028)
    Traceback (most recent call last):
    ...
    TypeError: published must be a datetime.date, ... or None; got int 20211028
    """
    if _is_missing(value):
        return None
    if isinstance(value, dt.datetime):
        return _day_of(value)
    if isinstance(value, dt.date):
        return value
    if isinstance(value, str):
        return _from_iso(value, name)
    if isinstance(value, DateSpan | PartialDate):
        return _from_span(value, name)
    numpy = sys.modules.get("numpy")
    if numpy is not None and isinstance(value, numpy.datetime64):
        day = value.astype("datetime64[D]").item()
        if isinstance(day, dt.date):
            return day
        raise ValueError(f"{name}: {value!r} is outside the years 1 to 9999")
    date_method = getattr(value, "date", None)
    if callable(date_method) and not isinstance(value, type):
        day = date_method()
        if isinstance(day, dt.date):
            return _day_of(day) if isinstance(day, dt.datetime) else day
        raise TypeError(
            f"{name}: {type(value).__name__}.date() gave {type(day).__name__} {day!r}, "
            "not a datetime.date"
        )
    raise TypeError(f"{name} must be {_PUBLISHED_TYPES}; got {type(value).__name__} {value!r}")


def _day_of(moment: dt.datetime) -> dt.date:
    if moment.tzinfo is not None and moment.utcoffset() is not None:
        moment = moment.astimezone(dt.UTC)
    return moment.date()


def _from_iso(text: str, name: str) -> dt.date:
    stripped = text.strip()
    try:
        return dt.date.fromisoformat(stripped)
    except ValueError:
        pass
    try:
        return _day_of(dt.datetime.fromisoformat(stripped))
    except ValueError:
        raise ValueError(
            f"{name}: {text!r} is not an ISO 8601 date or date-time "
            "(such as '2021-10-28' or '2021-10-28T14:30:00+02:00')"
        ) from None


def _from_span(span: DateSpan | PartialDate, name: str) -> dt.date:
    first, last = span.earliest, span.latest
    if first is not None and first == last:
        return first
    raise ValueError(f"{name}: {str(span)!r} is not a single day; relative dates need the day")


def coerce_source(value: object, name: str = "source") -> Source | None:
    """The :class:`Source` ``value`` stands for: itself, a publisher's name or a URL.

    >>> coerce_source("Khaama Press")
    Source(publisher='Khaama Press', url=None, published=None, kind=None)
    >>> coerce_source("https://www.khaama.com/x").url
    'https://www.khaama.com/x'
    """
    if _is_missing(value):
        return None
    if isinstance(value, Source):
        return value
    if isinstance(value, str):
        stripped = value.strip()
        if not stripped:
            raise ValueError(f"{name}: {value!r} is empty; give a publisher's name or None")
        if _URL.match(stripped):
            return Source(url=stripped)
        return Source(publisher=stripped)
    raise TypeError(f"{name} must be {_SOURCE_TYPES}; got {type(value).__name__} {value!r}")


class DateLine(NamedTuple):
    """A report's leading date line: the date it gives (``None`` if unreadable), where
    the body starts, and the line as written (empty when there is none)."""

    date: dt.date | None
    body: int
    line: str


def read_date_line(text: str) -> DateLine:
    """The leading `` date ... `` line of ``text``.

    >>> read_date_line(" date 2021-10-28 Drills began.")
    DateLine(date=datetime.date(2021, 10, 28), body=17, line=' date 2021-10-28')
    >>> read_date_line(" date 28/10/2021 Drills began.").date is None
    True
    >>> read_date_line("Drills began.")
    DateLine(date=None, body=0, line='')
    """
    match = _DATE_LINE.match(text)
    if match is None:
        return DateLine(None, 0, "")
    line = text[: match.end(1)]
    try:
        day = _from_iso(match.group(1), "date line")
    except ValueError:
        day = None
    return DateLine(day, match.end(), line)


def check_text(text: Any) -> str:
    """``text`` if it is a ``str``; a ``TypeError`` naming it otherwise."""
    if not isinstance(text, str):
        raise TypeError(f"text must be a str, got {type(text).__name__} {text!r:.80}")
    return text
