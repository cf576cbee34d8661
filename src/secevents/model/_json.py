"""JSON text in and out, without silent changes: exact integers, no NaN, duplicate keys found.

orjson does the work; it silently turns integers beyond 64 bits into floats and
keeps the last of two equal keys, so text where either may happen is decoded
again by the standard library, which keeps integers exact and shows every key
pair. Checking costs a re-encoding of the decoded value (a few microseconds a
line): see :func:`_maybe_changed`.
"""

from __future__ import annotations

import json
import math
import re
from typing import Any, Final

import orjson

from ..errors import shown
from ._validate import is_json_text

__all__ = ["Decoded", "JSONError", "decode", "encode", "json_problem"]

#: Nesting deeper than this is refused (as orjson refuses more than 1024 levels).
MAX_DEPTH: Final = 1000
#: An integer of more digits than this is refused (Python's own limit for ``int(text)``).
MAX_DIGITS: Final = 4300
# An integer literal of 19 digits or more may not fit 64 bits: orjson would make it a float.
# Found as 19 zeros in the text with every digit byte made "0" and every other one " ":
# one pass in C, where the regex ``[0-9]{19}`` took a third of the time of a decode.
_DIGITS_AS_ZEROS: Final = bytes(48 if 48 <= byte <= 57 else 32 for byte in range(256))
_LONG_NUMBER: Final = b"0" * 19


class JSONError(ValueError):
    """Text that is not JSON this library takes; ``path`` says where (``"$"``: the whole)."""

    def __init__(self, path: str, message: str) -> None:
        self.path = path
        self.message = message
        super().__init__(f"{path}: {message}")


class Decoded:
    """A decoded value and the JSON paths of the keys it repeated (the last value kept).

    ``plain``: the text was found to hold no ``\\u`` escape and no run of 19 digits
    (an object or array decoded the quick way; ``False`` says nothing either way)."""

    __slots__ = ("duplicates", "plain", "value")

    def __init__(
        self, value: Any, duplicates: tuple[str, ...] = (), *, plain: bool = False
    ) -> None:
        self.value = value
        self.duplicates = duplicates
        self.plain = plain


def decode(text: str | bytes | bytearray | memoryview) -> Decoded:
    """The value of JSON ``text``, integers exact, with the paths of repeated keys.

    Raises :class:`JSONError` for text that is not JSON, a number that is not
    finite (``NaN``, ``Infinity``, ``1e400``), an integer of more than 4,300
    digits or nesting about a thousand levels deep, naming the path where it can.

    >>> decoded = decode('{"a": 1, "b": {"a": 2, "a": 3}, "n": 123456789012345678901234567890}')
    >>> decoded.value, decoded.duplicates
    ({'a': 1, 'b': {'a': 3}, 'n': 123456789012345678901234567890}, ('$.b.a',))
    """
    if isinstance(text, memoryview | bytearray):
        text = bytes(text)
    try:
        value = orjson.loads(text)
    except orjson.JSONDecodeError as error:
        # Not JSON, or JSON orjson refuses (1e400): the standard library tells which.
        return _exactly(text, f"invalid JSON: {error}")
    if _maybe_changed(text, value):
        return _exactly(text, "invalid JSON")
    # An object or array got here past _maybe_changed's checks of the text.
    return Decoded(value, plain=type(value) is dict or type(value) is list)


def _maybe_changed(text: str | bytes, value: Any) -> bool:
    """Whether orjson may have dropped a repeated key or rounded an integer in ``text``.

    Every key of JSON text is followed by one colon, and any other colon is inside a
    string; without ``\\u`` escapes a string's colons are its text's, and orjson writes
    them as they are. So ``text`` holds as many colons as orjson's encoding of
    ``value`` unless a repeated key was lost, which takes its colon (and those of its
    value) with it: equal counts mean no key was lost, whatever the spacing.
    """
    if type(value) is not dict and type(value) is not list:
        return _has_long_number(text)
    if isinstance(text, str):
        if "\\u" in text or _has_long_number(text):
            return True
        given = text.count(":")
    else:
        if b"\\u" in text or _has_long_number(text):
            return True
        given = text.count(b":")
    if not given:
        return False
    try:
        written = orjson.dumps(value)
    except orjson.JSONEncodeError:  # nested too deep for orjson to write
        return True
    return written.count(b":") != given


def _has_long_number(text: str | bytes) -> bool:
    """Whether ``text`` holds 19 ASCII digits in a row (``[0-9]{19}``).

    >>> _has_long_number('{"n": 1234567890123456789}'), _has_long_number("12345678901234567")
    (True, False)
    """
    data = text.encode("utf-8", "surrogatepass") if isinstance(text, str) else text
    return _LONG_NUMBER in data.translate(_DIGITS_AS_ZEROS)


class _Pairs(dict[str, Any]):
    """An object that repeated keys: which ones."""

    repeated: list[str]


