"""Calls per second of each normalizer, on phrases and on whole reports of the corpus.

Run: ``python benchmarks/normalize.py [--seconds S]``. Figures are medians of
five timed batches after a warm-up (which also loads the lazy data tables).
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import statistics
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from secevents.normalize import (
    find_actors,
    find_dates,
    find_money,
    find_places,
    find_quantities,
    parse_money,
    parse_quantity,
    resolve_actor,
    resolve_date,
    resolve_place,
)

CORPUS = Path(__file__).resolve().parent.parent / "tests" / "data" / "corpus"
ANCHOR = dt.date(2021, 10, 28)

PHRASES: dict[str, list[str]] = {
    "resolve_date": ["on Wednesday", "On October 23, Friday", "in August this year", "since 2014"],
    "parse_quantity": ["about 5,000 troops", "over 700 armoured vehicles", "500-600 soldiers"],
    "parse_money": ["around $8.6 million", "Rs 1,000 crore", "€200m", "1.5 billion yuan"],
    "resolve_actor": ["Tajik President Emomali Rahmon", "the Kremlin", "Dushanbe officials"],
    "resolve_place": ["Kulob", "near the Tajik-Afghan border", "the South China Sea"],
}
SINGLE: dict[str, Callable[[str], Any]] = {
    "resolve_date": lambda text: resolve_date(text, anchor=ANCHOR),
    "parse_quantity": parse_quantity,
    "parse_money": parse_money,
    "resolve_actor": resolve_actor,
    "resolve_place": resolve_place,
}
WHOLE: dict[str, Callable[[str], Any]] = {
    "find_dates": lambda text: find_dates(text, anchor=ANCHOR),
    "find_quantities": find_quantities,
    "find_money": find_money,
    "find_actors": find_actors,
    "find_places": find_places,
}


def rate(function: Callable[[str], Any], inputs: list[str], seconds: float) -> float:
    """Median calls per second over five batches of about ``seconds / 5`` each."""
    for text in inputs:
        function(text)
    rates = []
    for _ in range(5):
        calls, start = 0, time.perf_counter()
        while time.perf_counter() - start < seconds / 5:
            for text in inputs:
                function(text)
            calls += len(inputs)
        rates.append(calls / (time.perf_counter() - start))
    return statistics.median(rates)


def main() -> None:
    """Print a Markdown table of calls per second."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--seconds", type=float, default=2.0, help="time per function")
    options = parser.parse_args()
    reports = [
        json.loads(path.read_text("utf-8"))["text"] for path in sorted(CORPUS.glob("*.json"))
    ]
    size = sum(len(text) for text in reports) / len(reports)
    print("| function | input | calls/s |")
    print("|---|---|---:|")
    for name, function in SINGLE.items():
        per_second = rate(function, PHRASES[name], options.seconds)
        print(f"| {name} | short phrases | {per_second:,.0f} |")
    for name, function in WHOLE.items():
        per_second = rate(function, reports, options.seconds)
        print(f"| {name} | whole corpus reports ({size:,.0f} chars) | {per_second:,.0f} |")


if __name__ == "__main__":
    main()
