"""ACLED-style import and export on hand-written rows (ACLED's terms forbid redistributing data).

The rows below are made up in the columns and conventions of an ACLED export
(2023 layout); they are not ACLED data.
"""

# ruff: noqa: E501 (the rows are CSV lines as an export writes them)
from __future__ import annotations

import csv
import datetime as dt
import io
from collections import Counter
from collections.abc import Iterable
from pathlib import Path

import attrs
from hypothesis import given
from hypothesis import strategies as st

import secevents as se
from secevents.interop import kept_columns
from secevents.interop.acled import ACLED_COLUMNS, acled_plover, acled_rows, read_acled, write_acled

ROWS_CSV = """\
event_id_cnty,event_date,year,time_precision,disorder_type,event_type,sub_event_type,actor1,assoc_actor_1,inter1,actor2,assoc_actor_2,inter2,interaction,civilian_targeting,iso,region,country,admin1,admin2,admin3,location,latitude,longitude,geo_precision,source,source_scale,notes,fatalities,tags,timestamp
SDN21001,2023-05-14,2023,1,Political violence,Battles,Armed clash,Military Forces of Sudan (2019-),,1,Rapid Support Forces,,3,13,,729,Northern Africa,Sudan,Khartoum,Khartoum,,Khartoum,15.5518,32.5324,1,Sudan Tribune; Radio Dabanga,National,"On 14 May 2023, SAF and RSF clashed near the airport in Khartoum.",12,,1684780800
SDN21002,2023-05-17,2023,2,Political violence,Explosions/Remote violence,Air/drone strike,Military Forces of Sudan (2019-),,1,Rapid Support Forces,,3,13,,729,Northern Africa,Sudan,North Darfur,El Fasher,,El Fasher,13.6289,25.3494,2,Radio Dabanga,Subnational,"During the week of 14 May 2023, SAF aircraft struck RSF positions around El Fasher.",0,,1684867200
SDN21003,2023-05-15,2023,3,Political violence,Violence against civilians,Attack,Rapid Support Forces,,3,Civilians (Sudan),,7,37,Civilian targeting,729,Northern Africa,Sudan,West Darfur,Geneina,,Geneina,13.4525,22.4472,3,Darfur 24,Subnational,"In May 2023, RSF fighters attacked civilians in Geneina.",30,,1685404800
TJK1201,2021-10-20,2021,1,Demonstrations,Protests,Peaceful protest,Protesters (Tajikistan),Women (Tajikistan),6,,,0,60,,762,Caucasus and Central Asia,Tajikistan,Dushanbe,,,Dushanbe,38.5358,68.7791,1,Asia-Plus,National,"On 20 October 2021, around 50 women protested in Dushanbe.",0,crowd size=around 50,1635120000
TJK1202,2021-10-27,2021,1,Strategic developments,Strategic developments,Headquarters or base established,Military Forces of Russia (2000-),,8,,,0,80,,762,Caucasus and Central Asia,Tajikistan,Khatlon,Kulob,,Kulob,37.9146,69.7845,2,Khovar; TASS,International,"On 27 October 2021, Russian forces set up a forward post near Kulob.",0,,1635724800
AFG9001,2021-08-15,2021,1,Political violence,Battles,Non-state actor overtakes territory,Taliban,,2,Military Forces of Afghanistan (2004-2021),,1,12,,4,Caucasus and Central Asia,Afghanistan,Kabul,Kabul,,Kabul,34.5167,69.1833,1,Pajhwok Afghan News,National,"On 15 August 2021, the Taliban took Kabul.",0,,1629072000
XKX501,2022-12-10,2022,1,Demonstrations,Riots,Violent demonstration,Rioters (Kosovo),,5,Police Forces of Kosovo (2008-),,1,15,,0,Europe,Kosovo,Mitrovica,,,North Mitrovica,42.8914,20.8660,1,Koha Ditore,National,"On 10 December 2022, rioters clashed with police in North Mitrovica.",0,,1670889600
"""


def read_rows() -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(ROWS_CSV)))


def by_id(events: Iterable[se.Event]) -> dict[str, se.Event]:
    return {kept_columns(e, "acled")["event_id_cnty"]: e for e in events}


