"""What the rival models check, in one place: code tables and string patterns.

The msgspec and pydantic models wrap these in their own constraint metadata,
so both enforce what secevents enforces wherever it is declarative: ISO code
membership, short-code and id shapes, EDTF shapes, non-blank text.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Final, Literal

import pycountry

from secevents.model.codes import EXTRA_COUNTRY_CODES

__all__ = ["COUNTRY", "CURRENCY", "EDTF", "EVENT_ID", "NON_BLANK", "SHORT_CODE", "SUBDIVISION"]

_COUNTRIES: Final = sorted(
    {c.alpha_3 for c in pycountry.countries}
    | {c.alpha_3 for c in pycountry.historic_countries}
    | EXTRA_COUNTRY_CODES
)
_SUBDIVISIONS: Final = sorted(s.code for s in pycountry.subdivisions)
_CURRENCIES: Final = sorted(c.alpha_3 for c in pycountry.currencies)

# The code tables as Literal types: both libraries check Literal membership with a
# hash lookup. mypy cannot see a Literal built at run time, so it sees ``str``.
if TYPE_CHECKING:
    COUNTRY = str
    SUBDIVISION = str
    CURRENCY = str
else:
    COUNTRY = Literal[tuple(_COUNTRIES)]
    SUBDIVISION = Literal[tuple(_SUBDIVISIONS)]
    CURRENCY = Literal[tuple(_CURRENCIES)]

#: Text that is not empty or blank (secevents: ``value.strip() != ""``).
NON_BLANK: Final = r"\S"
#: An upper-case short code such as ``CSTO`` (secevents' ``short_code``).
SHORT_CODE: Final = r"^[A-Z][A-Z0-9_]{0,31}$"
#: ``<tag>--<uuid>`` (secevents also checks that the tag is the event's own).
EVENT_ID: Final = r"^[a-z][a-z0-9_]*--[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$"
_DATE: Final = r"\d{4}(-\d{2}(-\d{2})?)?[?~%]?"
#: An EDTF level 0/1 date or interval, by shape only (secevents parses it and
#: checks the calendar, seasons and that an interval does not end before it starts).
EDTF: Final = rf"^({_DATE}|({_DATE}|\.\.)?/({_DATE}|\.\.)?)$"
