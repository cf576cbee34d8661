"""The JSON Schema: it accepts what the library writes and refuses what the library refuses."""

from __future__ import annotations

import datetime as dt
import json
from decimal import Decimal
from pathlib import Path
from typing import Any, ClassVar

import attrs
import pytest
from jsonschema import Draft202012Validator
from jsonschema.exceptions import best_match

import secevents as se
from secevents.model.extra import KEPT_DATASETS
from secevents.wire.schema import DIALECT, event_schema, json_schema

Wire = dict[str, Any]
STRICTNESS = pytest.mark.parametrize("strict", [False, True], ids=["lenient", "strict"])


@attrs.frozen(kw_only=True)
class Location:
    """A user's own value class whose name is also that of ``se.Location``."""

    depot: str


class ArmsTransfer(se.Event):
    """A user-defined type: weapons handed from a supplier to a recipient."""

    type_tag: ClassVar[str] = "schema_test_arms_transfer"

    supplier: se.Actor
    recipient: se.Actor | None = None
    items: tuple[se.Equipment, ...] = ()
    value: se.Money | None = None
    origin: Location | None = None
    contract: str | None = attrs.field(
        default=None, metadata={"json_schema": {"pattern": "^[A-Z]{2}-[0-9]+$"}}
    )


def errors(data: Any, *, strict: bool = False) -> list[Any]:
    """Every schema violation of ``data``, as jsonschema errors."""
    return list(Draft202012Validator(json_schema(strict=strict)).iter_errors(data))


def best_error(data: Any, *, strict: bool = False) -> Any:
    """The error a user would be shown first."""
    return best_match(errors(data, strict=strict))


def library_accepts(data: Wire, *, strict: bool = False) -> bool:
    try:
        se.from_dict(data, strict=strict)
    except se.ValidationError:
        return False
    return True


# -- events with every field set ---------------------------------------------------

SOURCE = se.Source(
    publisher="Khaama Press",
    url="https://www.khaama.com/",
    published=se.DateSpan.parse("2021-10-28"),
    kind=se.SourceKind.NEWS_AGENCY,
)
COMMON: dict[str, Any] = {
    "date": se.DateSpan.parse("2021-10-23/2021-10-30"),
    "reported": se.DateSpan.parse("2021-10-28"),
    "location": se.Location(
        name="Khatlon border area",
        country="TJK",
        admin1="TJ-KT",
        lat=37.4,
        lon=69.6,
        precision=se.LocationPrecision.BORDER,
        geonames_id=1221092,
        border_with="AFG",
        near=True,
    ),
    "factuality": se.Factuality.ACTUAL,
    "summary": "One line for people.",
    "sources": (SOURCE,),
    "evidence": (se.Evidence(start=4, end=9, text="drill", field="date"),),
    "confidence": 0.75,
    "tags": ("test", "rich"),
    "modified": dt.datetime(2021, 10, 29, 8, 30, tzinfo=dt.UTC),
    "merged_from": ("statement--9f0b7c8e-2d4a-5b6c-8e1f-0a2b3c4d5e6f",),
    "revoked": True,
}
RICH: tuple[se.Event, ...] = (
    se.BaseConstruction(
        **COMMON,
        builder=se.Actor.state("CHN", name="China"),
        host=se.Actor.state("TJK", name="Tajikistan"),
        facility=se.Facility.BORDER_OUTPOST,
        cost=se.Money(amount="8600000", currency="USD", qualifier=se.Qualifier.APPROX),
        status=se.ConstructionStatus.UNDER_CONSTRUCTION,
        garrison=(se.Actor.military("TJK"),),
        excluded_forces=(se.Actor.military("CHN"),),
        troops=se.Quantity(300, qualifier="up_to", unit="troops"),
        equipment=(se.Equipment(kind=se.EquipmentKind.SHIPS, quantity=se.Quantity(4)),),
    ),
    se.JointExercise(
        **COMMON,
        name="Interaction-2021",
        participants=(se.Actor.state("RUS"), se.Actor.state("TJK"), se.Actor.state("UZB")),
        framework=se.Actor.organization("CSTO", name="Collective Security Treaty Organization"),
        troops=se.Quantity(5000, low=4000, high=6000, qualifier="approx", unit="troops"),
        equipment=(
            se.Equipment(kind=se.EquipmentKind.ARMOURED_VEHICLES, quantity=se.Quantity(700)),
            se.Equipment(kind=se.EquipmentKind.DRONES),
        ),
        domains=(se.Domain.LAND, se.Domain.AIR),
        purpose="prepare for threats from Afghanistan",
    ),
    se.DiplomaticCommunique(
        **COMMON,
        sender=se.Actor.person("Emomali Rahmon", title="President", country="TJK"),
        recipient=se.Actor.government("CHN", name="the Chinese embassy"),
        medium=se.Medium.NOTE_VERBALE,
        content="Beijing should develop more border outposts.",
        requests=("more border outposts", "full control of the previous base"),
    ),
    se.Statement(
        **COMMON,
        speaker=se.Actor.person("Sherali Mirzo", title="Defence Minister", country="TJK"),
        audience=se.Actor.media("Associated Press", country="USA"),
        content="The drills were decided amid catastrophic changes.",
    ),
    ArmsTransfer(
        **COMMON,
        supplier=se.Actor.state("RUS"),
        recipient=se.Actor.armed_group("TALIBAN", name="Taliban"),
        items=(se.Equipment(kind=se.EquipmentKind.HELICOPTERS, quantity=se.Quantity(high=12)),),
        value=se.Money(amount=Decimal("1.5e6"), currency="EUR"),
        origin=Location(depot="Rostov-on-Don"),
        contract="RU-2021",
    ),
)


