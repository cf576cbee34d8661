"""The small scores similarity is made of, shared by the scorer and the blocking's bounds."""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping, Set
from typing import Any

__all__ = ["actors_score", "jaccard", "mean", "unit", "weighted"]


def unit(value: float) -> float:
    """``value`` clamped to [0, 1]."""
    return min(1.0, max(0.0, value))


def mean(values: Iterable[float]) -> float | None:
    """The mean of ``values`` (clamped), or None when there are none."""
    found = list(values)
    return unit(math.fsum(found) / len(found)) if found else None


def jaccard(a: Set[Any], b: Set[Any]) -> float:
    """Shared over all: 1.0 for two empty sets."""
    union = a | b
    return len(a & b) / len(union) if union else 1.0


def actors_score(
    classes_a: dict[str, frozenset[str]], classes_b: dict[str, frozenset[str]]
) -> float | None:
    """How alike two events' actors are, role by role where they share roles, else half
    the overlap of everyone named; None when either names no one."""
    if not classes_a or not classes_b:
        return None
    common = classes_a.keys() & classes_b.keys()
    if len(common) == 1:  # as the mean of one value: fsum([x]) / 1 is x
        (name,) = common
        return unit(jaccard(classes_a[name], classes_b[name]))
    if common:  # fsum is exactly rounded, so the order of the classes does not matter
        return mean(jaccard(classes_a[name], classes_b[name]) for name in common)
    everyone_a = frozenset().union(*classes_a.values())
    everyone_b = frozenset().union(*classes_b.values())
    return 0.5 * jaccard(everyone_a, everyone_b)


def weighted(
    kind: float, aspects: Mapping[str, float | None], weights: Mapping[str, float]
) -> float:
    """``kind`` × the weighted mean of the aspects compared (not ``None``), in the
    order of ``weights``; 0 when none was. The blocking's bounds call it with the
    best values a pair may have, so that they round as the score does."""
    total = weight = 0.0
    for name, own in weights.items():
        value = aspects.get(name)
        if value is not None:
            total += own * value
            weight += own
    return kind * (total / weight) if weight else 0.0
