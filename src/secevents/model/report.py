"""A news report read into events: the wire format's ``report`` object.

:func:`secevents.extract` makes one; :func:`secevents.loads` and
:func:`secevents.read_jsonl` read one back.
"""

from __future__ import annotations

from collections import Counter
from typing import TYPE_CHECKING, Any, Final

import attrs

from ..errors import FieldError
from . import _validate as v
from ._forgiving import forgiving_fields
from ._methods import lazy_methods
from ._views import view
from .dates import DateSpan
from .events import Event
from .extra import UnknownKey, extra_field
from .provenance import Source
from .relation import Relation

if TYPE_CHECKING:
    from ..notebook.collection import EventCollection

__all__ = ["Report"]

_REPR_TYPES: Final = 3
_REPR_TEXT: Final = 40


def _events(inst: Any, attribute: attrs.Attribute[Any], value: Any) -> None:
    if not isinstance(value, tuple):
        raise FieldError(attribute.name, f"expected a tuple of events, got {type(value).__name__}")
    for index, event in enumerate(value):
        if not isinstance(event, Event):
            raise FieldError(attribute.name, f"[{index}]: not an event: {type(event).__name__}")


def _relations(inst: Any, attribute: attrs.Attribute[Any], value: Any) -> None:
    if not isinstance(value, tuple):
        raise FieldError(
            attribute.name, f"expected a tuple of relations, got {type(value).__name__}"
        )
    for index, relation in enumerate(value):
        if not isinstance(relation, Relation):
            raise FieldError(
                attribute.name, f"[{index}]: not a relation: {type(relation).__name__}"
            )


def _warnings(inst: Any, attribute: attrs.Attribute[Any], value: Any) -> None:
    if not isinstance(value, tuple) or not all(isinstance(item, str) for item in value):
        raise FieldError(attribute.name, "expected a tuple of strings")


@attrs.frozen(kw_only=True, weakref_slot=False, field_transformer=forgiving_fields)
@lazy_methods
class Report:
    """A news report read into typed events: the wire format's ``report`` object.

    ``events`` are in order of first mention; ``relations`` link them as the
    text states (a statement *about* a base, drills *part_of* an exercise);
    ``warnings`` are ``code: message`` strings a reviewer should check (date
    conflicts, unresolved relative dates).
    It reads back from JSON like an event, and in a notebook it shows its
    events and the text with their evidence highlighted.

    >>> import secevents as se
    >>> report = Report(id="r1", text="Nothing happened.")
    >>> se.to_dict(report)
    {'type': 'report', 'id': 'r1', 'text': 'Nothing happened.'}
    >>> se.loads(se.dumps(report)) == report
    True
    >>> report
    <Report r1: 0 events, 0 warnings, text 'Nothing happened.' (17 chars)>
    """

    type: str = attrs.field(default="report", init=False)
    id: str = attrs.field(default="", validator=v.text)
    published: DateSpan | None = attrs.field(default=None, validator=v.instance_of(DateSpan))
    source: Source | None = attrs.field(default=None, validator=v.instance_of(Source))
    text: str = attrs.field(default="", validator=v.text)
    events: tuple[Event, ...] = attrs.field(default=(), validator=_events)
    #: The links the report states between its events (wire format version 2).
    relations: tuple[Relation, ...] = attrs.field(default=(), validator=_relations)
    warnings: tuple[str, ...] = attrs.field(default=(), validator=_warnings)
    extra: tuple[UnknownKey, ...] = extra_field()

    def to_collection(self) -> EventCollection:
        """The events as an :class:`~secevents.EventCollection` that knows they came from here.

        >>> import secevents as se
        >>> report = Report(id="r1", events=(se.Statement(content="No comment."),))
        >>> events = report.to_collection()
        >>> len(events), events.report_of(0) is report
        (1, True)
        """
        collection: EventCollection = view("collection", self)
        return collection

    def __repr__(self) -> str:
        parts = [f"<Report {self.id or '(no id)'}"]
        if self.published is not None:
            parts.append(f" {self.published}")
        if self.source is not None:
            parts.append(f" from {self.source.publisher or self.source.url!r}")
        counts = Counter(event.type_tag for event in self.events)
        kinds = ", ".join(f"{count} {tag}" for tag, count in counts.most_common(_REPR_TYPES))
        more = ", …" if len(counts) > _REPR_TYPES else ""
        noun = "event" if len(self.events) == 1 else "events"
        parts.append(f": {len(self.events)} {noun}")
        if kinds:
            parts.append(f" ({kinds}{more})")
        parts.append(f", {len(self.warnings)} warning{'' if len(self.warnings) == 1 else 's'}")
        flat = " ".join(self.text.split())
        head = flat if len(flat) <= _REPR_TEXT else flat[: _REPR_TEXT - 1] + "…"
        parts.append(f", text {head!r} ({len(self.text):,} chars)>")
        return "".join(parts)

    def _repr_html_(self) -> str:
        """The report as Jupyter shows it: source, date, warnings, events, highlighted text."""
        html: str = view("report_html", self)
        return html
