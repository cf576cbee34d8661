"""How long ``import secevents`` takes, this checkout against a baseline, side by side.

Run: ``python benchmarks/import_time.py [--baseline REF] [--rounds N]``. The baseline
is a git ref (``main`` by default) whose ``src/`` is exported with ``git archive``
into a temporary directory. Each round imports each checkout once in a fresh
interpreter (``python -X importtime -c "import secevents"``, the two alternating so
that a noisy machine slows both alike) and reads the cumulative time of the
``secevents`` line (wall-clock), and the CPU time (user + system) the interpreter
spent beyond one that imports nothing, which a machine busy with other work
inflates less. The table gives the medians and the spread, and the modules that
take longest in this checkout.
"""

from __future__ import annotations

import argparse
import os
import resource
import statistics
import subprocess
import sys
import tarfile
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BUDGET_MS = 100.0


def _cpu_ms(code: str, src: Path, *options: str) -> tuple[float, str]:
    """CPU milliseconds of a fresh interpreter running ``code`` with ``src`` first on the path,
    and what it wrote to stderr."""
    env = {**os.environ, "PYTHONPATH": str(src)}
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    done = subprocess.run(
        [sys.executable, *options, "-c", code], capture_output=True, text=True, env=env, check=True
    )
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    used = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return used * 1000, done.stderr


def import_times(src: Path) -> dict[str, int]:
    """Cumulative import time in µs of every module ``import secevents`` loads from ``src``."""
    _, stderr = _cpu_ms("import secevents", src, "-X", "importtime")
    times: dict[str, int] = {}
    for line in stderr.splitlines():
        if not line.startswith("import time:") or "cumulative" in line:
            continue
        _, cumulative, name = (part.strip() for part in line[len("import time:") :].split("|"))
        times[name.strip()] = int(cumulative)
    return times


def export(ref: str, into: Path) -> Path:
    """The ``src/`` of git ref ``ref``, written under ``into``."""
    archive = into / "src.tar"
    with archive.open("wb") as out:
        subprocess.run(["git", "archive", ref, "src"], cwd=ROOT, stdout=out, check=True)
    with tarfile.open(archive) as tar:
        tar.extractall(into, filter="data")
    return into / "src"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--baseline", default="main", help="git ref to compare with (main)")
    parser.add_argument("--rounds", type=int, default=15, help="imports of each checkout (15)")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        sources = {args.baseline: export(args.baseline, Path(tmp)), "this checkout": ROOT / "src"}
        totals: dict[str, list[float]] = {name: [] for name in sources}
        cpu: dict[str, list[float]] = {name: [] for name in sources}
        last: dict[str, int] = {}
        for _ in range(args.rounds):
            for name, src in sources.items():
                last = import_times(src)
                totals[name].append(last["secevents"] / 1000)
                cpu[name].append(_cpu_ms("import secevents", src)[0] - _cpu_ms("pass", src)[0])
    print(f"import secevents, {args.rounds} fresh interpreters each (ms; budget {BUDGET_MS:.0f})")
    print(f"{'checkout':<16} {'median':>8} {'min':>8} {'max':>8} {'CPU median':>11} {'CPU min':>8}")
    for name, values in totals.items():
        print(
            f"{name:<16} {statistics.median(values):8.1f} {min(values):8.1f} {max(values):8.1f}"
            f" {statistics.median(cpu[name]):11.1f} {min(cpu[name]):8.1f}"
        )
    print("\nslowest modules of this checkout (last round, cumulative ms):")
    for module, micros in sorted(last.items(), key=lambda item: -item[1])[1:11]:
        print(f"  {module:<40} {micros / 1000:7.1f}")


if __name__ == "__main__":
    main()
