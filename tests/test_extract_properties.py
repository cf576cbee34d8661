"""Property tests: the parser never raises on arbitrary text, and its work grows linearly."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from _work import assert_linear_steps, cpu_growth
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
def test_arbitrary_text_never_raises(text: str) -> None:
    extract(text)
    extract(" date 2021-10-28 " + text)


def test_news_text_takes_linear_work() -> None:
    corpus = Path(__file__).parent / "data" / "corpus" / "seed.json"
    body = str(json.loads(corpus.read_text(encoding="utf-8"))["text"]) + "\n\n"

    def make(copies: int) -> str:
        return body * copies

    assert_linear_steps(make, extract, 4)
    assert extract(make(1_000_000 // len(body) + 1)).events  # a megabyte is read


CORPUS_TEXTS = sorted((Path(__file__).parent / "data" / "corpus").glob("*.json"))


@settings(max_examples=4)
@given(st.lists(st.sampled_from(CORPUS_TEXTS), min_size=1, max_size=3))
def test_any_reports_repeated_take_linear_work(paths: list[Path]) -> None:
    # A feed dump or a transcript repeats the same events: mentions of one event
    # must not be compared with every other as the document grows.
    body = "\n\n".join(str(json.loads(p.read_text(encoding="utf-8"))["text"]) for p in paths)

    def make(copies: int) -> str:
        return " date 2021-10-28 " + (body + "\n\n") * copies

    assert_linear_steps(make, extract, 2)


@pytest.mark.parametrize(
    "unit", [".", "(", "U.S. ", "\n", "a", "\u2014", ". ", "!?", "Oct. 3. ", "Kulob, "]
)
def test_pathological_text_takes_linear_work(unit: str) -> None:
    assert_linear_steps(lambda size: unit * size, extract, 10_000 // len(unit))


def test_a_run_of_sentence_ends_takes_linear_cpu_time() -> None:
    # extract("." * 400_000) took 61 s: the splitter retried the run at each character.
    assert cpu_growth(extract, "." * 20_000, "." * 160_000) < 24  # linear: 8; quadratic: 64
