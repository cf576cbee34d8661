"""Scale figures: Dask extraction on 1 vs 2 workers, GDELT into the Parquet store, filtered reads.

    python benchmarks/scale.py                     # all, at the default sizes
    python benchmarks/scale.py --only store --rows 100000 300000 1000000 --base ../main

``dask``: the gold corpus's texts repeated to ``--corpus-mb`` MB, extracted by
``secevents.dask.extract`` on a ``distributed.LocalCluster`` of 1 and then 2
worker processes (one thread each), the same bag of 4 partitions per worker, in
one run; texts/s, MB/s and the speed-up. ``store``: the GDELT sample repeated to
each of ``--rows`` (GLOBALEVENTID made unique per copy) in a CSV file, then
``read_gdelt`` → ``write_parquet`` in a fresh process per size: rows/s of wall
and of CPU time, the process's peak resident memory and the store's size against
the CSV's (flat memory across sizes is the point); with ``--base DIR`` (a checkout
of main) the same in that checkout's ``src``, size by size, side by side in the
run. ``read``: on the smallest and the largest stores of each checkout, reading
all events against reading the ~1.6 % located in Ukraine (``country="UKR"``) and
the ~0.1 % of type ``joint_exercise``, as events and as Arrow, each in a fresh
process with its peak resident memory (``--no-read`` leaves it out).
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "tests" / "data" / "corpus"
GDELT = (
    ROOT / "tests" / "data" / "realdata" / "gdelt" / "EVENT_V2_20260101000000_20260101000100.csv"
)


def corpus_texts(megabytes: float) -> list[tuple[str, str]]:
    docs = [json.loads(path.read_text()) for path in sorted(CORPUS.glob("d*.json"))]
    pairs = [(doc["text"], doc["published"]) for doc in docs]
    out: list[tuple[str, str]] = []
    size = 0
    while size < megabytes * 1e6:
        for pair in pairs:
            out.append(pair)
            size += len(pair[0].encode())
    return out


def _warm() -> None:
    import secevents as se

    for text, published in corpus_texts(0.05):
        se.extract(text, published=published)


def dask_extract(megabytes: float) -> None:
    import dask.bag as db
    import distributed

    import secevents.dask as sdask

    pairs = corpus_texts(megabytes)
    size = sum(len(text.encode()) for text, _ in pairs) / 1e6
    print(f"== dask extract: {len(pairs)} texts, {size:.1f} MB (the corpus repeated)")
    seconds: dict[int, float] = {}
    for workers in (1, 2):
        with (
            distributed.LocalCluster(
                n_workers=workers, threads_per_worker=1, processes=True, dashboard_address=None
            ) as cluster,
            distributed.Client(cluster) as client,
        ):
            client.run(_warm)  # every worker imports and fills its caches before the clock
            parts = 4 * workers
            texts = db.from_sequence([text for text, _ in pairs], npartitions=parts)
            dates = db.from_sequence([date for _, date in pairs], npartitions=parts)
            start = time.perf_counter()
            events = sdask.extract(texts, published=dates).map(lambda r: len(r.events)).sum()
            found = events.compute()
            seconds[workers] = time.perf_counter() - start
        took = seconds[workers]
        print(
            f"  {workers} worker(s): {took:6.1f} s  {len(pairs) / took:7.1f} texts/s  "
            f"{size / took:5.2f} MB/s  ({found} events)"
        )
    print(f"  speed-up on 2 workers: {seconds[1] / seconds[2]:.2f}x")


def repeated_gdelt(rows: int, folder: Path) -> Path:
    header, *lines = GDELT.read_bytes().splitlines(keepends=True)
    path = folder / f"gdelt-{rows}.csv"
    with path.open("wb") as out:
        out.write(header)
        written = 0
        copy = 0
        while written < rows:
            for line in lines[: rows - written]:
                first, rest = line.split(b",", 1)
                out.write(b"%d," % (int(first) + copy * 10**10) + rest)
            written += min(len(lines), rows - written)
            copy += 1
    return path


_CHILD = r"""
import json, resource, sys, time
kind, source, target = sys.argv[1:4]
start, cpu = time.perf_counter(), time.process_time()
if kind == "write":
    from secevents.interop import read_gdelt, write_parquet
    count = write_parquet(read_gdelt(source), target)
