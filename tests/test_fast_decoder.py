"""The generated fast decoders accept and build exactly what the detailed hooks do."""

from __future__ import annotations

from typing import Any

from hypothesis import given
from hypothesis import strategies as st

import secevents as se
from secevents.testing import events, json_values

FAST = se.get_converter()
DETAILED = se.get_converter(detailed_validation=True)


def outcome(converter: Any, data: Any) -> tuple[str, Any]:
    try:
        return ("ok", converter.structure(data, se.Event))
    except Exception:
        return ("error", None)


def paths(data: Any, prefix: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    """Every key/index path into a JSON value."""
    found = [prefix]
    if isinstance(data, dict):
        for key, value in data.items():
            found += paths(value, (*prefix, key))
    elif isinstance(data, list):
        for index, value in enumerate(data):
            found += paths(value, (*prefix, index))
    return found


def replaced(data: Any, path: tuple[Any, ...], value: Any) -> Any:
    if not path:
        return value
    head, *rest = path
    if isinstance(data, dict):
        return {**data, head: replaced(data[head], tuple(rest), value)}
    copy = list(data)
    copy[head] = replaced(copy[head], tuple(rest), value)
    return copy


@given(st.data())
def test_fast_and_detailed_decoders_agree_on_damaged_events(data: st.DataObject) -> None:
    wire = se.to_dict(data.draw(events()))
    path = data.draw(st.sampled_from(paths(wire)[1:]))
    damaged = replaced(wire, path, data.draw(json_values()))
    fast, detailed = outcome(FAST, damaged), outcome(DETAILED, damaged)
    assert fast == detailed, (path, damaged)


@given(st.data())
def test_fast_and_detailed_decoders_agree_on_removed_keys(data: st.DataObject) -> None:
    wire = se.to_dict(data.draw(events()))
    path = data.draw(st.sampled_from(paths(wire)[1:]))
    parent = wire
    for step in path[:-1]:
        parent = parent[step]
    if isinstance(parent, dict):
        parent.pop(path[-1])
    assert outcome(FAST, wire) == outcome(DETAILED, wire)


def test_null_for_a_field_with_a_non_null_default_is_refused_by_both() -> None:
    data: dict[str, Any] = {"type": "joint_exercise", "troops": {"value": 1, "qualifier": None}}
    assert outcome(FAST, data)[0] == outcome(DETAILED, data)[0] == "error"
    kept: dict[str, Any] = {"type": "statement", "type_extra": 1, "content": "kept"}
    assert outcome(FAST, kept) == outcome(DETAILED, kept)
    assert outcome(FAST, kept)[0] == "ok"
