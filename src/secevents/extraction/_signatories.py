"""Who signs a joint statement: the states a sentence names as its signatories.

"X and Y issued a joint statement", "a joint statement by / between / of X and Y", "In a
joint statement, X and Y said", "a joint statement that X and Y issued", and "In a joint
statement, the two countries said" after a sentence that names the two.
"""

from __future__ import annotations

from typing import Final

from .. import _fastre
from .clues import object_codes, parties_told_before, subject_codes, unique
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
    return listed or parties_told_before(doc, s, s.start, s.end)
