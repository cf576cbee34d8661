"""A notebook-friendly collection of events from many reports and datasets.

:class:`EventCollection` is an immutable sequence of events with filters (type,
date window, country, actor, field predicates), grouping, sorting, exports
(pandas, GeoJSON, JSON Lines), a timeline plot and table views for terminals
and Jupyter.
"""

from __future__ import annotations

import datetime as dt
import difflib
import os
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from operator import attrgetter
from typing import IO, TYPE_CHECKING, Any, Final, Protocol, overload

import attrs

from ..model.actors import Actor
from ..model.codes import is_country_code
from ..model.dates import DateSpan, PartialDate
from ..model.events import Event
from ..model.registry import registry
from ..model.relation import Relation
from ..model.report import Report
from ._grouping import GroupKey, grouped

if TYPE_CHECKING:
    import folium
    import pandas
    from matplotlib.axes import Axes

__all__ = ["EventCollection", "GroupKey"]


_TEXT_ROWS: Final = 10
_HTML_ROWS: Final = 50


class _HasEvents(Protocol):
    """Anything carrying events, such as a :class:`~secevents.Report`."""

    @property
    def events(self) -> Sequence[Event]: ...


Items = Iterable["Event | _HasEvents | Iterable[Event]"]
# Which report each event came from, by the event's identity (``id(event)``: the
# event itself is kept alongside, so a key can never be taken by another object).
_Origins = Mapping[int, tuple[Event, Report]]
_NO_ORIGINS: Final[_Origins] = {}


