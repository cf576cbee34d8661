"""Field validators shared by the value and event classes.

They raise :class:`~secevents.errors.FieldError` so that decoding errors can
name the offending field in their path.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any, Final

import attrs

from ..errors import FieldError, shown
from .codes import code_table

Validator = Callable[[Any, "attrs.Attribute[Any]", Any], None]

_SHORT_CODE: Final = re.compile(r"[A-Z][A-Z0-9_]{0,31}")
#: A decimal number as text, ASCII digits only ("8600000", "8.6", "1e6").
DECIMAL_TEXT: Final = re.compile(r"[+-]?([0-9]+(\.[0-9]*)?|\.[0-9]+)([eE][+-]?[0-9]+)?")
#: JSON readers in other languages hold integers as signed 64-bit numbers at most.
INT_RANGE: Final = (-(2**63), 2**63 - 1)


_SURROGATE: Final = re.compile("[\ud800-\udfff]")
_JSON_TYPES: Final = frozenset({str, int, float, bool})


def is_json_text(value: object) -> bool:
    """True for a string that UTF-8 JSON can carry (no lone surrogates)."""
    if not isinstance(value, str):
        return False
    return value.isascii() or _SURROGATE.search(value) is None


def json_text(text: str) -> tuple[str, int]:
    r"""``text`` with each lone surrogate (which no UTF-8 text holds) replaced by U+FFFD,
    and how many there were. One character stands for one: offsets do not move.

    >>> json_text("drills\ud800 near Kulob")
    ('drills\ufffd near Kulob', 1)
    """
    if is_json_text(text):
        return text, 0
    return _SURROGATE.subn("\ufffd", text)


def is_json_int(value: object) -> bool:
    """True for an int (not a bool) within the signed 64-bit range."""
    return type(value) is int and INT_RANGE[0] <= value <= INT_RANGE[1]


def _raw_safe(validate: Validator) -> Validator:
    validate.checks_raw_values = True  # type: ignore[attr-defined]
    return validate


def passes_decoded_values(converter: Callable[[Any], Any]) -> None:
    """Mark an attrs converter that returns an already-decoded value unchanged, so the
    generated decoders may skip it. (A call, not a decorator: mypy's attrs plugin only
    accepts plain named functions as converters.)"""
    converter.passes_decoded_values = True  # type: ignore[attr-defined]


def is_pass_through(converter: Any) -> bool:
    """True for converters marked with :func:`passes_decoded_values`."""
    return getattr(converter, "passes_decoded_values", False) is True


def checks_raw_values(validator: Any) -> bool:
    """True for validators that also work on undecoded JSON values (used to report
    every problem at once when decoding fails)."""
    return getattr(validator, "checks_raw_values", False) is True


# The validators below run for every field of every decoded object, so each is one
# flat function: the common valid case returns after a type test and a set lookup.
_tables: dict[str, frozenset[str]] = {}


def _table(name: str) -> frozenset[str]:
    table = _tables.get(name)
    if table is None:
        table = _tables[name] = code_table(name)
    return table


@_raw_safe
def country_code(inst: Any, attribute: attrs.Attribute[Any], value: Any) -> None:
    """An ISO 3166-1 alpha-3 code (or ``XKX``, or an ISO 3166-3 former state); ``None`` passes."""
    if value is None or (type(value) is str and value in _table("country")):
        return
    raise FieldError(
        attribute.name, f"{shown(value)} is not an ISO 3166-1 alpha-3 code{_name_hint(value)}"
    )


@_raw_safe
def subdivision_code(inst: Any, attribute: attrs.Attribute[Any], value: Any) -> None:
    """An ISO 3166-2 code; ``None`` passes."""
    if value is None or (type(value) is str and value in _table("subdivision")):
        return
    raise FieldError(attribute.name, f"{shown(value)} is not an ISO 3166-2 code")


@_raw_safe
def currency_code(inst: Any, attribute: attrs.Attribute[Any], value: Any) -> None:
    """An ISO 4217 code; ``None`` passes."""
    if value is None or (type(value) is str and value in _table("currency")):
        return
    raise FieldError(attribute.name, f"{shown(value)} is not an ISO 4217 code")


_short_code_match: Final = _SHORT_CODE.fullmatch


def _name_hint(value: Any) -> str:
    """Where a code was expected: the upper-case code for a lower-case one ("tjk"), the
    normalizer to use for a name ("Russia")."""
    if type(value) is not str or len(value) >= 200 or not any(c.islower() for c in value):
        return ""
    if _short_code_match(value.upper()) is not None and len(value) <= 4:
        return f"; codes are upper-case: {value.upper()!r}"
    return (
        f"; to find the code of a name, use"
        f" secevents.normalize.resolve_actor({value!r}).value (an Actor with its code)"
    )


@_raw_safe
def short_code(inst: Any, attribute: attrs.Attribute[Any], value: Any) -> None:
    """An upper-case code such as ``CSTO``; ``None`` passes."""
    if value is None or (type(value) is str and _short_code_match(value) is not None):
        return
    raise FieldError(
        attribute.name,
        f"{shown(value)} is not an upper-case code (A-Z, 0-9, _){_name_hint(value)}",
    )


@_raw_safe
def non_negative(inst: Any, attribute: attrs.Attribute[Any], value: Any) -> None:
    """A whole number in [0, 2**63); ``None`` passes."""
    if value is None or (type(value) is int and 0 <= value <= INT_RANGE[1]):
        return
    raise FieldError(attribute.name, f"{shown(value)} is not a whole number in [0, 2**63)")


@_raw_safe
def text(inst: Any, attribute: attrs.Attribute[Any], value: Any) -> None:
    """A string UTF-8 JSON can carry."""
    if (type(value) is str and value.isascii()) or is_json_text(value):
        return
    message = (
        f"{shown(value)} is not text JSON can carry"
        if isinstance(value, str)
        else f"expected str, got {type(value).__name__}"
    )
    raise FieldError(attribute.name, message)


@_raw_safe
def non_empty_text(inst: Any, attribute: attrs.Attribute[Any], value: Any) -> None:
    """A string with something besides white space; ``None`` passes."""
    if value is None:
        return
    if is_json_text(value):
        if value.strip():
            return
        raise FieldError(attribute.name, f"{shown(value)} is empty")
    raise FieldError(attribute.name, f"{shown(value)} is not text JSON can carry")


def instance_of(*types: type) -> Validator:
    """Like :func:`attrs.validators.instance_of`, raising FieldError; ``None`` passes."""
    names = " or ".join(t.__name__ for t in types)

    def validate(inst: Any, attribute: attrs.Attribute[Any], value: Any) -> None:
        if value is None or (
            isinstance(value, types) and (bool in types or type(value) is not bool)
        ):
            return
        got = f"{type(value).__name__} {shown(value)}"
        raise FieldError(attribute.name, f"expected {names}, got {got}")

    # Only JSON's own types are the same before and after decoding: a DateSpan is
    # a string on the wire, so checking the raw value would report a false problem.
    return _raw_safe(validate) if set(types) <= _JSON_TYPES else validate


def in_range(low: float, high: float) -> Validator:
    """A number (not a bool) between ``low`` and ``high`` inclusive; ``None`` passes."""

    @_raw_safe
    def validate(inst: Any, attribute: attrs.Attribute[Any], value: Any) -> None:
        if value is None or ((type(value) is float or type(value) is int) and low <= value <= high):
            return
        raise FieldError(attribute.name, f"{shown(value)} is not a number in [{low}, {high}]")

    return validate
