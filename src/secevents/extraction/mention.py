"""What a recognizer finds in a sentence: a :class:`Mention` of an event, before merging."""

from __future__ import annotations

from typing import Any

import attrs

from ..model.events import Event
from .sentences import Sentence

__all__ = ["Mention"]


@attrs.define(weakref_slot=False)
class Mention:
    """One sentence's mention of an event: its type, trigger span, fields and their evidence.

    ``fields`` are keyword arguments of ``event_type`` (``participants``, ``status``...);
    ``spans`` maps a field name to the ``(start, end)`` it was read from. ``key`` is a
    name (an exercise's) that identifies the event across sentences; ``anaphoric``
    marks a mention ("the drills") that refers back to an event already named;
    ``attach_only`` mentions only add to an event found elsewhere; a ``definite``
    mention ("the exercise", "these drills") names an event already introduced, so it
    joins it even when it gives a date of its own (that date is about something else).
    """

    event_type: type[Event]
    sentence: Sentence
    trigger: tuple[int, int]
    fields: dict[str, Any] = attrs.field(factory=dict)
    spans: dict[str, tuple[int, int]] = attrs.field(factory=dict)
    key: str | None = None
    anaphoric: bool = False
    attach_only: bool = False
    definite: bool = False

    def copy(self) -> Mention:
        """The same mention with fields and spans of its own, to change apart."""
        return attrs.evolve(self, fields=dict(self.fields), spans=dict(self.spans))
