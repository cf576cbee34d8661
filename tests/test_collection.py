"""EventCollection: building, the sequence protocol, filters, groups, exports and reprs.

Most tests run on the events the parser reads from the development corpus
(tests/data/corpus: 16 real reports, paraphrased), so filters meet real dates,
places and actors.
"""

from __future__ import annotations

import collections
import datetime as dt
import json
from html.parser import HTMLParser
from pathlib import Path
from typing import Any, ClassVar

import pytest
from hypothesis import given
from hypothesis import strategies as st

import secevents as se
from secevents.interop import EventReader
from secevents.notebook.collection import EventCollection
from secevents.testing import events

CORPUS = Path(__file__).parent / "data" / "corpus"
#: The first batch of reports (seed, d001-d015): the counts below are about these.
FIRST_BATCH = sorted(p for p in CORPUS.glob("*.json") if p.stem == "seed" or p.stem <= "d015")


@pytest.fixture(scope="module")
def reports() -> list[Any]:
    found = []
    for path in FIRST_BATCH:
        body = json.loads(path.read_text(encoding="utf-8"))
        source = se.Source(publisher=path.stem, url=body["reference"])
        found.append(se.extract(body["text"], source=source))
    return found


@pytest.fixture(scope="module")
def corpus(reports: list[Any]) -> EventCollection:
    return EventCollection(reports)


def day(text: str) -> se.DateSpan:
    return se.DateSpan.parse(text)


# -- building and the sequence protocol ------------------------------------------------


def test_built_from_reports_keeps_every_event_in_order(
    reports: list[Any], corpus: EventCollection
) -> None:
    expected = [event for report in reports for event in report.events]
    assert len(reports) == 16
    assert len(corpus) == len(expected) > 20
    assert list(corpus) == expected
    assert corpus.events == tuple(expected)


def test_built_from_a_single_report_a_reader_and_mixed_items(reports: list[Any]) -> None:
    seed = reports[-1]
    assert list(EventCollection(seed)) == list(seed.events)
    rows = [{"content": "one"}, {"content": ""}, {"content": "two"}]

    def convert(row: dict[str, Any], warn: Any) -> se.Event | None:
        if not row["content"]:
            warn("skipped_row", "no content", column="content")
            return None
        return se.Statement(content=row["content"])

    reader = EventReader(rows, convert)
    lone = se.Statement(content="lone")
    mixed = EventCollection([lone, seed, reader, [lone]])
    assert len(mixed) == 1 + len(seed.events) + 2 + 1
    assert [e.content for e in mixed[-3:]] == ["one", "two", "lone"]  # type: ignore[attr-defined]
    assert reader.stats.skipped == 1


def test_bad_items_name_their_position() -> None:
    with pytest.raises(TypeError, match=r"item 1: expected an event.*int"):
        EventCollection([se.Statement(content="x"), 42])  # type: ignore[list-item]
    with pytest.raises(TypeError, match=r"item 0, position 1: not an event: str"):
        EventCollection([[se.Statement(content="x"), "oops"]])  # type: ignore[list-item]
    with pytest.raises(TypeError, match="expected events"):
        EventCollection(7)  # type: ignore[arg-type]


def test_sequence_protocol(corpus: EventCollection) -> None:
    head = corpus[:3]
    assert isinstance(head, EventCollection)
    assert len(head) == 3
    assert head[0] is corpus[0]
    assert corpus[-1] is corpus.events[-1]
    assert corpus[::-1][0] is corpus[-1]
    joined = head + corpus[3:]
    assert joined == corpus
    assert hash(joined) == hash(corpus)
    assert head != corpus
    extra_event = [corpus[5]]
    assert head + extra_event == EventCollection([*head, corpus[5]])
    assert extra_event + head == EventCollection([corpus[5], *head])
    assert corpus[4] in corpus
    assert corpus.index(corpus[4]) == 4
    assert corpus != list(corpus)  # a collection equals collections only
    with pytest.raises(IndexError):
        corpus[len(corpus)]


