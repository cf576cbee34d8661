"""Matching extracted events to the corpus's gold events (type, actor codes, date).

A minimal copy of the shared scorer's matching, used by the event and the
relation scores on the corpus.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, Final

CORE: Final = ("base_construction", "joint_exercise", "diplomatic_communique")
ROLES: Final = {
    "base_construction": ("builder", "host"),
    "joint_exercise": ("participants",),
    "diplomatic_communique": ("sender", "recipient"),
}
Key = tuple[str, set[str], str | None]


def predicted_key(event: dict[str, Any]) -> Key:
    """The matching key of an extracted event (its wire dict)."""
    found: set[str] = set()
    for role in ROLES[event["type"]]:
        value = event.get(role)
        for actor in value if isinstance(value, list) else [value] if value else []:
            code = actor.get("code") or actor.get("country")
            if code:
                found.add(code)
    return event["type"], found, event.get("date")


def gold_key(event: dict[str, Any]) -> Key:
    """The matching key of a gold event."""
    return event["type"], {c for v in event["roles"].values() for c in v}, event.get("date")


def similarity(g: Key, p: Key) -> float:
    """How well a predicted event matches a gold one (0: not at all)."""
    if g[0] != p[0]:
        return 0.0
    union = g[1] | p[1]
    jaccard = len(g[1] & p[1]) / len(union) if union else 1.0
    date = 0.5 if not g[2] and not p[2] else 0.0
    if g[2] and p[2]:
        date = 1.0 if g[2] == p[2] else 0.5 if g[2][:4] == p[2][:4] else 0.0
    ok = jaccard >= 0.34 or (g[1] & p[1] and date > 0)
    return jaccard + 0.5 * date if ok else 0.0


def pairing(
    golds: list[Key], preds: list[Key], tie: Callable[[int, int], float] | None = None
) -> dict[int, int]:
    """Gold index -> predicted index, best matches first, each used once.

    ``tie(i, j)`` (small) is added to the score of a match, to tell apart gold
    events the key does not (two milestones of one base on the same day).
    """
    pairs = sorted(
        (
            (score + (tie(i, j) if tie else 0.0), i, j)
            for i, g in enumerate(golds)
            for j, p in enumerate(preds)
            if (score := similarity(g, p)) > 0
        ),
        reverse=True,
    )
    matched: dict[int, int] = {}
    used: set[int] = set()
    for score, i, j in pairs:
        if score > 0 and i not in matched and j not in used:
            matched[i] = j
            used.add(j)
    return matched
