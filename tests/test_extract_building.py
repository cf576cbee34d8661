"""Nothing lost silently: an event whose field fails validation is kept without that field."""

from __future__ import annotations

import datetime as dt
from typing import Any, ClassVar

import pytest

import secevents as se
from secevents.extraction import Document, Mention, Sentence, extract
from secevents.extraction._building import build_event

DAY = dt.date(2021, 10, 28)


class CarelessSpokespersonRecognizer:
    """A user's recognizer that puts a code where an Actor belongs, and a bad tag."""

    event_type: ClassVar[type[se.Event]] = se.Statement

    def recognize(self, sentence: Sentence, doc: Document) -> list[Mention]:
        at = sentence.text.find("spokesperson")
        if at < 0:
            return []
        hits = doc.actors(sentence)
        fields: dict[str, Any] = {"content": sentence.text}
        if hits:
            fields["speaker"] = hits[0].code  # should be se.Actor.government(code)
        start = sentence.start + at
        return [Mention(se.Statement, sentence, (start, start + 12), fields)]

    def accept(self, event: se.Event) -> bool:
        return True


def test_an_invalid_field_is_emptied_and_the_event_kept() -> None:
    text = "Drills began. A Norwegian spokesperson spoke on Monday."
    report = extract(text, published=DAY, recognizers=[CarelessSpokespersonRecognizer()])
    [event] = report.events  # before: dropped, with only an "invalid_event" warning
    assert isinstance(event, se.Statement)
    assert event.speaker is None
    assert event.content == "A Norwegian spokesperson spoke on Monday."
    assert event.evidence[0].text == event.content
    warned = [w for w in report.warnings if w.startswith("invalid_field")]
    assert warned == [
        f"invalid_field: {event.id}: speaker emptied (expected Actor, got str 'NOR')",
    ]


def test_every_failing_field_is_emptied_and_named() -> None:
    warnings: list[str] = []
    event = build_event(
        se.JointExercise,
        {"name": 5, "participants": ("RUS",), "purpose": "drills", "tags": "x"},
        warnings,
    )
    assert (event.name, event.participants, event.purpose, event.tags) == (None, (), "drills", ())
    emptied = sorted(w.split(": ")[2].split(" ")[0] for w in warnings)
    assert emptied == ["name", "participants", "tags"]
    assert all(w.startswith(f"invalid_field: {event.id}: ") for w in warnings)


class Visit(se.Event):
    """A test type with a required field and a check across fields."""

    type_tag = "test_visit"
    visitor: se.Actor
    host: se.Actor | None = None

    def __attrs_post_init__(self) -> None:
        super().__attrs_post_init__()
        if self.host == self.visitor:
            raise se.FieldError("visitor", "a state does not visit itself")


def test_a_failure_that_emptying_cannot_mend_raises() -> None:
    russia = se.Actor.state("RUS")
    with pytest.raises(ValueError, match=r"cannot build a test_visit event .*visitor: expected"):
        build_event(Visit, {"visitor": "RUS"}, [])  # required: cannot be emptied
    with pytest.raises(ValueError, match="cannot build a test_visit event"):
        build_event(Visit, {}, [])  # missing required field: a TypeError from __init__
    warnings: list[str] = []
    visit = build_event(Visit, {"visitor": russia, "host": "TJK"}, warnings)
    assert visit.host is None and len(warnings) == 1
    with pytest.raises(ValueError, match="a state does not visit itself"):
        build_event(Visit, {"visitor": russia, "host": russia}, [])


def test_valid_fields_build_without_warnings() -> None:
    warnings: list[str] = []
    fields: dict[str, Any] = {"participants": (se.Actor.state("RUS"),), "confidence": 0.5}
    assert build_event(se.JointExercise, fields, warnings) == se.JointExercise(**fields)
    assert warnings == []
