"""``__eq__``, ``__hash__`` and ``__repr__`` of the model's attrs classes, made on first use.

attrs writes these methods as Python source and compiles them when it creates a
class; for the model's twenty-odd classes that compiling was a large part of
``import secevents``, for methods most programs call on few of the classes.
:func:`stand_ins` (or the decorator :func:`lazy_methods`) puts stand-ins into a class
body before attrs sees it, and attrs then leaves those methods alone. The first ``==``
or ``hash()`` on an object of the class generates the same code attrs would (fields
with ``eq``, their ``eq`` keys, ``hash=False`` fields left out of the hash) and
installs it on the class, so later calls cost what attrs' own methods cost. ``repr``
reads the fields as attrs' does and gives the same text.

Two threads that compare objects of a class for the first time at once may both
generate its methods; both install the same code, so either result is right.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Mapping
from typing import Any, Final, TypeVar

import attrs

__all__ = ["lazy_methods", "stand_ins"]

C = TypeVar("C", bound=type)

_METHODS: Final = ("__eq__", "__ne__", "__hash__")


def stand_ins(namespace: Mapping[str, Any]) -> dict[str, Any]:
    """The stand-ins for the body ``namespace`` of a class attrs is about to build: for
    the methods the body does not define itself (those stay as attrs treats them)."""
    found: dict[str, Any] = {}
    if not any(name in namespace for name in _METHODS):
        found.update(__eq__=_first_eq, __hash__=_first_hash)
    if "__repr__" not in namespace:
        found["__repr__"] = _repr
    return found


def lazy_methods(cls: C) -> C:
    """Give ``cls`` the stand-ins (a class decorator, placed under ``@attrs.frozen``)."""
    for name, method in stand_ins(vars(cls)).items():
        setattr(cls, name, method)
    return cls


def _owner(instance: Any, name: str, stand_in: Callable[..., Any]) -> type:
    """The class of ``instance``'s MRO that holds ``stand_in`` as ``name`` (a subclass's
    own method may have called it through ``super()``)."""
    for cls in type(instance).__mro__:
        if cls.__dict__.get(name) is stand_in:
            return cls
    raise TypeError(f"{type(instance).__qualname__}.{name}: no class holds the stand-in")


def _install(cls: type) -> None:
    """Generate ``cls``'s ``__eq__`` and ``__hash__`` as attrs would and put them on it."""
    fields = attrs.fields(cls)
    namespace: dict[str, Any] = {}
    compared = []
    for field in (field for field in fields if field.eq):
        if field.eq_key:
            namespace[f"_{field.name}_key"] = field.eq_key
            compared.append(
                f"_{field.name}_key(self.{field.name}) == _{field.name}_key(other.{field.name})"
            )
        else:
            compared.append(f"self.{field.name} == other.{field.name}")
    hashed = [
        f"_{field.name}_key(self.{field.name})" if field.eq_key else f"self.{field.name}"
        for field in fields
        if field.hash is True or (field.hash is None and field.eq is True)
    ]
    type_hash = hash(f"secevents hash of {cls.__module__}.{cls.__qualname__}")
    lines = [
        "def __eq__(self, other):",
        "    if other.__class__ is not self.__class__:",
        "        return NotImplemented",
        f"    return ({' and '.join(compared) or 'True'})",
        "def __hash__(self):",
        f"    return hash(({type_hash}, {''.join(item + ', ' for item in hashed)}))",
    ]
    source = "\n".join(lines)
    exec(compile(source, f"<secevents methods of {cls.__qualname__}>", "exec"), namespace)
    eq, hash_ = namespace["__eq__"], namespace["__hash__"]
    eq.__qualname__ = f"{cls.__qualname__}.__eq__"
    hash_.__qualname__ = f"{cls.__qualname__}.__hash__"
    type.__setattr__(cls, "__eq__", eq)
    type.__setattr__(cls, "__hash__", hash_)


def _first_eq(self: Any, other: Any) -> Any:
    cls = _owner(self, "__eq__", _first_eq)
    _install(cls)
    eq: Callable[[Any, Any], Any] = cls.__dict__["__eq__"]
    return eq(self, other)


def _first_hash(self: Any) -> int:
    cls = _owner(self, "__hash__", _first_hash)
    _install(cls)
    hash_: Callable[[Any], int] = cls.__dict__["__hash__"]
    return hash_(self)


_repring = threading.local()


def _repr(self: Any) -> str:
    """attrs' repr: ``Name(field=value, ...)``, ``...`` for an object inside itself."""
    try:
        active: set[int] = _repring.active
    except AttributeError:
        active = _repring.active = set()
    if id(self) in active:
        return "..."
    active.add(id(self))
    try:
        cls = self.__class__
        parts = []
        for field in attrs.fields(cls):
            if field.repr is False:
                continue
            name = field.name
            value = getattr(self, name) if field.init else getattr(self, name, attrs.NOTHING)
            shown = repr(value) if field.repr is True else field.repr(value)
            parts.append(f"{name}={shown}")
        return f"{cls.__qualname__.rsplit('>.', 1)[-1]}({', '.join(parts)})"
    finally:
        active.discard(id(self))