def coded(event: se.Event) -> se.CodedEvent:
    assert isinstance(event, se.CodedEvent)
    return event


def test_counts_and_warnings() -> None:
    reader = read_acled(read_rows())
    events = list(reader)
    stats = reader.stats
    assert (stats.rows, stats.events, stats.mapped, stats.coded, stats.skipped) == (7, 7, 1, 6, 0)
    # Kosovo's iso is 0 (it has no ISO 3166-1 numeric code): read from the country name.
    assert [(w.row, w.code, w.column) for w in reader.warnings] == [(7, "repaired_code", "iso")]
    assert Counter(e.type_tag for e in events) == {"coded_event": 6, "base_construction": 1}


def test_fields() -> None:
    events = by_id(read_acled(read_rows()))
    clash = coded(events["SDN21001"])
    assert (clash.scheme, clash.code, clash.label) == (
        "acled",
        "Battles/Armed clash",
        "Armed clash",
    )
    assert str(clash.date) == "2023-05-14"
    assert clash.fatalities == se.Quantity(12, unit="deaths")
    assert clash.actor == se.Actor(
        kind="military", code="SDN", country="SDN", name="Military Forces of Sudan (2019-)"
    )
    assert clash.target == se.Actor(kind="armed_group", code="RSF", name="Rapid Support Forces")
    assert clash.location == se.Location(
        name="Khartoum", country="SDN", admin1="SD-KH", lat=15.5518, lon=32.5324,
        precision="settlement",
    )  # fmt: skip
    assert [s.publisher for s in clash.sources] == ["Sudan Tribune", "Radio Dabanga"]
    assert clash.reported == se.DateSpan.parse("2023-05-22")
    assert clash.summary is not None and clash.summary.startswith("On 14 May 2023")

    week = coded(events["SDN21002"])
    assert str(week.date) == "2023-05-14/2023-05-20"  # time_precision 2: the week around the date
    assert week.location is not None and week.location.near  # geo_precision 2
    month = coded(events["SDN21003"])
    assert str(month.date) == "2023-05"  # time_precision 3: the month
    assert month.location is not None and month.location.precision == "admin1"

    protest = coded(events["TJK1201"])
    assert protest.tags == ("crowd size=around 50",)
    assert kept_columns(protest, "acled")["assoc_actor_1"] == "Women (Tajikistan)"
    assert protest.actor == se.Actor(kind="other", name="Protesters (Tajikistan)")

    base = events["TJK1202"]
    assert isinstance(base, se.BaseConstruction)
    assert base.facility == "military_base" and base.status == "operational"
    assert base.host == se.Actor.state("TJK")
    assert base.builder is not None and base.builder.name == "Military Forces of Russia (2000-)"

    taliban = coded(events["AFG9001"])
    assert taliban.actor is not None and taliban.actor.code == "TALIBAN"
    assert taliban.location is not None and taliban.location.country == "AFG"


def test_round_trip_rows_and_file(tmp_path: Path) -> None:
    rows = read_rows()
    events = list(read_acled(rows))
    assert list(acled_rows(events)) == rows
    target = tmp_path / "acled.csv"
    assert write_acled(events, target) == 7
    assert target.read_text(encoding="utf-8") == ROWS_CSV
    again = list(read_acled(target))
    assert again == events  # re-import: same ids, same fields
    assert list(acled_rows(se.loads(se.dumps(e)) for e in events)) == rows


def test_originals_are_kept_only_where_needed() -> None:
    events = list(read_acled(read_rows()))
    originals = Counter(
        column for e in events for column in kept_columns(e, "acled").get("_original", {})
    )
    # admin1 names (the field holds ISO 3166-2 codes), Kosovo's iso 0 and a longitude written
    # with a trailing zero are the only mapped cells kept as text.
    assert originals == {"admin1": 7, "longitude": 1, "iso": 1}
    kosovo = by_id(events)["XKX501"]
    assert kosovo.location is not None and kosovo.location.country == "XKX"


