"""Merging the mentions of one event across sentences, and telling main from background events.

Mentions of a type join the latest compatible cluster: the same name, overlapping
dates, the same named place and shared actors. A mention that only refers back
("the drills", "troops from X are taking part") with no date of its own joins the
report's first cluster of that type.

>>> import datetime as dt
>>> from .exercise import ExerciseRecognizer
>>> doc = Document("Russian and Tajik troops held drills on Oct. 23. The drills drew "
...                "5,000 troops from Russia and Tajikistan.", published=dt.date(2021, 10, 28))
>>> r = ExerciseRecognizer()
>>> mentions = [m for s in doc.sentences for m in r.recognize(s, doc)]
>>> [len(c.mentions) for c in merge_mentions(mentions)]
[2]
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from typing import Any, Final

import attrs

from .. import _fastre
from ..model.actors import Actor
from ..model.amounts import Equipment, Quantity
from ..model.codes import is_country_code
from ..model.dates import DatePrecision, DateSpan
from ..model.events import BaseConstruction, JointExercise
from ..model.places import Location
from ..model.vocab import ConstructionStatus, Factuality, LocationPrecision, Medium
from ..normalize.temporal import Duration
from ._exercise_names import KIND_ADJECTIVES
from ._merge_dates import close, closes, long_before_the_end, refines, widens
from .clues import unique
from .common import EXERCISE_NOUNS
from .document import Document
from .mention import Mention
from .sentences import Sentence, unstopped

__all__ = ["Cluster", "is_background", "merge_mentions"]

_ROLE_FIELDS: Final = ("builder", "host", "sender", "recipient", "participants", "speaker")
#: When mentions of one base give several statuses, the furthest along wins.
_STATUS_RANK: Final = {
    ConstructionStatus.PROPOSED: 0,
    ConstructionStatus.CANCELLED: 1,
    ConstructionStatus.AGREED: 2,
    # A deal or plan the report says is denied is denied, whatever others claimed of it.
    ConstructionStatus.DENIED: 3,
    ConstructionStatus.UNDER_CONSTRUCTION: 4,
    # Built, then opened: "China has opened its first base abroad ... the base was built
    # so that ..." is operational.
    ConstructionStatus.COMPLETED: 5,
    ConstructionStatus.OPERATIONAL: 6,
}
_BACKGROUND_DAYS: Final = 45
#: Days within which two steps of one status are one milestone (two denials months
#: apart are two events).
_SAME_MILESTONE_DAYS: Final = 45
#: Statuses reached in several steps that a report collapses into one event.
_STEPPED: Final = frozenset({ConstructionStatus.AGREED, ConstructionStatus.PROPOSED})


@attrs.define(weakref_slot=False)
class Cluster:
    """The mentions of one event, in text order.

    The first value of each field, the actors' codes and the name are kept as mentions
    join, so that comparing a mention with a cluster costs the same however many
    mentions it holds.
    """

    mentions: list[Mention] = attrs.field(factory=list)
    _codes: set[str] = attrs.field(init=False, factory=set)
    _first: dict[str, Any] = attrs.field(init=False, factory=dict)
    _key: str | None = attrs.field(init=False, default=None)
    _firmly_dated: bool = attrs.field(init=False, default=False)
    _media: set[Any] = attrs.field(init=False, factory=set)
    _aliases: set[str] = attrs.field(init=False, factory=set)

    def __attrs_post_init__(self) -> None:
        mentions, self.mentions = self.mentions, []
        for m in mentions:
            self.add(m)

    def add(self, m: Mention) -> None:
        """Append ``m`` (mentions come in text order; a headline's summary, last, see
        :func:`_fold_headlines`)."""
        self.mentions.append(m)
        self._codes.update(_codes(m))
        for name, value in m.fields.items():
            if value is not None:
                self._first.setdefault(name, value)
        self._key = self._key or m.key
        self._firmly_dated = self._firmly_dated or "date" in m.fields
        if "medium" in m.fields:
            self._media.add(m.fields["medium"])
        self._aliases.update(m.fields.get("aliases", ()))

    @property
    def first(self) -> Mention:
        """The mention that opened the cluster."""
        return self.mentions[0]

    def value(self, name: str) -> Any:
        """The first value of field ``name`` among the mentions (None if none has it)."""
        return self._first.get(name)

    def codes(self) -> set[str]:
        """Codes of every actor in a role."""
        return self._codes

    def key(self) -> str | None:
        """The event's name, if a mention gives one."""
        return self._key

    def firmly_dated(self) -> bool:
        """Whether a mention dates the event."""
        return self._firmly_dated

    def aliases(self) -> set[str]:
        """Other names its mentions give the event ("Zapad 2009 (West 2009)")."""
        return self._aliases

    def media(self) -> set[Any]:
        """The forms its mentions give a message (a protest note, a letter...)."""
        return self._media


