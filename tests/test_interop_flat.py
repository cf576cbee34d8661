"""The flat CSV: stable columns, lossless round trips, tolerant reading of hand-made rows."""

from __future__ import annotations

import csv
import decimal
import io
import re
from pathlib import Path
from typing import Any, ClassVar

import orjson
import pytest
from hypothesis import HealthCheck, given, settings

import secevents as se
from secevents.interop._keep import keep_columns
from secevents.interop.flat import csv_columns, csv_rows, read_csv, write_csv
from secevents.testing import events

ROOT = Path(__file__).parent.parent
UCDP = ROOT / "tests" / "data" / "realdata" / "ucdp" / "ucdpged_sample_1000_from_uncertainUCDP.csv"


class FlatProbe(se.Event):
    """A user type with every kind of field the flat columns handle, and some they cannot."""

    type_tag: ClassVar[str] = "flat_probe"

    rank: int | None = None
    ratio: float | None = None
    secret: bool = True
    budget: decimal.Decimal | None = None
    country: str | None = None  # clashes with the location's column: carried by json
    allies: tuple[se.Actor, ...] = ()
    labels: tuple[str, ...] = ()
    counts: tuple[int, ...] = ()
    blob: Any = None


def exercise() -> se.JointExercise:
    return se.JointExercise(
        name="Interaction-2021",
        date=se.DateSpan.parse("2021-10-23/2021-10-30"),
        reported=se.DateSpan.parse("2021-10-28"),
        location=se.Location(
            name="Harbmaidon", country="TJK", lat=37.5, lon=68.9, precision="point"
        ),
        participants=(se.Actor.state("RUS"), se.Actor.state("TJK", name="Tajikistan")),
        framework=se.Actor.organization("CSTO"),
        troops=se.Quantity(5000, qualifier="approx", unit="troops"),
        equipment=(se.Equipment(kind="tanks", quantity=se.Quantity(40)),),
        domains=(se.Domain.LAND, se.Domain.AIR),
        sources=(se.Source(publisher="TASS", url="https://tass.com/defense/1"),),
        tags=("csto", "drills"),
        confidence=0.75,
    )


def roundtrip(evs: list[se.Event], tmp_path: Path, **options: Any) -> tuple[list[se.Event], Any]:
    path = tmp_path / "events.csv"
    assert write_csv(evs, path, **options) == len(evs)
    reader = read_csv(path)
    return list(reader), reader


def test_built_in_columns_are_stable_and_documented() -> None:
    columns = csv_columns(
        [
            se.BaseConstruction,
            se.JointExercise,
            se.DiplomaticCommunique,
            se.Statement,
            se.CodedEvent,
        ]
    )
    assert columns[:6] == ("id", "type", "date", "date_start", "date_end", "date_precision")
    assert columns[-1] == "json"
    assert "participants_names" in columns and "troops_qualifier" in columns
    assert len(columns) == len(set(columns)) == 75
    documented = re.findall(
        r"^\| `([a-z0-9_]+)` \|", (ROOT / "docs" / "exports.md").read_text(), re.M
    )
    assert tuple(documented) == columns
    # Built-in types come first in a fixed order, whatever else is registered.
    assert csv_columns()[: len(columns) - 9] == columns[:-9]


def test_readable_cells_and_empty_json_for_a_plain_event() -> None:
    row = next(csv_rows([exercise()]))
    assert row["participants"] == "RUS; TJK"
    assert row["participants_names"] == "; Tajikistan"
    assert (row["date_start"], row["date_end"], row["date_precision"]) == (
        "2021-10-23",
        "2021-10-30",
        "day",
    )
    assert (row["lat"], row["lon"], row["country"]) == ("37.5", "68.9", "TJK")
    assert (row["troops_value"], row["troops_qualifier"], row["troops_unit"]) == (
        "5000",
        "approx",
        "troops",
    )
    assert row["equipment"] == "tanks: 40"
    assert row["domains"] == "land; air"
    assert row["source_publishers"] == "TASS"
    assert row["evidence_count"] == "0"
    assert row["json"] == ""  # the columns say it all


