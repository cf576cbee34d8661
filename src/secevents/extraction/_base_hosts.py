"""Bases in several states told in one phrase: one event per host.

"ratified agreements with Tajikistan and Kyrgyzstan that extend the presence of Russian
military bases in the two countries" tells of two bases, one in each state.
"""

from __future__ import annotations

import re
from typing import Final

from .. import _fastre
from ..model.codes import is_country_code
from .clues import coded_actor, object_codes, prep_before, unique
from .common import location_of
from .document import Document
from .mention import Mention

__all__ = ["each_host"]

#: Where the states are listed: "agreements with A and B", "bases in A and B".
_HOSTS_PREPS: Final = ("with", "in")
#: "in the two countries", "in both states": the listed states, told again.
_IN_THE_LISTED: Final = _fastre.compile(
    r"\bin\s+(?:the\s+(?:two|three|four)|both(?:\s+the)?|all\s+(?:three|four))\s+"
    r"(?:countries|states|nations|republics)\b",
    re.IGNORECASE,
)


def each_host(m: Mention, doc: Document, base: re.Match[str]) -> list[Mention]:
    """For plural bases of a builder in a list of states ("bases in A and B", "deals with
    A and B ... bases in the two countries"), a copy of ``m`` for each host after the
    first, which ``m`` keeps."""
    text, s = doc.text, m.sentence
    if not base.group().lower().endswith("s"):
        return []
    builder, host = m.fields.get("builder"), m.fields.get("host")
    if host is None or getattr(host, "code", None) is None:
        return []
    listed = [
        code
        for code in unique(object_codes(doc, s, s.start, _HOSTS_PREPS))
        if is_country_code(code) and code != getattr(builder, "code", None)
    ]
    if len(listed) < 2 or host.code != listed[0]:
        return []
    if not (_listed_after(doc, m, base) or _IN_THE_LISTED.search(text, base.end(), s.end)):
        return []
    copies = []
    for code in listed[1:]:
        copy = m.copy()
        copy.fields["host"] = coded_actor(code)
        copy.fields["location"] = location_of(code)
        copy.spans.pop("host", None)
        copy.spans.pop("location", None)
        copies.append(copy)
    return copies


def _listed_after(doc: Document, m: Mention, base: re.Match[str]) -> bool:
    """Whether the states follow the base's noun as where it is ("bases in A and B")."""
    after = next((h for h in doc.actors(m.sentence) if h.start >= base.end()), None)
    return after is not None and prep_before(doc.text, after.start, m.sentence.start) == "in"
