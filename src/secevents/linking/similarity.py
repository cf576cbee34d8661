"""How alike two events are: a score in [0, 1] with a breakdown by aspect.

Used to find reports of the same real event across sources before merging
them (:mod:`secevents.linking.merging`). Every aspect is symmetric, so
``similarity(a, b) == similarity(b, a)``.
"""

from __future__ import annotations

import datetime as dt
import functools
import math
import re
from collections.abc import Callable, Iterator, Sequence
from decimal import Decimal
from enum import Enum
from typing import Any, ClassVar, Final

import attrs

from ..model.actors import Actor
from ..model.amounts import Equipment, Money, Quantity
from ..model.events import Event
from ..model.places import Location
from ._profile import Profile
from ._scores import actors_score as _actors_score
from ._scores import jaccard as _jaccard
from ._scores import mean as _mean
from ._scores import unit as _unit
from ._scores import weighted as _weighted

__all__ = [
    "ROLE_CLASSES",
    "Similarity",
    "actor_key",
    "haversine_km",
    "similar_pairs",
    "similarity",
]

#: Actor roles compared together across event types (other roles form their own class).
ROLE_CLASSES: Final[dict[str, str]] = {
    "builder": "source",
    "sender": "source",
    "speaker": "source",
    "actor": "source",
    "host": "target",
    "recipient": "target",
    "audience": "target",
    "target": "target",
    "participants": "participant",
    "framework": "participant",
    "garrison": "participant",
}
_EVENT_FIELDS: Final = frozenset(field.name for field in attrs.fields(Event))
_COMMON: Final = _EVENT_FIELDS - {"factuality"}
_NOT_DETAILS: Final = frozenset({"scheme", "code", "label"})
_WORD: Final = re.compile(r"\w+")
# Date gaps and place distances at which their score halves.
_GAP_HALF_DAYS: Final = 7.0
_DISTANCE_HALF_KM: Final = 50.0
_EARTH_RADIUS_KM: Final = 6371.0088
_MIN: Final = dt.date.min
_MAX: Final = dt.date.max


@attrs.frozen(kw_only=True)
class Similarity:
    """The result of :func:`similarity`: ``score`` and the per-aspect scores behind it.

    Each aspect is a number in [0, 1], or ``None`` when the two events cannot be
    compared on it (one of them lacks the information). ``score`` is
    ``type × the weighted mean of the aspects that could be compared``, with
    :attr:`WEIGHTS`; it is 0 when no aspect could be.
    """

    #: Weights of the aspects in the score (``type`` multiplies instead).
    WEIGHTS: ClassVar[dict[str, float]] = {
        "actors": 0.35,
        "date": 0.25,
        "place": 0.2,
        "quantities": 0.1,
        "details": 0.1,
    }

    score: float
    type: float
    actors: float | None = None
    date: float | None = None
    place: float | None = None
    quantities: float | None = None
    details: float | None = None

    @property
    def breakdown(self) -> dict[str, float | None]:
        """Every aspect's score, ``type`` first."""
        return {"type": self.type, **{name: getattr(self, name) for name in self.WEIGHTS}}


def similarity(a: Event, b: Event) -> Similarity:
    """How likely ``a`` and ``b`` report the same real event, aspect by aspect.

    - ``type``: 1 for the same type (coded events: same scheme and code; 0.6 for
      the same two-character root, 0.3 for the same scheme), else 0;
    - ``actors``: Jaccard index of actor codes (or names) per role class
      (source, target, participant; see :data:`ROLE_CLASSES`), averaged over the
      classes both events fill; half the Jaccard of all actors if they share none;
    - ``date``: 1 when one date contains the other, ``0.5 + 0.5 × overlap / shorter``
      when they partly overlap, ``0.5 × 2^(-gap / 7 days)`` when they do not;
    - ``place``: ``2^(-km / 50)`` by the haversine distance when both have
      coordinates, else by the most specific level both know (same name 1,
      admin1 0.9/0.3, border pair 0.8, country 0.7/0);
    - ``quantities``: mean of ``1 - |x - y| / max(x, y)`` over the counts and sums
      both give (troops, cost, fatalities, equipment by kind);
    - ``details``: mean agreement of the other fields both give (factuality,
      status, name, content: word Jaccard for text).

    Two different proper names (``name``: neither one's words among the other's,
    as "Tsentr-2019" and "Tsentr-2015") make the score 0: they are two events.

    >>> import secevents as se
    >>> day = se.DateSpan.parse("2021-10-23")
    >>> a = se.JointExercise(date=day, participants=(se.Actor.state("RUS"), se.Actor.state("TJK")),
    ...                      troops=se.Quantity(5000))
    >>> b = se.JointExercise(date=day, participants=(se.Actor.state("RUS"), se.Actor.state("TJK")),
    ...                      troops=se.Quantity(4500))
    >>> result = similarity(a, b)
    >>> round(result.score, 3), result.quantities, result.place
    (0.986, 0.9, None)
    """
    return _compare(_profile(a), _profile(b))


