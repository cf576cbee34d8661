"""Hypothesis strategies that build valid secevents objects, for property tests.

Installing hypothesis registers them (entry point), so ``st.from_type(se.Event)`` and
``st.from_type(YourEvent)`` give valid events, including for types defined later.
"""

from __future__ import annotations

import calendar
import datetime as dt
import functools
import types
import typing
from collections.abc import Callable, Collection
from decimal import Decimal
from enum import Enum
from typing import Any, Final, TypeVar, overload

import attrs

from ..model import codes
from ..model.actors import STATE_KINDS, Actor
from ..model.amounts import Equipment, Money, Quantity
from ..model.dates import Bound, DatePrecision, DateSpan, PartialDate
from ..model.events import Event
from ..model.places import Location
from ..model.provenance import Evidence, Source
from ..model.registry import registry
from ..model.relation import Relation, relation_classes
from ..model.vocab import ActorKind, EquipmentKind, LocationPrecision, Qualifier, SourceKind

_setup_requested = False


def _hypothesis_setup_hook() -> None:
    """The ``hypothesis`` entry point: register the strategies when hypothesis is imported.

    Defined before hypothesis is imported: when this module is imported first,
    importing hypothesis below runs the entry point on this half-built module,
    so the registration is then left to the end of the module.
    """
    global _setup_requested
    if "register_strategies" in globals():
        register_strategies()
    else:
        _setup_requested = True


from hypothesis import reject  # noqa: E402 (after the hook: see its docstring)
from hypothesis import strategies as st  # noqa: E402
from hypothesis.errors import InvalidArgument  # noqa: E402

__all__ = [
    "actors", "date_spans", "equipment", "events", "evidence", "json_values", "locations",
    "money", "partial_dates", "quantities", "register_strategies", "relations", "sources",
    "timestamps",
]  # fmt: skip

E = TypeVar("E", bound=Event)
R = TypeVar("R", bound=Relation)
T = TypeVar("T")
Strategy = st.SearchStrategy

# Real codes that the reference data uses, drawn often; the full tables are drawn too.
_COUNTRIES: Final = ("TJK", "RUS", "CHN", "XKX", "AFG", "UZB", "KGZ", "KAZ", "IND", "USA", "SUN")
_SUBDIVISIONS: Final = ("TJ-GB", "TJ-KT", "TJ-SU", "TJ-DU", "RU-MOW", "CN-XJ", "AF-BDS")
_CURRENCIES: Final = ("USD", "RUB", "CNY", "TJS", "EUR")
_SHORT_CODES: Final = ("CSTO", "NATO", "SCO", "UN", "EU", "ASEAN", "AU", "TALIBAN")
_NAMES: Final = (
    "Emomali Rahmon", "Sergei Shoigu", "Министерство обороны", "中华人民共和国国防部",
    "Khaama Press", "Asia-Plus", "Ishkoshim", "Kulob", "Interaction-2021",
)  # fmt: skip
_HOSTS: Final = ("khaama.com", "asiaplustj.info", "tass.ru", "xinhuanet.com", "rferl.org")
_JSON_INT: Final = 2**53  # exactly representable in every JSON reader
_PRINTABLE: Final = st.characters(codec="utf-8", exclude_categories=("Cs", "Cc"))


# -- building blocks -------------------------------------------------------------


def _table(favourites: tuple[str, ...], table: Callable[[], Collection[str]]) -> Strategy[str]:
    # Deferred so that importing hypothesis does not load the pycountry tables.
    return st.sampled_from(favourites) | st.deferred(lambda: st.sampled_from(sorted(table())))


def _country_codes() -> Strategy[str]:
    return _table(_COUNTRIES, codes._countries)


def _optional(strategy: Strategy[T]) -> Strategy[T | None]:
    return st.none() | strategy


def _names() -> Strategy[str]:
    generated = st.text(_PRINTABLE, min_size=1, max_size=30).filter(lambda s: s.strip() != "")
    return st.sampled_from(_NAMES) | generated


def _free_text() -> Strategy[str]:
    alphabet = st.characters(
        codec="utf-8", exclude_categories=("Cs", "Cc"), include_characters="\n\t"
    )
    return st.text(alphabet, max_size=60)