def _codes(m: Mention) -> list[str]:
    out: list[str] = []
    for name in _ROLE_FIELDS:
        value = m.fields.get(name)
        actors = value if isinstance(value, tuple) else (value,)
        out += [a.code or a.country or "" for a in actors if isinstance(a, Actor)]
    return [c for c in out if c]


def _dates_agree(cluster: Cluster, m: Mention) -> bool:
    theirs, ours = cluster.value("date"), m.fields.get("date")
    if long_before_the_end(cluster.value("end"), ours):
        return False  # "concluded a drill on Saturday" ... "Last November, a drill was held"
    if isinstance(ours, DateSpan) and not isinstance(theirs, DateSpan):
        # A dated milestone of another status is its own event ("In January the UAE
        # applied for a base", then undated news of its approval); a restated plan is not.
        status, own = cluster.value("status"), m.fields.get("status")
        settled = _settled(status) and _settled(own)  # "running a base ... It was built in 2016"
        return (
            status in (None, own)
            or own is None
            or settled
            or bool(m.fields.get("said"))
            # the headline "Britain to open naval base in Bahrain" sums up the deal told below
            or all(_headline(c.sentence) for c in cluster.mentions if "status" in c.fields)
        )
    if not isinstance(theirs, DateSpan) or not isinstance(ours, DateSpan):
        return True
    if theirs.overlaps(ours):
        return True
    if not _codes(m) and _within(theirs, cluster.value("end"), ours):
        return True  # (drills of named states on a day inside the span may be others)
    if _earlier_plan(cluster.value("status"), theirs, m.fields.get("status"), ours):
        return True
    if _going_on_since(theirs, m) and _same_setting(cluster, m):
        return True
    # The steps of one agreement or proposal (draft, approval, signature, ratification)
    # are one event; two denials or openings months apart are two.
    status = cluster.value("status")
    if status is None or status != m.fields.get("status"):
        return False
    a, b = theirs.earliest, ours.earliest
    if a is None or b is None:
        return False
    if status in _STEPPED:
        return abs(a.year - b.year) <= 1
    if status is ConstructionStatus.DENIED:
        return False  # a denial is said on a day: one on another day is another denial
    # An opening "set up on July 11" and its ceremony on August 1 are one milestone.
    return abs((a - b).days) <= _SAME_MILESTONE_DAYS


def _going_on_since(held: object, m: Mention) -> bool:
    """Whether drills told as going on ("have closed ranks this week in military
    exercises") are those ``m`` tells to have begun on a day a few days before ("began
    joint military exercises last Wednesday, August 28"): then that day is their date."""
    date = m.fields.get("date")
    days = _days_since_begun(held, m)
    return (
        isinstance(date, DateSpan)
        and date.precision is DatePrecision.DAY
        and days is not None
        and 0 < days <= _ONGOING_DAYS
    )


def _same_setting(cluster: Cluster, m: Mention) -> bool:
    """Whether the event and the mention are told in the same place, or one tells none:
    "drills in the Sea of Japan on Wednesday" and "exercises begun in Tajikistan on
    Friday" are two."""
    held, told = cluster.value("location"), m.fields.get("location")
    if not (isinstance(held, Location) and isinstance(told, Location)):
        return True
    if held.country and told.country:
        return bool(held.country == told.country)
    return bool(held.name == told.name)


def _headline_statement(cluster: Cluster, m: Mention) -> bool:
    """Whether a joint statement is told in the headline and again below ("Kingdom,
    Washington agree declaration", then "Saudi Arabia and the US agreed on ..."): one."""
    return (
        m.fields.get("medium") is Medium.JOINT_STATEMENT
        and cluster.value("medium") is Medium.JOINT_STATEMENT
        and (_headline(cluster.first.sentence) or _headline(m.sentence))
    )


def _headline(sentence: Sentence) -> bool:
    """Whether ``sentence`` is the report's headline: its first line, with no full stop."""
    return sentence.index == 0 and unstopped(sentence)


def _title_line(sentence: Sentence) -> bool:
    """Whether ``sentence`` is a line with no full stop among the report's first two: the
    headline, or the one after a line giving the day ("Friday, November 04, 2011")."""
    return sentence.paragraph <= 1 and unstopped(sentence)


def _within(start: DateSpan, end: object, date: DateSpan) -> bool:
    """Whether ``date`` falls between an event's start and the end told apart from it
    ("began on Monday ... until the end of the month", then a post of June 21)."""
    if not isinstance(end, DateSpan):
        return False
    first, last, day = start.earliest, end.latest, date.earliest
    return first is not None and last is not None and day is not None and first <= day <= last


def _earlier_plan(status: object, date: DateSpan, own: object, own_date: DateSpan) -> bool:
    """Whether a mention restates the earlier plan of a base since agreed or being built.

    "In April 2016 the minister said a base would be set up" in a report on its 2017
    agreement is that base, not another one.
    """
    if own is not ConstructionStatus.PROPOSED or status is None:
        return False
    if _STATUS_RANK.get(status, 0) <= _STATUS_RANK[ConstructionStatus.PROPOSED]:  # type: ignore[call-overload]
        return False
    start, end = date.earliest, own_date.latest
    return start is not None and end is not None and end < start


