"""Actor suites from coded event data: each coded actor's name, and the country the coders gave.

- ``actors_gdelt.json`` is built from the GDELT 2.0 sample the tests already keep
  (``tests/data/realdata/gdelt``; GDELT allows any use). Run
  ``python scripts/public_cases/actors_coded.py`` to rebuild it.
- ICEWS (``/work/shared/realdata/icews``) may be used for research only and is not copied
  into this repository: ``score.py --icews PATH`` builds its cases in memory with
  :func:`icews_cases` and scores them beside the others.

A case is the actor's name as text (GDELT writes names in capitals: they are given in
title case, as a report writes them), the event's date and the coded country (ISO alpha-3).
ICEWS's generic actors ("Police (India)") and GDELT's roles without a country ("POLICE")
are kept out of scope: they are the coders' labels, not names a text writes.
"""

from __future__ import annotations

import csv
import json
import sys
from collections.abc import Iterable
from pathlib import Path
from typing import Any

import pycountry

ROOT = Path(__file__).resolve().parents[2]
GDELT = (
    ROOT / "tests" / "data" / "realdata" / "gdelt" / "EVENT_V2_20260101000000_20260101000100.csv"
)
OUT = ROOT / "tests/data/public_cases/actors_gdelt.json"
# Country names ICEWS writes that pycountry's lookup does not know.
ICEWS_COUNTRIES = {"Occupied Palestinian Territory": "PSE", "Turkey": "TUR"}
Case = dict[str, Any]


def alpha3(name: str) -> str | None:
    """The ISO alpha-3 code of an ICEWS country name (None: not a country)."""
    if name in ICEWS_COUNTRIES:
        return ICEWS_COUNTRIES[name]
    try:
        return str(pycountry.countries.lookup(name).alpha_3)
    except LookupError:
        return None


def _case(text: str, date: str, country: str | None, source: str, why: str | None) -> Case:
    return {"text": text, "date": date, "test": source, "expect": {"countries": [country]},
            "scope": why is None, "why": why}  # fmt: skip


def gdelt_cases(rows: Iterable[dict[str, str]]) -> list[Case]:
    """One case per distinct (name, country) of GDELT's two actor columns."""
    cases: list[Case] = []
    seen: set[tuple[str, str]] = set()
    for row in rows:
        date = f"{row['SQLDATE'][:4]}-{row['SQLDATE'][4:6]}-{row['SQLDATE'][6:]}"
        for side in ("Actor1", "Actor2"):
            name, country = row[f"{side}Name"], row[f"{side}CountryCode"]
            if not name or (name, country) in seen:
                continue
            seen.add((name, country))
            text = name.title().replace("'S ", "'s ")
            why = None
            if not country:
                why = "a role without a country (GDELT codes who, not where)"
            elif pycountry.countries.get(alpha_3=country) is None:
                why = f"{country!r} is a region code, not a country"
            cases.append(_case(text, date, country or None, f"gdelt {side}", why))
    return cases


def icews_cases(path: Path) -> list[Case]:
    """One case per distinct (name, country) of an ICEWS file's source and target columns."""
    cases: list[Case] = []
    seen: set[tuple[str, str]] = set()
    with path.open(encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(handle, delimiter="\t"):
            for side in ("Source", "Target"):
                name, country = row[f"{side} Name"], row[f"{side} Country"]
                if (name, country) in seen:
                    continue
                seen.add((name, country))
                code = alpha3(country) if country != "NA" else None
                why = None
                if name.endswith(")") and "(" in name:
                    why = "a generic actor label of the coders ('Police (India)')"
                elif code is None:
                    why = "no country coded"
                cases.append(_case(name, row["Event Date"], code, f"icews {side}", why))
    return cases


def main() -> int:
    """Rebuild ``actors_gdelt.json`` from the GDELT sample in ``tests/data``."""
    with GDELT.open(encoding="utf-8", newline="") as handle:
        cases = gdelt_cases(csv.DictReader(handle))
    suite = {
        "suite": "actors_gdelt",
        "what": "find_actors(name, date=...): the coded country among the actors' countries",
        "sources": [
            {
                "data": "GDELT 2.0 events, tests/data/realdata/gdelt (see its README)",
                "licence": "GDELT: unlimited and unrestricted use, citation requested",
            }
        ],
        "cases": cases,
    }
    OUT.write_text(json.dumps(suite, indent=1, ensure_ascii=False) + "\n", "utf-8")
    inside = sum(case["scope"] for case in cases)
    print(f"{OUT.name}: {len(cases)} cases, {inside} in scope")
    return 0


if __name__ == "__main__":
    sys.exit(main())
