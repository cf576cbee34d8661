"""Where a message is delivered: in the recipient's state or (by default) the sender's.

A note handed to a summoned envoy is delivered in the sender's capital, the common case;
one that the sender's ambassador or embassy conveys abroad, or that is sent to the
recipient's own foreign ministry, is delivered in the recipient's state.
"""

from __future__ import annotations

import re
from typing import Final

from .. import _fastre
from ..model.actors import Actor
from ..model.codes import is_country_code
from ..model.places import Location
from ._message_senders import GIVEN_TO_SUBJECT
from .clues import coded_actor
from .document import Document
from .frames import ENVOY_TITLES, MISSION
from .mention import Mention

__all__ = ["read_delivery"]

#: The sender's mission in another state, before the message: "the Chinese ambassador to
#: Japan protested", "our embassy in Washington conveyed".
_MISSION_ABROAD: Final = _fastre.compile(
    rf"\b{MISSION}\s+(?:to|in)\s+(?:the\s+)?",
    re.IGNORECASE,
)
#: A foreign ministry after the message: "to the Pakistan Foreign Ministry", "to the US
#: State Department", "to the host foreign ministry" (the host of the sender's mission).
_FOREIGN_MINISTRY: Final = _fastre.compile(
    r"\b(?P<host>host\s+)?(?:(?:foreign|external affairs)\s+ministry|ministry\s+of\s+"
    r"(?:foreign|external)\s+affairs|state\s+department|foreign\s+office)\b",
    re.IGNORECASE,
)
#: Between a state and its ministry: "Pakistan's Foreign Ministry", "the US State Department".
_OWNER_GAP: Final = _fastre.compile(r"(?:['\u2019]s)?\s+")
_OF_OWNER: Final = _fastre.compile(r"\s+of\s+(?:the\s+)?")
#: To a head of state or government: "to Korean President Lee", "to the King of Jordan".
_TO_LEADER: Final = _fastre.compile(
    r"\bto\s+(?:the\s+)?(?:[A-Z][\w\-]+\s+){0,2}(?:President|Prime Minister|King|Queen|"
    r"Emperor|Chancellor|Emir|Sultan|Crown Prince)\b"
)
#: How far after the title the state may be named ("to the King of Jordan").
_NAME_REACH: Final = 12
_SUMMONS: Final = _fastre.compile(r"\b(?:summon\w*|called in)\b")
#: An envoy or a mission named with the message: "handed to Turkey's chargé d'affaires".
_ENVOY: Final = _fastre.compile(rf"\b(?:{ENVOY_TITLES}|{MISSION}|diplomats?)\b", re.IGNORECASE)
#: "Also on Tuesday, the ambassador protested", "the embassy also conveyed": one more
#: message, through another channel.
_ALSO: Final = _fastre.compile(r"\b[Aa]lso\b")


def read_delivery(m: Mention, doc: Document) -> None:
    """Set ``summons`` when an envoy is called in, ``at_recipient`` on a message with a
    state as recipient (whether it is delivered in that state), ``by_mission`` when the
    sender's mission there delivers it, and
    ``other_channel`` when "also" marks one more message through that mission."""
    if _SUMMONS.search(doc.text, m.sentence.start, m.trigger[1]):
        m.fields["summons"] = True  # the envoy called in: delivered in the sender's state
    if _ENVOY.search(doc.text, m.sentence.start, m.sentence.end):
        m.fields["via_envoy"] = True  # handed to an envoy or a mission: where it is posted
    recipient, sender = m.fields.get("recipient"), m.fields.get("sender")
    if recipient is None and isinstance(sender, Actor):
        # "the Chinese ambassador to Japan protested": to the state the envoy is sent to
        state = _mission_state(m, doc)
        if state is not None and state != sender.code:
            m.fields["recipient"] = recipient = coded_actor(state)
    if recipient is None and _to_their_ministry(m, doc, ""):
        # "the High Commission submitted a letter to the host foreign ministry"
        m.fields["at_recipient"] = m.fields["by_mission"] = True
        return
    if not isinstance(recipient, Actor) or not is_country_code(recipient.code or ""):
        return
    code = recipient.code or ""
    by_mission = _mission_state(m, doc, code) == code
    at_recipient = by_mission or _to_their_ministry(m, doc, code) or _to_their_leader(m, doc, code)
    m.fields["at_recipient"] = at_recipient
    if by_mission:
        m.fields["by_mission"] = True
    if at_recipient and _ALSO.search(doc.text, m.sentence.start, m.trigger[0]):
        m.fields["other_channel"] = True


def _mission_state(m: Mention, doc: Document, code: str | None = None) -> str | None:
    """The state of the sender's mission named before the message (``code`` first)."""
    s, text = m.sentence, doc.text
    found: list[str] = []
    for mission in _MISSION_ABROAD.finditer(text, s.start, m.trigger[1]):
        at = mission.end()
        found += [h.code for h in doc.actors(s) if h.start == at and is_country_code(h.code)]
        found += [
            h.value.country
            for h in doc.places(s)
            if h.start == at and isinstance(h.value, Location) and h.value.country
        ]
    if code in found:
        return code
    return found[0] if found else None


def _to_their_leader(m: Mention, doc: Document, code: str) -> bool:
    """ "a letter sent ... to Korean President Lee": to the recipient's head of state or
    government, delivered in the recipient's state."""
    s, text = m.sentence, doc.text
    for leader in _TO_LEADER.finditer(text, m.trigger[1], s.end):
        if any(
            h.code == code and leader.start() <= h.start <= leader.end() + _NAME_REACH
            for h in doc.actors(s)
        ):
            return True
    return False


def _to_their_ministry(m: Mention, doc: Document, code: str) -> bool:
    """Whether the message goes to the recipient's own foreign ministry ("to the Pakistan
    Foreign Ministry", "The Pakistan Foreign Office was sent a note")."""
    s, text = m.sentence, doc.text
    passive = GIVEN_TO_SUBJECT.search(text, s.start, m.trigger[0]) is not None
    for ministry in _FOREIGN_MINISTRY.finditer(text, s.start if passive else m.trigger[1], s.end):
        if ministry.group("host"):
            return True
        for hit in doc.actors(s):
            if hit.code != code:
                continue
            if hit.start <= ministry.start() < hit.end:  # "the Pakistan Foreign Ministry"
                return True
            if hit.end <= ministry.start() and _OWNER_GAP.fullmatch(
                text, hit.end, ministry.start()
            ):
                return True
            if hit.start >= ministry.end() and _OF_OWNER.fullmatch(text, ministry.end(), hit.start):
                return True
    return False
