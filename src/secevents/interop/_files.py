"""Opening data files that may be hostile: every read bounded, every failure named.

A source may name many files (:func:`file_list`: a list of paths, a glob, a
directory). ``.gz`` and one-file ``.zip`` archives are read through, and stop with a
:class:`~secevents.errors.LimitError` when they grow more than ``max_ratio`` times
their compressed size; a corrupt or truncated archive raises
:class:`~secevents.errors.ReadError` naming the file and line. :class:`Lines`
hands out a file's lines, none longer than ``max_line``, counted for messages.
Quoted CSV is parsed with a csv module of our own, whose cell limit is
``max_cell``: the process-wide ``csv.field_size_limit`` is left alone.
"""

from __future__ import annotations

import codecs
import glob
import gzip
import importlib.util
import io
import os
import re
import zipfile
import zlib
from collections.abc import Callable, Generator, Iterable, Iterator
from contextlib import ExitStack
from itertools import islice
from types import ModuleType
from typing import IO, Any, Final, TypeVar, cast

from .._once import load_once
from ..errors import LimitError, ReadError
from ..limits import DEFAULT_LIMITS, RATIO_FREE, Limits

__all__ = [
    "ARCHIVE_ERRORS",
    "Lines",
    "csv_module",
    "decode_failure",
    "each_file",
    "file_list",
    "open_binary",
    "open_text",
    "read_failure",
]

T = TypeVar("T")

#: What the standard library raises for a damaged archive.
ARCHIVE_ERRORS: Final = (EOFError, zlib.error, gzip.BadGzipFile, zipfile.BadZipFile)


_GLOB_CHARACTERS: Final = re.compile(r"[*?\[]")


def file_list(source: object) -> list[str] | None:
    """The files ``source`` names, in order; ``None`` when it names none (rows, a stream).

    ``source`` is a path, a directory (its files, sorted, but those whose names start
    with ``.`` or ``_``: hidden files and markers such as ``_SUCCESS``), a glob
    (``data/*.csv.gz``, ``data/**/*.csv``; sorted) or a list or tuple of these. A
    glob that matches nothing, or a directory without files, raises
    :class:`FileNotFoundError` naming it; a path that does not exist is given back as
    it is (opening it says so). A list of text is taken for paths: a row is never
    one string.

    >>> file_list("events.csv"), file_list([{"id": "1"}])
    (['events.csv'], None)
    """
    if isinstance(source, str | os.PathLike):
        return _expanded(os.fspath(source))
    if not isinstance(source, list | tuple) or not source:
        return None
    if not all(isinstance(item, str | os.PathLike) for item in source):
        return None
    paths: list[str] = []
    for item in source:
        paths += _expanded(os.fspath(item))
    return paths


def _expanded(path: str) -> list[str]:
    if os.path.isdir(path):
        found = sorted(
            entry.path
            for entry in os.scandir(path)
            if entry.is_file() and not entry.name.startswith((".", "_"))
        )
        if not found:
            raise FileNotFoundError(f"{path}: the directory holds no files to read")
        return found
    if _GLOB_CHARACTERS.search(path) and not os.path.exists(path):
        matched = sorted(name for name in glob.glob(path, recursive=True) if os.path.isfile(name))
        if not matched:
            raise FileNotFoundError(f"{path}: no file matches the pattern")
        return matched
    return [path]


def each_file(
    paths: Iterable[str],
    rows: Callable[[str, ExitStack], Iterator[T]],
    on_file: Callable[[str], None] | None = None,
) -> Generator[T, None, None]:
    """The rows of each file in turn: ``rows(path, stack)`` opens one, its files registered on
    ``stack``, closed when its rows end (one file open at a time); ``on_file(path)`` is told
    which file is read."""
    for path in paths:
        if on_file is not None:
            on_file(path)
        with ExitStack() as stack:
            yield from rows(path, stack)


def open_binary(path: str, limits: Limits = DEFAULT_LIMITS) -> IO[bytes]:
    """The bytes of the file at ``path``, decompressed if it is a ``.gz`` or ``.zip``."""
    if path.endswith(".gz"):
        raw = open(path, "rb")  # noqa: SIM115 - closed with the stream that wraps it
        unpacked = gzip.GzipFile(fileobj=raw, mode="rb")
        return cast(IO[bytes], io.BufferedReader(_RatioGuard(unpacked, raw, path, limits)))
    if path.lower().endswith(".zip"):
        try:
            archive = zipfile.ZipFile(path)
        except ARCHIVE_ERRORS as error:
            raise read_failure(error, path, None) from None
        members = [info for info in archive.infolist() if not info.filename.endswith("/")]
        if len(members) != 1:
            archive.close()
            raise ValueError(f"{path}: expected one file in the archive, found {len(members)}")
        (member,) = members
        if member.file_size > max(RATIO_FREE, limits.max_ratio * max(member.compress_size, 1)):
            archive.close()
            what = f"{member.filename!r} grows to {member.file_size} bytes: more from its size"
            raise LimitError(path, None, "max_ratio", limits.max_ratio, what)
        return archive.open(member)
    return open(path, "rb")


