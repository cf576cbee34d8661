"""What importers share (``secevents.interop._rows``, ``_keep``): tables, warnings, lazy readers,
writing, keeping what records said."""

from __future__ import annotations

import csv
import datetime as dt
import gzip
import io
import zipfile
from contextlib import ExitStack
from pathlib import Path
from typing import Any

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

import secevents as se
from secevents.interop import EventReader, ReadStats, RowWarning, dataset_event_id
from secevents.interop._keep import Keeping, keep_columns, kept_columns
from secevents.interop._rows import (
    Warn,
    open_table,
    read_table,
    row_cells,
    split_tabs,
    tab_separated,
    write_table,
)


def _coded(row: dict[str, Any], warn: Warn) -> se.Event | None:
    """A toy converter: ``skip`` skips the row, ``warn`` warns twice, ``map`` is a Statement."""
    code = row.get("code", "")
    if code == "skip":
        warn("skipped_row", "told to skip", column="code")
        return None
    if code == "warn":
        warn("bad_value", "first")
        warn("bad_value", "second", column="code")
    if code == "map":
        return se.Statement(speaker=se.Actor.state("TJK"))
    return se.CodedEvent(scheme="toy", code=code or "none")


def _rows(*codes: str) -> list[dict[str, str]]:
    return [{"code": code} for code in codes]


def test_row_warning_text() -> None:
    warning = RowWarning(3, "bad_value", "'x' is not a date", column="date")
    assert str(warning) == "row 3: date: 'x' is not a date"
    assert str(RowWarning(4, "bad_row", "too short")) == "row 4: too short"


def test_reader_counts_and_warnings() -> None:
    reader = EventReader(_rows("a", "skip", "warn", "map", "b"), _coded)
    assert reader.stats == ReadStats()  # nothing read yet: it is lazy
    events = list(reader)
    assert [e.type_tag for e in events] == ["coded_event"] * 2 + ["statement", "coded_event"]
    assert reader.stats == ReadStats(rows=5, events=4, mapped=1, coded=3, skipped=1, warned=2)
    assert [(w.row, w.code, w.column) for w in reader.warnings] == [
        (2, "skipped_row", "code"),
        (3, "bad_value", None),
        (3, "bad_value", "code"),
    ]
    assert repr(reader) == "<EventReader rows=5 events=4 skipped=1 warnings=3>"


def test_reader_caps_warnings_but_counts_rows() -> None:
    reader = EventReader(_rows(*["warn"] * 10), _coded, max_warnings=5)
    assert len(list(reader)) == 10
    assert len(reader.warnings) == 5 and reader.stats.warned == 10


def test_progress_callback_and_close() -> None:
    ticks: list[int] = []
    closed: list[bool] = []
    reader = EventReader(
        _rows(*["a"] * 25_000), _coded, progress=ticks.append, on_close=lambda: closed.append(True)
    )
    assert len(list(reader)) == 25_000
    assert ticks == [10_000, 20_000, 25_000] and closed == [True]
    with EventReader(_rows("a", "b"), _coded, on_close=lambda: closed.append(True)) as early:
        next(early)
    assert closed == [True, True] and early.stats.rows == 1


def test_progress_bar_when_asked(capsys: pytest.CaptureFixture[str]) -> None:
    pytest.importorskip("tqdm")
    reader = EventReader(_rows("a", "b", "c"), _coded, progress=True)
    assert len(list(reader)) == 3
    assert "3" in capsys.readouterr().err


def test_dataset_event_ids_are_stable() -> None:
    one = dataset_event_id("coded_event", "gdelt", "1281424432")
    assert one == dataset_event_id("coded_event", "gdelt", "1281424432")
    assert one != dataset_event_id("coded_event", "icews", "1281424432")
    assert one.startswith("coded_event--")
    se.CodedEvent(id=one, scheme="cameo", code="010")  # a valid id for the type


def test_kept_columns_round_trip_through_json() -> None:
    fields: dict[str, Any] = {"scheme": "cameo", "code": "010"}
    extra = keep_columns(se.CodedEvent, fields, "gdelt", {"NumMentions": "3", "AvgTone": ""})
    event = se.CodedEvent(**fields, extra=extra)
    assert kept_columns(event, "gdelt") == {"NumMentions": "3", "AvgTone": ""}
    assert kept_columns(event, "icews") == {}
    assert se.loads(se.dumps(event)) == event
    assert keep_columns(se.CodedEvent, fields, "gdelt", {}) == ()


def _write(tmp_path: Path, name: str, text: str) -> Path:
    path = tmp_path / name
    if name.endswith(".gz"):
        with gzip.open(path, "wt", encoding="utf-8") as handle:
            handle.write(text)
    elif name.endswith(".zip"):
        with zipfile.ZipFile(path, "w") as archive:
            archive.writestr("inner.tsv", text)
    else:
        path.write_text(text, encoding="utf-8")
    return path


