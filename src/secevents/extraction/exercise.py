"""Recognizer of ``joint_exercise``: drills, exercises, war games, manoeuvres, joint patrols.

>>> import datetime as dt
>>> doc = Document("Russian and Tajik troops held joint drills on Monday.",
...                published=dt.date(2021, 10, 28))
>>> [m] = ExerciseRecognizer().recognize(doc.sentences[0], doc)
>>> [a.code for a in m.fields["participants"]], str(m.fields["date"])
(['RUS', 'TJK'], '2021-10-25')
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterable
from typing import Final

from .. import _fastre
from ..model.actors import Actor
from ..model.codes import is_country_code
from ..model.dates import DateSpan
from ..model.events import Event, JointExercise
from ..model.places import Location
from ..model.vocab import LocationPrecision
from ._exercise_general import drills_in_general, leave_out_the_subject_s_place
from ._exercise_names import GENERIC_OPENERS, NOT_NAMES, exercise_name, exercise_names
from ._exercise_parties import (
    CLAUSE_END,
    COMING,
    FORCE_NOUNS,
    FORCES_FROM,
    HEDGE,
    LISTED,
    PARTICIPANT_PREPS,
    PERSONNEL,
    SOME,
    TO_TAKE_PART,
    hosted_in,
    read_participants,
)
from ._regex import Gated, literals, words
from .clues import coded_actor, object_codes, subject_codes, unique
from .common import (
    EXERCISE_NOUNS,
    add_date,
    add_duration,
    add_factuality,
    add_place,
    add_quantities,
    one_per_date,
)
from .document import Document
from .frames import FrameLexicon, shared_frames
from .mention import Mention
from .sentences import Sentence

__all__ = ["ExerciseRecognizer", "exercise_name", "exercise_names"]

#: "maritime patrol and reconnaissance aircraft", "border patrol boats": craft, no patrol.
_PATROL_CRAFT: Final = (
    r"(?:\s+and\s+[\w\-]+)?\s+(?:aircraft|planes?|squadrons?|boats?|vessels?|ships?|craft|"
    r"jets?|helicopters?|cutters?|agents?|officers?|police|units?)\b"
)
#: What one exercises or drills when the word is a verb: "exercise sovereignty", "drill wells".
_VERB_OBJECTS: Final = (
    r"(?:sovereignty|control|jurisdiction|authority|rights?|restraint|caution|power|influence|"
    r"options?|veto|vigilance|patience|judge?ment|discretion|leadership|oversight|wells?|holes?)"
)
_TRIGGER: Final = words(
    # ("reach the drill areas by Aug 2": a place of the drills, no mention of them)
    rf"(?:{EXERCISE_NOUNS})(?! (?:areas?|sites?|zones?|grounds?|ranges?)\b)"
    # ("does not exercise sovereignty", "to drill wells": the verbs)
    rf"(?! (?:(?:its|their|his|her|our|the|full|effective|greater|maximum)\s+)?{_VERB_OBJECTS}\b)|"
    rf"(?:joint |coordinated )?(?:naval|border|sea|maritime|air) patrols?(?!{_PATROL_CRAFT})|"
    rf"(?:joint|coordinated) patrols?(?!{_PATROL_CRAFT})|"
    r"(?:military|joint|combined|bilateral|trilateral|multinational|naval|marine)"
    r"(?: combat| field| tactical| live-fire| amphibious| (?:counter|anti)-?terror(?:ism|ist)?)?"
    r" training"
    # ("a joint military training drill": the drill is the noun)
    r"(?! (?:drills?|exercises?|manoeuvres?|maneuvers?|war ?games?)\b)|"
    # "Israeli and Greek air forces trained together over Crete"
    r"(?:trained|drilled|practi[sc]ed) (?:together|jointly)|"
    # "The previous edition was held in Volgograd": an earlier edition of the drills
    r"(?:previous|preceding|earlier|prior|first|last) editions?",
    re.IGNORECASE,  # "Drills began ...", "Military training involving ...": a sentence's first word
)
#: Drills of each side on its own: "India and Pakistan will hold exercises at the same time".
_SEPARATE: Final = words(
    r"at the same time|simultaneously|separately|respective|(?:its|their) own|each (?:of|side)",
    re.IGNORECASE,
)
#: What makes drills of several states one exercise.
_TOGETHER: Final = words(
    r"joint|jointly|together|combined|with|alongside|between|bilateral|trilateral|"
    r"multinational|multilateral|involving|including",
    re.IGNORECASE,
)
#: A date opening the clause is the event's own: "In 2017 the drills were held ...".
_LEADING_DATE: Final = _fastre.compile(r"\W*(?:(?:In|On|During|Last|Since|By)\s)?")
_PARTICIPATION: Final = words(
    r"tak(?:e|es|ing) part|took part|participat\w+|(?:have|has|had) (?:also )?joined|"
    # "The armies of X, Y and Z are involved": the parties, in a sentence after the drills
    r"(?:are|were|is|was|will be) (?:also )?involved"
    r"(?=\s*[.,;]|\s+in\s+(?:the|these|this)\s+(?:drills?|exercises?|manoeuvres|maneuvers))|"
    rf"(?:will|to) (?:also )?join|(?:participating |taking part |the |other ){LISTED}|"
    # "The U.S. Air Force will train side by side with the Japan Air Self-Defense Force"
    r"(?:train|trains|trained|training|drill|drills|drilled|drilling|fly|flies|flew|flying|"
    r"operate|operates|operated|operating|work|works|worked|working)"
    r" (?:side[ -]by[ -]side|shoulder[ -]to[ -]shoulder|alongside|together)(?: with)?",
    re.IGNORECASE,
)
#: "The Shaheen series of exercises began in March 2011": the series, not an edition.
_SERIES_WORD: Final = _fastre.compile(r"\bseries\b")
_BEGAN: Final = _fastre.compile(
    r"\b(?:began|begun|started|commenced|launched)(?:\s+\w+){0,2}?\s+in\s+$"
)
#: Forces setting out or arriving: "arrived in Kazakhstan yesterday", "headed to Saudi Arabia".
_ARRIVED: Final = _fastre.compile(rf"{COMING}[^.;:]{{0,70}}$")
_TO_TAKE_PART: Final = _fastre.compile(rf"[^.;:]{{0,40}}?\b(?:{TO_TAKE_PART}|for\b)")
_ARRIVED_TO_TAKE_PART: Final = _fastre.compile(
    rf"[^.;:]{{0,60}}?{COMING}[^.;:]{{0,60}}?\b{TO_TAKE_PART}"
)
#: What stands for drills told of just before, opening a sentence of their own.
_DRILLS_AGAIN: Final = r"(?P<noun>It|They|The event|The operation|The manoeuvres|The maneuvers)"
#: "It will last until April 12": the end of the exercise told of just before.
_IT_LASTS: Final = _fastre.compile(
    rf"\W*{_DRILLS_AGAIN}\s+"
    r"(?:will\s+|would\s+|is\s+to\s+|are\s+to\s+)?"
    r"(?:last|lasts|run|runs|continue|continues|go on|goes on)\s+(?:until|till|through|to)\b"
)
#: "It was held at the Puerto Belgrado Naval Base in Bahia Blanca": where the exercise told
#: of just before is.
_IT_IS_HELD: Final = _fastre.compile(
    rf"\W*{_DRILLS_AGAIN}\s+"
    r"(?:was|were|is|are|will\s+be|would\s+be|is\s+being|are\s+being|has\s+been|had\s+been)"
    r"\s+(?:held|staged|conducted|hosted|taking\s+place)\s+(?:at|in|on|near|off)\b"
)
#: "... is in Thailand for the 10-day event", "during the two-week training period": the
#: length of the exercise told just before.
_LENGTH_EVENT: Final = _fastre.compile(
    r"\b(?:the|a|this)\s+(?:[\w]+-day|[\w]+-week)\s+"
    r"(?P<noun>event|operation|programme|program|training\s+(?:period|phase))\b"
)
#: "has been held every year since it began in 2005": the year the drills were first held.
_SINCE: Final = _fastre.compile(r"\bsince\s+(?:it|they|the\s+[\w\-]+)\s+(?:first\s+)?\w+")
_EARLIER: Final = _fastre.compile(
    # "hosted the first such exercise in November 2019": an edition before this one
    r"\b(?:previous|preceding|earlier|last|past|prior|first\s+such)\s+"
    r"(?:[a-z\-]+(?:'s|\u2019s)?\s+){0,3}$",
    re.IGNORECASE,
)
_SUCH: Final = _fastre.compile(r"\bsuch\s+(?:[a-z\-]+\s+){0,2}$")
#: "Earlier the Indian Navy had conducted an exercise with Australia": drills before the ones
#: the report tells of, an event of their own.
_HAD_HELD: Final = _fastre.compile(
    r"\b(?:had|Previously|In the past)\s+(?:\w+ly\s+)?(?:also\s+)?(?:conducted|held|staged|"
    r"carried out|taken part|participated|organi[sz]ed|hosted|joined)\b"
)
#: "In the past, India has held exercises with navies from Britain and France": drills
#: held now and then over years, no one event.
_HABITUAL: Final = _fastre.compile(
    r"\b(?:In the past|In recent years|Over the (?:past |last )?(?:few )?years|Previously|"
    r"Since (?:19|20)\d\d),?\s+(?:[A-Z][\w\-]*\s+){1,3}(?:has|have)\s+(?:\w+ly\s+)?(?:also\s+)?"
    r"(?:conducted|held|staged|carried out|taken part in|participated in|joined)\s+"
    r"(?:[a-z\-]+\s+){0,3}$"
)
#: Drills held now and then, none in particular: "From time to time the two sides hold".
_NOW_AND_THEN: Final = _fastre.compile(
    r"\b(?:[Ff]rom time to time|[Rr]egularly|[Rr]outinely|[Pp]eriodically|[Oo]ccasionally|"
    r"[Ee]ach year|[Ee]very year)\b"
)
#: "drills near Brest as part of Zapad-2021": the name is of the exercise these are part of.
_PART_OF_NAME: Final = _fastre.compile(
    r"\b(?:part|phase|stage|component) of (?:the )?[\"\u201c]?$|\bwithin (?:the )?[\"\u201c]?$"
)
#: "The two countries conduct some 25 joint manoeuvres each year": how often, no one event.
_EVERY_YEAR: Final = _fastre.compile(
    r"\b(?:(?:each|every|a|per) year|annually|regularly|routinely)\b(?![\w\s]{0,20}\bsince\b)"
)
#: "taking part in Khaan Quest": a name forces take part in.
_PART_IN_NAME: Final = _fastre.compile(
    r"\b(?:tak(?:e|es|ing) part|took part|participat(?:e|es|ed|ing)) in\s+(?:the\s+)?"
    # (not "Operation Barkhane": an operation, not drills, when no noun says otherwise)
    r"(?!Operation\b|Op\b)(?P<name>[A-Z][\w\-]+(?:\s+[A-Z][\w\-]+){0,3})\b(?!['\u2019]s)"
)
#: Forces named by their people: "Mongolian and US soldiers".
_FORCE_WORD: Final = _fastre.compile(
    r"\b(?:troops|soldiers|servicemen|marines|sailors|airmen|forces|units|navies|armies)\b"
)
#: "personnel participating in joint exercises": drills in general, what forces do.
_IN_DRILLS_AT_ALL: Final = _fastre.compile(
    r"\b(?:personnel|troops|forces|soldiers|units|sailors)\s+(?:participating|taking part|"
    r"who (?:participate|take part))\s+in\s+(?:[a-z\-]+\s+){0,2}$"
)
#: A sentence opening with a count of forces: "Some 5,000 soldiers, 40 warships ...".
_FORCE_COUNT: Final = (
    rf"{HEDGE}\d[\d,.]*(?:\s+(?:thousand|million))?\s+(?:[a-z\-]+\s+)?"
    rf"(?:{PERSONNEL}|military personnel)\b"
)
#: A count of craft: "more than 25 ships", "about 20 aircraft and helicopters".
_CRAFT_COUNT: Final = (
    rf"{HEDGE}\d[\d,.]*\s+(?:[a-z\-]+\s+)?(?:ships|vessels|warships|boats|submarines|aircraft|"
    r"helicopters|jets|planes|fighters|vehicles|tanks|armou?red vehicles)\b"
)
_COUNT_OPENS: Final = _fastre.compile(
    rf"\W*(?:(?:[Ff]or|[Oo]ver|[Dd]uring|[Ii]n) [^,]{{3,30}}, )?{_FORCE_COUNT}"  # "For two weeks, "
)
#: "they will last until July 17 and involve around 4,000 troops": the drills' forces told
#: in a sentence of their own.
_INVOLVES_COUNT: Final = _fastre.compile(
    rf"\b(?:involv(?:e|es|ed|ing)|bring(?:s|ing)? together|brought together|includ(?:e|es|ed|ing)|"
    rf"featur(?:e|es|ed|ing)|see|saw)\s+(?:{_FORCE_COUNT}|{_CRAFT_COUNT})"
)
#: "... that also includes troops from X", "X are also taking part", "X are among the
#: other participants": more participants.
_ALSO_JOINING: Final = _fastre.compile(
    r"\balso\s+(?:be\s+)?(?:includ|involv|featur|participat|tak\w+ part|join)\w*"
    r"|\bamong the (?:other )?participants\b|\bother participants\b"
)
#: "the upcoming joint exercise": drills still to come, after the day the sentence tells.
_UPCOMING: Final = _fastre.compile(
    r"\b(?:upcoming|forthcoming|coming|future|planned)\s+(?:[\w\-]+\s+){0,3}$", re.IGNORECASE
)
#: "Also this week, ...", "Separately, ...": a sentence that opens on another event.
_ANOTHER_OPENER: Final = _fastre.compile(
    r"\W*(?:Also|Separately|Meanwhile|Elsewhere|"
    r"In (?:a )?separate (?:\w+ )?(?:development|news|move)s?)\b"
)
#: "The operations will last ten days": the drills' length, in a sentence of its own.
_LASTS: Final = _fastre.compile(
    r"\b(?:will|would|is to|are to|to|should)\s+(?:last|run|continue)\s+(?:for\s+)?"
    r"(?:\w+|\d+)\s+(?:days|weeks)\b"
)
#: How many sentences after the drills such a count may come.
_COUNT_REACH: Final = 2
#: "was launched in 2003", "was first held in 1995", "agreed on in 2002": a series' start.
_SERIES_BEGUN: Final = _fastre.compile(
    r"\b(?:was|were)\s+(?:first\s+(?:held|staged|conducted|launched)|launched|established|"
    r"created|founded|initiated|conceived|inaugurated|started|begun|agreed(?:\s+(?:on|upon))?)"
    r"(?:\s+\w+){0,3}?\s+in\s+$"
)
_OBSERVERS: Final = _fastre.compile(
    # "Top military participants from Malawi ... are attending the exercise": guests
    r"\b(?:observ(?:ers?|ation)|in\s+attendance)\b"
    # (not troops "attending the drills": those take part)
    r"|\b(?:officials?|officers?|delegat\w+|guests?|participants|dignitaries|representatives|"
    r"ministers?|chiefs?)\b[^.;]{0,200}?\b(?:are|were|is|was)\s+(?:also\s+)?attending\b",
    re.IGNORECASE,
)
#: Where a clause of its own begins: "..., while Rwanda and Burundi sent observers".
_CLAUSE_JOINT: Final = _fastre.compile(
    r",\s+(?:while|whereas|but|and|which|with|as)\b|;|\s+(?:while|whereas)\s"
)


def _leave_out_observers(m: Mention, doc: Document) -> None:
    """States that only send observers take no part: "Troops from Kenya took part, while
    Rwanda sent observers", "Observers from China attended the drills, which involved
    forces from Russia and Belarus"."""
    s, text = m.sentence, doc.text
    edges = [s.start, *(j.start() for j in _CLAUSE_JOINT.finditer(text, s.start, s.end)), s.end]
    watching: set[str] = set()
    drilling: set[str] = set()
    for begin, end in itertools.pairwise(edges):
        codes = {h.code for h in doc.actors(s) if begin <= h.start < end}
        if _OBSERVERS.search(text, begin, end):
            watching |= codes
        else:
            drilling |= codes
    kept = tuple(
        a
        for a in m.fields.get("participants", ())
        if not (isinstance(a, Actor) and a.code in watching - drilling)
    )
    if kept:
        m.fields["participants"] = kept
    else:
        m.fields.pop("participants", None)


