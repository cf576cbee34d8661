"""Size limits for reading files that may be hostile: a line, a cell, a record, a ratio.

Every reader stops with a :class:`~secevents.errors.LimitError` naming the file,
the line and the limit when input passes one, instead of filling memory. The
defaults are far above what real data holds; pass ``limits=Limits(...)`` to a
reader to raise one.
"""

from __future__ import annotations

from typing import Final

import attrs

__all__ = ["DEFAULT_LIMITS", "Limits"]

_MIB: Final = 1 << 20


def _positive(inst: object, attribute: attrs.Attribute[int], value: int) -> None:
    if type(value) is not int or value < 1:
        raise ValueError(f"{attribute.name} must be a positive int, not {value!r}")


@attrs.frozen(kw_only=True)
class Limits:
    """The most a reader takes in one piece of input.

    - ``max_line``: characters in one line of a file (JSON Lines, a table, PLOVER);
    - ``max_cell``: characters in one cell of a quoted CSV file;
    - ``max_record``: characters in one record: a CSV row whose quoted cells run
      over several lines, one element of a PLOVER JSON array;
    - ``max_ratio``: how many times larger than its compressed size a ``.gz`` or
      ``.zip`` file may grow, checked once :data:`RATIO_FREE` bytes are out;
    - ``max_blank``: blank lines in a row (a file of nothing else would otherwise be
      read to its end however long it is).

    >>> Limits(max_cell=8 << 20).max_cell
    8388608
    >>> Limits().max_line
    16777216
    """

    max_line: int = attrs.field(default=16 * _MIB, validator=_positive)
    max_cell: int = attrs.field(default=1 * _MIB, validator=_positive)
    max_record: int = attrs.field(default=16 * _MIB, validator=_positive)
    max_ratio: int = attrs.field(default=100, validator=_positive)
    max_blank: int = attrs.field(default=1 * _MIB, validator=_positive)


#: The limits readers use when given none.
DEFAULT_LIMITS: Final = Limits()
#: Decompressed bytes always allowed before ``max_ratio`` is checked (small files
#: of repeated lines compress far better than 100 to 1).
RATIO_FREE: Final = 8 * _MIB