def _counts() -> Strategy[int]:
    return st.integers(0, 10**6) | st.integers(0, _JSON_INT)


def json_values() -> Strategy[Any]:
    """Any JSON value (null, booleans, numbers, text, arrays, objects), as ``orjson`` reads it.

    >>> from hypothesis import find
    >>> import orjson
    >>> value = find(json_values(), lambda value: isinstance(value, dict) and len(value) == 2)
    >>> orjson.loads(orjson.dumps(value)) == value
    True
    """
    scalars = (
        st.none()
        | st.booleans()
        | st.integers(-_JSON_INT, _JSON_INT)
        | st.floats(allow_nan=False, allow_infinity=False)
        | _free_text()
    )
    return st.recursive(
        scalars,
        lambda inner: (
            st.lists(inner, max_size=3)
            | st.dictionaries(st.text(_PRINTABLE, max_size=8), inner, max_size=3)
        ),
        max_leaves=6,
    )


# -- dates -------------------------------------------------------------------------


@st.composite
def _partial_date(draw: st.DrawFn) -> PartialDate:
    year = draw(st.integers(1990, 2030) | st.integers(1, 9999))
    precision = draw(st.sampled_from(DatePrecision))
    month = day = None
    if precision is DatePrecision.SEASON:
        month = draw(st.integers(21, 24))
    elif precision is not DatePrecision.YEAR:
        month = draw(st.integers(1, 12))
        if precision is DatePrecision.DAY:
            day = draw(st.integers(1, calendar.monthrange(year, month)[1]))
    return PartialDate(
        year, month, day, approximate=draw(st.booleans()), uncertain=draw(st.booleans())
    )


def partial_dates() -> Strategy[PartialDate]:
    """EDTF dates at year, season, month or day precision, sometimes ``~``/``?``/``%``.

    >>> from hypothesis import find
    >>> find(partial_dates(), lambda date: date.day is not None).precision
    <DatePrecision.DAY: 'day'>
    """
    return _partial_date()


@st.composite
def _date_span(draw: st.DrawFn) -> DateSpan:
    start: PartialDate | Bound = draw(partial_dates())
    if draw(st.booleans()):
        return DateSpan(start)
    end: PartialDate | Bound = draw(partial_dates() | st.sampled_from(Bound))
    if isinstance(end, PartialDate):
        assert isinstance(start, PartialDate)
        if start.earliest > end.latest:
            start, end = end, start
    elif draw(st.booleans()):
        start, end = end, start  # an open or unknown start: "../2021"
    return DateSpan(start, end)


def date_spans() -> Strategy[DateSpan]:
    """Single dates and intervals (with open ``..`` or unknown ends) that start before they end.

    >>> from hypothesis import find
    >>> span = find(date_spans(), lambda span: span.is_interval)
    >>> DateSpan.parse(str(span)) == span
    True
    """
    return _date_span()


# -- value objects -----------------------------------------------------------------


@st.composite
def _actor(draw: st.DrawFn) -> Actor:
    kind = draw(st.sampled_from(ActorKind))
    name = draw(_optional(_names()))
    if kind in STATE_KINDS:
        code: str | None = draw(_country_codes())
    else:
        short = st.from_regex(r"[A-Z][A-Z0-9_]{0,31}", fullmatch=True)
        code = draw(_optional(st.sampled_from(_SHORT_CODES) | short))
        if code is None and name is None:
            name = draw(_names())
    return Actor(
        name=name,
        kind=kind,
        code=code,
        country=draw(_optional(_country_codes())),
        title=draw(_optional(_names())),
    )


def actors() -> Strategy[Actor]:
    """Actors of every kind; states, governments and militaries carry an ISO alpha-3 ``code``.

    >>> from hypothesis import find
    >>> from secevents import is_country_code
    >>> is_country_code(find(actors(), lambda actor: actor.kind == "military").code)
    True
    """
    return _actor()


