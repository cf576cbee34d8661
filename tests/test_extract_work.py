"""Work that ``extract`` shares within a document: each piece read once, the same answers.

The caches of :class:`~secevents.extraction.Document` live as long as one call;
these tests count the normalizer calls they spare and check that the answers
read from them are those read afresh.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from typing import Any

import pytest

from secevents.extraction import Document, extract
from secevents.extraction import document as document_module
from secevents.extraction.clues import attributions

DAY = dt.date(2021, 10, 28)
SENTENCE = "Russian and Tajik troops held joint drills near Dushanbe on Monday, TASS reported."


@pytest.fixture
def counted(monkeypatch: pytest.MonkeyPatch) -> Counter[str]:
    """How often each normalizer the document calls is called, by name."""
    calls: Counter[str] = Counter()
    for name in ("read_names", "actors_of", "places_of", "find_dates", "find_numbers", "counts_in"):
        real = getattr(document_module, name)

        def counting(*args: Any, _real: Any = real, _name: str = name, **kwargs: Any) -> Any:
            calls[_name] += 1
            return _real(*args, **kwargs)

        monkeypatch.setattr(document_module, name, counting)
    return calls


def test_a_sentence_the_document_repeats_is_read_once(counted: Counter[str]) -> None:
    text = " ".join([SENTENCE] * 5)
    report = extract(text, published=DAY)
    assert report.events
    assert counted["read_names"] == 1
    assert counted["find_dates"] == 1
    assert counted["places_of"] == 1
    assert counted["find_numbers"] == counted["counts_in"] == 1  # counts and money share them


def test_the_hits_of_each_copy_are_at_its_own_offsets() -> None:
    doc = Document(" ".join([SENTENCE] * 3), published=DAY)
    first, *others = doc.sentences
    for sentence in others:
        shift = sentence.start - first.start
        for read in (doc.actors, doc.dates, doc.places):
            expected = [(h.start + shift, h.end + shift) for h in read(first)]
            found = [(h.start, h.end) for h in read(sentence)]
            assert found == expected and found
            assert all(doc.text[a:b] for a, b in found)


def test_repeated_text_gives_the_events_of_one_copy_with_their_evidence() -> None:
    once = extract(SENTENCE, published=DAY)
    twice = extract(SENTENCE + "\n\n" + SENTENCE, published=DAY)
    assert [e.date for e in twice.events] == [e.date for e in once.events]
    for event in twice.events:
        assert all(twice.text[e.start : e.end] == e.text for e in event.evidence)


def test_sentences_that_differ_are_each_read(counted: Counter[str]) -> None:
    extract(SENTENCE + " " + SENTENCE.replace("Monday", "Tuesday"), published=DAY)
    assert counted["read_names"] == 2
    assert counted["find_dates"] == 2


@pytest.mark.parametrize(
    ("text", "publishers"),
    [
        ("According to a report by the news agency Interfax, drills began.", ["Interfax"]),
        ("The drills began, according to TASS.", ["TASS"]),
        ("Xinhua News Agency reported that the base opened.", ["Xinhua News Agency"]),
        ("he told the Associated Press on Monday.", ["Associated Press"]),
        ("MOSCOW /ITAR-TASS/ The drills began.", ["ITAR-TASS"]),
        ("ACCORDING TO the ministry nothing was agreed.", []),
        ("The drills began on Monday.", []),
    ],
)
def test_attributions_read_behind_their_cue_words(text: str, publishers: list[str]) -> None:
    assert [s.publisher for s in attributions(text)] == publishers
