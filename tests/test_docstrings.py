"""Run the examples in every public docstring of the package."""

from __future__ import annotations

import doctest
import importlib
import importlib.util
import pkgutil

import pytest

import secevents

MODULES = sorted(
    info.name
    for info in pkgutil.walk_packages(secevents.__path__, prefix="secevents.")
    if info.name != "secevents.testing" or importlib.util.find_spec("hypothesis") is not None
)


@pytest.mark.parametrize("name", MODULES)
def test_docstring_examples(name: str) -> None:
    module = importlib.import_module(name)
    result = doctest.testmod(
        module, optionflags=doctest.ELLIPSIS | doctest.NORMALIZE_WHITESPACE, verbose=False
    )
    assert result.failed == 0


def test_every_public_name_has_a_docstring() -> None:
    missing = [
        name
        for name in secevents.__all__
        if not name.startswith("__")
        and not isinstance(getattr(secevents, name), int | str)
        and not (getattr(secevents, name).__doc__ or "").strip()
    ]
    assert missing == []
