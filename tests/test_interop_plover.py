"""PLOVER import and export: the 323 gold-standard records, manual-name records, and to_plover."""

from __future__ import annotations

import gzip
import io
import json
import re
import zipfile
from collections import Counter
from pathlib import Path
from typing import Any

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

import secevents as se
from secevents.errors import ReadError
from secevents.interop import kept_columns
from secevents.interop._rows import dataset_event_id
from secevents.interop.plover import (
    CATEGORIES,
    normalize_plover,
    plover_code,
    plover_for_cameo,
    plover_records,
    read_plover,
    to_plover,
    write_plover,
)

DATA = Path(__file__).parent / "data" / "realdata" / "plover"
SAMPLE = DATA / "PLOVER_GSR_CAMEO.json"


@pytest.fixture(scope="module")
def sample() -> tuple[Any, list[se.Event], list[dict[str, Any]]]:
    reader = read_plover(SAMPLE)
    events = list(reader)
    return reader, events, json.loads(SAMPLE.read_text(encoding="utf-8"))


# -- the gold-standard records ------------------------------------------------------
def test_sample_counts(sample: tuple[Any, list[se.Event], list[dict[str, Any]]]) -> None:
    reader, events, records = sample
    stats = reader.stats
    assert len(records) == 323
    assert (stats.rows, stats.events, stats.mapped, stats.coded, stats.skipped) == (
        323, 323, 2, 321, 0,
    )  # fmt: skip
    assert Counter(e.type_tag for e in events) == {"coded_event": 321, "joint_exercise": 2}
    assert Counter(w.code for w in reader.warnings) == {
        "placeholder_date": 322,  # every date is 2000-01-01
        "old_category": 76,  # DEMAND 34, FIGHT 17, DISAPPROVE 16, INVESTIGATE 9
        "unknown_code": 7,  # DOCUMENT, and the entity codes JAP (3), ITL (2), VTN
        "repaired_code": 4,  # eventLoc ISO-2 codes CH, IR, TL, LB
        "bad_value": 1,  # a record whose target is the string "diplomatic"
        "unparsed_size": 1,  # size "group"
        "duplicate_id": 1,  # PLOVER-GSR01-COERCE-0004 is the id of records 278 and 291
    }
    assert stats.warned == 323


def test_sample_fields(sample: tuple[Any, list[se.Event], list[dict[str, Any]]]) -> None:
    _, events, _ = sample
    coded = [e for e in events if isinstance(e, se.CodedEvent)]
    assert Counter(e.code.partition(".")[0] for e in coded).most_common(3) == [
        ("AGREE", 40), ("DEMAND", 34), ("REJECT", 34),
    ]  # fmt: skip
    assert sum("." in e.code for e in coded) == 108  # records with a non-empty mode
    by_id = {kept_columns(e, "plover")["id"]: e for e in events}
    agree = by_id["PLOVER-GSR01-AGREE-0005"]
    assert isinstance(agree, se.CodedEvent)
    assert (agree.code, agree.actor, agree.target) == (
        "AGREE", se.Actor(kind="state", code="LBY", name="Libya"),
        se.Actor(kind="state", code="GBR", name="Great Britain"),
    )  # fmt: skip
    assert agree.date is None and agree.reported == se.DateSpan.parse("2016-12-19")
    assert agree.summary is not None and agree.summary.startswith("Libya has offered")
    games = by_id["PLOVER-GSR01-COOPERATE-0003"]
    assert isinstance(games, se.JointExercise)
    assert [a.code for a in games.participants] == ["FRA", "EGY"]
    assert all(a.kind == "military" for a in games.participants)
    geneva = by_id["PLOVER-GSR01-CONSULT-0007"]
    assert geneva.location == se.Location(name="Geneva", country="CHE")
    killed = by_id["PLOVER-GSR01-ASSAULT-0001"]
    assert isinstance(killed, se.CodedEvent)
    assert killed.fatalities == se.Quantity(156, unit="deaths")
    assert killed.target == se.Actor(kind="other", country="COD", name="Congolese refugees")
    fight = by_id["PLOVER-GSR01-COERCE-0002"]
    assert isinstance(fight, se.CodedEvent) and fight.code == "FIGHT.deport"
    assert sum(1 for e in coded if e.fatalities) == 15


