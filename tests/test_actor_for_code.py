"""Actors from codes carry the lexicon's name, and extracted events show it."""

from __future__ import annotations

import datetime as dt

import pytest

import secevents as se
from secevents.normalize import actor_for_code


def test_states_are_named_with_their_wikidata_id() -> None:
    china = actor_for_code("CHN")
    assert (china.kind, china.code, china.name, china.wikidata) == (
        se.ActorKind.STATE,
        "CHN",
        "China",
        "Q148",
    )


def test_organisations_and_groups_take_their_main_name() -> None:
    assert actor_for_code("NATO").name == "North Atlantic Treaty Organization"
    assert actor_for_code("UN").name == "United Nations"  # not a UN organ's name
    assert actor_for_code("TALIBAN").kind is se.ActorKind.ARMED_GROUP


def test_unknown_codes_pass_through_unnamed() -> None:
    assert actor_for_code("MYGROUP") == se.Actor.organization("MYGROUP")


def test_a_code_that_is_not_text_is_refused() -> None:
    with pytest.raises(TypeError, match="code must be a non-empty string"):
        actor_for_code("")


def test_extracted_roles_carry_names_that_involving_finds() -> None:
    report = se.extract(
        "Kazakhstan and Uzbekistan began a joint military exercise near Termez on Monday, "
        "the Uzbek defence ministry said.",
        published=dt.date(2024, 5, 8),
    )
    (exercise,) = report.events
    assert isinstance(exercise, se.JointExercise)
    names = {actor.name for actor in exercise.participants}
    assert names == {"Kazakhstan", "Uzbekistan"}
    events = se.EventCollection(report)
    assert len(events.involving(se.Actor.state("UZB", name="Uzbekistan"))) == 1
    assert len(events.involving("uzbekistan")) == 1
