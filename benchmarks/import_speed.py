"""Importing GDELT or PLOVER: the Arrow path and the typed path against polars (and pandas).

Run: ``python benchmarks/import_speed.py [--rows N] [--baseline DIR] [--plover]``. The real
sample (``tests/data/realdata/gdelt``, 1,562 rows) is repeated into a raw GDELT
export of N rows (tab-separated, no header, no quoting, 61 columns; GLOBALEVENTID
made unique per copy), and each reader reads that one file in a fresh process
(warmed on the sample first, then timed twice); ``--repeat`` rounds run every reader
in turn, and the best time of each counts:

- polars ``read_csv`` and pandas ``read_csv``, every cell as text;
- ``pyarrow.csv.read_csv`` (what the Arrow path parses with);
- ``read_gdelt_table``: straight to Arrow, no events;
- ``list(read_gdelt(path))`` (the typed path, events held; ``--no-typed`` leaves it out);

the last two in this checkout and in the baseline checkout ``--baseline`` (a checkout
of main: with its own ``.venv`` if it has one, else with this Python and its ``src``
first on the path).

With ``--plover``, the PLOVER gold-standard sample (``tests/data/realdata/plover``,
323 records) is repeated into JSON Lines of N records (ids made unique per copy),
read by polars ``read_ndjson`` (its own schema: a key that is a string in one
record and a list in another becomes text), ``read_plover_table`` (no events) and
``list(read_plover(path))``, here and in the baseline.

With ``--all-readers``, every reader with an Arrow path (GDELT, ICEWS, UCDP, ACLED,
PLOVER) reads its sample repeated to N rows (ids unique per copy; ACLED's are the
hand-written rows of ``tests/test_interop_acled.py``, its terms forbid sharing real
ones): its Arrow path and polars (``read_csv`` with every cell as text, or
``read_ndjson``) take turns in this one process, ``--repeat`` rounds, median wall and
CPU time of each; then the typed path's bytes held per event (``tracemalloc`` growth
while holding the list, after a warm read of the same file) against the issue's
1.5 KB.

With ``--same-process``, polars and ``read_gdelt_table`` take turns in one process,
N rounds, and the median wall and CPU time of each is printed with the load
average: under load each gets the share of a core the scheduler gives, so side by
side their wall times compare as their CPU times do.

It prints rows/s of wall-clock and of CPU time (the process's, all threads: on a
shared machine the wall clock counts other jobs' time too) and the bytes held per
row: for events, the ``tracemalloc`` growth of the process while holding the list
divided by the rows; for the frames, their own size (``memory_usage(deep=True)``,
``estimated_size()``, ``nbytes``).
"""

from __future__ import annotations

import argparse
import csv
import io
import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
SAMPLE = (
    ROOT / "tests" / "data" / "realdata" / "gdelt" / "EVENT_V2_20260101000000_20260101000100.csv"
)
PLOVER = ROOT / "tests" / "data" / "realdata" / "plover" / "PLOVER_GSR_CAMEO.json"