@st.composite
def _location(draw: st.DrawFn) -> Location:
    name = draw(_optional(_names()))
    country = draw(_optional(_country_codes()))
    coordinates = draw(_optional(st.tuples(st.floats(-90, 90), st.floats(-180, 180))))
    if name is None and country is None and coordinates is None:
        name = draw(_names())
    border_with = draw(_optional(_country_codes()))
    lat, lon = coordinates or (None, None)
    return Location(
        name=name,
        country=country,
        admin1=draw(_optional(_table(_SUBDIVISIONS, codes._subdivisions))),
        lat=lat,
        lon=lon,
        precision=draw(_optional(st.sampled_from(LocationPrecision))),
        geonames_id=draw(_optional(st.integers(0, 10**8))),
        border_with=None if border_with == country else border_with,
        near=draw(st.booleans()),
    )


def locations() -> Strategy[Location]:
    """Places with a name, a country or coordinates (lat and lon together), maybe a border.

    >>> from hypothesis import find
    >>> place = find(locations(), lambda place: place.border_with is not None)
    >>> place.border_with != place.country
    True
    """
    return _location()


@st.composite
def _quantity(draw: st.DrawFn) -> Quantity:
    low, value, high = sorted(draw(st.lists(_counts(), min_size=3, max_size=3)))
    keep_low, keep_value, keep_high = draw(st.tuples(st.booleans(), st.booleans(), st.booleans()))
    return Quantity(
        value if keep_value or not (keep_low or keep_high) else None,
        low=low if keep_low else None,
        high=high if keep_high else None,
        qualifier=draw(st.sampled_from(Qualifier)),
        unit=draw(_optional(st.sampled_from(("troops", "vehicles", "sorties")) | _names())),
    )


def quantities() -> Strategy[Quantity]:
    """Counts, ranges and bounds with ``low <= value <= high`` and a qualifier.

    >>> from hypothesis import find
    >>> q = find(quantities(), lambda q: None not in (q.low, q.value, q.high))
    >>> q.low <= q.value <= q.high
    True
    """
    return _quantity()


@st.composite
def _money(draw: st.DrawFn) -> Money:
    places = draw(st.integers(0, 4))
    amount = draw(
        st.sampled_from((Decimal("8.6E+6"), Decimal("0.00"), Decimal("8600000")))
        | st.decimals(0, 10**12, allow_nan=False, allow_infinity=False, places=places)
    )
    return Money(
        amount=amount,
        currency=draw(_table(_CURRENCIES, codes._currencies)),
        qualifier=draw(st.sampled_from(Qualifier)),
    )


def money() -> Strategy[Money]:
    """Finite, non-negative sums (Decimals that survive a trip through text) in ISO 4217 currencies.

    >>> from hypothesis import find
    >>> find(money(), lambda m: m.amount > 1000).amount >= 0
    True
    """
    return _money()


def equipment() -> Strategy[Equipment]:
    """A kind of equipment, with or without a quantity.

    >>> from hypothesis import find
    >>> find(equipment(), lambda item: item.kind == "tanks").kind
    <EquipmentKind.TANKS: 'tanks'>
    """
    return st.builds(
        Equipment, kind=st.sampled_from(EquipmentKind), quantity=_optional(quantities())
    )


@st.composite
def _source(draw: st.DrawFn) -> Source:
    publisher = draw(_optional(_names()))
    path = st.text(st.characters(codec="utf-8", categories=("L", "N", "Pd")), max_size=20)
    url = draw(_optional(st.builds("https://{}/{}".format, st.sampled_from(_HOSTS), path)))
    if publisher is None and url is None:
        publisher = draw(_names())
    return Source(
        publisher=publisher,
        url=url,
        published=draw(_optional(date_spans())),
        kind=draw(_optional(st.sampled_from(SourceKind))),
    )


def sources() -> Strategy[Source]:
    """Sources with a publisher or a url, maybe a publication date and kind.

    >>> from hypothesis import find
    >>> find(sources(), lambda source: source.url is not None).url.startswith("https://")
    True
    """
    return _source()


@st.composite
def _evidence(draw: st.DrawFn) -> Evidence:
    start = draw(st.integers(0, 10**6))
    text = draw(_free_text())
    return Evidence(start=start, end=start + len(text), text=text)


