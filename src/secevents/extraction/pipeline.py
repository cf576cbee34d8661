"""``extract``: from a report's text to a :class:`Report` of typed events with evidence.

>>> report = extract(" date 2021-10-28 Russian and Tajik troops held joint drills on Monday.")
>>> [(type(e).__name__, str(e.date), [a.code for a in e.participants]) for e in report.events]
[('JointExercise', '2021-10-25', ['RUS', 'TJK'])]
"""

from __future__ import annotations

import difflib
import functools
import re
from collections.abc import Iterable
from typing import Any, Final

import attrs

from .. import _fastre
from .._once import load_once
from ..model._validate import json_text
from ..model.actors import Actor
from ..model.codes import is_country_code
from ..model.dates import DateSpan
from ..model.events import DiplomaticCommunique, Event, JointExercise
from ..model.places import Location
from ..model.provenance import Evidence, Source
from ..model.vocab import LocationPrecision, Medium
from ..normalize._unicode import is_plain
from ._arguments import Published, check_text, coerce_published, coerce_source, read_date_line
from ._building import build_event
from ._title_date import names_a_document, title_date, title_place
from .clues import SAME_PARTIES, attributions, coded_actor, unique
from .common import location_of
from .document import Document
from .merge import Cluster, is_background, merge_mentions, merged_fields
from .recognizers import Mention, Recognizer, RecognizerRegistry, default_recognizers
from .relations import stated_relations
from .report import Report

__all__ = ["extract"]

_ROLES: Final = ("builder", "host", "sender", "recipient")
_MAX_MENTIONS: Final = 4
#: The sentences of an event kept as its evidence: the first ones (a transcript that
#: repeats a report would otherwise give one event thousands of spans).
_MAX_SENTENCES: Final = 16
_CONCURRENT: Final = _fastre.compile(
    r"\b(?:at the same time|simultaneously|concurrently|in parallel)\b", re.IGNORECASE
)


def extract(
    text: str,
    *,
    published: Published = None,
    source: Source | str | None = None,
    recognizers: RecognizerRegistry | Iterable[Recognizer] | None = None,
) -> Report:
    """Read the events of a news report.

    ``published`` anchors relative dates ("on Wednesday"): a ``datetime.date``, a
    ``datetime`` (an aware one is taken in UTC), an ISO 8601 string, a pandas
    ``Timestamp`` or anything with a ``.date()`` method. Without it, a leading
    `` date YYYY-MM-DD `` line is used, and without either only absolute dates are
    read (a date line that cannot be read is a warning quoting it). ``source`` (a
    :class:`~secevents.Source` or a publisher's name) is added to every event's
    sources. ``recognizers`` replaces the built-in ones (see
    :func:`default_recognizers`). Arguments of another type are a ``TypeError``
    naming the parameter, raised before any work.

    >>> import datetime as dt
    >>> report = extract("China would spend $8.6 million to build a military base in Tajikistan.",
    ...                  published=dt.date(2021, 10, 28))
    >>> [ev] = report.events
    >>> ev.builder.code, ev.host.code, str(ev.cost.amount), ev.status.value, ev.factuality.value
    ('CHN', 'TJK', '8600000', 'proposed', 'planned')
    >>> extract("Drills began on Monday.").warnings[0]
    'no_publication_date: no date line and no published date; relative dates are not resolved'
    """
    check_text(text)
    given = coerce_published(published)
    source = coerce_source(source)
    text, replaced = json_text(text)
    date_line = read_date_line(text)
    anchor = given or date_line.date
    warnings: list[str] = []
    if replaced:
        warnings.append(f"replaced_characters: {replaced} lone surrogates read as U+FFFD")
    if date_line.line and date_line.date is None:
        resolved = "resolved against the published date" if given else "not resolved"
        warnings.append(
            f"unreadable_date_line: {date_line.line.strip()!r} is not a YYYY-MM-DD date; "
            f"relative dates are {resolved}"
        )
    elif anchor is None:
        warnings.append(
            "no_publication_date: no date line and no published date; "
            "relative dates are not resolved"
        )
    doc = Document(text, published=anchor, start=date_line.body)
    if recognizers is None:
        by_type = dict(_builtin_recognizers())
    else:
        registry = (
            recognizers
            if isinstance(recognizers, RecognizerRegistry)
            else RecognizerRegistry(recognizers)
        )
        by_type = {r.event_type: r for r in registry}
    mentions: list[Mention] = []
    for sentence in doc.sentences:
        for recognizer in by_type.values():
            mentions.extend(recognizer.recognize(sentence, doc))
    clusters = merge_mentions(mentions)
    events: list[Event] = []
    mains: dict[type[Event], dict[str, Any]] = {}
    main_clusters: dict[type[Event], Cluster] = {}
    for cluster in clusters:
        fields = merged_fields(cluster, doc)
        main = mains.setdefault(cluster.first.event_type, fields)
        main_cluster = main_clusters.setdefault(cluster.first.event_type, cluster)
        _orient_like(fields, main)
        _at_home(cluster, fields, doc)
        if "participants" in main and (
            _refers_to_the_same_parties(cluster, doc)
            or _another_edition(fields, main, main_cluster)
        ):
            _parties_of_the_series(cluster, fields, main["participants"])
        for role in _ROLES:
            if role == "recipient" and fields.get("medium") is Medium.JOINT_STATEMENT:
                continue  # a joint statement is addressed to no one
            if role not in fields and role in main:
                _fill_from_main(fields, main, role)
        if "date" not in fields and _concurrent(cluster, doc):
            fields["date"] = _period_of(main.get("date"))
        if "sender" not in fields and _the_document_itself(cluster):
            # "A letter to the Secretary-General ..." over "Caracas, December 22, 2018": the
            # letter is written in the state of the place on the line dating it
            _sent_from_title_place(cluster, fields, doc)
        if "date" not in fields and _the_document_itself(cluster):
            # "Joint Statement Between ..." over "Office of the Press Secretary, September
            # 21, 2004": the statement the title names is dated by the document's line
            dated = title_date(doc)
            if dated is not None:
                fields["date"] = cluster.first.fields["date"] = dated.value
                cluster.first.spans["date"] = (dated.start, dated.end)  # (its evidence)
        event = _event(cluster, fields, doc, source, warnings)
        if event is not None and (
            by_type[cluster.first.event_type].accept(event)
            or _more_states_than_named(cluster, event)
        ):
            events.append(event)
    events = _without_bare_names(events)
    warnings += doc.warnings
    published = DateSpan.of(anchor) if anchor else None
    return Report(
        id=_report_id(text),
        published=published,
        source=source,
        text=text,
        events=tuple(events),
        relations=stated_relations(events, text, published=published, source=source),
        warnings=tuple(unique(warnings)),
    )


