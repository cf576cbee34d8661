"""Keeping what a dataset record said, so that writing the event back gives the record.

A reader maps what it can to fields, then renders the event with the format's
writer and keeps on the event (under the format's name, see :func:`keep_columns`)
every input value the rendering does not give back:

- a column no field stands for is kept as read (unless the writer gives that
  value anyway, like an empty cell) and is always written back;
- the columns one field writes form a group (a date, an actor, a place; by
  default each mapped column alone). When the writer does not give a group's
  cells back exactly, the cells it misses are kept under ``_original``, the
  columns the record lacked under ``_absent``, and what the writer gave for the
  group's columns under ``_read``. Writing puts them back only while the writer
  still renders every column of the group as it did on reading: a field edited
  since wins.

Rendering and comparing every row costs as much as reading it, and the kept dict
costs more memory than the event: a table reader (:meth:`Keeping.build`) keeps the
row's cells instead and works out what to keep when it is first asked for (by a
writer, :func:`kept_columns`, the wire format, a comparison), from the event as
read. What is kept is the same either way.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from typing import Any, Final, TypeVar

import attrs

from ..model.events import Event
from ..model.extra import UnknownKey, _content
from ._row_text import RowTexts, Texts, row_cells
from ._tables import EXTRA_CELLS

__all__ = [
    "ABSENT",
    "ORIGINAL",
    "READ",
    "Keeping",
    "KeptLater",
    "after_kept",
    "keep_columns",
    "kept_columns",
]

#: The kept key holding the cells of mapped columns that the fields do not give back.
ORIGINAL: Final = "_original"
#: The kept key listing the mapped columns a record lacked (JSON records).
ABSENT: Final = "_absent"
#: The kept key holding what the writer gave, on reading, for the groups kept.
READ: Final = "_read"
_MISSING: Final = object()
_PENDING: Final = object()
_MAX_LAYOUTS: Final = 256
E = TypeVar("E", bound=Event)
# The slots of UnknownKey, written directly by the kept value worked out later.
_KEY_SLOT: Final = UnknownKey.__dict__["key"]
_VALUE_SLOT: Final = UnknownKey.__dict__["value"]
_AFTER_SLOT: Final = UnknownKey.__dict__["after"]


def keep_columns(
    cls: type[Event], fields: Mapping[str, Any], dataset: str, columns: Mapping[str, Any]
) -> tuple[UnknownKey, ...]:
    """The ``extra`` holding a record's unmapped ``columns`` under the key ``dataset``.

    It is placed after the last field ``fields`` fills, where a JSON write puts
    it and a read finds it again, so events read back from JSON compare equal.
    Values are kept exactly (an integer past 64 bits stays an integer).
    """
    if not columns:
        return ()
    return (UnknownKey(dataset, dict(columns), _after(cls, fields)),)


def _after(cls: type[Event], fields: Mapping[str, Any]) -> str:
    """The last field ``fields`` fills (the kept columns follow it in JSON)."""
    after = "schema_version"
    for name in _field_names(cls):
        value = fields.get(name)
        if value is not None and not (isinstance(value, tuple | str) and not value):
            after = name
    return after


def last_filled(event: Event) -> str:
    """:func:`_after` of all the fields of ``event``: the last it fills, found from the end
    (a row's event fills one of its last fields: a step or two, not one per field)."""
    for name in _reversed_names(type(event)):
        value = getattr(event, name)
        if value is not None and not (isinstance(value, tuple | str) and not value):
            return name
    return "schema_version"


def after_kept(event: Event) -> str:
    """The field the columns kept on ``event`` follow in JSON (see :func:`keep_columns`),
    as if the event had no columns kept yet (no :class:`KeptLater` in its ``extra``)."""
    fields = _init_fields(event)
    fields["extra"] = tuple(item for item in event.extra if not isinstance(item, KeptLater))
    return _after(type(event), fields)


def _init_fields(event: Event) -> dict[str, Any]:
    return {f.name: getattr(event, f.name) for f in attrs.fields(type(event)) if f.init}


_NAMES: dict[type[Event], tuple[str, ...]] = {}
_REVERSED: dict[type[Event], tuple[str, ...]] = {}


def _field_names(cls: type[Event]) -> tuple[str, ...]:
    names = _NAMES.get(cls)
    if names is None:
        names = _NAMES[cls] = tuple(field.name for field in attrs.fields(cls))
    return names


def _reversed_names(cls: type[Event]) -> tuple[str, ...]:
    names = _REVERSED.get(cls)
    if names is None:
        names = _REVERSED[cls] = _field_names(cls)[::-1]
    return names


class KeptLater(UnknownKey):
    """Kept columns worked out when first asked for, from what a subclass holds and the
    event as read.

    Its ``value`` calls :meth:`work_out` once, then holds the result and lets go of
    the rest (the slots of the subclass). An event edited since (``attrs.evolve``)
    shares it, and so still keeps what the record said. Pickled, it is a plain
    :class:`~secevents.UnknownKey`. Threads may ask at once: each works the value out
    from the slots it read, or, finding them let go, takes the value another set.
    """

    __slots__ = ("_event",)
    _event: Event

    def work_out(self) -> dict[str, Any] | None:
        """The kept columns (``None``: the slots were let go, the value is set)."""
        raise NotImplementedError

    @property
    def value(self) -> Any:
        value = _VALUE_SLOT.__get__(self, UnknownKey)
        if value is _PENDING:
            worked = self.work_out()
            if worked is None:  # another thread set the value, then let go of the rest
                return _VALUE_SLOT.__get__(self, UnknownKey)
            value = worked
            _VALUE_SLOT.__set__(self, value)
            for cls in type(self).__mro__:  # what it was worked out from is no longer needed
                if cls is UnknownKey:
                    break
                for name in cls.__dict__.get("__slots__", ()):
                    object.__setattr__(self, name, None)
        return value

    @value.setter
    def value(self, value: Any) -> None:
        _VALUE_SLOT.__set__(self, value)

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, UnknownKey):
            return NotImplemented
        return self.key == other.key and _content(self.value) == _content(other.value)

    __hash__ = UnknownKey.__hash__

    def __reduce__(self) -> tuple[Any, ...]:
        return (UnknownKey, (self.key, self.value, self.after))

    @classmethod
    def pending(cls, dataset: str, after: str) -> Any:
        """A new one keeping under ``dataset``, placed ``after`` that field; the caller
        sets the slots of its class, and ``_event`` once the event is made."""
        item = object.__new__(cls)
        _KEY_SLOT.__set__(item, dataset)
        _VALUE_SLOT.__set__(item, _PENDING)
        _AFTER_SLOT.__set__(item, after)
        return item


