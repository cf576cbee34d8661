"""Building an event from the fields read for it, losing nothing silently.

A field whose value fails validation (a recognizer put a string where an actor
belongs) is emptied, and the report gets a warning naming the event and the
field; the event is kept. A failure that names no field it could empty raises.
"""

from __future__ import annotations

import functools
from typing import Any, TypeVar

import attrs

from ..errors import FieldError
from ..model.events import Event

__all__ = ["build_event"]

E = TypeVar("E", bound=Event)


def build_event(cls: type[E], fields: dict[str, Any], warnings: list[str]) -> E:
    """``cls(**fields)``, with each field that fails validation emptied and warned about.

    >>> import secevents as se
    >>> warnings: list[str] = []
    >>> event = build_event(se.Statement, {"speaker": "NOR", "content": "Yes."}, warnings)
    >>> event.speaker, event.content
    (None, 'Yes.')
    >>> print(warnings[0])
    invalid_field: statement--...: speaker emptied (expected Actor, got str 'NOR')
    """
    kwargs = dict(fields)
    optional = _optional(cls)
    emptied: list[tuple[str, str]] = []
    while True:
        try:
            event = cls(**kwargs)
        except FieldError as error:
            if error.field not in kwargs or error.field not in optional:
                raise _unbuildable(cls, error) from error
            emptied.append((error.field, error.message))
            del kwargs[error.field]
            continue
        except (TypeError, ValueError) as error:
            raise _unbuildable(cls, error) from error
        break
    for name, message in emptied:
        warnings.append(f"invalid_field: {event.id}: {name} emptied ({message})")
    return event


@functools.lru_cache(maxsize=64)
def _optional(cls: type[Event]) -> frozenset[str]:
    """The fields of ``cls`` that ``__init__`` takes and that have a default (once per class)."""
    return frozenset(a.name for a in attrs.fields(cls) if a.init and a.default is not attrs.NOTHING)


def _unbuildable(cls: type[Event], error: Exception) -> ValueError:
    return ValueError(f"cannot build a {cls.type_tag} event from the fields read: {error}")