def test_bad_rows() -> None:
    rows = read_rows()[:3]
    rows[0] = {**rows[0], "event_date": "someday", "fatalities": "many", "timestamp": "9" * 17}
    rows[1] = {**rows[1], "time_precision": "7", "inter1": "9", "latitude": "north"}
    rows[2] = {**rows[2], "event_id_cnty": ""}
    reader = read_acled(rows)
    events = list(reader)
    assert len(events) == 3 and reader.stats.skipped == 0
    assert [(w.row, w.code, w.column) for w in reader.warnings] == [
        (1, "bad_value", "event_date"),
        (1, "bad_value", "timestamp"),
        (1, "bad_value", "fatalities"),
        (2, "unknown_code", "time_precision"),
        (2, "bad_value", "latitude"),
        (2, "bad_value", "latitude"),
        (2, "unknown_code", "inter1"),
        (3, "missing_value", "event_id_cnty"),
    ]
    assert list(acled_rows(events)) == rows


def test_a_row_without_an_id_is_kept_with_an_id_from_its_content() -> None:
    rows = [{**row, "event_id_cnty": ""} for row in read_rows()[:2]]
    reader = read_acled(rows)
    first, second = reader
    assert reader.stats.skipped == 0 and reader.stats.events == 2
    assert [(w.row, w.code, w.column) for w in reader.warnings] == [
        (1, "missing_value", "event_id_cnty"),
        (2, "missing_value", "event_id_cnty"),
    ]
    assert first.id != second.id and first.id.startswith("coded_event--")
    assert [e.id for e in read_acled(rows)] == [first.id, second.id]  # re-import: same ids
    assert list(acled_rows([first, second])) == rows


def test_export_events_not_read_from_acled() -> None:
    base = se.BaseConstruction(
        builder=se.Actor.military("RUS"),
        host=se.Actor.state("TJK"),
        status=se.ConstructionStatus.AGREED,
        date=se.DateSpan.parse("2021-10"),
        location=se.Location(name="Kulob", country="TJK", precision="settlement"),
    )
    cells = next(acled_rows([base]))
    assert (cells["event_type"], cells["sub_event_type"]) == (
        "Strategic developments", "Headquarters or base established",
    )  # fmt: skip
    assert (cells["event_date"], cells["time_precision"]) == ("2021-10-15", "3")
    assert (cells["iso"], cells["country"], cells["location"]) == ("762", "Tajikistan", "Kulob")
    assert cells["actor1"] == "Military Forces of Russia"
    assert set(cells) == set(ACLED_COLUMNS)


def test_plover_categories() -> None:
    assert acled_plover("Protests/Peaceful protest") is not None
    assert acled_plover("Riots/Violent demonstration").mode == "riot"  # type: ignore[union-attr]
    assert acled_plover("Strategic developments/Other") is None


def test_edited_field_wins() -> None:
    event = coded(next(iter(read_acled(read_rows()[2:3]))))
    assert next(acled_rows([event]))["event_date"] == "2023-05-15"
    moved = attrs.evolve(event, date=se.DateSpan.parse("2023-06"))
    assert next(acled_rows([moved]))["event_date"] == "2023-06-15"


@given(
    day=st.dates(min_value=dt.date(1997, 1, 1), max_value=dt.date(2030, 12, 31)),
    precision=st.sampled_from("123"),
    fatalities=st.integers(0, 5000),
    latitude=st.floats(-90, 90, allow_nan=False).map(lambda x: f"{x:.4f}"),
)
def test_any_row_round_trips(day: dt.date, precision: str, fatalities: int, latitude: str) -> None:
    cells = {
        **read_rows()[0],
        "event_date": day.isoformat(),
        "year": str(day.year),
        "time_precision": precision,
        "fatalities": str(fatalities),
        "latitude": latitude,
    }
    events = list(read_acled([cells]))
    assert list(acled_rows(events)) == [cells]
    assert list(acled_rows([se.loads(se.dumps(events[0]))])) == [cells]


