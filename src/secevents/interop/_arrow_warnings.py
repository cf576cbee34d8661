"""The warnings of a columnar read (:mod:`._columnar`), kept as arrays.

A million rows may give a hundred thousand warnings, most of them one of a few
texts said again for every row with the same cells: a file's warnings are kept as
three arrays (the row, which of the file's texts, the line) and made into
:class:`~secevents.interop.RowWarning` objects only when looked at.
"""

from __future__ import annotations

import bisect
from collections.abc import Sequence
from typing import Any, overload

import attrs

from ._rows import RowWarning

__all__ = ["Found", "Said", "Warnings", "found_in_parts"]

#: What a warning says: its code, message and column.
Said = tuple[str, str, "str | None"]


@attrs.frozen
class Found:
    """A file's warnings in order, as numpy arrays: the row of each (``rows``: numbered in
    the read, from 1), the index of what it says in ``said`` (``which``) and the line
    its row starts on (``lines``: -1 where not known; ``None``: none known)."""

    rows: Any
    which: Any
    said: list[Said]
    lines: Any = None

    @classmethod
    def of(cls, entries: Sequence[tuple[int, str, str, str | None, int | None]]) -> Found:
        """The warnings ``(row, code, message, column, line)``, in order.

        >>> found = Found.of([(3, "bad_value", "'x' is no date", "SQLDATE", 4)])
        >>> len(found), found.said[found.which[0]], found.lines.tolist()
        (1, ('bad_value', "'x' is no date", 'SQLDATE'), [4])
        """
        import numpy

        lines = [-1 if entry[4] is None else entry[4] for entry in entries]
        return cls(
            numpy.array([entry[0] for entry in entries], numpy.int64),
            numpy.arange(len(entries), dtype=numpy.int64),
            [(code, message, column) for _, code, message, column, _ in entries],
            numpy.array(lines, numpy.int64) if any(line >= 0 for line in lines) else None,
        )

    def __len__(self) -> int:
        return len(self.rows)

    def head(self, count: int) -> Found:
        """The first ``count`` warnings."""
        lines = None if self.lines is None else self.lines[:count]
        return Found(self.rows[:count], self.which[:count], self.said, lines)

    def with_lines(self, lines: Any, start: int) -> Found:
        """These warnings with lines: ``lines`` holds the line of each row of the file
        (a numpy array, -1 where not known; ``None``: none known), whose first row is
        row ``start + 1`` of the read."""
        if lines is None or not len(self):
            return self
        return attrs.evolve(self, lines=lines[self.rows - start - 1])

    def count(self, code: str) -> int:
        """How many warnings have ``code``."""
        import numpy

        chosen = [index for index, said in enumerate(self.said) if said[0] == code]
        return int(numpy.isin(self.which, chosen).sum()) if chosen else 0

    def rows_warned(self) -> int:
        """How many rows have a warning (``rows`` is sorted)."""
        import numpy

        return 0 if not len(self) else 1 + int(numpy.count_nonzero(numpy.diff(self.rows)))

    def merged(self, other: Found) -> Found:
        """These warnings and ``other``'s, by row (a row's own first)."""
        import numpy

        which = numpy.concatenate([self.which, numpy.asarray(other.which) + len(self.said)])
        rows = numpy.concatenate([self.rows, other.rows])
        order = numpy.argsort(rows, kind="stable")
        lines = None
        if self.lines is not None or other.lines is not None:
            lines = numpy.concatenate([_lines(self), _lines(other)])[order]
        return Found(rows[order], which[order], [*self.said, *other.said], lines)


def _lines(found: Found) -> Any:
    import numpy

    return numpy.full(len(found), -1, numpy.int64) if found.lines is None else found.lines


def found_in_parts(parts: Sequence[tuple[Any, dict[int, list[Said]], int]], start: int) -> Found:
    """The warnings of the rows whose parts had some, in the typed reader's order.

    Each part is ``(keys, warned, order)``: the index of each row's distinct cells
    (a numpy array), what was said for the cells of those that had warnings, and
    when the typed reader says them (a row's warnings go by ``order``, then in the
    order said). ``start``: the rows of the read before this file.

    >>> import numpy
    >>> dates = (numpy.array([0, 1, 0]), {1: [("bad_value", "no date", "SQLDATE")]}, 1)
    >>> codes = (numpy.array([0, 0, 1]), {0: [("repaired_code", "padded", None)]}, 0)
    >>> found = found_in_parts([dates, codes], 10)
    >>> [(int(row), found.said[which][0]) for row, which in zip(found.rows, found.which)]
    [(11, 'repaired_code'), (12, 'repaired_code'), (12, 'bad_value')]
    """
    import numpy

    said: list[Said] = []
    rows, which, orders = [], [], []
    for keys, warned, order in parts:
        if not warned:
            continue
        size = max(int(keys.max()) + 1 if len(keys) else 0, max(warned) + 1)
        first = numpy.zeros(size, numpy.int64)
        count = numpy.zeros_like(first)
        for key, notes in warned.items():
            first[key], count[key] = len(said), len(notes)
            said.extend(notes)
        chosen = numpy.flatnonzero(count[keys])
        each = count[keys[chosen]]
        offsets = numpy.cumsum(each) - each  # where each row's run of warnings starts
        within = numpy.arange(int(each.sum())) - numpy.repeat(offsets, each)
        rows.append(numpy.repeat(chosen, each))
        which.append(numpy.repeat(first[keys[chosen]], each) + within)
        orders.append(numpy.full(len(within), order, numpy.int64))
    if not rows:
        empty = numpy.zeros(0, numpy.int64)
        return Found(empty, empty, said)
    row, part = numpy.concatenate(rows), numpy.concatenate(orders)
    ranked = numpy.lexsort((part, row))  # stable: a part's warnings stay in order
    return Found(row[ranked] + start + 1, numpy.concatenate(which)[ranked], said)


class Warnings(Sequence[RowWarning]):
    """A read's warnings, made into :class:`~secevents.interop.RowWarning` objects when
    looked at (a million rows may have a hundred thousand warnings kept)."""

    def __init__(self) -> None:
        self._starts: list[int] = []
        self._blocks: list[tuple[Found, str | None]] = []
        self._count = 0

    def extend(self, found: Found, file: str | None) -> None:
        """Keep ``found`` (a file's warnings), from ``file``."""
        if len(found):
            self._starts.append(self._count)
            self._blocks.append((found, file))
            self._count += len(found)

    def __len__(self) -> int:
        return self._count

    @overload
    def __getitem__(self, index: int) -> RowWarning: ...

    @overload
    def __getitem__(self, index: slice) -> list[RowWarning]: ...

    def __getitem__(self, index: int | slice) -> RowWarning | list[RowWarning]:
        if isinstance(index, slice):
            return [self[i] for i in range(*index.indices(len(self)))]
        if index < 0:
            index += len(self)
        if not 0 <= index < len(self):
            raise IndexError("warning index out of range")
        block = bisect.bisect_right(self._starts, index) - 1
        found, file = self._blocks[block]
        at = index - self._starts[block]
        code, message, column = found.said[found.which[at]]
        line = -1 if found.lines is None else int(found.lines[at])
        return RowWarning(
            int(found.rows[at]),
            code,
            message,
            column=column,
            line=None if line < 0 else line,
            file=file,
        )

    def __eq__(self, other: object) -> bool:
        if isinstance(other, Warnings | list):
            return list(self) == list(other)
        return NotImplemented

    __hash__ = None  # type: ignore[assignment]

    def __repr__(self) -> str:
        return f"<{len(self)} warnings>"
