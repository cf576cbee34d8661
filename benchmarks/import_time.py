"""How long ``import secevents`` takes, this checkout against a baseline, side by side.

Run: ``python benchmarks/import_time.py [--baseline REF|DIR] [--rounds N] [--instructions]``.
The baseline is a git ref (``main`` by default) whose ``src/`` is exported with ``git
archive`` into a temporary directory, or a checkout directory (its ``src/`` is used).
Both run on this interpreter, with the same installed packages: only ``src/`` differs.

Byte code is cached as a user's installation caches it: ``PYTHONDONTWRITEBYTECODE`` is
dropped, ``PYTHONPYCACHEPREFIX`` points to a private directory, and each checkout is
imported once before anything is measured. Each round then runs every scenario of each
checkout once in a fresh interpreter, the checkouts alternating so that a noisy machine
slows both alike: the CPU time (user + system) beyond an interpreter that runs ``pass``
(a busy machine inflates it less than wall time), and the ``-X importtime`` cumulative
time of the ``secevents`` line (wall). Scenarios: the import alone, the import and a
first event made and compared (the model's deferred work: checks, ``==``), the import
and a first event written and read back (the wire layer, loaded on first use).
``--instructions`` also counts the instructions of the import alone with valgrind's
callgrind (beyond ``pass``), which a busy machine does not change at all.
"""

from __future__ import annotations

import argparse
import os
import re
import resource
import shutil
import statistics
import subprocess
import sys
import tarfile
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BUDGET_MS = 100.0
SCENARIOS = {
    "import secevents": "import secevents",
    "+ first event, ==": (
        "import secevents as se\n"
        "a = se.Statement(content='x', speaker=se.Actor.state('RUS'))\n"
        "assert a == se.Statement(content='x', speaker=se.Actor.state('RUS')) and repr(a)"
    ),
    "+ dumps, loads": (
        "import secevents as se\n"
        "a = se.Statement(content='x', speaker=se.Actor.state('RUS'))\n"
        "assert se.loads(se.dumps(a)) == a"
    ),
}


def _environment(src: Path, cache: Path) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    return {**env, "PYTHONPATH": str(src), "PYTHONPYCACHEPREFIX": str(cache)}


def _cpu_ms(code: str, env: dict[str, str], *options: str) -> tuple[float, str]:
    """CPU milliseconds of a fresh interpreter running ``code``, and its stderr."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    done = subprocess.run(
        [sys.executable, *options, "-c", code], capture_output=True, text=True, env=env, check=True
    )
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    used = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return used * 1000, done.stderr


def import_times(env: dict[str, str]) -> dict[str, int]:
    """Cumulative import time in µs of every module ``import secevents`` loads."""
    _, stderr = _cpu_ms("import secevents", env, "-X", "importtime")
    times: dict[str, int] = {}
    for line in stderr.splitlines():
        if not line.startswith("import time:") or "cumulative" in line:
            continue
        _, cumulative, name = (part.strip() for part in line[len("import time:") :].split("|"))
        times[name.strip()] = int(cumulative)
    return times


def instructions(code: str, env: dict[str, str]) -> int:
    """Instructions valgrind's callgrind counts for a fresh interpreter running ``code``."""
    done = subprocess.run(
        ["valgrind", "--tool=callgrind", "--callgrind-out-file=/dev/null",
         sys.executable, "-c", code],
        capture_output=True, text=True, env=env, check=True,
    )  # fmt: skip
    found = re.search(r"Collected : (\d+)", done.stderr)
    if found is None:
        raise RuntimeError(f"no instruction count in callgrind's output: {done.stderr[-500:]}")
    return int(found.group(1))


def export(ref: str, into: Path) -> Path:
    """The ``src/`` of git ref ``ref`` (or of the checkout directory ``ref``), under ``into``."""
    if Path(ref, "src", "secevents").is_dir():
        return Path(ref, "src").resolve()
    archive = into / "src.tar"
    with archive.open("wb") as out:
        subprocess.run(["git", "archive", ref, "src"], cwd=ROOT, stdout=out, check=True)
    with tarfile.open(archive) as tar:
        tar.extractall(into, filter="data")
    return into / "src"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--baseline", default="main", help="git ref or checkout dir (main)")
    parser.add_argument("--rounds", type=int, default=15, help="runs of each scenario (15)")
    parser.add_argument(
        "--instructions", action="store_true", help="also count instructions (valgrind)"
    )
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        sources = {"baseline": export(args.baseline, Path(tmp)), "this checkout": ROOT / "src"}
        envs = {
            name: _environment(src, Path(tmp, f"pycache-{index}"))
            for index, (name, src) in enumerate(sources.items())
        }
        for env in envs.values():  # warm: write the byte code once
            for code in SCENARIOS.values():
                _cpu_ms(code, env)
        cpu: dict[tuple[str, str], list[float]] = {(n, s): [] for n in envs for s in SCENARIOS}
        wall: dict[str, list[float]] = {name: [] for name in envs}
        last: dict[str, int] = {}
        for _ in range(args.rounds):
            for name, env in envs.items():
                empty = _cpu_ms("pass", env)[0]
                for scenario, code in SCENARIOS.items():
                    cpu[name, scenario].append(_cpu_ms(code, env)[0] - empty)
                last = import_times(env)
                wall[name].append(last["secevents"] / 1000)
        counted = {}
        if args.instructions and shutil.which("valgrind"):
            for name, env in envs.items():
                empty = instructions("pass", env)
                counted[name] = (instructions("import secevents", env) - empty) / 1e6
    print(f"baseline: {args.baseline}; {args.rounds} fresh interpreters per cell; budget "
          f"{BUDGET_MS:.0f} ms for the import")  # fmt: skip
    print("CPU ms beyond an empty interpreter, median (min):")
    print(f"{'scenario':<20}" + "".join(f"{name:>22}" for name in envs))
    for scenario in SCENARIOS:
        cells = [cpu[name, scenario] for name in envs]
        print(
            f"{scenario:<20}"
            + "".join(f"{statistics.median(c):>14.1f} ({min(c):5.1f})" for c in cells)
        )
    print(
        f"{'-X importtime wall':<20}"
        + "".join(f"{statistics.median(w):>14.1f} ({min(w):5.1f})" for w in wall.values())
    )
    if counted:
        print(f"{'instructions (M)':<20}" + "".join(f"{n:>22.0f}" for n in counted.values()))
    print("\nslowest modules of this checkout (last round, cumulative ms):")
    for module, micros in sorted(last.items(), key=lambda item: -item[1])[1:11]:
        print(f"  {module:<40} {micros / 1000:7.1f}")


if __name__ == "__main__":
    main()
