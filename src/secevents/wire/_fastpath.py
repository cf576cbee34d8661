"""Generated decoders for the fast path: one plain function per class, checks inlined.

They accept exactly what the detailed cattrs hooks accept and build objects
through the class's own ``__init__`` (so every validator runs), but raise bare
errors: a failure is re-decoded by the detailed converter to name its path.
"""

from __future__ import annotations

import types
import typing
from collections.abc import Callable
from decimal import Decimal
from enum import Enum
from typing import Any

import attrs
import cattrs

from ..model._validate import DECIMAL_TEXT, is_pass_through
from ..model.dates import DateSpan, PartialDate

__all__ = ["fast_structure_fn"]

StructureFn = Callable[[Any, Any], Any]
_MISSING = object()


def fast_structure_fn(
    cl: type,
    converter: cattrs.Converter,
    *,
    known: frozenset[str],
    slow: StructureFn,
    prelude: list[str],
    names: dict[str, Any],
) -> StructureFn | None:
    """A generated decoder for ``cl``, or ``None`` when a field needs the generic path.

    ``slow`` handles dicts with keys outside ``known``; ``prelude`` is source run
    first (event tag and version checks) with ``names`` in scope.
    """
    namespace: dict[str, Any] = {
        "_cl": cl,
        "_known": known,
        "_slow": slow,
        "_M": _MISSING,
        "_Decimal": Decimal,
        **names,
    }
    lines = [
        "def structure(d, _):",
        "    if type(d) is not dict:",
        "        raise TypeError('expected an object')",
        *prelude,
        "    if not _known.issuperset(d):",
        "        return _slow(d, _)",
    ]
    values: dict[str, str] = {}
    for index, field in enumerate(attrs.fields(cl)):
        if not field.init or field.name == "extra":
            continue
        code = _field_code(field, index, converter, namespace)
        if code is None:
            return None
        lines.extend(code)
        values[field.name] = f"f{index}"
    lines += _construct(cl, values, namespace)
    source = "\n".join(lines)
    exec(compile(source, f"<secevents fast structure {cl.__qualname__}>", "exec"), namespace)
    built: StructureFn = namespace["structure"]
    return built


def _construct(cl: type, values: dict[str, str], namespace: dict[str, Any]) -> list[str]:
    """Lines that build the instance from decoded values and return it.

    For the library's own kind of class (slotted, attrs-generated ``__init__``, only
    converters that pass decoded values through) the instance is assembled directly
    and its validators and ``__attrs_post_init__`` are called, as ``__init__`` would;
    this skips ``__init__``'s per-call overhead, which dominates decoding. Other
    classes go through ``__init__``.
    """
    fields = attrs.fields(cl)
    if not _can_assemble(cl, fields):
        arguments = ", ".join(
            f"{field.alias}={values[field.name]}" for field in fields if field.name in values
        )
        return [f"    return _cl({arguments})"]
    namespace["_new"] = object.__new__
    namespace["_set"] = object.__setattr__
    lines = ["    o = _new(_cl)"]
    for index, field in enumerate(fields):
        if field.name in values:
            value = values[field.name]
        else:  # not read from the input: extra (always empty here) and init=False fields
            namespace[f"_fixed{index}"] = () if field.name == "extra" else field.default
            value = f"_fixed{index}"
        lines.append(f"    _set(o, {field.name!r}, {value})")
    for index, field in enumerate(fields):
        if field.validator is not None and field.name in values:
            namespace[f"_v{index}"] = field.validator
            namespace[f"_a{index}"] = field
            lines.append(f"    _v{index}(o, _a{index}, {values[field.name]})")
    if hasattr(cl, "__attrs_post_init__"):
        lines.append("    o.__attrs_post_init__()")
    lines.append("    return o")
    return lines


def _can_assemble(cl: type, fields: tuple[attrs.Attribute[Any], ...]) -> bool:
    init = getattr(cl, "__init__", None)
    generated = getattr(getattr(init, "__code__", None), "co_filename", "")
    return (
        "__slots__" in cl.__dict__
        and generated.startswith("<attrs generated")
        and not hasattr(cl, "__attrs_pre_init__")
        and all(field.converter is None or is_pass_through(field.converter) for field in fields)
        and all(
            field.init or not isinstance(field.default, attrs.Factory)  # type: ignore[arg-type]
            for field in fields
        )
    )


