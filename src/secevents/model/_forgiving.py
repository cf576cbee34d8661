"""Forgiving constructors: what users naturally write, converted once, in one place.

:func:`forgiving_fields` is the attrs field transformer of every event class and
value type. From each field's annotation it derives a converter:

- an enum field takes a member, the member's wire string (``"agreed"``) or its name
  (``"AGREED"``); anything else is a :class:`~secevents.errors.FieldError` naming the
  field, the value and the accepted values, with a hint where one helps;
- a ``tuple[X, ...]`` field takes any iterable (a list, a generator) and stores a
  tuple; its enum items are converted too. A string is not taken for a sequence
  of characters.

The converters return decoded values unchanged, so the generated decoders skip them.
"""

from __future__ import annotations

import importlib
import inspect
import types
import typing
from collections.abc import Callable, Iterable, Mapping
from enum import Enum
from typing import Annotated, Any, Final, TypeVar, Union

import attrs

from ..errors import FieldError, shown
from ._annotations import resolve_strings
from ._validate import passes_decoded_values

__all__ = ["forgiving_fields", "member_of"]

Converter = Callable[[Any], Any]
E = TypeVar("E", bound=Enum)

#: The signature of every converter made here (``convert(value: Any) -> Any``).
_SIGNATURE: Final = inspect.Signature(
    [inspect.Parameter("value", inspect.Parameter.POSITIONAL_OR_KEYWORD, annotation="Any")],
    return_annotation="Any",
)

#: Hints for values that name the right thing in the wrong form: the normalizer that
#: reads them. Keyed by the enum's name, so the table needs no imports.
_HINTS: Final[dict[str, str]] = {
    "Qualifier": (
        "hedge words are read by secevents.normalize.parse_quantity"
        " (parse_quantity('about 5,000 troops'))"
    ),
}


def member_of(enum: type[E], value: Any, field: str | None = None) -> E:
    """The member of ``enum`` that ``value`` is, given as a member, a wire string or a name.

    A refusal names the field, the value and the accepted values.

    >>> from secevents.model.vocab import ConstructionStatus
    >>> member_of(ConstructionStatus, "agreed")
    <ConstructionStatus.AGREED: 'agreed'>
    >>> member_of(ConstructionStatus, "agred", "status")  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    secevents.errors.FieldError: status: 'agred' is not a valid ConstructionStatus; ...
    """
    if isinstance(value, enum):
        return value
    if type(value) is str:
        try:
            return enum(value)
        except ValueError:
            pass
        member = enum.__members__.get(value)
        if member is not None:
            return member
    raise _refusal(enum, value, field)


def _refusal(enum: type[Enum], value: Any, field: str | None) -> Exception:
    accepted = [str(member.value) for member in enum]
    message = f"{shown(value)} is not a valid {enum.__name__}; accepted: " + ", ".join(
        repr(text) for text in accepted
    )
    hint = _hint(enum, value, accepted)
    if hint:
        message += f"; {hint}"
    return FieldError(field, message) if field else ValueError(message)


def _hint(enum: type[Enum], value: Any, accepted: list[str]) -> str:
    if not isinstance(value, str):
        return ""
    if enum.__name__ == "Qualifier":  # a hedge word: the number reader's table says which
        # Loaded by name: the number reader depends on the vocabularies, not back.
        numbers = importlib.import_module("secevents.normalize.numbers")
        words = value.strip()
        found = numbers.hedge_before(f"{words} 1", len(words) + 1)
        if found is not None and found[1] == 0:
            return f"{value!r} means {found[0].value!r}; {_HINTS['Qualifier']}"
    import difflib  # here: only a refusal needs it, and importing secevents stays light

    folded = value.strip().lower().replace(" ", "_").replace("-", "_")
    close = difflib.get_close_matches(folded, accepted, n=1)
    if close:
        return f"did you mean {close[0]!r}?"
    return _HINTS.get(enum.__name__, "")


def _member_converter(enum: type[Enum], field: str, optional: bool) -> Converter:
    def convert(value: Any) -> Any:
        if type(value) is enum or (value is None and optional):
            return value
        return member_of(enum, value, field)

    return convert


def _tuple_converter(field: str, item: Any) -> Converter:
    items: Converter | None = None
    if isinstance(item, type) and issubclass(item, Enum):
        items = _member_converter(item, field, optional=False)

    def convert(value: Any) -> Any:
        if type(value) is not tuple:
            if isinstance(value, str | bytes | Mapping) or not isinstance(value, Iterable):
                return value  # the type check words the refusal
            value = tuple(value)
        if items is not None and not all(type(x) is item for x in value):
            value = tuple(items(x) for x in value)
        return value

    return convert


def _converter_for(field: str, tp: Any) -> Converter | None:
    tp = _unannotated(tp)
    origin = typing.get_origin(tp)
    if origin in (Union, types.UnionType):
        options = typing.get_args(tp)
        rest = [_unannotated(option) for option in options if option is not type(None)]
        if len(rest) == 1 and isinstance(rest[0], type) and issubclass(rest[0], Enum):
            return _member_converter(rest[0], field, optional=type(None) in options)
        return None
    if isinstance(tp, type) and issubclass(tp, Enum):
        return _member_converter(tp, field, optional=False)
    if origin is tuple:
        args = typing.get_args(tp)
        if len(args) == 2 and args[1] is Ellipsis:
            return _tuple_converter(field, _unannotated(args[0]))
    return None


def _unannotated(tp: Any) -> Any:
    """``X`` for ``Annotated[X, ...]`` (the converters go by the type alone)."""
    while typing.get_origin(tp) is Annotated:
        tp = typing.get_args(tp)[0]
    return tp


def forgiving_fields(cls: type, fields: list[attrs.Attribute[Any]]) -> list[attrs.Attribute[Any]]:
    """The attrs field transformer adding the forgiving converters (see the module).

    It also stores each field's resolved type on the field (see
    :mod:`secevents.model._annotations`), so that subclasses and the field checks
    need not resolve them again.
    """
    resolved = resolve_strings(cls, fields)
    result = []
    for field in fields:
        changes: dict[str, Any] = {}
        tp = field.type
        if field.name in resolved:
            tp = changes["type"] = resolved[field.name]
        if (
            field.name != "extra"
            and field.init
            and not _is_forgiving(field.converter)
            and not isinstance(tp, str)
        ):
            converter = _converter_for(field.name, tp)
            if converter is not None:
                converter.forgiving = True  # type: ignore[attr-defined]
                # What inspect.signature() finds; attrs asks for it for every field of
                # every subclass, and would read the function each time.
                converter.__signature__ = _SIGNATURE  # type: ignore[attr-defined]
                passes_decoded_values(converter)
                changes["converter"] = converter
        result.append(field.evolve(**changes) if changes else field)
    return result


def _is_forgiving(converter: Any) -> bool:
    return getattr(converter, "forgiving", False) is True
