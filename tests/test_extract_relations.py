"""Relations from text: each rule on sentences written for it, and the score on the corpus."""

from __future__ import annotations

import functools
import json
from pathlib import Path
from typing import Any

import secevents as se
from _corpus_match import CORE, gold_key, pairing, predicted_key
from secevents.extraction import extract

CORPUS = Path(__file__).parent / "data" / "corpus"
#: Precision and recall of the relations between annotated events on the whole corpus
#: (14 gold relations in 12 reports), as measured when the rules were written (8 right,
#: 3 wrong, 6 missed): floors against a regression. The rules were written on this
#: corpus, so these are tuning-set numbers; most errors come from the events themselves
#: (an extra exercise read from a headline, a milestone not read).
FLOORS = (0.72, 0.57)


def links(report: se.Report) -> list[tuple[str, str, str]]:
    """(kind, source type, target type) of each relation, in order."""
    by_id = {event.id: event for event in report.events}
    return [
        (link.kind, by_id[link.source_ref].type_tag, by_id[link.target_ref].type_tag)
        for link in report.relations
    ]


def only(report: se.Report, tag: str) -> list[se.Event]:
    return [event for event in report.events if event.type_tag == tag]


# -- about -----------------------------------------------------------------------------


def test_a_protest_over_drills_is_about_the_drills() -> None:
    report = extract(
        " date 2022-03-04 Russian and Chinese warships held joint drills near Hokkaido on "
        "Tuesday.\n\nOn Thursday Japan handed Russia a protest note over the drills."
    )
    assert ("about", "diplomatic_communique", "joint_exercise") in links(report)
    [link] = [link for link in report.relations if link.kind == "about"]
    assert link.evidence[0].text in report.text and "protest note" in link.evidence[0].text
    assert str(link.date) == "2022-03-04" and link.confidence is not None


def test_a_message_naming_a_base_is_about_the_reports_main_base() -> None:
    report = extract(
        " date 2019-05-02 India agreed on Monday to build a naval base on Assomption Island in "
        "Seychelles.\n\nA week later the Seychelles foreign ministry sent a note to the Indian "
        "embassy asking that the base stay under Seychelles command."
    )
    [base] = only(report, "base_construction")
    [note] = only(report, "diplomatic_communique")
    about = [link for link in report.relations if link.kind == "about"]
    assert [(link.source_ref, link.target_ref) for link in about] == [(note.id, base.id)]


def test_a_message_naming_neither_is_about_nothing() -> None:
    report = extract(
        " date 2019-05-02 India agreed on Monday to build a naval base in Seychelles.\n\n"
        "The Seychelles foreign ministry sent a note to the Indian embassy on trade tariffs."
    )
    assert [link for link in report.relations if link.kind == "about"] == []


# -- denies ----------------------------------------------------------------------------


def test_a_denial_denies_the_reported_base_of_the_same_host() -> None:
    report = extract(
        " date 2018-08-29 A newspaper reported on Monday that China was building a military "
        "base in Afghanistan's Wakhan Corridor.\n\nOn Wednesday the Chinese defence ministry "
        "denied that China was building a military base in Afghanistan."
    )
    denials = [link for link in report.relations if link.kind == "denies"]
    assert len(denials) == 1
    by_id = {event.id: event for event in report.events}
    target = by_id[denials[0].target_ref]
    assert isinstance(target, se.BaseConstruction) and target.status is not (
        se.ConstructionStatus.DENIED
    )
    assert "denied" in denials[0].evidence[0].text


def test_a_denial_with_nothing_reported_denies_nothing() -> None:
    report = extract(
        " date 2018-08-29 On Wednesday the Chinese defence ministry denied that China was "
        "building a military base in Afghanistan."
    )
    assert [link for link in report.relations if link.kind == "denies"] == []


# -- part_of ---------------------------------------------------------------------------


def test_drills_that_are_part_of_named_war_games_are_part_of_them() -> None:
    report = extract(
        " date 2021-09-20 Russia and Belarus began the Zapad-2021 strategic exercise on "
        "September 10.\n\nOn September 14 Russian and Belarusian paratroopers held joint drills "
        "near Brest as part of Zapad-2021."
    )
    parts = [link for link in report.relations if link.kind == "part_of"]
    by_id = {event.id: event for event in report.events}
    assert [getattr(by_id[link.target_ref], "name", None) for link in parts] == ["Zapad-2021"]
    assert by_id[parts[0].source_ref].date == se.DateSpan.parse("2021-09-14")


