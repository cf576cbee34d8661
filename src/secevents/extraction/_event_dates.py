"""When an extracted event happened: its date, its end and its length, read from its sentence.

>>> import datetime as dt
>>> from secevents.model.events import JointExercise
>>> doc = Document("Troops held drills in Kulob on Monday.", published=dt.date(2021, 10, 28))
>>> s = doc.sentences[0]
>>> m = Mention(JointExercise, s, (s.start + 12, s.start + 18))
>>> add_date(m, doc)
>>> str(m.fields["date"])
'2021-10-25'
"""

from __future__ import annotations

import re
from typing import Final

from .. import _fastre
from ..model.dates import Bound, DatePrecision, DateSpan, PartialDate
from ..model.events import JointExercise
from ..normalize.temporal import SAYING_DAY
from ._merge_dates import refines
from .clues import LIST_JOINERS, nearest
from .document import Document, Hit
from .mention import Mention
from .sentences import Sentence

__all__ = ["TOPIC_WORDS", "add_date", "add_duration", "as_told", "one_per_date", "quoted"]


def _set(m: Mention, name: str, value: object, hit: Hit) -> None:
    m.fields[name] = value
    m.spans[name] = (hit.start, hit.end)


def _tell(m: Mention, value: DateSpan, said: str) -> None:
    """Keep how coarsely the text tells the date, as ``date_told`` (the date read, the
    date told): merging compares the days read, the event gets the date told
    (:func:`._merge_dates.close`)."""
    told = as_told(value, said)
    if told != value:
        m.fields["date_told"] = (value, told)
    else:
        m.fields.pop("date_told", None)


_WINTER: Final = 24


def as_told(value: DateSpan, said: str) -> DateSpan:
    """An event's date no finer than the text tells it.

    The normalizer reads "early November" as the first ten days and "last week" as
    seven days; an event dated so is dated by its month (or its year), since that is
    all the text gives: a span with an approximate end becomes its months ("from
    mid-August to early September": ``2019-08/2019-09``); a week or a weekend, the month
    or year holding it; "the past two years", its years.

    >>> str(as_told(DateSpan.parse("2016-11-01/2016-11-10~"), "the beginning of November"))
    '2016-11'
    >>> str(as_told(DateSpan.parse("2024-02-26/2024-03-03"), "last week"))
    '2024'
    >>> str(as_told(DateSpan.parse("2015-09-30/2017-09-30"), "the past two years"))
    '2015/2017'
    >>> str(as_told(DateSpan.parse("2021-10-11/2021-10-15"), "from Monday to Friday"))
    '2021-10-11/2021-10-15'
    >>> str(as_told(DateSpan.parse("2020-03-21~/.."), "since the end of March"))
    '2020-03'

    A season is told by its year, as the corpus conventions date an event (day, month
    or year): "this summer" in 2008 is ``2008`` (a winter, which runs into the next
    year, stays a season).

    >>> str(as_told(DateSpan.parse("2008-22"), "this summer"))
    '2008'
    """
    start, end = value.start, value.end
    if (
        isinstance(start, PartialDate)
        and start.precision is DatePrecision.SEASON
        and start.month != _WINTER  # (a winter runs into the next year: told as it is)
        and (end is None or end == start)
    ):
        return DateSpan(PartialDate(start.year))
    if isinstance(start, PartialDate) and end is Bound.OPEN:
        # "since the end of March": an event told from when on is dated by its start
        return DateSpan(_coarser(start) if start.approximate else start)
    if not (isinstance(start, PartialDate) and isinstance(end, PartialDate)):
        if isinstance(start, Bound) and isinstance(end, PartialDate) and end.approximate:
            return DateSpan(start, _coarser(end))  # "until mid-September"
        return value
    if start.approximate or end.approximate:
        first, last = _coarser(start), _coarser(end)
    elif start.day is None or end.day is None or start.unspecified or end.unspecified:
        return value
    elif _WEEK.fullmatch(said):
        return _holding(start, end)
    elif (unit := _ROLLING_UNITS.search(said)) is None:
        return value
    elif unit.group(1) == "month":
        first, last = _month(start), _month(end)
    else:
        first, last = PartialDate(start.year), PartialDate(end.year)
    return DateSpan(first) if first == last else DateSpan(first, last)


