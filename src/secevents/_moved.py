"""The module paths of secevents before its layers became subpackages, kept for one release.

``import secevents.events`` (or ``from secevents.serialize import dumps``) still works:
the old name is an alias of the module's new home (the same module object, so
patching one patches the other), and importing it warns with a
:class:`DeprecationWarning` naming the new path. Nothing inside secevents imports
an old path (``tests/test_layers.py`` checks).
"""

from __future__ import annotations

import importlib
import importlib.machinery
import sys
import warnings
from collections.abc import Sequence
from types import ModuleType
from typing import TYPE_CHECKING, Final, cast

if TYPE_CHECKING:
    from importlib.abc import Loader

__all__ = ["MOVED", "install", "message"]

_LAYERS: Final = {
    "model": (
        "actors amounts coded codes dates _edtf events extra ids places provenance registry "
        "vocab report _validate _typecheck _json"
    ),
    "wire": "converter serialize versions schema _fastpath _problems",
    "linking": "similarity merging _blocking",
    "notebook": "collection timeline _html _report_html",
}

#: Old module path -> new module path.
MOVED: Final = {
    f"secevents.{name}": f"secevents.{layer}.{name}"
    for layer, names in _LAYERS.items()
    for name in names.split()
}


def message(old: str) -> str:
    """The deprecation message of the old path ``old``."""
    return (
        f"{old} is deprecated and will be removed in the next release: "
        f"import {MOVED[old]} (or the name from secevents)"
    )


class _Alias:
    """The loader of an old path (an importlib Loader; importlib.abc is slow to import)."""

    def __init__(self, new: str) -> None:
        self.new = new
        self.own_spec: importlib.machinery.ModuleSpec | None = None

    def create_module(self, spec: importlib.machinery.ModuleSpec) -> ModuleType:
        warnings.warn(message(spec.name), DeprecationWarning, stacklevel=2)
        module = importlib.import_module(self.new)
        self.own_spec = module.__spec__
        return module

    def exec_module(self, module: ModuleType) -> None:
        # The module is the new one, already run; the import system has just put the
        # old name's spec on it: give it back its own.
        module.__spec__ = self.own_spec


class _Finder:
    """Finds the old paths (an importlib MetaPathFinder)."""

    def find_spec(
        self, fullname: str, path: Sequence[str] | None, target: ModuleType | None = None
    ) -> importlib.machinery.ModuleSpec | None:
        new = MOVED.get(fullname)
        if new is None:
            return None
        return importlib.machinery.ModuleSpec(fullname, cast("Loader", _Alias(new)))


class _Package(ModuleType):
    """The ``secevents`` package, whose public names an old path cannot hide.

    Importing a submodule binds it on its package: ``import secevents.registry`` (an
    old path, first imported now) would put the module over ``secevents.registry``
    the registry, ``secevents.similarity`` over the function (loaded or not yet: see
    the package's ``__getattr__``).
    """

    def __setattr__(self, name: str, value: object) -> None:
        if isinstance(value, ModuleType) and f"{self.__name__}.{name}" in MOVED:
            current = self.__dict__.get(name)
            if current is not None and not isinstance(current, ModuleType):
                return
            if name in self.__dict__.get("__all__", ()):  # a public name not loaded yet
                return
        super().__setattr__(name, value)


def install(package: ModuleType) -> None:
    """Make the old paths importable (done once, by ``import secevents``)."""
    package.__class__ = _Package
    if not any(isinstance(finder, _Finder) for finder in sys.meta_path):
        sys.meta_path.append(_Finder())
