"""The skeleton every dataset's reader and writer share, filled in by each format.

A format (GDELT, ICEWS, UCDP, ACLED) gives its columns, its delimiter, how one row
becomes an event and how an event becomes a row again (:class:`~._keep.Keeping`);
:class:`TableFormat` does the rest: open the table, read it lazily with warnings
and statistics, write it back with formula escaping.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable, Iterator, Sequence
from typing import IO, Any, Final, Protocol, TypedDict, TypeVar, Unpack

import attrs

from ..limits import DEFAULT_LIMITS, Limits
from ..model.events import Event
from ._keep import Keeping
from ._rows import EventReader, Warn, read_table
from ._tables import Source
from ._tabular import guarded
from ._write import write_table

__all__ = ["ReadOptions", "RowConverter", "TableFormat", "Target", "takes_read_options"]

F = TypeVar("F", bound=Callable[..., Any])

#: Where a writer writes: a path, or a text stream.
Target = str | os.PathLike[str] | IO[str]


class RowConverter(Protocol):
    """The converter of one read: a row to an event (or ``None``), and ``clear`` at the end."""

    def __call__(self, row: dict[str, Any], warn: Warn, /) -> Event | None:
        """The event of ``row``, warnings given to ``warn``."""

    def clear(self) -> None:
        """Forget what was remembered while reading."""


class ReadOptions(TypedDict, total=False):
    """The keyword options every dataset reader (``read_gdelt``, ``read_acled``...) takes.

    ``progress``: a callback given the rows read so far, or ``True`` for a bar
    (tqdm). ``encoding`` and ``errors``: how a file's bytes are decoded (see
    :func:`open`; ``"utf-8"``, ``"strict"``). ``max_warnings``: how many warnings are
    kept (100,000; ``None``: all; the rest are counted). ``limits``: the
    :class:`~secevents.Limits` on lines, cells and records. ``restore_formulas``:
    take off the ``'`` a writer put before a cell a spreadsheet would run (``True``).
    """

    progress: Callable[[int], None] | bool | None
    encoding: str
    errors: str
    max_warnings: int | None
    limits: Limits
    restore_formulas: bool


# The options' defaults (read_table's), as a reader's signature shows them.
_OPTION_DEFAULTS: Final = (
    ("progress", None, "Callable[[int], None] | bool | None"),
    ("encoding", "utf-8", "str"),
    ("errors", "strict", "str"),
    ("max_warnings", 100_000, "int | None"),
    ("limits", DEFAULT_LIMITS, "Limits"),
    ("restore_formulas", True, "bool"),
)


def takes_read_options(reader: F) -> F:
    """Show the ``**options`` of ``reader`` as the keyword-only parameters they are, with
    their defaults (to :func:`inspect.signature`, :func:`help` and the docs)."""
    import inspect

    signature = inspect.signature(reader)
    keyword = inspect.Parameter.KEYWORD_ONLY
    parameters = [p for p in signature.parameters.values() if p.kind is not p.VAR_KEYWORD]
    parameters += [
        inspect.Parameter(name, keyword, default=default, annotation=annotation)
        for name, default, annotation in _OPTION_DEFAULTS
    ]
    reader.__signature__ = signature.replace(parameters=parameters)  # type: ignore[attr-defined]
    return reader


@attrs.frozen
class TableFormat:
    """A dataset's table: its columns, its cells, and its rows to and from events.

    ``convert`` reads a row into an event (or ``None``, with warnings); ``keeping``
    writes an event back as a row of ``columns``. A ``headerless`` format's files
    have no header: ``columns`` name their cells, and the delimiter is found from
    the file; other files name their columns in a header and are read with
    ``delimiter``. ``missing`` is the text of an empty cell (ICEWS: ``NA``).
    Writing uses ``delimiter`` and writes a header when ``header`` says.
    ``per_read``, when given, makes the converter of one read (one that remembers
    repeated cells, see :mod:`._memo`) in place of ``convert``.
    """

    convert: Callable[[dict[str, Any], Warn], Event | None]
    keeping: Keeping
    columns: Sequence[str]
    delimiter: str
    header: bool
    headerless: bool = False
    missing: str = ""
    guarded: bool = False
    per_read: Callable[[], RowConverter] | None = None

    def read(
        self,
        source: Source,
        *,
        quoting: bool | Callable[[str], bool] = True,
        **options: Unpack[ReadOptions],
    ) -> EventReader[dict[str, Any]]:
        """The events of ``source`` (a path, or an iterable of rows), read lazily."""
        convert: Callable[[dict[str, Any], Warn], Event | None] = self.convert
        cleanup = None
        if self.per_read is not None:
            converter = self.per_read()
            convert, cleanup = converter, converter.clear
        return read_table(
            source,
            guarded(convert) if self.guarded else convert,
            delimiter=None if self.headerless else self.delimiter,
            columns=self.columns if self.headerless else None,
            missing=self.missing,
            quoting=quoting,
            cleanup=cleanup,
            **options,
        )

    def rows(self, events: Iterable[Event]) -> Iterator[dict[str, str]]:
        """One row (column name to cell) per event; events read from this format give
        back the row they were read from."""
        for event in events:
            yield self.keeping.write(event)

    def write(
        self,
        rows: Iterable[dict[str, str]],
        target: Target,
        *,
        header: bool | None = None,
        delimiter: str | None = None,
        quoting: bool = True,
        escape_formulas: bool = True,
    ) -> int:
        """Write ``rows`` (of :meth:`rows`, or a format's own) to ``target``; the count.

        ``header`` and ``delimiter`` default to the format's.
        """
        return write_table(
            rows,
            target,
            self.columns,
            header=self.header if header is None else header,
            delimiter=self.delimiter if delimiter is None else delimiter,
            quoting=quoting,
            escape_formulas=escape_formulas,
        )
