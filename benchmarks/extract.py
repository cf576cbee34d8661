"""KB of report text per second that ``extract`` reads on one core, over the corpus repeated.

Run: ``python benchmarks/extract.py [--repeat N] [--runs R]``. Each run extracts
every report of ``tests/data/corpus`` ``N`` times (fresh calls: no cache is
shared between calls); the figure is the median of ``R`` runs after a warm-up
that loads the normalizers' data tables.
"""

from __future__ import annotations

import argparse
import json
import statistics
import time
from pathlib import Path

from secevents.extraction import extract

CORPUS = Path(__file__).resolve().parent.parent / "tests" / "data" / "corpus"


def load_texts() -> list[str]:
    """The texts of the development corpus."""
    return [
        json.loads(path.read_text(encoding="utf-8"))["text"]
        for path in sorted(CORPUS.glob("*.json"))
    ]


def kb_per_second(texts: list[str], repeat: int) -> float:
    """KB (1,000 characters) of ``texts`` read per second, each text ``repeat`` times."""
    start = time.perf_counter()
    events = 0
    for _ in range(repeat):
        for text in texts:
            events += len(extract(text).events)
    elapsed = time.perf_counter() - start
    assert events > 0
    return sum(len(t) for t in texts) * repeat / 1000 / elapsed


def main(argv: list[str] | None = None) -> None:
    """Print the median throughput."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--repeat", type=int, default=10)
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args(argv)
    texts = load_texts()
    kb_per_second(texts, 1)  # warm-up: loads gazetteer and name tables
    runs = [kb_per_second(texts, args.repeat) for _ in range(args.runs)]
    size = sum(len(t) for t in texts) / 1000
    print(
        f"extract: {statistics.median(runs):.1f} KB/s (median of {args.runs} runs, "
        f"{len(texts)} reports, {size:.1f} KB x {args.repeat}; target 500 KB/s)"
    )


if __name__ == "__main__":
    main()
