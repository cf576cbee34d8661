"""Dataset rows straight to Arrow (``read_gdelt_table``), and the typed readers' lazy keeping.

The Arrow path must give, on every real sample and on hand-written bad rows, the
values the typed reader's events give through ``to_arrow``, the same warnings and
counts, and the columns no field stands for as columns.
"""

from __future__ import annotations

import copy
import csv
import gc
import gzip
import json
import pickle
import re
import tracemalloc
import uuid
from pathlib import Path
from typing import Any

import attrs
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import secevents as se
from secevents.interop import (
    EventReader,
    kept_columns,
    read_gdelt,
    read_parquet,
    read_parquet_table,
    to_arrow,
    write_gdelt,
    write_parquet,
)
from secevents.interop import _gdelt_cells as gdelt_cells
from secevents.interop import gdelt as gdelt_module
from secevents.interop.acled import read_acled, read_acled_table
from secevents.interop.gdelt import GDELT_COLUMNS, gdelt_rows, read_gdelt_table
from secevents.interop.icews import read_icews, read_icews_table
from secevents.interop.ucdp import read_ucdp, read_ucdp_table
from secevents.model.ids import ID_NAMESPACE
from test_interop_acled import ROWS_CSV as ACLED_ROWS
from test_interop_icews import HEADER as ICEWS_HEADER
from test_interop_icews import ROWS as ICEWS_ROWS

pytest.importorskip("pyarrow")

DATA = Path(__file__).parent / "data" / "realdata"
GDELT = DATA / "gdelt" / "EVENT_V2_20260101000000_20260101000100.csv"
#: The columns no field of a GDELT event stands for: kept as columns by the Arrow path.
KEPT = [
    c
    for c in GDELT_COLUMNS
    if c
    not in {
        "SQLDATE",
        "MonthYear",
        "Year",
        "FractionDate",
        "DATEADDED",
        "SOURCEURL",
        *(f"ActionGeo_{p}" for p in ("Type", "FullName", "CountryCode", "Lat", "Long")),
    }
]


def _warnings(reader: Any) -> list[tuple[int, str, str, str | None, int | None, str | None]]:
    return [(w.row, w.code, w.message, w.column, w.line, w.file) for w in reader.warnings]


def _same_as_typed(path: Path | list[Path]) -> tuple[Any, list[se.Event]]:
    """The Arrow path's read of ``path``, checked against the typed reader's."""
    read = read_gdelt_table(path)
    reader = read_gdelt(path)
    events = list(reader)
    typed = to_arrow(events)
    assert read.table.num_rows == len(events)
    for name in typed.column_names:
        assert read.table.column(name).to_pylist() == typed.column(name).to_pylist(), name
        assert read.table.schema.field(name).type == typed.schema.field(name).type, name
    assert _warnings(read) == _warnings(reader)
    assert read.stats == reader.stats
    return read, events


def _raw(tmp_path: Path, events: list[se.Event], name: str = "day.export.CSV") -> Path:
    path = tmp_path / name
    write_gdelt(events, path)  # tab-separated, no header, no quoting: as GDELT publishes
    return path


def test_sample_csv_equals_the_typed_path() -> None:
    read, events = _same_as_typed(GDELT)
    assert read.stats.rows == 1562 and len(read.warnings) == 1135
    # Kept columns are columns: the cells of the row no field stands for (as the typed
    # path writes them back: as read, codes padded).
    written = list(gdelt_rows(events))
    for column in KEPT:
        values = read.table.column(f"gdelt_{column}").to_pylist()
        assert values == [row[column] for row in written], column
    assert read.table.column("gdelt_EventCode").to_pylist()[1] == "0841"
    # A column beyond GDELT's 61 (the wrapper's FULLTEXT) is kept too.
    assert set(read.table.column("gdelt_FULLTEXT").to_pylist()) == {""}


def test_raw_export_plain_and_gzipped_equals_the_typed_path(tmp_path: Path) -> None:
    with open(GDELT, encoding="utf-8", newline="") as handle:
        rows = [{k: v for k, v in row.items() if k != "FULLTEXT"} for row in csv.DictReader(handle)]
    events = list(read_gdelt(rows))
    raw = _raw(tmp_path, events)
    zipped = tmp_path / "day.export.CSV.gz"
    zipped.write_bytes(gzip.compress(raw.read_bytes()))
    for path in (raw, zipped):
        read, _ = _same_as_typed(path)
        assert read.table.num_rows == 1562
        assert "gdelt_FULLTEXT" not in read.table.column_names
    # Many files: warnings name the file; the second file's ids repeat the first's.
    read, _ = _same_as_typed([raw, zipped])
    assert read.stats.duplicate_ids == 1562
    duplicate = next(w for w in read.warnings if w.code == "duplicate_id")
    assert duplicate.row == 1563 and duplicate.file == str(zipped)


def _row(**cells: str) -> list[str]:
    row = dict.fromkeys(GDELT_COLUMNS, "")
    row.update(
        GLOBALEVENTID="1",
        SQLDATE="20250101",
        EventCode="190",
        EventBaseCode="190",
        EventRootCode="19",
        Actor1Code="RUS",
        Actor1Name="RUSSIA",
        Actor1CountryCode="RUS",
        ActionGeo_Type="4",
        ActionGeo_FullName="Kyiv, Ukraine",
        ActionGeo_CountryCode="UP",
        ActionGeo_Lat="50.45",
        ActionGeo_Long="30.52",
        DATEADDED="20250101000000",
        SOURCEURL="https://example.org/a",
    )
    row.update(cells)
    return list(row.values())