#: A week told as such, and nothing more: "last week", "early this week", "the weekend"
#: (not "the week-long drills, which started on Monday").
_WEEK: Final = _fastre.compile(
    r"(?:(?:early|earlier|late|later)\s+(?:in\s+)?)?(?:the\s+)?"
    r"(?:(?:last|this|next|past|previous|coming|same)\s+)?week(?:end)?",
    re.IGNORECASE,
)
#: A stretch up to or from the report counted in months or years: "the past two years",
#: "the next six months".
_ROLLING_UNITS: Final = _fastre.compile(
    r"\b(?:past|last|previous|next|coming)\s+(?:[\w\-]+\s+)?(month|year|decade)s?\b", re.IGNORECASE
)


def _month(day: PartialDate) -> PartialDate:
    return PartialDate(day.year, day.month) if day.month is not None else PartialDate(day.year)


def _coarser(date: PartialDate) -> PartialDate:
    """The month of a day, the year of a month: without the approximation (a season or a
    year stays as it is)."""
    if date.unspecified:
        return date  # "199X": digits left open are coarse already
    if date.day is not None:
        return _month(date)
    if date.month is not None and date.month <= 12:
        return PartialDate(date.year)
    return date


def _holding(start: PartialDate, end: PartialDate) -> DateSpan:
    """The month holding both days, else their year, else both years."""
    if start.year != end.year:
        return DateSpan(PartialDate(start.year), PartialDate(end.year))
    if start.month == end.month:
        return DateSpan(_month(start))
    return DateSpan(PartialDate(start.year))


#: Verbs saying a date is when the event began: "got under way on Monday", "began on Oct 14".
_STARTED: Final = _fastre.compile(
    r"\b(?:beg[iau]n|begins|start(?:s|ed)?|launch(?:es|ed)?|kick(?:s|ed)? off|got under ?way|"
    r"(?:gets|get|is|are|was|were) under ?way|open(?:s|ed)?|commenc(?:e|es|ed)|"
    r"resum(?:e|es|ed))\b"
)
#: Words before the day an event ends: "run through Nov 4", "will conclude on Friday".
_END_BEFORE: Final = _fastre.compile(
    r"\b(?:through|thru|till|until|ending|ends?|ended|conclud(?:e|es|ed)|finish(?:es|ed)?|"
    r"wraps? up|"
    # "which is scheduled to be completed on Sept. 25"
    r"(?:be|been)\s+(?:completed|finished|over)|"
    r"wrapped up|lasts?|lasting|running|continu(?:e|es|ing))\s+(?:(?:them|it)\s+)?"
    # "ended here on Thursday", "concluded there on Friday"
    r"(?:(?:here|there|today)\s+)?(?:on\s+|to\s+|until\s+)?$"
    # "will run to 29 October": a verb of going on, then "to"
    r"|\b(?:runs?|ran|go(?:es)? on|went on|continued|lasted)\s+to\s+$"
    # "will bring the 11-day exercise to a close on September 4"
    r"|\bto\s+(?:a|an|its)\s+(?:close|end|conclusion)\s+(?:on\s+)?$",
    re.IGNORECASE,
)
#: Verbs that tell an event has ended ("came to an end Feb. 21", "concluded on Friday").
_HAS_ENDED: Final = r"wrapped up|concluded|ended|closed|came to an end|drew to a close|was over"
#: Verbs that end an event, for the two orders below.
_ENDING: Final = rf"{_HAS_ENDED}|wraps? up|conclud(?:e|es)|ends?|completed"
#: "wrapped up the Medusa-11 exercise on Thursday": the verb of ending, then its object.
_WRAPPED_UP: Final = _fastre.compile(
    rf"\b(?:{_ENDING})\s+(?:the|their|its|a)\s+(?:[\w\-\"'\u201c\u201d\u2019]+\s+){{0,5}}?"
    r"(?:on\s+)?$"
)
#: "on Thursday concluded four-day drills": the day told before the verb of ending.
_END_AFTER: Final = _fastre.compile(rf"\s*(?:{_ENDING})\b")
#: "from Monday for two weeks": the date right after "from" is a start.
_FROM: Final = _fastre.compile(r"\b(?:from|starting|beginning)\s+(?:on\s+)?$", re.IGNORECASE)

