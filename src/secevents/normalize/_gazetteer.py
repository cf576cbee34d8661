"""Gazetteers: the protocol place lookup needs, and the embedded GeoNames-based default.

The default holds GeoNames (https://www.geonames.org, CC BY 4.0) countries, US states,
other countries' provinces and regions, and cities of 15,000 people or more, plus curated
regions, seas, islands and sites.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from enum import StrEnum
from typing import Any, Final, Protocol, TypeVar, runtime_checkable

import attrs

from .._once import Once, load_once
from ._names import fold, tokens

__all__ = [
    "Gazetteer",
    "GeoNamesGazetteer",
    "PlaceCandidate",
    "PlaceKind",
    "acronym",
    "default_gazetteer",
    "key",
]


class PlaceKind(StrEnum):
    """What kind of place a gazetteer entry is."""

    COUNTRY = "country"
    CAPITAL = "capital"
    CITY = "city"
    ADMIN1 = "admin1"
    REGION = "region"
    SEA = "sea"
    WATERWAY = "waterway"
    CORRIDOR = "corridor"
    ISLAND = "island"
    SITE = "site"


@attrs.frozen(kw_only=True, weakref_slot=False)
class PlaceCandidate:
    """One place a name may refer to, as a gazetteer knows it.

    ``common_word`` marks names that are also English words ("Best", "Police"), which
    are only read as places where the text makes that clear.

    >>> PlaceCandidate(name="Kulob", kind="city", country="TJK").kind
    <PlaceKind.CITY: 'city'>
    """

    name: str
    kind: PlaceKind = attrs.field(converter=PlaceKind)
    country: str | None = None
    admin1: str | None = None
    lat: float | None = None
    lon: float | None = None
    geonames_id: int | None = None
    population: int | None = None
    common_word: bool = False


@runtime_checkable
class Gazetteer(Protocol):
    """Anything that maps a place name to the places it may refer to, best first.

    >>> class Tiny:
    ...     def lookup(self, name: str) -> list[PlaceCandidate]:
    ...         kulob = PlaceCandidate(name="Kulob", kind="city", country="TJK")
    ...         return [kulob] if name == "Kulob" else []
    >>> isinstance(Tiny(), Gazetteer)
    True
    """

    def lookup(self, name: str) -> Sequence[PlaceCandidate]:
        """The places ``name`` may refer to, the likeliest first; empty if none."""
        ...


def key(name: str) -> str:
    """The form names are compared in: folded words joined by spaces.

    >>> key("Harb-Maidon"), key("Kŭlob")
    ('harb maidon', 'kulob')
    """
    return " ".join(fold(name[s:e]) for s, e in tokens(name))


_CURATED_RANK: Final = 10**12
#: A first-level division (a US state, an Indian state, a Russian oblast) is taken to weigh
#: as a town of this size: the gazetteer gives divisions no population, and news writing
#: "in Virginia" or "in Florida" means the US states, not the towns of South Africa or Cuba.
_DIVISION_WEIGHT: Final = 500_000
_RANK: Final = {
    "country": 0,
    "city": 2 * 10**12,
    "capital": 2 * 10**12,
    "admin1": 2 * 10**12 - _DIVISION_WEIGHT,
}
_CACHE_SIZE: Final = 20_000
#: A capital is named more often than a larger namesake elsewhere (Victoria, Kingston).
_CAPITAL_WEIGHT: Final = 5


def _opt_float(text: str) -> float | None:
    return float(text) if text else None


def _opt_int(text: str) -> int | None:
    return int(text) if text else None


class GeoNamesGazetteer:
    """The embedded gazetteer: GeoNames countries, divisions and cities, plus curated regions.

    ``rows`` are the lines of ``data/geonames.tsv.gz`` (see ``scripts/build_gazetteer.py``);
    ``curated`` is ``data/places_curated.json``.

    >>> [c.country for c in default_gazetteer().lookup("Kulob")]
    ['TJK']
    """

    def __init__(self, rows: Sequence[str], curated: dict[str, Any]) -> None:
        # Rows stay split strings until a lookup asks for them: loading is one pass.
        # Rows and key lists are tuples of strings and integers, which the garbage
        # collector stops tracking: its full collections then pass over some 140,000
        # fewer objects (lists it would have to read every time).
        self._rows: list[tuple[str, ...]] = []
        self._rank: list[int] = []
        self._prefixes = Once(self._every_prefix)
        self._centers = Once(self._every_center)
        self._made: dict[int, PlaceCandidate] = {}
        self._cache: dict[str, tuple[PlaceCandidate, ...]] = {}
        keys: dict[str, list[int]] = {}
        for line in rows:
            fields = tuple(line.split("\t"))
            population = int(fields[6]) if fields[6] else 0
            weight = population * (_CAPITAL_WEIGHT if fields[7] == "capital" else 1)
            self._add(keys, fields, _RANK[fields[7]] - weight, fields[9].split("|"))
        for name, aliases, country, admin1, kind, lat, lon in curated["places"]:
            fields = ("", name, country or "", admin1 or "", str(lat), str(lon), "", kind, "", "")
            names = [("^" if acronym(a) else "") + key(a) for a in (name, *aliases)]
            self._add(keys, fields, _CURATED_RANK, names)
        self._keys: dict[str, tuple[int, ...]] = {k: tuple(found) for k, found in keys.items()}

    def _add(
        self, table: dict[str, list[int]], fields: tuple[str, ...], rank: int, keys: list[str]
    ) -> None:
        index = len(self._rows)
        self._rows.append(fields)
        self._rank.append(rank)
        for k in keys:  # "^us": an acronym, matched only in capitals
            if k in table:
                table[k].append(index)
            else:
                table[k] = [index]

    def lookup(self, name: str) -> list[PlaceCandidate]:
        """The places called ``name`` (any case, accents and hyphens ignored), best first.

        Acronyms ("US", "UAE") match only when ``name`` is written in capitals.
        """
        if not isinstance(name, str):
            raise TypeError(f"name must be str, not {type(name).__name__}")
        return list(self.lookup_key(key(name), capitals=acronym(name)))

    def lookup_key(self, k: str, *, capitals: bool) -> tuple[PlaceCandidate, ...]:
        """:meth:`lookup` for a name already made a :func:`key`; ``capitals`` admits acronyms."""
        cache_key = ("^" if capitals else "") + k
        found = self._cache.get(cache_key)
        if found is None:
            hits = set(self._keys.get(k, ()))
            if capitals:
                hits.update(self._keys.get("^" + k, ()))
            ordered = sorted(hits, key=self._rank.__getitem__)
            found = tuple(self._candidate(i) for i in ordered)
            if len(self._cache) > _CACHE_SIZE:
                self._cache.clear()
            self._cache[cache_key] = found
        return found

    def country_center(self, country: str) -> tuple[float, float] | None:
        """Where a map puts a place known only by its ``country`` (ISO alpha-3): the
        population-weighted centre of the gazetteer's places there, as ``(lat, lon)``;
        ``None`` for a country without located places.

        The centre of where people live, so a marker lands inside the country (the
        geometric centroid of a country with a bay or islands may not).

        >>> lat, lon = default_gazetteer().country_center("TJK")
        >>> 36.6 < lat < 41.1 and 67.3 < lon < 75.2
        True
        """
        return self._centers.get().get(country)

    def _every_center(self) -> dict[str, tuple[float, float]]:
        # Means of unit vectors: a country across the 180th meridian (Fiji) averages
        # to a point in it, not to one on the other side of the world.
        sums: dict[str, list[float]] = {}
        for f in self._rows:
            if not (f[2] and f[4] and f[5]):
                continue
            lat, lon = math.radians(float(f[4])), math.radians(float(f[5]))
            weight = float(f[6]) if f[6] else 1.0
            total = sums.setdefault(f[2], [0.0, 0.0, 0.0])
            total[0] += weight * math.cos(lat) * math.cos(lon)
            total[1] += weight * math.cos(lat) * math.sin(lon)
            total[2] += weight * math.sin(lat)
        centers = {}
        for country, (x, y, z) in sums.items():
            lat = math.degrees(math.atan2(z, math.hypot(x, y)))
            centers[country] = (round(lat, 4), round(math.degrees(math.atan2(y, x)), 4))
        return centers

    def is_prefix(self, k: str) -> bool:
        """Whether some name's key starts with the words of key ``k`` ("sea of")."""
        return k in self._prefixes.get()

    def _every_prefix(self) -> frozenset[str]:
        prefixes: set[str] = set()
        for full in self._keys:
            words = full.removeprefix("^").split(" ")
            prefixes.update(" ".join(words[:n]) for n in range(1, len(words) + 1))
        return frozenset(prefixes)

    def _candidate(self, index: int) -> PlaceCandidate:
        made = self._made.get(index)
        if made is None:
            made = self._made[index] = self._make(index)
        return made

    def _make(self, index: int) -> PlaceCandidate:
        f = self._rows[index]
        return PlaceCandidate(
            name=f[1], kind=PlaceKind(f[7]), country=f[2] or None, admin1=f[3] or None,
            lat=_opt_float(f[4]), lon=_opt_float(f[5]), geonames_id=_opt_int(f[0]),
            population=_opt_int(f[6]), common_word="w" in f[8],
        )  # fmt: skip


