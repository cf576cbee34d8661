"""The embedded gazetteer's tables cost the garbage collector nothing after loading.

Its 38,000 rows and 96,000 name keys are tuples of strings and integers, which
CPython's collector stops tracking at the first collection; the table is built with
collections paused (and the collector's state given back as it was found).
"""

from __future__ import annotations

import gc
import platform

import pytest

from secevents.normalize._gazetteer import _without_collections, default_gazetteer

pytestmark = pytest.mark.skipif(
    platform.python_implementation() != "CPython", reason="the collector's tracking is CPython's"
)


def test_rows_and_keys_are_left_untracked() -> None:
    gazetteer = default_gazetteer()
    gc.collect()
    rows, keys = gazetteer._rows, list(gazetteer._keys.values())
    assert len(rows) > 30_000 and len(keys) > 50_000
    assert not any(gc.is_tracked(row) for row in rows)
    assert not any(gc.is_tracked(found) for found in keys)
    assert [c.country for c in gazetteer.lookup("Kulob")] == ["TJK"]


def test_the_collector_is_given_back_as_found() -> None:
    was = gc.isenabled()
    try:
        gc.enable()
        assert _without_collections(gc.isenabled) is False
        assert gc.isenabled()
        gc.disable()
        assert _without_collections(lambda: 1) == 1
        assert not gc.isenabled()  # a caller that paused it keeps it paused
        gc.enable()

        def failing() -> None:
            raise ValueError("a broken data file")

        with pytest.raises(ValueError, match="broken data file"):
            _without_collections(failing)
        assert gc.isenabled()
    finally:
        (gc.enable if was else gc.disable)()
