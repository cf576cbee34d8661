"""Who takes part in an exercise: subjects, objects, lists, organisations, refusals, hosts."""

from __future__ import annotations

import re
from typing import Final

from .. import _fastre
from ..model.codes import is_country_code
from ..model.events import JointExercise
from ..model.places import Location
from ..model.vocab import LocationPrecision
from ._regex import with_first_letters
from .clues import (
    LIST_JOINERS,
    coded_actor,
    object_codes,
    parties_told_before,
    prep_before,
    reported_clause_start,
    subject_codes,
    unique,
)
from .common import NEGATION, location_of
from .document import Document
from .frames import ENVOY_TITLES, FrameLexicon, role_codes
from .mention import Mention
from .sentences import Sentence

__all__ = [
    "CAME_TO",
    "CLAUSE_END",
    "COMING",
    "FORCES_FROM",
    "FORCE_NOUNS",
    "HEDGE",
    "LISTED",
    "PARTICIPANT_PREPS",
    "PERSONNEL",
    "SOME",
    "TO_TAKE_PART",
    "hosted_in",
    "read_participants",
]

#: "The countries are Germany, Canada, ...", "Other nations taking part are ...": a list of
#: participants in its own sentence.
LISTED: Final = (
    r"(?:countries|nations|states|participants)(?: taking part| participating| involved)?"
    r"(?: in (?:the )?[A-Z][\w\-]*(?: [A-Z][\w\-]*){0,3}(?: exercises?| drills?)?)? "  # "in UNITAS"
    r"(?:are|were|include[sd]?)"
)
#: A number or an indefinite count: "11", "twenty-one", "a dozen", "several".
SOME: Final = (
    r"(?:\d+|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|\w+teen|\w+ty(?:-\w+)?|"
    r"a dozen|several|many|a number of|dozens of)"
)
#: The hedge before a count: "about", "more than", "an estimated".
HEDGE: Final = (
    r"(?:(?:[Aa]bout|[Aa]round|[Ss]ome|[Nn]early|[Aa]lmost|[Oo]ver|[Mm]ore than|[Uu]p to|"
    r"[Aa]t least|[Rr]oughly|[Aa]pproximately|[Aa]n estimated)\s+)?"
)
#: Forces coming or setting out: "flew to Venezuela", "arrived in Kazakhstan yesterday".
COMING: Final = (
    r"\b(?:arriv(?:e|es|ed|ing)|head(?:s|ed|ing)|fl(?:y|ies|ew|own)|land(?:s|ed)|left|"
    r"depart(?:s|ed)|set off|sail(?:s|ed)|reach(?:es|ed)|c(?:a|o)me|comes|travell?ed|went|"
    r"deployed|dispatched|sent)\b"
)
#: "to take part in", "to participate in", "to join".
TO_TAKE_PART: Final = r"to\s+(?:take\s+part|participate|join)\b"
#: The verb of taking part: "took part in", "participated in", "joined".
_TOOK_PART: Final = r"(?:(?:tak(?:e|es|ing)|took)\s+part|participat(?:e|es|ed|ing)|joined)"
#: "Spain will not participate", "India has declined to join": who stays out.
_NOT_TAKING_PART: Final = _fastre.compile(
    rf"\b(?:{NEGATION}|declin\w+ to\s+|refus\w+ to\s+)"
    r"(?:participat\w*|take part|taking part|join\w*|attend\w*)\b",
    re.IGNORECASE,
)
#: "denied that X was involved", "asked whether X were involved": no part told.
_DOUBTED_INVOLVED: Final = _fastre.compile(
    r"\b(?:denied|denies|deny|asked|asks|wondered|questioned|doubted)\s+(?:that|whether|if)\b"
    r"[^.;]{0,80}?\binvolved\b",
    re.IGNORECASE,
)
#: A word of a predicate between the subject and the drills' qualifiers (not "US-South
#: Korea drills", where both name whose drills they are).
_PREDICATE: Final = _fastre.compile(r"\b(?!the\b|and\b)[a-z]{3,}\b")
#: A verb or word that makes the subject a party to the drills named after it.
_DRILLING_BETWEEN: Final = _fastre.compile(
    r"\b(?:join\w*|tak\w+\s+part|took\s+part|participat\w+|hold\w*|held|conduct\w*|"
    r"stag(?:e|es|ed|ing)|launch\w*|beg[aiu]n\w*|start\w*|carr\w+\s+out|kick\w*\s+off|"
    r"with|alongside|together|and|host\w*|lead\w*|led|wrap\w*|conclud\w+|end\w*|"
    r"complet\w+|open\w*|resum\w+|send\w*|sent|dispatch\w*|contribut\w*|deploy\w*)\b",
    re.IGNORECASE,
)
#: A message whose writer is named before "with regard to" the drills.
_MESSAGE_NOUN: Final = _fastre.compile(r"\b(?:letter|note|message|complaint|protest)s?\b")
#: "with regard to another exercise": the drills as the topic of a message.
_WITH_REGARD_TO: Final = _fastre.compile(
    r"\b(?:with regard to|in regard to|regarding|concerning|in connection with|with respect to)"
    r"\s+(?:[\w\-]+\s+){0,6}$",
    re.IGNORECASE,
)
#: "with support from": the states that help the drills, not their parties ("backed by
#: troops from Tonga" names parties).
_SUPPORTED_BY: Final = _fastre.compile(
    r"\bwith\s+(?:the\s+)?(?:logistical\s+|technical\s+)?(?:support|backing|assistance|help)"
    r"\s+(?:from|of)\s",
    re.IGNORECASE,
)
_LIST_OF: Final = _fastre.compile(rf"\b{LISTED}\b", re.IGNORECASE)
#: "Taking part are Kazakhstan, ...", "Participating in the drills were ...": the subject after
#: its verb.
_INVERTED: Final = _fastre.compile(
    r"\W*(?:[Aa]lso )?(?:[Tt]aking part|[Pp]articipating|[Jj]oining(?: in| them)?)"
    r"(?: in (?:the )?[^,;.]{0,40})?\s+(?:are|were|will be|is|was)\s"
)

