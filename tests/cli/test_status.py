"""`khabar status` where it needs no broker: what it says when there is none (the command on
real brokers is in tests/integration/test_status.py)."""

from __future__ import annotations

import os

from tests.cli.test_pipeline import khabar


def test_status_without_a_broker_says_so_in_one_line():
    done = khabar("status", env={**os.environ, "KHABAR_BROKER": "127.0.0.1:1"})
    assert done.returncode == 1 and "Traceback" not in done.stderr
    assert done.stderr.startswith("khabar status: cannot reach the broker at 127.0.0.1:1")
