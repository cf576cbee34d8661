"""Property tests: round trips, unknown keys kept in place, stable ids, JSON Lines, EDTF dates.

Objects come from :mod:`secevents.testing`, mostly through ``st.from_type``.
"""

from __future__ import annotations

import io
from collections.abc import Callable
from decimal import Decimal
from typing import IO, Any, ClassVar, TypeVar

import attrs
import orjson
import pytest
from hypothesis import Phase, assume, example, find, given, reject, settings
from hypothesis import strategies as st

import secevents as se
from secevents.testing import date_spans, events, json_values

# The converter is used before the type below exists: types defined later must still work.
WARM_UP = se.loads(se.dumps(se.Statement(content="warm-up")))


class PropTestArmsTransfer(se.Event):
    """A user's type with every kind of field, and no strategy code of its own."""

    type_tag: ClassVar[str] = "prop_test_arms_transfer"

    supplier: se.Actor
    recipient: se.Actor | None = None
    systems: tuple[se.Equipment, ...] = ()
    value: se.Money | None = None
    unit_price: Decimal | None = None
    units: int | None = None
    delivered: bool = False
    weight_tonnes: float = 0.0
    medium: se.Medium | None = None
    notes: tuple[str, ...] = ()
    period: se.DateSpan | None = None


E = TypeVar("E", bound=se.Event)
VALUE_CLASSES = [se.Actor, se.Location, se.Quantity, se.Money, se.Equipment, se.Source, se.Evidence]
EVENT_CLASSES = list(se.registry)  # the built-in types, this module's and those imported so far


def tag(cls: type[se.Event]) -> str:
    return cls.type_tag


def ordered(value: Any) -> Any:
    """``value`` with every object as a list of pairs, so that comparing also compares key order."""
    if isinstance(value, dict):
        return [(key, ordered(item)) for key, item in value.items()]
    if isinstance(value, list):
        return [ordered(item) for item in value]
    return value


def without_id(event: E, **changes: Any) -> E:
    """``event`` re-built with its id computed (and ``changes`` applied)."""
    rebuilt: E = attrs.evolve(event, id="", **changes)
    return rebuilt


# -- round trips -----------------------------------------------------------------


@pytest.mark.parametrize("cls", EVENT_CLASSES, ids=tag)
@given(data=st.data())
def test_every_event_type_round_trips(cls: type[se.Event], data: st.DataObject) -> None:
    event = data.draw(st.from_type(cls))
    assert type(event) is cls
    assert se.loads(se.dumps(event)) == event
    assert se.from_dict(se.to_dict(event)) == event
    assert se.loads(se.dumps(event, indent=True)) == event


@pytest.mark.parametrize("cls", VALUE_CLASSES, ids=lambda cls: cls.__name__)
@given(data=st.data())
def test_every_value_type_round_trips(cls: type[Any], data: st.DataObject) -> None:
    value = data.draw(st.from_type(cls))
    assert type(value) is cls
    assert se.from_dict(se.to_dict(value), cls) == value
    assert se.loads(se.dumps(value), cls) == value


@given(events())
def test_dumps_is_deterministic(event: se.Event) -> None:
    text = se.dumps(event)
    assert se.dumps(event) == text
    assert se.dumps(se.loads(text)) == text


@pytest.mark.parametrize("new_stream", [io.BytesIO, io.StringIO], ids=["bytes", "text"])
@given(batch=st.lists(events(), max_size=5))
def test_json_lines_round_trip(new_stream: Callable[[], IO[Any]], batch: list[se.Event]) -> None:
    stream = new_stream()
    assert se.write_jsonl(batch, stream) == len(batch)
    stream.seek(0)
    assert list(se.read_jsonl(stream)) == batch


# -- a user's type defined late ------------------------------------------------------


@given(st.from_type(PropTestArmsTransfer))
def test_user_type_defined_late_gets_a_strategy(event: PropTestArmsTransfer) -> None:
    assert isinstance(event.supplier, se.Actor)
    assert event.id.startswith("prop_test_arms_transfer--")
    assert se.loads(se.dumps(event)) == event


def test_any_event_strategy_includes_types_defined_later() -> None:
    found = find(
        st.from_type(se.Event),
        lambda event: isinstance(event, PropTestArmsTransfer),
        settings=settings(phases=[Phase.generate], max_examples=1000, database=None),
    )
    assert se.from_dict(se.to_dict(found)) == found