#: "The second took place in 2006", "the third was held last year": an edition by its rank.
_RANKED_EDITION: Final = _fastre.compile(
    r"\b[Tt]he\s+(?P<rank>first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth)"
    r"\s+(?:one\s+|edition\s+)?(?:took place|was held|was staged|was conducted|was organi[sz]ed)\b"
)
#: "amid a standoff between the armies of India and China in the Sikkim sector": the
#: setting the drills take place in, told after the trigger.
_AMID: Final = _fastre.compile(
    r"\bamid\s+(?:[\w\-']+\s+){0,5}?(?:stand-?offs?|tensions?|disputes?|rows?|clash(?:es)?|"
    r"conflicts?|crisis|crises|spats?|confrontations?|wars?|fighting|hostilities|feuds?)\b"
    r"[^.;]*"
)


def _ruled_out_by_year(date: object, year: int) -> bool:
    """Whether an edition's named ``year`` rules ``date`` out: no date, an open interval
    ("since 2003"), or one years away from it (a day a year off, "on Monday" in a report of
    the year before, is the text's to tell)."""
    if not isinstance(date, DateSpan) or date.earliest is None or date.latest is None:
        return True
    return date.latest.year < year - 1 or date.earliest.year > year + 1


def _leave_out_the_setting(m: Mention, doc: Document) -> None:
    """Who and where an "amid ..." phrase after the trigger names take no part in the
    drills: "Malabar 2017 is taking place amid a standoff between India and China"."""
    setting = _AMID.search(doc.text, m.trigger[1], m.sentence.end)
    if setting is None:
        return
    begin, end = setting.span()
    hits = doc.actors(m.sentence)
    inside = {h.code for h in hits if begin <= h.start < end}
    outside = {h.code for h in hits if not begin <= h.start < end}
    kept = tuple(
        a
        for a in m.fields.get("participants", ())
        if not (isinstance(a, Actor) and a.code in inside - outside)
    )
    if kept:
        m.fields["participants"] = kept
    else:
        m.fields.pop("participants", None)
    where = m.spans.get("location")
    if where is not None and begin <= where[0] < end:
        m.fields.pop("location", None)
        m.spans.pop("location", None)


