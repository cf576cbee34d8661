"""Field validators shared by the value and event classes.

They raise :class:`~secevents.errors.FieldError` so that decoding errors can
name the offending field in their path.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any, Final

import attrs

from .codes import is_country_code, is_currency_code, is_subdivision_code
from .errors import FieldError

Validator = Callable[[Any, "attrs.Attribute[Any]", Any], None]

_SHORT_CODE: Final = re.compile(r"[A-Z][A-Z0-9_]{0,31}")
#: JSON readers in other languages hold integers as signed 64-bit numbers at most.
INT_RANGE: Final = (-(2**63), 2**63 - 1)


def is_json_text(value: object) -> bool:
    """True for a string that UTF-8 JSON can carry (no lone surrogates)."""
    if not isinstance(value, str):
        return False
    if value.isascii():
        return True
    try:
        value.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


def is_json_int(value: object) -> bool:
    """True for an int (not a bool) within the signed 64-bit range."""
    return type(value) is int and INT_RANGE[0] <= value <= INT_RANGE[1]


def _check(test: Callable[[Any], bool], describe: Callable[[Any], str]) -> Validator:
    def validate(inst: Any, attribute: attrs.Attribute[Any], value: Any) -> None:
        if value is not None and not test(value):
            raise FieldError(attribute.name, describe(value))

    validate.checks_raw_values = True  # type: ignore[attr-defined]
    return validate


def checks_raw_values(validator: Any) -> bool:
    """True for validators that also work on undecoded JSON values (used to report
    every problem at once when decoding fails)."""
    return getattr(validator, "checks_raw_values", False) is True


def _is_str(test: Callable[[str], bool]) -> Callable[[Any], bool]:
    return lambda value: isinstance(value, str) and test(value)


country_code: Final = _check(
    _is_str(is_country_code), lambda v: f"{v!r} is not an ISO 3166-1 alpha-3 code"
)
subdivision_code: Final = _check(
    _is_str(is_subdivision_code), lambda v: f"{v!r} is not an ISO 3166-2 code"
)
currency_code: Final = _check(_is_str(is_currency_code), lambda v: f"{v!r} is not an ISO 4217 code")
short_code: Final = _check(
    _is_str(lambda s: _SHORT_CODE.fullmatch(s) is not None),
    lambda v: f"{v!r} is not an upper-case code (A-Z, 0-9, _)",
)
non_negative: Final = _check(
    lambda v: is_json_int(v) and v >= 0,
    lambda v: f"{v!r} is not a whole number in [0, 2**63)",
)
text: Final = _check(
    is_json_text,
    lambda v: (
        f"{v!r} is not text JSON can carry"
        if isinstance(v, str)
        else f"expected str, got {type(v).__name__}"
    ),
)
non_empty_text: Final = _check(
    lambda v: is_json_text(v) and v.strip() != "",
    lambda v: f"{v!r} is empty" if is_json_text(v) else f"{v!r} is not text JSON can carry",
)


def instance_of(*types: type) -> Validator:
    """Like :func:`attrs.validators.instance_of`, raising FieldError; ``None`` passes."""
    names = " or ".join(t.__name__ for t in types)
    return _check(
        lambda v: isinstance(v, types) and not (isinstance(v, bool) and bool not in types),
        lambda v: f"expected {names}, got {type(v).__name__} {v!r}",
    )


def tuple_of(*types: type) -> Validator:
    """A tuple whose items are all instances of ``types``."""
    names = " or ".join(t.__name__ for t in types)

    def validate(inst: Any, attribute: attrs.Attribute[Any], value: Any) -> None:
        if not isinstance(value, tuple):
            raise FieldError(attribute.name, f"expected a tuple, got {type(value).__name__}")
        for index, item in enumerate(value):
            if not isinstance(item, types):
                raise FieldError(
                    f"{attribute.name}[{index}]", f"expected {names}, got {type(item).__name__}"
                )

    return validate


def in_range(low: float, high: float) -> Validator:
    """A number (not a bool) between ``low`` and ``high`` inclusive."""
    return _check(
        lambda v: isinstance(v, int | float) and not isinstance(v, bool) and low <= v <= high,
        lambda v: f"{v!r} is not a number in [{low}, {high}]",
    )