def _field_code(
    field: attrs.Attribute[Any], index: int, converter: cattrs.Converter, namespace: dict[str, Any]
) -> list[str] | None:
    tp = field.type
    is_union = typing.get_origin(tp) in (typing.Union, types.UnionType)
    options = typing.get_args(tp) if is_union else ()
    optional = type(None) in options
    if optional:
        rest = [option for option in options if option is not type(None)]
        if len(rest) != 1:
            return None
        tp = rest[0]
    target = f"f{index}"
    convert = _convert_code(tp, target, index, converter, namespace)
    if convert is None:
        return None
    name = field.name
    default = field.default
    if isinstance(default, attrs.Factory):  # type: ignore[arg-type]
        factory: Any = default
        if factory.takes_self:
            return None
        namespace[f"_factory{index}"] = factory.factory
        missing = [f"        {target} = _factory{index}()"]
    elif default is attrs.NOTHING:
        missing = [f"        raise KeyError({name!r})"]
    else:
        namespace[f"_default{index}"] = default
        missing = [f"        {target} = _default{index}"]
    lines = [f"    v = d.get({name!r}, _M)", "    if v is _M:", *missing]
    if optional:
        lines += ["    elif v is None:", f"        {target} = None"]
    lines.append("    else:")
    lines += ["    " + line for line in convert]
    return lines


def _convert_code(
    tp: Any, target: str, index: int, converter: cattrs.Converter, namespace: dict[str, Any]
) -> list[str] | None:
    """Lines (at function-body indent) that check ``v`` and put its value in ``target``."""
    fail = f"        raise TypeError({target!r})"
    if tp is str or tp is int or tp is bool:
        namespace[f"_t{index}"] = tp
        return [f"    if type(v) is not _t{index}:", fail, f"    {target} = v"]
    if tp is float:
        return [
            "    if type(v) is float:",
            f"        {target} = v",
            "    elif type(v) is int:",
            f"        {target} = float(v)",
            "    else:",
            fail,
        ]
    if tp is Any:
        return [f"    {target} = v"]
    if tp is Decimal:
        namespace["_decimal_text"] = DECIMAL_TEXT.fullmatch
        return [
            "    if type(v) is str and _decimal_text(v):",
            f"        {target} = _Decimal(v)",
            "    elif type(v) is _Decimal:",
            f"        {target} = v",
            "    else:",
            fail,
        ]
    if tp is DateSpan or tp is PartialDate:
        namespace[f"_parse{index}"] = tp.parse
        return ["    if type(v) is not str:", fail, f"    {target} = _parse{index}(v)"]
    if isinstance(tp, type) and issubclass(tp, Enum):
        namespace[f"_e{index}"] = tp
        namespace[f"_m{index}"] = tp._value2member_map_
        return [
            f"    {target} = _m{index}.get(v) if type(v) is str else "
            f"(v if type(v) is _e{index} else None)",
            f"    if {target} is None:",
            fail,
        ]
    if typing.get_origin(tp) is tuple:
        return _tuple_code(tp, target, index, converter, namespace)
    namespace[f"_h{index}"] = _hook(converter, tp)
    namespace[f"_t{index}"] = tp
    return [f"    {target} = _h{index}(v, _t{index})"]


def _tuple_code(
    tp: Any, target: str, index: int, converter: cattrs.Converter, namespace: dict[str, Any]
) -> list[str] | None:
    args = typing.get_args(tp)
    if len(args) != 2 or args[1] is not Ellipsis:
        return None
    item = args[0]
    head = [
        "    if type(v) is not list and type(v) is not tuple:",
        f"        raise TypeError({target!r})",
    ]
    if item is str:
        return [
            *head,
            "    for y in v:",
            "        if type(y) is not str:",
            f"            raise TypeError({target!r})",
            f"    {target} = tuple(v)",
        ]
    namespace[f"_h{index}"] = _hook(converter, item)
    namespace[f"_t{index}"] = item
    return [*head, f"    {target} = tuple([_h{index}(y, _t{index}) for y in v])"]


def _hook(converter: cattrs.Converter, tp: Any) -> StructureFn:
    try:
        hook: StructureFn = converter.get_structure_hook(tp)
    except RecursionError:  # a class that contains itself: bind late
        return converter.structure
    return hook
