"""Hostile input, drawn by Hypothesis: the fuzz targets on inputs built to get far.

Fast in the default profile; ``.ci/run`` runs this file again with the bounded
``stress`` profile (``HYPOTHESIS_PROFILE=stress``, a few minutes).
"""

from __future__ import annotations

import csv
import io
import json
from typing import Any

from hypothesis import given
from hypothesis import strategies as st

import secevents as se
import targets
from secevents.testing import events, json_values

ANY_TEXT = st.text(st.characters(exclude_categories=()), max_size=120)  # surrogates too
NEWS_WORDS = st.sampled_from(
    [
        "Russia", "China", "Tajik", "troops", "held", "joint", "drills", "near", "Kulob",
        "base", "in", "Tajikistan", "on", "Monday", "October 23", "2021", "$8.6 million",
        "5,000", "said", "letter", "to", "the", "UN", ".", ",", "\n\n", "U.S.", "Ko\u0308ln",
        "Ku\u200blob", "\u202e", "\x00", "\ud800", "!!!", "...", '"', "Sa'eed Iravani",
    ]
)  # fmt: skip
TRICKY_NUMBERS = st.sampled_from(
    ["1e400", "NaN", "-Infinity", "123456789012345678901234567890", "9" * 5000, "-0", "1E-400"]
)


@st.composite
def wire_texts(draw: st.DrawFn) -> bytes:
    """The JSON of a valid event, then changed: a key repeated, a value swapped for a
    tricky number or any JSON, the text cut."""
    wire = se.to_dict(draw(events()))
    text = json.dumps(wire)
    change = draw(st.integers(0, 4))
    keys = list(wire)
    if change == 0 and keys:
        key = draw(st.sampled_from(keys))
        text = text[:-1] + f", {json.dumps(key)}: {json.dumps(draw(json_values()))}}}"
    elif change == 1 and keys:
        key = draw(st.sampled_from(keys))
        text = text[:-1] + f", {json.dumps(key)}: {draw(TRICKY_NUMBERS)}}}"
    elif change == 2:
        text = text[:-1] + f', "x{draw(st.integers(0, 9))}": {json.dumps(draw(json_values()))}}}'
    elif change == 3:
        text = text[: draw(st.integers(0, len(text)))]
    return text.encode("utf-8", "surrogatepass")


@given(wire_texts())
def test_loads_refuses_or_round_trips(data: bytes) -> None:
    targets.check_loads(data)


@given(st.binary(max_size=300))
def test_loads_on_any_bytes(data: bytes) -> None:
    targets.check_loads(data)


@given(st.lists(NEWS_WORDS | ANY_TEXT, max_size=40).map(" ".join))
def test_extract_on_news_like_and_any_text(text: str) -> None:
    targets.check_extract(text.encode("utf-8", "surrogatepass"))


@given(st.lists(NEWS_WORDS | ANY_TEXT, max_size=20).map(" ".join))
def test_normalizers_on_news_like_and_any_text(text: str) -> None:
    targets.check_normalizers(text.encode("utf-8", "surrogatepass"))


CELLS = st.text(st.characters(codec="utf-8"), max_size=12) | st.sampled_from(
    ["", "=1+2", "'@x", "-5", "NA", "2021-10-23", "20211023", "190", "TJK", "RUS", "\r", '"']
)


@st.composite
def tables(draw: st.DrawFn, header: list[str]) -> bytes:
    """A CSV file: the reader's own header (or part of it) and rows of tricky cells."""
    names = draw(st.lists(st.sampled_from(header), min_size=1, max_size=12, unique=True))
    rows = draw(st.lists(st.lists(CELLS, max_size=len(names) + 2), max_size=6))
    out = io.StringIO()
    writer = csv.writer(out, lineterminator=draw(st.sampled_from(["\n", "\r\n"])))
    writer.writerow(names)
    writer.writerows(rows)
    packing = draw(st.sampled_from([0, 2 | 0x80, 3 | 0x80]))  # plain, .gz, .zip
    return bytes([packing]) + out.getvalue().encode()


def _header(name: str) -> list[str]:
    from secevents.interop import acled, csv_columns, gdelt, icews, ucdp

    columns: dict[str, Any] = {
        "ucdp": ucdp.UCDP_COLUMNS,
        "acled": acled.ACLED_COLUMNS,
        "icews": icews.ICEWS_COLUMNS,
        "gdelt": gdelt.GDELT_COLUMNS,
        "csv": csv_columns(),
    }
    return list(columns[name])


@given(st.data())
def test_table_readers_on_tricky_tables(data: st.DataObject) -> None:
    name = data.draw(st.sampled_from(["ucdp", "acled", "icews", "gdelt", "csv"]))
    targets.TARGETS[name](data.draw(tables(_header(name))))


@given(st.lists(wire_texts(), max_size=5), st.sampled_from([0, 2 | 0x80, 4]))
def test_plover_and_json_lines_readers(lines: list[bytes], packing: int) -> None:
    body = b"\n".join(lines)
    targets.TARGETS["jsonl"](bytes([packing]) + body)
    array = b"[" + b",".join(lines) + b"]"
    targets.TARGETS["plover"](bytes([packing]) + (array if packing == 4 else body))
