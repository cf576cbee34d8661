"""Helpers of the tests of events that work their kept columns out later: many threads
asking at once, and the memory each held event costs, measured in a fresh interpreter."""

from __future__ import annotations

import subprocess
import sys
import threading
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import secevents as se
from secevents.interop import kept_columns


def asked_at_once(events: Sequence[se.Event], dataset: str, threads: int = 6) -> list[Any]:
    """What each of ``threads`` threads, started together, gets asking every event of
    ``events`` for the columns it keeps for ``dataset``; raises what a thread raised."""
    start = threading.Barrier(threads)
    found: list[list[dict[str, Any]]] = []
    failed: list[BaseException] = []

    def ask() -> None:
        start.wait()
        try:
            found.append([kept_columns(e, dataset) for e in events])
        except BaseException as error:  # pragma: no cover - what the test would show
            failed.append(error)

    running = [threading.Thread(target=ask) for _ in range(threads)]
    for thread in running:
        thread.start()
    for thread in running:
        thread.join()
    if failed:
        raise failed[0]
    return found


_HELD = """
import gc, sys, tracemalloc
import secevents.interop
read = getattr(secevents.interop, sys.argv[1])
path = sys.argv[2]
list(read(path))  # warm: imports, tables, the bounded memos
gc.collect()
tracemalloc.start()
before = tracemalloc.get_traced_memory()[0]
events = list(read(path))
gc.collect()
print((tracemalloc.get_traced_memory()[0] - before) / len(events))
"""


def held_per_event(reader: str, path: Path) -> float:
    """The bytes each event of ``path`` read by ``secevents.interop.<reader>`` holds (the
    ``tracemalloc`` growth while the list of events is held, after a warm read), in a
    fresh interpreter."""
    done = subprocess.run(
        [sys.executable, "-c", _HELD, reader, str(path)],
        capture_output=True,
        text=True,
        timeout=600,
        check=True,
    )
    return float(done.stdout.strip())
