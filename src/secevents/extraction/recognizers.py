"""The recognizer protocol, the mention type recognizers return, and their registry.

A recognizer reads one sentence at a time and returns :class:`Mention` s of its
event type; the pipeline merges mentions into events. Register your own type's
recognizer, or replace a built-in one, in a :class:`RecognizerRegistry`:

>>> from secevents.extraction.exercise import ExerciseRecognizer
>>> registry = default_recognizers()
>>> registry.register(ExerciseRecognizer())  # replaces the built-in one, same tag
>>> len(registry), registry.tags()[1]
(4, 'joint_exercise')

docs/extract.md shows a recognizer for a user's own event type.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import Protocol, runtime_checkable

from ..model.events import Event
from .document import Document
from .frames import FrameLexicon
from .mention import Mention
from .sentences import Sentence

__all__ = ["Mention", "Recognizer", "RecognizerRegistry", "default_recognizers"]


@runtime_checkable
class Recognizer(Protocol):
    """Finds mentions of one event type in a sentence and vets the merged events."""

    @property
    def event_type(self) -> type[Event]:
        """The event class this recognizer produces."""
        ...

    def recognize(self, sentence: Sentence, doc: Document) -> Iterable[Mention]:
        """The mentions of ``event_type`` in ``sentence``."""
        ...

    def accept(self, event: Event) -> bool:
        """Whether a merged event is kept (e.g. an exercise needs two participants)."""
        ...


class RecognizerRegistry:
    """Recognizers by the type tag of their event class; registering a tag again replaces it."""

    def __init__(self, recognizers: Iterable[Recognizer] = ()) -> None:
        self._by_tag: dict[str, Recognizer] = {}
        for recognizer in recognizers:
            self.register(recognizer)

    def register(self, recognizer: Recognizer) -> None:
        """Add ``recognizer``, replacing the one registered for the same event type."""
        if not isinstance(recognizer, Recognizer):
            raise TypeError(f"{recognizer!r} does not implement the Recognizer protocol")
        self._by_tag[recognizer.event_type.type_tag] = recognizer

    def remove(self, tag: str) -> None:
        """Drop the recognizer of event type ``tag``."""
        self._by_tag.pop(tag, None)

    def tags(self) -> list[str]:
        """The event type tags recognized, in registration order."""
        return list(self._by_tag)

    def __iter__(self) -> Iterator[Recognizer]:
        return iter(list(self._by_tag.values()))

    def __len__(self) -> int:
        return len(self._by_tag)


def default_recognizers(frames: FrameLexicon | None = None) -> RecognizerRegistry:
    """A new registry holding the built-in recognizers, reading roles with ``frames``
    (the built-in :func:`~secevents.extraction.frames.default_frames` if None).

    >>> default_recognizers().tags()
    ['base_construction', 'joint_exercise', 'diplomatic_communique', 'statement']
    """
    from .communique import CommuniqueRecognizer
    from .construction import ConstructionRecognizer
    from .exercise import ExerciseRecognizer
    from .statement import StatementRecognizer

    return RecognizerRegistry(
        [
            ConstructionRecognizer(frames),
            ExerciseRecognizer(frames),
            CommuniqueRecognizer(frames),
            StatementRecognizer(),
        ]
    )