def definition(schema: dict[str, Any], cls: type[se.Event]) -> Any:
    """The definition the schema selects for events of ``cls`` (by tag, not by class name)."""
    (branch,) = (
        branch
        for branch in schema["allOf"]
        if branch["if"]["properties"]["type"]["const"] == cls.type_tag
    )
    return schema["$defs"][branch["then"]["$ref"].removeprefix("#/$defs/")]


def rich(cls: type[se.Event]) -> Wire:
    """The wire dict of the rich event of ``cls``."""
    return se.to_dict(next(event for event in RICH if type(event) is cls))


# -- the schema itself ----------------------------------------------------------------


@STRICTNESS
def test_schema_is_a_valid_draft_2020_12_schema(strict: bool) -> None:
    schema = json_schema(strict=strict)
    Draft202012Validator.check_schema(schema)
    assert schema["$schema"] == DIALECT
    assert json.loads(json.dumps(schema)) == schema
    for cls in (se.Statement, ArmsTransfer):
        Draft202012Validator.check_schema(event_schema(cls, strict=strict))


def test_schema_ids_differ_by_strictness_and_type() -> None:
    ids = {
        json_schema()["$id"],
        json_schema(strict=True)["$id"],
        event_schema(se.Statement)["$id"],
        event_schema(se.Statement, strict=True)["$id"],
    }
    assert len(ids) == 4


def test_every_registered_type_is_selected_by_its_tag() -> None:
    schema = json_schema()
    assert schema["properties"]["type"]["enum"] == [*se.registry.tags(), "relation"]
    assert "schema_test_arms_transfer" in schema["properties"]["type"]["enum"]
    selected = {branch["if"]["properties"]["type"]["const"] for branch in schema["allOf"]}
    assert selected == {*se.registry.tags(), "relation"}


def test_properties_are_exactly_the_keys_the_library_writes() -> None:
    schema = json_schema()
    for event in RICH:
        wire = se.to_dict(event)
        properties = list(definition(schema, type(event))["properties"])
        # After the fields: the objects dataset readers keep columns in (see test_kept_schema).
        assert properties == [*wire, *sorted(KEPT_DATASETS)]
    location = schema["$defs"]["Location"]
    assert list(location["properties"]) == list(se.to_dict(COMMON["location"]))


def test_hidden_extra_field_is_never_a_property() -> None:
    for definition in json_schema()["$defs"].values():
        assert "extra" not in definition["properties"]


def test_fields_without_default_are_required() -> None:
    schema = json_schema()
    defs = schema["$defs"]
    assert defs["Evidence"]["required"] == ["start", "end", "text"]
    assert defs["Money"]["required"] == ["amount", "currency"]
    assert defs["Actor"]["required"] == ["kind"]
    assert definition(schema, ArmsTransfer)["required"] == ["type", "supplier"]
    assert definition(schema, se.Statement)["required"] == ["type"]
    assert "required" not in defs["Location"]


def test_classes_sharing_a_name_get_separate_definitions() -> None:
    schema = event_schema(ArmsTransfer)

    def resolve(ref: str) -> Any:
        return schema["$defs"][ref.removeprefix("#/$defs/")]

    theirs = schema["properties"]["origin"]["anyOf"][0]["$ref"]
    ours = schema["properties"]["location"]["anyOf"][0]["$ref"]
    assert theirs != ours
    assert list(resolve(theirs)["properties"]) == ["depot"]
    assert "admin1" in resolve(ours)["properties"]
    bad_depot = {**rich(ArmsTransfer), "origin": {"depot": 7}}
    assert not library_accepts(bad_depot)
    assert list(best_error(bad_depot).absolute_path) == ["origin", "depot"]


