"""Events on a map: country centres from the gazetteer, GeoJSON geometry, the folium map
(issue 16)."""

from __future__ import annotations

import importlib.util

import pytest

import secevents as se
from secevents.interop.geojson import to_geojson
from secevents.normalize import default_gazetteer

KULOB = se.Location(name="Kulob", country="TJK", lat=37.9146, lon=69.7845)
BORDER = se.Location(country="TJK", border_with="AFG", precision="border")


@pytest.mark.parametrize(
    ("country", "south", "north", "west", "east"),
    [
        ("TJK", 36.6, 41.1, 67.3, 75.2),
        ("AFG", 29.3, 38.5, 60.5, 74.9),
        ("NOR", 57.9, 71.2, 4.5, 31.2),
        ("CHL", -56.0, -17.5, -75.7, -66.4),
    ],
)
def test_country_centers_lie_in_the_country(
    country: str, south: float, north: float, west: float, east: float
) -> None:
    center = default_gazetteer().country_center(country)
    assert center is not None
    lat, lon = center
    assert south < lat < north and west < lon < east


def test_a_country_across_the_antimeridian_is_not_placed_on_the_other_side() -> None:
    center = default_gazetteer().country_center("FJI")  # Fiji: islands on both sides of 180°
    assert center is not None and abs(center[1]) > 170 and -21 < center[0] < -12


def test_unknown_or_placeless_countries_have_no_center() -> None:
    assert default_gazetteer().country_center("ZZZ") is None
    assert default_gazetteer().country_center("ATA") is None  # Antarctica: no places


def test_geojson_places_country_level_events_at_the_center_when_asked() -> None:
    events = [se.Statement(location=KULOB), se.Statement(location=BORDER), se.Statement()]
    plain = to_geojson(events)
    assert len(plain["features"]) == 1
    centred = to_geojson(events, country_centers=True)["features"]
    assert len(centred) == 2 and centred[0]["geometry"]["coordinates"] == [69.7845, 37.9146]
    lon, lat = centred[1]["geometry"]["coordinates"]
    assert (lat, lon) == default_gazetteer().country_center("TJK")
    assert centred[1]["properties"]["position"] == "country_center"
    assert "position" not in centred[0]["properties"]
    collection = se.EventCollection(events)
    assert len(collection.to_geojson()["features"]) == 2
    assert len(collection.to_geojson(country_centers=False)["features"]) == 1


@pytest.mark.skipif(importlib.util.find_spec("folium") is None, reason="needs folium")
def test_the_map_draws_each_located_event_once() -> None:
    events = se.EventCollection(
        [
            se.JointExercise(name="Rubezh", location=KULOB, date=se.DateSpan.parse("2021-10")),
            se.BaseConstruction(location=BORDER, summary="A <b>base</b>"),
            se.Statement(content="no place"),
        ]
    )
    page = events.map(tiles=None).get_root().render()
    assert page.count("L.circleMarker(") == 2
    assert "2 of 3 events on the map (1 without a place)" in page
    assert "A &lt;b&gt;base&lt;/b&gt;" in page and "A <b>base</b>" not in page
    assert "(country centre)" in page  # the border place sits at the centre of TJK
    assert page.count("L.featureGroup(") == 2  # one layer per type


def test_the_map_without_folium_says_how_to_install(monkeypatch: pytest.MonkeyPatch) -> None:
    import builtins

    real_import = builtins.__import__

    def no_folium(name: str, *args: object, **kwargs: object) -> object:
        if name == "folium":
            raise ImportError(name)
        return real_import(name, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(builtins, "__import__", no_folium)
    with pytest.raises(ImportError, match=r"pip install 'secevents\[map\]'"):
        se.EventCollection([se.Statement(location=KULOB)]).map()


def test_the_docs_pictures_exist() -> None:
    import re
    from pathlib import Path

    docs = Path(__file__).parent.parent / "docs"
    pictures = re.findall(r"!\[[^\]]*\]\((images/[^)]+)\)", (docs / "notebook.md").read_text())
    assert pictures == [
        "images/notebook-report.png",
        "images/notebook-collection.png",
        "images/notebook-timeline.png",
        "images/notebook-map.png",
    ]
    for picture in pictures:
        assert (docs / picture).read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
