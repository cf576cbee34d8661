"""JSON Schema (draft 2020-12) of the wire format, derived from the attrs classes themselves.

Built at call time from the registry, so user-defined event types are included.
"""

from __future__ import annotations

import datetime as dt
import re
import types
import typing
from decimal import Decimal
from enum import Enum
from typing import Any, Final

import attrs

from ..model import _validate as v
from ..model.amounts import Money
from ..model.dates import DateSpan, PartialDate
from ..model.events import Event
from ..model.extra import KEPT_DATASETS
from ..model.places import Location
from ..model.registry import registry
from ..model.relation import RELATION_TAG, Relation, relation_classes
from .versions import SCHEMA_VERSION

__all__ = [
    "DIALECT",
    "METADATA_KEY",
    "SCHEMA_ID",
    "event_schema",
    "json_schema",
    "relation_schema",
]

#: The JSON Schema dialect of the generated schemas.
DIALECT: Final = "https://json-schema.org/draft/2020-12/schema"
#: The ``$id`` of :func:`json_schema`'s result (``:strict`` is appended in strict mode).
SCHEMA_ID: Final = f"urn:secevents:schema:{SCHEMA_VERSION}:event"
#: The attrs metadata key whose mapping is merged into a field's schema.
METADATA_KEY: Final = "json_schema"

Schema = dict[str, Any]

# EDTF levels 0/1 as written by DateSpan/PartialDate: a year (four digits, signed, or
# "Y" and more digits), then a month or a season (21-24), a day only after a month,
# unspecified digits (X) only at the end, then a time of day or a qualifier.
_MONTH_DAY: Final = (
    r"(?:-(?:0[1-9]|1[0-2])(?:-(?:0[1-9]|[12][0-9]|3[01]|XX)"
    r"(?:T(?:[01][0-9]|2[0-4]):[0-5][0-9]:[0-5][0-9](?:\.[0-9]{1,9})?"
    r"(?:Z|[+-][01][0-9](?::[0-5][0-9])?)?)?)?|-2[1-4]|-XX(?:-XX)?)?"
)
_EDTF_DATE: Final = (
    r"(?:Y-?[1-9][0-9]{4,11}(?:-(?:0[1-9]|1[0-2]|2[1-4]))?"
    rf"|(?!-0000)-?[0-9]{{4}}{_MONTH_DAY}|[0-9]{{3}}X|[0-9]{{2}}XX|XXXX(?:-XX(?:-XX)?)?)[?~%]?"
)
# A date, or an interval whose ends may be open ("..") or unknown (""), not both.
_EDTF_SPAN: Final = rf"^(?:{_EDTF_DATE}(?:/(?:{_EDTF_DATE}|\.\.)?)?|(?:\.\.)?/{_EDTF_DATE})$"
_NUMBER: Final = r"(?:[0-9]+(?:\.[0-9]*)?|\.[0-9]+)(?:[eE][+-]?[0-9]+)?"
_TIMESTAMP: Final = (
    r"^[0-9]{4}-[0-9]{2}-[0-9]{2}[Tt][0-9]{2}:[0-9]{2}:[0-9]{2}(?:\.[0-9]{1,6})?(?:[Zz]|[+-]00:00)$"
)
_UUID: Final = "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}"

# Leaf types: a fresh copy of the schema is made for each use.
_LEAVES: Final[dict[Any, Schema]] = {
    str: {"type": "string"},
    int: {"type": "integer"},
    float: {"type": "number"},
    bool: {"type": "boolean"},
    Decimal: {"type": "string", "pattern": f"^[+-]?{_NUMBER}$"},
    DateSpan: {"type": "string", "pattern": _EDTF_SPAN},
    PartialDate: {"type": "string", "pattern": f"^{_EDTF_DATE}$"},
    dt.datetime: {"type": "string", "format": "date-time", "pattern": _TIMESTAMP},
}

