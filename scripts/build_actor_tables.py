"""Regenerate the person and Wikidata groups of ``src/secevents/data/actors.json``.

Two generated groups, rebuilt from their sources each run (curated groups are kept):

- ``person``: heads of state and government and foreign and defence ministers with
  their terms, from ``scripts/sources/leaders.tsv`` (curated; one line per term), and
  other office-holders (ministers, vice presidents, governors and mayors, party
  leaders, leaders of armed groups) from ``scripts/sources/officials.tsv`` (curated), then
  the chiefs of state, heads of government, past election winners and ambassadors of
  ``scripts/sources/factbook_leaders.tsv`` (the CIA World Factbook, public domain; made
  by ``scripts/sources/factbook_leaders.py``)
  whom the curated lines do not already name.
- ``division`` (two groups): the first-level divisions of each state (US states,
  provinces, regions) from the shipped gazetteer ``geonames.tsv.gz`` (GeoNames, CC BY
  4.0), with the state they belong to; a name that is not one division's alone (another
  state's division or town, a known name of the tables, an English word) is left out.
- ``wikidata``: the Wikidata id of each country, from the country crosswalk of the
  PyPI package ``histwardb`` (MIT code; its ids come from Wikidata, CC0), matched to
  ISO 3166-1 alpha-3 codes through the country names of ``actors.json``.

    .venv/bin/pip install histwardb   # generator only, not a runtime dependency
    .venv/bin/python scripts/build_actor_tables.py
"""

from __future__ import annotations

import csv
import gzip
import importlib
import re
import unicodedata
from importlib import resources
from importlib.metadata import version
from pathlib import Path
from typing import Any

from build_name_data import rebuild

ROOT = Path(__file__).resolve().parent.parent
LEADERS = ROOT / "scripts" / "sources" / "leaders.tsv"
OFFICIALS = ROOT / "scripts" / "sources" / "officials.tsv"
FACTBOOK = ROOT / "scripts" / "sources" / "factbook_leaders.tsv"
GAZETTEER = ROOT / "src" / "secevents" / "data" / "geonames.tsv.gz"
ENGLISH = Path("/usr/share/dict/american-english")  # Debian's wamerican
#: A town of another state this large takes a division's name from it.
BIG_CITY = 200_000
#: Towns this large act for their state, as divisions do, when their name is theirs alone.
CITY_ACTOR = 500_000
#: Towns this large act for their state when every namesake in another state is at most
#: a ``DOMINANT``-th of their size ("Liverpool", 860,000 people, and Liverpool, New South
#: Wales, 27,000): news writing the name alone means the large one.
TOWN_ACTOR = 100_000
DOMINANT = 5
#: Divisions whose state is disputed: no state is given for them (as for the curated
#: territories, which leave contested ones out).
CONTESTED = frozenset(
    {"Crimea", "Misto Sevastopol'", "Sevastopol", "Luhansk", "Donetsk", "Zaporizhia", "Kherson",
     "Azad Kashmir", "Gilgit-Baltistan", "Jammu and Kashmir", "Ladakh", "Arunachal Pradesh",
     "Abkhazia", "South Ossetia", "Nagorno-Karabakh", "Golan", "Western Sahara"}
)  # fmt: skip
DIVISION_NAME = re.compile(r"[A-Z][a-z'’]+(?:[- ][A-Z][a-z'’]+){0,3}")
#: A town's name, with the lower-case particles of place names ("Rio de Janeiro").
TOWN_NAME = re.compile(
    r"[A-Z][a-z'’]+(?:[- ](?:(?:de|da|do|dos|das|del|la|el|upon|am|an|on)[- ])?[A-Z][a-z'’]+){0,3}"
)
ME = "scripts/build_actor_tables.py"
QID = re.compile(r"Q[1-9][0-9]*")
DATE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")
#: Crosswalk names that are not among the country names of actors.json.
EXTRA_NAMES = {
    "Soviet Union": "SUN",
    "State of Palestine": "PSE",
    "Palestine": "PSE",
    "Kingdom of the Netherlands": "NLD",
    "Democratic Republic of the Congo": "COD",
    "Republic of the Congo": "COG",
    "The Gambia": "GMB",
    "The Bahamas": "BHS",
    "Federated States of Micronesia": "FSM",
    "Kingdom of Denmark": "DNK",
}


def fold(name: str) -> str:
    """Case- and accent-free form of a name, for matching."""
    decomposed = unicodedata.normalize("NFKD", name.casefold())
    return " ".join("".join(c for c in decomposed if not unicodedata.combining(c)).split())