#: Who comes from a state to take part: "troops from X and Y".
FORCE_NOUNS: Final = (
    "troops forces soldiers servicemen units contingents navies sailors personnel marines "
    "airmen commandos paratroopers pilots warships ships aircraft armies militaries guards "
    "guardsmen participants teams delegations crews"
)
FORCES_FROM: Final = with_first_letters(
    # "250 troops each from India and Mongolia"
    # "the two navies, from India and Japan"
    re.compile(rf"\b(?:{'|'.join(FORCE_NOUNS.split())})(?: each| apiece)?,? from\b", re.I)
)

_LED: Final = ("-led ", "-led\u00a0")
_OTHER_MEMBERS: Final = _fastre.compile(r"\bother\s+$")
#: Between "troops from" and the state they come from ("troops from both countries ...
#: rebels from Sudan" names no state).
_JUST_AFTER: Final = _fastre.compile(r"\s+(?:the\s+)?")
#: "personnel from ten nations, among them Brazil, France and Britain": some of them named.
_NATIONS: Final = rf"\s+{SOME}\s+(?:other\s+)?(?:countries|nations|states|allies|partners)\s*"
_AMONG_THEM: Final = _fastre.compile(
    rf"{_NATIONS},?\s*"
    r"(?:among them|among which|including|such as|notably|among others)\s+(?:the\s+)?"
)
#: "from ten nations, Brazil, France and Britain among them": a count, then the list.
_COUNT_THEN: Final = _fastre.compile(rf"{_NATIONS},\s*(?:the\s+)?")
_AMONG_AFTER: Final = _fastre.compile(r"\b(?:among them|among others|included)\b")
#: Where the clause of the drills ends: "..., amid tension and after a similar drill with
#: the US" tells of something else.
CLAUSE_END: Final = _fastre.compile(
    r", (?:as|which|while|in order|to|amid|"
    r"(?:(?:a|an|\w+) (?:days?|weeks?|months?) )?(?:after|following|ahead of))\b|;| -- "
    # ", a step that could strain the relationship between ...": a comment on the clause
    r"|, (?:a|an) (?:[\w\-]+ )?(?:step|move|development|sign|signal|decision|measure|message)"
    r" (?:that|which)\b"
)
#: After a state: the arms come from it ("Russian-origin tanks", "US-made jets").
_MADE_IN: Final = _fastre.compile(r"-(?:origin|made|built|supplied|designed|manufactured)\b")
#: An organisation whose forces act as such: "NATO paratroopers", "forces of the CSTO".
_ORG_FORCES_AFTER: Final = _fastre.compile(
    r"\s*(?:\)\s*)?(?:rapid reaction |peacekeeping |joint )?(?:forces|troops|paratroopers|units)"
)
_ORG_FORCES_BEFORE: Final = _fastre.compile(r"(?:forces|troops|units) of (?:the )?$")
#: "NATO's strategic drills": an organisation's own exercise.
_ORG_OWN: Final = _fastre.compile(
    # "NATO's Nordic Response 2024 drills": the exercise's name may stand between
    r"(?:'s|\u2019s)\s+(?:[a-z\-]+\s+){0,3}(?:(?:[A-Z][\w\-]*|\d+)\s+){0,3}$"
)
#: "The CSTO kicked off exercise Interaction 2019", "NATO will hold drills": an organisation
#: holding the exercise itself (an organisation that only comments is no participant).
_ORG_HOLDS: Final = _fastre.compile(
    r"\s*(?:\([A-Z]{2,}\)\s*)?"
    r"(?:and\s+(?:the\s+)?[A-Z][\w.\-]*(?:\s+[A-Z][\w.\-]*){0,3}\s+)?"  # "ASEAN and the US"
    r"(?:(?:has|have|had|will|would|is|are|was|were)\s+)?"
    r"(?:(?:also|now|jointly|recently)\s+)?"
    r"(?:h[oe]lds?|holding|conduct(?:s|ed|ing)?|launch(?:es|ed|ing)?|kick(?:s|ed|ing)? off|"
    r"beg[aiu]n(?:s|ning)?|start(?:s|ed|ing)?|stag(?:es|ed|ing)|organi[sz](?:es|ed|ing)|"
    r"open(?:s|ed|ing)?|carr(?:y|ies|ied|ying) out)\b[^.;:]{0,40}$"
)
_FRAMEWORK: Final = _fastre.compile(
    r"(?:members? (?:states )?of|auspices of|under|within|part of) (?:the )?$"
)

