"""UCDP, ICEWS and ACLED events hold their rows compactly (memory per held event).

Reading a file, a row's cells (held until written back) are held as one compact
text, the texts that repeat within a read once (:mod:`secevents.interop._row_text`).
UCDP's, ACLED's and ICEWS's events share their equal parts too (dates, places, actors...).
The events, their kept columns and the warnings are what reading each row alone gives.
"""

from __future__ import annotations

import csv
import importlib
from collections.abc import Callable
from pathlib import Path
from typing import Any, Literal

import attrs
import pytest

import secevents as se
from secevents.interop import kept_columns, read_acled, read_icews, read_ucdp
from secevents.interop._keep import KeptLater
from test_interop_acled import ROWS_CSV as ACLED_ROWS

DATA = Path(__file__).parent / "data" / "realdata"
UCDP = DATA / "ucdp" / "ucdpged_sample_1000_from_uncertainUCDP.csv"
ICEWS = DATA / "icews" / "events.2018.sample.head300.tab"


def _written(tmp_path: Path, name: str, messy: bool = False) -> tuple[Path, list[dict[str, str]]]:
    """A file of the reader's sample written twice (ids made unique), and its rows;
    ``messy``: ICEWS's rows with cells that warn (its sample gives no warning)."""
    if name == "ucdp":
        source, delimiter, first = UCDP.read_text(encoding="utf-8"), ",", "id"
    elif name == "icews":
        source, delimiter, first = ICEWS.read_text(encoding="utf-8"), "\t", "Event ID"
    else:
        source, delimiter, first = ACLED_ROWS, ",", "event_id_cnty"
    quoting: Literal[0, 3] = csv.QUOTE_NONE if delimiter == "\t" else csv.QUOTE_MINIMAL
    rows = list(csv.DictReader(source.splitlines(), delimiter=delimiter, quoting=quoting))
    twice = [{**row, first: row[first] + suffix} for suffix in ("1", "2") for row in rows]
    if messy and name == "icews":
        odd = {"Source Country": "Atlantis", "Event Date": "2018-13-45", "Country": "Oz"}
        for number, row in enumerate(twice):
            column = list(odd)[number % 3]
            if number % 5 == 0:
                row[column] = odd[column]
    path = tmp_path / f"{name}.data"
    with path.open("w", encoding="utf-8", newline="") as out:
        writer = csv.DictWriter(
            out, list(rows[0]), delimiter=delimiter, quoting=quoting, lineterminator="\n"
        )
        writer.writeheader()
        writer.writerows(twice)
    return path, twice


READERS: dict[str, tuple[Callable[..., Any], str]] = {
    "ucdp": (read_ucdp, "conflict_name"),
    "icews": (read_icews, "Event Text"),
    "acled": (read_acled, "region"),
}


def _read_twice(
    tmp_path: Path, name: str
) -> tuple[Path, list[dict[str, str]], list[se.Event], list[tuple[se.Event, se.Event]]]:
    """The file of the sample written twice, its rows, its events, and each event of the
    first copy with its event of the second."""
    path, rows = _written(tmp_path, name)
    reader = READERS[name][0](path)
    events: list[se.Event] = list(reader)
    assert len(events) == len(rows) and reader.stats.skipped == 0
    half = len(rows) // 2
    return path, rows, events, list(zip(events[:half], events[half:], strict=True))


def _held(event: se.Event) -> Any:
    """What ``event`` holds of its row until its kept columns are asked for."""
    (later,) = [item for item in event.extra if isinstance(item, KeptLater)]
    return object.__getattribute__(later, "_values")


