"""Attributes every recognizer reads the same way: date, place, factuality, counts, money.

>>> import datetime as dt
>>> from secevents.model.events import JointExercise
>>> doc = Document("About 500 troops held drills in Kulob on Monday.",
...                published=dt.date(2021, 10, 28))
>>> s = doc.sentences[0]
>>> m = Mention(JointExercise, s, (s.start + 22, s.start + 28))
>>> add_date(m, doc); add_place(m, doc); add_quantities(m, doc)
>>> str(m.fields["date"]), m.fields["location"].name, m.fields["troops"].value
('2021-10-25', 'Kulob', 500)
"""

from __future__ import annotations

import re
from typing import Final

import attrs

from .. import _fastre
from .._fastre import TwinPattern
from ..model.amounts import Equipment, Quantity
from ..model.codes import is_country_code
from ..model.events import BaseConstruction
from ..model.places import Location
from ..model.vocab import EquipmentKind, Factuality, LocationPrecision, Qualifier
from ._event_dates import (
    TOPIC_WORDS,
    add_date,
    add_duration,
    one_per_date,
    quoted,
)
from .clues import CLAIM_PIECES, factuality_of, nearest, prep_before
from .document import Document, Hit
from .mention import Mention

__all__ = [
    "EXERCISE_NOUNS",
    "NEGATION",
    "STATE_NOUNS",
    "add_date",
    "add_duration",
    "add_factuality",
    "add_money",
    "add_place",
    "add_quantities",
    "clause_bounds",
    "clause_of",
    "in_an_activity",
    "location_of",
    "one_per_date",
    "quoted",
]

#: The nouns that name drills: the exercise recognizer's triggers, and what a base's
#: ceremony may belong to instead ("the opening ceremony of the joint exercise").
EXERCISE_NOUNS: Final = r"drills?|exercises?|war ?games?|manoeuvres|maneuvers|manoeuvre|maneuver"
#: A negation and at most one word before what it denies: "has not agreed", "will not join".
NEGATION: Final = r"(?:not|\w*n['\u2019]t|cannot|never|no longer)\s+(?:\w+\s+)?"

_PLACE_PREPS: Final = frozenset(
    [
        "in",
        "at",
        "near",
        "on",
        "over",
        "across",
        "inside",
        "outside",
        "around",
        "to",
        "into",
        "off",
    ]
)
#: Bounds that a list of counts shares: "no more than four warships and 300 personnel".
_BOUNDS: Final = frozenset(
    {
        Qualifier.UP_TO,
        Qualifier.AT_MOST,
        Qualifier.AT_LEAST,
        Qualifier.MORE_THAN,
        Qualifier.LESS_THAN,
    }
)
_AND: Final = _fastre.compile(r"\s+(?:and|or)\s+")
#: A word that opens what a message is about, however long: the places after it are the
#: topic's ("protest against the actions ... outside the embassy in Washington").
_TOPIC_WORD: Final = _fastre.compile(rf"\b(?:{TOPIC_WORDS})\b", re.IGNORECASE)
#: "rise from 150 to 180": a change whose range is the old and the new value.
_CHANGE: Final = _fastre.compile(
    r"\b(?:ris\w+|rose|grow\w*|grew|increas\w+|expand\w*|climb\w*|go up|went up|"
    r"swell\w*|boost\w*)\b(?:\s+\w+){0,3}\s+(?:from\s+)?$"
)
_CLAUSE_EDGE: Final = _fastre.compile(r"[;]|, (?:but|while|although)\b| -- ")


def clause_of(doc: Document, m: Mention) -> str:
    """The clause of the mention's sentence that holds its trigger."""
    begin, end = clause_bounds(doc, m)
    return doc.text[begin:end]


def clause_bounds(doc: Document, m: Mention) -> tuple[int, int]:
    """Where the clause holding the mention's trigger begins and ends."""
    s = m.sentence
    # Asked for each field a mention reads: found once per document and trigger.
    known: dict[tuple[int, int, int], tuple[int, int]] = doc.once("clause_bounds", dict)
    key = (s.index, *m.trigger)
    found = known.get(key)
    if found is not None:
        return found
    begin, end = s.start, s.end
    for match in _CLAUSE_EDGE.finditer(doc.text, s.start, s.end):
        if match.end() <= m.trigger[0]:
            begin = match.end()
        elif match.start() >= m.trigger[1]:
            end = match.start()
            break
    known[key] = begin, end
    return begin, end


def _set(m: Mention, name: str, value: object, hit: Hit) -> None:
    m.fields[name] = value
    m.spans[name] = (hit.start, hit.end)


