"""Who signs a joint statement: the states a sentence names as its signatories.

"X and Y issued a joint statement", "a joint statement by / between / of X and Y", "In a
joint statement, X and Y said", "a joint statement that X and Y issued", and "In a joint
statement, the two countries said" after a sentence that names the two.
"""

from __future__ import annotations

import re
from typing import Final

from .. import _fastre
from ..model.codes import is_country_code
from .clues import object_codes, subject_codes, unique
from .document import Document
from .mention import Mention

__all__ = ["joint_signatories"]

_SIGNED_BY: Final = ("by", "between", "of", "from")
#: "In a joint statement, X and Y said / agreed / called for ...": the signatories end there.
_SIGNATORIES_END: Final = _fastre.compile(
    r"\b(?:said|say|stated|announced|agreed|pledged|vowed|called|urged|expressed|reaffirmed)\b"
)
#: "a joint statement that the United States and the Philippines issued": who issued it.
_ISSUED_BY_WHOM: Final = _fastre.compile(
    r"\s+(?:that|which)\s+(?P<who>[^,;.]{2,120}?)\s+(?:have\s+|has\s+|had\s+)?"
    r"(?:issued|adopted|signed|released|agreed|approved|published|made|put out)\b"
)
#: "the two countries", "both sides", "the three sides", "the leaders": the states named
#: before, by reference.
_THE_PARTIES: Final = _fastre.compile(
    r"\b(?:the\s+(?P<n>two|three|four|five|six)|both|all\s+(?P<all>three|four|five|six))\s+"
    r"(?:[a-z\-]+\s+)?(?:sides|countries|states|nations|governments|leaders|ministers|"
    r"parties|allies|partners)\b",
    re.IGNORECASE,
)
_COUNTS: Final = {"two": 2, "both": 2, "three": 3, "four": 4, "five": 5, "six": 6}
#: How many sentences back the states "the two countries" stand for may be named.
_PARTIES_REACH: Final = 3


def joint_signatories(m: Mention, doc: Document) -> list[str]:
    """The codes of the states or bodies that sign the joint statement ``m`` names, in the
    order the text names them (none: an empty list)."""
    s, (start, end) = m.sentence, m.trigger
    named = object_codes(doc, s, end, _SIGNED_BY)
    if named:
        return named
    inside = [h.code for h in doc.actors(s) if start <= h.start and h.end <= end]
    if inside:  # "the joint Russian-Georgian statement": the states it names
        return unique(inside)
    issued = _ISSUED_BY_WHOM.match(doc.text, end, s.end)
    if issued is not None:
        who = [h.code for h in doc.actors(s) if issued.start("who") <= h.start < issued.end("who")]
        if who:
            return unique(who)
    subjects = subject_codes(doc, s, start)
    if subjects:
        return subjects
    after = _SIGNATORIES_END.search(doc.text, end, s.end)
    listed = [h.code for h in doc.actors(s) if after is not None and end < h.start < after.start()]
    return listed or _parties_told_before(m, doc)


def _parties_told_before(m: Mention, doc: Document) -> list[str]:
    """The states "the two countries" or "the three sides" of the sentence stand for: those
    of the nearest sentence before that names as many (or, for "the leaders", two or more)."""
    s = m.sentence
    parties = _THE_PARTIES.search(doc.text, s.start, s.end)
    if parties is None:
        return []
    word = (parties["n"] or parties["all"] or "both").lower()
    count = _COUNTS[word]
    for before in doc.sentences[max(0, s.index - _PARTIES_REACH) : s.index][::-1]:
        states = unique(h.code for h in doc.actors(before) if is_country_code(h.code))
        if len(states) >= 2:
            return states if len(states) == count else []
    return []
