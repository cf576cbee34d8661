"""Value types: validation of codes, invariants and named constructors."""

from __future__ import annotations

from decimal import Decimal

import attrs
import pytest

import secevents as se


def test_actor_constructors_and_codes() -> None:
    assert se.Actor.state("TJK").state_code == "TJK"
    person = se.Actor.person("Sherali Mirzo", title="Defense Minister", country="TJK")
    assert person.kind is se.ActorKind.PERSON and person.state_code == "TJK"
    assert se.Actor.organization("CSTO").state_code is None
    assert se.Actor(kind="armed_group", code="TALIBAN").kind is se.ActorKind.ARMED_GROUP
    assert se.Actor.state("SUN").code == "SUN"  # ISO 3166-3: the former USSR
    assert se.Actor.state("XKX").code == "XKX"


@pytest.mark.parametrize(
    ("make", "message"),
    [
        (lambda: se.Actor.state("XXX"), "not an ISO 3166-1 alpha-3"),
        (lambda: se.Actor.state("tjk"), "not an upper-case code"),
        (lambda: se.Actor(kind="state"), "needs a name or a code"),
        (lambda: se.Actor(kind="nation", code="TJK"), "is not a valid ActorKind"),
        (lambda: se.Actor.organization("csto"), "upper-case code"),
        (lambda: se.Actor.person("  "), "is empty"),
        (lambda: se.Location(country="TJK", border_with="TJK"), "no border with itself"),
        (lambda: se.Location(name="Kulob", lat=37.9), "lat and lon go together"),
        (lambda: se.Location(name="X", lat=91.0, lon=0.0), "not a number in"),
        (lambda: se.Location(name="X", admin1="TJ-ZZ"), "ISO 3166-2"),
        (lambda: se.Location(), "needs a name"),
        (lambda: se.Quantity(), "needs a value"),
        (lambda: se.Quantity(low=3000, high=2000), "below low"),
        (lambda: se.Quantity(5000, high=4000), "above high"),
        (lambda: se.Quantity(-1), "not a whole number in"),
        (lambda: se.Quantity(5.7), "not a whole number in"),  # type: ignore[arg-type]
        (lambda: se.Quantity(True), "not a whole number in"),
        (lambda: se.Money(amount=8.6, currency="USD"), "got float"),
        (lambda: se.Money(amount="8.6m", currency="USD"), "not a decimal number"),
        (lambda: se.Money(amount="NaN", currency="USD"), "not a finite number"),
        (lambda: se.Money(amount="-5", currency="USD"), "negative"),
        (lambda: se.Money(amount="5", currency="usd"), "not an ISO 4217 code"),
        (lambda: se.Evidence(start=5, end=3, text=""), "before start"),
        (lambda: se.Evidence(start=0, end=3, text="ab"), "covers 2 characters"),
        (lambda: se.Source(), "needs a publisher or a url"),
    ],
)
def test_invalid_values_are_rejected(make: object, message: str) -> None:
    with pytest.raises((ValueError, TypeError), match=message):
        make()  # type: ignore[operator]


def test_money_amounts_are_exact_decimals() -> None:
    money = se.Money(amount="8600000", currency="USD", qualifier="approx")
    assert money.amount == Decimal(8600000)
    assert se.Money(amount=8600000, currency="USD") == se.Money(amount="8600000", currency="USD")
    assert se.to_dict(se.Money(amount=Decimal("8.6E+6"), currency="USD"))["amount"] == "8600000"


def test_quantity_shapes() -> None:
    assert se.Quantity(5000, qualifier="approx").qualifier is se.Qualifier.APPROX
    assert se.Quantity(low=500, high=600, qualifier="up_to").high == 600
    assert se.to_dict(se.Quantity(700, qualifier="more_than", unit="armoured_vehicles")) == {
        "value": 700,
        "qualifier": "more_than",
        "unit": "armoured_vehicles",
    }


def test_evidence_helpers() -> None:
    text = "Russian and Tajik troops conducted joint drills."
    evidence = se.Evidence.of(text, "joint drills")
    assert text[evidence.start : evidence.end] == evidence.text
    assert se.Evidence.span(text, 0, 7).text == "Russian"
    with pytest.raises(ValueError, match="does not occur"):
        se.Evidence.of(text, "war games")


def test_values_are_frozen_and_hashable() -> None:
    actor = se.Actor.state("RUS")
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        actor.code = "TJK"  # type: ignore[misc]
    assert len({actor, se.Actor.state("RUS"), se.Actor.state("TJK")}) == 2


def test_location_wire_form_omits_defaults() -> None:
    place = se.Location(country="TJK", border_with="AFG", precision="border", near=True)
    assert se.to_dict(place) == {
        "country": "TJK",
        "precision": "border",
        "border_with": "AFG",
        "near": True,
    }
    assert "near" not in se.to_dict(se.Location(name="Kulob", country="TJK"))