#: A date that belongs to another event the clause tells of: "after Erdogan's speech on 22
#: September", "after a border guard violated the border earlier this week", "violations
#: that took place last June".
_OTHER_EVENT: Final = _fastre.compile(
    r"\b(?:after|following|before|ahead of|in response to|in the wake of)\s+"
    # (not a visit or talks the deal came out of: "Following a trip to the city last
    # December, the presidents reached an agreement")
    r"(?!(?:a |an |the |his |her |their |its )?(?:[\w\-]+ )?(?:visit|trip|talks|meeting|summit)\b)"
    r"[^,;.]{0,80}$"
    # "The exercises follow the navy's assumption, since last December, of command"
    r"|\b(?:follow|follows|followed|came after|come after|comes after)\s+(?:the|a|an)\s+"
    r"[^;.]{0,80}$"
    # "The declaration comes as the UK gets ready to welcome Merkel on Friday": the setting
    r"|\b(?:comes|come|came|coming)\s+as\s+[^;.]{0,110}$"
    # "during the next round of talks to be held in mid-December": the talks' own day
    r"|\b(?:talks|meetings?|consultations|summit|visit|conference|session)\s+"
    r"(?:(?:to\s+be|will\s+be|was|were|is|are|being)\s+)?(?:held|hosted|convened)\s+"
    r"(?:in|on|at)\s+(?:the\s+)?$"
    r"|\b(?:that|which)\s+(?:took place|happened|occurred|had occurred|had taken place)"
    r"\b[^,;.]{0,40}$"
    # "a warship that sank during a storm in December 2022": an incident's own date
    r"|\b(?:that|which|who)\s+(?:had\s+)?(?:sank|sunk|crashed|capsized|exploded|collapsed|"
    r"died|erupted|(?:was|were)\s+(?:killed|sunk|destroyed|shot down|wounded))\b[^;.]{0,60}$"
    # "the lease, which expires in July, would be renewed": when the old term ends
    r"|\b(?:that|which)\s+(?:expires|expired|runs out|ran out|lapses|lapsed|ends|ended|"
    r"is due to (?:expire|run out|end)|was due to (?:expire|run out|end))\b[^,;.]{0,40}$",
    re.IGNORECASE,
)
#: "the Vienna Convention on Diplomatic Relations of April 18, 1961", "Resolution 2231 of
#: 2015", "the agreement dated May 3": the date names a document, not the event.
_INSTRUMENT_OF: Final = _fastre.compile(
    r"\b(?:Convention|Treaty|Agreement|Accord|Charter|Resolution|Protocol|Declaration|Act|"
    r"Memorandum|Decree|decree|resolution|treaty)\b(?: [\w\-]+){0,6}? (?:of|dated)\s+$"
)
#: "A treaty extending the term of the 1995 agreement": the year names the deal that is
#: extended, amended or renewed, not the day of the extension.
_AMENDED_INSTRUMENT: Final = _fastre.compile(
    r"\b(?:extend\w*|extension|amend\w*|renew\w*|prolong\w*|replac\w*|supersed\w*)"
    r"\s+(?:(?:the\s+)?(?:term|terms|validity|duration|life)\s+of\s+)?(?:the|a|an|its|their)\s+$"
)
#: The deal a year names: "the 1995 agreement", "its 2006 lease".
_DEAL_NAMED: Final = _fastre.compile(
    r"\s+(?:[\w\-]+\s+)?(?:agreements?|treat(?:y|ies)|deals?|accords?|pacts?|leases?|"
    r"protocols?|memorand\w+|arrangements?|contracts?)\b",
    re.IGNORECASE,
)
#: "The deal, published on the government's website Tuesday": when a text came out.
_PUBLISHED_ON: Final = _fastre.compile(
    r"\b(?:published|posted|released|made public|made available|leaked|uploaded|"
    r"obtained|disclosed|revealed)\b[^,;.]{0,60}?\s(?:on\s+)?$"
)
#: The verb of the event itself before its day: "the drills would begin on November 5",
#: "are to be held in Gyumri from May 3".
_OWN_VERB: Final = _fastre.compile(
    r"\b(?:begin|begins|began|start|starts|commence|commences|kick off|kicks off|"
    r"take place|takes place|be held|be staged|be conducted)\b"
    r"(?:\s+(?:in|at|near|off)\s+[A-Z][\w\-]*(?:\s+[A-Z][\w\-]*)?)?(?:\s+(?:on|in|from|between))?\s+$"
)
#: "Joint drills, first held in 2005, began on Monday": when a series began.
_SERIES_ORIGIN: Final = _fastre.compile(
    r"\b(?:first|initially|originally)\s+(?:held|staged|conducted|launched|started|"
    r"organi[sz]ed)\s+(?:in|on)\s+(?:the\s+)?$"
)
#: A text that came out, as the subject: "the letter was circulated as a UN document".
_CAME_OUT: Final = _fastre.compile(
    r"\s+(?:was|were|has been|have been|had been|is|are|will be|would be|is to be|"
    r"was to be)\s+(?:also\s+)?"
    r"(?:circulated|published|released|made public|distributed|posted|leaked|disclosed|"
    r"revealed)\b"
)
#: "..., the ministry reported on Aug. 12": a trailing attribution's date is when it was said.
_SAID_ON: Final = _fastre.compile(
    r",[\"\u201d]? (?:[\w\-.'\u2019]+ ){1,6}(?:said|reported|announced|stated|added|confirmed)\s+"
    r"(?:on\s+)?$"
)