@pytest.mark.parametrize("name", sorted(READERS))
def test_rows_are_held_as_compact_text_and_events_are_as_read_alone(
    tmp_path: Path, name: str
) -> None:
    read, column = READERS[name]
    _, rows, events, pairs = _read_twice(tmp_path, name)
    half = len(rows) // 2
    for (first, second), row in zip(pairs, rows[half:], strict=True):
        held, again = _held(first), _held(second)
        assert type(held) is bytes and type(again) is bytes
        # In the second copy the texts seen before are referenced, not held again.
        assert row[column].encode() not in again and len(again) <= len(held)
        assert len(again) < len("".join(row.values()).encode())
        assert kept_columns(first, name)[column] == kept_columns(second, name)[column]
    # Each row read alone (a read of its own, nothing shared) gives the same event.
    alone = [event for row in rows for event in read([row])]
    assert events == alone
    assert [kept_columns(e, name) for e in events] == [kept_columns(e, name) for e in alone]


#: The fields each reader works out once per distinct cells within a read.
DERIVED: dict[str, tuple[str, ...]] = {
    "ucdp": ("date", "location", "actor", "target", "fatalities", "sources"),
    "acled": ("date", "location", "actor", "target", "fatalities", "sources", "tags", "reported"),
    "icews": ("date", "location", "actor", "target", "sources"),
}


@pytest.mark.parametrize("name", sorted(DERIVED))
def test_equal_derived_parts_are_one_object_across_the_events_of_a_read(
    tmp_path: Path, name: str
) -> None:
    path, _, events, pairs = _read_twice(tmp_path, name)
    for field in DERIVED[name]:
        values = [(getattr(a, field, None), getattr(b, field, None)) for a, b in pairs]
        held = [(a, b) for a, b in values if a is not None and a != ()]
        assert held, field  # the sample has values of every part
        assert all(a is b for a, b in held), field
    # Two reads share nothing: a read forgets its values at its end. (ICEWS dates are
    # DateSpan.parse's, which keeps the days it parsed: its places are the reader's.)
    again = next(iter(READERS[name][0](path)))
    field = "location" if name == "icews" else "date"
    assert again == events[0] and getattr(again, field) is not getattr(events[0], field)


@pytest.mark.parametrize("name", sorted(DERIVED))
def test_a_read_gives_the_events_and_warnings_of_its_rows_converted_one_by_one(
    tmp_path: Path, name: str
) -> None:
    # The format's plain converter works every part out for every row; the read's
    # converter remembers them: the same events, kept columns and warnings, in order.
    module = importlib.import_module(f"secevents.interop.{name}")
    table = module._TABLE
    path, _ = _written(tmp_path, name, messy=True)
    remembering, plain = table.read(path), attrs.evolve(table, per_read=None).read(path)
    events, one_by_one = list(remembering), list(plain)
    assert events == one_by_one
    assert [kept_columns(e, name) for e in events] == [kept_columns(e, name) for e in one_by_one]
    assert list(remembering.warnings) == list(plain.warnings)
    assert len(remembering.warnings) > 0


def test_one_of_each_shares_only_what_cannot_differ_while_equal() -> None:
    from secevents.interop._part_rows import OneOfEach
    from secevents.model.extra import UnknownKey

    one, kind = OneOfEach(), se.ActorKind.STATE
    state = one(se.Actor(kind=kind, name="Sudan", code="SDN", country="SDN"))
    assert one(se.Actor(kind=kind, name="Sudan", code="SDN", country="SDN")) is state
    assert one((se.Actor(kind=kind, name="Sudan", code="SDN", country="SDN"),))[0] is state
    # Kept keys (any value: 0.0 == -0.0, 1 == True) are never compared to share.
    kept = se.Actor(kind=kind, name="Sudan", extra=(UnknownKey("x", 0.0),))
    other = se.Actor(kind=kind, name="Sudan", extra=(UnknownKey("x", -0.0),))
    assert one(kept) is kept and one(other) is other
    # A text subclass, equal to its text, stays what it was.
    named = se.Actor(kind=kind, name=type("Name", (str,), {})("Sudan"))
    assert one(named) is named
    # Tuples with anything else, and other values, as they are.
    mixed = (state, "Sudan")
    assert one(mixed) is mixed and one(None) is None
    one.clear()
    assert one(se.Actor(kind=kind, name="Sudan", code="SDN", country="SDN")) is not state