#: A count before a name and a plural trigger: "eleven Sea Breeze exercises", a series.
_SERIES: Final = _fastre.compile(rf"\b(?:{SOME}|numerous|hundreds of)\s+(?:[A-Z][\w\-]*\s+)+$")
#: Between two names of a list: "Saber Strike 16 and Swift Response 16".
_NAME_LIST_GAP: Final = _fastre.compile(r"(?:,| and|, and)\s+")
#: "the exercise", "these naval drills": a definite reference to an exercise named before.
_DEFINITE: Final = _fastre.compile(
    r"\b(?:[Tt]he|[Tt]his|[Tt]hese|[Tt]hat|[Tt]hose|"
    # "this year's exercise", "last year's drills": an edition named by its year
    r"(?:[Tt]his|[Ll]ast|[Nn]ext)\s+year(?:'s|\u2019s))\s+(?:[a-z\-]+\s+){0,2}$"
)
#: A capitalised word, then a year or a two-digit edition: "Cobra Gold 2024", "Abhyas 19".
_CAPITAL_YEAR: Final = _fastre.compile(r"[A-Z][\w\-]*[ \-](?:(?:19|20)\d\d|\d\d)\b")
#: Verbs that make a named event with its year an exercise, before the name ("opened Cobra
#: Gold 2024", "took part in Malabar 2020") or after it ("SLINEX-2023 began").
_DRILLING_BEFORE: Final = (
    r"opened|open|opens|began|begin|begins|kicked off|kick off|kicks off|wrapped up|"
    r"concluded|took part in|take part in|taking part in|participat\w+ in|joined|conducted|"
    r"staged|held|hold|holds|holding"
)
_DRILLING_AFTER: Final = (
    r"began|begins|opened|opens|kicked off|kicks off|got under way|gets under way|"
    r"is under way|was launched|concluded|concludes|ended|ends|wrapped up|will include|"
    r"included|includes|involves|involved|will involve|gathers|gathered|will gather|"
    # "brings together forces from", "brings U.S. troops together with"
    r"(?:brings|brought|will bring)\s+(?:[\w.\-]+\s+){0,3}?together"
)
_DRILL_VERB_BEFORE: Final = _fastre.compile(
    rf"\b(?:{_DRILLING_BEFORE})\s+(?:the\s+)?(?:annual\s+|joint\s+|\w+th\s+)?$"
)
#: "The navies of ... launched Malabar 2017": launched by forces (not "launched Vision 2030").
_LAUNCHED_BEFORE: Final = _fastre.compile(
    r"\b(?:launched|launch|launches)\s+(?:the\s+)?(?:annual\s+|joint\s+|\w+th\s+)?$"
)
_DRILL_VERB_AFTER: Final = _fastre.compile(rf"(?:,\s+which)?\s+(?:{_DRILLING_AFTER})\b")
#: "involves 18 nations", "forces from 29 Allied and partner nations": the states told
#: by their number (two named states are not needed then, when forces are told too).
_STATES_COUNTED: Final = _fastre.compile(
    rf"\b{SOME}\s+(?:(?:other|[Aa]llied|partner|foreign|participating|member|and)\s+){{0,3}}"
    r"(?:nations|countries|states|militaries|armies|navies)\b"
)
_FORCES_TOLD: Final = _fastre.compile(rf"\b(?:{PERSONNEL}|forces|militaries|navies|armies)\b")
#: Either, anywhere in the sentence: the cheap test before any name is read.
_ANY_DRILL_VERB: Final = _fastre.compile(rf"\b(?:{_DRILLING_BEFORE}|{_DRILLING_AFTER})\b")
#: "held Euro 2024 talks": the name is another noun's.
_NOUN_AFTER: Final = _fastre.compile(
    r"\s+(?!(?:on|in|at|with|from|off|near|and|for|as|to|this|last|next|today|tonight|"
    r"yesterday|tomorrow)\b)[a-z]"
)
_NAMING: Final = _fastre.compile(r"\b(?:[Nn]amed|[Cc]alled|[Dd]ubbed|[Cc]ode-?named|known as)\s+$")
_NAME_YEAR: Final = _fastre.compile(r"(?:19|20)\d\d$")
_TWO_DIGITS: Final = _fastre.compile(r"\d\d")
#: A name ending in its year or its two-digit edition ("Yudh Abhyas 19": the 2019 edition).
_NAME_EDITION: Final = _fastre.compile(r"(?:(?:19|20)\d\d|[A-Za-z][ \-]\d\d)$")


