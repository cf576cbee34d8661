"""Linking events: how alike two events are, candidate pairs, merging and clustering.

Imports :mod:`secevents.model` and :mod:`secevents.wire`. See docs/architecture.md.
"""
