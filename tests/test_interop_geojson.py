"""GeoJSON export: RFC 7946 FeatureCollections, validated with the ``geojson`` package."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import geojson  # type: ignore[import-untyped]
import orjson
import pytest
from hypothesis import given
from hypothesis import strategies as st

import secevents as se
from secevents.interop.geojson import to_geojson
from secevents.testing import events

UCDP = (
    Path(__file__).parent
    / "data"
    / "realdata"
    / "ucdp"
    / "ucdpged_sample_1000_from_uncertainUCDP.csv"
)


def valid(collection: dict[str, Any]) -> bool:
    """Checked by the ``geojson`` package after a JSON round trip (what a map tool reads)."""
    parsed = geojson.loads(orjson.dumps(collection).decode())
    assert isinstance(parsed, geojson.FeatureCollection)
    return bool(parsed.is_valid)


def located(lat: float, lon: float, **fields: Any) -> se.Statement:
    return se.Statement(location=se.Location(name="P", lat=lat, lon=lon), **fields)


def test_points_are_lon_lat_and_the_collection_is_valid() -> None:
    dushanbe = located(38.56, 68.77, content="Drills went well.", confidence=0.5)
    collection = to_geojson([dushanbe])
    assert valid(collection)
    assert collection["type"] == "FeatureCollection" and "crs" not in collection
    (feature,) = collection["features"]
    assert feature["id"] == dushanbe.id
    assert feature["geometry"] == {"type": "Point", "coordinates": [68.77, 38.56]}
    props = feature["properties"]
    assert props["lat"] == 38.56 and props["confidence"] == 0.5  # numbers stay numbers
    assert props["content"] == "Drills went well." and "json" not in props


def test_unlocated_events_are_skipped_and_reported() -> None:
    named_only = se.Statement(location=se.Location(name="Kulob", country="TJK"))
    nowhere = se.Statement(content="x")
    skipped: list[se.Event] = []
    collection = to_geojson([named_only, located(0.0, 0.0), nowhere], on_skip=skipped.append)
    assert len(collection["features"]) == 1 and skipped == [named_only, nowhere]
    with_null = to_geojson([named_only, nowhere], include_unlocated=True)
    assert [f["geometry"] for f in with_null["features"]] == [None, None]
    assert valid(with_null)  # RFC 7946 3.2: a null geometry is an unlocated feature


def test_wire_properties_read_back() -> None:
    ev = located(-33.9, 151.2, speaker=se.Actor.person("A. Minister", title="Minister"))
    feature = to_geojson([ev], properties="wire")["features"][0]
    assert se.from_dict(feature["properties"]) == ev
    with pytest.raises(ValueError, match="properties"):
        to_geojson([ev], properties="table")  # type: ignore[arg-type]


def test_extreme_coordinates() -> None:
    corners = [located(lat, lon) for lat, lon in ((-90.0, -180.0), (90.0, 180.0), (0.0, -0.0))]
    collection = to_geojson(corners)
    assert valid(collection)
    assert [f["geometry"]["coordinates"] for f in collection["features"]] == [
        [-180.0, -90.0],
        [180.0, 90.0],
        [-0.0, 0.0],
    ]


@pytest.mark.skipif(not UCDP.exists(), reason="UCDP sample not copied into tests/data yet")
def test_real_ucdp_events_make_a_valid_map() -> None:
    from secevents.interop.ucdp import read_ucdp

    evs = list(read_ucdp(UCDP))
    skipped: list[se.Event] = []
    collection = to_geojson(evs, on_skip=skipped.append)
    assert len(collection["features"]) + len(skipped) == 1000
    assert len(collection["features"]) == 1000  # every GED row has coordinates
    assert valid(collection)
    first = collection["features"][0]
    assert first["geometry"]["coordinates"] == [36.558974, 35.763369]  # Rami village, Syria
    assert first["properties"]["country"] == "SYR" and first["properties"]["fatalities_value"] == 2


@given(st.lists(events(), max_size=4))
def test_any_events_give_a_valid_collection(evs: list[se.Event]) -> None:
    skipped: list[se.Event] = []
    collection = to_geojson(evs, on_skip=skipped.append)
    assert valid(collection)
    assert len(collection["features"]) + len(skipped) == len(evs)
    for feature in collection["features"]:
        lon, lat = feature["geometry"]["coordinates"]
        assert -180 <= lon <= 180 and -90 <= lat <= 90
        assert feature["properties"]["lat"] == lat and feature["properties"]["lon"] == lon
