"""The second batch of public test cases (issue 12, fourth stop): new suites, new sources.

``build_cases.py SRC`` calls :data:`BUILDERS` after its own suites. The sources are read
as data: python-dateutil's and dateparser's test files are parsed as Python syntax
(``ast``), ctparse's corpus as a Python literal, and none of it is imported or run.
``money_recognizers.json`` (Microsoft Recognizers-Text's English currency model, whose
spec files no release ships) was copied by hand: ``build`` keeps it as it is.

Each suite is a file of its own, so its held-back quarter (every fourth in-scope case,
``score.py --part held``) is made of cases no earlier tuning has seen.
"""

from __future__ import annotations

import ast
import datetime as dt
import json
import re
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

from build_cases import source

OUT = Path(__file__).resolve().parents[2] / "tests" / "data" / "public_cases"
Case = dict[str, Any]
_split = str.split  # word lists are easier to read as one string
MONTHS = _split(
    "jan feb mar apr may jun jul aug sep sept oct nov dec january february march april june "
    "july august september october november december"
)
MONTH = re.compile(r"\b(" + "|".join(MONTHS) + r")\b", re.IGNORECASE)


def literal(node: ast.expr) -> Any:
    """A literal or a ``datetime(...)`` call (keyword tz arguments are dropped)."""
    if isinstance(node, ast.Call):
        name = getattr(node.func, "id", None) or getattr(node.func, "attr", "")
        if name != "datetime":
            raise ValueError(name)
        return dt.datetime(*(literal(arg) for arg in node.args[:7]))
    return ast.literal_eval(node)


def case(text: str, anchor: dt.date, test: str, expect: dict[str, Any], why: str | None) -> Case:
    """One date case (in scope when ``why`` is None)."""
    return {"text": text, "anchor": anchor.isoformat(), "test": test, "expect": expect,
            "scope": why is None, "why": why}  # fmt: skip


# --- python-dateutil's parser tests -------------------------------------------------------

DIGIT_RUN = re.compile(r"^\d{9,}|^\d{6} \d{6}$")
CLOCK = re.compile(r"\b\d{1,2}(:\d\d)+(\.\d+)?|\b\d+h\d*m?")
TIME_ONLY = re.compile(r"^[\d:. hmsapAPM]*$")


def dateutil_period(text: str, expected: dt.datetime, default: bool) -> tuple[str, str | None]:
    """The period a dateutil case names (``day`` unless the text leaves parts to defaults)."""
    if DIGIT_RUN.search(text.strip()):
        return "day", "a long run of digits (a time stamp without separators) is not news text"
    if "strangely ordered" in text or re.fullmatch(r"\d\d \d\d [A-Za-z]{3}", text.strip()):
        return "day", "two bare numbers before a month name: no writer's order to follow"
    if "." in text and re.search(r"[A-Za-z]+\.\d{4}\.\d", text):
        return "day", "a month name between dotted numbers (a corner case of the parser)"
    if not default:
        return "day", None
    stripped = text.strip()
    if TIME_ONLY.fullmatch(stripped) and not re.search(r"\d{4}", stripped):
        return "day", "a time of day alone names no date"
    if re.fullmatch(r"\d{4}", stripped):
        return "year", None
    if re.fullmatch(r"[A-Za-z]+", stripped):
        if MONTH.fullmatch(stripped):
            return "month", "a month alone: its year is a convention (dateutil keeps the anchor's)"
        return "day", "a weekday alone: dateutil takes the next one, news the last one"
    if MONTH.search(stripped) and not re.search(r"\b\d{1,2}\b", stripped.replace("2003", "")):
        return "month", None
    dateless = CLOCK.sub(" ", stripped)
    if not re.search(r"\d{1,2}\b.*\b\d{1,2}\b|[A-Za-z]{3}\s+\d{1,2}\b", dateless):
        return "day", "a time of day with a weekday or month but no day"
    return "day", None


