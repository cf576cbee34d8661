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

from ..model.dates import DateSpan
from ..model.events import BaseConstruction, DiplomaticCommunique, Event, JointExercise, Statement
from ..model.places import Location
from ..model.provenance import Evidence, Source
from ..model.relation import Relation, RelationKind
from ..model.vocab import ConstructionStatus, Factuality, LocationPrecision

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


def _words(words: Iterable[str]) -> re.Pattern[str]:
    words = tuple(words)
    alternatives = "|".join(re.escape(word).replace(r"\ ", r"\s+") for word in words)
    # A look-ahead on the first letters lets the engine skip to them (see ``_regex.words``).
    firsts = "".join(sorted({word[0] for word in words}))
    ahead = rf"(?=[{firsts}])" if words and firsts.isalpha() and firsts.isascii() else ""
    return re.compile(rf"{ahead}\b(?:{alternatives})\b", re.IGNORECASE)


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
    for message in events:
        if isinstance(message, DiplomaticCommunique | Statement):
            _about(message, events, context)
    for denial in events:
        _denies(denial, events, context)
    for part in events:
        if isinstance(part, JointExercise):
            _part_of(part, events, context)
    _follows([e for e in events if isinstance(e, BaseConstruction)], context)
    return tuple(context.found.values())


class _Context:
    """The report's text and what every relation read from it shares; the links found."""

    def __init__(self, text: str, published: DateSpan | None, source: Source | None) -> None:
        self.text = text
        self.published = published
        self.sources = (source,) if source is not None else ()
        self.found: dict[str, Relation] = {}

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


def _statements(event: Event) -> list[Evidence]:
    """The spans that state ``event`` (not those that support one of its fields)."""
    return [span for span in event.evidence if span.field is None]


def _overlaps(a: Evidence, b: Evidence) -> bool:
    return a.start < b.end and b.start < a.end


def _distance(span: Evidence, event: Event) -> int:
    return min((abs(span.start - other.start) for other in _statements(event)), default=1 << 62)


def _about(message: Event, events: Sequence[Event], context: _Context) -> None:
    """A message is about one event of each kind it names: the first stated in one of its
    sentences, else the report's first (main) one."""
    spans = _statements(message)
    for words, kind in ((_BASE, BaseConstruction), (_EXERCISE, JointExercise)):
        naming = [span for span in spans if words.search(span.text)]
        if not naming:
            continue
        targets = [event for event in events if isinstance(event, kind)]
        same = [
            (target, span)
            for target in targets
            for span in naming
            if any(_overlaps(span, s) for s in _statements(target))
        ]
        chosen = same[0] if same else (targets[0], naming[0]) if targets else None
        if chosen is not None:
            context.add(RelationKind.ABOUT, message, *chosen)


def _denied(event: Event) -> bool:
    return event.factuality is Factuality.DENIED or (
        isinstance(event, BaseConstruction) and event.status is ConstructionStatus.DENIED
    )


def _denies(denial: Event, events: Sequence[Event], context: _Context) -> None:
    for span in _statements(denial):
        if not _DENIAL.search(span.text):
            continue
        host = getattr(denial, "host", None)
        targets = [
            event
            for event in events
            if isinstance(event, BaseConstruction)
            and event is not denial
            and not _denied(event)
            and (host is None or event.host is None or event.host.code == host.code)
        ]
        if targets:
            nearest = min(targets, key=lambda event: _distance(span, event))
            context.add(RelationKind.DENIES, denial, nearest, span)
        return


def _part_of(part: JointExercise, events: Sequence[Event], context: _Context) -> None:
    others = [e for e in events if isinstance(e, JointExercise) and e is not part]
    if not others:
        return
    for span in _statements(part):
        for cue in _PART.finditer(span.text):
            after = span.text[cue.end() : cue.end() + _PART_REACH]
            named = [e for e in others if e.name and e.name.casefold() in after.casefold()]
            if named:
                context.add(RelationKind.PART_OF, part, named[0], span)
            elif _EXERCISE.search(re.split(r"[,;.]", after, maxsplit=1)[0]):
                nearest = min(others, key=lambda event: _distance(span, event))
                context.add(RelationKind.PART_OF, part, nearest, span)


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


def _follows(bases: list[BaseConstruction], context: _Context) -> None:
    milestones = [b for b in bases if not _denied(b) and b.status in _MILESTONES]
    for later in milestones:
        if not any(_CONTINUATION.search(span.text) for span in _statements(later)):
            continue  # "a base": a new facility, not a later step of one already named
        group = [b for b in milestones if b is not later and _same_facility(b, later)]
        earlier = [b for b in group if _before(b, later, only_two=len(group) == 1)]
        span = next(iter(_statements(later)), None)
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
