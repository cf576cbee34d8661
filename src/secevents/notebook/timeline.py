"""A matplotlib plot of events over time, one row per group (by default, per event type).

matplotlib is optional (``pip install 'secevents[plot]'``) and imported only
when a timeline is drawn.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable, Mapping, Sequence
from typing import TYPE_CHECKING, Any, Final

from ..model.events import Event
from ._grouping import GroupKey, grouped

if TYPE_CHECKING:
    from matplotlib.axes import Axes

__all__ = ["plot_timeline", "timeline"]

_EXTRA_HINT: Final = "install the plot extra: pip install 'secevents[plot]'"


def _matplotlib() -> Any:
    try:
        import matplotlib.pyplot as plt
    except ImportError as error:
        raise ImportError(f"timeline() needs matplotlib ({_EXTRA_HINT})") from error
    return plt


def timeline(events: Iterable[Event], ax: Axes | None = None, *, by: GroupKey = "type") -> Axes:
    """Plot ``events`` over time, one row per ``by`` group; see :meth:`EventCollection.timeline`.

    Intervals are drawn as bars from their first to their last possible day,
    single dates as points at their middle day, open ends to the plot's edge;
    undated events are counted in the title but not drawn. Returns the Axes
    (a new figure's if ``ax`` is None).
    """
    return plot_timeline(grouped(events, by), ax=ax)


def _span_days(event: Event, low: dt.date, high: dt.date) -> tuple[dt.date, dt.date] | None:
    span = event.date
    if span is None:
        return None
    return (span.earliest or low, span.latest or high)


def plot_timeline(groups: Mapping[Any, Sequence[Event]], ax: Axes | None = None) -> Axes:
    """Draw grouped events on ``ax`` (a new figure's Axes if None); one row per group."""
    plt = _matplotlib()
    import matplotlib.dates as mdates

    # matplotlib.dates has no annotations: give the one function used a type.
    date2num: Callable[[dt.date], float] = mdates.date2num
    if ax is None:
        _, ax = plt.subplots(figsize=(10, 1.2 + 0.45 * max(len(groups), 1)))
    dated = [event.date for events in groups.values() for event in events if event.date]
    known = [day for span in dated for day in (span.earliest, span.latest) if day is not None]
    low, high = (min(known), max(known)) if known else (dt.date.today(), dt.date.today())
    # Open ends run to the edges of the plot, a little beyond the known dates.
    margin = dt.timedelta(days=max(2, (high - low).days // 30))
    low = low - margin if low - dt.date.min > margin else dt.date.min
    high = high + margin if dt.date.max - high > margin else dt.date.max
    undated = 0
    labels: list[str] = []
    colors = plt.rcParams["axes.prop_cycle"].by_key().get("color", ["C0"])
    for row, (name, events) in enumerate(groups.items()):
        color = colors[row % len(colors)]
        bars: list[tuple[float, float]] = []
        points: list[float] = []
        drawn = 0
        for event in events:
            days = _span_days(event, low, high)
            if days is None:
                undated += 1
                continue
            drawn += 1
            first, last = date2num(days[0]), date2num(days[1]) + 1
            if last - first > 1.5:
                bars.append((first, last - first))
            else:
                points.append((first + last) / 2)
        if bars:
            ax.broken_barh(bars, (row - 0.3, 0.6), facecolors=color, alpha=0.45)
        if points:
            ax.plot(points, [row] * len(points), "o", color=color, markersize=5)
        # A row counts what it draws: the undated are counted once, in the title.
        labels.append(f"{name if name is not None else '(none)'} ({drawn})")
    ax.set_yticks(range(len(labels)), labels)
    ax.set_ylim(-0.7, max(len(labels), 1) - 0.3)
    ax.invert_yaxis()
    ax.xaxis_date()
    ax.set_xlim(date2num(low), date2num(high) + 1)
    title = f"{sum(len(events) for events in groups.values())} events"
    ax.set_title(f"{title} ({undated} undated, not shown)" if undated else title)
    ax.grid(axis="x", alpha=0.3)
    return ax
