"""``cluster`` on same-day events at 1.5k / 15k / 150k: time and peak memory, against a baseline.

    python benchmarks/cluster_scale.py --baseline /path/to/other/checkout/.venv/bin/python
    python benchmarks/cluster_scale.py --copies 1 10 --modes repeat --cap 60

The same-day sets are made of the real GDELT sample's 1,562 rows
(``tests/data/realdata/gdelt``, 15 minutes of 2026-01-01), copied ``--copies``
times (1, 10, 100: 1,562, 15,620 and 156,200 events), every copy reported by
another article (a source URL of its own). ``--modes``:

- ``repeat``: the copies as they are (what issue 14 measured: a day repeats
  its events, one row per article);
- ``place``: each copy takes its place from another row, so every row's
  actors act in up to 100 places: large casts of distinct profiles;
- ``target``: a coded event's copy also takes its target from another row:
  many casts sharing an actor.

Each run is a fresh process (this script with ``--child``) of the tree's
interpreter, and of ``--baseline`` (another checkout's interpreter) side by
side: the events are built, then ``cluster`` is timed, in wall-clock and in
the process's CPU time (on a machine shared with other jobs the wall clock
shows the share of a core the process got, the CPU time its work). Memory is the
process's peak resident set (``ru_maxrss``) and its resident set before
clustering (the events themselves); a digest of the groups shows whether both
trees group alike, and the pairs scored (``_compare`` calls, a profile with itself
included) how much work the bounds left. Each mode ends with the exponent of the
growth from its second largest size to its largest (time ~ n^k). The baseline
is stopped after ``--cap`` seconds, and larger sizes of a mode are not run once
it was stopped or failed; every run's address
space is capped at ``--memory-mb`` (a ``MemoryError`` rather than the machine's
memory: the baseline holds every candidate pair).
"""

from __future__ import annotations

import argparse
import hashlib
import json
import math
import resource
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
SAMPLE = (
    ROOT / "tests" / "data" / "realdata" / "gdelt" / "EVENT_V2_20260101000000_20260101000100.csv"
)


def same_day_set(copies: int, mode: str) -> list[Any]:
    """The sample's rows ``copies`` times, as the module docstring says."""
    import attrs

    import secevents as se
    from secevents.interop import read_gdelt

    rows = list(read_gdelt(str(SAMPLE)))
    size = len(rows)
    out: list[Any] = []
    for copy in range(copies):
        for index, row in enumerate(rows):
            if not copy:
                out.append(row)
                continue
            changes: dict[str, Any] = {"sources": (se.Source(url=f"https://x.org/{copy}/{index}"),)}
            if mode in ("place", "target"):
                changes["location"] = rows[(index * 7 + copy * 31) % size].location
            if mode == "target" and isinstance(row, se.CodedEvent):
                changes["target"] = getattr(rows[(index * 13 + copy * 17) % size], "target", None)
            out.append(attrs.evolve(row, **changes))
    return out


def _resident_mb() -> float:
    with open("/proc/self/statm") as handle:
        pages = int(handle.read().split()[1])
    return pages * resource.getpagesize() / 1e6


def child(copies: int, mode: str) -> None:
    import importlib

    from secevents.linking.merging import cluster

    events = same_day_set(copies, mode)
    # Count the pairs scored (a node with itself included), in either tree.
    clusters = importlib.import_module("secevents.linking._clusters")
    scored, compare = 0, clusters.__dict__["_compare"]

    def counting(a: Any, b: Any) -> Any:
        nonlocal scored
        scored += 1
        return compare(a, b)

    setattr(clusters, "_compare", counting)  # noqa: B010 (a name the module does not export)
    position = {id(event): index for index, event in enumerate(events)}
    before = _resident_mb()
    start, cpu = time.perf_counter(), time.process_time()
    try:
        groups = cluster(events)
    except MemoryError:
        print(json.dumps({"error": "MemoryError", "seconds": time.perf_counter() - start}))
        return
    seconds, cpu = time.perf_counter() - start, time.process_time() - cpu
    shape = [[position[id(event)] for event in group] for group in groups]
    print(
        json.dumps(
            {
                "events": len(events),
                "groups": len(groups),
                "scored": scored,
                "seconds": seconds,
                "cpu": cpu,
                "before_mb": before,
                "peak_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
                "digest": hashlib.sha1(repr(shape).encode()).hexdigest()[:10],
            }
        )
    )


