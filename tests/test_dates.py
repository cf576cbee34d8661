"""EDTF dates: parsing, printing, bounds and comparisons."""

from __future__ import annotations

import datetime as dt
import pickle

import pytest

from secevents import Bound, DatePrecision, DateSpan, PartialDate


@pytest.mark.parametrize(
    ("text", "earliest", "latest", "precision"),
    [
        ("2016", dt.date(2016, 1, 1), dt.date(2016, 12, 31), DatePrecision.YEAR),
        ("2021-02", dt.date(2021, 2, 1), dt.date(2021, 2, 28), DatePrecision.MONTH),
        ("2020-02", dt.date(2020, 2, 1), dt.date(2020, 2, 29), DatePrecision.MONTH),
        ("2021-10-27", dt.date(2021, 10, 27), dt.date(2021, 10, 27), DatePrecision.DAY),
        ("2021-10~", dt.date(2021, 10, 1), dt.date(2021, 10, 31), DatePrecision.MONTH),
        ("2021-10-23?", dt.date(2021, 10, 23), dt.date(2021, 10, 23), DatePrecision.DAY),
        ("2021-24", dt.date(2021, 12, 1), dt.date(2022, 2, 28), DatePrecision.SEASON),
        ("2021-10-23/2021-10-30", dt.date(2021, 10, 23), dt.date(2021, 10, 30), DatePrecision.DAY),
        ("2014/..", dt.date(2014, 1, 1), None, DatePrecision.YEAR),
        ("../2021-10", None, dt.date(2021, 10, 31), DatePrecision.MONTH),
        ("2021-10-23/", dt.date(2021, 10, 23), None, DatePrecision.DAY),
        ("2021-08/2021-10-23", dt.date(2021, 8, 1), dt.date(2021, 10, 23), DatePrecision.MONTH),
    ],
)
def test_parse_bounds_and_print(
    text: str, earliest: dt.date | None, latest: dt.date | None, precision: DatePrecision
) -> None:
    span = DateSpan.parse(text)
    assert (span.earliest, span.latest, span.precision) == (earliest, latest, precision)
    assert str(span) == text
    assert DateSpan.parse(str(span)) == span


def test_precision_is_never_invented() -> None:
    assert str(DateSpan.year(2016)) == "2016"
    assert DateSpan.year(2016) != DateSpan.day(2016, 1, 1)


def test_qualifiers() -> None:
    both = DateSpan.parse("2021-10%")
    assert both.approximate and both.uncertain
    assert str(PartialDate(2021, 10, approximate=True, uncertain=True)) == "2021-10%"
    assert not DateSpan.parse("2021").approximate


@pytest.mark.parametrize(
    "text",
    [
        "2021-13",
        "2021-02-30",
        "2021-00",
        "21",
        "2021-1-5",
        "2021/2020",
        "../..",
        "",
        "/",
        "2021-10-23/2021/1",
        "2021-21-01",
        "Y2021",
        "-0000",
        "156X-12-25",
        "2021-10-23T10:00",
        "2021-10-23T10:00:00~",
    ],
)
def test_rejects_invalid_edtf(text: str) -> None:
    with pytest.raises(ValueError, match=r"EDTF|month|day|interval|year"):
        DateSpan.parse(text)


def test_parse_rejects_non_strings() -> None:
    with pytest.raises(TypeError):
        DateSpan.parse(2021)  # type: ignore[arg-type]


def test_contains_and_overlaps() -> None:
    week = DateSpan.parse("2021-10-23/2021-10-30")
    assert week.contains(DateSpan.parse("2021-10-27"))
    assert week.contains(dt.date(2021, 10, 30))
    assert not week.contains(DateSpan.parse("2021-10"))
    assert week.overlaps(DateSpan.parse("2021-10"))
    assert DateSpan.parse("2021-10").contains(week)
    assert not week.overlaps(DateSpan.parse("2021-11"))
    since = DateSpan.parse("2014/..")
    assert since.contains(DateSpan.parse("2021-10-28"))
    assert not since.contains(DateSpan.parse("2013"))
    assert since.overlaps(DateSpan.parse("2010/2014-03"))


def test_constructors() -> None:
    assert str(DateSpan.between("2021-10-23", None)) == "2021-10-23/.."
    assert str(DateSpan.between(None, dt.date(2021, 10, 30))) == "../2021-10-30"
    assert str(DateSpan.of(dt.date(2021, 10, 28))) == "2021-10-28"
    assert DateSpan.month(2021, 8).precision is DatePrecision.MONTH
    assert DateSpan(Bound.OPEN, PartialDate(2021)).earliest is None
    with pytest.raises(TypeError):
        DateSpan.of(dt.datetime(2021, 10, 28, 12))
    with pytest.raises(ValueError, match="single date"):
        DateSpan(Bound.OPEN)


def test_repr_is_evaluable_text() -> None:
    assert repr(DateSpan.parse("2021-10~")) == "DateSpan.parse('2021-10~')"


@pytest.mark.parametrize("text", ["2021-10-23", "2021-21", "../2020", "2004-01-01T10:10:10Z/"])
def test_a_span_writes_its_text_when_asked_and_pickles_as_one_already_written(text: str) -> None:
    # A span holds no text until written (a dataset read holds many it never writes); its
    # pickle is what a written span's was, and equality, hashing and order do not look.
    made, written = DateSpan._parse(text), DateSpan._parse(text)
    assert made._text is None and written._text is None
    assert str(written) == text and written._text == text
    assert made == written and hash(made) == hash(written) and made._text is None
    assert made.sort_key == written.sort_key and made._text == text
    fresh = DateSpan._parse(text)
    assert repr(fresh) == f"DateSpan.parse({text!r})"
    fresh = DateSpan._parse(text)
    assert pickle.dumps(fresh) == pickle.dumps(written) and fresh._text == text
    back = pickle.loads(pickle.dumps(DateSpan._parse(text)))
    assert back == written and back._text == text