# The shared field validators, as the schema keywords that say the same.
_VALIDATORS: Final[dict[Any, Schema]] = {
    v.country_code: {"pattern": "^[A-Z]{3}$"},
    v.currency_code: {"pattern": "^[A-Z]{3}$"},
    v.subdivision_code: {"pattern": "^[A-Z]{2}-[A-Z0-9]{1,3}$"},
    v.short_code: {"pattern": "^[A-Z][A-Z0-9_]{0,31}$"},
    v.non_negative: {"minimum": 0},
    v.non_empty_text: {"pattern": r"\S"},
}

# Checks that no shared validator object carries (``in_range`` builds a new closure
# per field; the others live in ``__attrs_post_init__``). Looked up along the MRO,
# so subclasses inherit them.
_CHECKS: Final[dict[tuple[type, str], Schema]] = {
    (Event, "confidence"): {"minimum": 0, "maximum": 1},
    (Relation, "confidence"): {"minimum": 0, "maximum": 1},
    (Relation, "source_ref"): {"pattern": r"\S"},
    (Relation, "target_ref"): {"pattern": r"\S"},
    (Money, "amount"): {"pattern": rf"^\+?{_NUMBER}$"},
    (Location, "lat"): {"minimum": -90, "maximum": 90},
    (Location, "lon"): {"minimum": -180, "maximum": 180},
}


# The columns a dataset reader keeps on an event (under the dataset's name: "gdelt",
# "acled", ...), so that writing the event back gives the record.
_KEPT: Final[Schema] = {
    "title": "kept",
    "description": (
        "The columns of an imported dataset record that no field stands for, kept as"
        " read (column name to value) so that writing the event back gives the record;"
        " under the dataset's name (acled, gdelt, icews, plover, ucdp)."
    ),
    "type": "object",
    "properties": {
        "_original": {
            "description": "Cells of mapped columns the fields do not give back exactly.",
            "type": "object",
        },
        "_absent": {
            "description": "Mapped keys the record lacked (JSON records).",
            "type": "array",
            "items": {"type": "string"},
        },
        "_read": {
            "description": "What the writer gave, on reading, for the groups kept.",
            "type": "object",
        },
    },
}


def json_schema(*, strict: bool = False) -> dict[str, Any]:
    """The JSON Schema of one event of any registered type, user-defined types included,
    or of one relation (``"type": "relation"``) of any registered kind: a line of a
    JSON Lines stream.

    The ``type`` key selects the event's schema (``if``/``then`` on each tag), so
    a validator reports the faults of that type only. Value classes are in
    ``$defs``. ``strict=True`` forbids unknown keys everywhere, like
    ``from_dict(strict=True)``. A field's attrs metadata ``{"json_schema": {...}}``
    is merged into its schema, for constraints a type annotation cannot state.

    >>> import jsonschema
    >>> import secevents as se
    >>> from secevents.wire.schema import json_schema
    >>> validator = jsonschema.Draft202012Validator(json_schema())
    >>> validator.is_valid(se.to_dict(se.Statement(speaker=se.Actor.state("TJK"))))
    True
    >>> validator.is_valid({"type": "statement", "speaker": {"kind": "state", "code": "tjk"}})
    False
    """
    builder = _Builder(strict=strict)
    tags: list[str] = []
    branches: list[Schema] = []
    for cls in registry:
        tags.append(cls.type_tag)
        branches.append(
            {
                "if": {"properties": {"type": {"const": cls.type_tag}}, "required": ["type"]},
                "then": builder.ref(cls),
            }
        )
    tags.append(RELATION_TAG)
    every_kind = sorted(kind for relation_cls in relation_classes() for kind in relation_cls.kinds)
    branches.append(
        {
            "if": {"properties": {"type": {"const": RELATION_TAG}}, "required": ["type"]},
            "then": {"required": ["kind"], "properties": {"kind": {"enum": every_kind}}},
        }
    )
    for relation_cls in relation_classes():
        kinds = {"enum": sorted(relation_cls.kinds)}
        branches.append(
            {
                "if": {
                    "properties": {"type": {"const": RELATION_TAG}, "kind": kinds},
                    "required": ["type", "kind"],
                },
                "then": builder.ref(relation_cls),
            }
        )
    return {
        "$schema": DIALECT,
        "$id": SCHEMA_ID + (":strict" if strict else ""),
        "title": f"secevents event or relation (wire format version {SCHEMA_VERSION})",
        "description": (
            "One event or relation; its 'type' tag (and a relation's 'kind') selects the "
            "schema it must satisfy."
        ),
        "type": "object",
        "required": ["type"],
        "properties": {"type": {"enum": tags}},
        "allOf": branches,
        "$defs": builder.defs,
    }


