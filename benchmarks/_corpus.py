"""A deterministic corpus of realistic, mixed secevents events for the benchmarks.

The same seed always gives the same events, hence the same JSON Lines bytes,
so runs on different days and machines decode identical input.
"""

from __future__ import annotations

import random
from collections.abc import Callable, Sequence
from decimal import Decimal
from typing import Any, TypeVar

import orjson

import secevents as se
from secevents.model.vocab import (
    ConstructionStatus,
    Domain,
    EquipmentKind,
    Facility,
    Factuality,
    LocationPrecision,
    Medium,
    Qualifier,
    SourceKind,
)

__all__ = ["corpus_lines", "make_events"]

T = TypeVar("T")

_STATES = ("RUS", "CHN", "TJK", "KGZ", "KAZ", "UZB", "AFG", "IND", "PAK", "IRN", "USA", "TKM")
_ORGANIZATIONS = (
    ("CSTO", "Collective Security Treaty Organization"),
    ("SCO", None),
    ("NATO", None),
    ("UN", "United Nations"),
    ("EU", None),
    ("CIS", None),
)
_ARMED_GROUPS = ("TALIBAN", "ISKP", "IMU")
_PEOPLE = (
    ("Emomali Rahmon", "President", "TJK"),
    ("Sergei Shoigu", "Defence Minister", "RUS"),
    ("Wang Yi", "Foreign Minister", "CHN"),
    ("Sirojiddin Muhriddin", "Foreign Minister", "TJK"),
    ("Sadyr Japarov", "President", "KGZ"),
    ("Zabihullah Mujahid", "Spokesman", "AFG"),
    ("Мария Захарова", "Spokeswoman", "RUS"),
    ("Kassym-Jomart Tokayev", "President", "KAZ"),
)
_MEDIA = (
    ("Asia-Plus", "TJK"),
    ("TASS", "RUS"),
    ("Xinhua", "CHN"),
    ("Eurasianet", None),
    ("RFE/RL", None),
    ("Khaama Press", "AFG"),
)
# name, country, ISO 3166-2 subdivision, lat, lon, GeoNames id
_PLACES = (
    ("Dushanbe", "TJK", "TJ-DU", 38.5598, 68.787, 1221874),
    ("Kulob", "TJK", "TJ-KT", 37.9146, 69.7845, 1221194),
    ("Khorugh", "TJK", "TJ-GB", 37.4897, 71.5534, 1221328),
    ("Ishkashim", "TJK", "TJ-GB", 36.7272, 71.6117, None),
    ("Kant", "KGZ", "KG-C", 42.8911, 74.8508, None),
    ("Osh", "KGZ", "KG-O", 40.5283, 72.7985, 1527534),
    ("Termez", "UZB", "UZ-SU", 37.2242, 67.2783, 1514019),
    ("Kunduz", "AFG", "AF-KDZ", 36.728, 68.8681, 1135689),
    ("Harbiy polygon Harb-Maidon", "TJK", "TJ-KT", 37.65, 68.9, None),
    ("Kashgar", "CHN", "CN-XJ", 39.4704, 75.9898, 1280849),
)
_PUBLISHERS = (
    ("Asia-Plus", "https://asiaplustj.info/en/news/", SourceKind.NEWSPAPER),
    ("TASS", "https://tass.com/defense/", SourceKind.NEWS_AGENCY),
    ("Xinhua", "http://www.xinhuanet.com/english/", SourceKind.NEWS_AGENCY),
    (
        "Ministry of Defence of the Russian Federation",
        "https://eng.mil.ru/en/news_page/",
        SourceKind.GOVERNMENT,
    ),
    ("RFE/RL", "https://www.rferl.org/a/", SourceKind.BROADCASTER),
    ("Eurasianet", None, SourceKind.OTHER),
)
_EXERCISES = (
    "Interaction-2021",
    "Search-2021",
    "Echelon-2021",
    "Rubezh-2022",
    "Peace Mission",
    "Cooperation-2019",
    "Regional Antiterrorist Structure drills",
    None,
)
_UNITS = ("troops", "servicemen", "personnel", None)
_CURRENCIES = ("USD", "RUB", "CNY", "EUR", "TJS")
_TAGS = ("border", "afghanistan", "csto", "sco", "gbao", "counter-terrorism", "wakhan")


def make_events(count: int, seed: int = 2021) -> list[se.Event]:
    """``count`` mixed events (four types, in random order), the same for the same seed."""
    rng = random.Random(seed)
    makers: Sequence[Callable[[random.Random], se.Event]] = (
        _base_construction,
        _joint_exercise,
        _communique,
        _statement,
    )
    return [rng.choice(makers)(rng) for _ in range(count)]