_TRIGGER_CUE: Final = Gated(
    _TRIGGER, "drill exercise game manoeuvre maneuver patrol training together jointly edition"
)
_PARTICIPATION_CUE: Final = Gated(
    _PARTICIPATION, "part join involved countries nations states side shoulder alongside together"
)
_FORCES_FROM_CUE: Final = Gated(FORCES_FROM, FORCE_NOUNS)


def _separate(doc: Document, sentence: Sentence, trigger: int) -> bool:
    """Whether states' drills are each their own: "India and Pakistan will hold exercises at
    the same time" (several states, a cue of separateness, nothing making them joint)."""
    text = doc.text
    begin = max(sentence.start, text.rfind(";", sentence.start, trigger) + 1)
    if not _SEPARATE.search(text, begin, sentence.end) or _TOGETHER.search(
        text, begin, sentence.end
    ):
        return False  # the cheap tests first: most sentences have no cue of separateness
    states = {h.code for h in doc.actors(sentence) if begin <= h.start and is_country_code(h.code)}
    return len(states) >= 2


def _leads(m: Mention, doc: Document) -> bool:
    """Whether the mention's date opens its sentence, before the trigger ("In 2017 the ...")."""
    span = m.spans.get("date")
    if span is None or span[0] > m.trigger[0]:
        return False
    lead = _LEADING_DATE.match(doc.text, m.sentence.start, span[0])
    return lead is not None and lead.end() == span[0]


_SUCH_AS: Final = _fastre.compile(r",?\s+(?:such as|like)\s")
#: Drills as a kind of cooperation to grow: "expand joint training", "deepen joint exercises".
_MORE_OF: Final = _fastre.compile(
    r"\b(?:expand|expanding|expanded|deepen|deepening|strengthen|strengthening|enhance|"
    r"enhancing|boost|boosting|intensify|intensifying|promote|promoting|step\s+up|"
    r"stepping\s+up|"
    # "will give much better opportunities for mutual exercises": drills in general
    r"(?:opportunit(?:y|ies)|chances?|need|importance|value)\s+(?:for|of))"
    r"\s+(?:(?:the|their|our|bilateral|military|mutual|more|joint)\s+|"
    # "step up their training and exercises in Norway"
    r"(?:training|drills|exercises|cooperation)\s+and\s+)*$"
)

#: "..., after a similar drill with the US": an earlier exercise of the same subject.
_SIMILAR_EARLIER: Final = _fastre.compile(
    r"\b(?:after|following)\s+(?:a|an|the|its|their)\s+(?:similar|previous|earlier|separate)\s+"
)