def test_round_trip_of_the_golden_events_with_evidence(tmp_path: Path) -> None:
    evs = list(se.read_jsonl(ROOT / "tests" / "golden" / "seed_events.jsonl"))
    back, reader = roundtrip(evs, tmp_path)
    assert back == evs
    assert reader.stats.rows == 4 and reader.stats.mapped == 4 and reader.warnings == []
    rows = list(csv.DictReader((tmp_path / "events.csv").open(encoding="utf-8")))
    assert rows[0]["builder"] == "CHN" and rows[0]["cost_amount"] == "8600000"
    # evidence and the military actors' kinds have no flat form: json carries them
    assert set(orjson.loads(rows[0]["json"])) == {"evidence", "garrison", "excluded_forces"}


def test_kept_dataset_columns_survive_in_place(tmp_path: Path) -> None:
    fields: dict[str, Any] = {"scheme": "cameo", "code": "062", "actor": se.Actor.state("RUS")}
    kept = keep_columns(se.CodedEvent, fields, "gdelt", {"GLOBALEVENTID": "1", "IsRootEvent": "0"})
    ev = se.CodedEvent(**fields, extra=kept)
    back, _ = roundtrip([ev], tmp_path)
    assert back == [ev] and back[0].extra == ev.extra
    assert se.to_dict(back[0]) == se.to_dict(ev)


def test_user_type_fields_and_restricted_headers(tmp_path: Path) -> None:
    probe = FlatProbe(
        rank=3,
        ratio=0.5,
        secret=False,
        budget=decimal.Decimal("1.50"),
        country="X",
        allies=(se.Actor.state("KAZ"),),
        labels=("a", "b"),
        counts=(1, 2),
        blob={"k": [1, None]},
    )
    row = next(csv_rows([probe]))
    assert (row["rank"], row["ratio"], row["secret"], row["budget"]) == (
        "3",
        "0.5",
        "false",
        "1.50",
    )
    assert (row["allies"], row["labels"], row["counts"]) == ("KAZ", "a; b", "[1,2]")
    assert orjson.loads(row["json"]) == {"country": "X"}
    # A header without the type's columns: json carries its fields.
    back, _ = roundtrip([probe, exercise()], tmp_path, types=[])
    assert back == [probe, exercise()]
    assert "rank" not in (tmp_path / "events.csv").read_text().splitlines()[0].split(",")


def test_unknown_types_are_skipped_or_kept(tmp_path: Path) -> None:
    unknown = se.parse(
        {"type": "drone_strike", "id": "x1", "date": "2021", "range_km": 40}, unknown="keep"
    )
    write_csv([unknown], tmp_path / "u.csv")
    skipping = read_csv(tmp_path / "u.csv")
    assert list(skipping) == [] and skipping.stats.skipped == 1
    assert [w.code for w in skipping.warnings] == ["skipped_row"]
    assert list(read_csv(tmp_path / "u.csv", unknown="keep")) == [unknown]


def test_hand_made_rows() -> None:
    rows = [
        {
            "type": "statement",
            "date_start": "2021-10-27",
            "date_end": "2021-10-27",
            "speaker": "TJK",
            "speaker_names": "Tajikistan",
            "content": "No comment.",
        },
        {
            "type": "joint_exercise",
            "date_start": "2021-10-23",
            "date_end": "2021-10-30",
            "participants_names": "Russia; Tajikistan",
            "troops_value": "5,000",
            "notes": "check",
        },
        {"type": "statement", "lat": "38.5"},  # lat without lon: no valid event
        {"type": "parade"},
        {"type": "coded_event", "scheme": "cameo", "code": "062", "lat": "north", "lon": "68"},
    ]
    reader = read_csv(rows)
    got = list(reader)
    assert [ev.type_tag for ev in got] == ["statement", "joint_exercise", "coded_event"]
    statement, exercise_, coded = got
    assert isinstance(statement, se.Statement) and isinstance(exercise_, se.JointExercise)
    assert str(statement.date) == "2021-10-27" and statement.speaker == se.Actor.state(
        "TJK", name="Tajikistan"
    )
    assert str(exercise_.date) == "2021-10-23/2021-10-30"
    assert [a.name for a in exercise_.participants] == ["Russia", "Tajikistan"]
    assert exercise_.troops is None  # "5,000" is not a number: warned and kept
    assert se.interop.kept_columns(exercise_, "csv") == {"troops_value": "5,000", "notes": "check"}
    # the location's other cells are kept with the bad one: none is lost
    assert se.interop.kept_columns(coded, "csv") == {"lat": "north", "lon": "68"}
    assert coded.location is None
    codes = [(w.row, w.code, w.column) for w in reader.warnings]
    assert codes == [
        (2, "bad_value", "troops_value"),
        (2, "unmapped_column", "notes"),
        (3, "skipped_row", None),
        (4, "skipped_row", "type"),
        (5, "bad_value", "lat"),
    ]
    stats = reader.stats
    assert (stats.rows, stats.events, stats.skipped, stats.warned) == (5, 3, 2, 4)
    assert "5,000" in str(reader.warnings[0])


