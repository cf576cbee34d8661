"""Readings that one finder shares with another give what each finder reads alone.

``Document`` reads a sentence's numbers once for its counts and its sums of money
(``counts_in``/``money_in``); the place finder takes the folded tokens of the name
reading; an event's evidence finds its actors' spans in one ordered pass over its
sentences. Each is checked against the finder that reads on its own, on every
sentence of the development corpus and on generated text.
"""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

from secevents.extraction import Document
from secevents.extraction.document import ActorHit
from secevents.extraction.mention import Mention
from secevents.extraction.merge import Cluster, merge_mentions
from secevents.extraction.pipeline import _builtin_recognizers, _FirstNamed
from secevents.extraction.sentences import Sentence
from secevents.model.events import JointExercise
from secevents.normalize import find_money, find_quantities
from secevents.normalize._names import fold, folded_tokens, tokens
from secevents.normalize.actors import NameReading, read_names
from secevents.normalize.money import money_in
from secevents.normalize.numbers import find_numbers
from secevents.normalize.places import places_of
from secevents.normalize.quantities import counts_in

CORPUS = Path(__file__).parent / "data" / "corpus"
_TEXTS = [
    json.loads(path.read_text(encoding="utf-8"))["text"] for path in sorted(CORPUS.glob("*.json"))
]
_SENTENCES = [s.text for text in _TEXTS for s in Document(text).sentences]

#: Words and signs the number, money and count finders read, with filler between.
_PIECES = st.sampled_from(
    [
        "5", "1,200", "3.5", "2021", "$", "€", "US$", "million", "bn", "dozens", "two",
        "twenty-five", "half", "a", "of", "and", "or", "to", "-", "troops", "tanks",
        "jets", "dollars", "rubles", "%", "about", "more than", "some", ",", " ", ".",
    ]
)  # fmt: skip
_NUMBERY = st.lists(_PIECES, max_size=14).map(" ".join)


def _same_counts_and_money(text: str) -> None:
    numbers = find_numbers(text)
    money = money_in(text, numbers)
    assert money == find_money(text)
    assert counts_in(text, numbers, money) == find_quantities(text)


def test_counts_and_money_from_shared_numbers_on_the_corpus() -> None:
    assert len(_SENTENCES) > 400
    for text in _SENTENCES:
        _same_counts_and_money(text)


@given(_NUMBERY)
def test_counts_and_money_from_shared_numbers_on_generated_text(text: str) -> None:
    _same_counts_and_money(text)


def test_hand_written_counts_beside_money() -> None:
    text = "Russia sent 40 tanks, $5 million and some 1,200 troops."
    numbers = find_numbers(text)
    money = money_in(text, numbers)
    assert [str(r.value.amount) for r in money if r.value] == ["5000000"]
    counts = counts_in(text, numbers, money)
    assert [(r.value.value, r.value.unit) for r in counts if r.value] == [
        (40, "tanks"),
        (1200, "troops"),
    ]
    assert counts_in(text, (), []) == []


_NAME_TEXT = st.text(st.sampled_from(list("Kulob Türkiye İıſ-'’. ,ASEANUS")), max_size=50)


@given(st.one_of(_NAME_TEXT, st.sampled_from(_SENTENCES)))
def test_folded_tokens_are_each_token_folded(text: str) -> None:
    spans = tokens(text)
    assert folded_tokens(text, spans) == [fold(text[s:e]) for s, e in spans]


@pytest.mark.parametrize("text", _SENTENCES[::7])
def test_places_from_the_reading_s_folded_tokens(text: str) -> None:
    reading = read_names(text)
    assert reading.folded == folded_tokens(reading.text, reading.spans)
    # The same reading without its folded tokens: the place finder folds them itself.
    alone = NameReading(reading.text, reading.spans, reading.mentions, reading.found)
    alone = attrs.evolve(alone, source=reading.source)
    assert places_of(reading) == places_of(alone)


def _named_at_per_actor(
    code: str | None, mentions: list[Mention], doc: Document
) -> tuple[int, int] | None:
    """The search per actor that ``_FirstNamed`` replaces."""
    for m in mentions:
        for hit in doc.actors(m.sentence):
            if hit.code == code:
                return hit.start, hit.end
    return None


@pytest.mark.parametrize("text", _TEXTS[::3])
def test_first_named_is_the_search_per_actor(text: str) -> None:
    doc = Document(text, published=dt.date(2021, 10, 28))
    mentions = [
        m
        for sentence in doc.sentences
        for recognizer in _builtin_recognizers().values()
        for m in recognizer.recognize(sentence, doc)
    ]
    for cluster in merge_mentions(mentions):
        codes = {h.code for m in cluster.mentions for h in doc.actors(m.sentence)}
        named = _FirstNamed(cluster, doc)
        for code in [*sorted(codes), "NOT-A-CODE"]:
            assert named.at(code) == _named_at_per_actor(code, cluster.mentions, doc)


def test_first_named_reads_sentences_only_as_far_as_asked() -> None:
    text = "Russia and Tajikistan held drills. The drills involved China and Iran."
    doc = Document(text, published=dt.date(2021, 10, 28))
    cluster = Cluster([Mention(JointExercise, s, (s.start, s.start + 1)) for s in doc.sentences])
    read: list[int] = []
    actors = doc.actors

    def counted(sentence: Sentence) -> list[ActorHit]:
        read.append(sentence.index)
        return actors(sentence)

    doc.actors = counted  # type: ignore[method-assign]
    named = _FirstNamed(cluster, doc)
    assert named.at("RUS") == (0, 6)
    assert read == [0]  # the first sentence names Russia: the second is not read
    assert named.at("CHN") == (text.index("China"), text.index("China") + 5)
    assert read == [0, 1]
    assert named.at("TJK") == (11, 21)
    assert named.at("JPN") is None
    assert read == [0, 1]  # each sentence read once
