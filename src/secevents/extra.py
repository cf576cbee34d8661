"""Keys met on input that the schema does not know, kept for a lossless write-back.

Every wire object has an ``extra`` tuple of :class:`UnknownKey`; each remembers
the known key it followed, so that writing puts it back in place.
"""

from __future__ import annotations

from typing import Any

import attrs

__all__ = ["UnknownKey", "extra_field"]


@attrs.frozen(weakref_slot=False)
class UnknownKey:
    """An input key the schema does not define, its JSON value and its position.

    ``after`` is the known key it followed on input (``None``: it came first).
    """

    key: str
    value: Any = attrs.field(hash=False)
    after: str | None = None


def _check_extra(inst: Any, attribute: attrs.Attribute[Any], value: Any) -> None:
    if value == ():
        return
    if not isinstance(value, tuple) or not all(isinstance(v, UnknownKey) for v in value):
        raise TypeError(f"{attribute.name} must be a tuple of UnknownKey")


def extra_field() -> Any:
    """The ``extra`` field every wire class declares (keyword-only, hidden from repr)."""
    return attrs.field(default=(), kw_only=True, repr=False, validator=_check_extra)
