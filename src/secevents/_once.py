"""Tables built on first use, once, under a lock: no thread ever sees one half built.

Every lazily loaded table of the package (code lists, the gazetteer and its prefix
index, the name index, the currency and CAMEO tables...) goes through this module.
``functools.cache`` would let two threads build the same table at once, and a table
filled in place (a set grown on first use) can be read by another thread while it
is still filling; here the first caller builds, the others wait for it, and nothing
is published until it is complete.
"""

from __future__ import annotations

import functools
import threading
from collections.abc import Callable, Hashable
from typing import Any, Generic, ParamSpec, TypeVar, cast

__all__ = ["Once", "load_once"]

T = TypeVar("T")
P = ParamSpec("P")
_UNSET: Any = object()


class Once(Generic[T]):
    """A value ``build()`` makes on the first :meth:`get`, once, for every thread.

    >>> calls = []
    >>> squares = Once(lambda: calls.append(1) or {n * n for n in range(4)})
    >>> squares.get() == {0, 1, 4, 9}, squares.get() is squares.get(), len(calls)
    (True, True, 1)
    """

    __slots__ = ("_build", "_lock", "_value")

    def __init__(self, build: Callable[[], T]) -> None:
        self._build: Callable[[], T] | None = build
        self._lock = threading.Lock()
        self._value: T = _UNSET

    def get(self) -> T:
        """The value, built by the first caller while later ones wait."""
        value = self._value
        if value is not _UNSET:
            return value
        with self._lock:
            if self._value is _UNSET:
                build = self._build
                assert build is not None
                self._value = build()  # published only once complete
                self._build = None
            return self._value

    @property
    def ready(self) -> bool:
        """Whether the value has been built."""
        return self._value is not _UNSET


def load_once(build: Callable[P, T]) -> Callable[P, T]:
    """``build`` with its result kept per arguments, each built once under a lock.

    Like :func:`functools.cache`, but concurrent first calls with the same
    arguments build once: the other threads wait and get the same object.
    A build that raises is retried by the next call. ``loaded()`` counts the
    results held, ``cache_clear()`` drops them.

    >>> @load_once
    ... def table(name: str) -> frozenset[str]:
    ...     return frozenset(name)
    >>> table("ab") is table("ab")
    True
    """
    done: dict[Hashable, Any] = {}
    lock = threading.RLock()  # re-entrant: a table may be built from another of its keys

    @functools.wraps(build)
    def get(*args: P.args, **kwargs: P.kwargs) -> T:
        key: Hashable = (args, tuple(kwargs.items())) if kwargs else args
        value = done.get(key, _UNSET)
        if value is not _UNSET:
            return cast(T, value)
        with lock:
            value = done.get(key, _UNSET)
            if value is _UNSET:
                value = done[key] = build(*args, **kwargs)
            return cast(T, value)

    get.cache_clear = done.clear  # type: ignore[attr-defined]
    get.loaded = done.__len__  # type: ignore[attr-defined]  # how many results are held
    return get