class _KeptLater(KeptLater):
    """The columns a table reader keeps on an event: it holds the row's cells and
    renders the event as read and compares (:meth:`Keeping.kept`) when first asked."""

    __slots__ = ("_layout", "_texts", "_values")
    _layout: tuple[Keeping, tuple[str, ...]]
    _values: tuple[Any, ...] | bytes
    _texts: Texts | None

    def work_out(self) -> dict[str, Any] | None:
        # Read in the reverse of the order the slots are let go (``_layout`` first):
        # ``_layout`` still set means that the rest was read before any was let go.
        event, values, texts, layout = self._event, self._values, self._texts, self._layout
        if layout is None or values is None or event is None:
            return None
        keeping, keys = layout
        if type(values) is bytes:
            values = row_cells(values, texts, keeping.given(keys, event))
        return keeping.kept(dict(zip(keys, values, strict=True)), keeping.render(event))


def _kept_later(
    keeping: Keeping, row: Mapping[str, Any], item: _KeptLater, event: Event, texts: RowTexts | None
) -> None:
    """Set the slots of ``item``, the columns ``event`` keeps of ``row``."""
    layout = keeping.layout(row)
    values: tuple[Any, ...] | bytes
    if texts is None:
        values, table = tuple(row.values()), None
    elif keeping.held:
        cells = list(row.values())
        given = keeping.given(layout[1], event)
        values, table = texts.hold(cells, [n for n, text in given.items() if cells[n] == text])
    else:
        values, table = texts.hold(row.values())
    object.__setattr__(item, "_layout", layout)
    object.__setattr__(item, "_values", values)
    object.__setattr__(item, "_texts", table)
    object.__setattr__(item, "_event", event)


def kept_columns(event: Event, dataset: str) -> dict[str, Any]:
    """The unmapped columns an importer kept on ``event`` for ``dataset`` (empty if none)."""
    for item in event.extra:
        if item.key == dataset and isinstance(item.value, dict):
            return item.value
    return {}


