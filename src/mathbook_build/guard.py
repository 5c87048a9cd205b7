"""A time limit for the code a page runs at build time (figure and exec blocks)."""

from __future__ import annotations

import signal
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from types import FrameType


class BlockTimeout(Exception):
    """A block of the book ran longer than the build allows."""


@contextmanager
def time_limit(seconds: float) -> Iterator[None]:
    """Raise :class:`BlockTimeout` inside the block if it runs longer than ``seconds``.

    Uses ``SIGALRM``, so it interrupts loops and sleeps alike; it is active in the main
    thread only (where ``mkdocs build``, ``mkdocs serve``'s rebuilds and worker
    processes run code). ``seconds <= 0`` means no limit.
    """
    if seconds <= 0 or threading.current_thread() is not threading.main_thread():
        yield
        return

    def expire(signum: int, frame: FrameType | None) -> None:
        raise BlockTimeout(f"the block ran longer than {seconds:g} s (stopped)")

    previous = signal.signal(signal.SIGALRM, expire)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)
