"""Readings that take a state out of a base's roles, or set its milestone, from how the
sentence places the base: abroad ("outside the Emirates' borders"), near a neighbour
("so close to Australia"), compared with others' bases ("like those maintained by the
US"), and "set up" told in the past ("set up Keflavik as an air base in 1951").
"""

from __future__ import annotations

import re
from typing import Final

from .. import _fastre
from ..model.dates import DateSpan
from ..model.places import Location
from ..model.vocab import LocationPrecision
from .document import Document
from .mention import Mention

__all__ = [
    "NEAR_BEFORE",
    "abroad_of",
    "compared_with",
    "leave_out_a_neighbour",
    "set_up_in_the_past",
]

#: What makes "set up" an infinitive or a present: "to", a modal, "let", "helped".
_GOVERNED: Final = _fastre.compile(
    r"\b(?:to|will|would|could|can|may|might|shall|should|must|let|lets|help|helps|helped|"
    r"make|makes|made|did|does|do|not|never|plans?|wants?)\s+(?:[\w\-]+\s+){0,3}$",
    re.IGNORECASE,
)
#: Between "set up" and the base it sets up: its article and name, nothing governed by
#: another noun ("a joint committee to negotiate", "talks on").
_OBJECT_IS_THE_BASE: Final = _fastre.compile(
    r"\s+(?:(?!to\b|on\b|for\b|about\b|of\b)[\w\-'\u2019]+\s+){0,5}"
)
#: "like those maintained by", "similar to those of": bases a base is compared with.
_LIKE_THOSE: Final = _fastre.compile(
    r"\s*,?\s*(?:like|such as|similar to|as)\s+(?:those|the ones)\s+(?:\w+\s+){0,2}?(?:of|by)\s"
)
#: Where the list of states compared with ends.
_CLAUSE_CLOSE: Final = _fastre.compile(r"[;:]|,\s+(?:the|he|she|they|it|but|and|which|while)\b")
#: "close to Egypt": a neighbour named to say where a base is (before a name; at the
#: start of a place read with its preposition).
NEAR_BEFORE: Final = _fastre.compile(
    r"\b(?:close to|near|next to|not far from|bordering|adjacent to)\s+(?:the\s+)?$"
)
_NEAR_PLACE: Final = _fastre.compile(r"(?:close to|near|next to|not far from)\s", re.IGNORECASE)
#: "outside the Emirates' borders": abroad, from the state named.
_OUTSIDE: Final = _fastre.compile(r"\b(?:outside|beyond)\s+(?:the\s+|its\s+|their\s+)?$")
_OUTSIDE_PLACE: Final = _fastre.compile(r"(?:[Oo]utside|[Bb]eyond)\s")


def set_up_in_the_past(m: Mention, doc: Document, cue: tuple[int, int]) -> bool:
    """ "The US Air Force set up Keflavik as an air base in 1951": "set up" is a past
    tense when no modal, "to" or verb governs it and its date is over before the report."""
    text = doc.text
    if text[cue[0] : cue[1]].lower() != "set up":
        return False
    if _GOVERNED.search(text, max(m.sentence.start, cue[0] - 40), cue[0]):
        return False
    if cue[1] > m.trigger[0] or not _OBJECT_IS_THE_BASE.fullmatch(text, cue[1], m.trigger[0]):
        return False  # "set up a joint committee to negotiate a naval base": no base set up
    date, published = m.fields.get("date"), doc.published
    latest = date.latest if isinstance(date, DateSpan) else None
    return latest is not None and published is not None and latest < published


def compared_with(m: Mention, doc: Document) -> set[str]:
    """The states named after "like those of", "such as those maintained by" a base is
    compared with: the owners of other bases."""
    s, text = m.sentence, doc.text
    like = _LIKE_THOSE.match(text, m.trigger[1], s.end)
    if like is None:
        return set()
    close = _CLAUSE_CLOSE.search(text, like.end(), s.end)
    until = close.start() if close else s.end
    return {h.code for h in doc.actors(s) if like.end() <= h.start < until and h.code}


def leave_out_a_neighbour(m: Mention, doc: Document) -> None:
    """ "a Chinese military outpost so close to Australia": a state a base is told to be
    near is not where it stands (a town is: "a base near Kabul")."""
    location, span = m.fields.get("location"), m.spans.get("location")
    if (
        isinstance(location, Location)
        and location.precision is LocationPrecision.COUNTRY
        and span is not None
        and (
            NEAR_BEFORE.search(doc.text, max(m.sentence.start, span[0] - 20), span[0])
            or _NEAR_PLACE.match(doc.text, span[0])
        )
    ):
        del m.fields["location"], m.spans["location"]


def abroad_of(m: Mention, doc: Document) -> list[str]:
    """ "bases outside the Emirates' borders", "its first base beyond China": the state
    named after "outside" builds abroad; it is no place of the base (a town is: "a base
    outside Kabul" stands near Kabul)."""
    location, span = m.fields.get("location"), m.spans.get("location")
    if not (
        isinstance(location, Location)
        and location.precision is LocationPrecision.COUNTRY
        and location.country is not None
        and span is not None
        and (
            _OUTSIDE.search(doc.text, max(m.sentence.start, span[0] - 20), span[0])
            or _OUTSIDE_PLACE.match(doc.text, span[0])  # (the place read as "outside China")
        )
    ):
        return []
    del m.fields["location"], m.spans["location"]
    return [location.country]
