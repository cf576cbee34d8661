"""The converter: wire shape, strictness, error paths, unknown keys, JSON Lines, versions."""

from __future__ import annotations

import io
from pathlib import Path
from typing import Any

import pytest

import secevents as se


def exercise() -> se.JointExercise:
    return se.JointExercise(
        date=se.DateSpan.parse("2021-10-23"),
        participants=(se.Actor.state("RUS"), se.Actor.state("TJK")),
        framework=se.Actor.organization("CSTO"),
        troops=se.Quantity(5000, qualifier=se.Qualifier.APPROX, unit="troops"),
        domains=(se.Domain.LAND,),
    )


def problems(data: Any, **options: Any) -> list[str]:
    with pytest.raises(se.ValidationError) as caught:
        se.parse(data, **options)
    return [str(problem) for problem in caught.value.problems]


def test_wire_shape_key_order_and_omissions() -> None:
    data = se.to_dict(exercise())
    assert list(data) == [
        "type",
        "id",
        "schema_version",
        "date",
        "participants",
        "framework",
        "troops",
        "domains",
    ]
    assert data["schema_version"] == 2
    assert data["participants"][0] == {"kind": "state", "code": "RUS"}
    assert data["domains"] == ["land"]
    assert se.dumps(exercise()) == se.dumps(exercise())


def test_round_trip_through_every_entry_point() -> None:
    event = exercise()
    text = se.dumps(event)
    assert se.loads(text) == event
    assert se.parse(text.encode()) == event
    assert se.from_dict(se.to_dict(event)) == event
    assert se.from_dict(se.to_dict(event), se.JointExercise) == event
    assert se.loads(se.dumps(event, indent=True)) == event


@pytest.mark.parametrize(
    ("patch", "expected"),
    [
        ({"summary": 12345}, "$.summary: expected a string, got int 12345"),
        ({"troops": {"value": 5.7}}, "$.troops.value: expected an integer, got float 5.7"),
        ({"troops": {"value": "2021"}}, "$.troops.value: expected an integer, got str '2021'"),
        ({"troops": {"value": True}}, "$.troops.value: expected an integer, got bool True"),
        ({"tags": "naval"}, "$.tags: expected a list, got str 'naval'"),
        ({"tags": ["a", 1]}, "$.tags[1]: expected a string, got int 1"),
        ({"domains": ["land", "naval"]}, "$.domains[1]: 'naval' is not one of"),
        ({"date": 2021}, "$.date: expected an EDTF date string, got int 2021"),
        ({"date": "2021-13"}, "$.date: '2021-13' is not"),
        ({"confidence": "0.5"}, "$.confidence: expected a number, got str '0.5'"),
        ({"participants": [{"kind": "state"}]}, "$.participants[0].code: an actor needs"),
        ({"participants": [{"code": "RUS"}]}, "$.participants[0].kind: required field missing"),
        (
            {"participants": [{"kind": "state", "code": "XXX"}]},
            "$.participants[0].code: 'XXX' is not an ISO 3166-1 alpha-3 code",
        ),
        ({"evidence": [{"start": 0, "end": 2}]}, "$.evidence[0].text: required field missing"),
        ({"schema_version": 3}, "$.schema_version: version 3 is newer"),
        ({"id": "statement--0b1a5d3c-7c2f-4d0e-9a46-0f6c2f1f2b11"}, "$.id: "),
        ({"troops": [5000]}, "$.troops: expected an object, got list"),
    ],
)
def test_strict_decoding_names_path_and_value(patch: dict[str, Any], expected: str) -> None:
    data = {**se.to_dict(exercise()), **patch}
    found = problems(data)
    assert any(problem.startswith(expected) for problem in found), found


def test_money_errors_name_the_path() -> None:
    data = {"type": "base_construction", "cost": {"amount": 8.6, "currency": "USD"}}
    assert problems(data) == ["$.cost.amount: expected a decimal string, got float 8.6"]
    data = {"type": "base_construction", "cost": {"amount": "8600000", "currency": "usd"}}
    assert problems(data) == ["$.cost.currency: 'usd' is not an ISO 4217 code"]