def test_sample_round_trip_in_manual_names(
    sample: tuple[Any, list[se.Event], list[dict[str, Any]]],
) -> None:
    _, events, records = sample
    assert [to_plover(e) for e in events] == [normalize_plover(r) for r in records]
    normalized = to_plover(events[5])
    assert "actor" in normalized and "source" not in normalized
    assert normalized["actor"] == [{"entity_text": "Libya", "code": "LBY"}]


def test_sample_round_trip_in_original_names(
    sample: tuple[Any, list[se.Event], list[dict[str, Any]]],
) -> None:
    _, events, records = sample
    written = [to_plover(e, names="original") for e in events]
    assert written == records
    # Key order too: the file written back is the file read.
    assert json.dumps(written) == json.dumps(records)


def test_sample_round_trip_through_secevents_json(
    sample: tuple[Any, list[se.Event], list[dict[str, Any]]],
) -> None:
    _, events, records = sample
    again = [se.loads(se.dumps(e)) for e in events]
    assert again == events
    assert [to_plover(e, names="original") for e in again] == records


def test_placeholder_dates_can_be_kept() -> None:
    reader = read_plover(SAMPLE, placeholder_dates=())
    events = list(reader)
    assert sum(1 for e in events if e.date == se.DateSpan.parse("2000-01-01")) == 322
    assert "placeholder_date" not in {w.code for w in reader.warnings}


# -- manual-name records and JSON Lines ----------------------------------------------
MANUAL: list[dict[str, Any]] = [
    {
        "id": "PHOX-20211027-0001",
        "date": "2021-10-23",
        "enddate": "2021-10-30",
        "actor": [{"code": "RUS", "sector": "MIL", "entity_text": "Russian troops"}],
        "recipient": [{"code": "TJK", "sector": "MIL"}],
        "event": ["COOPERATE"],
        "context": ["military"],
        "event_loc": {"resolved_place": "Kulob", "country_code": "TJK", "lat": 37.91, "lon": 69.78,
                      "geonameid": 1221874, "resolution": 4},
        "size": "5000",
        "event_text": ["held joint drills"],
        "coded_date": "2021-10-28",
    },
    {
        "id": "PHOX-20211027-0002",
        "date": "2021-10-27",
        "actor": [{"code": "TJK", "sector": "GOV"}],
        "recipient": [{"code": "AFG", "sector": "GOV"}],
        "event": ["ACCUSE"],
        "mode": ["allege"],
        "context": ["diplomatic"],
    },
    {
        "id": "PHOX-20211027-0003",
        "date": "2021-10-27",
        "actor": [{"code": "UNO", "entity_text": "UN"}],
        "event": ["AGREE", "CONSULT"],
        "dead": 3,
    },
]  # fmt: skip


def test_manual_records_from_jsonl(tmp_path: Path) -> None:
    path = tmp_path / "events.jsonl"
    path.write_text("\n".join(json.dumps(r) for r in MANUAL) + "\n", encoding="utf-8")
    reader = read_plover(path)
    drills, note, meeting = list(reader)
    assert [(w.row, w.code) for w in reader.warnings] == [(3, "multiple_categories")]
    assert isinstance(drills, se.JointExercise)
    assert str(drills.date) == "2021-10-23/2021-10-30"
    assert drills.troops == se.Quantity(5000)
    assert drills.location == se.Location(
        name="Kulob", country="TJK", lat=37.91, lon=69.78, geonames_id=1221874,
        precision="settlement",
    )  # fmt: skip
    assert isinstance(note, se.DiplomaticCommunique) and note.medium == "protest_note"
    assert note.sender == se.Actor.government("TJK")
    assert isinstance(meeting, se.CodedEvent) and meeting.code == "AGREE"
    assert meeting.actor == se.Actor(kind="organization", code="UNO", name="UN")
    assert meeting.fatalities == se.Quantity(3, unit="deaths")
    assert [to_plover(e) for e in (drills, note, meeting)] == MANUAL
    assert [to_plover(e, names="original") for e in (drills, note, meeting)] == MANUAL