#: A body whose members drill with a state named before: "China and members of ASEAN".
_AND_MEMBERS: Final = _fastre.compile(
    r"\band\s+(?:the\s+)?members?\s+(?:states\s+)?of\s+(?:the\s+)?$"
)
#: "navies from the US and 11 other countries": the participants are not all named here.
_OTHERS: Final = _fastre.compile(
    rf"\band\s+{SOME}\s+other\s+(?:countries|nations|states|navies|armies|"
    r"militaries|partners|allies)\b"
    # "the United States and eight Latin American countries": a count of states by region
    rf"|\band\s+{SOME}\s+(?:[A-Z][\w\-]+\s+){{1,2}}(?:countries|nations|states|navies)\b"
    # "troops from 34 nations", "an 18-nation exercise": more states than any list names
    # "from more than 30 African and western partner nations": hedged, with adjectives
    rf"|\bfrom\s+{HEDGE}"
    rf"{SOME}\s+(?:[\w\-]+\s+){{0,4}}?(?:countries|nations|states)\b"
    r"|\b\d+-(?:nation|country)\b"
    # "African Lion 2023, which involves 18 nations", "brings together 20 countries"
    r"|\b(?:involv(?:es|ed|ing|e)|(?:brings?|brought|bringing)\s+together|gather(?:s|ed|ing)?|"
    rf"(?:with\s+)?the\s+participation\s+of)\s+{HEDGE}{SOME}\s+(?:[\w\-]+\s+){{0,3}}?"
    r"(?:countries|nations|states|militaries|navies|armies)\b"
    # "In 2019, 46 nations had taken part in the exercise": a count of states as the subject
    rf"|\b{HEDGE}\d+\s+(?:countries|nations|states|navies)\s+(?:(?:have|has|had|will)\s+)?"
    r"(?:taken part|took part|take part|participated|participate|joined)\b"
)

#: "The drills involve Emirati and US marines": the verb's objects take part.
PARTICIPANT_PREPS: Final = (
    "from",
    "between",
    "with",
    "alongside",
    "as",
    "including",
    "included",
)
#: "drills by X and Y", "conducted jointly by X and Y": who does them ("islets claimed by
#: Japan" names no participant).
_AGENT_VERB: Final = _fastre.compile(
    r"\b(?:held|conducted|staged|carried out|organi[sz]ed|hosted|led|joined|attended|"
    r"performed|launched|undertaken|run|involving)\s+(?:[\w\-]+\s+){0,2}?$"  # "today by"
    # "is being planned by": a passive whose subject is the exercise
    r"|\b(?:is|are|was|were|be|been|being)\s+(?:[a-z]+ly\s+)?[a-z]+(?:ed|en|un|eld)\s+$"
)
#: "the drills (that) the US and South Korea have been staging": the subject of a relative
#: clause whose object is the exercise (the subject's words are checked to be names only).
_RELATIVE_SUBJECT: Final = _fastre.compile(
    r"(?:,?\s+(?:that|which))?\s+(?P<subject>[A-Z\w].{1,90}?)\s+"
    r"(?:(?:ha(?:ve|s|d)\s+been|are|is|were|was)\s+(?:staging|holding|conducting|running)"
    r"|(?:ha(?:ve|s|d)\s+)?(?:staged|held|conducted|carried\s+out|ran)"
    r"|(?:will|plans?\s+to|planned\s+to|are\s+to)\s+(?:hold|stage|conduct))\b"
    r"(?!\s+to\s+be\b)"  # "the drills that Washington held to be a threat"
)
#: "drills with the participation of Azerbaijan, Kyrgyzstan and Tajikistan".
_PARTICIPATION_OF: Final = _fastre.compile(r"\bthe\s+participation\s+of\s+(?=(?:the\s+)?[A-Z])")
#: Forces acting as one, told after the drills: "... of X and Y operating together".
_ACTING_TOGETHER: Final = _fastre.compile(
    r"\b(?:operating|working|training|drilling|flying|sailing|serving)\s+"
    r"(?:together|side[ -]by[ -]side|shoulder[ -]to[ -]shoulder)\b"
)
#: The words a list of some of the states opens with (``_AMONG_THEM``).
_LISTED_FROM: Final = ("them", "which", "including", "as", "notably", "others", "the")
_AFTER_TRIGGER: Final = tuple(p for p in PARTICIPANT_PREPS if p != "from")
_INVOLVING: Final = (
    "involve",
    "involves",
    "involved",
    "involving",
    "bring",
    "brings",
    "bringing",
    "brought",
    "together",  # "brought together US and Saudi troops"
    "include",  # "Malabar 2020 will include Australia, India, ..."
    "includes",
)
#: The verbs of that list, where they stand after a relative clause.
_INVOLVE_VERB: Final = _fastre.compile(
    rf"\b(?:{'|'.join(w for w in _INVOLVING if w != 'together')})\b"
)

#: "with several Latin American countries, Canada and Germany taking part": an absolute
#: clause whose subjects are all participants.
_WITH_TAKING_PART: Final = _fastre.compile(
    r"\bwith\b[^;:.]{0,160}?\b(?:taking part|participating|joining in)\b"
)

