"""Serialization speed and memory of secevents, side by side with msgspec and pydantic v2.

Run from the repository root::

    python benchmarks/serialize.py                 # 100,000 events, 5 runs
    python benchmarks/serialize.py --events 2000 --runs 1   # smoke run

Every stack decodes the same JSON Lines bytes (with full validation) and
encodes the objects back; the output must equal the input byte for byte.
See benchmarks/README.md for what is measured and how.
"""

from __future__ import annotations

import argparse
import gc
import io
import platform
import statistics
import sys
import time
import tracemalloc
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from importlib.metadata import version
from typing import Any, Final

import _msgspec_models
import _pydantic_models
import msgspec
import orjson
import pydantic
from _corpus import corpus_lines, make_events

import secevents as se

PER_EVENT: Final = "per event"
BATCH: Final = "batch"
GC_ON: Final = "gc on"
GC_PAUSED: Final = "gc paused"
#: The stacks the ratios are taken against, for each family.
REFERENCES: Final = {
    PER_EVENT: ("msgspec", "pydantic v2"),
    BATCH: ("msgspec decode_lines", "pydantic v2 list"),
}
#: The stack the issue's targets are about.
SUBJECT: Final = "secevents from_dict/to_dict"


@dataclass(frozen=True)
class Corpus:
    """One input in the three shapes the stacks read: lines, JSON Lines, a JSON array."""

    lines: list[bytes]
    jsonl: bytes
    array: bytes

    @classmethod
    def of(cls, lines: list[bytes]) -> Corpus:
        """The corpus of these compact JSON lines."""
        return cls(lines, b"".join(line + b"\n" for line in lines), b"[" + b",".join(lines) + b"]")


@dataclass(frozen=True)
class Stack:
    """A way to decode a corpus into objects and encode them back.

    ``write`` gives the encoded output, to compare with ``expected``; ``encode``
    is what is timed: for per-event APIs it drops each event's bytes once made,
    as a writer does (keeping 80 MB of small outputs alive would time the
    allocator rather than the encoder).
    """

    name: str
    family: str
    decode: Callable[[Corpus], list[Any]]
    write: Callable[[list[Any]], object]
    expected: Callable[[Corpus], object]
    encode: Callable[[list[Any]], object]

    @classmethod
    def per_event(
        cls,
        name: str,
        decode: Callable[[bytes], Any],
        encode: Callable[[Any], bytes | str],
        expected: Callable[[Corpus], object],
    ) -> Stack:
        """A stack whose API decodes and encodes one event at a time."""

        def encode_each(objects: list[Any]) -> None:
            for obj in objects:
                encode(obj)

        return cls(
            name,
            PER_EVENT,
            lambda c: [decode(line) for line in c.lines],
            lambda objects: [encode(obj) for obj in objects],
            expected,
            encode_each,
        )

    @classmethod
    def batch(
        cls,
        name: str,
        decode: Callable[[Corpus], list[Any]],
        encode: Callable[[list[Any]], bytes],
        expected: Callable[[Corpus], bytes],
    ) -> Stack:
        """A stack whose API decodes and encodes a whole stream."""
        return cls(name, BATCH, decode, encode, expected, encode)


@dataclass(frozen=True)
class Timing:
    """Seconds spent decoding and encoding the whole corpus once."""

    stack: str
    mode: str
    run: int
    decode: float
    encode: float

    @property
    def round_trip(self) -> float:
        """Decode then encode."""
        return self.decode + self.encode


