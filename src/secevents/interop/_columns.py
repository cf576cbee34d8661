"""The column model of the flat formats: which columns each field of each event type
gets, and how a field's wire value is written to and read from them.

CSV (:mod:`.flat`), data frames (:mod:`.frames`) and GeoJSON properties
(:mod:`.geojson`) share it, so a column means the same thing everywhere.
"""

from __future__ import annotations

import datetime as dt
import types
import typing
from collections.abc import Callable, Iterable, Mapping
from decimal import Decimal, InvalidOperation
from enum import Enum
from itertools import zip_longest
from typing import Any, Final

import attrs

from .._once import load_once
from ..errors import shown
from ..model import _json
from ..model.actors import Actor
from ..model.amounts import Equipment, Money, Quantity
from ..model.coded import CodedEvent
from ..model.codes import is_country_code
from ..model.dates import DateSpan
from ..model.events import BaseConstruction, DiplomaticCommunique, Event, JointExercise, Statement
from ..model.registry import registry

__all__ = [
    "BUILT_IN",
    "MISSING",
    "BadCellError",
    "Cell",
    "Spec",
    "cell_text",
    "csv_columns",
    "own_specs",
    "specs_of",
    "typed_row",
]

MISSING: Final[Any] = object()
_SEP: Final = "; "
BUILT_IN: Final = (BaseConstruction, JointExercise, DiplomaticCommunique, Statement, CodedEvent)
_EVENT_FIELDS: Final = tuple(f.name for f in attrs.fields(Event) if f.name != "extra")


class BadCellError(ValueError):
    """A cell that cannot be read into its field; ``column`` names it."""

    def __init__(self, column: str, message: str) -> None:
        super().__init__(message)
        self.column = column


Cell = Callable[[str], str]


def _parsed(column: str, text: str, parse: Callable[[str], Any] | str) -> Any:
    """``parse(text)``; a kind name (``"int"``) parses as that kind of cell."""
    what = _KIND_NAMES.get(parse) if isinstance(parse, str) else None
    try:
        return (_READERS[parse] if isinstance(parse, str) else parse)(text)
    except (ValueError, TypeError, InvalidOperation) as error:  # JSONError is a ValueError
        why = f"is not {what}" if what else f"is not valid ({error})"
        raise BadCellError(column, f"{shown(text)} {why}") from None


def _split(text: str) -> list[str]:
    return [part.strip() for part in text.split(";")] if text else []


def _bool(text: str) -> bool:
    lowered = text.strip().lower()
    if lowered in ("true", "1", "yes"):
        return True
    if lowered in ("false", "0", "no"):
        return False
    raise ValueError("expected true or false")


def _number(text: str) -> int:
    if not text.strip().isdigit():
        raise ValueError("expected a whole number")
    return int(text)


_KIND_NAMES: Final = {
    "int": "a whole number",
    "float": "a number",
    "bool": "true or false",
    "decimal": "a decimal number",
    "json": "JSON",
}


def _json_cell(text: str) -> Any:
    decoded = _json.decode(text)
    if decoded.duplicates:
        raise ValueError(f"{', '.join(decoded.duplicates)}: duplicate key")
    return decoded.value


_READERS: Final[dict[str, Callable[[str], Any]]] = {
    "str": str,
    "int": int,
    "float": float,
    "bool": _bool,
    "decimal": lambda text: str(Decimal(text.strip())),
    "list": _split,
    "json": _json_cell,
}


@attrs.frozen
class Spec:
    """How one wire key maps to columns: ``typed`` writes them, ``read`` reads them back.

    ``columns`` pairs each column with its kind: ``str``, ``int``, ``float``,
    ``bool``, ``decimal``, ``date``, ``list`` (joined with ``"; "``) or ``json``.
    """

    key: str
    columns: tuple[tuple[str, str], ...]
    #: Every column ``None``: the columns of an empty value.
    empty: dict[str, None] = attrs.field(init=False, eq=False, repr=False)

    @empty.default
    def _empty(self) -> dict[str, None]:
        return dict.fromkeys(name for name, _ in self.columns)

    def typed(self, value: Any) -> dict[str, Any]:
        """The column values (Python objects, ``None`` if empty) of a wire value."""
        return {self.columns[0][0]: value}

    def read(self, cell: Cell) -> Any:
        """The wire value the cells hold, or ``MISSING``; raises ``BadCellError``."""
        column, kind = self.columns[0]
        text = cell(column)
        return _parsed(column, text, kind) if text else MISSING


class _DateSpec(Spec):
    def typed(self, value: Any) -> dict[str, Any]:
        span = DateSpan.parse(value)
        names = [name for name, _ in self.columns]
        return dict(
            zip(names, (value, span.earliest, span.latest, span.precision.value), strict=True)
        )

    def read(self, cell: Cell) -> Any:
        (column, _), (start_col, _), (end_col, _), _ = self.columns
        if text := cell(column):
            return str(_parsed(column, text, DateSpan.parse))
        start, end = cell(start_col), cell(end_col)
        if not (start or end):
            return MISSING
        first = _parsed(start_col, start, dt.date.fromisoformat) if start else None
        last = _parsed(end_col, end, dt.date.fromisoformat) if end else None
        if first is None or last is None or first == last:
            return str(DateSpan.of(first or last))  # type: ignore[arg-type]
        return str(_parsed(end_col, end, lambda _: DateSpan.between(first, last)))


