"""Drills told of in general rather than held (any exercises, what a deal allows a
state to conduct, taking part in exercises as an activity), and the place of a
sentence's subject, which is not where the drills are.
"""

from __future__ import annotations

import re
from typing import Final

from .. import _fastre
from ._exercise_parties import CAME_TO
from .document import Document
from .mention import Mention
from .sentences import Sentence

__all__ = ["drills_in_general", "leave_out_the_subject_s_place"]

#: "will allow China to support its patrols and to conduct naval exercises": drills a deal or a
#: base lets a state hold, a capability rather than drills held.
_ALLOWED_TO_HOLD: Final = _fastre.compile(
    r"\b(?:allow|allows|allowing|enable|enables|enabling|permit|permits|permitting|let|lets|"
    r"ability)\b[^.;:]{0,120}?\bto\s+(?:hold|conduct|stage|carry\s+out|"
    r"take\s+part\s+in|participate\s+in)\s+(?:[\w\-]+\s+){0,3}$",
    re.IGNORECASE,
)
#: "participation in military exercises": taking part in drills of no particular kind or day.
_PARTICIPATION_IN_ANY: Final = _fastre.compile(
    r"\bparticipation\s+in\s+(?:(?!the\b|these\b|this\b|its\b|their\b)[a-z\-]+\s+){0,2}$"
)
#: "exercises with Russia and Iran", "drills hosted by Turkey": drills with their parties.
_WITH_PARTIES: Final = _fastre.compile(
    r"(?:\s+[\w\-]+){0,3}?\s+(?:with|hosted\s+by|led\s+by|alongside|between|involving)\s"
)
#: A verb of holding drills: they are held, not told of as an activity.
_HELD: Final = _fastre.compile(
    r"\b(?:held|hold|holds|holding|began|begin|wrapped\s+up|concluded|conducted|conduct|"
    r"completed|launched|started|staged|finished|ended)\b"
)
#: "rotational training and exercises", "exercises and training": drilling as an activity.
_TRAINING_AND_EXERCISES: Final = _fastre.compile(
    r"(?<!\bthe )(?<!\bthese )(?<!\bthis )\b(?:training\s+and\s+exercises|exercises\s+and\s+"
    r"training)\b",
    re.IGNORECASE,
)
#: What stands before a place that opens its sentence: "In Tarapaca, ...".
_OPENING_PLACE: Final = _fastre.compile(r"\W*(?:In|At|Near|Off)\s+(?:the\s+)?")
#: A verb after the subject: the place before it is the subject's.
_FINITE_VERB: Final = _fastre.compile(
    r"\b(?:have|has|had|are|is|were|was|will|would|began|begin|begins|held|hold|holds|"
    r"launched|started|staged|conducted|closed|joined|join|joins)\b"
)
_COMMA_AFTER: Final = _fastre.compile(r"\s*,")
#: "Any exercises near the border increase the risk": drills in general, none in particular.
_ANY: Final = _fastre.compile(r"\b[Aa]ny\s+(?:[a-z\-]+\s+){0,2}$")


def drills_in_general(
    doc: Document, sentence: Sentence, trigger: tuple[int, int], *, named: bool
) -> bool:
    """Whether the drills at ``trigger`` are told of in general, none in particular: "Any
    exercises near the border increase the risk", "the base will allow China to ... conduct
    naval exercises" (a named exercise is one in particular), "U.S. participation in
    military exercises in Norway", "rotational training and exercises" (with no date)."""
    text, begin = doc.text, sentence.start
    if _ANY.search(text, max(begin, trigger[0] - 30), trigger[0]):
        return True
    if named:
        return False
    if _ALLOWED_TO_HOLD.search(text, max(begin, trigger[0] - 160), trigger[0]):
        return True
    as_activity = _PARTICIPATION_IN_ANY.search(
        text, max(begin, trigger[0] - 40), trigger[0]
    ) or _TRAINING_AND_EXERCISES.search(text, max(begin, trigger[0] - 40), trigger[1] + 20)
    # (not "its participation in joint naval exercises with Russia", "wrapped up two weeks
    # of training and exercises": drills with their parties, or held)
    return (
        as_activity is not None
        and not doc.dates(sentence)
        and not _WITH_PARTIES.match(text, trigger[1])
        and not _HELD.search(text, begin, trigger[0])
    )


def leave_out_the_subject_s_place(m: Mention, doc: Document) -> None:
    """ "The administration of Javier Milei in Argentina has closed ranks this week in
    military exercises": a place inside the subject, before its verb, says where the
    subject is, not where the drills are (a place opening the sentence does: "In
    Tarapaca, the armies began drills")."""
    span = m.spans.get("location")
    if span is None or span[1] > m.trigger[0]:
        return
    text = doc.text
    if _OPENING_PLACE.fullmatch(text, m.sentence.start, span[0]):
        return
    verb = _FINITE_VERB.search(text, span[1], m.trigger[0])
    if (_COMMA_AFTER.match(text, span[1]) or (verb and "," in text[span[1] : verb.start()])) and (
        not _FINITE_VERB.search(text, m.sentence.start, span[0])
    ):
        return  # "At a ceremonial opening in Camp Aguinaldo in Quezon City, Gen. Brawner ..."
    if CAME_TO.search(text, max(m.sentence.start, span[0] - 30), span[0]):
        return  # "Chinese warships arrived in Cambodia and began joint exercises": there
    if verb is not None:
        del m.fields["location"], m.spans["location"]
