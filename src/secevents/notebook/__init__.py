"""Working with events in a notebook: :class:`~secevents.EventCollection`, the timeline
plot and the HTML views.

The top layer: it may import every other one. See docs/architecture.md.
"""