def test_strategy_of_a_type_defined_inside_a_test() -> None:
    class PropTestLocalCell(se.Event):
        type_tag: ClassVar[str] = "prop_test_local_cell"
        count: int
        label: str | None = None

    found = find(st.from_type(PropTestLocalCell), lambda event: event.label is not None)
    assert type(found) is PropTestLocalCell
    assert se.loads(se.dumps(found)) == found


# -- unknown keys ------------------------------------------------------------------

UNKNOWN_NAMES = st.sampled_from(["extra", "x_note", "ext:source", "Type", ""]) | st.text(max_size=8)


@st.composite
def with_unknown_keys(
    draw: st.DrawFn, obj: Any, data: dict[str, Any], path: str = "$", at_least: int = 0
) -> tuple[dict[str, Any], list[str]]:
    """``data`` (the wire dict of ``obj``) with unknown keys at random places, and their paths.

    Keys go into the dicts of ``obj`` and of the value objects nested in it that keep
    unknown keys (the library's classes do; a user's value class without ``extra`` need not).
    """
    paths: list[str] = []
    items: list[tuple[str, Any]] = []
    for key, value in data.items():
        field_value = getattr(obj, key) if key != "type" else None
        if isinstance(value, dict) and attrs.has(type(field_value)):
            value, inner = draw(with_unknown_keys(field_value, value, f"{path}.{key}"))
            paths += inner
        elif isinstance(value, list) and isinstance(field_value, tuple):
            value = list(value)
            for index, (item_obj, item) in enumerate(zip(field_value, value, strict=True)):
                if isinstance(item, dict) and attrs.has(type(item_obj)):
                    value[index], inner = draw(
                        with_unknown_keys(item_obj, item, f"{path}.{key}[{index}]")
                    )
                    paths += inner
        items.append((key, value))
    if "extra" not in attrs.fields_dict(type(obj)):
        return dict(items), paths
    known = {field.name for field in attrs.fields(type(obj)) if field.name != "extra"} | {"type"}
    added = draw(
        st.lists(
            st.tuples(
                UNKNOWN_NAMES.filter(lambda name: name not in known),
                json_values(),
                st.integers(0, len(items)),
            ),
            min_size=at_least,
            max_size=2,
            unique_by=lambda entry: entry[0],
        )
    )
    for name, value, position in sorted(added, key=lambda entry: -entry[2]):
        items.insert(position, (name, value))
        paths.append(f"{path}.{name}")
    return dict(items), paths


@given(data=st.data())
def test_unknown_keys_are_written_back_in_place(data: st.DataObject) -> None:
    event = data.draw(events())
    wire, _ = data.draw(with_unknown_keys(event, se.to_dict(event), at_least=1))
    back = se.to_dict(se.from_dict(wire))
    assert back == wire
    assert ordered(back) == ordered(wire)


@given(data=st.data())
def test_strict_mode_names_the_unknown_keys(data: st.DataObject) -> None:
    event = data.draw(events())
    wire, paths = data.draw(with_unknown_keys(event, se.to_dict(event), at_least=1))
    with pytest.raises(se.ValidationError) as caught:
        se.from_dict(wire, strict=True)
    found = {problem.path for problem in caught.value.problems}
    assert found
    assert found <= set(paths)


# -- ids -----------------------------------------------------------------------------


def identity(event: se.Event) -> dict[str, Any]:
    wire = se.to_dict(event)
    return {key: value for key, value in wire.items() if key in type(event).id_fields}


@given(events())
def test_computed_ids_are_stable(event: se.Event) -> None:
    computed = without_id(event)
    wire = se.to_dict(computed)
    del wire["id"]
    assert se.from_dict(wire).id == computed.id
    fields = {
        field.alias: getattr(computed, field.name)
        for field in attrs.fields(type(computed))
        if field.init and field.name != "id"
    }
    assert type(computed)(**fields).id == type(computed)(**fields).id == computed.id


@given(data=st.data())
def test_ids_depend_on_the_identifying_fields_only(data: st.DataObject) -> None:
    cls = data.draw(st.sampled_from(EVENT_CLASSES))
    first = without_id(data.draw(events(cls)))
    second = without_id(data.draw(events(cls)))
    assert (first.id == second.id) == (identity(first) == identity(second))
    same_identity = {
        field.alias: getattr(first, field.name)
        for field in attrs.fields(cls)
        if field.name in cls.id_fields
    }
    assert without_id(second, **same_identity).id == first.id


@given(events(), date_spans())
def test_a_new_date_gives_a_new_id(event: se.Event, date: se.DateSpan) -> None:
    assume("date" in type(event).id_fields and date != event.date)
    assert without_id(event, date=date).id != without_id(event).id


