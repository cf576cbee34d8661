"""Keys met on input that the schema does not know, kept for a lossless write-back.

Every wire object has an ``extra`` tuple of :class:`UnknownKey`; each remembers
the known key it followed, so that writing puts it back in place. Objects compare
by what their unknown keys hold, not by where they stood: a read-then-write that
moves a key (after a field left empty) gives an equal object.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from typing import Any, Final

import attrs

from ..errors import FieldError
from . import _json
from ._methods import lazy_methods

__all__ = ["KEPT_DATASETS", "UnknownKey", "extra_field", "place_unknown"]

#: The keys under which the dataset readers of :mod:`secevents.interop` keep, on an
#: event, the columns of its record that no field stands for (an object: column name
#: to value as read, see ``secevents.interop._keep``). They are part of the schema (a
#: ``kept`` object), so strict mode reads imported events; they are held, like unknown
#: keys, in ``extra`` and written back in place.
KEPT_DATASETS: Final = frozenset({"acled", "gdelt", "icews", "plover", "ucdp"})


def _content(value: Any) -> Any:
    """What a JSON value holds, exactly: ``1``, ``1.0`` and ``true`` differ."""
    try:
        return _json.encode(value, sort_keys=True)
    except (TypeError, ValueError):  # not JSON (set from Python): compared as it is
        return value


def _finite(inst: UnknownKey, attribute: attrs.Attribute[Any], value: Any) -> None:
    """Refuse NaN and infinities at any depth: JSON would write them as ``null``."""
    if value is None or type(value) in (str, bool, int):
        return
    try:  # the C encoder finds quickly whether anything is amiss
        json.dumps(value, allow_nan=False, check_circular=False)
    except ValueError:
        problem = _json.json_problem(value)
        if problem is not None and problem[1].endswith("is not a finite number"):
            path, why = problem
            raise FieldError(inst.key + path[1:], f"unknown key: {why}") from None
    except (TypeError, RecursionError):
        pass  # not JSON at all: kept as given, and writing it fails loudly


@attrs.frozen(weakref_slot=False)
@lazy_methods
class UnknownKey:
    """An input key the schema does not define, its JSON value and its position.

    ``after`` is the known key it followed on input (``None``: it came first); it
    places the key on output and takes no part in comparisons.

    >>> UnknownKey("x", 1, after="tags") == UnknownKey("x", 1, after="type")
    True
    >>> UnknownKey("x", 1) == UnknownKey("x", 1.0)
    False
    """

    key: str
    value: Any = attrs.field(hash=False, eq=_content, validator=_finite)
    after: str | None = attrs.field(default=None, eq=False)


class _ByContent:
    """The unknown keys of an object, compared as a mapping: order and place do not count."""

    __slots__ = ("items",)

    def __init__(self, items: tuple[UnknownKey, ...]) -> None:
        self.items = items

    def _mapping(self) -> dict[str, Any]:
        return {item.key: _content(item.value) for item in self.items}

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, _ByContent):
            return NotImplemented
        return len(self.items) == len(other.items) and self._mapping() == other._mapping()

    def __hash__(self) -> int:
        return hash(frozenset(item.key for item in self.items))


def _extra_key(value: tuple[UnknownKey, ...]) -> Any:
    return _ByContent(value) if value else ()


def _check_extra(inst: Any, attribute: attrs.Attribute[Any], value: Any) -> None:
    if value == ():
        return
    if not isinstance(value, tuple) or not all(isinstance(v, UnknownKey) for v in value):
        raise TypeError(f"{attribute.name} must be a tuple of UnknownKey")


def extra_field() -> Any:
    """The ``extra`` field every wire class declares (keyword-only, hidden from repr)."""
    return attrs.field(default=(), kw_only=True, repr=False, validator=_check_extra, eq=_extra_key)


def place_unknown(
    data: dict[str, Any], extra: tuple[UnknownKey, ...], order: Mapping[str, int]
) -> dict[str, Any]:
    """``data`` with each unknown key put back after the known key it followed on input.

    ``order`` ranks the known keys (declaration order), to place a key whose anchor was
    left out (an empty field) after the nearest known key before it.
    """
    slots: dict[str | None, list[UnknownKey]] = {}
    present = list(data)
    for item in extra:
        anchor = item.after
        if anchor is not None and anchor not in data:
            rank = order.get(anchor, len(order))
            earlier = [key for key in present if order.get(key, -1) <= rank]
            anchor = earlier[-1] if earlier else None
        slots.setdefault(anchor, []).append(item)
    result: dict[str, Any] = {item.key: item.value for item in slots.get(None, ())}
    for key, value in data.items():
        result[key] = value
        for item in slots.get(key, ()):
            result[item.key] = item.value
    return result
