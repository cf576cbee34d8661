"""merge() and cluster(): the rules on hand-made reports, the issue's example, and properties."""

from __future__ import annotations

import datetime as dt
import importlib
import json
from pathlib import Path
from typing import Any, cast

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

import secevents as se
from secevents.interop import dataset_event_id, kept_columns
from secevents.interop._keep import keep_columns
from secevents.linking.merging import ALTERNATIVES, alternatives, cluster, merge
from secevents.linking.similarity import similar_pairs, similarity
from secevents.model.ids import event_id
from secevents.testing import events

CORPUS = Path(__file__).parent / "data" / "corpus"
#: The first batch of reports (seed, d001-d015): the counts below are about these.
FIRST_BATCH = sorted(p for p in CORPUS.glob("*.json") if p.stem == "seed" or p.stem <= "d015")
RUS, TJK, CHN = (se.Actor.state(code) for code in ("RUS", "TJK", "CHN"))
TASS = se.Source(publisher="TASS", kind="news_agency")
ASIA_PLUS = se.Source(publisher="Asia-Plus", url="https://asiaplustj.info/en/news/1")


def day(text: str) -> se.DateSpan:
    return se.DateSpan.parse(text)


def round_trips(event: se.Event) -> bool:
    return bool(se.loads(se.dumps(event)) == event)


def test_the_issues_example_5000_and_4500_troops() -> None:
    text_a = "About 5,000 troops from Russia and Tajikistan took part in the drills."
    text_b = "Some 4,500 servicemen joined the exercise near the Afghan border."
    tass = se.JointExercise(
        date=day("2021-10-23"),
        participants=(RUS, TJK),
        troops=se.Quantity(5000, qualifier="approx", unit="troops"),
        sources=(TASS,),
        evidence=(se.Evidence.of(text_a, "About 5,000 troops"),),
        confidence=0.9,
    )
    asia = se.JointExercise(
        date=day("2021-10"),
        participants=(TJK, RUS),
        framework=se.Actor.organization("CSTO"),
        troops=se.Quantity(4500, qualifier="approx", unit="troops"),
        sources=(ASIA_PLUS,),
        evidence=(se.Evidence.of(text_b, "Some 4,500 servicemen"),),
        confidence=0.7,
    )
    merged = merge([asia, tass])
    assert isinstance(merged, se.JointExercise)
    assert merged.troops == tass.troops  # from the more confident report
    assert alternatives(merged) == {
        "troops": [{"value": 4500, "qualifier": "approx", "unit": "troops"}]
    }
    assert merged.sources == (TASS, ASIA_PLUS)
    assert merged.evidence == tass.evidence + asia.evidence
    assert merged.participants == (RUS, TJK)
    assert merged.framework == se.Actor.organization("CSTO")
    assert str(merged.date) == "2021-10-23"
    assert merged.confidence == 0.9
    assert merged.id == event_id(merged) and merged.id not in (tass.id, asia.id)
    assert round_trips(merged)
    wire = se.to_dict(merged)
    assert list(wire)[-1] == ALTERNATIVES  # written after the fields
    assert merge([tass, asia]) == merged  # the input order does not matter


def test_different_types_and_nothing_are_refused() -> None:
    with pytest.raises(ValueError, match="different types: joint_exercise, statement"):
        merge([se.JointExercise(), se.Statement(content="x")])
    with pytest.raises(ValueError, match="at least one event"):
        merge([])
    with pytest.raises(TypeError, match="expected events, got dict"):
        merge([{"type": "statement"}])  # type: ignore[type-var]


def test_coded_events_of_different_schemes_or_codes_are_refused() -> None:
    cooperate = se.CodedEvent(scheme="cameo", code="062", label="Cooperate militarily")
    battle = se.CodedEvent(scheme="acled", code="Battles", confidence=0.9)
    with pytest.raises(ValueError, match="different kinds: acled Battles, cameo 062"):
        merge([cooperate, battle])
    fight = se.CodedEvent(scheme="cameo", code="190", actor=RUS)
    with pytest.raises(ValueError, match="different kinds: cameo 062, cameo 190"):
        merge([fight, cooperate])
    again = se.CodedEvent(scheme="cameo", code="062", label="Cooperate militarily", actor=RUS)
    merged = merge([cooperate, again])
    assert (merged.scheme, merged.code, merged.actor) == ("cameo", "062", RUS)
    # cluster never groups them, whatever the threshold
    when = day("2021-10-23")
    same_day = [
        se.CodedEvent(scheme=scheme, code=code, actor=RUS, target=TJK, date=when)
        for scheme, code in [
            ("cameo", "062"),
            ("cameo", "0621"),
            ("acled", "062"),
            ("cameo", "062"),
        ]
    ]
    assert cluster(same_day, threshold=0.0) == [
        [same_day[0], same_day[3]],
        [same_day[1]],
        [same_day[2]],
    ]
    assert se.EventCollection(same_day).merge_duplicates(threshold=0.0)[1:] == se.EventCollection(
        same_day[1:3]
    )


