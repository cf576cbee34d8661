"""Events on a Leaflet map in the notebook (folium, the ``secevents[map]`` extra).

One circle per located event, a layer per type (the layer control doubles as the
legend); places known only by their country sit at the country's centre in the
gazetteer, drawn hollow so that they do not pass for a precise position.
"""

from __future__ import annotations

import html
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any, Final

from ..model.events import Event
from ._html import describe

if TYPE_CHECKING:
    import folium

__all__ = ["events_map"]

#: One colour per type, in order of first appearance (matplotlib's default cycle).
_COLORS: Final = (
    "#1f77b4", "#ff7f0e", "#2ca02c", "#d62728", "#9467bd",
    "#8c564b", "#e377c2", "#7f7f7f", "#bcbd22", "#17becf",
)  # fmt: skip
_NOTE: Final = (
    '<div style="position:fixed;top:10px;left:54px;z-index:1000;background:white;'
    'padding:4px 8px;border:1px solid #999;border-radius:4px;font:13px sans-serif">{}</div>'
)


def events_map(events: Sequence[Event], *, tiles: str | None = "OpenStreetMap") -> folium.Map:
    """A folium Map of ``events``; see :meth:`secevents.EventCollection.map`."""
    try:
        import folium
    except ImportError:
        raise ImportError(
            "EventCollection.map() needs folium: pip install 'secevents[map]'"
        ) from None
    from ..interop.geojson import to_geojson

    by_id = {event.id: event for event in events}
    features = to_geojson(events, country_centers=True)["features"]
    placed = folium.Map(tiles=tiles, control_scale=True)
    layers: dict[str, Any] = {}
    points: list[tuple[float, float]] = []
    for feature in features:
        event = by_id[feature["id"]]
        lon, lat = feature["geometry"]["coordinates"]
        centred = feature["properties"].get("position") == "country_center"
        tag = event.type_tag
        if tag not in layers:
            color = _COLORS[len(layers) % len(_COLORS)]
            layers[tag] = (
                folium.FeatureGroup(name=f'<span style="color:{color}">●</span> {tag}'),
                color,
            )
        layer, color = layers[tag]
        folium.CircleMarker(
            location=(lat, lon),
            radius=8 if centred else 6,
            color=color,
            weight=2,
            fill=True,
            fill_color=color,
            fill_opacity=0.0 if centred else 0.7,
            dash_array="4" if centred else None,
            tooltip=html.escape(f"{tag} {describe(event.date)}".strip()),
            popup=folium.Popup(_popup(event, centred), max_width=320),
        ).add_to(layer)
        points.append((lat, lon))
    for layer, _ in layers.values():
        layer.add_to(placed)
    if layers:
        folium.LayerControl(collapsed=False).add_to(placed)
    if points:
        lats, lons = [p[0] for p in points], [p[1] for p in points]
        placed.fit_bounds([(min(lats), min(lons)), (max(lats), max(lons))], max_zoom=6)
    missing = len(events) - len(features)
    note = f"{len(features)} of {len(events)} events on the map"
    if missing:
        note += f" ({missing} without a place)"
    page = placed.get_root()
    assert isinstance(page, folium.Figure)
    page.html.add_child(folium.Element(_NOTE.format(html.escape(note))))
    return placed


def _popup(event: Event, centred: bool) -> str:
    rows = [
        ("type", event.type_tag),
        ("date", describe(event.date)),
        ("place", describe(event.location) + (" (country centre)" if centred else "")),
        ("actors", ", ".join(dict.fromkeys(describe(actor) for _, actor in event.actors))),
        ("summary", event.summary or ""),
    ]
    cells = "".join(
        f"<tr><th style='text-align:left;padding-right:6px'>{name}</th>"
        f"<td>{html.escape(value)}</td></tr>"
        for name, value in rows
        if value
    )
    return f"<table style='font-size:12px'>{cells}</table>"