#: "Assets of NATO and partner countries took part in JW 16-2, among them Belgium, ...":
#: the states listed after the drills they took part in.
_TOOK_PART_AMONG: Final = _fastre.compile(
    rf"\b{_TOOK_PART}\s+in\s+[^,;.]{{1,60}}?,\s*(?:among them|including|notably)\s+(?:the\s+)?"
)

#: "twelve NATO member countries", "from 12 NATO and six Partner countries": an
#: organisation's members counted, not named; the organisation stands for them.
_COUNTED_BEFORE: Final = _fastre.compile(rf"\b(?i:{SOME})\s+(?:the\s+)?$")
_MEMBERS_AFTER: Final = _fastre.compile(
    r"\s+(?:member\s+)?(?:countries|states|nations|allies|navies|armies)\b"
    rf"|\s+and\s+{SOME}\s+[\w\-]+\s+(?:countries|states|nations)\b"
)

_WHICH_OF_IT: Final = _fastre.compile(r",\s+which\s")

#: "drilled with local troops", "alongside their hosts": the state where it takes place.
_WITH_LOCALS: Final = _fastre.compile(
    r"\b(?:with|alongside|and)\s+(?:the\s+|their\s+)?(?:local|host(?:-nation| nation)?)\s+"
    r"(?:troops|forces|soldiers|units|army|armed forces|counterparts|military|personnel|navy)\b"
    r"|\b(?:with|alongside)\s+(?:the\s+|their\s+)?hosts\b"
)

_OF_FORCES: Final = _fastre.compile(r"\s+of\s+(?:the\s+)?[A-Z]")

#: "Kazakhstan is hosting four states for the drills", "hosted by Oman": where it takes place.
_HOSTING: Final = _fastre.compile(
    # (not "co-hosts with": one of two hosts, not where the drills are)
    r"(?<!co-)\b(?:host(?:s|ed|ing)?)\b(?!-| (?:nation|country|government))"
)


#: "NATO allies Poland and Lithuania", "SCO member states Russia, China": members named.
_MEMBERS_ONLY: Final = _fastre.compile(r"\s+(?:member\s+)?(?:members|states|countries|nations)\b")
_MEMBERS_NAMED: Final = _fastre.compile(
    r"\s+(?:allies|member states|member countries|members|partners)\s+(?=[A-Z])"
)
#: "the four participating countries, France, Russia, ...": the states then listed.
_COUNTRIES_NAMED: Final = _fastre.compile(
    r"\b(?:participating|the (?:two|three|four|five|six|seven|eight|nine|ten|\d+)"
    r"(?: participating)?) (?:countries|nations|states|navies|armies)(?:,|:| namely| -| \u2014)\s+"
)
#: "High Commissioner to", "Ambassador to": an envoy's posting, in a title.
_ENVOY_TITLE: Final = _fastre.compile(rf"\b(?:{ENVOY_TITLES})\s+to\s+", re.IGNORECASE)
#: Between a state's adjective and the title it qualifies ("British High Commissioner").
_ADJOINS: Final = _fastre.compile(r"\s+(?:[A-Z][\w\-]*\s+){0,2}")
#: Where a list of postings ends: a verb or the end of the appositive with the name.
_TITLE_END: Final = _fastre.compile(r"\b(?:[a-z]+(?:ed|s)\b|said|spoke|told)|[;:]")
#: "in Peruvian waters", "on Polish soil": a state's own ground, sea or sky.
_GROUND: Final = _fastre.compile(r"\s+(?:territorial\s+)?(?:waters|territory|soil|airspace)\b")
#: "around New Zealand's South Island", "in Russia's Far East": a part of a state.
_PART_OF_STATE: Final = _fastre.compile(
    r"['\u2019]s\s+(?P<part>(?:[A-Z][\w\-]*\s+){0,2}[A-Z][\w\-]*)"
)
#: Words that make "Russia's ..." one of its bodies, not a part of its land.
_BODIES: Final = frozenset({
    "Ministry", "Defence", "Defense", "Foreign", "Navy", "Army", "Air", "Force", "Forces",
    "Embassy", "Government", "Parliament", "President", "Prime", "Minister", "Military",
    "Armed", "Coast", "Guard", "Council", "Security", "Federal", "National", "State",
    "Ambassador", "Envoy", "Mission", "Office", "Department",
})  # fmt: skip
_GROUND_PREPS: Final = frozenset({"in", "at", "around", "across", "near", "off", "inside", "to"})
#: The marks a possessive "'s" may start with.
_POSSESSIVE_MARKS: Final = ("'", "\u2019")
#: Places small enough to be where drills are run from, not where forces come from.
_LOCAL: Final = frozenset(
    {LocationPrecision.POINT, LocationPrecision.SETTLEMENT, LocationPrecision.ADMIN1}
)
_WITH_MANY: Final = _fastre.compile(
    r"\b(?:in collaboration with|together with|with the participation of|with)\s+"
    r"(?:some\s+|about\s+)?(?:\d+|[a-z]+(?:-[a-z]+)?)\s+(?:other\s+)?(?:countries|nations|states)\b"
)