def test_part_of_efforts_is_not_part_of_an_exercise() -> None:
    report = extract(
        " date 2021-10-28 Russia and Tajikistan held war games on October 20.\n\nOn October 23 "
        "Russian and Tajik troops conducted joint drills near the border as part of efforts to "
        "prepare for threats."
    )
    assert [link for link in report.relations if link.kind == "part_of"] == []


# -- follows ---------------------------------------------------------------------------


def test_a_lease_extension_follows_the_opening_of_the_base() -> None:
    report = extract(
        " date 2020-07-18 Russia's 102nd base has been stationed in Gyumri, Armenia, since "
        "1995.\n\nIn 2010 Russia and Armenia signed an agreement that extends Russia's lease on "
        "the military base until 2044."
    )
    follows = [link for link in report.relations if link.kind == "follows"]
    by_id = {event.id: event for event in report.events}
    assert [
        (str(by_id[link.source_ref].date), str(by_id[link.target_ref].date)) for link in follows
    ] == [("2010", "1995")]


def test_bases_at_two_places_do_not_follow_each_other() -> None:
    report = extract(
        " date 2021-10-28 China has been running a military base in Kulob, Tajikistan, since "
        "2016.\n\nOn Wednesday China agreed to build a border outpost near Ishkoshim in "
        "Tajikistan."
    )
    assert len(only(report, "base_construction")) == 2
    assert [link for link in report.relations if link.kind == "follows"] == []


def test_every_relation_links_events_of_its_report_and_round_trips() -> None:
    text = json.loads((CORPUS / "seed.json").read_text(encoding="utf-8"))["text"]
    report = extract(text)
    ids = {event.id for event in report.events}
    assert report.relations
    for link in report.relations:
        assert {link.source_ref, link.target_ref} <= ids
        assert all(report.text[e.start : e.end] == e.text for e in link.evidence)
    assert se.loads(se.dumps(report)) == report
    assert (
        list(se.to_dict(report)).index("relations") == list(se.to_dict(report)).index("events") + 1
    )


# -- the corpus ------------------------------------------------------------------------


def _cell(table: list[list[float]], row: int, column: int) -> float:
    return table[row][column]


def corpus_relation_score() -> dict[str, int]:
    """Counts of the relations between annotated (core) events, over the whole corpus.

    Extracted events are matched to gold events as the event score matches them;
    a relation is right when its kind and both matched ends are a gold relation.
    Relations with an end the corpus does not annotate (a ``statement``) are
    counted apart, as ``unscored``.
    """
    counts = {"tp": 0, "fp": 0, "fn": 0, "unscored": 0}
    for path in sorted(CORPUS.glob("*.json")):
        doc = json.loads(path.read_text(encoding="utf-8"))
        report = extract(doc["text"])
        wire = [se.to_dict(event) for event in report.events]
        core = [index for index, event in enumerate(wire) if event["type"] in CORE]
        # Two milestones of one base can share type, actors and date: their status tells.
        bonus = [
            [0.25 if g.get("status") and g.get("status") == wire[j].get("status") else 0.0
             for j in core]
            for g in doc["events"]
        ]  # fmt: skip
        matched = pairing(
            [gold_key(event) for event in doc["events"]],
            [predicted_key(wire[i]) for i in core],
            tie=functools.partial(_cell, bonus),
        )
        gold_of = {report.events[core[j]].id: i for i, j in matched.items()}
        golds = {(r["kind"], r["source"], r["target"]) for r in doc.get("relations", [])}
        found: set[tuple[Any, ...]] = set()
        tags = {event.id: event.type_tag for event in report.events}
        for link in report.relations:
            if tags[link.source_ref] not in CORE or tags[link.target_ref] not in CORE:
                counts["unscored"] += 1
                continue
            found.add((link.kind, gold_of.get(link.source_ref), gold_of.get(link.target_ref)))
        counts["tp"] += len(found & golds)
        counts["fp"] += len(found - golds)
        counts["fn"] += len(golds - found)
    return counts


def test_relation_precision_and_recall_stay_at_or_above_the_floor() -> None:
    counts = corpus_relation_score()
    assert counts["tp"] + counts["fn"] == 14  # the gold relations of the corpus README
    precision = counts["tp"] / (counts["tp"] + counts["fp"])
    recall = counts["tp"] / (counts["tp"] + counts["fn"])
    assert precision >= FLOORS[0] and recall >= FLOORS[1], counts
