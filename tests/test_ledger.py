"""EventLedger: versions over time, as_of, history, related, JSON Lines storage."""

from __future__ import annotations

import datetime as dt
import io
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

import secevents as se
from secevents.testing import events, relations

TASS = se.Source(publisher="TASS")
ASIA = se.Source(publisher="Asia-Plus")


def at(day: str) -> dt.datetime:
    return dt.datetime.fromisoformat(day).replace(tzinfo=dt.UTC)


AGREED = se.BaseConstruction(
    builder=se.Actor.state("CHN"),
    host=se.Actor.state("TJK"),
    status=se.ConstructionStatus.AGREED,
    reported=se.DateSpan.parse("2021-10-28"),
    sources=(TASS,),
)
BUILT = se.new_version(
    AGREED,
    status=se.ConstructionStatus.COMPLETED,
    sources=(TASS, ASIA),
    modified=at("2023-05-01"),
)
DRILLS = se.JointExercise(
    participants=(se.Actor.state("RUS"), se.Actor.state("TJK")),
    reported=se.DateSpan.parse("2021-10-23"),
)
NOTE = se.DiplomaticCommunique(content="More outposts.", reported=se.DateSpan.parse("2021-10"))
ABOUT = se.Relation(kind="about", source_ref=NOTE.id, target_ref=AGREED.id)
PART = se.Relation(kind="part_of", source_ref=DRILLS.id, target_ref=NOTE.id)


def test_as_of_gives_each_record_as_known_on_the_day() -> None:
    ledger = se.EventLedger([BUILT, AGREED, DRILLS, NOTE])  # the order added does not matter
    assert ledger.as_of("2021-10-22") == []
    assert ledger.as_of(dt.date(2021, 10, 28)) == [AGREED, DRILLS]
    # "2021-10" is surely known only once October is over.
    assert NOTE not in ledger.as_of("2021-10-30") and NOTE in ledger.as_of("2021-10-31")
    assert ledger.as_of("2023-05-01")[0] == BUILT
    assert ledger[AGREED.id] == BUILT


def test_a_revoked_record_leaves_as_of_from_its_revocation() -> None:
    withdrawn = se.revoke(DRILLS, modified=at("2021-11-02"))
    ledger = se.EventLedger([DRILLS, withdrawn])
    assert ledger.as_of("2021-11-01") == [DRILLS]
    assert ledger.as_of("2021-11-02") == []
    assert ledger.events() == []


def test_records_without_dates_are_known_all_along() -> None:
    undated = se.Statement(content="No comment.")
    assert se.EventLedger([undated]).as_of("1900-01-01") == [undated]


def test_history_says_what_each_version_changed_and_from_which_source() -> None:
    ledger = se.EventLedger([AGREED, BUILT, AGREED])
    first, second = ledger.history(AGREED.id)
    assert first.event == AGREED and first.sources == (TASS,)
    assert first.changes["status"] == (None, "agreed")
    assert second.event == BUILT and second.sources == (ASIA,)
    assert second.changes == {
        "sources": ([{"publisher": "TASS"}], [{"publisher": "TASS"}, {"publisher": "Asia-Plus"}]),
        "status": ("agreed", "completed"),
    }
    with pytest.raises(KeyError, match="no event"):
        ledger.history("statement--nothing")


def test_related_follows_relations_both_ways_and_filters_by_kind() -> None:
    ledger = se.EventLedger([se.Report(events=(AGREED, NOTE, DRILLS), relations=(ABOUT, PART))])
    assert ledger.related(AGREED.id) == [ABOUT]
    assert ledger.related(NOTE.id) == [ABOUT, PART]
    assert ledger.related(NOTE.id, kind="part_of") == [PART]
    assert ledger.related(AGREED.id, depth=2) == [ABOUT, PART]
    assert ledger.related(AGREED.id, kind="denies", depth=3) == []
    with pytest.raises(ValueError, match="depth"):
        ledger.related(AGREED.id, depth=0)


