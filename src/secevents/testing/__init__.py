"""Hypothesis strategies that build valid secevents objects, for property tests.

Installing hypothesis registers them (entry point), so ``st.from_type(se.Event)`` and
``st.from_type(YourEvent)`` give valid events, including for types defined later.
Imports :mod:`secevents.model` and :mod:`secevents.wire` only.
"""

from __future__ import annotations

import sys
from typing import Any


def _hypothesis_setup_hook() -> None:
    """The ``hypothesis`` entry point (``secevents.testing:_hypothesis_setup_hook``).

    Defined before the strategies are imported: importing them imports hypothesis,
    which runs this hook while this package is still half-built.
    """
    strategies: Any = sys.modules.get(f"{__name__}._strategies")
    if strategies is None:
        from . import _strategies as strategies
    strategies._hypothesis_setup_hook()


from ._strategies import (  # noqa: E402 (after the hook: see its docstring)
    actors,
    date_spans,
    equipment,
    events,
    evidence,
    json_values,
    locations,
    money,
    partial_dates,
    quantities,
    register_strategies,
    relations,
    sources,
    timestamps,
)

__all__ = [
    "actors", "date_spans", "equipment", "events", "evidence", "json_values", "locations",
    "money", "partial_dates", "quantities", "register_strategies", "relations", "sources",
    "timestamps",
]  # fmt: skip
