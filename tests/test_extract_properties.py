"""Property tests: the parser never raises on arbitrary text and stays fast on huge text."""

from __future__ import annotations

import datetime as dt
import time
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from secevents.extraction import extract

WORDS = st.sampled_from(
    [
        "Russia",
        "China",
        "base",
        "drills",
        "letter",
        "to",
        "from",
        "with",
        "by",
        "the",
        "on",
        "Monday",
        "October 23",
        "2016",
        "$8.6 million",
        "5,000 troops",
        "said",
        "if",
        "would",
        "denied",
        "U.S.",
        "Oct.",
        ".",
        ",",
        "--",
        '"',
        "(",
        ")",
        ";",
        "\n\n",
        "It",
        "joint",
        "exercise",
        "Tsentr-2019",
        "according to",
        "TASS",
        "note",
        "embassy",
    ]
)
PUNCTUATION = st.text(alphabet=".,;:!?\"'()[]-–—/\\\n \t…", max_size=400)


@settings(max_examples=150, deadline=None)
@given(st.lists(WORDS, max_size=80).map(" ".join))
def test_news_like_word_salad_never_raises(text: str) -> None:
    report = extract(text, published=dt.date(2021, 10, 28))
    for event in report.events:
        assert all(text[e.start : e.end] == e.text for e in event.evidence)


@settings(max_examples=150, deadline=None)
@given(st.text(max_size=300) | PUNCTUATION)
def test_arbitrary_text_never_raises_and_is_quick(text: str) -> None:
    start = time.perf_counter()
    extract(text)
    extract(" date 2021-10-28 " + text)
    assert time.perf_counter() - start < 2.0


def test_one_megabyte_in_bounded_time() -> None:
    corpus = Path(__file__).parent / "data" / "corpus" / "seed.json"
    import json

    body = json.loads(corpus.read_text(encoding="utf-8"))["text"]
    text = (body + "\n\n") * (1_000_000 // (len(body) + 2) + 1)
    start = time.perf_counter()
    report = extract(text)
    assert time.perf_counter() - start < 120
    assert report.events


def test_pathological_punctuation_in_bounded_time() -> None:
    for text in (
        "." * 50_000,
        "(" * 50_000,
        "U.S. " * 10_000,
        "\n" * 50_000,
        "a" * 100_000,
        "\u2014" * 50_000,
    ):
        start = time.perf_counter()
        extract(text)
        assert time.perf_counter() - start < 5, text[:10]
