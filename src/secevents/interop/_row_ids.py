"""The ids of a table's rows on whole arrays, for the Arrow paths (:mod:`._columnar`).

A row's id is :func:`~._rows.dataset_event_id`'s: a version 5 UUID, the SHA-1 of the
namespace, the dataset's name and the row's record text. The SHA-1 is made per row
by whichever of Python's own implementation and OpenSSL's (:mod:`hashlib`) is quicker
on this machine, chosen once by timing both on record-sized texts: OpenSSL's is two to
four times quicker where the processor has SHA instructions, Python's about a third
quicker on texts this short where it has not (OpenSSL sets up a digest context each
time). The compression function run on whole numpy arrays was no quicker, its
temporaries costing what it saved. The rest is done on whole arrays.
"""

from __future__ import annotations

import functools
import hashlib
import importlib
import time
from collections.abc import Callable
from typing import Any, Final

from ..model.ids import ID_NAMESPACE

__all__ = ["row_ids"]


def row_ids(pa: Any, dataset: str, records: Any) -> tuple[Any, bool]:
    """The UUID part of :func:`~._rows.dataset_event_id` of each row's record text
    (``records``: a text array; the type, which does not enter the UUID, goes before
    it), and whether the UUIDs surely differ (their first 64 bits do: then no two
    ids are one)."""
    import numpy

    # The hash of the prefix, copied for each row: a fifth quicker than hashing it again.
    prefixed = quicker_sha1()(ID_NAMESPACE.bytes + f"{dataset}:".encode()).copy
    chunks, heads = [], []
    for start in range(0, len(records), _ID_CHUNK):
        texts = records.slice(start, _ID_CHUNK).cast(pa.binary()).to_pylist()
        digests_of = []
        for text in texts:
            sha1 = prefixed()
            sha1.update(text)
            digests_of.append(sha1.digest())
        digests = numpy.frombuffer(b"".join(digests_of), numpy.uint8)
        chunks.append(_uuid_texts(pa, numpy, digests))
        heads.append(digests.reshape(-1, 20)[:, :8].copy().view(numpy.uint64).ravel())
    ids = pa.chunked_array(chunks, pa.string())
    firsts = numpy.sort(numpy.concatenate(heads)) if heads else numpy.zeros(0, numpy.uint64)
    return ids, not (firsts[1:] == firsts[:-1]).any()


#: Rows whose ids are made at a time (36 bytes each: a chunk's offsets fit 32 bits).
_ID_CHUNK: Final = 1 << 20


def _builtin_sha1() -> Callable[[bytes], Any]:
    """Python's own SHA-1, or hashlib's where the build has none: the same digests."""
    try:
        module = importlib.import_module("_sha1")
    except ImportError:  # pragma: no cover (a build without it)
        return hashlib.sha1
    return module.sha1  # type: ignore[no-any-return]


_sha1: Final = _builtin_sha1()


@functools.cache
def quicker_sha1() -> Callable[[bytes], Any]:
    """The quicker on this machine of Python's own SHA-1 and OpenSSL's, for record texts
    (a few hundred bytes each, hashed from a copied prefix): both give the same digests,
    so the choice changes only the time. Timed once per process (100 texts, best of three
    rounds, about a millisecond); threads that ask at once may each time it, harmlessly."""
    candidates = {_sha1, hashlib.sha1}
    if len(candidates) == 1:  # pragma: no cover (a build without Python's own)
        return hashlib.sha1

    def cost(sha1: Callable[[bytes], Any]) -> float:
        texts = [bytes(range(256)) + bytes([n]) * 44 for n in range(100)]
        prefixed = sha1(b"secevents:").copy
        best = float("inf")
        for _ in range(3):
            began = time.perf_counter()
            for text in texts:
                digest = prefixed()
                digest.update(text)
                digest.digest()
            best = min(best, time.perf_counter() - began)
        return best

    return min((_sha1, hashlib.sha1), key=cost)


def _uuid_texts(pa: Any, numpy: Any, digests: Any) -> Any:
    """The RFC 4122 version 5 UUID texts of SHA-1 ``digests`` (20 bytes each, one array).

    >>> import hashlib, uuid, numpy, pyarrow as pa
    >>> digest = hashlib.sha1(b"x").digest()
    >>> got = _uuid_texts(pa, numpy, numpy.frombuffer(digest * 2, numpy.uint8))
    >>> got.to_pylist() == [str(uuid.UUID(bytes=digest[:16], version=5))] * 2
    True
    """
    raw = digests.reshape(-1, 20)[:, :16].copy()
    count = len(raw)
    raw[:, 6] = (raw[:, 6] & 0x0F) | 0x50  # the version digit: 5
    raw[:, 8] = (raw[:, 8] & 0x3F) | 0x80  # the variant bits: 10
    digits = _hex_pairs().take(raw).view(numpy.uint8)  # (count, 32) characters
    text = numpy.empty((count, 36), numpy.uint8)
    text[:, (8, 13, 18, 23)] = ord("-")
    for (start, end), at in zip(_GROUPS, (0, 9, 14, 19, 24), strict=True):
        text[:, at : at + end - start] = digits[:, start:end]
    offsets = numpy.arange(0, 36 * (count + 1), 36, dtype=numpy.int32)
    return pa.StringArray.from_buffers(count, pa.py_buffer(offsets), pa.py_buffer(text))


#: The hex digits of each UUID group (8-4-4-4-12) in the 32 of the digest's 16 bytes.
_GROUPS: Final = ((0, 8), (8, 12), (12, 16), (16, 20), (20, 32))


@functools.cache
def _hex_pairs() -> Any:
    """The two hex digits of each byte, each pair one 16-bit item (256 of them)."""
    import numpy

    pairs = b"".join(f"{byte:02x}".encode() for byte in range(256))
    return numpy.frombuffer(pairs, numpy.uint16)
