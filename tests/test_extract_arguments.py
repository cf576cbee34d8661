"""``extract``'s arguments as users hold them: dates, sources and the date line."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd
import pytest

import secevents as se
from secevents.extraction._arguments import coerce_published, coerce_source, read_date_line

CORPUS = Path(__file__).parent / "data" / "corpus"
SEED = json.loads((CORPUS / "seed.json").read_text(encoding="utf-8"))["text"]
BODY = SEED[len(" date 2021-10-28") :]
DAY = dt.date(2021, 10, 28)
DRILLS = "Russian and Tajik troops held joint drills on Monday."


@pytest.mark.parametrize(
    "published",
    [
        DAY,
        dt.datetime(2021, 10, 28, 9, 30),
        dt.datetime(2021, 10, 28, 23, 59, tzinfo=dt.UTC),
        dt.datetime(2021, 10, 29, 1, 0, tzinfo=dt.timezone(dt.timedelta(hours=5))),
        "2021-10-28",
        " 2021-10-28T14:30:00+02:00 ",
        "2021-10-28T22:00:00Z",
        "20211028",
        pd.Timestamp("2021-10-28"),
        pd.Timestamp("2021-10-28 18:00", tz="US/Eastern").tz_convert("Asia/Dushanbe"),
        np.datetime64("2021-10-28T12:00"),
        se.DateSpan.parse("2021-10-28"),
    ],
)
def test_every_form_of_a_date_gives_the_same_report(published: Any) -> None:
    expected = se.extract(BODY, published=DAY)
    assert se.extract(BODY, published=published) == expected
    assert str(expected.published) == "2021-10-28"


def test_aware_times_are_taken_in_utc() -> None:
    # 23:30 in New York on the 28th is the 29th in UTC: "on Monday" is then Oct 25 either way,
    # but the report's date is the UTC day.
    late = dt.datetime(2021, 10, 28, 23, 30, tzinfo=dt.timezone(dt.timedelta(hours=-4)))
    assert coerce_published(late) == dt.date(2021, 10, 29)
    assert coerce_published(pd.Timestamp(late)) == dt.date(2021, 10, 29)
    assert str(se.extract(DRILLS, published=late).published) == "2021-10-29"


@pytest.mark.parametrize("missing", [None, float("nan"), pd.NaT, pd.NA, np.datetime64("NaT")])
def test_missing_values_mean_no_date(missing: Any) -> None:
    report = se.extract(DRILLS, published=missing, source=missing)
    assert report.published is None and report.source is None
    assert report.warnings[0].startswith("no_publication_date")


class _Arrow:
    """Any object with a .date() method (arrow, pendulum...)."""

    def date(self) -> dt.date:
        return DAY


def test_objects_with_a_date_method() -> None:
    assert coerce_published(_Arrow()) == DAY


@pytest.mark.parametrize(
    ("value", "kind", "message"),
    [
        (20211028, TypeError, r"published must be a datetime\.date, .*; got int 20211028"),
        (["2021-10-28"], TypeError, r"published must be .*; got list"),
        (dt.time(10), TypeError, r"published must be .*; got time"),
        ("28/10/2021", ValueError, r"published: '28/10/2021' is not an ISO 8601 date"),
        ("", ValueError, r"published: '' is not an ISO 8601 date"),
        (se.DateSpan.parse("2021-10"), ValueError, r"published: '2021-10' is not a single day"),
    ],
)
def test_other_dates_are_refused_naming_the_parameter(
    value: Any, kind: type[Exception], message: str
) -> None:
    with pytest.raises(kind, match=message):
        se.extract(DRILLS, published=value)


def test_refusal_comes_before_any_work(monkeypatch: pytest.MonkeyPatch) -> None:
    # Even a text without any date (where the anchor is never used) is refused.
    from secevents.extraction import pipeline

    def fail(*args: Any, **kwargs: Any) -> None:
        raise AssertionError("the text was read")

    monkeypatch.setattr(pipeline, "Document", fail)
    with pytest.raises(TypeError, match="published"):
        se.extract("No dates here.", published=1.5)  # type: ignore[arg-type]
    with pytest.raises(TypeError, match=r"source must be a secevents\.Source"):
        se.extract("No dates here.", source=42)  # type: ignore[arg-type]
    with pytest.raises(TypeError, match="text must be a str, got bytes"):
        se.extract(b"Drills.")  # type: ignore[arg-type]


def test_a_publisher_string_is_a_source() -> None:
    # Regression: source="AP" made every event invalid, and all were dropped.
    report = se.extract(SEED, source="AP")
    assert len(report.events) == len(se.extract(SEED).events) == 5
    assert all(event.sources[0] == se.Source(publisher="AP") for event in report.events)
    assert report.source == se.Source(publisher="AP")
    assert not [w for w in report.warnings if w.startswith("invalid")]


def test_sources_as_users_hold_them() -> None:
    assert coerce_source(se.Source(url="https://a.org")) == se.Source(url="https://a.org")
    assert coerce_source("  Khaama Press ") == se.Source(publisher="Khaama Press")
    assert coerce_source("HTTPS://khaama.com/x") == se.Source(url="HTTPS://khaama.com/x")
    assert coerce_source("www.khaama.com") == se.Source(publisher="www.khaama.com")
    with pytest.raises(ValueError, match="source: '  ' is empty"):
        coerce_source("  ")
    with pytest.raises(TypeError, match=r"source must be .*; got dict"):
        coerce_source({"publisher": "AP"})


# --- the date line ------------------------------------------------------------------


def test_an_unreadable_date_line_is_a_warning_quoting_it() -> None:
    # Regression: " date 28/10/2021" gave "no date line" and the base was dated by the
    # date line itself (2021-10-28) instead of "on Wednesday".
    report = se.extract(" date 28/10/2021" + BODY)
    assert report.warnings[0] == (
        "unreadable_date_line: 'date 28/10/2021' is not a YYYY-MM-DD date; "
        "relative dates are not resolved"
    )
    assert not [w for w in report.warnings if w.startswith("no_publication_date")]
    assert report.published is None
    dates = [str(e.date) for e in report.events]
    assert dates == ["None", "2016", "None", "None", "None"]  # absolute dates only


def test_an_unreadable_date_line_with_a_published_date() -> None:
    report = se.extract(" date 2021-13-45" + BODY, published="2021-10-28")
    assert report.warnings[0].startswith("unreadable_date_line: 'date 2021-13-45'")
    assert report.warnings[0].endswith("resolved against the published date")
    expected = se.extract(BODY, published=DAY)
    assert [e.date for e in report.events] == [e.date for e in expected.events]


def test_date_line_shapes() -> None:
    assert read_date_line(" date 2021-10-28T09:00:00Z Text.").date == DAY
    assert read_date_line("date 2021-10-28\nText.").body == len("date 2021-10-28\n")
    assert read_date_line(" date 2021-10-28").date == DAY
    line = read_date_line(" date 28.10.2021 Text.")
    assert line == (None, len(" date 28.10.2021 "), " date 28.10.2021")
    # Not date lines: a date word at the start of a sentence, a short number.
    assert read_date_line("Date palms grow here.").line == ""
    assert read_date_line("date 5 was chosen.").line == ""
