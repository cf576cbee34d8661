"""CloudEvents 1.0 envelopes: required attributes, determinism, extensions, the way back."""

from __future__ import annotations

import datetime as dt
from typing import Any

import jsonschema
import orjson
import pytest
from hypothesis import given

import secevents as se
from secevents.interop.cloudevents import cloudevent_type, from_cloudevent, to_cloudevent
from secevents.testing import events

RFC3339 = r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$"
# The context attributes of CloudEvents 1.0.2 (spec.md, "Context Attributes") in the
# JSON format (json-format.md): REQUIRED id, source, specversion, type; OPTIONAL
# datacontenttype, dataschema, subject, time; extension names [a-z0-9].
ENVELOPE_SCHEMA: dict[str, Any] = {
    "type": "object",
    "required": ["id", "source", "specversion", "type"],
    "properties": {
        "id": {"type": "string", "minLength": 1},
        "source": {"type": "string", "minLength": 1},
        "specversion": {"const": "1.0"},
        "type": {"type": "string", "minLength": 1},
        "datacontenttype": {"type": "string", "minLength": 1},
        "dataschema": {"type": "string", "minLength": 1},
        "subject": {"type": "string", "minLength": 1},
        "time": {"type": "string", "pattern": RFC3339},
    },
    "propertyNames": {"pattern": "^[a-z0-9]+$|^data_base64$"},
}


def check(envelope: dict[str, Any]) -> None:
    jsonschema.validate(orjson.loads(orjson.dumps(envelope)), ENVELOPE_SCHEMA)
    if "time" in envelope:
        assert dt.datetime.fromisoformat(envelope["time"]).tzinfo is not None


def exercise() -> se.JointExercise:
    return se.JointExercise(
        name="Interaction-2021",
        date=se.DateSpan.parse("2021-10"),
        participants=(se.Actor.state("RUS"), se.Actor.state("TJK")),
    )


def test_required_attributes_and_data() -> None:
    envelope = to_cloudevent(exercise())
    check(envelope)
    assert envelope == {
        "specversion": "1.0",
        "id": exercise().id,
        "source": "urn:secevents",
        "type": "org.secevents.joint_exercise.v2",
        "datacontenttype": "application/json",
        "data": se.to_dict(exercise()),
    }
    assert to_cloudevent(exercise()) == envelope  # deterministic: no clock


def test_optional_attributes_and_extensions() -> None:
    when = dt.datetime(2021, 10, 28, 12, 0, tzinfo=dt.timezone(dt.timedelta(hours=5)))
    envelope = to_cloudevent(
        exercise(),
        source="https://example.org/feeds/tj",
        type_prefix="org.example",
        time=when,
        subject="TJK",
        dataschema="https://example.org/schemas/secevents-1.json",
        extensions={"region": "centralasia", "priority": 2},
    )
    check(envelope)
    assert envelope["type"] == "org.example.joint_exercise.v2"
    assert envelope["time"] == "2021-10-28T12:00:00+05:00"
    assert envelope["region"] == "centralasia" and envelope["priority"] == 2
    utc = to_cloudevent(exercise(), time=dt.datetime(2021, 10, 28, tzinfo=dt.UTC))
    assert utc["time"] == "2021-10-28T00:00:00Z"


@pytest.mark.parametrize(
    ("options", "message"),
    [
        ({"time": dt.datetime(2021, 10, 28)}, "timezone-aware"),
        ({"extensions": {"Region": "x"}}, "lower-case"),
        ({"extensions": {"id": "x"}}, "spec attribute"),
        ({"extensions": {"data": "x"}}, "spec attribute"),
        ({"source": ""}, "non-empty"),
    ],
)
def test_bad_options_are_refused(options: dict[str, Any], message: str) -> None:
    with pytest.raises(ValueError, match=message):
        to_cloudevent(exercise(), **options)


def test_extension_values_must_be_scalars() -> None:
    with pytest.raises(TypeError, match="extension 'tags'"):
        to_cloudevent(exercise(), extensions={"tags": ["a"]})  # type: ignore[dict-item]


def test_from_cloudevent_checks_the_envelope() -> None:
    envelope = to_cloudevent(exercise())
    assert from_cloudevent(envelope) == exercise()
    with pytest.raises(ValueError, match="specversion"):
        from_cloudevent({**envelope, "specversion": "0.3"})
    with pytest.raises(ValueError, match="data"):
        from_cloudevent({k: v for k, v in envelope.items() if k != "data"})


@given(events())
def test_any_event_makes_a_valid_envelope_and_comes_back(event: se.Event) -> None:
    envelope = to_cloudevent(event)
    check(envelope)
    assert envelope["type"] == cloudevent_type(event)
    assert from_cloudevent(orjson.loads(orjson.dumps(envelope))) == event


def test_an_envelope_whose_type_contradicts_its_data_is_refused() -> None:
    envelope = to_cloudevent(se.Statement(content="No comment."))
    envelope["type"] = "org.secevents.joint_exercise.v2"
    with pytest.raises(ValueError, match="does not match its data"):
        from_cloudevent(envelope)
    envelope["type"] = "com.example.statement.v2"  # another prefix is fine
    assert from_cloudevent(envelope).type_tag == "statement"
    envelope["type"] = "com.example.statement.v1"  # the data is at version 2
    with pytest.raises(ValueError, match="does not match its data"):
        from_cloudevent(envelope)


def test_an_envelope_of_version_1_data_still_reads() -> None:
    envelope = to_cloudevent(se.Statement(content="No comment."))
    envelope["data"] = {**envelope["data"], "schema_version": 1}
    envelope["type"] = "org.secevents.statement.v1"
    assert from_cloudevent(envelope) == se.Statement(content="No comment.")
