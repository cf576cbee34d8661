"""Reading and writing events: dicts, JSON strings and JSON Lines streams.

Everything goes through the converter of :mod:`secevents.converter`. Decoding
runs a fast converter first and, only when that fails, a detailed one that
names the path of every problem.
"""

from __future__ import annotations

import gc
import io
import os
from collections.abc import Callable, Iterable, Iterator, Mapping
from functools import cache
from itertools import islice
from typing import IO, Any, Final, TypeVar, overload

import cattrs
import orjson

from ._problems import problems_from
from .converter import UnknownTypes, make_converter
from .errors import Problem, ValidationError
from .events import Event
from .report import Report

__all__ = [
    "dumps",
    "from_dict",
    "get_converter",
    "loads",
    "parse",
    "read_jsonl",
    "to_dict",
    "write_jsonl",
]

T = TypeVar("T")
JSONInput = Mapping[str, Any] | str | bytes | bytearray | memoryview
PathOrFile = str | os.PathLike[str] | IO[str] | IO[bytes]

_BATCH: Final = 2048


@cache
def get_converter(
    *,
    strict: bool = False,
    detailed_validation: bool = False,
    unknown_types: UnknownTypes = "error",
) -> cattrs.Converter:
    """The shared converter for these settings (built once, on first use)."""
    return make_converter(
        strict=strict, detailed_validation=detailed_validation, unknown_types=unknown_types
    )


def to_dict(obj: Any) -> dict[str, Any]:
    """The wire-format dict of an event or value object.

    >>> import secevents as se
    >>> se.to_dict(se.Quantity(5000, qualifier="approx", unit="troops"))
    {'value': 5000, 'qualifier': 'approx', 'unit': 'troops'}
    """
    result = get_converter().unstructure(obj)
    if not isinstance(result, dict):
        raise TypeError(f"expected a secevents object, got {type(obj).__name__}")
    return result


@overload
def from_dict(
    data: Mapping[str, Any], cls: None = None, *, strict: bool = ..., unknown: UnknownTypes = ...
) -> Event | Report: ...
@overload
def from_dict(
    data: Mapping[str, Any], cls: type[T], *, strict: bool = ..., unknown: UnknownTypes = ...
) -> T: ...
def from_dict(
    data: Mapping[str, Any],
    cls: type[Any] | None = None,
    *,
    strict: bool = False,
    unknown: UnknownTypes = "error",
) -> Any:
    """Validate a wire-format dict into an object: by its ``type`` an event or a
    :class:`~secevents.Report` (``"report"``), unless ``cls`` says what to read.

    Raises :class:`~secevents.ValidationError` listing every problem with its path.
    ``strict=True`` rejects unknown keys; ``unknown="keep"`` turns an unregistered
    event type into an :class:`~secevents.UnknownEvent` instead of an error.
    """
    if not isinstance(data, Mapping):
        raise ValidationError([Problem("$", f"expected an object, got {type(data).__name__}")])
    target = cls if cls is not None else Report if data.get("type") == "report" else Event
    plain = data if type(data) is dict else dict(data)
    try:
        return get_converter(strict=strict, unknown_types=unknown).structure(plain, target)
    except Exception:  # re-run with detailed validation only on the error path
        detailed = get_converter(strict=strict, unknown_types=unknown, detailed_validation=True)
        try:
            detailed.structure(plain, target)
        except ValidationError as error:
            raise type(error)(problems_from(error)) from None
        except Exception as error:
            raise ValidationError(problems_from(error)) from None
        raise  # pragma: no cover - both converters must agree


def parse(
    data: JSONInput,
    cls: type[Any] | None = None,
    *,
    strict: bool = False,
    unknown: UnknownTypes = "error",
) -> Any:
    """An event or a report (or ``cls``) from a dict, a JSON string or JSON bytes.

    >>> import secevents as se
    >>> se.parse('{"type": "statement", "content": "No comment."}').content
    'No comment.'
    >>> se.parse('{"type": "report", "text": "Drills.", "events": [{"type": "statement"}]}')
    <Report (no id): 1 event (1 statement), 0 warnings, text 'Drills.' (7 chars)>
    """
    decoded = _decode_json(data) if isinstance(data, str | bytes | bytearray | memoryview) else data
    return from_dict(decoded, cls, strict=strict, unknown=unknown)


