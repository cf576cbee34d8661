"""Personal names next to titles: "President Emomali Rahmon", "Ahmet Davutoglu, Turkey's premier".

Names are runs of capitalised words; the patterns have bounded repetition only.
"""

from __future__ import annotations

from collections.abc import Collection
from typing import Final

from .. import _fastre
from ._names import words

__all__ = ["NameRuns", "name_after", "name_before", "name_runs"]

_PARTICLE: Final = r"(?:al|el|ad|as|ash|bin|ibn|de|da|di|du|van|von|der|le|la)[- ]"
_WORD: Final = rf"(?:{_PARTICLE})?[A-Z\u00c0-\u00d6\u00d8-\u00de][\w'\u2019]*(?:-[\w'\u2019]+)?\.?"
#: One to five name words separated by single spaces.
NAME: Final = _fastre.compile(rf"{_WORD}(?: {_WORD}){{0,4}}")
_WORD_RE: Final = _fastre.compile(_WORD)

#: Capitalised words that end a name: function words, months, weekdays.
STOP: Final = words(
    "a an and as at but by for from he her his i if in it its of on or our she so than "
    "that the their then there these they this to was we were what when where which who "
    "will with you said says after before during while under over since until also "
    "however meanwhile monday tuesday wednesday thursday friday saturday sunday january "
    "february march april may june july august september october november december jan "
    "feb mar apr jun jul aug sep sept oct nov dec"
)
_SUFFIXES: Final = frozenset({"Jr", "Jr.", "Sr", "Sr.", "II", "III", "IV"})

#: Name runs of a text keyed by where they end: (start, end) offsets.
NameRuns = dict[int, tuple[int, int]]


def name_runs(text: str) -> NameRuns:
    """Every maximal run of name words in ``text``, keyed by its end offset."""
    return {m.end(): m.span() for m in NAME.finditer(text)}


def _words(text: str, start: int, end: int) -> list[tuple[int, int]]:
    return [m.span() for m in _WORD_RE.finditer(text, start, end)]


def _clean_end(text: str, start: int, end: int) -> int:
    word = text[start:end]
    for mark in ("'s", "\u2019s"):
        if word.endswith(mark) and len(word) > len(mark):
            return end - len(mark)
    if word.endswith(".") and len(word) > 2 and word not in _SUFFIXES:
        return end - 1  # a sentence's full stop, not an initial ("E.")
    return end


def _ok(text: str, span: tuple[int, int], blocked: Collection[int]) -> bool:
    word = text[span[0] : span[1]].rstrip(".")
    return span[0] not in blocked and word.lower() not in STOP


def name_after(text: str, pos: int, blocked: Collection[int]) -> tuple[int, int] | None:
    """The name that starts at ``pos`` after one space, up to a stop word or a known name."""
    if text[pos : pos + 1] != " ":
        return None
    match = NAME.match(text, pos + 1)
    if match is None:
        return None
    kept: list[tuple[int, int]] = []
    for span in _words(text, match.start(), match.end()):
        if not _ok(text, span, blocked):
            break
        kept.append(span)
        if text[span[0] : span[1]].endswith(("'s", "\u2019s")):
            break  # "Putin's": the name ends at the possessive
    if not kept:
        return None
    return kept[0][0], _clean_end(text, *kept[-1])


def name_before(
    text: str, comma: int, runs: NameRuns, blocked: Collection[int], not_before: int
) -> tuple[int, int] | None:
    """The name of two or more words (or an initial and a surname) ending at ``comma``."""
    run = runs.get(comma)
    if run is None:
        return None
    words = _words(text, max(run[0], not_before), run[1])
    kept: list[tuple[int, int]] = []
    for span in reversed(words):
        if not _ok(text, span, blocked):
            break
        kept.insert(0, span)
    if len(kept) < 2:
        return None
    return kept[0][0], _clean_end(text, *kept[-1])