def _file(tmp_path: Path, rows: list[list[str]]) -> Path:
    path = tmp_path / "rows.export.CSV"
    path.write_text("".join("\t".join(row) + "\n" for row in rows), encoding="utf-8")
    return path


def test_messy_cells_warn_as_the_typed_path_does(tmp_path: Path) -> None:
    rows = [
        _row(),
        _row(GLOBALEVENTID="2", SQLDATE="2025013x", EventCode="62", EventRootCode="6"),
        _row(GLOBALEVENTID="3", ActionGeo_Type="9", ActionGeo_CountryCode="QQ"),
        _row(GLOBALEVENTID="4", ActionGeo_Lat="95", Actor1CountryCode="XXX"),
        _row(GLOBALEVENTID="5", EventCode="999", SOURCEURL="not a url"),
        _row(GLOBALEVENTID="6", SQLDATE="2025013x", EventCode="62", EventRootCode="6"),
    ]
    read, _ = _same_as_typed(_file(tmp_path, rows))
    codes = {w.code for w in read.warnings}
    assert {"bad_value", "repaired_code", "unknown_code", "unknown_country"} <= codes
    # Rows 2 and 6 share their cells: their warnings are the same, said for each row.
    assert [w.message for w in read.warnings if w.row == 2] == [
        w.message for w in read.warnings if w.row == 6
    ]
    assert read.table.column("type").to_pylist()[1] == "joint_exercise"


def test_rows_the_arrow_reader_cannot_take_are_read_the_typed_way(tmp_path: Path) -> None:
    short = _row(GLOBALEVENTID="2")[:40]
    longer = [*_row(GLOBALEVENTID="3"), "surplus"]
    no_id = _row(GLOBALEVENTID="")
    formula = _row(GLOBALEVENTID="4", Actor1Name="'=SUM(A1)")
    for rows in ([_row(), short], [_row(), longer], [_row(), no_id], [_row(), formula]):
        read, _ = _same_as_typed(_file(tmp_path, rows))
        assert read.stats.rows == 2  # no row lost, none silently
    assert read.table.column("actor_names").to_pylist()[1] == ["=SUM(A1)"]


def test_rows_given_in_python_are_refused_with_a_pointer() -> None:
    with pytest.raises(TypeError, match="typed reader"):
        read_gdelt_table([_row()])  # type: ignore[list-item]


def test_max_warnings_caps_what_is_kept_and_counts_the_rest(tmp_path: Path) -> None:
    rows = [
        _row(GLOBALEVENTID=str(n), EventCode="62", EventBaseCode="62", EventRootCode="6")
        for n in range(1, 6)
    ]
    read = read_gdelt_table(_file(tmp_path, rows), max_warnings=2)
    assert [w.row for w in read.warnings] == [1, 2]
    assert read.stats.warnings_dropped == 3 and read.stats.warned == 5


def test_the_table_feeds_duckdb_as_the_store_does() -> None:
    duckdb = pytest.importorskip("duckdb")
    events = read_gdelt_table(GDELT).table
    counts = dict(duckdb.sql("select type, count(*) from events group by type").fetchall())
    assert sum(counts.values()) == events.num_rows
    assert counts == {"coded_event": 1389, "statement": 172, "joint_exercise": 1}


def test_the_table_feeds_write_parquet(tmp_path: Path) -> None:
    read = read_gdelt_table(GDELT)
    store = tmp_path / "store"
    assert write_parquet(read, store, partition_by=("type", "year")) == 1562
    back = read_parquet_table(store, types="joint_exercise", columns=["id", "gdelt_EventCode"])
    assert back.to_pylist() == [
        {"id": i, "gdelt_EventCode": "062"}
        for i, t in zip(
            read.table.column("id").to_pylist(), read.table.column("type").to_pylist(), strict=True
        )
        if t == "joint_exercise"
    ]
    assert read_parquet_table(store).num_rows == 1562
    with pytest.raises(ValueError, match="holds no 'wire' JSON"):
        read_parquet(store)
    with pytest.raises(ValueError, match="a table without 'id'"):
        write_parquet(read.table.drop_columns(["id"]), tmp_path / "other")


# -- the other datasets -----------------------------------------------------------------

UCDP = DATA / "ucdp" / "ucdpged_sample_1000_from_uncertainUCDP.csv"


def _same(read_table: Any, read_typed: Any, path: Path) -> Any:
    read = read_table(path)
    reader = read_typed(path)
    typed = to_arrow(list(reader))
    for name in typed.column_names:
        assert read.table.column(name).to_pylist() == typed.column(name).to_pylist(), name
    assert _warnings(read) == _warnings(reader)
    assert read.stats == reader.stats
    return read


