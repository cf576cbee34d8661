"""Reading and writing events: dicts, JSON strings and JSON Lines streams.

Everything goes through the converter of :mod:`secevents.wire.converter`. Decoding
runs a fast converter first and, only when that fails, a detailed one that
names the path of every problem.
"""

from __future__ import annotations

import io
import os
import warnings
from collections.abc import Callable, Iterable, Iterator, Mapping
from itertools import islice
from typing import IO, Any, Final, TypeVar, overload

import cattrs

from .._callers import caller_level
from .._collector import paused as collector_paused
from .._once import load_once
from ..errors import DuplicateKeyWarning, LimitError, Problem, ValidationError, shown
from ..limits import DEFAULT_LIMITS, Limits
from ..model import _json
from ..model.events import Event
from ..model.relation import RELATION_TAG, Relation
from ..model.report import Report
from ._problems import problems_from
from .converter import UnknownTypes, make_converter

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
# The top-level objects that are not events, by their ``type``.
_TOP_LEVEL: Final[dict[Any, type[Any]]] = {"report": Report, RELATION_TAG: Relation}


@load_once
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
) -> Event | Relation | Report: ...
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
    """Validate a wire-format dict into an object: by its ``type`` an event, a
    :class:`~secevents.Relation` (``"relation"``) or a :class:`~secevents.Report`
    (``"report"``), unless ``cls`` says what to read.

    Raises :class:`~secevents.ValidationError` listing every problem with its path.
    ``strict=True`` rejects unknown keys; ``unknown="keep"`` turns an unregistered
    event type into an :class:`~secevents.UnknownEvent` instead of an error.
    """
    if not isinstance(data, Mapping):
        raise ValidationError([Problem("$", f"expected an object, got {type(data).__name__}")])
    tag = data.get("type")
    target = cls if cls is not None else _TOP_LEVEL.get(tag, Event) if type(tag) is str else Event
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


@overload  # an event or a report: Any, so that reading a known kind needs no cast
def parse(
    data: JSONInput, cls: None = None, *, strict: bool = ..., unknown: UnknownTypes = ...
) -> Any: ...
@overload
def parse(
    data: JSONInput, cls: type[T], *, strict: bool = ..., unknown: UnknownTypes = ...
) -> T: ...
def parse(
    data: JSONInput,
    cls: type[Any] | None = None,
    *,
    strict: bool = False,
    unknown: UnknownTypes = "error",
) -> Any:
    """An event, a relation or a report (or ``cls``) from a dict, a JSON string or JSON bytes.

    JSON text is read exactly: integers of any size stay integers, ``NaN`` and
    ``Infinity`` are refused, and a key repeated in one object is refused in
    strict mode, else reported with a :class:`~secevents.errors.DuplicateKeyWarning`
    (the last value is used).

    >>> import secevents as se
    >>> se.parse('{"type": "statement", "content": "No comment."}').content
    'No comment.'
    >>> se.parse('{"type": "report", "text": "Drills.", "events": [{"type": "statement"}]}')
    <Report (no id): 1 event (1 statement), 0 warnings, text 'Drills.' (7 chars)>
    """
    if not isinstance(data, str | bytes | bytearray | memoryview):
        return from_dict(data, cls, strict=strict, unknown=unknown)
    decoded, duplicates = _decode_json(data, strict)
    if duplicates:
        warnings.warn(DuplicateKeyWarning(duplicates), stacklevel=caller_level())
    return from_dict(decoded, cls, strict=strict, unknown=unknown)


def _decode_json(
    text: str | bytes | bytearray | memoryview, strict: bool, line: int | None = None
) -> tuple[Any, tuple[str, ...]]:
    """The value of ``text`` and the paths of the keys it repeats (refused if ``strict``)."""
    try:
        decoded = _json.decode(text)
    except _json.JSONError as error:
        raise ValidationError([Problem(error.path, error.message, line=line)]) from None
    if decoded.duplicates and strict:
        raise ValidationError(
            Problem(path, "duplicate key (strict mode)", line=line) for path in decoded.duplicates
        )
    return decoded.value, decoded.duplicates


def dumps(obj: Any, *, indent: bool = False) -> str:
    """Wire-format JSON of an event or value object; the same object always gives the same text."""
    return _encode(to_dict(obj), indent=indent).decode()


def _encode(data: dict[str, Any], *, indent: bool = False) -> bytes:
    try:
        return _json.encode(data, indent=indent)
    except (TypeError, ValueError) as error:  # orjson's JSONEncodeError is a TypeError
        raise TypeError(
            f"cannot write {shown(data.get('type', 'object'))} as JSON: {error}"
        ) from None


@overload  # an event or a report: Any, so that reading a known kind needs no cast
def loads(
    text: str | bytes, cls: None = None, *, strict: bool = ..., unknown: UnknownTypes = ...
) -> Any: ...
@overload
def loads(
    text: str | bytes, cls: type[T], *, strict: bool = ..., unknown: UnknownTypes = ...
) -> T: ...
def loads(
    text: str | bytes,
    cls: type[Any] | None = None,
    *,
    strict: bool = False,
    unknown: UnknownTypes = "error",
) -> Any:
    """The object (event, relation or report) in a JSON string: the inverse of :func:`dumps`
    (see :func:`parse`)."""
    return parse(text, cls, strict=strict, unknown=unknown)