def _settled(status: object) -> bool | None:
    if status is None:
        return None
    return status in (ConstructionStatus.OPERATIONAL, ConstructionStatus.COMPLETED)


def _places_agree(cluster: Cluster, m: Mention) -> bool:
    theirs, ours = cluster.value("location"), m.fields.get("location")
    if not isinstance(theirs, Location) or not isinstance(ours, Location):
        return True
    local = (LocationPrecision.SETTLEMENT, LocationPrecision.POINT, LocationPrecision.ADMIN1)
    if theirs.precision not in local or ours.precision not in local:
        return True
    if LocationPrecision.ADMIN1 in (theirs.precision, ours.precision) and (
        theirs.precision != ours.precision
    ):  # "a naval base in Gujarat", then "commissioned at Porbandar": the town in the region
        return theirs.country == ours.country
    return theirs.name == ours.name


_NAME_PARTS: Final = _fastre.compile(
    r"(?:(?:Ex|Exercise|Operation|Op)\.?\s+)?(?P<core>.+?)(?:[ \-](?P<year>(?:19|20)?\d\d))?",
    re.IGNORECASE,
)


_KIND_AFTER_NAME: Final = _fastre.compile(
    rf"(?:\s+(?:{KIND_ADJECTIVES}))*\s+(?:{EXERCISE_NOUNS})$", re.IGNORECASE
)


def _same_name(one: str, two: str) -> bool:
    """Whether two names are one ("Joint Sea 2021", "Russian-Chinese Joint Sea 2021", "Joint Sea").

    >>> _same_name("Joint Sea 2021", "Russian-Chinese Joint Sea 2021")
    True
    >>> _same_name("Tsentr-2019", "Tsentr-2015")
    False
    >>> _same_name("Exercise Balikatan 2025", "Balikatan 25")
    True
    >>> _same_name("Malabar Naval Exercise 2017", "Malabar 2017")
    True
    """
    # "INDRA-21" and "Indra-21": a name in capitals in one sentence is the same name
    one, two = one.casefold(), two.casefold()
    short, long = sorted((one, two), key=len)
    if long == short or long.startswith((short + " ", short + "-")):
        return True
    if long.endswith((" " + short, "-" + short)):
        return True
    # "Ex Indra 2017" and "Indra": one name once the prefix and the year are set aside,
    # unless both give a year and the years differ (Tsentr-2015 is not Tsentr-2019).
    (core_a, year_a), (core_b, year_b) = _core(one), _core(two)
    return core_a == core_b and not (year_a and year_b and year_a != year_b)


def _same_edition(one: str | None, two: str | None) -> bool:
    """Whether both names give one edition of a series by its year ("Defenders of
    Friendship 2021" opened on the 17th and "launching Defenders of Friendship 2021"
    today): one event, whatever day each sentence dates.

    >>> _same_edition("Defenders of Friendship 2021", "Defenders of Friendship-2021")
    True
    >>> _same_edition("Joint Sea", "Joint Sea")
    False
    """
    if not one or not two:
        return False
    (core_a, year_a), (core_b, year_b) = _core(one.casefold()), _core(two.casefold())
    return bool(year_a) and year_a == year_b and core_a == core_b


def _core(name: str) -> tuple[str, str]:
    """A name without a prefix such as "Ex" or "Exercise" and without its year."""
    match = _NAME_PARTS.fullmatch(name)
    if match is None:
        return name, ""
    year = match.group("year") or ""
    # "Malabar Naval Exercise 2017" is "Malabar 2017": the kind of event is no part of it
    core = _KIND_AFTER_NAME.sub("", match.group("core")) or match.group("core")
    # "Balikatan 25" is "Balikatan 2025": a short year is this century's
    return core, "20" + year if len(year) == 2 else year