# -- filters ---------------------------------------------------------------------------


class NavalDrill(se.JointExercise):
    """A subclass of JointExercise, kept out of the registry."""

    _unregistered: ClassVar[bool] = True


def test_of_type_by_class_tag_and_subclass(corpus: EventCollection) -> None:
    counts = collections.Counter(event.type_tag for event in corpus)
    exercises = corpus.of_type(se.JointExercise)
    assert len(exercises) == counts["joint_exercise"] >= 5
    assert len(corpus.of_type("statement", se.BaseConstruction)) == (
        counts["statement"] + counts["base_construction"]
    )
    drill = NavalDrill(participants=(se.Actor.state("RUS"),))
    mixed = corpus + EventCollection([drill])
    assert drill in mixed.of_type(se.JointExercise)
    assert list(mixed.of_type(NavalDrill)) == [drill]
    with pytest.raises(
        ValueError, match=r"no event type 'jointexercise'; did you mean 'joint_exercise'"
    ):
        corpus.of_type("statement", "jointexercise")
    with pytest.raises(ValueError, match=r"no event type 'zzz'; known: (.*, )?base_construction, "):
        corpus.of_type("zzz")
    with pytest.raises(TypeError, match="expected an Event class or a type tag"):
        corpus.of_type(int)  # type: ignore[arg-type]
    with pytest.raises(TypeError, match="at least one"):
        corpus.of_type()


def test_of_type_selects_unknown_events_by_class_or_tag() -> None:
    payload = {"type": "naval_parade", "id": "naval_parade--1", "ships": 12}
    parade = se.parse(payload, unknown="keep")
    other = se.parse({**payload, "type": "air_show", "id": "air_show--1"}, unknown="keep")
    assert isinstance(parade, se.UnknownEvent)
    mixed = EventCollection([parade, se.Statement(content="x"), other])
    assert list(mixed.of_type(se.UnknownEvent)) == [parade, other]
    assert list(mixed.of_type("naval_parade", unknown=True)) == [parade]
    assert list(mixed.of_type("statement", "air_show", unknown=True)) == list(mixed[1:])
    with pytest.raises(ValueError, match="unknown=True"):
        mixed.of_type("naval_parade")


def test_date_windows_on_the_corpus(corpus: EventCollection) -> None:
    october_2021 = corpus.between("2021-10-01", "2021-10-31")
    assert {(e.type_tag, str(e.date)) for e in october_2021} == {
        ("base_construction", "2021-10-27"),
        ("joint_exercise", "2021-10-14/2021-10-17"),
        ("joint_exercise", "2021-10-23"),
    }
    # "2016" (year precision) may share a day with June 2016; undated events never match.
    june_2016 = corpus.overlapping("2016-06")
    # 2016-06-06: Gen. Mark Milley's statement, a known speaker since the officials table
    assert sorted(str(e.date) for e in june_2016) == [
        "2016",
        "2016-06",
        "2016-06",
        "2016-06-06",
        "2016-06-07",
    ]
    undated = corpus.undated()
    dated = corpus.between("1900", None)
    assert len(undated) + len(dated) == len(corpus)
    assert all(e.date is None for e in undated) and len(undated) >= 3
    assert len(corpus.between("2025-06-14", None)) == 5  # Iran's letters of 16 to 22 June
    with pytest.raises(TypeError, match="expected a DateSpan"):
        corpus.overlapping(2021)  # type: ignore[arg-type]


def test_in_country_uses_country_and_border() -> None:
    border = se.Location(country="TJK", border_with="AFG", precision="border")
    events = EventCollection(
        [
            se.BaseConstruction(location=border),
            se.BaseConstruction(location=se.Location(name="Kulob", country="TJK")),
            se.BaseConstruction(),
        ]
    )
    assert len(events.in_country("TJK")) == 2
    assert list(events.in_country("AFG")) == [events[0]]
    with pytest.raises(ValueError, match="'Tajikistan' is not an ISO 3166-1 alpha-3 code"):
        events.in_country("Tajikistan")


