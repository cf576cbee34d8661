"""Relations (wire format v2): typed links between records, read and written like events."""

from __future__ import annotations

import io
from typing import ClassVar

import pytest
from hypothesis import given
from hypothesis import strategies as st
from jsonschema import Draft202012Validator

import secevents as se
from secevents.testing import events, relations

BASE = "base_construction--0b8a6f52-1c1e-5c56-9a0e-3f0e8d9b7a61"
NOTE = "diplomatic_communique--8d1bb0a4-52a4-5d2e-8a5c-1f0b3c3a4b5c"


class Supplies(se.Relation):
    """A user's own kind: a state supplies the forces of an exercise."""

    kinds: ClassVar[frozenset[str]] = frozenset({"supplies"})

    amount: se.Money | None = None


def test_a_relation_is_written_in_the_wire_formats_key_order() -> None:
    link = se.Relation(
        kind=se.RelationKind.ABOUT,
        source_ref=NOTE,
        target_ref=BASE,
        date=se.DateSpan.parse("2021-10-27"),
        sources=(se.Source(publisher="Asia-Plus"),),
        evidence=(se.Evidence(start=0, end=9, text="communique"[:9]),),
        confidence=0.8,
    )
    wire = se.to_dict(link)
    assert list(wire) == [
        "type", "id", "schema_version", "kind", "source_ref", "target_ref",
        "date", "sources", "evidence", "confidence",
    ]  # fmt: skip
    assert wire["type"] == "relation" and wire["kind"] == "about" and wire["schema_version"] == 2
    assert type(link.kind) is str  # a RelationKind member is kept as its text
    assert se.loads(se.dumps(link)) == link


def test_the_id_is_deterministic_over_kind_and_refs_only() -> None:
    a = se.Relation(kind="about", source_ref=NOTE, target_ref=BASE)
    b = se.Relation(kind="about", source_ref=NOTE, target_ref=BASE, confidence=0.5)
    c = se.Relation(kind="denies", source_ref=NOTE, target_ref=BASE)
    d = se.Relation(kind="about", source_ref=BASE, target_ref=NOTE)
    assert a.id == b.id
    assert len({a.id, c.id, d.id}) == 3
    assert a.id.startswith("relation--")


@pytest.mark.parametrize(
    ("values", "field", "message"),
    [
        ({"kind": "likes"}, "kind", "'likes' is not one of about, confirms"),
        ({"source_ref": "  "}, "source_ref", "needs the id"),
        ({"target_ref": 3}, "target_ref", "expected str"),
        ({"confidence": 1.5}, "confidence", "not in"),
        ({"id": "statement--1"}, "id", "is not 'relation--<uuid>'"),
    ],
)
def test_bad_values_are_refused_naming_the_field(
    values: dict[str, object], field: str, message: str
) -> None:
    given = {"kind": "about", "source_ref": NOTE, "target_ref": BASE, **values}
    with pytest.raises(se.FieldError, match=message) as caught:
        se.Relation(**given)  # type: ignore[arg-type]
    assert caught.value.field == field


def test_reading_names_the_path_of_a_bad_kind_and_of_bad_fields() -> None:
    with pytest.raises(se.ValidationError, match=r"\$\.kind: 'likes' is not a registered"):
        se.loads('{"type":"relation","kind":"likes","source_ref":"a","target_ref":"b"}')
    with pytest.raises(se.ValidationError, match=r"\$\.kind: missing"):
        se.loads('{"type":"relation","source_ref":"a","target_ref":"b"}')
    text = '{"type":"report","relations":[{"type":"relation","kind":"about","source_ref":"a"}]}'
    with pytest.raises(se.ValidationError, match=r"relations\[0\]\.target_ref"):
        se.loads(text)


def test_unknown_keys_are_kept_and_written_back_in_place() -> None:
    text = (
        '{"type":"relation","id":"relation--2e7df540-68e2-5b8c-89d2-b2ea6113ee62",'
        '"schema_version":2,"kind":"about","x_weight":3,"source_ref":"a","target_ref":"b"}'
    )
    link = se.loads(text)
    assert [item.key for item in link.extra] == ["x_weight"]
    assert se.dumps(link) == text
    with pytest.raises(se.ValidationError, match="x_weight"):
        se.loads(text, strict=True)


def test_no_event_type_may_take_the_relation_tag() -> None:
    with pytest.raises(TypeError, match="relation"):

        class Relation(se.Event):
            type_tag: ClassVar[str] = "relation"


def test_a_users_subclass_reads_and_writes_its_own_kind() -> None:
    link = Supplies(
        kind="supplies",
        source_ref="a",
        target_ref="b",
        amount=se.Money(amount="5000000", currency="USD"),
    )
    wire = se.to_dict(link)
    assert list(wire)[-1] == "amount"  # own fields after the common ones
    back = se.loads(se.dumps(link))
    assert type(back) is Supplies and back == link
    # Reading as the base class dispatches on the kind; the built-in kinds stay Relation.
    assert type(se.parse(wire, se.Relation)) is Supplies
    assert type(se.parse({**wire, "kind": "about"} | {"amount": None}, se.Relation)) is (
        se.Relation
    )
    with pytest.raises(se.FieldError, match="kind"):
        Supplies(kind="about", source_ref="a", target_ref="b")


