"""Wall time of ``extract_many`` in this process and in worker processes, side by side.

Run: ``python benchmarks/extract_many.py [--repeat N] [--processes P] [--runs R]``.
The input is every report of ``tests/data/corpus`` repeated ``N`` times (a batch of
separate texts, as a DataFrame column would give). Each run times, in turn, a plain
loop of ``extract``, ``extract_many`` in this process and ``extract_many`` with
``P`` worker processes (process start-up included), and checks that all three
give the same reports. Figures are medians of ``R`` runs; on a shared machine
the speed-up is bounded by the cores actually free.
"""

from __future__ import annotations

import argparse
import statistics
import time
from collections.abc import Callable

from extract import load_texts

import secevents as se


def timed(run: Callable[[], list[se.Report]]) -> tuple[float, list[se.Report]]:
    """Seconds ``run`` takes, and what it gave."""
    start = time.perf_counter()
    reports = run()
    return time.perf_counter() - start, reports


def main(argv: list[str] | None = None) -> None:
    """Print the median wall time and throughput of each way."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--repeat", type=int, default=20)
    parser.add_argument("--processes", type=int, default=2)
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args(argv)
    texts = load_texts() * args.repeat
    size = sum(len(text) for text in texts) / 1000
    ways: dict[str, Callable[[], list[se.Report]]] = {
        "loop of extract": lambda: [se.extract(text) for text in texts],
        "extract_many": lambda: list(se.extract_many(texts)),
        f"extract_many processes={args.processes}": lambda: list(
            se.extract_many(texts, processes=args.processes)
        ),
    }
    se.extract(texts[0])  # warm-up: loads the normalizers' tables in this process
    times: dict[str, list[float]] = {name: [] for name in ways}
    for _ in range(args.runs):
        expected = None
        for name, run in ways.items():
            seconds, reports = timed(run)
            times[name].append(seconds)
            assert expected is None or reports == expected, name
            expected = reports
    print(f"{len(texts)} texts, {size:,.0f} KB, median of {args.runs} runs:")
    base = statistics.median(times["loop of extract"])
    for name, runs in times.items():
        median = statistics.median(runs)
        print(f"  {name:32} {median:6.2f} s  {size / median:7.1f} KB/s  x{base / median:.2f}")


if __name__ == "__main__":
    main()