class EventCollection(Sequence[Event]):
    """An immutable sequence of events gathered from reports, readers and lists.

    Built from any iterable whose items are events, reports (their ``events``)
    or iterables of events (an :class:`~secevents.interop.EventReader`, a list).
    Filters return new collections; slicing gives a collection; ``+`` joins two.
    Events given inside a :class:`~secevents.Report` remember it through every
    filter: :meth:`report_of` gives an event's report.

    >>> import secevents as se
    >>> c = EventCollection([
    ...     se.JointExercise(date=se.DateSpan.parse("2021-10-23"),
    ...                      participants=(se.Actor.state("RUS"), se.Actor.state("TJK"))),
    ...     se.Statement(speaker=se.Actor.state("TJK"), content="No comment."),
    ... ])
    >>> len(c), len(c.of_type(se.JointExercise)), len(c.involving("TJK"))
    (2, 1, 2)
    >>> c.count_by("type")
    {'joint_exercise': 1, 'statement': 1}
    """

    __slots__ = ("_events", "_origins")

    def __init__(self, items: Items | _HasEvents = ()) -> None:
        self._events, self._origins = _gather(items)

    def _of(self, events: Iterable[Event], origins: _Origins | None = None) -> EventCollection:
        """A collection of ``events`` (some of this one's) that keeps their reports."""
        made = type(self).__new__(type(self))
        made._events = tuple(events)
        made._origins = self._origins if origins is None else origins
        return made

    def __reduce__(self) -> tuple[Any, ...]:
        # Identity keys do not survive pickling: send each event's report by position.
        reports = tuple(self._report_at(event) for event in self._events)
        return (_restore, (type(self), self._events, reports))

    # -- sequence protocol --------------------------------------------------------
    def __len__(self) -> int:
        return len(self._events)

    def __iter__(self) -> Iterator[Event]:
        return iter(self._events)

    @overload
    def __getitem__(self, index: int) -> Event: ...
    @overload
    def __getitem__(self, index: slice) -> EventCollection: ...
    def __getitem__(self, index: int | slice) -> Event | EventCollection:
        if isinstance(index, slice):
            return self._of(self._events[index])
        return self._events[index]

    def __add__(self, other: Items) -> EventCollection:
        if isinstance(other, EventCollection):
            events, origins = other._events, other._origins
        elif isinstance(other, Iterable) and not isinstance(other, str | bytes):
            events, origins = _gather(other)
        else:
            return NotImplemented
        return self._of(self._events + events, _joined(self._origins, origins))

    def __radd__(self, other: Items) -> EventCollection:
        if isinstance(other, Iterable) and not isinstance(other, str | bytes):
            events, origins = _gather(other)
            return self._of(events + self._events, _joined(origins, self._origins))
        return NotImplemented

    def __eq__(self, other: object) -> bool:
        if isinstance(other, EventCollection):
            return self._events == other._events
        return NotImplemented

    def __hash__(self) -> int:
        return hash(self._events)

    def __repr__(self) -> str:
        from ._html import text_table

        return text_table(self._events, max_rows=_TEXT_ROWS)

    def _repr_html_(self) -> str:
        from ._html import collection_html

        return collection_html(self._events, max_rows=_HTML_ROWS)

    @property
    def events(self) -> tuple[Event, ...]:
        """The events, as a tuple."""
        return self._events

    # -- where events come from -----------------------------------------------------
    def report_of(self, event: Event | int) -> Report | None:
        """The report ``event`` (or the event at that position) was read from.

        ``None`` for an event that was not given inside a :class:`~secevents.Report`
        (read from a dataset, built by hand, or made by :meth:`merge_duplicates`).
        An event equal to one of the collection's stands for it; any other is an error.

        >>> import secevents as se
        >>> one = se.Report(id="r1", events=(se.Statement(content="Yes."),))
        >>> two = se.Report(id="r2", events=(se.Statement(content="No."),))
        >>> c = EventCollection([one, two, se.Statement(content="Maybe.")])
        >>> no = c.where(content="No.")[0]
        >>> c.report_of(no).id, c.report_of(0).id, c.report_of(2)
        ('r2', 'r1', None)
        """
        if isinstance(event, int) and not isinstance(event, bool):
            return self._report_at(self._events[event])
        if not isinstance(event, Event):
            raise TypeError(f"report_of(): expected an event or a position, got {event!r}")
        found = self._origins.get(id(event))
        if found is not None and found[0] is event:
            return found[1]
        for position, candidate in enumerate(self._events):
            if candidate == event:
                return self.report_of(position)
        raise ValueError(f"report_of(): {event.id} is not in this collection")

    @property
    def reports(self) -> tuple[Report, ...]:
        """The reports the events came from, each once, in the order of their first event."""
        seen: dict[int, Report] = {}
        for event in self._events:
            report = self._report_at(event)
            if report is not None:
                seen.setdefault(id(report), report)
        return tuple(seen.values())

    def _report_at(self, event: Event) -> Report | None:
        found = self._origins.get(id(event))
        return found[1] if found is not None and found[0] is event else None

    # -- filters ------------------------------------------------------------------
    def where(
        self, predicate: Callable[[Event], bool] | None = None, /, **fields: Any
    ) -> EventCollection:
        """The events for which ``predicate`` holds and whose fields match ``fields``.

        A field value may be a function of the field's value. Events whose type
        has no such field are left out; a name no registered type has is an error.

        >>> import secevents as se
        >>> agreed, proposed = se.ConstructionStatus.AGREED, se.ConstructionStatus.PROPOSED
        >>> c = EventCollection([se.BaseConstruction(status=agreed),
        ...                      se.BaseConstruction(status=proposed)])
        >>> len(c.where(status="agreed")), len(c.where(lambda e: e.status != "agreed"))
        (1, 1)
        """
        for name in fields:
            _check_field_name(name)
        missing = object()

        def keep(event: Event) -> bool:
            if predicate is not None and not predicate(event):
                return False
            for name, expected in fields.items():
                value = getattr(event, name, missing)
                if value is missing:
                    return False
                if callable(expected) and not isinstance(expected, type):
                    if not expected(value):
                        return False
                elif value != expected:
                    return False
            return True

        return self._of(event for event in self._events if keep(event))

    def of_type(self, *types: type[Event] | str, unknown: bool = False) -> EventCollection:
        """The events of any of ``types`` (classes, subclasses included, or type tags).

        A tag no registered type has is an error naming the close matches (a
        misspelt tag would otherwise select nothing). Events of unregistered types
        (kept as :class:`~secevents.UnknownEvent` by ``parse(..., unknown="keep")``)
        are selected by the class ``UnknownEvent`` (all of them), or by their tag
        with ``unknown=True``, which accepts any tag.

        >>> import secevents as se
        >>> c = EventCollection([se.Statement(content="x"), se.BaseConstruction()])
        >>> [e.type_tag for e in c.of_type("statement")]
        ['statement']
        >>> c.of_type("statment")
        Traceback (most recent call last):
        ...
        ValueError: of_type(): no event type 'statment'; did you mean 'statement'? ...
        """
        if not types:
            raise TypeError("of_type() needs at least one event class or type tag")
        classes: list[type[Event]] = []
        tags: set[str] = set()
        for kind in types:
            if isinstance(kind, str):
                found = registry.get(kind)
                if found is not None:
                    classes.append(found)
                elif unknown:
                    tags.add(kind)  # an unregistered type, kept as UnknownEvent
                else:
                    raise ValueError(_unknown_tag_message(kind))
            elif isinstance(kind, type) and issubclass(kind, Event):
                classes.append(kind)
            else:
                raise TypeError(f"of_type(): expected an Event class or a type tag, got {kind!r}")
        group = tuple(classes)
        # A notebook cell run again re-defines a class: events made before are of the
        # old class object, which the registry replaced. They are of the type all the
        # same (count_by counts them by tag), so a class matches by where it is defined.
        names = {(cls.__module__, cls.__qualname__) for cls in group}

        def wanted(event: Event) -> bool:
            if isinstance(event, group) or event.type_tag in tags:
                return True
            return any((k.__module__, k.__qualname__) in names for k in type(event).__mro__)

        return self._of(event for event in self._events if wanted(event))

    def overlapping(self, span: DateSpan | str) -> EventCollection:
        """The dated events whose date may share a day with ``span`` (a DateSpan or EDTF text).

        Undated events are left out; :meth:`undated` gives them.

        >>> import secevents as se
        >>> c = EventCollection([se.Statement(date=se.DateSpan.parse("2021-10"), content="a"),
        ...                      se.Statement(content="undated")])
        >>> len(c.overlapping("2021-10-23")), len(c.undated())
        (1, 1)
        """
        window = DateSpan.parse(span) if isinstance(span, str) else span
        if not isinstance(window, DateSpan):
            raise TypeError(f"overlapping(): expected a DateSpan or EDTF string, got {span!r}")
        return self._of(
            event
            for event in self._events
            if event.date is not None and event.date.overlaps(window)
        )

    def between(
        self,
        start: dt.date | PartialDate | str | None,
        end: dt.date | PartialDate | str | None,
    ) -> EventCollection:
        """The dated events that may fall between ``start`` and ``end`` (``None``: open end).

        >>> import secevents as se
        >>> c = EventCollection([se.Statement(date=se.DateSpan.parse("2021-10-23"), content="a")])
        >>> len(c.between("2021-10-01", "2021-10-31")), len(c.between("2022", None))
        (1, 0)
        """
        return self.overlapping(DateSpan.between(start, end))

    def undated(self) -> EventCollection:
        """The events without a date (which date filters leave out)."""
        return self._of(event for event in self._events if event.date is None)

    def in_country(self, iso3: str) -> EventCollection:
        """The events located in ``iso3`` or on its border (``location.border_with``).

        >>> import secevents as se
        >>> place = se.Location(country="TJK", border_with="AFG", precision="border")
        >>> c = EventCollection([se.BaseConstruction(location=place)])
        >>> len(c.in_country("AFG")), len(c.in_country("TJK")), len(c.in_country("CHN"))
        (1, 1, 0)
        """
        if not isinstance(iso3, str) or not is_country_code(iso3):
            raise ValueError(f"in_country(): {iso3!r} is not an ISO 3166-1 alpha-3 code")
        return self._of(
            event
            for event in self._events
            if event.location is not None
            and iso3 in (event.location.country, event.location.border_with)
        )

    def involving(self, actor: str | Actor, *, role: str | None = None) -> EventCollection:
        """The events with an actor whose code or name (case-insensitive) is ``actor``.

        A name the actor lexicon knows stands for its actor too: ``"Russia"`` and
        ``"Moscow"`` find the events of ``RUS`` (see :func:`secevents.normalize.resolve_actor`;
        extracted actors carry the lexicon's name as well,
        :func:`secevents.normalize.actor_for_code`). ``role`` restricts the match to one
        field (``"participants"``, ``"builder"``).

        >>> import secevents as se
        >>> c = EventCollection([se.DiplomaticCommunique(sender=se.Actor.state("TJK"),
        ...                                              recipient=se.Actor.state("CHN"))])
        >>> len(c.involving("CHN")), len(c.involving("chn")), len(c.involving("China"))
        (1, 1, 1)
        >>> len(c.involving("CHN", role="sender"))
        0
        """
        if isinstance(actor, Actor):
            wanted = {key for key in (actor.code, actor.name) if key is not None}
        elif isinstance(actor, str):
            wanted = {actor, *_named_codes(actor)}
        else:
            raise TypeError(f"involving(): expected an actor code or name, got {actor!r}")
        folded = {key.casefold() for key in wanted}
        if role is not None and not any(role in cls._actor_fields for cls in registry):
            raise ValueError(f"involving(): no event type has an actor role {role!r}")

        def matches(event: Event) -> bool:
            for found_role, found in event.actors:
                if role is not None and found_role != role:
                    continue
                if (found.code or "").casefold() in folded or (
                    found.name or ""
                ).casefold() in folded:
                    return True
            return False

        return self._of(event for event in self._events if matches(event))

    # -- order, groups ------------------------------------------------------------
    def sorted(
        self, key: Callable[[Event], Any] | None = None, *, reverse: bool = False
    ) -> EventCollection:
        """The events sorted by date (by ``key`` if given); undated events always come last.

        The sort is stable: events with the same date keep their order.
        """
        if key is not None:
            return self._of(sorted(self._events, key=key, reverse=reverse))
        return self.sort_by("date", reverse=reverse)

    def sort_by(self, field: str, *, reverse: bool = False) -> EventCollection:
        """The events sorted by a field's value; events without one (``None``, or a type
        without the field) come last, also when ``reverse``.

        Dates sort in :attr:`DateSpan.sort_key` order (first day, last day, precision).
        The sort is stable: events with equal values keep their order.

        >>> import secevents as se
        >>> c = EventCollection([se.Statement(date=se.DateSpan.parse(d) if d else None)
        ...                      for d in ("2021-10-23", None, "2021", "2020-05")])
        >>> [str(e.date) for e in c.sort_by("date")]
        ['2020-05', '2021', '2021-10-23', 'None']
        >>> [str(e.date) for e in c.sort_by("date", reverse=True)]
        ['2021-10-23', '2021', '2020-05', 'None']
        """
        _check_field_name(field, "sort_by")
        valued = [event for event in self._events if getattr(event, field, None) is not None]
        try:
            valued.sort(key=attrgetter(field), reverse=reverse)
        except TypeError:
            kinds = sorted({type(getattr(event, field)).__name__ for event in valued})
            raise TypeError(
                f"sort_by({field!r}): the values ({', '.join(kinds)}) have no order;"
                " pass a key function to sorted()"
            ) from None
        rest = (event for event in self._events if getattr(event, field, None) is None)
        return self._of([*valued, *rest])

    def group_by(self, key: GroupKey) -> dict[Any, EventCollection]:
        """The events grouped by ``key``, in sorted key order (``None`` last).

        ``"type"`` is the type tag, ``"country"`` the location's country,
        ``"year"`` the year the date starts in, ``"month"`` its ``YYYY-MM`` (or
        ``YYYY`` for dates known only to the year or season), ``"week"`` its ISO
        week ``YYYY-Www`` (or the month key for dates not known to the day);
        events without one go under ``None``. A function of an event gives any
        other key.

        >>> import secevents as se
        >>> c = EventCollection([se.Statement(date=se.DateSpan.parse(d), content="x")
        ...                      for d in ("2021-10-23", "2021", "2020-05")])
        >>> {k: len(v) for k, v in c.group_by("month").items()}
        {'2020-05': 1, '2021': 1, '2021-10': 1}
        """
        return {name: self._of(group) for name, group in grouped(self._events, key).items()}

    def count_by(self, key: GroupKey) -> dict[Any, int]:
        """How many events each ``key`` has (see :meth:`group_by`)."""
        return {name: len(group) for name, group in self.group_by(key).items()}

    # -- similarity -----------------------------------------------------------------
    def merge_duplicates(self, threshold: float = 0.75) -> EventCollection:
        """One event per real event: reports that agree at ``threshold`` merged (see
        :func:`secevents.linking.merging.cluster`), in order of first appearance."""
        from ..linking.merging import cluster, merge

        return self._of(merge(group) for group in cluster(self._events, threshold=threshold))

    # -- exports ------------------------------------------------------------------
    def to_dataframe(self) -> pandas.DataFrame:
        """A pandas DataFrame, one row per event (needs the ``secevents[pandas]`` extra)."""
        from ..interop.frames import to_dataframe

        return to_dataframe(self._events)

    def to_parquet(self, path: str | os.PathLike[str]) -> int:
        """Write the events to one Parquet file (one row per event, the columns of
        :func:`secevents.interop.to_arrow`; needs the ``secevents[arrow]`` extra);
        returns the count.

        A file to analyse elsewhere; for a store that reads back as the same events,
        partitioned and filtered, see :func:`secevents.interop.write_parquet`.
        """
        import pyarrow.parquet as pq

        from ..interop.frames import to_arrow

        table = to_arrow(self._events)
        pq.write_table(table, os.fspath(path))
        return int(table.num_rows)

    def to_geojson(self, *, country_centers: bool = True) -> dict[str, Any]:
        """An RFC 7946 FeatureCollection of the located events: those with coordinates
        and, unless ``country_centers=False``, those known only by their country, at its
        centre (see :func:`secevents.interop.to_geojson`)."""
        from ..interop.geojson import to_geojson

        return to_geojson(self._events, country_centers=country_centers)

    def to_jsonl(self, target: str | os.PathLike[str] | IO[str] | IO[bytes]) -> int:
        """Write the events as JSON Lines (a path or an open file); returns the count."""
        from ..wire.serialize import write_jsonl

        return write_jsonl(self._events, target)

    @classmethod
    def from_jsonl(
        cls, source: str | os.PathLike[str] | IO[str] | IO[bytes], **options: Any
    ) -> EventCollection:
        """The events of a JSON Lines file of events or reports (whose events keep their
        report); ``options`` go to :func:`secevents.read_jsonl`."""
        from ..wire.serialize import read_jsonl

        return cls(read_jsonl(source, **options))

    def graph(self, relations: Iterable[Relation] = ()) -> Any:
        """The events and the relations between them as a ``networkx.MultiDiGraph``: the
        relations of the events' reports and ``relations`` (see
        :func:`secevents.graph.event_graph`). Needs the ``secevents[graph]`` extra.

        >>> import secevents as se
        >>> report = se.extract(" date 2022-03-04 Russian and Chinese warships held joint "
        ...                     "drills near Hokkaido on Tuesday. On Thursday Japan handed "
        ...                     "Russia a protest note over the drills.")
        >>> graph = report.to_collection().graph()
        >>> [(graph.nodes[a]["type"], kind, graph.nodes[b]["type"])
        ...  for a, b, kind in graph.edges(data="kind")]
        [('diplomatic_communique', 'about', 'joint_exercise')]
        """
        from .graph import event_graph

        stated = [link for report in self.reports for link in report.relations]
        return event_graph(self._events, [*stated, *relations])

    def map(self, *, tiles: str | None = "OpenStreetMap") -> folium.Map:
        """The located events on a Leaflet map (needs the ``secevents[map]`` extra: folium).

        One circle per event, a layer per type; a place known only by its country
        sits at the country's centre in the gazetteer, drawn hollow. A note counts
        the events without a place. ``tiles`` is folium's base map (``None``: none,
        for offline use). Jupyter shows the returned ``folium.Map``; ``.save(path)``
        writes it as an HTML page.
        """
        from ._map import events_map

        return events_map(self._events, tiles=tiles)

    def timeline(self, ax: Axes | None = None, *, by: GroupKey = "type") -> Axes:
        """Plot the dated events over time, one row per ``by`` group (see :meth:`group_by`).

        Needs matplotlib (the ``secevents[plot]`` extra); returns the Axes.
        """
        from .timeline import plot_timeline

        return plot_timeline(self.group_by(by), ax=ax)


