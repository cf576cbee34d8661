"""Every public error pickles, compares equal to its copy and quotes values briefly."""

from __future__ import annotations

import copy
import importlib
import pickle
from typing import Any

import pytest

import secevents as se
from secevents import errors

EXAMPLES: dict[type[BaseException], BaseException] = {
    se.ValidationError: se.ValidationError([se.Problem("$.date", "bad", line=3)]),
    se.UnknownTypeError: se.UnknownTypeError([se.Problem("$.type", "'x' is not registered")]),
    se.SchemaVersionError: se.SchemaVersionError([se.Problem("$.schema_version", "too new")]),
    se.FieldError: se.FieldError("confidence", "2.0 is not in [0, 1]"),
    errors.ReadError: errors.ReadError("events.csv.gz", 12, "the archive ends early"),
    errors.LimitError: errors.LimitError("a.jsonl", 3, "max_line", 1024, "a line is longer"),
    errors.DuplicateKeyWarning: errors.DuplicateKeyWarning(("$.type", "$.id"), line=7),
}
PUBLIC_MODULES = ("secevents", "secevents.errors", "secevents.interop", "secevents.normalize")


def public_errors() -> set[type[BaseException]]:
    found: set[type[BaseException]] = set()
    for name in PUBLIC_MODULES:
        module = importlib.import_module(name)
        for attribute in getattr(module, "__all__", ()):
            value = getattr(module, attribute)
            if isinstance(value, type) and issubclass(value, BaseException):
                found.add(value)
    return found


def test_every_public_error_has_an_example() -> None:
    assert public_errors() == set(EXAMPLES)


@pytest.mark.parametrize("error", list(EXAMPLES.values()), ids=lambda e: type(e).__name__)
def test_errors_pickle_and_compare_equal(error: BaseException) -> None:
    error.add_note("while reading events.jsonl")
    for copied in (pickle.loads(pickle.dumps(error)), copy.copy(error), copy.deepcopy(error)):
        assert type(copied) is type(error)
        assert copied == error and hash(copied) == hash(error)
        assert str(copied) == str(error)
        assert copied.__notes__ == ["while reading events.jsonl"]
        for name in ("problems", "field", "message", "path", "line", "limit", "value", "paths"):
            assert getattr(copied, name, None) == getattr(error, name, None)


def test_errors_that_say_different_things_differ() -> None:
    assert se.FieldError("a", "x") != se.FieldError("a", "y")
    assert se.ValidationError([se.Problem("$", "x")]) != se.UnknownTypeError([se.Problem("$", "x")])
    assert se.FieldError("a", "x") != ValueError("a: x")


@pytest.mark.parametrize(
    "data",
    [
        '{"type": "statement", "date": "%s"}' % ("x" * 5_000_000),
        '{"type": "statement", "content": ["%s"]}' % ("y" * 5_000_000),
        '{"type": "joint_exercise", "troops": {"value": %s}}' % ("7" * 5000),
        '{"type": "statement", "tags": [%s]}' % ("8" * 5000),
        '{"type": "statement", "evidence": [{"start": 0, "end": 1, "text": "%s"}]}'
        % ("z" * 5_000_000),
        '{"type": "statement", "speaker": {"kind": "state", "code": "%s"}}' % ("Q" * 5_000_000),
    ],
    ids=["date", "list", "int", "tag", "evidence", "code"],
)
def test_a_huge_bad_value_gives_a_short_message(data: str) -> None:
    with pytest.raises(se.ValidationError) as caught:
        se.loads(data)
    message = str(caught.value)
    assert len(message) < 1500, message[:300]
    assert all(len(problem.message) < 1100 for problem in caught.value.problems)


def test_a_huge_value_given_in_python_gives_a_short_message() -> None:
    with pytest.raises(se.FieldError) as caught:
        se.Actor(kind=se.ActorKind.STATE, code="Q" * 5_000_000)
    assert len(str(caught.value)) < 1100
    with pytest.raises(se.FieldError) as caught:
        se.Quantity(10**6000)
    assert "digits" in str(caught.value) and len(str(caught.value)) < 1100


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("short", "'short'"),
        ("x" * 300, "'" + "x" * 196 + "... (300 characters)"),
        (10**5000, "an integer of about 5001 digits"),
        (b"\x00" * 1000, "b'" + "\\x00" * 48 + "\\x0... (1000 bytes)"),
    ],
    ids=["short", "long", "huge-int", "bytes"],
)
def test_shown_quotes_at_most_about_two_hundred_characters(value: Any, expected: str) -> None:
    assert errors.shown(value) == expected