def parser_lists(path: Path) -> Iterator[tuple[str, list[ast.expr]]]:
    """``(list or test name, row)`` for the module lists and parametrize lists of a test."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    for node in ast.walk(tree):
        if isinstance(node, ast.Assign) and isinstance(node.value, ast.List):
            name = getattr(node.targets[0], "id", "")
            for row in node.value.elts:
                if isinstance(row, ast.Tuple):
                    yield name, list(row.elts)
        if isinstance(node, ast.FunctionDef):
            for decorator in node.decorator_list:
                if isinstance(decorator, ast.Call) and len(decorator.args) >= 2:
                    rows = decorator.args[1]
                    if isinstance(rows, ast.List):
                        for row in rows.elts:
                            if isinstance(row, ast.Tuple):
                                yield node.name, list(row.elts)


def dates_dateutil(src: Path) -> dict[str, Any]:
    """python-dateutil's parser tests: one date string each, resolved to its day."""
    path = "tests/test_parser.py"
    anchor = dt.date(2003, 9, 25)  # the default every test_parser_default case fills from
    cases: list[Case] = []
    seen: set[str] = set()
    wanted = ("PARSER_TEST_CASES", "PARSER_DEFAULT_TEST_CASES", "test_strftime_formats_2003Sep25",
              "test_parse_ignoretz", "test_parse_with_tzoffset")  # fmt: skip
    for name, row in parser_lists(src / "python-dateutil-2.9.0.post0" / path):
        if name not in wanted:
            continue
        try:
            items = [literal(item) for item in row]
        except ValueError:
            continue
        if name == "test_strftime_formats_2003Sep25":
            text, expected = items[1], dt.datetime(2003, 9, 25)
        else:
            text, expected = items[0], items[1]
        if not isinstance(text, str) or text in seen or not isinstance(expected, dt.datetime):
            continue
        seen.add(text)
        period, why = dateutil_period(text, expected, name == "PARSER_DEFAULT_TEST_CASES")
        expect = {"date": expected.date().isoformat(), "period": period}
        cases.append(case(" ".join(text.split()), anchor, name, expect, why))
    return {
        "suite": "dates_dateutil",
        "what": "resolve_date(text, anchor=2003-09-25): the calendar day written",
        "sources": [source("python-dateutil", src, path)],
        "note": "dateutil reads an ambiguous numeric date month first (its default), "
        "as this library does for text with no day-first hint",
        "cases": cases,
    }


# --- dateparser's other English tests -----------------------------------------------------


def dateparser_params(path: Path) -> Iterator[tuple[str, ast.Call]]:
    """``(test, param call)`` for every ``param(...)`` decorating a test function."""
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.FunctionDef):
            for decorator in node.decorator_list:
                for call in ast.walk(decorator):
                    if isinstance(call, ast.Call) and getattr(call.func, "id", "") == "param":
                        yield node.name, call


def keywords(call: ast.Call) -> dict[str, Any]:
    """A param call's keyword arguments that are literals or datetimes."""
    found: dict[str, Any] = {}
    for keyword in call.keywords:
        if keyword.arg:
            try:
                found[keyword.arg] = literal(keyword.value)
            except ValueError:
                found[keyword.arg] = None
    return found