#: What a message is about or says, and so the dates of it: "a protest over an action near
#: the embassy on March 24", "a note saying the 1991 agreement was broken".
TOPIC_WORDS: Final = (
    r"over|about|against|concerning|regarding|condemning|denouncing|"
    # "a protest at the vandalisation of the consulate in San Francisco"
    r"at\s+(?:the\s+)?(?:\w+(?:tion|sion|ment|ing)|attacks?|killings?|decision|moves?|remarks)"
)
_TOPIC: Final = _fastre.compile(
    rf"\b(?:{TOPIC_WORDS}|saying|stating|expressing|setting out|conveying|"
    # (a relative clause goes on with what it is about: "actions by X, who on April 24 ...")
    r"which (?:said|says|stated)|that (?:said|says)|"
    # "In a letter to the Council, the envoy noted that on 28 September troops attacked":
    # what the writer says in it
    r"(?:noted|notes|stated|states|wrote|writes|stressed|stresses|recalled|recalls|"
    r"pointed out|points out|underlined|underlines|informed\s+\w+|reminded\s+\w+)\s+that"
    # (not "noted that the note was delivered on Tuesday": the message's own day)
    r"(?!\s+(?:the|its|a|their)\s+(?:[\w\-]+\s+)?(?:notes?|letters?|protests?|messages?|"
    r"d[eé]marches?|complaints?)\b))"
    r"\s+(?:[^,;.]|,(?=\s+(?:who|which)\s)){0,140}$"
    # "protested to the UN the violations of its airspace, during the period 16 March -
    # 8 June": the wrongs a message protests, and their dates
    r"|\b(?:violations?|incursions?|intrusions?|provocations?)\b[^;.]{0,100}$",
    re.IGNORECASE,
)
#: A party named right after "against": "lodged a protest against China on Tuesday".
_AGAINST_PARTY: Final = _fastre.compile(r"against\s+(?:the\s+)?", re.IGNORECASE)
#: What may stand between a party and the day after it.
_BEFORE_DAY: Final = _fastre.compile(r"[\s\"\u201d]*(?:(?:on|last|this|late|early)\s+)?")