def test_a_line_that_is_not_json_is_skipped(tmp_path: Path) -> None:
    path = tmp_path / "events.jsonl"
    lines = [json.dumps(MANUAL[1]), '{"id": "broken", ', "", json.dumps(MANUAL[2])]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    reader = read_plover(path)
    events = list(reader)
    assert len(events) == 2 and reader.stats.skipped == 1
    assert [(w.row, w.code) for w in reader.warnings] == [
        (2, "skipped_row"),
        (3, "multiple_categories"),
    ]
    assert "not JSON" in reader.warnings[0].message and "broken" in reader.warnings[0].message


def test_bad_records() -> None:
    records: list[Any] = [
        "not an object",
        {"event": "CONSULT", "actor": [{"code": "USA"}], "date": "27 Oct"},
        {"id": "x", "event": "PARTY", "actor": {"code": "USA"}, "dead": "many"},
    ]
    reader = read_plover(records)
    events = list(reader)
    assert reader.stats.skipped == 1 and len(events) == 2
    assert [(w.row, w.code, w.column) for w in reader.warnings] == [
        (1, "skipped_row", None),
        (2, "missing_value", "id"),
        (2, "bad_value", "date"),
        (3, "unknown_code", "event"),
        (3, "bad_value", "actor"),
        (3, "bad_value", "dead"),
    ]
    assert [to_plover(e) for e in events] == records[1:]


def test_a_value_no_field_accepts_skips_the_record_with_a_warning() -> None:
    reader = read_plover([{"id": "s", "event": "AGREE", "actor": [{"entity_text": "\ud800"}]}])
    assert list(reader) == []
    ((row, code, message),) = [(w.row, w.code, w.message) for w in reader.warnings]
    assert (row, code) == (1, "skipped_row") and "$.actor[0].entity_text" in message
    assert "not UTF-8 text" in message


def test_edited_field_wins() -> None:
    (event,) = read_plover([MANUAL[2]])
    assert isinstance(event, se.CodedEvent)
    changed = attrs.evolve(event, fatalities=se.Quantity(4))
    assert to_plover(changed)["dead"] == 4


def test_integer_ids_are_ids() -> None:
    records: list[dict[str, Any]] = [{"id": 7, "event": "AGREE"}, {"id": "7", "event": "AGREE"}]
    reader = read_plover(records)
    number, text = reader
    assert [w.code for w in reader.warnings] == ["duplicate_id"]  # both are record 7
    assert number.id == text.id == dataset_event_id("coded_event", "plover", "7")
    assert [to_plover(number), to_plover(text)] == records


def test_ids_that_are_neither_text_nor_integers() -> None:
    records: list[dict[str, Any]] = [
        {"id": True, "event": "AGREE"}, {"id": 7.5, "event": "AGREE"}, {"id": "", "event": "AGREE"},
    ]  # fmt: skip
    reader = read_plover(records)
    events = list(reader)
    assert [(w.row, w.code, w.column) for w in reader.warnings] == [
        (1, "missing_value", "id"), (2, "missing_value", "id"), (3, "missing_value", "id"),
    ]  # fmt: skip
    assert len({e.id for e in events}) == 3
    assert [to_plover(e) for e in events] == records


@pytest.mark.parametrize("suffix", [".jsonl.gz", ".zip", ".json.gz"])
def test_compressed_files(tmp_path: Path, suffix: str) -> None:
    path = tmp_path / f"events{suffix}"
    text = json.dumps(MANUAL) if suffix == ".json.gz" else "\n".join(map(json.dumps, MANUAL))
    if suffix == ".zip":
        with zipfile.ZipFile(path, "w") as archive:
            archive.writestr("events.jsonl", text)
    else:
        path.write_bytes(gzip.compress(text.encode()))
    reader = read_plover(path)
    assert [to_plover(e) for e in reader] == MANUAL
    assert reader.stats.events == 3


def test_files_in_another_encoding(tmp_path: Path) -> None:
    path = tmp_path / "events.jsonl"
    record = {**MANUAL[2], "event_loc": {"resolved_place": "Khatl\u00f3n"}}
    lines = [json.dumps(MANUAL[1]), json.dumps(record, ensure_ascii=False)]
    path.write_bytes("\n".join(lines).encode("cp1252"))
    with pytest.raises(UnicodeDecodeError, match=r"events.jsonl.*encoding="):
        list(read_plover(path))
    events = list(read_plover(path, encoding="cp1252"))
    assert events[1].location == se.Location(name="Khatl\u00f3n")
    replaced = list(read_plover(path, errors="replace"))
    assert replaced[1].location == se.Location(name="Khatl\ufffdn")


