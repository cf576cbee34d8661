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
from ..model.dates import Bound, DatePrecision, DateSpan, PartialDate
from ..model.places import Location
from ..model.vocab import EquipmentKind, Factuality, LocationPrecision, Qualifier
from ._merge_dates import refines
from .clues import factuality_of, nearest, prep_before
from .document import Document, Hit
from .mention import Mention

__all__ = [
    "EXERCISE_NOUNS",
    "NEGATION",
    "add_date",
    "add_duration",
    "add_factuality",
    "add_money",
    "add_place",
    "add_quantities",
    "clause_bounds",
    "clause_of",
    "location_of",
]

#: The nouns that name drills: the exercise recognizer's triggers, and what a base's
#: ceremony may belong to instead ("the opening ceremony of the joint exercise").
EXERCISE_NOUNS: Final = r"drills?|exercises?|war ?games?|manoeuvres|maneuvers|manoeuvre|maneuver"
#: A negation and at most one word before what it denies: "has not agreed", "will not join".
NEGATION: Final = r"(?:not|n't|cannot|never|no longer)\s+(?:\w+\s+)?"

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
#: Verbs saying a date is when the event began: "got under way on Monday", "began on Oct 14".
_STARTED: Final = _fastre.compile(
    r"\b(?:beg[iau]n|begins|start(?:s|ed)?|launch(?:es|ed)?|kick(?:s|ed)? off|got under ?way|"
    r"(?:gets|get|is|are|was|were) under ?way|open(?:s|ed)?|commenc(?:e|es|ed)|"
    r"resum(?:e|es|ed))\b"
)
#: Words before the day an event ends: "run through Nov 4", "will conclude on Friday".
_END_BEFORE: Final = _fastre.compile(
    r"\b(?:through|thru|till|until|ending|ends?|ended|conclud(?:e|es|ed)|wraps? up|"
    r"wrapped up|lasts?|lasting|running|continu(?:e|es|ing))\s+(?:(?:them|it)\s+)?"
    r"(?:on\s+|to\s+|until\s+)?$",
    re.IGNORECASE,
)
#: Verbs that end an event, for the two orders below.
_ENDING: Final = (
    r"wrapped up|wraps? up|conclud(?:e|es|ed)|ended|ends?|completed|closed|came to an end"
)
#: "wrapped up the Medusa-11 exercise on Thursday": the verb of ending, then its object.
_WRAPPED_UP: Final = _fastre.compile(
    rf"\b(?:{_ENDING})\s+(?:the|their|its|a)\s+(?:[\w\-\"'\u201c\u201d\u2019]+\s+){{0,5}}?"
    r"(?:on\s+)?$"
)
#: "on Thursday concluded four-day drills": the day told before the verb of ending.
_END_AFTER: Final = _fastre.compile(rf"\s*(?:{_ENDING})\b")
#: "from Monday for two weeks": the date right after "from" is a start.
_FROM: Final = _fastre.compile(r"\b(?:from|starting|beginning)\s+(?:on\s+)?$", re.IGNORECASE)
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
#: A date that belongs to another event the clause tells of: "after Erdogan's speech on 22
#: September", "after a border guard violated the border earlier this week", "violations
#: that took place last June".
_OTHER_EVENT: Final = _fastre.compile(
    r"\b(?:after|following|before|ahead of|in response to|in the wake of)\s+[^,;.]{0,80}$"
    # "The exercises follow the navy's assumption, since last December, of command"
    r"|\b(?:follow|follows|followed|came after|come after|comes after)\s+(?:the|a|an)\s+"
    r"[^;.]{0,80}$"
    r"|\b(?:that|which)\s+(?:took place|happened|occurred|had occurred|had taken place)"
    r"\b[^,;.]{0,40}$"
    # "a warship that sank during a storm in December 2022": an incident's own date
    r"|\b(?:that|which|who)\s+(?:had\s+)?(?:sank|sunk|crashed|capsized|exploded|collapsed|"
    r"died|erupted|(?:was|were)\s+(?:killed|sunk|destroyed|shot down|wounded))\b[^;.]{0,60}$",
    re.IGNORECASE,
)
#: "the Vienna Convention on Diplomatic Relations of April 18, 1961", "Resolution 2231 of
#: 2015", "the agreement dated May 3": the date names a document, not the event.
_INSTRUMENT_OF: Final = _fastre.compile(
    r"\b(?:Convention|Treaty|Agreement|Accord|Charter|Resolution|Protocol|Declaration|Act|"
    r"Memorandum|Decree|decree|resolution|treaty)\b(?: [\w\-]+){0,6}? (?:of|dated)\s+$"
)
#: "The deal, published on the government's website Tuesday": when a text came out.
_PUBLISHED_ON: Final = _fastre.compile(
    r"\b(?:published|posted|released|made public|made available|leaked|uploaded|"
    r"obtained)\b[^,;.]{0,60}?\s(?:on\s+)?$"
)
#: "..., the ministry reported on Aug. 12": a trailing attribution's date is when it was said.
_SAID_ON: Final = _fastre.compile(
    r",[\"\u201d]? (?:[\w\-.'\u2019]+ ){1,6}(?:said|reported|announced|stated|added|confirmed)\s+"
    r"(?:on\s+)?$"
)
#: What a message is about or says, and so the dates of it: "a protest over an action near
#: the embassy on March 24", "a note saying the 1991 agreement was broken".
_TOPIC_WORDS: Final = (
    r"over|about|against|concerning|regarding|condemning|denouncing|"
    # "a protest at the vandalisation of the consulate in San Francisco"
    r"at\s+(?:the\s+)?(?:\w+(?:tion|sion|ment|ing)|attacks?|killings?|decision|moves?|remarks)"
)
_TOPIC: Final = _fastre.compile(
    rf"\b(?:{_TOPIC_WORDS}|saying|stating|"
    r"which (?:said|says|stated)|that (?:said|says))\s+[^,;.]{0,100}$",
    re.IGNORECASE,
)
#: The message as the subject of a verb of saying: "The note verbale said ...".
_MESSAGE_SAYS: Final = _fastre.compile(
    r"\s+(?:also\s+)?(?:said|says|stated|states|noted|notes|read|reads|added|alleged)\b"
)
#: A word that opens what a message is about, however long: the places after it are the
#: topic's ("protest against the actions ... outside the embassy in Washington").
_TOPIC_WORD: Final = _fastre.compile(rf"\b(?:{_TOPIC_WORDS})\b", re.IGNORECASE)
#: "rise from 150 to 180": a change whose range is the old and the new value.
_CHANGE: Final = _fastre.compile(
    r"\b(?:ris\w+|rose|grow\w*|grew|increas\w+|expand\w*|climb\w*|go up|went up|"
    r"swell\w*|boost\w*)\b(?:\s+\w+){0,3}\s+(?:from\s+)?$"
)
_PRONOUN_START: Final = _fastre.compile(r"(?:He|She|It|They|This|These)\b")
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