def stacks() -> list[Stack]:
    """Every stack measured, per-event APIs first, then the batch APIs."""
    from_dict, to_dict, loads, dumps = se.from_dict, se.to_dict, orjson.loads, orjson.dumps
    m_decoder = msgspec.json.Decoder(_msgspec_models.EVENT)
    m_encoder = msgspec.json.Encoder()
    p_one: pydantic.TypeAdapter[Any] = pydantic.TypeAdapter(_pydantic_models.EVENT)
    p_list: pydantic.TypeAdapter[list[Any]] = pydantic.TypeAdapter(list[_pydantic_models.EVENT])

    def p_encode(obj: pydantic.BaseModel) -> bytes:
        return obj.__pydantic_serializer__.to_json(obj, exclude_defaults=True)

    def se_write(events: list[Any]) -> bytes:
        stream = io.BytesIO()
        se.write_jsonl(events, stream)
        return stream.getvalue()

    return [
        Stack.per_event(
            SUBJECT,
            lambda line: from_dict(loads(line)),
            lambda obj: dumps(to_dict(obj)),
            lambda c: c.lines,
        ),
        Stack.per_event(
            "secevents loads/dumps (str)",
            se.loads,
            se.dumps,
            lambda c: [line.decode() for line in c.lines],
        ),
        Stack.per_event("msgspec", m_decoder.decode, m_encoder.encode, lambda c: c.lines),
        Stack.per_event("pydantic v2", p_one.validate_json, p_encode, lambda c: c.lines),
        Stack.batch(
            "secevents read_jsonl/write_jsonl",
            lambda c: list(se.read_jsonl(io.BytesIO(c.jsonl))),
            se_write,
            lambda c: c.jsonl,
        ),
        Stack.batch(
            "msgspec decode_lines",
            lambda c: m_decoder.decode_lines(c.jsonl),
            m_encoder.encode_lines,
            lambda c: c.jsonl,
        ),
        Stack.batch(
            "pydantic v2 list",
            lambda c: p_list.validate_json(c.array),
            lambda objs: p_list.dump_json(objs, exclude_defaults=True),
            lambda c: c.array,
        ),
    ]


# -- measuring -----------------------------------------------------------------------


def verify(stack: Stack, corpus: Corpus) -> None:
    """Decode the corpus and encode it back: the output must be the input, byte for byte."""
    if stack.write(stack.decode(corpus)) != stack.expected(corpus):
        raise AssertionError(f"{stack.name}: the round trip changed the bytes")


def measure(stack: Stack, corpus: Corpus, mode: str, run: int) -> Timing:
    """Time one decode of the corpus (objects kept, as a load does) and one encode of it."""
    gc.collect()
    if mode == GC_PAUSED:
        gc.disable()
    try:
        start = time.perf_counter()
        objects = stack.decode(corpus)
        decoded = time.perf_counter()
        stack.encode(objects)
        encoded = time.perf_counter()
    finally:
        gc.enable()
    return Timing(stack.name, mode, run, decoded - start, encoded - decoded)


def held_memory(stack: Stack, corpus: Corpus) -> int:
    """Bytes still allocated (tracemalloc) while the decoded objects are alive."""
    gc.collect()
    tracemalloc.start()
    try:
        objects = stack.decode(corpus)
        gc.collect()
        held, _ = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    del objects
    return held


# Top-level changes to a valid event, each of which every stack must reject.
_VALID: Final = {
    "type": "statement",
    "id": "statement--8684a037-f076-5833-a330-2ff8dab7e61e",
    "schema_version": 1,
    "speaker": {"kind": "person", "name": "Wang Yi", "country": "CHN"},
    "content": "No comment.",
}
SHARED_CHECKS: Final[Sequence[tuple[str, dict[str, Any]]]] = (
    ("unknown type", {"type": "parade"}),
    ("malformed id", {"id": "statement--1"}),
    ("confidence 1.5", {"confidence": 1.5}),
    ("int as string", {"evidence": [{"start": "0", "end": 2, "text": "No"}]}),
    ("string for a list", {"tags": "border"}),
    ("unknown enum value", {"factuality": "ACTUAL"}),
    ("unknown country code", {"location": {"country": "XXX"}}),
    ("bad short code", {"speaker": {"kind": "organization", "code": "csto"}}),
    ("not EDTF", {"date": "23 Oct 2021"}),
    ("blank text", {"speaker": {"kind": "person", "name": "  "}}),
)
# Checks secevents makes that the rival models do not declare (shown, not required).
OWN_CHECKS: Final[Sequence[tuple[str, dict[str, Any]]]] = (
    ("impossible date 2021-02-30", {"date": "2021-02-30"}),
    ("interval ending before it starts", {"date": "2021-10-30/2021-10-23"}),
    ("actor with neither name nor code", {"speaker": {"kind": "person"}}),
    ("state actor code not a country", {"speaker": {"kind": "state", "code": "CSTO"}}),
    ("evidence text of the wrong length", {"evidence": [{"start": 0, "end": 9, "text": "No"}]}),
    (
        "money as a float",
        {
            "type": "base_construction",
            "id": "base_construction--8684a037-f076-5833-a330-2ff8dab7e61e",
            "speaker": None,
            "cost": {"amount": 8.6e6, "currency": "USD", "qualifier": "exact"},
        },
    ),
    ("lat without lon", {"location": {"lat": 38.5, "country": "TJK"}}),
)


