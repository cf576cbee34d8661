"""What a PLOVER record keeps, worked out when first asked for: the same output, less memory.

A record read from a file is held as its compact JSON text until its kept columns are
asked for (see :mod:`secevents.interop._plover_kept`); these tests hold that to what
the reader gave before (commit ef34d98, ``read_at_ef34d98.jsonl.gz``), to the records
given in Python (kept at once), and to a memory bound measured in a fresh interpreter.
"""

from __future__ import annotations

import copy
import gzip
import json
import pickle
from pathlib import Path
from typing import Any

import pytest

import secevents as se
from _held import asked_at_once, held_per_event
from secevents.interop import kept_columns
from secevents.interop.plover import read_plover, to_plover

DATA = Path(__file__).parent / "data" / "realdata" / "plover"
SAMPLE = DATA / "PLOVER_GSR_CAMEO.json"
BEFORE = DATA / "read_at_ef34d98.jsonl.gz"


def _outputs(events: list[se.Event]) -> list[str]:
    """Each event's wire dict and PLOVER records as JSON text: key order counts too."""
    return [
        json.dumps(
            {
                "wire": se.to_dict(event),
                "manual": to_plover(event),
                "original": to_plover(event, names="original"),
            },
            ensure_ascii=False,
        )
        for event in events
    ]


def _records() -> list[dict[str, Any]]:
    records: list[dict[str, Any]] = json.loads(SAMPLE.read_text(encoding="utf-8"))
    return records


def test_the_sample_reads_exactly_as_before_the_kept_records_were_worked_out_later() -> None:
    reader = read_plover(SAMPLE)
    events = list(reader)
    *lines, said = gzip.decompress(BEFORE.read_bytes()).decode("utf-8").splitlines()
    assert len(events) == len(lines) == 323
    assert _outputs(events) == lines
    warnings = [[w.code, w.message, w.row, w.column, w.line] for w in reader.warnings]
    assert json.dumps({"warnings": warnings}, ensure_ascii=False) == said


def test_records_read_from_a_file_and_given_in_python_keep_the_same() -> None:
    from_file = list(read_plover(SAMPLE))
    given = list(read_plover(_records()))
    assert from_file == given
    assert _outputs(from_file) == _outputs(given)
    assert [kept_columns(e, "plover") for e in from_file] == [
        kept_columns(e, "plover") for e in given
    ]


def _written(records: list[Any], path: Path) -> Path:
    path.write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in records) + "\n")
    return path


@pytest.mark.parametrize(
    "record",
    [
        # No id: the writer's id is kept as lacked.
        {"event": "AGREE", "actor": [{"code": "USA"}], "coder": "me"},
        # An integer past 64 bits (orjson cannot write it): kept at once, exactly.
        {"id": "big", "event": "AGREE", "dead": 2**70, "size": 123456789012345678901234567890},
        # Text that is blank is no summary: it stays in the kept record.
        {"id": "blank", "event": "PROTEST", "text": "   ", "comment": "x"},
        # Text with lone spaces around it, a float, a nested null, older names, odd order.
        {
            "text": " Troops moved. ",
            "id": 7,
            "score": -0.0,
            "eventText": "moved",
            "source": [{"actorText": "Russia", "code": "RUS", "extra": None}],
            "event": "MOBILIZE",
            "mode": ["troops"],
            "date": "2021-03-01",
            "enddate": "2021-03-04",
        },
    ],
)
def test_hand_written_records_keep_what_the_python_records_keep(
    record: dict[str, Any], tmp_path: Path
) -> None:
    path = _written([record], tmp_path / "one.jsonl")
    (from_file,), (given,) = list(read_plover(path)), list(read_plover([record]))
    assert from_file == given
    assert _outputs([from_file]) == _outputs([given])
    assert to_plover(from_file, names="original") == record
    assert list(to_plover(from_file, names="original")) == list(record)


def test_a_pickled_event_keeps_the_record_before_and_after_it_is_asked_for() -> None:
    events = list(read_plover(SAMPLE))[:20]
    unasked = [pickle.loads(pickle.dumps(e)) for e in events]
    expected = _outputs(events)  # asks every event now
    asked = [pickle.loads(pickle.dumps(e)) for e in events]
    assert _outputs(unasked) == _outputs(asked) == expected


def test_each_event_has_its_own_kept_objects() -> None:
    record = _records()[1]
    twin = {**copy.deepcopy(record), "id": f"{record['id']}-twin"}
    first, second = read_plover([record, twin])
    before = copy.deepcopy(kept_columns(second, "plover"))
    kept = kept_columns(first, "plover")
    kept["text_info"]["markup"] = "changed"
    kept["_names"]["x"] = "y"
    assert kept_columns(second, "plover") == before


def test_threads_asking_for_the_kept_records_at_once_get_what_one_thread_gets() -> None:
    alone = [kept_columns(e, "plover") for e in read_plover(SAMPLE)]
    events = list(read_plover(SAMPLE))  # nothing asked yet
    assert asked_at_once(events, "plover") == [alone] * 6


def test_equal_sources_and_codes_are_one_object_across_events() -> None:
    events = [e for e in read_plover(SAMPLE) if isinstance(e, se.CodedEvent)]
    by_code: dict[str, set[int]] = {}
    by_publisher: dict[str | None, set[int]] = {}
    for event in events:
        by_code.setdefault(event.code, set()).add(id(event.code))
        by_publisher.setdefault(event.sources[0].publisher, set()).add(id(event.sources))
    assert len(by_code) > 20 and len(by_publisher) >= 1
    assert all(len(ids) == 1 for ids in [*by_code.values(), *by_publisher.values()])


def test_the_events_of_the_sample_hold_at_most_1536_bytes_each(tmp_path: Path) -> None:
    # The sample written three times (ids made unique) as JSON Lines, in a fresh interpreter.
    records = [
        {**r, "id": f"{r['id']}-{copy}"} for copy in range(3) for r in _records()
    ]  # fmt: skip
    path = _written(records, tmp_path / "three.jsonl")
    held = held_per_event("read_plover", path)
    assert 500 < held <= 1536  # ef34d98: about 3,990 bytes
