"""Scale figures: Dask extraction on 1 vs 2 workers, GDELT into the Parquet store, filtered reads.

    python benchmarks/scale.py                     # all, at the default sizes
    python benchmarks/scale.py --corpus-mb 1 --rows 100000 200000   # what the docs quote

``dask``: the gold corpus's texts repeated to ``--corpus-mb`` MB, extracted by
``secevents.dask.extract`` on a ``distributed.LocalCluster`` of 1 and then 2
worker processes (one thread each), the same bag of 4 partitions per worker, in
one run; texts/s, MB/s and the speed-up. ``store``: the GDELT sample repeated to
each of ``--rows`` (GLOBALEVENTID made unique per copy) in a CSV file, then
``read_gdelt`` → ``write_parquet`` in a fresh process per size: rows/s, the
process's peak resident memory and the store's size against the CSV's (flat
memory across sizes is the point). ``read``: on the largest store, reading all
events against reading the ~1.6 % located in Ukraine (``country="UKR"``) and the
~0.1 % of type ``joint_exercise``, as events and as Arrow.
"""

from __future__ import annotations

import argparse
import json
import multiprocessing
import os
import resource
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


def _write_store(csv: str, store: str, queue: Any) -> None:
    from secevents.interop import read_gdelt, write_parquet

    start = time.perf_counter()
    count = write_parquet(read_gdelt(csv), store)
    took = time.perf_counter() - start
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # KB on Linux
    queue.put((count, took, peak))


def folder_size(path: Path) -> int:
    return sum(item.stat().st_size for item in path.rglob("*") if item.is_file())


def gdelt_store(sizes: list[int], folder: Path) -> Path:
    print("== GDELT sample repeated -> read_gdelt -> write_parquet (one process per size)")
    context = multiprocessing.get_context("spawn")
    store = folder
    for rows in sizes:
        csv = repeated_gdelt(rows, folder)
        store = folder / f"store-{rows}"
        queue = context.Queue()
        process = context.Process(target=_write_store, args=(str(csv), str(store), queue))
        process.start()
        count, took, peak = queue.get()
        process.join()
        ratio = folder_size(store) / csv.stat().st_size
        print(
            f"  {count:>9} rows: {took:6.1f} s  {count / took:8.0f} rows/s  "
            f"peak RSS {peak:6.0f} MB  store {folder_size(store) / 1e6:6.1f} MB "
            f"= {ratio:.2f}x the CSV ({csv.stat().st_size / 1e6:.1f} MB)"
        )
    return store


def filtered_reads(store: Path) -> None:
    from secevents.interop import read_parquet, read_parquet_table

    print(f"== reading {store.name} back: all vs filtered")

    def timed(label: str, run: Any) -> None:
        start = time.perf_counter()
        count = run()
        took = time.perf_counter() - start
        print(f"  {label:<44} {count:>9} rows  {took:6.2f} s  {count / took:9.0f} rows/s")

    timed("events, all", lambda: sum(1 for _ in read_parquet(store)))
    timed("events, country='UKR'", lambda: sum(1 for _ in read_parquet(store, country="UKR")))
    timed(
        "events, types='joint_exercise'",
        lambda: sum(1 for _ in read_parquet(store, types="joint_exercise")),
    )
    timed("Arrow, all columns", lambda: read_parquet_table(store).num_rows)
    timed(
        "Arrow, country='UKR', 3 columns",
        lambda: read_parquet_table(store, country="UKR", columns=["id", "code", "date"]).num_rows,
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus-mb", type=float, default=20.0)
    parser.add_argument("--rows", type=int, nargs="+", default=[100_000, 1_000_000])
    parser.add_argument("--only", choices=["dask", "store"], default=None)
    args = parser.parse_args()
    print(f"cpus: {os.cpu_count()}")
    if args.only in (None, "dask"):
        dask_extract(args.corpus_mb)
    if args.only in (None, "store"):
        with tempfile.TemporaryDirectory() as tmp:
            store = gdelt_store(sorted(args.rows), Path(tmp))
            filtered_reads(store)


if __name__ == "__main__":
    main()
