"""The ids one read has given, to report two records that get the same one.

A dataset with millions of rows must not cost a Python string per row: each id
is kept as a 64-bit hash (two ids of different records share one with odds of
about 1 in 10**12 at a million rows) with the row that gave it, in flat arrays:
12 bytes a slot (the row in 32 bits, 64 past four billion rows), two to four slots
an id. Past :data:`MEMORY_IDS` ids (at most about 6 MB in memory) the table moves
to a private temporary SQLite file, which SQLite deletes when it is closed: the
memory a read holds for its ids then stays at SQLite's page cache (2 MB) however
many rows it reads, and every id is still looked up exactly, as it is read, so
each duplicate is reported at its row as before.
"""

from __future__ import annotations

import hashlib
import sqlite3
import sys
from array import array
from typing import Final

__all__ = ["MEMORY_IDS", "SeenIds"]

_EMPTY: Final = 0
#: The largest row a 32-bit slot holds.
_MAX_ROW: Final = 2**32 - 1
#: Ids held in memory before the table moves to disk.
MEMORY_IDS: Final = 2**17
#: SQLite's page cache for the table on disk, in KiB (a negative ``cache_size``).
_CACHE_KIB: Final = 2048
_INSERT: Final = "INSERT OR IGNORE INTO seen (key, row) VALUES (?, ?)"
_FIRST: Final = "SELECT row FROM seen WHERE key = ?"


class SeenIds:
    """A set of ids, each with the first row that gave it.

    >>> seen = SeenIds()
    >>> seen.add("coded_event--1", 1), seen.add("coded_event--2", 2), seen.add("coded_event--1", 3)
    (None, None, 1)
    >>> len(seen)
    2
    """

    def __init__(self, memory_ids: int | None = None) -> None:
        self._keys = _zeros("Q", 64)
        self._rows = _zeros("I", 64)
        self._count = 0
        self._memory_ids = MEMORY_IDS if memory_ids is None else memory_ids
        self._disk: sqlite3.Connection | None = None
        self._cursor: sqlite3.Cursor | None = None

    def __len__(self) -> int:
        return self._count

    def __sizeof__(self) -> int:
        return object.__sizeof__(self) + sys.getsizeof(self._keys) + sys.getsizeof(self._rows)

    @property
    def on_disk(self) -> bool:
        """Whether the table has moved to its temporary file."""
        return self._disk is not None

    def close(self) -> None:
        """Forget every id and delete the temporary file, if any (also done when it is
        garbage collected)."""
        if self._disk is not None:
            self._disk.close()
        self._disk = self._cursor = None
        self._keys, self._rows, self._count = _zeros("Q", 64), _zeros("I", 64), 0

    def add(self, ident: str, row: int) -> int | None:
        """Keep ``ident`` as given by ``row``; the earlier row that gave it, if any."""
        key = _hash(ident)
        if self._cursor is not None:
            return self._add_on_disk(key, row)
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
        if self._count > self._memory_ids:
            self._to_disk()
        elif 2 * self._count > len(keys):
            self._grow()
        return None

    def _to_disk(self) -> None:
        """Move the table to a temporary SQLite file: its pages beyond a small cache
        stay on disk. Keys are stored signed (SQLite's integers are 64-bit signed)."""
        disk = sqlite3.connect("", isolation_level=None, check_same_thread=False)
        for pragma in ("journal_mode = OFF", "synchronous = OFF", f"cache_size = -{_CACHE_KIB}"):
            disk.execute(f"PRAGMA {pragma}")
        disk.execute("CREATE TABLE seen (key INTEGER PRIMARY KEY, row INTEGER NOT NULL)")
        disk.execute("BEGIN")  # never committed: the file is private and deleted on close
        held = zip(self._keys, self._rows, strict=True)  # streamed, not copied
        disk.executemany(_INSERT, ((_signed(key), row) for key, row in held if key))
        self._keys, self._rows = _zeros("Q", 1), _zeros("I", 1)
        self._disk, self._cursor = disk, disk.cursor()

    def _add_on_disk(self, key: int, row: int) -> int | None:
        cursor = self._cursor
        assert cursor is not None
        signed = _signed(key)
        cursor.execute(_INSERT, (signed, row))
        if cursor.rowcount:
            self._count += 1
            return None
        first: int = cursor.execute(_FIRST, (signed,)).fetchone()[0]
        return first

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


def _signed(key: int) -> int:
    return key - 2**64 if key >= 2**63 else key


def _hash(ident: str) -> int:
    digest = hashlib.blake2b(ident.encode("utf-8", "surrogatepass"), digest_size=8).digest()
    return int.from_bytes(digest, "little") or 1  # 0 marks an empty slot
