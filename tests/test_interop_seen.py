"""The ids a read has given (``SeenIds``): exact answers in 12 bytes a slot."""

from __future__ import annotations

import sys

from hypothesis import given
from hypothesis import strategies as st

from secevents.interop._seen import SeenIds


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
