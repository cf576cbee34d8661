"""ASCII twins of the library's regexes: the same matches as the Unicode pattern on ASCII text."""

from __future__ import annotations

import gc
import json
import pickle
import re
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

import secevents.extraction as extraction
from secevents import _fastre
from secevents._fastre import TwinPattern, ascii_twin
from secevents.extraction.sentences import split_sentences

CORPUS = Path(__file__).parent / "data" / "corpus"
#: ASCII texts that stress the classes: the separators Unicode counts as space, case.
TRICKY = [
    "a\x1cb\x1dc\x1e d\x1fe",
    "Troops\x1fheld DRILLS on\x1cMonday, 12 March 2021.",
    "THE BASE, the base, The Base: kelvin SIGN is",
    "\t\n\r\x0b\x0c  x_y 5,000 $8.6 million -- 'quoted' (Reuters)",
]


def _library_patterns() -> list[TwinPattern]:
    extraction.extract(" date 2021-10-28 Russian and Tajik troops held drills on Monday.")
    return [obj for obj in gc.get_objects() if isinstance(obj, TwinPattern)]


def _ascii_sentences() -> list[str]:
    found = []
    for path in sorted(CORPUS.glob("*.json"))[:12]:
        text = json.loads(path.read_text(encoding="utf-8"))["text"]
        found += [s.text for s in split_sentences(text, 0) if s.text.isascii()]
    return found


def _matches(pattern: re.Pattern[str], text: str) -> list[tuple[object, ...]]:
    return [(m.span(), m.groups(), m.groupdict()) for m in pattern.finditer(text)]


def test_the_library_compiles_its_regexes_with_twins() -> None:
    patterns = _library_patterns()
    assert len(patterns) > 200
    # Almost every one of them can have a twin: the library's patterns are plain.
    twins = [ascii_twin(p.pattern, p.flags & ~re.UNICODE) for p in patterns]
    assert sum(t is not None for t in twins) > 0.95 * len(patterns)


def test_every_twin_of_the_library_matches_as_its_pattern_on_ascii_text() -> None:
    texts = _ascii_sentences() + TRICKY
    assert len(texts) > 100
    for pattern in _library_patterns():
        unicode = re.compile(pattern.pattern, pattern.flags)
        twin = ascii_twin(pattern.pattern, pattern.flags & ~re.UNICODE)
        if twin is None:
            continue
        for text in texts:
            assert _matches(twin, text) == _matches(unicode, text), (pattern.pattern, text)


PIECES = st.sampled_from(
    [r"\s", r"\S", r"\w", r"\W", r"\b", r"\d", r"[\s,]", r"[^\s]", r"[a-z]", r"[A-Z]",
     r"(?i:ab)", r"(?i:k)", r"(?i:s)", r"(?i:i)", "ſ", "K", "ı", "İ", r"[\u0100-\u0200]",
     "a", "b", "k", "s", "i", " ", r"\.", "+", "*", "?", "|", r"(?:a|b)", r"(?<!\w)",
     r"(?=\s)", r"(?P<g>\w+)", r"\Z", "^", "$", r"[^\W\d_]+", r"[\S,]", r"\x1f"]
)  # fmt: skip
ASCII_TEXT = st.text(
    st.sampled_from("abksiABKSI 019_.,;:-'\t\n\x1c\x1d\x1e\x1f\x0b\x0c\r"), max_size=40
)


@given(st.lists(PIECES, min_size=1, max_size=8).map("".join), ASCII_TEXT, st.booleans())
def test_a_twin_matches_as_its_pattern_on_any_ascii_text(
    pattern: str, text: str, ignore_case: bool
) -> None:
    flags = re.IGNORECASE if ignore_case else 0
    try:
        unicode = re.compile(pattern, flags)
    except re.error:
        return
    twin = ascii_twin(pattern, flags)
    if twin is not None:
        assert _matches(twin, text) == _matches(unicode, text)
    fast = _fastre.compile(pattern, flags)
    assert _matches(fast, text) == _matches(unicode, text)  # type: ignore[arg-type]
    assert fast.sub("-", text) == unicode.sub("-", text)
    assert fast.split(text) == unicode.split(text)


@pytest.mark.parametrize(
    ("pattern", "flags"),
    [("ſ", re.IGNORECASE), ("(?i:\u212a)", 0), ("[\u0100-\u0200]", re.I), (r"[\S,]+", 0)],
)
def test_a_pattern_that_could_read_ascii_otherwise_keeps_no_twin(pattern: str, flags: int) -> None:
    assert ascii_twin(pattern, flags) is None
    text = "skis, KIS"
    assert _fastre.compile(pattern, flags).findall(text) == re.findall(pattern, text, flags)


def test_space_keeps_the_unicode_separators() -> None:
    assert _fastre.compile(r"\s").findall("a\x1fb c") == ["\x1f", " "]
    assert _fastre.compile(r"[^\s]+").findall("a\x1fb c") == ["a", "b", "c"]


def test_non_ascii_text_is_read_with_unicode_classes() -> None:
    pattern = _fastre.compile(r"\b\w+\b")
    assert pattern.findall("Türkiye and Россия") == ["Türkiye", "and", "Россия"]


def test_a_twin_pattern_pickles_compares_and_hashes_as_its_pattern() -> None:
    pattern = _fastre.compile(r"\bbase\b", re.IGNORECASE)
    copy = pickle.loads(pickle.dumps(pattern))
    assert copy == pattern and hash(copy) == hash(pattern)
    assert copy.search("a BASE").span() == (2, 6)
    assert _fastre.compile(pattern) is pattern
    assert pattern.pattern == r"\bbase\b" and pattern.flags & re.IGNORECASE
    assert "TwinPattern" in repr(pattern)
    with pytest.raises(ValueError, match="flags"):
        _fastre.compile(pattern, re.I)
