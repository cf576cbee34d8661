"""Report as data: reading reports back, their collections, their repr and their HTML."""

from __future__ import annotations

import json
import pickle
import runpy
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

import secevents as se
from secevents.notebook._report_html import highlight_segments, report_html

CORPUS = Path(__file__).parent / "data" / "corpus"


def corpus_text(name: str) -> str:
    text: str = json.loads((CORPUS / f"{name}.json").read_text(encoding="utf-8"))["text"]
    return text


@pytest.fixture(scope="module")
def reports() -> list[se.Report]:
    names = ["seed", "d001", "d004", "d008"]
    return [se.extract(corpus_text(name), source="Test Wire") for name in names]


# --- reading back (issue 11 item 7, issue 16 item 3) ---------------------------------


def test_report_reads_back_equal_through_every_entry_point(
    reports: list[se.Report], tmp_path: Path
) -> None:
    for report in reports:
        assert report.events
        text = se.dumps(report)
        assert se.loads(text) == report
        assert se.parse(text) == report
        assert se.parse(se.to_dict(report)) == report
        assert se.from_dict(se.to_dict(report)) == report
        assert se.loads(text, se.Report) == report
    path = tmp_path / "reports.jsonl"
    assert se.write_jsonl([*reports, reports[0].events[0]], path) == len(reports) + 1
    read = list(se.read_jsonl(path))
    assert read[:-1] == reports
    assert read[-1] == reports[0].events[0]


def test_a_report_of_another_type_or_with_bad_events_names_the_path(
    reports: list[se.Report],
) -> None:
    data = se.to_dict(reports[0])
    with pytest.raises(se.ValidationError, match=r"type 'statement' is not 'report'"):
        se.parse({**data, "type": "statement"}, se.Report)
    broken = json.loads(se.dumps(reports[0]))
    broken["events"][1]["date"] = "23/10/2021"
    with pytest.raises(se.ValidationError) as caught:
        se.parse(broken)
    assert [problem.path for problem in caught.value.problems] == ["$.events[1].date"]
    # An event type nobody registered: an error, or kept when asked.
    broken = json.loads(se.dumps(reports[0]))
    broken["events"][0]["type"] = "no_such_kind"
    with pytest.raises(se.ValidationError, match=r"\$\.events\[0\]\.type: 'no_such_kind' is not"):
        se.parse(broken)
    kept = se.parse(broken, unknown="keep")
    assert isinstance(kept.events[0], se.UnknownEvent)
    assert se.to_dict(kept) == broken


def test_a_report_reading_an_event_is_refused() -> None:
    with pytest.raises(se.ValidationError, match=r"'statement' is not 'report'"):
        se.parse('{"type": "statement", "content": "x"}', se.Report)
    # and the event readers still refuse a report where an event is expected
    with pytest.raises(se.UnknownTypeError, match="'report' is not a registered event type"):
        se.parse('{"type": "report"}', se.Event)


def test_unknown_keys_of_a_report_are_kept_in_place() -> None:
    # A newer producer's key after "events": kept and written back in place.
    event = se.dumps(se.Statement(content="x"))
    text = (
        f'{{"type":"report","id":"r1","text":"x","events":[{event}],'
        '"translations":[],"warnings":["a: b"]}'
    )
    report = se.loads(text)
    assert [item.key for item in report.extra] == ["translations"]
    assert se.dumps(report) == text
    with pytest.raises(se.ValidationError, match="translations"):
        se.loads(text, strict=True)


def test_report_fields_are_checked_when_built() -> None:
    with pytest.raises(se.FieldError, match="events: expected a tuple of events, got str"):
        se.Report(events="x")  # type: ignore[arg-type]
    listed = se.Report(events=[se.Statement(content="x")])  # type: ignore[arg-type]
    assert listed.events == (se.Statement(content="x"),)
    with pytest.raises(se.FieldError, match=r"events: \[1\]: not an event: str"):
        se.Report(events=(se.Statement(content="x"), "y"))  # type: ignore[arg-type]
    with pytest.raises(se.FieldError, match="warnings"):
        se.Report(warnings=("ok", 3))  # type: ignore[arg-type]
    with pytest.raises(se.FieldError, match="source"):
        se.Report(source="AP")  # type: ignore[arg-type]


