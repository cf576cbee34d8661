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

from ..model.actors import Actor
from ..model.codes import is_country_code
from ..model.dates import DateSpan
from ..model.events import Event, JointExercise
from ..model.places import Location
from ._exercise_names import GENERIC_OPENERS, exercise_name, exercise_names
from ._regex import Gated, literals, words
from .clues import coded_actor, object_codes, subject_codes, unique
from .common import (
    EXERCISE_NOUNS,
    NEGATION,
    add_date,
    add_duration,
    add_factuality,
    add_place,
    add_quantities,
    one_per_date,
)
from .document import Document
from .frames import FrameLexicon, role_codes, shared_frames
from .mention import Mention
from .sentences import Sentence

__all__ = ["ExerciseRecognizer", "exercise_name", "exercise_names"]

_TRIGGER: Final = words(
    rf"{EXERCISE_NOUNS}|"
    r"(?:joint|naval|border) patrols?|"
    r"(?:military|joint|combined|bilateral|trilateral|multinational|naval|marine) training",
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
_LEADING_DATE: Final = re.compile(r"\W*(?:(?:In|On|During|Last|Since|By)\s)?")
#: "The countries are Germany, Canada, ...", "Other nations taking part are ...": a list of
#: participants in its own sentence.
_LISTED: Final = (
    r"(?:countries|nations|states|participants)(?: taking part| participating| involved)?"
    r"(?: in (?:the )?[A-Z][\w\-]*(?: [A-Z][\w\-]*){0,3}(?: exercises?| drills?)?)? "  # "in UNITAS"
    r"(?:are|were|include[sd]?)"
)
_PARTICIPATION: Final = words(
    r"tak(?:e|es|ing) part|took part|participat\w+|(?:have|has|had) (?:also )?joined|"
    rf"(?:will|to) (?:also )?join|(?:participating |taking part |the |other ){_LISTED}",
    re.IGNORECASE,
)
#: "The Shaheen series of exercises began in March 2011": the series, not an edition.
_SERIES_WORD: Final = re.compile(r"\bseries\b")
_BEGAN: Final = re.compile(r"\b(?:began|begun|started|commenced|launched)(?:\s+\w+){0,2}?\s+in\s+$")
_EARLIER: Final = re.compile(
    r"\b(?:previous|preceding|earlier|last|past|prior)\s+(?:[a-z\-]+\s+){0,2}$", re.IGNORECASE
)
#: A sentence opening with a count of forces: "Some 5,000 soldiers, 40 warships ...".
_COUNT_OPENS: Final = re.compile(
    r"\W*(?:(?:[Ff]or|[Oo]ver|[Dd]uring|[Ii]n) [^,]{3,30}, )?"  # "For two weeks, "
    r"(?:(?:[Aa]bout|[Aa]round|[Ss]ome|[Nn]early|[Aa]lmost|[Oo]ver|[Mm]ore than|[Uu]p to|"
    r"[Aa]t least|[Rr]oughly|[Aa]pproximately|[Aa]n estimated)\s+)?"
    r"\d[\d,.]*(?:\s+(?:thousand|million))?\s+(?:[a-z\-]+\s+)?"
    r"(?:troops|soldiers|servicemen|service members|personnel|sailors|marines|airmen|"
    r"paratroopers|military personnel)\b"
)
#: How many sentences after the drills such a count may come.
_COUNT_REACH: Final = 2
#: "was launched in 2003", "was first held in 1995", "agreed on in 2002": a series' start.
_SERIES_BEGUN: Final = re.compile(
    r"\b(?:was|were)\s+(?:first\s+(?:held|staged|conducted|launched)|launched|established|"
    r"created|founded|initiated|conceived|inaugurated|started|begun|agreed(?:\s+(?:on|upon))?)"
    r"(?:\s+\w+){0,3}?\s+in\s+$"
)
#: "Spain will not participate", "India has declined to join": who stays out.
_NOT_TAKING_PART: Final = re.compile(
    rf"\b(?:{NEGATION}|declin\w+ to\s+|refus\w+ to\s+)"
    r"(?:participat\w*|take part|taking part|join\w*|attend\w*)\b",
    re.IGNORECASE,
)
_LIST_OF: Final = re.compile(rf"\b{_LISTED}\b", re.IGNORECASE)
_OBSERVERS: Final = re.compile(r"\bobservers?\b", re.IGNORECASE)
#: A number or an indefinite count: "11", "twenty-one", "a dozen", "several".
_SOME: Final = (
    r"(?:\d+|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|\w+teen|\w+ty(?:-\w+)?|"
    r"a dozen|several|many|a number of|dozens of)"
)
#: A count before a name and a plural trigger: "eleven Sea Breeze exercises", a series.
_SERIES: Final = re.compile(rf"\b(?:{_SOME}|numerous|hundreds of)\s+(?:[A-Z][\w\-]*\s+)+$")
#: Between two names of a list: "Saber Strike 16 and Swift Response 16".
_NAME_LIST_GAP: Final = re.compile(r"(?:,| and|, and)\s+")
_FORCES_FROM: Final = re.compile(
    # The look-ahead on first letters lets the engine skip ahead (see _regex.words).
    r"(?=[cfnstuCFNSTU])\b(?:troops|forces|soldiers|servicemen|units|contingents|navies|sailors)"
    r" from\b",
    re.I,
)
#: "the exercise", "these naval drills": a definite reference to an exercise named before.
_DEFINITE: Final = re.compile(
    r"\b(?:[Tt]he|[Tt]his|[Tt]hese|[Tt]hat|[Tt]hose)\s+(?:[a-z\-]+\s+){0,2}$"
)
_NAMING: Final = re.compile(r"\b(?:[Nn]amed|[Cc]alled|[Dd]ubbed|[Cc]ode-?named|known as)\s+$")
_NAME_YEAR: Final = re.compile(r"(?:19|20)\d\d$")
_NAME_YEAR_TAIL: Final = re.compile(r"(?:[ \-](?:19|20)?\d\d)?$")
_CLAUSE_END: Final = re.compile(r", (?:as|which|while|in order|to)\b|;| -- ")
#: After a state: the arms come from it ("Russian-origin tanks", "US-made jets").
_MADE_IN: Final = re.compile(r"-(?:origin|made|built|supplied|designed|manufactured)\b")
#: An organisation whose forces act as such: "NATO paratroopers", "forces of the CSTO".
_ORG_FORCES_AFTER: Final = re.compile(
    r"\s*(?:\)\s*)?(?:rapid reaction |peacekeeping |joint )?(?:forces|troops|paratroopers|units)"
)
_ORG_FORCES_BEFORE: Final = re.compile(r"(?:forces|troops|units) of (?:the )?$")
#: "NATO's strategic drills": an organisation's own exercise.
_ORG_OWN: Final = re.compile(r"(?:'s|\u2019s)\s+(?:[a-z\-]+\s+){0,3}$")
#: "The CSTO kicked off exercise Interaction 2019", "NATO will hold drills": an organisation
#: holding the exercise itself (an organisation that only comments is no participant).
_ORG_HOLDS: Final = re.compile(
    r"\s*(?:\([A-Z]{2,}\)\s*)?(?:(?:has|have|had|will|would|is|are|was|were)\s+)?"
    r"(?:(?:also|now|jointly|recently)\s+)?"
    r"(?:h[oe]lds?|holding|conduct(?:s|ed|ing)?|launch(?:es|ed|ing)?|kick(?:s|ed|ing)? off|"
    r"beg[aiu]n(?:s|ning)?|start(?:s|ed|ing)?|stag(?:es|ed|ing)|organi[sz](?:es|ed|ing)|"
    r"open(?:s|ed|ing)?|carr(?:y|ies|ied|ying) out)\b[^.;:]{0,40}$"
)
_FRAMEWORK: Final = re.compile(r"(?:members? (?:states )?of|auspices of|under|within) (?:the )?$")


_TRIGGER_CUE: Final = Gated(_TRIGGER, "drill exercise game manoeuvre maneuver patrol training")
_PARTICIPATION_CUE: Final = Gated(_PARTICIPATION, "part join countries nations states")
_FORCES_FROM_CUE: Final = Gated(
    _FORCES_FROM, "troops forces soldiers servicemen units contingents navies sailors"
)


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


#: "navies from the US and 11 other countries": the participants are not all named here.
_OTHERS: Final = re.compile(
    rf"\band\s+{_SOME}\s+other\s+(?:countries|nations|states|navies|armies|"
    r"militaries|partners|allies)\b"
    # "troops from 34 nations", "an 18-nation exercise": more states than any list names
    rf"|\bfrom\s+{_SOME}\s+(?:countries|nations|states)\b|\b\d+-(?:nation|country)\b"
)

#: "The drills involve Emirati and US marines": the verb's objects take part.
_PARTICIPANT_PREPS: Final = (
    "from",
    "between",
    "with",
    "alongside",
    "as",
    "including",
    "included",
    "by",
)
_INVOLVING: Final = ("involve", "involves", "involved", "involving", "bring", "brings", "bringing")
_SUCH_AS: Final = re.compile(r",?\s+(?:such as|like)\s")

#: "with several Latin American countries, Canada and Germany taking part": an absolute
#: clause whose subjects are all participants.
_WITH_TAKING_PART: Final = re.compile(
    r"\bwith\b[^;:.]{0,160}?\b(?:taking part|participating|joining in)\b"
)

#: "drilled with local troops", "alongside their hosts": the state where it takes place.
_WITH_LOCALS: Final = re.compile(
    r"\b(?:with|alongside|and)\s+(?:the\s+|their\s+)?(?:local|host(?:-nation| nation)?)\s+"
    r"(?:troops|forces|soldiers|units|army|armed forces|counterparts|military|personnel|navy)\b"
    r"|\b(?:with|alongside)\s+(?:the\s+|their\s+)?hosts\b"
)


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
        match = _TRIGGER_CUE.search(text, sentence.start, sentence.end, folded) or self._known_name(
            sentence, doc
        )
        participation = (
            _PARTICIPATION_CUE.search(text, sentence.start, sentence.end, folded)
            # "troops from X will train"
            or _FORCES_FROM_CUE.search(text, sentence.start, sentence.end, folded)
            or (None if match is not None else self._forces_told(sentence, doc))
        )
        if match is None and participation is None:
            return []
        if match is not None and _separate(doc, sentence, match.start()):
            return []
        if match is not None and _SUCH_AS.match(text, match.end()):
            return []  # "exercises such as UNITAS help nations coordinate": exercises in general
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
        named = names[0] if names else None
        if named:
            m.key = m.fields["name"] = named[0]
            name_at = (sentence.start + named[1], sentence.start + named[2])
            # "The manoeuvres, called Tsentr-2019, ...": a name given to the exercise just told of.
            m.definite = m.definite or bool(_NAMING.search(sentence.text, 0, named[1]))
        add_date(m, doc, exclude=name_at if named else None)
        self._drop_origin_date(m, doc)
        if m.definite and (_leads(m, doc) or self._earlier_edition(m, doc)):
            # "In 2017 the drills were held", "the previous drills were held in 2017": an
            # earlier edition of its own
            m.definite = False
            m.fields["edition"] = True
        year = _NAME_YEAR.search(m.key or "")
        if year and "date" not in m.fields:  # "Tsentr-2015" with no other date: that year
            m.fields["date"] = DateSpan.year(int(year.group()))
            m.spans["date"] = name_at
        add_duration(m, doc)
        add_factuality(m, doc)
        add_place(m, doc)
        add_quantities(m, doc)
        if not _OBSERVERS.search(sentence.text):
            self._participants(m, doc)
        if self._told_apart(m, doc):
            return []
        if not m.key and (m.definite or not m.fields.get("participants")):
            m.anaphoric = True
        if len(names) == 1 and _SERIES.search(
            text, max(sentence.start, match.start() - 60) if match else 0, trigger.start()
        ):
            m.anaphoric = m.attach_only = True  # "eleven Sea Breeze exercises": a series
        # "held the three previous exercises in 2015, 2017 and 2018": one per edition
        return one_per_date(m, doc) or [m, *self._listed(m, sentence, names)]

    @staticmethod
    def _forces_told(sentence: Sentence, doc: Document) -> re.Match[str] | None:
        """ "More than 7,000 soldiers will carry out ...", right after drills are told of:
        a sentence opening with the forces' count tells how many take part."""
        opening = _COUNT_OPENS.match(doc.text, sentence.start, sentence.end)
        if opening is None:
            return None
        earlier = doc.sentences[max(0, sentence.index - _COUNT_REACH) : sentence.index]
        told = any(_TRIGGER_CUE.search(doc.text, s.start, s.end, doc.folded(s)) for s in earlier)
        return opening if told else None

    @staticmethod
    def _earlier_edition(m: Mention, doc: Document) -> bool:
        """Whether "the previous / last / earlier drills" with a date of their own are meant."""
        return "date" in m.fields and bool(
            _EARLIER.search(doc.text, max(m.sentence.start, m.trigger[0] - 30), m.trigger[0])
        )

    @staticmethod
    def _drop_origin_date(m: Mention, doc: Document) -> None:
        """ "The exercise was launched in 2003": the series' first year, not this edition's date
        (a year before last, when the report is dated)."""
        span, date = m.spans.get("date"), m.fields.get("date")
        if span is None or not isinstance(date, DateSpan) or doc.published is None:
            return
        window = (max(m.sentence.start, span[0] - 60), span[0])
        begun = _SERIES_BEGUN.search(doc.text, *window) or (
            _BEGAN.search(doc.text, *window)
            if _SERIES_WORD.search(doc.text, m.sentence.start, span[0])
            else None
        )
        latest = date.latest
        if begun is not None and latest is not None and latest.year < doc.published.year - 1:
            del m.fields["date"], m.spans["date"]
            m.anaphoric = True

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
        for name, begin, end in exercise_names(sentence.text):
            if name in GENERIC_OPENERS and not sentence.text[:begin].strip(" \"'\u201c"):
                continue  # "Air training exercises will include ...": capitalised as the first word
            rest = list(sentence.text[begin:end])
            for hit in doc.actors(sentence):
                for i in range(
                    max(hit.start - sentence.start, begin), min(hit.end - sentence.start, end)
                ):
                    rest[i - begin] = " "
            if any(c.isalpha() for c in rest):
                found.append((name, begin, end))
        return found

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
                found.update(name for name, _, _ in self._names(sentence, doc))
        if not found:
            return None
        return re.compile(rf"\b{literals(found)}\b")  # a trie: the longest name first

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

    def _participants(self, m: Mention, doc: Document) -> None:
        s, text = m.sentence, doc.text
        codes = subject_codes(doc, s, m.trigger[0])
        stop = _CLAUSE_END.search(text, m.trigger[1], s.end)
        codes += object_codes(
            doc,
            s,
            m.trigger[0],
            (*_PARTICIPANT_PREPS, *_INVOLVING),
            until=stop.start() if stop else None,
        )
        for force in _FORCES_FROM.finditer(text, s.start, s.end):  # "troops from X and Y"
            codes += object_codes(doc, s, force.start(), ("from",))
        if _OTHERS.search(text, s.start, s.end):  # "the United States and 11 other countries"
            m.fields["open_list"] = True
        joined = _WITH_TAKING_PART.search(text, m.trigger[0], s.end)
        if joined is not None:  # "started Monday with Latin American states, Canada and ..."
            codes += [h.code for h in doc.actors(s) if joined.start() < h.start < joined.end()]
        if m.anaphoric:  # "Alongside Ukraine and the U.S., Spain and Canada will take part."
            codes += object_codes(doc, s, s.start, ("alongside", "from", "including"))
            listed = _LIST_OF.search(text, s.start, s.end)
            if listed is not None:  # "The countries are Germany, Canada, ... and Morocco."
                codes += [h.code for h in doc.actors(s) if h.start >= listed.end()]
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
            if _ORG_FORCES_AFTER.match(text, hit.end) or _ORG_FORCES_BEFORE.search(before) or owns:
                participants.append(hit.code)
            elif _FRAMEWORK.search(before):
                framework = framework or hit.code
        for code in codes:
            if is_country_code(code):
                participants.append(code)
        framed = self._frames.roles(doc, s, JointExercise.type_tag, near=m.trigger[0])
        participants += role_codes(framed, "participants")
        outside = set(role_codes(framed, "-participants"))
        for refusal in _NOT_TAKING_PART.finditer(text, s.start, s.end):  # "Spain will not join"
            outside.update(subject_codes(doc, s, refusal.start()))
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
        participants = [c for c in unique(participants) if c not in outside]
        if participants:
            m.fields["participants"] = tuple(coded_actor(c) for c in participants)
        if framework:
            m.fields["framework"] = coded_actor(framework)

    def accept(self, event: Event) -> bool:
        """Joint means two or more states, or an organisation's forces: not one state's drill."""
        if not isinstance(event, JointExercise):
            return False
        codes = {a.code for a in event.participants}
        if not codes and event.name:  # a named exercise whose participants are not told
            return True
        return len(codes) >= 2 or any(not is_country_code(c or "") for c in codes)