@pytest.mark.parametrize("name", ["t.csv", "t.tsv.gz", "t.zip"])
def test_open_table_files(tmp_path: Path, name: str) -> None:
    delimiter = "," if name.endswith(".csv") else "\t"
    text = f"\ufeffcode{delimiter}n\nmap{delimiter}1\nb{delimiter}2\n\n"
    reader = read_table(_write(tmp_path, name, text), _coded)
    assert [e.type_tag for e in reader] == ["statement", "coded_event"]
    assert reader.stats.rows == 2  # the header and the blank line are no rows


def test_open_table_headerless_and_sequences(tmp_path: Path) -> None:
    path = _write(tmp_path, "raw.tsv", "map\t1\nb\t2\t3\n")
    with ExitStack() as stack:
        rows = list(open_table(path, columns=("code", "n"), stack=stack))
    assert rows == [{"code": "map", "n": "1"}, {"code": "b", "n": "2", "__extra_cells__": ["3"]}]
    with ExitStack() as stack:
        with pytest.raises(ValueError, match="needs its column names"):
            list(open_table(path, header=False, stack=stack))
        assert list(open_table([["code"], ["x"]], stack=stack)) == [{"code": "x"}]
        assert list(open_table([], stack=stack)) == []
        with pytest.raises(TypeError, match="row 1: a row is a mapping or a sequence of cells"):
            open_table(["a\tb"], stack=stack)
        mixed: list[Any] = [{"code": "a"}, ["b"]]
        with pytest.raises(TypeError, match="row 2: rows must all be mappings, got list"):
            list(open_table(mixed, stack=stack))
        cells: list[Any] = [["code"], ["x"], 7]
        with pytest.raises(TypeError, match="row 3: a row is a mapping or a sequence of cells"):
            list(open_table(cells, stack=stack))
        not_rows: Any = 123
        with pytest.raises(TypeError, match="a path or an iterable of rows, not int"):
            open_table(not_rows, stack=stack)


def test_zip_with_two_members_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "two.zip"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("a.csv", "code\n")
        archive.writestr("b.csv", "code\n")
    with pytest.raises(ValueError, match="expected one file in the archive, found 2"):
        read_table(path, _coded)


def test_long_cells_are_read(tmp_path: Path) -> None:
    path = _write(tmp_path, "long.csv", "code,text\na," + "x" * 300_000 + "\n")
    with ExitStack() as stack:
        (row,) = open_table(path, stack=stack)
    assert len(row["text"]) == 300_000


def test_row_cells_warn_on_short_and_long_rows() -> None:
    said: list[tuple[str, str]] = []

    def warn(code: str, message: str, *, column: str | None = None) -> None:
        said.append((code, message))

    cells = row_cells({"a": "1", "b": None, "__extra_cells__": ["z"]}, ("a", "b", "c"), warn, "NA")
    assert cells == {"a": "1", "b": "NA"}
    assert said == [
        ("bad_row", "1 of the 3 columns missing (from 'c'); read as empty"),
        ("bad_row", "cells beyond the last column kept under '__extra_cells__': ['z']"),
    ]


def _month_cells(event: se.Event) -> dict[str, str]:
    """A toy table writer: the date in two columns, "YYYY" and "MM", and a note no field holds."""
    date = event.date
    cells = {"year": "", "month": "", "note": ""}
    if date is not None:
        cells.update(year=str(date)[:4], month=str(date)[5:7])
    return cells


_MONTH = Keeping("toy", _month_cells, (("year", "month", "note"),))
_APART = Keeping("toy", _month_cells, (("year", "month"),))


def test_keeping_keeps_what_rendering_loses() -> None:
    date = se.DateSpan.parse("2021-10")
    rendered = _month_cells(se.Statement(date=date))
    row = {"year": "2021", "month": "10", "note": "n"}
    assert _APART.kept(row, rendered) == {"note": "n"}  # equal cells are not kept
    assert _APART.kept({**row, "note": ""}, rendered) == {}
    assert _APART.kept({**row, "other": ""}, rendered) == {"note": "n", "other": ""}
    blank = _month_cells(se.Statement())
    assert _APART.kept({"year": "21", "month": "", "note": ""}, blank) == {
        "_original": {"year": "21"}
    }
    # A cell no field holds, kept with its field's cells: what the writer gave guards it.
    assert _MONTH.kept(row, rendered) == {
        "_original": {"note": "n"},
        "_read": {"year": "2021", "month": "10"},
    }
    assert _JSON.kept({"id": "r1"}, {"id": "x", "date": "2021-10"}) == {
        "id": "r1",
        "_absent": ["date"],
        "_read": {"date": "2021-10"},
    }


