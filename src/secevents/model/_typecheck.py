"""Checks built from a field's type annotation, so every event field is validated.

Event classes (the library's and users') declare plain annotated fields; the
checks here are derived once per class from those annotations.
"""

from __future__ import annotations

import math
import types
import typing
from collections.abc import Callable
from decimal import Decimal
from typing import Any, Final, Union

import attrs

from .._once import Once
from ..errors import shown
from ._annotations import mark_resolved
from ._validate import INT_RANGE, is_json_int, is_json_text

Check = Callable[[Any], str | None]


def _describe(value: Any) -> str:
    return f"{type(value).__name__} {shown(value)}"


#: The check of each type seen: a subclass's inherited fields (and the many fields typed
#: alike, ``Actor | None``) share one. Two threads may both make one; either is right.
_CHECKS: dict[Any, Check] = {}


def checker_for(tp: Any) -> Check:
    """A function returning ``None`` if a value fits ``tp``, else a message."""
    try:
        return _CHECKS[tp]
    except KeyError:
        check = _CHECKS[tp] = _new_checker(tp)
        return check
    except TypeError:  # an unhashable annotation: not kept
        return _new_checker(tp)


def _new_checker(tp: Any) -> Check:
    origin = typing.get_origin(tp)
    if origin in (Union, types.UnionType):
        options = typing.get_args(tp)
        checks = [checker_for(option) for option in options if option is not type(None)]
        optional = type(None) in options

        def check_union(value: Any) -> str | None:
            if value is None and optional:
                return None
            messages = [check(value) for check in checks]
            if any(message is None for message in messages):
                return None
            return messages[0] if len(messages) == 1 else f"unexpected {_describe(value)}"

        return check_union
    if origin is tuple:
        args = typing.get_args(tp)
        if len(args) != 2 or args[1] is not Ellipsis:
            raise TypeError(f"only tuple[X, ...] fields are supported, not {tp}")
        item_check = checker_for(args[0])

        def check_tuple(value: Any) -> str | None:
            if not isinstance(value, tuple):
                return (
                    f"expected a tuple (a list or other iterable converts; a string does not),"
                    f" got {_describe(value)}"
                )
            for index, item in enumerate(value):
                message = item_check(item)
                if message is not None:
                    return f"[{index}]: {message}"
            return None

        return check_tuple
    if tp is Any:
        return lambda value: None
    if tp is float:
        return _simple(
            lambda v: isinstance(v, int | float) and not isinstance(v, bool) and math.isfinite(v),
            "a finite float",
        )
    if tp is int:
        return _simple(is_json_int, "an int in the signed 64-bit range")
    if tp is Decimal:
        return _simple(lambda v: isinstance(v, Decimal) and v.is_finite(), "a finite Decimal")
    if tp is str:
        return _simple(is_json_text, "str (without lone surrogates)")
    if isinstance(tp, type):
        return _simple(lambda v: isinstance(v, tp), tp.__name__)
    raise TypeError(f"cannot check values of type {tp!r}")


def _simple(test: Callable[[Any], bool], name: str) -> Check:
    def check(value: Any) -> str | None:
        return None if test(value) else f"expected {name}, got {_describe(value)}"

    return check


ObjectCheck = Callable[[Any], tuple[str, str] | None]


def compile_checks(fields: list[tuple[str, Any]], checks: list[Check] | None = None) -> ObjectCheck:
    """One generated function checking every ``(name, type)`` of an object.

    Inline ``type(v) is ...`` tests accept the common case fast; a value they do
    not accept goes to :func:`checker_for` (or the given ``checks``, one per field),
    which decides and words the error. Returns ``(field name, message)`` for the
    first bad field, else ``None``.
    """
    if checks is None:
        checks = [checker_for(tp) for _, tp in fields]
    namespace: dict[str, Any] = {}
    lines = ["def check(obj):"]
    for index, ((name, tp), field_check) in enumerate(zip(fields, checks, strict=True)):
        namespace[f"_c{index}"] = field_check
        fast = _fast_test(tp, "v", namespace, f"_k{index}")
        lines += [
            f"    v = obj.{name}",
            f"    if not ({fast}):",
            f"        message = _c{index}(v)",
            "        if message is not None:",
            f"            return ({name!r}, message)",
        ]
    lines.append("    return None")
    exec(compile("\n".join(lines), "<secevents field checks>", "exec"), namespace)
    check: ObjectCheck = namespace["check"]
    return check


def checks_on_first_use(cls: type, fields: list[tuple[str, Any]]) -> ObjectCheck:
    """:func:`compile_checks` for ``cls``'s ``_checks``, generated when first called.

    Each field's type is judged now, so an annotation that cannot be checked is
    refused when the class is defined; generating and compiling the fast function
    waits for the first object made (importing secevents defines many classes and
    makes no object). The first call installs the function as ``cls._checks``;
    threads calling at once build it once.
    """
    checks = [checker_for(tp) for _, tp in fields]
    built = Once(lambda: compile_checks(fields, checks))

    def check(obj: Any) -> tuple[str, str] | None:
        compiled = built.get()
        if cls.__dict__.get("_checks") is check:
            type.__setattr__(cls, "_checks", compiled)
        return compiled(obj)

    return check


def _fast_test(tp: Any, var: str, namespace: dict[str, Any], name: str) -> str:
    """A Python expression true for common valid values of ``tp`` (false means: ask)."""
    origin = typing.get_origin(tp)
    if origin in (Union, types.UnionType):
        options = [o for o in typing.get_args(tp) if o is not type(None)]
        if len(options) == 1 and type(None) in typing.get_args(tp):
            return f"{var} is None or ({_fast_test(options[0], var, namespace, name)})"
        return "False"
    if origin is tuple:
        (item, *_) = typing.get_args(tp) or (Any,)
        if isinstance(item, type) and item not in _PRIMITIVES:
            namespace[name] = item
            every = f"all(type(x) is {name} for x in {var})"
            return f"{var} == () or (type({var}) is tuple and {every})"
        return f"{var} == ()"
    if tp is str:
        return f"type({var}) is str and {var}.isascii()"
    if tp is bool:
        return f"type({var}) is bool"
    if tp is int:
        low, high = INT_RANGE
        return f"type({var}) is int and {low} <= {var} <= {high}"
    if tp is float:
        namespace["_isfinite"] = math.isfinite
        return f"type({var}) is float and _isfinite({var})"
    if isinstance(tp, type) and tp not in _PRIMITIVES:
        namespace[name] = tp
        return f"type({var}) is {name}"
    return "False"


_PRIMITIVES: Final = (str, int, float, bool, Decimal)


def resolve_field_types(cls: type) -> None:
    """Resolve the string annotations of an attrs class, or say which class cannot be."""
    if mark_resolved(cls):  # the field transformer resolved them (model/_annotations.py)
        return
    try:
        attrs.resolve_types(cls)
    except NameError as error:
        raise TypeError(
            f"{cls.__qualname__}: cannot resolve field annotations ({error}); "
            "define the types the fields use at module level"
        ) from None
