"""FIPS 10-4 country codes (GDELT's ``*Geo_CountryCode``) to ISO 3166-1 alpha-3 and back.

The table, ``secevents/data/fips_iso3.json``, is built from the GeoNames country table
by ``scripts/build_fips_table.py``.
"""

from __future__ import annotations

import json
from importlib import resources

from .._once import load_once

__all__ = ["fips_to_iso3", "iso3_to_fips"]


@load_once
def _tables() -> tuple[dict[str, str], dict[str, str]]:
    text = resources.files("secevents").joinpath("data/fips_iso3.json").read_text("utf-8")
    data = json.loads(text)
    return data["codes"], data["iso3_to_fips"]


def fips_to_iso3(code: str) -> str | None:
    """The ISO alpha-3 code of a FIPS 10-4 country code, or ``None`` if it has none.

    >>> fips_to_iso3("AS"), fips_to_iso3("UK"), fips_to_iso3("GZ"), fips_to_iso3("PF")
    ('AUS', 'GBR', 'PSE', None)
    """
    return _tables()[0].get(code)


def iso3_to_fips(code: str) -> str | None:
    """The FIPS 10-4 code GDELT writes for an ISO alpha-3 country, or ``None``.

    >>> iso3_to_fips("AUS"), iso3_to_fips("PSE")
    ('AS', 'WE')
    """
    return _tables()[1].get(code)