def _object(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    value = dict(pairs)
    if len(value) == len(pairs):
        return value
    marked = _Pairs(value)
    seen: set[str] = set()
    marked.repeated = [key for key, _ in pairs if key in seen or seen.add(key)]  # type: ignore[func-returns-value]
    return marked


class _TooLong:
    """An integer literal of more digits than :data:`MAX_DIGITS`."""

    def __init__(self, digits: int) -> None:
        self.digits = digits


def _integer(text: str) -> Any:
    return int(text) if len(text) <= MAX_DIGITS else _TooLong(len(text.lstrip("-")))


_EXACT: Final = json.JSONDecoder(object_pairs_hook=_object, parse_int=_integer)


def _exactly(text: str | bytes, invalid: str) -> Decoded:
    """Decode with the standard library; ``invalid`` is the message if it is not JSON."""
    if isinstance(text, bytes):
        try:
            text = text.decode("utf-8")
        except UnicodeDecodeError:
            raise JSONError("$", invalid) from None
    try:
        value = _EXACT.decode(text)
    except json.JSONDecodeError as error:
        raise JSONError("$", invalid if ":" in invalid else f"{invalid}: {error}") from None
    except RecursionError:
        raise JSONError("$", f"nested more than {MAX_DEPTH} levels deep") from None
    duplicates: list[str] = []
    try:
        plain = _checked(value, "$", duplicates, MAX_DEPTH)
    except RecursionError:
        raise JSONError("$", f"nested more than {MAX_DEPTH} levels deep") from None
    return Decoded(plain, tuple(duplicates))


def _checked(value: Any, path: str, duplicates: list[str], depth: int) -> Any:
    """``value`` with plain dicts, refusing what JSON text cannot mean exactly."""
    kind = type(value)
    if kind is float:
        if not math.isfinite(value):
            raise JSONError(path, f"{value!r} is not a finite number")
        return value
    if kind is _TooLong:
        raise JSONError(path, f"an integer of {value.digits} digits (more than {MAX_DIGITS})")
    if kind is not dict and kind is not _Pairs and kind is not list:
        return value
    if depth <= 0:
        raise JSONError(path, f"nested more than {MAX_DEPTH} levels deep")
    if kind is list:
        return [
            _checked(item, f"{path}[{n}]", duplicates, depth - 1) for n, item in enumerate(value)
        ]
    if kind is _Pairs:
        duplicates.extend(_key_path(path, key) for key in dict.fromkeys(value.repeated))
    return {
        key: _checked(item, _key_path(path, key), duplicates, depth - 1)
        for key, item in value.items()
    }


_PLAIN_KEY: Final = re.compile(r"[A-Za-z_][A-Za-z0-9_]*")


def _key_path(path: str, key: str) -> str:
    return f"{path}.{key}" if _PLAIN_KEY.fullmatch(key) else f"{path}[{shown(key, 60)}]"


def encode(value: Any, *, sort_keys: bool = False, indent: bool = False) -> bytes:
    """Compact UTF-8 JSON of ``value``; integers beyond 64 bits are written exactly.

    >>> encode({"b": 2**70, "a": [1.5, "x"]}, sort_keys=True)
    b'{"a":[1.5,"x"],"b":1180591620717411303424}'
    """
    option = (orjson.OPT_SORT_KEYS if sort_keys else 0) | (orjson.OPT_INDENT_2 if indent else 0)
    try:
        return orjson.dumps(value, option=option)
    except orjson.JSONEncodeError as error:
        if "Integer exceeds 64-bit range" not in str(error):
            raise
    # Rare: an integer beyond 64 bits (kept exact from input). The standard library
    # writes those; its other output differs from orjson's only in float spelling.
    text = json.dumps(
        value,
        ensure_ascii=False,
        allow_nan=False,
        sort_keys=sort_keys,
        indent=2 if indent else None,
        separators=(",", ": ") if indent else (",", ":"),
    )
    return text.encode("utf-8")


def json_problem(value: Any, max_depth: int = 200) -> tuple[str, str] | None:
    """Where and why ``value`` (built in Python) is no JSON this library writes, or ``None``.

    >>> json_problem({"a": [1, float("nan")]})
    ('$.a[1]', 'nan is not a finite number')
    >>> json_problem({"n": 10**5000})
    ('$.n', 'an integer of about 5001 digits (more than 4300)')
    >>> json_problem([[[1]]], max_depth=2)
    ('$', 'nested more than 2 levels deep')
    """
    found = _problem(value, max_depth, "$")
    if found is not None and not found[0]:
        return "$", f"nested more than {max_depth} levels deep"
    return found


def _problem(value: Any, max_depth: int, path: str) -> tuple[str, str] | None:
    if value is None or value is True or value is False:
        return None
    kind = type(value)
    if isinstance(value, str):  # str subclasses (a StrEnum) are written as their text
        return None if is_json_text(value) else (path, f"{shown(value, 60)} is not UTF-8 text")
    if isinstance(value, int):
        if value.bit_length() <= _MAX_BITS:
            return None
        return path, f"{shown(int(value))} (more than {MAX_DIGITS})"
    if isinstance(value, float):
        return None if math.isfinite(value) else (path, f"{value!r} is not a finite number")
    if kind is not list and kind is not dict:
        return path, f"{type(value).__name__} {shown(value, 60)} is not a JSON value"
    if max_depth <= 0:
        return "", "nested too deep"  # reported where the value starts
    if kind is list:
        for n, item in enumerate(value):
            found = _problem(item, max_depth - 1, f"{path}[{n}]")
            if found:
                return found
        return None
    for key, item in value.items():
        if type(key) is not str or not is_json_text(key):
            return path, f"key {shown(key, 60)} is not text"
        found = _problem(item, max_depth - 1, _key_path(path, key))
        if found:
            return found
    return None


# Integers of at most this many bits have at most MAX_DIGITS decimal digits.
_MAX_BITS: Final = int(MAX_DIGITS / 0.30103)
