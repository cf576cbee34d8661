"""The traps a notebook user met in EventCollection, each closed (issue 16)."""

from __future__ import annotations

import importlib.util
import sys
import textwrap
from pathlib import Path
from types import ModuleType

import pytest

import secevents as se
from secevents.interop.ucdp import read_ucdp

UCDP = Path(__file__).parent / "data/realdata/ucdp/ucdpged_sample_1000_from_uncertainUCDP.csv"
D = se.DateSpan.parse


def test_a_second_collection_over_a_used_up_reader_says_so() -> None:
    reader = read_ucdp(UCDP)
    first = se.EventCollection(reader)
    assert len(first) == reader.stats.events > 0
    with pytest.raises(RuntimeError, match=r"this reader is used up: it read \d+ rows"):
        se.EventCollection(reader)
    closed = read_ucdp(UCDP)
    closed.close()
    with pytest.raises(RuntimeError, match="used up"):
        list(closed)
    partial = read_ucdp(UCDP)
    head = [next(partial), next(partial)]
    assert len(head) + len(se.EventCollection(partial)) == len(first)  # reading on is fine


CELL = textwrap.dedent(
    """
    from typing import ClassVar
    import secevents as se

    class Sortie(se.Event):
        type_tag: ClassVar[str] = "trap_test_sortie"
        craft: int | None = None
    """
)


def _run_cell(module: ModuleType) -> type[se.Event]:
    exec(compile(CELL, "<notebook cell>", "exec"), module.__dict__)
    cls: type[se.Event] = module.__dict__["Sortie"]
    return cls


def test_of_type_finds_events_of_a_class_defined_again() -> None:
    module = ModuleType("trap_notebook")
    sys.modules["trap_notebook"] = module
    try:
        first = _run_cell(module)
        events = se.EventCollection([first(craft=2), se.Statement(content="x")])  # type: ignore[call-arg]
        second = _run_cell(module)  # the cell is run again
        assert second is not first and se.registry.get("trap_test_sortie") is second
        assert events.count_by("type") == {"statement": 1, "trap_test_sortie": 1}
        assert len(events.of_type(second)) == 1
        assert len(events.of_type("trap_test_sortie")) == 1
        assert len(events.of_type(se.Statement)) == 1
    finally:
        del sys.modules["trap_notebook"]


def test_involving_is_case_insensitive_and_knows_names() -> None:
    events = se.EventCollection(
        [
            se.JointExercise(participants=(se.Actor.state("RUS"), se.Actor.state("TJK"))),
            se.Statement(speaker=se.Actor.government("TJK")),
        ]
    )
    assert len(events.involving("rus")) == 1
    assert len(events.involving("Russia")) == 1  # the lexicon's name for RUS
    assert len(events.involving("Tajikistan")) == 2
    assert len(events.involving("Russia and China")) == 0  # a name of a part only
    assert len(events.involving("Narnia")) == 0


def test_involving_finds_extracted_actors_by_name() -> None:
    report = se.extract(
        "Russia and Tajikistan held joint drills near the Afghan border on 23 October 2021."
    )
    events = se.EventCollection(report)
    assert len(events) >= 1
    assert len(events.involving("Russia")) == len(events.involving("RUS")) >= 1


def test_count_by_week() -> None:
    events = se.EventCollection(
        [
            se.Statement(date=D("2021-10-23")),  # Saturday of ISO week 42
            se.Statement(date=D("2021-10-18")),  # Monday, the same week
            se.Statement(date=D("2021-10-25")),  # week 43
            se.Statement(date=D("2021-01-01")),  # ISO week 53 of 2020
            se.Statement(date=D("2021-10")),  # no day: its month, not an invented week
            se.Statement(),
        ]
    )
    assert events.count_by("week") == {
        "2020-W53": 1,
        "2021-10": 1,
        "2021-W42": 2,
        "2021-W43": 1,
        None: 1,
    }


def test_to_parquet(tmp_path: Path) -> None:
    if importlib.util.find_spec("pyarrow") is None:
        pytest.skip("needs pyarrow")
    import pyarrow.parquet as pq

    events = se.EventCollection(
        [se.Statement(content="x", date=D("2021-10")), se.JointExercise(name="Rubezh")]
    )
    assert events.to_parquet(tmp_path / "events.parquet") == 2
    table = pq.read_table(tmp_path / "events.parquet")
    assert table.num_rows == 2 and "date" in table.column_names


def test_dates_do_not_wrap_in_the_html_table() -> None:
    html = se.EventCollection([se.Statement(date=D("2021-10-23/2021-10-30"))])._repr_html_()
    assert '<td style="text-align:left;white-space:nowrap">2021-10-23/2021-10-30</td>' in html
