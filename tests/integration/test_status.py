"""`khabar status` on a real broker, as an operator reads it: the members of a running stage
with its partitions and no lag, and the lag of a stopped stage growing as work piles up."""

from __future__ import annotations

import asyncio
import os
import subprocess
import sys
import time

import orjson
import pytest

from tests.conftest import ROOT
from tests.integration.conftest import send_raw
from tests.integration.test_processes import articles
from workers.pipeline.table import Stage

pytestmark = pytest.mark.integration


def status(settings, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "workers", "status", *args],
        env={**os.environ, **settings.to_env()},
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=60,
    )


def stages(settings) -> dict[str, dict]:
    done = status(settings, "--json")
    assert done.returncode == 0, done.stderr
    return {s["stage"]: s for s in orjson.loads(done.stdout)["stages"]}


def until(check, timeout: float = 60):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if found := check():
            return found
        time.sleep(0.5)
    raise AssertionError("not within the time")


def test_a_running_stage_and_the_lag_of_a_stopped_one_growing(cluster, settings):
    cluster.start(["cleanup"])  # extract is stopped: its lag is what cleanup sends it
    cluster.wait_balanced((Stage.CLEANUP,))
    asyncio.run(send_raw(settings, articles(0, 20)))
    first = until(
        lambda: (s := stages(settings))["extract"]["lag"] == 20 and s["cleanup"]["lag"] == 0 and s
    )
    cleanup = first["cleanup"]
    assert cleanup["lag"] == 0 and sum(p["committed"] or 0 for p in cleanup["partitions"]) == 20
    (member,) = cleanup["members"]  # the one worker, with every partition
    if member["partitions"]:  # (a broker whose group answer aiokafka cannot read: no members)
        assert member["partitions"] == list(range(settings.partitions))
    assert first["extract"]["members"] == [] and first["extract"]["state"] in {
        "Empty",
        "Dead",
        "unknown",
    }
    assert cleanup["dead_letters"] == 0
    asyncio.run(send_raw(settings, [(b"bad", b"not json")]))  # cleanup dead-letters it
    until(lambda: stages(settings)["cleanup"]["dead_letters"] == 1)
    asyncio.run(send_raw(settings, articles(20, 15)))
    until(lambda: stages(settings)["extract"]["lag"] == 35)
    table = status(settings).stdout
    assert "extract: group" in table and "lag 35" in table and "dead letters held: 1" in table
    assert "cleanup: group" in table and "dead letters 1," in table