def test_every_problem_is_listed() -> None:
    data = {"type": "joint_exercise", "summary": 1, "tags": "x", "troops": {"value": 1.5}}
    assert len(problems(data)) == 3
    data = {"type": "base_construction", "cost": {"amount": 8.6, "currency": "usd"}}
    assert problems(data) == [
        "$.cost.amount: expected a decimal string, got float 8.6",
        "$.cost.currency: 'usd' is not an ISO 4217 code",
    ]


def test_a_valid_date_next_to_a_bad_value_is_not_reported() -> None:
    # A DateSpan is a string on the wire: checking the raw value reported it as wrong.
    source = {"publisher": "X", "published": "2021-10-28", "kind": "bogus"}
    found = problems({"type": "statement", "sources": [source]})
    assert len(found) == 1
    assert found[0].startswith("$.sources[0].kind: 'bogus' is not one of")


def test_input_that_is_not_an_object_or_json() -> None:
    assert problems("[1, 2]") == ["$: expected an object, got list"]
    assert problems("{not json")[0].startswith("$: invalid JSON")
    assert problems(b"\xff")[0].startswith("$: invalid JSON")


def test_unknown_type_error_or_kept() -> None:
    found = problems({"type": "arms_sale", "x": 1})
    assert found[0].startswith("$.type: 'arms_sale' is not a registered event type")
    kept = se.parse({"type": "arms_sale", "x": 1, "nested": {"a": [1]}}, unknown="keep")
    assert isinstance(kept, se.UnknownEvent)
    assert kept.type_tag == "arms_sale"
    assert se.to_dict(kept) == {"type": "arms_sale", "x": 1, "nested": {"a": [1]}}
    assert problems({"x": 1})[0].startswith("$.type: missing")


def test_type_mismatch_with_requested_class() -> None:
    data = se.to_dict(exercise())
    with pytest.raises(se.ValidationError, match="is not 'statement'"):
        se.from_dict(data, se.Statement)


def test_unknown_keys_are_kept_in_place_and_rejected_when_strict() -> None:
    data = se.to_dict(exercise())
    with_unknown: dict[str, Any] = {}
    for key, value in data.items():
        with_unknown[key] = value
        if key == "date":
            with_unknown["x_vendor"] = {"score": [1, 2]}
    with_unknown["troops"] = {"x_first": 1, **data["troops"], "x_last": None}
    event = se.from_dict(with_unknown)
    written = se.to_dict(event)
    assert written == with_unknown
    assert list(written) == list(with_unknown)
    assert list(written["troops"]) == ["x_first", "value", "qualifier", "unit", "x_last"]
    assert sorted(problems(with_unknown, strict=True)) == [
        "$.troops.x_first: unknown key (strict mode)",
        "$.troops.x_last: unknown key (strict mode)",
        "$.x_vendor: unknown key (strict mode)",
    ]


def test_unknown_key_after_an_omitted_field_stays_near_its_place() -> None:
    data = {"type": "statement", "summary": None, "x_after_summary": 1, "content": "c"}
    written = se.to_dict(se.from_dict(data))
    assert list(written) == ["type", "id", "schema_version", "x_after_summary", "content"]


def test_jsonl_round_trip_path_and_file(tmp_path: Path) -> None:
    events = [exercise(), se.Statement(content="No comment."), se.Statement(content="Yes.")]
    path = tmp_path / "events.jsonl"
    assert se.write_jsonl(events, path) == 3
    assert list(se.read_jsonl(path)) == events
    assert list(se.read_jsonl(str(path))) == events
    text = io.StringIO()
    se.write_jsonl(events, text)
    assert text.getvalue().count("\n") == 3
    assert list(se.read_jsonl(io.BytesIO(text.getvalue().encode()))) == events


def test_jsonl_errors_carry_line_numbers(tmp_path: Path) -> None:
    path = tmp_path / "bad.jsonl"
    good = se.dumps(se.Statement(content="ok"))
    bad = '{"type": "statement", "tags": 1}'
    path.write_text(f"{good}\n\n{good.replace('ok', 'x')}\n{bad}\n")
    with pytest.raises(se.ValidationError) as caught:
        list(se.read_jsonl(path))
    assert str(caught.value) == "line 4: $.tags: expected a list, got int 1"
    seen: list[se.ValidationError] = []
    assert len(list(se.read_jsonl(path, on_error=seen.append))) == 2
    assert seen[0].problems[0].line == 4


