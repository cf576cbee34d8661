"""The relations a report states between the events read from it.

Each rule is about how English reports link events, read from the sentences
that state the events (their evidence spans without a ``field``):

- **about**: a communique or statement whose sentence names a base or an
  exercise (``base``, ``outposts``, ``drills``, ``war games``...) is about the
  event of that kind stated in the same sentence, else the report's first
  (main) one;
- **denies**: an event whose sentence denies (``denied``, ``rejected claims``,
  ``were false``) is a denial of the report's nearest base that is not itself
  denied, of the same host;
- **part_of**: an exercise whose sentence says it is ``part of`` / a ``phase
  of`` / held ``within`` another exercise (by name, or by a word for drills) is
  part of that exercise;
- **follows**: of two milestones of the same facility (same builder and host,
  no conflicting place or facility), the later one (by date; undated ones by
  the order of the statuses) follows the earlier one, when its sentence refers
  to a facility already there (``extends``, ``opened``, ``the base``).

The word lists are data: extend them for other phrasings.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable, Sequence
from typing import Final

from .. import _fastre
from .._fastre import TwinPattern
from ..model.dates import DateSpan
from ..model.events import BaseConstruction, DiplomaticCommunique, Event, JointExercise, Statement
from ..model.places import Location
from ..model.provenance import Evidence, Source
from ..model.relation import Relation, RelationKind
from ..model.vocab import ConstructionStatus, Factuality, LocationPrecision
from ._span_index import SpanIndex, statements

__all__ = [
    "BASE_WORDS",
    "CONTINUATION_WORDS",
    "DENIAL_WORDS",
    "EXERCISE_WORDS",
    "PART_WORDS",
    "stated_relations",
]

#: Words that name a base or military post in a message's sentence.
BASE_WORDS: Final = (
    "base", "bases", "outpost", "outposts", "military post", "military posts", "facility",
    "facilities", "airfield", "air base", "naval base", "garrison", "lease",
)  # fmt: skip
#: Words that name drills in a message's sentence.
EXERCISE_WORDS: Final = (
    "drill", "drills", "exercise", "exercises", "war games", "wargames", "manoeuvres",
    "maneuvers", "military games",
)  # fmt: skip
#: Words by which a sentence denies what was reported.
DENIAL_WORDS: Final = (
    "deny", "denies", "denied", "denying", "denial", "rejected claims", "rejects claims",
    "rejected reports", "rejects reports", "dismissed reports", "dismisses reports",
    "were false", "was false", "is false", "are false", "untrue", "groundless", "refuted",
)  # fmt: skip
#: Words by which an exercise is said to be a part of a larger one (followed by it).
PART_WORDS: Final = ("part of", "phase of", "stage of", "within", "component of")
#: Words by which a milestone's sentence refers to a facility already there: a later
#: step (extend, open...) or a definite "the base" rather than "a base".
CONTINUATION_WORDS: Final = (
    "extend", "extends", "extended", "extending", "extension", "prolong", "prolongs",
    "prolonged", "renew", "renews", "renewed", "upgrade", "upgraded", "expand", "expanded",
    "expansion", "opened", "inaugurated", "completed", "finished", "the base", "the facility",
    "the project", "the outpost", "the site", "the lease", "the military base",
    "the naval base", "the air base",
)  # fmt: skip

# Confidence of a relation read by each rule (a rule on a sentence, not a parse).
_CONFIDENCE: Final = {
    RelationKind.ABOUT: 0.7,
    RelationKind.DENIES: 0.7,
    RelationKind.PART_OF: 0.7,
    RelationKind.FOLLOWS: 0.6,
}
# The order of a facility's milestones, for milestones without a date.
_MILESTONES: Final = {
    ConstructionStatus.PROPOSED: 0,
    ConstructionStatus.AGREED: 1,
    ConstructionStatus.UNDER_CONSTRUCTION: 2,
    ConstructionStatus.COMPLETED: 3,
    ConstructionStatus.OPERATIONAL: 4,
}
# Up to this many characters between a "part of" word and the exercise it names.
_PART_REACH: Final = 60
_COARSE: Final = frozenset({LocationPrecision.COUNTRY, LocationPrecision.REGION})


def _words(words: Iterable[str]) -> TwinPattern:
    words = tuple(words)
    alternatives = "|".join(re.escape(word).replace(r"\ ", r"\s+") for word in words)
    # A look-ahead on the first letters lets the engine skip to them (see ``_regex.words``).
    firsts = "".join(sorted({word[0] for word in words}))
    ahead = rf"(?=[{firsts}])" if words and firsts.isalpha() and firsts.isascii() else ""
    return _fastre.compile(rf"{ahead}\b(?:{alternatives})\b", re.IGNORECASE)


_BASE: Final = _words(BASE_WORDS)
_EXERCISE: Final = _words(EXERCISE_WORDS)
_DENIAL: Final = _words(DENIAL_WORDS)
_PART: Final = _words(PART_WORDS)
_CONTINUATION: Final = _words(CONTINUATION_WORDS)


def stated_relations(
    events: Sequence[Event],
    text: str,
    *,
    published: DateSpan | None = None,
    source: Source | None = None,
) -> tuple[Relation, ...]:
    """The relations ``text`` states between its ``events`` (as :func:`extract` read them).

    Each relation has the sentence that states it as evidence, the report's
    publication date as its date and ``source`` as its source; each link is
    given once, in the order of the rules, then of the events.

    >>> import secevents as se
    >>> report = se.extract(" date 2022-03-04 Russian and Chinese warships held joint drills "
    ...                     "near Hokkaido on Tuesday. On Thursday Japan handed Russia a "
    ...                     "protest note over the drills.")
    >>> [(link.kind, link.target_ref.split("--")[0]) for link in report.relations]
    [('about', 'joint_exercise')]
    """
    context = _Context(text, published, source)
    kinds: dict[type[Event], SpanIndex] = {}
    for message in events:
        if isinstance(message, DiplomaticCommunique | Statement):
            _about(message, events, context, kinds)
    bases = _Bases(events, context)
    for denial in events:
        _denies(denial, bases, context)
    exercises: list[SpanIndex] = []
    for part in events:
        if isinstance(part, JointExercise):
            _part_of(part, events, context, exercises)
    _follows([e for e in events if isinstance(e, BaseConstruction)], context)
    return tuple(context.found.values())


class _Context:
    """The report's text and what every relation read from it shares; the links found."""

    def __init__(self, text: str, published: DateSpan | None, source: Source | None) -> None:
        self.text = text
        self.published = published
        self.sources = (source,) if source is not None else ()
        self.found: dict[str, Relation] = {}
        self._statements: dict[int, tuple[Event, list[Evidence]]] = {}

    def statements(self, event: Event) -> list[Evidence]:
        """The spans that state ``event`` (read once per event)."""
        found = self._statements.get(id(event))
        if found is None or found[0] is not event:
            found = self._statements[id(event)] = (event, statements(event))
        return found[1]

    def add(self, kind: RelationKind, source: Event, target: Event, span: Evidence) -> None:
        if source.id == target.id:
            return
        link = Relation(
            kind=kind,
            source_ref=source.id,
            target_ref=target.id,
            date=self.published,
            sources=self.sources,
            evidence=(span,),
            confidence=_CONFIDENCE[kind],
        )
        self.found.setdefault(link.id, link)