def read_leaders(*paths: Path) -> list[dict[str, Any]]:
    """One entry per person: canonical name, other names, Wikidata id and offices.

    The lines of all ``paths`` are read as one table: a person named in two files (or
    twice) is one entry, unless both lines give Wikidata ids and the ids differ.
    """
    people: dict[str, list[dict[str, Any]]] = {}
    rows: list[tuple[str, int, list[str]]] = []
    for path in paths:
        with path.open(encoding="utf-8") as handle:
            lines = [line for line in handle if line.strip() and not line.startswith("#")]
        rows += [
            (path.name, number, row)
            for number, row in enumerate(csv.reader(lines, delimiter="\t"), start=1)
        ]
    for file, number, row in rows:
        if len(row) != 7:
            raise ValueError(f"{file} row {number}: 7 columns expected, got {len(row)}")
        name, others, country, office, start, end, qid = (cell.strip() for cell in row)
        if not (DATE.fullmatch(start) and (not end or DATE.fullmatch(end))):
            raise ValueError(f"{file} row {number}: dates must be YYYY-MM-DD")
        if qid and not QID.fullmatch(qid):
            raise ValueError(f"{file} row {number}: {qid!r} is not a Wikidata id")
        same_name = people.setdefault(name, [])
        person = next((p for p in same_name if qid in ("", p.get("wikidata", qid))), None)
        if person is None:
            person = {"name": name, "aliases": [name], "offices": []}
            same_name.append(person)
        if qid:
            person["wikidata"] = qid
        for alias in filter(None, (a.strip() for a in others.split(";"))):
            if alias not in person["aliases"]:
                person["aliases"].append(alias)
        term = {"country": country, "title": office, "start": start}
        if end:
            term["end"] = end
        if term not in person["offices"]:  # the same term in two files: once
            person["offices"].append(term)
    return [person for same_name in people.values() for person in same_name]


def with_factbook(
    curated: list[dict[str, Any]], factbook: list[dict[str, Any]]
) -> list[dict[str, Any]]:
    """The curated people, then the Factbook's people none of whose names they hold."""
    known = {fold(alias) for person in curated for alias in person["aliases"]}
    added = [p for p in factbook if not any(fold(a) in known for a in p["aliases"])]
    return curated + added


def _known_names(groups: list[dict[str, Any]]) -> set[str]:
    """The folded names the kept groups already give: a division may not take one."""
    known: set[str] = set()
    for group in groups:
        entries = group["entries"]
        values: list[Any]
        if isinstance(entries, dict):
            values = list(entries.values())
        else:
            values = [
                item.get("aliases", item) if isinstance(item, dict) else item for item in entries
            ]
        for value in values:
            names = [value] if isinstance(value, str) else value
            known.update(fold(name) for name in names if isinstance(name, str))
    return known


def divisions(
    groups: list[dict[str, Any]],
    kind: str = "admin1",
    least: int = 0,
    taken: frozenset[str] = frozenset(),
) -> dict[str, list[str]]:
    """ISO alpha-3 code to the names of its first-level divisions (or of its towns of
    ``least`` people or more) that name nothing else."""
    with gzip.open(GAZETTEER, "rt", encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle, delimiter="\t"))
    # Lower-case entries only: common words ("central"), not proper nouns ("Texas").
    english = {line.strip() for line in ENGLISH.open(encoding="utf-8") if line[:1].islower()}
    known = _known_names(groups) | taken
    states_of: dict[str, set[str]] = {}
    for row in rows:
        # Another state's division or capital takes the name; a town only when large
        # ("Ontario", California, has 171,000 people: Ontario stays Canada's).
        large = row["kind"] == "city" and int(row["population"] or 0) >= BIG_CITY
        if row["kind"] in ("admin1", "capital") or large:
            states_of.setdefault(fold(row["name"]), set()).add(row["country"])
    found: dict[str, list[str]] = {}
    for row in rows:
        name, key = row["name"], fold(row["name"])
        if row["kind"] != kind or int(row["population"] or 0) < least:
            continue
        if not DIVISION_NAME.fullmatch(name) or len(name) < 4:
            continue
        if len(states_of[key]) > 1 or key in known or key in english or name in CONTESTED:
            continue  # "Punjab" (two states), "Victoria" (a known name), "Central" (a word)
        found.setdefault(row["country"], []).append(name)
    return {code: sorted(set(names)) for code, names in sorted(found.items())}