def _of_the_topic(doc: Document, m: Mention, hit: Hit) -> bool:
    """Whether ``hit`` dates what a message is about ("a protest over the shelling on
    March 15"), not the message: not when the phrase names only the party protested
    against ("lodged a strong protest against China on Tuesday")."""
    text = doc.text
    found = _TOPIC.search(text, m.trigger[1], hit.start)
    if found is None:
        return False
    lead = _AGAINST_PARTY.match(text, found.start())
    if lead is None:
        return True
    end: int | None = None  # where the parties named so far end
    for party in (a for a in doc.actors(m.sentence) if lead.end() <= a.start < hit.start):
        # "against Japan and China on Tuesday": the parties, listed
        if end is None:
            joined = party.start == lead.end()
        else:
            joined = LIST_JOINERS.fullmatch(text, end, party.start) is not None
        if not joined:
            return True
        end = party.end
        if _BEFORE_DAY.fullmatch(text, end, hit.start):
            return False
    return True


#: The message as the subject of a verb of saying: "The note verbale said ...".
_MESSAGE_SAYS: Final = _fastre.compile(
    r"\s+(?:also\s+)?(?:said|says|stated|states|noted|notes|read|reads|added|alleged)\b"
)

_PRONOUN_START: Final = _fastre.compile(r"(?:He|She|It|They|This|These)\b")


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
    if _CAME_OUT.match(text, m.trigger[1]):
        return  # "On Thursday the letter was circulated": when the text came out
    candidates = [
        h
        for h in doc.dates(m.sentence)
        if (h.start, h.end) not in skip
        and not (says and h.start > m.trigger[1])
        and not _of_another_event(text, start, h, m.trigger)
        and not (topic and h.start > m.trigger[1] and _of_the_topic(doc, m, h))
        and not quoted(text, start, h.start, m.trigger[0])
        and not _INSTRUMENT_OF.search(text, max(start, h.start - 100), h.start)
        and not (
            _AMENDED_INSTRUMENT.search(text, max(start, h.start - 60), h.start)
            and _DEAL_NAMED.match(text, h.end)
        )
        and not _PUBLISHED_ON.search(text, max(start, h.start - 80), h.start)
        and not _SERIES_ORIGIN.search(text, max(start, h.start - 40), h.start)
        and not _said_then_of_one_told_before(text, start, h, m.trigger[0])
        and not _today_in_a_quote(text, start, h)
    ]
    # The day it was said ("..., the ministry said on Wednesday") dates an event the
    # sentence gives no day of its own: what is announced without a day of its own is
    # dated by its announcement. So is a plan said then ("said on Friday that the US will
    # set up a base"), but not drills still to come, whose day is their own.
    told_then = [h for h in candidates if _said_then_of_the_future(text, start, h, m.trigger[0])]
    if issubclass(m.event_type, JointExercise):
        candidates, told_then = [h for h in candidates if h not in told_then], []
    said_days = told_then + [
        h
        for h in candidates
        if h.start > m.trigger[1]
        and _SAID_ON.search(text, max(m.trigger[1], h.start - 80), h.start)
        and h not in told_then
    ]
    hits = [h for h in candidates if h not in said_days] or said_days
    if exclude is not None:
        hits = [h for h in hits if h.end <= exclude[0] or h.start >= exclude[1]]
    # "until the end of the month" tells when the event ends, not when it is: another day
    # of the sentence ("On Monday ... launched") dates it
    hits = [h for h in hits if not _end_alone(h)] or hits
    # "Russia announced on Monday that joint drills would begin on November 5": the day
    # the event's own verb takes, after its trigger, over a nearer day of the saying
    own = [
        h
        for h in hits
        if h.start > m.trigger[1]
        and _OWN_VERB.search(text, max(m.trigger[1], h.start - 60), h.start)
    ]
    if own and not _finer_day_at_trigger(text, m, hits, own):
        hits = own
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
            # (not a day the event ended on: "completed the drill on Friday. It was the
            # first time ..." borrows no start)
            hits = [h for h in doc.dates(previous) if not _told_as_end(text, previous, h)]
    if not hits and _SAME_DAY.search(m.sentence.text):
        # "Later in the day, Greece summoned the envoy": the day told just before
        for earlier in reversed(doc.sentences[max(0, m.sentence.index - 3) : m.sentence.index]):
            days = [h for h in doc.dates(earlier) if _is_day(h.value)]
            if days:
                hits = days[-1:]
                break
    # A dateline's day ("TASHKENT, May 20 (Agency) -") is when the report was filed, not
    # when the event happened: an event the text does not date stays undated.
    hit = nearest(hits, m.trigger[0] if at is None else at)
    if hit is not None and isinstance(hit.value, DateSpan):
        _set(m, "date", hit.value, hit)
        _tell(m, hit.value, text[hit.start : hit.end])


