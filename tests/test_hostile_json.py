"""JSON in and out without silent change: exact integers, no NaN, repeated keys, equality."""

from __future__ import annotations

import io
import json
import warnings
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

import secevents as se
from secevents.errors import DuplicateKeyWarning, LimitError
from secevents.model import _json

# -- equality after a round trip ---------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        '{"type":"statement","tags":[],"x":1}',  # anchored on a key that is not written
        '{"content":"c","type":"statement","x":1}',
        '{"x":1,"content":"c","type":"statement","y":{"b":1,"a":[2]}}',
        '{"type":"statement","speaker":{"sources":[],"kind":"state","code":"TJK","n":1}}',
        '{"type":"statement","evidence":[],"summary":"s","z":null,"date":"2021"}',
    ],
)
def test_read_back_from_its_own_text_equal(text: str) -> None:
    event = se.loads(text)
    again = se.loads(se.dumps(event))
    assert again == event and hash(again) == hash(event)
    assert se.dumps(again) == se.dumps(event)


def test_unknown_keys_compare_by_content_not_position() -> None:
    a = se.loads('{"type":"statement","y":[1,{"b":2,"a":1}],"content":"c","x":2}')
    b = se.loads('{"x":2,"type":"statement","content":"c","y":[1,{"a":1,"b":2}]}')
    assert a == b and hash(a) == hash(b)
    assert a != se.loads('{"x":2.0,"type":"statement","content":"c","y":[1,{"a":1,"b":2}]}')
    assert a != se.loads('{"x":true,"type":"statement","content":"c","y":[1,{"a":1,"b":2}]}')
    assert a != se.loads('{"type":"statement","content":"c","x":2}')


@given(st.permutations(["type", "content", "date", "x", "y", "summary"]))
def test_any_key_order_reads_equal(order: list[str]) -> None:
    values = {
        "type": "statement",
        "content": "c",
        "date": "2021-10",
        "x": [1, "2"],
        "y": {"k": None},
        "summary": "s",
    }
    text = json.dumps({key: values[key] for key in order})
    event = se.loads(text)
    assert event == se.loads(json.dumps(values)) == se.loads(se.dumps(event))


# -- values kept exactly ----------------------------------------------------------------


@pytest.mark.parametrize(
    "number",
    [2**63, 2**64, -(2**63) - 1, 10**30, -(10**40), 123456789012345678901234567890],
    ids=str,
)
def test_integers_beyond_64_bits_stay_exact(number: int) -> None:
    text = f'{{"type":"statement","x":{number},"y":{{"z":[{number}]}}}}'
    event = se.loads(text)
    assert event.extra[0].value == number and type(event.extra[0].value) is int
    assert event.extra[1].value == {"z": [number]}
    assert str(number) in se.dumps(event)
    assert se.loads(se.dumps(event)) == event
    assert se.loads(text.encode()) == event


@pytest.mark.parametrize(
    ("text", "path"),
    [
        ('{"type":"statement","x":NaN}', "$.x"),
        ('{"type":"statement","x":[1,Infinity]}', "$.x[1]"),
        ('{"type":"statement","x":{"y":-Infinity}}', "$.x.y"),
        ('{"type":"statement","confidence":1e400}', "$.confidence"),
        ('{"type":"statement","x":%s}' % ("9" * 5000), "$.x"),
    ],
    ids=["nan", "infinity", "minus-infinity", "overflow", "5000-digits"],
)
def test_numbers_json_cannot_mean_exactly_are_refused_with_their_path(text: str, path: str) -> None:
    with pytest.raises(se.ValidationError) as caught:
        se.loads(text)
    assert [problem.path for problem in caught.value.problems] == [path]


def test_text_that_is_not_json_names_the_place() -> None:
    with pytest.raises(se.ValidationError, match="line 1 column 22"):
        se.loads('{"type": "statement",')