def test_a_byte_order_mark_and_a_broken_array(tmp_path: Path) -> None:
    path = tmp_path / "events.jsonl"
    path.write_text("\ufeff" + "\n".join(map(json.dumps, MANUAL)), encoding="utf-8")
    assert [to_plover(e) for e in read_plover(path)] == MANUAL
    path.write_text("\ufeff" + json.dumps(MANUAL), encoding="utf-8")
    assert [to_plover(e) for e in read_plover(path)] == MANUAL
    path.write_text(json.dumps(MANUAL)[:-1], encoding="utf-8")
    read: list[se.Event] = []
    with pytest.raises(ReadError, match=r"events.jsonl, line 1: the JSON array .* no end"):
        read.extend(read_plover(path))
    assert [to_plover(e) for e in read] == MANUAL  # every record before the break


def test_a_missing_file_is_an_error_when_reading_starts(tmp_path: Path) -> None:
    with pytest.raises(FileNotFoundError):
        read_plover(tmp_path / "nothing.jsonl")


def test_values_no_field_takes_warn() -> None:
    records: list[dict[str, Any]] = [
        {"id": "a", "event": "AGREE", "size": [1]},
        {"id": "b", "event": "AGREE", "size": {"n": 5}},
        {"id": "c", "event": "COOPERATE", "context": "military", "size": [5000]},
        {"id": "d", "event": "AGREE", "event_loc": {"country_code": "Narnia"}},
        {"id": "e", "event": "AGREE", "event_loc": {"country_code": 5, "name": "Kulob"}},
        {"id": "f", "event": "AGREE", "event_loc": {"place": "somewhere"}},
        {"id": "g", "event": "AGREE", "event_loc": "junk"},
        {"id": "h", "event": "AGREE", "event_loc": {"name": 5}},
        {"id": "i", "event": "AGREE", "event_loc": {"name": "x", "resolution": 9}},
        {"id": "j", "event": "AGREE", "event_loc": {"name": "x", "geonameid": "12"}},
        {"id": "k", "event": "AGREE", "size": "group"},
        {"id": "l", "event": "AGREE", "size": 5000, "event_loc": {}},
    ]
    reader = read_plover(records)
    events = list(reader)
    assert [(w.row, w.code, w.column) for w in reader.warnings] == [
        (1, "bad_value", "size"),
        (2, "bad_value", "size"),
        (3, "bad_value", "size"),
        (4, "unknown_country", "event_loc"),
        (5, "bad_value", "event_loc"),
        (6, "bad_value", "event_loc"),
        (7, "bad_value", "event_loc"),
        (8, "bad_value", "event_loc"),
        (9, "bad_value", "event_loc"),
        (10, "bad_value", "event_loc"),
        (11, "unparsed_size", "size"),
    ]
    assert "'Narnia'" in reader.warnings[3].message and "5" in reader.warnings[4].message
    assert isinstance(events[2], se.JointExercise) and events[2].troops is None
    assert events[4].location == se.Location(name="Kulob")
    assert [to_plover(e) for e in events] == records  # every value kept


def test_huge_numbers_are_capped() -> None:
    huge = "9" * 300
    records: list[dict[str, Any]] = [
        {"id": "a", "event": "ASSAULT", "dead": huge},
        {"id": "b", "event": "ASSAULT", "dead": int(huge)},
        {"id": "c", "event": "COOPERATE", "context": "military", "size": huge},
        {"id": "d", "event": "AGREE", "event_loc": {"name": "x", "geonameid": int(huge)}},
        {"id": "e", "event": "ASSAULT", "dead": str(2**63 - 1)},
    ]
    reader = read_plover(records)
    events = list(reader)
    assert [(w.row, w.code, w.column) for w in reader.warnings] == [
        (1, "bad_value", "dead"), (2, "bad_value", "dead"), (3, "bad_value", "size"),
        (4, "bad_value", "event_loc"),
    ]  # fmt: skip
    assert "geonameid" in reader.warnings[3].message
    assert all(len(w.message) < 300 for w in reader.warnings)
    assert all(huge not in w.message for w in reader.warnings)
    assert [getattr(e, "fatalities", None) for e in events[:2]] == [None, None]
    assert isinstance(events[2], se.JointExercise) and events[2].troops is None
    assert events[3].location == se.Location(name="x")
    assert isinstance(events[4], se.CodedEvent) and events[4].fatalities is not None
    assert events[4].fatalities.value == 2**63 - 1
    # Every event goes through secevents JSON, which keeps integers past 64 bits exactly.
    assert [se.loads(se.dumps(e)) for e in events] == events
    assert [to_plover(e) for e in events] == records
    assert [to_plover(se.loads(se.dumps(e))) for e in events] == records


