"""What importers share (``secevents.interop._rows``): tables, warnings, lazy readers, writing."""

from __future__ import annotations

import csv
import gzip
import io
import zipfile
from contextlib import ExitStack
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

import secevents as se
from secevents.interop import EventReader, ReadStats, RowWarning, dataset_event_id
from secevents.interop._rows import (
    Facet,
    Warn,
    facet_cells,
    keep_cells,
    keep_columns,
    kept_columns,
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
        with pytest.raises(TypeError, match="not strings"):
            open_table(["a\tb"], stack=stack)
        mixed: list[Any] = [{"code": "a"}, ["b"]]
        with pytest.raises(TypeError, match="must all be mappings"):
            list(open_table(mixed, stack=stack))


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


# A facet over two columns holding one date, written "YYYY" and "MM".
_MONTH = Facet(
    columns=("year", "month", "note"),
    value=lambda event, kept: event.date,
    parse=lambda cells: (
        se.DateSpan.parse(f"{cells.get('year', '')}-{cells.get('month', '')}")
        if cells.get("year") and cells.get("month")
        else None
    ),
    render=lambda date: {} if date is None else {"year": str(date)[:4], "month": str(date)[5:7]},
    unmapped=frozenset({"note"}),
)


def test_keep_cells_keeps_what_rendering_loses() -> None:
    kept: dict[str, Any] = {}
    date = se.DateSpan.parse("2021-10")
    keep_cells(_MONTH, {"year": "2021", "month": "10", "note": "n"}, date, kept)
    assert kept == {"note": "n"}  # equal cells are not kept; unmapped ones always are
    keep_cells(_MONTH, {"year": "2021", "month": "10", "note": ""}, date, kept := {})
    assert kept == {}
    keep_cells(_MONTH, {"year": "21", "month": "", "note": ""}, None, kept := {})
    assert kept == {"year": "21"}


def test_facet_cells_use_originals_only_while_they_hold() -> None:
    date = se.DateSpan.parse("2021-10")
    event = se.Statement(date=date)
    kept = {"note": "n", "month": "10"}
    assert facet_cells(_MONTH, event, kept) == {"year": "2021", "month": "10", "note": "n"}
    moved = se.Statement(date=se.DateSpan.parse("2022-01"))
    assert facet_cells(_MONTH, moved, kept) == {"year": "2022", "month": "01"}
    assert facet_cells(_MONTH, se.Statement(), {}) == {}


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
