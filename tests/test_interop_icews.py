"""ICEWS events, on rows written for these tests (the ICEWS licence forbids shipping its data)."""

from __future__ import annotations

import collections
import csv
import io
from pathlib import Path
from typing import Any

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

import secevents as se
from secevents.interop import dataset_event_id, kept_columns, read_icews, write_icews
from secevents.interop.cameo import cameo_table
from secevents.interop.icews import ICEWS_COLUMNS, country_code, icews_rows

# Invented rows in the ICEWS layout: reciprocal pairs, NA cells, sector actors,
# named people and organisations, a lost leading zero, an unknown country.
ROWS = [
    "101\t2021-10-20\tMinistry (Tajikistan)\tExecutive,Ministry,Government\tTajikistan\t"
    "Consult\t040\t1\tDefense / Security Ministry (Russian Federation)\t"
    "Military,Government,Defense / Security Ministry\tRussian Federation\t9001\t1\t"
    "Asia-Plus\tDushanbe\tNA\tDushanbe\tTajikistan\t38.5358\t68.7791",
    "102\t2021-10-20\tDefense / Security Ministry (Russian Federation)\t"
    "Military,Government,Defense / Security Ministry\tRussian Federation\tConsult\t040\t1\t"
    "Ministry (Tajikistan)\tExecutive,Ministry,Government\tTajikistan\t9001\t1\tAsia-Plus\t"
    "Dushanbe\tNA\tDushanbe\tTajikistan\t38.5358\t68.7791",
    "103\t2021-10-21\tRussia\tNA\tRussian Federation\tCooperate militarily\t62\t7.4\t"
    "Tajikistan\tNA\tTajikistan\t9002\t3\tTASS\tNA\tNA\tKhatlon\tTajikistan\t37.9\t69.8",
    "104\t2021-10-21\tEmomali Rahmon\tGovernment,Executive\tTajikistan\tMake optimistic comment\t"
    "013\t0.4\tNA\tNA\tNA\t9003\t1\tKhovar\tNA\tNA\tNA\tTajikistan\tNA\tNA",
    "105\t2021-10-22\tTaliban\tInsurgents,Radicals\tAfghanistan\tThreaten with military force\t"
    "138\t-7\tBorder Guards (Tajikistan)\tMilitary,Border Guards\tTajikistan\t9004\t2\t"
    "Khaama Press\tNA\tNA\tBadakhshan\tAfghanistan\t37.1\t70.6",
    "106\t2021-10-22\tEuropean Union\tInternational Government Organization\tNA\t"
    "Complain officially\t114\t-2\tForeign Affairs (Belarus)\tForeign Ministry,Government\t"
    "Belarus\t9005\t1\tEUobserver\tBrussels\tNA\tBrussels Capital\tBelgium\t50.85\t4.35",
    "107\t2021-10-23\tCitizen (Atlantis)\tGeneral Population / Civilian / Social\tAtlantis\t"
    "Demonstrate or rally\t141\t-6.5\tPolice (Atlantis)\tPolice\tAtlantis\t9006\t4\tNA\t"
    "NA\tNA\tNA\tNA\tNA\tNA",
    "101\t2021-10-24\tUkraine\tNA\tUkraine\tComplain officially\t114\t-2\tRussia\tNA\t"
    "Russian Federation\t9007\t1\tUkrinform\tKyiv\tNA\tKyiv\tUkraine\t50.45\t30.52",
]
HEADER = "\t".join(ICEWS_COLUMNS)


def _table(rows: list[str] = ROWS) -> list[list[str]]:
    return [line.split("\t") for line in [HEADER, *rows]]


def _read(rows: list[str] = ROWS) -> tuple[list[se.Event], Any]:
    reader = read_icews(_table(rows))
    return list(reader), reader


def test_rows_are_well_formed() -> None:
    assert all(len(line.split("\t")) == 20 for line in ROWS)


def test_counts_and_types() -> None:
    events, reader = _read()
    stats = reader.stats
    assert (stats.rows, stats.events, stats.skipped, stats.mapped, stats.coded) == (8, 8, 0, 3, 5)
    types = collections.Counter(type(e).__name__ for e in events)
    assert types == {"CodedEvent": 5, "JointExercise": 1, "Statement": 1, "DiplomaticCommunique": 1}
    assert collections.Counter(w.code for w in reader.warnings) == {
        "repaired_code": 1,
        "unknown_country": 2,
    }
    assert [(w.row, w.column) for w in reader.warnings] == [
        (3, "CAMEO Code"),
        (7, "Source Country"),
        (7, "Target Country"),
    ]
    assert stats.warned == 2


