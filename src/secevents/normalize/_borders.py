"""Border phrases: "near the Tajik-Afghan border", "Tajikistan's border with Afghanistan".

Finds the phrase and the states it names; the caller settles the side left unsaid
("the border with Afghanistan") from the sentence or a hint.
"""

from __future__ import annotations

import re
from typing import Final

import attrs

from .. import _fastre
from ._names import Mention

__all__ = ["BorderPhrase", "find_borders", "near_start"]

_BORDER: Final = _fastre.compile(r"\b(?:border|frontier|boundary)s?\b", re.IGNORECASE)
#: "border guards", "border talks": the word names a thing at the border, not a place.
_MODIFIER: Final = _fastre.compile(
    r"[ \t]+(?:guards?|troops|police|service|services|forces?|patrols?|security|control|"
    r"disputes?|issues?|talks|agreements?|treaty|crossings?|posts?|outposts?|checkpoints?|"
    r"walls?|fences?|polic(?:y|ies)|regime|protection|demarcation|delimitation|commissions?|"
    r"officials?|authorit(?:y|ies)|agency|units?)\b",
    re.IGNORECASE,
)
_PAIR_GAP: Final = _fastre.compile(r"[-\u2010\u2011\u2013\u2014/]")
_OF: Final = _fastre.compile(r"[ \t]+(?:of|between)[ \t]+(?:the[ \t]+)?", re.IGNORECASE)
_WITH: Final = _fastre.compile(r"[ \t]+(?:with|and)[ \t]+(?:the[ \t]+)?", re.IGNORECASE)
#: What makes a place "near": "near", "close to", "along", "outside", "30 km from".
_NEAR: Final = _fastre.compile(
    r"(?:\b(?:near|nearby|along|outside|around|off)|\bclose[ \t]+to|\bnext[ \t]+to"
    r"|\bnot[ \t]+far[ \t]+from|\bvicinity[ \t]+of|\boutskirts[ \t]+of|\badjacent[ \t]+to"
    r"|\d[\d,.]{0,12}[ \t]*(?:km|kilometers|kilometres|miles)[ \t]+"
    r"(?:[a-z]{1,12}[ \t]+)?(?:from|of)"
    r"|\b(?:north|south|east|west|northeast|northwest|southeast|southwest)(?:ern)?[ \t]+of)"
    r"[ \t]+(?:the[ \t]+)?$",
    re.IGNORECASE,
)
_NEAR_WINDOW: Final = 48
#: The words such a phrase ends with.
_NEAR_LAST: Final = frozenset(
    {"near", "nearby", "along", "outside", "around", "off", "to", "from", "of"}
)


@attrs.frozen(weakref_slot=False)
class BorderPhrase:
    """A border named in ``text[start:end]``.

    ``country`` is the side the text puts the place on, ``other`` the state across;
    ``open_side`` says the text left one side to context ("the border with Afghanistan"),
    ``adjective`` that it named the state before the word ("the Afghan border").
    """

    start: int
    end: int
    country: str | None
    other: str | None
    near: bool
    open_side: bool
    adjective: bool = False


#: "the Czech capital Prague", "the port city of Gwadar": what a place is, named before it.
_KIND_BEFORE: Final = _fastre.compile(
    r"(?:[A-Z][\w\-]*[ \t]+)?(?:capital|city|town|port|village)(?:[ \t]+of)?,?[ \t]+$"
)


def near_start(text: str, start: int) -> int | None:
    """Where a "near"/"close to"/"along" phrase ending just before ``start`` begins
    ("90 km southwest of the Czech capital Prague" before "Prague")."""
    if text.endswith((" capital ", " city ", " town ", " port ", " village "), 0, start):
        kind = _KIND_BEFORE.search(text, max(0, start - 40), start)
        if kind is not None:
            start = kind.start()
    window = max(0, start - _NEAR_WINDOW)
    last = text[window:start].rsplit(None, 2)
    if last and last[-1].lower() == "the":
        last = last[:-1]
    if not last or last[-1].lower() not in _NEAR_LAST:
        return None  # the usual case, decided without the regular expression
    match = _NEAR.search(text, window, start)
    return match.start() if match else None


def _state(m: Mention | None) -> str | None:
    entry = m.first("country", "demonym") if m is not None else None
    return entry.code if entry is not None else None


def find_borders(text: str, mentions: list[Mention]) -> list[BorderPhrase]:
    """Every border phrase of ``text``; ``mentions`` are its actor-name mentions."""
    ends = {m.end: m for m in mentions}
    ends.update({m.end + 2: m for m in mentions if m.possessive})
    starts = {m.start: m for m in mentions}
    found: list[BorderPhrase] = []
    for word in _BORDER.finditer(text):
        if found and word.start() < found[-1].end:
            continue
        if _MODIFIER.match(text, word.end()):
            continue
        if text[max(0, word.start() - 6) : word.start()].lower().endswith("cross-"):
            continue
        phrase = _phrase(text, word, ends, starts)
        if phrase is not None:
            found.append(phrase)
    return found


def _paired(text: str, pair: Mention | None, first: Mention) -> bool:
    """Whether ``pair`` and ``first`` name two states joined by a hyphen: "Tajik-Afghan"."""
    if pair is None or pair.possessive or first.possessive or not _state(pair):
        return False
    return _PAIR_GAP.fullmatch(text[pair.end : first.start]) is not None


def _phrase(
    text: str, word: re.Match[str], ends: dict[int, Mention], starts: dict[int, Mention]
) -> BorderPhrase | None:
    left = word.start()
    while left > 0 and text[left - 1] in " \t" and word.start() - left < 3:
        left -= 1
    near_left = ends.get(left) if left < word.start() else None
    first = near_left if _state(near_left) else None
    start, country, other, open_side = word.start(), None, None, False
    adjective = False
    if first is not None:
        start = first.start
        pair = ends.get(first.start - 1)
        if _paired(text, pair, first) and pair is not None:  # "the Tajik-Afghan border"
            start, country, other = pair.start, _state(pair), _state(first)
        if country is None and first.possessive:
            country = _state(first)
        elif country is None:
            other, open_side, adjective = _state(first), True, True
    end = word.end()
    of = _OF.match(text, end) if country is None and other is None else None
    if of is not None and _state(starts.get(of.end())):
        c2 = starts[of.end()]
        country, end = _state(c2), c2.end
        other_at = _WITH.match(text, end)
        if other_at is not None and _state(starts.get(other_at.end())):
            other, end = _state(starts[other_at.end()]), starts[other_at.end()].end
    elif other is None or open_side:
        with_ = _WITH.match(text, end)
        if with_ is not None and text[end : with_.end()].lower().lstrip().startswith("with"):
            c3 = starts.get(with_.end())
            if _state(c3) and c3 is not None:
                if open_side:  # "the Tajik border with Afghanistan"
                    country, open_side, adjective = other, False, False
                other, end = _state(c3), c3.end
                open_side = open_side or country is None
    if country is None and other is None:
        open_side = True  # "along the border": the sentence says which
    if country is not None and country == other:
        other = None
    near_at = near_start(text, start)
    if near_at is not None:
        start = near_at
    return BorderPhrase(start, end, country, other, near_at is not None, open_side, adjective)