#: After a place name used as an adjective of a state: "the Balkan country".
#: The nouns that describe a state: "the small Gulf kingdom", "the Balkan country".
STATE_NOUNS: Final = (
    r"(?:kingdom|state|nation|country|emirate|sultanate|republic|monarchy|archipelago)"
)
_DESCRIBES_A_STATE: Final = _fastre.compile(rf"\s+(?:{STATE_NOUNS}s?|countries)\b")


_THE_BEFORE: Final = _fastre.compile(r"\b[Tt]he\s+$")


def add_place(
    m: Mention,
    doc: Document,
    *,
    first: bool = False,
    preps: frozenset[str] = _PLACE_PREPS,
    topic: bool = False,
) -> None:
    """The place introduced by one of ``preps`` nearest the trigger (or the first one).

    With ``topic`` (a message) the places of what it is about are skipped: "a protest
    against actions near the embassy in Kyiv" was not delivered in Kyiv.
    """
    text = doc.text
    begin, end = clause_bounds(doc, m)
    places = [h for h in doc.places(m.sentence) if begin <= h.start < end]
    hits = [
        h
        for h in places
        if not (
            topic and h.start > m.trigger[1] and _TOPIC_WORD.search(text, m.trigger[1], h.start)
        )
        and _introduced_by(h, text, m.sentence.start, places) in preps
        # "at Russia's disposal" (but "at Rajasthan's Mahajan Field Firing Ranges")
        and not (
            text.startswith(("'s", "\u2019s"), h.end) and not _POSSESSED_LAND.match(text, h.end)
        )
        and not _DOES.match(text, h.end)
        # "on the Balkan country's soil", "in the Gulf state": a word describing a state
        and not (_DESCRIBES_A_STATE.match(text, h.end) and _THE_BEFORE.search(text, begin, h.start))
        and not _MET_IN.search(text, max(begin, h.start - 60), h.start)
        and not (m.event_type is BaseConstruction and _signed_at_home(h, doc, m, begin))
        and not (
            m.event_type is BaseConstruction
            and _ARRIVED_IN.search(text, max(begin, h.start - 40), h.start)
        )
        # "..., only days after China wrapped up maneuvers of its own around Taiwan": the
        # place of another subject's deed told after the event
        and not (h.start > m.trigger[1] and _AFTER_ANOTHER_DEED.search(text, m.trigger[1], h.start))
    ]
    activity = _places_of_an_activity(places, text, begin)
    hits = [h for h in hits if (h.start, h.end) not in activity]
    hits += [h for h in _owned_places(m, doc) if begin <= h.start < end]
    hits.sort(key=lambda h: h.start)
    if any(h.start > m.trigger[1] for h in hits):
        # "the new US drone base in Agadez": a state naming whose the base is, before its
        # noun, gives way to the place named after it
        hits = [h for h in hits if not _owner_before(h, m.trigger[0], text)]
    hit = (hits[0] if hits else None) if first else nearest(hits, m.trigger[0])
    if hit is not None and isinstance(hit.value, Location):
        _set(m, "location", hit.value, hit)


def _signed_at_home(hit: Hit, doc: Document, m: Mention, begin: int) -> bool:
    """Whether ``hit`` is where a base's deal was signed, in the state of one who signed it
    ("Blinken and Slovakia's minister signed the deal in Washington"); signed in the
    other state ("the foreign secretary signed the deal in Manama"), the place stands."""
    signed = _SIGNED_IN.search(doc.text, max(begin, hit.start - 90), hit.start)
    if signed is None or not isinstance(hit.value, Location) or hit.value.country is None:
        return False
    return any(
        a.code == hit.value.country for a in doc.actors(m.sentence) if a.end <= signed.start()
    )


def _owner_before(hit: Hit, trigger: int, text: str) -> bool:
    """Whether ``hit`` is a state right before the trigger's noun ("US drone base")."""
    return (
        isinstance(hit.value, Location)
        and hit.value.precision is LocationPrecision.COUNTRY
        and hit.end <= trigger
        and _NOUN_MODIFIERS.fullmatch(text, hit.end, trigger) is not None
    )