def rejects(stack: Stack, data: dict[str, Any]) -> bool:
    """True if the stack refuses this event."""
    line = orjson.dumps({key: value for key, value in data.items() if value is not None})
    try:
        stack.decode(Corpus.of([line]))
    except (se.ValidationError, msgspec.ValidationError, pydantic.ValidationError):
        return True
    return False


def check_validation(all_stacks: Sequence[Stack]) -> list[str]:
    """Make sure every stack accepts the valid event and refuses the shared bad ones."""
    report = []
    for stack in all_stacks:
        if rejects(stack, _VALID):
            raise AssertionError(f"{stack.name} rejects a valid event")
        missed = [label for label, change in SHARED_CHECKS if not rejects(stack, _VALID | change)]
        if missed:
            raise AssertionError(f"{stack.name} accepts invalid events: {missed}")
    per_event = [stack for stack in all_stacks if stack.family == PER_EVENT]
    for label, change in OWN_CHECKS:
        refused = [stack.name for stack in per_event if rejects(stack, _VALID | change)]
        report.append(f"- {label}: refused by {', '.join(refused) or 'none'}")
    return report


# -- reporting -----------------------------------------------------------------------


def _rate(count: int, seconds: float) -> str:
    rate = count / seconds
    return f"{rate / 1000:,.1f}k" if rate < 1e6 else f"{rate / 1e6:,.2f}M"


def _encode(timing: Timing) -> float:
    return timing.encode


def _decode(timing: Timing) -> float:
    return timing.decode


def _round_trip(timing: Timing) -> float:
    return timing.round_trip


def _ratio(
    timings: Sequence[Timing],
    stack: str,
    reference: str,
    mode: str,
    part: Callable[[Timing], float],
) -> float:
    """Median over runs of (stack speed / reference speed) within each run."""
    by_run = {(t.stack, t.run): part(t) for t in timings if t.mode == mode}
    runs = sorted({t.run for t in timings})
    return statistics.median(by_run[reference, run] / by_run[stack, run] for run in runs)