def read_jsonl(
    source: PathOrFile,
    cls: type[Any] | None = None,
    *,
    strict: bool = False,
    unknown: UnknownTypes = "error",
    on_error: Callable[[ValidationError], None] | None = None,
    limits: Limits = DEFAULT_LIMITS,
) -> Iterator[Any]:
    """Stream the events (and relations, reports) of a JSON Lines file (path or open file), one per
    non-blank line.

    Memory stays constant: lines are decoded in small batches, and a line longer
    than ``limits.max_line`` raises :class:`~secevents.errors.LimitError`. A bad
    line raises :class:`~secevents.ValidationError` whose problems carry the line
    number, after every event of the lines before it has been given, unless
    ``on_error`` is given: then it receives the error and the line is skipped.
    Repeated keys are refused in strict mode, else reported with a
    :class:`~secevents.errors.DuplicateKeyWarning` naming the line (the first
    100 such lines).
    """
    with _open(source, "rb") as stream:
        name = _name_of(source, stream)
        numbered = _filled_lines(stream, limits, name)
        state = _JsonlState(cls, strict, unknown, on_error)
        while batch := list(islice(numbered, _BATCH)):
            decoded, error = _decode_batch(batch, state)
            for warning in state.take_warnings():
                warnings.warn(warning, stacklevel=caller_level())
            yield from decoded
            if error is not None:
                raise error
        if state.duplicate_lines > _MAX_DUPLICATE_WARNINGS:
            more = state.duplicate_lines - _MAX_DUPLICATE_WARNINGS
            warnings.warn(
                DuplicateKeyWarning((f"{more} more lines",), None), stacklevel=caller_level()
            )


_MAX_DUPLICATE_WARNINGS: Final = 100


def _name_of(source: PathOrFile, stream: Any) -> str | None:
    if isinstance(source, str | os.PathLike):
        return os.fspath(source)
    name = getattr(stream, "name", None)
    return name if isinstance(name, str) else None


def _filled_lines(stream: Any, limits: Limits, name: str | None) -> Iterator[tuple[int, Any]]:
    """The numbered lines of ``stream`` that are not blank; a run of more than
    ``limits.max_blank`` blank lines is a LimitError at its first line."""
    run = 0
    for number, line in _lines(stream, limits.max_line, name):
        if line.strip():
            run = 0
            yield number, line
        else:
            run += 1
            if run > limits.max_blank:
                raise LimitError(
                    name,
                    number - run + 1,
                    "max_blank",
                    limits.max_blank,
                    "a run of blank lines is longer",
                )


def _lines(stream: Any, max_line: int, name: str | None) -> Iterator[tuple[int, Any]]:
    """The numbered lines of ``stream``, none longer than ``max_line`` (else LimitError)."""
    readline = stream.readline
    number = 0
    while True:
        line = readline(max_line + 1)
        if not line:
            return
        number += 1
        if len(line) > max_line:
            raise LimitError(name, number, "max_line", max_line, "a line is longer")
        yield number, line


class _JsonlState:
    """The settings of one ``read_jsonl`` call and what it has seen."""

    def __init__(
        self,
        cls: type[Any] | None,
        strict: bool,
        unknown: UnknownTypes,
        on_error: Callable[[ValidationError], None] | None,
    ) -> None:
        self.cls = cls
        self.strict = strict
        self.unknown = unknown
        self.on_error = on_error
        self.duplicate_lines = 0
        self._warnings: list[DuplicateKeyWarning] = []

    def repeated(self, paths: tuple[str, ...], line: int) -> None:
        """Line ``line`` repeats the keys at ``paths``: warn (the first 100 lines)."""
        self.duplicate_lines += 1
        if self.duplicate_lines <= _MAX_DUPLICATE_WARNINGS:
            self._warnings.append(DuplicateKeyWarning(paths, line))

    def take_warnings(self) -> list[DuplicateKeyWarning]:
        """The warnings not given yet."""
        taken, self._warnings = self._warnings, []
        return taken


def _decode_batch(
    batch: list[tuple[int, Any]], state: _JsonlState
) -> tuple[list[Any], ValidationError | None]:
    """The events of ``batch`` up to its first bad line, and that line's error (if raised)."""
    decoded: list[Any] = []
    # The cycle collector dominates decoding of many small objects; batches are
    # bounded, and it is re-enabled before any user code runs.
    with collector_paused():
        for number, line in batch:
            try:
                data, duplicates = _decode_json(line, state.strict, number)
                if duplicates:
                    state.repeated(duplicates, number)
                decoded.append(
                    from_dict(data, state.cls, strict=state.strict, unknown=state.unknown)
                )
            except ValidationError as error:
                numbered = type(error)(
                    Problem(p.path, p.message, line=number) for p in error.problems
                )
                if state.on_error is None:
                    return decoded, numbered
                state.on_error(numbered)
    return decoded, None


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
