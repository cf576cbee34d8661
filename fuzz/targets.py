"""What the fuzzers check, as plain functions of bytes (atheris, Hypothesis and pytest call them).

Each target raises only when the library breaks a promise: an exception outside
the documented ones, a round trip that changes something, an offset that does not
index the text. The documented errors (``ValidationError``, ``ReadError``,
``LimitError``, a ``UnicodeDecodeError`` that names the file) are expected.
"""

from __future__ import annotations

import datetime as dt
import gzip
import io
import os
import tempfile
import warnings
import zipfile
from collections.abc import Callable
from typing import Any, Final

import secevents as se
from secevents.errors import DuplicateKeyWarning, LimitError, ReadError
from secevents.extraction import Report
from secevents.normalize import (
    find_actors,
    find_dates,
    find_durations,
    find_money,
    find_places,
    find_quantities,
    parse_money,
    parse_quantity,
    resolve_actor,
    resolve_date,
    resolve_place,
)

__all__ = [
    "READERS",
    "TARGETS",
    "check_extract",
    "check_loads",
    "check_normalizers",
    "import_everything",
    "reader",
]

#: Small limits, so that a bomb is found out in a moment, not a minute.
LIMITS: Final = se.Limits(max_line=1 << 20, max_cell=1 << 18, max_record=1 << 20, max_ratio=50)
_ANCHOR: Final = dt.date(2021, 10, 28)


def import_everything() -> None:
    """Import every module of the package now (atheris instruments what is imported)."""
    import importlib
    import pkgutil

    for info in pkgutil.walk_packages(se.__path__, prefix="secevents."):
        if info.name != "secevents.testing":
            importlib.import_module(info.name)


def text_of(data: bytes) -> str:
    """Any text, lone surrogates included (bytes that are not UTF-8 become them)."""
    return data.decode("utf-8", "surrogateescape")


# -- loads ---------------------------------------------------------------------------------


def check_loads(data: bytes) -> None:
    """``loads`` refuses with a ValidationError or gives an event that round-trips exactly."""
    strict = bool(data[:1]) and data[0] & 1 == 1
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", DuplicateKeyWarning)
        try:
            event = se.loads(data, strict=strict, unknown="keep")
        except se.ValidationError:
            return
        text = se.dumps(event)
        again = se.loads(text, strict=strict, unknown="keep")
    assert again == event, (text, se.dumps(again))
    assert se.dumps(again) == text
    if _hashable(event):  # a user's type may have a field of lists (``Any``)
        assert hash(again) == hash(event)
    # The same bytes as a JSON Lines stream: every line an event or an error report.
    problems: list[se.ValidationError] = []
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", DuplicateKeyWarning)
        list(se.read_jsonl(io.BytesIO(data), unknown="keep", on_error=problems.append))


def _hashable(value: Any) -> bool:
    try:
        hash(value)
    except TypeError:
        return False
    return True


# -- extract ---------------------------------------------------------------------------------


def check_extract(data: bytes) -> None:
    """``extract`` takes any text: a report JSON can carry, evidence indexing its text."""
    published = _ANCHOR if data[:1] != b"\x00" else None
    report = se.extract(text_of(data), published=published)
    assert len(report.text) == len(text_of(data))
    for event in report.events:
        for evidence in event.evidence:
            assert report.text[evidence.start : evidence.end] == evidence.text
    again = se.loads(se.dumps(report), Report)
    assert again == report


# -- normalizers -----------------------------------------------------------------------------


def check_normalizers(data: bytes) -> None:
    """Every normalizer takes any text, and every span it gives indexes that text."""
    text = text_of(data)
    results: list[Any] = [
        *find_actors(text),
        *find_places(text),
        *find_dates(text, anchor=_ANCHOR, tense=None),
        *find_durations(text),
        *find_money(text),
        *find_quantities(text),
        resolve_actor(text),
        resolve_place(text),
        resolve_date(text, anchor=_ANCHOR),
        parse_money(text),
        parse_quantity(text),
    ]
    for result in results:
        if result.start is not None and result.end is not None:
            assert 0 <= result.start <= result.end <= len(text)
            assert result.text == text[result.start : result.end]