def hosted_in(m: Mention, doc: Document) -> None:
    """The state that hosts the drills gives their country when no place does, and so
    does a town or base they are run from ("exercises from the Port Sudan naval base")."""
    s, text = m.sentence, doc.text
    located = m.fields.get("location")
    if located is None or (isinstance(located, Location) and located.country is None):
        for site in doc.places(s):
            place = site.value
            if (
                site.start > m.trigger[1]
                and isinstance(place, Location)
                and place.country is not None
                and place.precision in _LOCAL
                and prep_before(text, site.start, s.start) == "from"
            ):
                m.fields["location"] = place
                m.spans["location"] = (site.start, site.end)
                return
    located = m.fields.get("location")
    ground = None if located and located.country else _state_ground(m, doc)
    if ground is not None:  # "the Pacific phase ... in Peruvian waters": the state's sea
        m.fields["location"] = location_of(ground[0])
        m.spans["location"] = ground[1]
        return
    if "location" in m.fields:
        return
    for verb in _HOSTING.finditer(text, s.start, s.end):
        passive = text.startswith(" by ", verb.end())
        codes = (
            object_codes(doc, s, verb.end(), ("by",))
            if passive
            else subject_codes(doc, s, verb.start())
        )
        states = [c for c in codes if is_country_code(c)]
        place = location_of(states[0]) if len(states) == 1 else None
        hit = next((h for h in doc.actors(s) if h.code in states), None)
        if place is not None and hit is not None:
            m.fields["location"] = place
            m.spans["location"] = (hit.start, hit.end)
            return
    if _WITH_MANY.search(text, m.trigger[1], s.end):
        # "Saudi Arabia has started the exercise in collaboration with 24 countries": the
        # one state that holds drills with many others holds them at home
        states = [c for c in subject_codes(doc, s, m.trigger[0]) if is_country_code(c)]
        hit = next((h for h in doc.actors(s) if states and h.code == states[0]), None)
        if len(states) == 1 and hit is not None and hit.start < m.trigger[0]:
            m.fields["location"] = location_of(states[0])
            m.spans["location"] = (hit.start, hit.end)


#: The people a count of forces counts ("5,000 troops", "300 sailors"), as a regex.
PERSONNEL: Final = (
    r"troops|soldiers|servicemen|service members|personnel|sailors|marines|airmen|paratroopers"
)
#: A count of soldiers named by their states: "1,000 US, Kenyan and Ugandan soldiers".
_COUNTED_FORCES: Final = _fastre.compile(
    r"\b\d[\d,.]*(?:\s+(?:thousand|million))?\s+"
    r"(?P<states>(?:[A-Z][\w.\-]*(?:\s+[A-Z][\w.\-]*)?(?:,\s*|,?\s+and\s+))+"
    r"[A-Z][\w.\-]*(?:\s+[A-Z][\w.\-]*)?)"
    rf"\s+(?:[a-z\-]+\s+)?(?:{PERSONNEL}|forces)\b"
)
#: "informed the", "notified": the addressee of a message told of the drills.
_TOLD_BEFORE: Final = _fastre.compile(
    r"\b(?:informed|notified|told|warned|briefed|wrote to|appealed to)\s+(?:the\s+)?$"
)
#: Between a state's name and the drills it qualifies: other names joined to it and the
#: drills' kind ("Belarusian-Russian tactical", "US and Philippine naval").
_QUALIFIES_DRILLS: Final = _fastre.compile(
    r"(?:\s*(?:[-\u2013/]|,|\band\b|&)\s*[A-Z][\w\-]*)*"
    r"(?:\s+(?:joint|naval|military|tactical|air|land|ground|sea|army|special|combined|"
    r"command|staff|field|live-fire|anti-terror\w*|counter-terror\w*|peacekeeping|"
    r"marine|maritime|airborne|amphibious|forces?|troops?)){0,4}\s+"
)


#: Forces coming to a state: "flew to Venezuela", "arrived in Djibouti".
CAME_TO: Final = _fastre.compile(rf"{COMING}\s+(?:to|in|into)\s+(?:the\s+)?$")
#: ... to drill jointly there: "for joint drills", "on Monday for joint exercises".
_FOR_JOINT: Final = _fastre.compile(
    r"\s+(?:[\w,\-]+\s+){0,4}?(?:for\s+(?:a\s+|the\s+)?(?:joint|bilateral|combined)\s+"
    r"(?:[\w\-]+\s+){0,2}"
    # "headed to Saudi Arabia to take part in Thunder of the North": drills held there
    rf"|{TO_TAKE_PART}\s+in\s+.{{0,60}}?)"
)


def _relative_subject(m: Mention, doc: Document) -> list[str]:
    """The states of "the drills (that) X and Y have been staging": a relative clause's
    subject made of names alone, its verb one of holding the exercise."""
    text = doc.text
    relative = _RELATIVE_SUBJECT.match(text, m.trigger[1], m.sentence.end)
    if relative is None:
        return []
    first, last = relative.span("subject")
    named = [h for h in doc.actors(m.sentence) if first <= h.start and h.end <= last]
    gaps = zip([first, *(h.end for h in named)], [*(h.start for h in named), last], strict=True)
    if not named or not all(LIST_JOINERS.fullmatch(text, a, b) for a, b in gaps):
        return []
    return [h.code for h in named if h.code]


