"""Build the seed corpora of the fuzzers from the tests' data: ``python fuzz/seeds.py [DIR]``.

Each target gets a folder (default ``fuzz/corpus/<target>``) of small inputs: the
golden events, the news reports of the test corpus, the real dataset samples,
and hand-written hostile cases (repeated keys, huge numbers, deep nesting, bombs).
A reader's input starts with one byte that says how the file is packed (see
``targets._write``): 0 for a plain file.
"""

from __future__ import annotations

import hashlib
import io
import json
import sys
from collections.abc import Iterable
from pathlib import Path

import secevents as se
import secevents.interop as interop

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "tests" / "data"
GOLDEN = ROOT / "tests" / "golden" / "seed_events.jsonl"
MAX_SEED = 48_000

HOSTILE_JSON = [
    b'{"type":"statement","type":"statement","content":"a","content":"b"}',
    b'{"type":"statement","x":123456789012345678901234567890,"y":[NaN]}',
    b'{"type":"statement","tags":[],"x":1}',
    b'{"type":"statement","x":' + b"[" * 600 + b"]" * 600 + b"}",
    b'{"type":"statement","content":"\\ud800","x":1e400}',
    b'{"type":"joint_exercise","troops":{"value":' + b"9" * 5000 + b"}}",
    b'{"type":"coded_event","scheme":"gdelt","code":"190","id":"coded_event--x"}',
]
HOSTILE_TEXT = [
    "drills\ud800 near Kulob",
    "." * 4000,
    "Drills near Ko\u0308ln and Ku\u200blob; Sa'eed\x00 Iravani, Iran\u202e's ambassador, said.",
    "Russian and Tajik troops held joint drills near Kulob on Monday.",
    "U.S. " * 400 + "!?" * 400,
]


def _lines(path: Path, count: int) -> bytes:
    with path.open("rb") as handle:
        return b"".join(line for _, line in zip(range(count), handle, strict=False))


def _golden() -> list[se.Event]:
    return list(se.read_jsonl(GOLDEN))


def _written(write: str, events: Iterable[se.Event]) -> bytes:
    out = io.StringIO()
    getattr(interop, write)(list(events), out)
    return out.getvalue().encode()


def seeds() -> dict[str, list[bytes]]:
    """The seed inputs of every target."""
    corpus = [json.loads(p.read_text(encoding="utf-8")) for p in sorted(DATA.glob("corpus/*.json"))]
    texts = [str(item["text"]) for item in corpus] + HOSTILE_TEXT
    golden = _golden()
    gold_lines = GOLDEN.read_bytes().splitlines()
    plover = json.loads((DATA / "realdata" / "plover" / "PLOVER_GSR_CAMEO.json").read_text())
    plover_lines = "\n".join(json.dumps(record) for record in plover[:60]).encode()
    gdelt = next((DATA / "realdata" / "gdelt").glob("*.csv"))
    ucdp = next((DATA / "realdata" / "ucdp").glob("*.csv"))
    plain = b"\x00"
    return {
        "loads": [*gold_lines, *HOSTILE_JSON],
        "extract": [text.encode("utf-8", "surrogatepass")[:MAX_SEED] for text in texts],
        "normalizers": [
            sentence.encode("utf-8", "surrogatepass")
            for text in texts
            for sentence in text.split(". ")[:20]
        ],
        "gdelt": [plain + _lines(gdelt, 20), plain + _written("write_gdelt", golden)],
        "icews": [plain + _written("write_icews", golden)],
        "ucdp": [plain + _lines(ucdp, 15), b"\x02" + _lines(ucdp, 5)],
        "acled": [plain + _written("write_acled", golden)],
        "csv": [plain + _written("write_csv", golden), b"\x02" + _written("write_csv", golden)],
        "plover": [plain + plover_lines[:MAX_SEED], b"\x04" + json.dumps(plover[:20]).encode()],
        "jsonl": [plain + b"\n".join(gold_lines), plain + b"\n".join(HOSTILE_JSON)],
    }


def main(argv: list[str]) -> None:
    target_dir = Path(argv[1]) if len(argv) > 1 else Path(__file__).parent / "corpus"
    for name, inputs in seeds().items():
        folder = target_dir / name
        folder.mkdir(parents=True, exist_ok=True)
        for data in inputs:
            (folder / hashlib.sha1(data).hexdigest()).write_bytes(data[:MAX_SEED])
        print(f"{name}: {len(inputs)} seeds in {folder}")


if __name__ == "__main__":
    main(sys.argv)