def personal_names() -> frozenset[str]:
    """Folded words that are given names (the name list of the PyPI package
    ``gender-guesser``, used to leave names out: none of it is shipped) or words of the
    names of the people of the tables: a one-word town that is one stays out ("Hassan")."""
    detector = importlib.import_module("gender_guesser.detector").Detector()  # generator only
    names = {fold(name) for name in detector.names}
    for path in (LEADERS, OFFICIALS, FACTBOOK):
        for person in read_leaders(path):
            names.update(fold(word) for alias in person["aliases"] for word in alias.split())
    return frozenset(names)


def dominant_towns(groups: list[dict[str, Any]], taken: frozenset[str]) -> dict[str, list[str]]:
    """ISO alpha-3 code to the names of its towns of ``TOWN_ACTOR`` people or more that
    news writing the name alone means: no other state's division, capital or country
    bears the name, and every other state's town that bears it (as its name or one of
    its other names) has at most a ``DOMINANT``-th of the people ("Liverpool", not
    "Manchester": Manchester, New Hampshire, has 110,000 people to England's 400,000)."""
    with gzip.open(GAZETTEER, "rt", encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle, delimiter="\t"))
    english = {line.strip() for line in ENGLISH.open(encoding="utf-8") if line[:1].islower()}
    known = _known_names(groups) | taken
    given = personal_names()
    states = {
        fold(name)
        for group in groups
        if group["type"] in ("display_name", "country_name", "demonym", "capital", "territory")
        for names in group["entries"].values()
        for name in ([names] if isinstance(names, str) else names)
    }
    bearers: dict[str, list[tuple[str, str, int]]] = {}
    for row in rows:
        bearer = (row["country"], row["kind"], int(row["population"] or 0))
        for key in {fold(row["name"]), *filter(None, row["keys"].split("|"))}:
            bearers.setdefault(key, []).append(bearer)
    found: dict[str, list[str]] = {}
    for row in rows:
        name, key, people = row["name"], fold(row["name"]), int(row["population"] or 0)
        if row["kind"] != "city" or people < TOWN_ACTOR or row["flags"]:
            continue
        if not TOWN_NAME.fullmatch(name) or len(name) < 4 or name in CONTESTED:
            continue
        if key in known or key in english or (" " not in name and key in given):
            continue  # "Victoria" (a known name), "Reading" (a word), "Hassan" (a name)
        words = key.split()
        inner = {
            " ".join(words[a:b]) for a in range(len(words)) for b in range(a + 1, len(words) + 1)
        }
        if inner & states:
            continue  # "Port Sudan", "Kuwait City": the state's name inside reads as before
        others = [b for b in bearers[key] if b[0] != row["country"]]
        if any(kind != "city" for _, kind, _ in others):
            continue  # another state's division or capital: "Punjab", "Hyderabad"
        if all(DOMINANT * size <= people for _, _, size in others):
            found.setdefault(row["country"], []).append(name)
    return {code: sorted(set(names)) for code, names in sorted(found.items())}


def us_states_shared(groups: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Ambiguity rules for the US states that :func:`divisions` leaves out because another
    state's division or large town shares the name ("Florida", Uruguay's department):
    news means the US state far more often, so it is read as the USA with a warning
    naming the others, unless the text names one of the states (``mode`` "context":
    "Florida, Uruguay" is Uruguay's)."""
    with gzip.open(GAZETTEER, "rt", encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle, delimiter="\t"))
    known = _known_names(groups)
    states_of: dict[str, set[str]] = {}
    for row in rows:
        large = row["kind"] == "city" and int(row["population"] or 0) >= BIG_CITY
        if row["kind"] in ("admin1", "capital") or large:
            states_of.setdefault(fold(row["name"]), set()).add(row["country"])
    rules = []
    for row in rows:
        name, key = row["name"], fold(row["name"])
        if row["country"] != "USA" or row["kind"] != "admin1" or key in known:
            continue
        others = sorted(states_of[key] - {"USA"})
        if others and DIVISION_NAME.fullmatch(name):
            rules.append({"alias": name, "code": "USA", "alternatives": others, "mode": "context"})
    return sorted(rules, key=lambda rule: rule["alias"])


