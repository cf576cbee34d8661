"""Forgiving constructors: enum fields take their wire strings, tuple fields any iterable,
and every refusal names the field, the value and what is accepted (issue 16)."""

from __future__ import annotations

from typing import ClassVar

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

import secevents as se
from secevents.wire._fastpath import _can_assemble

RUS, TJK = se.Actor.state("RUS"), se.Actor.state("TJK")


def test_enum_fields_take_their_wire_strings_and_names() -> None:
    built = se.BaseConstruction(status="agreed", facility="military_base", factuality="actual")  # type: ignore[arg-type]
    assert built.status is se.ConstructionStatus.AGREED
    assert built.facility is se.Facility.MILITARY_BASE
    assert built == se.BaseConstruction(
        status=se.ConstructionStatus.AGREED,
        facility=se.Facility.MILITARY_BASE,
        factuality=se.Factuality.ACTUAL,
    )
    assert se.Statement(factuality="PLANNED").factuality is se.Factuality.PLANNED  # type: ignore[arg-type]
    assert se.Quantity(5000, qualifier="APPROX").qualifier is se.Qualifier.APPROX


def test_tuple_fields_take_any_iterable_and_stay_frozen() -> None:
    listed = se.JointExercise(participants=[RUS, TJK], domains=["land", "air"])  # type: ignore[arg-type]
    assert listed.participants == (RUS, TJK)
    assert type(listed.participants) is tuple
    assert listed.domains == (se.Domain.LAND, se.Domain.AIR)
    assert all(type(domain) is se.Domain for domain in listed.domains)
    generated = se.JointExercise(participants=(actor for actor in [RUS, TJK]))  # type: ignore[arg-type]
    assert generated.participants == (RUS, TJK)
    assert hash(listed) == hash(se.JointExercise(participants=(RUS, TJK), domains=("land", "air")))  # type: ignore[arg-type]
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        listed.participants = ()  # type: ignore[misc]
    assert attrs.evolve(listed, participants=[TJK]).participants == (TJK,)  # type: ignore[arg-type]


def test_a_string_is_not_a_sequence_of_characters() -> None:
    with pytest.raises(se.FieldError, match=r"participants: expected a tuple .* got str 'RUS'"):
        se.JointExercise(participants="RUS")  # type: ignore[arg-type]
    with pytest.raises(se.FieldError, match="tags: expected a tuple"):
        se.Statement(tags="nuclear")  # type: ignore[arg-type]


def test_refusals_name_field_value_and_choices() -> None:
    with pytest.raises(se.FieldError) as caught:
        se.BaseConstruction(status="agred")  # type: ignore[arg-type]
    message = str(caught.value)
    assert message.startswith("status: 'agred' is not a valid ConstructionStatus; accepted: ")
    assert "'under_construction'" in message and "did you mean 'agreed'?" in message
    with pytest.raises(se.FieldError, match=r"domains: 'water' is not a valid Domain"):
        se.JointExercise(domains=["land", "water"])  # type: ignore[arg-type]


def test_a_hedge_word_for_a_qualifier_points_to_the_normalizer() -> None:
    with pytest.raises(se.FieldError) as caught:
        se.Quantity(5000, qualifier="about")
    message = str(caught.value)
    assert message.startswith("qualifier: 'about' is not a valid Qualifier; accepted: 'exact'")
    assert "'about' means 'approx'" in message
    assert "secevents.normalize.parse_quantity" in message
    with pytest.raises(se.FieldError, match="'no more than' means 'at_most'"):
        se.Money(amount="5", currency="USD", qualifier="no more than")


def test_a_name_where_a_code_belongs_points_to_resolve_actor() -> None:
    with pytest.raises(se.FieldError) as caught:
        se.Actor.state("Russia")
    message = str(caught.value)
    assert message.startswith("code: 'Russia' is not an upper-case code")
    assert "secevents.normalize.resolve_actor('Russia')" in message
    from secevents.normalize import resolve_actor

    russia = resolve_actor("Russia").value
    assert russia is not None and russia.code == "RUS"  # the hint works
    with pytest.raises(se.FieldError, match=r"country: 'Tajikistan' is not an ISO .*resolve_actor"):
        se.Location(country="Tajikistan")
    with pytest.raises(se.FieldError) as upper:
        se.Actor.state("XXX")
    assert "resolve_actor" not in str(upper.value)  # a code-shaped mistake gets no name hint


class Drill(se.Event):
    type_tag: ClassVar[str] = "forgiving_test_drill"
    kinds: tuple[se.Domain, ...] = ()
    medium: se.Medium | None = None


def test_user_types_get_the_same_conversions() -> None:
    drill = Drill(kinds=["sea"], medium="letter")  # type: ignore[arg-type]
    assert drill.kinds == (se.Domain.SEA,) and drill.medium is se.Medium.LETTER
    with pytest.raises(se.FieldError, match="medium: 'fax' is not a valid Medium"):
        Drill(medium="fax")  # type: ignore[arg-type]


def test_decoders_still_skip_the_converters() -> None:
    # The converters return decoded values unchanged, so the fast decoder builds objects
    # without calling __init__ (the measured hot path of reading).
    for cls in (*se.registry, se.Quantity, se.Actor, se.Location, se.Source, se.Money):
        assert _can_assemble(cls, attrs.fields(cls)), cls


ENUM_FIELDS = [
    (cls, field.name, field.type)
    for cls in (se.BaseConstruction, se.JointExercise, se.DiplomaticCommunique, se.Statement)
    for field in attrs.fields(cls)
    if field.type
    in (se.Factuality | None, se.Facility | None, se.ConstructionStatus | None, se.Medium | None)
]


@given(st.data())
def test_every_wire_string_builds_the_same_event_as_its_member(data: st.DataObject) -> None:
    cls, name, tp = data.draw(st.sampled_from(ENUM_FIELDS))
    (enum, _) = tp.__args__
    member = data.draw(st.sampled_from(list(enum)))
    assert cls(**{name: member.value}) == cls(**{name: member})
    assert se.loads(se.dumps(cls(**{name: member.value}))) == cls(**{name: member})


def test_a_lower_case_code_is_answered_with_the_upper_case_one() -> None:
    with pytest.raises(se.FieldError) as caught:
        se.Location(country="tjk")
    assert str(caught.value) == (
        "country: 'tjk' is not an ISO 3166-1 alpha-3 code; codes are upper-case: 'TJK'"
    )
    with pytest.raises(se.FieldError, match="codes are upper-case: 'CSTO'"):
        se.Actor.organization("csto")