def similar_pairs(
    events: Sequence[Event],
    *,
    threshold: float,
    skip: Callable[[int, int], bool] | None = None,
) -> Iterator[tuple[int, int]]:
    """Index pairs ``(i, j)``, ``i < j``, of events of one kind scoring at least ``threshold``.

    Events of one kind have the same type tag (coded events also the same scheme
    and code); other pairs are never given, whatever the threshold. Each event is
    read once; pairs that cannot reach ``threshold`` are ruled out before scoring
    (*blocking*: by date distance, by sharing no actor, by the actors and places
    of two casts, bounds derived from :attr:`Similarity.WEIGHTS`; see
    :mod:`secevents.linking._blocking`), so the pairs are those comparing every
    pair would give, in sorted order, found far faster. A candidate pair for which
    ``skip(i, j)`` is true is not scored (candidates come block by block, not in
    sorted order). The pairs found are held to be sorted; to group events, use
    :func:`~secevents.linking.merging.cluster`, which holds none.

    >>> import secevents as se
    >>> note = se.DiplomaticCommunique(sender=se.Actor.state("TJK"))
    >>> list(similar_pairs([note, se.Statement(content="x"), note], threshold=0.9))
    [(0, 2)]
    """
    # The blocking loads on first use, not with ``import secevents``.
    from ._blocking import candidate_pairs

    profiles = [_profile(event) for event in events]
    found: list[tuple[int, int]] = []
    for i, j in candidate_pairs(profiles, threshold, Similarity.WEIGHTS):
        if skip is not None and skip(i, j):
            continue
        if _compare(profiles[i], profiles[j]).score >= threshold:
            found.append((i, j))
    found.sort()  # the candidates come block by block
    yield from found


def _profile(event: Event) -> Profile:
    cls = type(event)
    span = event.date
    window = None
    if span is not None:
        window = ((span.earliest or _MIN).toordinal(), (span.latest or _MAX).toordinal())
    return Profile(
        cls=cls,
        tag=event.type_tag,
        scheme=getattr(event, "scheme", None),
        code=getattr(event, "code", None),
        actors=_actor_classes(event),
        window=window,
        location=event.location,
        measures=_measures(event),
        details=_details(event),
    )


def _compare(a: Profile, b: Profile) -> Similarity:
    kind = _type_score(a, b)
    aspects = {
        "actors": _actors_score(a.actors, b.actors),
        "date": _date_score(a.window, b.window),
        "place": _place_score(a.location, b.location),
        "quantities": _quantities_score(a.measures, b.measures),
        "details": _details_score(a, b),
    }
    score = _weighted(kind, aspects, Similarity.WEIGHTS)
    if not _names_agree(a.details.get("name"), b.details.get("name")):
        score = 0.0
    return Similarity(score=_unit(score), type=kind, **aspects)


def _names_agree(one: object, two: object) -> bool:
    """Whether two proper names can name one event: unless both are given, the words
    of one are among the other's ("Joint Sea 2021", "Russian-Chinese Joint Sea 2021").

    >>> _names_agree("Tsentr-2019", "Tsentr-2015"), _names_agree("Anakonda", "Anakonda 2016")
    (False, True)
    """
    if not isinstance(one, str) or not isinstance(two, str):
        return True
    words_one, words_two = set(_WORD.findall(one.casefold())), set(_WORD.findall(two.casefold()))
    return words_one <= words_two or words_two <= words_one


