"""Bounding work in tests without clocks: count the steps a function takes as input grows.

A step is a Python or C function call (``sys.setprofile`` sees both); the count
for a given input is the same on a busy machine as on an idle one. A function is
linear when four times the input takes about four times the steps.

What a step count cannot see is work inside one C call: a regular expression
that backtracks over the whole text is one call however long it runs. For that
case :func:`cpu_growth` compares the CPU time this process spends (not the wall
clock: other processes do not add to it) on a small and a large input, in the
same run; linear work grows like the input, quadratic work like its square.
"""

from __future__ import annotations

import sys
import time
from collections.abc import Callable
from types import FrameType
from typing import Any

__all__ = ["assert_linear_steps", "cpu_growth", "steps"]


def steps(run: Callable[[], Any]) -> int:
    """The number of function calls ``run()`` makes (after one call to warm caches)."""
    run()
    count = 0

    def profile(frame: FrameType, event: str, arg: Any) -> None:
        nonlocal count
        if event == "call" or event == "c_call":
            count += 1

    previous = sys.getprofile()
    sys.setprofile(profile)
    try:
        run()
    finally:
        sys.setprofile(previous)
    return count


def assert_linear_steps(
    make: Callable[[int], Any], call: Callable[[Any], Any], size: int, factor: int = 4
) -> tuple[int, int]:
    """Assert that ``call(make(factor * size))`` takes at most about ``factor`` times the
    steps of ``call(make(size))`` (25 % and a constant of slack); returns both counts."""
    small_input, large_input = make(size), make(factor * size)
    small = steps(lambda: call(small_input))
    large = steps(lambda: call(large_input))
    assert large <= factor * small * 1.25 + 1000, (size, small, large)
    return small, large


def cpu_growth(run: Callable[[Any], Any], small: Any, large: Any, repeat: int = 3) -> float:
    """How many times more CPU time ``run(large)`` takes than ``run(small)`` (best of
    ``repeat``)."""

    def best(argument: Any) -> float:
        times = []
        for _ in range(repeat):
            started = time.process_time()
            run(argument)
            times.append(time.process_time() - started)
        return max(min(times), 1e-4)

    best(small)  # warm caches
    return best(large) / best(small)
