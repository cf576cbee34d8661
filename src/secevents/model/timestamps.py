"""RFC 3339 UTC timestamps: the ``modified`` key of a record version (wire format v2).

A record's ``modified`` is the instant its version was made, written in UTC
with a ``Z``; microseconds are written only when there are any.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Final

from ..errors import FieldError, shown

__all__ = ["format_timestamp", "now", "parse_timestamp", "utc_timestamp"]

_RFC3339: Final = re.compile(
    r"(?P<date>[0-9]{4}-[0-9]{2}-[0-9]{2})[Tt](?P<time>[0-9]{2}:[0-9]{2}:[0-9]{2})"
    r"(?P<fraction>\.[0-9]{1,6})?(?P<zone>[Zz]|\+00:00|-00:00)"
)


def utc_timestamp(field: str, value: dt.datetime) -> dt.datetime:
    """``value`` in UTC; a naive datetime (no time zone) is refused, naming ``field``.

    >>> import datetime as dt
    >>> tajik = dt.timezone(dt.timedelta(hours=5))
    >>> utc_timestamp("modified", dt.datetime(2021, 10, 27, 17, 0, tzinfo=tajik))
    datetime.datetime(2021, 10, 27, 12, 0, tzinfo=datetime.timezone.utc)
    """
    offset = value.utcoffset()
    if offset is None:
        raise FieldError(
            field, f"{value.isoformat()} has no time zone: pass an aware datetime (UTC)"
        )
    if value.tzinfo is dt.UTC:
        return value
    return value.astimezone(dt.UTC)


def format_timestamp(value: dt.datetime) -> str:
    """The RFC 3339 text of a UTC datetime, as the wire format writes it.

    >>> import datetime as dt
    >>> format_timestamp(dt.datetime(2021, 10, 27, 12, 0, tzinfo=dt.UTC))
    '2021-10-27T12:00:00Z'
    """
    text = value.astimezone(dt.UTC).replace(tzinfo=None).isoformat(timespec="auto")
    return text + "Z"


def parse_timestamp(text: str) -> dt.datetime:
    """The UTC datetime of an RFC 3339 UTC timestamp (``Z`` or ``+00:00``).

    Other offsets are refused: the wire format holds UTC only, and converting
    silently would write back a different text.

    >>> parse_timestamp("2021-10-27T12:00:00.5Z")
    datetime.datetime(2021, 10, 27, 12, 0, 0, 500000, tzinfo=datetime.timezone.utc)
    >>> parse_timestamp("2021-10-27T17:00:00+05:00")
    Traceback (most recent call last):
    ...
    ValueError: '2021-10-27T17:00:00+05:00' is not an RFC 3339 UTC timestamp (YYYY-MM-DDThh:mm:ssZ)
    """
    match = _RFC3339.fullmatch(text)
    if match is None:
        raise ValueError(f"{shown(text)} is not an RFC 3339 UTC timestamp (YYYY-MM-DDThh:mm:ssZ)")
    fraction = (match["fraction"] or ".")[1:].ljust(6, "0")
    try:
        day = dt.datetime.fromisoformat(f"{match['date']}T{match['time']}")
    except ValueError as error:
        raise ValueError(f"{shown(text)} is not a valid timestamp: {error}") from None
    return day.replace(microsecond=int(fraction), tzinfo=dt.UTC)


def now() -> dt.datetime:
    """The current UTC time, to the microsecond (what a new version's ``modified`` gets)."""
    return dt.datetime.now(dt.UTC)