def test_merging_an_event_with_itself_gives_it() -> None:
    event = se.Statement(speaker=TJK, content="No comment.", sources=(TASS,))
    assert merge([event]) is event
    assert merge([event, event, event]) is event


@pytest.mark.parametrize(
    ("dates", "expected", "kept"),
    [
        (["2021-10", "2021-10-23"], "2021-10-23", None),
        (["2021-10-20/2021-10-25", "2021-10-23/2021-10-30"], "2021-10-23/2021-10-25", None),
        (["2021-10-20/2021-11-05", "2021-10"], "2021-10-20/2021-10", None),
        (["2021-10-23/..", "../2021-10-30"], "2021-10-23/2021-10-30", None),
        (["2021-10-23/..", "2021-10-25/.."], "2021-10-25/..", None),
        (["2021", "2021-10~", "2021-10-23"], "2021-10-23", None),
        (["2021-10-23", "2019-09"], "2021-10-23", ["2019-09"]),
        (["2021-10-23", None], "2021-10-23", None),
    ],
)
def test_dates_narrow_to_what_every_report_allows(
    dates: list[str | None], expected: str, kept: list[str] | None
) -> None:
    reports = [
        se.Statement(content=f"report {i}", date=None if text is None else day(text))
        for i, text in enumerate(dates)
    ]
    for i, report in enumerate(reports):
        reports[i] = se.Statement(content=report.content, date=report.date, confidence=1.0 - i / 10)
    merged = merge(reports)
    assert str(merged.date) == expected
    assert alternatives(merged).get("date") == kept
    assert round_trips(merged)


def test_places_keep_the_fullest_form_and_conflicts() -> None:
    country = se.Location(country="TJK", precision="country")
    town = se.Location(name="Kulob", country="TJK", precision="settlement")
    elsewhere = se.Location(name="Dushanbe", country="TJK", precision="settlement")
    a = se.BaseConstruction(builder=CHN, location=country, confidence=0.9)
    b = se.BaseConstruction(builder=CHN, location=town, confidence=0.5)
    assert merge([a, b]).location == town  # a fuller form of the same place
    assert ALTERNATIVES not in {item.key for item in merge([a, b]).extra}
    c = se.BaseConstruction(builder=CHN, location=elsewhere, confidence=0.4)
    merged = merge([a, b, c])
    assert merged.location == town
    assert alternatives(merged) == {
        "location": [{"name": "Dushanbe", "country": "TJK", "precision": "settlement"}]
    }


def test_actors_are_unioned_and_conflicting_forms_kept() -> None:
    russia = se.Actor.state("RUS", name="Russia")
    forces = se.Actor.military("RUS")
    a = se.JointExercise(participants=(RUS, TJK), confidence=0.9)
    b = se.JointExercise(participants=(russia, CHN), confidence=0.8)
    c = se.JointExercise(participants=(forces,), confidence=0.7)
    merged = merge([c, b, a])
    assert merged.participants == (russia, TJK, CHN)  # "Russia" is a fuller RUS
    assert alternatives(merged) == {
        "participants": [{"kind": "military", "code": "RUS", "country": "RUS"}]
    }
    sender = merge(
        [
            se.DiplomaticCommunique(sender=TJK, confidence=0.9),
            se.DiplomaticCommunique(sender=CHN, confidence=0.1),
        ]
    )
    assert sender.sender == TJK
    assert alternatives(sender) == {"sender": [{"kind": "state", "code": "CHN"}]}


def test_ranking_without_confidence_uses_sources_then_evidence() -> None:
    one = se.Statement(content="Drills were decided.", sources=(TASS,))
    two = se.Statement(content="Drills were agreed.", sources=(TASS, ASIA_PLUS))
    confident = se.Statement(content="Nothing was decided.", confidence=0.2)
    assert merge([one, two]).content == "Drills were agreed."
    assert merge([one, two, confident]).content == "Nothing was decided."
    assert alternatives(merge([one, two, confident])) == {
        "content": ["Drills were agreed.", "Drills were decided."]
    }


