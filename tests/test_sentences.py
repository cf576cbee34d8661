"""Sentence splitting: offsets, abbreviations, and linear work on any text."""

from __future__ import annotations

import itertools

import pytest
from hypothesis import given
from hypothesis import strategies as st

from _work import assert_linear_steps, cpu_growth
from secevents.extraction.sentences import MAX_SENTENCE, split_sentences

PATHOLOGICAL = [".", "!", "?", ".!?", '."', "a.", "U.S.", "Oct. ", ". ", "\n", "\n \n", "(", "!)"]


@given(st.text(alphabet=".!?\"') \n\taU.S", max_size=300))
def test_sentences_cover_the_text_in_order(text: str) -> None:
    sentences = split_sentences(text)
    for sentence in sentences:
        assert text[sentence.start : sentence.end] == sentence.text
        assert sentence.text.strip() == sentence.text and sentence.text
        assert len(sentence.text) <= MAX_SENTENCE
    assert [s.start for s in sentences] == sorted(s.start for s in sentences)
    assert all(a.end <= b.start for a, b in itertools.pairwise(sentences))


def test_sentence_ends_stay_where_they_were() -> None:
    text = 'He left. "Go!" she said... Then U.S. Navy ships sailed on Oct. 3!? Yes."\n\nNext.'
    assert [s.text for s in split_sentences(text)] == [
        "He left.",
        '"Go!"',
        "she said...",
        "Then U.S. Navy ships sailed on Oct. 3!?",
        'Yes."',
        "Next.",
    ]


@pytest.mark.parametrize("unit", PATHOLOGICAL)
def test_runs_of_punctuation_take_linear_steps(unit: str) -> None:
    assert_linear_steps(lambda n: unit * n, split_sentences, 20_000 // len(unit))


@pytest.mark.parametrize("unit", [".", "!?", ".!?", '.")'])
def test_runs_of_sentence_ends_take_linear_cpu_time(unit: str) -> None:
    # The scan is one regular-expression call, whose work no step count sees: a pattern
    # that retries the rest of a run at each of its characters takes n**2 / 2 steps.
    small, large = unit * (20_000 // len(unit)), unit * (160_000 // len(unit))
    assert cpu_growth(split_sentences, small, large) < 24  # linear: 8; quadratic: 64


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "The base opens today (July 12).Prime Minister Hasina will attend.",
            ["The base opens today (July 12).", "Prime Minister Hasina will attend."],
        ),
        ("It has four patrol craft.The base also has a hospital.", 2),
        # initials, abbreviations and domain-like strings are not sentence ends
        ("The U.S.Navy and Mr.Smith came.", 1),
        ("Read it on example.com today.", 1),
    ],
)
def test_sentences_run_together_by_a_scraper_are_split(
    text: str, expected: list[str] | int
) -> None:
    found = [s.text for s in split_sentences(text)]
    assert found == expected if isinstance(expected, list) else len(found) == expected


WRAPPED = (
    "KAMPALA (Reuters) - Kenya and Uganda have\n"
    "agreed a deal to hold joint exercises on the shore of Lake\n"
    "Victoria, the army said on Thursday. The drills will start in\n"
    "March."
)


def test_hard_wrapped_wire_copy_is_read_across_its_line_breaks() -> None:
    found = [" ".join(s.text.split()) for s in split_sentences(WRAPPED)]
    assert found == [
        "KAMPALA (Reuters) - Kenya and Uganda have agreed a deal to hold joint exercises on "
        "the shore of Lake Victoria, the army said on Thursday.",
        "The drills will start in March.",
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a line that goes on in lower case or with a closing mark is the same sentence
        (
            "Navies of China and the Association of Southeast Asian Nations (ASEAN\n) held a "
            "drill.",
            1,
        ),
        ("Navies of China and Vietnam held a drill with\nthe aim of rescue.", 1),
        # a headline on its own line before the report is a sentence of its own
        ("Turkey, Azerbaijan continue joint military exercises\nThe drills began on Monday.", 2),
        ("Short title\nSecond line\nThe drills began on Monday.", 3),
    ],
)
def test_a_line_break_ends_a_sentence_unless_the_line_goes_on(text: str, expected: int) -> None:
    assert len(split_sentences(text)) == expected


def test_lines_of_a_mostly_wrapped_paragraph_join_but_a_short_headline_does_not() -> None:
    text = (
        "Russia, Chile sign military accord\n"
        "SANTIAGO, August 1 (Reuters) - The presidents of Russia and Chile\n"
        "signed on Saturday an accord on the Russian navy's use of a port.\n"
        "Chile already hosts a Russian supply point in Talcahuano and two other\n"
        "Russian military sites. The point in Talcahuano, some 20 kilometers\n"
        "(12 miles) from the city, was opened in 2003.\n"
    )
    got = [s.text.replace("\n", " ") for s in split_sentences(text)]
    assert got[0] == "Russia, Chile sign military accord"
    assert got[1].startswith("SANTIAGO") and got[1].endswith("use of a port.")
    assert got[-1] == (
        "The point in Talcahuano, some 20 kilometers (12 miles) from the city, was opened in 2003."
    )
