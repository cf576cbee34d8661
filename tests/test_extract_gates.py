"""Quick tests that spare work in ``extract`` never change what it finds.

The frame lexicon rules a sentence out by one word test before it tries its
frames, and its frames by their cue words before it builds the sentence's clause;
without a publication date, a sentence whose dates one anchor reads none of is not
read again against the second anchor. Each gate is checked to lose nothing on the
corpus and on generated text, and to spare the work it is there to spare (counted
in calls, not timed).
"""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from secevents import BaseConstruction
from secevents.extraction import Document, extract
from secevents.extraction import document as document_module
from secevents.extraction import frames as frames_module
from secevents.extraction._regex import fold_for_cues
from secevents.extraction.clause import clause_of_sentence
from secevents.extraction.frames import (
    _COMMON,
    FrameLexicon,
    _frame_match,
    _holds_any,
    _unblocked,
    _words,
    shared_frames,
)

CORPUS = Path(__file__).parent / "data" / "corpus"
DAY = dt.date(2021, 10, 28)
TYPES = ("base_construction", "joint_exercise", "diplomatic_communique")


def _corpus_texts() -> list[str]:
    return [
        json.loads(path.read_text(encoding="utf-8"))["text"]
        for path in sorted(CORPUS.glob("*.json"))
    ]


def _ungated(lexicon: FrameLexicon, doc: Document, sentence: Any, kind: str, triggers: bool) -> Any:
    """Every frame of ``kind`` tried on the clause, with no word test (the mission rule,
    "the envoy in Russia protested", still applies: it is no word test)."""
    clause = clause_of_sentence(doc, sentence)
    if not clause.groups:
        return []
    return [
        _frame_match(frame, clause, match)
        for frame in lexicon.frames(kind)
        if frame.trigger or not triggers
        for match in _unblocked(frame, clause, doc.text)
    ]


def _matches_as_ungated(text: str) -> int:
    """How many frame matches ``text`` gives, each checked against the ungated reading."""
    lexicon = shared_frames()
    doc = Document(text, published=DAY)
    matched = 0
    for sentence in doc.sentences:
        for kind in TYPES:
            for triggers in (False, True):
                gated = lexicon.match(doc, sentence, kind, triggers=triggers)
                assert gated == _ungated(lexicon, doc, sentence, kind, triggers)
                matched += len(gated)
    return matched


def test_the_word_tests_lose_no_frame_match_on_the_corpus() -> None:
    matched = sum(_matches_as_ungated(text) for text in _corpus_texts())
    assert matched > 50  # the corpus exercises the frames


_VOCABULARY = (
    "Russia China Iran the UAE envoy was summoned to called protested a note letter by "
    "with from in of base lease leased allowed US troops use Japan hosted Moldova , ."
)
_WORDS = st.sampled_from(_VOCABULARY.split())


@settings(max_examples=60, deadline=None)
@given(st.lists(_WORDS, min_size=3, max_size=14).map(" ".join))
def test_the_word_tests_lose_no_frame_match_on_generated_sentences(text: str) -> None:
    _matches_as_ungated(text)


def test_the_first_cue_of_a_frame_is_a_content_word_when_it_has_one() -> None:
    for frame in shared_frames():
        content = [words for words in frame.cue if _COMMON.isdisjoint(words)]
        if content:
            assert _COMMON.isdisjoint(frame.cue[0]), frame.pattern


def test_function_words_alone_pass_no_frame_quick_test(monkeypatch: pytest.MonkeyPatch) -> None:
    tried: list[str] = []
    real = frames_module._has_cues

    def counting(frame: Any, words: Any) -> bool:
        tried.append(frame.pattern)
        return real(frame, words)

    monkeypatch.setattr(frames_module, "_has_cues", counting)
    doc = Document("Iran said the talks with Oman in Muscat were to go on.", published=DAY)
    found = shared_frames().match(doc, doc.sentences[0], "diplomatic_communique", triggers=True)
    assert found == []
    assert tried == []  # ruled out by one word test, no frame's cues read


_TEXT = st.text(st.sampled_from(list("calednotprsumiwhgvxy 'İıſKé,.")), max_size=80)


@given(st.one_of(_TEXT, st.lists(_WORDS, max_size=12).map(" ".join)))
def test_a_text_holding_a_frame_word_holds_one_of_the_needles(text: str) -> None:
    folded = fold_for_cues(text)
    [words] = _words(folded)
    lexicon = shared_frames()
    for kind in TYPES:
        for triggers in (False, True):
            needed = lexicon._needed(kind, triggers)
            assert needed is not None
            if not needed.isdisjoint(words):
                assert _holds_any(lexicon._needles(kind, triggers), folded), text