@attrs.frozen
class _ActorSpec(Spec):
    many: bool = False

    def typed(self, value: Any) -> dict[str, Any]:
        actors = value if isinstance(value, list) else [value]
        (codes, _), (names, _) = self.columns
        return {codes: [a.get("code") for a in actors], names: [a.get("name") for a in actors]}

    def read(self, cell: Cell) -> Any:
        (codes_col, _), (names_col, _) = self.columns
        actors = [
            _actor(code or None, name or None)
            for code, name in zip_longest(_split(cell(codes_col)), _split(cell(names_col)))
        ]
        if not actors:
            return MISSING
        return actors if self.many else actors[0]


def _actor(code: str | None, name: str | None) -> dict[str, Any]:
    if code is None:
        return {"name": name, "kind": "other"} if name else {"kind": "other"}
    kind = "state" if is_country_code(code) else "organization"
    return {"name": name, "kind": kind, "code": code} if name else {"kind": kind, "code": code}


@attrs.frozen
class _PartsSpec(Spec):
    """An object written as one column per key (``keys[i]`` is column ``i``'s key)."""

    keys: tuple[str, ...] = ()

    def typed(self, value: Any) -> dict[str, Any]:
        return {
            name: value.get(key) for (name, _), key in zip(self.columns, self.keys, strict=True)
        }

    def read(self, cell: Cell) -> Any:
        found = {
            key: _parsed(name, text, kind)
            for (name, kind), key in zip(self.columns, self.keys, strict=True)
            if (text := cell(name))
        }
        return found or MISSING


def _parts(key: str, parts: str, names: str | None = None) -> _PartsSpec:
    """``parts`` is ``"key:kind ..."``; columns are ``names`` or ``<key>_<part>``."""
    pairs = [part.split(":") for part in parts.split()]
    columns = names.split() if names else [f"{key}_{part}" for part, _ in pairs]
    kinds = tuple((name, kind) for name, (_, kind) in zip(columns, pairs, strict=True))
    return _PartsSpec(key, kinds, tuple(part for part, _ in pairs))


@attrs.frozen
class _ListSpec(Spec):
    """A list of objects as parallel ``"; "``-joined columns, one per key in ``keys``."""

    keys: tuple[str, ...] = ()

    def typed(self, value: Any) -> dict[str, Any]:
        return {
            name: [item.get(key) for item in value]
            for (name, _), key in zip(self.columns, self.keys, strict=True)
        }

    def read(self, cell: Cell) -> Any:
        lists = [_split(cell(name)) for name, _ in self.columns]
        found = [
            {key: text for key, text in zip(self.keys, texts, strict=True) if text}
            for texts in zip_longest(*lists, fillvalue="")
        ]
        return found or MISSING


class _CountSpec(Spec):
    def typed(self, value: Any) -> dict[str, Any]:
        return {self.columns[0][0]: len(value or ())}

    def read(self, cell: Cell) -> Any:
        return MISSING  # evidence is carried whole by the json column


_QUALIFIER_MARKS: Final = {"approx": "~", "more_than": ">", "at_least": ">=", "less_than": "<"}


class _EquipmentSpec(Spec):
    """``tanks: 40; armoured_vehicles: >700``: read back when every count is a plain number."""

    def typed(self, value: Any) -> dict[str, Any]:
        return {self.columns[0][0]: _SEP.join(_equipment_text(item) for item in value)}

    def read(self, cell: Cell) -> Any:
        column = self.columns[0][0]
        items = [_parsed(column, part, _equipment_item) for part in _split(cell(column))]
        return items or MISSING


def _equipment_text(item: Mapping[str, Any]) -> str:
    quantity = item.get("quantity")
    if quantity is None:
        return str(item["kind"])
    low, high, value = quantity.get("low"), quantity.get("high"), quantity.get("value")
    count = f"{low}-{high}" if low is not None and high is not None else str(value or low or high)
    mark = _QUALIFIER_MARKS.get(quantity.get("qualifier", "exact"), "")
    unit = f" {quantity['unit']}" if quantity.get("unit") else ""
    return f"{item['kind']}: {mark}{count}{unit}"


def _equipment_item(text: str) -> dict[str, Any]:
    kind, colon, count = text.partition(":")
    if not colon:
        return {"kind": kind.strip()}
    return {
        "kind": kind.strip(),
        "quantity": {"value": _number(count.strip()), "qualifier": "exact"},
    }


def _plain(tp: Any) -> tuple[Any, bool]:
    """The type without ``| None``, and whether it is ``tuple[X, ...]`` (then X)."""
    args = [arg for arg in typing.get_args(tp) if arg is not type(None)]
    if typing.get_origin(tp) in (typing.Union, types.UnionType) and len(args) == 1:
        tp = args[0]
    if typing.get_origin(tp) is tuple and typing.get_args(tp)[1:] == (Ellipsis,):
        return typing.get_args(tp)[0], True
    return tp, False