def dates_dateparser_more(src: Path) -> dict[str, Any]:
    """dateparser's tests not used before: impossible days, months, hours after a date."""
    path = "tests/test_date_parser.py"
    base = dt.date(2015, 2, 15)  # dateparser's tests freeze "now" at 2015-02-15 here
    cases: list[Case] = []
    for test, call in dateparser_params(src / "dateparser-1.5.0" / path):
        try:
            args = [literal(a) for a in call.args]
        except ValueError:
            continue
        kwargs = keywords(call)
        if test == "test_error_should_be_raised_for_invalid_dates_with_too_large_day_number":
            cases.append(case(args[0], base, test, {"none": True}, None))
        elif test == "test_dates_with_day_missing_preferring_first_day_of_month":
            expected = kwargs["expected"]
            expect = {"date": expected.date().isoformat(), "period": "month"}
            cases.append(case(args[0], kwargs["today"].date(), test, expect, None))
        elif test == "test_hour_after_at_or_date_is_time" and args[1] == "en":
            text, expected = args[0], args[2]
            why = None if MONTH.search(text) else "a weekday or an hour alone"
            expect = {"date": expected.date().isoformat(), "period": "day"}
            cases.append(case(text, dt.date(2026, 9, 24), test, expect, why))
        elif test == "test_weekday_month_abbreviation_conflict_is_read_as_month":
            day = kwargs.get("expected_day")
            expected = dt.date(kwargs["expected_year"], kwargs["expected_month"], day or 1)
            expect = {"date": expected.isoformat(), "period": "day" if day else "month"}
            cases.append(case(kwargs["date_string"], base, test, expect, None))
        elif test == "test_misplaced_modifier_is_not_parsed" and args:
            why = "valid English (the last Friday of May)" if "of may" in args[0] else None
            cases.append(case(args[0], base, test, {"none": True}, why))
        elif test == "test_iso_datestamp_format_should_always_parse":
            if kwargs.get("languages") == ["en"] or "," in args[0]:
                expect = {"date": kwargs["expected"].date().isoformat(), "period": "day"}
                cases.append(case(args[0], base, test, expect, None))
        elif test == "test_strict_date_order_keeps_valid_dates" and len(args) >= 2:
            text, expected = args[0], args[1]
            why = strict_order_scope(text, kwargs.get("order"), kwargs)
            period = "day" if re.search(r"\b\d{1,2}\b.*\d|\d.*\b\d{1,2}\b", text) else "month"
            expect = {"date": expected.date().isoformat(), "period": period}
            cases.append(case(text, base, test, expect, why))
    return {
        "suite": "dates_dateparser_more",
        "what": "resolve_date: impossible days refused, month spans, dates before an hour",
        "sources": [source("dateparser", src, path)],
        "cases": cases,
    }


def strict_order_scope(text: str, order: str | None, kwargs: dict[str, Any]) -> str | None:
    """Why a strict-date-order case is out of scope (None: in scope)."""
    if kwargs.get("languages") or kwargs.get("settings") or not text.isascii():
        return "not English, or a parser setting"
    if order not in ("MDY", None) and not re.search(r"\d{4}", text):
        return "a two-digit year read under a date order set for the test"
    if re.search(r"^\d\d \d\d [A-Za-z]|^[A-Z]{3} \d\d \d\d$|^\d{1,2}/\d{4}$|/\d{4}/", text):
        return "numbers whose order only the test's DATE_ORDER setting decides"
    return None


# --- ctparse's corpora --------------------------------------------------------------------

ENGLISH = frozenset(
    _split(
        "about after afternoon am and apr april around as at aug august before between day "
        "days dec december earliest early eight end evening feb february first following for "
        "forenoon fri friday from h half hour in jan january jul july jun june just last late "
        "mar march may minutes mon monday mondays month morning nd next night nine noon not nov "
        "november now oct october of on one past pm possible quarter rd sat saturday sep sept "
        "september st starting sunday ten th the this thurs thursday til to today tomorrow tue "
        "tuesday twenty until very wednesday week weeks year yesterday"
    )
)
DATE_WORD = re.compile(
    r"\d|\b(today|tomorrow|yesterday|week|month|year|" + "|".join(MONTHS) + r"|mon|tue|"
    r"wed|thu|thurs|fri|sat|sun)\w*",
    re.IGNORECASE,
)
# ctparse is a travel assistant: it resolves bare dates forward and reads digits day
# first (its corpus is European). The score passes the same settings, as a user of this
# library reading such a source would.
OPTIONS = {"options": {"tense": "future", "day_first": True}}
BOOKING = re.compile(r"\b(first|last|earliest possible|as late as possible)$", re.IGNORECASE)
TIME_RESULT = re.compile(r"Time\[\]\{(\d{4}|X)-(\d\d|X)-(\d\d|X) ")


def is_english(phrase: str) -> bool:
    """Whether every word of a ctparse phrase is English ('am' only after a number)."""
    words = re.findall(r"[^\W\d_]+", phrase.lower())
    if any(word not in ENGLISH for word in words):
        return False
    return not re.search(r"(^|[^\d\s])\s*\bam\b", phrase.lower())


