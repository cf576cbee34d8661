"""UCDP GED import and export: the real 1,000-row sample, tricky rows, and round trips."""

from __future__ import annotations

import csv
import datetime as dt
import io
from collections import Counter
from collections.abc import Iterable
from pathlib import Path
from typing import Any

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

import secevents as se
from secevents.interop import kept_columns
from secevents.interop.ucdp import UCDP_COLUMNS, read_ucdp, ucdp_rows, write_ucdp

SAMPLE = (
    Path(__file__).parent
    / "data"
    / "realdata"
    / "ucdp"
    / "ucdpged_sample_1000_from_uncertainUCDP.csv"
)


def coded(events: Iterable[se.Event]) -> list[se.CodedEvent]:
    """The events, checked to be coded events (what a UCDP read gives)."""
    out = list(events)
    assert all(isinstance(e, se.CodedEvent) for e in out)
    return out  # type: ignore[return-value]


def sample_rows() -> list[dict[str, str]]:
    with open(SAMPLE, encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


@pytest.fixture(scope="module")
def sample() -> tuple[Any, list[se.CodedEvent]]:
    reader = read_ucdp(SAMPLE)
    return reader, coded(reader)


def row(**cells: str) -> dict[str, str]:
    base = dict.fromkeys(UCDP_COLUMNS, "")
    base.update(
        id="1", type_of_violence="1", side_a="Government of Sudan", side_b="SPLM/A",
        date_prec="1", date_start="2019-06-03 00:00:00.000", date_end="2019-06-03 00:00:00.000",
        best="2", low="2", high="3", country="Sudan", where_prec="1",
    )  # fmt: skip
    base.update(cells)
    return base


# -- the real sample -------------------------------------------------------------
def test_sample_counts(sample: tuple[Any, list[se.CodedEvent]]) -> None:
    reader, events = sample
    stats = reader.stats
    assert (stats.rows, stats.events, stats.coded, stats.mapped, stats.skipped) == (
        1000, 1000, 1000, 0, 0,
    )  # fmt: skip
    assert Counter(e.code for e in events) == {"1": 707, "3": 160, "2": 133}
    assert Counter(e.label for e in events) == {
        "state-based": 707,
        "one-sided": 160,
        "non-state": 133,
    }
    # The README: 8 rows have low > best and 5 rows best > high; each gives one warning.
    assert Counter(w.code for w in reader.warnings) == {"fatalities_out_of_order": 13}
    assert stats.warned == 13


def test_sample_warnings_are_the_rows_out_of_order(sample: tuple[Any, list[se.CodedEvent]]) -> None:
    reader, _ = sample
    rows = sample_rows()
    expected = {
        number
        for number, cells in enumerate(rows, 1)
        if not int(cells["low"]) <= int(cells["best"]) <= int(cells["high"])
    }
    assert {w.row for w in reader.warnings} == expected
    assert len(expected) == 13


def test_sample_fields(sample: tuple[Any, list[se.CodedEvent]]) -> None:
    _, events = sample
    rows = sample_rows()
    for event, cells in zip(events, rows, strict=True):
        assert event.fatalities is not None and event.fatalities.value == int(cells["best"])
        assert event.date is not None
        assert str(event.date.earliest) == cells["date_start"][:10]
        assert str(event.date.latest) == cells["date_end"][:10]
        assert event.actor is not None and event.actor.name == cells["side_a"]
    # date_prec 1 rows are single days; 12 rows cover whole months.
    assert Counter(str(e.date.precision) for e in events if e.date) == {"day": 988, "month": 12}
    assert sum(e.date.is_interval for e in events if e.date) == 139
    # where_prec 1:475, 2:232 (near), 3+5+7:176, 4:105, 6:12.
    places = Counter((e.location.precision, e.location.near) for e in events if e.location)
    assert places == {
        ("point", False): 475, ("point", True): 232, ("region", False): 176,
        ("admin1", False): 105, ("country", False): 12,
    }  # fmt: skip
    assert all(e.location and e.location.country for e in events)
    assert sum(1 for e in events if e.location and e.location.admin1) == 588
    governments = [e.actor for e in events if e.actor and e.actor.kind == "government"]
    assert len(governments) == 768 and all(a.code for a in governments)
    assert Counter(e.target.kind for e in events if e.target) == {
        "armed_group": 822, "other": 160, "government": 18,
    }  # fmt: skip
    syria = next(e for e in events if e.actor and e.actor.name == "Government of Syria")
    assert syria.actor is not None and syria.actor.code == "SYR"


def test_sample_round_trip_rows(sample: tuple[Any, list[se.CodedEvent]]) -> None:
    _, events = sample
    assert list(ucdp_rows(events)) == sample_rows()


def test_sample_round_trip_file_is_byte_identical(sample: tuple[Any, list[se.CodedEvent]]) -> None:
    _, events = sample
    out = io.StringIO()
    assert write_ucdp(events, out, escape_formulas=False) == 1000
    assert out.getvalue() == SAMPLE.read_text(encoding="utf-8")


def test_sample_written_safe_for_spreadsheets_reads_back_equal(
    sample: tuple[Any, list[se.CodedEvent]], tmp_path: Path
) -> None:
    _, events = sample
    path = tmp_path / "ged.csv"
    assert write_ucdp(events, path) == 1000
    text = path.read_text(encoding="utf-8")
    assert ",'@TomaszRolbiecki," in text  # a source cell a spreadsheet would run
    assert ",@TomaszRolbiecki," in SAMPLE.read_text(encoding="utf-8")
    assert list(read_ucdp(path)) == events


def test_sample_round_trip_through_json(sample: tuple[Any, list[se.CodedEvent]]) -> None:
    _, events = sample
    again = [se.loads(se.dumps(e)) for e in events]
    assert again == events
    assert list(ucdp_rows(again)) == sample_rows()


def test_sample_keeps_only_what_fields_cannot_say(sample: tuple[Any, list[se.CodedEvent]]) -> None:
    _, events = sample
    originals = Counter(
        column for e in events for column in kept_columns(e, "ucdp").get("_original", {})
    )
    # adm_1 names are kept (the field holds an ISO 3166-2 code); the rest mostly render exactly.
    assert originals["adm_1"] == 956
    assert (originals["low"], originals["high"]) == (8, 5)  # the README: low > best, best > high
    assert originals["date_start"] == originals["date_end"] == originals["best"] == 0
    assert originals["side_a"] == originals["side_b"] == originals["latitude"] == 0


def test_sample_reimport_is_idempotent(sample: tuple[Any, list[se.CodedEvent]]) -> None:
    _, events = sample
    assert [e.id for e in read_ucdp(SAMPLE)] == [e.id for e in events]
    assert len({e.id for e in events}) == 1000


# -- hand-written rows -------------------------------------------------------------
def test_low_above_best_is_warned_and_kept() -> None:
    reader = read_ucdp([row(best="1", low="2", high="1")])
    (event,) = coded(reader)
    assert event.fatalities == se.Quantity(1, high=1, unit="deaths")
    assert [(w.row, w.code, w.column) for w in reader.warnings] == [
        (1, "fatalities_out_of_order", "low")
    ]
    assert next(ucdp_rows([event]))["low"] == "2"


def test_bad_cells_warn_with_row_and_column() -> None:
    rows = [
        row(id="1", latitude="95.0", longitude="10.0"),
        row(id="2", date_start="yesterday", date_end="2019-06-04"),
        row(id="3", type_of_violence="4"),
        row(id="", relid=""),
        row(id="5", where_prec="9", best="x"),
        row(id="6", date_prec="1", date_end="2019-06-05 00:00:00.000"),
    ]
    reader = read_ucdp(rows)
    events = coded(reader)
    assert reader.stats.skipped == 0 and len(events) == 6
    found = [(w.row, w.code, w.column) for w in reader.warnings]
    assert found == [
        (1, "bad_value", "latitude"),
        (1, "bad_value", "latitude"),
        (2, "bad_value", "date_start"),
        (3, "unknown_code", "type_of_violence"),
        (4, "missing_value", "id"),
        (5, "unknown_code", "where_prec"),
        (5, "bad_value", "best"),
        (6, "date_precision", "date_prec"),
    ]
    assert str(events[1].date) == "2019-06-04"
    assert events[2].code == "4" and events[2].label is None
    assert list(ucdp_rows(events)) == rows


def test_a_row_without_an_id_is_kept_with_an_id_from_its_content() -> None:
    rows = [row(id="", relid=""), row(id="", relid="", best="3", high="4"), row(id="", relid="R7")]
    reader = read_ucdp(rows)
    events = coded(reader)
    assert reader.stats.skipped == 0 and len(events) == 3
    assert [(w.row, w.code, w.column) for w in reader.warnings] == [
        (1, "missing_value", "id"),
        (2, "missing_value", "id"),
        (3, "missing_value", "id"),
    ]
    assert len({e.id for e in events}) == 3
    assert [e.id for e in read_ucdp(rows)] == [e.id for e in events]  # re-import: same ids
    relid = read_ucdp([row(id="R7", relid="")])
    assert next(relid).id == events[2].id  # relid identifies the row when id is empty
    assert list(ucdp_rows(events)) == rows


def test_edited_field_wins_over_kept_text() -> None:
    (event,) = coded(read_ucdp([row(best="1", low="2", high="1")]))
    fatalities = se.Quantity(5, low=4, high=9, unit="deaths")
    edited = attrs.evolve(event, fatalities=fatalities)
    cells = next(ucdp_rows([edited]))
    assert (cells["best"], cells["low"], cells["high"]) == ("5", "4", "9")
    assert cells["id"] == "1"


def test_sides_and_countries() -> None:
    events = coded(
        read_ucdp(
            [
                row(
                    id="1",
                    side_a="Government of Russia (Soviet Union)",
                    country="Russia (Soviet Union)",
                ),
                row(id="2", side_a="IS", side_b="Civilians", type_of_violence="3"),
                row(id="3", side_a="Taleban", country="Kingdom of eSwatini (Swaziland)"),
            ]
        )
    )
    assert events[0].actor == se.Actor(
        kind="government", code="RUS", country="RUS", name="Government of Russia (Soviet Union)"
    )
    assert events[0].location is not None and events[0].location.country == "RUS"
    assert events[1].actor is not None and events[1].actor.kind == "armed_group"
    assert events[1].target == se.Actor(kind="other", name="Civilians")
    assert events[2].actor is not None and events[2].actor.code == "TALIBAN"
    assert events[2].location is not None and events[2].location.country == "SWZ"


def test_export_of_an_event_not_read_from_ucdp() -> None:
    exercise = se.JointExercise(
        participants=(se.Actor.military("RUS"), se.Actor.military("TJK")),
        date=se.DateSpan.parse("2021-10-23/2021-10-30"),
        location=se.Location(
            name="Harb-Maidon", country="TJK", lat=37.5, lon=68.9, precision="point"
        ),
    )
    cells = next(ucdp_rows([exercise]))
    assert cells["side_a"] == "Government of Russia, Government of Tajikistan"
    assert cells["side_b"] == ""
    assert (cells["date_start"][:10], cells["date_end"][:10]) == ("2021-10-23", "2021-10-30")
    assert (cells["latitude"], cells["longitude"], cells["where_prec"]) == ("37.5", "68.9", "1")
    assert cells["country"] == "Tajikistan" and cells["type_of_violence"] == ""


def test_progress_callback_and_write_to_path(tmp_path: Path) -> None:
    ticks: list[int] = []
    events = list(read_ucdp(SAMPLE, progress=ticks.append))
    assert ticks == [1000]
    target = tmp_path / "out.csv"
    assert write_ucdp(events, target) == 1000
    assert list(ucdp_rows(read_ucdp(target))) == sample_rows()


# -- properties ---------------------------------------------------------------------
counts = st.integers(min_value=0, max_value=10_000).map(str)
days = st.dates(
    min_value=__import__("datetime").date(1989, 1, 1),
    max_value=__import__("datetime").date(2023, 12, 31),
)


@given(
    best=counts,
    low=counts,
    high=counts,
    start=days,
    length=st.integers(0, 40),
    prec=st.sampled_from("12345"),
)
def test_any_row_round_trips(
    best: str, low: str, high: str, start: dt.date, length: int, prec: str
) -> None:
    end = start + dt.timedelta(days=length)
    cells = row(
        best=best, low=low, high=high, date_prec=prec,
        date_start=f"{start} 00:00:00.000", date_end=f"{end} 00:00:00.000",
        year=str(start.year),
    )  # fmt: skip
    reader = read_ucdp([cells])
    events = list(reader)
    assert list(ucdp_rows(events)) == [cells]
    assert list(ucdp_rows([se.loads(se.dumps(events[0]))])) == [cells]
    in_order = int(low) <= int(best) <= int(high)
    assert any(w.code == "fatalities_out_of_order" for w in reader.warnings) is not in_order


def test_files_in_another_encoding(tmp_path: Path) -> None:
    path = tmp_path / "ged.csv"
    cells = row(where_coordinates="Kh\u00e2rtoum")
    with open(path, "w", encoding="cp1252", newline="") as handle:
        writer = csv.DictWriter(handle, UCDP_COLUMNS)
        writer.writeheader()
        writer.writerow(cells)
    (event,) = coded(read_ucdp(path, encoding="cp1252"))
    assert event.location is not None and event.location.name == "Kh\u00e2rtoum"
    assert list(ucdp_rows([event])) == [cells]