def _compatible(
    cluster: Cluster, m: Mention, *, any_date: bool = False, any_actor: bool = False
) -> bool:
    """Whether ``m`` may be a mention of the cluster's event.

    With ``any_actor`` (a mention that only adds to an event told of before), shared
    actors are not needed and its own reading of the builder and sender gives way.
    """
    if cluster.first.event_type is not m.event_type:
        return False
    key, own = cluster.key(), m.key
    if (
        key
        and own
        and not any(
            _same_name(theirs, ours)
            for theirs in (key, *cluster.aliases())
            for ours in (own, *m.fields.get("aliases", ()))
        )
    ):
        return False
    if bool(m.fields.get("earlier")) != bool(cluster.value("earlier")):
        return False  # "Earlier the navy had conducted an exercise with Australia"
    if m.fields.get("other_channel") and not cluster.value("at_recipient"):
        return False  # "Also on Tuesday, the ambassador to Japan protested": one more message
    if (
        _delivered_apart(cluster, m)
        or _another_form_done(cluster, m)
        or _statement_and_note(cluster, m)
    ):
        return False
    if _other_site_same_sentence(cluster, m):
        return False  # "building a base in Romania and a base in Poland": two bases
    if m.fields.get("own_clause") and any(
        c.sentence is m.sentence and c.trigger != m.trigger for c in cluster.mentions
    ):
        return False  # "began drills, after a similar drill with the US": another one
    # The tests are pure: the cheap ones on actors first, as most clusters a mention is
    # compared with in a long text fail them, then the dates and places.
    if not (
        any_actor
        or _headline_statement(cluster, m)
        or (_same_parties(cluster, m) and _actors_agree(cluster, m))
    ):
        return False
    if m.fields.get("another") and not set(_codes(m)) <= cluster.codes():
        return False  # "Also this week, Egyptian and Russian paratroopers began training"
    sited = m.event_type is BaseConstruction
    dated = any_date or _same_edition(key, own) or _dates_agree(cluster, m)
    if not (dated and (not sited or _places_agree(cluster, m))):
        return False
    if (
        sited
        and cluster.value("status") is ConstructionStatus.AGREED
        and m.fields.get("status") is ConstructionStatus.PROPOSED
        and "date" in m.fields
        and not cluster.firmly_dated()
        and _TALKS.search(m.sentence.text) is not None
    ):
        # "A consensus has been reached on a base ... reports since May 2015 of talks on a
        # base": the talks told with their own date went before the deal
        return False
    settled = (_settled(cluster.value("status")), _settled(m.fields.get("status")))
    # a base already running is not the one being planned (an opening still to come, "said
    # the camp would open next month", is the plan's)
    planned = Factuality.PLANNED == m.fields.get("factuality") == cluster.value("factuality")
    return not (sited and not planned and None not in settled and settled[0] != settled[1])


#: Talks on a base: "in discussions with the Chinese about a possible base".
_TALKS: Final = _fastre.compile(r"\b(?:discussions?|talks|negotiat\w+|consultations)\b")


def _other_site_same_sentence(cluster: Cluster, m: Mention) -> bool:
    """Whether ``m`` is a base in another state told in the same sentence as one of the
    cluster's ("a base in Romania and a base in Poland")."""
    host = m.fields.get("host")
    if m.event_type is not BaseConstruction or host is None:
        return False
    return any(
        c.sentence is m.sentence and c.fields.get("host") not in (None, host)
        for c in cluster.mentions
    )


def _delivered_apart(cluster: Cluster, m: Mention) -> bool:
    """Whether one message is said to be delivered in the sender's state ("summoned the
    envoy in Abuja") and the other by the sender's mission in the recipient's ("the High
    Commission sent a letter to the host foreign ministry"): two messages."""
    if m.fields.get("by_mission"):
        return any(_at_home(c) for c in cluster.mentions)
    return _at_home(m) and any(c.fields.get("by_mission") for c in cluster.mentions)


#: The forms of a message that tell one message from another ("a letter" and "a protest").
_FORMS: Final = frozenset(
    {Medium.LETTER, Medium.NOTE_VERBALE, Medium.PROTEST_NOTE, Medium.JOINT_STATEMENT}
)
_PLANNED_OR_DONE: Final = frozenset({Factuality.PLANNED, Factuality.ACTUAL})


#: Messages sent to someone, never a joint statement ("the communique" may be one).
_ADDRESSED_FORMS: Final = _FORMS - {Medium.JOINT_STATEMENT}


def _statement_and_note(cluster: Cluster, m: Mention) -> bool:
    """Whether one is a joint statement and the other a message to someone ("lodged a
    protest with Russia ... under the joint Russian-Georgian statement of 1999"): two."""
    forms = {cluster.value("medium"), m.fields.get("medium")}
    return Medium.JOINT_STATEMENT in forms and bool(forms & _ADDRESSED_FORMS)


def _another_form_done(cluster: Cluster, m: Mention) -> bool:
    """Whether one message is still to come and the other already sent, in another form
    ("will send a letter to the president ... the embassy has lodged a protest"): two."""
    forms = (cluster.value("medium"), m.fields.get("medium"))
    facts = (cluster.value("factuality"), m.fields.get("factuality"))
    return (
        forms[0] != forms[1]
        and all(f in _FORMS for f in forms)
        and facts[0] != facts[1]
        and all(f in _PLANNED_OR_DONE for f in facts)
    )


def _at_home(m: Mention) -> bool:
    """Whether the text puts the message's delivery in the sender's own state: an envoy
    summoned there ("summoned the chargé d'affaires in Abuja")."""
    place, sender = m.fields.get("location"), m.fields.get("sender")
    return (
        bool(m.fields.get("summons"))
        and isinstance(place, Location)
        and isinstance(sender, Actor)
        and place.country is not None
        and place.country == sender.code
    )