def _decode_json(text: str | bytes | bytearray | memoryview) -> Any:
    try:
        return orjson.loads(text)
    except orjson.JSONDecodeError as error:
        raise ValidationError([Problem("$", f"invalid JSON: {error}")]) from None


def dumps(obj: Any, *, indent: bool = False) -> str:
    """Wire-format JSON of an event or value object; the same object always gives the same text."""
    return _encode(to_dict(obj), orjson.OPT_INDENT_2 if indent else 0).decode()


def _encode(data: dict[str, Any], option: int = 0) -> bytes:
    try:
        return orjson.dumps(data, option=option)
    except orjson.JSONEncodeError as error:
        raise TypeError(f"cannot write {data.get('type', 'object')!r} as JSON: {error}") from None


def loads(
    text: str | bytes,
    cls: type[Any] | None = None,
    *,
    strict: bool = False,
    unknown: UnknownTypes = "error",
) -> Any:
    """The object (event or report) in a JSON string: the inverse of :func:`dumps`."""
    return parse(text, cls, strict=strict, unknown=unknown)


def read_jsonl(
    source: PathOrFile,
    cls: type[Any] | None = None,
    *,
    strict: bool = False,
    unknown: UnknownTypes = "error",
    on_error: Callable[[ValidationError], None] | None = None,
) -> Iterator[Any]:
    """Stream the events (and reports) of a JSON Lines file (path or open file), one per
    non-blank line.

    Memory stays constant: lines are decoded in small batches. A bad line raises
    :class:`~secevents.ValidationError` whose problems carry the line number,
    unless ``on_error`` is given: then it receives the error and the line is skipped.
    """
    with _open(source, "rb") as stream:
        numbered = ((number, line) for number, line in enumerate(stream, start=1) if line.strip())
        while batch := list(islice(numbered, _BATCH)):
            yield from _decode_batch(batch, cls, strict, unknown, on_error)


def _decode_batch(
    batch: list[tuple[int, Any]],
    cls: type[Any] | None,
    strict: bool,
    unknown: UnknownTypes,
    on_error: Callable[[ValidationError], None] | None,
) -> list[Any]:
    decoded: list[Any] = []
    # The cycle collector dominates decoding of many small objects; batches are
    # bounded, and it is re-enabled before any user code runs.
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        for number, line in batch:
            try:
                decoded.append(parse(line, cls, strict=strict, unknown=unknown))
            except ValidationError as error:
                numbered = type(error)(
                    Problem(p.path, p.message, line=number) for p in error.problems
                )
                if on_error is None:
                    raise numbered from None
                on_error(numbered)
    finally:
        if was_enabled:
            gc.enable()
    return decoded


def write_jsonl(events: Iterable[Any], target: PathOrFile) -> int:
    """Write one JSON object per line to a path or open (text or binary) file; returns the count."""
    count = 0
    with _open(target, "wb") as stream:
        binary = not isinstance(stream, io.TextIOBase)
        for event in events:
            line = _encode(to_dict(event)) + b"\n"
            stream.write(line if binary else line.decode())
            count += 1
    return count


class _Borrowed:
    """A context manager around a file the caller opened: it is not closed."""

    def __init__(self, stream: IO[Any]) -> None:
        self.stream = stream

    def __enter__(self) -> IO[Any]:
        return self.stream

    def __exit__(self, *exc: object) -> None:
        return None


def _open(source: PathOrFile, mode: str) -> Any:
    if isinstance(source, str | os.PathLike):
        return open(source, mode)
    if hasattr(source, "read") or hasattr(source, "write"):
        return _Borrowed(source)
    raise TypeError(f"expected a path or an open file, got {type(source).__name__}")