# -- writing records ------------------------------------------------------------------
def test_write_plover_round_trips_the_sample_through_a_file(
    sample: tuple[Any, list[se.Event], list[dict[str, Any]]], tmp_path: Path
) -> None:
    _, events, records = sample
    path = tmp_path / "gsr.jsonl"
    assert write_plover(events, path, names="original") == 323
    lines = path.read_text(encoding="utf-8").splitlines()
    assert [json.loads(line) for line in lines] == records
    again = read_plover(path)
    assert list(again) == events
    assert again.stats.events == 323
    zipped = tmp_path / "gsr.jsonl.gz"
    assert write_plover(events, zipped) == 323
    with gzip.open(zipped, "rt", encoding="utf-8") as handle:
        assert [json.loads(line) for line in handle] == [normalize_plover(r) for r in records]
    assert [to_plover(e) for e in read_plover(zipped)] == [to_plover(e) for e in events]


def test_write_plover_to_a_text_stream_and_plover_records() -> None:
    exercise = se.JointExercise(
        participants=(se.Actor.military("RUS"), se.Actor.military("TJK")),
        date=se.DateSpan.parse("2021-10-23"),
    )
    buffer = io.StringIO()
    assert write_plover([exercise, exercise], buffer) == 2
    lines = buffer.getvalue().splitlines()
    assert len(lines) == 2 and json.loads(lines[0]) == to_plover(exercise)
    assert list(plover_records([exercise])) == [to_plover(exercise)]


# -- events not read from PLOVER ------------------------------------------------------
def test_to_plover_for_built_in_types() -> None:
    rus, tjk = se.Actor.military("RUS"), se.Actor.military("TJK")
    planned = se.JointExercise(participants=(rus, tjk), factuality=se.Factuality.PLANNED)
    assert to_plover(planned)["event"] == ["AGREE"]
    note = se.DiplomaticCommunique(
        sender=se.Actor.government("TJK"), recipient=se.Actor.government("AFG"),
        medium=se.Medium.PROTEST_NOTE, summary="Tajikistan protested.",
    )  # fmt: skip
    record = to_plover(note)
    assert (record["event"], record["mode"], record["context"]) == (
        ["ACCUSE"], ["allege"], ["diplomatic"],
    )  # fmt: skip
    assert record["actor"] == [{"code": "TJK", "sector": "GOV"}]
    assert record["text"] == "Tajikistan protested."
    statement = se.Statement(speaker=se.Actor.person("Emomali Rahmon", country="TJK"), content="x")
    assert to_plover(statement)["has_event"] is False and "event" not in to_plover(statement)
    base = se.BaseConstruction(
        builder=se.Actor.state("CHN"),
        host=se.Actor.state("TJK"),
        status=se.ConstructionStatus.AGREED,
    )
    assert (to_plover(base)["event"], to_plover(base)["recipient"]) == (
        ["SUPPORT"],
        [{"code": "TJK"}],
    )
    gdelt = se.CodedEvent(scheme="cameo", code="0874", actor=se.Actor.state("AFG"))
    assert (to_plover(gdelt)["event"], to_plover(gdelt)["mode"]) == (["RETREAT"], ["disarm"])
    ucdp = se.CodedEvent(scheme="ucdp", code="1", fatalities=se.Quantity(2, low=1, high=3))
    assert (to_plover(ucdp)["event"], to_plover(ucdp)["dead"]) == (["ASSAULT"], 2)