def _same_parties(cluster: Cluster, m: Mention) -> bool:
    """Not another builder's base, nor another sender's message, nor a message to another
    recipient (a sentence that reads a message the other way round, its recipient as the
    sender, tells of the same one)."""
    builder, sender = cluster.value("builder"), cluster.value("sender")
    if builder is not None and m.fields.get("builder") not in (None, builder):
        ours = m.fields.get("builder")
        if cluster.value("status") != m.fields.get("status") or not (
            _at_home_guess(cluster.value, builder, m.fields.get("host"))
            or _at_home_guess(m.fields.get, ours, cluster.value("host"))
        ):
            return False
    host, own_host = cluster.value("host"), m.fields.get("host")
    if (
        isinstance(host, Actor)
        and isinstance(own_host, Actor)
        and host.code != own_host.code
        and not (m.fields.get("home") or cluster.value("home"))
    ):
        return False  # "China set up its base in Djibouti" is not the one denied in Vanuatu
    recipient = cluster.value("recipient")
    if recipient is not None and m.fields.get("recipient") not in (None, recipient, sender):
        return False  # "sent Washington a note, ... In a message to the UN Secretary General"
    if _summoned_in_turn(cluster, m, sender, recipient):
        return False
    if _protest_in_return(cluster, m, sender, recipient):
        return False
    return sender is None or m.fields.get("sender") in (None, sender, recipient)


def _protest_in_return(cluster: Cluster, m: Mention, sender: object, recipient: object) -> bool:
    """Whether ``m`` is the recipient's own protest back ('"China has lodged a protest with
    Japan," he added', after Japan's protest to China): the two sides each lodge one."""
    return (
        sender is not None
        and recipient is not None
        and m.fields.get("sender") == recipient
        and m.fields.get("recipient") == sender
        and m.fields.get("medium") is Medium.PROTEST_NOTE
        and Medium.PROTEST_NOTE in cluster.media()
        and not m.fields.get("via_envoy")
    )


def _summoned_in_turn(cluster: Cluster, m: Mention, sender: Any, recipient: Any) -> bool:
    """Whether ``m`` is the other side's summons in return ("Tokyo summoned China's
    ambassador. Beijing also summoned Japan's ambassador"): two messages, not one read
    the other way round."""
    return (
        sender is not None
        and recipient is not None
        and m.fields.get("sender") == recipient
        and m.fields.get("recipient") == sender
        and bool(m.fields.get("summons"))
        and bool(cluster.value("summons"))
    )


def _guessed_at_home(field: Callable[[str], Any]) -> bool:
    """Whether a reading's builder is only guessed to build at home: no host is named, or
    only the place of the base, in the builder's state."""
    return bool(field("home")) and field("host") in (None, field("builder"))


def _at_home_guess(own: Callable[[str], Any], builder: Any, host: Any) -> bool:
    """Whether one reading's builder is only a guess that a state builds at home ("Chavez
    denied that a base would be built on La Orchila": no host named) and the other reading
    has that state as the host ("denied offering Russia a base"): one base, not two."""
    return (
        _guessed_at_home(own)
        and isinstance(builder, Actor)
        and isinstance(host, Actor)
        and builder.code is not None
        and builder.code == host.code
    )


def _actors_agree(cluster: Cluster, m: Mention) -> bool:
    """Whether the cluster and ``m`` share an actor, or one of them names none."""
    # "the US and 11 other countries" leaves room for the states named later
    if cluster.value("open_list") or m.fields.get("open_list"):
        return True
    if _other_line_up(cluster, m):
        return False
    theirs = cluster.codes()
    return not theirs or not (ours := set(_codes(m))) or bool(theirs & ours)


def _other_line_up(cluster: Cluster, m: Mention) -> bool:
    """Whether a named exercise and unnamed drills told before each name two or more states
    and each a state the other lacks ("2,000 Russian and Kazakh paratroopers ... last
    Friday" and "troops from Armenia, Russia and Tajikistan will take part in Rubezh-2008"):
    other drills."""
    # (only a named one against unnamed drills: the sentences of one exercise often name
    # some of its states each)
    if m.event_type is not JointExercise or not m.key or cluster.key():
        return False
    ours = {a.code for a in m.fields.get("participants", ()) if isinstance(a, Actor)}
    theirs = {
        a.code
        for c in cluster.mentions
        for a in c.fields.get("participants", ())
        if isinstance(a, Actor)
    }
    return len(ours) >= 2 and len(theirs) >= 2 and bool(ours - theirs) and bool(theirs - ours)


#: How many of a type's events a mention is compared with, the first and the latest ones:
#: a report refers back to its main events and to those it told of last, so the work of
#: merging grows with the text, not with its square. Named events are found by name.
WINDOW: Final = 32


