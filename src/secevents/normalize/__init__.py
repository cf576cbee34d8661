"""Normalizers: turn the phrases of news reports into secevents value types.

Each returns a :class:`Normalized` result (the value, the span it read, warnings)
and never raises on messy text. Submodules load on first use, so importing
this package is cheap.

>>> import datetime as dt
>>> from secevents.normalize import parse_money, resolve_date
>>> str(resolve_date("on Wednesday", anchor=dt.date(2021, 10, 28)).value)
'2021-10-27'
>>> parse_money("around $8.6 million").value
Money(amount=Decimal('8600000'), currency='USD', qualifier=<Qualifier.APPROX: 'approx'>)
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

from .result import Normalized, TextWarning

if TYPE_CHECKING:
    from ._coded import actor_for_code
    from .actors import find_actors, resolve_actor
    from .money import find_money, money_text, parse_money
    from .places import (
        Gazetteer,
        GeoNamesGazetteer,
        PlaceCandidate,
        PlaceKind,
        default_gazetteer,
        find_places,
        resolve_place,
    )
    from .quantities import UNIT_KINDS, find_quantities, parse_quantity, quantity_text
    from .temporal import Duration, Tense, find_dates, find_durations, resolve_date, tense_of

_LAZY = {
    "find_actors": "actors",
    "resolve_actor": "actors",
    "actor_for_code": "_coded",
    "find_money": "money",
    "money_text": "money",
    "parse_money": "money",
    "Gazetteer": "places",
    "GeoNamesGazetteer": "places",
    "PlaceCandidate": "places",
    "PlaceKind": "places",
    "default_gazetteer": "places",
    "find_places": "places",
    "resolve_place": "places",
    "UNIT_KINDS": "quantities",
    "find_quantities": "quantities",
    "parse_quantity": "quantities",
    "quantity_text": "quantities",
    "Duration": "temporal",
    "Tense": "temporal",
    "find_dates": "temporal",
    "find_durations": "temporal",
    "resolve_date": "temporal",
    "tense_of": "temporal",
}

__all__ = [
    "UNIT_KINDS",
    "Duration",
    "Gazetteer",
    "GeoNamesGazetteer",
    "Normalized",
    "PlaceCandidate",
    "PlaceKind",
    "Tense",
    "TextWarning",
    "actor_for_code",
    "default_gazetteer",
    "find_actors",
    "find_dates",
    "find_durations",
    "find_money",
    "find_places",
    "find_quantities",
    "money_text",
    "parse_money",
    "parse_quantity",
    "quantity_text",
    "resolve_actor",
    "resolve_date",
    "resolve_place",
    "tense_of",
]


def __getattr__(name: str) -> Any:
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(importlib.import_module(f".{module}", __name__), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted(__all__)
