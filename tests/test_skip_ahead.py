"""Patterns that skip ahead to their first characters: the same matches as Python's compile."""

from __future__ import annotations

import gc
import json
import re
from pathlib import Path
from re import _compiler, _parser  # type: ignore[attr-defined]

import pytest
from hypothesis import given
from hypothesis import strategies as st

import secevents.extraction as extraction
from secevents._fastre import TwinPattern
from secevents._skip_ahead import compile_skipping, first_characters
from secevents.extraction.sentences import split_sentences

CORPUS = Path(__file__).parent / "data" / "corpus"


def _both(
    pattern: str, flags: int, *, ascii: bool = True
) -> tuple[re.Pattern[str], re.Pattern[str]]:
    """The pattern compiled by Python and by ``compile_skipping`` (ASCII or Unicode)."""
    flags |= re.ASCII if ascii else re.UNICODE
    plain = _compiler.compile(_parser.parse(pattern, flags), flags)
    return plain, compile_skipping(_parser.parse(pattern, flags), flags)


def _read(pattern: re.Pattern[str], text: str) -> list[object]:
    """Everything a caller reads: every match, and a search and a match from each position
    (the two ends of a window too)."""
    found: list[object] = [(m.span(), m.groups()) for m in pattern.finditer(text)]
    for pos in range(len(text) + 1):
        for end in (len(text), pos + 3):
            for method in (pattern.search, pattern.match):
                m = method(text, pos, end)
                found.append(None if m is None else (m.span(), m.groups()))
    return found


def _library_patterns() -> list[TwinPattern]:
    extraction.extract(" date 2021-10-28 Russian and Tajik troops held drills on Monday.")
    return [obj for obj in gc.get_objects() if isinstance(obj, TwinPattern)]


def _sentences(count: int, *, ascii: bool = True) -> list[str]:
    found = []
    for path in sorted(CORPUS.glob("*.json"))[:count]:
        text = json.loads(path.read_text(encoding="utf-8"))["text"]
        found += [s.text for s in split_sentences(text, 0) if s.text.isascii() == ascii]
    return found


#: Text the library reads with its Unicode patterns: characters that case-fold to ASCII
#: letters, other scripts, typographic quotes and dashes, separators.
TRICKY = [
    "The \u212aelvin ſign and İstanbul, ıraq: DRİLLS \u2014 “base” \u2019s",
    "Ведомости: учения «Запад-2021» прошли 12\u00a0сентября\u2028next",
    "Troops\x1fheld drills on\x1cMonday, 12\u2013March 2021 \u00e9t\u00e9 café",
]


def test_most_of_the_library_s_patterns_get_first_characters() -> None:
    patterns = _library_patterns()
    sets = [first_characters(_parser.parse(p.pattern, p.flags), p.flags) for p in patterns]
    assert sum(1 for chars in sets if chars) > len(patterns) // 2


def test_every_pattern_of_the_library_matches_as_python_compiles_it() -> None:
    _same_on_library_patterns(_sentences(20), ascii=True)


def test_every_pattern_of_the_library_matches_as_python_compiles_it_on_other_text() -> None:
    texts = _sentences(55, ascii=False)
    assert len(texts) > 15
    _same_on_library_patterns(texts + TRICKY, ascii=False)


def _same_on_library_patterns(texts: list[str], *, ascii: bool) -> None:
    assert len(texts) > 15
    whole = " ".join(texts)
    for twin in _library_patterns():
        flags = twin.flags & ~re.UNICODE
        try:
            plain, skipping = _both(twin.pattern, flags, ascii=ascii)
        except re.error:  # pragma: no cover (every library pattern reads as ASCII)
            continue
        for text in texts:
            assert [(m.span(), m.groups()) for m in skipping.finditer(text)] == [
                (m.span(), m.groups()) for m in plain.finditer(text)
            ], (twin.pattern, text)
        for start in range(0, len(whole), 97):  # windows, as the finders search them
            end = start + 180
            one, two = plain.search(whole, start, end), skipping.search(whole, start, end)
            assert (one and one.span()) == (two and two.span()), (twin.pattern, start)


@pytest.mark.parametrize(
    ("pattern", "flags", "expected"),
    [
        (r"\bdrills?", re.I, "Dd"),
        (r"(?<!\w)(?:the\s+)?(?:allow|let)s?\b", 0, "alt"),
        (r"(?:a|b)?c+", 0, "abc"),
        (r"(?=x)\b(?i:q)u", 0, "Qq"),
        (r"x*", 0, None),  # may match the empty string: anywhere
        (r"(a)(?:\1)", 0, "a"),
        (r"(?:(a)|b)?\1", 0, None),  # a reference first: not read
        (r".b", 0, None),  # any character but the line end: too many to skip to
    ],
)
def test_first_characters(pattern: str, flags: int, expected: str | None) -> None:
    chars = first_characters(_parser.parse(pattern, flags | re.ASCII), flags | re.ASCII)
    assert chars == expected or (expected is None and (chars is None or len(chars) > 80))


def test_a_pattern_python_skips_ahead_in_keeps_its_own_info() -> None:
    plain, skipping = _both(r"base|bases", 0)
    assert _read(skipping, "bases and a base") == _read(plain, "bases and a base")


PIECES = st.sampled_from(
    [r"\b", r"\B", r"(?=a)", r"(?!b)", r"(?<=a)", r"(?<!\w)", "^", "$", r"\w", r"\d", r"\s",
     "a", "b", "c", "A", " ", ".", r"[abc]", r"[^a]", r"(?i:ab)", r"(?i:c)", r"(?-i:a)",
     "+", "*", "?", "{0,2}", "{1,3}", "+?", "|", r"(?:a|bc)", r"(?:|a)", r"(?P<g>a|b)",
     r"(?>ab|a)", r"(?:ab)+", r"(?:a*b)", "a++"]
)  # fmt: skip
TEXT = st.text(st.sampled_from("abcABC _1.\n"), max_size=24)


WIDE_PIECES = PIECES | st.sampled_from(["é", "\u212a", "ſ", "İ", r"[é-ü]", r"(?i:é)", r"[^\w\s]"])
WIDE_TEXT = st.text(st.sampled_from("abcABC _1.\néÉüK\u212aſsİi\u2014\x1f"), max_size=24)


@given(
    st.lists(WIDE_PIECES, min_size=1, max_size=7).map("".join),
    WIDE_TEXT,
    st.booleans(),
    st.booleans(),
)
def test_any_pattern_matches_as_python_compiles_it(
    pattern: str, text: str, ignore_case: bool, ascii: bool
) -> None:
    if ascii:
        text = text.encode("ascii", "ignore").decode()
    try:
        plain, skipping = _both(pattern, re.IGNORECASE if ignore_case else 0, ascii=ascii)
    except re.error:
        return  # not a pattern ("a|+", a look-behind of varying width...)
    assert _read(skipping, text) == _read(plain, text)