def merge_mentions(mentions: list[Mention]) -> list[Cluster]:
    """Group ``mentions`` (in text order) into one cluster per event."""
    by_type: dict[type[Any], list[Cluster]] = {}
    named: dict[tuple[type[Any], str], list[Cluster]] = {}
    clusters: list[Cluster] = []
    early: list[Mention] = []  # what adds to an event before the event is told of
    for m in mentions:
        same = by_type.setdefault(m.event_type, [])
        head, latest = same[:WINDOW], same[-WINDOW:][::-1]
        if m.key:  # an earlier event of the same name, however long ago
            latest = named.get((m.event_type, m.key.casefold()), [])[-WINDOW:][::-1] + latest
        home = _home(m, head, latest)
        if home is None and not (m.anaphoric and m.attach_only):
            home = Cluster([m])
            same.append(home)
            clusters.append(home)
        elif home is None:
            early.append(m)
            continue
        else:
            home.add(m)
        if home.key():
            keyed = named.setdefault((m.event_type, (home.key() or "").casefold()), [])
            if not keyed or keyed[-1] is not home:
                keyed.append(home)
    for m in early:  # "the Royal Navy is to have a base" before "Bahrain agreed to host it"
        same = by_type.get(m.event_type, [])
        # (not an event of other states: "Japan would station 500 troops at a new base"
        # before "China opened its base in Djibouti")
        later = next(
            (
                c
                for c in same[:WINDOW]
                if _compatible(c, m, any_actor=True)
                and (not (ours := set(_codes(m))) or not c.codes() or bool(ours & c.codes()))
            ),
            None,
        )
        if later is not None:
            later.add(m)
    return _fold_headlines(clusters)


def _fold_headlines(clusters: list[Cluster]) -> list[Cluster]:
    """A headline's event left on its own ("Iran summons Swiss envoy" over a lead where the
    envoy, in charge of US interests, is handed a protest for Washington) joins the report's
    first event of its type told below with an actor of it and the same sides (see
    :func:`_same_sides`): the headline sums up the news. Its mentions, less their day and
    milestone, which the lead tells better, are appended after the lead's, out of text
    order, so that they only fill what the lead leaves open. (A title giving its own day,
    "Letter dated 3 March 2020 from ...", is the document itself, not a summary: it stays.)"""
    titles = {id(c) for c in clusters if all(_title_line(m.sentence) for m in c.mentions)}
    if not titles:
        return clusters
    body = [c for c in clusters if id(c) not in titles][:WINDOW]
    kept: list[Cluster] = []
    for cluster in clusters:
        home = (
            next(
                (
                    other
                    for other in body
                    if other.first.event_type is cluster.first.event_type
                    and other.codes() & cluster.codes()
                    and _same_sides(cluster, other)
                ),
                None,
            )
            if id(cluster) in titles and not cluster.firmly_dated()
            else None
        )
        if home is None:
            kept.append(cluster)
            continue
        for m in cluster.mentions:
            summary = m.copy()
            for name in _TOLD_BETTER_BELOW:
                summary.fields.pop(name, None)
                summary.spans.pop(name, None)
            home.add(summary)
    return kept


def _same_sides(one: Cluster, other: Cluster) -> bool:
    """Whether the two events' builder, host and sender agree where both tell them, and
    the first's recipient is among the actors of the second, unless the second tells of an
    envoy for another state's interests ("the Swiss ambassador, who is in charge of US
    interests")."""
    for role in ("builder", "host", "sender"):
        ours, theirs = one.value(role), other.value(role)
        if isinstance(ours, Actor) and isinstance(theirs, Actor) and ours.code != theirs.code:
            return False
    recipient = one.value("recipient")
    return (
        not isinstance(recipient, Actor)
        # ("The Iraqi and Swiss envoys were summoned": one of those the lead names)
        or recipient.code in other.codes()
        or any(_FOR_INTERESTS.search(m.sentence.text) for m in other.mentions)
    )


#: An envoy who stands for another state: "in charge of US interests", "interests section".
_FOR_INTERESTS: Final = _fastre.compile(r"\binterests\b", re.IGNORECASE)


#: What a headline tells less well than its lead: the day and the milestone.
_TOLD_BETTER_BELOW: Final = (
    "date",
    "date_told",
    "end",
    "duration",
    "started",
    "status",
)


def _home(m: Mention, head: list[Cluster], latest: list[Cluster]) -> Cluster | None:
    """The cluster ``m`` joins among the type's first (``head``) and latest ones, if any."""
    home: Cluster | None = None
    if m.anaphoric and "date" not in m.fields and "status" not in m.fields and head:
        # "The three-week drill involves 40 aircraft" right after another event's sentence,
        # in its paragraph, tells more of that event; further on, of the report's main one.
        told = _told_in_paragraph(m, head, latest)
        if told is not None and _compatible(told, m):
            return told
        home = next((c for c in head if _compatible(c, m)), None)
    status = m.fields.get("status")
    if home is None and status not in (None, ConstructionStatus.DENIED) and "date" not in m.fields:
        # "After the groundbreaking ceremony, ...": an undated milestone told again joins
        # the event of that milestone, not one of another milestone told since (a denial
        # stands against what was claimed of the base, whatever its milestone)
        home = next((c for c in latest if c.value("status") == status and _compatible(c, m)), None)
    if home is None:
        home = next((c for c in latest if _compatible(c, m)), None)
    if home is None and (m.attach_only or (m.definite and m.key)):
        # "X and Y will also take part", "Named Anakonda 2016, the operation ...":
        # more participants, or the name, of the event just introduced; a named one
        # of other states ("Pakistan will stage its exercises, named Azm-e-Nau") is not.
        home = next(
            (
                c
                for c in latest
                if _compatible(c, m, any_actor=m.attach_only or not _other_states(c, m))
            ),
            None,
        )
    if home is None and m.definite and not m.key:
        adds = bool(m.fields.get("adds"))  # "The drills ... also include troops from X"
        home = next((c for c in latest if _compatible(c, m, any_actor=adds, any_date=True)), None)
        if home is not None and home.firmly_dated() and not _began_before(home, m):
            # the date is another event's: "in line with a decree of 2014"
            m.fields.pop("date", None)
            m.spans.pop("date", None)
    return home


