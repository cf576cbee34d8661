"""Exercise names: "Tsentr-2019", "Joint Sea 2021", "the Sea Breeze exercise".

>>> exercise_name("Russia started the Tsentr-2019 drills")
('Tsentr-2019', 19, 30)
"""

from __future__ import annotations

import re
from typing import Final

from .. import _fastre

__all__ = ["GENERIC_OPENERS", "KIND_ADJECTIVES", "NOT_NAMES", "exercise_name", "exercise_names"]

#: "Tsentr-2019", "Joint Sea 2021", "Anakonda 2016", "the Sea Breeze exercise".
_WORD: Final = r"(?:[A-Z][a-z]+|[A-Z]{2,}[a-z]*)(?:-[a-z]{1,3}-[A-Z][a-z]+)?"
#: Words that say what kind of drill it is, between a name and its noun ("Eager Lion"
#: annual war games, Malabar Naval Exercise).
KIND_ADJECTIVES: Final = (
    r"naval|military|joint|training|air|army|annual|biennial|multinational|bilateral|"
    r"trilateral|combined|maritime|tactical|live-fire|large-scale"
)
_NAME: Final = _fastre.compile(
    rf"\b(?P<name>{_WORD}(?:[ \-]{_WORD})*(?:[ \-](?:(?:19|20)?\d\d|\d|[IVXLC]{{1,6}}))?)"
    # A closing quote and up to two adjectives may stand between the name and the noun:
    # 'the fifth "Eager Lion" annual war games'.
    rf"(?=[\"\u201d\u2019']?[ ](?:(?:{KIND_ADJECTIVES}) ){{0,2}}"
    r"(?:exercise|drill|manoeuvre|maneuver|war ?games))"
    rf"|\b(?P<named>{_WORD}(?:[ \-]{_WORD})*[ \-](?:19|20)\d\d)\b"
    # "Saber Strike 16": two capitalised words and a short year.
    # "Joint Warrior 16-2": a short year and the edition of that year.
    r"|\b(?P<short>[A-Z][a-z]+[ \-][A-Z][a-z]+[ \-]\d\d(?:-[1-4]\b)?)\b(?![\d%]|[.,:/]\d)"
    # "drills dubbed Nile Eagles", 'codenamed "Falcon Strike 2019"'.
    r"|\b(?:dubbed|called|code-?named|codenamed|named|known as)\s+[\"\u201c]?"
    rf"(?P<dubbed>{_WORD}(?:[ \-](?:{_WORD}|\d+))*)"
    # "the 10-day exercise Indra", "the drills Zapad-2021": a name right after the noun.
    r"|\b(?:exercise|drills?|manoeuvres?|maneuvers?|war ?games?)\s+"
    rf"(?P<after>{_WORD}(?:[ \-](?:(?:19|20)?\d\d|{_WORD}))*)"
)
#: Words that open a sentence about drills without naming them: "Air exercises will ...".
GENERIC_OPENERS: Final = frozenset({
    "Air", "Sea", "Land", "Ground", "Army", "Navy", "Naval", "Maritime", "Amphibious",
    "Tactical", "Annual", "Field", "Staff", "Command", "Combined", "Bilateral", "Trilateral",
    "Multinational", "Regional", "Special", "Major", "Live", "Night", "Artillery", "Missile",
    "Tank", "Infantry", "Airborne", "Anti-submarine", "Counter-terrorism", "Training",
    # the adjectives of a headline: "Massive naval drill begins", "Rare joint drills held"
    "Massive", "Huge", "Large", "Largest", "Big", "Biggest", "Mega", "Grand", "Key", "Rare",
    "First", "Historic", "Unprecedented", "Mock", "Snap", "Surprise", "Fresh", "New", "More",
    "Intensive", "Extensive", "Full-scale", "Large-scale", "Week-long", "Month-long",
})  # fmt: skip
#: The last word of a unit's name: "Task Force 65", "Destroyer Squadron 40".
_UNITS: Final = frozenset({
    "Force", "Forces", "Squadron", "Fleet", "Brigade", "Division", "Regiment", "Battalion",
    "Group", "Wing", "Command", "Corps", "Detachment", "Flotilla", "Unit", "Army",
})  # fmt: skip
#: Words of a name that are no name by themselves.
NOT_NAMES: Final = frozenset({"The", "A", "An", "Joint", "Military", "Naval", "These", "This"})
#: Words that open a phrase but never a name: "Between 1997", "Twelve warships", "In 2015".
_NOT_NAME_START: Final = _fastre.compile(
    r"(?:The|A|An|These|This|That|Its|Their|In|On|At|By|Since|Between|From|During|After|Before|"
    r"Until|Over|Under|Some|About|Around|Nearly|Almost|Last|Next|"
    r"One|Two|Three|Four|Five|Six|Seven|Eight|Nine|Ten|Eleven|Twelve|\w+teen|\w+ty|"
    r"Hundreds?|Thousands?|Dozens?|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|"
    r"January|February|March|April|May|June|July|August|September|October|November|"
    r"December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec|Earlier|Later|Today|"
    r"Yesterday|Tomorrow|And|But|Or|With|Near|Off|For|As|While|When|Was|Were|Is|Are|Will)$"
)


