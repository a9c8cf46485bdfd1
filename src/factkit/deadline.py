"""A time limit for code we do not control (third-party extractors).

In the main thread of a POSIX process a real-time timer interrupts the
extractor wherever it is, even in a tight loop. Elsewhere (worker threads, as
under Dask, or Windows) signals are not available, so the limit is checked
each time the extractor yields a fact: an extractor that never yields cannot
be stopped there, and the limit is documented as such.
"""

from __future__ import annotations

import signal
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager


class TimeLimitExceeded(BaseException):
    """Raised inside an extractor that ran past its limit.

    A BaseException, like KeyboardInterrupt, so that an extractor's own
    ``except Exception`` cannot swallow it.
    """


class Deadline:
    """When the running extractor must have finished; ``check()`` enforces it between facts."""

    def __init__(self, seconds: float | None) -> None:
        self.seconds = seconds
        self.at = None if seconds is None else time.monotonic() + seconds

    def check(self) -> None:
        if self.at is not None and time.monotonic() > self.at:
            raise TimeLimitExceeded(self.seconds)


def _can_use_signals() -> bool:
    return hasattr(signal, "setitimer") and threading.current_thread() is threading.main_thread()


@contextmanager
def limited(seconds: float | None) -> Iterator[Deadline]:
    """Run the body with at most ``seconds`` of wall time (``None``: no limit)."""
    deadline = Deadline(seconds)
    if seconds is None or not _can_use_signals():
        yield deadline
        return

    def on_alarm(signum: int, frame: object) -> None:
        raise TimeLimitExceeded(seconds)

    previous = signal.signal(signal.SIGALRM, on_alarm)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield deadline
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)
