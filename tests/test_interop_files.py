"""Readers take many files: a list of paths, a glob, a directory; one open at a time."""

from __future__ import annotations

import gzip
import json
from pathlib import Path

import pytest

import secevents as se
from secevents.interop import read_csv, read_gdelt, read_plover, read_ucdp, write_csv
from secevents.interop._files import file_list

REAL = Path(__file__).parent / "data" / "realdata"
GDELT = REAL / "gdelt" / "EVENT_V2_20260101000000_20260101000100.csv"
UCDP = REAL / "ucdp" / "ucdpged_sample_1000_from_uncertainUCDP.csv"
PLOVER = REAL / "plover" / "PLOVER_GSR_CAMEO.json"


def split_gdelt(folder: Path) -> tuple[Path, Path]:
    """The GDELT sample cut in two, each with the header: a plain file and a gzipped one."""
    header, *lines = GDELT.read_bytes().splitlines(keepends=True)
    half = len(lines) // 2
    first, second = folder / "a.CSV", folder / "b.CSV.gz"
    first.write_bytes(header + b"".join(lines[:half]))
    second.write_bytes(gzip.compress(header + b"".join(lines[half:])))
    return first, second


def test_file_list_expands_globs_directories_and_lists(tmp_path: Path) -> None:
    for name in ("b.csv", "a.csv", "c.txt", ".hidden.csv", "_SUCCESS"):
        (tmp_path / name).write_text("x\n")
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "d.csv").write_text("x\n")
    folder = str(tmp_path)
    assert file_list(tmp_path) == [f"{folder}/a.csv", f"{folder}/b.csv", f"{folder}/c.txt"]
    assert file_list(f"{folder}/*.csv") == [f"{folder}/a.csv", f"{folder}/b.csv"]
    assert file_list(f"{folder}/**/*.csv") == [
        f"{folder}/a.csv",
        f"{folder}/b.csv",
        f"{folder}/sub/d.csv",
    ]
    assert file_list([tmp_path / "b.csv", f"{folder}/sub"]) == [
        f"{folder}/b.csv",
        f"{folder}/sub/d.csv",
    ]
    assert file_list("absent.csv") == ["absent.csv"]  # opening it says it is absent
    assert file_list([["a", "b"]]) is None  # rows
    assert file_list([]) is None
    with pytest.raises(FileNotFoundError, match=r"\*\.tsv: no file matches the pattern"):
        file_list(f"{folder}/*.tsv")
    (tmp_path / "empty").mkdir()
    with pytest.raises(FileNotFoundError, match="empty: the directory holds no files"):
        file_list(tmp_path / "empty")


def test_a_file_named_like_a_glob_is_that_file(tmp_path: Path) -> None:
    odd = tmp_path / "events[1].csv"
    odd.write_text("x\n")
    assert file_list(odd) == [str(odd)]


def test_gdelt_in_two_files_reads_as_one(tmp_path: Path) -> None:
    first, second = split_gdelt(tmp_path)
    whole = read_gdelt(GDELT)
    expected = list(whole)
    for source in ([first, second], [str(first), str(second)], str(tmp_path / "*.CSV*"), tmp_path):
        reader = read_gdelt(source)
        assert list(reader) == expected, source
        assert reader.stats == whole.stats
        assert [(w.row, w.code, w.column) for w in reader.warnings] == [
            (w.row, w.code, w.column) for w in whole.warnings
        ]


def test_warnings_name_the_file_and_its_line(tmp_path: Path) -> None:
    first, second = split_gdelt(tmp_path)
    lines = len(first.read_bytes().splitlines())
    with gzip.open(second, "at") as handle:
        handle.write("1281735999,20260101\n")  # a row cut short
    reader = read_gdelt([first, second])
    list(reader)
    last = reader.warnings[-1]
    assert (last.file, last.row) == (str(second), reader.stats.rows)
    assert last.line == len(GDELT.read_bytes().splitlines()) - lines + 2  # two headers
    assert f"({second}, line {last.line})" in str(last)
    assert all(w.file in (str(first), str(second)) for w in reader.warnings)


def test_the_same_file_twice_gives_duplicate_ids(tmp_path: Path) -> None:
    reader = read_ucdp([UCDP, UCDP])
    events = list(reader)
    assert len(events) == 2000
    assert reader.stats.duplicate_ids == 1000
    first = next(w for w in reader.warnings if w.code == "duplicate_id")
    assert first.row == 1001 and first.file == str(UCDP) and first.line == 2


def test_csv_directory_each_file_with_its_header(tmp_path: Path) -> None:
    one = [se.Statement(content=f"s{index}") for index in range(3)]
    two = [se.JointExercise(name=f"e{index}") for index in range(2)]
    (tmp_path / "store").mkdir()
    write_csv(one, tmp_path / "store" / "1.csv")
    write_csv(two, tmp_path / "store" / "2.csv")
    assert list(read_csv(tmp_path / "store")) == [*one, *two]


def test_plover_files_by_glob(tmp_path: Path) -> None:
    records = json.loads(PLOVER.read_text())
    (tmp_path / "p1.json").write_text(json.dumps(records[:10]))
    with gzip.open(tmp_path / "p2.jsonl.gz", "wt") as handle:
        handle.writelines(json.dumps(record) + "\n" for record in records[10:25])
    reader = read_plover(str(tmp_path / "p*"))
    assert list(reader) == list(read_plover(records[:25]))
    assert {w.file for w in reader.warnings} <= {
        str(tmp_path / "p1.json"),
        str(tmp_path / "p2.jsonl.gz"),
    }


def test_a_missing_file_in_the_list_is_named(tmp_path: Path) -> None:
    first, _ = split_gdelt(tmp_path)
    reader = read_gdelt([first, tmp_path / "gone.CSV"])
    with pytest.raises(FileNotFoundError, match=r"gone\.CSV"):
        list(reader)
