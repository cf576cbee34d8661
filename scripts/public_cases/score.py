"""Score the normalizers on other projects' public test cases (``tests/data/public_cases``).

Run: ``python scripts/public_cases/score.py [--part tune|held|all] [--show]``.

Each in-scope case is *right*, *refused* (no value, or a span holding the answer but wider
than the case's period: the safe failures), *warned* (a value
other than the expected one, with a warning saying what was assumed) or *wrong* (another
value and no warning: the failure that matters most). Every fourth in-scope case of a
suite is held back (``--part held``): tuning looks only at the others (``--part tune``,
the default; ``--show`` lists their failures), the held part is scored once at the end.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import sys
from collections import Counter
from collections.abc import Callable
from decimal import Decimal
from pathlib import Path
from typing import Any

from secevents import DateSpan
from secevents.normalize import (
    find_actors,
    find_dates,
    find_money,
    find_quantities,
    parse_money,
    resolve_date,
)
from secevents.normalize.numbers import read_number

sys.path.insert(0, str(Path(__file__).parent))
import actors_coded  # a sibling script

DATA = Path(__file__).resolve().parents[2] / "tests" / "data" / "public_cases"
SUITES = (
    "dates_relative",
    "dates_absolute",
    "dates_edtf_natlang",
    "edtf_strings",
    "money",
    "measures_not_counts",
    "written_numbers",
    "actors_petrarch",
    "dates_dateutil",
    "dates_dateparser_more",
    "dates_ctparse",
    "money_recognizers",
    "actors_gdelt",
)
PERIOD_DAYS = {"day": 1, "week": 7, "month": 31, "year": 366}
Case = dict[str, Any]


def width_allowed(case: Case) -> int:
    """Widest span (days) that still answers a date case: its period, or the unit named."""
    days = PERIOD_DAYS[case["expect"]["period"]]
    text = case["text"].lower()
    if "century" in text or "centuries" in text:
        return max(days, 36525)
    if "decade" in text:
        return max(days, 3653)
    return days


def covers(span: DateSpan, day: dt.date, widest: int) -> bool:
    """Whether ``span`` holds ``day`` and is narrower than ``widest`` days (open: never)."""
    if span.earliest is None or span.latest is None:
        return False
    return span.earliest <= day <= span.latest and (span.latest - span.earliest).days < widest


def judge_date(case: Case) -> tuple[str, str]:
    """Verdict on a resolve_date / find_dates case, and what was read."""
    anchor = dt.date.fromisoformat(case["anchor"])
    expect = case["expect"]
    options = case.get("options", {})  # what the source says: its tense, its digit order
    if "dates" in expect:
        found = [r.value for r in find_dates(case["text"], anchor=anchor, **options) if r.value]
        missing = [
            d["date"]
            for d in expect["dates"]
            if not any(covers(span, dt.date.fromisoformat(d["date"]), 31) for span in found)
        ]
        return ("right" if not missing else "refused"), str([str(s) for s in found])
    result = resolve_date(case["text"], anchor=anchor, **options)
    span = result.value
    if "none" in expect:
        return ("right" if span is None else "wrong"), str(span)
    if span is None:
        return "refused", ",".join(w.code for w in result.warnings)
    if "edtf" in expect:
        verdict = "right" if str(span) == expect["edtf"] else "wrong"
    else:
        day = dt.date.fromisoformat(expect["date"])
        if covers(span, day, width_allowed(case)):
            verdict = "right"
        elif covers(span, day, 10**6):
            verdict = "refused"  # holds the answer but is wider: vague, not wrong
        else:
            verdict = "wrong"
    if verdict == "wrong" and result.warnings:
        verdict = "warned"
    return verdict, f"{span} {','.join(w.code for w in result.warnings)}"


def judge_edtf(case: Case) -> tuple[str, str]:
    """Verdict on a DateSpan.parse case: accepted with the right bounds, or rejected."""
    expect = case["expect"]
    try:
        span = DateSpan.parse(case["text"])
    except (ValueError, TypeError) as error:
        return ("right" if "error" in expect else "refused"), str(error)[:80]
    if "error" in expect:
        return "wrong", str(span)
    if "refused_or_parsed" in expect:
        return "right", str(span)
    if str(span) != case["text"]:
        return "wrong", f"round trip {span}"
    for key in ("earliest", "latest"):
        if expect[key] is not None and str(getattr(span, key)) != expect[key]:
            return "wrong", f"{key} {getattr(span, key)}"
    return "right", str(span)


def judge_money(case: Case) -> tuple[str, str]:
    """Verdict on a parse_money case: amount and currency both right."""
    result = parse_money(case["text"])
    money = result.value
    expect = case["expect"]
    codes = ",".join(w.code for w in result.warnings)
    if money is None or money.amount is None:
        # A sign several currencies share ("kr"): saying so is the right answer.
        shared = expect["currency"] is None and "ambiguous_currency" in codes
        return ("right" if shared else "refused"), codes
    amount_ok = money.amount == Decimal(expect["amount"])
    currency_ok = money.currency == expect["currency"]
    read = f"{money.amount} {money.currency} {','.join(w.code for w in result.warnings)}"
    if amount_ok and currency_ok:
        return "right", read
    if amount_ok and expect["currency"] is None and result.warnings:
        return "right", read
    return ("warned" if result.warnings else "wrong"), read


def judge_money_span(case: Case) -> tuple[str, str]:
    """Verdict on the money ``find_money`` reads where the case's span is."""
    text: str = case["text"]
    start = text.find(case["surface"])
    end = start + len(case["surface"])
    expect = case["expect"]
    for found in find_money(text):
        money = found.value
        if found.start is None or found.end is None:
            continue
        if not (found.start < end and start < found.end):
            continue
        codes = ",".join(w.code for w in found.warnings)
        if money is None:
            return "refused", codes
        read = f"{money.amount} {money.currency} {codes}"
        if money.amount == Decimal(expect["amount"]) and money.currency == expect["currency"]:
            return "right", read
        return ("warned" if found.warnings else "wrong"), read
    return "refused", ""


