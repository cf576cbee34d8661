"""The document being read: its sentences and the normalized clues found in each, cached.

>>> import datetime as dt
>>> doc = Document("Russian and Tajik troops held drills on Monday.",
...                published=dt.date(2021, 10, 28))
>>> [h.code for h in doc.actors(doc.sentences[0])]
['RUS', 'TJK']
>>> [str(d.value) for d in doc.dates(doc.sentences[0])]
['2021-10-25']
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Any, Final

import attrs

from ..actors import Actor
from ..amounts import Money, Quantity
from ..dates import DateSpan
from ..normalize import find_actors, find_dates, find_money, find_places, find_quantities
from ..normalize.result import Normalized
from ..places import Location
from ..vocab import ActorKind
from .sentences import Sentence, split_sentences

__all__ = ["ActorHit", "Document", "Hit"]

_CODED: Final = frozenset(
    {
        ActorKind.STATE,
        ActorKind.GOVERNMENT,
        ActorKind.MILITARY,
        ActorKind.ORGANIZATION,
        ActorKind.ARMED_GROUP,
    }
)


_CAPITALIZED: Final = re.compile(r"\b[A-Z][a-z]{3,}\b")
_LOOKBACK: Final = 12
_ANCHORS: Final = (dt.date(1990, 3, 7), dt.date(2031, 9, 18))


@attrs.frozen(weakref_slot=False)
class ActorHit:
    """An actor found at ``document[start:end]`` with the code it stands for."""

    start: int
    end: int
    code: str
    actor: Actor


@attrs.frozen(weakref_slot=False)
class Hit:
    """A normalized value found at ``document[start:end]``."""

    start: int
    end: int
    value: object


def _shift(found: list[Normalized[Any]], offset: int) -> list[Hit]:
    return [
        Hit(r.start + offset, r.end + offset, r.value)
        for r in found
        if r.value is not None and r.start is not None and r.end is not None
    ]


class Document:
    """A report's text, publication date and sentences, with per-sentence clue caches.

    ``start`` is where the body begins (after a leading date line).
    """

    def __init__(self, text: str, *, published: dt.date | None = None, start: int = 0) -> None:
        self.text = text
        self.published = published
        self.sentences = split_sentences(text, start)
        self._cache: dict[tuple[str, int], list[object]] = {}
        #: Warnings of the normalizers about the sentences read (weekday conflicts...).
        self.warnings: list[str] = []

    def _get(self, kind: str, sentence: Sentence) -> list[object] | None:
        return self._cache.get((kind, sentence.index))

    def _named(self, sentence: Sentence) -> list[ActorHit]:
        """Actors the name finder reads in ``sentence`` (cached)."""
        cached = self._get("named", sentence)
        if cached is None:
            hits: list[ActorHit] = []
            for r in find_actors(sentence.text):
                actor = r.value
                if actor is None or r.start is None or r.end is None:
                    continue
                if actor.kind is ActorKind.MEDIA:
                    continue
                code = actor.code if actor.kind in _CODED else actor.country
                if code:
                    hits.append(
                        ActorHit(r.start + sentence.start, r.end + sentence.start, code, actor)
                    )
            self._cache[("named", sentence.index)] = list(hits)
            return hits
        return [h for h in cached if isinstance(h, ActorHit)]

    def actors(self, sentence: Sentence) -> list[ActorHit]:
        """Coded actors of ``sentence`` (states, organs, organisations; people by their state).

        A person named by surname only ("Iravani said") gets the state of the
        earlier full mention ("Sa'eed Iravani, Iran's ambassador").
        """
        cached = self._get("actors", sentence)
        if cached is not None:
            return [h for h in cached if isinstance(h, ActorHit)]
        hits = self._named(sentence)
        taken = [(h.start, h.end) for h in hits]
        for match in _CAPITALIZED.finditer(self.text, sentence.start, sentence.end):
            if any(a <= match.start() < b for a, b in taken):
                continue
            person = self._earlier_person(match.group(), sentence.index)
            if person is not None:
                hits.append(ActorHit(match.start(), match.end(), person.code, person.actor))
        hits.sort(key=lambda h: h.start)
        self._cache[("actors", sentence.index)] = list(hits)
        return hits

    def _earlier_person(self, surname: str, index: int) -> ActorHit | None:
        for sentence in self.sentences[max(0, index - _LOOKBACK) : index]:
            for hit in self._named(sentence):
                name = hit.actor.name or ""
                if hit.actor.kind is ActorKind.PERSON and name.split()[-1:] == [surname]:
                    return hit
        return None

    def _hits(self, kind: str, sentence: Sentence) -> list[Hit]:
        cached = self._get(kind, sentence)
        if cached is None:
            found: list[Normalized[Any]]
            if kind == "dates":
                found = self._find_dates(sentence.text)
            elif kind == "places":
                found = list(find_places(sentence.text))
            elif kind == "quantities":
                found = list(find_quantities(sentence.text))
            else:
                found = list(find_money(sentence.text))
            hits = _shift(found, sentence.start)
            self._cache[(kind, sentence.index)] = list(hits)
            return hits
        return [h for h in cached if isinstance(h, Hit)]

    def _find_dates(self, text: str) -> list[Normalized[Any]]:
        if self.published is not None:
            found = find_dates(text, anchor=self.published, tense=None)
            self.warnings += [str(w) for r in found for w in r.warnings]
            return list(found)
        # Without a publication date keep only what two far-apart anchors agree on.
        one = find_dates(text, anchor=_ANCHORS[0], tense=None)
        two = {(r.start, str(r.value)) for r in find_dates(text, anchor=_ANCHORS[1], tense=None)}
        return [r for r in one if (r.start, str(r.value)) in two]

    def dates(self, sentence: Sentence) -> list[Hit]:
        """Dates of ``sentence`` resolved against the publication date (none without one)."""
        return [h for h in self._hits("dates", sentence) if isinstance(h.value, DateSpan)]

    def places(self, sentence: Sentence) -> list[Hit]:
        """Places named in ``sentence``."""
        return [h for h in self._hits("places", sentence) if isinstance(h.value, Location)]

    def quantities(self, sentence: Sentence) -> list[Hit]:
        """Counts in ``sentence``."""
        return [h for h in self._hits("quantities", sentence) if isinstance(h.value, Quantity)]

    def money(self, sentence: Sentence) -> list[Hit]:
        """Sums of money in ``sentence``."""
        return [h for h in self._hits("money", sentence) if isinstance(h.value, Money)]