#: "in the northern parts of Norway, Finland and Sweden": the states drills are held in.
_HELD_IN_STATES: Final = _fastre.compile(
    # (right after the drills' noun, a year or a few words between: not "to counter threats
    # from militants in Afghanistan")
    r"(?:\s+(?!to\b|from\b|of\b|by\b|after\b)[\w\-']+){0,3}?\s+(?:in|across|throughout)\s+(?:the\s+)?"
    r"(?:(?:north|south|east|west)\w*\s+(?:parts?|regions?|areas?)\s+of\s+(?:the\s+)?)?$"
)


def _states_held_in(m: Mention, doc: Document) -> list[str]:
    """The states named as where drills are held, in one list after the trigger."""
    s, text = m.sentence, doc.text
    stop = CLAUSE_END.search(text, m.trigger[1], s.end)
    until = stop.start() if stop else s.end
    states: list[str] = []
    last = -1
    for hit in doc.actors(s):
        if hit.start < m.trigger[1] or hit.start >= until or not is_country_code(hit.code):
            continue
        if states and LIST_JOINERS.fullmatch(text, last, hit.start):
            states.append(hit.code)
        elif states:
            break
        elif _HELD_IN_STATES.fullmatch(text, m.trigger[1], hit.start):
            states.append(hit.code)
        last = hit.end
    return states