def corpus_lines(events: Sequence[se.Event]) -> list[bytes]:
    """The events as compact JSON, one ``bytes`` per event, as ``se.write_jsonl`` writes them."""
    return [orjson.dumps(se.to_dict(event)) for event in events]


# -- value objects -------------------------------------------------------------------


def _maybe(rng: random.Random, probability: float, make: Callable[[], T]) -> T | None:
    return make() if rng.random() < probability else None


def _state_actor(rng: random.Random) -> se.Actor:
    code = rng.choice(_STATES)
    kind = rng.random()
    if kind < 0.5:
        return se.Actor.state(code)
    if kind < 0.75:
        return se.Actor.government(code, name=rng.choice((None, f"Government of {code}")))
    return se.Actor.military(code, name=rng.choice((None, "Ground Forces", "201st Military Base")))


def _actor(rng: random.Random) -> se.Actor:
    kind = rng.random()
    if kind < 0.55:
        return _state_actor(rng)
    if kind < 0.7:
        code, name = rng.choice(_ORGANIZATIONS)
        return se.Actor.organization(code, name=name)
    if kind < 0.8:
        return se.Actor.armed_group(rng.choice(_ARMED_GROUPS))
    if kind < 0.95:
        name, title, country = rng.choice(_PEOPLE)
        return se.Actor.person(name, title=title, country=country)
    outlet, outlet_country = rng.choice(_MEDIA)
    return se.Actor.media(outlet, country=outlet_country)


def _day(rng: random.Random) -> tuple[int, int, int]:
    return rng.randint(2014, 2024), rng.randint(1, 12), rng.randint(1, 28)


def _edtf(rng: random.Random) -> str:
    """An EDTF level 0/1 date: mostly days, also months, years, seasons, hedges and intervals."""
    year, month, day = _day(rng)
    form = rng.random()
    if form < 0.45:
        return f"{year}-{month:02d}-{day:02d}"
    if form < 0.6:
        return f"{year}-{month:02d}"
    if form < 0.65:
        return str(year)
    if form < 0.7:
        return f"{year}-{rng.randint(21, 24)}"
    if form < 0.8:
        return f"{year}-{month:02d}{rng.choice('~?%')}"
    if form < 0.92:
        last = min(day + rng.randint(1, 10), 28)
        return f"{year}-{month:02d}-{day:02d}/{year}-{month:02d}-{last:02d}"
    return rng.choice((f"{year}-{month:02d}-{day:02d}/..", f"../{year}-{month:02d}"))


def _location(rng: random.Random) -> se.Location:
    name, country, admin1, lat, lon, geonames_id = rng.choice(_PLACES)
    form = rng.random()
    if form < 0.15:
        neighbours = [state for state in ("AFG", "CHN", "KGZ", "UZB") if state != country]
        neighbour = rng.choice(neighbours)
        return se.Location(
            country=country, border_with=neighbour, near=True, precision=LocationPrecision.BORDER
        )
    if form < 0.3:
        return se.Location(country=country, precision=LocationPrecision.COUNTRY)
    if form < 0.5:
        return se.Location(
            name=name,
            country=country,
            admin1=admin1,
            precision=LocationPrecision.SETTLEMENT,
            near=rng.random() < 0.3,
        )
    return se.Location(
        name=name,
        country=country,
        admin1=admin1,
        lat=lat,
        lon=lon,
        precision=LocationPrecision.POINT,
        geonames_id=geonames_id,
    )


def _quantity(rng: random.Random, unit: str | None) -> se.Quantity:
    if rng.random() < 0.2:
        low = rng.randrange(100, 5000, 100)
        return se.Quantity(low=low, high=low + rng.randrange(100, 3000, 100), unit=unit)
    qualifier = rng.choice(list(Qualifier))
    return se.Quantity(rng.randrange(10, 10_000, 10), qualifier=qualifier, unit=unit)


def _money(rng: random.Random) -> se.Money:
    amount = Decimal(rng.randrange(100_000, 50_000_000, 100_000))
    if rng.random() < 0.2:
        amount = amount / 100 + Decimal("0.5")
    return se.Money(
        amount=amount,
        currency=rng.choice(_CURRENCIES),
        qualifier=rng.choice((Qualifier.EXACT, Qualifier.APPROX, Qualifier.MORE_THAN)),
    )


def _sources(rng: random.Random) -> tuple[se.Source, ...]:
    chosen = rng.sample(_PUBLISHERS, rng.choice((0, 1, 1, 1, 2, 2, 3)))
    return tuple(
        se.Source(
            publisher=publisher,
            url=None if url is None else f"{url}{rng.randrange(10**6, 10**7)}",
            published=_maybe(rng, 0.8, lambda: se.DateSpan.day(*_day(rng))),
            kind=kind,
        )
        for publisher, url, kind in chosen
    )