def test_field_metadata_adds_constraints_the_annotation_cannot_state() -> None:
    contract = event_schema(ArmsTransfer)["properties"]["contract"]
    assert contract == {"type": ["string", "null"], "pattern": "^[A-Z]{2}-[0-9]+$"}
    data = {**rich(ArmsTransfer), "contract": "no. 7"}
    assert library_accepts(data)  # a schema-only constraint
    assert list(best_error(data).absolute_path) == ["contract"]


def test_each_call_returns_a_fresh_schema() -> None:
    first = json_schema()
    first["$defs"]["Money"]["properties"]["amount"]["pattern"] = "^x$"
    first["$defs"]["Actor"]["required"].append("name")
    second = json_schema()
    assert second["$defs"]["Money"]["properties"]["amount"]["pattern"] != "^x$"
    assert second["$defs"]["Actor"]["required"] == ["kind"]


def test_event_schema_rejects_what_is_not_a_registered_event() -> None:
    with pytest.raises(TypeError, match="not a registered event class"):
        event_schema(se.Actor)  # type: ignore[arg-type]
    with pytest.raises(TypeError, match="not a registered event class"):
        event_schema(se.Event)


# -- what the library writes validates ------------------------------------------------


@STRICTNESS
@pytest.mark.parametrize("event", RICH, ids=lambda event: type(event).__name__)
def test_rich_events_validate(event: se.Event, strict: bool) -> None:
    data = se.to_dict(event)
    assert errors(data, strict=strict) == []
    single = Draft202012Validator(event_schema(type(event), strict=strict))
    assert list(single.iter_errors(data)) == []


def test_single_type_schema_refuses_other_types() -> None:
    single = Draft202012Validator(event_schema(ArmsTransfer))
    assert not single.is_valid(rich(se.Statement))
    error = best_match(single.iter_errors({"type": "schema_test_arms_transfer"}))
    assert error.message == "'supplier' is a required property"


def test_explicit_nulls_are_accepted_like_the_library_does() -> None:
    data: Wire = {
        "type": "joint_exercise",
        "date": None,
        "location": None,
        "troops": None,
        "factuality": None,
        "confidence": None,
        "framework": None,
        "name": None,
    }
    assert library_accepts(data)
    assert errors(data, strict=True) == []
    empty_list_as_null = {"type": "joint_exercise", "participants": None}
    assert not library_accepts(empty_list_as_null)
    assert errors(empty_list_as_null) != []


def test_user_type_missing_its_required_field_fails_like_the_library() -> None:
    data = rich(ArmsTransfer)
    del data["supplier"]
    assert not library_accepts(data)
    error = best_error(data)
    assert error.message == "'supplier' is a required property"


# -- what the library refuses, the schema refuses, at the same place -------------------


class _Delete:
    def __repr__(self) -> str:
        return "DELETE"


DELETE: Any = _Delete()


def change(data: Wire, dotted: str, value: Any) -> list[str | int]:
    """Set (or DELETE) the value at ``dotted`` ("cost.amount", "evidence.0.text") in place.

    Returns the path the schema should blame: the value's, or its parent's for a deletion.
    """
    *parents, last = (int(key) if key.isdigit() else key for key in dotted.split("."))
    target: Any = data
    for key in parents:
        target = target[key]
    if value is DELETE:
        del target[last]
        return parents
    target[last] = value
    return [*parents, last]


BROKEN: list[tuple[type[se.Event], str, Any]] = [
    (se.BaseConstruction, "facility", "naval"),  # not in the vocabulary
    (se.JointExercise, "domains.1", "naval"),
    (se.BaseConstruction, "cost.amount", 8600000.0),  # money is never a float
    (se.BaseConstruction, "cost.amount", "8,600,000"),
    (se.BaseConstruction, "cost.amount", "-5"),
    (se.BaseConstruction, "cost.currency", "usd"),
    (se.BaseConstruction, "cost.currency", DELETE),
    (se.BaseConstruction, "type", "base_constructions"),
    (se.BaseConstruction, "evidence.0.text", DELETE),
    (se.BaseConstruction, "evidence.0.start", -1),
    (se.Statement, "location.country", "Tajikistan"),
    (se.Statement, "location.admin1", "Khatlon"),
    (se.Statement, "location.lat", 95.0),
    (se.Statement, "location.lon", -181),
    (se.Statement, "location.near", "yes"),
    (se.Statement, "confidence", 1.5),
    (se.Statement, "speaker.kind", "minister"),
    (se.Statement, "speaker.kind", DELETE),
    (se.Statement, "speaker.name", "   "),
    (se.Statement, "sources.0.published", "28 Oct 2021"),
    (se.Statement, "date", "2021-10-23/2021-10-30/2021-11"),
    (se.Statement, "tags", "naval"),
    (se.Statement, "id", "statement--1234"),
    (se.Statement, "id", rich(se.JointExercise)["id"]),  # another type's id
    (se.Statement, "schema_version", 3),
    (se.JointExercise, "troops.value", -100),
    (se.JointExercise, "troops.value", True),
    (se.JointExercise, "equipment.0.kind", "jets"),
    (ArmsTransfer, "supplier.code", "Rus"),
]