def _gather(items: Any) -> tuple[tuple[Event, ...], _Origins]:
    """The events of ``items`` and, for those given inside a report, that report."""
    events: list[Event] = []
    origins: dict[int, tuple[Event, Report]] = {}
    for event, report in _flatten(items):
        events.append(event)
        if report is not None:
            origins[id(event)] = (event, report)
    return tuple(events), origins or _NO_ORIGINS


def _joined(first: _Origins, second: _Origins) -> _Origins:
    if not first or not second:
        return first or second
    return {**first, **second}


def _restore(
    cls: type[EventCollection], events: tuple[Event, ...], reports: tuple[Report | None, ...]
) -> EventCollection:
    made = cls.__new__(cls)
    made._events = events
    made._origins = {
        id(event): (event, report)
        for event, report in zip(events, reports, strict=True)
        if report is not None
    }
    return made


def _flatten(items: Any) -> Iterator[tuple[Event, Report | None]]:
    if isinstance(items, Event):
        yield items, None
        return
    if _has_events(items):
        yield from _checked(items.events, type(items).__name__, items)
        return
    if not isinstance(items, Iterable) or isinstance(items, str | bytes):
        raise TypeError(f"expected events, reports or iterables of events, got {items!r}")
    for index, item in enumerate(items):
        if isinstance(item, Event):
            yield item, None
        elif _has_events(item):
            yield from _checked(item.events, f"item {index}", item)
        elif isinstance(item, Iterable) and not isinstance(item, str | bytes):
            yield from _checked(item, f"item {index}", None)
        else:
            raise TypeError(
                f"item {index}: expected an event, a report or an iterable of events, "
                f"got {type(item).__name__}"
            )


