"""The registry of event types: type tag <-> class.

Defining a subclass of :class:`~secevents.Event` registers it; the serializers,
the JSON Schema and the test strategies all read the registry, so a user's
type takes part everywhere with no other step.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from typing import TYPE_CHECKING, Final

if TYPE_CHECKING:
    from .events import Event

__all__ = ["EventRegistry", "registry", "tag_from_class_name"]

_TAG: Final = re.compile(r"[a-z][a-z0-9_]*")
_RESERVED: Final = frozenset({"report", "unknown"})


def tag_from_class_name(name: str) -> str:
    """``ArmsTransfer`` -> ``arms_transfer``; ``UAVStrike`` -> ``uav_strike``.

    >>> tag_from_class_name("JointExercise")
    'joint_exercise'
    """
    spaced = re.sub(r"(?<=[a-z0-9])(?=[A-Z])|(?<=[A-Z])(?=[A-Z][a-z])", "_", name)
    return spaced.lower()


class EventRegistry:
    """Maps type tags to event classes; listeners hear of each new class."""

    def __init__(self) -> None:
        self._by_tag: dict[str, type[Event]] = {}
        self._listeners: list[Callable[[type[Event]], None]] = []

    def register(self, cls: type[Event], tag: str) -> None:
        """Register ``cls`` under ``tag``; a tag held by another class is an error.

        Re-defining a class of the same module and name (a notebook cell run
        again) replaces the old one.
        """
        if not _TAG.fullmatch(tag) or tag in _RESERVED:
            raise TypeError(
                f"{cls.__qualname__}: type tag {tag!r} must be snake_case and not "
                f"one of {sorted(_RESERVED)}"
            )
        held = self._by_tag.get(tag)
        if held is not None and (held.__module__, held.__qualname__) != (
            cls.__module__,
            cls.__qualname__,
        ):
            raise TypeError(
                f"type tag {tag!r} of {cls.__module__}.{cls.__qualname__} is already "
                f"registered by {held.__module__}.{held.__qualname__}"
            )
        self._by_tag[tag] = cls
        for listener in self._listeners:
            listener(cls)

    def get(self, tag: str) -> type[Event] | None:
        """The class registered for ``tag``, or ``None``."""
        return self._by_tag.get(tag)

    def __contains__(self, tag: object) -> bool:
        return tag in self._by_tag

    def __iter__(self) -> Iterator[type[Event]]:
        return iter(list(self._by_tag.values()))

    def __len__(self) -> int:
        return len(self._by_tag)

    def tags(self) -> tuple[str, ...]:
        """All registered tags, in registration order."""
        return tuple(self._by_tag)

    def on_register(self, listener: Callable[[type[Event]], None]) -> Callable[[], None]:
        """Call ``listener`` for every class registered from now on.

        Returns a function that stops the calls.
        """
        self._listeners.append(listener)

        def stop() -> None:
            if listener in self._listeners:
                self._listeners.remove(listener)

        return stop


#: The process-wide registry every :class:`~secevents.Event` subclass joins.
registry: Final = EventRegistry()
