"""Where a warning should point: the first frame outside secevents (the user's call)."""

from __future__ import annotations

import sys

__all__ = ["caller_level"]


def caller_level() -> int:
    """The ``stacklevel`` for :func:`warnings.warn` of the first frame outside this package."""
    frame = sys._getframe(1)
    level = 1
    while frame is not None and frame.f_globals.get("__name__", "").startswith("secevents."):
        frame = frame.f_back  # type: ignore[assignment]
        level += 1
    return level
