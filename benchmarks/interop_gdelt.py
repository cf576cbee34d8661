"""Rows per second of the GDELT importer and exporter, and memory while streaming.

Run: ``python benchmarks/interop_gdelt.py [--rows N] [--scale K]``. The real sample
(``tests/data/realdata/gdelt``, 1,562 rows) is repeated into a raw GDELT file
(tab-separated, no header) of about N rows, then:

1. stream: ``for event in read_gdelt(path)`` in a fresh process, over the N-row file
   and over a file K times larger, holding no events; the peak resident memory of
   each process should not grow with the file (constant memory; only the warnings
   list grows, and it is capped at 100,000 warnings);
2. read: ``list(read_gdelt(path))`` (events held), best of three, rows/s;
3. write: ``write_gdelt(events, file)``, best of three, rows/s;

and prints the peak resident set size of the process.
"""

from __future__ import annotations

import argparse
import csv
import io
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from secevents.interop import read_gdelt, write_gdelt

_RSS_UNIT = 1 if sys.platform == "darwin" else 1024  # ru_maxrss: bytes on macOS, KiB elsewhere
SAMPLE = (
    Path(__file__).resolve().parent.parent
    / "tests"
    / "data"
    / "realdata"
    / "gdelt"
    / "EVENT_V2_20260101000000_20260101000100.csv"
)


def _raw_file(directory: Path, rows: int) -> tuple[Path, int]:
    """A headerless tab-separated GDELT file of the sample's rows repeated to ``rows``.

    The sample's extra ``FULLTEXT`` column (always empty) is left out: a raw
    export has the 61 GDELT columns only.
    """
    with SAMPLE.open(encoding="utf-8", newline="") as handle:
        sample = [
            {k: v for k, v in row.items() if k != "FULLTEXT"} for row in csv.DictReader(handle)
        ]
    events = list(read_gdelt(sample))
    path = directory / f"gdelt_{rows}.export.CSV"
    buffer = io.StringIO()
    write_gdelt(events, buffer)
    block = buffer.getvalue()
    copies = max(1, round(rows / len(events)))
    with open(path, "w", encoding="utf-8", newline="") as handle:
        for _ in range(copies):
            handle.write(block)
    return path, copies * len(events)


_STREAM = """
import resource, sys, time
from secevents.interop import read_gdelt
start = time.perf_counter()
reader = read_gdelt(sys.argv[1])
for _ in reader:
    pass
seconds = time.perf_counter() - start
try:  # this process's own high-water mark (ru_maxrss would include the parent's, on Linux)
    with open("/proc/self/status") as status:
        peak = next(int(line.split()[1]) for line in status if line.startswith("VmHWM:"))
except OSError:
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
print(reader.stats.rows, seconds, peak, len(reader.warnings))
"""


def _stream(path: Path) -> tuple[int, float, float, int]:
    """Rows, seconds, peak RSS (MB) and warnings of a fresh process streaming ``path``."""
    done = subprocess.run(
        [sys.executable, "-c", _STREAM, str(path)], check=True, capture_output=True, text=True
    )
    rows, seconds, rss, warnings = done.stdout.split()
    return int(rows), float(seconds), int(rss) * _RSS_UNIT / 1e6, int(warnings)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--rows", type=int, default=100_000, help="rows of the main file")
    parser.add_argument("--scale", type=int, default=10, help="size of the streamed file, x rows")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        directory = Path(tmp)
        path, rows = _raw_file(directory, args.rows)
        print(f"file: {rows:,} rows, {path.stat().st_size / 1e6:.1f} MB (sample x{rows // 1562})")

        big, _ = _raw_file(directory, rows * args.scale)
        for label, source in (("stream", path), (f"stream x{args.scale}", big)):
            count, seconds, rss, warnings = _stream(source)
            print(
                f"{label + ':':<12}{count / seconds:>8,.0f} rows/s  {count:>10,} rows  "
                f"peak RSS {rss:.0f} MB  ({warnings:,} warnings held)"
            )
        best_read, events = float("inf"), []
        for _ in range(3):
            start = time.perf_counter()
            events = list(read_gdelt(path))
            best_read = min(best_read, time.perf_counter() - start)
        print(f"read:   {rows / best_read:>10,.0f} rows/s  ({best_read:.2f} s, events held)")

        best_write = float("inf")
        for _ in range(3):
            out = io.StringIO()
            start = time.perf_counter()
            write_gdelt(events, out)
            best_write = min(best_write, time.perf_counter() - start)
        print(f"write:  {rows / best_write:>10,.0f} rows/s  ({best_write:.2f} s)")
        del events, out
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * _RSS_UNIT / 1e6
    print(f"peak RSS of this process (events held): {rss:.0f} MB")


if __name__ == "__main__":
    main()
