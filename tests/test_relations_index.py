"""The relation rules find overlapping and nearest events through an index of their
statement spans: the same answers as a pass over all events, in work that grows
with the events, not with their square.
"""

from __future__ import annotations

from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

import secevents as se
from secevents.extraction import relations as relations_module
from secevents.extraction._span_index import FAR, SpanIndex, statements
from secevents.model.events import Event

TEXT = "x" * 400


def _event(spans: list[tuple[int, int]]) -> Event:
    evidence = tuple(se.Evidence.span(TEXT, start, end) for start, end in spans)
    return se.Statement(speaker=se.Actor.state("TJK"), content="Drills.", evidence=evidence)


_SPAN = st.tuples(st.integers(0, 390), st.integers(0, 10)).map(lambda p: (p[0], p[0] + p[1]))
_EVENTS = st.lists(st.lists(_SPAN, max_size=3), max_size=8)


def _brute_overlapping(events: list[Event], spans: list[Any]) -> tuple[int, int] | None:
    pairs = [
        (position, k)
        for position, event in enumerate(events)
        for k, span in enumerate(spans)
        if any(s.start < span.end and span.start < s.end for s in statements(event))
    ]
    return min(pairs, default=None)


def _brute_nearest(events: list[Event], offset: int, excluding: Any) -> tuple[int, int] | None:
    distances = [
        (min((abs(offset - s.start) for s in statements(e)), default=FAR), position)
        for position, e in enumerate(events)
        if e is not excluding
    ]
    return min(distances, default=None)


@given(_EVENTS, st.lists(_SPAN, min_size=1, max_size=3))
def test_first_overlapping_is_the_first_of_a_pass(spans: list[Any], asked: list[Any]) -> None:
    events = [_event(s) for s in spans]
    question = list(statements(_event(asked)))
    index = SpanIndex(events, statements)
    assert index.first_overlapping(question) == _brute_overlapping(events, question)


@given(_EVENTS, st.integers(0, 400), st.integers(-1, 7))
def test_nearest_is_the_first_nearest_of_a_pass(spans: list[Any], offset: int, left: int) -> None:
    events = [_event(s) for s in spans]
    excluding = events[left] if 0 <= left < len(events) else None
    index = SpanIndex(events, statements)
    assert index.nearest(offset, excluding=excluding) == _brute_nearest(events, offset, excluding)


def test_each_event_is_read_once(monkeypatch: pytest.MonkeyPatch) -> None:
    reads: list[int] = []
    real = relations_module.statements  # type: ignore[attr-defined]

    def counting(event: Event) -> Any:
        reads.append(id(event))
        return real(event)

    monkeypatch.setattr(relations_module, "statements", counting)
    sentence = (
        "Russia denied it would build a military base in Tajikistan. Russian and Tajik "
        "troops held joint drills, part of the Rubezh exercise. Iran protested to Russia "
        "over the drills and the base."
    )
    report = se.extract(" ".join([sentence.replace("Rubezh", f"Rubezh-{k}") for k in range(30)]))
    assert len(report.events) > 30 and report.relations
    assert len(reads) == len(set(reads)) <= len(report.events)