def add_date(
    m: Mention,
    doc: Document,
    *,
    at: int | None = None,
    exclude: tuple[int, int] | None = None,
    skip: frozenset[tuple[int, int]] = frozenset(),
    topic: bool = False,
) -> None:
    """The date nearest the trigger (or ``at``); a pronoun-led sentence borrows the previous one's.

    Dates inside ``exclude`` (an exercise name such as "Joint Sea 2021") are skipped,
    and so are the spans in ``skip`` (dates already given to another milestone), dates
    of another event the clause tells of, and dates inside a quotation the trigger is
    outside of. With ``topic`` (a message) the dates of what it is about are skipped.
    """
    text, start = doc.text, m.sentence.start
    # "The note said the adviser was tailed on March 15": all it says is its topic
    says = topic and _MESSAGE_SAYS.match(text, m.trigger[1]) is not None
    hits = [
        h
        for h in doc.dates(m.sentence)
        if (h.start, h.end) not in skip
        and not (says and h.start > m.trigger[1])
        and not _OTHER_EVENT.search(text, max(start, h.start - 120), h.start)
        and not (topic and h.start > m.trigger[1] and _TOPIC.search(text, m.trigger[1], h.start))
        and not quoted(text, start, h.start, m.trigger[0])
        and not _INSTRUMENT_OF.search(text, max(start, h.start - 100), h.start)
        and not _PUBLISHED_ON.search(text, max(start, h.start - 80), h.start)
        and not (
            h.start > m.trigger[1]
            and _SAID_ON.search(text, max(m.trigger[1], h.start - 80), h.start)
        )
    ]
    if exclude is not None:
        hits = [h for h in hits if h.end <= exclude[0] or h.start >= exclude[1]]
    if len(hits) > 1:  # "This year's Khaan Quest ... from June 14 to June 28": which edition
        hits = [h for h in hits if not text.startswith(("'s ", "\u2019s "), h.end)] or hits
        # "exercises this year, which will run from Aug 19 to 29": the days within the year
        hits = [h for h in hits if not any(refines(h.value, o.value) for o in hits)] or hits
    # "today (Sunday)" in a quote given the day before the report: the day in brackets
    hits = [
        h
        for i, h in enumerate(hits)
        if i + 1 == len(hits) or not _RESTATED.fullmatch(text, h.end, hits[i + 1].start)
    ]
    if not hits and _PRONOUN_START.match(m.sentence.text) and m.sentence.index > 0:
        previous = doc.sentences[m.sentence.index - 1]
        if previous.paragraph == m.sentence.paragraph:
            hits = doc.dates(previous)
    if not hits and _SAME_DAY.search(m.sentence.text):
        # "Later in the day, Greece summoned the envoy": the day told just before
        for earlier in reversed(doc.sentences[max(0, m.sentence.index - 3) : m.sentence.index]):
            days = [h for h in doc.dates(earlier) if _is_day(h.value)]
            if days:
                hits = days[-1:]
                break
    hit = nearest(hits, m.trigger[0] if at is None else at)
    if hit is None:  # the dateline's day, which any other date of the event overrides
        hit = next(iter(doc.dateline_dates(m.sentence)), None)
        if hit is not None:
            m.fields["weak_date"] = True
    if hit is not None and isinstance(hit.value, DateSpan):
        _set(m, "date", hit.value, hit)