_RUN = r"""
import gc, json, sys, time, tracemalloc
kind, path, sample, repeat = sys.argv[1], sys.argv[2], sys.argv[3], int(sys.argv[4])


def polars(p):
    import polars as pl
    frame = pl.read_csv(p, separator="\t", has_header=False, quote_char=None,
                        infer_schema=False)
    return frame, frame.height, frame.estimated_size()


def pandas(p):
    import pandas as pd
    frame = pd.read_csv(p, sep="\t", header=None, dtype=str, quoting=3,
                        keep_default_na=False)
    return frame, len(frame), int(frame.memory_usage(deep=True).sum())


def arrow_csv(p):
    import pyarrow as pa, pyarrow.csv as pc
    table = pc.read_csv(p, read_options=pc.ReadOptions(autogenerate_column_names=True),
                        parse_options=pc.ParseOptions(delimiter="\t", quote_char=False),
                        convert_options=pc.ConvertOptions(
                            column_types={f"f{i}": pa.string() for i in range(61)}))
    return table, table.num_rows, table.nbytes


def polars_ndjson(p):
    import polars as pl
    frame = pl.read_ndjson(p, infer_schema_length=None)
    return frame, frame.height, frame.estimated_size()


def arrow_read(name):
    def run(p):
        import secevents.interop
        table = getattr(secevents.interop, name)(p).table
        return table, table.num_rows, table.nbytes
    return run


def events_read(name):
    def run(p):
        import secevents.interop
        events = list(getattr(secevents.interop, name)(p))
        return events, len(events), None
    return run


run = {"polars": polars, "pandas": pandas, "arrow_csv": arrow_csv,
       "arrow_path": arrow_read("read_gdelt_table"), "typed": events_read("read_gdelt"),
       "polars_ndjson": polars_ndjson, "plover_table": arrow_read("read_plover_table"),
       "plover_typed": events_read("read_plover")}[kind]
if kind == "polars_ndjson":
    run(path)  # warm (the sample is a JSON array, not lines)
elif kind != "arrow_csv":
    run(sample)  # warm: imports, tables, caches
best = cpu = float("inf")
for _ in range(repeat):
    gc.collect()
    start, start_cpu = time.perf_counter(), time.process_time()
    value, rows, size = run(path)
    best = min(best, time.perf_counter() - start)
    cpu = min(cpu, time.process_time() - start_cpu)
    del value
if kind in ("typed", "plover_typed"):
    gc.collect()
    tracemalloc.start()
    before = tracemalloc.get_traced_memory()[0]
    value, rows, _ = run(path)
    size = tracemalloc.get_traced_memory()[0] - before
print(json.dumps({"rows": rows, "seconds": best, "cpu": cpu, "bytes": size}))
"""


def raw_gdelt(rows: int, path: Path) -> Path:
    """The sample as a raw export (tab-separated, no header, 61 columns) of ``rows`` rows."""
    with SAMPLE.open(encoding="utf-8", newline="") as handle:
        sample = [row[:61] for row in list(csv.reader(handle))[1:]]
    with path.open("w", encoding="utf-8", newline="") as out:
        written, copy = 0, 0
        while written < rows:
            for row in sample[: rows - written]:
                cells = [str(int(row[0]) + copy * 10**10), *row[1:]]
                out.write("\t".join(cells) + "\n")
            written += min(len(sample), rows - written)
            copy += 1
    return path


def plover_lines(rows: int, path: Path) -> Path:
    """The PLOVER sample as JSON Lines of ``rows`` records (ids unique per copy)."""
    sample = json.loads(PLOVER.read_text(encoding="utf-8"))
    with path.open("w", encoding="utf-8") as out:
        for number in range(rows):
            record = dict(sample[number % len(sample)])
            record["id"] = f"{record['id']}-{number // len(sample)}"
            out.write(json.dumps(record) + "\n")
    return path


def measure(python: str, kind: str, path: Path, repeat: int, cwd: Path) -> dict[str, float]:
    env = {**os.environ, "PYTHONPATH": str(cwd / "src")}
    sample = PLOVER if kind.startswith(("plover", "polars_ndjson")) else SAMPLE
    done = subprocess.run(
        [python, "-c", _RUN, kind, str(path), str(sample), str(repeat)],
        capture_output=True,
        text=True,
        check=True,
        cwd=cwd,
        env=env,
    )
    result: dict[str, float] = json.loads(done.stdout.strip().splitlines()[-1])
    return result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=100_000)
    parser.add_argument("--repeat", type=int, default=2)
    parser.add_argument("--baseline", type=Path, default=Path("/tmp/base5"))
    parser.add_argument(
        "--no-typed", action="store_true", help="leave out the typed path (slow): Arrow only"
    )
    parser.add_argument("--plover", action="store_true", help="PLOVER JSON Lines, not GDELT")
    parser.add_argument(
        "--all-readers", action="store_true", help="every reader's Arrow path against polars"
    )
    parser.add_argument(
        "--same-process", action="store_true", help="polars and the Arrow path in turns, here"
    )
    args = parser.parse_args()
    if args.plover:
        plover(args)
        return
    if args.same_process:
        same_process(args)
        return
    if args.all_readers:
        all_readers(args)
        return
    here = sys.executable
    with tempfile.TemporaryDirectory() as folder:
        path = raw_gdelt(args.rows, Path(folder) / "gdelt.export.CSV")
        size = path.stat().st_size
        print(f"GDELT sample repeated to {args.rows:,} rows ({size / 1e6:.1f} MB, raw export)")
        runs = [
            ("polars read_csv (text)", here, "polars", ROOT),
            ("pandas read_csv (text)", here, "pandas", ROOT),
            ("pyarrow.csv.read_csv (text)", here, "arrow_csv", ROOT),
        ]
        runs += ours(args, ("read_gdelt_table", "arrow_path"), ("read_gdelt", "typed"))
        wall, cpu = compare(runs, path, args.repeat)
        ratios(args, wall, cpu, "polars", "arrow_path", "typed")


