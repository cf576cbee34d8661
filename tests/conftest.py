"""Shared test settings: a fast Hypothesis profile by default (CI has two cores).

Run ``HYPOTHESIS_PROFILE=thorough pytest`` for a longer search.
"""

from __future__ import annotations

import os

from hypothesis import settings

settings.register_profile("fast", max_examples=50, deadline=None)
settings.register_profile("thorough", max_examples=1000, deadline=None)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "fast"))
