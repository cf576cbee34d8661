"""The reader skeleton the dataset formats share (interop/_dataset.py)."""

from __future__ import annotations

import inspect
from typing import Any

import attrs
import pytest

import secevents as se
import secevents.interop as interop
from secevents.interop import ReadOptions
from secevents.interop._rows import Warn, read_table
from secevents.interop.acled import _TABLE as _ACLED

READERS = ("read_gdelt", "read_icews", "read_ucdp", "read_acled", "read_csv")


@pytest.mark.parametrize("name", READERS)
def test_a_reader_shows_the_options_read_table_takes_with_its_defaults(name: str) -> None:
    shown = inspect.signature(getattr(interop, name)).parameters
    taken = inspect.signature(read_table).parameters
    for option in ReadOptions.__annotations__:
        assert shown[option].kind is inspect.Parameter.KEYWORD_ONLY
        assert shown[option].default == taken[option].default, (name, option)


@pytest.mark.parametrize("name", READERS)
def test_a_reader_refuses_an_option_it_does_not_take(name: str) -> None:
    with pytest.raises(TypeError, match="encodng"):
        getattr(interop, name)([], encodng="latin-1")


def _statement(row: dict[str, Any], warn: Warn) -> se.Event | None:
    if row["said"] == "?":
        raise ValueError("said: not a statement")
    return se.Statement(content=row["said"])


def test_a_guarded_format_says_why_a_row_cannot_be_read() -> None:
    rows = [{"said": "Yes."}, {"said": "?"}, {"said": "No."}]
    # (per_read=None: ACLED's per-read converter would read rows in place of _statement.)
    table = attrs.evolve(_ACLED, convert=_statement, columns=("said",), guarded=True, per_read=None)
    reader = table.read(rows)
    assert [event.content for event in reader] == ["Yes.", "No."]  # type: ignore[attr-defined]
    said = [(w.row, w.code, w.message) for w in reader.warnings]
    assert said == [(2, "skipped_row", "cannot be read: said: not a statement")]
    # Unguarded, the reader itself skips the row, naming the exception's type.
    unguarded = attrs.evolve(table, guarded=False).read(rows)
    assert len(list(unguarded)) == 2
    assert unguarded.warnings[0].message.startswith("cannot be read (ValueError: ")
