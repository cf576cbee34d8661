"""The result of :func:`~secevents.extraction.extract`: a report with its events and warnings."""

from __future__ import annotations

import attrs

from ..dates import DateSpan
from ..events import Event
from ..provenance import Source

__all__ = ["Report"]


@attrs.frozen(kw_only=True, weakref_slot=False)
class Report:
    """A news report read into typed events: the wire format's ``report`` object.

    ``events`` are in order of first mention; ``warnings`` are ``code: message``
    strings a reviewer should check (date conflicts, unresolved relative dates).

    >>> import secevents as se
    >>> report = Report(id="r1", text="Nothing happened.")
    >>> se.to_dict(report)
    {'type': 'report', 'id': 'r1', 'text': 'Nothing happened.'}
    """

    type: str = attrs.field(default="report", init=False)
    id: str = ""
    published: DateSpan | None = None
    source: Source | None = None
    text: str = ""
    events: tuple[Event, ...] = ()
    warnings: tuple[str, ...] = ()
