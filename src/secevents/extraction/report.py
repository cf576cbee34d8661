"""The result of :func:`~secevents.extraction.extract`: :class:`secevents.Report`.

The class lives in :mod:`secevents.model.report` so that reading a report back from
JSON does not load the parser; it is re-exported here for existing imports.
"""

from __future__ import annotations

from ..model.report import Report

__all__ = ["Report"]