#: The day of speaking, named from the speaker's side: "today", "this morning".
_SPEAKERS_DAY: Final = frozenset(
    {"today", "tonight", "this morning", "this afternoon", "this evening"}
)


def _today_in_a_quote(text: str, start: int, hit: Hit) -> bool:
    """Whether ``hit`` is "today" inside a quotation ('"Shah was summoned today," the
    ministry said'): the day the words were said, which the report need not be dated
    (a day restated in brackets, "today (Sunday)", still dates it)."""
    if text[hit.start : hit.end].lower() not in _SPEAKERS_DAY:
        return False
    before = text[start : hit.start]
    inside = before.count('"') % 2 == 1 or before.count("\u201c") > before.count("\u201d")
    return inside and not text.startswith((" (", "\u00a0("), hit.end)


def _end_alone(hit: Hit) -> bool:
    """Whether ``hit`` gives an end with no start ("until the end of the month")."""
    return isinstance(hit.value, DateSpan) and isinstance(hit.value.start, Bound)


def _of_another_event(text: str, start: int, hit: Hit, trigger: tuple[int, int]) -> bool:
    """Whether ``hit`` dates another event the clause names ("after talks on Monday"), not
    the one whose trigger is inside that phrase ("After jets flew in for joint drills
    earlier in December, media claimed ...")."""
    other = _OTHER_EVENT.search(text, max(start, hit.start - 120), hit.start)
    return other is not None and not other.start() < trigger[0] < hit.start


def _said_then_of_the_future(text: str, start: int, hit: Hit, trigger: int) -> bool:
    """Whether ``hit`` is the day something was said of an event still to come: "Peskov
    said Tuesday that China will take part in the exercise"."""
    return hit.end <= trigger and (
        (
            SAYING_DAY.search(text, max(start, hit.start - 30), hit.start) is not None
            and _FUTURE_THAT.match(text, hit.end, trigger) is not None
        )
        # "On Sunday the government of Venezuela confirmed that Russian vessels will join"
        or _SAID_THEN_THAT_FUTURE.match(text, hit.end, trigger) is not None
    )


def _said_then_of_one_told_before(text: str, start: int, hit: Hit, trigger: int) -> bool:
    """Whether ``hit`` is the day someone spoke of an event named before: "On Tuesday the
    minister insisted the agreement was no new development" (the agreement's own day is
    not told)."""
    return hit.end <= trigger and _SAID_OF_THE.fullmatch(text, hit.end, trigger) is not None


#: "[On Tuesday] Colombian Defence Minister Gabriel Silva insisted the [agreement]": a
#: verb of saying, then the definite noun of the event.
_SAID_OF_THE: Final = _fastre.compile(
    r"[,\s]+(?:[A-Z][\w.\-']*\s+){0,6}(?:said|insisted|stressed|argued|claimed|maintained|"
    r"noted|added|told\s+[\w\s]{1,30}?)\s+(?:that\s+)?(?:the|this)\s+(?:[\w\-]+\s+){0,2}"
)


#: A day told before its speaker: "[On Sunday] the government confirmed that ... will".
_SAID_THEN_THAT_FUTURE: Final = _fastre.compile(
    # (not "On Monday, the navies began what officials said will be ...": the drills' day)
    r"[,\s]+(?:(?!what\b|began\b|launched\b|started\b|opened\b|held\b|kicked\b)"
    r"[\w.\-'\u2019]+\s+){0,8}?(?:said|announced|confirmed|stated|declared|"
    r"reported|told\s+[\w\s]{1,30}?)\s+(?:that\s+)?[^.;]{0,120}?"
    r"\b(?:will|would|shall|is to|are to|plans? to|to be held)\b"
)
#: What was said is still to come: "that China will take part", "that drills would begin".
_FUTURE_THAT: Final = _fastre.compile(
    r"\s+(?:that\s+)?[^.;]{0,120}?\b(?:will|would|shall|is to|are to|plans? to|to be held)\b"
)


