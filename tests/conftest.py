"""Shared test settings: a fast Hypothesis profile by default (CI has two cores).

Run ``HYPOTHESIS_PROFILE=thorough pytest`` for a longer search.
"""

from __future__ import annotations

import datetime as dt
import os
from typing import TypeVar

import pytest
from hypothesis import HealthCheck, settings

from secevents import Event
from secevents.extraction import extract

E = TypeVar("E", bound=Event)

settings.register_profile("fast", max_examples=50, deadline=None)
settings.register_profile("thorough", max_examples=1000, deadline=None)
# Run by .ci/run on tests/test_stress.py: hostile input, bounded to a few minutes.
settings.register_profile(
    "stress",
    max_examples=2500,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "fast"))


#: The day the parser's unit tests publish their sentences on (a Thursday).
PUBLISHED = dt.date(2021, 10, 28)


class Read:
    """The events ``extract`` reads from a sentence published on :data:`PUBLISHED`."""

    def __call__(self, text: str, kind: type[Event] | None = None) -> list[Event]:
        found = extract(text, published=PUBLISHED).events
        return [e for e in found if kind is None or isinstance(e, kind)]

    def one(self, text: str, kind: type[E]) -> E:
        """The only event of ``kind`` in ``text``."""
        found = self(text, kind)
        assert len(found) == 1, found
        event = found[0]
        assert isinstance(event, kind)
        return event


@pytest.fixture(scope="session")
def read() -> Read:
    """Read sentences into events (``read(text, kind)``, ``read.one(text, kind)``)."""
    return Read()