def test_in_country_on_the_corpus(corpus: EventCollection) -> None:
    in_tajikistan = corpus.in_country("TJK")
    expected = [e for e in corpus if e.location is not None and e.location.country == "TJK"]
    assert list(in_tajikistan) == expected
    assert len(expected) >= 6


def test_involving_by_code_name_and_role(corpus: EventCollection) -> None:
    russia = corpus.involving("RUS")
    assert len(russia) >= 8
    assert all(any(a.code == "RUS" for _, a in e.actors) for e in russia)
    as_sender = corpus.involving("RUS", role="sender")
    assert {e.type_tag for e in as_sender} == {"diplomatic_communique"}
    assert len(as_sender) == 2  # the protest notes to the US and to Canada
    davutoglu = corpus.involving("ahmet davutoglu")
    assert [e.type_tag for e in davutoglu] == ["statement"]
    assert len(corpus.involving(se.Actor.organization("CSTO"))) == 2
    with pytest.raises(ValueError, match="no event type has an actor role 'particpants'"):
        corpus.involving("RUS", role="particpants")
    with pytest.raises(TypeError, match="expected an actor code or name"):
        corpus.involving(3)  # type: ignore[arg-type]


def test_where_with_fields_functions_and_predicates(corpus: EventCollection) -> None:
    bases = corpus.of_type(se.BaseConstruction)
    agreed = corpus.where(status="agreed")
    statuses = [getattr(e, "status", None) for e in bases]
    assert len(agreed) == statuses.count(se.ConstructionStatus.AGREED) >= 2
    big = corpus.where(troops=lambda q: q is not None and q.value is not None and q.value > 1000)
    assert {e.date and str(e.date) for e in big} >= {"2021-10-23"}
    confident = corpus.where(lambda e: (e.confidence or 0) >= 0.8, factuality="actual")
    assert all(e.factuality == "actual" and (e.confidence or 0) >= 0.8 for e in confident)
    with pytest.raises(ValueError, match="no event type has a field 'stauts'"):
        corpus.where(stauts="agreed")


# -- groups and order ------------------------------------------------------------------


def test_group_and_count_by(corpus: EventCollection) -> None:
    by_type = corpus.group_by("type")
    assert list(by_type) == sorted(by_type)
    assert {k: len(v) for k, v in by_type.items()} == dict(
        sorted(collections.Counter(e.type_tag for e in corpus).items())
    )
    assert sum(corpus.count_by("year").values()) == len(corpus)
    years = corpus.count_by("year")
    assert list(years)[-1] is None and years[None] == len(corpus.undated())
    assert years[2025] == 6
    months = corpus.count_by("month")
    # a year-only date keeps its precision; June 2016 holds Gen. Milley's statement too
    assert months["2016"] == 1 and months["2016-06"] == 4
    countries = corpus.group_by("country")
    assert all(e.location is None or e.location.country is None for e in countries.get(None, ()))
    by_source = corpus.count_by(lambda e: e.sources[0].publisher if e.sources else None)
    assert by_source["seed"] == len(corpus.where(lambda e: e.sources[0].publisher == "seed"))
    with pytest.raises(ValueError, match="group key 'colour' is not one of"):
        corpus.group_by("colour")


def test_sorted_by_date_keeps_undated_last(corpus: EventCollection) -> None:
    ordered = corpus.sorted()
    dated = [e for e in ordered if e.date is not None]
    starts = [e.date.earliest or dt.date.min for e in dated if e.date is not None]
    assert starts == sorted(starts)
    assert str(ordered[0].date) == "1993"
    assert all(e.date is None for e in ordered[len(dated) :])
    backwards = corpus.sorted(reverse=True)
    assert str(backwards[0].date) == "2025-06-22"
    assert backwards[-1].date is None
    by_type = corpus.sorted(key=lambda e: e.type_tag)
    assert [e.type_tag for e in by_type] == sorted(e.type_tag for e in corpus)