# -- readers ---------------------------------------------------------------------------------


def _suffixes(name: str) -> tuple[str, ...]:
    plain = ".jsonl" if name in ("plover", "jsonl") else ".csv"
    return (plain, plain, plain + ".gz", ".zip", ".json" if name == "plover" else plain)


def _write(folder: str, name: str, data: bytes) -> str:
    """The bytes as a file, plain or packed as the first byte says (so archives get fuzzed)."""
    suffix = _suffixes(name)[data[0] % 5] if data else ".csv"
    path = os.path.join(folder, "input" + suffix)
    body = data[1:]
    if suffix.endswith(".gz") and data[0] & 0x80:
        body = gzip.compress(body)  # a valid archive around fuzzed text
    if suffix == ".zip" and data[0] & 0x80:
        buffer = io.BytesIO()
        with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
            archive.writestr("input.csv", body)
        body = buffer.getvalue()
    with open(path, "wb") as handle:
        handle.write(body)
    return path


def _jsonl(path: str, **_: Any) -> list[Any]:
    problems: list[se.ValidationError] = []
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", DuplicateKeyWarning)
        return list(se.read_jsonl(path, unknown="keep", on_error=problems.append, limits=LIMITS))


def _interop(name: str) -> Callable[..., Any]:
    import secevents.interop as interop

    return getattr(interop, f"read_{name}")  # type: ignore[no-any-return]


READERS: Final = ("gdelt", "icews", "ucdp", "acled", "csv", "plover", "jsonl")


def _writer(name: str) -> Callable[[list[se.Event], str], Any]:
    import secevents.interop as interop

    if name == "gdelt":  # a CSV with a header: GDELT's own tab-separated form holds no tab
        return lambda events, path: interop.write_gdelt(events, path, header=True, delimiter=",")
    return getattr(interop, f"write_{name}")  # type: ignore[no-any-return]


_WRITERS: Final = ("csv", "ucdp", "acled", "icews", "gdelt")


def reader(name: str) -> Callable[[bytes], None]:
    """The check of one reader: any file gives events and warnings, or a library error
    naming the file. What a table reader gives is written, read and written again: the
    two files are the same (writing back loses nothing), and so are the events but for
    cells a short row lacked, which read as empty once written."""

    def check(data: bytes) -> None:
        with tempfile.TemporaryDirectory(dir=_scratch()) as folder:
            path = _write(folder, name, data)
            events = _read(name, path)
            if events is None or name not in _WRITERS:
                return
            write = _writer(name)
            first, second = os.path.join(folder, "1.csv"), os.path.join(folder, "2.csv")
            write(events, first)
            again = _read(name, first)
            assert again is not None and len(again) == len(events)
            write(again, second)
            assert _bytes(second) == _bytes(first)
            assert _read(name, second) == again

    check.__name__ = f"check_{name}"
    return check


def _read(name: str, path: str) -> list[se.Event] | None:
    read = _jsonl if name == "jsonl" else _interop(name)
    try:
        events = list(read(path, limits=LIMITS))
        for event in events:
            se.dumps(event)  # every event read is one JSON can carry
        return events
    except (ReadError, LimitError) as error:
        failure: Exception = error
        named = error.path == path
    except UnicodeDecodeError as error:
        failure, named = error, path in error.reason  # with what to do
    if not named:
        raise AssertionError(f"the error does not name the file: {failure}")
    return None


def _bytes(path: str) -> bytes:
    with open(path, "rb") as handle:
        return handle.read()


def _scratch() -> str | None:
    return "/dev/shm" if os.path.isdir("/dev/shm") else None


TARGETS: Final[dict[str, Callable[[bytes], None]]] = {
    "loads": check_loads,
    "extract": check_extract,
    "normalizers": check_normalizers,
    **{name: reader(name) for name in READERS},
}