def test_kept_columns_merge_like_fields() -> None:
    def coded(record: str, columns: dict[str, str], confidence: float) -> se.CodedEvent:
        fields = {"scheme": "cameo", "code": "062", "actor": RUS}
        return se.CodedEvent(
            id=dataset_event_id("coded_event", "gdelt", record),
            confidence=confidence,
            extra=keep_columns(se.CodedEvent, fields, "gdelt", columns),
            **fields,  # type: ignore[arg-type]
        )

    a = coded("1", {"GLOBALEVENTID": "1", "NumMentions": "4"}, 0.9)
    b = coded("2", {"GLOBALEVENTID": "2", "NumMentions": "4"}, 0.5)
    merged = merge([b, a])
    assert kept_columns(merged, "gdelt") == {"GLOBALEVENTID": "1", "NumMentions": "4"}
    assert alternatives(merged) == {"gdelt": [{"GLOBALEVENTID": "2", "NumMentions": "4"}]}
    assert round_trips(merged)


def test_merging_merged_events_keeps_alternatives_once() -> None:
    a = se.JointExercise(troops=se.Quantity(5000), confidence=0.9)
    b = se.JointExercise(troops=se.Quantity(4500), confidence=0.8)
    c = se.JointExercise(troops=se.Quantity(4000), confidence=0.7)
    first = merge([a, b])
    again = merge([first, b, c])
    assert again.troops == se.Quantity(5000)
    assert alternatives(again) == {
        "troops": [{"value": 4500, "qualifier": "exact"}, {"value": 4000, "qualifier": "exact"}]
    }
    assert merge([first, first]) == first
    assert round_trips(again)


# -- clusters --------------------------------------------------------------------------


def test_cluster_groups_reports_of_the_same_event() -> None:
    when, who = day("2021-10-23"), (RUS, TJK)
    a = se.JointExercise(troops=se.Quantity(5000), sources=(TASS,), date=when, participants=who)
    b = se.JointExercise(
        troops=se.Quantity(4500), sources=(ASIA_PLUS,), date=when, participants=who
    )
    other = se.JointExercise(date=day("2019-09-16"), participants=(RUS, CHN))
    note = se.DiplomaticCommunique(sender=TJK, recipient=CHN)
    groups = cluster([a, other, note, b, note])
    assert groups == [[a, b], [other], [note, note]]
    assert cluster([a, b], threshold=1.0) == [[a], [b]]
    assert cluster([]) == []
    with pytest.raises(ValueError, match=r"threshold 1\.5 is not in"):
        cluster([a], threshold=1.5)


def test_cluster_does_not_score_pairs_already_grouped(monkeypatch: pytest.MonkeyPatch) -> None:
    module = importlib.import_module("secevents.linking._clusters")
    original = module._compare
    scored: list[object] = []

    def counting(a: Any, b: Any) -> Any:
        scored.append(a)
        return original(a, b)

    monkeypatch.setattr(module, "_compare", counting)
    copies = [
        se.JointExercise(
            date=day("2021-10-23"), participants=(RUS, TJK), troops=se.Quantity(5000 + size)
        )
        for size in range(5)
    ]
    assert cluster(copies) == [copies]
    assert len(scored) == 4  # (0, 1) ... (0, 4) join them all; the other 6 pairs are skipped
    scored.clear()
    reported = [attrs.evolve(copies[0], sources=(se.Source(publisher=name),)) for name in "ABCDE"]
    assert cluster(reported) == [reported]
    assert len(scored) == 1  # one profile: scored once, with itself


def test_cluster_on_the_corpus_finds_no_false_duplicates() -> None:
    found: list[se.Event] = []
    for path in FIRST_BATCH:
        body = json.loads(path.read_text(encoding="utf-8"))
        found.extend(se.extract(body["text"], source=se.Source(publisher=path.stem)).events)
    groups = cluster(found)
    # Only Iran's letters to the UN (one report, the same sender and recipient, days apart)
    # come close; every other event of the corpus stands alone.
    joined = [group for group in groups if len(group) > 1]
    assert sum(len(group) for group in groups) == len(found)
    assert all({e.type_tag for e in group} == {"diplomatic_communique"} for group in joined)
    # Blocking finds exactly the pairs that comparing every pair of one type finds.
    for threshold in (0.0, 0.5, 0.75, 0.9):
        every_pair = [
            (i, j)
            for i in range(len(found))
            for j in range(i + 1, len(found))
            if found[i].type_tag == found[j].type_tag
            and similarity(found[i], found[j]).score >= threshold
        ]
        assert list(similar_pairs(found, threshold=threshold)) == every_pair
    assert len(list(similar_pairs(found, threshold=0.75))) == 11
    assert len(joined) == 1  # the 11 pairs join the letters into one group


# -- properties ------------------------------------------------------------------------

TYPES: list[type[se.Event]] = [
    se.JointExercise,
    se.BaseConstruction,
    se.DiplomaticCommunique,
    se.Statement,
    se.CodedEvent,
]


