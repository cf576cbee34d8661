"""pandas, Arrow and Parquet exports: typed columns, a fixed schema, streaming in batches."""

from __future__ import annotations

import datetime as dt
import math
import sys
from collections.abc import Iterator
from pathlib import Path

import pandas as pd
import pyarrow as pa
import pytest
from hypothesis import given
from hypothesis import strategies as st

import secevents as se
from secevents.interop.flat import csv_columns
from secevents.interop.frames import to_arrow, to_dataframe
from secevents.testing import events

UCDP = (
    Path(__file__).parent
    / "data"
    / "realdata"
    / "ucdp"
    / "ucdpged_sample_1000_from_uncertainUCDP.csv"
)


def exercise(day: int = 23) -> se.JointExercise:
    return se.JointExercise(
        name="Interaction-2021",
        date=se.DateSpan.parse(f"2021-10-{day:02d}/2021-10-30"),
        location=se.Location(name="Harbmaidon", country="TJK", lat=37.5, lon=68.9),
        participants=(se.Actor.state("RUS"), se.Actor.person("A. Commander")),
        troops=se.Quantity(low=2000, high=3000, qualifier="approx"),
        confidence=0.9,
    )


def base() -> se.BaseConstruction:
    return se.BaseConstruction(
        date=se.DateSpan.parse("2016"),
        builder=se.Actor.state("CHN"),
        cost=se.Money(amount="8600000", currency="USD"),
    )


def test_dataframe_columns_are_typed() -> None:
    df = to_dataframe([exercise(), base()])
    assert df.shape[0] == 2
    assert list(df.columns[:6]) == [
        "id",
        "type",
        "date",
        "date_start",
        "date_end",
        "date_precision",
    ]
    assert "json" not in df.columns and "speaker" not in df.columns  # only the types present
    assert str(df["type"].dtype) == "category" and str(df["date_precision"].dtype) == "category"
    assert str(df["date_start"].dtype) == "datetime64[s]"
    assert str(df["troops_low"].dtype) == "Int64" and str(df["confidence"].dtype) == "Float64"
    assert df.loc[0, "date_start"] == pd.Timestamp("2021-10-23")
    assert df.loc[1, "date_end"] == pd.Timestamp("2016-12-31")
    assert list(df["date_precision"]) == ["day", "year"]
    assert (df.loc[0, "troops_low"], df.loc[0, "troops_high"]) == (2000, 3000)
    assert df["troops_value"].isna().all()
    assert df.loc[0, "participants"] == ["RUS", None]
    assert df.loc[0, "participants_names"] == [None, "A. Commander"]
    assert df.loc[1, "participants"] == []
    assert df.loc[1, "cost_amount"] == 8600000.0
    assert df.loc[0, "evidence_count"] == 0


def test_open_and_early_dates_fit() -> None:
    ancient = se.Statement(date=se.DateSpan.parse("0800/.."))
    df = to_dataframe([ancient])
    assert df.loc[0, "date_start"] == pd.Timestamp("0800-01-01")  # outside datetime64[ns]
    assert df["date_end"].isna().all()


def test_empty_input() -> None:
    assert to_dataframe([]).shape[0] == 0
    assert to_arrow([]).num_rows == 0


def test_missing_pandas_names_the_extra(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "pandas", None)
    with pytest.raises(ImportError, match=r"secevents\[pandas\]"):
        to_dataframe([base()])
    monkeypatch.setitem(sys.modules, "pyarrow", None)
    with pytest.raises(ImportError, match=r"secevents\[arrow\]"):
        to_arrow([base()])


def test_arrow_schema_is_fixed_whatever_the_events() -> None:
    one = to_arrow([base()])
    other = to_arrow([se.Statement(content="x"), exercise()])
    assert one.schema == other.schema
    assert one.schema.names == [name for name in csv_columns() if name != "json"]
    assert one.schema.field("date_start").type == pa.date32()
    assert one.schema.field("participants").type == pa.list_(pa.string())
    assert one.column("cost_amount").to_pylist() == ["8600000"]  # exact
    assert other.column("date_start").to_pylist() == [None, dt.date(2021, 10, 23)]
    assert other.column("participants").to_pylist() == [[], ["RUS", None]]


def test_narrowed_types_and_bad_batch_size() -> None:
    table = to_arrow([exercise()], types=[se.JointExercise])
    assert "builder" not in table.schema.names and "troops_low" in table.schema.names
    with pytest.raises(ValueError, match="batch_size"):
        to_arrow([exercise()], batch_size=0)


def many(count: int) -> Iterator[se.Event]:
    for index in range(count):
        yield exercise(1 + index % 28) if index % 2 else base()


@pytest.mark.skipif(not UCDP.exists(), reason="UCDP sample not copied into tests/data yet")
def test_real_ucdp_events() -> None:
    from secevents.interop.ucdp import read_ucdp

    df = to_dataframe(read_ucdp(UCDP))
    assert df.shape[0] == 1000
    assert list(df["type"].cat.categories) == ["coded_event"]
    assert df["fatalities_value"].sum() > 0 and str(df["fatalities_value"].dtype) == "Int64"
    assert df["date_start"].min() >= pd.Timestamp("1989-01-01")
    assert (df["date_start"] <= df["date_end"]).all()
    assert df["lat"].between(-90, 90).all()


@given(st.lists(events(), max_size=4))
def test_any_events_make_a_frame_and_a_table(evs: list[se.Event]) -> None:
    df = to_dataframe(evs)
    table = to_arrow(evs, batch_size=2)
    assert df.shape[0] == table.num_rows == len(evs)
    assert list(df["id"]) == table.column("id").to_pylist() == [ev.id for ev in evs]
    for index, ev in enumerate(evs):
        earliest = ev.date.earliest if ev.date is not None else None
        got = df["date_start"].iloc[index]
        if earliest is None:
            assert pd.isna(got)
        else:
            assert got == pd.Timestamp(earliest)
        confidence = df["confidence"].iloc[index]
        assert (ev.confidence is None and pd.isna(confidence)) or math.isclose(
            confidence, ev.confidence or 0.0
        )


def test_frames_built_in_chunks_line_up_when_given_the_types() -> None:
    kinds: list[type[se.Event]] = [se.JointExercise, se.Statement]
    one = to_dataframe([se.JointExercise(name="Zapad-2021")], types=kinds)
    two = to_dataframe([se.Statement(content="No comment.")], types=kinds)
    assert list(one.columns) == list(two.columns)
    assert "participants" in two.columns and "speaker" in one.columns
    assert list(to_dataframe([se.Statement()]).columns) != list(one.columns)
