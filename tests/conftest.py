"""Shared test settings: a fast Hypothesis profile by default (CI has two cores).

Run ``HYPOTHESIS_PROFILE=thorough pytest`` for a longer search.
"""

from __future__ import annotations

import os

from hypothesis import HealthCheck, settings

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
