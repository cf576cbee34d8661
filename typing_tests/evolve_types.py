"""Checked by mypy only (never run): ``attrs.evolve`` on events is typed by their fields,
and ``se.parse(data, cls)`` returns a ``cls``.

Under ``mypy --strict`` an unneeded ``type: ignore`` is an error, so each ignore
below proves that mypy refuses that call.
"""

from __future__ import annotations

from typing import assert_type

import attrs

import secevents as se


class ArmsDeal(se.Event):
    supplier: se.Actor
    value: se.Money | None = None


def evolve_keeps_the_class_and_checks_the_changes() -> None:
    exercise = se.JointExercise(name="Rubezh")
    assert_type(attrs.evolve(exercise, name="Rubezh-2021"), se.JointExercise)
    assert_type(attrs.evolve(exercise, participants=(se.Actor.state("RUS"),)), se.JointExercise)
    attrs.evolve(exercise, name=2021)  # type: ignore[arg-type]
    attrs.evolve(exercise, nmae="Rubezh")  # type: ignore[call-arg]


def evolve_on_a_user_type() -> None:
    deal = ArmsDeal(supplier=se.Actor.state("USA"))
    assert_type(attrs.evolve(deal, supplier=se.Actor.state("FRA")), ArmsDeal)
    attrs.evolve(deal, supplier="FRA")  # type: ignore[arg-type]


def evolve_on_an_event_of_any_type(event: se.Event) -> None:
    assert_type(attrs.evolve(event, summary="revised"), se.Event)
    attrs.evolve(event, participants=())  # type: ignore[call-arg]


def parse_with_a_class_is_typed(text: str) -> None:
    assert_type(se.parse(text, se.JointExercise), se.JointExercise)
    assert_type(se.loads(text, se.Statement), se.Statement)
    assert_type(se.parse({"type": "report"}, se.Report), se.Report)
