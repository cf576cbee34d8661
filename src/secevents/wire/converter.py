"""The one configured cattrs converter behind every read and write.

It is strict (no silent coercion: ``5.7`` is not an int, ``"naval"`` is not a
list), writes the wire format's key order with nulls and empties omitted, keeps
unknown keys in place, and dispatches events on their ``type`` tag through the
registry, so classes defined after the converter was built work too.
"""

from __future__ import annotations

import datetime as dt
import types
import typing
from collections.abc import Callable, Mapping
from decimal import Decimal
from enum import Enum
from typing import Any, Final, Literal

import attrs
import cattrs
from cattrs.cols import homogenous_tuple_structure_factory, is_sequence
from cattrs.errors import ClassValidationError, ForbiddenExtraKeysError
from cattrs.gen import make_dict_structure_fn, override

from ..errors import FieldError, Problem, UnknownTypeError, ValidationError, shown
from ..model._json import json_problem
from ..model._validate import DECIMAL_TEXT, checks_raw_values, is_json_text
from ..model.dates import DateSpan, PartialDate
from ..model.events import Event, UnknownEvent
from ..model.extra import KEPT_DATASETS, UnknownKey, place_unknown
from ..model.registry import registry
from ..model.relation import RELATION_TAG, Relation, relation_class, relation_classes
from ..model.report import Report
from ..model.timestamps import format_timestamp, parse_timestamp
from ._fastpath import fast_structure_fn
from .versions import SCHEMA_VERSION, upcast

__all__ = ["UnknownTypes", "configure_converter", "make_converter"]

UnknownTypes = Literal["error", "keep"]

# orjson writes at most 254 levels; an event uses a few, unknown values get the rest.
_MAX_UNKNOWN_DEPTH: Final = 200
_OPTIONS_KEY: Final = "__secevents_options__"


def make_converter(
    *,
    strict: bool = False,
    detailed_validation: bool = True,
    unknown_types: UnknownTypes = "error",
) -> cattrs.Converter:
    """A new converter configured for secevents.

    ``strict`` rejects unknown keys instead of keeping them; ``unknown_types``
    says whether an unregistered event ``type`` is an error or becomes an
    :class:`~secevents.UnknownEvent`. Derive your own with ``.copy()``.
    """
    converter = cattrs.Converter(detailed_validation=detailed_validation)
    configure_converter(converter, strict=strict, unknown_types=unknown_types)
    return converter


def configure_converter(
    converter: cattrs.Converter, *, strict: bool = False, unknown_types: UnknownTypes = "error"
) -> None:
    """Install the secevents hooks on an existing cattrs converter."""
    if unknown_types not in ("error", "keep"):
        raise ValueError(f"unknown_types must be 'error' or 'keep', not {unknown_types!r}")
    for base in (str, int, float, bool):
        converter.register_structure_hook(base, _strict_primitive(base))
    converter.register_structure_hook(Decimal, _structure_decimal)
    converter.register_unstructure_hook(Decimal, lambda value: format(value, "f"))
    converter.register_structure_hook(DateSpan, _from_edtf(DateSpan.parse))
    converter.register_structure_hook(PartialDate, _from_edtf(PartialDate.parse))
    converter.register_unstructure_hook(DateSpan, DateSpan.__str__)
    converter.register_unstructure_hook(PartialDate, str)
    converter.register_structure_hook(dt.datetime, _structure_timestamp)
    converter.register_unstructure_hook(dt.datetime, format_timestamp)
    converter.register_structure_hook_factory(_is_tuple, _strict_tuple_factory)
    converter.register_unstructure_hook_factory(_is_tuple, _tuple_unstructure_factory)
    converter.register_structure_hook_factory(
        attrs.has, lambda cl, conv: _object_structure_hook(cl, conv, strict=strict)
    )
    converter.register_unstructure_hook_factory(attrs.has, _object_unstructure_hook)
    converter.register_structure_hook_factory(
        lambda cl: cl is Report, lambda cl, conv: _report_structure_hook(cl, conv, strict=strict)
    )
    converter.register_structure_hook_factory(
        _is_event_class, lambda cl, conv: _event_structure_hook(cl, conv, strict, unknown_types)
    )
    converter.register_unstructure_hook_factory(_is_event_class, _event_unstructure_hook)
    converter.register_structure_hook(UnknownEvent, _structure_unknown_event)
    converter.register_structure_hook_factory(
        _is_relation_class, lambda cl, conv: _relation_structure_hook(cl, conv, strict)
    )
    converter.register_unstructure_hook_factory(
        _is_relation_class, lambda cl, conv: _object_unstructure_hook(cl, conv, RELATION_TAG)
    )
    converter.register_unstructure_hook(UnknownEvent, lambda event: dict(event.payload))