# -- repeated keys ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "paths"),
    [
        ('{"type":"statement","type":"joint_exercise"}', ["$.type"]),
        ('{"type":"statement","id":"a","id":"b"}', ["$.id"]),
        ('{"type":"statement","content":"a", "content" :"b"}', ["$.content"]),
        ('{"type":"statement","speaker":{"kind":"state","kind":"person"}}', ["$.speaker.kind"]),
        ('{"type":"statement","x":[{"a":1,"a":2}],"y":"\\u0022:"}', ["$.x[0].a"]),
        ('{"type":"statement","x":{"\\u0061":1,"a":2}}', ["$.x.a"]),
    ],
)
def test_repeated_keys_are_refused_in_strict_mode(text: str, paths: list[str]) -> None:
    with pytest.raises(se.ValidationError) as caught:
        se.loads(text, strict=True)
    assert [p.path for p in caught.value.problems] == paths
    assert all("duplicate key" in p.message for p in caught.value.problems)


def test_repeated_keys_give_a_warning_outside_strict_mode() -> None:
    with pytest.warns(DuplicateKeyWarning, match=r"\$\.content: duplicate key") as caught:
        event = se.loads('{"type":"statement","content":"a","content":"b"}')
    assert event.content == "b"
    assert caught[0].message.paths == ("$.content",)  # type: ignore[union-attr]


def test_a_key_in_a_string_is_no_repeated_key() -> None:
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        event = se.loads('{"type":"statement","content":"\\"content\\":", "x": {"content":1}}')
    assert event.content == '"content":'


@given(
    st.recursive(
        st.none() | st.booleans() | st.integers() | st.text(max_size=5),
        lambda inner: (
            st.lists(inner, max_size=3)
            | st.dictionaries(st.sampled_from(["a", "b", '"', '":', "\\"]), inner, max_size=3)
        ),
        max_leaves=12,
    ),
    st.booleans(),
)
def test_decoding_agrees_with_the_standard_library(value: object, spaced: bool) -> None:
    text = json.dumps(value, separators=(", ", " : ") if spaced else (",", ":"))
    assert _json.decode(text).value == json.loads(text)
    assert _json.decode(text.encode()).duplicates == ()


def _pairs_text(value: object, space: str) -> str:
    """JSON text of ``value``, whose objects are lists of key-value pairs (keys may repeat)."""
    if isinstance(value, tuple):
        members = (f"{json.dumps(k)}{space}:{space}{_pairs_text(v, space)}" for k, v in value)
        return "{" + f",{space}".join(members) + "}"
    if isinstance(value, list):
        return "[" + f",{space}".join(_pairs_text(item, space) for item in value) + "]"
    return json.dumps(value)


def _repeated_paths(text: str) -> list[str]:
    """The paths of repeated keys, found by the standard library's pairs."""
    found: list[str] = []

    def walk(value: object, path: str) -> None:
        if isinstance(value, list) and value and isinstance(value[0], tuple):
            keys = [key for key, _ in value]
            repeated = (key for key in dict.fromkeys(keys) if keys.count(key) > 1)
            found.extend(_json._key_path(path, key) for key in repeated)
            for key, item in dict(value).items():
                walk(item, _json._key_path(path, key))
        elif isinstance(value, list):
            for n, item in enumerate(value):
                walk(item, f"{path}[{n}]")

    walk(json.loads(text, object_pairs_hook=list), "$")
    return found


@given(
    st.recursive(
        st.none() | st.integers(-5, 5) | st.sampled_from(["", ":", '":', "a:b", '"', "\\"]),
        lambda inner: (
            st.lists(inner, max_size=3)
            | st.lists(st.tuples(st.sampled_from(["a", "b", ":", "c:"]), inner), max_size=4).map(
                tuple
            )
        ),
        max_leaves=12,
    ),
    st.sampled_from(["", " ", "\t", "\n", " \r\n "]),
)
def test_repeated_keys_are_found_whatever_the_spacing_and_colons_in_strings(
    value: object, space: str
) -> None:
    # Keys are found lost by counting colons (one per key; the rest in strings), so
    # spacing around them and colons in keys and values must not hide a repeated key.
    text = _pairs_text(value, space)
    if not text.startswith(("{", "[")):
        return
    want = _repeated_paths(text)
    assert sorted(_json.decode(text).duplicates) == sorted(want)
    assert sorted(_json.decode(text.encode()).duplicates) == sorted(want)