def _evidence(rng: random.Random, text: str, quotes: Sequence[str]) -> tuple[se.Evidence, ...]:
    if rng.random() < 0.3:
        return ()
    return tuple(se.Evidence.of(text, quote) for quote in quotes if quote in text)


def _common(rng: random.Random, summary: str, quotes: Sequence[str]) -> dict[str, Any]:
    """The common event fields, each present with a realistic probability."""
    return {
        "date": _maybe(rng, 0.9, lambda: se.DateSpan.parse(_edtf(rng))),
        "reported": _maybe(rng, 0.6, lambda: se.DateSpan.day(*_day(rng))),
        "location": _maybe(rng, 0.7, lambda: _location(rng)),
        "factuality": rng.choice(list(Factuality)),
        "summary": summary if rng.random() < 0.85 else None,
        "sources": _sources(rng),
        "evidence": _evidence(rng, summary, quotes),
        "confidence": _maybe(rng, 0.5, lambda: rng.randint(50, 99) / 100),
        "tags": tuple(rng.sample(_TAGS, rng.choice((0, 0, 1, 2)))),
    }


# -- events --------------------------------------------------------------------------


def _base_construction(rng: random.Random) -> se.Event:
    builder, host = _state_actor(rng), _state_actor(rng)
    facility = rng.choice(list(Facility))
    summary = (
        f"{builder.code} will build a {facility.value.replace('_', ' ')} in "
        f"{host.code} at a cost of about ${rng.randint(2, 90)} million."
    )
    return se.BaseConstruction(
        builder=builder,
        host=host,
        facility=facility,
        cost=_maybe(rng, 0.5, lambda: _money(rng)),
        status=rng.choice(list(ConstructionStatus)),
        garrison=tuple(_state_actor(rng) for _ in range(rng.choice((0, 0, 1, 2)))),
        excluded_forces=tuple(_actor(rng) for _ in range(rng.choice((0, 0, 0, 1)))),
        **_common(rng, summary, ("will build", "at a cost of")),
    )


def _joint_exercise(rng: random.Random) -> se.Event:
    participants = tuple(_state_actor(rng) for _ in range(rng.randint(2, 5)))
    troops = rng.randrange(500, 10_000, 100)
    summary = (
        f"About {troops} troops of {len(participants)} countries held drills near the "
        "Afghan border."
    )
    return se.JointExercise(
        name=rng.choice(_EXERCISES),
        participants=participants,
        framework=_maybe(rng, 0.6, lambda: se.Actor.organization(rng.choice(("CSTO", "SCO")))),
        troops=_maybe(rng, 0.8, lambda: _quantity(rng, rng.choice(_UNITS))),
        equipment=tuple(
            se.Equipment(kind=kind, quantity=_maybe(rng, 0.9, lambda: _quantity(rng, None)))
            for kind in rng.sample(list(EquipmentKind), rng.choice((0, 1, 2, 3)))
        ),
        domains=tuple(rng.sample(list(Domain), rng.choice((0, 1, 1, 2, 3)))),
        purpose=rng.choice((None, "counter-terrorism", "border security", "a simulated incursion")),
        **_common(rng, summary, ("held drills", "near the Afghan border")),
    )


def _communique(rng: random.Random) -> se.Event:
    sender, recipient = _state_actor(rng), _actor(rng)
    content = rng.choice(
        (
            "The ministry expresses its deep concern over the situation on the border.",
            "We ask the parties to refrain from steps that could escalate tensions.",
            "Министерство выражает протест в связи с нарушением границы.",
        )
    )
    return se.DiplomaticCommunique(
        sender=sender,
        recipient=recipient,
        medium=rng.choice(list(Medium)),
        content=content,
        requests=tuple(
            rng.sample(
                (
                    "consultations",
                    "an explanation",
                    "a joint investigation",
                    "the return of the detained",
                ),
                rng.choice((0, 1, 2)),
            )
        ),
        **_common(rng, content, ("deep concern", "refrain from steps")),
    )


def _statement(rng: random.Random) -> se.Event:
    name, title, country = rng.choice(_PEOPLE)
    content = rng.choice(
        (
            "Tajikistan is ready to host a new outpost on the border with Afghanistan.",
            "No foreign troops will be stationed on our territory.",
            "The drills were planned long ago and are not directed at anyone.",
        )
    )
    outlet, outlet_country = rng.choice(_MEDIA)
    audience = _maybe(rng, 0.5, lambda: se.Actor.media(outlet, country=outlet_country))
    return se.Statement(
        speaker=se.Actor.person(name, title=title, country=country),
        audience=audience,
        content=content,
        **_common(rng, content, ("ready to host", "not directed at anyone")),
    )
