"""A record as plain JSON values, the form its id is computed over.

The model's own writer, so that computing an id does not need the wire layer: it
writes what :func:`secevents.to_dict` writes for the built-in value types (fields in
declaration order, null, empty and ``False`` defaults left out, enums as their
values, decimals, EDTF dates and UTC timestamps as text, unknown keys back in place). The wire
converter is faster and configurable; ``tests/test_layers.py`` holds the two equal.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from decimal import Decimal
from enum import Enum
from typing import Any, Final

import attrs

from .dates import DateSpan, PartialDate
from .extra import place_unknown
from .timestamps import format_timestamp

__all__ = ["record_dict"]

# (field name, whether the field defaults to null/()/False: then an unset value is left out)
_Field = tuple[str, bool, bool]


def _is_empty_default(default: Any) -> bool:
    return default is None or default is False or (type(default) is tuple and not default)


_Layout = tuple[tuple[_Field, ...], dict[str, int], bool]
_LAYOUTS: dict[type, _Layout] = {}


def _layout(cls: type) -> _Layout:
    found = _LAYOUTS.get(cls)
    if found is not None:
        return found
    attrs.resolve_types(cls)
    fields = [field for field in attrs.fields(cls) if field.name != "extra"]
    layout = tuple(
        (field.name, _is_empty_default(field.default), field.default is None) for field in fields
    )
    order = {field.name: index for index, field in enumerate(fields, start=1)}
    tag = getattr(cls, "type_tag", None)
    if isinstance(tag, str):
        order["type"] = 0
    found = _LAYOUTS[cls] = (layout, order, "extra" in attrs.fields_dict(cls))
    return found


def record_dict(obj: Any) -> dict[str, Any]:
    """The JSON object of an attrs record (an event or a value), with an event's ``type``.

    >>> from secevents.model.amounts import Quantity
    >>> record_dict(Quantity(5000, qualifier="approx", unit="troops"))
    {'value': 5000, 'qualifier': 'approx', 'unit': 'troops'}
    """
    cls = type(obj)
    payload = getattr(obj, "payload", None)
    if getattr(cls, "_unregistered", False) and isinstance(payload, dict):
        return dict(payload)  # an unknown type, kept whole
    layout, order, has_extra = _layout(cls)
    tag = getattr(cls, "type_tag", None)
    data: dict[str, Any] = {"type": tag} if isinstance(tag, str) else {}
    for name, omit_empty, null_default in layout:
        value = getattr(obj, name)
        if value is None or (omit_empty and not null_default and not value):
            continue
        data[name] = _value(value)
    extra = obj.extra if has_extra else ()
    return place_unknown(data, extra, order) if extra else data


def _value(value: Any) -> Any:
    write = _WRITERS.get(type(value))
    if write is not None:
        return write(value)
    if isinstance(value, Enum):
        return value._value_
    if isinstance(value, tuple):
        return [_value(item) for item in value]
    if attrs.has(type(value)):
        return record_dict(value)
    return value


def _same(value: Any) -> Any:
    return value


_WRITERS: Final[dict[type, Callable[[Any], Any]]] = {
    str: _same,
    int: _same,
    float: _same,
    bool: _same,
    Decimal: lambda value: format(value, "f"),
    DateSpan: str,
    PartialDate: str,
    dt.datetime: format_timestamp,
}