def _told_in_paragraph(m: Mention, head: list[Cluster], latest: list[Cluster]) -> Cluster | None:
    """The one cluster told of in ``m``'s paragraph so far, if told in the sentence just
    before ``m`` ("It follows last year's drills" in the main event's paragraph is not)."""
    paragraph = m.sentence.paragraph
    told = [
        c
        for c in {id(c): c for c in head + latest}.values()
        if c.mentions[-1].sentence.paragraph == paragraph
    ]
    if len(told) == 1 and m.sentence.index - told[0].mentions[-1].sentence.index <= 2:
        return told[0]
    return None


def _began_before(cluster: Cluster, m: Mention) -> bool:
    """Whether ``m`` says the event began shortly before the day the cluster has: "the
    drills, which began on Monday" in a report of the drills going on on Tuesday."""
    days = _days_since_begun(cluster.value("date"), m)
    return days is not None and 0 <= days <= _ONGOING_DAYS


def _days_since_begun(held: object, m: Mention) -> int | None:
    """How many days after the day ``m`` says the event began the ``held`` date starts
    (None unless ``m`` tells a beginning and both are dates)."""
    date = m.fields.get("date")
    if not (m.fields.get("started") and isinstance(date, DateSpan) and isinstance(held, DateSpan)):
        return None
    began, seen = date.earliest, held.earliest
    return None if began is None or seen is None else (seen - began).days


def _other_states(cluster: Cluster, m: Mention) -> bool:
    """Whether ``m`` names states and the cluster other states only."""
    ours = {c for c in _codes(m) if is_country_code(c)}
    theirs = {c for c in cluster.codes() if is_country_code(c)}
    return bool(ours and theirs and not ours & theirs)


#: How long before a day told of drills going on they may have begun ("which began on
#: Monday" in a report of their second day).
_ONGOING_DAYS: Final = 14


def _extend(cluster: Cluster, fields: dict[str, Any]) -> None:
    """A start day and a stated length make the event's date an interval ("over six days")."""
    duration = fields.get("duration")
    if not isinstance(duration, Duration) or isinstance(fields.get("end"), DateSpan):
        return  # (an end the text states wins over one counted from the length)
    for m in cluster.mentions:
        date = m.fields.get("date")
        if not (isinstance(date, DateSpan) and m.fields.get("started")) or date.is_interval:
            continue
        if date.precision == "day":
            fields["date"] = duration.span_from(date)
            return


def merged_fields(cluster: Cluster, doc: Document) -> dict[str, Any]:
    """The event fields of a cluster: first values, unions of lists, the furthest status."""
    fields: dict[str, Any] = {}
    status_claimed = status_dated = False
    # "In Kenya, the activities focus on ...; in Tanzania on ...": drills told in several
    # states stay where the lead put them (a region), in none of those states
    states = {
        place.country
        for m in cluster.mentions
        if isinstance(place := m.fields.get("location"), Location) and place.country
    }
    several = cluster.first.event_type is JointExercise and len(states) > 1
    told_forms: dict[object, tuple[DateSpan, DateSpan]] = {}  # the date read -> as told
    for m in cluster.mentions:
        if isinstance(told := m.fields.get("date_told"), tuple):
            told_forms.setdefault(told[0], told)
        claimed = m.fields.get("factuality") is Factuality.CLAIMED
        dated = "date" in m.fields
        for name, value in m.fields.items():
            if value is None:
                continue
            if name == "status" and name not in fields:
                status_claimed, status_dated = claimed, dated
            if name == "participants":
                fields[name] = tuple(unique([*fields.get(name, ()), *value]))
            elif name == "at_recipient":  # one sentence may say where the message went
                fields[name] = bool(fields.get(name)) or bool(value)
            elif name == "location" and not several and _in_a_state(value, fields.get(name)):
                fields[name] = value  # "concludes in the Pacific" ... "in Hawaii"
            elif name == "equipment":
                kinds = {e.kind for e in fields.get(name, ())}
                extra = [e for e in value if isinstance(e, Equipment) and e.kind not in kinds]
                fields[name] = (*fields.get(name, ()), *extra)
            elif name == "status" and name in fields:
                if _outranks((value, claimed, dated), (fields[name], status_claimed, status_dated)):
                    fields[name], status_claimed, status_dated = value, claimed, dated
            elif name == "date" and (
                widens(fields.get(name), value) or refines(fields.get(name), value)
            ):
                fields[name] = value
            elif name == "date" and (
                _day_in_vague_span(fields, value) or _going_on_since(fields.get(name), m)
            ):
                # "Next week, ..." then "will begin on Monday"; "this week" then "began last
                # Wednesday"
                fields[name] = value
                fields.pop("date_told", None)
            elif name == "date" and (closed := closes(fields.get(name), value)) is not None:
                fields[name] = closed
            elif name == "troops" and name in fields and cluster.first.event_type is JointExercise:
                if isinstance(value, Quantity) and (value.value or 0) > (fields[name].value or 0):
                    fields[name] = value
            else:
                fields.setdefault(name, value)
    if (told := told_forms.get(fields.get("date"))) is not None:
        fields["date_told"] = told  # the date kept is told as its own mention told it
    _extend(cluster, fields)
    close(fields)
    _most_told(cluster, fields)
    factual = next((m.fields.get("factuality") for m in cluster.mentions if not m.anaphoric), None)
    if factual is not None:
        fields["factuality"] = factual
    return fields