# -- type ----------------------------------------------------------------------------


def _type_score(a: Profile, b: Profile) -> float:
    if a.tag != b.tag:
        return 0.0
    code_a, code_b = a.code, b.code
    if a.scheme != b.scheme:
        return 0.3
    if code_a == code_b:
        return 1.0
    if isinstance(code_a, str) and isinstance(code_b, str) and code_a[:2] == code_b[:2]:
        return 0.6
    return 0.3


# -- actors ----------------------------------------------------------------------------


def actor_key(actor: Actor) -> str:
    """What identifies an actor across reports: its code, else its case-folded name.

    >>> import secevents as se
    >>> wagner = se.Actor(name="Wagner Group", kind="armed_group")
    >>> actor_key(se.Actor.state("RUS")), actor_key(wagner)
    ('RUS', 'wagner group')
    """
    return actor.code if actor.code is not None else (actor.name or "").casefold()


def _actor_classes(event: Event) -> dict[str, frozenset[str]]:
    classes: dict[str, set[str]] = {}
    for role, actor in event.actors:
        classes.setdefault(ROLE_CLASSES.get(role, role), set()).add(actor_key(actor))
    return {name: frozenset(keys) for name, keys in classes.items()}


# -- dates -----------------------------------------------------------------------------


def _date_score(a: tuple[int, int] | None, b: tuple[int, int] | None) -> float | None:
    if a is None or b is None:
        return None
    (low_a, high_a), (low_b, high_b) = a, b
    if (low_a <= low_b and high_b <= high_a) or (low_b <= low_a and high_a <= high_b):
        return 1.0
    gap = max(low_a, low_b) - min(high_a, high_b)
    if gap > 0:
        return 0.5 * math.pow(2.0, -gap / _GAP_HALF_DAYS)
    shared = 1 - gap  # days both may mean
    shorter = min(high_a - low_a, high_b - low_b)
    return _unit(0.5 + 0.5 * shared / (shorter + 1))


# -- places ----------------------------------------------------------------------------


def haversine_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """The great-circle distance in kilometres between two points (degrees).

    >>> round(haversine_km(38.56, 68.77, 37.91, 69.78))  # Dushanbe to Kulob
    114
    """
    # Order the points so that the result is exactly symmetric in floating point.
    (lat1, lon1), (lat2, lon2) = sorted(((lat1, lon1), (lat2, lon2)))
    phi1, phi2 = math.radians(lat1), math.radians(lat2)
    dphi, dlambda = phi2 - phi1, math.radians(lon2 - lon1)
    h = math.sin(dphi / 2) ** 2 + math.cos(phi1) * math.cos(phi2) * math.sin(dlambda / 2) ** 2
    return 2 * _EARTH_RADIUS_KM * math.asin(min(1.0, math.sqrt(h)))


def _place_score(a: Location | None, b: Location | None) -> float | None:
    if a is None or b is None:
        return None
    if _place_facts(a) == _place_facts(b):
        return 1.0
    if a.lat is not None and a.lon is not None and b.lat is not None and b.lon is not None:
        distance = haversine_km(a.lat, a.lon, b.lat, b.lon)
        return math.pow(2.0, -distance / _DISTANCE_HALF_KM)
    same_country = a.country == b.country if a.country and b.country else None
    if a.name and b.name and a.name.casefold() == b.name.casefold() and same_country is not False:
        return 1.0
    if a.admin1 and b.admin1:
        return 0.9 if a.admin1 == b.admin1 else 0.3
    pair_a = {a.country, a.border_with} - {None}
    pair_b = {b.country, b.border_with} - {None}
    if a.border_with and b.border_with:
        return 0.8 if pair_a == pair_b else 0.4 if pair_a & pair_b else 0.0
    if same_country is not None:
        return 0.7 if same_country else (0.4 if pair_a & pair_b else 0.0)
    return None