#: A day named by the one told before: "later in the day", "the same day".
_SAME_DAY: Final = _fastre.compile(
    r"\b(?:(?:[Ll]ater|[Ee]arlier) (?:in the|that) day|(?:[Oo]n )?the same day|[Tt]hat same day)\b"
)


def _is_day(value: object) -> bool:
    return (
        isinstance(value, DateSpan)
        and not value.is_interval
        and value.precision is DatePrecision.DAY
    )


#: Between a date and the same date restated in brackets: "today (Sunday)".
_RESTATED: Final = _fastre.compile(r"\s*\(\s*")
_LIST_GAP: Final = _fastre.compile(
    # "14 May 2021 (S/2021/467) and 29 July 2021": a document number between the dates
    r"(?:\s*\([^()]{1,40}\))?(?:\s*(?:,|,?\s+and)\s+(?:(?:on|in)\s+)?|,\s*)"
)
_MORE_YEARS: Final = _fastre.compile(r"(?:,\s*|,?\s+and\s+)(?P<year>(?:19|20)\d\d)\b")


def one_per_date(m: Mention, doc: Document, *, reach: int = 60) -> list[Mention]:
    """One copy of ``m`` per date listed right after its plural trigger ("letters on
    May 3 and June 9", "exercises in 2015, 2017 and 2018"); none unless there are two."""
    text, end = doc.text, m.trigger[1]
    if not text.startswith("s", end - 1):
        return []
    hits = [
        h
        for h in doc.dates(m.sentence)
        if end < h.start and h.start - end < reach and isinstance(h.value, DateSpan)
    ]
    if len(hits) == 1 and re.fullmatch(r"(?:19|20)\d\d", text[hits[0].start : hits[0].end]):
        # "in 2015, 2017 and 2018": the years after the first are bare numbers
        for more in _MORE_YEARS.finditer(text, hits[0].end, m.sentence.end):
            if more.start() != hits[-1].end:
                break
            year = more.group("year")
            hits.append(Hit(more.start("year"), more.end("year"), DateSpan.year(int(year))))
    listed = hits[:1]
    for hit in hits[1:]:  # "May 3 and June 9", not "on Monday that will end on Friday"
        if not _LIST_GAP.fullmatch(text, listed[-1].end, hit.start):
            break
        listed.append(hit)
    hits = listed
    if len(hits) < 2:
        return []
    copies = []
    for hit in hits:
        copy = Mention(m.event_type, m.sentence, m.trigger, dict(m.fields), dict(m.spans))
        _set(copy, "date", hit.value, hit)
        copy.anaphoric, copy.attach_only, copy.key = m.anaphoric, m.attach_only, m.key
        copy.definite = m.definite
        copies.append(copy)
    return copies


def quoted(text: str, start: int, at: int, trigger: int) -> bool:
    """Whether ``text[at]`` is inside a quotation that the trigger is outside of."""

    def inside(position: int) -> bool:
        before = text[start:position]
        return before.count('"') % 2 == 1 or before.count("\u201c") > before.count("\u201d")

    return inside(at) and not inside(trigger)


def add_duration(m: Mention, doc: Document) -> None:
    """An exact length in days ("over six days", "will last 10 days") as ``duration``.

    Whether the sentence says the event begins on its date ("got under way on
    Monday") is kept as ``started``; :func:`.merge.merged_fields` turns a start day
    and a duration into an interval. Approximate lengths ("about 10 days") are not used.
    """
    from ..model.vocab import Qualifier
    from ..normalize import find_durations

    s = m.sentence
    for found in find_durations(s.text):
        value = found.value
        if value is None or found.start is None or found.end is None:
            continue
        if _LENGTH_OF_OTHER.match(s.text, found.end):
            continue  # "a 44-day war", "a three-day visit": the length of something else
        if value.qualifier is Qualifier.EXACT and value.unit in ("day", "week"):
            _set(m, "duration", value, Hit(s.start + found.start, s.start + found.end, value))
            break
    _add_end(m, doc)
    date_at = m.spans.get("date")
    from_date = date_at is not None and _FROM.search(doc.text, s.start, date_at[0])
    if "date" in m.fields and (from_date or _STARTED.search(doc.text, s.start, s.end)):
        m.fields["started"] = True


