"""Dates in order, events sorted, reports read back, EDTF errors that teach (issue 16)."""

from __future__ import annotations

import io

import pytest
from hypothesis import given
from hypothesis import strategies as st

import secevents as se
from secevents.testing import date_spans, partial_dates

D = se.DateSpan.parse


@given(date_spans(), date_spans(), date_spans())
def test_date_spans_have_a_total_order_agreeing_with_equality(
    a: se.DateSpan, b: se.DateSpan, c: se.DateSpan
) -> None:
    assert (a == b) == (a.sort_key == b.sort_key)
    assert (a < b) + (a == b) + (a > b) == 1  # exactly one holds
    assert (a <= b) == (a < b or a == b) and (a >= b) == (a > b or a == b)
    if a <= b and b <= c:
        assert a <= c
    assert sorted([a, b, c]) == sorted([c, b, a])


@given(date_spans(), date_spans())
def test_the_order_is_by_first_day_then_last_day(a: se.DateSpan, b: se.DateSpan) -> None:
    if a._window()[0] < b._window()[0]:
        assert a < b
    elif a._window() == b._window() and a.precision != b.precision:
        order = list(se.DatePrecision)
        assert (a < b) == (order.index(a.precision) < order.index(b.precision))


def test_hand_written_orders() -> None:
    spans = ["2021-10-23", "2021", "2021-10", "2021-10-23/..", "../2020", "2021-21", "2021-10-22"]
    assert [str(s) for s in sorted(D(t) for t in spans)] == [
        "../2020",  # an open start is before every date
        "2021",
        "2021-21",  # spring 2021 starts in March
        "2021-10",
        "2021-10-22",
        "2021-10-23",
        "2021-10-23/..",  # same first day, an open end is later than any
    ]
    # Same days, different precision: the year-precise one first.
    assert D("2021") < D("2021-01/2021-12") < D("2021-01-01/2021-12-31")
    assert D("2021-10~") != D("2021-10") and (D("2021-10~") < D("2021-10")) != (
        D("2021-10") < D("2021-10~")
    )
    with pytest.raises(TypeError):
        assert D("2021") < "2022"  # type: ignore[operator]


EVENTS = [
    se.Statement(summary="a", date=D("2021-10")),
    se.Statement(summary="b"),
    se.Statement(summary="c", date=D("2016")),
    se.JointExercise(summary="d", name="Rubezh", date=D("2021-10-23/2021-10-30")),
]


def test_sorted_by_plain_date_key_fails_on_none_and_by_date_does_not() -> None:
    with pytest.raises(TypeError):
        sorted(EVENTS, key=lambda event: event.date)  # type: ignore[arg-type, return-value]
    assert [event.summary for event in sorted(EVENTS, key=se.by_date)] == ["c", "a", "d", "b"]
    dated = [event for event in EVENTS if event.date is not None]
    by_span = sorted(dated, key=lambda e: e.date)  # type: ignore[arg-type, return-value]
    assert by_span == sorted(dated, key=se.by_date)


def test_collection_sort_by() -> None:
    collection = se.EventCollection(EVENTS)
    assert [str(e.date) for e in collection.sort_by("date")] == [
        "2016",
        "2021-10",
        "2021-10-23/2021-10-30",
        "None",
    ]
    assert [str(e.date) for e in collection.sort_by("date", reverse=True)][-1] == "None"
    assert collection.sorted() == collection.sort_by("date")
    assert [e.summary for e in collection.sort_by("name")] == ["d", "a", "b", "c"]
    with pytest.raises(ValueError, match=r"sort_by\(\): no event type has a field 'dates'"):
        collection.sort_by("dates")
    mixed = se.EventCollection([se.Statement(content="x"), se.Statement(content="y")])
    assert len(mixed.sort_by("content")) == 2


def test_a_report_reads_back_through_every_reader() -> None:
    report = se.Report(
        id="r1",
        text="Russia and Tajikistan held drills.",
        events=(se.JointExercise(participants=(se.Actor.state("RUS"), se.Actor.state("TJK"))),),
    )
    assert se.loads(se.dumps(report)) == report
    assert se.parse(se.to_dict(report)) == report
    buffer = io.StringIO()
    se.write_jsonl([report, report.events[0]], buffer)
    buffer.seek(0)
    assert list(se.read_jsonl(buffer)) == [report, report.events[0]]


@pytest.mark.parametrize(
    ("text", "teaching"),
    [
        ("23/10/2021", "write 2021-10-23"),
        ("10/23/2021", "write 2021-10-23"),
        ("23 October 2021", "write 2021-10-23"),
        ("2021-10-23 to 2021-10-30", "write 2021-10-23/2021-10-30"),
        ("23 October 2021 - 30 October 2021", "write 2021-10-23/2021-10-30"),
        ("2019 through 2021~", "write 2019/2021~"),
        ("2021-10-23 to 2021-10-32", "intervals START/END"),  # no guess that is not EDTF
        ("2021-10-23 to next week", "intervals START/END"),
        ("2021-13-01", "month 13 is not 01..12"),
    ],
)
def test_edtf_errors_say_what_edtf_expects(text: str, teaching: str) -> None:
    with pytest.raises(ValueError, match=teaching) as caught:
        D(text)
    assert repr(text) in str(caught.value)


@given(st.sampled_from(["date", "reported", "confidence"]), st.booleans())
def test_sort_by_puts_missing_values_last(field: str, reverse: bool) -> None:
    events = [
        se.Statement(summary="without"),
        se.Statement(summary="with", date=D("2020"), reported=D("2020"), confidence=0.5),
    ]
    ordered = se.EventCollection(events).sort_by(field, reverse=reverse)
    assert [event.summary for event in ordered] == ["with", "without"]


def test_a_long_run_of_range_words_gets_the_plain_message() -> None:
    text = "2021 to " * 20_000 + "2022"
    with pytest.raises(ValueError, match="is not an EDTF level 0/1 date") as caught:
        D(text)
    assert len(str(caught.value)) < 1_000  # the value is quoted cut short


@given(partial_dates(), partial_dates(), st.sampled_from([" to ", " until ", " – ", " - "]))
def test_a_range_of_two_edtf_dates_is_answered_with_the_interval(
    first: se.PartialDate, second: se.PartialDate, separator: str
) -> None:
    text = f"{first}{separator}{second}"
    with pytest.raises(ValueError, match="is not EDTF; write") as caught:
        D(text)
    assert str(caught.value) == f"{text!r} is not EDTF; write {first}/{second}"