def judge_measure(case: Case) -> tuple[str, str]:
    """Verdict on a measure: no count may be read from the measure's own number."""
    text: str = case["text"]
    start = text.find(case["surface"])
    end = start + len(case["surface"])
    for found in find_quantities(text):
        quantity = found.value
        if quantity is None or found.start is None or found.end is None:
            continue
        if found.start < end and start < found.end:
            return "wrong", f"{found.text!r} -> {quantity.value} {quantity.unit}"
    return "right", ""


def judge_number(case: Case) -> tuple[str, str]:
    """Verdict on a written number: its value, or nothing for a non-number."""
    number = read_number(case["text"])
    if "none" in case["expect"]:
        return ("right" if number is None else "wrong"), str(number)
    if number is None:
        return "refused", ""
    return ("right" if number == Decimal(case["expect"]["number"]) else "wrong"), str(number)


def judge_actors(case: Case) -> tuple[str, str]:
    """Verdict on a coded sentence: each gold actor's country is among the actors found."""
    found: set[str] = set()
    for result in find_actors(case["text"], date=case["date"]):
        actor = result.value
        if actor is None:
            continue
        country = actor.country or (actor.code if actor.kind.value == "state" else None)
        if country:
            found.add(country)
    expected = set(case["expect"]["countries"])
    if expected <= found:
        return "right", str(sorted(found))
    return ("refused" if not found else "wrong"), str(sorted(found))


JUDGES: dict[str, Callable[[Case], tuple[str, str]]] = {
    "dates_relative": judge_date,
    "dates_absolute": judge_date,
    "dates_edtf_natlang": judge_date,
    "edtf_strings": judge_edtf,
    "money": judge_money,
    "measures_not_counts": judge_measure,
    "written_numbers": judge_number,
    "actors_petrarch": judge_actors,
    "dates_dateutil": judge_date,
    "dates_dateparser_more": judge_date,
    "dates_ctparse": judge_date,
    "money_recognizers": judge_money_span,
    "actors_gdelt": judge_actors,
    "actors_icews": judge_actors,
}


def part_of(cases: list[Case], part: str) -> list[Case]:
    """The in-scope cases of one part: every fourth is held back, the rest tune."""
    inside = [case for case in cases if case["scope"]]
    if part == "all":
        return inside
    held = part == "held"
    return [case for index, case in enumerate(inside) if (index % 4 == 3) == held]


def main(argv: list[str]) -> int:
    """Print one line per suite (and the failures of the tuning part with ``--show``)."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--part", choices=("tune", "held", "all"), default="tune")
    parser.add_argument("--show", action="store_true", help="list failures (tune part only)")
    parser.add_argument("--suite", action="append", choices=(*SUITES, "actors_icews"))
    parser.add_argument(
        "--icews", type=Path, help="an ICEWS events file: its actors, scored in memory"
    )
    args = parser.parse_args(argv)
    if args.show and args.part != "tune":
        parser.error("--show lists the tuning part only: the held part stays unseen")
    print(f"part: {args.part}")
    print(f"{'suite':22} {'cases':>5} {'right':>6} {'refused':>7} {'warned':>6} {'wrong':>5}")
    names = list(args.suite or SUITES)
    if args.icews and "actors_icews" not in names:
        names.append("actors_icews")
    for name in names:
        if name == "actors_icews":
            if not args.icews:
                parser.error("actors_icews needs --icews PATH (ICEWS is not kept here)")
            cases = part_of(actors_coded.icews_cases(args.icews), args.part)
        else:
            suite = json.loads((DATA / f"{name}.json").read_text(encoding="utf-8"))
            cases = part_of(suite["cases"], args.part)
        verdicts: Counter[str] = Counter()
        for case in cases:
            verdict, read = JUDGES[name](case)
            verdicts[verdict] += 1
            if args.show and verdict != "right":
                print(f"  {verdict:7} {case['text']!r} expect {case['expect']} read {read}")
        share = 100 * verdicts["right"] / max(1, len(cases))
        print(
            f"{name:22} {len(cases):5} {verdicts['right']:4} {share:3.0f}%"
            f" {verdicts['refused']:5} {verdicts['warned']:6} {verdicts['wrong']:5}"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
