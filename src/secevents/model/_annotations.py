"""Field annotations resolved once per class, at the cost of the fields the class adds.

The model's modules use ``from __future__ import annotations``, so attrs sees each
field's type as a string. :func:`typing.get_type_hints` resolves every annotation of
every class in the MRO, compiling each string anew: for an :class:`~secevents.Event`
subclass that is the base's fifteen fields again, once per class, and it was done twice
per class (for the forgiving converters, then for the field checks).

:func:`resolve_strings` resolves a class's string annotations (compiled once per
distinct string, evaluated as :func:`typing.get_type_hints` evaluates a class's
annotations) and returns them, so the field transformer can store them on the fields.
A subclass then inherits fields whose types are resolved already. Anything beyond
plain classes, unions, ``tuple[...]`` and the like (nested strings, ``Annotated``,
``Literal``) goes through :func:`typing.get_type_hints` itself, so the result is the
same as before.
"""

from __future__ import annotations

import inspect
import sys
import threading
import types
import typing
from collections.abc import Iterable
from typing import Any, Final

import attrs

__all__ = ["mark_resolved", "resolve_strings"]

_CODE: dict[str, types.CodeType] = {}
_CODE_LOCK: Final = threading.Lock()


def _compiled(annotation: str) -> types.CodeType:
    code = _CODE.get(annotation)
    if code is None:
        with _CODE_LOCK:
            code = _CODE.get(annotation)
            if code is None:
                code = _CODE[annotation] = compile(annotation, "<annotation>", "eval")
    return code


def _is_plain(tp: Any) -> bool:
    """A type whose evaluation needs nothing :func:`typing.get_type_hints` adds."""
    if tp is Any or tp is Ellipsis or isinstance(tp, type):
        return True
    origin = typing.get_origin(tp)
    if origin is None or origin is typing.Annotated or origin is typing.Literal:
        return False
    return all(_is_plain(arg) for arg in typing.get_args(tp))


Namespaces = tuple[dict[str, Any], typing.Mapping[str, Any]]


def _namespaces(owner: type) -> Namespaces:
    """The globals and locals :func:`typing.get_type_hints` evaluates ``owner``'s own
    annotations in: the module's names come before the class's."""
    module = sys.modules.get(owner.__module__)
    return dict(vars(owner)), vars(module) if module is not None else {}


def _evaluate(annotation: str, namespaces: Namespaces) -> Any:
    """The type ``annotation`` names; NameError if it names something not defined (yet)."""
    globalns, localns = namespaces
    try:
        value = eval(_compiled(annotation), globalns, localns)
    except NameError:
        raise
    except Exception:  # typing words the refusal, as it did before
        value = Ellipsis
    if value is None:
        return type(None)
    if value is not Ellipsis and _is_plain(value):
        return value

    def holder() -> None: ...

    holder.__annotations__ = {"field": annotation}
    return typing.get_type_hints(holder, globalns, dict(localns), include_extras=True)["field"]


def _owner(cls: type, name: str, annotation: str) -> type | None:
    """The class of ``cls``'s MRO whose own annotation of ``name`` is ``annotation``."""
    for klass in cls.__mro__:
        own = inspect.get_annotations(klass)
        if name in own:
            return klass if own[name] == annotation else None
    return None


def resolve_strings(cls: type, fields: Iterable[attrs.Attribute[Any]]) -> dict[str, Any]:
    """The resolved types of the ``fields`` of ``cls`` whose type is still a string.

    A field whose annotation names something not defined yet (a type defined later in
    its module) is left out: :func:`typing.get_type_hints` would fail on it.
    """
    resolved: dict[str, Any] = {}
    namespaces: dict[type, Namespaces] = {}
    for field in fields:
        if not isinstance(field.type, str):
            continue
        owner = _owner(cls, field.name, field.type)
        if owner is None:  # not from an annotation (attrs.make_class): typing skips it too
            continue
        if owner not in namespaces:
            namespaces[owner] = _namespaces(owner)
        try:
            resolved[field.name] = _evaluate(field.type, namespaces[owner])
        except NameError:
            continue
    return resolved


def mark_resolved(cls: type) -> bool:
    """Tell attrs (and cattrs) that the field types of ``cls`` need no resolving, if
    none is a string any more; return whether that is so."""
    if any(isinstance(field.type, str) for field in attrs.fields(cls)):
        return False
    cls.__attrs_types_resolved__ = cls  # type: ignore[attr-defined]
    return True