def _place_facts(place: Location) -> tuple[Any, ...]:
    name = place.name.casefold() if place.name else None
    return (name, place.country, place.admin1, place.border_with, place.lat, place.lon)


# -- quantities ------------------------------------------------------------------------


def _magnitude(value: Any) -> float | None:
    if isinstance(value, Quantity):
        if value.value is not None:
            return float(value.value)
        if value.low is not None and value.high is not None:
            return (value.low + value.high) / 2
        return float(value.low if value.low is not None else value.high or 0)
    if isinstance(value, Money):
        return float(value.amount)
    return None


def _closeness(x: float, y: float) -> float:
    largest = max(abs(x), abs(y))
    return 1.0 if largest == 0 else _unit(1 - abs(x - y) / largest)


@functools.cache
def _fields_read(cls: type[Event]) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """The fields of ``cls`` that may hold quantities (none of :class:`Event`'s own:
    ids, dates, place, sources, evidence, tags...), and those compared as details."""
    roles = set(cls._actor_fields)
    fields = attrs.fields(cls)
    measured = tuple(field.name for field in fields if field.name not in _EVENT_FIELDS)
    details = tuple(
        field.name
        for field in fields
        if field.name not in _COMMON
        and field.name not in roles
        and field.name not in _NOT_DETAILS
        and field.init
    )
    return measured, details


def _measures(event: Event) -> dict[str, tuple[str | None, float]]:
    found: dict[str, tuple[str | None, float]] = {}
    for name in _fields_read(type(event))[0]:
        value = getattr(event, name)
        size = _magnitude(value)
        if size is not None:
            found[name] = (value.currency if isinstance(value, Money) else None, size)
        elif isinstance(value, tuple):
            for item in value:
                if isinstance(item, Equipment) and item.quantity is not None:
                    size = _magnitude(item.quantity)
                    if size is not None:
                        found[f"{name}.{item.kind.value}"] = (None, size)
    return found


def _quantities_score(
    measures_a: dict[str, tuple[str | None, float]], measures_b: dict[str, tuple[str | None, float]]
) -> float | None:
    scores = []
    for name in sorted(set(measures_a) & set(measures_b)):
        (unit_a, x), (unit_b, y) = measures_a[name], measures_b[name]
        scores.append(_closeness(x, y) if unit_a == unit_b else 0.0)
    return _mean(scores)


# -- other fields ----------------------------------------------------------------------


def _details(event: Event) -> dict[str, Any]:
    """The fields compared as details: neither common, actors, codes nor quantities."""
    found: dict[str, Any] = {}
    for name in _fields_read(type(event))[1]:
        value = getattr(event, name)
        if value is None or value == () or _magnitude(value) is not None:
            continue
        if isinstance(value, tuple) and any(isinstance(item, Equipment) for item in value):
            continue
        found[name] = value
    return found


def _details_score(a: Profile, b: Profile) -> float | None:
    if a.cls is not b.cls:
        return None
    shared = [name for name in a.details if name in b.details]
    return _mean(_agreement(a.details[name], b.details[name]) for name in shared)


def _agreement(x: Any, y: Any) -> float:
    if isinstance(x, str) and isinstance(y, str) and not isinstance(x, Enum):
        if x == y:
            return 1.0
        words_x, words_y = set(_WORD.findall(x.casefold())), set(_WORD.findall(y.casefold()))
        return _jaccard(words_x, words_y) if words_x or words_y else 0.0
    if isinstance(x, tuple) and isinstance(y, tuple):
        try:
            return _jaccard({_folded(item) for item in x}, {_folded(item) for item in y})
        except TypeError:  # items that cannot be hashed: compare the whole values
            return 1.0 if x == y else 0.0
    if isinstance(x, Decimal | int | float) and isinstance(y, Decimal | int | float):
        return _closeness(float(x), float(y))
    return 1.0 if x == y else 0.0


def _folded(item: Any) -> Any:
    return item.casefold() if isinstance(item, str) and not isinstance(item, Enum) else item
