"""The wire format: the converter, ``dumps``/``loads``/``parse``/``to_dict``/``from_dict``,
JSON Lines, the fast decoding path, schema versions and upcasters, JSON Schema.

Imports :mod:`secevents.model` only. See docs/architecture.md.
"""