def test_a_subclass_must_declare_kinds_and_not_take_anothers() -> None:
    with pytest.raises(TypeError, match="declares its own kinds"):

        class NoKinds(se.Relation):
            pass

    with pytest.raises(TypeError, match=r"'about' .* already registered"):

        class Thief(se.Relation):
            kinds: ClassVar[frozenset[str]] = frozenset({"about"})


def test_json_lines_mix_events_and_relations() -> None:
    note = se.DiplomaticCommunique(content="A note.")
    base = se.BaseConstruction(host=se.Actor.state("TJK"))
    link = se.Relation(kind="about", source_ref=note.id, target_ref=base.id)
    stream = io.BytesIO()
    assert se.write_jsonl([note, link, base], stream) == 3
    stream.seek(0)
    assert list(se.read_jsonl(stream)) == [note, link, base]


def test_a_report_writes_relations_after_events() -> None:
    note = se.DiplomaticCommunique(content="A note.")
    link = se.Relation(kind="about", source_ref=note.id, target_ref=BASE)
    report = se.Report(id="r1", text="A note.", events=(note,), relations=(link,), warnings=("w",))
    assert list(se.to_dict(report)) == ["type", "id", "text", "events", "relations", "warnings"]
    assert se.loads(se.dumps(report)) == report
    with pytest.raises(se.FieldError, match=r"relations: \[0\]: not a relation"):
        se.Report(relations=(note,))  # type: ignore[arg-type]


def test_the_json_schema_accepts_what_is_written_and_refuses_bad_kinds() -> None:
    validator = Draft202012Validator(se.json_schema(strict=True))
    link = se.Relation(kind="part_of", source_ref="a", target_ref="b", confidence=0.5)
    assert validator.is_valid(se.to_dict(link))
    assert validator.is_valid(se.to_dict(Supplies(kind="supplies", source_ref="a", target_ref="b")))
    bad = {**se.to_dict(link), "kind": "likes"}
    assert not validator.is_valid(bad)
    assert not validator.is_valid({**se.to_dict(link), "confidence": 2})
    own = Draft202012Validator(se.relation_schema(Supplies))
    assert own.is_valid(se.to_dict(Supplies(kind="supplies", source_ref="a", target_ref="b")))
    assert not own.is_valid(se.to_dict(link))
    with pytest.raises(TypeError, match="not a registered relation class"):
        se.relation_schema(se.Statement)  # type: ignore[arg-type]


@given(relations())
def test_relations_round_trip(link: se.Relation) -> None:
    assert se.loads(se.dumps(link)) == link
    assert se.parse(se.to_dict(link)) == link
    assert Draft202012Validator(se.json_schema(strict=True)).is_valid(se.to_dict(link))


@given(st.lists(events() | relations(), max_size=6))
def test_mixed_streams_round_trip(records: list[se.Event | se.Relation]) -> None:
    stream = io.BytesIO()
    se.write_jsonl(records, stream)
    stream.seek(0)
    assert list(se.read_jsonl(stream)) == records


@given(relations(Supplies))
def test_strategies_draw_a_subclass_with_its_kinds(link: Supplies) -> None:
    assert type(link) is Supplies and link.kind == "supplies"
    assert se.loads(se.dumps(link)) == link


def test_the_report_card_lists_relations_by_event_number_and_escapes_them() -> None:
    note = se.DiplomaticCommunique(content="A note.")
    base = se.BaseConstruction(host=se.Actor.state("TJK"))
    hostile = "<script>alert(1)</script>"
    links = (
        se.Relation(kind="about", source_ref=note.id, target_ref=base.id, confidence=0.7),
        se.Relation(kind="denies", source_ref=note.id, target_ref=hostile),
    )
    report = se.Report(text="A note.", events=(base, note), relations=links)
    html = report._repr_html_()
    assert "<strong>Relations</strong> (2)" in html
    assert "#1 diplomatic_communique <strong>about</strong>" in html
    assert "#0 base_construction" in html and "(0.70)" in html
    assert "<script>" not in html and "&lt;script&gt;" in html
    assert "Relations" not in se.Report(text="x", events=(base,))._repr_html_()


def test_a_collection_graph_has_its_events_and_their_reports_relations() -> None:
    note = se.DiplomaticCommunique(content="A note.")
    base = se.BaseConstruction(host=se.Actor.state("TJK"))
    about = se.Relation(kind="about", source_ref=note.id, target_ref=base.id)
    elsewhere = se.Relation(kind="follows", source_ref=base.id, target_ref="base_construction--x")
    report = se.Report(text="A note.", events=(base, note), relations=(about,))
    graph = se.EventCollection([report]).graph([elsewhere])
    assert set(graph.nodes) == {note.id, base.id, "base_construction--x"}
    assert (
        graph.nodes[base.id]["event"] is base
        and graph.nodes["base_construction--x"]["event"] is None
    )
    assert sorted(kind for _, _, kind in graph.edges(data="kind")) == ["about", "follows"]
    assert graph.edges[note.id, base.id, about.id]["relation"] == about
