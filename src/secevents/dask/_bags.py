"""Bags of texts to bags of reports, files to bags of events: serial code per partition."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from typing import Any, Literal

import dask.bag as db

from ..extraction.batch import extract_many
from ..interop._files import file_list
from ..model.events import Event
from ..model.report import Report

__all__ = ["extract", "read_events", "read_gdelt"]

Reader = Callable[..., Iterable[Event]]


def _extract_partition(
    texts: Iterable[Any],
    published: Any,
    source: Any,
    errors: Literal["report", "raise"],
    recognizers: Any,
) -> list[Report]:
    texts = list(texts)
    if isinstance(published, Iterable) and not isinstance(published, str):
        published = list(published)  # a partition of a bag of dates, one per text
    return list(
        extract_many(
            texts, published=published, sources=source, errors=errors, recognizers=recognizers
        )
    )


def extract(
    texts: db.Bag,
    *,
    published: Any = None,
    source: Any = None,
    errors: Literal["report", "raise"] = "report",
    recognizers: Any = None,
) -> db.Bag:
    """A bag of :class:`~secevents.Report`, one per text of the bag ``texts``, in order.

    Each report equals what :func:`secevents.extract` gives for its text: each
    partition runs :func:`secevents.extract_many`. ``published`` and ``source`` are
    one value for every text, or bags partitioned as ``texts`` with one value per
    text (``db.from_sequence(dates, npartitions=texts.npartitions)`` for a list as
    long as ``texts`` made the same way). A text that cannot be read gives a report
    with an ``extract_failed`` warning (``errors="raise"``: the error).

    >>> import dask.bag as db
    >>> texts = db.from_sequence(["China built a base in Tajikistan.", "Drills."], npartitions=2)
    >>> [len(r.events) for r in extract(texts, published="2021-10-28").compute()]
    [1, 0]
    """
    if not isinstance(texts, db.Bag):
        raise TypeError(f"texts must be a dask bag of str, got {type(texts).__name__}")
    if errors not in ("report", "raise"):
        raise ValueError(f"errors must be 'report' or 'raise', not {errors!r}")
    for name, value in (("published", published), ("source", source)):
        if isinstance(value, db.Bag) and value.npartitions != texts.npartitions:
            raise ValueError(
                f"{name}: a bag of {value.npartitions} partitions for texts in "
                f"{texts.npartitions}; make both with the same npartitions"
            )
    return texts.map_partitions(_extract_partition, published, source, errors, recognizers)


def _read_partition(paths: Iterable[str], reader: Reader, options: dict[str, Any]) -> list[Event]:
    events: list[Event] = []
    for path in paths:
        events.extend(reader(path, **options))
    return events


def read_events(reader: Reader, paths: str | Sequence[str] | Any, **options: Any) -> db.Bag:
    """A bag of the events ``reader`` (e.g. :func:`secevents.interop.read_icews`) reads from
    ``paths``: a list of files, a glob or a directory; one partition per file.

    ``options`` are passed to ``reader`` for every file. The readers' warnings stay
    in the workers: read one file with the serial reader to see them.
    """
    files = file_list(paths)
    if files is None:
        raise TypeError(f"paths must name files (a path, a glob, a list), got {paths!r}")
    bag: db.Bag = db.from_sequence(files, npartitions=len(files))
    return bag.map_partitions(_read_partition, reader, options)


def read_gdelt(paths: str | Sequence[str] | Any, **options: Any) -> db.Bag:
    """A bag of the events of GDELT export files (see :func:`secevents.interop.read_gdelt`),
    one partition per file."""
    from ..interop.gdelt import read_gdelt as read_one

    return read_events(read_one, paths, **options)