# -- primitives -------------------------------------------------------------------


def _describe(value: Any) -> str:
    return f"{type(value).__name__} {shown(value)}"


def _strict_primitive(base: type) -> Callable[[Any, type], Any]:
    accepted: tuple[type, ...] = (int, float) if base is float else (base,)
    name = {str: "a string", int: "an integer", float: "a number", bool: "a boolean"}[base]

    def structure(value: Any, cl: type) -> Any:
        if value.__class__ is cl:
            return value
        if type(value) not in accepted:
            raise TypeError(f"expected {name}, got {_describe(value)}")
        if cl is base:
            return float(value) if base is float else value
        if issubclass(cl, Enum):
            try:
                return cl(value)
            except ValueError:
                allowed = ", ".join(repr(member.value) for member in cl)
                raise ValueError(f"{shown(value)} is not one of {allowed}") from None
        make: Callable[[Any], Any] = cl  # a user subclass of a primitive type
        return make(value)

    return structure


def _structure_decimal(value: Any, _: type) -> Decimal:
    if isinstance(value, Decimal):
        return value
    if type(value) is not str or not DECIMAL_TEXT.fullmatch(value):
        raise TypeError(f"expected a decimal string, got {_describe(value)}")
    return Decimal(value)


def _from_edtf(parse: Callable[[str], Any]) -> Callable[[Any, type], Any]:
    def structure(value: Any, _: type) -> Any:
        if type(value) is not str:
            raise TypeError(f"expected an EDTF date string, got {_describe(value)}")
        try:
            return parse(value)
        except ValueError as error:
            if str(error).startswith(repr(value)):
                raise
            raise ValueError(f"{shown(value)} is not a valid EDTF date: {error}") from None

    return structure


def _structure_timestamp(value: Any, _: type) -> dt.datetime:
    if type(value) is not str:
        raise TypeError(f"expected an RFC 3339 timestamp string, got {_describe(value)}")
    return parse_timestamp(value)


def _is_tuple(tp: Any) -> bool:
    return typing.get_origin(tp) is tuple and is_sequence(tp)


def _strict_tuple_factory(tp: Any, converter: cattrs.Converter) -> Callable[[Any, Any], Any]:
    structure_items = homogenous_tuple_structure_factory(tp, converter)

    def structure(value: Any, cl: Any) -> Any:
        if type(value) not in (list, tuple):
            raise TypeError(f"expected a list, got {_describe(value)}")
        return structure_items(value, cl)

    return structure


def _tuple_unstructure_factory(tp: Any, converter: cattrs.Converter) -> Callable[[Any], Any]:
    (item,) = typing.get_args(tp)[:1] or (Any,)
    if item in (str, int, float, bool, Any):
        return list
    if isinstance(item, type) and issubclass(item, Enum):
        return lambda values: [value.value for value in values]
    write = converter.get_unstructure_hook(item)
    return lambda values: [write(value) for value in values]


# -- objects (value types and events) --------------------------------------------


def _is_event_class(cl: Any) -> bool:
    return isinstance(cl, type) and issubclass(cl, Event)


def _is_empty_default(default: Any) -> bool:
    """Fields defaulting to null, an empty tuple or False are omitted when unset."""
    return default is None or default is False or (type(default) is tuple and not default)


def _wire_fields(cl: type) -> list[attrs.Attribute[Any]]:
    attrs.resolve_types(cl)
    return [field for field in attrs.fields(cl) if field.name != "extra"]


def _object_structure_hook(
    cl: type, converter: cattrs.Converter, *, strict: bool
) -> Callable[[Any, Any], Any]:
    """The decoder of an attrs class: generated inline checks on the fast path, cattrs'
    detailed hooks (every problem with its path) otherwise; unknown keys kept or refused."""
    checked = _checked_structure_hook(cl, converter, strict=strict, event=False)
    if converter.detailed_validation:
        return checked
    return _fast_hook(cl, converter, checked, event=False) or checked


