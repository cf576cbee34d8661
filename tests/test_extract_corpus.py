"""The parser on the development corpus: event F1 must not fall below what it reached.

The matching (type, actor codes, date) is in ``_corpus_match``. The
corpus has two batches: seed and d001-d015, then d016-d054 (2005-2026, varied syntax).
Rules are tuned on seed and d001-d040; d041-d054 were kept back and scored once, at the
end of the work on issue 9 (F1 0.745): its floor only guards against a regression.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import attrs
import pytest

import secevents as se
from _corpus_match import CORE, gold_key, pairing, predicted_key
from secevents.extraction import extract

CORPUS = Path(__file__).parent / "data" / "corpus"
#: Floors per part of the corpus: (file filter, lowest event F1 reached).
FLOORS = {
    "first batch (seed, d001-d015)": (lambda stem: stem == "seed" or stem <= "d015", 0.95),
    "tuning part (seed, d001-d040)": (lambda stem: stem == "seed" or stem < "d041", 0.93),
    "kept-back part (d041-d054)": (lambda stem: "d041" <= stem <= "d054", 0.72),
}


#: Three sets written for stop 26 (30 reports each; ``data/sets/*/README.md``): t12 was
#: tuned on (first look 0.718 on bda4959), h12 kept back, scored once (0.741), then tuned
#: on (0.800), h13 kept back whole from its arrival (0.874 at first look and at the end),
#: then tuned on (0.884). Stop 27 added t14 and h14, stop 28 t15, h15, t16, t17 and t18,
#: stop 29 t19, t20 and h16, stop 30 h17, stop 31 h18, stop 32 h19, stop 33 h20.
SETS = Path(__file__).parent / "data" / "sets"
SET_FLOORS = {
    "t12": 0.84,
    "h12": 0.86,
    "h13": 0.88,
    "t14": 0.9,
    "h14": 0.83,
    # stop 28: t15, t16 and t17 tuned on; h15 kept back whole, scored once at the end (0.800)
    "t15": 0.93,
    "h15": 0.78,
    "t16": 0.81,
    "t17": 0.74,
    # written at the end of stop 28 and scored once (0.754); tuned on in stop 29 (0.800)
    "t18": 0.77,
    # stop 29: t19 and t20 tuned on (first look 0.779 each, 0.897 and 0.864 at the end);
    # h16 kept back whole, scored once at the end (0.742), 0.759 after one rule was narrowed
    "t19": 0.87,
    "t20": 0.84,
    "h16": 0.73,
    # written at the end of stop 29, kept back whole in stop 30: first look 0.787, scored
    # once at the end 0.800
    "h17": 0.78,
    # written at the end of stop 30, kept back whole in stop 31: first look 0.629, 0.667 at
    # the end of the stop's rules, 0.657 after their review
    "h18": 0.65,
    # written at the start of stop 31, kept back whole in stop 32: first look 0.794, 0.765 at
    # the end of the stop's rules
    "h19": 0.74,
    # written at the start of stop 32, kept back whole in stop 33: first look 0.753, scored
    # once at the end of the stop's rules 0.737
    "h20": 0.73,
}
#: How many gold events of the three core types each set holds.
SET_GOLD = {
    "t12": 42,
    "h12": 41,
    "h13": 45,
    "t14": 47,
    "h14": 41,
    "t15": 43,
    "h15": 40,
    "t16": 44,
    "t17": 46,
    "t18": 41,
    "t19": 41,
    "t20": 43,
    "h16": 44,
    "h17": 49,
    "h18": 36,
    "h19": 34,
    "h20": 43,
}


def _score(keep: Any, folder: Path = CORPUS) -> tuple[int, int, int]:
    tp = fp = fn = 0
    for path in sorted(p for p in folder.glob("*.json") if keep(p.stem)):
        doc = json.loads(path.read_text(encoding="utf-8"))
        golds = [gold_key(e) for e in doc["events"] if e["type"] in CORE]
        events = [se.to_dict(e) for e in extract(doc["text"]).events]
        preds = [predicted_key(e) for e in events if e["type"] in CORE]
        hits = len(pairing(golds, preds))
        tp, fp, fn = tp + hits, fp + len(preds) - hits, fn + len(golds) - hits
    return tp, fp, fn


def test_corpus_is_present() -> None:
    assert len(list(CORPUS.glob("*.json"))) == 55


@pytest.mark.parametrize("part", list(FLOORS))
def test_event_f1_stays_at_or_above_the_floor(part: str) -> None:
    keep, floor = FLOORS[part]
    tp, fp, fn = _score(keep)
    precision = tp / (tp + fp) if tp + fp else 0.0
    recall = tp / (tp + fn) if tp + fn else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    assert f1 >= floor, (tp, fp, fn, f1)


@pytest.mark.parametrize("name", list(SET_FLOORS))
def test_event_f1_on_the_later_sets_stays_at_or_above_the_floor(name: str) -> None:
    tp, fp, fn = _score(lambda stem: True, SETS / name)
    assert tp + fn == SET_GOLD[name]  # every gold event is read
    f1 = 2 * tp / (2 * tp + fp + fn)
    assert f1 >= SET_FLOORS[name], (tp, fp, fn, f1)


@pytest.mark.parametrize("path", sorted(CORPUS.glob("*.json")), ids=lambda p: p.stem)
def test_every_report_gives_valid_round_tripping_events(path: Path) -> None:
    doc = json.loads(path.read_text(encoding="utf-8"))
    report = extract(doc["text"])
    assert str(report.published) == doc["published"]
    text = doc["text"]
    for event in report.events:
        assert se.loads(se.dumps(event)) == event
        assert all(text[e.start : e.end] == e.text for e in event.evidence)
        for span in event.evidence:  # whole words, never a single letter
            assert len(span.text) > 1, span
            assert not (
                span.start > 0 and text[span.start - 1].isalnum() and span.text[0].isalnum()
            )
            assert not (
                span.end < len(text) and text[span.end].isalnum() and span.text[-1].isalnum()
            )
        fields = {span.field for span in event.evidence if span.field}
        assert fields <= {a.name for a in attrs.fields(type(event))}, fields
        assert event.confidence is not None and 0.0 <= event.confidence <= 1.0


def test_distractor_reports_give_no_core_events() -> None:
    for name in ("d011", "d014"):
        doc = json.loads((CORPUS / f"{name}.json").read_text(encoding="utf-8"))
        assert [e for e in extract(doc["text"]).events if e.type_tag in CORE] == []