@load_once
def _builtin_recognizers() -> dict[type[Event], Recognizer]:
    """The built-in recognizers by event type, made once: they keep no state between calls."""
    return {r.event_type: r for r in default_recognizers()}


def _report_id(text: str) -> str:
    import hashlib

    return "report--" + hashlib.sha1(text.encode("utf-8", "replace")).hexdigest()[:16]


def _more_states_than_named(cluster: Cluster, event: Event) -> bool:
    """Whether an exercise is told to bring in forces of more states than the text names
    ("Some 2,000 troops from more than 30 nations are taking part in Flintlock"): a joint
    one, even when only one state is named."""
    return isinstance(event, JointExercise) and bool(cluster.value("open_list"))


def _without_bare_names(events: list[Event]) -> list[Event]:
    """The events less a named exercise told with neither parties nor a date ("the naval
    exercise Khanjar Hadd 26 was a success") where the report has an exercise with parties
    and much the same name ("Khunjar Hadd 26"): that is the one named again (in a quote, a
    caption, another spelling), not one more. Other names ("two other exercises, Blue Wave
    21 and Sea Shield 21") and other editions ("the previous exercise, Khunjar Hadd 25")
    stay exercises of their own. Each bare name is set against the first
    :data:`_NAMES_COMPARED` names with parties only: the work stays linear."""
    told = list(
        dict.fromkeys(
            e.name.casefold()
            for e in events
            if isinstance(e, JointExercise) and e.participants and e.name
        )
    )[:_NAMES_COMPARED]
    if not told:
        return events

    def named_again(event: Event) -> bool:
        if not isinstance(event, JointExercise) or event.participants or event.date is not None:
            return False
        name = (event.name or "").casefold()
        return bool(name) and any(_same_name(name, other) for other in told)

    return [e for e in events if not named_again(e)]


def _same_name(one: str, other: str) -> bool:
    """Whether two names are spellings of one: the same numbers, letters much alike."""
    if _NUMBERS.findall(one) != _NUMBERS.findall(other):
        return False
    matcher = difflib.SequenceMatcher(None, one, other)
    return matcher.real_quick_ratio() >= _SAME_NAME and matcher.ratio() >= _SAME_NAME