def _fast_hook(
    cl: type,
    converter: cattrs.Converter,
    checked: Callable[[Any, Any], Any],
    *,
    event: bool,
    names: dict[str, Any] | None = None,
) -> Callable[[Any, Any], Any] | None:
    """The generated decoder; dicts with unknown keys go to ``checked``."""
    known = frozenset(field.name for field in _wire_fields(cl)) | ({"type"} if event else set())
    prelude = _EVENT_PRELUDE if event else []
    return fast_structure_fn(
        cl, converter, known=known, slow=checked, prelude=prelude, names=names or {}
    )


_EVENT_PRELUDE: Final = [
    "    t = d.get('type', _tag)",
    "    if t != _tag:",
    "        raise ValueError('type')",
    "    s = d.get('schema_version')",
    "    if s is not None and (type(s) is not int or s != _version):",
    "        d = _upcast(d)",
]


def _checked_structure_hook(
    cl: type, converter: cattrs.Converter, *, strict: bool, event: bool
) -> Callable[[Any, Any], Any]:
    fields = _wire_fields(cl)
    known = frozenset(field.name for field in fields) | ({"type"} if event else set())
    # Strict mode refuses unknown keys; the kept dataset columns of events are not unknown.
    allowed = known | KEPT_DATASETS if event else known
    has_extra = "extra" in attrs.fields_dict(cl)
    overrides: dict[str, Any] = {"extra": override(omit=True)} if has_extra else {}
    build: Callable[[Any, Any], Any] = make_dict_structure_fn(cl, converter, **overrides)
    if converter.detailed_validation:
        build = _with_raw_checks(build, cl, fields)

    def structure(data: Any, _: Any) -> Any:
        if type(data) is not dict:
            raise TypeError(f"expected an object, got {_describe(data)}")
        if strict and not allowed.issuperset(data):
            _reject_unknown(data, allowed, cl, build)
        obj = build(data, cl)
        if not known.issuperset(data):
            unknown = _unknown_keys(data, known)
            if strict:
                _check_kept(data)
            if not has_extra:
                reason = "strict mode" if strict else f"{cl.__name__} keeps no unknown keys"
                raise ForbiddenExtraKeysError(reason, cl, {item.key for item in unknown})
            if event and not data.get("id"):  # the id covers the unknown keys too
                obj = attrs.evolve(obj, extra=unknown, id="")
            else:
                obj = attrs.evolve(obj, extra=unknown)
        return obj

    return structure


def _with_raw_checks(
    build: Callable[[Any, Any], Any], cl: type, fields: list[attrs.Attribute[Any]]
) -> Callable[[Any, Any], Any]:
    """On failure, also run the field validators that work on raw values, so that a
    bad currency is reported together with a bad amount rather than after it is fixed."""
    checked = [field for field in fields if checks_raw_values(field.validator)]

    def build_checked(data: Any, _: Any) -> Any:
        try:
            return build(data, cl)
        except ClassValidationError as error:
            named, others = error.group_exceptions()
            seen = {note.name for _, note in named}
            seen.update(other.field for other in others if isinstance(other, FieldError))
            more: list[Exception] = []
            for field in checked:
                if field.name in data and field.name not in seen:
                    try:
                        field.validator(None, field, data[field.name])  # type: ignore[misc]
                    except FieldError as problem:
                        more.append(problem)
            if not more:
                raise
            raise ClassValidationError(error.message, [*error.exceptions, *more], cl) from None

    return build_checked


def _check_kept(data: dict[str, Any]) -> None:
    for key in KEPT_DATASETS.intersection(data):
        if type(data[key]) is not dict:
            raise FieldError(key, f"kept columns are an object, got {_describe(data[key])}")


def _reject_unknown(
    data: dict[str, Any], known: frozenset[str], cl: type, build: Callable[[Any, Any], Any]
) -> None:
    """Raise for the unknown keys here, together with any problem deeper down."""
    unknown = ForbiddenExtraKeysError("strict mode", cl, set(data) - known)
    try:
        build(data, cl)
    except Exception as nested:
        message = f"While structuring {cl.__name__}"
        raise ClassValidationError(message, [unknown, nested], cl) from None
    raise unknown


def _unknown_keys(data: Mapping[str, Any], known: frozenset[str]) -> tuple[UnknownKey, ...]:
    found: list[UnknownKey] = []
    anchor: str | None = None
    for key, value in data.items():
        if key in known:
            anchor = key
            continue
        if not is_json_text(key):
            raise TypeError(f"keys must be strings, got {_describe(key)}")
        problem = json_problem(value, _MAX_UNKNOWN_DEPTH)
        if problem:
            where = key + problem[0][1:]
            raise FieldError(where, f"unknown key with a value JSON cannot hold: {problem[1]}")
        found.append(UnknownKey(key, value, anchor))
    return tuple(found)