def test_a_sentence_without_a_needle_is_not_split_into_words(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    split: list[str] = []
    real = frames_module._words

    def counting(folded: str) -> list[frozenset[str]]:
        split.append(folded)
        return real(folded)

    monkeypatch.setattr(frames_module, "_words", counting)
    doc = Document("The talks in Muscat were to go on.", published=DAY)
    for triggers in (False, True):
        assert (
            shared_frames().match(doc, doc.sentences[0], "diplomatic_communique", triggers=triggers)
            == []
        )
    assert split == []
    doc = Document("Iran summoned the UAE envoy.", published=DAY)
    assert shared_frames().match(doc, doc.sentences[0], "diplomatic_communique", triggers=True)
    assert len(split) == 1


def test_an_undated_sentence_is_read_against_one_anchor_only(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    anchors: list[object] = []
    real = document_module.find_dates  # type: ignore[attr-defined]

    def counting(text: str, **kwargs: Any) -> Any:
        anchors.append(kwargs["anchor"])
        return real(text, **kwargs)

    monkeypatch.setattr(document_module, "find_dates", counting)
    doc = Document("Troops held drills near the border.")
    assert doc.dates(doc.sentences[0]) == []
    assert len(anchors) == 1
    doc = Document("Troops held drills near the border on Monday and on 3 May 2021.")
    assert [doc.text[h.start : h.end] for h in doc.dates(doc.sentences[0])] == ["3 May 2021"]
    assert len(anchors) == 3  # a sentence with dates is read against both


_HOME_BASE = "Japan's army will open a new base next year."


def test_a_base_at_home_reads_names_only_until_another_state(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    read: list[str] = []
    real = document_module.read_names  # type: ignore[attr-defined]

    def counting(text: str) -> Any:
        read.append(text)
        return real(text)

    monkeypatch.setattr(document_module, "read_names", counting)
    filler = " ".join(f"The weather was mild on day {k} of the visit." for k in range(200))
    report = extract(f"Russia and China signed a treaty. {filler} {_HOME_BASE}", published=DAY)
    [base] = report.events
    assert isinstance(base, BaseConstruction)
    assert base.host is None  # Russia and China were named before: not at home
    assert len(read) < 10  # not the 200 sentences between


def test_a_sentence_left_unread_still_gives_its_warnings() -> None:
    # The sentence with the hidden character names no state and holds no trigger: only
    # the at-home test would read it, and it stops at "Russia".
    text = f"Russia and China signed a treaty. The Kre\u200fmlin was pleased. {_HOME_BASE}"
    warnings = extract(text, published=DAY).warnings
    assert warnings == ("control_character: 'Kre\\u200fmlin' holds U+200F: ignored in the name",)


def test_bases_at_home_check_each_sentence_once(monkeypatch: pytest.MonkeyPatch) -> None:
    from secevents.extraction import pipeline

    asked: list[int] = []
    checked: list[str] = []
    real_test = pipeline._names_no_other_state
    real_plain = pipeline.is_plain  # type: ignore[attr-defined]

    def test(doc: Document, code: str | None, last: int) -> bool:
        asked.append(last)
        return real_test(doc, code, last)

    def plain(text: str) -> bool:
        checked.append(text)
        return real_plain(text)

    monkeypatch.setattr(pipeline, "_names_no_other_state", test)
    monkeypatch.setattr(pipeline, "is_plain", plain)
    text = "Russia and China signed a treaty. " + " ".join(
        f"The weather was mild that week. In {year} Japan's army opened a new base."
        for year in range(1990, 2030)
    )
    report = extract(text, published=dt.date(2031, 1, 1))
    sentences = Document(text).sentences
    assert len(report.events) == len(asked) == 40
    assert len(checked) <= len(sentences)  # not once per base


def test_an_envoy_in_a_state_is_no_actor_of_a_frame_gated_or_not() -> None:
    assert _matches_as_ungated("envoy in Russia protested") == 0


@pytest.mark.parametrize(
    "claim",
    [
        "reportedly",
        "allegedly",
        "claimed",
        "rumoured",
        "rumored",
        "media reports",
        "Reports said",
        "according to press reports",
        "unnamed sources",
        "anonymous officials",
        "unidentified sources",
        "cited two officials as saying",
    ],
)
def test_every_claim_cue_holds_a_claim_piece(claim: str) -> None:
    from secevents.extraction.clues import CLAIM_PIECES, factuality_of
    from secevents.model.vocab import Factuality

    assert factuality_of(claim) is Factuality.CLAIMED
    assert any(piece in claim for piece in CLAIM_PIECES)
