"""Ctrl-C never cuts a record in half: a record is written whole, then the interrupt takes effect.

A JSON line can be larger than the stream buffer; written while the pipe is full, its write() is interrupted by
SIGINT and Python raises KeyboardInterrupt between two chunks, leaving half a line that breaks `jq`. Holding the
signal for the few microseconds of a write keeps every line that reached the output valid.
"""
from __future__ import annotations

import signal
import threading
from collections.abc import Iterator
from contextlib import contextmanager


@contextmanager
def whole_record() -> Iterator[None]:
    """Defer SIGINT until the block ends, then raise KeyboardInterrupt as it would have been.

    Only the main thread can set signal handlers; elsewhere (a library caller's thread) the block runs as is.
    A handler other than Python's default (someone else's) is left alone too."""
    if threading.current_thread() is not threading.main_thread() \
            or signal.getsignal(signal.SIGINT) is not signal.default_int_handler:
        yield
        return
    held: list[int] = []
    signal.signal(signal.SIGINT, lambda signum, frame: held.append(signum))
    try:
        yield
    finally:
        signal.signal(signal.SIGINT, signal.default_int_handler)
    if held:
        raise KeyboardInterrupt