def evidence() -> Strategy[Evidence]:
    """Text spans whose ``text`` is exactly ``end - start`` characters long.

    >>> from hypothesis import find
    >>> span = find(evidence(), lambda span: len(span.text) > 3)
    >>> span.end - span.start == len(span.text)
    True
    """
    return _evidence()


def timestamps() -> Strategy[dt.datetime]:
    """UTC datetimes (a record version's ``modified``), to the microsecond.

    >>> from hypothesis import find
    >>> find(timestamps(), lambda moment: moment.year > 2000).tzinfo
    datetime.timezone.utc
    """
    return st.datetimes(timezones=st.just(dt.UTC))


def _decimals() -> Strategy[Decimal]:
    return st.integers(0, 6).flatmap(
        lambda places: st.decimals(
            -(10**12), 10**12, allow_nan=False, allow_infinity=False, places=places
        )
    )


#: Strategies for field types, by type; also what :func:`register_strategies` registers.
_VALUE_STRATEGIES: Final[dict[Any, Callable[[], Strategy[Any]]]] = {
    Actor: actors,
    Location: locations,
    Quantity: quantities,
    Money: money,
    Equipment: equipment,
    Source: sources,
    Evidence: evidence,
    DateSpan: date_spans,
    PartialDate: partial_dates,
    dt.datetime: timestamps,
}
_PRIMITIVE_STRATEGIES: Final[dict[Any, Callable[[], Strategy[Any]]]] = {
    str: _free_text,
    bool: st.booleans,
    int: lambda: st.integers(-_JSON_INT, _JSON_INT),
    float: lambda: st.floats(allow_nan=False, allow_infinity=False),
    Decimal: _decimals,
}
# Common fields whose values are constrained beyond their type.
_COMMON_FIELDS: Final[dict[str, Callable[[], Strategy[Any]]]] = {
    "confidence": lambda: _optional(st.floats(0, 1)),
}


# -- events ------------------------------------------------------------------------


@functools.cache
def _strategy_for(tp: Any) -> Strategy[Any]:
    """A strategy for one field annotation (the types event fields may have)."""
    origin = typing.get_origin(tp)
    if origin in (typing.Union, types.UnionType):
        options = typing.get_args(tp)
        present = st.one_of([_strategy_for(o) for o in options if o is not type(None)])
        return _optional(present) if type(None) in options else present
    if origin is tuple:
        item, *rest = typing.get_args(tp)
        if rest != [Ellipsis]:
            raise InvalidArgument(f"only tuple[X, ...] fields are supported, not {tp}")
        return st.lists(_strategy_for(item), max_size=3).map(tuple)
    if tp is Any:
        return json_values()
    known = _PRIMITIVE_STRATEGIES.get(tp) or _VALUE_STRATEGIES.get(tp)
    if known is not None:
        return known()
    if isinstance(tp, type) and issubclass(tp, Enum):
        return st.sampled_from(tp)
    return st.from_type(tp)  # the user's own value classes: register a strategy for them


@functools.cache
def _field_values(cls: type[Any]) -> Strategy[dict[str, Any]]:
    attrs.resolve_types(cls)
    required: dict[str, Strategy[Any]] = {}
    optional: dict[str, Strategy[Any]] = {}
    for field in attrs.fields(cls):
        if not field.init or field.name in ("id", "extra"):
            continue
        common = _COMMON_FIELDS.get(field.name) if field.inherited else None
        strategy = common() if common is not None else _strategy_for(field.type)
        target = required if field.default is attrs.NOTHING else optional
        target[field.alias] = strategy
    return st.fixed_dictionaries(required, optional=optional)


def _ids(tag: str) -> Strategy[str]:
    """Mostly ``""`` (the id is computed), sometimes a valid given ``<tag>--<uuid>``."""
    return st.just("") | st.uuids().map(lambda uuid: f"{tag}--{uuid}")


@st.composite
def _built_event(draw: st.DrawFn, cls: type[E]) -> E:
    values = draw(_field_values(cls))
    values["id"] = draw(_ids(cls.type_tag))
    try:
        return cls(**values)
    except (ValueError, TypeError):
        if cls.__module__ == Event.__module__:
            raise  # the library's own types never reject: this module has a bug
        reject()  # a user type's own validators refused these values


