"""The event model: value types, :class:`~secevents.Event` and the built-in types, the
registry of event types, ids and unknown keys.

The bottom layer: it imports nothing of secevents but :mod:`secevents.errors` and the
small shared helpers beside it. See docs/architecture.md.
"""
