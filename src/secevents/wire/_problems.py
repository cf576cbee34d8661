"""Turn cattrs' grouped exceptions into :class:`~secevents.errors.Problem` lists with paths."""

from __future__ import annotations

from cattrs.errors import (
    ClassValidationError,
    ForbiddenExtraKeysError,
    IterableValidationError,
)

from ..errors import FieldError, Problem, ValidationError


def problems_from(error: BaseException, path: str = "$") -> list[Problem]:
    """Every leaf problem of ``error``, with the JSON path where it happened."""
    found: list[Problem] = []
    _walk(error, path, found)
    return found


def _walk(error: BaseException, path: str, found: list[Problem]) -> None:
    if isinstance(error, IterableValidationError):
        items, rest = error.group_exceptions()
        for inner, item in items:
            _walk(inner, f"{path}[{item.index!r}]", found)
        for inner in rest:
            _walk(inner, path, found)
    elif isinstance(error, ClassValidationError):
        attributes, others = error.group_exceptions()
        for inner, attribute in attributes:
            _walk(inner, f"{path}.{attribute.name}", found)
        for inner in others:
            _walk(inner, path, found)
    elif isinstance(error, ValidationError):
        found.extend(_rebase(problem, path) for problem in error.problems)
    elif isinstance(error, FieldError):
        field = error.field
        found.append(Problem(f"{path}{'' if field.startswith('[') else '.'}{field}", error.message))
    elif isinstance(error, ForbiddenExtraKeysError):
        found.extend(
            Problem(f"{path}.{key}", f"unknown key ({error.message})")
            for key in sorted(error.extra_fields)
        )
    elif isinstance(error, KeyError):
        found.append(Problem(path, "required field missing"))
    else:
        found.append(Problem(path, str(error) or type(error).__name__))


def _rebase(problem: Problem, path: str) -> Problem:
    """A problem raised with a path relative to ``$`` placed under ``path``."""
    if path == "$" or not problem.path.startswith("$"):
        return problem
    return Problem(path + problem.path[1:], problem.message)
