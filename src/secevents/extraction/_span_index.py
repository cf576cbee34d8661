"""The statement spans of a report's events sorted by where they start.

The relation rules ask, for one event, which other event is stated in an
overlapping sentence, or nearest to it. Asked of every event in turn, a pass
over all events each time is quadratic in a long document; the index answers
from the spans near the question's offset. Its answers are those of the pass:
the first event (in the events' order) among equally good ones.
"""

from __future__ import annotations

import bisect
from collections.abc import Callable, Sequence

from ..model.events import Event
from ..model.provenance import Evidence

__all__ = ["FAR", "SpanIndex", "statements"]

#: The distance of an event stated nowhere: farther than any span of a text.
FAR = 1 << 62


def statements(event: Event) -> list[Evidence]:
    """The spans that state ``event`` (not those that support one of its fields)."""
    return [span for span in event.evidence if span.field is None]


class SpanIndex:
    """The statement spans of ``events`` (numbered by their position) sorted by start.

    ``spans_of`` gives an event's statement spans (the same list for the same event).

    >>> import secevents as se
    >>> report = se.extract(" date 2022-03-04 Russian and Chinese warships held joint drills "
    ...                     "near Hokkaido on Tuesday. Japan protested to Russia.")
    >>> index = SpanIndex(report.events, statements)
    >>> [(type(e).__name__, [s.start for s in statements(e)]) for e in index.events]
    [('JointExercise', [17]), ('DiplomaticCommunique', [90])]
    >>> index.nearest(80, excluding=None), index.nearest(80, excluding=index.events[1])
    ((10, 1), (63, 0))
    >>> index.first_overlapping(statements(index.events[1]))
    (1, 0)
    """

    def __init__(
        self, events: Sequence[Event], spans_of: Callable[[Event], Sequence[Evidence]]
    ) -> None:
        self.events = list(events)
        entries = sorted(
            (span.start, span.end, position)
            for position, event in enumerate(self.events)
            for span in spans_of(event)
        )
        self._entries = entries
        self._starts = [start for start, _, _ in entries]
        self._longest = max((end - start for start, end, _ in entries), default=0)

    def first_overlapping(self, spans: Sequence[Evidence]) -> tuple[int, int] | None:
        """The least (event position, index in ``spans``) of an event stated in a span that
        overlaps one of ``spans``; None when none does."""
        best: tuple[int, int] | None = None
        for k, span in enumerate(spans):
            # A span overlapping this one starts before its end and, being at most the
            # longest long, after its start minus that length.
            low = bisect.bisect_right(self._starts, span.start - self._longest)
            high = bisect.bisect_left(self._starts, span.end)
            for start, end, position in self._entries[low:high]:
                if start < span.end and span.start < end and (best is None or (position, k) < best):
                    best = (position, k)
        return best

    def nearest(self, offset: int, *, excluding: Event | None) -> tuple[int, int] | None:
        """(distance, position) of the event stated nearest to ``offset`` (the least distance
        of a statement's start), the first in order among equally near ones; ``excluding``
        (compared by identity) is left out.

        An event stated nowhere is ``FAR`` away; None when there is no other event.
        """
        entries, starts, events = self._entries, self._starts, self.events

        def allowed(position: int) -> bool:
            return events[position] is not excluding

        right = bisect.bisect_left(starts, offset)
        left = right - 1
        while left >= 0 and not allowed(entries[left][2]):
            left -= 1
        while right < len(entries) and not allowed(entries[right][2]):
            right += 1
        distances = []
        if left >= 0:
            distances.append(offset - starts[left])
        if right < len(entries):
            distances.append(starts[right] - offset)
        if not distances:
            unstated = (p for p in range(len(self.events)) if allowed(p))
            first = next(unstated, None)
            return None if first is None else (FAR, first)
        distance = min(distances)
        tied = [
            position
            for at in {offset - distance, offset + distance}
            for _, _, position in entries[
                bisect.bisect_left(starts, at) : bisect.bisect_right(starts, at)
            ]
            if allowed(position)
        ]
        return distance, min(tied)
