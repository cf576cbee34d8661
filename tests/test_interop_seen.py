"""The ids a read has given (``SeenIds``): exact answers in 12 bytes a slot, then on disk."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from secevents.interop import _seen, read_gdelt, write_parquet
from secevents.interop._seen import SeenIds

GDELT = (
    Path(__file__).parent
    / "data"
    / "realdata"
    / "gdelt"
    / "EVENT_V2_20260101000000_20260101000100.csv"
)


@given(st.lists(st.sampled_from([f"coded_event--{n}" for n in range(40)]), max_size=300))
def test_each_id_gives_its_first_row_as_a_dict_would(ids: list[str]) -> None:
    seen, first = SeenIds(), dict[str, int]()
    for row, ident in enumerate(ids, start=1):
        assert seen.add(ident, row) == first.get(ident)
        first.setdefault(ident, row)
    assert len(seen) == len(first)


def test_a_hundred_thousand_ids_hold_twelve_bytes_a_slot() -> None:
    seen = SeenIds()
    for row in range(1, 100_001):
        seen.add(f"gdelt--{row}", row)
    slots = 2**18  # the table doubles past half full: 100,000 ids in 262,144 slots
    assert 12 * slots <= sys.getsizeof(seen) <= 12 * slots + 1024


def test_rows_past_four_billion_are_kept_whole() -> None:
    seen = SeenIds()
    assert seen.add("a", 7) is None
    assert seen.add("b", 2**40) is None
    for n in range(100):  # the table grows with its wide rows
        seen.add(f"c{n}", n)
    assert seen.add("b", 2**41) == 2**40 and seen.add("a", 8) == 7


@given(
    st.lists(st.sampled_from([f"coded_event--{n}" for n in range(40)]), max_size=300),
    st.integers(min_value=0, max_value=20),
)
def test_on_disk_each_id_still_gives_its_first_row(ids: list[str], memory_ids: int) -> None:
    seen, first = SeenIds(memory_ids), dict[str, int]()
    for row, ident in enumerate(ids, start=1):
        assert seen.add(ident, row) == first.get(ident)
        first.setdefault(ident, row)
    assert len(seen) == len(first)
    assert seen.on_disk == (len(first) > memory_ids)
    seen.close()


def test_memory_stays_flat_past_the_ids_held_in_memory() -> None:
    seen = SeenIds(1000)
    sizes = []
    for row in range(1, 30_001):
        assert seen.add(f"gdelt--{row}", row) is None
        if row % 10_000 == 0:
            sizes.append(sys.getsizeof(seen))
    assert seen.on_disk and len(seen) == 30_000
    assert sizes[0] == sizes[-1] < 1024  # the arrays are gone: the ids are on disk
    assert seen.add("gdelt--1", 30_001) == 1 and seen.add("gdelt--29999", 30_002) == 29_999
    assert seen.add(f"gdelt--{2**40}", 2**40) is None and seen.add(f"gdelt--{2**40}", 9) == 2**40
    seen.close()
    assert not seen.on_disk and len(seen) == 0 and seen.add("gdelt--1", 1) is None


def _repeated(tmp_path: Path, copies: int) -> Path:
    """The real sample with its rows given ``copies`` times: each id read ``copies`` times."""
    header, *lines = GDELT.read_text(encoding="utf-8").splitlines(keepends=True)
    path = tmp_path / "repeated.csv"
    path.write_text(header + "".join(lines[:700] * copies + lines[700:]), encoding="utf-8")
    return path


def test_a_read_reports_the_same_duplicates_with_its_ids_on_disk(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = _repeated(tmp_path, 3)

    def read(memory_ids: int) -> tuple[list[object], object, int]:
        monkeypatch.setattr(_seen, "MEMORY_IDS", memory_ids)
        reader = read_gdelt(path, max_warnings=None)
        count = write_parquet(reader, tmp_path / f"store-{memory_ids}")
        return list(reader.warnings), reader.stats, count

    in_memory = read(10**6)
    assert in_memory[1].duplicate_ids == 2 * 700  # type: ignore[attr-defined]
    assert in_memory[2] == in_memory[1].events  # type: ignore[attr-defined]
    for memory_ids in (1, 700, 1000):  # to disk in the first copy, at its end, in the second
        assert read(memory_ids) == in_memory