def speed_table(timings: Sequence[Timing], all_stacks: Sequence[Stack], count: int) -> list[str]:
    """The Markdown table of median events/s and ratios, per gc mode and stack."""
    rows = [
        "| gc | stack | encode ev/s | decode ev/s | round trip ev/s "
        "| rt × msgspec | rt × pydantic | dec × msgspec | dec × pydantic |",
        "|---|---|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for mode in (GC_ON, GC_PAUSED):
        for stack in all_stacks:
            mine = [t for t in timings if t.stack == stack.name and t.mode == mode]
            medians = [
                statistics.median(part(t) for t in mine) for part in (_encode, _decode, _round_trip)
            ]
            ratios = [
                _ratio(timings, stack.name, reference, mode, part)
                for part in (_round_trip, _decode)
                for reference in REFERENCES[stack.family]
            ]
            rows.append(
                f"| {mode} | {stack.name} | "
                + " | ".join(_rate(count, seconds) for seconds in medians)
                + " | "
                + " | ".join(f"{ratio:.2f}" for ratio in ratios)
                + " |"
            )
    return rows


def memory_table(memory: dict[str, int], count: int) -> list[str]:
    """The Markdown table of memory held by the decoded events."""
    reference = memory["msgspec"]
    rows = ["| stack | MB held | bytes/event | × msgspec |", "|---|---:|---:|---:|"]
    rows.extend(
        f"| {name} | {held / 1e6:,.1f} | {held / count:,.0f} | {held / reference:.2f} |"
        for name, held in memory.items()
    )
    return rows


def targets(timings: Sequence[Timing], memory: dict[str, int]) -> list[str]:
    """The issue's targets for secevents' round trip and memory, met or missed."""

    def verdict(ok: bool) -> str:
        return "met" if ok else "MISSED"

    lines = []
    for mode in (GC_ON, GC_PAUSED):
        vs_msgspec = _ratio(timings, SUBJECT, "msgspec", mode, _round_trip)
        vs_pydantic = _ratio(timings, SUBJECT, "pydantic v2", mode, _round_trip)
        lines.append(
            f"- {mode}: round trip {vs_msgspec:.2f}× msgspec (target >= 0.5: "
            f"{verdict(vs_msgspec >= 0.5)}), {vs_pydantic:.2f}× pydantic v2 "
            f"(target >= 2: {verdict(vs_pydantic >= 2)})"
        )
    held = memory[SUBJECT] / memory["msgspec"]
    lines.append(f"- memory held: {held:.2f}× msgspec (target <= 1.1: {verdict(held <= 1.1)})")
    return lines


# -- main ----------------------------------------------------------------------------


def _rotated(items: Sequence[Stack], by: int) -> list[Stack]:
    by %= len(items)
    return [*items[by:], *items[:by]]


def _print(lines: Iterable[str]) -> None:
    print("\n".join(lines), flush=True)


def main(argv: Sequence[str] | None = None) -> None:
    """Build the corpus, check the stacks agree, time them, measure memory, print tables."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--events", type=int, default=100_000, help="corpus size (100000)")
    parser.add_argument("--runs", type=int, default=5, help="interleaved runs (5)")
    parser.add_argument("--seed", type=int, default=2021, help="corpus seed (2021)")
    args = parser.parse_args(argv)

    started = time.perf_counter()
    corpus = Corpus.of(corpus_lines(make_events(args.events, args.seed)))
    gc.collect()
    average = len(corpus.jsonl) / args.events
    _print(
        [
            f"# secevents serialization benchmark: {args.events:,} events "
            f"({average:,.0f} bytes each), {args.runs} runs",
            f"Python {platform.python_version()} on {platform.machine()}, "
            + ", ".join(
                f"{name} {version(name)}"
                for name in ("secevents", "attrs", "cattrs", "orjson", "msgspec", "pydantic")
            ),
            f"corpus built in {time.perf_counter() - started:.1f} s",
        ]
    )

    all_stacks = stacks()
    own_checks = check_validation(all_stacks)
    for stack in all_stacks:  # also warms every stack up
        verify(stack, corpus)

    timings: list[Timing] = []
    for run in range(args.runs):
        for mode in (GC_ON, GC_PAUSED):
            for stack in _rotated(all_stacks, run):
                timings.append(measure(stack, corpus, mode, run))
        print(
            f"run {run + 1}/{args.runs} done at {time.perf_counter() - started:.0f} s",
            file=sys.stderr,
            flush=True,
        )

    memory = {
        stack.name: held_memory(stack, corpus) for stack in all_stacks if stack.family == PER_EVENT
    }

    _print(
        [
            "",
            f"## Speed (medians of {args.runs} interleaved runs; ratios are medians of "
            "per-run ratios; batch rows compare with the batch APIs)",
            *speed_table(timings, all_stacks, args.events),
            "",
            "## Memory held by the decoded events (tracemalloc, after gc.collect())",
            *memory_table(memory, args.events),
            "",
            f"## Targets ({SUBJECT})",
            *targets(timings, memory),
            "",
            "## Checks only secevents makes (every stack refuses the shared ones)",
            *own_checks,
            "",
            f"total {time.perf_counter() - started:.0f} s",
        ]
    )


if __name__ == "__main__":
    main()
