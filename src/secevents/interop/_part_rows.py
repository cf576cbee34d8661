"""The typed reader of a format read in parts: each part of a row worked out once per read.

A UCDP or ACLED row's event is made of parts (the date, the place, the actors, the
sources...), each read from a few cells by a :class:`~._columnar.Part` (the same parts
the Arrow path reads). Within one read, :class:`PartFields` works each part out once
per distinct tuple of its cells (:class:`~._memo.Memo`): rows with equal cells get the
same immutable values (one object, held once, for every event of the read) and the
same warnings, in the same order. Equal actors and sources that different parts give
(a group named in ``actor1`` of one row and ``actor2`` of another; a publisher in
several source cells) are one object too (:class:`OneOfEach`).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from enum import Enum
from typing import Any, Final, Generic, TypeVar

import attrs

from ..model.actors import Actor
from ..model.provenance import Source
from ._columnar import Part
from ._memo import MAX_ENTRIES, Memo
from ._row_text import RowTexts
from ._rows import Warn

__all__ = ["OneOfEach", "PartFields", "PartRows"]

T = TypeVar("T")

#: A row's cell reader (:func:`~._tabular.cells_of`: stripped text).
Cell = Callable[[str], str]


class PartFields:
    """The fields ``parts`` give a row (a new dict each call; the class part gives
    ``"__class__"``), each part worked out once per distinct cells when ``remember``.

    For parts that keep no cells in place of the row's (:func:`~._columnar.cells_part`).
    A part that raises is worked out again with the row's own ``warn``, so what it said
    before raising is said, as reading the row alone says it.

    >>> from secevents.interop._columnar import cells_part
    >>> part = cells_part(("n",), lambda cell, warn: {"n": (int(cell("n")),)}, "n")
    >>> fields = PartFields((part,))
    >>> one, two = fields({"n": "7"}.__getitem__, print), fields({"n": "7"}.__getitem__, print)
    >>> one == two, one["n"] is two["n"]
    (True, True)
    """

    __slots__ = ("_one", "_parts")

    def __init__(self, parts: Sequence[Part], *, remember: bool = True) -> None:
        self._one = OneOfEach()
        memos = [Memo(self._shared(part.read)) if remember else None for part in parts]
        self._parts = tuple(
            (part.columns, part.read, memo, None if memo is None else memo.entries)
            for part, memo in zip(parts, memos, strict=True)
        )

    def _shared(
        self, read: Callable[[tuple[str, ...], Warn], tuple[dict[str, Any], Any]]
    ) -> Callable[[tuple[str, ...], Warn], tuple[dict[str, Any], Any]]:
        one = self._one

        def shared(key: tuple[str, ...], warn: Warn) -> tuple[dict[str, Any], Any]:
            fields, over = read(key, warn)
            return {name: one(value) for name, value in fields.items()}, over

        return shared

    def __call__(self, cell: Cell, warn: Warn) -> dict[str, Any]:
        fields: dict[str, Any] = {}
        for columns, read, memo, entries in self._parts:
            key = tuple(map(cell, columns))
            if memo is None or entries is None:
                fields.update(read(key, warn)[0])
                continue
            found = entries.get(key)
            if found is not None and not found[1]:  # worked out, said nothing: the commonest
                fields.update(found[0][0])
                continue
            try:
                fields.update(memo.get(key, warn)[0])
            except Exception:  # said nothing: say it as the row alone does, and raise
                fields.update(read(key, warn)[0])
        return fields

    def clear(self) -> None:
        """Forget every value (at the end of a read)."""
        for _, _, memo, _ in self._parts:
            if memo is not None:
                memo.clear()
        self._one.clear()


#: The classes :class:`OneOfEach` shares, and the types of field it compares them by.
_SHARED: Final = frozenset({Actor, Source})
_PLAIN: Final = (str, type(None))


class OneOfEach:
    """One object for equal actors and sources (alone or in a tuple) of one read.

    Only values that cannot differ while equal are shared: every field text (exactly
    ``str``), ``None``, an enum member or empty (a date, a number or kept keys: not
    shared, ``0.0 == -0.0``).

    >>> from secevents import ActorKind
    >>> one, kind = OneOfEach(), ActorKind.ARMED_GROUP
    >>> a = one(Actor(kind=kind, name="Taliban"))
    >>> b = one((Actor(kind=kind, name="Taliban"), Actor(kind=kind, name="RSF")))
    >>> b[0] is a, one("text")
    (True, 'text')
    """

    __slots__ = ("_values",)

    def __init__(self) -> None:
        self._values: dict[tuple[object, ...], Any] = {}

    def __call__(self, value: Any) -> Any:
        kind = type(value)
        if kind is tuple and value and all(type(item) in _SHARED for item in value):
            return tuple(map(self._one, value))
        return self._one(value) if kind in _SHARED else value

    def _one(self, value: Any) -> Any:
        fields = attrs.astuple(value, recurse=False)
        for field in fields:
            if not (type(field) in _PLAIN or isinstance(field, Enum) or field == ()):
                return value
        values = self._values
        if len(values) >= MAX_ENTRIES:
            values.clear()
        # (The types too: a text and an enum member of that text are equal keys.)
        return values.setdefault((type(value), tuple(map(type, fields)), fields), value)

    def clear(self) -> None:
        """Forget every value (at the end of a read)."""
        self._values.clear()


class PartRows(Generic[T]):
    """The converter of one read (``TableFormat.per_read``): ``convert(row, warn, texts,
    fields)`` is given a :class:`~._row_text.RowTexts` and a :class:`PartFields` of this
    read, so that rows are held as compact texts and equal parts are one object across
    its events."""

    __slots__ = ("_convert", "_fields", "_texts")

    def __init__(
        self,
        convert: Callable[[dict[str, Any], Warn, RowTexts, PartFields], T],
        parts: Sequence[Part],
    ) -> None:
        self._convert = convert
        self._fields = PartFields(parts)
        self._texts = RowTexts()

    def __call__(self, row: dict[str, Any], warn: Warn) -> T:
        return self._convert(row, warn, self._texts, self._fields)

    def clear(self) -> None:
        """Forget every value (at the end of a read)."""
        self._texts.clear()
        self._fields.clear()