def test_bad_arguments_are_named() -> None:
    ledger = se.EventLedger()
    with pytest.raises(TypeError, match="expected events, relations, reports"):
        ledger.add(3)  # type: ignore[arg-type]
    with pytest.raises(se.FieldError, match="'28 Oct' is not a YYYY-MM-DD date"):
        ledger.as_of("28 Oct")
    with pytest.raises(KeyError, match="no record"):
        ledger["x"]


def test_the_ledger_is_stored_as_json_lines_and_reloads_equal(tmp_path: Path) -> None:
    ledger = se.EventLedger([AGREED, BUILT, NOTE, ABOUT, DRILLS, PART])
    path = tmp_path / "ledger.jsonl"
    assert ledger.write(path) == 6
    again = se.EventLedger.read(path)
    assert again == ledger and again.as_of("2022-01-01") == ledger.as_of("2022-01-01")
    assert len(again) == 5 and repr(again).startswith("<EventLedger: 3 events (4 versions)")


def test_extracted_reports_go_into_a_ledger() -> None:
    text = (
        " date 2022-03-04 Russian and Chinese warships held joint drills near Hokkaido on "
        "Tuesday.\n\nOn Thursday Japan handed Russia a protest note over the drills."
    )
    ledger = se.EventLedger([se.extract(text)])
    note = next(e for e in ledger.events() if isinstance(e, se.DiplomaticCommunique))
    [link] = ledger.related(note.id, kind="about")
    assert isinstance(ledger[link.target_ref], se.JointExercise)


@given(st.lists(events() | relations(), max_size=8))
def test_any_ledger_round_trips(records: list[se.Event | se.Relation]) -> None:
    ledger = se.EventLedger(records)
    stream = io.BytesIO()
    ledger.write(stream)
    stream.seek(0)
    assert se.EventLedger.read(stream) == ledger


@given(st.lists(events(), min_size=1, max_size=6), st.dates())
def test_as_of_holds_one_known_unrevoked_version_per_id(
    records: list[se.Event], day: dt.date
) -> None:
    ledger = se.EventLedger(records)
    known = ledger.as_of(day)
    assert len({event.id for event in known}) == len(known)
    assert all(not event.revoked for event in known)
    assert all(event in records for event in known)


def test_the_ledger_is_stored_in_parquet_and_reloads_equal(tmp_path: Path) -> None:
    pytest.importorskip("pyarrow")
    duckdb = pytest.importorskip("duckdb")
    from secevents.interop import read_ledger, write_ledger

    ledger = se.EventLedger([AGREED, BUILT, NOTE, ABOUT, DRILLS, PART])
    path = tmp_path / "ledger.parquet"
    assert write_ledger(ledger, path) == 6
    again = read_ledger(path)
    assert again == ledger and again.history(AGREED.id) == ledger.history(AGREED.id)
    # queried as it is: the versions modified in 2023, and the relations by kind
    changed = duckdb.sql(f"SELECT id, type FROM '{path}' WHERE year(modified) = 2023").fetchall()
    assert changed == [(AGREED.id, "base_construction")]
    kinds = duckdb.sql(
        f"SELECT kind, count(*) FROM '{path}' WHERE record = 'relation' GROUP BY kind ORDER BY kind"
    ).fetchall()
    assert kinds == [("about", 1), ("part_of", 1)]


@given(st.lists(events() | relations(), max_size=6))
def test_any_ledger_round_trips_through_parquet(
    tmp_path_factory: pytest.TempPathFactory, records: list[se.Event | se.Relation]
) -> None:
    pytest.importorskip("pyarrow")
    from secevents.interop import read_ledger, write_ledger

    ledger = se.EventLedger(records)
    path = tmp_path_factory.mktemp("ledger") / "ledger.parquet"
    assert write_ledger(ledger, path) == len(list(ledger.records()))
    assert read_ledger(path) == ledger
