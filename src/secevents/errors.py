"""Errors raised by secevents.

Every problem with input data is reported as a :class:`ValidationError` that
lists each :class:`Problem` with the JSON path of the offending value.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

import attrs

__all__ = ["FieldError", "Problem", "SchemaVersionError", "UnknownTypeError", "ValidationError"]


@attrs.frozen
class Problem:
    """One problem found in input data.

    >>> print(Problem("$.cost.currency", "'usd' is not an ISO 4217 code", line=3))
    line 3: $.cost.currency: 'usd' is not an ISO 4217 code
    """

    path: str
    message: str
    line: int | None = attrs.field(default=None, kw_only=True)

    def __str__(self) -> str:
        where = f"line {self.line}: " if self.line is not None else ""
        return f"{where}{self.path}: {self.message}"


class ValidationError(ValueError):
    """Input that does not fit the schema; ``problems`` lists every fault found.

    ``str(error)`` gives one ``$.path: message`` line per problem.
    """

    problems: tuple[Problem, ...]

    def __init__(self, problems: Iterable[Problem]) -> None:
        self.problems = tuple(problems)
        super().__init__("\n".join(str(p) for p in self.problems))

    def __reduce__(self) -> tuple[Any, ...]:
        return (type(self), (self.problems,))


class UnknownTypeError(ValidationError):
    """The ``type`` tag of an event is not registered."""


class SchemaVersionError(ValidationError):
    """An event's ``schema_version`` is newer than this library knows, or invalid."""


class FieldError(ValueError):
    """Raised by field validators so that errors can name the field.

    The serializer turns it into a :class:`Problem` whose path ends with
    ``field``; raised from Python code it reads like a plain ``ValueError``.
    """

    def __init__(self, field: str, message: str) -> None:
        self.field = field
        self.message = message
        super().__init__(f"{field}: {message}")