_LENGTH_OF_OTHER: Final = _fastre.compile(
    r"(?:-long)?\s+(?:war|visit|trip|tour|strike|ceasefire|truce|siege|conflict|offensive|"
    r"fighting|battle|standoff|summit|conference|talks|meeting|stay|holiday|quarantine)\b"
)


def _add_end(m: Mention, doc: Document) -> None:
    """The day the event ends, when the text says so ("run through Nov 4", "will end on
    Friday"), as ``end``; the date read for the mention moves there when it is that day."""
    text, s = doc.text, m.sentence
    for hit in doc.dates(m.sentence):
        value = hit.value
        if not isinstance(value, DateSpan):
            continue
        until = value.is_interval and isinstance(value.start, Bound) and value.end is not None
        if value.is_interval and not until:
            continue
        if (
            until
            or _END_BEFORE.search(text, max(s.start, hit.start - 30), hit.start)
            or _WRAPPED_UP.search(text, max(s.start, hit.start - 70), hit.start)
            or _END_AFTER.match(text, hit.end)
        ):
            # "until April 29" reads as an end with an unknown start: its end is the end
            end = DateSpan(value.end) if until and isinstance(value.end, PartialDate) else value
            m.fields["end"] = end
            m.spans["end"] = (hit.start, hit.end)
            if m.spans.get("date") == (hit.start, hit.end):
                del m.fields["date"], m.spans["date"]
            return


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
    hits = [
        h
        for h in doc.places(m.sentence)
        if begin <= h.start < end
        and not (
            topic and h.start > m.trigger[1] and _TOPIC_WORD.search(text, m.trigger[1], h.start)
        )
        and _introduced_by(h, text, m.sentence.start) in preps
        and not text.startswith(("'s", "\u2019s"), h.end)  # "at Russia's disposal"
        and not _ACTIVITY_IN.search(text, max(begin, h.start - 40), h.start)
        and not _DOES.match(text, h.end)
        and not _MET_IN.search(text, max(begin, h.start - 60), h.start)
    ]
    hits += [h for h in _owned_places(m, doc) if begin <= h.start < end]
    hits.sort(key=lambda h: h.start)
    if any(h.start > m.trigger[1] for h in hits):
        # "the new US drone base in Agadez": a state naming whose the base is, before its
        # noun, gives way to the place named after it
        hits = [h for h in hits if not _owner_before(h, m.trigger[0], text)]
    hit = (hits[0] if hits else None) if first else nearest(hits, m.trigger[0])
    if hit is not None and isinstance(hit.value, Location):
        _set(m, "location", hit.value, hit)


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
    r"officials|sources|diplomats|spokesm[ae]n|analysts|observers)\s+(?:in|on|over|inside)\s+"
    r"(?:the\s+)?$"
)


#: "after Trump met Kim in Singapore": where a meeting or a visit was held.
_MET_IN: Final = _fastre.compile(
    r"\b(?:met|meets|meeting|visited|visiting|summit)\b(?:\s+[\w\-.']+){0,3}?\s+(?:in|at)\s+"
    r"(?:the\s+)?$"
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


def _introduced_by(hit: Hit, text: str, floor: int) -> str:
    """The preposition before a place; a "near"/"close to" reading spans its own preposition.

    "near the town of Kraljevo" is introduced by "near".
    """
    if isinstance(hit.value, Location) and hit.value.near:
        return "near"
    # "at Deveselu, Romania": a town the gazetteer does not know, then its state
    town = _TOWN_THEN_STATE.search(text, max(floor, hit.start - 50), hit.start)
    if town is not None:
        return town.group(1).lower()
    return prep_before(text, hit.start, floor)


_TOWN_THEN_STATE: Final = _fastre.compile(
    r"\b(in|at|near|outside|on)\s+[A-Z][\w\-]+(?:\s[A-Z][\w\-]+)?,\s+(?:the\s+)?$"
)


def add_factuality(m: Mention, doc: Document) -> None:
    """Factuality from the cues of the trigger's clause, or a claim that reports it
    ("Reports said China was building a base")."""
    factuality = factuality_of(clause_of(doc, m))
    if factuality is Factuality.ACTUAL:
        lead = doc.text[m.sentence.start : clause_bounds(doc, m)[0]]
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
