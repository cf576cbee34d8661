"""Word-list regexes that the engine can scan quickly.

``words(r"deny|denied")`` is ``\\b(?:deny|denied)\\b`` with a leading look-ahead on
the letters the words start with: Python's engine then jumps between those letters
instead of trying the pattern at every position (same matches, often twice as fast).
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterable, Iterator
from re import _constants as _c  # type: ignore[attr-defined]
from re import _parser  # type: ignore[attr-defined]
from typing import Any

from .. import _fastre
from .._fastre import TwinPattern


def words(alternatives: str, flags: int = 0) -> TwinPattern:
    """``\\b(?:alternatives)\\b``, compiled with a look-ahead on their first letters.

    Every alternative must start with a letter or a ``(?:...)`` group of such.

    >>> words(r"den(?:y|ied)|rejected").findall("they denied and rejected it")
    ['denied', 'rejected']
    """
    firsts = _first_letters(alternatives)
    if flags & re.IGNORECASE:
        firsts |= {letter.swapcase() for letter in firsts}
    lookahead = "".join(sorted(firsts))
    return _fastre.compile(rf"(?=[{lookahead}])\b(?:{alternatives})\b", flags)


def literals(strings: Iterable[str]) -> str:
    """A group matching any of ``strings`` as written, the longest that fits first: what
    ``(?:a|b|...)`` with the longest alternatives first matches, as a trie.

    The engine then follows one branch per character instead of trying every string at
    every position, so a pattern of thousands of names (a long report's) stays fast.

    >>> literals(["Zapad", "Zapadnyi", "Vostok"])
    '(?:(?:Vostok|Zapad(?:nyi)?))'
    >>> re.findall(rf"\\b{literals(['Zapad', 'Zapadnyi'])}\\b", "Zapadnyi, Zapad2 and Zapad")
    ['Zapadnyi', 'Zapad']
    """
    return f"(?:{_branches(sorted(set(strings)))})"


def _branches(strings: list[str]) -> str:
    """The trie of ``strings`` (sorted, so the empty one first and each letter's together)."""
    ends = bool(strings) and not strings[0]
    branches = [
        re.escape(char) + _branches([s[1:] for s in group])
        for char, group in itertools.groupby(strings[1:] if ends else strings, key=lambda s: s[0])
    ]
    if not branches:
        return ""
    body = branches[0] if len(branches) == 1 else f"(?:{'|'.join(branches)})"
    return f"(?:{body})?" if ends else body


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


def with_first_letters(pattern: re.Pattern[str] | TwinPattern) -> TwinPattern:
    r"""``pattern`` with a look-ahead on the letters its matches can start with, as
    :func:`words` adds: same matches, found sooner by an engine that jumps between
    those letters (much sooner for a long ``re.IGNORECASE`` alternation).

    ``pattern`` is returned as it is when they cannot be told (a match may be empty
    or start with any character, or the pattern is of a kind not read here), when it
    has one already, and when the engine skips ahead by itself (a case-sensitive
    pattern that opens with a literal or a set of them).

    >>> with_first_letters(re.compile(r"(?<!\w)(?:the\s+)?(?:allow|let)s?\b", re.I)).pattern
    '(?=[tal])(?:(?<!\\w)(?:the\\s+)?(?:allow|let)s?\\b)'
    """
    same = _fastre.compile(pattern.pattern, pattern.flags)
    if pattern.pattern.startswith("(?=["):
        return same
    try:
        parsed = list(_parser.parse(pattern.pattern, pattern.flags))
        if not pattern.flags & re.IGNORECASE and _opens_with_literal(parsed):
            return same
        firsts = _first(parsed)
    except (ValueError, TypeError, re.error):  # pragma: no cover (a form not read here)
        return same
    if firsts is None or _EMPTY in firsts or not firsts or len(firsts) > 40:
        return same
    chars = "".join(sorted(firsts, key=lambda c: (firsts[c], c)))
    try:
        return _fastre.compile(f"(?=[{_class(chars)}])(?:{pattern.pattern})", pattern.flags)
    except re.error:  # pragma: no cover (inline global flags cannot be wrapped)
        return same


#: In a set of first characters: the pattern can also match the empty string.
_EMPTY = ""


def _class(chars: str) -> str:
    return "".join("\\" + c if c in "\\]^-[" else c for c in chars)


def _opens_with_literal(items: list[tuple[Any, Any]]) -> bool:
    """Whether a parsed pattern opens with a literal or a set, which the engine uses to
    skip ahead (a look-ahead before it would only hide it)."""
    if not items:
        return False
    op, value = items[0]
    if op in (_c.LITERAL, _c.IN):
        return True
    if op is _c.SUBPATTERN:
        return _opens_with_literal(list(value[3]))
    if op is _c.BRANCH:
        return all(_opens_with_literal(list(branch)) for branch in value[1])
    return False


def _first(items: list[tuple[Any, Any]]) -> dict[str, int] | None:
    """The characters a match of ``items`` (a parsed pattern) can start with, each with
    the order it was found in (``_EMPTY`` if it can be empty); None for any character."""
    found: dict[str, int] = {}
    for op, value in items:
        if op in (_c.AT, _c.ASSERT, _c.ASSERT_NOT):
            continue  # zero width: the next item starts the match
        if op is _c.LITERAL:
            found.setdefault(chr(value), len(found))
            return found
        if op is _c.IN:
            for kind, item in value:
                if kind is not _c.LITERAL:
                    return None  # a range, a category, a negation: many characters
                found.setdefault(chr(item), len(found))
            return found
        if op is _c.SUBPATTERN and not value[1] and not value[2]:
            inner = _first(list(value[3]))
        elif op is _c.BRANCH:
            inner = {}
            for alternative in value[1]:
                branch = _first(list(alternative))
                if branch is None:
                    return None
                for char in branch:
                    inner.setdefault(char, len(inner))
        elif op in (_c.MAX_REPEAT, _c.MIN_REPEAT):
            low, _, item = value
            inner = _first(list(item))
            if inner is not None and low == 0:
                inner.setdefault(_EMPTY, len(inner))
        else:
            return None  # any character, a back reference, a flag change ...
        if inner is None:
            return None
        empty = inner.pop(_EMPTY, None) is not None
        for char in inner:
            found.setdefault(char, len(found))
        if not empty:
            return found
    found.setdefault(_EMPTY, len(found))
    return found


#: The two letters that ``re.IGNORECASE`` matches to "i" but ``casefold`` keeps apart.
_DOTTED_I: dict[int, str] = {0x130: "i", 0x131: "i"}


def fold_for_cues(text: str) -> str:
    """``text`` case-folded as ``re.IGNORECASE`` compares letters (``ı`` and ``İ`` are "i").

    >>> fold_for_cues("MİLİTARY Base")
    'military base'
    """
    if text.isascii():  # most sentences: the same result, without the translation table
        return text.lower()
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

    def __init__(self, pattern: re.Pattern[str] | TwinPattern, needles: str) -> None:
        self.pattern = with_first_letters(pattern)
        self.needles = tuple(needles.split())

    def may_match(self, folded: str) -> bool:
        """Whether a text whose ``casefold()`` is ``folded`` can hold a match."""
        for needle in self.needles:  # noqa: SIM110  (a loop: faster than any() over a generator)
            if needle in folded:
                return True
        return False

    def search(self, text: str, start: int, end: int, folded: str) -> re.Match[str] | None:
        """``pattern.search(text, start, end)``; ``folded`` covers at least that stretch."""
        for needle in self.needles:  # may_match, inline: this runs for most sentences
            if needle in folded:
                return self.pattern.search(text, start, end)
        return None

    def finditer(self, text: str, start: int, end: int, folded: str) -> Iterator[re.Match[str]]:
        """``pattern.finditer(text, start, end)``, or nothing when ``folded`` rules it out."""
        for needle in self.needles:  # may_match, inline
            if needle in folded:
                return self.pattern.finditer(text, start, end)
        return iter(())