def test_fields() -> None:
    events, _ = _read()
    consult, reciprocal, exercise, remark, threat, complaint, protest, note = events
    assert isinstance(consult, se.CodedEvent) and (consult.code, consult.label) == (
        "040",
        "Consult",
    )
    assert consult.actor == se.Actor(
        kind="government", code="TJK", country="TJK", name="Ministry (Tajikistan)"
    )
    assert consult.target is not None and consult.target.kind == se.ActorKind.MILITARY
    assert isinstance(reciprocal, se.CodedEvent)
    assert (reciprocal.actor, reciprocal.target) == (consult.target, consult.actor)
    assert consult.location == se.Location(
        name="Dushanbe", country="TJK", lat=38.5358, lon=68.7791, precision="settlement"
    )
    assert consult.sources == (se.Source(publisher="Asia-Plus"),)
    assert str(consult.date) == "2021-10-20" and consult.reported is None
    assert isinstance(exercise, se.JointExercise)
    assert exercise.participants == (
        se.Actor.state("RUS", name="Russia"),
        se.Actor.state("TJK", name="Tajikistan"),
    )
    assert (
        exercise.location is not None and exercise.location.precision == se.LocationPrecision.ADMIN1
    )
    assert isinstance(remark, se.Statement)
    assert remark.speaker == se.Actor.person("Emomali Rahmon", country="TJK")
    assert remark.location == se.Location(country="TJK", precision="country")
    assert isinstance(threat, se.CodedEvent) and threat.actor is not None
    assert (threat.actor.kind, threat.actor.code) == (se.ActorKind.ARMED_GROUP, "TALIBAN")
    assert threat.actor.country == "AFG"  # from Source Country
    # The EU is no state: its complaint is not a diplomatic note between states.
    assert isinstance(complaint, se.CodedEvent) and complaint.actor is not None
    assert (complaint.actor.kind, complaint.actor.code) == (se.ActorKind.ORGANIZATION, "EU")
    assert isinstance(protest, se.CodedEvent) and protest.location is None
    assert protest.actor == se.Actor(kind="other", name="Citizen (Atlantis)")
    assert protest.target == se.Actor(kind="government", name="Police (Atlantis)")
    assert isinstance(note, se.DiplomaticCommunique) and note.medium == se.Medium.PROTEST_NOTE
    kept = kept_columns(consult, "icews")
    assert kept["Story ID"] == "9001" and kept["Event Text"] == "Consult"
    # Sectors no field holds are kept with the actor's cells, while it stays the same actor.
    original = kept["_original"]
    assert original["Source Sectors"] == "Executive,Ministry,Government"
    assert "District" not in kept and "District" not in original and "Event ID" in kept


def test_ids_use_event_id_and_date() -> None:
    events, _ = _read()
    # Rows 1 and 8 share Event ID 101 (ICEWS ids repeat across dates).
    assert events[0].id != events[7].id
    assert events[0].id == dataset_event_id("coded_event", "icews", "101:2021-10-20")
    assert len({e.id for e in events}) == len(events)
    again, _ = _read()
    assert [e.id for e in again] == [e.id for e in events]


def test_round_trip_rows() -> None:
    events, _ = _read()
    written = list(icews_rows(events))
    expected = [dict(zip(ICEWS_COLUMNS, line.split("\t"), strict=True)) for line in ROWS]
    expected[2]["CAMEO Code"] = "062"  # the one repair
    assert written == expected


def test_quoted_sectors_file_round_trip(tmp_path: Path) -> None:
    lines = [
        HEADER,
        ROWS[0].replace("Executive,Ministry,Government", '"Executive,Ministry,Government"'),
    ]
    source = tmp_path / "events.2021.tab"
    source.write_text("\n".join(lines) + "\n", encoding="utf-8")
    events = list(read_icews(source))
    original = kept_columns(events[0], "icews")["_original"]
    assert original["Source Sectors"] == "Executive,Ministry,Government"
    target = tmp_path / "out.tab"
    assert write_icews(events, target) == 1
    with open(target, encoding="utf-8", newline="") as handle:
        back = list(csv.reader(handle, delimiter="\t"))
    assert back == [HEADER.split("\t"), ROWS[0].split("\t")]


def test_missing_cells_and_bad_values() -> None:
    events, reader = _read(
        [
            "201\tsoon\tNA\tNA\tNA\tNA\t999\tNA\tNA\tNA\tNA\tNA\tNA\tNA\tNA\tNA\tNA\tNA\tx\ty",
            "202\t2021-10-20\tRussia",
        ]
    )
    assert len(events) == 2
    found = [(w.row, w.code, w.column) for w in reader.warnings]
    assert found == [
        (1, "unknown_code", "CAMEO Code"),
        (1, "bad_value", "Event Date"),
        (1, "bad_value", "Latitude"),
        (2, "bad_row", None),
        (2, "unknown_code", "CAMEO Code"),
    ]
    assert events[0].date is None and events[0].location is None
    assert next(iter(icews_rows(events)))["Event Date"] == "soon"


