"""``extract_many``: many texts to reports, in order, in this process or in several.

>>> import secevents as se
>>> texts = ["Russian and Tajik troops held joint drills on Monday.", "Nothing happened."]
>>> [len(r.events) for r in se.extract_many(texts, published="2021-10-28")]
[1, 0]
"""

from __future__ import annotations

import collections
import datetime as dt
import multiprocessing
import pickle
import warnings
from collections.abc import Callable, Generator, Iterable, Iterator, Mapping, Sized
from concurrent.futures import Future, ProcessPoolExecutor
from itertools import repeat
from typing import Any, Final, Literal, TypeAlias

from ..model.dates import DateSpan, PartialDate
from ..model.provenance import Source
from ..model.report import Report
from ._arguments import Published, coerce_published, coerce_source
from .pipeline import _report_id, extract
from .recognizers import Recognizer, RecognizerRegistry

__all__ = ["extract_many"]

#: A chunk sent to a worker process ends once it holds this many characters or texts:
#: about 0.1 s of work, against well under a millisecond to send it and its reports
#: back. With a known number of texts, each process gets at least _SHARES chunks.
_CHUNK_CHARS: Final = 64_000
_CHUNK_TEXTS: Final = 64
_SHARES: Final = 4
#: Chunks handed to the pool ahead of the one being waited for, per process.
_AHEAD: Final = 2

Progress: TypeAlias = Callable[[int], None] | bool | None
Recognizers: TypeAlias = RecognizerRegistry | Iterable[Recognizer] | None
#: A text with its date and source, or the error its date or source gave.
_Item: TypeAlias = tuple[Any, dt.date | None, Source | None, Exception | None]


