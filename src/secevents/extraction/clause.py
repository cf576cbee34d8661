"""One sentence seen the way the frame lexicon reads it: actors replaced by placeholders.

Every recognizer asks the same questions of a sentence: who is the subject of a verb,
who follows a preposition, whose possessive stands before a noun. :class:`Clause`
answers them once per sentence from a *shape* of it, the sentence text with each
coded actor replaced by ``⟨n⟩`` (and a list of actors collapsed to one group), so
that a pattern such as ``{host} agreed to let {builder}`` is one regular expression.

>>> import datetime as dt
>>> doc = Document("Bulgaria agreed to let the U.S. military use two air bases.",
...                published=dt.date(2006, 3, 24))
>>> clause = clause_of_sentence(doc, doc.sentences[0])
>>> clause.shape
'⟨0⟩ agreed to let the ⟨1⟩ use two air bases.'
>>> [h.code for h in clause.group(1)]
['USA']
"""

from __future__ import annotations

from typing import Final

import attrs

from .. import _fastre
from .document import ActorHit, Document
from .sentences import Sentence

__all__ = ["Clause", "clause_of_sentence"]

#: Between the members of a list of actors: "Russia, China and India", "US and Philippine".
_LIST_GAP: Final = _fastre.compile(
    r"(?:,\s*(?:and\s+|or\s+)?|\s+(?:and|or|&)\s+|\s*/\s*)(?:the\s+)?"
)
OPEN: Final = "\u27e8"
CLOSE: Final = "\u27e9"


@attrs.frozen(weakref_slot=False)
class Clause:
    """The shape of a sentence: its text with each group of listed actors as ``⟨n⟩``.

    ``groups[n]`` holds the actors of placeholder ``n`` in text order; ``offsets`` maps
    each character of ``shape`` back to a document offset (the placeholder's start for
    its characters), so a pattern's match can be placed in the text.
    """

    sentence: Sentence
    shape: str
    groups: tuple[tuple[ActorHit, ...], ...]
    offsets: tuple[int, ...]

    def group(self, index: int) -> tuple[ActorHit, ...]:
        """The actors standing for placeholder ``index``."""
        return self.groups[index]

    def position(self, shape_index: int) -> int:
        """The document offset of ``shape[shape_index]`` (the sentence end past the shape)."""
        if shape_index >= len(self.offsets):
            return self.sentence.end
        return self.offsets[shape_index]

    def shape_index(self, offset: int) -> int:
        """The index in ``shape`` of the first character at or after document ``offset``."""
        low, high = 0, len(self.offsets)
        while low < high:
            middle = (low + high) // 2
            if self.offsets[middle] < offset:
                low = middle + 1
            else:
                high = middle
        return low


def _groups(doc: Document, sentence: Sentence) -> list[list[ActorHit]]:
    """The sentence's actors, the members of a list ("Russia, China and India") together.

    A comma joins two actors only in a list that an "and"/"or" closes: in "the UN
    Security Council, Cyprus warned" the comma ends a phrase.
    """
    text = doc.text
    chains: list[list[tuple[ActorHit, bool]]] = []  # (hit, joined to the one before by a comma)
    last_end = -1
    for hit in doc.actors(sentence):
        if hit.start < last_end:
            continue  # overlapping readings ("Chinese" inside "Chinese People's ...")
        gap = _LIST_GAP.fullmatch(text, last_end, hit.start) if chains else None
        if gap is not None:
            chains[-1].append(
                (hit, gap.group().lstrip().startswith(",") and "and" not in gap.group())
            )
        else:
            chains.append([(hit, False)])
        last_end = hit.end
    groups: list[list[ActorHit]] = []
    for chain in chains:
        # The last "and"/"or" closes the list: commas before it join, commas after it part.
        closing = max((i for i, (_, comma) in enumerate(chain) if i and not comma), default=0)
        for i, (hit, comma) in enumerate(chain):
            if i == 0 or (comma and i > closing):
                groups.append([hit])
            else:
                groups[-1].append(hit)
    return groups


def clause_of_sentence(doc: Document, sentence: Sentence) -> Clause:
    """The :class:`Clause` of ``sentence`` (built once per document and sentence)."""

    def build(_: str) -> list[Clause]:
        text = doc.text
        parts: list[str] = []
        offsets: list[int] = []
        groups = _groups(doc, sentence)
        cursor = sentence.start
        for index, members in enumerate(groups):
            parts.append(text[cursor : members[0].start])
            offsets.extend(range(cursor, members[0].start))
            token = f"{OPEN}{index}{CLOSE}"
            parts.append(token)
            offsets.extend([members[0].start] * len(token))
            cursor = members[-1].end
        parts.append(text[cursor : sentence.end])
        offsets.extend(range(cursor, sentence.end))
        return [
            Clause(
                sentence=sentence,
                shape="".join(parts),
                groups=tuple(tuple(g) for g in groups),
                offsets=tuple(offsets),
            )
        ]

    return doc.memo("clause", sentence, build)[0]
