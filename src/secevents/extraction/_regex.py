"""Word-list regexes that the engine can scan quickly.

``words(r"deny|denied")`` is ``\\b(?:deny|denied)\\b`` with a leading look-ahead on
the letters the words start with: Python's engine then jumps between those letters
instead of trying the pattern at every position (same matches, often twice as fast).
"""

from __future__ import annotations

import re
from collections.abc import Iterator


def words(alternatives: str, flags: int = 0) -> re.Pattern[str]:
    """``\\b(?:alternatives)\\b``, compiled with a look-ahead on their first letters.

    Every alternative must start with a letter or a ``(?:...)`` group of such.

    >>> words(r"den(?:y|ied)|rejected").findall("they denied and rejected it")
    ['denied', 'rejected']
    """
    firsts = _first_letters(alternatives)
    if flags & re.IGNORECASE:
        firsts |= {letter.swapcase() for letter in firsts}
    lookahead = "".join(sorted(firsts))
    return re.compile(rf"(?=[{lookahead}])\b(?:{alternatives})\b", flags)


def _top_level(pattern: str) -> list[str]:
    parts, depth, current = [], 0, ""
    for char in pattern:
        if char == "(":
            depth += 1
        elif char == ")":
            depth -= 1
        if char == "|" and depth == 0:
            parts.append(current)
            current = ""
        else:
            current += char
    parts.append(current)
    return parts


def _group_end(text: str) -> int:
    """The index of the parenthesis closing the group ``text`` starts with."""
    depth = 0
    for index, char in enumerate(text):
        depth += {"(": 1, ")": -1}.get(char, 0)
        if depth == 0:
            return index
    raise ValueError(f"unbalanced group in {text!r}")


def _first_letters(pattern: str) -> set[str]:
    letters: set[str] = set()
    for alternative in _top_level(pattern):
        if alternative.startswith("(?:"):
            letters |= _first_letters(alternative[3 : _group_end(alternative)])
        elif alternative and alternative[0].isalpha():
            letters.add(alternative[0])
        else:
            raise ValueError(f"alternative {alternative!r} must start with a letter or a group")
    return letters


#: The two letters that ``re.IGNORECASE`` matches to "i" but ``casefold`` keeps apart.
_DOTTED_I: dict[int, str] = {0x130: "i", 0x131: "i"}


def fold_for_cues(text: str) -> str:
    """``text`` case-folded as ``re.IGNORECASE`` compares letters (``ı`` and ``İ`` are "i").

    >>> fold_for_cues("MİLİTARY Base")
    'military base'
    """
    return text.translate(_DOTTED_I).casefold()


class Gated:
    """A regex and the strings one of which each of its matches holds (case-folded).

    Most sentences hold none of a cue's words: ``may_match`` on the sentence folded by
    :func:`fold_for_cues` (one ``in`` test per string) rules them out before the engine
    runs. Every match of ``pattern`` must contain one of ``needles`` once folded;
    the tests check it on texts generated from each pattern.

    >>> cue = Gated(words(r"rent|lease payments?", re.I), "rent lease")
    >>> cue.search("They pay rent.", 0, 14, "they pay rent.") is not None
    True
    >>> cue.search("They pay rent.", 0, 14, "no words of the cue") is None
    True
    """

    __slots__ = ("needles", "pattern")

    def __init__(self, pattern: re.Pattern[str], needles: str) -> None:
        self.pattern = pattern
        self.needles = tuple(needles.split())

    def may_match(self, folded: str) -> bool:
        """Whether a text whose ``casefold()`` is ``folded`` can hold a match."""
        for needle in self.needles:  # noqa: SIM110  (a loop: faster than any() over a generator)
            if needle in folded:
                return True
        return False

    def search(self, text: str, start: int, end: int, folded: str) -> re.Match[str] | None:
        """``pattern.search(text, start, end)``; ``folded`` covers at least that stretch."""
        if not self.may_match(folded):
            return None
        return self.pattern.search(text, start, end)

    def finditer(self, text: str, start: int, end: int, folded: str) -> Iterator[re.Match[str]]:
        """``pattern.finditer(text, start, end)``, or nothing when ``folded`` rules it out."""
        if not self.may_match(folded):
            return iter(())
        return self.pattern.finditer(text, start, end)