@functools.cache
def _event_strategy(cls: type[E]) -> Strategy[E]:
    return _built_event(cls)


def _is_concrete(cls: type[Event]) -> bool:
    return isinstance(cls.__dict__.get("type_tag"), str) and not cls.__dict__.get("abstract")


@st.composite
def _any_event(draw: st.DrawFn, base: type[E]) -> E:
    # The registry is read at each draw, so types registered later take part.
    choices = [cls for cls in registry if issubclass(cls, base)]
    if not choices:
        raise InvalidArgument(f"no registered event type is a subclass of {base.__qualname__}")
    cls: type[E] = draw(st.sampled_from(choices))
    event: E = draw(_event_strategy(cls))
    return event


@overload
def events(cls: None = None) -> Strategy[Event]: ...
@overload
def events(cls: type[E]) -> Strategy[E]: ...
def events(cls: type[Event] | None = None) -> Strategy[Any]:
    """Valid events of ``cls``, or of any registered type (or subclass of an abstract ``cls``).

    Fields are drawn from the class's annotations, so a user's subclass needs no
    extra code; values its own validators refuse are skipped. Ids are mostly
    left to be computed, sometimes given.

    >>> import secevents as se
    >>> from hypothesis import find
    >>> find(events(se.Statement), lambda ev: ev.content is not None).type_tag
    'statement'
    """
    base = Event if cls is None else cls
    return _event_strategy(base) if _is_concrete(base) else _any_event(base)


# -- relations ---------------------------------------------------------------------


@st.composite
def _built_relation(draw: st.DrawFn, cls: type[R]) -> R:
    values = draw(_field_values(cls))
    tags = [*registry.tags()] or ["event"]
    values["kind"] = draw(st.sampled_from(sorted(cls.kinds)))
    for ref in ("source_ref", "target_ref"):
        values[ref] = draw(st.sampled_from(tags).flatmap(_ids).filter(bool))
    values["confidence"] = draw(_COMMON_FIELDS["confidence"]())
    values["id"] = draw(_ids("relation"))
    try:
        return cls(**values)
    except (ValueError, TypeError):
        if cls.__module__ == Relation.__module__:
            raise  # the library's own relations never reject: this module has a bug
        reject()  # a user class's own validators refused these values


@st.composite
def _any_relation(draw: st.DrawFn, base: type[R]) -> R:
    # Read at each draw, so relation classes defined later take part.
    choices = [cls for cls in relation_classes() if issubclass(cls, base)]
    cls: type[R] = draw(st.sampled_from(choices))
    relation: R = draw(_built_relation(cls))
    return relation


@overload
def relations(cls: None = None) -> Strategy[Relation]: ...
@overload
def relations(cls: type[R]) -> Strategy[R]: ...
def relations(cls: type[Relation] | None = None) -> Strategy[Any]:
    """Valid relations of ``cls`` (or of any registered relation class and its subclasses).

    Kinds are drawn from the class's ``kinds``, refs are ids of registered event
    types, other fields from the annotations (a subclass's own fields too).

    >>> import secevents as se
    >>> from hypothesis import find
    >>> find(relations(), lambda link: link.kind == "denies").type_tag
    'relation'
    """
    return _any_relation(Relation if cls is None else cls)


# -- registration ------------------------------------------------------------------

_listening = False


def _register_event(cls: type[Event]) -> None:
    st.register_type_strategy(cls, events(cls))


def register_strategies() -> None:
    """Make ``st.from_type`` give valid objects for every value class and event type.

    Types registered later get a strategy too. Hypothesis calls this on import
    (the ``hypothesis`` entry point); calling it again does no harm.

    >>> import secevents as se
    >>> from hypothesis import find, strategies as st
    >>> register_strategies()
    >>> isinstance(find(st.from_type(se.Event), lambda ev: True), se.Event)
    True
    """
    global _listening
    for cls, strategy in _VALUE_STRATEGIES.items():
        st.register_type_strategy(cls, strategy())
    st.register_type_strategy(Event, events())
    st.register_type_strategy(Relation, relations())
    for event_cls in registry:
        _register_event(event_cls)
    if not _listening:
        registry.on_register(_register_event)
        _listening = True


if _setup_requested:
    register_strategies()
