"""``extract_many``: batches in order, equal to ``extract``, in this process or in several."""

from __future__ import annotations

import datetime as dt
import itertools
import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any, ClassVar

import pandas as pd
import pytest

import secevents as se
from secevents.extraction import Document, Mention, Sentence, default_recognizers

CORPUS = Path(__file__).parent / "data" / "corpus"
TEXTS = [
    json.loads(path.read_text(encoding="utf-8"))["text"] for path in sorted(CORPUS.glob("*.json"))
]
DRILLS = "Russian and Tajik troops held joint drills on Monday."


def counted(texts: list[Any], seen: list[int]) -> Iterator[Any]:
    for index, text in enumerate(texts):
        seen.append(index)
        yield text


def test_reports_come_in_input_order_equal_to_extract() -> None:
    expected = [se.extract(text) for text in TEXTS]
    assert list(se.extract_many(TEXTS)) == expected
    assert sum(len(r.events) for r in expected) >= 30


def test_dates_and_sources_one_for_all_or_one_per_text() -> None:
    days = [dt.date(2021, 10, 25 + i) for i in range(3)]
    texts = [DRILLS] * 3
    per_text = list(se.extract_many(texts, published=days, sources=["AP", None, "Reuters"]))
    assert per_text == [
        se.extract(DRILLS, published=day, source=source)
        for day, source in zip(days, ["AP", None, "Reuters"], strict=True)
    ]
    assert [str(r.events[0].date) for r in per_text] == ["2021-10-25", "2021-10-25", "2021-10-25"]
    # pandas columns as they come out of a DataFrame
    frame = pd.DataFrame(
        {
            "text": texts,
            "published": pd.to_datetime(
                pd.Series(["2021-10-25", None, "2021-10-27T23:00-05:00"]),
                utc=True,
                format="ISO8601",
            ),
            "publisher": ["AP", float("nan"), "Reuters"],
        }
    )
    reports = list(
        se.extract_many(frame["text"], published=frame["published"], sources=frame["publisher"])
    )
    assert [str(r.published) for r in reports] == ["2021-10-25", "None", "2021-10-28"]
    assert [r.source.publisher if r.source else None for r in reports] == ["AP", None, "Reuters"]
    one_for_all = list(se.extract_many(texts, published=pd.Timestamp("2021-10-28"), sources="AP"))
    assert one_for_all == [se.extract(DRILLS, published="2021-10-28", source="AP")] * 3


class FailingRecognizer:
    """Fails on one kind of sentence, as a buggy recognizer would."""

    event_type: ClassVar[type[se.Event]] = se.Statement

    def recognize(self, sentence: Sentence, doc: Document) -> list[Mention]:
        if "Kulob" in sentence.text:
            raise IndexError("list index out of range")
        return []

    def accept(self, event: se.Event) -> bool:
        return True


def test_an_error_in_one_text_is_that_texts_and_the_batch_goes_on() -> None:
    texts: list[Any] = [DRILLS, None, "Drills in Kulob.", DRILLS, b"bytes", DRILLS]
    dates: list[Any] = ["2021-10-28", "2021-10-28", "2021-10-28", "28/10/2021", None, 2021]
    reports = list(se.extract_many(texts, published=dates, recognizers=[FailingRecognizer()]))
    assert len(reports) == len(texts)
    failed = [next((w for w in r.warnings if w.startswith("extract_")), "") for r in reports]
    assert failed == [
        "",
        "extract_failed: TypeError: text must be a str, got NoneType None",
        "extract_failed: IndexError: list index out of range",
        "extract_failed: ValueError: published: '28/10/2021' is not an ISO 8601 date or "
        "date-time (such as '2021-10-28' or '2021-10-28T14:30:00+02:00')",
        "extract_failed: TypeError: text must be a str, got bytes b'bytes'",
        "extract_failed: TypeError: published must be a datetime.date, a datetime.datetime "
        "(an aware one is taken in UTC), an ISO 8601 string such as '2021-10-28', a "
        "day-precise DateSpan, a numpy.datetime64, an object with a .date() method such as a "
        "pandas Timestamp, or None; got int 2021",
    ]
    # A failed report keeps what is known of its text, and has no events.
    assert reports[2].text == "Drills in Kulob." and reports[2].events == ()
    assert str(reports[2].published) == "2021-10-28" and reports[2].id.startswith("report--")
    assert reports[3].text == DRILLS and reports[3].published is None
    assert reports[4].text == "" and reports[4].id == ""
    with pytest.raises(IndexError, match="list index out of range"):
        list(se.extract_many(texts[2:], errors="raise", recognizers=[FailingRecognizer()]))