def test_entities_of_every_actor_kind() -> None:
    actors = [
        se.Actor.organization("CSTO"),
        se.Actor.armed_group("TALIBAN", name="Taliban"),
        se.Actor.person("Emomali Rahmon", title="President", country="TJK"),
        se.Actor.state("RUS"),
        se.Actor(kind=se.ActorKind.ARMED_GROUP, name="RSF", country="SDN"),
    ]
    entities = [
        to_plover(se.CodedEvent(scheme="plover", code="AGREE", actor=a))["actor"][0] for a in actors
    ]
    assert entities == [
        {"entity_text": "CSTO", "code": "IGO"},
        {"entity_text": "Taliban", "code": "IMG"},
        {"entity_text": "Emomali Rahmon", "code": "TJK", "sector": "GOV"},
        {"code": "RUS"},
        {"entity_text": "RSF", "code": "SDN", "sector": "REB"},
    ]
    records = [{"id": str(i), "event": "AGREE", "actor": [x]} for i, x in enumerate(entities)]
    again = [e.actors[0].actor for e in read_plover(records)]
    assert [(a.kind.value, a.code, a.country) for a in again] == [
        ("organization", "IGO", None), ("armed_group", "IMG", None),
        ("government", "TJK", "TJK"), ("state", "RUS", None), ("armed_group", None, "SDN"),
    ]  # fmt: skip


def test_plover_code_of_every_category_reads_back() -> None:
    for category in CATEGORIES:
        event = se.CodedEvent(scheme="plover", code=category)
        code = plover_code(event)
        assert code is not None and code.event == category
        (again,) = read_plover([to_plover(event)])
        assert plover_code(again) == code


# -- the CAMEO to PLOVER table ----------------------------------------------------------
def test_cameo2plover_table_matches_the_source_file() -> None:
    seen: dict[str, tuple[str, str, tuple[str, ...]]] = {}
    source = (DATA / "CAMEO2PLOVER-2021.txt").read_text(encoding="utf-8")
    for line in source.splitlines():
        match = re.match(r"([0-9]{2,4}):\s*([^#]*)", line)
        if not match or match[1] in seen:
            continue
        parts = [p.strip() for p in match[2].split(",")] + ["", ""]
        contexts = tuple(c.strip() for c in parts[2].split(";") if c.strip())
        seen[match[1]] = (parts[0], parts[1], contexts)
    assert len(seen) == 274
    for code, expected in seen.items():
        found = plover_for_cameo(code)
        assert found is not None and tuple(found) == expected, code
    assert plover_for_cameo("0831") == plover_for_cameo("0831")
    assert plover_for_cameo("0123") is None  # CAMEO 01 (statements): dropped in PLOVER
    assert plover_for_cameo("1725") == plover_for_cameo("172")  # unlisted: its parent


# -- properties ----------------------------------------------------------------------------
entity = st.fixed_dictionaries(
    {"code": st.sampled_from(["USA", "RUS", "TJK", "IGO", "XYZ"])},
    optional={"sector": st.sampled_from(["GOV", "MIL", "REB", "CVLalb", "***"]),
              "entity_text": st.text(min_size=1, max_size=12)},
)  # fmt: skip
record = st.fixed_dictionaries(
    {"id": st.text(min_size=1, max_size=8), "event": st.sampled_from([*CATEGORIES, "FIGHT"])},
    optional={
        "date": st.dates().map(str),
        "source": st.lists(entity, max_size=3) | st.just(""),
        "recipient": st.lists(entity, max_size=3),
        "mode": st.sampled_from(["", "visit", ["demo"]]),
        "context": st.sampled_from(["military", "legal, economic", ["military"]]),
        "size": st.sampled_from(["Thousands", "12", "group"]),
        "dead": st.sampled_from(["3", 4, "x"]),
        "eventLoc": st.fixed_dictionaries({"name": st.text(min_size=1, max_size=8)},
                                          optional={"country code": st.sampled_from(["CH", "ZZ"])}),
        "comment": st.text(max_size=20),
    },
)  # fmt: skip