def _about(
    message: Event,
    events: Sequence[Event],
    context: _Context,
    kinds: dict[type[Event], SpanIndex],
) -> None:
    """A message is about one event of each kind it names: the first stated in one of its
    sentences, else the report's first (main) one."""
    spans = context.statements(message)
    for words, kind in ((_BASE, BaseConstruction), (_EXERCISE, JointExercise)):
        naming = [span for span in spans if words.search(span.text)]
        if not naming:
            continue
        index = kinds.get(kind)
        if index is None:
            targets = [event for event in events if isinstance(event, kind)]
            index = kinds[kind] = SpanIndex(targets, context.statements)
        if not index.events:
            continue
        same = index.first_overlapping(naming)
        if same is not None:
            context.add(RelationKind.ABOUT, message, index.events[same[0]], naming[same[1]])
        else:
            context.add(RelationKind.ABOUT, message, index.events[0], naming[0])


def _denied(event: Event) -> bool:
    return event.factuality is Factuality.DENIED or (
        isinstance(event, BaseConstruction) and event.status is ConstructionStatus.DENIED
    )


class _Bases:
    """The report's bases that are not denied (numbered by their place among the events),
    indexed once asked: all of them, those of no host and those of each host."""

    def __init__(self, events: Sequence[Event], context: _Context) -> None:
        self._events = events
        self._context = context
        self._indexes: dict[object, SpanIndex] = {}
        self._positions: dict[object, list[int]] = {}

    def _index(self, key: object) -> tuple[SpanIndex, list[int]]:
        if not self._indexes:
            groups: dict[object, list[int]] = {"all": [], None: []}
            for position, event in enumerate(self._events):
                if isinstance(event, BaseConstruction) and not _denied(event):
                    groups["all"].append(position)
                    host = ("host", event.host.code) if event.host is not None else None
                    groups.setdefault(host, []).append(position)
            for group, positions in groups.items():
                self._positions[group] = positions
                chosen = [self._events[p] for p in positions]
                self._indexes[group] = SpanIndex(chosen, self._context.statements)
        if key not in self._indexes:
            return SpanIndex([], self._context.statements), []
        return self._indexes[key], self._positions[key]

    def nearest(self, denial: Event, offset: int) -> Event | None:
        """The base stated nearest to ``offset`` that may be the one ``denial`` denies: not
        itself, and of its host (or of none) when it has one."""
        host = getattr(denial, "host", None)
        keys: list[object] = ["all"] if host is None else [None, ("host", host.code)]
        best: tuple[int, int] | None = None
        for key in keys:
            index, positions = self._index(key)
            found = index.nearest(offset, excluding=denial)
            if found is not None:
                distance, at = found[0], positions[found[1]]
                best = (distance, at) if best is None else min(best, (distance, at))
        return None if best is None else self._events[best[1]]