def country_ids(groups: list[dict[str, Any]]) -> dict[str, str]:
    """ISO alpha-3 code to Wikidata id, from histwardb's crosswalk.

    A crosswalk row whose name is a country's display name wins over one that matches
    another of its names ("Taiwan" Q865, not the pre-1949 "Republic of China").
    """
    exact: dict[str, str] = {fold(name): code for name, code in EXTRA_NAMES.items()}
    other: dict[str, str] = {}
    for group in groups:
        if group["type"] == "display_name":
            exact.update({fold(name): code for code, name in group["entries"].items()})
        elif group["type"] == "country_name":
            for code, found in group["entries"].items():
                other.update({fold(name): code for name in found})
    crosswalk = resources.files("histwardb") / "data" / "crosswalk.csv"
    with crosswalk.open(encoding="utf-8") as handle:
        rows = [r for r in csv.DictReader(handle) if QID.fullmatch(r["country_qid"])]
    ids: dict[str, str] = {}
    for names in (exact, other):
        for row in rows:
            code = names.get(fold(row["country"]))
            if code is not None:
                ids.setdefault(code, row["country_qid"])
    return dict(sorted(ids.items()))


def build(existing: dict[str, Any]) -> dict[str, Any]:
    """The new file contents: the curated groups as they are, the generated ones anew."""
    kept = [g for g in existing["groups"] if g.get("generated_by") != ME]
    territories = divisions(kept)
    taken = frozenset(fold(name) for names in territories.values() for name in names)
    cities = divisions(kept, "city", CITY_ACTOR, taken)
    taken |= frozenset(fold(name) for names in cities.values() for name in names)
    towns = dominant_towns(kept, taken)
    shared = us_states_shared(kept)
    one_word = {
        n for group in (territories, cities, towns) for names in group.values() for n in names
    }
    one_word |= {rule["alias"] for rule in shared}
    generated = [
        {
            "type": "division",
            "source": "first-level divisions of geonames.tsv.gz (GeoNames, CC BY 4.0) whose "
            "name is theirs alone",
            "generated_by": ME,
            "entries": territories,
        },
        {
            "type": "division",
            "source": f"towns of {CITY_ACTOR:,} people or more of geonames.tsv.gz (GeoNames, "
            "CC BY 4.0) whose name is theirs alone: like a division, a town that acts "
            "('Houston sued') stands for its state",
            "generated_by": ME,
            "entries": cities,
        },
        {
            "type": "division",
            "source": f"towns of {TOWN_ACTOR:,} people or more of geonames.tsv.gz (GeoNames, "
            f"CC BY 4.0) whose namesakes in other states are towns of at most a {DOMINANT}th "
            "of their people: the name alone means them, and they act for their state",
            "generated_by": ME,
            "entries": towns,
        },
        {
            "type": "division",
            "source": "US states of geonames.tsv.gz (GeoNames, CC BY 4.0) whose name another "
            "state's division or large town shares; each has a rule in the next group",
            "generated_by": ME,
            "entries": {"USA": [rule["alias"] for rule in shared]},
        },
        {
            "type": "ambiguous",
            "source": "the US states of the group above: the state the text names, else "
            "the USA with a warning naming the other states",
            "generated_by": ME,
            "entries": shared,
        },
        {
            "type": "person_name_risk",
            "source": "the one-word names of the division groups above: given names and "
            "surnames as often ('Vladimir', 'Oguz', 'Austin'), so never an actor beside "
            "another name",
            "generated_by": ME,
            "entries": sorted(n for n in one_word if " " not in n),
        },
        {
            "type": "wikidata",
            "source": f"histwardb {version('histwardb')} data/crosswalk.csv (ids from "
            "Wikidata, CC0), matched to ISO 3166-1 alpha-3 by country name",
            "generated_by": ME,
            "entries": country_ids(kept),
        },
        {
            "type": "person",
            "source": "curated: scripts/sources/leaders.tsv (heads of state and government, "
            "foreign and defence ministers and their terms, from public records of "
            "office-holders; Wikidata ids, CC0, where checked) and "
            "scripts/sources/officials.tsv (other ministers, vice presidents, chiefs of "
            "staff, central bankers, spokespeople, governors and mayors, party and "
            "opposition leaders, leaders of armed groups, mostly of 2010-2025); then "
            "scripts/sources/factbook_leaders.tsv (chiefs of state and heads of government, "
            "past election winners and ambassadors in and from the US of the CIA World "
            "Factbook, public domain, with the day they took office or, for past winners, "
            "their years)",
            "generated_by": ME,
            "entries": with_factbook(read_leaders(LEADERS, OFFICIALS), read_leaders(FACTBOOK)),
        },
    ]
    return {**existing, "groups": kept + generated}


def main() -> None:
    """Rewrite the generated groups of actors.json."""
    rebuild(build)


if __name__ == "__main__":
    main()
