"""Reigning monarchs are heads of state: found missing by PETRARCH2's coded test sentences
(issue 12). Every phrase here was written for these tests."""

from __future__ import annotations

import pytest

from secevents.normalize import find_actors


def countries(text: str, date: str) -> list[str | None]:
    return [r.value.country for r in find_actors(text, date=date) if r.value is not None]


@pytest.mark.parametrize(
    ("text", "date", "country"),
    [
        ("King Harald V opened the session", "2010-06-01", "NOR"),
        ("Emperor Akihito addressed the nation", "2011-03-16", "JPN"),
        ("Sultan Qaboos received the envoy", "2012-05-02", "OMN"),
        ("King Juan Carlos flew to Rabat", "2005-01-18", "ESP"),
        ("Carl XVI Gustaf visited the base", "2019-11-11", "SWE"),
        ("Queen Beatrix met the troops", "2001-04-30", "NLD"),
    ],
)
def test_monarchs_resolve_to_their_state(text: str, date: str, country: str) -> None:
    assert countries(text, date) == [country]


@pytest.mark.parametrize(
    "text", ["Edouard Philippe said", "Philippe said", "Albert said the plan would work"]
)
def test_a_monarchs_first_name_alone_is_no_actor(text: str) -> None:
    assert "BEL" not in countries(text, "2018-01-01")
