"""Delivery under faults, on each broker: a stream of articles through one worker process per
stage while a worker is killed (SIGKILL) and restarted. At least once: nothing is lost; the
duplicates a crash causes are counted and reported. This is the CI-sized run; the full sizes run
with `KHABAR_FAULT_SCALE` (see the README's Guarantees)."""

from __future__ import annotations

import asyncio
import os
import threading
import time

import pytest

from tests.integration.streams import articles, send_steadily, tally
from workers.pipeline.table import Stage

pytestmark = pytest.mark.integration

SCALE = float(os.environ.get("KHABAR_FAULT_SCALE", "1"))


def test_killed_workers_lose_nothing(cluster, capsys):
    settings = cluster.settings
    count, kills, seconds = int(1000 * SCALE), 2, 12 * SCALE
    messages = articles(count, "crash")
    cleanup, extract = cluster.start([Stage.CLEANUP]), cluster.start([Stage.EXTRACT])
    cluster.wait_balanced()
    sender = threading.Thread(
        target=lambda: asyncio.run(send_steadily(settings, messages, seconds))
    )
    sender.start()
    workers = {Stage.CLEANUP: cleanup, Stage.EXTRACT: extract}
    for n in range(kills):
        time.sleep(seconds / (kills + 1))
        stage = (Stage.CLEANUP, Stage.EXTRACT)[n % 2]
        workers[stage].process.kill()
        workers[stage].process.wait()
        workers[stage] = cluster.start([stage])
    sender.join()
    result = asyncio.run(tally(settings, {key.decode() for key, _ in messages}, timeout=240))
    with capsys.disabled():
        print(
            f"\n[{settings.broker}] {count} articles, {kills} SIGKILLs: lost {result.lost}, "
            f"duplicated {result.duplicated}, all out in {result.seconds:.1f} s"
        )
    assert result.lost == 0


def test_sigterm_under_load_exits_cleanly_and_loses_nothing(cluster, capsys):
    settings = cluster.settings
    count, seconds = int(600 * SCALE), 8 * SCALE
    messages = articles(count, "term")
    worker = cluster.start(["all"])
    cluster.wait_balanced()
    sender = threading.Thread(
        target=lambda: asyncio.run(send_steadily(settings, messages, seconds))
    )
    sender.start()
    time.sleep(seconds / 2)
    started = time.monotonic()
    worker.process.terminate()
    code = worker.process.wait(60)
    stopped_in = time.monotonic() - started
    cluster.start(["all"])
    sender.join()
    result = asyncio.run(tally(settings, {key.decode() for key, _ in messages}, timeout=240))
    with capsys.disabled():
        print(
            f"\n[{settings.broker}] SIGTERM under load: exit {code} in {stopped_in:.1f} s; "
            f"{count} articles: lost {result.lost}, duplicated {result.duplicated}"
        )
    assert code == 0 and result.lost == 0
