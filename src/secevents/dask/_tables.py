"""Bags of events to Dask DataFrames and to the Parquet event store."""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable, Sequence
from typing import Any

import dask.bag as db
import dask.dataframe as dd

from ..interop._columns import BUILT_IN
from ..interop._files import file_list
from ..model.events import Event
from ..model.report import Report

__all__ = ["dataframe_meta", "read_frame", "to_dataframe", "write_parquet"]


def _all_types(types: Iterable[type[Event]] | None) -> list[type[Event]]:
    # The library's own types by default, not every registered one: the list travels to
    # the workers, which must import each class (a notebook's own type they cannot).
    return list(BUILT_IN if types is None else types)


def dataframe_meta(types: Iterable[type[Event]] | None = None) -> Any:
    """The empty pandas frame every partition of :func:`to_dataframe` matches: the columns
    of :func:`secevents.interop.to_dataframe` for ``types`` (default: the library's own
    types; pass your own types, importable on the workers, to get their columns), but that
    categorical columns are ``string``: each partition would have its own categories."""
    return _frame([], _all_types(types))


def _events_of(items: Iterable[Event | Report]) -> Iterable[Event]:
    for item in items:
        if isinstance(item, Report):
            yield from item.events
        else:
            yield item


def _frame(items: Iterable[Event | Report], types: list[type[Event]]) -> Any:
    from ..interop.frames import to_dataframe as frame_of

    frame = frame_of(_events_of(items), types=types)
    categories = [name for name, dtype in frame.dtypes.items() if dtype == "category"]
    return frame.astype(dict.fromkeys(categories, "string"))


def to_dataframe(events: db.Bag, *, types: Iterable[type[Event]] | None = None) -> dd.DataFrame:
    """A Dask DataFrame of a bag of events (or of reports: their events), one partition per
    partition of the bag, columns fixed by :func:`dataframe_meta` whatever each holds.

    >>> import dask.bag as db, secevents as se
    >>> bag = db.from_sequence([se.Statement(content="a"), se.JointExercise(name="b")])
    >>> to_dataframe(bag)["type"].value_counts().compute().to_dict()
    {'joint_exercise': 1, 'statement': 1}
    """
    fixed = _all_types(types)
    parts = [_delayed(_frame)(part, fixed) for part in events.to_delayed(optimize_graph=True)]
    frame: dd.DataFrame = dd.from_delayed(parts, meta=dataframe_meta(fixed), verify_meta=False)
    return frame


def _delayed(function: Callable[..., Any]) -> Any:
    from dask import delayed

    return delayed(function, pure=True)


def _file_frame(
    path: str,
    reader: Callable[..., Iterable[Event]],
    options: dict[str, Any],
    types: list[type[Event]],
) -> Any:
    return _frame(reader(path, **options), types)


def read_frame(
    reader: Callable[..., Iterable[Event]],
    paths: str | Sequence[str] | Any,
    *,
    types: Iterable[type[Event]] | None = None,
    **options: Any,
) -> dd.DataFrame:
    """A Dask DataFrame of the events ``reader`` reads from ``paths`` (a list, a glob, a
    directory), one partition per file (``dask.dataframe.from_map``), columns as
    :func:`to_dataframe`'s."""
    files = file_list(paths)
    if files is None:
        raise TypeError(f"paths must name files (a path, a glob, a list), got {paths!r}")
    fixed = _all_types(types)
    frame: dd.DataFrame = dd.from_map(
        _file_frame,
        files,
        reader=reader,
        options=options,
        types=fixed,
        meta=dataframe_meta(fixed),
        enforce_metadata=False,
    )
    return frame


def _write_partition(
    events: Iterable[Event | Report], path: str, options: dict[str, Any]
) -> list[int]:
    from ..interop.parquet import write_parquet as write_one

    return [write_one(_events_of(events), path, append=True, **options)]


def write_parquet(
    events: db.Bag,
    path: str | os.PathLike[str],
    *,
    partition_by: Sequence[str] = ("type", "year"),
    batch_size: int = 10_000,
    types: Iterable[type[Event]] | None = None,
    append: bool = False,
) -> int:
    """Write a bag of events (or reports: their events) to the Parquet event store at
    ``path``, every partition by a worker at once; the number of events written.

    The store is the one :func:`secevents.interop.write_parquet` writes (each partition
    adds its files, named apart), read back with :func:`secevents.interop.read_parquet`.
    A directory holding files already is refused unless ``append=True``. The columns are
    those of ``types`` (default: the library's own types; the classes must be importable on
    the workers); every event keeps all it holds in its wire JSON either way.
    """
    from ..interop.parquet import store_directory

    target = store_directory(path, append)
    options = {
        "partition_by": tuple(partition_by),
        "batch_size": batch_size,
        "types": _all_types(types),
    }
    counts = events.map_partitions(_write_partition, target, options)
    return int(sum(counts.compute()))