def test_ucdp_sample_equals_the_typed_path() -> None:
    read = _same(read_ucdp_table, read_ucdp, UCDP)
    assert read.stats.rows == 1000 and len(read.warnings) == 13
    with open(UCDP, encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    for column in ("id", "relid", "conflict_name", "geom_wkt", "adm_1", "year"):
        assert read.table.column(f"ucdp_{column}").to_pylist() == [r[column] for r in rows]


def test_ucdp_messy_and_irregular_rows(tmp_path: Path) -> None:
    header = "id,type_of_violence,side_a,side_b,best,low,high,country,date_start,date_end\n"
    rows = [
        "1,1,Government of Mali,JNIM,3,2,4,Mali,2020-01-02,2020-01-02\n",
        "2,9,Government of Atlantis,Civilians,3,5,1,Atlantis,2020-01-05,2020-01-02\n",
        "3,2,,, x ,,,Mali,2020-13-01,\n",
    ]
    path = tmp_path / "ged.csv"
    path.write_text(header + "".join(rows), encoding="utf-8")
    read = _same(read_ucdp_table, read_ucdp, path)
    assert {"unknown_code", "unknown_country", "fatalities_out_of_order", "bad_value"} <= {
        w.code for w in read.warnings
    }
    path.write_text(header + "".join(rows) + ",3,Government of Mali\n", encoding="utf-8")
    assert _same(read_ucdp_table, read_ucdp, path).stats.rows == 4  # no id: typed reader


def test_icews_rows_with_and_without_header_equal_the_typed_path(tmp_path: Path) -> None:
    path = tmp_path / "events.2021.tab"
    for lines in ([ICEWS_HEADER, *ICEWS_ROWS], ICEWS_ROWS):
        path.write_text("\n".join(lines) + "\n", encoding="utf-8")
        read = _same(read_icews_table, read_icews, path)
        assert read.table.num_rows == len(ICEWS_ROWS)
        assert read.table.column("icews_Story ID").to_pylist()[0] == "9001"
        assert read.table.column("icews_CAMEO Code").to_pylist()[2] == "062"  # padded
    # An Event ID of NA: the id is derived from the fields, by the typed reader.
    path.write_text("\n".join([ICEWS_HEADER, "NA" + ICEWS_ROWS[0][3:]]) + "\n", "utf-8")
    assert _same(read_icews_table, read_icews, path).stats.rows == 1


def test_acled_rows_equal_the_typed_path(tmp_path: Path) -> None:
    path = tmp_path / "acled.csv"
    path.write_text(ACLED_ROWS, encoding="utf-8")
    read = _same(read_acled_table, read_acled, path)
    assert read.table.column("acled_inter1").to_pylist()[0] == "1"
    header = ACLED_ROWS.splitlines()[0]
    width = header.count(",") + 1

    def row(**cells: str) -> str:
        values = dict.fromkeys(header.split(","), "")
        values.update({"event_id_cnty": "X1", "event_date": "2023-05-14", **cells})
        return ",".join(values.values())

    messy = [
        row(event_type="", fatalities="many", inter1="99", actor1="Someone"),
        row(event_id_cnty="X2", event_date="14/13/2023", time_precision="7", timestamp="soon"),
        row(
            event_id_cnty="X3",
            event_type="Strategic developments",
            sub_event_type="Headquarters or base established",
            actor1="Military Forces of Russia (2000-)",
            inter1="8",
            iso="729",
            country="Sudan",
        ),
        row(event_id_cnty="X4", iso="999", country="Atlantis", latitude="95", longitude="1"),
    ]
    assert all(line.count(",") + 1 == width for line in messy)
    path.write_text("\n".join([header, *messy]) + "\n", encoding="utf-8")
    read = _same(read_acled_table, read_acled, path)
    assert read.table.column("type").to_pylist()[2] == "base_construction"
    assert {"missing_value", "bad_value", "unknown_code", "unknown_country"} <= {
        w.code for w in read.warnings
    }


# -- the typed path: parts worked out once, kept columns worked out when asked ---------


def test_parts_read_once_give_what_reading_each_row_alone_gives() -> None:
    with open(GDELT, encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    reader = read_gdelt(rows)
    events = list(reader)
    alone: list[se.Event | None] = []
    said: list[tuple[int, str, str, str | None]] = []
    for number, row in enumerate(rows, start=1):

        def warn(code: str, message: str, *, column: str | None = None, at: int = number) -> None:
            said.append((at, code, message, column))

        alone.append(gdelt_module._convert(row, warn))
    assert events == alone
    assert [(w.row, w.code, w.message, w.column) for w in reader.warnings] == said
    # Rows with the same cells share one value (memory), not a copy.
    days = {id(e.date) for e in events}
    assert len(days) == len({e.date for e in events})


def test_kept_columns_are_worked_out_when_first_asked(monkeypatch: pytest.MonkeyPatch) -> None:
    calls = []
    render = gdelt_cells.field_cells

    def counted(*args: Any) -> dict[str, str]:
        calls.append(1)
        return render(*args)

    monkeypatch.setattr(gdelt_cells, "field_cells", counted)
    events = list(read_gdelt(GDELT))
    assert calls == []  # no row rendered while reading
    first = kept_columns(events[0], "gdelt")
    assert len(calls) == 1 and first["_original"]["ActionGeo_FeatureID"] == "-1580121"
    kept_columns(events[0], "gdelt")
    assert len(calls) == 1  # worked out once
    # Pickled, an event keeps what it kept (a plain UnknownKey), and compares equal.
    back = pickle.loads(pickle.dumps(events[1]))
    assert back == events[1] and type(back.extra[0]) is se.UnknownKey
    assert se.loads(se.dumps(events[2])) == events[2]


def test_an_event_edited_after_reading_keeps_what_its_row_said() -> None:
    event = next(iter(read_gdelt(GDELT)))
    moved = attrs.evolve(event, date=se.DateSpan.parse("2024-02-03"))
    row = next(gdelt_rows([moved]))
    assert (row["SQLDATE"], row["GLOBALEVENTID"]) == ("20240203", "1281735146")
    assert next(gdelt_rows([event]))["SQLDATE"] == "20250101"


def test_held_events_cost_little_memory(tmp_path: Path) -> None:
    with open(GDELT, encoding="utf-8", newline="") as handle:
        rows = list(csv.reader(handle))
    path = tmp_path / "copies.csv"
    with open(path, "w", encoding="utf-8", newline="") as handle:  # the sample 4 times
        out = csv.writer(handle)
        out.writerow(rows[0])
        for copy in range(4):
            out.writerows([[f"{copy}{row[0]}", *row[1:]] for row in rows[1:]])
    list(read_gdelt(GDELT))  # warm: tables and caches
    tracemalloc.start()
    try:
        before = tracemalloc.get_traced_memory()[0]
        events = list(read_gdelt(path))
        held = (tracemalloc.get_traced_memory()[0] - before) / len(events)
    finally:
        tracemalloc.stop()
    # 1.5 KB per event (about 4 KB when every row's kept columns were a dict of text).
    assert len(events) == 4 * 1562 and held < 1536, held


def test_a_reader_that_ends_forgets_its_shared_cells() -> None:
    reader: EventReader[Any] = read_gdelt(GDELT)
    list(reader)
    converter = reader._convert
    assert isinstance(converter, gdelt_module._Rows)
    assert not converter._texts._met and not converter._places._entries


def test_table_rows_are_converted_in_chunks_with_the_collector_paused() -> None:
    enabled: list[bool] = []

    def convert(row: str, warn: Any) -> se.Event | None:
        enabled.append(gc.isenabled())
        if row == "bad":
            raise OSError("the disk went away")  # not a row's fault: it stops the read
        return se.Statement(content=row)

    rows = ["a", "b", "c", "d", "bad", "e"]
    reader: EventReader[str] = EventReader(rows, convert, chunk=3)
    got = [next(reader)]
    assert reader.stats.rows == 3  # a chunk read ahead

    def rest() -> None:
        for event in reader:
            got.append(event)

    with pytest.raises(OSError, match="the disk went away"):
        rest()
    # The events before the error, then the error.
    assert [getattr(event, "content", None) for event in got] == ["a", "b", "c", "d"]
    assert enabled == [False] * 5 and gc.isenabled()
    # The table readers read in chunks; a reader given one row at a time does not.
    assert read_gdelt(GDELT)._chunk > 1
    assert EventReader(rows, convert)._chunk == 1


# -- line numbers -------------------------------------------------------------------------


@pytest.fixture
def no_typed_fallback(monkeypatch: pytest.MonkeyPatch) -> None:
    """The Arrow path must read the file itself (a fallback would give the typed lines)."""
    from secevents.interop import _columnar

    def refused(*args: Any, **kwargs: Any) -> Any:
        raise AssertionError("the file fell back to the typed reader")

    monkeypatch.setattr(_columnar, "_typed", refused)


@pytest.mark.usefixtures("no_typed_fallback")
def test_warnings_give_the_line_across_blank_lines_and_line_ends(tmp_path: Path) -> None:
    rows = [
        _row(GLOBALEVENTID=str(n), EventCode="62", EventBaseCode="62", EventRootCode="6")
        for n in range(1, 6)
    ]
    lines = ["\t".join(row) for row in rows]
    # Blank lines count as lines but are no rows; "\r\n" and a lone "\r" end a line too.
    text = lines[0] + "\n\n" + lines[1] + "\r\n" + lines[2] + "\r" + "\r\n\n" + lines[3]
    text += "\n" + lines[4]  # the last line without a line end
    path = tmp_path / "rows.export.CSV"
    path.write_bytes(text.encode())
    read, _ = _same_as_typed(path)
    assert [(w.row, w.line) for w in read.warnings] == [(1, 1), (2, 3), (3, 4), (4, 7), (5, 8)]
    assert str(read.warnings[1]).startswith("row 2 (line 3): EventCode:")


@pytest.mark.usefixtures("no_typed_fallback")
def test_lines_of_quoted_cells_running_over_lines(tmp_path: Path) -> None:
    with open(UCDP, encoding="utf-8", newline="") as handle:
        rows = list(csv.reader(handle))[:40]
    # A cell over three lines (one blank) and blank lines between records, "\r\n" ends.
    rows[3][rows[0].index("source_article")] = "first line\n\nthird line"
    rows[7][rows[0].index("where_description")] = "a place\r\nover two lines"
    path = tmp_path / "ged.csv"
    with open(path, "w", encoding="utf-8", newline="") as out:
        writer = csv.writer(out, lineterminator="\r\n")
        for number, row in enumerate(rows):
            writer.writerow(row)
            if number in (2, 9):
                out.write("\r\n")
    read = _same(read_ucdp_table, read_ucdp, path)
    lines = {w.row: w.line for w in read.warnings}
    assert lines and None not in lines.values()
    # Row r starts on line r + 1, plus a blank line after row 2 and after row 9, plus
    # two lines inside row 3's cell and one inside row 7's.
    for row, line in lines.items():
        assert line == row + 1 + (row > 2) + (row > 9) + 2 * (row > 3) + (row > 7)


@pytest.mark.usefixtures("no_typed_fallback")
def test_ids_given_again_in_one_file_name_the_row_that_gave_them_first(tmp_path: Path) -> None:
    with open(UCDP, encoding="utf-8", newline="") as handle:
        header, *rows = list(csv.reader(handle))[:4]
    # Rows a, b, a, c, b, a (ids as read), a quoted cell over two lines before the last.
    order = [0, 1, 0, 2, 1, 0]
    picked = [list(rows[n]) for n in order]
    picked[4][header.index("source_article")] = "one line\nanother"
    path = tmp_path / "ged.csv"
    with open(path, "w", encoding="utf-8", newline="") as out:
        csv.writer(out, lineterminator="\n").writerows([header, *picked])
    read = _same(read_ucdp_table, read_ucdp, path)
    found = [(w.row, w.line, w.message) for w in read.warnings if w.code == "duplicate_id"]
    assert [(row, line) for row, line, _ in found] == [(3, 4), (5, 6), (6, 8)]
    assert [message.split(" is the id of ")[1][:6] for _, _, message in found] == [
        "row 1 ",
        "row 2 ",
        "row 1 ",
    ]
    assert read.stats.duplicate_ids == 3


@given(
    records=st.lists(
        st.tuples(
            st.lists(
                st.sampled_from(["a", "", "x\ny", "\r\n", "p\r\rq", "\n\n"]), min_size=2, max_size=2
            ),
            st.sampled_from(["\n", "\r\n", "\r"]),
            st.integers(0, 2),
        ),
        max_size=12,
    ),
    last_ended=st.booleans(),
)
def test_row_lines_count_as_the_typed_readers_do(
    records: list[tuple[list[str], str, int]], last_ended: bool
) -> None:
    import pyarrow as pa
    from pyarrow import csv as arrow_csv

    from secevents.interop._arrow_csv import row_lines

    text, expected, line = "h1,h2\n", [], 2
    for number, (cells, end, blanks) in enumerate(records):
        expected.append(line)
        text += ",".join(f'"{cell}"' for cell in cells)
        line += sum(len(re.findall("\r\n|\r|\n", cell)) for cell in cells)
        if number < len(records) - 1 or last_ended:
            text += end + end * blanks
            line += 1 + blanks
    data = pa.py_buffer(text.encode())
    table = arrow_csv.read_csv(
        pa.BufferReader(data),
        parse_options=arrow_csv.ParseOptions(newlines_in_values=True),
        convert_options=arrow_csv.ConvertOptions(
            column_types={"h1": pa.string(), "h2": pa.string()}
        ),
    )
    assert table.num_rows == len(records)
    assert row_lines(data, table, 1).tolist() == expected


@given(
    st.lists(st.lists(st.sampled_from(["", "a", "\n", "x\ny\n", "é\n", "\n\n"]), max_size=6)),
    st.integers(0, 3),
)
def test_line_ends_in_cells_are_counted_as_arrow_counts_them(
    chunks: list[list[str]], skip: int
) -> None:
    import pyarrow as pa
    import pyarrow.compute as pc

    from secevents.interop._arrow_csv import _feeds

    # Chunks sliced too: their offsets start past their data's start.
    column = pa.chunked_array(
        [pa.array(["\n"] * skip + cells, pa.string()).slice(skip) for cells in chunks], pa.string()
    )
    expected = pc.count_substring(column, "\n").to_numpy(zero_copy_only=False).tolist()
    assert _feeds(column).tolist() == expected


# -- PLOVER: records to Arrow a batch at a time ---------------------------------------------

PLOVER = DATA / "plover" / "PLOVER_GSR_CAMEO.json"


def _plover_same_as_typed(path: Any, **options: Any) -> Any:
    from secevents.interop import read_plover, read_plover_table

    read = read_plover_table(path, **options)
    reader = read_plover(path)
    events = list(reader)
    typed = to_arrow(events)
    for name in typed.column_names:
        assert read.table.column(name).to_pylist() == typed.column(name).to_pylist(), name
        assert read.table.schema.field(name).type == typed.schema.field(name).type, name
    assert _warnings(read) == _warnings(reader)
    assert read.stats == reader.stats
    # Each key no field stands for is a column of JSON text, null where a record lacks it.
    for row, event in enumerate(events):
        kept = {k: v for k, v in kept_columns(event, "plover").items() if not k.startswith("_")}
        for column in read.table.column_names:
            if column.startswith("plover_"):
                text = read.table.column(column)[row].as_py()
                key = column.removeprefix("plover_")
                assert (json.loads(text) if text is not None else None) == kept.get(key), column
        assert all(f"plover_{key}" in read.table.column_names for key in kept)
    return read


@pytest.mark.parametrize("batch_size", [1, 7, 10_000])
def test_plover_sample_equals_the_typed_path(batch_size: int) -> None:
    read = _plover_same_as_typed(PLOVER, batch_size=batch_size)
    assert read.table.num_rows == 323 and read.stats.duplicate_ids == 1
    assert read.warnings[0].line == 1 and read.warnings[-1].line is not None
    assert json.loads(read.table.column("plover_coder")[1].as_py()) == "Parus Analytics"


def test_plover_lines_gzipped_and_many_files(tmp_path: Path) -> None:
    records = json.loads(PLOVER.read_text(encoding="utf-8"))
    lines = tmp_path / "a.jsonl"
    lines.write_text("".join(json.dumps(r) + "\n" for r in records[:100]), encoding="utf-8")
    zipped = tmp_path / "b.jsonl.gz"
    # A line that is no JSON and a record that is no object: skipped, with warnings.
    bad = ["{not json", "[1, 2]", *(json.dumps(r) for r in records[100:])]
    zipped.write_bytes(gzip.compress("\n".join(bad).encode()))
    read = _plover_same_as_typed([lines, zipped], batch_size=50)
    assert read.stats.skipped == 2 and read.table.num_rows == 323 and read.stats.rows == 325
    skipped = [w for w in read.warnings if w.code == "skipped_row"]
    assert [(w.file, w.line) for w in skipped] == [(str(zipped), 1), (str(zipped), 2)]


#: Hand-written records each path must read alike: every class, every warning, kept keys.
MESSY_PLOVER: list[dict[str, Any]] = [
    {"id": "je1", "date": "2021-10-20", "enddate": "2021-10-23", "event": "COOPERATE",
     "context": ["military"], "actor": [{"entity_text": "Russian forces", "code": "RUS",
     "sector": "MIL"}], "recipient": [{"code": "TJK"}], "size": "about 5,000",
     "event_loc": {"name": "Harb-Maidon", "country_code": "TJ", "lat": 37.5, "lon": 68.9,
     "resolution": 4}, "coded_date": "2021-10-24", "text": "Drills.", "coder": "me"},
    {"id": 7, "event": ["COOPERATE", "AID"], "context": "military, naval", "size": 2**70,
     "actor": [{"code": "USA"}, {"entity_text": "", "code": ""}, "x"], "has_event": True},
    {"id": "dc1", "event": "ACCUSE", "mode": ["allege"], "context": "diplomatic",
     "actor": [{"code": "CHN", "sector": "GOV"}], "recipient": [{"code": "PHL"}],
     "date": "2000-01-01", "_note": "n", "publication": "AP"},
    {"event": "DEMAND", "mode": 5, "date": "2021-02-30", "enddate": "2021-01-01",
     "dead": "12", "source": [{"actorText": "Rebels", "code": "REB"}], "target": "",
     "eventText": "demanded", "citeInfo": {"publication": "Reuters"}},
    {"id": True, "event": "FIGHT", "dead": -5, "size": "Thousands", "event_loc": "Kabul",
     "coded_date": "yesterday", "date": "2021-03-01", "enddate": "2021-02-01"},
    {"id": "c1", "event": "PROTEST", "mode": "demo", "dead": 2**70, "big": 2**70,
     "event_loc": {"cc3": "XXX", "lat": 91, "lon": 0, "geonameid": "7", "resolution": 9},
     "actor": [{"code": "IGO", "entity_text": "NATO"}], "recipient": {"code": "ukr"}},
    {"id": "c2", "event": "NOPE", "context": ["military"], "actor": "USA", "dead": 3.5,
     "event_loc": {"misc": 1}, "size": True, "source": [{"code": "FRA"}],
     "actor_x": [{"code": "FRA"}]},
    {"id": "c1", "event": "PROTEST", "mode": "demo"},  # a duplicate id
    {"id": "je2", "event": "COOPERATE", "context": ["military", "naval"], "size": 300,
     "actor": [{"code": "IND"}, {"code": "REB"}], "deep": [[[[1]]]]},
    {"id": "je1b", "event": "COOPERATE", "context": "military", "size": "5000"},
    {"id": "coded_event--c0d1e000-0000-5000-8000-000000000000", "event": "AGREE"},
    {"id": "c3", "event": "AGREE", "dead": None, "size": None, "text": "  ", "date": None},
]  # fmt: skip


#: Records drawn from the values of the hand-written ones, key by key.
DRAWN_PLOVER = st.lists(
    st.fixed_dictionaries(
        {},
        optional={
            key: st.sampled_from(
                [value for record in MESSY_PLOVER if key in record for value in [record[key]]]
            )
            for key in sorted({key for record in MESSY_PLOVER for key in record})
        },
    ),
    min_size=1,
    max_size=10,
)


def test_plover_messy_records_equal_the_typed_path(tmp_path: Path) -> None:
    lines = [json.dumps(record) for record in MESSY_PLOVER]
    # Said only as JSON text: a repeated key, a lone surrogate, nesting past 200 levels.
    lines.append('{"id": "d1", "event": "AGREE", "event": "REJECT", "coder": "a"}')
    lines.append('{"id": "s1", "event": "AGREE", "note": "\\ud800"}')
    lines.append('{"id": "n1", "event": "AGREE", "deep": ' + "[" * 205 + "]" * 205 + "}")
    lines += lines[:3]  # repeated entities and days: their warnings said again
    path = tmp_path / "messy.jsonl"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    read = _plover_same_as_typed(path, batch_size=4)
    codes = {w.code for w in read.warnings}
    assert {"duplicate_id", "skipped_row", "placeholder_date", "old_category"} <= codes
    assert {"unknown_code", "bad_value", "repaired_code", "missing_value"} <= codes
    types = read.table.column("type").to_pylist()
    assert {"joint_exercise", "diplomatic_communique", "coded_event"} == set(types)
    for column in ("plover_coder", "plover_context", "plover_big", "plover_has_event"):
        assert column in read.table.column_names


@given(DRAWN_PLOVER)
def test_plover_drawn_records_equal_the_typed_path(records: list[dict[str, Any]]) -> None:
    import tempfile

    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "drawn.jsonl"
        path.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
        _plover_same_as_typed(path, batch_size=3)


#: What read_plover_table gave for the sample at ae34fbe, before it read a batch a field at
#: a time and read_parts each group of keys once per distinct value (see the README).
PLOVER_TABLE_BEFORE = DATA / "plover" / "table_at_ae34fbe.jsonl.gz"


@pytest.mark.parametrize("batch_size", [1, 40, 10_000])
def test_plover_sample_table_is_exactly_as_before(batch_size: int) -> None:
    from secevents.interop import read_plover_table
    from secevents.interop.frames import arrow_schema

    read = read_plover_table(PLOVER, batch_size=batch_size)
    head, *rows, tail = gzip.decompress(PLOVER_TABLE_BEFORE.read_bytes()).decode().splitlines()
    stored = json.loads(head)["schema"]
    names = [name for name, _type in stored]
    # Event types other tests register add their (empty) columns: only those are new.
    extra = [name for name in read.table.column_names if name not in names]
    assert all(name in arrow_schema()[0] for name in extra)
    assert [name for name in read.table.column_names if name in names] == names  # in order
    table = read.table.select(names)
    assert [[field.name, str(field.type)] for field in table.schema] == stored
    got = [json.dumps(row, ensure_ascii=False, default=str) for row in table.to_pylist()]
    assert got == rows
    said = [[w.row, w.code, w.message, w.column, w.line] for w in read.warnings]
    assert json.loads(tail) == {"warnings": said, "stats": repr(read.stats)}


@settings(max_examples=60, deadline=None)
@given(DRAWN_PLOVER)
def test_plover_drawn_records_read_from_text_as_given_in_python(
    records: list[dict[str, Any]],
) -> None:
    """Records read from JSON text (each group of keys read once per distinct JSON text,
    a batch's columns a field at a time) give what the same records given in Python give
    (read one at a time, every key read anew): events, warnings, and the table."""
    import tempfile

    from secevents.interop import read_plover, read_plover_table

    given = read_plover(copy.deepcopy(records))
    expected = list(given)
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "drawn.jsonl"
        path.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
        reader = read_plover(path)
        events = list(reader)
        read = read_plover_table(path, batch_size=5)
    assert events == expected
    assert [se.to_dict(e) for e in events] == [se.to_dict(e) for e in expected]
    assert [kept_columns(e, "plover") for e in events] == [
        kept_columns(e, "plover") for e in expected
    ]
    unplaced = [(w.row, w.code, w.message, w.column) for w in given.warnings]
    assert [(w.row, w.code, w.message, w.column) for w in reader.warnings] == unplaced
    assert [(w.row, w.code, w.message, w.column) for w in read.warnings] == unplaced
    typed = to_arrow(expected)
    for name in typed.column_names:
        assert read.table.column(name).to_pylist() == typed.column(name).to_pylist(), name


def test_plover_table_makes_no_event_and_holds_one_batch(monkeypatch: pytest.MonkeyPatch) -> None:
    from secevents.interop import _plover_table
    from secevents.interop._plover_cells import PloverParts

    made = 0  # events made: every event runs Event.__attrs_post_init__
    post_init = se.Event.__attrs_post_init__

    def counted(self: se.Event) -> None:
        nonlocal made
        made += 1
        post_init(self)

    monkeypatch.setattr(se.Event, "__attrs_post_init__", counted)
    _plover_table._empty_row.cache_clear()
    others: list[int] = []  # records' parts alive beside the batch, at each batch
    sizes: list[int] = []
    convert = _plover_table._batch_table

    def watched(pa: Any, batch: list[Any], *args: Any) -> Any:
        gc.collect()
        alive = sum(isinstance(thing, PloverParts) for thing in gc.get_objects())
        others.append(alive - len(batch))
        sizes.append(len(batch))
        return convert(pa, batch, *args)

    monkeypatch.setattr(_plover_table, "_batch_table", watched)
    read = _plover_table.read_plover_table(PLOVER, batch_size=40)
    assert sizes == [40] * 8 + [3] and read.table.num_rows == 323
    assert set(others) == {0}  # no batch outlives the next
    assert made <= 3  # an empty event per class, for the columns no part gives


def test_plover_table_refuses_rows_and_a_bad_batch_size() -> None:
    from secevents.interop import read_plover_table

    with pytest.raises(TypeError, match="read_plover"):
        read_plover_table([{"id": "r1"}])  # type: ignore[list-item]
    with pytest.raises(ValueError, match="batch_size"):
        read_plover_table(PLOVER, batch_size=0)


# -- warnings kept as arrays --------------------------------------------------------------


@given(
    parts=st.lists(
        st.tuples(
            st.lists(st.integers(0, 4), max_size=30),  # each row's distinct cells
            st.dictionaries(
                st.integers(0, 4),
                st.lists(st.sampled_from(["a", "b", "c"]), min_size=1, max_size=3),
            ),
        ),
        max_size=4,
    ),
    start=st.integers(0, 1000),
)
def test_warnings_found_in_parts_come_in_the_typed_readers_order(
    parts: list[tuple[list[int], dict[int, list[str]]]], start: int
) -> None:
    import numpy

    from secevents.interop._arrow_warnings import Said, found_in_parts

    rows = min((len(keys) for keys, _ in parts), default=0)
    given_parts: list[tuple[Any, dict[int, list[Said]], int]] = []
    expected = []
    for order, (keys, warned) in enumerate(parts):
        said: dict[int, list[Said]] = {
            key: [(code, f"{order}:{key}:{n}", None) for n, code in enumerate(codes)]
            for key, codes in warned.items()
        }
        given_parts.append((numpy.array(keys[:rows], numpy.int64), said, order))
        for row, key in enumerate(keys[:rows]):
            expected += [(start + row + 1, order, n, s) for n, s in enumerate(said.get(key, []))]
    expected.sort(key=lambda entry: entry[:3])
    found = found_in_parts(given_parts, start)
    got = [(int(r), found.said[w]) for r, w in zip(found.rows, found.which, strict=True)]
    assert got == [(row, said) for row, _, _, said in expected]
    assert found.rows_warned() == len({row for row, *_ in expected})


def test_warnings_of_many_files_index_slice_and_cap(tmp_path: Path) -> None:
    rows = [
        _row(GLOBALEVENTID=str(n), EventCode="62", EventBaseCode="62", EventRootCode="6")
        for n in range(1, 4)
    ]
    first, second = tmp_path / "a.export.CSV", tmp_path / "b.export.CSV"
    first.write_text("".join("\t".join(r) + "\n" for r in rows), encoding="utf-8")
    lines = ["\t".join(r) + "\n" for r in rows]
    second.write_text(lines[0] + "\n" + "".join(lines[1:]), encoding="utf-8")
    read = read_gdelt_table([first, second], max_warnings=5)
    warnings = read.warnings
    # 3 + 3 repaired codes + 3 duplicate ids (the second file's records are the first's)
    assert len(warnings) == 5 and read.stats.warnings_dropped == 4
    assert read.stats.duplicate_ids == 3
    assert [(w.row, w.line, w.file) for w in warnings] == [
        (1, 1, str(first)), (2, 2, str(first)), (3, 3, str(first)),
        (4, 1, str(second)), (4, 1, str(second)),
    ]  # fmt: skip
    assert warnings[-1] == warnings[4] and warnings[1:3] == list(warnings)[1:3]
    assert [w.code for w in warnings[3:]] == ["repaired_code", "duplicate_id"]
    with pytest.raises(IndexError):
        warnings[5]
    _same_as_typed([first, second])  # uncapped: the lines after the blank one too


@given(
    st.lists(
        st.lists(st.none() | st.text(max_size=3), max_size=3) | st.none(), min_size=1, max_size=6
    ),
    st.lists(st.integers(min_value=0, max_value=5), max_size=20),
    st.integers(min_value=0, max_value=2),
)
def test_spread_lists_take_as_arrow_takes(
    lists: list[list[str | None] | None], picks: list[int], skip: int
) -> None:
    # Columns whose lists have the same lengths share the items the rows take; a part
    # gives no null list, and a null one among others is spread as an empty list, as before.
    import pyarrow as pa

    from secevents.interop._columnar import _Spread

    values = pa.array([[], *lists], pa.list_(pa.string())).slice(min(skip, len(lists)))
    indices = pa.array([pick % len(values) for pick in picks], pa.int32())
    spread = _Spread(pa, indices, len(picks), {})
    expected = [values[i].as_py() or [] for i in indices.to_pylist()]
    if values.null_count == len(values):  # a column of no value: nulls
        expected = [None] * len(picks)
    assert spread(values).to_pylist() == expected
    again = pa.array(values.to_pylist(), pa.list_(pa.string()))  # same lengths: reused items
    assert spread(again).to_pylist() == expected


@pytest.mark.parametrize("implementation", ["python", "openssl"])
def test_row_ids_are_the_typed_readers_ids(
    implementation: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    import hashlib

    import pyarrow as pa

    from secevents.interop import _row_ids, _rows
    from secevents.interop._row_ids import row_ids
    from secevents.interop._rows import dataset_event_id

    # whichever SHA-1 the machine finds quicker, the ids are the same
    chosen = _row_ids._sha1 if implementation == "python" else hashlib.sha1
    monkeypatch.setattr(_row_ids, "quicker_sha1", lambda: chosen)
    monkeypatch.setattr(_rows, "quicker_sha1", lambda: chosen)
    texts = ["1:2018-01-01", "2", "é" * 40, "x" * 200, ""]
    ids, unique = row_ids(pa, "icews", pa.array(texts))
    made = [dataset_event_id("coded_event", "icews", text).split("--", 1)[1] for text in texts]
    assert ids.to_pylist() == made and unique
    # the RFC 4122 version 5 UUID of the namespace and the dataset's record text
    assert made[0] == str(uuid.uuid5(ID_NAMESPACE, "icews:1:2018-01-01"))
    assert not row_ids(pa, "icews", pa.array(["a", "a"]))[1]