# -- dates ---------------------------------------------------------------------------


@given(date_spans())
def test_date_span_text_round_trip(span: se.DateSpan) -> None:
    assert se.DateSpan.parse(str(span)) == span
    if span.earliest is not None and span.latest is not None:
        assert span.earliest <= span.latest
    assert span.contains(span)
    assert span.overlaps(span)


@given(date_spans(), date_spans())
def test_overlaps_is_symmetric_and_implied_by_contains(a: se.DateSpan, b: se.DateSpan) -> None:
    assert a.overlaps(b) == b.overlaps(a)
    if a.contains(b):
        assert a.overlaps(b)
    if a.contains(b) and b.contains(a):
        assert (a.earliest, a.latest) == (b.earliest, b.latest)


# -- no crash on any input -----------------------------------------------------------


@st.composite
def damaged_events(draw: st.DrawFn) -> dict[str, Any]:
    """The wire dict of a valid event with a few values replaced or deleted."""
    data = se.to_dict(draw(events()))
    for _ in range(draw(st.integers(1, 3))):
        slots: list[tuple[Any, Any]] = []
        stack: list[Any] = [data]
        while stack:
            node = stack.pop()
            keys = node.keys() if isinstance(node, dict) else range(len(node))
            for key in keys:
                slots.append((node, key))
                if isinstance(node[key], dict | list):
                    stack.append(node[key])
        if not slots:
            break
        node, key = draw(st.sampled_from(slots))
        if isinstance(node, dict) and draw(st.booleans()):
            del node[key]
        else:
            node[key] = draw(
                json_values()
                | st.sampled_from(["", "..", "2021-13", "TJK", "usd", "-1", "1e400"])
                | st.sampled_from([*se.registry.tags(), "report", "unknown"])
            )
    return data


TEXTS = st.text() | st.binary() | json_values().map(orjson.dumps)


@given(
    damaged_events() | TEXTS | damaged_events().map(orjson.dumps),
    st.booleans(),
    st.sampled_from(["error", "keep"]),
)
def test_parse_raises_only_validation_errors(data: Any, strict: bool, unknown: Any) -> None:
    try:
        event = se.parse(data, strict=strict, unknown=unknown)
    except se.ValidationError as error:
        problems = error.problems
    else:  # what is accepted can be written back
        assert se.loads(se.dumps(event), unknown="keep") == event
        return
    assert problems
    assert all(problem.path.startswith("$") for problem in problems)


# -- what the wire cannot carry is refused up front -----------------------------------


@pytest.mark.parametrize(
    "read",
    [se.DateSpan.parse, lambda text: se.from_dict({"amount": text, "currency": "USD"}, se.Money)],
    ids=["date", "amount"],
)
@given(st.text(st.sampled_from("0123456789٠١٢٣٤٥٦٧٨٩２-/.~?%E+"), min_size=1, max_size=12))
@example("٢٠٢١")
def test_wire_text_is_read_only_in_ascii(read: Callable[[str], Any], text: str) -> None:
    try:
        read(text)
    except (ValueError, TypeError):  # ValidationError is a ValueError
        return
    assert text.isascii()


def _quantity(value: int) -> se.Quantity:
    return se.Quantity(value)


def _statement(summary: str) -> se.Statement:
    return se.Statement(summary=summary)  # not an identifying field


def _transfer(**fields: Any) -> PropTestArmsTransfer:
    return PropTestArmsTransfer(supplier=se.Actor.state("RUS"), **fields)


@pytest.mark.parametrize(
    ("build", "values"),
    [
        pytest.param(
            _quantity,
            st.integers(min_value=0) | st.integers(2**62, 2**66),  # around the 64-bit limit
        ),
        pytest.param(
            _statement,
            st.text(st.characters(categories=["Cs", "Lu"])),
        ),
        pytest.param(
            lambda value: _transfer(weight_tonnes=value),
            st.floats(),
        ),
        pytest.param(
            lambda value: _transfer(unit_price=value),
            st.decimals(),
        ),
    ],
    ids=["big_int", "surrogates", "float_nan", "decimal_nan"],
)
@settings(max_examples=300)  # cheap, and the edge values must be met every run
@given(data=st.data())
def test_whatever_constructors_accept_round_trips(
    build: Callable[[Any], Any], values: st.SearchStrategy[Any], data: st.DataObject
) -> None:
    try:
        obj = build(data.draw(values))
    except (ValueError, TypeError):
        reject()
    assert se.loads(se.dumps(obj), type(obj)) == obj
