"""Readers on hostile files: no foreign crash, bounded memory, nothing changed silently."""

from __future__ import annotations

import contextlib
import csv
import gzip
import io
import json
import subprocess
import sys
import tracemalloc
import zipfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

import secevents as se
from secevents.errors import LimitError, ReadError
from secevents.interop import (
    read_acled,
    read_csv,
    read_gdelt,
    read_icews,
    read_plover,
    read_ucdp,
    write_acled,
    write_csv,
    write_gdelt,
    write_icews,
    write_plover,
    write_ucdp,
)

DATA = Path(__file__).parent / "data" / "realdata"
GDELT = DATA / "gdelt" / "EVENT_V2_20260101000000_20260101000100.csv"
UCDP = DATA / "ucdp" / "ucdpged_sample_1000_from_uncertainUCDP.csv"
PLOVER = {"id": "r1", "date": "2016-07-24", "event": ["CONSULT"], "actor": [{"code": "USA"}]}
Reader = Callable[..., Any]


def plover_line(**changes: Any) -> str:
    return json.dumps({**PLOVER, **changes})


def read_all(reader: Any) -> tuple[list[se.Event], list[str]]:
    events = list(reader)
    return events, [f"{w.code}: {w.message}" for w in reader.warnings]


# -- 5: foreign errors become the library's, naming file, line and column ----------------


@pytest.mark.parametrize("depth", [500, 5000, 100_000])
def test_deep_plover_nesting_skips_the_record_and_reads_on(tmp_path: Path, depth: int) -> None:
    path = tmp_path / "deep.jsonl"
    deep = '{"id": "d", "x": ' + "[" * depth + "]" * depth + "}"
    path.write_text("\n".join([plover_line(id="a"), deep, plover_line(id="b")]) + "\n")
    events, said = read_all(reader := read_plover(path))
    assert [e.id for e in events] == [e.id for e in read_plover([PLOVER | {"id": "a"}])] + [
        e.id for e in read_plover([PLOVER | {"id": "b"}])
    ]
    assert len(said) == 1 and said[0].startswith("skipped_row:") and "deep" in said[0]
    assert reader.warnings[0].line == 2


def test_deep_nesting_inside_a_plover_array(tmp_path: Path) -> None:
    path = tmp_path / "deep.json"
    deep = '{"id": "d", "x": ' + "[" * 3000 + "]" * 3000 + "}"
    path.write_text("[" + ",\n".join([plover_line(id="a"), deep, plover_line(id="b")]) + "]")
    events, said = read_all(read_plover(path))
    assert len(events) == 2 and len(said) == 1 and "deep" in said[0]


def gzipped(path: Path, data: bytes) -> Path:
    path.write_bytes(gzip.compress(data))
    return path