def test_invalid_row_and_bad_json_name_the_problem() -> None:
    reader = read_csv(
        [
            {"type": "statement", "factuality": "rumoured"},
            {"type": "statement", "content": "x", "json": "{not json"},
        ]
    )
    got = list(reader)
    assert len(got) == 1 and isinstance(got[0], se.Statement) and got[0].content == "x"
    assert "factuality" in reader.warnings[0].message and "rumoured" in reader.warnings[0].message
    assert (reader.warnings[1].code, reader.warnings[1].column) == ("bad_value", "json")
    assert se.interop.kept_columns(got[0], "csv") == {"json": "{not json"}


def test_an_edited_cell_the_json_overrides_is_reported() -> None:
    ev = se.Statement(speaker=se.Actor.person("Emomali Rahmon", title="President"))
    row = next(csv_rows([ev]))
    assert "speaker" in orjson.loads(row["json"])
    row["speaker_names"] = "Rahmon"
    reader = read_csv([row])
    assert list(reader) == [ev]
    assert [(w.code, w.column) for w in reader.warnings] == [("cell_ignored", "speaker_names")]


def test_writes_to_an_open_file_and_reads_rows_back() -> None:
    out = io.StringIO()
    assert write_csv([exercise(), exercise()], out) == 2
    rows = list(csv.DictReader(io.StringIO(out.getvalue())))
    assert len(rows) == 2 and list(read_csv(rows)) == [exercise(), exercise()]


@pytest.mark.skipif(not UCDP.exists(), reason="UCDP sample not copied into tests/data yet")
def test_real_ucdp_events_round_trip(tmp_path: Path) -> None:
    from secevents.interop.ucdp import read_ucdp

    evs = list(read_ucdp(UCDP))
    back, reader = roundtrip(evs, tmp_path)
    assert len(evs) == 1000 and back == evs
    assert reader.stats.events == 1000 and reader.warnings == []


@settings(suppress_health_check=[HealthCheck.too_slow])
@given(events())
def test_any_event_round_trips_through_rows(event: se.Event) -> None:
    rows = list(csv_rows([event]))
    reader = read_csv(rows)
    assert list(reader) == [event]
    assert reader.warnings == []


@settings(suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])
@given(events(se.JointExercise) | events(FlatProbe) | events(se.CodedEvent))
def test_round_trip_through_a_file(tmp_path: Path, event: se.Event) -> None:
    back, _ = roundtrip([event], tmp_path)
    assert back == [event]


def test_progress_and_user_columns_after_the_built_in_ones() -> None:
    calls: list[int] = []
    rows = list(csv_rows([exercise()] * 3))
    assert len(list(read_csv(rows, progress=calls.append))) == 3
    assert calls == [3]
    columns = csv_columns()
    assert columns.index("rank") > columns.index("fatalities_unit")
    assert columns.index("rank") < columns.index("confidence")
    assert "budget" in columns and columns.count("country") == 1


def test_read_csv_files_in_another_encoding(tmp_path: Path) -> None:
    path = tmp_path / "events.csv"
    path.write_bytes("type,summary\nstatement,Bogot\u00e1\n".encode("cp1252"))
    with pytest.raises(UnicodeDecodeError, match=r"line 2.*encoding="):
        list(read_csv(path))
    (event,) = read_csv(path, encoding="cp1252")
    assert event.summary == "Bogot\u00e1"