#: The verb of a headline in title case, before the name it leaves: "Navies Begin Sea
#: Breeze 2021 Exercise", "Thailand Hosts Cobra Gold".
_HEADLINE_VERB: Final = _fastre.compile(
    r"^.*\b(?:Begins?|Starts?|Launch(?:es)?|Holds?|Kicks? Off|Opens?|Conclude[sd]?|Ends?|"
    r"Wraps? Up|Joins?|Stages?|Hosts?|Conducts?|Completes?|Kick-Starts?|Gets? Under Way|"
    r"Takes? Part In|Participates? In) "
)


def exercise_name(text: str) -> tuple[str, int, int] | None:
    """The exercise's proper name in ``text`` and its span, if any.

    >>> exercise_name("Russia started the Tsentr-2019 drills")
    ('Tsentr-2019', 19, 30)
    >>> exercise_name("the Sea Breeze exercise")[0]
    'Sea Breeze'
    """
    found = exercise_names(text)
    return found[0] if found else None


def exercise_names(text: str) -> list[tuple[str, int, int]]:
    """Every exercise name in ``text`` with its span, in order.

    >>> [n for n, *_ in exercise_names("drills with Saber Strike 16 and Swift Response 16")]
    ['Saber Strike 16', 'Swift Response 16']
    >>> exercise_names("U.S., Ukraine Begin Sea Breeze 2021 Exercise")  # a headline's verb
    [('Sea Breeze 2021', 20, 35)]
    """
    out: list[tuple[str, int, int]] = []
    for match in _NAME.finditer(text):
        group = match.lastgroup or "name"
        name, begin = match.group(group), match.start(group)
        lead = re.match(r"(?:(?:The|A|An|These|This|Its|Their|Named|Called|Dubbed) )+", name)
        if lead:  # "the Joint Sea 2021 exercise" opening a sentence
            name, begin = name[lead.end() :], begin + lead.end()
        verb = _HEADLINE_VERB.search(name)
        if verb is not None:  # "U.S., Ukraine Begin Sea Breeze 2021 Exercise": a headline's
            name, begin = name[verb.end() :], begin + verb.end()
        words = [w for w in re.split(r"[ \-]", name) if w not in NOT_NAMES]
        if not words or _NOT_NAME_START.match(name.split()[0]) or all(w.isdigit() for w in words):
            continue
        if next((w for w in reversed(words) if not w.isdigit()), None) in _UNITS:
            continue  # "Task Force 65", "Destroyer Squadron 40": a unit, not an exercise
        out.append((name, begin, begin + len(name)))
    return out
