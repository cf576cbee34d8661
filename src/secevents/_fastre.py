"""Regexes that read plain-ASCII text with ASCII character classes: same matches, fewer steps.

Python's engine tests ``\\w``, ``\\b`` and case-insensitive letters in a ``str`` pattern
by looking each character up in the Unicode database. On a text that is all ASCII
(``str.isascii()``, which CPython knows without reading the text) the ASCII classes
give the same answers from a small table, so :func:`compile` makes a second, ASCII
compiled "twin" of the pattern and :class:`TwinPattern` runs it on such texts.

The twin matches exactly what the pattern matches on ASCII text:

- ``\\s`` is written out as the ASCII characters Unicode counts as space, which
  include the separators ``\\x1c``-``\\x1f`` that the ASCII class leaves out;
- a pattern that a non-ASCII letter could match to an ASCII one under
  ``re.IGNORECASE`` (``İ`` and ``ı`` to "i", ``ſ`` to "s", the Kelvin sign to "k"), or
  that holds ``\\S`` among other items of a set, keeps no twin.

>>> pattern = compile(r"\\bbase\\b", re.IGNORECASE)
>>> pattern.search("a new naval Base").span(), pattern.search("Türkiye's BASE").span()
((12, 16), (10, 14))
"""

from __future__ import annotations

import re
import sys
from collections.abc import Callable, Iterator
from re import _constants as _c  # type: ignore[attr-defined]
from re import _parser  # type: ignore[attr-defined]
from typing import Any, Final

from ._skip_ahead import compile_skipping

__all__ = ["TwinPattern", "ascii_twin", "compile", "compiled_pair", "wide_pattern"]

#: Characters outside ASCII that ``re.IGNORECASE`` matches to an ASCII letter.
_FOLD_TO_ASCII: Final = frozenset({0x130, 0x131, 0x17F, 0x212A})
#: What ``\\s`` matches in ASCII text (Unicode's white space, ``str.isspace``).
_SPACE: Final = (*((_c.LITERAL, ord(c)) for c in " \t\n\r\f\v"), (_c.RANGE, (0x1C, 0x1F)))
_END: Final = sys.maxsize


class _NoTwinError(Exception):
    """The pattern holds something whose ASCII reading could differ."""


def ascii_twin(pattern: str, flags: int = 0) -> re.Pattern[str] | None:
    """``pattern`` compiled with ASCII classes, matching what it matches on ASCII text
    (None when that cannot be promised).

    >>> ascii_twin(r"\\w+\\s").flags & re.ASCII != 0
    True
    >>> ascii_twin("(?i)ſ") is None  # the long s matches "s" in any case
    True
    """
    return compiled_pair(pattern, flags)[1]


def wide_pattern(pattern: str, flags: int = 0) -> re.Pattern[str] | None:
    """``re.compile(pattern, flags)`` skipping ahead to where a match can start (see
    :mod:`secevents._skip_ahead`), or None when it cannot be made.

    >>> wide_pattern(r"\\bbase", re.IGNORECASE).search("the Türkiye BASE").span()
    (12, 16)
    """
    return compiled_pair(pattern, flags)[0]


def compiled_pair(
    pattern: str, flags: int = 0
) -> tuple[re.Pattern[str] | None, re.Pattern[str] | None]:
    """:func:`wide_pattern` and :func:`ascii_twin` of ``pattern``, read by one parse (the
    parse does not depend on the character classes; the compiling does)."""
    if flags & (re.ASCII | re.LOCALE):
        return None, None
    try:
        parsed = _parser.parse(pattern, flags)
    except (re.error, ValueError, TypeError):
        return None, None
    try:
        wide: re.Pattern[str] | None = compile_skipping(parsed, flags)
    except (re.error, ValueError, TypeError):  # pragma: no cover (a form not rewritten)
        wide = None
    try:
        parsed.state.flags = int(parsed.state.flags & ~re.UNICODE | re.ASCII)
        _rewrite(parsed)
        twin: re.Pattern[str] | None = compile_skipping(parsed, flags | re.ASCII)
    except (_NoTwinError, re.error, ValueError, TypeError):
        twin = None
    return wide, twin


def _rewrite(parsed: Any) -> None:
    """Rewrite the parsed pattern (a ``SubPattern``) in place, or raise ``_NoTwinError``."""
    parsed.data = [_item(op, value) for op, value in parsed.data]


def _item(op: Any, value: Any) -> tuple[Any, Any]:
    if op is _c.IN:
        return op, _charset(value)
    if op in (_c.LITERAL, _c.NOT_LITERAL):
        if value in _FOLD_TO_ASCII:
            raise _NoTwinError
        return op, value
    if op is _c.SUBPATTERN:
        _rewrite(value[3])
    elif op is _c.BRANCH:
        for branch in value[1]:
            _rewrite(branch)
    elif op in (_c.MAX_REPEAT, _c.MIN_REPEAT, _c.POSSESSIVE_REPEAT):
        _rewrite(value[2])
    elif op in (_c.ASSERT, _c.ASSERT_NOT):
        _rewrite(value[1])
    elif op is _c.ATOMIC_GROUP:
        _rewrite(value)
    elif op is _c.GROUPREF_EXISTS:
        _rewrite(value[1])
        if value[2] is not None:
            _rewrite(value[2])
    elif op not in (_c.ANY, _c.AT, _c.GROUPREF):
        raise _NoTwinError  # a form not read here
    return op, value