def _object_unstructure_hook(
    cl: type, converter: cattrs.Converter, tag: str | None = None
) -> Callable[[Any], Any]:
    """Generate a writer that keeps declaration order and omits null/empty/False defaults.

    (cattrs' own generator moves always-written fields first, which breaks the
    wire format's fixed key order.) With ``tag``, a ``type`` key comes first.
    """
    fields = _wire_fields(cl)
    namespace: dict[str, Any] = {}
    start = "    res = {}" if tag is None else f"    res = {{'type': {tag!r}}}"
    lines = ["def unstructure(obj):", start]
    for index, field in enumerate(fields):
        value = f"obj.{field.name}"
        write = _inline_writer(field.type, converter, namespace, f"_h{index}")
        default = field.default
        if _is_empty_default(default):
            # () and False are falsy, as no value of a field defaulting to them is.
            test = "v is not None" if default is None else "v"
            lines.append(f"    v = {value}")
            lines.append(f"    if {test}:")
            lines.append(f"        res[{field.name!r}] = {write('v')}")
        else:
            lines.append(f"    v = {value}")
            lines.append("    if v is not None:")
            lines.append(f"        res[{field.name!r}] = {write('v')}")
    lines.append("    return res")
    exec(compile("\n".join(lines), f"<secevents unstructure {cl.__qualname__}>", "exec"), namespace)
    write_fields: Callable[[Any], dict[str, Any]] = namespace["unstructure"]
    order = {field.name: index for index, field in enumerate(fields, start=1)}
    if tag is not None:
        order["type"] = 0
    if "extra" not in attrs.fields_dict(cl):
        return write_fields

    def unstructure(obj: Any) -> dict[str, Any]:
        data = write_fields(obj)
        extra = obj.extra
        return place_unknown(data, extra, order) if extra else data

    return unstructure


def _inline_writer(
    tp: Any, converter: cattrs.Converter, namespace: dict[str, Any], name: str
) -> Callable[[str], str]:
    """Source text that writes a value of type ``tp`` (``None`` already excluded)."""
    options = [arg for arg in typing.get_args(tp) if arg is not type(None)]
    if typing.get_origin(tp) in (typing.Union, types.UnionType) and len(options) == 1:
        tp = options[0]
    if tp in (str, int, float, bool, Any):
        return lambda value: value
    if isinstance(tp, type) and issubclass(tp, Enum):
        return lambda value: f"{value}._value_"
    if typing.get_origin(tp) is tuple:
        (item, *_) = typing.get_args(tp) or (Any,)
        item_text = _inline_writer(item, converter, namespace, name)("x")
        if item_text == "x":
            return lambda value: f"list({value})"
        return lambda value: f"[{item_text} for x in {value}]"
    namespace[name] = converter.get_unstructure_hook(tp)
    return lambda value: f"{name}({value})"


def _report_structure_hook(
    cl: type, converter: cattrs.Converter, *, strict: bool
) -> Callable[[Any, Any], Any]:
    """A report is an object like any other, whose ``type`` (when given) must be "report"."""
    structure_fields = _object_structure_hook(cl, converter, strict=strict)

    def structure(data: Any, _: Any) -> Any:
        if type(data) is dict and data.get("type", "report") != "report":
            raise ValueError(f"type {data['type']!r} is not 'report'")
        return structure_fields(data, cl)

    return structure


def _event_structure_hook(
    cl: type[Event], converter: cattrs.Converter, strict: bool, unknown_types: UnknownTypes
) -> Callable[[Any, Any], Any]:
    if cl is UnknownEvent:
        return _structure_unknown_event
    if "_checks" not in cl.__dict__ or cl.__dict__.get("abstract", False):
        return _dispatch_on_tag(cl, converter, unknown_types)
    return _tagged_structure_hook(cl, converter, strict, cl.type_tag)