STATE_FORCES = [
    ("Military Forces of the Democratic Republic of Congo (2019-)", "1", "military", "COD"),
    ("Military Forces of Russia (2000-)", "8", "military", "RUS"),
    ("Military Forces of Russia (2000-)", "External/Other forces", "military", "RUS"),
    ("Military Forces of Sudan (2019-)", "State forces", "military", "SDN"),
    ("Police Forces of Kosovo (2008-)", "1", "government", "XKX"),
    ("Police Forces of the Central African Republic (2016-)", "State forces", "government", "CAF"),
    ("Government of Sudan (2019-)", "1", "government", "SDN"),
    ("Taliban", "Rebel group", "armed_group", "TALIBAN"),
    ("Rapid Support Forces", "Political militia", "armed_group", "RSF"),
    ("Fulani Ethnic Militia (Nigeria)", "Identity militia", "armed_group", None),
    ("Rioters (Kosovo)", "Rioters", "other", None),
    ("Protesters (Tajikistan)", "protesters", "other", None),
    ("Civilians (Sudan)", "Civilians", "other", None),
    ("UN: United Nations", "External/Other forces", "other", None),
]


def test_state_forces_and_text_inter_labels() -> None:
    rows = [
        {**read_rows()[0], "event_id_cnty": f"X{i}", "actor1": name, "inter1": inter}
        for i, (name, inter, _, _) in enumerate(STATE_FORCES)
    ]
    reader = read_acled(rows)
    actors = [coded(e).actor for e in reader]
    assert reader.warnings == []
    assert [(a.kind.value, a.code) for a in actors if a is not None] == [
        (kind, code) for _, _, kind, code in STATE_FORCES
    ]
    state = [a for a in actors if a is not None and a.kind.value in ("military", "government")]
    assert all(a.country == a.code for a in state) and len(state) == 7
    assert list(acled_rows(read_acled(rows))) == rows


def test_state_forces_that_cannot_be_coded_warn() -> None:
    rows = [
        {**read_rows()[0], "actor1": "Military Forces of Atlantis (2001-)", "inter1": "1",
         "actor2": "Police Forces of Narnia", "inter2": "8"},
        {**read_rows()[0], "event_id_cnty": "X2", "inter1": "Space forces"},
    ]  # fmt: skip
    reader = read_acled(rows)
    first, second = (coded(e) for e in reader)
    assert [(w.row, w.code, w.column) for w in reader.warnings] == [
        (1, "unresolved_actor", "actor1"),
        (1, "unresolved_actor", "actor2"),
        (2, "unknown_code", "inter1"),
    ]
    assert "Atlantis" in reader.warnings[0].message
    assert first.actor == se.Actor(kind="military", name="Military Forces of Atlantis (2001-)")
    assert first.target == se.Actor(kind="government", name="Police Forces of Narnia")
    # an unknown inter does not hide the state forces' pattern
    assert second.actor is not None and (second.actor.kind, second.actor.code) == (
        "military",
        "SDN",
    )


def test_files_in_another_encoding(tmp_path: Path) -> None:
    path = tmp_path / "acled.csv"
    path.write_bytes(ROWS_CSV.replace("Kulob,,Kulob", "K\u00fclob,,K\u00fclob").encode("cp1252"))
    events = by_id(read_acled(path, encoding="cp1252"))
    location = events["TJK1202"].location
    assert location is not None and location.name == "K\u00fclob"
    assert len(list(read_acled(path, errors="replace"))) == 7


def test_equal_actors_and_publishers_of_different_cells_are_one_object(tmp_path: Path) -> None:
    # Rapid Support Forces is actor2 of SDN21001 and actor1 of SDN21003; Radio Dabanga is
    # a publisher of SDN21001's two sources and SDN21002's one. Each is one object of the
    # read (as equal actors of one column already were), and written back as before.
    path = tmp_path / "acled.csv"
    path.write_text(ROWS_CSV, encoding="utf-8")
    events = by_id(read_acled(path))
    first, second, third = (coded(events[f"SDN2100{n}"]) for n in (1, 2, 3))
    assert first.target is not None and first.target == third.actor
    assert first.target is third.actor
    assert first.sources[1] == second.sources[0] and first.sources[1] is second.sources[0]
    assert [s.publisher for s in first.sources] == ["Sudan Tribune", "Radio Dabanga"]
    assert list(acled_rows(events.values())) == read_rows()
    again = by_id(read_acled(path))  # another read: objects of its own
    assert again["SDN21001"] == first and coded(again["SDN21001"]).target is not first.target