def acronym(name: str) -> bool:
    """Whether ``name`` is written like an acronym: "US", "U.A.E." (four letters at most)."""
    letters = name.replace(".", "").replace(" ", "")
    return letters.isupper() and len(letters) <= 4


@load_once
def default_gazetteer() -> GeoNamesGazetteer:
    """The embedded gazetteer, loaded on first use (about 38,000 places, no network).

    >>> default_gazetteer().lookup("Sea of Japan")[0].kind
    <PlaceKind.SEA: 'sea'>
    """
    import gzip  # here, not at the top: importing secevents loads no data machinery
    import json
    from importlib import resources

    data = resources.files("secevents") / "data"
    raw = gzip.decompress((data / "geonames.tsv.gz").read_bytes()).decode("utf-8")
    rows = raw.splitlines()[1:]
    curated = json.loads((data / "places_curated.json").read_text(encoding="utf-8"))
    return _without_collections(lambda: GeoNamesGazetteer(rows, curated))


T = TypeVar("T")


def _without_collections(build: Callable[[], T]) -> T:
    """``build()`` with the garbage collector paused: a table of some 130,000 new
    objects, none of them garbage, would set off collections that read it over and over.
    The tuples among them are left untracked by the first collection after it."""
    from .._collector import paused

    with paused():
        return build()