# -- JSON Lines --------------------------------------------------------------------------


def lines_of(*texts: str) -> io.BytesIO:
    return io.BytesIO("\n".join(texts).encode() + b"\n")


GOOD = '{"type":"statement","content":"%d"}'


def test_a_bad_line_comes_after_every_event_before_it() -> None:
    stream = lines_of(*(GOOD % n for n in range(5)), '{"type":"statement","content":5}', GOOD % 9)
    got: list[se.Event] = []
    with pytest.raises(se.ValidationError) as caught:
        got.extend(se.read_jsonl(stream))
    assert [event.content for event in got] == ["0", "1", "2", "3", "4"]  # type: ignore[attr-defined]
    assert caught.value.problems[0].line == 6


def test_on_error_skips_the_bad_line_and_goes_on() -> None:
    stream = lines_of(GOOD % 1, "{not json", GOOD % 2, '{"type":"statement","x":NaN}', GOOD % 3)
    errors: list[se.ValidationError] = []
    got = list(se.read_jsonl(stream, on_error=errors.append))
    assert [event.content for event in got] == ["1", "2", "3"]
    assert [(e.problems[0].line, e.problems[0].path) for e in errors] == [(2, "$"), (4, "$.x")]


def test_repeated_keys_in_json_lines() -> None:
    text = (GOOD % 1, '{"type":"statement","content":"a","content":"b"}')
    with pytest.warns(DuplicateKeyWarning, match="line 2: "):
        assert [e.content for e in se.read_jsonl(lines_of(*text))] == ["1", "b"]
    with pytest.raises(se.ValidationError) as caught:
        list(se.read_jsonl(lines_of(*text), strict=True))
    assert (caught.value.problems[0].line, caught.value.problems[0].path) == (2, "$.content")


def test_a_line_past_the_limit_raises_naming_file_and_line(tmp_path: Path) -> None:
    path = tmp_path / "big.jsonl"
    path.write_text(GOOD % 1 + "\n" + '{"type":"statement","content":"%s"}\n' % ("x" * 5000))
    with pytest.raises(LimitError) as caught:
        list(se.read_jsonl(path, limits=se.Limits(max_line=1000)))
    assert (caught.value.path, caught.value.line, caught.value.limit) == (str(path), 2, "max_line")
    assert len(list(se.read_jsonl(path, limits=se.Limits(max_line=6000)))) == 2


@pytest.mark.parametrize(
    ("text", "path"),
    [
        ('{"type": "newer_type", "id": "newer_type--1", "y": "\\udc00"}', "$.y"),
        ('{"type": "newer_type", "y": [1, {"z": "\\ud800"}]}', "$.y[1].z"),
        ('{"type": "\\ud800"}', "$.type"),
    ],
)
def test_an_event_of_an_unknown_type_holds_only_json_that_can_be_written(
    text: str, path: str
) -> None:
    # Found by fuzzing: it was read (kept whole), then could not be written.
    with pytest.raises(se.ValidationError) as caught:
        se.loads(text, unknown="keep")
    assert [problem.path for problem in caught.value.problems] == [path]


_RUNS = st.one_of(
    st.text(alphabet="0123456789", min_size=15, max_size=21),
    st.text(alphabet=st.sampled_from(' a-.\u0660\u00b2\ud800\u00e9"0'), max_size=3),
)


@given(st.lists(_RUNS, max_size=6).map("".join))
def test_long_number_check_matches_the_regex(text: str) -> None:
    """The one-pass check finds 19 ASCII digits in a row exactly where ``[0-9]{19}`` does
    (not other scripts' digits, not superscripts), in text and in its UTF-8 bytes."""
    import re

    from secevents.model._json import _has_long_number

    expected = re.search(r"[0-9]{19}", text) is not None
    assert _has_long_number(text) is expected
    assert _has_long_number(text.encode("utf-8", "surrogatepass")) is expected