#: The words between a state and the noun it modifies: "US [drone] base".
_NOUN_MODIFIERS: Final = _fastre.compile(r"(?:[ \-]+[a-z][\w\-]*){0,3}[ \-]+")
#: A place that belongs to an activity, not to the event: "a base vital to military
#: operations in Afghanistan", "used for the war in Iraq", and where it was told: "a
#: spokesman told a news conference in Beijing", and where a reaction was felt: "a report
#: that sparked concern in Australia".
_ACTIVITY_IN: Final = _fastre.compile(
    r"\b(?:operations?|war|wars|missions?|campaigns?|fighting|conflict|insurgency|"
    r"offensives?|strikes|airstrikes|air strikes|conferences?|briefings?|reporters|"
    r"journalists|concerns?|alarm|fears?|worr(?:y|ies)|unease|anger|outrage|jitters|"
    r"criticism|consternation|disquiet|"
    # "officials in Dushanbe said": where a source sits
    r"officials|sources|diplomats|spokesm[ae]n|analysts|observers|"
    # "the base, which supports German troops in Afghanistan": where the troops it serves are
    r"(?:supports?|supported|serves|served|supplies|supplied)\s+(?:[\w\-]+\s+){0,2}"
    r"(?:troops|forces|soldiers|personnel|operations))"
    # "for as long as military operations continue in Afghanistan"
    r"(?:\s+(?:continue|continues|continued|go on|goes on|last|lasts|are|is|were|was))?"
    # ("the war in neighbouring Afghanistan")
    r"\s+(?:in|on|over|inside)\s+(?:the\s+)?(?:(?:neighbou?ring|nearby|war-torn)\s+)?$"
)


#: Between two places of one list: "in the Gulf of Aden and in the waters off Somalia".
_NEXT_PLACE: Final = _fastre.compile(
    r",?\s+(?:and|or)\s+(?:in\s+|off\s+)?(?:the\s+)?(?:waters\s+|coast\s+)?"
    r"(?:(?:off|of|near)\s+(?:the\s+)?(?:coast\s+of\s+)?)?"
)


def in_an_activity(text: str, begin: int, at: int) -> bool:
    """Whether the name at ``at`` is where an activity is ("the war in neighbouring
    Afghanistan"), not where the event is."""
    return _ACTIVITY_IN.search(text, max(begin, at - 40), at) is not None


def _places_of_an_activity(places: list[Hit], text: str, begin: int) -> set[tuple[int, int]]:
    """The spans of places that belong to an activity, not to the event ("missions in
    the Gulf of Aden and in the waters off Somalia": the places listed after the first
    belong to it too)."""
    out: set[tuple[int, int]] = set()
    last = -1
    for h in places:
        if in_an_activity(text, begin, h.start) or (
            last >= 0 and _NEXT_PLACE.fullmatch(text, last, h.start)
        ):
            out.add((h.start, h.end))
            last = h.end
    return out


#: "after Trump met Kim in Singapore": where a meeting or a visit was held.
_MET_IN: Final = _fastre.compile(
    r"\b(?:met|meets|meeting|visited|visiting|summit)\b(?:\s+[\w\-.']+){0,3}?\s+(?:in|at)\s+"
    r"(?:the\s+)?$"
)
#: "Bagapsh, who had arrived in Moscow on Tuesday": where a person told of travelled (for a
#: base's deal; forces that flew to a state drill there).
_ARRIVED_IN: Final = _fastre.compile(
    r"\b(?:who|which)\s+(?:had\s+|has\s+)?(?:arrived|flew|travell?ed|came)\s+(?:in|to)\s+"
    r"(?:the\s+)?$"
)
#: "only days after China wrapped up ...": a time clause of another subject's deed.
_AFTER_ANOTHER_DEED: Final = _fastre.compile(
    r",\s+(?:(?:only|just|shortly|soon|days|weeks|hours|months)\s+)*(?:after|before)\s+"
    r"(?:the\s+)?[A-Z][\w\-]*(?:\s+[A-Z][\w\-]*)?\s+(?:had\s+|has\s+)?[a-z]+ed\b[^.;]*$"
)
#: "signed the deal in Washington": where a base's deal was signed, not where the base is
#: (a joint declaration's is where it was issued).
_SIGNED_IN: Final = _fastre.compile(
    r"\b(?:signed|signs|signing|inked)\b(?:\s+[\w\-.']+){0,8}?\s+(?:in|at)\s+(?:the\s+)?$"
)
#: "a consensus on China building a base": a state before a gerund does it, it is no place.
_DOES: Final = _fastre.compile(
    r"\s+(?:building|constructing|setting up|establishing|opening|using|deploying|stationing|"
    r"hosting|leasing|operating|expanding)\b"
)


def _owned_places(m: Mention, doc: Document) -> list[Hit]:
    """Places named by their state: "on a Chinese peninsula", "in Venezuelan waters".

    The gazetteer cannot know every island and training ground, but the state
    the text gives them is enough for the event's country.
    """
    found: list[Hit] = []
    for match in _OWNED_PLACE.finditer(doc.text, m.sentence.start, m.sentence.end):
        for hit in doc.actors(m.sentence):
            if hit.start == match.start("owner") and is_country_code(hit.code):
                location = Location(country=hit.code, precision=LocationPrecision.COUNTRY)
                found.append(Hit(match.start("owner"), match.end(), location))
    return found