def run(python: str, copies: int, mode: str, cap: float | None, memory_mb: int) -> dict[str, Any]:
    command = [python, str(Path(__file__).resolve()), "--child", str(copies), mode]

    def limit_memory() -> None:  # a MemoryError in the child, not the machine's OOM killer
        size = memory_mb * 2**20
        resource.setrlimit(resource.RLIMIT_AS, (size, size))

    try:
        done = subprocess.run(
            command,
            capture_output=True,
            text=True,
            timeout=cap,
            cwd="/",
            check=False,
            preexec_fn=limit_memory,
        )
    except subprocess.TimeoutExpired:
        return {"error": f"stopped after {cap:.0f} s"}
    if done.returncode != 0:
        last = (done.stderr.strip().splitlines() or ["?"])[-1]
        return {"error": f"exit {done.returncode}: {last[:80]}"}
    result: dict[str, Any] = json.loads(done.stdout.strip().splitlines()[-1])
    return result


def show(label: str, result: dict[str, Any]) -> str:
    if "error" in result:
        return f"  {label:<9} {result['error']}"
    return (
        f"  {label:<9} {result['events']:>7} events {result['seconds']:7.2f} s "
        f"(CPU {result['cpu']:6.2f} s)  "
        f"peak RSS {result['peak_mb']:6.0f} MB (events held: {result['before_mb']:5.0f} MB)  "
        f"{result['scored']:>9,} pairs scored  {result['groups']:>6} groups  [{result['digest']}]"
    )


def growth(label: str, results: list[dict[str, Any]]) -> str:
    """The exponent of the time's growth from the second largest size to the largest."""
    done = [result for result in results if "error" not in result]
    if len(done) < 2:
        return f"  {label:<9} growth: fewer than two sizes ran"
    small, large = done[-2], done[-1]
    scale = math.log(large["events"] / small["events"])
    wall = math.log(large["seconds"] / small["seconds"]) / scale
    cpu = math.log(large["cpu"] / small["cpu"]) / scale
    return (
        f"  {label:<9} growth {small['events']:,} -> {large['events']:,} events: "
        f"time ~ n^{wall:.2f} (wall), n^{cpu:.2f} (CPU)"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--copies", type=int, nargs="+", default=[1, 10, 100])
    parser.add_argument("--modes", nargs="+", default=["repeat", "place", "target"])
    parser.add_argument("--baseline", help="another checkout's python (e.g. main's .venv)")
    parser.add_argument("--cap", type=float, default=300.0, help="seconds a baseline run may take")
    parser.add_argument(
        "--memory-mb", type=int, default=6000, help="address space each run may take"
    )
    parser.add_argument("--child", nargs=2, metavar=("COPIES", "MODE"), help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        child(int(args.child[0]), args.child[1])
        return
    print(f"{time.strftime('%Y-%m-%d %H:%M UTC', time.gmtime())}, python {sys.version.split()[0]}")
    for mode in args.modes:
        print(f"== {mode}")
        baseline_stopped = False
        runs: dict[str, list[dict[str, Any]]] = {"this tree": [], "baseline": []}
        for copies in sorted(args.copies):
            result = run(sys.executable, copies, mode, None, args.memory_mb)
            runs["this tree"].append(result)
            print(show("this tree", result), flush=True)
            if args.baseline and not baseline_stopped:
                result = run(args.baseline, copies, mode, args.cap, args.memory_mb)
                runs["baseline"].append(result)
                baseline_stopped = "error" in result
                print(show("baseline", result), flush=True)
            elif args.baseline:
                print("  baseline  not run (stopped or failed at a smaller size)")
        for label, results in runs.items():
            print(growth(label, results))


if __name__ == "__main__":
    main()