def event_schema(cls: type[Event], *, strict: bool = False) -> dict[str, Any]:
    """The JSON Schema of the events of one registered type.

    >>> import jsonschema
    >>> import secevents as se
    >>> from secevents.wire.schema import event_schema
    >>> schema = event_schema(se.Statement)
    >>> schema["properties"]["type"]
    {'const': 'statement'}
    >>> jsonschema.Draft202012Validator(schema).is_valid({"type": "joint_exercise"})
    False
    """
    tag = getattr(cls, "type_tag", None)
    if not isinstance(tag, str) or registry.get(tag) is not cls:
        raise TypeError(f"{getattr(cls, '__qualname__', cls)!r} is not a registered event class")
    builder = _Builder(strict=strict)
    body = builder.object_schema(cls)
    schema: Schema = {
        "$schema": DIALECT,
        "$id": f"{SCHEMA_ID}:{tag}" + (":strict" if strict else ""),
        **body,
    }
    if builder.defs:
        schema["$defs"] = builder.defs
    return schema


def relation_schema(cls: type[Relation] = Relation, *, strict: bool = False) -> dict[str, Any]:
    """The JSON Schema of the relations of one registered relation class (its kinds).

    >>> import jsonschema
    >>> schema = relation_schema()
    >>> schema["properties"]["kind"]["enum"][:3]
    ['about', 'confirms', 'denies']
    >>> validator = jsonschema.Draft202012Validator(schema)
    >>> link = {"type": "relation", "kind": "about", "source_ref": "a", "target_ref": "b"}
    >>> validator.is_valid(link), validator.is_valid({**link, "kind": "likes"})
    (True, False)
    """
    if not (isinstance(cls, type) and issubclass(cls, Relation)) or cls not in relation_classes():
        raise TypeError(f"{getattr(cls, '__qualname__', cls)!r} is not a registered relation class")
    builder = _Builder(strict=strict)
    body = builder.object_schema(cls)
    name = "" if cls is Relation else f":{cls.__qualname__}"
    schema: Schema = {
        "$schema": DIALECT,
        "$id": f"urn:secevents:schema:{SCHEMA_VERSION}:relation{name}"
        + (":strict" if strict else ""),
        **body,
    }
    if builder.defs:
        schema["$defs"] = builder.defs
    return schema