@attrs.frozen
class Keeping:
    """How one format keeps records on events and writes them back.

    ``render`` is the format's writer for one event (nothing kept applied);
    ``groups`` are the columns each field writes, together; ``blank`` is the
    cell the writer gives when a field is empty (ICEWS: ``NA``). Tables set
    ``absent=False``: a mapped column a row lacks is the writer's to fill. JSON
    records set ``absent=True``: a key the record lacked is left out again.
    ``table`` names a table's columns: the writer gives ``blank`` in each that is in
    no group and not in ``filled``; it lets :meth:`build` work out what to keep later.
    ``held`` gives, for some columns, the field of an event that holds the text it
    was read from (``("notes", summary_of)``): :meth:`build` does not hold it twice.

    >>> import secevents as se
    >>> keeping = Keeping("demo", lambda e: {"date": str(e.date)}, (("date",),))
    >>> event = keeping.keep(se.Statement(date=se.DateSpan.parse("2021-10")),
    ...                      {"date": "Oct 2021", "note": "n"})
    >>> kept_columns(event, "demo")
    {'note': 'n', '_original': {'date': 'Oct 2021'}, '_read': {'date': '2021-10'}}
    >>> keeping.write(event)
    {'date': 'Oct 2021', 'note': 'n'}
    >>> keeping.write(attrs.evolve(event, date=se.DateSpan.parse("2022-01")))
    {'date': '2022-01', 'note': 'n'}
    """

    dataset: str
    render: Callable[[Event], Mapping[str, Any]]
    groups: tuple[tuple[str, ...], ...]
    blank: Any = ""
    absent: bool = False
    table: Sequence[str] = ()
    filled: frozenset[str] = frozenset()
    held: tuple[tuple[str, Callable[[Event], object]], ...] = ()
    _group_of: Mapping[str, tuple[str, ...]] = attrs.field(init=False, repr=False)
    _blank_columns: frozenset[str] = attrs.field(init=False, repr=False)
    _keys: dict[tuple[str, ...], tuple[Keeping, tuple[str, ...]]] = attrs.field(
        init=False, repr=False, eq=False, factory=dict
    )
    _held_at: dict[tuple[str, ...], tuple[tuple[int, Callable[[Event], object]], ...]] = (
        attrs.field(init=False, repr=False, eq=False, factory=dict)
    )

    def __attrs_post_init__(self) -> None:
        group_of = {column: group for group in self.groups for column in group}
        object.__setattr__(self, "_group_of", group_of)
        blank = frozenset(self.table) - frozenset(group_of) - self.filled
        object.__setattr__(self, "_blank_columns", blank)

    def build(
        self,
        cls: type[E],
        fields: dict[str, Any],
        row: Mapping[str, Any],
        *,
        after: str | None = None,
        texts: RowTexts | None = None,
    ) -> E:
        """The event ``cls(**fields)`` keeping what :meth:`kept` finds of ``row``.

        When ``row`` surely keeps something (a cell the writer never gives, such as
        a record id), the rendering and comparing wait until the kept columns are
        first asked for; the event holds the row's cells till then. ``after``: the
        field the kept columns follow in JSON (default: the last the event fills).
        ``texts``, the read's :class:`~._row_text.RowTexts`, holds the cells as one
        compact text (else: a tuple).
        """
        if not (fields.get("id") and self._surely_kept(row)):
            # (An id derived from the fields is derived from the kept columns too.)
            event = cls(**fields)
            columns = self.kept(row, self.render(event))
            if not columns:
                return event
            if after is None:
                return self.with_kept(event, columns)
            return attrs.evolve(
                event, extra=(*event.extra, UnknownKey(self.dataset, columns, after))
            )
        later: _KeptLater = _KeptLater.pending(self.dataset, after or "")
        fields["extra"] = (*fields.get("extra", ()), later)
        event = cls(**fields)
        if after is None:
            _AFTER_SLOT.__set__(later, last_filled(event))
        _kept_later(self, row, later, event, texts)
        return event

    def given(self, keys: tuple[str, ...], event: Event) -> dict[int, str]:
        """The text of each column of ``keys`` (by its number) that ``event`` holds in a
        field (:attr:`held`): a row's cell equal to it need not be held twice."""
        at = self._held_at.get(keys)
        if at is None:
            at = tuple((keys.index(c), text_of) for c, text_of in self.held if c in keys)
            if len(self._held_at) < _MAX_LAYOUTS:
                self._held_at[keys] = at
        given: dict[int, str] = {}
        for number, text_of in at:
            text = text_of(event)
            if type(text) is str:
                given[number] = text
        return given

    def _surely_kept(self, row: Mapping[str, Any]) -> bool:
        blank_columns, group_of, filled, blank = (
            self._blank_columns,
            self._group_of,
            self.filled,
            self.blank,
        )
        if not blank_columns:
            return False
        for column, value in row.items():
            if column in blank_columns:
                if value != blank or type(value) is not type(blank):
                    return True
            elif column not in group_of and column not in filled:
                return True  # a column the writer does not know: always kept
        return False

    def layout(self, row: Mapping[str, Any]) -> tuple[Keeping, tuple[str, ...]]:
        """This keeping and ``row``'s column names, one tuple shared by every row that
        has them (what an event held keeps of its row, beside the cells)."""
        keys = tuple(row)
        found = self._keys.get(keys)
        if found is None:
            found = (self, keys)
            if len(self._keys) < _MAX_LAYOUTS:  # (rows of ever new columns: not shared)
                self._keys[keys] = found
        return found

    def with_kept(self, event: E, columns: dict[str, Any]) -> E:
        """``event`` keeping ``columns`` (placed as :func:`keep_columns` places them)."""
        extra = event.extra + keep_columns(type(event), _init_fields(event), self.dataset, columns)
        return attrs.evolve(event, extra=extra)

    def kept(self, row: Mapping[str, Any], rendered: Mapping[str, Any]) -> dict[str, Any]:
        """What to keep of ``row``, given ``rendered``, the writer's row for its event."""
        group_of = self._group_of
        kept = {
            column: value
            for column, value in row.items()
            if column not in group_of
            and (value != (now := rendered.get(column, _MISSING)) or type(value) is not type(now))
        }
        absent, blank = self.absent, self.blank
        originals: dict[str, Any] = {}
        lacked: list[str] = []
        read: dict[str, Any] = {}
        for group in self.groups:
            for column in group:
                value = row.get(column, _MISSING)
                if value is _MISSING and not absent:
                    continue  # a table's writer fills the columns a row lacks
                now = rendered.get(column, _MISSING)
                if value != now or type(value) is not type(now):
                    break
            else:
                continue
            for column in group:  # the group differs: keep its cells and what guards them
                value = row.get(column, _MISSING)
                now = rendered.get(column, _MISSING)
                if value is _MISSING and not absent:
                    # Read as empty; the writer's cell would not agree with the rest kept.
                    value = blank
                if value is _MISSING:
                    lacked.append(column)
                elif value != now or type(value) is not type(now):
                    originals[column] = value
                if now is not _MISSING and (absent or now != blank):
                    read[column] = now
        if absent:
            for column, now in rendered.items():
                if column not in row and column not in group_of:
                    lacked.append(column)
                    read[column] = now
        if originals:
            kept[ORIGINAL] = originals
        if lacked:
            kept[ABSENT] = lacked
        if read:
            kept[READ] = read
        return kept

    def keep(self, event: E, row: Mapping[str, Any], *, more: Mapping[str, Any] | None = None) -> E:
        """``event`` with what :meth:`kept` finds of ``row`` (and the reader's notes ``more``)."""
        columns = self.kept(row, self.render(event))
        if more:
            columns.update(more)
        if not columns:
            return event
        return self.with_kept(event, columns)

    def write(self, event: Event) -> dict[str, Any]:
        """The record for ``event``: the writer's, with what was kept on reading put back."""
        return self.put_back(dict(self.render(event)), kept_columns(event, self.dataset))

    def put_back(self, rendered: dict[str, Any], kept: Mapping[str, Any]) -> dict[str, Any]:
        """``rendered`` (changed in place), the writer's record for an event, with what
        the event ``kept`` put back: :meth:`write`'s record."""
        if not kept:
            return rendered
        for column, value in kept.items():
            if not column.startswith("_") or column == EXTRA_CELLS:
                rendered[column] = value
        originals = kept.get(ORIGINAL)
        originals = originals if isinstance(originals, dict) else {}
        lacked = kept.get(ABSENT)
        lacked = lacked if isinstance(lacked, list) else []
        read = kept.get(READ)
        read = read if isinstance(read, dict) else {}
        unread = _MISSING if self.absent else self.blank
        done: set[str] = set()
        for column in [*originals, *lacked]:
            if column in done:
                continue
            group = self._group_of.get(column, (column,))
            done.update(group)
            if any(rendered.get(c, _MISSING) != read.get(c, unread) for c in group):
                continue  # a field was changed since reading: its cells are the writer's
            for c in group:
                if c in originals:
                    rendered[c] = originals[c]
                elif c in lacked:
                    rendered.pop(c, None)
        return rendered
