"""Calls per second of each normalizer, on phrases and on whole reports of the corpus.

Run: ``python benchmarks/normalize.py [--seconds S]``. Figures are medians of
five timed batches after a warm-up (which also loads the lazy data tables).

``--baseline DIR`` also measures another checkout's ``DIR/src`` (e.g. ``git archive
a4abcb0 | tar -x -C /tmp/base``) in the same run: the two alternate, each in its own
process, ``--rounds`` times, and the table gives both medians and their ratio.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import statistics
import subprocess
import sys
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


def measure(seconds: float) -> dict[str, float]:
    """Calls per second of every function, by row label."""
    reports = [
        json.loads(path.read_text("utf-8"))["text"] for path in sorted(CORPUS.glob("*.json"))
    ]
    size = sum(len(text) for text in reports) / len(reports)
    rates = {}
    for name, function in SINGLE.items():
        rates[f"{name} | short phrases"] = rate(function, PHRASES[name], seconds)
    for name, function in WHOLE.items():
        label = f"{name} | whole corpus reports ({size:,.0f} chars)"
        rates[label] = rate(function, reports, seconds)
    return rates


def _measured_by(source: str | None, seconds: float) -> dict[str, float]:
    """``measure`` in a fresh process importing secevents from ``source`` (None: this one)."""
    env = dict(os.environ)
    if source is not None:
        env["PYTHONPATH"] = os.pathsep.join(filter(None, [source, env.get("PYTHONPATH")]))
    command = [sys.executable, __file__, "--seconds", str(seconds), "--json"]
    output = subprocess.run(command, env=env, check=True, capture_output=True, text=True)
    rates: dict[str, float] = json.loads(output.stdout)
    return rates


def main() -> None:
    """Print a Markdown table of calls per second (and the baseline's, if given)."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--seconds", type=float, default=2.0, help="time per function")
    parser.add_argument("--baseline", help="another checkout to measure in the same run")
    parser.add_argument("--rounds", type=int, default=3, help="alternations with --baseline")
    parser.add_argument("--json", action="store_true", help=argparse.SUPPRESS)
    options = parser.parse_args()
    if options.json:
        print(json.dumps(measure(options.seconds)))
        return
    if options.baseline is None:
        print("| function | input | calls/s |")
        print("|---|---|---:|")
        for label, per_second in measure(options.seconds).items():
            print(f"| {label} | {per_second:,.0f} |")
        return
    source = str(Path(options.baseline).resolve() / "src")
    runs: dict[str, list[dict[str, float]]] = {"baseline": [], "current": []}
    for _ in range(options.rounds):
        runs["baseline"].append(_measured_by(source, options.seconds))
        runs["current"].append(_measured_by(None, options.seconds))
    print("| function | input | baseline calls/s | current calls/s | current/baseline |")
    print("|---|---|---:|---:|---:|")
    for label in runs["current"][0]:
        before = statistics.median(run[label] for run in runs["baseline"])
        after = statistics.median(run[label] for run in runs["current"])
        print(f"| {label} | {before:,.0f} | {after:,.0f} | {after / before:.2f} |")


if __name__ == "__main__":
    main()