def extract_many(
    texts: Iterable[str],
    *,
    published: Published | Iterable[Published] = None,
    sources: Source | str | Iterable[Source | str | None] | None = None,
    processes: int | None = None,
    progress: Progress = None,
    errors: Literal["report", "raise"] = "report",
    recognizers: Recognizers = None,
) -> Iterator[Report]:
    """One :class:`~secevents.Report` per text, in the order of ``texts``, each equal
    to what :func:`~secevents.extract` gives for it.

    ``published`` and ``sources`` are one value for every text (a date, an ISO
    string, a publisher's name...: see :func:`~secevents.extract`) or an iterable
    with one value per text (a list, a pandas Series). ``processes=N`` (N > 1) reads
    in N worker processes (started with "spawn": in a script, call it under
    ``if __name__ == "__main__":``), each sent chunks of texts of about 64 KB
    (a worker takes about a second to start: worth it for a few MB and more);
    the default reads in this process. ``progress`` is a callable given the number
    of texts done after each one, or ``True`` for a tqdm bar.

    A text that cannot be read (not a string, an argument that is not a date, a
    failure in a recognizer) gives a report with no events and an
    ``extract_failed`` warning naming the error, and the batch goes on;
    ``errors="raise"`` raises it instead. Arguments that are wrong for every text
    are refused at the call, before any work.

    >>> import secevents as se
    >>> texts = ["Drills began on Monday.", None, "China built a base in Tajikistan."]
    >>> reports = list(se.extract_many(texts, published=["2021-10-28", None, "2021-10-29"],
    ...                                sources="Khaama Press"))
    >>> [(str(r.published), len(r.events)) for r in reports]
    [('2021-10-28', 0), ('None', 0), ('2021-10-29', 1)]
    >>> reports[1].warnings
    ('extract_failed: TypeError: text must be a str, got NoneType None',)
    """
    if isinstance(texts, str | bytes) or not isinstance(texts, Iterable):
        raise TypeError(f"texts must be an iterable of str, got {type(texts).__name__}")
    total = len(texts) if isinstance(texts, Sized) else None
    dates = _per_text(published, "published", _one_published, coerce_published, total)
    wires = _per_text(sources, "sources", _one_source, coerce_source, total)
    workers = _check_processes(processes)
    if errors not in ("report", "raise"):
        raise ValueError(f"errors must be 'report' or 'raise', not {errors!r}")
    if workers > 1:
        _check_picklable(recognizers)
    bar = _progress(progress, total)
    items = _items(texts, dates, wires)
    raise_errors = errors == "raise"
    if workers > 1:
        size = _CHUNK_TEXTS if total is None else -(-total // (workers * _SHARES))
        chunks = _chunks(items, max(1, min(size, _CHUNK_TEXTS)))
        reports = _in_processes(chunks, workers, recognizers, raise_errors)
    else:
        reports = (_read(item, recognizers, raise_errors) for item in items)
    return _counted(reports, bar)


# -- arguments ------------------------------------------------------------------------


def _one_published(value: object) -> bool:
    """Whether ``value`` is one date for every text (rather than one per text)."""
    return (
        isinstance(value, str | float | dt.date | DateSpan | PartialDate | Mapping)
        or callable(getattr(value, "date", None))
        or type(value).__name__ == "datetime64"
        or not isinstance(value, Iterable)
    )


def _one_source(value: object) -> bool:
    return isinstance(value, str | float | Source | Mapping) or not isinstance(value, Iterable)


def _per_text(
    value: Any,
    name: str,
    is_one: Callable[[object], bool],
    coerce: Callable[[object, str], Any],
    total: int | None,
) -> Iterator[Any]:
    """The value of each text (or the error it gives): one value checked now, raising,
    or an iterable whose values are checked text by text."""
    if is_one(value):
        return repeat(coerce(value, name))
    if total is not None and isinstance(value, Sized) and len(value) != total:
        raise ValueError(f"{name} has {len(value)} values for {total} texts")
    return (_checked(coerce, item, name) for item in value)


def _checked(coerce: Callable[[object, str], Any], value: object, name: str) -> Any:
    try:
        return coerce(value, name)
    except (TypeError, ValueError) as error:
        return error


def _check_processes(processes: object) -> int:
    if processes is None:
        return 1
    if not isinstance(processes, int) or isinstance(processes, bool):
        raise TypeError(f"processes must be an int or None, got {type(processes).__name__}")
    if processes < 1:
        raise ValueError(f"processes must be 1 or more (os.cpu_count() gives all), not {processes}")
    return processes


def _check_picklable(recognizers: Recognizers) -> None:
    try:
        pickle.dumps(recognizers)
    except Exception as error:
        raise TypeError(
            "recognizers must be picklable to run in processes (define their classes at "
            f"module level, in a module the workers can import): {error}"
        ) from None


def _progress(progress: Progress, total: int | None) -> Any:
    """``None``, the user's callable, or a tqdm bar (it has ``update`` and ``close``)."""
    if progress is None or progress is False:
        return None
    if progress is True:
        try:
            from tqdm.auto import tqdm
        except ImportError:
            warnings.warn(
                "progress=True needs tqdm (pip install secevents[progress])", stacklevel=3
            )
            return None
        return tqdm(total=total, unit=" texts")
    if not callable(progress):
        raise TypeError(f"progress must be a callable, True or None, got {progress!r}")
    return progress


def _items(texts: Iterable[Any], dates: Iterator[Any], wires: Iterator[Any]) -> Iterator[_Item]:
    """(text, date, source, error) per text, the error being that of a value that is not
    a date or a source; a length mismatch is an error when met."""
    for index, text in enumerate(texts):
        date = next(dates, _END)
        wire = next(wires, _END)
        for name, value in (("published", date), ("sources", wire)):
            if value is _END:
                raise ValueError(f"{name} ran out of values at text {index}")
        problem = next((v for v in (date, wire) if isinstance(v, Exception)), None)
        if problem is not None:
            yield text, _kept(date, dt.date), _kept(wire, Source), problem
        else:
            yield text, date, wire, None
    for name, rest in (("published", dates), ("sources", wires)):
        if not isinstance(rest, repeat) and next(rest, _END) is not _END:
            raise ValueError(f"{name} has more values than there are texts")


_END: Final[Any] = object()


def _kept(value: Any, kind: type) -> Any:
    return value if isinstance(value, kind) else None


# -- the work -------------------------------------------------------------------------


def _read(item: _Item, recognizers: Recognizers, raise_errors: bool) -> Report:
    text, date, source, problem = item
    try:
        if problem is not None:
            raise problem
        return extract(text, published=date, source=source, recognizers=recognizers)
    except Exception as error:
        if raise_errors:
            raise
        return _failed(item, error)


def _failed(item: _Item, error: Exception) -> Report:
    """The report of a text that could not be read: no events, the error as a warning."""
    text, date, source, _ = item
    readable = isinstance(text, str)
    return Report(
        id=_report_id(text) if readable else "",
        published=DateSpan.of(date) if date is not None else None,
        source=source,
        text=text if readable else "",
        warnings=(f"extract_failed: {type(error).__name__}: {error}",),
    )


def _read_chunk(chunk: list[_Item], recognizers: Recognizers, raise_errors: bool) -> list[Report]:
    """The work of one chunk in a worker process."""
    return [_read(item, recognizers, raise_errors) for item in chunk]


def _chunks(items: Iterator[_Item], texts: int) -> Iterator[list[_Item]]:
    """``items`` in lists of at most ``texts`` texts or about ``_CHUNK_CHARS`` characters."""
    chunk: list[_Item] = []
    size = 0
    for item in items:
        chunk.append(item)
        size += len(item[0]) if isinstance(item[0], str) else 0
        if size >= _CHUNK_CHARS or len(chunk) >= texts:
            yield chunk
            chunk, size = [], 0
    if chunk:
        yield chunk


def _in_processes(
    chunks: Iterator[list[_Item]], workers: int, recognizers: Recognizers, raise_errors: bool
) -> Generator[Report, None, None]:
    """The reports of ``chunks`` read in ``workers`` spawned processes, in input order."""
    context = multiprocessing.get_context("spawn")
    pending: collections.deque[Future[list[Report]]] = collections.deque()
    with ProcessPoolExecutor(max_workers=workers, mp_context=context) as pool:
        try:
            while True:
                while len(pending) < workers * _AHEAD:
                    chunk = next(chunks, None)
                    if chunk is None:
                        break
                    pending.append(pool.submit(_read_chunk, chunk, recognizers, raise_errors))
                if not pending:
                    return
                yield from pending.popleft().result()
        finally:
            for future in pending:
                future.cancel()


def _counted(reports: Generator[Report, None, None], progress: Any) -> Iterator[Report]:
    """``reports``, telling ``progress`` (a callable or a tqdm bar) of each one done."""
    bar = progress if hasattr(progress, "update") and hasattr(progress, "close") else None
    done = 0
    try:
        for report in reports:
            done += 1
            if bar is not None:
                bar.update(1)
            elif progress is not None:
                progress(done)
            yield report
    finally:
        reports.close()  # stops the worker processes when the caller stops early
        if bar is not None:
            bar.close()