def test_in_worker_processes() -> None:
    # A real process pool over an endless stream: order, equality with extract, an
    # error in one text, and reading ahead only a few chunks (else this never ends).
    recognizers = default_recognizers()
    stream = itertools.cycle([*TEXTS, None])
    reports = se.extract_many(stream, processes=2, recognizers=recognizers)
    taken = list(itertools.islice(reports, 2 * (len(TEXTS) + 1)))
    reports.close()  # type: ignore[attr-defined]
    expected = [se.extract(text) for text in TEXTS]
    assert taken[: len(TEXTS)] == expected
    assert taken[len(TEXTS)].warnings[0].startswith("extract_failed: TypeError: text must be")
    assert taken[len(TEXTS) + 1 :] == [*expected, taken[len(TEXTS)]]


def test_in_worker_processes_errors_raise_when_asked() -> None:
    texts: list[Any] = [DRILLS, DRILLS, None, DRILLS]
    reports = se.extract_many(texts, processes=2, errors="raise")
    with pytest.raises(TypeError, match="text must be a str, got NoneType"):
        list(reports)


def test_progress_callback_and_tqdm(capsys: pytest.CaptureFixture[str]) -> None:
    done: list[int] = []
    list(se.extract_many([DRILLS, None, DRILLS], progress=done.append))  # type: ignore[list-item]
    assert done == [1, 2, 3]
    list(se.extract_many([DRILLS] * 3, progress=True))
    assert "3/3" in capsys.readouterr().err


def test_texts_are_read_as_the_reports_are_taken() -> None:
    seen: list[int] = []
    reports = se.extract_many(counted([DRILLS] * 5, seen))
    assert seen == []
    next(reports)
    assert seen == [0]


def test_arguments_wrong_for_every_text_are_refused_before_any_work() -> None:
    seen: list[int] = []
    texts = counted([DRILLS] * 3, seen)
    with pytest.raises(TypeError, match=r"published must be .*; got int 5"):
        se.extract_many(texts, published=5)  # type: ignore[arg-type]
    with pytest.raises(TypeError, match=r"sources must be a secevents.Source.*; got dict"):
        se.extract_many(texts, sources={"publisher": "AP"})
    with pytest.raises(ValueError, match=r"published: '28/10/2021' is not an ISO 8601 date"):
        se.extract_many(texts, published="28/10/2021")
    with pytest.raises(TypeError, match="texts must be an iterable of str, got str"):
        se.extract_many(DRILLS)
    with pytest.raises(ValueError, match="processes must be 1 or more"):
        se.extract_many(texts, processes=0)
    with pytest.raises(TypeError, match="processes must be an int or None, got str"):
        se.extract_many(texts, processes="2")  # type: ignore[arg-type]
    with pytest.raises(ValueError, match="errors must be 'report' or 'raise'"):
        se.extract_many(texts, errors="ignore")  # type: ignore[arg-type]
    with pytest.raises(TypeError, match="progress must be a callable, True or None"):
        se.extract_many(texts, progress="yes")  # type: ignore[arg-type]
    with pytest.raises(ValueError, match="published has 2 values for 3 texts"):
        se.extract_many([DRILLS] * 3, published=["2021-10-28"] * 2)

    class Local:
        event_type = se.Statement

    with pytest.raises(TypeError, match="recognizers must be picklable to run in processes"):
        se.extract_many(texts, processes=2, recognizers=[Local()])  # type: ignore[list-item]
    assert seen == []


def test_lengths_that_differ_are_found_when_met() -> None:
    texts = (text for text in [DRILLS] * 3)
    with pytest.raises(ValueError, match="published ran out of values at text 2"):
        list(se.extract_many(texts, published=iter(["2021-10-28"] * 2)))
    reports = se.extract_many(iter([DRILLS]), sources=iter(["AP", "Reuters"]))
    with pytest.raises(ValueError, match="sources has more values than there are texts"):
        list(reports)