def one_kind(items: list[se.Event]) -> list[se.Event]:
    """The events, coded ones given the first one's scheme and code (merge needs one kind),
    none revoked (merge refuses withdrawn records)."""
    items = [attrs.evolve(cast(Any, event), revoked=False) for event in items]
    first = items[0]
    if not isinstance(first, se.CodedEvent):
        return items
    return [attrs.evolve(cast(Any, event), scheme=first.scheme, code=first.code) for event in items]


same_type_lists = (
    st.sampled_from(TYPES)
    .flatmap(lambda cls: st.lists(events(cls), min_size=1, max_size=4))
    .map(one_kind)
)


@given(same_type_lists, st.randoms(use_true_random=False))
def test_merge_is_order_independent_and_round_trips(items: list[se.Event], rng: object) -> None:
    merged = merge(items)
    shuffled = list(items)
    rng.shuffle(shuffled)  # type: ignore[attr-defined]
    assert merge(shuffled) == merged
    assert se.loads(se.dumps(merged)) == merged
    assert type(merged) is type(items[0])


@given(same_type_lists)
def test_merge_keeps_every_source_and_narrows_dates(items: list[se.Event]) -> None:
    merged = merge(items)
    for event in items:
        assert set(event.sources) <= set(merged.sources)
        assert set(event.evidence) <= set(merged.evidence)
        if merged.date is not None and event.date is not None:
            kept = alternatives(merged).get("date", [])
            assert (
                event.date.contains(merged.date)
                or str(event.date) in kept
                or (event.date == merged.date)
            )
    if any(event != items[0] for event in items):  # a real merge drops repeated sources
        assert len(merged.sources) == len(set(merged.sources))


@given(same_type_lists)
def test_merge_is_idempotent(items: list[se.Event]) -> None:
    merged = merge(items)
    assert merge([merged]) is merged
    assert merge([merged, merged]) == merged
    assert merge([*items, *items]) == merged


# -- merged_from and duplicate_of (wire format v2) -------------------------------------


def test_a_merge_records_the_ids_it_merged_and_is_a_new_record() -> None:
    stamp = dt.datetime(2021, 10, 28, tzinfo=dt.UTC)
    a = se.JointExercise(troops=se.Quantity(5000), confidence=0.9, modified=stamp)
    b = se.JointExercise(troops=se.Quantity(4500), confidence=0.8)
    merged = merge([b, a])
    assert merged.merged_from == tuple(sorted([a.id, b.id]))
    assert merged.modified is None and merged.id not in (a.id, b.id)
    assert se.to_dict(merged)["merged_from"] == sorted([a.id, b.id])
    assert merge([a]) is a and merge([a, a]) == a  # nothing merged, nothing recorded


def test_revoked_records_are_refused_by_merge_and_skipped_by_links() -> None:
    a = se.JointExercise(troops=se.Quantity(5000), confidence=0.9)
    b = se.revoke(se.JointExercise(troops=se.Quantity(4500)))
    with pytest.raises(ValueError, match=f"revoked records \\({b.id}\\)"):
        merge([a, b])
    assert se.link_duplicates([a, b]) == []


def test_duplicates_are_linked_to_the_record_merge_ranks_first() -> None:
    day = se.DateSpan.parse("2021-10-23")
    rus_tjk = (se.Actor.state("RUS"), se.Actor.state("TJK"))
    tass = se.JointExercise(date=day, participants=rus_tjk, confidence=0.9)
    asia = se.JointExercise(date=day, participants=rus_tjk, troops=se.Quantity(4500))
    other = se.JointExercise(date=se.DateSpan.parse("2019-09"), participants=rus_tjk[:1])
    copy = attrs.evolve(cast(Any, asia), sources=(se.Source(publisher="Asia-Plus"),))
    links = se.link_duplicates([asia, other, tass, copy, asia])
    assert {(link.source_ref, link.target_ref) for link in links} == {
        (asia.id, tass.id),
        (copy.id, tass.id),
    }
    assert all(link.kind == "duplicate_of" and 0 < (link.confidence or 0) <= 1 for link in links)
    # Two versions of one record (one id) are not duplicates of each other.
    later = se.new_version(tass, summary="Drills.", modified=dt.datetime(2022, 1, 1, tzinfo=dt.UTC))
    assert se.link_duplicates([tass, later]) == []


@given(same_type_lists)
def test_links_cover_every_record_merge_would_fold(items: list[se.Event]) -> None:
    links = se.link_duplicates(items)
    groups = [group for group in cluster(items) if len({event.id for event in group}) > 1]
    linked = {link.source_ref for link in links} | {link.target_ref for link in links}
    assert linked == {event.id for group in groups for event in group}
    for link in links:
        assert se.loads(se.dumps(link)) == link