elif kind == "events":
    from secevents.interop import read_parquet
    count = sum(1 for _ in read_parquet(source, **json.loads(target)))
else:
    from secevents.interop import read_parquet_table
    count = read_parquet_table(source, **json.loads(target)).num_rows
took, cpu = time.perf_counter() - start, time.process_time() - cpu
peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # KB on Linux
print(json.dumps([count, took, cpu, peak]))
"""


def _child(src: Path, *args: str) -> tuple[int, float, float, float]:
    """Run ``_CHILD`` with ``src`` first on the path: (rows, wall s, CPU s, peak MB)."""
    env = {**os.environ, "PYTHONPATH": str(src)}
    out = subprocess.run(
        [sys.executable, "-c", _CHILD, *args], env=env, check=True, capture_output=True, text=True
    ).stdout
    count, took, cpu, peak = json.loads(out.splitlines()[-1])
    return int(count), float(took), float(cpu), float(peak)


def folder_size(path: Path) -> int:
    return sum(item.stat().st_size for item in path.rglob("*") if item.is_file())


def checkouts(base: Path | None) -> list[tuple[str, Path]]:
    return [("this", ROOT / "src")] + ([] if base is None else [("base", base / "src")])


def gdelt_store(sizes: list[int], folder: Path, base: Path | None) -> None:
    print("== GDELT sample repeated -> read_gdelt -> write_parquet (one process per size)")
    for rows in sizes:
        csv = repeated_gdelt(rows, folder)
        for label, src in checkouts(base):
            store = folder / f"store-{label}-{rows}"
            count, took, cpu, peak = _child(src, "write", str(csv), str(store))
            size = folder_size(store)
            files = sum(1 for _ in store.rglob("*.parquet"))
            print(
                f"  {label}: {count:>9} rows: {took:6.1f} s  {count / took:6.0f} rows/s "
                f"(CPU {cpu:6.1f} s, {count / cpu:6.0f} rows/s)  peak RSS {peak:5.0f} MB  "
                f"store {size / 1e6:6.1f} MB in {files} files = "
                f"{size / csv.stat().st_size:.2f}x the CSV ({csv.stat().st_size / 1e6:.1f} MB)",
                flush=True,
            )
        csv.unlink()


def filtered_reads(folder: Path, rows: int, base: Path | None) -> None:
    print(f"== reading the stores of {rows} rows back: all vs filtered (one process each)")
    runs: list[tuple[str, str, dict[str, Any]]] = [
        ("events, all", "events", {}),
        ("events, country='UKR'", "events", {"country": "UKR"}),
        ("events, types='joint_exercise'", "events", {"types": "joint_exercise"}),
        ("Arrow, all columns", "table", {}),
        (
            "Arrow, country='UKR', 3 columns",
            "table",
            {"country": "UKR", "columns": ["id", "code", "date"]},
        ),
    ]
    for what, kind, options in runs:
        for label, src in checkouts(base):
            store = folder / f"store-{label}-{rows}"
            count, took, cpu, peak = _child(src, kind, str(store), json.dumps(options))
            print(
                f"  {label}: {what:<34} {count:>9} rows  {took:6.2f} s  "
                f"{count / took:9.0f} rows/s  (CPU {cpu:6.2f} s)  peak RSS {peak:5.0f} MB",
                flush=True,
            )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus-mb", type=float, default=20.0)
    parser.add_argument("--rows", type=int, nargs="+", default=[100_000, 1_000_000])
    parser.add_argument("--only", choices=["dask", "store"], default=None)
    parser.add_argument("--base", type=Path, default=None, help="a checkout of main to compare")
    parser.add_argument("--no-read", action="store_true", help="leave out reading back")
    args = parser.parse_args()
    print(f"cpus: {os.cpu_count()}")
    if args.only in (None, "dask"):
        dask_extract(args.corpus_mb)
    if args.only in (None, "store"):
        with tempfile.TemporaryDirectory() as tmp:
            sizes = sorted(args.rows)
            gdelt_store(sizes, Path(tmp), args.base)
            for rows in [] if args.no_read else sorted({sizes[0], sizes[-1]}):
                filtered_reads(Path(tmp), rows, args.base)


if __name__ == "__main__":
    main()