def ours(
    args: argparse.Namespace, arrow: tuple[str, str], typed: tuple[str, str]
) -> list[tuple[str, str, str, Path]]:
    """The runs of the Arrow path and the typed path (``(name, kind)``), here and in
    the baseline checkout (with its own .venv, or else with this Python and its
    ``src`` first on the path: see :func:`measure`)."""
    here = sys.executable
    own = args.baseline / ".venv" / "bin" / "python"
    baseline = str(own) if own.exists() else here
    checkouts = [("this", here, ROOT)]
    if (args.baseline / "src" / "secevents").is_dir():
        checkouts.append(("baseline", baseline, args.baseline))
    else:
        print(f"(no baseline: {args.baseline} is no checkout)")
    runs = []
    for name, kind in (arrow, typed)[: 1 if args.no_typed else 2]:
        held = ", events held" if kind == typed[1] else ""
        runs += [(f"{name}{held} ({which})", python, kind, cwd) for which, python, cwd in checkouts]
    return runs


def ratios(
    args: argparse.Namespace,
    wall: dict[str, float],
    cpu: dict[str, float],
    reference: str,
    arrow: str,
    typed: str,
) -> None:
    """The Arrow path against ``reference`` (and the baseline's), the typed path against
    the baseline's, by wall-clock and by CPU time."""
    for name, speed in (("wall", wall), ("CPU", cpu)):
        this = speed[f"{arrow}:{ROOT}"]
        line = f"  {name}: Arrow path / {reference} {this / speed[f'{reference}:{ROOT}']:.2f}x"
        if f"{arrow}:{args.baseline}" in speed:
            line += f"; this / baseline {this / speed[f'{arrow}:{args.baseline}']:.2f}x"
        if f"{typed}:{args.baseline}" in speed:
            ratio = speed[f"{typed}:{ROOT}"] / speed[f"{typed}:{args.baseline}"]
            line += f"; typed this / baseline {ratio:.2f}x"
        print(line)


def compare(
    runs: list[tuple[str, str, str, Path]], path: Path, repeat: int
) -> tuple[dict[str, float], dict[str, float]]:
    """Run every reader ``repeat`` rounds and print the table; rows/s of wall-clock and
    of CPU time, by ``kind:checkout``."""
    # Rounds interleave the readers (each in a fresh process), so that a load from
    # other jobs falls on all of them alike; the best round of each counts.
    best: dict[str, dict[str, float]] = {}
    for _ in range(repeat):
        for label, python, kind, cwd in runs:
            result = measure(python, kind, path, 2, cwd)
            before = best.setdefault(label, result)
            for key in ("seconds", "cpu"):  # each the best of all rounds
                before[key] = min(before[key], result[key])
    wall: dict[str, float] = {}
    cpu: dict[str, float] = {}
    print(f"  {'':<40} {'rows/s (wall)':>14} {'rows/s (CPU)':>13} {'bytes/row held':>15}")
    for label, _python, kind, cwd in runs:
        result = best[label]
        wall[f"{kind}:{cwd}"] = result["rows"] / result["seconds"]
        cpu[f"{kind}:{cwd}"] = result["rows"] / result["cpu"]
        held = result["bytes"] / result["rows"]
        print(
            f"  {label:<40} {wall[f'{kind}:{cwd}']:>14,.0f} {cpu[f'{kind}:{cwd}']:>13,.0f}"
            f" {held:>15,.0f}"
        )
    print(f"  load average at the end: {' '.join(f'{n:.1f}' for n in os.getloadavg())}")
    return wall, cpu