@pytest.mark.parametrize(
    ("name", "read"),
    [("g.csv.gz", read_gdelt), ("u.csv.gz", read_ucdp), ("p.jsonl.gz", read_plover)],
)
def test_a_truncated_archive_names_the_file(tmp_path: Path, name: str, read: Reader) -> None:
    source = {"g": GDELT, "u": UCDP}.get(name[0])
    lines = [plover_line(id=f"r{n}", text=f"{n * 7919 % 10007} {n**3}") for n in range(5000)]
    data = source.read_bytes() if source else "\n".join(lines).encode()
    whole = gzip.compress(data)
    path = tmp_path / name
    path.write_bytes(whole[: len(whole) * 2 // 3])
    got: list[se.Event] = []
    with pytest.raises(ReadError, match="ends early") as caught:
        got.extend(read(path))
    assert caught.value.path == str(path) and caught.value.line is not None
    assert got  # what came before the break was read


@pytest.mark.parametrize("read", [read_gdelt, read_ucdp, read_plover, read_csv])
def test_a_damaged_archive_names_the_file(tmp_path: Path, read: Reader) -> None:
    garbage = tmp_path / "events.csv.gz"
    garbage.write_bytes(b"\x1f\x8b\x08\x00" + bytes(range(256)) * 40)
    with pytest.raises(ReadError, match=r"damaged|ends early") as caught:
        list(read(garbage))
    assert caught.value.path == str(garbage)
    not_zip = tmp_path / "events.zip"
    not_zip.write_bytes(b"PK\x03\x04 this is no zip")
    with pytest.raises(ReadError, match="damaged") as caught:
        list(read(not_zip))
    assert caught.value.path == str(not_zip)


def test_a_zip_whose_data_is_damaged(tmp_path: Path) -> None:
    path = tmp_path / "ged.zip"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("ged.csv", UCDP.read_bytes())
    data = bytearray(path.read_bytes())
    data[len(data) // 2 : len(data) // 2 + 64] = b"\x00" * 64
    path.write_bytes(bytes(data))
    with pytest.raises(ReadError) as caught:
        list(read_ucdp(path))
    assert caught.value.path == str(path)


def test_a_json_cell_with_a_partial_quantity_is_read() -> None:
    row = {
        "type": "joint_exercise",
        "json": '{"equipment": [{"kind": "tanks", "quantity": {"value": 5}}]}',
        "equipment": "tanks: 7",
    }
    events, said = read_all(read_csv([row]))
    [event] = events
    assert isinstance(event, se.JointExercise)
    assert event.equipment[0].quantity == se.Quantity(5)
    assert said == ["cell_ignored: the json column holds 'equipment'; this cell was not used"]


@pytest.mark.parametrize(
    "record",
    [
        {"id": "a", "event": "ASSAULT", "dead": 10**5000},
        {"id": 10**5000, "event": "ASSAULT"},
        {"id": "a", "event": "ASSAULT", "x": {"y": [10**6000]}},
    ],
    ids=["dead", "id", "nested"],
)
def test_integers_of_thousands_of_digits_are_warned_about(record: dict[str, Any]) -> None:
    events, said = read_all(read_plover([record]))
    assert events == [] and len(said) == 1 and "digits" in said[0]
    assert len(said[0]) < 400


def test_huge_integers_in_json_lines_text(tmp_path: Path) -> None:
    path = tmp_path / "big.jsonl"
    path.write_text('{"id": "a", "event": ["ASSAULT"], "dead": %s}\n' % ("9" * 5000))
    events, said = read_all(read_plover(path))
    assert events == [] and "$.dead" in said[0] and "5000 digits" in said[0]


def test_text_json_cannot_carry_in_cells_is_no_crash() -> None:
    cells = ["1\ud800", "20210101", *["x\ud800"] * 59]
    events, said = read_all(read_gdelt([cells]))
    assert len(events) + len(said) >= 1
    events, said = read_all(read_ucdp([{"id": "\ud800", "side_a": "\udfff"}]))
    assert said


def test_a_huge_integer_in_a_cloud_event_is_a_validation_error() -> None:
    from secevents.interop import from_cloudevent

    envelope = {
        "specversion": "1.0",
        "id": "x",
        "source": "y",
        "type": "org.secevents.statement.v1",
        "data": {"type": "statement", "x": 10**5000},
    }
    with pytest.raises(se.ValidationError, match=r"\$\.x: .*digits"):
        from_cloudevent(envelope)


# -- 6: limits ------------------------------------------------------------------------------


def peak_memory(run: Callable[[], Any]) -> int:
    tracemalloc.start()
    with contextlib.suppress(LimitError):
        run()
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    return peak


@pytest.mark.parametrize(
    "read", [read_gdelt, read_ucdp, read_plover, read_csv, read_icews, read_acled]
)
def test_a_gzip_bomb_stops_early_in_little_memory(tmp_path: Path, read: Reader) -> None:
    path = tmp_path / "bomb.csv.gz"
    with gzip.open(path, "wb") as bomb:
        for _ in range(256):
            bomb.write(b"a" * (1 << 20))  # 256 MiB on one line, 256 KB packed
    with pytest.raises(LimitError) as caught:
        list(read(path))
    assert caught.value.limit in ("max_ratio", "max_line") and caught.value.path == str(path)
    assert peak_memory(lambda: list(read(path))) < 80 << 20


def test_blank_lines_by_the_million_stop_at_the_ratio(tmp_path: Path) -> None:
    path = gzipped(tmp_path / "blank.csv.gz", b"id,type_of_violence\n" + b"\n" * (64 << 20))
    with pytest.raises(LimitError, match=r"max_ratio|max_blank"):
        list(read_ucdp(path))


@pytest.mark.parametrize(
    "read",
    [read_gdelt, read_ucdp, read_plover, read_csv, read_icews, read_acled, se.read_jsonl],
)
def test_a_run_of_blank_lines_stops_at_max_blank(tmp_path: Path, read: Reader) -> None:
    # 512 Mi blank lines took 101 s: a file of nothing else is read only to the limit.
    path = tmp_path / "blank.csv"
    path.write_text("\n" * 2001)
    with pytest.raises(LimitError) as caught:
        list(read(path, limits=se.Limits(max_blank=2000)))
    assert (caught.value.limit, caught.value.line, caught.value.path) == (
        "max_blank",
        1,
        str(path),
    )
    path.write_text("\n" * 2000)
    assert list(read(path, limits=se.Limits(max_blank=2000))) == []
    assert se.Limits().max_blank == 1 << 20


def test_a_zip_bomb_is_refused_before_reading(tmp_path: Path) -> None:
    path = tmp_path / "bomb.zip"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("bomb.csv", b"id\n" * (4 << 20))  # 12 MiB from 12 KB
    with pytest.raises(LimitError, match="max_ratio") as caught:
        read_ucdp(path)
    assert caught.value.value == 100
    read_ucdp(path, limits=se.Limits(max_ratio=10**6)).close()


def test_a_long_line_and_a_long_cell(tmp_path: Path) -> None:
    path = tmp_path / "long.csv"
    path.write_text("id,side_a\n1,x\n2," + "y" * 300_000 + "\n3,z\n")
    assert len(list(read_ucdp(path))) == 3  # past the csv module's own 128 KiB
    with pytest.raises(LimitError) as caught:
        list(read_ucdp(path, limits=se.Limits(max_line=100_000)))
    assert (caught.value.line, caught.value.limit) == (3, "max_line")
    with pytest.raises(LimitError) as caught:
        list(read_ucdp(path, limits=se.Limits(max_cell=100_000)))
    assert (caught.value.line, caught.value.limit) == (3, "max_cell")


def test_an_unterminated_quote_stops_at_the_record_limit(tmp_path: Path) -> None:
    path = tmp_path / "quote.csv"
    with path.open("w") as out:
        out.write('id,side_a\n1,x\n2,"never closed\n')
        for _ in range(40_000):
            out.write("more text, line after line, " * 4 + "\n")
    limits = se.Limits(max_record=1 << 20, max_cell=4 << 20)
    with pytest.raises(LimitError) as caught:
        list(read_ucdp(path, limits=limits))
    assert (caught.value.line, caught.value.limit) == (3, "max_record")
    with pytest.raises(LimitError) as caught:
        list(read_ucdp(path))
    assert (caught.value.line, caught.value.limit) == (3, "max_cell")


def test_reading_leaves_the_csv_field_limit_alone() -> None:
    code = (
        "import csv; before = csv.field_size_limit();"
        "import secevents, secevents.interop as i;"
        f"list(i.read_ucdp({str(UCDP)!r})); list(i.read_gdelt({str(GDELT)!r}));"
        "assert csv.field_size_limit() == before == 131072, csv.field_size_limit()"
    )
    subprocess.run([sys.executable, "-c", code], check=True)


def test_a_plover_array_is_streamed(tmp_path: Path) -> None:
    path = tmp_path / "many.json"
    records = [PLOVER | {"id": f"r{n}", "text": "x" * 3000} for n in range(4000)]
    path.write_text(json.dumps(records))
    assert path.stat().st_size > 10 << 20

    def first_only() -> None:
        with read_plover(path) as reader:
            next(reader)

    assert peak_memory(first_only) < 2 << 20
    events = list(read_plover(path))
    assert len(events) == 4000
    with pytest.raises(LimitError, match="max_record"):
        list(read_plover(path, limits=se.Limits(max_record=400)))


# -- 8 and 9: NaN, Infinity and repeated keys in PLOVER and CSV ------------------------


@pytest.mark.parametrize("value", ["NaN", "Infinity", "-Infinity", "1e400"])
def test_non_finite_numbers_in_plover_text_are_refused(tmp_path: Path, value: str) -> None:
    path = tmp_path / "nan.jsonl"
    path.write_text(plover_line()[:-1] + f', "dead": {value}}}\n' + plover_line(id="b") + "\n")
    events, said = read_all(read_plover(path))
    assert len(events) == 1 and "$.dead" in said[0] and "finite" in said[0]


def test_non_finite_numbers_in_plover_records_are_refused() -> None:
    events, said = read_all(read_plover([PLOVER | {"size": [1, float("nan")]}]))
    assert events == [] and "$.size[1]" in said[0]


def test_write_plover_never_writes_nan() -> None:
    [event] = read_plover([PLOVER])
    out = io.StringIO()
    assert write_plover([event], out) == 1
    assert "NaN" not in out.getvalue() and "Infinity" not in out.getvalue()
    with pytest.raises(se.FieldError, match="finite"):  # set from Python: refused at once
        se.UnknownKey("plover", {"dead": float("inf")})


def test_repeated_keys_in_plover_and_csv_are_warned_about(tmp_path: Path) -> None:
    path = tmp_path / "dup.jsonl"
    path.write_text('{"id": "a", "event": ["AGREE"], "event": ["PROTEST"]}\n')
    [event], said = read_all(read_plover(path))
    assert isinstance(event, se.CodedEvent) and event.code == "PROTEST"
    assert said == ["bad_value: $.event: duplicate key (the last value is used)"]
    row = {"type": "statement", "json": '{"content": "a", "content": "b"}'}
    [event], said = read_all(read_csv([row]))
    assert any("$.content: duplicate key" in message for message in said)


# -- 10: formulas ---------------------------------------------------------------------------

FORMULAS = ['=HYPERLINK("http://x","y")', "+cmd|' /C calc'!A0", "@SUM(1+1)", "-2+3", "\tTAB"]


def formula_events() -> list[se.Event]:
    events: list[se.Event] = [
        se.Statement(content=text, speaker=se.Actor(kind="person", name=text), tags=(text,))
        for text in FORMULAS
    ]
    return [*events, se.Statement(content="-5", summary="'=already quoted")]


@pytest.mark.parametrize(
    ("write", "read"),
    [
        (write_csv, read_csv),
        (write_gdelt, read_gdelt),
        (write_icews, read_icews),
        (write_ucdp, read_ucdp),
        (write_acled, read_acled),
    ],
)
def test_no_cell_starts_a_formula_and_reading_gives_it_back(
    tmp_path: Path, write: Reader, read: Reader
) -> None:
    events = formula_events()
    if write is write_gdelt:  # GDELT's own tab-separated form carries no tab in a cell
        events = [e for e in events if "TAB" not in se.dumps(e)]
    path = tmp_path / "out.csv"
    write(events, path)
    delimiter = "\t" if write in (write_gdelt, write_icews) else ","
    with path.open(newline="") as handle:
        cells = [cell for row in csv.reader(handle, delimiter=delimiter) for cell in row]
    assert not [c for c in cells if c[:1] in ("=", "+", "@", "\t", "\r") and c != "+"]
    assert not [c for c in cells if c[:1] == "-" and not c.lstrip("-").replace(".", "").isdigit()]
    again = list(read(path))
    assert [se.dumps(e) for e in read(path)] == [se.dumps(e) for e in again]
    if write is write_csv:
        assert again == events
    second = tmp_path / "again.csv"
    write(again, second)
    assert second.read_bytes() == path.read_bytes()


def test_formulas_are_written_as_they_are_when_asked() -> None:
    out = io.StringIO()
    write_csv(formula_events(), out, escape_formulas=False)
    out.seek(0)
    cells = [cell for row in csv.reader(out) for cell in row]
    assert FORMULAS[0] in cells and "@SUM(1+1)" in cells


# -- 11: cells beyond the header --------------------------------------------------------------


def with_extra_cells(path: Path, delimiter: str, header: bool, *extra: str) -> None:
    lines = path.read_text(encoding="utf-8").splitlines()
    first = 1 if header else 0
    lines[first:] = [line + delimiter + delimiter.join(extra) for line in lines[first:]]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


@pytest.mark.parametrize(
    ("write", "read", "delimiter", "header"),
    [
        (write_csv, read_csv, ",", True),
        (write_gdelt, read_gdelt, "\t", False),
        (write_icews, read_icews, "\t", True),
        (write_ucdp, read_ucdp, ",", True),
        (write_acled, read_acled, ",", True),
    ],
)
def test_cells_beyond_the_header_are_kept_and_written_back(
    tmp_path: Path, write: Reader, read: Reader, delimiter: str, header: bool
) -> None:
    events = [se.Statement(content="c", speaker=se.Actor.state("TJK"))]
    path = tmp_path / "in.csv"
    write(events, path)
    with_extra_cells(path, delimiter, header, "first extra", "second extra")
    reader = read(path)
    again = list(reader)
    assert len(again) == 1
    assert [w.code for w in reader.warnings if "beyond the last column" in w.message] == ["bad_row"]
    out = tmp_path / "out.csv"
    write(again, out)
    assert (
        out.read_text(encoding="utf-8")
        .splitlines()[-1]
        .endswith(f"{delimiter}first extra{delimiter}second extra")
    )
    assert list(read(out)) == again


# -- 13: bounded messages -----------------------------------------------------------------------


def test_a_five_megabyte_cell_gives_a_short_warning(tmp_path: Path) -> None:
    big = "x" * 5_000_000
    for reader in (
        read_ucdp([{"id": "1", "date_start": big, "latitude": big, "country": big}]),
        read_gdelt([["1", big, *[""] * 59]]),
        read_plover([PLOVER | {"date": big, "event": [big]}]),
        read_csv([{"type": "statement", "date": big, big: big}]),
        read_icews([{"Event ID": "5", "Event Date": big, "CAMEO Code": big, "Latitude": big}]),
        read_acled(
            [{"event_id_cnty": "X1", "event_date": big, "event_type": big, "latitude": big}]
        ),
    ):
        list(reader)
        assert reader.warnings
        assert all(len(w.message) <= 1000 for w in reader.warnings), reader


# -- 14: ids given twice are reported ----------------------------------------------------------


def test_rows_that_give_one_id_are_reported() -> None:
    row = ["7", "20210101", *[""] * 59]
    reader = read_gdelt([row, ["8", *row[1:]], row])
    events = list(reader)
    assert len(events) == 3 and events[0].id == events[2].id != events[1].id
    assert [(w.row, w.code) for w in reader.warnings if w.code == "duplicate_id"] == [
        (3, "duplicate_id")
    ]
    assert "row 1" in next(w.message for w in reader.warnings if w.code == "duplicate_id")
    assert reader.stats.duplicate_ids == 1
    ucdp = read_ucdp([{"id": "1"}, {"id": "1"}])
    list(ucdp)
    assert ucdp.stats.duplicate_ids == 1
    icews = read_icews([{"Event ID": "5", "Event Date": "2021-01-01"}] * 2)
    list(icews)
    assert icews.stats.duplicate_ids == 1


# -- found by the fuzzers: a written file reads back to the same file -------------------------


def write_read_write(write: Reader, read: Reader, source: Path, tmp_path: Path) -> None:
    events = list(read(source))
    first, second = tmp_path / "first.csv", tmp_path / "second.csv"
    write(events, first)
    again = list(read(first))
    assert again == events  # the file written reads back as the file read
    write(again, second)
    assert second.read_bytes() == first.read_bytes()
    assert list(read(second)) == again


def test_a_short_ucdp_row_with_only_a_year(tmp_path: Path) -> None:
    source = tmp_path / "short.csv"
    source.write_text("id,year,type_of_violence,date_start,date_end\n7,1989,1,\n")
    [event] = read_ucdp(source)
    assert str(event.date) == "1989"
    write_read_write(write_ucdp, read_ucdp, source, tmp_path)


def test_an_acled_row_without_an_event_type(tmp_path: Path) -> None:
    source = tmp_path / "short.csv"
    source.write_text("event_id_cnty,event_date,event_type\nX1,2021-01-01\n")
    [event] = read_acled(source)
    assert isinstance(event, se.CodedEvent) and (event.code, event.label) == ("?", None)
    write_read_write(write_acled, read_acled, source, tmp_path)


def test_a_flat_row_with_a_bad_json_cell_and_cells_beyond_the_header(tmp_path: Path) -> None:
    source = tmp_path / "odd.csv"
    source.write_text('type,content,json\nstatement,c,"{not json",extra one,extra two\n')
    [event] = read_csv(source)
    assert se.to_dict(event)["csv"] == {
        "json": "{not json",
        "__extra_cells__": ["extra one", "extra two"],
    }
    write_read_write(write_csv, read_csv, source, tmp_path)


@pytest.mark.parametrize(
    ("read", "row"),
    [
        (read_gdelt, ["7", "20210101", *[""] * 59]),
        (read_icews, {"Event ID": "5", "Event Date": "2021-01-01"}),
        (read_ucdp, {"id": "1"}),
        (read_acled, {"event_id_cnty": "X1", "event_date": "2021-01-01", "event_type": "Battles"}),
        (read_plover, {"id": "a", "event": "AGREE"}),
        (read_csv, {"type": "statement", "content": "c"}),  # no id: the same record twice
        (
            read_csv,
            {"type": "statement", "id": "statement--0b1a5d3c-7c2f-4d0e-9a46-0f6c2f1f2b11"},
        ),
    ],
    ids=["gdelt", "icews", "ucdp", "acled", "plover", "csv", "csv-given-id"],
)
def test_every_reader_reports_a_row_that_repeats_an_id(read: Reader, row: Any) -> None:
    reader = read([row, row])
    first, second = list(reader)
    assert first.id == second.id  # both kept
    assert [(w.row, w.code) for w in reader.warnings if w.code == "duplicate_id"] == [
        (2, "duplicate_id")
    ]
    assert reader.stats.duplicate_ids == 1


@pytest.mark.parametrize("value", [float("nan"), float("inf"), [1, {"y": float("-inf")}]])
def test_an_unknown_key_set_from_python_holds_no_non_finite_number(value: Any) -> None:
    # Item 8: dumps and write_jsonl wrote it as null, silently; it is refused with its path.
    with pytest.raises(se.FieldError, match=r"plover\.dead.*finite"):
        se.UnknownKey("plover", {"dead": value})
    kept = se.UnknownKey("plover", {"dead": [1, 2.5, "NaN", None, 10**30]})  # JSON: kept
    assert se.loads(se.dumps(se.CodedEvent(scheme="plover", code="AGREE", extra=(kept,)))).extra