#: How far before the report an edition of a recurring series starts, at least (days):
#: "last year" begins a year back.
_EDITIONS_APART: Final = 300
#: Words saying drills recur, or that these are another edition.
_RECURRING: Final = _fastre.compile(
    r"\b(?:annual|annually|every year|each year|yearly|biennial|edition|also (?:held|conducted|"
    r"staged)|previous|last year's|"
    # "The first drill of this kind was held in 2007": the first of a series, years ago
    r"first\s+(?:[\w\-]+\s+){0,3}of\s+(?:this|its|their)\s+kind)\b",
    re.IGNORECASE,
)
_NAME_YEAR_END: Final = _fastre.compile(r"[ \-](?:19|20)?\d\d$")
#: The first halves of "Indo-Russia", "Sino-Russian": no name once the state is set aside.
#: Words that say what kind of drill it is, no name: "Joint SCO military drill".
_KIND_WORDS: Final = NOT_NAMES | {"Combined", "Annual", "Air"}
_COMBINING_FORMS: Final = frozenset(
    [
        "Indo",
        "Sino",
        "Russo",
        "Franco",
        "Anglo",
        "Italo",
        "Germano",
        "Austro",
        "Turco",
        "Greco",
        "Hispano",
        "Luso",
        "Afro",
        "Nippo",
        "Judeo",
        "Serbo",
        "Polono",
    ]
)


def _in_several_states(m: Mention, doc: Document) -> bool:
    """ "gets under way today in Djibouti, Kenya and Tanzania": drills in several states
    are in none of them."""
    place, span = m.fields.get("location"), m.spans.get("location")
    if not (
        isinstance(place, Location)
        and place.precision is LocationPrecision.COUNTRY
        and span is not None
    ):
        return False
    return any(
        isinstance(hit.value, Location)
        and hit.value.precision is LocationPrecision.COUNTRY
        and hit.value.country != place.country
        and (
            (hit.start >= span[1] and _NAME_LIST_GAP.fullmatch(doc.text, span[1], hit.start))
            or (hit.end <= span[0] and _NAME_LIST_GAP.fullmatch(doc.text, hit.end, span[0]))
        )
        for hit in doc.places(m.sentence)
    )


def _sea_near_a_state(m: Mention, doc: Document) -> None:
    """ "in the Pacific Ocean near Ecuador": drills at sea near a state are in no state."""
    place, span = m.fields.get("location"), m.spans.get("location")
    if not (isinstance(place, Location) and place.near and span is not None):
        return
    for hit in doc.places(m.sentence):
        sea = hit.value
        if (
            hit.end <= span[0]
            and isinstance(sea, Location)
            and sea.country is None
            and _JUST_BEFORE_NEAR.fullmatch(doc.text, hit.end, span[0])
        ):
            m.fields["location"] = sea
            m.spans["location"] = (hit.start, hit.end)
            return


#: Between a sea and the "near X" that follows it: "the Pacific Ocean near Ecuador".
_JUST_BEFORE_NEAR: Final = _fastre.compile(r",?\s+")