def read_participants(m: Mention, doc: Document, frames: FrameLexicon) -> None:
    """The participants of ``m``, and the framework an organisation gives, from its sentence."""
    s, text = m.sentence, doc.text
    subject = subject_codes(doc, s, m.trigger[0])
    # "Cyprus informed the UNSG that ... exercises by the Turkish air force": who is told
    # of the drills is no party to them
    told = {
        h.code
        for h in doc.actors(s)
        if h.end <= m.trigger[0] and _TOLD_BEFORE.search(text, max(s.start, h.start - 24), h.start)
    }
    subject = [c for c in subject if c not in told]
    codes = list(subject)
    # "Russia, China and other SCO member states": the states named are members; the body
    # itself is not said to drill
    members_of = {
        h.code
        for h in doc.actors(s)
        if _OTHER_MEMBERS.search(text, max(s.start, h.start - 8), h.start)
        # "NATO allies Poland and Lithuania", "SCO member states Russia and China": the body
        # names what its members are
        or _MEMBERS_NAMED.match(text, h.end)
    }
    reported = reported_clause_start(doc, s, m.trigger[0])  # "NATO said the drills ..."
    subject_bodies = [
        c
        for c in subject
        if not is_country_code(c)
        and c not in members_of
        and any(h.code == c and h.start >= reported for h in doc.actors(s))
    ]
    stop = CLAUSE_END.search(text, m.trigger[1], s.end)
    codes += object_codes(
        doc,
        s,
        m.trigger[0],
        # "from" only after forces (FORCES_FROM): "... after a war with rebels from Sudan"
        (*_AFTER_TRIGGER, *_INVOLVING),
        until=stop.start() if stop else None,
    )
    end = stop.start() if stop else s.end
    at = text.find(" by ", m.trigger[1] - 1, end)
    while at >= 0:  # "drills by X", "held today by X"; a bare "by" elsewhere is not the agent
        by = at + 1
        if by == m.trigger[1] + 1 or _AGENT_VERB.search(text, max(s.start, by - 60), by):
            codes += object_codes(doc, s, by, ("by",))
        at = text.find(" by ", by + 2, end)
    codes += _relative_subject(m, doc)
    joining = _PARTICIPATION_OF.search(text, m.trigger[1], end)
    if joining is not None:  # "exercises with the participation of Azerbaijan, ..."
        codes += object_codes(doc, s, joining.start(), ("of",), until=end)
    together = _ACTING_TOGETHER.search(text, m.trigger[1], s.end)
    if together is not None:
        # "the exercise will have sailors of the Royal Malaysian Navy and the Philippine Navy
        # operating together": the forces named before "together" take part
        codes += [
            h.code for h in doc.actors(s) if m.trigger[1] <= h.start and h.end <= together.start()
        ]
    for verb in _INVOLVE_VERB.finditer(text, stop.end() if stop else s.end, s.end):
        # "The drills, which started on Monday, involve Indian and Omani ships"
        codes += object_codes(doc, s, verb.start(), _INVOLVING, until=verb.end() + 80)
    # "the first stage of the joint Belarusian-Russian drills": the states whose names
    # qualify the drills take part, whatever the phrase before them
    qualifying = [
        h
        for h in doc.actors(s)
        if h.end <= m.trigger[0] and _QUALIFIES_DRILLS.fullmatch(text, h.end, m.trigger[0])
    ]
    codes += [h.code for h in qualifying]
    if qualifying and subject:
        # "the DPRK requests the Security Council to bring up the US joint military
        # exercises": whose drills they are is told; the subject, with no verb of drilling
        # between, does something else about them
        first = qualifying[0].start
        last_subject = max(
            (h.end for h in doc.actors(s) if h.code in subject and h.end <= first), default=first
        )
        if _PREDICATE.search(text, last_subject, first) and not _DRILLING_BETWEEN.search(
            text, last_subject, first
        ):
            own = {h.code for h in qualifying}
            codes = [c for c in codes if c not in subject or c in own]
    # "Russian jets flew to Venezuela for joint drills": where forces came to drill jointly
    codes += [
        h.code
        for h in doc.actors(s)
        if h.end <= m.trigger[0]
        and CAME_TO.search(text, max(s.start, h.start - 24), h.start)
        and _FOR_JOINT.fullmatch(text, h.end, m.trigger[0])
    ]
    for counted in _COUNTED_FORCES.finditer(text, s.start, s.end):
        # "about 1,000 US, Kenyan, Tanzanian and Ugandan soldiers": whose soldiers drill
        states = counted.span("states")
        codes += [h.code for h in doc.actors(s) if states[0] <= h.start < states[1]]
    if _OF_FORCES.match(text, m.trigger[1]):  # "exercises of the Kazakh and Uzbek forces"
        codes += object_codes(doc, s, m.trigger[1], ("of",), until=stop.start() if stop else None)
    for force in FORCES_FROM.finditer(text, s.start, s.end):  # "troops from X and Y"
        named = next((h for h in doc.actors(s) if h.start >= force.end()), None)
        if named is not None and _JUST_AFTER.fullmatch(text, force.end(), named.start):
            codes += object_codes(doc, s, force.start(), ("from",))
        elif named is not None and _AMONG_THEM.fullmatch(text, force.end(), named.start):
            codes += object_codes(doc, s, named.start, _LISTED_FROM)
        elif named is not None and _COUNT_THEN.fullmatch(text, force.end(), named.start):
            # "personnel from ten nations, Brazil, France and Britain among them"
            among = _AMONG_AFTER.search(text, named.start, min(s.end, named.start + 120))
            if among is not None:
                codes += [h.code for h in doc.actors(s) if named.start <= h.start < among.start()]
    for listing in _COUNTRIES_NAMED.finditer(text, s.start, s.end):
        # "dubbed FRUKUS after the four participating countries, France, Russia, the UK and
        # the U.S."
        close = CLAUSE_END.search(text, listing.end(), s.end)
        until = close.start() if close else s.end
        codes += [h.code for h in doc.actors(s) if listing.end() <= h.start < until]
    if _OTHERS.search(text, s.start, s.end):  # "the United States and 11 other countries"
        m.fields["open_list"] = True
    for among in _TOOK_PART_AMONG.finditer(text, s.start, s.end):
        if among.start() <= m.trigger[0] < among.end():
            # "countries took part in JW 16-2, among them Belgium and Canada"
            close = CLAUSE_END.search(text, among.end(), s.end)
            until = close.start() if close else s.end
            codes += [h.code for h in doc.actors(s) if among.end() <= h.start < until]
    joined = _WITH_TAKING_PART.search(text, m.trigger[0], s.end)
    if joined is not None:  # "started Monday with Latin American states, Canada and ..."
        codes += [h.code for h in doc.actors(s) if joined.start() < h.start < joined.end()]
    if m.anaphoric:  # "Alongside Ukraine and the U.S., Spain and Canada will take part."
        codes += object_codes(doc, s, s.start, ("alongside", "from", "including"))
    if m.anaphoric or m.definite:  # (and "Taking part in the exercises are ...")
        listed = _LIST_OF.search(text, s.start, s.end) or _INVERTED.match(text, s.start, s.end)
        if listed is not None:  # "The countries are Germany, Canada, ... and Morocco."
            close = CLAUSE_END.search(text, listed.end(), s.end)  # ", while X is absent"
            until = close.start() if close else s.end
            codes += [h.code for h in doc.actors(s) if listed.end() <= h.start < until]
    participants: list[str] = []
    framework: str | None = None
    for hit in doc.actors(s):
        if is_country_code(hit.code):
            continue
        before = text[max(s.start, hit.start - 30) : hit.start]
        owns = hit.end <= m.trigger[0] and (
            _ORG_OWN.fullmatch(text, hit.end, m.trigger[0])
            or _ORG_HOLDS.fullmatch(text, hit.end, m.trigger[0])
        )
        if _COUNTED_BEFORE.search(before) and _MEMBERS_AFTER.match(text, hit.end):
            participants.append(hit.code)  # "twelve NATO member countries taking part"
        elif _AND_MEMBERS.search(before):
            participants.append(hit.code)  # "forces from China and members of ASEAN"
        elif _FRAMEWORK.search(before):  # "deployed as part of UN peacekeeping forces"
            framework = framework or hit.code
        elif _ORG_FORCES_BEFORE.search(before) and _MEMBERS_ONLY.match(text, hit.end):
            continue  # "the armed forces of the SCO members": the member states' forces
        elif _ORG_FORCES_AFTER.match(text, hit.end) or _ORG_FORCES_BEFORE.search(before) or owns:
            participants.append(hit.code)
    # "the German-led battle group": the state that leads forces in the drills takes part
    codes += [h.code for h in doc.actors(s) if text.startswith(_LED, h.end)]
    for code in codes:
        if is_country_code(code):
            participants.append(code)
    if participants and framework not in subject_bodies:
        participants += subject_bodies  # "China and ASEAN concluded a drill": the body drills
    framed = frames.roles(doc, s, JointExercise.type_tag, near=m.trigger[0])
    # "..., while en route to exercises between ..." tells of others ("the exercise, which
    # the US Navy co-hosts with ...": a clause of the exercise's own)
    if stop is not None and not _WHICH_OF_IT.match(text, m.trigger[1]):
        framed = {role: f for role, f in framed.items() if f.start < stop.start()}
    participants += role_codes(framed, "participants")
    outside = set(role_codes(framed, "-participants"))
    for refusal in _NOT_TAKING_PART.finditer(text, s.start, s.end):  # "Spain will not join"
        outside.update(subject_codes(doc, s, refusal.start()))
    for doubt in _DOUBTED_INVOLVED.finditer(text, s.start, s.end):
        # "A Pakistani official denied that Islamabad was involved", "asked whether Wagner
        # fighters were involved": neither the one denying nor the one denied takes part
        outside.update(h.code for h in doc.actors(s) if h.start < doubt.end())
    topic = _WITH_REGARD_TO.search(text, max(s.start, m.trigger[0] - 100), m.trigger[0])
    if topic is not None and _MESSAGE_NOUN.search(text, s.start, topic.start()):
        # "a letter was sent to the UNSC by the DPRK's envoy with regard to another
        # exercise staged by the US": who writes about the drills is no party to them
        outside |= {h.code for h in doc.actors(s) if h.end <= topic.start()} - {
            h.code for h in doc.actors(s) if h.start >= topic.start()
        }
    for backing in _SUPPORTED_BY.finditer(text, s.start, s.end):
        # "X, Y and Z are involved, with support from France and Britain": who helps the
        # drills is no party to them, unless named a party too
        close = CLAUSE_END.search(text, backing.end(), s.end)
        until = close.start() if close else s.end
        backers = {h.code for h in doc.actors(s) if backing.end() <= h.start < until}
        outside |= backers - {
            h.code for h in doc.actors(s) if h.start < backing.start() or h.start >= until
        }
    # "Russian-origin T-90 tanks", "US-made jets": where the arms come from
    made = {h.code for h in doc.actors(s) if _MADE_IN.match(text, h.end)}
    outside |= made - {h.code for h in doc.actors(s) if not _MADE_IN.match(text, h.end)}
    place = m.fields.get("location")
    if (
        participants
        and isinstance(place, Location)
        and place.country is not None
        and _WITH_LOCALS.search(text, m.trigger[0], s.end)
    ):  # "Turkish troops in Qatar drilled with local forces": the place's state joins
        participants.append(place.country)
    outside |= _envoys_postings(doc, s)
    # "Vicenza, Italy - Exercise Justified Accord gets under way": where the report was filed
    filed = doc.place_dateline_end(s)
    outside |= {h.code for h in doc.actors(s) if h.end <= filed} - {
        h.code for h in doc.actors(s) if h.start >= filed
    }
    hosts = _states_held_in(m, doc)
    if participants and len(hosts) > 1 and not any(is_country_code(c) for c in participants):
        # "NATO's Nordic Response drills in Norway, Finland and Sweden": the states an
        # organisation's drills span take part in them (one state is often only the venue:
        # "CSTO forces hold exercises in Tajikistan")
        participants += hosts
    participants = [c for c in unique(participants) if c not in outside]
    if not participants:  # "On Monday, the two countries held joint drills"
        participants = parties_told_before(doc, m.sentence, m.sentence.start, m.trigger[0])
    if participants:
        m.fields["participants"] = tuple(coded_actor(c) for c in participants)
    if framework:
        m.fields["framework"] = coded_actor(framework)