def _charset(items: list[tuple[Any, Any]]) -> list[tuple[Any, Any]]:
    found: list[tuple[Any, Any]] = []
    for kind, value in items:
        if kind is _c.CATEGORY and value is _c.CATEGORY_SPACE:
            found += _SPACE
        elif kind is _c.CATEGORY and value is _c.CATEGORY_NOT_SPACE:
            if len(items) != 1:
                raise _NoTwinError  # "[\S,]": no single set says it
            found += [(_c.NEGATE, None), *_SPACE]
        elif (kind is _c.LITERAL and value in _FOLD_TO_ASCII) or (
            kind is _c.RANGE and any(value[0] <= c <= value[1] for c in _FOLD_TO_ASCII)
        ):
            raise _NoTwinError
        else:
            found.append((kind, value))
    return found


Replacement = str | Callable[[re.Match[str]], str]


class TwinPattern:
    """A compiled regex that reads ASCII text with its ASCII twin (see :func:`compile`).

    It has the methods and attributes of ``re.Pattern`` that the library uses; the
    matches it gives are those of ``re.compile(pattern, flags)``.

    >>> compile(r"\\bdrills?\\b").findall("Drills and drills")
    ['drills']
    """

    __slots__ = ("_ascii", "_unicode", "_wide", "flags", "groupindex", "groups", "pattern")

    def __init__(self, pattern: str, flags: int = 0) -> None:
        self._unicode = re.compile(pattern, flags)
        # What reads ASCII text (the twin, or the pattern when it has none), made on first
        # need: most patterns of the library never read a text in a given process.
        self._ascii: re.Pattern[str] | None = None
        # What reads other text: the pattern skipping ahead to where a match can start.
        self._wide: re.Pattern[str] | None = None
        self.pattern: str = pattern
        self.flags: int = self._unicode.flags
        self.groupindex = self._unicode.groupindex
        self.groups: int = self._unicode.groups

    def _made(self) -> re.Pattern[str]:
        self._make()
        assert self._ascii is not None
        return self._ascii

    def _made_wide(self) -> re.Pattern[str]:
        self._make()
        assert self._wide is not None
        return self._wide

    def _make(self) -> None:
        # Both at once: one parse of the pattern serves both.
        wide, twin = compiled_pair(self.pattern, self.flags & ~re.UNICODE)
        self._wide, self._ascii = wide or self._unicode, twin or self._unicode

    # Each method picks the compiled pattern inline: these run some 100,000 times a MB.

    def search(self, string: str, pos: int = 0, endpos: int = _END) -> re.Match[str] | None:
        """As ``re.Pattern.search``."""
        pattern = (
            (self._ascii or self._made()) if string.isascii() else (self._wide or self._made_wide())
        )
        return pattern.search(string, pos, endpos)

    def match(self, string: str, pos: int = 0, endpos: int = _END) -> re.Match[str] | None:
        """As ``re.Pattern.match``."""
        pattern = (
            (self._ascii or self._made()) if string.isascii() else (self._wide or self._made_wide())
        )
        return pattern.match(string, pos, endpos)

    def fullmatch(self, string: str, pos: int = 0, endpos: int = _END) -> re.Match[str] | None:
        """As ``re.Pattern.fullmatch``."""
        pattern = (
            (self._ascii or self._made()) if string.isascii() else (self._wide or self._made_wide())
        )
        return pattern.fullmatch(string, pos, endpos)

    def finditer(self, string: str, pos: int = 0, endpos: int = _END) -> Iterator[re.Match[str]]:
        """As ``re.Pattern.finditer``."""
        pattern = (
            (self._ascii or self._made()) if string.isascii() else (self._wide or self._made_wide())
        )
        return pattern.finditer(string, pos, endpos)

    def findall(self, string: str, pos: int = 0, endpos: int = _END) -> list[Any]:
        """As ``re.Pattern.findall``."""
        pattern = (
            (self._ascii or self._made()) if string.isascii() else (self._wide or self._made_wide())
        )
        return pattern.findall(string, pos, endpos)

    def sub(self, repl: Replacement, string: str, count: int = 0) -> str:
        """As ``re.Pattern.sub``."""
        pattern = (
            (self._ascii or self._made()) if string.isascii() else (self._wide or self._made_wide())
        )
        return pattern.sub(repl, string, count)

    def subn(self, repl: Replacement, string: str, count: int = 0) -> tuple[str, int]:
        """As ``re.Pattern.subn``."""
        pattern = (
            (self._ascii or self._made()) if string.isascii() else (self._wide or self._made_wide())
        )
        return pattern.subn(repl, string, count)

    def split(self, string: str, maxsplit: int = 0) -> list[str | Any]:
        """As ``re.Pattern.split``."""
        pattern = (
            (self._ascii or self._made()) if string.isascii() else (self._wide or self._made_wide())
        )
        return pattern.split(string, maxsplit)

    def __reduce__(self) -> tuple[Any, ...]:
        return TwinPattern, (self.pattern, self._unicode.flags)

    def __repr__(self) -> str:
        return f"TwinPattern({self._unicode!r})"

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, TwinPattern):
            return NotImplemented
        return self._unicode == other._unicode

    def __hash__(self) -> int:
        return hash(self._unicode)


def compile(pattern: str | TwinPattern, flags: int = 0) -> TwinPattern:
    """``re.compile(pattern, flags)`` that reads ASCII text with ASCII classes.

    >>> compile(r"\\s+").split("a\\x1fb c")  # the separator is space here too
    ['a', 'b', 'c']
    """
    if isinstance(pattern, TwinPattern):
        if flags:
            raise ValueError("cannot process flags argument with a compiled pattern")
        return pattern
    return TwinPattern(pattern, flags)
