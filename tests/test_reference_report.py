"""The reference report's four events: built with the API, golden JSON, read back equal."""

from __future__ import annotations

import importlib.util
import json
from pathlib import Path
from types import ModuleType

import secevents as se

ROOT = Path(__file__).resolve().parent.parent
GOLDEN = ROOT / "tests" / "golden" / "seed_events.jsonl"
SEED = ROOT / "tests" / "data" / "corpus" / "seed.json"


def load_example() -> ModuleType:
    path = ROOT / "examples" / "reference_report.py"
    spec = importlib.util.spec_from_file_location("reference_report", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_events_match_the_golden_file() -> None:
    text = json.loads(SEED.read_text(encoding="utf-8"))["text"]
    events = load_example().build_events(text)
    assert [se.dumps(event) for event in events] == GOLDEN.read_text(encoding="utf-8").splitlines()
    assert tuple(se.read_jsonl(GOLDEN)) == events


def test_golden_events_agree_with_the_gold_annotation() -> None:
    seed = json.loads(SEED.read_text(encoding="utf-8"))
    events = list(se.read_jsonl(GOLDEN))
    assert [event.type_tag for event in events] == [gold["type"] for gold in seed["events"]]
    for event, gold in zip(events, seed["events"], strict=True):
        assert (str(event.date) if event.date else None) == gold["date"]
        assert event.location is not None and event.location.country == gold["country"]
        roles: dict[str, list[str]] = {}
        for item in event.actors:
            if item.role in gold["roles"] and item.actor.state_code:
                roles.setdefault(item.role, []).append(item.actor.state_code)
        assert roles == gold["roles"]
        for evidence in event.evidence:
            assert seed["text"][evidence.start : evidence.end] == evidence.text


def test_example_script_runs(capsys: object) -> None:
    assert load_example().main(["reference_report.py", str(SEED)]) == 0
