"""Event classes: registry by subclassing, field checks, ids and roles."""

from __future__ import annotations

from typing import ClassVar

import attrs
import pytest

import secevents as se


class ArmsTransfer(se.Event):
    """A user's own event type, defined the way the docs say."""

    supplier: se.Actor
    recipient: se.Actor | None = None
    systems: tuple[str, ...] = ()


class _Incident(se.Event):
    """An abstract base shared by user types."""

    abstract: ClassVar[bool] = True
    severity: int | None = None


class BorderIncident(_Incident):
    type_tag: ClassVar[str] = "test_border_incident"
    place_name: str | None = None


def test_subclass_registers_under_derived_or_declared_tag() -> None:
    assert ArmsTransfer.type_tag == "arms_transfer"
    assert se.registry.get("arms_transfer") is ArmsTransfer
    assert se.registry.get("test_border_incident") is BorderIncident
    assert {"base_construction", "joint_exercise", "diplomatic_communique", "statement"} <= set(
        se.registry.tags()
    )


def test_abstract_classes_are_not_registered_or_instantiable() -> None:
    assert all(cls is not _Incident for cls in se.registry)
    with pytest.raises(TypeError, match="abstract"):
        _Incident(severity=1)
    with pytest.raises(TypeError, match="abstract"):
        se.Event()
    assert BorderIncident(severity=2, place_name="Ishkoshim").severity == 2


def test_duplicate_tag_is_an_error_at_class_creation() -> None:
    with pytest.raises(TypeError, match="already registered"):

        class Other(se.Event):
            type_tag: ClassVar[str] = "joint_exercise"


def test_redefining_the_same_class_replaces_it() -> None:
    def define() -> type[se.Event]:
        class NotebookCell(se.Event):
            type_tag: ClassVar[str] = "test_notebook_cell"
            note: str | None = None

        return NotebookCell

    first, second = define(), define()
    assert first is not second
    assert se.registry.get("test_notebook_cell") is second


def test_bad_tags_are_refused() -> None:
    with pytest.raises(TypeError, match="snake_case"):

        class Bad(se.Event):
            type_tag: ClassVar[str] = "Bad-Tag"


def test_fields_are_checked_from_annotations() -> None:
    with pytest.raises(se.FieldError, match="supplier: expected Actor"):
        ArmsTransfer(supplier="USA")  # type: ignore[arg-type]
    with pytest.raises(se.FieldError, match=r"systems: \[1\]: expected str"):
        ArmsTransfer(supplier=se.Actor.state("USA"), systems=("F-35", 35))  # type: ignore[arg-type]
    with pytest.raises(se.FieldError, match="participants: expected a tuple"):
        se.JointExercise(participants="RUS")  # type: ignore[arg-type]
    with pytest.raises(se.FieldError, match="factuality: 'real' is not a valid Factuality"):
        se.Statement(factuality="real")  # type: ignore[arg-type]
    with pytest.raises(se.FieldError, match="confidence"):
        se.Statement(confidence=1.5)


def test_missing_required_field_is_a_type_error() -> None:
    with pytest.raises(TypeError, match="supplier"):
        ArmsTransfer()  # type: ignore[call-arg]


def test_ids_are_deterministic_and_kept_when_given() -> None:
    def make(content: str) -> se.Statement:
        return se.Statement(speaker=se.Actor.state("TJK"), content=content)

    assert make("a").id == make("a").id
    assert make("a").id != make("b").id
    assert make("a").id.startswith("statement--")
    given = "statement--0b1a5d3c-7c2f-4d0e-9a46-0f6c2f1f2b11"
    assert se.Statement(id=given, content="a").id == given
    with pytest.raises(se.FieldError, match="is not 'statement--<uuid>'"):
        se.Statement(id="joint_exercise--0b1a5d3c-7c2f-4d0e-9a46-0f6c2f1f2b11")


def test_an_id_identifies_the_record_all_it_holds() -> None:
    base = se.BaseConstruction(builder=se.Actor.state("CHN"), host=se.Actor.state("TJK"))
    sourced = se.BaseConstruction(
        builder=se.Actor.state("CHN"),
        host=se.Actor.state("TJK"),
        sources=(se.Source(publisher="Khaama Press"),),
        confidence=0.8,
    )
    summarized = attrs.evolve(base, id="", summary="China to build a base.")
    assert len({base.id, sourced.id, summarized.id}) == 3
    assert base != sourced
    # A new version of a record keeps its id (wire format v2).
    assert attrs.evolve(base, summary="revised").id == base.id


def test_unknown_keys_are_part_of_the_record_at_any_depth() -> None:
    plain = se.loads('{"type": "statement", "content": "c"}')
    top = se.loads('{"type": "statement", "content": "c", "note": 1}')
    speaker = '"speaker": {"kind": "state", "code": "TJK", "n": 1}'
    nested = se.loads('{"type": "statement", "content": "c", ' + speaker + "}")
    assert len({plain.id, top.id, nested.id}) == 3
    assert se.loads('{"note": 1, "content": "c", "type": "statement"}').id == top.id


def test_one_hundred_thousand_summaries_give_as_many_ids() -> None:
    base = se.Statement(speaker=se.Actor.state("TJK"), content="Drills were decided.")
    ids = {attrs.evolve(base, id="", summary=f"summary {n}").id for n in range(100_000)}
    assert len(ids) == 100_000


def test_actors_with_roles() -> None:
    event = se.BaseConstruction(
        builder=se.Actor.state("CHN"),
        host=se.Actor.state("TJK"),
        garrison=(se.Actor.military("TJK"),),
    )
    assert [(item.role, item.actor.code) for item in event.actors] == [
        ("builder", "CHN"),
        ("host", "TJK"),
        ("garrison", "TJK"),
    ]
    transfer = ArmsTransfer(supplier=se.Actor.state("USA"), recipient=se.Actor.state("DEU"))
    assert [item.role for item in transfer.actors] == ["supplier", "recipient"]


def test_user_type_round_trips_with_no_other_step() -> None:
    transfer = ArmsTransfer(
        supplier=se.Actor.state("USA"), recipient=se.Actor.state("DEU"), systems=("F-35A",)
    )
    assert se.parse(se.dumps(transfer)) == transfer
    assert se.dumps(transfer).startswith('{"type":"arms_transfer","id":"arms_transfer--')


def test_class_defined_after_converter_was_used() -> None:
    se.dumps(se.Statement(content="warm-up"))  # the converter has built its hooks

    class LateType(se.Event):
        type_tag: ClassVar[str] = "test_late_type"
        when_text: str | None = None

    late = LateType(when_text="next week")
    assert se.loads(se.dumps(late)) == late
    assert se.from_dict({"type": "test_late_type", "when_text": "x"}) == LateType(when_text="x")