def _scalar_kind(tp: Any) -> str:
    if tp is str or tp is DateSpan or (isinstance(tp, type) and issubclass(tp, Enum)):
        return "str"
    return {bool: "bool", int: "int", float: "float", Decimal: "decimal"}.get(tp, "json")


def _spec(name: str, annotation: Any) -> Spec:
    tp, many = _plain(annotation)
    if tp is Actor:
        return _ActorSpec(name, ((name, "list"), (f"{name}_names", "list")), many)
    if many:
        if tp is Equipment:
            return _EquipmentSpec(name, ((name, "str"),))
        return Spec(name, ((name, "list" if _scalar_kind(tp) == "str" else "json"),))
    if tp is Quantity:
        return _parts(name, "value:int low:int high:int qualifier:str unit:str")
    if tp is Money:
        return _parts(name, "amount:decimal currency:str qualifier:str")
    return Spec(name, ((name, _scalar_kind(tp)),))


_COMMON: Final = (
    Spec("id", (("id", "str"),)),
    _DateSpec(
        "date",
        (("date", "str"), ("date_start", "date"), ("date_end", "date"), ("date_precision", "str")),
    ),
    Spec("reported", (("reported", "str"),)),
    Spec("factuality", (("factuality", "str"),)),
    _parts(
        "location",
        "name:str country:str admin1:str lat:float lon:float precision:str"
        " border_with:str near:bool geonames_id:int",
        "location country admin1 lat lon location_precision border_with near geonames_id",
    ),
)
_COMMON_TAIL: Final = (
    Spec("confidence", (("confidence", "float"),)),
    Spec("summary", (("summary", "str"),)),
    Spec("tags", (("tags", "list"),)),
    _ListSpec(
        "sources",
        tuple((f"source_{name}", "list") for name in ("publishers", "urls", "published", "kinds")),
        ("publisher", "url", "published", "kind"),
    ),
    _CountSpec("evidence", (("evidence_count", "int"),)),
)
_RESERVED: Final = frozenset(
    {"type", "json"} | {name for spec in (*_COMMON, *_COMMON_TAIL) for name, _ in spec.columns}
)


@load_once
def own_specs(cls: type[Event]) -> tuple[Spec, ...]:
    """The specs of the fields ``cls`` adds to :class:`~secevents.Event`.

    A field whose columns would clash with a common column or an earlier field's
    has none: the ``json`` column carries it.
    """
    taken = set(_RESERVED)
    specs = []
    for field in attrs.fields(cls):
        if (
            field.name in _EVENT_FIELDS
            or field.name in ("extra", "schema_version")
            or not field.init
        ):
            continue
        spec = _spec(field.name, field.type)
        names = {name for name, _ in spec.columns}
        if not names & taken:
            taken |= names
            specs.append(spec)
    return tuple(specs)


def specs_of(cls: type[Event] | None) -> tuple[Spec, ...]:
    """Every spec of an event class in column order (the common ones for an unknown type)."""
    own = own_specs(cls) if cls is not None else ()
    return (*_COMMON, *own, *_COMMON_TAIL)


def csv_columns(types: Iterable[type[Event]] | None = None) -> tuple[str, ...]:
    """The header :func:`write_csv` writes for events of ``types`` (default: every registered type).

    Common columns come first, then each type's own (built-in types first, in a
    fixed order), then ``confidence`` .. ``evidence_count`` and ``json``.

    >>> csv_columns([])[:6]
    ('id', 'type', 'date', 'date_start', 'date_end', 'date_precision')
    """
    if types is None:
        types = [*BUILT_IN, *(cls for cls in registry if cls not in BUILT_IN)]
    own: dict[str, None] = {}
    for cls in types:
        own.update((name, None) for spec in own_specs(cls) for name, _ in spec.columns)
    head = [name for spec in _COMMON for name, _ in spec.columns]
    tail = [name for spec in _COMMON_TAIL for name, _ in spec.columns]
    return (head[0], "type", *head[1:], *own, *tail, "json")


def cell_text(kind: str, value: Any) -> str:
    """The text a flat column of ``kind`` holds for a typed ``value`` (empty for ``None``)."""
    if value is None:
        return ""
    if kind == "list":
        return _SEP.join("" if item is None else str(item) for item in value) if any(value) else ""
    if kind == "json":
        return _json.encode(value).decode()
    if kind == "bool":
        return "true" if value else "false"
    if kind == "float":
        return repr(float(value))
    if kind == "date":
        return str(value.isoformat())
    return str(value)


def typed_row(wire: Mapping[str, Any], specs: Iterable[Spec]) -> dict[str, Any]:
    """Column values (Python objects; ``None`` when empty) of a wire dict, by spec."""
    row: dict[str, Any] = {"type": wire.get("type")}
    for spec in specs:
        value = wire.get(spec.key)
        if value is None and not isinstance(spec, _CountSpec):
            row.update(spec.empty)
        else:
            row.update(spec.typed(value))
    return row