def _finer_day_at_trigger(text: str, m: Mention, hits: list[Hit], own: list[Hit]) -> bool:
    """Whether a day told right after the trigger ("exercises on Monday, ... the second
    round to take place this year") is finer than every date an own verb takes."""
    days = [
        h
        for h in hits
        if h not in own and _is_day(h.value) and _RIGHT_AFTER.fullmatch(text, m.trigger[1], h.start)
    ]
    return bool(days) and not any(_is_day(h.value) for h in own)


#: Between the trigger and its own day: "exercises on Monday", "drills that began Monday".
_RIGHT_AFTER: Final = _fastre.compile(r"\s+(?:(?:[a-z]+\s+){0,2}(?:on|this|last|next)\s+)?")
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


#: "letters to the President of the Council ... were written on August 1, 6 and 13": the
#: verb that dates the messages, however long their addressee.
_DATED_BY_VERB: Final = _fastre.compile(
    r"\b(?:were|was|had\s+been|have\s+been)\s+(?:written|sent|dated|delivered|submitted|"
    r"handed\s+over|lodged|filed|issued|held|conducted|staged)\s+(?:on|in)\s+$"
)


def one_per_date(m: Mention, doc: Document, *, reach: int = 60) -> list[Mention]:
    """One copy of ``m`` per date listed right after its plural trigger ("letters on
    May 3 and June 9", "exercises in 2015, 2017 and 2018"); none unless there are two."""
    text, end = doc.text, m.trigger[1]
    if not text.startswith("s", end - 1):
        return []
    hits = [h for h in doc.dates(m.sentence) if end < h.start and isinstance(h.value, DateSpan)]
    first = hits[0].start if hits else end
    if first - end >= reach and not _DATED_BY_VERB.search(text, end, first):
        hits = []  # (the list runs on from its first date: "on August 1, 6, 13 and 26")
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
        copy = m.copy()
        _set(copy, "date", hit.value, hit)
        copy.fields.pop("date_told", None)
        if isinstance(hit.value, DateSpan):
            _tell(copy, hit.value, text[hit.start : hit.end])
        copies.append(copy)
    return copies


def quoted(text: str, start: int, at: int, trigger: int) -> bool:
    """Whether ``text[at]`` is inside a quotation that the trigger is outside of."""

    def inside(position: int) -> bool:
        before = text[start:position]
        return before.count('"') % 2 == 1 or before.count("\u201c") > before.count("\u201d")

    return inside(at) and not inside(trigger)


def add_duration(m: Mention, doc: Document, *, exclude: tuple[int, int] | None = None) -> None:
    """An exact length in days ("over six days", "will last 10 days") as ``duration``.

    Whether the sentence says the event begins on its date ("got under way on
    Monday") is kept as ``started``; :func:`.merge.merged_fields` turns a start day
    and a duration into an interval. Approximate lengths ("about 10 days") are not used.
    """
    from ..model.vocab import Qualifier
    from ..normalize import find_durations

    s = m.sentence
    of_the_event = False
    for found in find_durations(s.text):
        value = found.value
        if value is None or found.start is None or found.end is None:
            continue
        if _LENGTH_OF_OTHER.match(s.text, found.end):
            continue  # "a 44-day war", "a three-day visit": the length of something else
        if value.qualifier is Qualifier.EXACT and value.unit in ("day", "week"):
            _set(m, "duration", value, Hit(s.start + found.start, s.start + found.end, value))
            trigger = m.trigger[0] - s.start
            of_the_event = _MODIFIERS.fullmatch(s.text, found.end, trigger) is not None
            break
    _add_end(m, doc, exclude)
    date_at = m.spans.get("date")
    from_date = date_at is not None and _FROM.search(doc.text, s.start, date_at[0])
    # "will hold a two-day drill on Friday": the day told after drills of a stated length
    # is the first of them (a day they end on was taken as their end just above); told
    # first ("On Monday, ... held weeklong drills") it may be any of them
    length_said = (
        of_the_event
        and date_at is not None
        and date_at[0] > m.trigger[1]
        and _is_day(m.fields.get("date"))
    )
    if "date" in m.fields and (
        from_date or length_said or _STARTED.search(doc.text, s.start, s.end)
    ):
        m.fields["started"] = True


