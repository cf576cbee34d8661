"""The quick tests that spare the regex engine never change what is found.

Cue words checked on a case-folded sentence (``Gated``), the word sets of the frame
lexicon, the year trigger of the date finder and the number finder's tests for
digits and number words: each only skips texts where nothing could match.
"""

from __future__ import annotations

import importlib
import json
import pkgutil
import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

import secevents.extraction as extraction
from secevents._fastre import TwinPattern
from secevents.extraction._regex import Gated, fold_for_cues
from secevents.extraction.sentences import split_sentences
from secevents.normalize import numbers

CORPUS = Path(__file__).parent / "data" / "corpus"


def _gates() -> Iterator[object]:
    for info in pkgutil.iter_modules(extraction.__path__):
        module = importlib.import_module(f"secevents.extraction.{info.name}")
        for name, value in vars(module).items():
            if isinstance(value, Gated):
                yield pytest.param(value, id=f"{info.name}.{name}")
            elif isinstance(value, tuple):  # a table of gates, one per pattern
                for index, item in enumerate(value):
                    if isinstance(item, Gated):
                        yield pytest.param(item, id=f"{info.name}.{name}[{index}]")


GATES = list(_gates())
SENTENCES = [
    s.text
    for path in sorted(CORPUS.glob("*.json"))
    for s in split_sentences(json.loads(path.read_text(encoding="utf-8"))["text"])
]


def test_the_extraction_modules_have_gates() -> None:
    assert len(GATES) >= 10


@pytest.mark.parametrize("gate", GATES)
def test_no_corpus_sentence_a_gate_matches_is_ruled_out(gate: Gated) -> None:
    matched = [s for s in SENTENCES if gate.pattern.search(s)]
    assert matched, "the corpus should exercise every gate"
    assert all(gate.may_match(fold_for_cues(s)) for s in matched)


def _generated(gate: Gated) -> st.SearchStrategy[str]:
    # Hypothesis cannot generate through look-arounds: drop the leading letter look-ahead
    # of ``words()`` (it only speeds the engine up) and keep texts the pattern matches.
    pattern = re.sub(r"^\(\?=\[[^\]]*\]\)", "", gate.pattern.pattern)
    pattern = re.sub(r"\(\?[=!][^()]*(?:\([^()]*\)[^()]*)*\)", "", pattern)
    return st.from_regex(re.compile(pattern, gate.pattern.flags))


@pytest.mark.parametrize("gate", GATES)
@given(data=st.data())
def test_every_match_of_a_gate_holds_one_of_its_words(gate: Gated, data: st.DataObject) -> None:
    text = data.draw(_generated(gate))
    for match in gate.pattern.finditer(text):
        assert gate.may_match(fold_for_cues(match.group())), match.group()


@pytest.mark.parametrize(
    ("sentence", "words"),
    [
        ("The MİLİTARY base", "military"),  # İ is i to re.IGNORECASE
        ("a mılıtary outpost", "military"),
        ("ſix Kelvin-signed ships", "six"),  # the long s and the Kelvin sign fold too
    ],
)
def test_fold_for_cues_folds_as_ignorecase_compares(sentence: str, words: str) -> None:
    assert re.search(words, sentence, re.IGNORECASE)
    assert words in fold_for_cues(sentence)


def test_fold_for_cues_agrees_with_ignorecase_on_every_letter() -> None:
    for letter in "abcdefghijklmnopqrstuvwxyz":
        pattern = re.compile(letter, re.IGNORECASE)
        for code in range(0x10000):  # every case pair of a Latin letter is in the BMP
            char = chr(code)
            if pattern.fullmatch(char):
                assert letter in fold_for_cues(char), (letter, hex(code))


NUMBERISH = st.lists(
    st.sampled_from(
        ["5", "5,000", "1.5", "twenty", "-five", "one", "a", "few", "dozen", "dozens", "of",
         "hundreds", "thousands", "half", "an", "million", "bn", "$", "-", "minus", "point",
         "and", "seventeen", "ſix", "ONE", "troops", " ", ", "]
    )
    | st.text(max_size=3),
    max_size=20,
).map("".join)  # fmt: skip


@given(text=NUMBERISH)
def test_the_number_finder_skips_only_texts_without_numbers(text: str) -> None:
    assert numbers._find.__wrapped__(text) == numbers._scan(text, digits=True, words=True)


LOOKAHEAD_PATTERNS: list[re.Pattern[str] | TwinPattern] = [
    re.compile(r"\b(?:through|thru|till|until|ending|ends?|wraps? up)\s+(?:on\s+)?$", re.I),
    re.compile(r"(?<![\w'])(?:(?:the|its)\s+)?(?:kelvin|sign|İzmir|ıs)s?\b", re.I),
    re.compile(r"\bno\s+$|\bnot\b", re.I),
    re.compile(r"(?:a|b)?c+"),
    re.compile(r"(?P<x>⟨\d+⟩|it|they)\s+(?:allow|let)s?", re.I),
]
LOOKAHEAD_WORDS = st.sampled_from(
    ["the", "The", "THE", "its", "it", "they", "⟨0⟩", "⟨12⟩", " ", ", ", "allowed", "ALLOW",
     "lets", "ſ", "K", "\u212a", "kelvin", "signs", "İzmir", "izmir", "ıs", "IS", "no ", "not",
     "ab", "c", "until ", "Wraps up ", "ends on ", "ambassador of ", "to", "use", "base"]
)  # fmt: skip


def _frame_regexes() -> list[re.Pattern[str] | TwinPattern]:
    from secevents.extraction.frames import default_frames

    return [frame.regex for frame in default_frames()]


@pytest.mark.parametrize("pattern", LOOKAHEAD_PATTERNS + _frame_regexes())
@given(st.lists(LOOKAHEAD_WORDS, max_size=30).map("".join))
def test_a_first_letter_look_ahead_keeps_every_match(
    pattern: re.Pattern[str] | TwinPattern, text: str
) -> None:
    from secevents.extraction._regex import with_first_letters

    bare = re.sub(r"^\(\?=\[[^\]]*\]\)\(\?:(.*)\)$", r"\1", pattern.pattern, flags=re.S)
    original = re.compile(bare, pattern.flags)
    quick = with_first_letters(original)
    found = [(m.span(), m.groupdict()) for m in original.finditer(text)]
    assert [(m.span(), m.groupdict()) for m in quick.finditer(text)] == found


@pytest.mark.parametrize(
    ("pattern", "ahead"),
    [
        (r"\b(?:the\s+)?(?:allow|let)", "(?=[tal])"),
        (r"x?", None),  # may match the empty string
        (r"[a-z]+ed", None),  # a range: many letters
        (r"\w+", None),
        (r"(?:a|b)?c", "(?=[abc])"),
        (r"[;]|, (?:but|while)\b", None),  # the engine skips to ";" and "," by itself
        (r"(?:the|a) base", None),
        (r"(?=[ab])\b(?:a|b)", None),  # one already
    ],
)
def test_the_look_ahead_names_the_first_letters_when_they_can_be_told(
    pattern: str, ahead: str | None
) -> None:
    from secevents.extraction._regex import with_first_letters

    quick = with_first_letters(re.compile(pattern))
    if ahead is None:
        assert quick.pattern == pattern
    else:
        assert quick.pattern == f"{ahead}(?:{pattern})"


def test_every_frame_gets_its_first_letters() -> None:
    assert all(regex.pattern.startswith("(?=[") for regex in _frame_regexes())