#: How alike two spellings of one exercise's name are (difflib's ratio): "Khunjar Hadd
#: 26" and "Khanjar Hadd 26" 0.93, "Blue Wave 21" and "Poseidon 2021" 0.32.
_SAME_NAME: Final = 0.8
#: How many names of exercises with parties a bare name is compared with.
_NAMES_COMPARED: Final = 32
_NUMBERS: Final = re.compile(r"\d+")
#: A year or number that marks an edition of a named exercise, with what joins it.
_EDITION_MARK: Final = re.compile(r"[\s\-]*\d+\s*$|^\d+\s*")


def _the_document_itself(cluster: Cluster) -> bool:
    """Whether a message is named by the title of the report, which is that message."""
    first = cluster.first
    return first.event_type is DiplomaticCommunique and names_a_document(first.sentence)


def _sent_from_title_place(cluster: Cluster, fields: dict[str, Any], doc: Document) -> None:
    """The sender of a letter the report is: the state of the place it is dated at."""
    written = title_place(doc)
    if written is None or not isinstance(written.value, Location):
        return
    state = written.value.country
    recipient = fields.get("recipient")
    if state is None or (isinstance(recipient, Actor) and recipient.code == state):
        return
    fields["sender"] = cluster.first.fields["sender"] = coded_actor(state)
    cluster.first.spans["sender"] = (written.start, written.end)


def _concurrent(cluster: Cluster, doc: Document) -> bool:
    """Whether a mention says its event runs alongside another ("held at the same time")."""
    text = doc.text
    return any(_CONCURRENT.search(text, m.sentence.start, m.sentence.end) for m in cluster.mentions)


#: The other party of a message: a reply goes back to whom the first message came from.
#: (A base's builder may be its host: a state builds at home.)
_COUNTERPART: Final = {"sender": "recipient", "recipient": "sender"}


def _fill_from_main(fields: dict[str, Any], main: dict[str, Any], role: str) -> None:
    """A role the event's mentions leave open takes the main event's, unless that actor
    already holds another role here: then it takes the main event's other party ("Kuwait
    sent a letter to Iraq ... Baghdad replied with a letter": to Kuwait)."""
    taken = [fields[r] for r in _COUNTERPART if r in fields]
    value = main[role]
    if role in _COUNTERPART and value in taken:
        value = main.get(_COUNTERPART[role])
        if value is None or value in taken:
            return
    fields[role] = value


def _period_of(date: object) -> DateSpan | None:
    """The month (or coarser period) of ``date``: "at the same time" is no more precise."""
    if not isinstance(date, DateSpan) or date.earliest is None or date.latest is None:
        return None
    first, last = date.earliest, date.latest
    if (first.year, first.month) == (last.year, last.month):
        return DateSpan.month(first.year, first.month)
    return DateSpan.year(first.year) if first.year == last.year else date


def _refers_to_the_same_parties(cluster: Cluster, doc: Document) -> bool:
    """Whether an exercise's mentions name its parties only by reference to earlier ones:
    an earlier edition ("In 2017 the drills were held ..."), "the two air forces"."""
    return any(m.fields.get("edition") for m in cluster.mentions) or any(
        SAME_PARTIES.search(doc.text, m.sentence.start, m.sentence.end) for m in cluster.mentions
    )


def _another_edition(fields: dict[str, Any], main: dict[str, Any], cluster: Cluster) -> bool:
    """Whether an exercise is another edition of the main one's series: "Aman-2019" beside
    "Aman" (the same name but for its year or number), the main one named or only told of
    in its sentences ('the 7th multinational maritime exercise "Aman"')."""
    own, theirs = fields.get("name"), main.get("name")
    if fields is main or not isinstance(own, str) or own == theirs:
        return False
    stem = _EDITION_MARK.sub("", own)
    if len(stem) < 3:
        return False
    if isinstance(theirs, str):
        return stem.casefold() == _EDITION_MARK.sub("", theirs).casefold()
    told = re.compile(rf"(?<![\w\-]){re.escape(stem)}(?![\w\-])")
    return any(told.search(m.sentence.text) for m in cluster.mentions[:_MAX_MENTIONS])


def _parties_of_the_series(
    cluster: Cluster, fields: dict[str, Any], series: tuple[Actor, ...]
) -> None:
    """An earlier edition takes the parties of the one the report is about when it names
    none, and "such" an exercise when it names only some: "Kenya hosted the first such
    exercise in 2019" (Kenya, India and France)."""
    own = fields.get("participants")
    such = any(m.fields.get("such") for m in cluster.mentions)
    if not own or (such and {a.code for a in own} < {a.code for a in series}):
        fields["participants"] = series


