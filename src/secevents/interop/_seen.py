"""The ids one read has given, to report two records that get the same one.

A dataset with millions of rows must not cost a Python string per row: each id
is kept as a 64-bit hash (two ids of different records share one with odds of
about 1 in 10**12 at a million rows) with the row that gave it, in flat arrays:
12 bytes a slot (the row in 32 bits, 64 past four billion rows), two to four slots
an id, so about 25 MB a million ids (37 MB while the table doubles).
"""

from __future__ import annotations

import hashlib
import sys
from array import array
from typing import Final

__all__ = ["SeenIds"]

_EMPTY: Final = 0
#: The largest row a 32-bit slot holds.
_MAX_ROW: Final = 2**32 - 1


class SeenIds:
    """A set of ids, each with the first row that gave it.

    >>> seen = SeenIds()
    >>> seen.add("coded_event--1", 1), seen.add("coded_event--2", 2), seen.add("coded_event--1", 3)
    (None, None, 1)
    >>> len(seen)
    2
    """

    def __init__(self) -> None:
        self._keys = _zeros("Q", 64)
        self._rows = _zeros("I", 64)
        self._count = 0

    def __len__(self) -> int:
        return self._count

    def __sizeof__(self) -> int:
        return object.__sizeof__(self) + sys.getsizeof(self._keys) + sys.getsizeof(self._rows)

    def add(self, ident: str, row: int) -> int | None:
        """Keep ``ident`` as given by ``row``; the earlier row that gave it, if any."""
        key = _hash(ident)
        keys = self._keys
        mask = len(keys) - 1
        slot = key & mask
        while True:
            found = keys[slot]
            if found == _EMPTY:
                break
            if found == key:
                return int(self._rows[slot])
            slot = (slot + 1) & mask
        keys[slot] = key
        if row > _MAX_ROW and self._rows.typecode != "Q":
            self._rows = array("Q", self._rows)
        self._rows[slot] = row
        self._count += 1
        if 2 * self._count > len(keys):
            self._grow()
        return None

    def _grow(self) -> None:
        old_keys, old_rows = self._keys, self._rows
        size = 2 * len(old_keys)
        self._keys = keys = _zeros("Q", size)
        self._rows = rows = _zeros(old_rows.typecode, size)
        mask = size - 1
        for key, row in zip(old_keys, old_rows, strict=True):
            if key == _EMPTY:
                continue
            slot = key & mask
            while keys[slot] != _EMPTY:
                slot = (slot + 1) & mask
            keys[slot] = key
            rows[slot] = row


def _zeros(typecode: str, size: int) -> array[int]:
    """An array of ``size`` zeros, allocated to size (``array(code, bytes(n))`` is not)."""
    return array(typecode, [0]) * size


def _hash(ident: str) -> int:
    digest = hashlib.blake2b(ident.encode("utf-8", "surrogatepass"), digest_size=8).digest()
    return int.from_bytes(digest, "little") or 1  # 0 marks an empty slot