def test_keeping_writes_originals_only_while_they_hold() -> None:
    date = se.DateSpan.parse("2021-10")
    row = {"year": "2021", "month": "10", "note": "n"}
    event = _MONTH.keep(se.Statement(date=date), row)
    assert _MONTH.write(event) == row
    moved = attrs.evolve(event, date=se.DateSpan.parse("2022-01"))  # type: ignore[misc]
    assert _MONTH.write(moved) == {"year": "2022", "month": "01", "note": ""}
    apart = _APART.keep(se.Statement(date=date), row)
    undated = attrs.evolve(apart, date=None)  # type: ignore[misc]
    assert _APART.write(undated) == {"year": "", "month": "", "note": "n"}
    assert _MONTH.write(se.Statement()) == {"year": "", "month": "", "note": ""}
    # A text the writer does not give back stands while the field renders as it did.
    odd = _APART.keep(se.Statement(date=date), {"year": "2021", "month": "Oct", "note": ""})
    assert _APART.write(odd)["month"] == "Oct"
    november = attrs.evolve(odd, date=se.DateSpan.parse("2021-11"))  # type: ignore[misc]
    assert _APART.write(november)["month"] == "11"


def _record(event: se.Event) -> dict[str, Any]:
    """A toy JSON writer: ``date`` and ``tags`` from fields, ``id`` always."""
    record: dict[str, Any] = {"id": event.id}
    if event.date is not None:
        record["date"] = str(event.date)
    if event.tags:
        record["tags"] = list(event.tags)
    return record


_JSON = Keeping("toy", _record, (("date",), ("tags",)), absent=True)


@given(
    day=st.dates(min_value=dt.date(1900, 1, 1), max_value=dt.date(2100, 1, 1)),
    written=st.sampled_from(["iso", "text", "absent"]),
    tags=st.lists(st.sampled_from(["a", "b"]), max_size=2, unique=True),
    more=st.dictionaries(
        st.sampled_from(["x", "y"]), st.integers(-(2**53), 2**53) | st.text(max_size=3)
    ),
)
def test_keeping_round_trips_records(
    day: dt.date, written: str, tags: list[str], more: dict[str, Any]
) -> None:
    record: dict[str, Any] = {"id": "r1", **more}
    if written != "absent":
        record["date"] = day.isoformat() if written == "iso" else f"{day:%d %B %Y}"
    record["tags"] = tags
    event = se.Statement(date=se.DateSpan.of(day), tags=tuple(tags))
    kept = _JSON.keep(event, record)
    assert _JSON.write(kept) == record
    assert _JSON.write(se.loads(se.dumps(kept))) == record
    later = attrs.evolve(kept, date=se.DateSpan.of(day + dt.timedelta(days=1)))  # type: ignore[misc]
    assert _JSON.write(later)["date"] == (day + dt.timedelta(days=1)).isoformat()


def test_write_table(tmp_path: Path) -> None:
    rows = [{"a": "1", "b": "x,y", "extra": "e"}, {"a": "2"}]
    out = io.StringIO()
    assert write_table(rows, out, ("a", "b"), header=True, delimiter=",") == 2
    assert out.getvalue() == 'a,b,extra\n1,"x,y",e\n2,,\n'
    path = tmp_path / "t.tsv.gz"
    assert write_table(rows, path, ("a", "b"), header=False, delimiter="\t") == 2
    with gzip.open(path, "rt", encoding="utf-8") as handle:
        assert handle.read() == "1\tx,y\te\n2\t\t\n"
    empty = io.StringIO()
    assert write_table([], empty, ("a", "b"), header=True, delimiter="\t") == 0
    assert empty.getvalue() == "a\tb\n"


@given(
    st.lists(
        st.fixed_dictionaries(
            {"a": st.text(max_size=8), "b": st.text(st.sampled_from("a\t\r\n,\"' "))}
        ),
        max_size=5,
    )
)
def test_write_then_open_gives_the_rows(rows: list[dict[str, str]]) -> None:
    out = io.StringIO(newline="")
    write_table(rows, out, ("a", "b"), header=True, delimiter="\t")
    out.seek(0)
    with ExitStack() as stack:
        cells: list[list[str]] = list(csv.reader(out, delimiter="\t"))
        back = list(open_table(cells, stack=stack))
    assert back == rows


def test_unquoted_tab_separated_files(tmp_path: Path) -> None:
    path = _write(tmp_path, "raw.tsv.gz", 'a\t"b\n\n"c\td\r\n')
    assert tab_separated(path)
    assert list(split_tabs(path)) == [["a", '"b'], ['"c', "d"]]
    assert not tab_separated(_write(tmp_path, "t.csv", "a,b\n"))
    out = io.StringIO()
    rows = [{"a": '"x', "b": "y"}]
    assert write_table(rows, out, ("a", "b"), header=True, delimiter="\t", quoting=False) == 1
    assert out.getvalue() == 'a\tb\n"x\ty\n'
    with pytest.raises(ValueError, match=r"row 2: 'x\\ny' holds a '\\t' or a line break"):
        write_table(
            [{"a": "1"}, {"a": "x\ny"}],
            io.StringIO(),
            ("a",),
            header=False,
            delimiter="\t",
            quoting=False,
        )