def _at_home(cluster: Cluster, fields: dict[str, Any], doc: Document) -> None:
    """A base with a builder and no host is at home when the report names no other state
    by then ("Japan's Self-Defense Force opened a radar station on Yonaguni")."""
    builder = fields.get("builder")
    if "host" in fields or not isinstance(builder, Actor) or not fields.get("home"):
        return
    first = min(m.sentence.index for m in cluster.mentions)
    if _names_no_other_state(doc, builder.code, first):
        fields["host"] = builder


def _names_no_other_state(doc: Document, code: str | None, last: int) -> bool:
    """Whether sentences 0..``last`` name no state but ``code``.

    Sentences are read once, in order, each time only until one names another state
    (a long document's later sentences may never need their names read). A sentence
    left unread that holds a character a name's reading warns about is read all the
    same, so the report's warnings are those of reading every sentence up to ``last``.
    """
    named: dict[str, int] = doc.once("states_first_named", dict)
    # Sentences before read[0] are read; those before read[1] are read or plain.
    read: list[int] = doc.once("states_first_named_upto", lambda: [0, 0])
    other = any(found != code and index <= last for found, index in named.items())
    for sentence in doc.sentences[read[0] : last + 1]:
        if other:
            break
        for hit in doc.actors(sentence):
            if is_country_code(hit.code):
                named.setdefault(hit.code, sentence.index)
                other = other or hit.code != code
        read[0] = sentence.index + 1
    for sentence in doc.sentences[max(read) : last + 1]:
        if not is_plain(sentence.text):
            doc.actors(sentence)  # its warnings, in the order a full reading gives them
    read[1] = max(read[1], last + 1)
    return not other


def _orient_like(fields: dict[str, Any], main: dict[str, Any]) -> None:
    """A later base of the report's two states keeps the main base's builder and host.

    "Chavez denied that a base would be built" names the host alone, as the subject:
    it is not the builder of the base Russia was offered.
    """
    builder, host = main.get("builder"), main.get("host")
    if fields is main or builder is None or host is None or builder == host:
        return
    if fields.get("builder") == host and fields.get("host") in (None, builder):
        fields["builder"], fields["host"] = builder, host


#: Messages written to their addressee, delivered where it is.
_WRITTEN: Final = frozenset({Medium.LETTER, Medium.MESSAGE})


def _default_location(fields: dict[str, Any]) -> None:
    """The event's country when no place gives one: a base's is its host's; a message's
    is the sender's when it is delivered to another state's envoy or embassy, the
    recipient's when the sender's mission abroad or the recipient's ministry received it."""
    host, sender, recipient = fields.get("host"), fields.get("sender"), fields.get("recipient")
    place = fields.get("location")
    if (
        isinstance(place, Location)
        and place.precision is LocationPrecision.COUNTRY
        and isinstance(host, Actor)
        and is_country_code(host.code or "")
        and place.country not in (None, host.code)
    ):
        # A base stands in its host: a whole other country read near it ("a US division",
        # "bases in Iraq and Afghanistan") is not where this one is.
        place = None
        del fields["location"]
    if (
        isinstance(place, Location)
        and place.border_with is not None
        and place.country is not None
        and isinstance(host, Actor)
        and is_country_code(host.code or "")
        and host.code not in (place.country, place.border_with)
    ):  # "a base near the Afghan border" in Tajikistan: the border's side is the host's
        own, other = coded_actor(host.code or ""), coded_actor(place.border_with)
        side = f"{own.name or own.code}-{other.name or other.code} border"
        fields["location"] = attrs.evolve(place, country=host.code, name=side)
        return
    if isinstance(place, Location) and place.country is None and isinstance(host, Actor):
        host_code = host.code or ""
        # "the base on the Gulf of Thailand": the host's; "on the border with Afghanistan"
        # when the host is Afghanistan says which side is not (the place stays as read).
        if is_country_code(host_code) and host_code != place.border_with:
            fields["location"] = attrs.evolve(place, country=host_code)
        return
    if place is not None:
        return
    code = None
    if isinstance(host, Actor):
        code = host.code
    elif (
        isinstance(sender, Actor)
        and isinstance(recipient, Actor)
        and location_of(recipient.code or "")  # a state's envoy or ministry received it
    ):
        # a letter to a state's government is read where it is sent (a note handed to a
        # foreign envoy, where the sender is)
        written = fields.get("medium") in _WRITTEN and not fields.get("summons")
        code = recipient.code if fields.get("at_recipient") or written else sender.code
        if not (written or fields.get("at_recipient") or fields.get("summons")) and not (
            fields.get("via_envoy")
        ):
            code = None  # "protested to Vietnam": where it was delivered is not told
    location = location_of(code or "")
    if location is not None:
        fields["location"] = location


