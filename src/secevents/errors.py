"""Errors raised by secevents.

Every problem with input data is reported as a :class:`ValidationError` that
lists each :class:`Problem` with the JSON path of the offending value; a file
that cannot be read on raises :class:`ReadError` (a size limit passed:
:class:`LimitError`), naming the file and the line.

Every error pickles (a process pool's worker can raise it) and compares equal
to its copy: two errors are equal when they are of the same class and say the
same thing.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any, Final

import attrs

__all__ = [
    "DuplicateKeyWarning",
    "FieldError",
    "LimitError",
    "Problem",
    "ReadError",
    "SchemaVersionError",
    "UnknownTypeError",
    "ValidationError",
    "shown",
]

#: Messages quote at most this many characters of a value (and say how long it was).
QUOTE_LIMIT: Final = 200


def shown(value: Any, width: int = QUOTE_LIMIT) -> str:
    """``repr(value)`` for a message, cut to about ``width`` characters with the full length.

    A 5 MB value gives a short message, and an integer too long for ``repr``
    (Python refuses 4,300 digits or more) is described by its size.

    >>> print(shown("9" * 1000, 40))
    '999999999999999999999999999999999999... (1000 characters)
    >>> print(shown(10**5000))
    an integer of about 5001 digits
    """
    if type(value) is int and value.bit_length() > 14_000:
        return f"an integer of about {round(value.bit_length() * _LOG10_2) + 1} digits"
    if isinstance(value, str | bytes) and len(value) > width:
        unit = "characters" if isinstance(value, str) else "bytes"
        return f"{repr(value[:width])[: width - 3]}... ({len(value)} {unit})"
    try:
        text = repr(value)
    except ValueError:  # a container holding an integer too long for repr
        return f"a {type(value).__name__} too large to show"
    if len(text) <= width:
        return text
    return f"{text[: width - 3]}... ({len(text)} characters)"


_LOG10_2: Final = 0.30102999566398120


class _ComparableError(Exception):
    """Errors that pickle through their ``_state`` and compare equal by it."""

    def _state(self) -> tuple[Any, ...]:
        return self.args

    def __reduce__(self) -> tuple[Any, ...]:
        # The class and what it was made from; notes and other attributes ride along.
        return (type(self), self._state(), self.__dict__ or None)

    def __eq__(self, other: object) -> bool:
        if type(other) is not type(self):
            return NotImplemented
        assert isinstance(other, _ComparableError)
        return self._state() == other._state()

    def __hash__(self) -> int:
        return hash((type(self), self._state()))


def _bounded_path(text: str) -> str:
    return _bounded(text, 4 * QUOTE_LIMIT)


def _bounded_message(text: str) -> str:
    return _bounded(text, 5 * QUOTE_LIMIT)


def _bounded(text: str, width: int) -> str:
    """``text`` cut to about ``width`` characters, saying how long it was."""
    if len(text) <= width:
        return text
    return f"{text[: width - 30]}... ({len(text)} characters in all)"


@attrs.frozen
class Problem:
    """One problem found in input data.

    Messages longer than about a thousand characters are cut (the values they
    quote are cut to about 200 already).

    >>> print(Problem("$.cost.currency", "'usd' is not an ISO 4217 code", line=3))
    line 3: $.cost.currency: 'usd' is not an ISO 4217 code
    """

    path: str = attrs.field(converter=_bounded_path)
    message: str = attrs.field(converter=_bounded_message)
    line: int | None = attrs.field(default=None, kw_only=True)

    def __str__(self) -> str:
        where = f"line {self.line}: " if self.line is not None else ""
        return f"{where}{self.path}: {self.message}"


class ValidationError(_ComparableError, ValueError):
    """Input that does not fit the schema; ``problems`` lists every fault found.

    ``str(error)`` gives one ``$.path: message`` line per problem.

    >>> import pickle
    >>> error = ValidationError([Problem("$.date", "'2021-13' is not a valid EDTF date")])
    >>> pickle.loads(pickle.dumps(error)) == error
    True
    """

    problems: tuple[Problem, ...]

    def __init__(self, problems: Iterable[Problem]) -> None:
        self.problems = tuple(problems)
        super().__init__("\n".join(str(p) for p in self.problems))

    def _state(self) -> tuple[Any, ...]:
        return (self.problems,)


class UnknownTypeError(ValidationError):
    """The ``type`` tag of an event is not registered."""


class SchemaVersionError(ValidationError):
    """An event's ``schema_version`` is newer than this library knows, or invalid."""