def _denies(denial: Event, bases: _Bases, context: _Context) -> None:
    for span in context.statements(denial):
        if not _DENIAL.search(span.text):
            continue
        nearest = bases.nearest(denial, span.start)
        if nearest is not None:
            context.add(RelationKind.DENIES, denial, nearest, span)
        return


def _part_of(
    part: JointExercise, events: Sequence[Event], context: _Context, indexes: list[SpanIndex]
) -> None:
    for span in context.statements(part):
        for cue in _PART.finditer(span.text):
            if not indexes:  # the report's exercises, indexed when a first cue is met
                exercises = [e for e in events if isinstance(e, JointExercise)]
                indexes.append(SpanIndex(exercises, context.statements))
            index = indexes[0]
            if not any(e is not part for e in index.events):
                return
            after = span.text[cue.end() : cue.end() + _PART_REACH]
            named = [
                e
                for e in index.events
                if e is not part
                and isinstance(e, JointExercise)
                and e.name
                and e.name.casefold() in after.casefold()
            ]
            if named:
                context.add(RelationKind.PART_OF, part, named[0], span)
            elif _EXERCISE.search(re.split(r"[,;.]", after, maxsplit=1)[0]):
                found = index.nearest(span.start, excluding=part)
                if found is not None:
                    context.add(RelationKind.PART_OF, part, index.events[found[1]], span)


def _place(location: Location | None) -> str | None:
    """A place finer than a country, by name (a country's own name says nothing here)."""
    if location is None or location.name is None or location.precision in _COARSE:
        return None
    return location.name.casefold()


def _same_facility(a: BaseConstruction, b: BaseConstruction) -> bool:
    if a.builder is None or a.host is None or b.builder is None or b.host is None:
        return False
    if (a.builder.code, a.host.code) != (b.builder.code, b.host.code) or a.host.code is None:
        return False
    if a.facility is not None and b.facility is not None and a.facility != b.facility:
        return False
    here, there = _place(a.location), _place(b.location)
    return here is None or there is None or here == there


def _facility_key(base: BaseConstruction) -> tuple[str | None, str] | None:
    """What two milestones of one facility share (``_same_facility`` asks more)."""
    if base.builder is None or base.host is None or base.host.code is None:
        return None
    return base.builder.code, base.host.code


def _follows(bases: list[BaseConstruction], context: _Context) -> None:
    milestones = [b for b in bases if not _denied(b) and b.status in _MILESTONES]
    by_facility: dict[tuple[str | None, str], list[BaseConstruction]] = {}
    for base in milestones:
        key = _facility_key(base)
        if key is not None:
            by_facility.setdefault(key, []).append(base)
    for later in milestones:
        if not any(_CONTINUATION.search(span.text) for span in context.statements(later)):
            continue  # "a base": a new facility, not a later step of one already named
        key = _facility_key(later)
        candidates = by_facility.get(key, []) if key is not None else []
        group = [b for b in candidates if b is not later and _same_facility(b, later)]
        earlier = [b for b in group if _before(b, later, only_two=len(group) == 1)]
        span = next(iter(context.statements(later)), None)
        if earlier and span is not None:
            latest = max(earlier, key=lambda b: (_when(b) or dt.date.min, _rank(b)))
            context.add(RelationKind.FOLLOWS, later, latest, span)


def _when(base: BaseConstruction) -> dt.date | None:
    return base.date.earliest if base.date is not None else None


def _rank(base: BaseConstruction) -> int:
    return _MILESTONES[base.status] if base.status is not None else 0


def _before(a: BaseConstruction, b: BaseConstruction, *, only_two: bool) -> bool:
    """Whether milestone ``a`` comes before ``b``: by date, else (of two) by status."""
    when_a, when_b = _when(a), _when(b)
    if when_a is not None and when_b is not None:
        return (when_a, _rank(a)) < (when_b, _rank(b))
    return only_two and _rank(a) < _rank(b)
