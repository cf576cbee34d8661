"""Hedged numbers: counts of troops and equipment, and sums of money.

"about 5,000 troops" is ``Quantity(5000, qualifier="approx", unit="troops")``;
"$8.6 million" is ``Money(amount=Decimal("8600000"), currency="USD")``.
"""

from __future__ import annotations

from decimal import Decimal, InvalidOperation
from typing import Any

import attrs

from ..errors import FieldError, shown
from . import _validate as v
from ._forgiving import forgiving_fields
from ._methods import lazy_methods
from .extra import UnknownKey, extra_field
from .vocab import EquipmentKind, Qualifier, to_equipment_kind, to_qualifier

__all__ = ["Equipment", "Money", "Quantity", "to_decimal"]


def to_decimal(value: Decimal | int | str) -> Decimal:
    """An exact, finite Decimal from a Decimal, an int or a decimal string; floats are refused.

    >>> to_decimal("8600000")
    Decimal('8600000')
    """
    if isinstance(value, Decimal):
        result = value
    elif isinstance(value, int) and not isinstance(value, bool):
        result = Decimal(value)
    elif isinstance(value, str):
        try:
            result = Decimal(value.strip())
        except InvalidOperation:
            raise FieldError("amount", f"{shown(value)} is not a decimal number") from None
    else:
        raise FieldError(
            "amount", f"expected a decimal string, int or Decimal, got {type(value).__name__}"
        )
    if not result.is_finite():
        raise FieldError("amount", f"{shown(value)} is not a finite number")
    return result


@attrs.frozen(kw_only=True, weakref_slot=False, field_transformer=forgiving_fields)
@lazy_methods
class Quantity:
    """A count with its hedge: a value, a low-high range, or a bound.

    >>> Quantity(5000, qualifier="approx", unit="troops")
    Quantity(value=5000, low=None, high=None, qualifier=<Qualifier.APPROX: 'approx'>, unit='troops')
    >>> Quantity(low=2000, high=3000).high
    3000
    """

    value: int | None = attrs.field(default=None, kw_only=False, validator=v.non_negative)
    low: int | None = attrs.field(default=None, validator=v.non_negative)
    high: int | None = attrs.field(default=None, validator=v.non_negative)
    qualifier: Qualifier = attrs.field(default=Qualifier.EXACT, converter=to_qualifier)
    unit: str | None = attrs.field(default=None, validator=v.non_empty_text)
    extra: tuple[UnknownKey, ...] = extra_field()

    def __attrs_post_init__(self) -> None:
        if self.value is None and self.low is None and self.high is None:
            raise FieldError("value", "a quantity needs a value, a low or a high bound")
        if self.low is not None and self.high is not None and self.low > self.high:
            raise FieldError("high", f"high {self.high} is below low {self.low}")
        if self.value is not None:
            if self.low is not None and self.value < self.low:
                raise FieldError("value", f"value {self.value} is below low {self.low}")
            if self.high is not None and self.value > self.high:
                raise FieldError("value", f"value {self.value} is above high {self.high}")


def _amount(value: Any) -> Decimal:
    return to_decimal(value)


v.passes_decoded_values(_amount)


@attrs.frozen(kw_only=True, weakref_slot=False, field_transformer=forgiving_fields)
@lazy_methods
class Money:
    """An exact sum in an ISO 4217 currency.

    >>> Money(amount="8600000", currency="USD", qualifier="approx").amount
    Decimal('8600000')
    """

    amount: Decimal = attrs.field(converter=_amount)
    currency: str = attrs.field(validator=v.currency_code)
    qualifier: Qualifier = attrs.field(default=Qualifier.EXACT, converter=to_qualifier)
    extra: tuple[UnknownKey, ...] = extra_field()

    def __attrs_post_init__(self) -> None:
        if self.amount < 0:
            raise FieldError("amount", f"{self.amount} is negative")


@attrs.frozen(kw_only=True, weakref_slot=False, field_transformer=forgiving_fields)
@lazy_methods
class Equipment:
    """A kind of equipment and how much of it: "over 700 armoured vehicles".

    >>> Equipment(kind="tanks", quantity=Quantity(40)).kind
    <EquipmentKind.TANKS: 'tanks'>
    """

    kind: EquipmentKind = attrs.field(converter=to_equipment_kind)
    quantity: Quantity | None = attrs.field(default=None, validator=v.instance_of(Quantity))
    extra: tuple[UnknownKey, ...] = extra_field()