# -- exports ---------------------------------------------------------------------------


def test_jsonl_round_trip(corpus: EventCollection, tmp_path: Path) -> None:
    path = tmp_path / "events.jsonl"
    assert corpus.to_jsonl(path) == len(corpus)
    assert len(path.read_text(encoding="utf-8").splitlines()) == len(corpus)
    assert EventCollection.from_jsonl(path) == corpus


def test_to_dataframe_delegates(corpus: EventCollection) -> None:
    pytest.importorskip("pandas")
    frames = pytest.importorskip(
        "secevents.interop.frames", reason="secevents.interop.frames not written yet"
    )
    frame = corpus.to_dataframe()
    assert len(frame) == len(corpus)
    assert frame.equals(frames.to_dataframe(list(corpus)))


def test_to_geojson_delegates() -> None:
    geojson = pytest.importorskip(
        "secevents.interop.geojson", reason="secevents.interop.geojson not written yet"
    )
    point = se.Location(name="Kulob", country="TJK", lat=37.91, lon=69.78)
    events = EventCollection([se.BaseConstruction(location=point), se.BaseConstruction()])
    result = events.to_geojson()
    assert result == geojson.to_geojson(list(events))
    assert result["type"] == "FeatureCollection"
    assert len(result["features"]) == 1
    assert result["features"][0]["geometry"]["coordinates"] == [69.78, 37.91]


# -- reprs -----------------------------------------------------------------------------


def test_text_repr_is_a_table_with_the_rest_counted(corpus: EventCollection) -> None:
    text = repr(corpus)
    lines = text.splitlines()
    assert lines[0] == f"EventCollection: {len(corpus)} events"
    assert lines[1].split() == ["date", "type", "actors", "place", "summary"]
    assert len(lines) == 2 + 10 + 1
    assert lines[-1] == f"... and {len(corpus) - 10} more"
    assert lines[2].startswith("0  2013-04-27") and "Russia (RUS), Tajikistan" in lines[2]
    assert all(len(line) < 200 for line in lines)
    assert repr(EventCollection()) == "EventCollection: 0 events"
    assert "... and" not in repr(corpus[:10])


