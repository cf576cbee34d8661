"""Schema versions, and the upcasters that bring older event data up to date.

An upcaster takes the raw JSON object of an event at version ``n`` and returns
it at version ``n + 1``; reading runs them before any structuring.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any

from ..errors import Problem, SchemaVersionError, shown
from ..model.events import SCHEMA_VERSION

__all__ = ["SCHEMA_VERSION", "Upcaster", "register_upcaster", "upcast", "upcasters"]


Upcaster = Callable[[dict[str, Any]], dict[str, Any]]


def _version_1_to_2(data: dict[str, Any]) -> dict[str, Any]:
    """Version 2 only adds optional keys (base ``troops``/``equipment``, evidence ``field``,
    actor ``wikidata``...): a version 1 object means the same at version 2."""
    return data


# (from_version, type tag or None for every type) -> upcaster
_UPCASTERS: dict[tuple[int, str | None], Upcaster] = {(1, None): _version_1_to_2}


def register_upcaster(from_version: int, upcaster: Upcaster, *, tag: str | None = None) -> None:
    """Register ``upcaster`` to turn version ``from_version`` data into the next version.

    With ``tag`` it applies to that event type only (and wins over a general one).
    """
    if type(from_version) is not int or not 0 <= from_version < SCHEMA_VERSION:
        raise ValueError(
            f"from_version must be an int in [0, {SCHEMA_VERSION}), not {from_version!r}"
        )
    _UPCASTERS[(from_version, tag)] = upcaster


@contextmanager
def upcasters(*entries: tuple[int, Upcaster] | tuple[int, Upcaster, str]) -> Iterator[None]:
    """Register upcasters for the duration of a ``with`` block (tests, one-off migrations)."""
    saved = dict(_UPCASTERS)
    try:
        for entry in entries:
            register_upcaster(entry[0], entry[1], tag=entry[2] if len(entry) == 3 else None)
        yield
    finally:
        _UPCASTERS.clear()
        _UPCASTERS.update(saved)


def upcast(data: dict[str, Any], path: str = "$") -> dict[str, Any]:
    """Bring the raw event ``data`` to :data:`SCHEMA_VERSION`; newer data is an error."""
    version = data.get("schema_version")
    if version is None:
        version = SCHEMA_VERSION
    if type(version) is not int or version < 0:
        raise SchemaVersionError(
            [Problem(f"{path}.schema_version", f"{shown(version)} is not a schema version")]
        )
    if version > SCHEMA_VERSION:
        raise SchemaVersionError(
            [
                Problem(
                    f"{path}.schema_version",
                    f"version {version} is newer than this library reads ({SCHEMA_VERSION}); "
                    "upgrade secevents",
                )
            ]
        )
    tag = data.get("type")
    while version < SCHEMA_VERSION:
        step = _UPCASTERS.get((version, tag)) or _UPCASTERS.get((version, None))
        if step is None:
            raise SchemaVersionError(
                [Problem(f"{path}.schema_version", f"no upcaster from version {version}")]
            )
        data = step(dict(data))
        version += 1
        data["schema_version"] = version
    return data
