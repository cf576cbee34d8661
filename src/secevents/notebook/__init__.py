"""Working with events in a notebook: :class:`~secevents.EventCollection`, the timeline
plot and the HTML views.

The top layer: it may import every other one. See docs/architecture.md.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..model._views import register_view

if TYPE_CHECKING:
    from ..model.events import Event
    from ..model.report import Report
    from .collection import EventCollection


# The HTML renderers load on first use (a notebook shows its first event), not with
# ``import secevents``.
def _event_html(event: Event) -> str:
    from ._html import event_html

    return event_html(event)


def _report_html(report: Report) -> str:
    from ._report_html import report_html

    return report_html(report)


def _collection(report: Report) -> EventCollection:
    from .collection import EventCollection

    return EventCollection([report])


register_view("html", _event_html)
register_view("report_html", _report_html)
register_view("collection", _collection)