class _RatioGuard(io.RawIOBase):
    """A decompressed stream that stops when it outgrows ``max_ratio`` times its source."""

    def __init__(self, unpacked: Any, raw: IO[bytes], path: str, limits: Limits) -> None:
        self._unpacked = unpacked
        self._raw = raw
        self.path = path
        self._ratio = limits.max_ratio
        self._out = 0

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: Any) -> int:
        count = self._unpacked.readinto(buffer)
        self._out += count
        if self._out > RATIO_FREE and self._out > self._ratio * max(self._raw.tell(), 1):
            raise LimitError(
                self.path, None, "max_ratio", self._ratio, "the archive grows more from its size"
            )
        return int(count)

    def close(self) -> None:
        try:
            self._unpacked.close()
        finally:
            self._raw.close()
            super().close()


def open_text(
    path: str, encoding: str = "utf-8", errors: str = "strict", limits: Limits = DEFAULT_LIMITS
) -> IO[str]:
    """The text of the file at ``path`` (``.gz`` and one-file ``.zip`` read through)."""
    return io.TextIOWrapper(open_binary(path, limits), encoding=encoding, errors=errors, newline="")


def read_failure(error: BaseException, path: str, line: int | None) -> ReadError:
    """The :class:`ReadError` for a damaged archive (what the standard library raised)."""
    if isinstance(error, EOFError):
        reason = "the archive ends early (truncated?)"
    else:
        reason = f"the archive is damaged ({type(error).__name__}: {error})"
    return ReadError(path, line, reason)


class Lines:
    """The lines of an open text file, counted and bounded.

    A line longer than ``max_line``, or a record (the lines since :meth:`mark`)
    longer than ``max_record``, raises :class:`LimitError`; a damaged archive
    :class:`ReadError`; a line that does not decode a ``UnicodeDecodeError``
    naming the file, the line and the ``encoding=`` to pass. Lines end as
    :func:`open` with ``newline=""`` ends them (``\\n``, ``\\r\\n``, ``\\r``)
    and are read a block at a time: a million blank lines cost little.
    """

    def __init__(
        self, handle: IO[str], path: str, encoding: str, limits: Limits = DEFAULT_LIMITS
    ) -> None:
        self._read = handle.read
        self.path = path
        self._encoding = encoding
        self._limits = limits
        self.count = 0
        #: The line the record being read starts on.
        self.record_line = 1
        self._record_size = 0
        self._blank_run = 0
        self._ready: list[str] = []
        self._next = 0
        self._partial: list[str] = []  # the start of a line not ended yet
        self._partial_size = 0
        self._done = False
        self._iterator = self._generate()

    def __iter__(self) -> Iterator[str]:
        return self._iterator

    def __next__(self) -> str:
        return next(self._iterator)

    def mark(self) -> None:
        """A record ends here: the next line starts the next one."""
        self.record_line = self.count + 1
        self._record_size = 0

    def blank(self, blank: bool) -> None:
        """Count a blank line (``blank``) or end a run of them; a run longer than
        ``max_blank`` raises :class:`LimitError` at the line where it began."""
        if not blank:
            self._blank_run = 0
            return
        self._blank_run += 1
        if self._blank_run > self._limits.max_blank:
            raise LimitError(
                self.path,
                self.count - self._blank_run + 1,
                "max_blank",
                self._limits.max_blank,
                "a run of blank lines is longer",
            )

    def peek(self) -> str:
        """The next line without taking it (``""`` at the end)."""
        if self._next >= len(self._ready) and not self._fill():
            return ""
        return self._ready[self._next]

    def peek_text(self) -> str:
        """The next line that holds more than white space, without taking any lines
        (looked for in the block read so far: ``""`` if it holds none)."""
        if self._next >= len(self._ready) and not self._fill():
            return ""
        return next((line for line in islice(self._ready, self._next, None) if line.strip()), "")

    def _generate(self) -> Iterator[str]:
        # A generator, not __next__: the csv module pulls lines at C speed from it.
        max_line, max_record = self._limits.max_line, self._limits.max_record
        while self._next < len(self._ready) or self._fill():
            ready, start = self._ready, self._next
            self._next = len(ready)
            for line in ready[start:] if start else ready:
                if len(line) > max_line:
                    self._too_long()
                self.count += 1
                self._record_size += len(line)
                if self._record_size > max_record:
                    raise LimitError(
                        self.path,
                        self.record_line,
                        "max_record",
                        max_record,
                        "a record (a quoted cell running over lines?) is longer",
                    )
                yield line

    def _fill(self) -> bool:
        """Read blocks until a line is ready; False at the end of the file."""
        while True:
            if self._partial_size > self._limits.max_line:
                self._too_long()  # the lines before it are handed out: it is next
            if self._done:
                break
            block = self._block()
            if not block:
                self._done = True
                continue
            head = None
            if self._partial and self._partial[-1].endswith("\r"):  # "\r", or "\r\n" split
                if block.startswith("\n"):
                    self._partial.append("\n")
                    block = block[1:]
                head = "".join(self._partial)
            lines = _lines_of(block) if block else [""]  # the lines, then what follows
            rest = lines.pop()
            if head is not None:
                lines.insert(0, head)
            elif lines and self._partial:
                lines[0] = "".join(self._partial) + lines[0]
            if lines and self._partial:
                self._partial.clear()
                self._partial_size = 0
            if rest:
                self._partial.append(rest)
                self._partial_size += len(rest)
            if lines:
                self._ready, self._next = lines, 0
                return True
        if self._partial:
            self._ready, self._next = ["".join(self._partial)], 0
            self._partial.clear()
            self._partial_size = 0
            return True
        return False

    def _too_long(self) -> None:
        max_line = self._limits.max_line
        raise LimitError(self.path, self.count + 1, "max_line", max_line, "a line is longer")

    def _block(self) -> str:
        try:
            return self._read(_BLOCK)
        except UnicodeDecodeError as error:
            done, limits = self.count, self._limits
            raise decode_failure(error, self.path, self._encoding, done, limits) from None
        except LimitError as error:
            raise LimitError(
                error.path, self.count + 1, error.limit, error.value, error.what
            ) from None
        except ARCHIVE_ERRORS as error:
            raise read_failure(error, self.path, self.count + 1) from None