def test_schema_version_upcasting() -> None:
    old = {"type": "statement", "schema_version": 0, "said": "We will respond.", "when": "2021"}

    def rename(data: dict[str, Any]) -> dict[str, Any]:
        data["content"] = data.pop("said")
        data["date"] = data.pop("when")
        return data

    with pytest.raises(se.SchemaVersionError):
        se.parse(old)
    with se.upcasters((0, rename)):
        event = se.parse(old)
    assert event == se.Statement(content="We will respond.", date=se.DateSpan.parse("2021"))
    assert se.to_dict(event)["schema_version"] == 2
    with pytest.raises(se.SchemaVersionError):
        se.parse(old)
    assert problems({"type": "statement", "schema_version": "1"}) == [
        "$.schema_version: '1' is not a schema version"
    ]


def test_version_1_documents_read_as_version_2() -> None:
    v1 = {
        "type": "base_construction",
        "schema_version": 1,
        "date": "2016",
        "builder": {"kind": "state", "code": "CHN"},
        "host": {"kind": "state", "code": "TJK"},
        "status": "completed",
        "evidence": [{"start": 0, "end": 5, "text": "built"}],
    }
    event = se.parse(v1)
    assert isinstance(event, se.BaseConstruction)
    assert event.schema_version == se.SCHEMA_VERSION == 2
    assert event.troops is None and event.equipment == ()
    assert event.evidence[0].field is None
    assert se.to_dict(event) == {**v1, "id": event.id, "schema_version": 2}


def test_tag_specific_upcaster_wins() -> None:
    old = {"type": "statement", "schema_version": 0, "text": "t"}

    def general(data: dict[str, Any]) -> dict[str, Any]:
        data.pop("text")
        return data

    def specific(data: dict[str, Any]) -> dict[str, Any]:
        data["content"] = data.pop("text")
        return data

    with se.upcasters((0, general), (0, specific, "statement")):
        assert se.parse(old) == se.Statement(content="t")


def test_objects_that_are_not_secevents_are_refused() -> None:
    with pytest.raises(TypeError):
        se.to_dict(42)
    with pytest.raises(TypeError):
        list(se.read_jsonl(42))  # type: ignore[arg-type]


def test_unknown_values_must_be_writable_json() -> None:
    deep = '{"type":"statement","x":' + "[" * 300 + "]" * 300 + "}"
    assert problems(deep) == [
        "$.x: unknown key with a value JSON cannot hold: nested more than 200 levels deep"
    ]
    assert problems({"type": "statement", 1: 2}) == ["$: keys must be strings, got int 1"]
    assert problems({"type": "statement", "x": {1, 2}}) == [
        "$.x: unknown key with a value JSON cannot hold: set {1, 2} is not a JSON value"
    ]
    shallow = '{"type":"statement","x":' + "[" * 150 + "]" * 150 + "}"
    assert se.dumps(se.loads(shallow)) == se.dumps(se.loads(se.dumps(se.loads(shallow))))


@pytest.mark.parametrize("version", [True, 1.0, "1", -1])
def test_schema_version_must_be_an_int(version: object) -> None:
    found = problems({"type": "statement", "schema_version": version})
    assert found == [f"$.schema_version: {version!r} is not a schema version"]


def test_value_class_without_extra_names_the_reason() -> None:
    import attrs

    @attrs.frozen
    class Plain:
        name: str

    with pytest.raises(se.ValidationError) as caught:
        se.from_dict({"name": "x", "other": 1}, Plain)
    assert str(caught.value) == "$.other: unknown key (Plain keeps no unknown keys)"


def test_unwritable_values_are_refused_at_construction() -> None:
    with pytest.raises(se.FieldError, match=r"not a whole number in \[0, 2\*\*63\)"):
        se.Quantity(2**64)
    with pytest.raises(se.FieldError, match="lone surrogates"):
        se.Statement(content="\ud800")