@STRICTNESS
@pytest.mark.parametrize(
    ("cls", "dotted", "value"),
    BROKEN,
    ids=[f"{cls.__name__}.{dotted}={value!r}"[:60] for cls, dotted, value in BROKEN],
)
def test_broken_data_fails_at_its_path(
    cls: type[se.Event], dotted: str, value: Any, strict: bool
) -> None:
    data = rich(cls)
    blamed = change(data, dotted, value)
    assert not library_accepts(data, strict=strict)
    found = errors(data, strict=strict)
    assert found, "the schema accepted data the library refuses"
    assert list(best_match(found).absolute_path) == blamed


def test_errors_come_from_the_tagged_type_only() -> None:
    data = rich(se.BaseConstruction)
    data["facility"] = "naval"
    (error,) = errors(data)
    assert error.message.startswith("'naval' is not one of ['military_base', ")
    data["type"] = "no_such_type"
    (error,) = errors(data)
    assert list(error.absolute_path) == ["type"]
    assert "'no_such_type' is not one of" in error.message


@pytest.mark.parametrize(
    ("text", "valid"),
    [
        ("2016", True),
        ("2021-10~", True),
        ("2021-10-23?", True),
        ("2021%", True),
        ("2021-21", True),
        ("2016/2017", True),
        ("2021-10-23/..", True),
        ("../2021", True),
        ("2021/", True),
        ("/2021-10", True),
        ("2021-10-23/2021-10-30", True),
        ("0000", True),
        ("-0999", True),
        ("Y170000002", True),
        ("199X", True),
        ("1985-04-XX", True),
        ("2004-01-01T10:10:10+05:00", True),
        ("-0000", False),
        ("Y2021", False),
        ("19X9", False),
        ("21-10", False),
        ("2021-13", False),
        ("2021-21-01", False),
        ("2021-10-32", False),
        ("../..", False),
        ("/", False),
        ("2021-10-23T10:00", False),
        ("October 2021", False),
        ("", False),
    ],
)
def test_date_pattern_agrees_with_the_edtf_parser(text: str, valid: bool) -> None:
    data: Wire = {"type": "statement", "date": text}
    assert library_accepts(data) is valid
    assert (errors(data) == []) is valid


@pytest.mark.parametrize(
    ("amount", "valid"),
    [
        ("8600000", True),
        ("8.6e6", True),
        ("0.5", True),
        (".5", True),
        ("5.", True),
        ("+5", True),
        ("8,600,000", False),
        ("NaN", False),
        ("1e", False),
        ("", False),
        (" 5", False),
        ("-5", False),
        (5, False),
    ],
)
def test_amount_pattern_agrees_with_the_converter(amount: Any, valid: bool) -> None:
    data: Wire = {"type": "base_construction", "cost": {"amount": amount, "currency": "USD"}}
    assert library_accepts(data) is valid
    assert (errors(data) == []) is valid


# -- unknown keys: legal on the wire, refused in strict mode ---------------------------


@pytest.mark.parametrize(
    "dotted", ["x_reviewed_by", "location.x_osm_id", "sources.0.x_paywall", "speaker.x_qid"]
)
def test_unknown_keys_only_strict_mode_refuses(dotted: str) -> None:
    data = rich(se.Statement)
    owner = change(data, dotted, "kept as is")[:-1]
    assert errors(data) == []
    assert library_accepts(data)
    kept = se.to_dict(se.from_dict(data))
    assert kept == data
    assert errors(kept) == []
    assert not library_accepts(data, strict=True)
    error = best_error(data, strict=True)
    assert error.validator == "additionalProperties"
    assert list(error.absolute_path) == owner


# -- the reference report ---------------------------------------------------------------

GOLDEN = Path(__file__).resolve().parent / "golden" / "seed_events.jsonl"


@STRICTNESS
def test_reference_report_events_validate(strict: bool) -> None:
    events = tuple(se.read_jsonl(GOLDEN))
    assert [event.type_tag for event in events] == [
        "base_construction",
        "base_construction",
        "diplomatic_communique",
        "joint_exercise",
    ]
    validator = Draft202012Validator(json_schema(strict=strict))
    for event in events:
        data = json.loads(se.dumps(event))
        assert list(validator.iter_errors(data)) == [], data["type"]
    wakhan = se.to_dict(events[0])
    assert wakhan["cost"] == {"amount": "8600000", "currency": "USD", "qualifier": "approx"}
    wakhan["cost"]["amount"] = 8.6e6
    assert not validator.is_valid(wakhan)