def _day_in_vague_span(fields: dict[str, Any], day: object) -> bool:
    """Whether ``day`` is a day within the span the event has so far, which the text told
    only vaguely ("next week", "early November": kept as ``date_told``)."""
    held, told = fields.get("date"), fields.get("date_told")
    return (
        isinstance(day, DateSpan)
        and isinstance(held, DateSpan)
        and isinstance(told, tuple)
        and told[0] == held
        and held.is_interval
        and not day.is_interval
        and day.precision is DatePrecision.DAY
        and held.contains(day)
    )


def _in_a_state(new: object, held: object) -> bool:
    """Whether ``new`` places the event in a state where ``held`` names only a sea or a
    region of no state."""
    return (
        isinstance(new, Location)
        and isinstance(held, Location)
        and held.country is None
        and held.border_with is None
        and new.country is not None
    )


def _outranks(new: tuple[Any, bool, bool], held: tuple[Any, bool, bool]) -> bool:
    """Whether the ``new`` status (with whether it is claimed and dated) replaces the
    ``held`` one: the furthest along wins, but a denial stands against what unnamed
    sources claim of the same base, either way round; of a base built and running, the
    one the text dates ("running a base ... It was built in 2016": completed, in 2016)."""
    status, claimed, dated = new
    held_status, held_claimed, held_dated = held
    if ConstructionStatus.DENIED in (status, held_status) and claimed != held_claimed:
        return status is ConstructionStatus.DENIED
    if _settled(status) and _settled(held_status) and dated != held_dated:
        return dated
    return bool(_STATUS_RANK[status] > _STATUS_RANK[held_status])


def _most_told(cluster: Cluster, fields: dict[str, Any]) -> None:
    """Each one-actor role is the actor most mentions give it (the first on a tie).

    A report may open on the recipient's side ("India rejected a note in which Pakistan
    ...") and tell the rest from the sender's; the reading most sentences agree on wins.
    """
    # a builder only guessed to build at home, where another reading puts the base, gives
    # way to a named one
    hosts = {getattr(m.fields.get("host"), "code", None) for m in cluster.mentions} - {None}
    stated = [
        m
        for m in cluster.mentions
        if not (
            hosts
            and _guessed_at_home(m.fields.get)
            and getattr(m.fields.get("builder"), "code", None) in hosts
        )
    ]
    for role in ("builder", "host", "sender", "recipient"):
        votes: dict[Actor, int] = {}
        voters = stated if any(m.fields.get(role) for m in stated) else cluster.mentions
        for m in voters:
            actor = m.fields.get(role)
            if isinstance(actor, Actor):
                votes[actor] = votes.get(actor, 0) + 1
        if votes:
            fields[role] = max(votes, key=votes.__getitem__)  # dicts keep first-seen order
    if fields.get("sender") is not None and fields.get("sender") == fields.get("recipient"):
        del fields["recipient"]


def is_background(fields: dict[str, Any], published: dt.date | None) -> bool:
    """An event dated well before publication, or told as earlier, is background to the report.

    >>> is_background({"date": DateSpan.parse("2016")}, dt.date(2021, 10, 28))
    True
    >>> is_background({"date": DateSpan.parse("2021-10-23")}, dt.date(2021, 10, 28))
    False
    """
    if fields.get("earlier"):  # "Earlier the navy had conducted an exercise with ..."
        return True
    date = fields.get("date")
    if published is None or not isinstance(date, DateSpan) or date.latest is None:
        return False
    return (published - date.latest).days > _BACKGROUND_DAYS
