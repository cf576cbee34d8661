"""One pause of the cycle collector that threads share (``secevents._collector``)."""

from __future__ import annotations

import gc
import threading

from secevents._collector import paused


def test_a_pause_turns_the_collector_off_and_back_on() -> None:
    assert gc.isenabled()
    with paused():
        assert not gc.isenabled()
        with paused():  # nested: the outer pause still holds
            assert not gc.isenabled()
        assert not gc.isenabled()
    assert gc.isenabled()


def test_a_collector_off_before_stays_off() -> None:
    gc.disable()
    try:
        with paused():
            pass
        assert not gc.isenabled()
    finally:
        gc.enable()


def test_pauses_in_many_threads_leave_the_collector_on() -> None:
    # The race the shared count removes: thread A pauses, B sees the collector off and
    # keeps it off after A turns it back on.
    start = threading.Barrier(8)

    def work() -> None:
        start.wait()
        for _ in range(2000):
            with paused():
                pass

    threads = [threading.Thread(target=work) for _ in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert gc.isenabled()


def test_an_error_inside_a_pause_ends_it() -> None:
    try:
        with paused():
            raise ValueError("inside")
    except ValueError:
        pass
    assert gc.isenabled()