def _tagged_structure_hook(
    cl: type, converter: cattrs.Converter, strict: bool, tag: str
) -> Callable[[Any, Any], Any]:
    """The decoder of a record class written with a ``type`` tag (an event, a relation)."""
    structure_fields = _checked_structure_hook(cl, converter, strict=strict, event=True)
    if not converter.detailed_validation:
        names = {"_tag": tag, "_version": SCHEMA_VERSION, "_upcast": upcast}
        fast = _fast_hook(cl, converter, structure_fields, event=True, names=names)
        if fast is not None:
            return fast

    def structure(data: Any, _: Any) -> Any:
        if type(data) is not dict:
            raise TypeError(f"expected an object, got {_describe(data)}")
        given = data.get("type", tag)
        if given != tag:
            raise ValueError(f"type {given!r} is not {tag!r} ({cl.__name__})")
        version = data.get("schema_version")
        if version is not None and (type(version) is not int or version != SCHEMA_VERSION):
            data = upcast(data)
        return structure_fields(data, cl)

    return structure


def _is_relation_class(cl: Any) -> bool:
    return isinstance(cl, type) and issubclass(cl, Relation)


def _relation_structure_hook(
    cl: type[Relation], converter: cattrs.Converter, strict: bool
) -> Callable[[Any, Any], Any]:
    """Reads a relation into the class registered for its ``kind`` (``cl`` or a subclass)."""
    own = _tagged_structure_hook(cl, converter, strict, RELATION_TAG)
    hooks: dict[type, Callable[[Any, Any], Any]] = {cl: own}

    def structure(data: Any, _: Any) -> Any:
        if type(data) is not dict:
            raise TypeError(f"expected a relation object, got {_describe(data)}")
        kind = data.get("kind")
        target = relation_class(kind) if type(kind) is str else None
        if target is None or not issubclass(target, cl):
            known = ", ".join(
                sorted(k for c in relation_classes() if issubclass(c, cl) for k in c.kinds)
            )
            if type(kind) is not str:
                message = f"missing or not a string: {shown(kind)}"
            elif target is None:
                message = f"{shown(kind)} is not a registered relation kind (known: {known})"
            else:
                message = f"kind {kind!r} ({target.__name__}) is not a kind of {cl.__name__}"
            raise ValidationError([Problem("$.kind", message)])
        hook = hooks.get(target)
        if hook is None:
            hook = hooks[target] = converter.get_structure_hook(target)
        return hook(data, target)

    return structure


def _dispatch_on_tag(
    base: type[Event], converter: cattrs.Converter, unknown_types: UnknownTypes
) -> Callable[[Any, Any], Any]:
    # Keyed by class, not tag: a class re-defined under the same tag gets its own hook.
    hooks: dict[type, Callable[[Any, Any], Any]] = {}

    def structure(data: Any, _: Any) -> Any:
        if type(data) is not dict:
            raise TypeError(f"expected an event object, got {_describe(data)}")
        tag = data.get("type")
        if type(tag) is not str:
            raise UnknownTypeError([Problem("$.type", f"missing or not a string: {tag!r}")])
        cls = registry.get(tag)
        if cls is None:
            if unknown_types == "keep":
                return _structure_unknown_event(data, UnknownEvent)
            known = ", ".join(sorted(registry.tags()))
            raise UnknownTypeError(
                [Problem("$.type", f"{tag!r} is not a registered event type (known: {known})")]
            )
        hook = hooks.get(cls)
        if hook is None:
            if not issubclass(cls, base):
                message = f"type {tag!r} ({cls.__name__}) is not a kind of {base.__name__}"
                raise ValueError(message)
            hook = hooks[cls] = converter.get_structure_hook(cls)
        return hook(data, cls)

    return structure


def _structure_unknown_event(data: Any, _: Any) -> UnknownEvent:
    if type(data) is not dict or type(data.get("type")) is not str:
        raise TypeError(f"expected an event object with a string type, got {_describe(data)}")
    problem = json_problem(data, _MAX_UNKNOWN_DEPTH)
    if problem is not None:  # kept whole, so it must be JSON that can be written back
        raise ValidationError([Problem(problem[0], f"a value JSON cannot hold: {problem[1]}")])
    given_id = data.get("id")
    return UnknownEvent(
        id=given_id if type(given_id) is str else "", unknown_type=data["type"], payload=data
    )


def _event_unstructure_hook(cl: type[Event], converter: cattrs.Converter) -> Callable[[Any], Any]:
    if "_checks" not in cl.__dict__ or cl.__dict__.get("abstract", False):
        return lambda event: converter.unstructure(event, type(event))
    return _object_unstructure_hook(cl, converter, cl.type_tag)
