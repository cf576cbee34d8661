"""The frame lexicon: the pattern language, and every built-in frame on its own example."""

from __future__ import annotations

import datetime as dt

import pytest

from secevents.extraction import Document
from secevents.extraction.frames import Frame, FrameLexicon, compile_pattern, default_frames

DAY = dt.date(2021, 10, 28)
BUILTIN = list(default_frames())


def roles_of(frame: Frame, text: str) -> dict[str, list[str]]:
    doc = Document(text, published=DAY)
    lexicon = FrameLexicon([frame])
    found = lexicon.match(doc, doc.sentences[0], frame.event_type)
    assert found, f"{frame.pattern!r} does not match {text!r}"
    return {role: [h.code for h in hits] for role, hits in found[0].roles.items()}


@pytest.mark.parametrize("frame", BUILTIN, ids=[f.pattern[:50] for f in BUILTIN])
def test_every_builtin_frame_gives_its_example_roles(frame: Frame) -> None:
    assert frame.example is not None and frame.expect, "every built-in frame has an example"
    found = roles_of(frame, frame.example)
    assert {role: tuple(codes) for role, codes in found.items()} == dict(frame.expect)


def test_verb_forms_alternatives_gaps_and_optional_words() -> None:
    regex = compile_pattern("{host} ... ~allow {builder} to? ~use")
    assert regex.search("⟨0⟩ has agreed to allow ⟨1⟩ to use")
    assert regex.search("⟨0⟩ allowed the ⟨1⟩ forces use")
    assert not regex.search("⟨0⟩ allowed ⟨1⟩ to leave")
    assert not regex.search("⟨0⟩ and a very long list of many words in between allow ⟨1⟩ to use")
    assert not regex.search(
        "⟨0⟩ said; the deal will allow ⟨1⟩ to use"
    )  # the gap stays in its clause
    assert regex.search("⟨0⟩ agreed that it would allow ⟨1⟩ to use")  # "it": the first actor


def test_a_list_of_actors_fills_one_role() -> None:
    frame = Frame("joint_exercise", "~host {participants} for drills")
    doc = Document("Kazakhstan hosted Russia, China and India for drills.", published=DAY)
    (match,) = FrameLexicon([frame]).match(doc, doc.sentences[0], "joint_exercise")
    assert [h.code for h in match.roles["participants"]] == ["RUS", "CHN", "IND"]
    assert doc.text[match.start : match.end] == "hosted Russia, China and India for drills"


def test_users_extend_a_copy_of_the_lexicon() -> None:
    mine = default_frames().copy()
    frame = Frame("base_construction", "{builder} ~garrison ...3 in {host}")
    mine.add(frame, first=True)
    assert mine.frames("base_construction")[0] is frame
    assert frame not in default_frames().frames("base_construction")
    assert roles_of(frame, "Russia garrisons troops in Armenia.") == {
        "builder": ["RUS"],
        "host": ["ARM"],
    }


def test_a_broken_pattern_says_which() -> None:
    with pytest.raises(ValueError, match=r"frame '\{speaker ~say': '\{speaker' is not a role"):
        Frame("statement", "{speaker ~say")