class _Builder:
    """Collects the ``$defs`` of the classes met while building one schema."""

    def __init__(self, *, strict: bool) -> None:
        self.strict = strict
        self.defs: dict[str, Schema] = {}
        self._names: dict[type, str] = {}

    def ref(self, cls: type) -> Schema:
        """A ``$ref`` to the definition of ``cls``, adding it on first use."""
        name = self._names.get(cls)
        if name is None:
            name = self._def_name(cls)
            self._names[cls] = name
            self.defs[name] = {}  # reserve the slot first: classes may refer to themselves
            self.defs[name] = self.object_schema(cls)
        return {"$ref": f"#/$defs/{name}"}

    def kept(self) -> Schema:
        """A ``$ref`` to the ``kept`` object: a dataset record's columns no field stands for."""
        self.defs.setdefault("kept", dict(_KEPT))
        return {"$ref": "#/$defs/kept"}

    def _def_name(self, cls: type) -> str:
        name = cls.__name__
        if name in self.defs:  # two classes of the same name (a user's and ours)
            name = re.sub(r"[^A-Za-z0-9_.]", "_", f"{cls.__module__}.{cls.__qualname__}")
        base, number = name, 2
        while name in self.defs:
            name, number = f"{base}_{number}", number + 1
        return name

    def object_schema(self, cls: type) -> Schema:
        """The object schema of an attrs class: its wire fields, without ``extra``."""
        attrs.resolve_types(cls)
        properties: dict[str, Schema] = {}
        required: list[str] = []
        tag = cls.type_tag if issubclass(cls, Event | Relation) else None
        if tag is not None:
            properties["type"] = {"const": tag}
            required.append("type")
        for field in attrs.fields(cls):
            if field.name == "extra":
                continue
            properties[field.name] = self.field_schema(cls, field)
            if field.init and field.default is attrs.NOTHING:
                required.append(field.name)
        if tag is not None:
            properties["id"] = {"type": "string", "pattern": f"^{re.escape(tag)}--{_UUID}$"}
            if issubclass(cls, Event):
                for dataset in sorted(KEPT_DATASETS):
                    properties[dataset] = self.kept()
        if issubclass(cls, Relation):
            properties["kind"] = {"enum": sorted(cls.kinds)}
        schema: Schema = {"title": cls.__name__}
        doc = (cls.__doc__ or "").strip()
        if doc:
            schema["description"] = doc.splitlines()[0].replace("``", "")
        schema.update(type="object", properties=properties)
        if required:
            schema["required"] = required
        if self.strict:
            schema["additionalProperties"] = False
        return schema

    def field_schema(self, cls: type, field: attrs.Attribute[Any]) -> Schema:
        """The schema of one field: its type, narrowed by its validators and metadata."""
        if not field.init and field.default is not attrs.NOTHING:
            # Not settable: always its default (``schema_version``).
            return {"const": field.default}
        constraints: Schema = {}
        validator = field.validator
        for each in getattr(validator, "_validators", (validator,)):  # attrs.validators.and_
            constraints.update(_VALIDATORS.get(each, {}))
        for klass in getattr(cls, "__mro__", (cls,)):
            constraints.update(_CHECKS.get((klass, field.name), {}))
        try:
            schema = self.type_schema(field.type, constraints)
        except TypeError as error:
            raise TypeError(f"{cls.__qualname__}.{field.name}: {error}") from None
        return {**schema, **field.metadata.get(METADATA_KEY, {})}

    def type_schema(self, tp: Any, constraints: Schema | None = None) -> Schema:
        """The schema of values of type ``tp``; ``constraints`` narrow the non-null values."""
        if typing.get_origin(tp) in (typing.Union, types.UnionType):
            options = typing.get_args(tp)
            schemas = [self.type_schema(o, constraints) for o in options if o is not type(None)]
            schema = schemas[0] if len(schemas) == 1 else {"anyOf": schemas}
            return _nullable(schema) if type(None) in options else schema
        if typing.get_origin(tp) is tuple:
            args = typing.get_args(tp)
            if len(args) != 2 or args[1] is not Ellipsis:
                raise TypeError(f"only tuple[X, ...] is supported, not {tp}")
            return {"type": "array", "items": self.type_schema(args[0], constraints)}
        if tp is Any:
            return {}
        if tp in _LEAVES:
            schema = dict(_LEAVES[tp])
        elif isinstance(tp, type) and issubclass(tp, Enum):
            schema = {"title": tp.__name__, "enum": [member.value for member in tp]}
        elif attrs.has(tp):
            schema = self.ref(tp)
        else:
            raise TypeError(f"no JSON Schema for type {tp!r}")
        return {**schema, **(constraints or {})}


def _nullable(schema: Schema) -> Schema:
    """``schema`` or null, in the form that gives the plainest validation errors."""
    if not schema:
        return schema
    if "enum" in schema:
        return {**schema, "enum": [*schema["enum"], None]}
    if isinstance(schema.get("type"), str) and "$ref" not in schema:
        return {**schema, "type": [schema["type"], "null"]}
    return {"anyOf": [schema, {"type": "null"}]}
