"""Opening data files that may be hostile: every read bounded, every failure named.

``.gz`` and one-file ``.zip`` archives are read through, and stop with a
:class:`~secevents.errors.LimitError` when they grow more than ``max_ratio`` times
their compressed size; a corrupt or truncated archive raises
:class:`~secevents.errors.ReadError` naming the file and line. :class:`Lines`
hands out a file's lines, none longer than ``max_line``, counted for messages.
Quoted CSV is parsed with a csv module of our own, whose cell limit is
``max_cell``: the process-wide ``csv.field_size_limit`` is left alone.
"""

from __future__ import annotations

import codecs
import gzip
import importlib.util
import io
import zipfile
import zlib
from collections.abc import Iterator
from types import ModuleType
from typing import IO, Any, Final, cast

from .._once import load_once
from ..errors import LimitError, ReadError
from ..limits import DEFAULT_LIMITS, RATIO_FREE, Limits

__all__ = [
    "ARCHIVE_ERRORS",
    "Lines",
    "csv_module",
    "decode_failure",
    "open_binary",
    "open_text",
    "read_failure",
]

#: What the standard library raises for a damaged archive.
ARCHIVE_ERRORS: Final = (EOFError, zlib.error, gzip.BadGzipFile, zipfile.BadZipFile)


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
    naming the file, the line and the ``encoding=`` to pass.
    """

    def __init__(
        self, handle: IO[str], path: str, encoding: str, limits: Limits = DEFAULT_LIMITS
    ) -> None:
        self._readline = handle.readline
        self.path = path
        self._encoding = encoding
        self._limits = limits
        self.count = 0
        self._record_line = 1
        self._record_size = 0

    def __iter__(self) -> Iterator[str]:
        return self

    def mark(self) -> None:
        """A record ends here: the next line starts the next one."""
        self._record_line = self.count + 1
        self._record_size = 0

    def __next__(self) -> str:
        limits = self._limits
        try:
            line = self._readline(limits.max_line + 1)
        except UnicodeDecodeError as error:
            raise decode_failure(error, self.path, self._encoding, self.count, limits) from None
        except LimitError as error:
            raise LimitError(
                error.path, self.count + 1, error.limit, error.value, error.what
            ) from None
        except ARCHIVE_ERRORS as error:
            raise read_failure(error, self.path, self.count + 1) from None
        if not line:
            raise StopIteration
        if len(line) > limits.max_line:
            raise LimitError(
                self.path, self.count + 1, "max_line", limits.max_line, "a line is longer"
            )
        self.count += 1
        self._record_size += len(line)
        if self._record_size > limits.max_record:
            raise LimitError(
                self.path,
                self._record_line,
                "max_record",
                limits.max_record,
                "a record (a quoted cell running over lines?) is longer",
            )
        return line


def decode_failure(
    error: UnicodeDecodeError, path: str, encoding: str, done: int, limits: Limits
) -> UnicodeDecodeError:
    """``error`` with the file, the line that does not decode and what to do about it."""
    line = done + 1
    decoder = codecs.getincrementaldecoder(encoding)("strict")
    with open_binary(path, limits) as raw:
        number = 0
        while data := raw.readline(4 * limits.max_line + 4):
            number += 1
            try:
                decoder.decode(data)
            except UnicodeDecodeError:
                line = number
                break
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