def _envoys_postings(doc: Document, s: Sentence) -> set[str]:
    """The states of an envoy's titles ("British High Commissioner to Ghana, Non-Resident
    Ambassador to Benin and Togo"): a speaker's posts, no party to the drills."""
    text, out = doc.text, set[str]()
    for title in _ENVOY_TITLE.finditer(text, s.start, s.end):
        hits = doc.actors(s)
        out.update(
            h.code
            for h in hits
            if h.end <= title.start() and _ADJOINS.fullmatch(text, h.end, title.start())
        )
        close = _TITLE_END.search(text, title.end(), s.end)
        until = close.start() if close else s.end
        out.update(h.code for h in hits if title.end() <= h.start < until)
    return out


def _state_ground(m: Mention, doc: Document) -> tuple[str, tuple[int, int]] | None:
    """The state whose ground the drills are on, told by its people's name or its own
    ("visited Peruvian waters", "around New Zealand's South Island"), and where it is."""
    s, text = m.sentence, doc.text
    for hit in doc.actors(s):
        after = text[hit.end : hit.end + 1]
        if not (after.isspace() or after in _POSSESSIVE_MARKS) or not is_country_code(hit.code):
            continue  # (the cheap test first: what _GROUND or _PART_OF_STATE can start with)
        if _GROUND.match(text, hit.end):
            return hit.code, (hit.start, hit.end)
        part = _PART_OF_STATE.match(text, hit.end)
        if (
            part is not None
            and not _BODIES.intersection(part.group("part").split())
            and prep_before(text, hit.start, s.start) in _GROUND_PREPS
        ):
            return hit.code, (hit.start, hit.end)
    return None