#: The words between a length and the noun it measures: "two-day [joint naval] drill".
_MODIFIERS: Final = _fastre.compile(r"(?:[ \-]+[a-z][\w\-]*){0,3}?[ \-]+")


_LENGTH_OF_OTHER: Final = _fastre.compile(
    r"(?:-long)?\s+(?:war|visit|trip|tour|strike|ceasefire|truce|siege|conflict|offensive|"
    r"fighting|battle|standoff|summit|conference|talks|meeting|stay|holiday|quarantine)\b"
)


def _told_as_end(text: str, s: Sentence, hit: Hit) -> bool:
    """Whether the sentence tells ``hit`` as the day something ended ("concluded on")."""
    return bool(
        _END_BEFORE.search(text, max(s.start, hit.start - 30), hit.start)
        or _WRAPPED_UP.search(text, max(s.start, hit.start - 70), hit.start)
        or _END_AFTER.match(text, hit.end)
    )


def _add_end(m: Mention, doc: Document, exclude: tuple[int, int] | None = None) -> None:
    """The day the event ends, when the text says so ("run through Nov 4", "will end on
    Friday"), as ``end``; the date read for the mention moves there when it is that day."""
    text, s = doc.text, m.sentence
    for hit in doc.dates(m.sentence):
        value = hit.value
        if not isinstance(value, DateSpan):
            continue
        if exclude is not None and exclude[0] <= hit.start < exclude[1]:
            continue  # "Exercise Cobra Gold 2014 came to an end": the name's year, no end
        value = as_told(value, text[hit.start : hit.end])
        until = value.is_interval and isinstance(value.start, Bound) and value.end is not None
        if value.is_interval and not until:
            continue
        if until or _told_as_end(text, s, hit):
            if not until and _ended_then(m, doc, hit, value):
                # "Cobra Gold 2014 came to an end Feb. 21": drills told only by the day
                # they ended are dated by it (their start is untold, and the year in
                # their name holds that day)
                # (also as its end: a length told elsewhere counts back from it)
                m.fields["date"] = m.fields["end"] = value
                m.spans["date"] = m.spans["end"] = (hit.start, hit.end)
                return
            # "until April 29" reads as an end with an unknown start: its end is the end
            end = DateSpan(value.end) if until and isinstance(value.end, PartialDate) else value
            m.fields["end"] = end
            m.spans["end"] = (hit.start, hit.end)
            if m.spans.get("date") == (hit.start, hit.end):
                del m.fields["date"], m.spans["date"]
            return


#: A verb telling that the event has ended (not "will be concluded on November 5": an
#: end still to come).
_ENDED: Final = _fastre.compile(rf"\b(?<!be )(?<!been )(?:{_HAS_ENDED})\b")


def _ended_then(m: Mention, doc: Document, hit: Hit, value: DateSpan) -> bool:
    """Whether ``hit`` is the day a past event ended and the event has no day of its own
    (no date, or only a year or month that holds that day) nor a length to count back."""
    if "duration" in m.fields or value.precision is not DatePrecision.DAY:
        return False
    text, s = doc.text, m.sentence
    ended = _ENDED.search(text, max(s.start, hit.start - 40), hit.start) or _ENDED.match(
        text, hit.end + 1
    )
    if ended is None or _of_another_event(text, s.start, hit, m.trigger):
        return False  # ("held drills after the dialogue ended on Monday": the talks' end)
    date = m.fields.get("date")
    if date is None or m.spans.get("date") == (hit.start, hit.end):
        return True
    return (
        isinstance(date, DateSpan)
        and not date.is_interval
        and date.precision is not DatePrecision.DAY
        and date.contains(value)
    )
