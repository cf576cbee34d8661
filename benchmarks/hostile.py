"""Time and memory on hostile input: each case at two sizes, side by side, in one run.

Run: ``python benchmarks/hostile.py [--scale K]``. For each case the work should
grow like the input (the ratio of the times near the ratio of the sizes), and a
bomb should stop early in little memory:

1. ``extract`` on runs of ``.`` (61 s for 400,000 before the splitter was linear);
2. ``read_ucdp`` on a file of blank lines;
3. ``read_gdelt`` on a gzip bomb (one 256 MiB line from 256 KB): time to the
   ``LimitError`` and the peak of traced memory;
4. ``read_plover`` on a JSON array: memory to the first event against the file.
"""

from __future__ import annotations

import argparse
import contextlib
import functools
import gzip
import json
import tempfile
import time
import tracemalloc
from collections.abc import Callable
from pathlib import Path
from typing import Any

import secevents as se
from secevents.errors import LimitError
from secevents.interop import read_gdelt, read_plover, read_ucdp


def best_of(runs: int, work: Callable[[], Any]) -> float:
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        work()
        times.append(time.perf_counter() - started)
    return min(times)


def row(label: str, small: float, large: float, scale: int) -> None:
    print(f"{label:38} {small:8.3f} {large:10.3f} {large / small:7.1f} {scale:7}")


def peak(work: Callable[[], Any]) -> int:
    tracemalloc.start()
    with contextlib.suppress(LimitError):
        work()
    _, top = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    return top


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--scale", type=int, default=8, help="the large size over the small")
    scale = parser.parse_args().scale
    folder = Path(tempfile.mkdtemp())

    print("case                                   small s    large s  time x  size x")
    for unit, size in ((".", 50_000), ("!?", 25_000), (". ", 25_000)):
        text = unit * size
        small = best_of(3, functools.partial(se.extract, text))
        large = best_of(3, functools.partial(se.extract, text * scale))
        row(f"extract({unit!r} * {size:,})", small, large, scale)

    files = []
    for lines in (1 << 20, scale << 20):
        path = folder / f"blank{lines}.csv"
        path.write_text("id,type_of_violence\n" + "\n" * lines)
        files.append(path)
    # Past Limits.max_blank (1 Mi) a run stops with LimitError; raised here to time the
    # reading itself.
    unlimited = se.Limits(max_blank=1 << 40)
    small = best_of(1, lambda: list(read_ucdp(files[0], limits=unlimited)))
    large = best_of(1, lambda: list(read_ucdp(files[1], limits=unlimited)))
    row("read_ucdp: 1 Mi blank lines", small, large, scale)

    bomb = folder / "bomb.csv.gz"
    with gzip.open(bomb, "wb") as out:
        for _ in range(256):
            out.write(b"a" * (1 << 20))
    started = time.perf_counter()
    top = peak(lambda: list(read_gdelt(bomb)))
    print(
        f"gzip bomb ({bomb.stat().st_size >> 10} KB -> 256 MiB, one line): LimitError after "
        f"{time.perf_counter() - started:.2f} s, peak traced memory {top >> 20} MiB"
    )

    array = folder / "plover.json"
    record = {"id": "r", "date": "2016-07-24", "event": ["CONSULT"], "text": "x" * 3000}
    array.write_text(json.dumps([record | {"id": f"r{n}"} for n in range(4000)]))

    def first_event() -> None:
        with read_plover(array) as reader:
            next(reader)

    print(
        f"PLOVER array of {array.stat().st_size >> 20} MiB: peak traced memory to the first "
        f"event {peak(first_event) >> 10} KiB"
    )


if __name__ == "__main__":
    main()
