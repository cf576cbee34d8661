"""Reading a dataset's repeated cells once: a part of a row worked out once per distinct value.

Datasets repeat themselves: a day of GDELT has a handful of dates, a few hundred
places and actors, and every row names them again. A :class:`Memo` works a part of a
row (a date, an actor, a place) out once per distinct tuple of its cells and gives
every later row the same value (values are immutable, so rows share them: less time,
and less memory per held event) and the same warnings, replayed in order.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable, Iterable, Mapping
from typing import Final, Generic, TypeVar

from ._rows import Warn

__all__ = ["Memo", "Said", "Shared"]

K = TypeVar("K", bound=Hashable)
V = TypeVar("V")
T = TypeVar("T")

#: The warnings one part of a row gave: ``(code, message, column)``.
Said = tuple[tuple[str, str, "str | None"], ...]

#: Distinct values kept per part; past this the memo starts again (bounded memory).
MAX_ENTRIES: Final = 65_536


class Memo(Generic[K, V]):
    """The value (and warnings) of ``compute`` for each distinct key, worked out once.

    ``compute`` is given a warning callback; what it says is recorded and said again
    for every row with the same key. An exception is not remembered: it propagates.

    >>> said = []
    >>> memo = Memo(lambda key, warn: warn("odd", key) or key.upper())
    >>> memo.get("a", lambda code, message, column=None: said.append(message))
    'A'
    >>> memo.get("a", lambda code, message, column=None: said.append(message)), said
    ('A', ['a', 'a'])
    """

    __slots__ = ("_compute", "_entries", "_size")

    def __init__(self, compute: Callable[[K, Warn], V], size: int = MAX_ENTRIES) -> None:
        self._compute = compute
        self._entries: dict[K, tuple[V, Said]] = {}
        self._size = size

    @property
    def entries(self) -> Mapping[K, tuple[V, Said]]:
        """The values worked out so far and what each said, by key (one mapping for the
        memo's life: a caller may keep it to look a key up without a call of :meth:`get`)."""
        return self._entries

    def get(self, key: K, warn: Warn) -> V:
        """The value for ``key``; its warnings are given to ``warn``."""
        found = self._entries.get(key)
        if found is None:
            said: list[tuple[str, str, str | None]] = []

            def record(code: str, message: str, *, column: str | None = None) -> None:
                said.append((code, message, column))

            value = self._compute(key, record)
            found = (value, tuple(said))
            if len(self._entries) >= self._size:
                self._entries.clear()
            self._entries[key] = found
        value, warnings = found
        for code, message, column in warnings:
            warn(code, message, column=column)
        return value

    def clear(self) -> None:
        """Forget every value (at the end of a read)."""
        self._entries.clear()


class Shared:
    """One object for equal cells: a row's cells, held until written back, cost their
    text once per distinct value rather than once per row.

    >>> share = Shared()
    >>> a, b = share("".join(["RUS", "MIL"])), share("".join(["RUSM", "IL"]))
    >>> a is b
    True
    """

    __slots__ = ("_size", "_values")

    def __init__(self, size: int = 4 * MAX_ENTRIES) -> None:
        self._values: dict[object, object] = {}
        self._size = size

    def __call__(self, value: V) -> V:
        if type(value) is not str:
            return value
        values = self._values
        if len(values) >= self._size:
            values.clear()
        return values.setdefault(value, value)  # type: ignore[return-value]

    def many(self, values: Iterable[object]) -> tuple[object, ...]:
        """:meth:`__call__` of each of ``values`` (text cells, as read from a file)."""
        table = self._values
        if len(table) >= self._size:
            table.clear()
        cells = tuple(values)
        return tuple(map(table.setdefault, cells, cells))

    def clear(self) -> None:
        """Forget every value (at the end of a read)."""
        self._values.clear()