class FieldError(_ComparableError, ValueError):
    """Raised by field validators so that errors can name the field.

    The serializer turns it into a :class:`Problem` whose path ends with
    ``field``; raised from Python code it reads like a plain ``ValueError``.

    >>> str(FieldError("confidence", "2.0 is not in [0, 1]"))
    'confidence: 2.0 is not in [0, 1]'
    """

    def __init__(self, field: str, message: str) -> None:
        self.field = field
        self.message = _bounded(message, 5 * QUOTE_LIMIT)
        super().__init__(f"{field}: {self.message}")

    def _state(self) -> tuple[Any, ...]:
        return (self.field, self.message)


class ReadError(_ComparableError, ValueError):
    """A file that cannot be read on: a corrupt or truncated archive, a record that is
    not JSON where the format needs it. ``path`` and ``line`` say where (``None``
    when unknown).

    >>> print(ReadError("events.csv.gz", 1200, "the archive ends early (truncated?)"))
    events.csv.gz, line 1200: the archive ends early (truncated?)
    """

    def __init__(self, path: str | None, line: int | None, reason: str) -> None:
        self.path = path
        self.line = line
        self.reason = reason
        super().__init__(self._text())

    def _text(self) -> str:
        line = None if self.line is None else f"line {self.line}"
        place = ", ".join(part for part in (self.path, line) if part)
        return f"{place}: {self.reason}" if place else self.reason

    def _state(self) -> tuple[Any, ...]:
        return (self.path, self.line, self.reason)


class LimitError(ReadError):
    """Input past a size limit (a line, a cell, a record, a decompression ratio).

    ``limit`` is the keyword argument that raises it and ``value`` its setting:
    pass a larger one to read such input.

    >>> error = LimitError("big.jsonl", 3, "max_line", 1_048_576, "a line is longer")
    >>> print(error)
    big.jsonl, line 3: a line is longer than max_line=1048576 (pass a larger max_line= to read it)
    """

    def __init__(
        self, path: str | None, line: int | None, limit: str, value: int, what: str
    ) -> None:
        self.limit = limit
        self.value = value
        self.what = what
        reason = f"{what} than {limit}={value} (pass a larger {limit}= to read it)"
        super().__init__(path, line, reason)

    def _state(self) -> tuple[Any, ...]:
        return (self.path, self.line, self.limit, self.value, self.what)


class DuplicateKeyWarning(_ComparableError, UserWarning):  # noqa: N818 - a warning
    """JSON that repeats a key in one object: outside strict mode the last value is used.

    ``paths`` are the JSON paths of the repeated keys, ``line`` the line of a
    JSON Lines file (``None`` for one document).

    >>> print(DuplicateKeyWarning(("$.type",), line=4))
    line 4: $.type: duplicate key (the last value is used; strict mode refuses it)
    """

    def __init__(self, paths: tuple[str, ...], line: int | None = None) -> None:
        self.paths = tuple(paths)
        self.line = line
        where = "" if line is None else f"line {line}: "
        shown_paths = ", ".join(self.paths[:10]) + (" ..." if len(self.paths) > 10 else "")
        super().__init__(
            f"{where}{shown_paths}: duplicate key (the last value is used; strict mode refuses it)"
        )

    def _state(self) -> tuple[Any, ...]:
        return (self.paths, self.line)
