"""Reading names once and sharing the reading gives what the stand-alone finders give."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from secevents.normalize.actors import actors_of, find_actors, read_names
from secevents.normalize.places import find_places, places_of

CORPUS = Path(__file__).resolve().parent / "data" / "corpus"
PATHS = sorted(CORPUS.glob("*.json"))
TEXTS = [json.loads(path.read_text("utf-8"))["text"] for path in PATHS]


@pytest.mark.parametrize("text", TEXTS, ids=[path.stem for path in PATHS])
def test_shared_reading_matches_the_finders_on_the_corpus(text: str) -> None:
    reading = read_names(text)
    assert actors_of(reading) == find_actors(text)
    assert places_of(reading) == find_places(text)
    assert places_of(reading, country="TJK") == find_places(text, country="TJK")


@given(
    st.text(
        alphabet=st.sampled_from(list("Russia Tajik border the near Kulob, U.S. -'")), max_size=80
    )
)
def test_shared_reading_matches_the_finders_on_any_text(text: str) -> None:
    reading = read_names(text)
    assert actors_of(reading) == find_actors(text)
    assert places_of(reading) == find_places(text)
