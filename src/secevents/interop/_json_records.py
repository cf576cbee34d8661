"""JSON records from a file, streamed: JSON Lines, or one JSON array read element by element.

A record that is not JSON (or JSON this library refuses: ``NaN``, an integer of
more than 4,300 digits, nesting a thousand levels deep) becomes a :class:`NotJSON`
the reader skips with a warning; the records around it are read. Memory holds one
record at a time: a line past ``max_line`` or an array element past ``max_record``
raises :class:`~secevents.errors.LimitError` naming the file and line.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import IO, Any, Final

from ..errors import LimitError, ReadError, shown
from ..limits import Limits
from ..model import _json
from ._files import ARCHIVE_ERRORS, Lines, decode_failure, read_failure
from ._tables import Position

__all__ = ["JSONRecord", "NotJSON", "json_records"]

_CHUNK: Final = 1 << 16
_SPACE: Final = " \t\r\n\ufeff"  # a byte order mark is no record
# A whole string, a bracket, or a quote that opens a string not yet ended.
_TOKEN: Final = re.compile(r'"(?:[^"\\]|\\.)*"|[\[\]{}]|"')
_SCALAR: Final = re.compile(r'"(?:[^"\\]|\\.)*"|[^\s,\]"]+')


class NotJSON(str):
    """A record that is not JSON this library reads: what is wrong, for the warning."""


class JSONRecord:
    """A decoded record and the paths of keys it repeats (its last value is used).

    ``brackets``, when known, is how many ``[`` and ``{`` its text holds, and the text
    holds no ``\\u`` escape, no lone surrogate and no integer of 19 digits or more:
    then the value holds no lone surrogate and no integer past 64 bits either, and it
    nests at most ``brackets`` levels deep.
    """

    __slots__ = ("brackets", "duplicates", "value")

    def __init__(
        self, value: Any, duplicates: tuple[str, ...], brackets: int | None = None
    ) -> None:
        self.value = value
        self.duplicates = duplicates
        self.brackets = brackets


def json_records(
    handle: IO[str], path: str, encoding: str, limits: Limits, position: Position
) -> Iterator[JSONRecord | NotJSON]:
    """The records of the open file ``handle``: one JSON array, or one per non-blank line."""
    reader = _Reader(handle, path, encoding, limits)
    with handle:
        head = reader.skip_space()
        if head.startswith("["):
            yield from _array(reader, head[1:], limits, position)
        else:
            yield from _lines(reader, head, limits, position)


class _Reader:
    """Reads ``handle`` in chunks or lines, counting lines and naming failures."""

    def __init__(self, handle: IO[str], path: str, encoding: str, limits: Limits) -> None:
        self.handle = handle
        self.path = path
        self._encoding = encoding
        self._limits = limits
        self.lines = Lines(handle, path, encoding, limits)
        self.line = 1  # the line the text handed out so far ends on

    def read(self) -> str:
        """The next chunk ("" at the end)."""
        try:
            chunk = self.handle.read(_CHUNK)
        except UnicodeDecodeError as error:
            done = self.line - 1
            raise decode_failure(error, self.path, self._encoding, done, self._limits) from None
        except LimitError as error:
            raise LimitError(self.path, self.line, error.limit, error.value, error.what) from None
        except ARCHIVE_ERRORS as error:
            raise read_failure(error, self.path, self.line) from None
        self.line += chunk.count("\n")
        return chunk

    def skip_space(self) -> str:
        """The text from the first character that is no space on (a chunk of it)."""
        max_blank = self._limits.max_blank
        while chunk := self.read():
            text = chunk.lstrip(_SPACE)
            if text:
                return text
            if self.line - 1 > max_blank:
                raise LimitError(
                    self.path, 1, "max_blank", max_blank, "a run of blank lines is longer"
                )
        return ""


def _lines(
    reader: _Reader, head: str, limits: Limits, position: Position
) -> Iterator[JSONRecord | NotJSON]:
    # ``head`` holds the first lines, the last maybe in part: complete it, then go on
    # line by line.
    lines = reader.lines
    number = reader.line - head.count("\n")
    if head and not head.endswith("\n"):
        head += next(lines, "")
    for text in head.splitlines(keepends=True):
        if len(text) > limits.max_line:
            raise LimitError(reader.path, number, "max_line", limits.max_line, "a line is longer")
        if text.strip(_SPACE):
            position.line = number
            yield _decoded(text)
        number += 1
    lines.count = number - 1
    for line in lines:
        lines.mark()
        filled = bool(line.strip(_SPACE))
        lines.blank(not filled)
        if filled:
            position.line = lines.count
            yield _decoded(line)


def _decoded(text: str) -> JSONRecord | NotJSON:
    stripped = text.strip(_SPACE)
    if not stripped:
        return NotJSON("")
    try:
        decoded = _json.decode(stripped)
    except _json.JSONError as error:
        return NotJSON(f"not JSON ({error}): {shown(stripped, 60)}")
    brackets = None
    if decoded.plain:  # decode found no \\u escape and no long integer in it
        plain = stripped.isascii() or _encodes(stripped)
    else:
        plain = "\\u" not in stripped and (stripped.isascii() or _encodes(stripped))
        plain = plain and not _json._has_long_number(stripped)  # every integer fits 64 bits
    if plain:
        brackets = stripped.count("[") + stripped.count("{")
    return JSONRecord(decoded.value, decoded.duplicates, brackets)


def _encodes(text: str) -> bool:
    """Whether ``text`` is UTF-8 text (holds no lone surrogate)."""
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


def _array(
    reader: _Reader, buffer: str, limits: Limits, position: Position
) -> Iterator[JSONRecord | NotJSON]:
    """The elements of a JSON array whose ``[`` was just read; ``buffer`` follows it."""
    at = 0
    line = reader.line - buffer.count("\n")  # the line ``buffer[at]`` is on
    expect_value = True
    while True:
        while at < len(buffer) and buffer[at] in _SPACE:
            at += 1
        if at >= len(buffer):
            line += buffer.count("\n")
            buffer, at = reader.read(), 0
            if not buffer:
                raise ReadError(reader.path, line, "the JSON array of records has no end (']')")
            continue
        char = buffer[at]
        if char == "]":
            break
        if not expect_value:
            expect_value = True
            if char == ",":
                at += 1
                continue
            position.line = line  # read on as if the comma were there
            yield NotJSON(f"no ',' between two records of the JSON array, before {shown(char)}")
        end = _value_end(buffer, at)
        while end is None:
            if len(buffer) - at > limits.max_record:
                what = "an element of the JSON array is longer"
                raise LimitError(reader.path, line, "max_record", limits.max_record, what)
            more = reader.read()
            if not more:
                raise ReadError(reader.path, line, "the JSON array of records ends in a record")
            buffer = buffer[at:] + more
            at = 0
            end = _value_end(buffer, at)
        if end - at > limits.max_record:
            what = "an element of the JSON array is longer"
            raise LimitError(reader.path, line, "max_record", limits.max_record, what)
        position.line = line
        yield _decoded(buffer[at:end])
        line += buffer.count("\n", at, end)
        buffer, at = buffer[end:], 0
        expect_value = False
    tail = buffer[at + 1 :]
    while not tail.strip(_SPACE) and (more := reader.read()):
        tail = more
    if tail.strip(_SPACE):
        position.line = line
        yield NotJSON(f"text after the JSON array of records: {shown(tail.strip(_SPACE), 60)}")


def _value_end(text: str, start: int) -> int | None:
    """Where the JSON value at ``text[start]`` ends, or ``None`` if ``text`` stops first.

    Brackets are counted, strings skipped: the value is not decoded (nor checked).
    """
    if text[start] not in "[{":
        match = _SCALAR.match(text, start)
        if match is None or match.end() == len(text):
            return None  # the text may stop inside it
        return match.end()
    depth = 0
    for token in _TOKEN.finditer(text, start):
        kind = token.group()
        if kind == '"':
            return None  # a string that is not ended yet
        if kind[0] == '"':
            continue
        depth += 1 if kind in "[{" else -1
        if depth == 0:
            return token.end()
    return None