@given(record)
def test_any_record_round_trips(rec: dict[str, Any]) -> None:
    (event,) = read_plover([rec])
    assert to_plover(event, names="original") == rec
    assert to_plover(event) == normalize_plover(rec)
    assert to_plover(se.loads(se.dumps(event)), names="original") == rec


def test_integers_past_64_bits_are_kept_exactly() -> None:
    record = {"id": "x1", "event": "ASSAULT", "dead": 10**30, "extra": {"n": [10**25, 3]}}
    reader = read_plover([record])
    [event] = list(reader)
    assert [w.code for w in reader.warnings] == ["bad_value"]
    assert se.loads(se.dumps(event)) == event
    assert kept_columns(event, "plover")["extra"] == {"n": [10**25, 3]}
    assert to_plover(se.loads(se.dumps(event))) == record


def test_a_repeated_entity_or_day_says_its_warnings_again() -> None:
    # Entities and days are read once and kept: the warnings must come again with them.
    messy = {"event": "AGREE", "actor": [{"code": "ZZZ"}, {"entity_text": "", "code": ""}],
             "recipient": [{"code": "XYZ", "sector": "GOV"}], "date": "2021-02-30",
             "enddate": "2021-01-01", "coded_date": "soon"}  # fmt: skip
    fine = {"event": "AGREE", "actor": [{"code": "ZZZ"}], "date": "2021-02-03"}
    records = [{**messy, "id": "a"}, {**fine, "id": "b"}, {**messy, "id": "c"}]
    reader = read_plover(records)
    events = list(reader)
    said = [
        [(w.code, w.message, w.column) for w in reader.warnings if w.row == row] for row in (1, 3)
    ]
    assert said[0] == said[1] and len(said[0]) == 5
    assert [w.code for w in reader.warnings if w.row == 2] == ["unknown_code"]
    coded = [event for event in events if isinstance(event, se.CodedEvent)]
    assert len(coded) == 3 and coded[0].actor == coded[1].actor
    assert str(coded[1].date) == "2021-02-03"


json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False, allow_infinity=False)
    | st.text(alphabet=st.characters(codec="utf-8") | st.just("\ud800"), max_size=4),
    lambda inner: st.lists(inner, max_size=3)
    | st.dictionaries(st.text(max_size=3), inner, max_size=3),
    max_leaves=12,
)  # fmt: skip


@given(json_values, st.integers(min_value=0, max_value=210))
def test_a_decoded_record_is_checked_as_json_problem_checks_it(value: Any, depth: int) -> None:
    from secevents.interop._plover_cells import MAX_DEPTH, record_problem
    from secevents.model._json import json_problem

    for _ in range(depth):
        value = [value]
    record = {"id": "x", "v": value, "big": 2**70 if depth % 3 == 0 else 1}
    assert record_problem(record, True) == json_problem(record, MAX_DEPTH)


def test_decode_says_when_it_checked_the_text_plain() -> None:
    # The JSON Lines reader takes decode's word for it and does not check a line twice.
    from secevents.model._json import decode

    assert decode('{"a": [1, "x"]}').plain and decode("[1]").plain
    assert not decode('{"a": "\\u00e9"}').plain  # an escape: checked the long way
    assert not decode('{"n": 1234567890123456789}').plain  # 19 digits
    assert not decode('"text"').plain and not decode("1").plain  # not an object or array


def _brackets_the_long_way(text: str) -> int | None:
    """What the JSON Lines reader found before it took decode's word (see _decoded)."""
    from secevents.model._json import _has_long_number

    stripped = text.strip(" \t\r\n\ufeff")
    try:
        stripped.encode("utf-8")
    except UnicodeEncodeError:
        return None
    if "\\u" in stripped or _has_long_number(stripped):
        return None
    return stripped.count("[") + stripped.count("{")


@given(json_values, st.sampled_from(["", " ", "\ufeff"]), st.booleans())
def test_a_line_is_found_plain_as_the_long_way_finds_it(
    value: Any, space: str, ascii_only: bool
) -> None:
    from secevents.interop._json_records import JSONRecord, _decoded

    text = space + json.dumps(
        {"v": value, "n": 2**64 if ascii_only else 5}, ensure_ascii=ascii_only
    )
    got = _decoded(text)
    if isinstance(got, JSONRecord):
        assert got.brackets == _brackets_the_long_way(text)
