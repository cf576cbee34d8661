"""Where secevents spends its decoding and encoding time: cProfile over the benchmark corpus.

Run from the repository root::

    python benchmarks/profile_serialize.py [--events 20000] [--top 30]

Prints the functions with the most own time, and the most cumulative time, for
``se.from_dict(orjson.loads(line))`` over every line, then for
``orjson.dumps(se.to_dict(event))`` over every event.
"""

from __future__ import annotations

import argparse
import cProfile
import gc
import io
import pstats
from collections.abc import Callable, Sequence
from typing import Any

import orjson
from _corpus import corpus_lines, make_events

import secevents as se


def profile(label: str, work: Callable[[], Any], top: int) -> None:
    """Profile one call of ``work`` and print its top functions by own and cumulative time."""
    gc.collect()
    profiler = cProfile.Profile()
    profiler.enable()
    work()
    profiler.disable()
    for order in ("tottime", "cumulative"):
        out = io.StringIO()
        stats = pstats.Stats(profiler, stream=out)
        stats.sort_stats(order).print_stats(top)
        print(f"### {label}, by {order}\n{out.getvalue()}", flush=True)


def main(argv: Sequence[str] | None = None) -> None:
    """Build the corpus, warm the converters up, then profile decoding and encoding."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--events", type=int, default=20_000, help="corpus size (20000)")
    parser.add_argument("--top", type=int, default=30, help="functions listed (30)")
    parser.add_argument("--seed", type=int, default=2021, help="corpus seed (2021)")
    args = parser.parse_args(argv)

    lines = corpus_lines(make_events(args.events, args.seed))
    for line in lines[:100]:  # build the converters and load the code tables
        se.to_dict(se.from_dict(orjson.loads(line)))
    events: list[Any] = []

    def decode() -> None:
        events.extend(se.from_dict(orjson.loads(line)) for line in lines)

    def encode() -> None:
        for event in events:
            orjson.dumps(se.to_dict(event))

    profile(f"decode {len(lines):,} events", decode, args.top)
    profile(f"encode {len(events):,} events", encode, args.top)


if __name__ == "__main__":
    main()