def _issued_at_dateline(cluster: Cluster, fields: dict[str, Any], doc: Document) -> None:
    """ "TOKYO, Nov 9 - ... a joint statement": issued where the report's dateline is, when a
    state named with the statement is that dateline's."""
    issued = doc.dateline_country()
    named = {h.code for m in cluster.mentions for h in doc.actors(m.sentence)}
    if issued is not None and issued in named:
        fields["location"] = location_of(issued)


def _evidence(cluster: Cluster, fields: dict[str, Any], doc: Document) -> tuple[Evidence, ...]:
    """The sentences that state the event (the first 16), then a span of whole words for each
    field read.

    A field's span is the one its value was read from; an actor's is where the
    sentences of the event name it.
    """
    text = doc.text
    sentences = unique((m.sentence.start, m.sentence.end) for m in cluster.mentions)
    spans: list[tuple[int, int, str | None]] = [
        (start, end, None) for start, end in sentences[:_MAX_SENTENCES]
    ]
    names = _field_names(cluster.first.event_type)
    named = _FirstNamed(cluster, doc)
    for name, value in fields.items():
        if name not in names:
            continue
        actors = value if isinstance(value, tuple) else (value,)
        if actors and all(isinstance(a, Actor) for a in actors):
            spans += [(*span, name) for a in actors if (span := named.at(a.code))]
            continue
        for m in cluster.mentions:
            found = [span for key, span in m.spans.items() if key.partition(".")[0] == name]
            if found and (m.fields.get(name) == value or name == "equipment"):
                spans += [(*span, name) for span in found]
                break
    for m in cluster.mentions:  # "over six days" supports the date it extends
        if "duration" in m.spans and "date" in fields:
            spans.append((*m.spans["duration"], "date"))
    return tuple(
        Evidence.span(text, *_whole_words(text, a, b), field=field) for a, b, field in unique(spans)
    )


@functools.lru_cache(maxsize=64)
def _field_names(cls: type[Event], *, init: bool = False) -> frozenset[str]:
    """The names of ``cls``'s fields (only those ``__init__`` takes, with ``init``)."""
    return frozenset(a.name for a in attrs.fields(cls) if a.init or not init)


class _FirstNamed:
    """Where the event's sentences first name each code (an actor's span).

    The sentences are read in order, each once, and only as far as a code asked for
    needs: the same sentences a search per actor would read.
    """

    def __init__(self, cluster: Cluster, doc: Document) -> None:
        self._mentions = iter(cluster.mentions)
        self._doc = doc
        self._named: dict[str | None, tuple[int, int]] = {}

    def at(self, code: str | None) -> tuple[int, int] | None:
        """Where the first sentence that names ``code`` names it first, if one does."""
        found = self._named.get(code)
        while found is None:
            mention = next(self._mentions, None)
            if mention is None:
                return None
            for hit in self._doc.actors(mention.sentence):
                self._named.setdefault(hit.code, (hit.start, hit.end))
            found = self._named.get(code)
        return found


def _whole_words(text: str, start: int, end: int) -> tuple[int, int]:
    """``start``/``end`` moved out to word boundaries: a span never cuts a word."""
    while start > 0 and text[start - 1].isalnum() and text[start].isalnum():
        start -= 1
    while end < len(text) and end > 0 and text[end].isalnum() and text[end - 1].isalnum():
        end += 1
    return start, end


def _confidence(cluster: Cluster, fields: dict[str, Any]) -> float:
    support = min(len(cluster.mentions), _MAX_MENTIONS) - 1
    filled = sum(1 for v in fields.values() if v not in (None, ()))
    return round(min(0.95, 0.3 + 0.1 * support + 0.04 * min(filled, 8)), 2)


def _event(
    cluster: Cluster,
    fields: dict[str, Any],
    doc: Document,
    source: Source | None,
    warnings: list[str],
) -> Event | None:
    cls = cluster.first.event_type
    _default_location(fields)
    if "location" not in fields and fields.get("medium") is Medium.JOINT_STATEMENT:
        _issued_at_dateline(cluster, fields, doc)
    names = _field_names(cls, init=True)
    kwargs = {k: v for k, v in fields.items() if k in names}
    published = doc.published
    sources = [source] if source is not None else []
    for m in cluster.mentions:
        sources += doc.memo("attributions", m.sentence, attributions)
    kwargs.update(
        reported=doc.once("reported", lambda: DateSpan.of(published) if published else None),
        sources=tuple(unique(sources)),
        evidence=_evidence(cluster, fields, doc),
        confidence=_confidence(cluster, kwargs),
        tags=("background",) if is_background(fields, published) else (),
    )
    return build_event(cls, kwargs, warnings)
