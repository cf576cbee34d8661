"""A row's cells held as one compact text until written back (memory per held event).

A table reader's event holds the cells of its row until a writer asks what to keep
(:class:`~._keep.Keeping`). Held as a tuple of text objects, a row of UCDP's 49 cells
costs a pointer and an object header per cell; held as one UTF-8 text, the cells
joined, it costs their characters and one header. Texts that repeat within a read (a
conflict's name, a region, a source) are held once, in a table of the read, and the
row holds a short reference to them instead.

A row of cells that are not all text, or with a text holding one of the two control
characters this encoding uses, is held as a tuple (equal texts one object), as
before: nothing is lost either way.
"""

from __future__ import annotations

import re
from array import array
from collections.abc import Collection, Mapping
from typing import Final

from ._memo import Shared

__all__ = ["RowTexts", "row_cells"]

#: Between a row's cells (ASCII's unit separator).
_SEPARATOR: Final = "\x1f"
#: Opens a cell that is a repeated text: its number in the read's table follows, in hex
#: (ASCII's record separator).
_REFERENCE: Final = "\x1e"
#: Opens a cell that is the text of an earlier cell of its row: that cell's number
#: follows, in hex (ASCII's group separator).
_SAME: Final = "\x1d"
#: A cell left out: its text is given on reading back (ASCII's file separator).
_GIVEN: Final = "\x1c"
#: A text holding one of them is not held as text.
_CONTROL: Final = re.compile("[\x1c-\x1e]")
#: Shorter texts are written out: a reference would not be shorter.
_MIN_REPEATED: Final = 4
#: Texts in one table (and distinct texts remembered to find repeats): past this a new
#: table starts, so that the lookups of a long read stay bounded.
_MAX_TEXTS: Final = 65_536


class RowTexts:
    """One read's rows of text cells, each held as one compact text (:meth:`hold`), and
    read back by :func:`row_cells`.

    Not thread-safe while a read uses it (one read, one thread); what it gave may be
    read back from any thread, also after :meth:`clear`.

    >>> texts = RowTexts()
    >>> first = texts.hold(["1", "Syria: Government", "Idlib"])
    >>> second = texts.hold(["2", "Syria: Government", "Aleppo"])
    >>> row_cells(*second)
    ('2', 'Syria: Government', 'Aleppo')
    >>> len(second[0]) < len("2Syria: GovernmentAleppo")
    True
    >>> texts.hold(["a", ["surplus", "cells"]])  # not all text: a tuple
    (('a', ['surplus', 'cells']), None)
    """

    __slots__ = ("_codes", "_repeated", "_seen", "_shared")

    def __init__(self) -> None:
        self._seen: dict[str, None] = {}
        self._codes: dict[str, str] = {}
        self._repeated = Texts()
        self._shared = Shared()

    def hold(
        self, values: Collection[object], given: Collection[int] = ()
    ) -> tuple[bytes, Texts] | tuple[tuple[object, ...], None]:
        """What to hold for a row's cells ``values``: its compact text and the table its
        references point into, or (not all text) a tuple of the cells and ``None``.

        The cells numbered ``given`` are left out of the text (whoever reads it back
        gives them again: the event holds their very text)."""
        try:
            text = _SEPARATOR.join(values)  # type: ignore[arg-type]
        except TypeError:  # a cell that is not text (a list of the cells past the header)
            return tuple(map(self._shared, values)), None
        if text.count(_SEPARATOR) != len(values) - 1 or _CONTROL.search(text):
            return self._shared.many(values), None
        if given:
            values = list(values)
            for number in given:
                values[number] = _GIVEN
        if len(self._repeated) >= _MAX_TEXTS:
            self._repeated, self._codes = Texts(), {}
        seen = self._seen
        cells: list[str] = list(map(self._codes.get, values, values))  # type: ignore[arg-type]
        first: dict[str, int] = {}
        for number, cell in enumerate(cells):
            if len(cell) < _MIN_REPEATED:
                continue  # (a reference too: it is no shorter)
            if cell in seen:  # seen in an earlier row: repeated from now on
                cells[number] = self._code(cell)
            elif (at := first.setdefault(cell, number)) != number:
                cells[number] = f"{_SAME}{at:x}"
        text = _SEPARATOR.join(cells)
        if len(seen) >= _MAX_TEXTS:
            seen.clear()
        seen.update(dict.fromkeys(values))  # type: ignore[arg-type]
        return text.encode("utf-8", "surrogatepass"), self._repeated

    def _code(self, text: str) -> str:
        """The reference to ``text`` (seen before in this read), added to the table;
        ``text`` itself when it is too short to gain."""
        if len(text) < _MIN_REPEATED:
            return text
        code = self._codes.get(text)
        if code is None:
            code = self._codes[text] = f"{_REFERENCE}{len(self._repeated):x}"
            self._repeated.append(text)
        return code

    def clear(self) -> None:
        """Forget the texts seen (at the end of a read); the table, which what was held
        points into, stays with those who hold it."""
        self._seen, self._codes, self._repeated = {}, {}, Texts()
        self._shared.clear()


def row_cells(
    held: bytes, repeated: Texts | None, given: Mapping[int, str] | None = None
) -> tuple[str, ...]:
    """The cells of a row :meth:`RowTexts.hold` gave as ``held``, ``repeated`` its table;
    ``given``: the text of each cell left out, by its number.

    >>> row_cells("a\\x1fb".encode(), None)
    ('a', 'b')
    """
    text = held.decode("utf-8", "surrogatepass")
    cells = text.split(_SEPARATOR)
    if not _CONTROL.search(text):
        return tuple(cells)
    read: list[str] = []
    for cell in cells:
        if cell[:1] == _REFERENCE and repeated is not None:
            cell = repeated.text(int(cell[1:], 16))
        elif cell[:1] == _SAME:
            cell = read[int(cell[1:], 16)]
        elif cell == _GIVEN and given is not None:
            cell = given[len(read)]
        read.append(cell)
    return tuple(read)


class Texts:
    """Texts added one after another, held as their UTF-8 bytes end to end (no object
    per text); :meth:`text` gives one back by its number."""

    __slots__ = ("_data", "_ends")

    def __init__(self) -> None:
        self._data = bytearray()
        self._ends = array("Q")

    def __len__(self) -> int:
        return len(self._ends)

    def append(self, text: str) -> None:
        """Add ``text`` (number ``len(self)``)."""
        self._data += text.encode("utf-8", "surrogatepass")
        self._ends.append(len(self._data))

    def text(self, number: int) -> str:
        """The text added as ``number``."""
        start = self._ends[number - 1] if number else 0
        return self._data[start : self._ends[number]].decode("utf-8", "surrogatepass")
