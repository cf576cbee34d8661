"""The speed paths of extraction give what the general paths give.

ASCII texts take simpler patterns (a character range instead of a negated Unicode
category) and ``lower()`` instead of a translation table and ``casefold()``; the
frame lexicon keeps each type's frame list until a frame is added. Each is checked
against the general path on generated text and on hand-written cases.
"""

from __future__ import annotations

import datetime as dt
import re

from hypothesis import given
from hypothesis import strategies as st

from secevents.extraction import Document
from secevents.extraction._regex import _DOTTED_I, fold_for_cues, literals
from secevents.extraction.frames import _WORD_RE, Frame, _words, default_frames
from secevents.normalize._names import TOKEN, tokens

#: Letters, digits, the underscore, apostrophes and punctuation: every class the
#: patterns tell apart, in ASCII and beyond it (long s, Kelvin sign, dotted and dotless i).
_CHARS = st.sampled_from(list("aZz09_'’ .,-\t\nİıſKéßÆ٣"))
TEXT = st.text(_CHARS, max_size=60)
ASCII_TEXT = st.text(st.characters(max_codepoint=127), max_size=60)


@given(st.one_of(TEXT, ASCII_TEXT))
def test_tokens_are_the_spans_of_the_unicode_pattern(text: str) -> None:
    assert tokens(text) == [m.span() for m in TOKEN.finditer(text)]


@given(st.one_of(TEXT, ASCII_TEXT))
def test_cue_folding_is_translation_and_casefold(text: str) -> None:
    assert fold_for_cues(text) == text.translate(_DOTTED_I).casefold()


@given(st.one_of(TEXT, ASCII_TEXT))
def test_frame_words_are_those_of_the_unicode_pattern(text: str) -> None:
    folded = fold_for_cues(text)
    assert _words(folded) == [frozenset(_WORD_RE.findall(folded))]


def test_hand_written_cases() -> None:
    for text in ("U.S.-led drills, Côte d'Ivoire's 2nd", "U.S.-led drills, Cote d'Ivoire's 2nd"):
        words = [text[start:end] for start, end in tokens(text)]
        assert words[:4] == ["U", "S", "led", "drills"]
        assert words[5:] == ["d", "Ivoire", "s", "2nd"]
    assert fold_for_cues("The MİLİTARY Base") == "the military base"
    assert _words("russia's navy 2021 held") == [frozenset({"russia's", "navy", "held"})]


def test_a_frame_added_after_a_match_is_tried() -> None:
    lexicon = default_frames()
    text = "Moldova agreed to rent Romania a harbour."
    doc = Document(text, published=dt.date(2021, 10, 28))
    before = lexicon.match(doc, doc.sentences[0], "base_construction")
    lexicon.add(Frame("base_construction", "{host} agreed to rent {builder}"), first=True)
    fresh = Document(text, published=dt.date(2021, 10, 28))
    after = lexicon.match(fresh, fresh.sentences[0], "base_construction")
    assert len(after) == len(before) + 1
    assert after[0].frame.pattern == "{host} agreed to rent {builder}"
    assert {role: [h.code for h in hits] for role, hits in after[0].roles.items()} == {
        "host": ["MDA"],
        "builder": ["ROU"],
    }


_NAME_CHARS = st.sampled_from(list("Zap-d2 .İı'’K"))


@given(st.sets(st.text(_NAME_CHARS, min_size=1, max_size=8), max_size=12), st.text(_NAME_CHARS))
def test_a_trie_of_names_matches_as_the_longest_first_alternation(
    names: set[str], text: str
) -> None:
    alternation = "|".join(re.escape(n) for n in sorted(names, key=len, reverse=True))
    if not names:
        return
    plain = re.compile(rf"\b(?:{alternation})\b")
    trie = re.compile(rf"\b{literals(names)}\b")
    assert [m.span() for m in trie.finditer(text)] == [m.span() for m in plain.finditer(text)]
    text = " ".join(sorted(names)) + text
    assert [m.span() for m in trie.finditer(text)] == [m.span() for m in plain.finditer(text)]