def ctparse_scope(phrase: str, year: str, month: str, day: str) -> str | None:
    """Why a ctparse phrase is out of scope (None: in scope)."""
    if BOOKING.search(phrase):
        return "booking lingo ('Tuesday last' is the latest slot of the coming Tuesday)"
    if not DATE_WORD.search(phrase):
        return "a part of day alone ('morning') names no date"
    if month == "X" or year == "X":
        return "a month or day without a year the answer fixes"
    if re.fullmatch(r"\d{1,2}[./]\d{1,2}\.?", phrase.strip()):
        return "a day and month in digits without a year (German order in this corpus)"
    clock = re.search(r"[A-Za-z]{3,}\.? ((?:19|20)\d\d)$", phrase.strip())
    if clock and clock.group(1) != year:
        return "four digits after a month that read as a year as well as a clock time"
    return None


def dates_ctparse(src: Path) -> dict[str, Any]:
    """ctparse's hand-made and collected corpora, English phrases only."""
    cases: list[Case] = []
    sources = []
    seen: set[tuple[str, str]] = set()
    for path in ("ctparse/time/corpus.py", "ctparse/time/auto_corpus.py"):
        sources.append(source("ctparse", src, path))
        tree = ast.parse((src / "ctparse-0.3.6" / path).read_text(encoding="utf-8"))
        for node in tree.body:
            if not isinstance(node, ast.Assign):
                continue
            for result, ref_text, phrases in ast.literal_eval(node.value):
                ref = dt.datetime.fromisoformat(ref_text).date()
                match = TIME_RESULT.match(result)
                for phrase in phrases:
                    if (phrase, ref_text) in seen or not is_english(phrase):
                        continue
                    seen.add((phrase, ref_text))
                    if match is None:
                        interval = "an interval (ctparse's result has two ends)"
                        cases.append(case(phrase, ref, path, {"result": result}, interval))
                        continue
                    year, month, day = match.groups()
                    why = ctparse_scope(phrase, year, month, day)
                    period = "day" if day != "X" else ("month" if month != "X" else "year")
                    iso = f"{year}-{month if month != 'X' else '01'}-{day if day != 'X' else '01'}"
                    expect = {"date": iso, "period": period} if why is None else {"result": result}
                    cases.append(case(phrase, ref, path, expect, why) | OPTIONS)
    return {
        "suite": "dates_ctparse",
        "what": "resolve_date(text, anchor=the corpus's reference time): the day named",
        "sources": sources,
        "note": "ctparse resolves bare dates forward and reads digits day first (a "
        "European travel assistant): each case carries these as resolve_date options",
        "cases": cases,
    }


# --- Recognizers-Text's English currency model (copied by hand) ---------------------------

UNIT_CODES = {
    "Dollar": "USD",  # a bare "$" or "dollars": these sentences are from US newswire
    "Pound": "GBP",
    "Euro": "EUR",
    "Peseta": "ESP",
    "Finnish markka": "FIM",
    "Netherlands guilder": "NLG",
}
SUB_UNITS = frozenset({"Cent", "Pence", "Penny", "Sen"})
SPLIT_AMOUNT = re.compile(
    r"\b(and (one|two|fifty)|kuai|dollars forty five)\b|\d \$ ?\d|\d \d+ dollar"
)


def money_recognizers(src: Path) -> dict[str, Any]:
    """Recognizers-Text's English currency cases: the amount and currency of a span."""
    del src  # copied by hand: the release ships no spec files
    manual = json.loads((OUT / "money_recognizers_source.json").read_text(encoding="utf-8"))
    cases: list[Case] = []
    for text, surface, amount, unit, iso in manual["rows"]:
        code = iso or UNIT_CODES.get(unit)
        why = None
        if unit in SUB_UNITS:
            why = "a sub-unit alone (cents, pence): no currency is written"
        elif unit == "Franc":
            why = "'francs' alone: French, Belgian or Swiss"
        elif SPLIT_AMOUNT.search(surface) or "bill" in text:
            why = "the spec's own convention for run-together or spoken amounts"
        cases.append(
            {"text": text, "test": "CurrencyModel.json", "surface": surface,
             "expect": {"amount": amount, "currency": code}, "scope": why is None, "why": why}
        )  # fmt: skip
    return {
        "suite": "money_recognizers",
        "what": "find_money(text): the amount and currency of the money at 'surface'",
        "sources": manual["sources"],
        "cases": cases,
    }


BUILDERS: tuple[Callable[[Path], dict[str, Any]], ...] = (
    dates_dateutil,
    dates_dateparser_more,
    dates_ctparse,
    money_recognizers,
)
