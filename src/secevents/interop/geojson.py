"""Events as a GeoJSON FeatureCollection (RFC 7946) for maps.

One Feature per event with coordinates: a Point ``[lon, lat]``. Properties are
the flat columns (:mod:`secevents.interop.flat`) or the wire dict.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable
from typing import Any, Literal

from ..model.events import Event
from ..model.places import Location
from ..model.registry import registry
from ..wire.serialize import to_dict
from ._columns import specs_of, typed_row

__all__ = ["to_geojson"]


def to_geojson(
    events: Iterable[Event],
    *,
    properties: Literal["flat", "wire"] = "flat",
    include_unlocated: bool = False,
    on_skip: Callable[[Event], None] | None = None,
    country_centers: bool = False,
) -> dict[str, Any]:
    """An RFC 7946 FeatureCollection of ``events``: a Point ``[lon, lat]`` per located event.

    Events without coordinates are left out (``on_skip`` is called with each),
    or, with ``include_unlocated=True``, given ``"geometry": null``. Each
    Feature's ``id`` is the event id; ``properties`` are the flat CSV columns
    that have a value (numbers as numbers, lists as lists, dates as ISO text;
    no ``json``), or with ``properties="wire"`` the event's wire dict, which
    ``secevents.from_dict`` reads back.

    With ``country_centers=True`` an event whose place is known only by its
    country (no coordinates) is placed at the country's centre in the gazetteer
    (:meth:`~secevents.normalize.GeoNamesGazetteer.country_center`); its flat
    properties say so with ``"position": "country_center"``.

    >>> import secevents as se
    >>> ev = se.Statement(location=se.Location(name="Dushanbe", lat=38.56, lon=68.77))
    >>> feature = to_geojson([ev])["features"][0]
    >>> feature["geometry"], feature["properties"]["location"]
    ({'type': 'Point', 'coordinates': [68.77, 38.56]}, 'Dushanbe')
    """
    if properties not in ("flat", "wire"):
        raise ValueError(f"properties must be 'flat' or 'wire', not {properties!r}")
    features = []
    for event in events:
        point, centred = _point(event.location, country_centers)
        if point is None and not include_unlocated:
            if on_skip is not None:
                on_skip(event)
            continue
        geometry = None if point is None else {"type": "Point", "coordinates": point}
        wire = to_dict(event)
        props = wire if properties == "wire" else _flat(wire, event)
        if centred and properties == "flat":
            props["position"] = "country_center"
        features.append(
            {"type": "Feature", "id": event.id, "geometry": geometry, "properties": props}
        )
    return {"type": "FeatureCollection", "features": features}


def _point(location: Location | None, country_centers: bool) -> tuple[list[float] | None, bool]:
    """The ``[lon, lat]`` of a place, and whether it is its country's centre."""
    if location is None:
        return None, False
    if location.lat is not None and location.lon is not None:
        return [location.lon, location.lat], False
    if country_centers and location.country is not None:
        from ..normalize.places import default_gazetteer

        center = default_gazetteer().country_center(location.country)
        if center is not None:
            return [center[1], center[0]], True
    return None, False


def _flat(wire: dict[str, Any], event: Event) -> dict[str, Any]:
    row = typed_row(wire, specs_of(registry.get(event.type_tag)))
    return {
        name: value.isoformat() if isinstance(value, dt.date) else value
        for name, value in row.items()
        if value is not None and value != [] and value != ""
    }
