"""What every normalizer returns: the value it read, the span it read it from, and warnings.

Normalizers never raise on messy text: they return an empty result with a warning.
"""

from __future__ import annotations

from typing import Generic, TypeVar

import attrs

from ..model.codes import is_country_code

__all__ = ["Normalized", "TextWarning", "require_country", "require_text"]

T = TypeVar("T")


@attrs.frozen(weakref_slot=False)
class TextWarning:
    """Something a reader should check: a conflict, an ambiguity, a guess.

    ``code`` is a stable identifier (``weekday_mismatch``, ``ambiguous_name``...);
    ``message`` says it for people.

    >>> print(TextWarning("no_date", "no date expression found"))
    no_date: no date expression found
    """

    code: str
    message: str

    def __str__(self) -> str:
        return f"{self.code}: {self.message}"


@attrs.frozen(weakref_slot=False)
class Normalized(Generic[T]):
    """A normalized value, the characters ``text[start:end]`` it was read from, and warnings.

    ``value`` is ``None`` when nothing could be read; ``warnings`` then says why.

    >>> empty = Normalized.nothing(TextWarning("no_date", "no date expression found"))
    >>> bool(empty), empty.value
    (False, None)
    """

    value: T | None
    start: int | None = None
    end: int | None = None
    text: str | None = None
    warnings: tuple[TextWarning, ...] = ()

    def __bool__(self) -> bool:
        return self.value is not None

    @classmethod
    def nothing(cls, *warnings: TextWarning) -> Normalized[T]:
        """An empty result carrying ``warnings``."""
        return cls(None, warnings=warnings)

    @classmethod
    def found(
        cls, value: T, source: str, start: int, end: int, *warnings: TextWarning
    ) -> Normalized[T]:
        """A result read from ``source[start:end]``."""
        return cls(value, start, end, source[start:end], warnings)

    def with_warnings(self, *warnings: TextWarning) -> Normalized[T]:
        """The same result with more warnings."""
        return attrs.evolve(self, warnings=self.warnings + warnings)


def require_text(value: object, name: str = "text") -> str:
    """``value`` if it is a str; a clear TypeError otherwise (normalizers' argument check)."""
    if not isinstance(value, str):
        raise TypeError(f"{name} must be a str, not {type(value).__name__}")
    return value


def require_country(value: object) -> str | None:
    """``value`` if it is ``None`` or an ISO 3166-1 alpha-3 code; TypeError/ValueError otherwise."""
    if value is None:
        return None
    if not isinstance(value, str):
        raise TypeError(f"country must be a str or None, not {type(value).__name__}")
    if not is_country_code(value):
        raise ValueError(f"country must be an ISO 3166-1 alpha-3 code, got {value!r}")
    return value