def plover(args: argparse.Namespace) -> None:
    """The PLOVER comparison (see the module's docstring)."""
    here = sys.executable
    with tempfile.TemporaryDirectory() as folder:
        path = plover_lines(args.rows, Path(folder) / "plover.jsonl")
        size = path.stat().st_size
        print(f"PLOVER sample repeated to {args.rows:,} records ({size / 1e6:.1f} MB, JSON Lines)")
        runs = [("polars read_ndjson", here, "polars_ndjson", ROOT)]
        runs += ours(args, ("read_plover_table", "plover_table"), ("read_plover", "plover_typed"))
        wall, cpu = compare(runs, path, args.repeat)
        ratios(args, wall, cpu, "polars_ndjson", "plover_table", "plover_typed")


def same_process(args: argparse.Namespace) -> None:
    """polars and the Arrow path in turns in this process."""
    import statistics
    import time

    import polars as pl

    from secevents.interop.gdelt import read_gdelt_table

    def polars_read(path: Path) -> None:
        pl.read_csv(path, separator="\t", has_header=False, quote_char=None, infer_schema=False)

    def arrow(path: Path) -> None:
        read_gdelt_table(path)

    readers = {"polars read_csv": polars_read, "read_gdelt_table": arrow}
    with tempfile.TemporaryDirectory() as folder:
        path = raw_gdelt(args.rows, Path(folder) / "gdelt.export.CSV")
        times: dict[str, list[tuple[float, float]]] = {name: [] for name in readers}
        loads = []
        for read in readers.values():
            read(path)  # warm
        for _ in range(args.repeat):
            for name, read in readers.items():
                start, cpu = time.perf_counter(), time.process_time()
                read(path)
                times[name].append((time.perf_counter() - start, time.process_time() - cpu))
            loads.append(os.getloadavg()[0])
    print(f"{args.rows:,} rows, {args.repeat} rounds in one process, load average {loads}")
    print(f"  {'':<36} {'wall s (median)':>16} {'CPU s (median)':>15}")
    for name, taken in times.items():
        wall = statistics.median(t[0] for t in taken)
        cpu = statistics.median(t[1] for t in taken)
        print(f"  {name:<36} {wall:>16.3f} {cpu:>15.3f}")


ICEWS = ROOT / "tests" / "data" / "realdata" / "icews" / "events.2018.sample.head300.tab"
UCDP = ROOT / "tests" / "data" / "realdata" / "ucdp" / "ucdpged_sample_1000_from_uncertainUCDP.csv"


def repeated_table(rows: int, path: Path, header_and_rows: list[list[str]], delimiter: str) -> Path:
    """``rows`` rows of a header-first table, the first cell (the id) made unique per copy."""
    header, *sample = header_and_rows
    with path.open("w", encoding="utf-8", newline="") as out:
        writer = csv.writer(
            out,
            delimiter=delimiter,
            quoting=csv.QUOTE_NONE if delimiter == "\t" else csv.QUOTE_MINIMAL,
            lineterminator="\n",
        )
        writer.writerow(header)
        for number in range(rows):
            row = sample[number % len(sample)]
            writer.writerow([f"{row[0]}{number // len(sample)}", *row[1:]])
    return path


def table_rows(path: Path, delimiter: str) -> list[list[str]]:
    with path.open(encoding="utf-8", newline="") as handle:
        if delimiter == "\t":
            return list(csv.reader(handle, delimiter=delimiter, quoting=csv.QUOTE_NONE))
        return list(csv.reader(handle, delimiter=delimiter))


def acled_rows() -> list[list[str]]:
    """The hand-written ACLED-style rows of the ACLED tests (no real ACLED rows exist here)."""
    import importlib.util

    spec = importlib.util.spec_from_file_location(
        "acled_rows", ROOT / "tests" / "test_interop_acled.py"
    )
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return list(csv.reader(io.StringIO(module.ROWS_CSV)))


#: Rows in each sample: a file of one copy measures the typed path without repetition.
SAMPLE_ROWS = {"gdelt": 1562, "icews": 300, "ucdp": 1000, "acled": 7, "plover": 323}


