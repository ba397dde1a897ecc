"""SIGTERM and SIGINT while a long-running command is still starting.

A worker imports its stages, waits for the broker and loads its near-duplicate index before its
event loop takes the signals over; a stop that comes in that time (a rolling update, a
supervisor stopping its pool) has nothing in flight to finish, so the process says so and exits
with code 0 at once, instead of dying by the signal or unwinding a start (an exception raised
in a signal handler lands in whichever asyncio task runs, not in the one the start waits on).
"""

from __future__ import annotations

import os
import signal
import sys
import threading
from types import FrameType

from workers.ops import logs


def stop_while_starting(logger_name: str) -> None:
    """From now until the command installs its own handlers, SIGTERM/SIGINT log
    `worker_stopped_while_starting` on `logger_name` and end the process with code 0."""
    log = logs.get_logger(logger_name)

    def exit_cleanly(signal_name: str) -> None:
        log.info("worker_stopped_while_starting", signal=signal_name)
        sys.stdout.flush()
        sys.stderr.flush()
        os._exit(0)

    def stop(signum: int, frame: FrameType | None) -> None:
        # On a thread of its own: the signal may have come in the middle of a log line's write,
        # and stdout's buffer refuses a second write from the thread inside the first.
        name = signal.Signals(signum).name
        threading.Thread(target=exit_cleanly, args=(name,), daemon=True).start()

    for signum in (signal.SIGTERM, signal.SIGINT):
        signal.signal(signum, stop)
