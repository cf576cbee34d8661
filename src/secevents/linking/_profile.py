"""What similarity reads of an event, read once: shared by the scorer and the blocking."""

from __future__ import annotations

from typing import Any

import attrs

from ..model.events import Event
from ..model.places import Location

__all__ = ["Profile"]


@attrs.frozen
class Profile:
    """What similarity reads of an event, read once."""

    cls: type[Event]
    tag: str
    scheme: Any
    code: Any
    actors: dict[str, frozenset[str]]
    window: tuple[int, int] | None
    location: Location | None
    measures: dict[str, tuple[str | None, float]]
    details: dict[str, Any]
