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

from array import array
from collections.abc import Collection, Mapping
from itertools import compress
from operator import gt, is_not
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
#: The class of the cells held as text.
_TEXT: Final = frozenset({str})
#: The references to the first cells of a row, made once.
_SAME_CODES: Final = tuple(f"{_SAME}{number:x}" for number in range(256))
#: A cell left out: its text is given on reading back (ASCII's file separator).
_GIVEN: Final = "\x1c"
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

    __slots__ = ("_known", "_met", "_repeated", "_shared")

    def __init__(self) -> None:
        self._met: dict[str, str] = {}
        self._known: set[str] = set()
        self._repeated = Texts()
        self._shared = Shared()

    def hold(
        self, values: Collection[object], given: Collection[int] = ()
    ) -> tuple[bytes, Texts] | tuple[tuple[object, ...], None]:
        """What to hold for a row's cells ``values``: its compact text and the table its
        references point into, or (not all text) a tuple of the cells and ``None``.

        The cells numbered ``given`` are left out of the text (whoever reads it back
        gives them again: the event holds their very text)."""
        if not _TEXT.issuperset(map(type, values)):
            # A cell that is not text (the list of cells past the header), or text of a
            # class of its own (rows given in Python): held as it is.
            return tuple(map(self._shared, values)), None
        text = _SEPARATOR.join(values)  # type: ignore[arg-type]
        if text.count(_SEPARATOR) != len(values) - 1 or _controls(text):
            return self._shared.many(values), None
        cells: list[str] = list(values)  # type: ignore[arg-type]
        for number in given:
            cells[number] = _GIVEN
        if len(self._met) >= _MAX_TEXTS:
            self._met, self._known, self._repeated = {}, set(), Texts()
        # Each text's first object met in the read, or its reference once it has one.
        found = list(map(self._met.setdefault, cells, cells))
        # A text met before, in the read or in its row, with no reference yet: one Python
        # step per such cell (map and compress: none for the rest).
        again = map(gt, map(is_not, found, cells), map(self._known.__contains__, found))
        for number in list(compress(range(len(cells)), again)):
            found[number] = self._code(cells, number, found[number])
        return _SEPARATOR.join(found).encode("utf-8", "surrogatepass"), self._repeated

    def _code(self, cells: list[str], number: int, first: str) -> str:
        """What to write for ``cells[number]``, a text met before (``first``, the object
        it was first met as): a reference to the read's table, or to an earlier cell of
        the row where the read met it first; itself when it is too short to gain."""
        text = cells[number]
        now = self._met[text]
        if now is not first:  # referenced by an earlier cell of this row
            return now
        if len(text) < _MIN_REPEATED:
            self._known.add(text)
            return text
        at = cells.index(text)
        if at < number and cells[at] is first:  # met first in this row: no table entry
            return _SAME_CODES[at] if at < len(_SAME_CODES) else f"{_SAME}{at:x}"
        code = self._met[text] = f"{_REFERENCE}{len(self._repeated):x}"
        self._known.add(code)
        self._repeated.append(text)
        return code

    def clear(self) -> None:
        """Forget the texts seen (at the end of a read); the table, which what was held
        points into, stays with those who hold it."""
        self._met, self._known, self._repeated = {}, set(), Texts()
        self._shared.clear()


def _controls(text: str) -> bool:
    """Whether ``text`` holds a control character of this encoding (not :data:`_SEPARATOR`)."""
    return _GIVEN in text or _SAME in text or _REFERENCE in text


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
    if not _controls(text):
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