def _has_events(value: Any) -> bool:
    return not isinstance(value, Event) and isinstance(getattr(value, "events", None), tuple | list)


def _checked(
    events: Iterable[Any], where: str, owner: object
) -> Iterator[tuple[Event, Report | None]]:
    report = owner if isinstance(owner, Report) else None
    for position, event in enumerate(events):
        if not isinstance(event, Event):
            raise TypeError(f"{where}, position {position}: not an event: {type(event).__name__}")
        yield event, report


def _unknown_tag_message(tag: str) -> str:
    known = sorted(registry.tags())
    close = difflib.get_close_matches(tag, known, n=3, cutoff=0.6)
    hint = f"did you mean {' or '.join(map(repr, close))}? " if close else ""
    return (
        f"of_type(): no event type {tag!r}; {hint}known: {', '.join(known)} "
        "(unknown=True selects events of unregistered types by tag)"
    )


def _named_codes(text: str) -> set[str]:
    """The code of the actor ``text`` names in full ("Russia": RUS), if the lexicon knows it."""
    if not text.strip() or len(text) > _LONGEST_NAME:
        return set()
    from ..normalize import resolve_actor

    found = resolve_actor(text)
    if found.value is None or found.value.code is None:
        return set()
    if found.start != len(text) - len(text.lstrip()) or found.end != len(text.rstrip()):
        return set()  # names a part only ("Russia and China")
    return {found.value.code}


_LONGEST_NAME: Final = 200


def _check_field_name(name: str, method: str = "where") -> None:
    if not any(name in attrs.fields_dict(cls) for cls in registry):
        raise ValueError(f"{method}(): no event type has a field {name!r}")


def _date_order(event: Event) -> tuple[dt.date, dt.date]:
    span = event.date
    assert span is not None
    return (span.earliest or dt.date.min, span.latest or dt.date.max)