class ExerciseRecognizer:
    """Finds exercises and sentences naming who takes part in them.

    The frame lexicon (``frames``) names who is kept out of the participants: the
    state that protests or watches the drills.
    """

    event_type: type[Event] = JointExercise

    def __init__(self, frames: FrameLexicon | None = None) -> None:
        self._frames = frames or shared_frames()

    def recognize(self, sentence: Sentence, doc: Document) -> Iterable[Mention]:
        """The mention of an exercise in ``sentence``, or of participation in the last one."""
        text = doc.text
        folded = doc.folded(sentence)
        match = (
            _TRIGGER_CUE.search(text, sentence.start, sentence.end, folded)
            or self._known_name(sentence, doc)
            or self._named_drill(sentence, doc)
        )
        participation = (
            _PARTICIPATION_CUE.search(text, sentence.start, sentence.end, folded)
            # "troops from X will train"
            or _FORCES_FROM_CUE.search(text, sentence.start, sentence.end, folded)
            or (None if match is not None else self._told_after(sentence, doc))
        )
        if match is None and participation is None:
            return (
                self._length_told_after(sentence, doc)
                or self._place_told_after(sentence, doc)
                or self._editions_by_rank(sentence, doc)
            )
        if match is not None and _separate(doc, sentence, match.start()):
            return []
        if match is not None and _SUCH_AS.match(text, match.end()):
            return []  # "exercises such as UNITAS help nations coordinate": exercises in general
        if match is not None and drills_in_general(
            doc, sentence, match.span(), named=bool(self._names(sentence, doc))
        ):
            return []  # "Any exercises ...", "will allow China to conduct naval exercises"
        if match is not None and _MORE_OF.search(
            text, max(sentence.start, match.start() - 40), match.start()
        ):
            return []  # "agreed to expand joint training": cooperation in general, no exercise
        if match is None and sentence.start < self._first_trigger(doc):
            return []  # "troops from X take part" only adds to an exercise told of before
        names = self._names(sentence, doc)
        if match is not None and names:
            # "On the sidelines of the exercise, a naval manoeuvre codenamed X is planned":
            # the noun next to the name is this mention's.
            at = sentence.start + names[0][1]
            match = min(
                _TRIGGER.finditer(text, sentence.start, sentence.end),
                key=lambda t: abs(t.start() - at),
                default=match,
            )
        trigger = match or participation
        assert trigger is not None
        m = Mention(JointExercise, sentence, (trigger.start(), trigger.end()))
        m.anaphoric = match is None
        m.attach_only = match is None
        if match is not None:
            m.definite = bool(
                _DEFINITE.search(text, max(sentence.start, match.start() - 40), match.start())
            )
            if m.definite and _ALSO_JOINING.search(text, sentence.start, sentence.end):
                m.fields["adds"] = True  # "The drills ... also including troops from X"
        if _ANOTHER_OPENER.match(text, doc.dateline(sentence)):
            m.fields["another"] = True  # "Also this week, X and Y began joint training"
        named = names[0] if names else None
        if (
            named
            and sentence.start + named[1] > trigger.end()
            and _names_the_whole(sentence.text, named[1])
        ):
            named = None
        if named:
            m.key = m.fields["name"] = named[0]
            name_at = (sentence.start + named[1], sentence.start + named[2])
            # "Zapad 2009 (West 2009)": the name translated in brackets is the same one
            aliases = [
                n for n, b, _ in names if 0 < b - named[2] <= 3 and sentence.text[b - 1] == "("
            ]
            if aliases:
                m.fields["aliases"] = tuple(aliases)
            # "The manoeuvres, called Tsentr-2019, ...": a name given to the exercise just told of.
            m.definite = m.definite or bool(_NAMING.search(sentence.text, 0, named[1]))
        add_date(m, doc, exclude=name_at if named else None)
        self._drop_origin_date(m, doc)
        if _habitual(m, doc, trigger.start()):
            return []
        if not m.definite and _HAD_HELD.search(text, sentence.start, trigger.start()):
            m.fields["earlier"] = True
        if text[m.trigger[0] : m.trigger[1]].endswith(("edition", "editions")):
            # "The previous edition was held in Volgograd in 2017": an earlier edition
            m.definite, m.fields["edition"] = False, True
        elif m.definite and (_leads(m, doc) or self._earlier_edition(m, doc)):
            # "In 2017 the drills were held", "the previous drills were held in 2017": an
            # earlier edition of its own
            m.definite = False
            m.fields["edition"] = True
            if _EARLIER.search(text, max(sentence.start, m.trigger[0] - 30), m.trigger[0]):
                m.fields["earlier"] = True  # "last year's exercise": not this one's mention
            if _SUCH.search(text, max(sentence.start, m.trigger[0] - 30), m.trigger[0]):
                m.fields["such"] = True  # "the first such exercise": of the same parties
        year = _NAME_YEAR.search(m.key or "")
        if year and _ruled_out_by_year(m.fields.get("date"), int(year.group())):
            # "Tsentr-2015" with no other date, or "the ninth time since 2003 ... the Joint
            # Sea 2013 drill" (a date its name's year rules out): that year
            m.fields.pop("date_told", None)
            m.fields["date"] = DateSpan.year(int(year.group()))
            m.spans["date"] = name_at
        add_duration(m, doc, exclude=name_at if named else None)
        add_factuality(m, doc)
        add_place(m, doc)
        leave_out_the_subject_s_place(m, doc)
        _sea_near_a_state(m, doc)
        if _in_several_states(m, doc):
            m.fields.pop("location", None)
            m.spans.pop("location", None)
        else:
            hosted_in(m, doc)
        add_quantities(m, doc)
        read_participants(m, doc, self._frames)
        if _OBSERVERS.search(sentence.text):
            _leave_out_observers(m, doc)
        if "amid" in sentence.text:
            _leave_out_the_setting(m, doc)
        if self._told_apart(m, doc):
            return []
        if not m.key and (m.definite or not m.fields.get("participants")):
            m.anaphoric = True
        if len(names) == 1 and _SERIES.search(
            text, max(sentence.start, match.start() - 60) if match else 0, trigger.start()
        ):
            m.anaphoric = m.attach_only = True  # "eleven Sea Breeze exercises": a series
        # "held the three previous exercises in 2015, 2017 and 2018": one per edition
        return one_per_date(m, doc) or [
            m,
            *self._listed(m, sentence, names),
            *self._other_exercises(m, doc),
        ]

    @staticmethod
    def _other_exercises(m: Mention, doc: Document) -> list[Mention]:
        """Another exercise told of in a later clause of the sentence, an event of its own:
        "X and Y began patrols, after a similar drill days ago with the US" (the earlier
        drill of the subject with another state), "..., while en route to the exercises
        between ASEAN and the United States" (drills of other parties)."""
        s, text = m.sentence, doc.text
        first_stop = CLAUSE_END.search(text, m.trigger[1], s.end)
        if first_stop is None:
            return []
        similar = _SIMILAR_EARLIER.search(text, first_stop.start(), s.end)
        later = similar.end() if similar else first_stop.end()
        trigger = (_TRIGGER.match if similar else _TRIGGER.search)(text, later, s.end)
        if trigger is None:
            return []
        stop = CLAUSE_END.search(text, trigger.end(), s.end)
        until = stop.start() if stop else s.end
        partners = object_codes(doc, s, trigger.end(), PARTICIPANT_PREPS, until=until)
        if similar is not None:  # the same subject, with another partner
            partners = unique([*subject_codes(doc, s, m.trigger[0])[:1], *partners])
        own = {a.code for a in m.fields.get("participants", ()) if isinstance(a, Actor)}
        if len(partners) < 2 or set(partners) <= own:
            return []
        other = Mention(JointExercise, s, (trigger.start(), trigger.end()))
        other.fields["participants"] = tuple(coded_actor(c) for c in partners)
        other.fields["own_clause"] = True
        if similar is not None:
            other.fields["edition"] = True
        dates = [h for h in doc.dates(s) if first_stop.start() <= h.start < until]
        if dates and isinstance(dates[0].value, DateSpan):  # not the first drills' date
            other.fields["date"] = dates[0].value
            other.spans["date"] = (dates[0].start, dates[0].end)
        return [other]

    @staticmethod
    def _told_after(sentence: Sentence, doc: Document) -> re.Match[str] | None:
        """ "More than 7,000 soldiers will carry out ...", "The operations will last ten
        days", right after drills are told of: a sentence opening with the forces' count
        tells how many take part; one saying how long something lasts, how long they do."""
        opening = (
            _COUNT_OPENS.match(doc.text, sentence.start, sentence.end)
            or _INVOLVES_COUNT.search(doc.text, sentence.start, sentence.end)
            or _LASTS.search(doc.text, sentence.start, sentence.end)
        )
        if opening is None:
            return None
        earlier = doc.sentences[max(0, sentence.index - _COUNT_REACH) : sentence.index]
        told = any(_TRIGGER_CUE.search(doc.text, s.start, s.end, doc.folded(s)) for s in earlier)
        return opening if told else None

    @staticmethod
    def _earlier_edition(m: Mention, doc: Document) -> bool:
        """Whether "the previous / last / earlier drills" with a date of their own are meant,
        or drills of a recurring series dated a year before the report ("These annual
        exercises were also held in the Gulf of Oman last year")."""
        date = m.fields.get("date")
        if not isinstance(date, DateSpan):
            return False
        if _EARLIER.search(doc.text, max(m.sentence.start, m.trigger[0] - 30), m.trigger[0]):
            return True
        first, last, published = date.earliest, date.latest, doc.published
        return (
            published is not None
            and first is not None
            and last is not None
            and last < published
            and (published - first).days >= _EDITIONS_APART
            and _RECURRING.search(m.sentence.text) is not None
        )

    @staticmethod
    def _drop_origin_date(m: Mention, doc: Document) -> None:
        """ "The exercise was launched in 2003": the series' first year, not this edition's date
        (a year before last, when the report is dated)."""
        span, date = m.spans.get("date"), m.fields.get("date")
        if span is None or not isinstance(date, DateSpan) or doc.published is None:
            return
        if span[1] <= m.trigger[0] and (
            # "arrived in Kazakhstan yesterday to take part", "On Monday units headed to
            # Saudi Arabia to take part"
            (
                _ARRIVED.search(doc.text, max(m.sentence.start, span[0] - 80), span[0])
                and _TO_TAKE_PART.match(doc.text, span[1], m.trigger[0])
            )
            or _ARRIVED_TO_TAKE_PART.match(doc.text, span[1], m.trigger[0])
        ):
            # "units arrived in Kazakhstan yesterday to take part in exercises": the day
            # forces came, not the drills'
            del m.fields["date"], m.spans["date"]
            return
        window = (max(m.sentence.start, span[0] - 60), span[0])
        begun = _SERIES_BEGUN.search(doc.text, *window) or (
            _BEGAN.search(doc.text, *window)
            if _SERIES_WORD.search(doc.text, m.sentence.start, span[0])
            or _SINCE.search(doc.text, *window)
            else None
        )
        latest = date.latest
        if begun is not None and latest is not None and latest.year < doc.published.year - 1:
            del m.fields["date"], m.spans["date"]
            m.anaphoric = True
        elif (
            _UPCOMING.search(doc.text, max(m.sentence.start, m.trigger[0] - 40), m.trigger[0])
            and span[0] > m.trigger[1]
            and latest is not None
            and latest <= doc.published
        ):
            # "a press conference for the upcoming exercise ... on Tuesday": the day of
            # something told before it, not of the exercise still to come
            del m.fields["date"], m.spans["date"]

    @staticmethod
    def _told_apart(m: Mention, doc: Document) -> bool:
        """Whether the report says elsewhere that these states drill each on their own.

        "India and Pakistan set for war games" heads a report whose text says the two
        hold their own exercises at the same time.
        """
        codes = {a.code for a in m.fields.get("participants", ()) if isinstance(a, Actor)}
        if len(codes) < 2 or _TOGETHER.search(doc.text, m.sentence.start, m.sentence.end):
            return False

        def apart() -> list[frozenset[str]]:
            found: set[frozenset[str]] = set()
            for s in doc.sentences:
                trigger = _TRIGGER_CUE.search(doc.text, s.start, s.end, doc.folded(s))
                if trigger is not None and _separate(doc, s, trigger.start()):
                    found.add(frozenset(h.code for h in doc.actors(s)))
            return list(found)

        return any(codes <= states for states in doc.once("exercises_apart", apart))

    @staticmethod
    def _names(sentence: Sentence, doc: Document) -> list[tuple[str, int, int]]:
        """The exercise names of ``sentence``; states' names ("US-South Korea drills") are none."""
        return doc.memo(
            "exercise names", sentence, lambda _: ExerciseRecognizer._read_names(sentence, doc)
        )

    @staticmethod
    def _read_names(sentence: Sentence, doc: Document) -> list[tuple[str, int, int]]:
        found: list[tuple[str, int, int]] = []
        places = {(h.start - sentence.start, h.end - sentence.start) for h in doc.places(sentence)}
        for name, begin, end in exercise_names(sentence.text):
            if name in GENERIC_OPENERS and not sentence.text[:begin].strip(" \"'\u201c"):
                continue  # "Air training exercises will include ...": capitalised as the first word
            if (begin, end) in places:
                continue  # "with Mediterranean exercise": where the drills are, not their name
            rest = list(sentence.text[begin:end])
            for hit in doc.actors(sentence):
                for i in range(
                    max(hit.start - sentence.start, begin), min(hit.end - sentence.start, end)
                ):
                    rest[i - begin] = " "
            left = re.findall(r"[^\W\d_]+", "".join(rest))
            if any(word not in _COMBINING_FORMS and word not in _KIND_WORDS for word in left):
                found.append((name, begin, end))
        return found

    def _named_drill(self, sentence: Sentence, doc: Document) -> re.Match[str] | None:
        """A name with its year right by a verb of drilling, told of two states, or of one and
        the number of the others with their forces: "Thailand and the US opened Cobra Gold
        2024", "SLINEX-2023 began in Colombo", "AFRICOM is set for African Lion 2023, which
        involves 18 nations and 8,000 personnel" (no noun needed)."""
        joined = _PART_IN_NAME.search(sentence.text) if "part" in sentence.text else None
        if joined is not None:  # "Soldiers from Mongolia and the US are taking part in Khaan Quest"
            found = self._joined_name(sentence, doc, joined)
            if found is not None:
                return found
        # The cheap tests first: most sentences name no year after a capitalised word, and
        # hold no verb of drilling; only then are the sentence's actors read.
        said = sentence.text
        if not _TWO_DIGITS.search(said):  # (the cheapest test spares most searches)
            return None
        if not _CAPITAL_YEAR.search(said) or not (_ANY_DRILL_VERB.search(said) or "launch" in said):
            return None
        states = {h.code for h in doc.actors(sentence) if is_country_code(h.code)}
        if len(states) < 2 and not (
            states and _STATES_COUNTED.search(said) and _FORCES_TOLD.search(said)
        ):
            return None
        for name, begin, end in self._names(sentence, doc):
            if not _NAME_EDITION.search(name):
                continue
            before = sentence.text[max(0, begin - 30) : begin]
            after = sentence.text[end : end + 30]
            # "launched" by forces, or by two states named before it with the name's year the
            # report's ("Thailand and the US launched Cobra Gold 2017" in 2017), not a plan
            # named by the year it aims at ("launched Vision 2030")
            verb_before = _DRILL_VERB_BEFORE.search(before) or (
                _LAUNCHED_BEFORE.search(before)
                and (
                    _FORCES_TOLD.search(said)
                    or (_this_year(name, doc) and _states_before(doc, sentence, begin) >= 2)
                )
            )
            if (verb_before and not _NOUN_AFTER.match(after)) or _DRILL_VERB_AFTER.match(after):
                return re.compile(re.escape(name)).search(doc.text, sentence.start + begin)
        return None

    @staticmethod
    def _joined_name(
        sentence: Sentence, doc: Document, joined: re.Match[str]
    ) -> re.Match[str] | None:
        """The name forces of two or more states take part in, when it names no state, body
        or place ("troops from Mongolia and the US take part in Khaan Quest")."""
        begin, end = sentence.start + joined.start("name"), sentence.start + joined.end("name")
        if not FORCES_FROM.search(sentence.text) and not _FORCE_WORD.search(sentence.text):
            return None
        states = {h.code for h in doc.actors(sentence) if is_country_code(h.code)}
        if len(states) < 2:
            return None
        spans = [(h.start, h.end) for h in doc.actors(sentence)] + [
            (h.start, h.end) for h in doc.places(sentence)
        ]
        if any(a < end and begin < b for a, b in spans):
            return None
        return _fastre.compile(re.escape(joined.group("name"))).search(doc.text, begin, end)

    def _known_name(self, sentence: Sentence, doc: Document) -> re.Match[str] | None:
        """A name the report gives an exercise elsewhere: "Falcon Strike 2019 will take place"."""
        names = doc.once("exercise_names", lambda: self._all_names(doc))
        if not names:
            return None
        return names.search(doc.text, sentence.start, sentence.end)

    def _all_names(self, doc: Document) -> re.Pattern[str] | None:
        found: set[str] = set()
        for sentence in doc.sentences:
            if _TRIGGER_CUE.search(doc.text, sentence.start, sentence.end, doc.folded(sentence)):
                for name, _, _ in self._names(sentence, doc):
                    found.add(name)
                    # "Khaan Quest 2018", then "This year's Khaan Quest": the name without
                    # its year, when it is more than one common word
                    core = _NAME_YEAR_END.sub("", name)
                    if core != name and (" " in core or "-" in core):
                        found.add(core)
        if not found:
            return None
        return re.compile(rf"\b{literals(found)}\b")  # a trie: the longest name first

    @staticmethod
    def _length_told_after(sentence: Sentence, doc: Document) -> list[Mention]:
        """ "It will last until April 12", "... in Thailand for the 10-day event": the end or
        the length of the exercise told of just before, in a sentence with no noun for it."""
        text = doc.text
        told = _IT_LASTS.match(text, sentence.start, sentence.end) or _LENGTH_EVENT.search(
            text, sentence.start, sentence.end
        )
        if told is None:
            return []
        # ("The operation will run until November 6" after a sentence on where the named
        # drills are held: a noun reaches one sentence further than "It")
        reach = _COUNT_REACH + 1 if told.group("noun").startswith("The ") else _COUNT_REACH
        if not _drills_told_before(doc, sentence, reach):
            return []
        m = Mention(JointExercise, sentence, told.span("noun"))
        m.anaphoric = m.attach_only = m.definite = True
        add_duration(m, doc)
        return [m] if "duration" in m.fields or "end" in m.fields else []

    @staticmethod
    def _place_told_after(sentence: Sentence, doc: Document) -> list[Mention]:
        """ "It was held at the Puerto Belgrado Naval Base in Bahia Blanca, Argentina": the
        place of the exercise told of in the sentence just before, in one with no noun
        for it."""
        text = doc.text
        told = _IT_IS_HELD.match(text, sentence.start, sentence.end)
        if told is None or not _drills_told_before(doc, sentence, 1):
            return []
        m = Mention(JointExercise, sentence, told.span("noun"))
        m.anaphoric = m.attach_only = m.definite = True
        add_place(m, doc)
        return [m] if "location" in m.fields else []

    @staticmethod
    def _editions_by_rank(sentence: Sentence, doc: Document) -> list[Mention]:
        """ "The second took place in Abbottabad in 2006, and the third was held in Ningxia
        last year": earlier editions of the exercise told of just before, named by their
        rank alone, each dated by its own clause."""
        text = doc.text
        said = sentence.text
        if "took place" not in said and " was " not in said:
            return []  # (most sentences: no verb of an edition held, no search)
        ranks = list(_RANKED_EDITION.finditer(text, sentence.start, sentence.end))
        if not ranks:
            return []
        if not _drills_told_before(doc, sentence, _COUNT_REACH):
            return []
        found: list[Mention] = []
        ends = [r.start() for r in ranks[1:]] + [sentence.end]
        for rank, end in zip(ranks, ends, strict=True):
            m = Mention(JointExercise, sentence, rank.span("rank"))
            m.fields["edition"] = m.fields["earlier"] = True
            others = frozenset(
                (h.start, h.end) for h in doc.dates(sentence) if not rank.start() <= h.start < end
            )
            add_date(m, doc, at=rank.end(), skip=others)
            if isinstance(m.fields.get("date"), DateSpan):
                add_factuality(m, doc)
                found.append(m)
        return found

    @staticmethod
    def _first_trigger(doc: Document) -> int:
        def find() -> int:
            first = _TRIGGER.search(doc.text)
            return first.start() if first else len(doc.text)

        return doc.once("exercise_trigger", find)

    def _listed(
        self, m: Mention, sentence: Sentence, names: list[tuple[str, int, int]]
    ) -> list[Mention]:
        """One more mention per further name of a list ("Saber Strike 16 and Swift Response 16")."""
        more: list[Mention] = []
        for (_, _, end), (name, begin, stop) in itertools.pairwise(names):
            if not _NAME_LIST_GAP.fullmatch(sentence.text, end, begin):
                break
            other = Mention(JointExercise, sentence, m.trigger)
            other.fields = {k: v for k, v in m.fields.items() if k not in ("name", "date")}
            other.spans = {k: v for k, v in m.spans.items() if k not in ("name", "date")}
            other.key = other.fields["name"] = name
            other.spans["name"] = (sentence.start + begin, sentence.start + stop)
            more.append(other)
        return more

    def accept(self, event: Event) -> bool:
        """Joint means two or more states, or an organisation's forces: not one state's drill."""
        if not isinstance(event, JointExercise):
            return False
        codes = {a.code for a in event.participants}
        if not codes and event.name:  # a named exercise whose participants are not told
            return True
        return len(codes) >= 2 or any(not is_country_code(c or "") for c in codes)


