"""Versions of a record (wire format v2): modified, new_version, revoke, attrs.evolve."""

from __future__ import annotations

import datetime as dt
from typing import Any, cast

import attrs
import pytest
from hypothesis import assume, given
from hypothesis import strategies as st

import secevents as se
from secevents.testing import events, timestamps

DAY1 = dt.datetime(2021, 10, 20, 9, 0, tzinfo=dt.UTC)
DAY2 = dt.datetime(2021, 10, 27, 9, 0, tzinfo=dt.UTC)
BASE = se.BaseConstruction(
    builder=se.Actor.state("CHN"),
    host=se.Actor.state("TJK"),
    status=se.ConstructionStatus.AGREED,
    modified=DAY1,
)


def test_a_new_version_keeps_the_id_and_marks_the_time() -> None:
    built = se.new_version(BASE, status=se.ConstructionStatus.COMPLETED, modified=DAY2)
    assert built.id == BASE.id and built.modified == DAY2
    assert built.status is se.ConstructionStatus.COMPLETED
    assert se.to_dict(built)["modified"] == "2021-10-27T09:00:00Z"
    assert se.loads(se.dumps(built)) == built


def test_the_default_modified_is_now_in_utc() -> None:
    before = dt.datetime.now(dt.UTC)
    version = se.new_version(BASE, summary="Agreed.")
    assert version.modified is not None and version.modified >= before
    assert version.modified.tzinfo is dt.UTC


def test_a_version_must_be_later_and_keep_its_id() -> None:
    with pytest.raises(se.FieldError, match="not later than the current version"):
        se.new_version(BASE, summary="x", modified=DAY1)
    with pytest.raises(se.FieldError, match="keeps the record's id") as caught:
        se.new_version(BASE, id="base_construction--0b8a6f52-1c1e-5c56-9a0e-3f0e8d9b7a61")
    assert caught.value.field == "id"
    with pytest.raises(se.FieldError, match="no such field") as caught:
        se.new_version(BASE, stauts="completed")
    assert caught.value.field == "stauts"
    with pytest.raises(TypeError, match="expected an event"):
        se.new_version("base", summary="x")  # type: ignore[type-var]


def test_a_naive_or_offset_time_is_refused_or_made_utc() -> None:
    with pytest.raises(se.FieldError, match=r"modified: .* has no time zone"):
        se.Statement(modified=dt.datetime(2021, 10, 27, 9, 0))
    dushanbe = dt.timezone(dt.timedelta(hours=5))
    made = se.Statement(modified=dt.datetime(2021, 10, 27, 14, 0, tzinfo=dushanbe))
    assert made.modified == DAY2 and made.modified.tzinfo is dt.UTC
    assert se.to_dict(made)["modified"] == "2021-10-27T09:00:00Z"


@pytest.mark.parametrize(
    "text",
    ["2021-10-27", "2021-10-27T09:00:00", "2021-10-27T14:00:00+05:00", "2021-13-01T00:00:00Z"],
)
def test_reading_refuses_what_is_not_an_rfc3339_utc_timestamp(text: str) -> None:
    with pytest.raises(se.ValidationError, match=r"\$\.modified: '"):
        se.parse({"type": "statement", "modified": text})


def test_fractions_and_lower_case_separators_are_read() -> None:
    event = se.parse({"type": "statement", "modified": "2021-10-27t09:00:00.25z"})
    assert event.modified == DAY2.replace(microsecond=250000)
    assert se.to_dict(event)["modified"] == "2021-10-27T09:00:00.250000Z"


def test_revoke_marks_a_withdrawn_version() -> None:
    withdrawn = se.revoke(BASE, modified=DAY2)
    assert withdrawn.revoked and withdrawn.id == BASE.id and withdrawn.modified == DAY2
    assert se.to_dict(withdrawn)["revoked"] is True
    assert "revoked" not in se.to_dict(BASE)
    with pytest.raises(ValueError, match="already revoked"):
        se.revoke(withdrawn)


def test_evolve_is_an_edited_copy_of_the_same_record() -> None:
    edited = attrs.evolve(cast(Any, BASE), summary="China agreed to build outposts.")
    assert edited.id == BASE.id and edited.modified == BASE.modified
    # The id was computed once: made afresh, the edited content would get another.
    assert attrs.evolve(cast(Any, edited), id="").id != BASE.id
    again = se.BaseConstruction(builder=BASE.builder, host=BASE.host, status=BASE.status)
    assert again.id == BASE.id  # the same content made again: the same record


def test_version_keys_are_not_part_of_the_id() -> None:
    plain = se.Statement(content="No comment.")
    stamped = se.Statement(content="No comment.", modified=DAY1, revoked=True)
    assert plain.id == stamped.id
    merged = se.Statement(content="No comment.", merged_from=(plain.id,))
    assert merged.id != plain.id  # what a record is made of is content


@given(events(), timestamps(), st.text(max_size=20))
def test_versions_round_trip_and_keep_their_ids(
    event: se.Event, stamp: dt.datetime, summary: str
) -> None:
    assume(event.modified is None or stamp > event.modified)
    version = se.new_version(event, summary=summary or None, modified=stamp)
    assert version.id == event.id and version.modified == stamp
    assert se.loads(se.dumps(version)) == version