#: A place noun owned by a state: "on Bulgarian soil", "off the Chinese coast" (not "the
#: Russian base": a base belongs to its builder, wherever it stands).
_OWNED_PLACE: Final = _fastre.compile(
    r"\b(?:in|on|at|off|near|inside|across|onto|into)\s+(?:(?:a|an|the)\s+)?"
    r"(?P<owner>[A-Z][\w.\-]*(?:\s+[A-Z][\w.\-]*)?)(?:'s|\u2019s)?\s+"
    r"(?:(?:[a-z\-]+)\s+)?(?:[A-Z][\w\-]+\s+)?"  # "India's northern Jhansi city"
    r"(?:peninsula|island|islands|coast|coastline|port|city|town|district|state|county|"
    r"territory|soil|waters|mainland|region|province|airspace|training grounds?|"
    r"range|border region|bases|capital|provinces|regions|desert|mountains|north|south|east|"
    r"west|north-?east|north-?west|south-?east|south-?west|interior|frontier)\b"
)


def _introduced_by(hit: Hit, text: str, floor: int, places: list[Hit]) -> str:
    """The preposition before a place; a "near"/"close to" reading spans its own preposition.

    "near the town of Kraljevo" is introduced by "near". ``places`` are the sentence's
    places: a known one is no unknown town before its state ("In Djibouti, in East
    Africa, China has ...": China is the subject, not where East Africa lies).
    """
    if isinstance(hit.value, Location) and hit.value.near:
        return "near"
    # "at Deveselu, Romania": a town the gazetteer does not know, then its state
    town = _TOWN_THEN_STATE.search(text, max(floor, hit.start - 50), hit.start)
    if town is not None and not any(p.start == town.start(2) for p in places):
        return town.group(1).lower()
    # "in southwest China's Sichuan Province", "in northern Syria": a direction before it
    direction = _DIRECTION_BEFORE.search(text, max(floor, hit.start - 40), hit.start)
    if direction is not None:
        return direction.group(1).lower()
    # "in the Chaubattia forest of Uttarakhand", "in the mountains of Tajikistan"
    land = _LAND_OF.search(text, max(floor, hit.start - 60), hit.start)
    if land is not None:
        return land.group(1).lower()
    return prep_before(text, hit.start, floor)


#: Nouns of a stretch of land or water that belongs to a place: "the mountains of
#: Tajikistan", "Russia's eastern military district".
_LAND: Final = (
    r"(?:forests?|jungles?|mountains|hills|highlands|deserts?|plains|steppes?|valley|"
    r"waters|coast|coastline|shores?|islands?|region|district|province|territory|"
    r"areas?|border\s+areas?|ranges?|training\s+grounds?|outskirts)"
)
#: A place's own land after its possessive: "Rajasthan's Mahajan Field Firing Ranges",
#: "Russia's eastern military district", "China's territorial waters".
_POSSESSED_LAND: Final = _fastre.compile(
    rf"['\u2019]s\s+(?:[\w\-]+\s+){{0,4}}?{_LAND}\b", re.IGNORECASE
)
#: A named land of a place: "in the Chaubattia forest of Uttarakhand".
_LAND_OF: Final = _fastre.compile(
    rf"\b(in|at|near|on|across)\s+the\s+(?:[A-Z][\w\-]*\s+){{0,3}}{_LAND}\s+of\s+(?:the\s+)?$",
    re.IGNORECASE,
)


_DIRECTION_BEFORE: Final = _fastre.compile(
    r"\b(in|at|near|outside|on)\s+(?:the\s+)?(?:far\s+)?"
    r"(?:(?:north|south)(?:east|west)?(?:ern)?|east(?:ern)?|west(?:ern)?|central)\s+$",
    re.IGNORECASE,
)


_TOWN_THEN_STATE: Final = _fastre.compile(
    r"\b(in|at|near|outside|on)\s+"
    # (not a day: "announced on Saturday, the UK will build")
    r"(?!(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day\b|(?:January|February|March|April|May|"
    r"June|July|August|September|October|November|December)\b)"
    r"(?P<town>[A-Z][\w\-]+(?:\s[A-Z][\w\-]+)?),\s+(?:the\s+)?$"
)


