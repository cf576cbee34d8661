"""What importers share (``secevents.interop._rows``, ``_keep``): tables, warnings, lazy readers,
writing, keeping what records said."""

from __future__ import annotations

import csv
import datetime as dt
import gzip
import io
import tempfile
import zipfile
from contextlib import ExitStack
from pathlib import Path
from typing import Any, cast

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

import secevents as se
from secevents.interop import EventReader, ReadStats, RowWarning, dataset_event_id
from secevents.interop._keep import Keeping, _after, keep_columns, kept_columns, last_filled
from secevents.interop._rows import (
    Warn,
    open_table,
    read_table,
    row_cells,
    split_tabs,
    tab_separated,
    write_table,
)
from secevents.testing import events


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
    return se.CodedEvent(scheme="toy", code=code or "none", label=row.get("n"))


def _rows(*codes: str) -> list[dict[str, str]]:
    return [{"code": code, "n": str(n)} for n, code in enumerate(codes)]


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
    assert cells == {"a": "1", "b": "NA", "__extra_cells__": ["z"]}
    assert said == [
        ("bad_row", "1 of the 3 columns missing (from 'c'); read as empty"),
        ("bad_row", "1 cells beyond the last column (['z']): kept, and written back after it"),
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
    moved = attrs.evolve(event, date=se.DateSpan.parse("2022-01"))
    assert _MONTH.write(moved) == {"year": "2022", "month": "01", "note": ""}
    apart = _APART.keep(se.Statement(date=date), row)
    undated = attrs.evolve(apart, date=None)
    assert _APART.write(undated) == {"year": "", "month": "", "note": "n"}
    assert _MONTH.write(se.Statement()) == {"year": "", "month": "", "note": ""}
    # A text the writer does not give back stands while the field renders as it did.
    odd = _APART.keep(se.Statement(date=date), {"year": "2021", "month": "Oct", "note": ""})
    assert _APART.write(odd)["month"] == "Oct"
    november = attrs.evolve(odd, date=se.DateSpan.parse("2021-11"))
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
    later = attrs.evolve(kept, date=se.DateSpan.of(day + dt.timedelta(days=1)))
    assert _JSON.write(later)["date"] == (day + dt.timedelta(days=1)).isoformat()


def test_write_table(tmp_path: Path) -> None:
    rows = [{"a": "1", "b": "x,y", "extra": "e"}, {"a": "2"}]
    out = io.StringIO()
    assert write_table(rows, out, ("a", "b"), header=True, delimiter=",") == 2
    assert out.getvalue() == 'a,b,extra\n1,"x,y",e\n2,,\n'
    path = tmp_path / "t.tsv.gz"
    plain = [{"a": "1", "b": "x,y"}, {"a": "2"}]
    assert write_table(plain, path, ("a", "b"), header=False, delimiter="\t") == 2
    with gzip.open(path, "rt", encoding="utf-8") as handle:
        assert handle.read() == "1\tx,y\n2\t\n"
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
    # Through a file: cells starting with a tab or a carriage return are written with a
    # leading quote (a spreadsheet would take them for formulas) and read back without it.
    with tempfile.TemporaryDirectory() as folder, ExitStack() as stack:
        path = Path(folder) / "rows.tsv"
        write_table(rows, path, ("a", "b"), header=True, delimiter="\t")
        back = list(open_table(path, stack=stack, delimiter="\t"))
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


# --- review fixes: lossless writers, pandas cells, encodings, duplicate headers, limits ---------

UCDP_SAMPLE = (
    Path(__file__).parent
    / "data"
    / "realdata"
    / "ucdp"
    / "ucdpged_sample_1000_from_uncertainUCDP.csv"
)


def _acled_row(**more: str) -> dict[str, str]:
    return {
        "event_id_cnty": "SDN1",
        "event_date": "2023-05-14",
        "time_precision": "1",
        "event_type": "Battles",
        "sub_event_type": "Armed clash",
        "actor1": "RSF",
        "iso": "729",
        "fatalities": "4",
        **more,
    }


def test_writers_keep_columns_the_first_row_lacks() -> None:
    from secevents.interop import read_acled
    from secevents.interop.acled import ACLED_COLUMNS, write_acled

    rows = [_acled_row(), _acled_row(event_id_cnty="SDN2", custom_note="kept")]
    events = list(read_acled(rows))
    out = io.StringIO()
    assert write_acled(events, out) == 2
    out.seek(0)
    written = list(csv.DictReader(out))
    assert list(written[0]) == [*ACLED_COLUMNS, "custom_note"]
    assert [row["custom_note"] for row in written] == ["", "kept"]
    # write_table itself: every column any row has, in first-seen order, empty where lacking
    table = io.StringIO()
    rows2 = [{"a": "1"}, {"a": "2", "z": "z2"}, {"y": "y3", "z": "z3"}]
    assert write_table(iter(rows2), table, ("a",), header=True, delimiter=",") == 3
    assert table.getvalue() == "a,z,y\n1,,\n2,z2,\n,z3,y3\n"


def test_a_headerless_table_refuses_columns_it_cannot_name() -> None:
    rows = [{"a": "1"}, {"a": "2", "extra": "e"}]
    with pytest.raises(ValueError, match=r"row 2 has the column 'extra'.*header=True"):
        write_table(rows, io.StringIO(), ("a",), header=False, delimiter="\t")
    # cells a headerless read kept beyond the last column go back where they were
    out = io.StringIO()
    write_table(
        [{"a": "1", "__extra_cells__": ["x", "y"]}], out, ("a",), header=False, delimiter="\t"
    )
    assert out.getvalue() == "1\tx\ty\n"


def test_cell_text_normalises_dataframe_values() -> None:
    from secevents.interop._rows import cell_text

    pd = pytest.importorskip("pandas")
    assert [cell_text(v) for v in (None, float("nan"), pd.NA, pd.NaT, 729.0, 38.56, 7, "x")] == [
        "", "", "", "", "729", "38.56", "7", "x",
    ]  # fmt: skip
    assert cell_text(None, "NA") == "NA"
    frame = pd.DataFrame({"a": [1.0, None], "b": ["x", None]})
    assert [{k: cell_text(v) for k, v in r.items()} for r in frame.to_dict("records")] == [
        {"a": "1", "b": "x"},
        {"a": "", "b": ""},
    ]


def test_ucdp_rows_from_pandas_read_like_the_file() -> None:
    from secevents.interop import read_ucdp

    pd = pytest.importorskip("pandas")
    from_file = read_ucdp(UCDP_SAMPLE)
    file_events = list(from_file)
    from_frame = read_ucdp(pd.read_csv(UCDP_SAMPLE).to_dict("records"))
    frame_events = list(from_frame)
    assert len(frame_events) == len(file_events) == from_frame.stats.rows
    assert [w.code for w in from_frame.warnings] == [w.code for w in from_file.warnings]
    names = {a.actor.name for e in frame_events for a in e.actors}
    assert "nan" not in names
    same = sum(a == b for a, b in zip(frame_events, file_events, strict=True))
    # pandas re-writes a few cells (floats such as 35.5000 lose their zeros): those events
    # keep the text pandas gave, every other event is the one the file gives.
    assert same >= 0.9 * len(file_events)


def _latin1(tmp_path: Path, name: str = "bad.csv") -> Path:
    path = tmp_path / name
    path.write_bytes("code,place\na,x\n\nb,Bogot\u00e1\n".encode("cp1252"))
    return path


def test_non_utf8_files_name_the_path_line_and_encoding(tmp_path: Path) -> None:
    path = _latin1(tmp_path)
    reader = read_table(path, _coded)
    with pytest.raises(UnicodeDecodeError) as caught:
        list(reader)
    message = str(caught.value)
    assert str(path) in message and "line 4" in message and "encoding=" in message
    assert [e.type_tag for e in read_table(path, _coded, encoding="cp1252")] == ["coded_event"] * 2
    assert len(list(read_table(path, _coded, errors="replace"))) == 2


def test_duplicate_header_names_are_kept_under_numbered_names(tmp_path: Path) -> None:
    path = _write(tmp_path, "dup.csv", "code,note,note,note.1,note\nb,n1,n2,n3,n4\n")
    seen: list[dict[str, Any]] = []

    def convert(row: dict[str, Any], warn: Warn) -> se.Event | None:
        seen.append(row)
        return _coded(row, warn)

    reader = read_table(path, convert)
    assert len(list(reader)) == 1
    assert seen == [{"code": "b", "note": "n1", "note.2": "n2", "note.1": "n3", "note.3": "n4"}]
    assert [(w.row, w.line, w.code, w.column) for w in reader.warnings] == [
        (0, 1, "bad_row", "note")
    ]
    assert "'note' appears 3 times" in reader.warnings[0].message
    assert str(reader.warnings[0]).startswith("header (line 1): note: ")


def test_parse_int_caps_huge_counts() -> None:
    from secevents.interop import read_ucdp
    from secevents.interop._tabular import parse_int

    said: list[tuple[str, str, str | None]] = []

    def warn(code: str, message: str, *, column: str | None = None) -> None:
        said.append((code, message, column))

    assert parse_int(str(2**63 - 1), "best", warn) == 2**63 - 1
    assert parse_int("9" * 30, "best", warn) is None
    assert parse_int("-" + "9" * 30, "n", warn, allow_negative=True) is None
    assert parse_int("1e30", "best", warn) is None
    assert [(code, column) for code, _, column in said] == [
        ("bad_value", "best"),
        ("bad_value", "n"),
        ("bad_value", "best"),
    ]
    assert all(len(message) < 120 for _, message, _ in said)
    row = {"id": "1", "type_of_violence": "1", "date_start": "2019-06-03",
           "date_end": "2019-06-03", "best": "9" * 30, "low": "1", "high": "2"}  # fmt: skip
    reader = read_ucdp([row])
    assert len(list(reader)) == 1 and reader.stats.skipped == 0
    assert [(w.code, w.column) for w in reader.warnings if w.column == "best"] == [
        ("bad_value", "best")
    ]


def test_bytes_cells_are_refused_naming_the_row() -> None:
    with ExitStack() as stack:
        with pytest.raises(TypeError, match=r"row 1: cell 1 is bytes.*decode"):
            open_table(cast(Any, [[b"1", b"2"]]), columns=("a", "b"), stack=stack)
        with pytest.raises(TypeError, match=r"row 2: cell 2 is bytes"):
            list(open_table(cast(Any, [["a", "b"], ["1", b"2"]]), stack=stack))


def test_warnings_give_the_data_row_and_the_file_line(tmp_path: Path) -> None:
    path = _write(tmp_path, "lines.csv", 'code,n\n\nwarn,1\n\n\nskip,"two\nlines"\nwarn,3\n')
    reader = read_table(path, _coded)
    list(reader)
    assert [(w.row, w.line) for w in reader.warnings] == [(1, 3), (1, 3), (2, 6), (3, 8), (3, 8)]
    assert str(reader.warnings[2]) == "row 2 (line 6): code: told to skip"
    rows = EventReader(_rows("warn"), _coded)
    list(rows)
    assert rows.warnings[0].line is None and str(rows.warnings[0]) == "row 1: first"


def test_unquoted_writer_counts_data_rows_after_a_header() -> None:
    with pytest.raises(ValueError, match=r"^row 2: 'x\\ty'"):
        write_table(
            [{"a": "1"}, {"a": "x\ty"}],
            io.StringIO(),
            ("a",),
            header=True,
            delimiter="\t",
            quoting=False,
        )


def test_read_table_max_warnings_and_dropped_count() -> None:
    reader = read_table(_rows(*["warn"] * 10), _coded, max_warnings=5)
    assert len(list(reader)) == 10
    assert len(reader.warnings) == 5 and reader.stats.warnings_dropped == 15
    unlimited = read_table(_rows(*["warn"] * 10), _coded, max_warnings=None)
    list(unlimited)
    assert len(unlimited.warnings) == 20 and unlimited.stats.warnings_dropped == 0


def test_progress_true_without_tqdm_says_so(monkeypatch: pytest.MonkeyPatch) -> None:
    import sys

    monkeypatch.setitem(sys.modules, "tqdm", None)
    monkeypatch.setitem(sys.modules, "tqdm.auto", None)
    with pytest.warns(UserWarning, match=r"progress=True needs tqdm") as caught:
        reader = read_table(_rows("a", "b"), _coded, progress=True)
    assert caught[0].filename == __file__
    assert len(list(reader)) == 2


def test_name_caches_are_bounded() -> None:
    from secevents.interop._tabular import country_from_name, group_code

    assert country_from_name.cache_info().maxsize == 4096
    assert group_code.cache_info().maxsize == 4096


def test_every_reader_takes_the_same_options() -> None:
    import inspect

    import secevents.interop as interop

    readers = ["read_gdelt", "read_icews", "read_plover", "read_ucdp", "read_acled", "read_csv"]
    for name in readers:
        options = inspect.signature(getattr(interop, name)).parameters
        assert {"progress", "encoding", "errors", "max_warnings"} <= set(options), name
        assert all(
            options[o].kind is inspect.Parameter.KEYWORD_ONLY
            for o in ("progress", "encoding", "errors", "max_warnings")
        ), name


def test_max_warnings_caps_every_reader() -> None:
    import secevents.interop as interop

    rows = [{"id": str(n), "type_of_violence": "9"} for n in range(5)]
    reader = interop.read_ucdp(rows, max_warnings=2)
    assert len(list(reader)) == 5
    assert (len(reader.warnings), reader.stats.warnings_dropped) == (2, 3)


@given(events())
def test_the_last_field_an_event_fills_is_found_from_the_end_as_from_the_start(
    event: se.Event,
) -> None:
    # Table readers place a row's kept columns after it: found from the end, as found
    # over all the fields from the start.
    fields = {f.name: getattr(event, f.name) for f in attrs.fields(type(event))}
    assert last_filled(event) == _after(type(event), fields)