def held_per_event(typed: Any, path: Path) -> float:
    """The ``tracemalloc`` growth while holding the typed path's events of ``path``, per
    event (after a warm read: the bounded memos of the last read are not counted; and
    after collecting the finished reader, whose objects form cycles: only what the
    events hold is counted)."""
    import gc
    import tracemalloc

    list(typed(path))
    gc.collect()
    tracemalloc.start()
    before = tracemalloc.get_traced_memory()[0]
    events = list(typed(path))
    gc.collect()
    held = (tracemalloc.get_traced_memory()[0] - before) / len(events)
    tracemalloc.stop()
    return held


def all_readers(args: argparse.Namespace) -> None:
    """Every reader's Arrow path against polars in turns, and the typed path's bytes per event."""
    import gc
    import statistics
    import time

    import polars as pl

    import secevents.interop as interop

    def polars_csv(delimiter: str, header: bool) -> Any:
        def read(path: Path) -> None:
            quote = None if delimiter == "\t" else '"'
            pl.read_csv(
                path, separator=delimiter, has_header=header, quote_char=quote, infer_schema=False
            )

        return read

    def make(name: str, rows: int, path: Path) -> Path:
        if name == "gdelt":
            return raw_gdelt(rows, path)
        if name == "plover":
            return plover_lines(rows, path)
        if name == "icews":
            return repeated_table(rows, path, table_rows(ICEWS, "\t"), "\t")
        if name == "ucdp":
            return repeated_table(rows, path, table_rows(UCDP, ","), ",")
        return repeated_table(rows, path, acled_rows(), ",")

    readers = {  # name: (polars' read, polars' name)
        "gdelt": (polars_csv("\t", False), "read_csv"),
        "icews": (polars_csv("\t", True), "read_csv"),
        "ucdp": (polars_csv(",", True), "read_csv"),
        "acled": (polars_csv(",", True), "read_csv"),
        "plover": (lambda path: pl.read_ndjson(path, infer_schema_length=None), "read_ndjson"),
    }
    print(f"{args.rows:,} rows per reader, {args.repeat} rounds in one process")
    print(
        f"  {'reader':<8} {'polars':<12} {'MB':>6} {'polars CPU s':>13} {'Arrow CPU s':>12}"
        f" {'ratio CPU':>9} {'ratio wall':>10} {'typed B/event':>14} {'(one copy)':>12}"
        f" {'load':>5}"
    )
    with tempfile.TemporaryDirectory() as folder:
        for name, (polars_read, polars_name) in readers.items():
            path = make(name, args.rows, Path(folder) / f"{name}.data")
            megabytes = path.stat().st_size / 1e6
            arrow = getattr(interop, f"read_{name}_table")
            typed = getattr(interop, f"read_{name}")
            runs = {"polars": polars_read, "arrow": arrow}
            times: dict[str, list[tuple[float, float]]] = {"polars": [], "arrow": []}
            for read in runs.values():
                read(path)  # warm: imports, tables, caches
            for _ in range(args.repeat):
                for kind, read in runs.items():
                    gc.collect()
                    began, began_cpu = time.perf_counter(), time.process_time()
                    read(path)
                    taken = (time.perf_counter() - began, time.process_time() - began_cpu)
                    times[kind].append(taken)
            wall = {k: statistics.median(t[0] for t in v) for k, v in times.items()}
            cpu = {k: statistics.median(t[1] for t in v) for k, v in times.items()}
            held = once = 0.0
            if not args.no_typed:
                held = held_per_event(typed, path)
                once = held_per_event(
                    typed, make(name, SAMPLE_ROWS[name], path.with_suffix(".one"))
                )
            print(
                f"  {name:<8} {polars_name:<12} {megabytes:>6.1f}"
                f" {cpu['polars']:>13.3f} {cpu['arrow']:>12.3f}"
                f" {cpu['polars'] / cpu['arrow']:>8.2f}x {wall['polars'] / wall['arrow']:>9.2f}x"
                f" {held:>14,.0f} {once:>12,.0f} {os.getloadavg()[0]:>5.1f}"
            )


if __name__ == "__main__":
    main()
