"""Patterns compiled to skip ahead to the characters their matches can start with.

Python's engine searches quickly only when its "info" block says what a match starts
with: a literal, or a set of characters taken from a pattern that opens with a
case-sensitive literal or set. It then jumps from one such character to the next. A
pattern that opens with ``\\b``, a look-around, a repeat or a case-insensitive word
list (``\\b(?:drills?|exercises?)\\b`` with ``re.IGNORECASE``, most of the library's)
gets no such set, and the engine tries the whole pattern at every position of the
text.

:func:`compile_skipping` compiles a parsed pattern as Python does, with the set of
ASCII characters its matches can start with written into the info block when the
engine found none (for a Unicode pattern, with every other character added: a
superset is enough, and news text is mostly ASCII). The code that matches is the
pattern's own, unchanged; the set only lets the engine pass over positions where no
match can start, so the matches are the same.
"""

from __future__ import annotations

import _sre  # type: ignore[import-not-found]
import re
from re import _compiler, _parser  # type: ignore[attr-defined]
from re import _constants as _c  # type: ignore[attr-defined]
from typing import Any, Final

__all__ = ["compile_skipping", "first_characters"]

#: Every ASCII character once, in order: a one-character item's set is what it finds here.
_ASCII: Final = "".join(map(chr, range(128)))
#: More first characters than this: too common for skipping ahead to pay.
_MOST: Final = 80
#: Items that match one character whatever stands around them.
_ONE: Final = frozenset({_c.LITERAL, _c.NOT_LITERAL, _c.IN, _c.ANY})
#: The info block's flags for a literal or a set the engine skips ahead to.
_SKIPS: Final = _c.SRE_INFO_PREFIX | _c.SRE_INFO_CHARSET
_REPEATS: Final = frozenset({_c.MAX_REPEAT, _c.MIN_REPEAT, _c.POSSESSIVE_REPEAT})

Item = tuple[Any, Any]


def compile_skipping(parsed: Any, flags: int) -> re.Pattern[str]:
    """``_compiler.compile(parsed, flags)`` with the first characters of its matches in its
    info block when Python finds none (every non-ASCII one too, unless ``re.ASCII``).

    >>> parsed = _parser.parse(r"\\bdrills?", re.IGNORECASE | re.ASCII)
    >>> pattern = compile_skipping(parsed, re.IGNORECASE | re.ASCII)
    >>> [m.span() for m in pattern.finditer("Drills, drill and adrill")]
    [(0, 6), (8, 13)]
    """
    # Plain integers: the compiler tests the flags at every item, and a RegexFlag's "&"
    # is a slow Python method.
    flags = int(flags | parsed.state.flags)
    try:
        skipping = _skipping(parsed, flags)
    except (AttributeError, TypeError, IndexError):  # pragma: no cover (another compiler)
        skipping = None  # the compiler's private parts are not those of CPython 3.11-3.13
    if skipping is None:
        python: re.Pattern[str] = _compiler.compile(parsed, flags)
        return python
    return skipping


def _skipping(parsed: Any, flags: int) -> re.Pattern[str] | None:
    """``parsed`` compiled with its first characters in its info block, or None when the
    engine skips ahead by itself or they cannot be told."""
    info: list[int] = []
    _compiler._compile_info(info, parsed, flags)
    chars = None if info[2] & _SKIPS else first_characters(parsed, flags)
    if chars is None or not chars or len(chars) > _MOST:
        return None
    if flags & re.ASCII:
        members: list[Item] = [(_c.LITERAL, ord(c)) for c in chars]
    else:  # any non-ASCII character may start a match, as far as read here: "not the rest"
        members = [(_c.NEGATE, None), *((_c.LITERAL, ord(c)) for c in _ASCII if c not in chars)]
    opening = _parser.SubPattern(parsed.state, [(_c.IN, members)])
    opening.width = parsed.getwidth()  # the info block's lengths are the pattern's
    code: list[int] = []
    _compiler._compile_info(code, opening, flags & ~re.IGNORECASE)
    _compiler._compile(code, parsed.data, flags)
    code.append(_c.SUCCESS)
    groups = parsed.state.groupdict
    names: list[str | None] = [None] * parsed.state.groups
    for name, index in groups.items():
        names[index] = name
    compiled: re.Pattern[str] = _sre.compile(
        None, flags, code, parsed.state.groups - 1, groups, tuple(names)
    )
    return compiled


def first_characters(parsed: Any, flags: int) -> str | None:
    """The ASCII characters a match of ``parsed`` can start with, sorted (None: any, or
    the match may be empty).

    >>> first_characters(_parser.parse(r"\\b(?:drills?|war ?games?)", re.I | re.A), re.I | re.A)
    'DWdw'
    """
    ones: list[tuple[Item, int]] = []
    try:
        if _firsts(list(parsed.data), flags | parsed.state.flags, ones):
            return None  # the match may be empty: it may start anywhere
    except _AnyCharacterError:
        return None
    by_flags: dict[int, list[Item]] = {}
    for item, item_flags in ones:
        by_flags.setdefault(item_flags, []).append(item)
    chars: set[str] = set()
    for item_flags, items in by_flags.items():
        either = [_parser.SubPattern(parsed.state, [item]) for item in items]
        branch = _parser.SubPattern(parsed.state, [(_c.BRANCH, (None, either))])
        chars.update(m[0] for m in _compiler.compile(branch, item_flags).finditer(_ASCII))
    return "".join(sorted(chars))


class _AnyCharacterError(Exception):
    """A match may start with an item whose first characters are not read here."""


def _firsts(items: list[Item], flags: int, ones: list[tuple[Item, int]]) -> bool:
    """Add to ``ones`` the one-character items (with their flags) a match of ``items``
    can start with; return whether ``items`` can match the empty string."""
    for op, value in items:
        if op in _ONE:
            ones.append(((op, value), flags))
            return False
        if op in (_c.AT, _c.ASSERT, _c.ASSERT_NOT):
            continue  # zero width: what follows starts the match
        if op is _c.SUBPATTERN:
            _, add, remove, inner = value
            empty = _firsts(list(inner.data), (flags | add) & ~remove, ones)
        elif op is _c.ATOMIC_GROUP:
            empty = _firsts(list(value.data), flags, ones)
        elif op is _c.BRANCH:
            empty = False
            for branch in value[1]:
                empty = _firsts(list(branch.data), flags, ones) or empty
        elif op in _REPEATS:
            low, _, inner = value
            empty = _firsts(list(inner.data), flags, ones) or low == 0
        else:
            raise _AnyCharacterError
        if not empty:
            return False
    return True