def test_report_is_importable_without_the_parser() -> None:
    import subprocess
    import sys

    code = (
        'import sys, secevents as se; se.loads(\'{"type": "report"}\'); '
        "print('secevents.extraction' in sys.modules)"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout.strip() == "False"


# --- collections that know their reports ---------------------------------------------


def test_collection_keeps_each_events_report_through_filters(reports: list[se.Report]) -> None:
    collection = se.EventCollection(reports)
    assert len(collection) == sum(len(r.events) for r in reports)
    for report in reports:
        for event in report.events:
            assert collection.report_of(event) is report
    views = [
        collection.of_type("joint_exercise"),
        collection.sorted(),
        collection.involving("TJK"),
        collection[2:7],
        collection.where(lambda e: e.confidence is not None),
        *collection.group_by("type").values(),
    ]
    for view in views:
        assert len(view)
        for position, event in enumerate(view):
            owner = view.report_of(position)
            assert owner is not None and any(e is event for e in owner.events)
    assert collection.reports == tuple(reports)
    assert collection.of_type("joint_exercise").reports == tuple(
        r for r in reports if any(e.type_tag == "joint_exercise" for e in r.events)
    )


def test_report_of_events_not_from_a_report(reports: list[se.Report]) -> None:
    loose = se.Statement(content="Said elsewhere.")
    collection = se.EventCollection([reports[0], loose]) + [reports[1]]  # noqa: RUF005
    assert collection.report_of(loose) is None
    assert collection.report_of(reports[1].events[-1]) is reports[1]
    # an equal event (read back from JSON) stands for the one in the collection
    copy = se.loads(se.dumps(reports[0].events[2]))
    assert copy is not reports[0].events[2]
    assert collection.report_of(copy) is reports[0]
    with pytest.raises(ValueError, match="is not in this collection"):
        collection.report_of(se.Statement(content="never seen"))
    with pytest.raises(TypeError, match="expected an event or a position"):
        collection.report_of("statement")  # type: ignore[arg-type]
    for position, event in enumerate(collection.merge_duplicates()):
        owner = collection.merge_duplicates().report_of(position)
        assert owner is None or event in owner.events


def test_to_collection_and_prepending(reports: list[se.Report]) -> None:
    first = reports[0].to_collection()
    assert list(first) == list(reports[0].events)
    assert first.reports == (reports[0],)
    joined = [reports[1]] + first  # noqa: RUF005
    assert joined.report_of(0) is reports[1]
    assert joined.report_of(len(joined) - 1) is reports[0]


def test_collection_from_jsonl_of_reports(reports: list[se.Report], tmp_path: Path) -> None:
    path = tmp_path / "reports.jsonl"
    se.write_jsonl(reports, path)
    collection = se.EventCollection.from_jsonl(path)
    assert len(collection) == sum(len(r.events) for r in reports)
    assert [r.id for r in collection.reports] == [r.id for r in reports]
    assert all(isinstance(event, se.Event) for event in collection)


def test_pickled_collection_keeps_reports(reports: list[se.Report]) -> None:
    collection = se.EventCollection([*reports[:2], se.Statement(content="loose")])
    copy = pickle.loads(pickle.dumps(collection))
    assert copy == collection
    assert [copy.report_of(i) for i in range(len(copy))] == [
        collection.report_of(i) for i in range(len(collection))
    ]
    assert copy.report_of(len(copy) - 1) is None


# --- repr ----------------------------------------------------------------------------


def test_repr_is_one_short_line(reports: list[se.Report]) -> None:
    for report in reports:
        text = repr(report)
        assert "\n" not in text and len(text) < 300, text
        assert text.startswith(f"<Report {report.id} {report.published} from 'Test Wire': ")
    assert repr(se.Report()) == "<Report (no id): 0 events, 0 warnings, text '' (0 chars)>"


# --- HTML ----------------------------------------------------------------------------

_ALLOWED_TAGS = {
    "div", "span", "strong", "table", "thead", "tbody", "tr", "th", "td", "ul", "li",
    "q", "code", "details", "summary", "mark", "p", "a",
}  # fmt: skip


class _Page(HTMLParser):
    """Collects the tags, attributes and the text of the report's text box."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, list[tuple[str, str | None]]]] = []
        self.depth = 0
        self.in_text = 0
        self.text_box: list[str] = []
        self.marks: list[str] = []
        self._mark = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, attrs))
        style = dict(attrs).get("style") or ""
        if tag == "div" and style.startswith("white-space:pre-wrap"):
            self.in_text = 1
        elif self.in_text and tag == "div":
            self.in_text += 1
        self._mark = tag == "mark"
        if self._mark:
            self.marks.append("")

    def handle_endtag(self, tag: str) -> None:
        if self.in_text and tag == "div":
            self.in_text -= 1
        self._mark = False

    def handle_data(self, data: str) -> None:
        if self.in_text:
            self.text_box.append(data)
            if self._mark:
                self.marks[-1] += data


def parsed(html: str) -> _Page:
    page = _Page()
    page.feed(html)
    page.close()
    return page


def assert_safe(page: _Page) -> None:
    for tag, attributes in page.tags:
        assert tag in _ALLOWED_TAGS, tag
        for name, value in attributes:
            assert name in {"style", "class", "title", "href", "target", "rel", "open"}, name
            if name == "href":
                assert value is not None and value.startswith(("http://", "https://")), value


def test_html_shows_every_part_of_the_report(reports: list[se.Report]) -> None:
    report = reports[0]
    html = report._repr_html_()
    page = parsed(html)
    assert_safe(page)
    assert "Test Wire" in html and "published 2021-10-28" in html
    assert "weekday_mismatch" in html
    assert html.count('<tr><td style="white-space:nowrap">') == len(report.events)
    assert html.count('class="secevents-event"') == len(report.events)
    assert "".join(page.text_box) == report.text
    # Every sentence-level evidence span of every event is highlighted.
    highlighted = " ".join(page.marks)
    for event in report.events:
        assert event.evidence[0].text.split()[0] in highlighted


def test_html_escapes_hostile_strings() -> None:
    hostile = '<script>alert(1)</script>"><img src=x onerror=alert(2)>&amp;'
    text = f"Drills {hostile} began."
    event = se.Statement(
        content=hostile,
        summary=hostile,
        tags=(hostile,),
        sources=(se.Source(publisher=hostile, url="javascript:alert(3)"),),
        evidence=(se.Evidence.of(text, hostile),),
    )
    report = se.Report(
        id=hostile,
        text=text,
        source=se.Source(publisher=hostile, url='https://x.org/"onmouseover=alert(4)'),
        events=(event,),
        warnings=(f"{hostile}: {hostile}",),
    )
    html = report._repr_html_()
    page = parsed(html)
    assert_safe(page)
    assert "<script" not in html and "<img" not in html
    assert "".join(page.text_box) == text
    assert page.marks == [hostile]
    assert "javascript:" not in html.split("href=")[-1].split(">")[0]


def _render_script() -> dict[str, Any]:
    return runpy.run_path(str(Path(__file__).parent.parent / "scripts" / "render_html.py"))


def test_chromium_builds_no_element_from_hostile_strings() -> None:
    render = _render_script()
    if render["chromium"]() is None:
        pytest.skip("no chromium binary (apt-get install -y chromium)")
    # Payloads that mark the page when they run (an alert would block the browser).
    mark = "document.body.setAttribute('data-pwned', 1)"
    hostile = f'</div></details><script>{mark}</script><img src=x onerror="{mark}">'
    text = f"Tajik troops {hostile} held drills."
    event = se.Statement(content=hostile, evidence=(se.Evidence.of(text, hostile),))
    report = se.Report(
        id=hostile, text=text, source=se.Source(publisher=hostile), events=(event,),
        warnings=(hostile,),
    )  # fmt: skip
    dom = parsed(render["dump_dom"](report._repr_html_()))
    assert not [tag for tag, attributes in dom.tags if "data-pwned" in dict(attributes)]
    page_tags = {"html", "head", "meta", "title", "body"}
    dom.tags = [(tag, attributes) for tag, attributes in dom.tags if tag not in page_tags]
    assert_safe(dom)
    assert "".join(dom.text_box) == text
    assert dom.marks == [hostile]


@given(
    text=st.text(max_size=200),
    publisher=st.text(min_size=1, max_size=30).filter(str.strip),
    warning=st.text(max_size=50),
    cut=st.tuples(st.integers(0, 200), st.integers(0, 200)),
)
def test_html_of_any_strings_is_safe_and_keeps_the_text(
    text: str, publisher: str, warning: str, cut: tuple[int, int]
) -> None:
    start, end = sorted(min(c, len(text)) for c in cut)
    evidence = (se.Evidence.span(text, start, end), se.Evidence.span(text, 0, len(text)))
    event = se.Statement(content=warning or None, evidence=evidence)
    report = se.Report(
        id=publisher,
        text=text,
        source=se.Source(publisher=publisher),
        events=(event,),
        warnings=(warning,),
    )
    page = parsed(report_html(report))
    assert_safe(page)
    assert "".join(page.text_box) == text


def test_long_reports_are_cut() -> None:
    text = "Russian and Tajik troops held joint drills on Monday. " * 2000
    report = se.extract(text, published="2021-10-28")
    assert len(report.text) > 100_000
    html = report._repr_html_()
    assert len(html) < 200_000
    assert "more characters" in html


def test_highlight_segments_cover_the_text_once() -> None:
    text = "Tajik and Russian troops held drills. China built a base in Kulob."
    drills = se.JointExercise(
        evidence=(se.Evidence.of(text, "Tajik and Russian troops held drills."),
                  se.Evidence.of(text, "Russian")),
    )  # fmt: skip
    base = se.BaseConstruction(
        evidence=(se.Evidence.of(text, "China built a base in Kulob."),
                  se.Evidence.of(text, "Kulob"), se.Evidence.of(text, "drills")),
    )  # fmt: skip
    wrong = se.Statement(evidence=(se.Evidence(start=0, end=5, text="China"),))
    segments, mismatched = highlight_segments(text, [drills, base, wrong])
    assert mismatched == 1
    assert "".join(text[a:b] for a, b, _, _ in segments) == text
    assert all(a < b for a, b, _, _ in segments)
    by_text = {text[a:b]: (covering, field) for a, b, covering, field in segments}
    assert by_text["Russian"] == ((0,), True)
    assert by_text["drills"] == ((0, 1), False)  # a field of one event, not of the other
    assert by_text["Kulob"] == ((1,), True)
    assert by_text[" "] == ((), False)
    cut, _ = highlight_segments(text, [drills, base], limit=10)
    assert cut[-1][1] == 10


def test_a_span_naming_its_field_is_a_field_span() -> None:
    # Wire format 2 evidence names the field it supports; such a span is underlined
    # even where it is not inside a larger span of the event.
    from types import SimpleNamespace

    text = "Cost: $8.6 million. China will build a base."
    cost = SimpleNamespace(start=6, end=18, text="$8.6 million", field="cost")
    claim = SimpleNamespace(start=20, end=len(text), text=text[20:], field=None)
    event = SimpleNamespace(evidence=(cost, claim), type_tag="base_construction")
    segments, _ = highlight_segments(text, [event])  # type: ignore[list-item]
    marked = {text[a:b]: field for a, b, covering, field in segments if covering}
    assert marked == {"$8.6 million": True, "China will build a base.": False}
