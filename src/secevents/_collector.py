"""One pause of Python's cycle collector that threads share.

Building many small objects that are never garbage (a table read, a batch of events)
sets off collections that read them over and over; pausing the collector saves that
work. A pause written as "was it on? turn it off, then back on if it was" is not safe
when threads pause at once: one thread can see the collector off because another
paused it, and leave it off for good. Here the first pause turns it off and the last
one to end turns it back on, if it was on before the first.

>>> import gc
>>> with paused():
...     gc.isenabled()
False
>>> gc.isenabled()
True
"""

from __future__ import annotations

import gc
import threading
from collections.abc import Iterator
from contextlib import contextmanager

__all__ = ["paused"]

_lock = threading.Lock()
_pauses = 0
_was_enabled = False


@contextmanager
def paused() -> Iterator[None]:
    """The collector off while the block runs (and while any other pause does)."""
    global _pauses, _was_enabled
    with _lock:
        if _pauses == 0:
            _was_enabled = gc.isenabled()
            gc.disable()
        _pauses += 1
    try:
        yield
    finally:
        with _lock:
            _pauses -= 1
            if _pauses == 0 and _was_enabled:
                gc.enable()
