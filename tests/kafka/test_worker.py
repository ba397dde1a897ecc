"""The worker's bound on stopping: past KHABAR_SHUTDOWN_TIMEOUT it exits with code 1 and says
so (a worker stopping on a real broker is in tests/integration)."""

from __future__ import annotations

import subprocess
import sys
import time

WATCHED = """
from workers.kafka.worker import StageWorker
from workers.ops import logs
logs.configure("INFO")
worker = StageWorker.__new__(StageWorker)  # the watchdog alone, without Faust's worker
worker.khabar_shutdown_timeout = 0.3
worker._watchdog = None
worker._watch_the_stop("SIGTERM")
import time
time.sleep(10)  # a stop that hangs
"""


def test_a_stop_that_hangs_ends_with_code_1_at_the_timeout():
    began = time.monotonic()
    result = subprocess.run([sys.executable, "-c", WATCHED], capture_output=True, text=True)
    assert result.returncode == 1 and time.monotonic() - began < 8
    assert '"event": "worker_stopping"' in result.stdout
    assert '"event": "shutdown_timed_out"' in result.stdout