_BLOCK: Final = 1 << 16
# Splits after each line end; a "\r" at the very end of a block may be the first half of
# "\r\n", so it is no line end there.
_LINE_END: Final = re.compile(r"(?<=\n)|(?<=\r)(?=[^\n])")
# What str.splitlines ends a line at besides "\n" and "\r" (open() does not).
_OTHER_BREAKS: Final = re.compile("[\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029]")


def _lines_of(block: str) -> list[str]:
    """The lines of ``block`` with their ends, then the rest after the last end ("" if none)."""
    if _OTHER_BREAKS.search(block):
        return _LINE_END.split(block)
    lines = block.splitlines(keepends=True)  # C speed, and the same lines here
    if lines[-1].endswith("\n"):
        lines.append("")  # else the last is the rest: no end yet, or a "\r" maybe of "\r\n"
    return lines


def decode_failure(
    error: UnicodeDecodeError, path: str, encoding: str, done: int, limits: Limits
) -> UnicodeDecodeError | ReadError:
    """``error`` with the file, the line that does not decode and what to do about it;
    a :class:`ReadError` if the file is an archive that turns out damaged."""
    line = done + 1
    decoder = codecs.getincrementaldecoder(encoding)("strict")
    try:
        with open_binary(path, limits) as raw:
            number = 0
            while data := raw.readline(4 * limits.max_line + 4):
                number += 1
                try:
                    decoder.decode(data)
                except UnicodeDecodeError:
                    line = number
                    break
            if path.endswith(".gz") or path.lower().endswith(".zip"):
                while raw.read(1 << 20):  # an archive's checksum comes at its end
                    pass
    except ARCHIVE_ERRORS as damage:
        return read_failure(damage, path, line)
    reason = (
        f"{error.reason} in {path}, line {line}: the file is not {encoding} text; "
        "pass its encoding (e.g. encoding='cp1252') or errors='replace'"
    )
    return UnicodeDecodeError(error.encoding, error.object, error.start, error.end, reason)


@load_once
def csv_module(max_cell: int) -> ModuleType:
    """A csv parser whose cells may hold ``max_cell`` characters, set for it alone.

    The standard csv module keeps one cell limit for the whole process; a module
    of our own (the C ``_csv`` module loaded once more: it keeps its settings per
    module) keeps its own, so reading never changes what other code gets.
    """
    spec = importlib.util.find_spec("_csv")
    module = None
    if spec is not None and spec.loader is not None:
        module = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(module)
    if module is None or module is _standard_csv():
        return _standard_csv()  # a Python whose _csv keeps one state: its limit applies
    module.field_size_limit(max_cell)
    return module


def _standard_csv() -> ModuleType:
    import _csv

    return _csv
