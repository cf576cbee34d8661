"""ISO code checks: countries (3166-1 alpha-3), subdivisions (3166-2), currencies (4217).

The tables come from :mod:`pycountry` and are loaded on first use, so importing
secevents stays cheap.
"""

from __future__ import annotations

from .._once import load_once

__all__ = [
    "EXTRA_COUNTRY_CODES",
    "code_table",
    "is_country_code",
    "is_currency_code",
    "is_subdivision_code",
]

#: Codes accepted as countries besides ISO 3166-1 alpha-3: Kosovo's user-assigned
#: ``XKX`` and the ISO 3166-3 codes of former states (``SUN`` for the USSR, ...).
EXTRA_COUNTRY_CODES = frozenset({"XKX"})


@load_once
def _countries() -> frozenset[str]:
    import pycountry

    current = {c.alpha_3 for c in pycountry.countries}
    former = {c.alpha_3 for c in pycountry.historic_countries}
    return frozenset(current | former | EXTRA_COUNTRY_CODES)


@load_once
def _subdivisions() -> frozenset[str]:
    import pycountry

    return frozenset(s.code for s in pycountry.subdivisions)


@load_once
def _currencies() -> frozenset[str]:
    import pycountry

    return frozenset(c.alpha_3 for c in pycountry.currencies)


def code_table(name: str) -> frozenset[str]:
    """The set of valid codes: ``"country"``, ``"subdivision"`` or ``"currency"``."""
    tables = {"country": _countries, "subdivision": _subdivisions, "currency": _currencies}
    return tables[name]()


def is_country_code(code: str) -> bool:
    """True for an ISO 3166-1 alpha-3 code, ``XKX`` or an ISO 3166-3 former state.

    >>> is_country_code("TJK"), is_country_code("SUN"), is_country_code("tjk")
    (True, True, False)
    """
    return code in _countries()


def is_subdivision_code(code: str) -> bool:
    """True for an ISO 3166-2 subdivision code.

    >>> is_subdivision_code("TJ-GB"), is_subdivision_code("TJ-ZZ")
    (True, False)
    """
    return code in _subdivisions()


def is_currency_code(code: str) -> bool:
    """True for an active ISO 4217 currency code.

    >>> is_currency_code("USD"), is_currency_code("usd")
    (True, False)
    """
    return code in _currencies()
