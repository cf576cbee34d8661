"""Text as the name and place finders match it: NFC, without invisible characters.

"Ko" + U+0308 + "ln" is "Köln", "Ku" + ZERO WIDTH SPACE + "lob" is "Kulob", and a
right-to-left override or a NUL inside a name is no part of it. The finders read
the cleaned text; :meth:`MatchingText.restore` takes what they found back to the
offsets of the text they were given, so evidence still indexes it.
"""

from __future__ import annotations

import bisect
import re
import unicodedata
from typing import Final, TypeVar

import attrs

from .. import _fastre
from .._once import load_once
from ..errors import shown
from .result import Normalized, TextWarning

__all__ = ["MatchingText", "is_plain", "matching_text"]

T = TypeVar("T")

#: Control characters that are no white space (NUL, BEL, ESC, DEL...): never in a name.
_ASCII_CONTROL: Final = _fastre.compile(r"[\x00-\x08\x0e-\x1b\x7f]")
#: Characters that reorder what a reader sees: worth a warning where a name holds one.
_BIDI: Final = frozenset("\u061c\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")
# Unicode puts format characters in planes 0, 1 and 14 only (2 and 3 hold ideographs,
# 4 to 13 are unassigned, 15 and 16 are for private use): scanning those is enough.
_PLANES: Final = (range(0x20000), range(0xE0000, 0xF0000))
_WORD: Final = _fastre.compile(r"\S+")


@load_once
def _invisible() -> re.Pattern[str]:
    """Format characters (Cf) and the control characters (Cc) that are not white space."""
    found = [
        chr(code)
        for plane in _PLANES
        for code in plane
        if unicodedata.category(chr(code)) in ("Cf", "Cc") and not chr(code).isspace()
    ]
    return re.compile("[" + "".join(re.escape(c) for c in found) + "]")


@attrs.frozen(weakref_slot=False)
class MatchingText:
    """``text``, the form of ``original`` names are matched in, and the way back.

    ``pieces`` maps it back: each ``(at, start, end, same)`` says that ``text``
    from ``at`` on comes from ``original[start:end]``, character for character
    if ``same``, else as a whole (a letter and its marks composed). ``()``: the
    two texts are the same.

    >>> view = matching_text("near Ku\u200blob")
    >>> view.text, view.span(5, 10)
    ('near Kulob', (5, 11))
    """

    original: str
    text: str
    pieces: tuple[tuple[int, int, int, bool], ...] = attrs.field(default=(), repr=False)
    _ats: list[int] = attrs.field(init=False, repr=False, eq=False)

    def __attrs_post_init__(self) -> None:
        object.__setattr__(self, "_ats", [piece[0] for piece in self.pieces])

    def _where(self, index: int) -> tuple[int, int]:
        at, start, end, same = self.pieces[bisect.bisect_right(self._ats, index) - 1]
        if same:
            return start + index - at, start + index - at + 1
        return start, end

    def span(self, start: int, end: int) -> tuple[int, int]:
        """The span of ``original`` that ``text[start:end]`` was made from."""
        if not self.pieces or start >= end:
            return start, end
        return self._where(start)[0], self._where(end - 1)[1]

    def restore(self, result: Normalized[T]) -> Normalized[T]:
        """``result`` (found in :attr:`text`) with offsets and text of :attr:`original`,
        and a warning when the original span hides control or bidi characters."""
        if not self.pieces or result.start is None or result.end is None:
            return result
        start, end = self.span(result.start, result.end)
        surface = self.original[start:end]
        restored = attrs.evolve(result, start=start, end=end, text=surface)
        hidden = sorted({f"U+{ord(c):04X}" for c in surface if _shown_as_warning(c)})
        if not hidden:
            return restored
        warning = TextWarning(
            "control_character",
            f"{shown(surface, 60)} holds {', '.join(hidden)}: ignored in the name",
        )
        return restored.with_warnings(warning)


def _shown_as_warning(char: str) -> bool:
    """Control characters and bidi controls: invisible, and worse than a zero-width space."""
    return char in _BIDI or _ASCII_CONTROL.match(char) is not None or "\x80" <= char <= "\x9f"


def is_plain(text: str) -> bool:
    """Whether ``text`` is ASCII without control characters: names are matched in it as it
    is, and no span of it hides a character (no ``control_character`` warning).

    >>> is_plain("Kulob"), is_plain("Ku\u202elob"), is_plain("K\x07ulob")
    (True, False, False)
    """
    return text.isascii() and _ASCII_CONTROL.search(text) is None


def matching_text(text: str) -> MatchingText:
    """``text`` in NFC without format characters and non-space controls, with its map.

    Plain text (the usual case) costs one or two scans and is returned as is.

    >>> matching_text("Ko\u0308ln").text
    'Köln'
    >>> matching_text("Kulob").pieces
    ()
    """
    if text.isascii():
        if _ASCII_CONTROL.search(text) is None:
            return MatchingText(text, text)
    elif unicodedata.is_normalized("NFC", text) and _invisible().search(text) is None:
        return MatchingText(text, text)
    invisible = _invisible()
    out: list[str] = []
    pieces: list[tuple[int, int, int, bool]] = []
    length = done = 0
    for word in _WORD.finditer(text):
        begin, finish = word.span()
        surface = word.group()
        if (surface.isascii() and not _ASCII_CONTROL.search(surface)) or (
            unicodedata.is_normalized("NFC", surface) and not invisible.search(surface)
        ):
            continue
        if done < begin:
            out.append(text[done:begin])
            pieces.append((length, done, begin, True))
            length += begin - done
        for part, start, end in _clean_word(surface, invisible):
            out.append(part)
            pieces.append((length, begin + start, begin + end, False))
            length += len(part)
        done = finish
    if done < len(text):
        out.append(text[done:])
        pieces.append((length, done, len(text), True))
    return MatchingText(text, "".join(out), tuple(pieces))


def _clean_word(word: str, invisible: re.Pattern[str]) -> list[tuple[str, int, int]]:
    """A word that needs cleaning, as ``(text, start, end)`` parts: each letter with its
    marks composed, invisible characters left out."""
    parts: list[tuple[str, int, int]] = []
    i, n = 0, len(word)
    while i < n:
        if invisible.match(word, i):
            i += 1
            continue
        j = i + 1
        while j < n and (unicodedata.combining(word[j]) or invisible.match(word, j)):
            j += 1
        parts.append((unicodedata.normalize("NFC", invisible.sub("", word[i:j])), i, j))
        i = j
    whole = unicodedata.normalize("NFC", invisible.sub("", word))
    if "".join(part for part, _, _ in parts) != whole:
        return [(whole, 0, n)] if whole else []  # letters composing across parts (Hangul)
    return [part for part in parts if part[0]]