def test_events_not_from_icews_export() -> None:
    exercise = se.JointExercise(
        participants=(se.Actor.military("RUS"), se.Actor.state("TJK")),
        date=se.DateSpan.parse("2021-10-22"),
        location=se.Location(name="Kulob", country="TJK", precision="settlement"),
        sources=(se.Source(publisher="TASS"),),
    )
    row = next(icews_rows([exercise]))
    assert row["CAMEO Code"] == "062" and row["Event Text"] == "Cooperate militarily"
    assert (row["Source Name"], row["Source Sectors"], row["Source Country"]) == (
        "Russian Federation",
        "Military",
        "Russian Federation",
    )
    assert (row["Target Name"], row["Target Sectors"]) == ("Tajikistan", "NA")
    assert (row["City"], row["Country"], row["Latitude"], row["Event ID"]) == (
        "Kulob",
        "Tajikistan",
        "NA",
        "NA",
    )
    back = next(read_icews([list(row.values())]))
    assert isinstance(back, se.JointExercise)
    assert [a.code for a in back.participants] == ["RUS", "TJK"]
    out = io.StringIO()
    assert write_icews([exercise], out, header=False) == 1
    assert out.getvalue().count("\n") == 1


def test_edited_event_writes_new_values() -> None:
    events, _ = _read()
    coded = events[0]
    assert isinstance(coded, se.CodedEvent)
    edited = attrs.evolve(coded, actor=se.Actor.state("KGZ"))
    row = next(icews_rows([edited]))
    assert (row["Source Name"], row["Source Sectors"], row["Source Country"]) == (
        "Kyrgyzstan",
        "NA",
        "Kyrgyzstan",
    )
    assert row["Target Name"] == "Defense / Security Ministry (Russian Federation)"


def test_lone_target_of_an_exercise_is_written_back_as_target() -> None:
    line = (
        "105\t2021-10-22\tNA\tNA\tNA\tCooperate militarily\t062\t7.4\tTajikistan\tNA\t"
        "Tajikistan\t9003\t1\tTASS\tNA\tNA\tNA\tTajikistan\tNA\tNA"
    )
    (event,) = list(read_icews([HEADER.split("\t"), line.split("\t")]))
    assert isinstance(event, se.JointExercise) and len(event.participants) == 1
    row = next(icews_rows([event]))
    assert list(row.values()) == line.split("\t")
    moved = attrs.evolve(event, participants=(se.Actor.state("KGZ"),))
    row = next(icews_rows([moved]))
    assert (row["Source Name"], row["Target Name"], row["Target Country"]) == (
        "Kyrgyzstan",
        "NA",
        "NA",
    )


def test_country_names() -> None:
    assert country_code("Russian Federation") == "RUS"
    assert country_code("North Korea") == "PRK"
    assert country_code("Occupied Palestinian Territory") == "PSE"
    assert country_code("Atlantis") is None and country_code("") is None


_NAMES = st.sampled_from(
    [
        ("NA", "NA", "NA"),
        ("Russia", "NA", "Russian Federation"),
        ("Police (India)", "Police", "India"),
        ("Narendra Modi", "Government,Executive", "India"),
        ("United Nations", "International Government Organization", "NA"),
    ]
)


@given(
    code=st.sampled_from(sorted(c for c in cameo_table() if len(c) >= 3)),
    source=_NAMES,
    target=_NAMES,
    day=st.dates(min_value=__import__("datetime").date(1995, 1, 1)),
    place=st.sampled_from(
        [
            ("NA", "NA", "NA", "NA", "NA", "NA"),
            ("Mumbai", "NA", "Maharashtra", "India", "19.0728", "72.8826"),
            ("NA", "Nowshera", "Khyber Pakhtunkhwa", "Pakistan", "34.0153", "71.9747"),
            ("NA", "NA", "NA", "India", "NA", "NA"),
        ]
    ),
)
def test_rows_round_trip(
    code: str,
    source: tuple[str, str, str],
    target: tuple[str, str, str],
    day: Any,
    place: tuple[str, ...],
) -> None:
    label = cameo_table()[code]
    cells = [
        "7",
        f"{day:%Y-%m-%d}",
        *source,
        label.name,
        code,
        repr(label.goldstein),
        *target,
        "12",
        "1",
        "Wire",
        *place,
    ]
    reader = read_icews([cells])
    event = next(reader)
    assert next(icews_rows([event])) == dict(zip(ICEWS_COLUMNS, cells, strict=True))
    assert reader.warnings == []
    assert se.loads(se.dumps(event)) == event


def test_files_in_another_encoding(tmp_path: Path) -> None:
    path = tmp_path / "events.tab"
    path.write_bytes(
        ("\n".join([HEADER, *ROWS[:2], ROWS[2].replace("Khatlon", "Khatl\u00f3n")]) + "\n").encode(
            "cp1252"
        )
    )
    with pytest.raises(UnicodeDecodeError, match=r"line 4.*encoding="):
        list(read_icews(path))
    events = list(read_icews(path, encoding="cp1252"))
    assert len(events) == 3 and events[2].location is not None
    assert events[2].location.name == "Khatl\u00f3n"


def test_rows_from_pandas_read_na_as_missing() -> None:
    pd = pytest.importorskip("pandas")
    frame = pd.read_csv(io.StringIO("\n".join([HEADER, *ROWS])), sep="\t", dtype=str)
    assert frame["Source Sectors"].isna().any()
    frame_reader = read_icews(frame.to_dict("records"))
    events, reader = _read()
    assert list(frame_reader) == events
    assert frame_reader.warnings == reader.warnings
