"""Checked by mypy only (never run): the public API's types as users see them."""

from __future__ import annotations

from decimal import Decimal
from typing import Any, assert_type

import secevents as se


class ArmsTransfer(se.Event):
    supplier: se.Actor
    recipient: se.Actor | None = None


def user_subclass_has_a_typed_init() -> None:
    transfer = ArmsTransfer(supplier=se.Actor.state("USA"))
    assert_type(transfer.supplier, se.Actor)
    assert_type(transfer.recipient, se.Actor | None)
    assert_type(transfer.id, str)
    ArmsTransfer()  # type: ignore[call-arg]
    ArmsTransfer(supplier="USA")  # type: ignore[arg-type]


def value_types() -> None:
    money = se.Money(amount="8600000", currency="USD", qualifier="approx")
    assert_type(money.amount, Decimal)
    assert_type(money.qualifier, se.Qualifier)
    quantity = se.Quantity(5000, qualifier=se.Qualifier.APPROX)
    assert_type(quantity.value, int | None)
    span = se.DateSpan.parse("2021-10-23")
    assert_type(span.contains(span), bool)


def serialization() -> None:
    read = se.from_dict({"type": "statement"})
    assert_type(read, se.Event | se.Relation | se.Report)
    event = se.from_dict({"type": "statement"}, se.Event)
    assert_type(event, se.Event)
    statement = se.from_dict({"type": "statement"}, se.Statement)
    assert_type(statement, se.Statement)
    assert_type(se.dumps(statement), str)
    assert_type(se.to_dict(statement), dict[str, Any])