#: A headline's future: its subject, names or forces, then "to" and a verb ("Britain to
#: open naval base in Bahrain", "US, Philippines to hold drills").
_HEADLINE_FUTURE: Final = _fastre.compile(
    r"(?:[A-Z][\w.\-']*(?:,? (?:and |& )?[A-Z][\w.\-']*){0,4}"
    r"(?: (?:troops|forces|navy|navies|army|armies|military|militaries|government))?"
    r"|(?:[A-Z][\w.\-']* )?(?:troops|forces|navy|navies|army|armies|military|militaries))"
    r" to (?!be\b)[a-z]{3,}\b[^.!?]*\Z"
)


#: A clause of time with its own subject and verb: "after it was due to be completed",
#: "before the deal was to be signed" (up to its comma).
_TIME_CLAUSE: Final = _fastre.compile(
    r"\b(?:after|before|since|until|once)\s+(?:it|they|the\s+[a-z]+|[A-Z][\w\-]+)\s+"
    r"(?:was|were|had|is|are)\s+(?:due|scheduled|expected|supposed|planned|set|meant)\s+to\b"
    r"[^,;.]*"
)


def add_factuality(m: Mention, doc: Document) -> None:
    """Factuality from the cues of the trigger's clause, or a claim that reports it
    ("Reports said China was building a base")."""
    # one reading per clause of the document: several mentions share a clause
    known: dict[tuple[int, int], Factuality] = doc.once("clause factuality", dict)
    bounds = clause_bounds(doc, m)
    # "a year after it was due to be completed, the base has become operational": a
    # time clause of another verb, before or after the trigger, is not the event's mood
    for other in _TIME_CLAUSE.finditer(doc.text, bounds[0], bounds[1]):
        if other.end() <= m.trigger[0]:
            bounds = (other.end(), bounds[1])
        elif other.start() >= m.trigger[1]:
            bounds = (bounds[0], other.start())
            break
    factuality = known.get(bounds)
    if factuality is None:
        factuality = known[bounds] = factuality_of(doc.text[bounds[0] : bounds[1]])
    if (
        factuality is Factuality.ACTUAL
        and m.sentence.index == 0
        and _HEADLINE_FUTURE.match(m.sentence.text)
    ):
        factuality = Factuality.PLANNED  # the headline "Britain to open naval base in Bahrain"
    if factuality is Factuality.ACTUAL and any(w in m.sentence.text for w in CLAIM_PIECES):
        lead = doc.text[m.sentence.start : bounds[0]]
        if lead and factuality_of(lead) is Factuality.CLAIMED:
            factuality = Factuality.CLAIMED
    m.fields["factuality"] = factuality


def add_quantities(
    m: Mention, doc: Document, *, unless: re.Pattern[str] | TwinPattern | None = None
) -> None:
    """Troops and equipment counts of the sentence (``troops``; ``equipment`` by kind).

    A count that ``unless`` matches just before is skipped; "grow from 150 to 180"
    is the new total, 180.
    """
    equipment: list[Equipment] = []
    shared: tuple[int, Quantity] | None = None  # "up to four warships and 300 personnel"
    for hit in doc.quantities(m.sentence):
        q = hit.value
        if not isinstance(q, Quantity) or q.value is None:
            continue
        bare = q.qualifier is Qualifier.EXACT and q.low is None and q.high is None
        if bare and shared is not None and _AND.fullmatch(doc.text, shared[0], hit.start):
            q = attrs.evolve(q, qualifier=shared[1].qualifier)
        shared = (hit.end, q) if q.qualifier in _BOUNDS and q.low is None else None
        before = doc.text[max(m.sentence.start, hit.start - 40) : hit.start]
        if unless is not None and unless.search(before):
            continue
        if q.low is not None and _CHANGE.search(before):
            q = Quantity(q.high, qualifier="exact", unit=q.unit)
        if q.unit == "troops":
            if "troops" not in m.fields:
                _set(m, "troops", q, hit)
            continue
        try:
            kind = EquipmentKind(q.unit or "")
        except ValueError:
            continue
        if all(e.kind != kind for e in equipment):
            equipment.append(Equipment(kind=kind, quantity=q))
            m.spans[f"equipment.{kind.value}"] = (hit.start, hit.end)
    if equipment:
        m.fields["equipment"] = tuple(equipment)


def add_money(m: Mention, doc: Document) -> None:
    """The first sum of money of the sentence as ``cost``."""
    for hit in doc.money(m.sentence):
        _set(m, "cost", hit.value, hit)
        return


def location_of(code: str) -> Location | None:
    """A country-level location for a state code (None for organisations).

    >>> location_of("TJK").country, location_of("CSTO")
    ('TJK', None)
    """
    from ..model.codes import is_country_code

    return Location(country=code) if is_country_code(code) else None