def _drills_told_before(doc: Document, sentence: Sentence, reach: int) -> bool:
    """Whether one of the ``reach`` sentences before ``sentence`` names drills by a noun."""
    earlier = doc.sentences[max(0, sentence.index - reach) : sentence.index]
    return any(_TRIGGER_CUE.search(doc.text, s.start, s.end, doc.folded(s)) for s in earlier)


def _this_year(name: str, doc: Document) -> bool:
    """Whether ``name`` ends in the year of the report ("Cobra Gold 2017" in 2017)."""
    year = _NAME_YEAR.search(name)
    return (
        year is not None and doc.published is not None and int(year.group()) == doc.published.year
    )


def _states_before(doc: Document, sentence: Sentence, offset: int) -> int:
    """How many states the sentence names before ``offset`` (from the sentence's start)."""
    at = sentence.start + offset
    return len({h.code for h in doc.actors(sentence) if h.end <= at and is_country_code(h.code)})


def _habitual(m: Mention, doc: Document, trigger: int) -> bool:
    """Whether the sentence tells of undated drills held again and again ("In the past,
    India has held exercises with Britain"), not of one exercise."""
    if "date" in m.fields or m.key:
        return False
    if _NOW_AND_THEN.search(doc.text, m.sentence.start, trigger):
        return True  # "From time to time the two sides hold joint military training"
    if not doc.text[m.trigger[0] : m.trigger[1]].endswith("s"):
        return False
    return bool(
        _HABITUAL.search(doc.text, m.sentence.start, trigger)
        or _EVERY_YEAR.search(doc.text, m.sentence.start, m.sentence.end)
        or _IN_DRILLS_AT_ALL.search(doc.text, max(m.sentence.start, trigger - 60), trigger)
    )


def _names_the_whole(text: str, begin: int) -> bool:
    """Whether the name at ``begin`` is of a larger exercise the drills are part of."""
    return bool(_PART_OF_NAME.search(text, max(0, begin - 20), begin))