class _Checker(HTMLParser):
    """Checks that tags nest and close, and collects the text and the attributes."""

    VOID: ClassVar[frozenset[str]] = frozenset({"br", "hr", "img", "meta", "link", "input"})

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.stack: list[str] = []
        self.tags: list[str] = []
        self.text: list[str] = []
        self.attributes: list[tuple[str, str | None]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append(tag)
        self.attributes.extend(attrs)
        if tag not in self.VOID:
            self.stack.append(tag)

    def handle_endtag(self, tag: str) -> None:
        assert self.stack, f"</{tag}> closes nothing"
        assert self.stack.pop() == tag, f"</{tag}> closes the wrong element"

    def handle_data(self, data: str) -> None:
        self.text.append(data)


def check_html(markup: str) -> _Checker:
    checker = _Checker()
    checker.feed(markup)
    checker.close()
    assert checker.stack == [], f"unclosed: {checker.stack}"
    assert "script" not in checker.tags
    return checker


HOSTILE = '<script>alert("x")</script> & "quotes" \'too\''


def hostile_event() -> se.JointExercise:
    text = f"Drills: {HOSTILE}"
    return se.JointExercise(
        name=HOSTILE,
        summary=HOSTILE,
        date=day("2021-10-23"),
        participants=(se.Actor.person('Ivan "<b>" Petrov', country="RUS"), se.Actor.state("TJK")),
        location=se.Location(name="<img src=x onerror=alert(1)>", country="TJK"),
        troops=se.Quantity(5000, qualifier="approx", unit="troops"),
        sources=(
            se.Source(publisher="<i>Agency</i>", url='https://example.org/?a=1&b="2"'),
            se.Source(publisher="Evil", url="javascript:alert(1)"),
        ),
        evidence=(se.Evidence.of(text, HOSTILE),),
        confidence=0.8,
        tags=("<tag>",),
    )


def test_event_card_is_well_formed_and_escaped() -> None:
    markup = hostile_event()._repr_html_()
    checker = check_html(markup)
    text = "".join(checker.text)
    assert HOSTILE in text  # shown as text, whole
    assert 'Ivan "<b>" Petrov (RUS), TJK' in text
    assert "<img src=x onerror=alert(1)>, TJK" in text
    assert "about 5,000 troops" in text and "0.80" in text
    assert "img" not in checker.tags and "b" not in checker.tags and "i" not in checker.tags
    hrefs = [value for name, value in checker.attributes if name == "href"]
    assert hrefs == ['https://example.org/?a=1&b="2"']  # javascript: is not made a link
    assert "Evil" in text
    assert "joint_exercise--" in text


def test_merged_event_card_shows_alternatives() -> None:
    a = se.JointExercise(troops=se.Quantity(5000), confidence=0.9, name="Interaction-2021")
    b = se.JointExercise(troops=se.Quantity(4500), confidence=0.5, name="<script>")
    merged = EventCollection([a, b]).merge_duplicates(threshold=0.0)
    assert len(merged) == 1
    checker = check_html(merged[0]._repr_html_())
    text = "".join(checker.text)
    assert 'troops: [{"value":4500,"qualifier":"exact"}]' in text
    assert 'name: ["<script>"]' in text  # the conflicting name, escaped


def test_collection_html_is_a_truncated_escaped_table() -> None:
    events = EventCollection([hostile_event()] * 120)
    markup = events._repr_html_()
    checker = check_html(markup)
    assert checker.tags.count("tr") == 1 + 50
    text = "".join(checker.text)
    assert "EventCollection: 120 events" in text
    assert "… and 70 more" in text
    assert HOSTILE in text
    small = check_html(events[:3]._repr_html_())
    assert small.tags.count("tr") == 4 and "more" not in "".join(small.text)


def test_corpus_html_renders(corpus: EventCollection) -> None:
    checker = check_html(corpus._repr_html_())
    assert checker.tags.count("tr") == 1 + len(corpus)
    for event in corpus:
        check_html(event._repr_html_())


# -- duplicates ------------------------------------------------------------------------


def test_merge_duplicates_joins_two_outlets_reporting_one_article(reports: list[Any]) -> None:
    text = json.loads((CORPUS / "seed.json").read_text(encoding="utf-8"))["text"]
    again = se.extract(text, source=se.Source(publisher="Reprint Daily"))
    both = EventCollection([reports[-1], again])
    merged = both.merge_duplicates()
    assert len(both) == 2 * len(reports[-1].events)
    assert len(merged) == len(reports[-1].events)
    for event, original in zip(merged, reports[-1].events, strict=True):
        publishers = [s.publisher or "" for s in event.sources]
        expected = [s.publisher or "" for s in original.sources]
        assert sorted(publishers) == sorted([*expected, "Reprint Daily"])
        assert event.evidence == original.evidence  # the same text: the same spans, once
        assert se.loads(se.dumps(event)) == event


@given(st.lists(events(), max_size=4))
def test_any_events_render_well_formed(items: list[se.Event]) -> None:
    collection = EventCollection(items)
    check_html(collection._repr_html_())
    for event in items:
        checker = check_html(event._repr_html_())
        assert event.id in "".join(checker.text)
    lines = repr(collection).splitlines()
    assert lines[0] == f"EventCollection: {len(items)} event{'' if len(items) == 1 else 's'}"
    assert len(lines) == (1 if not items else 2 + len(items))
