"""`khabar worker --processes 2` on a real broker: two workers in the same groups share the
partitions, one that dies is restarted and nothing is lost, the pool has one health file, and
SIGTERM stops every process cleanly."""

from __future__ import annotations

import asyncio
import contextlib
import dataclasses
import os
import signal
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import orjson
import pytest

from tests.integration.conftest import collect, one_broker, send_raw
from tests.integration.scrape import get, series, total
from workers.kafka.admin import ensure_topics
from workers.kafka.clients import read_topic
from workers.kafka.local import free_port
from workers.ops import health
from workers.pipeline.table import Stage, Topic

pytestmark = pytest.mark.integration

TEXT = "Heavy rain lashed {town} on Monday and the river rose {cm} cm above the danger mark."
TOWNS = ["Guwahati", "Dibrugarh", "Tezpur", "Jorhat", "Silchar", "Nagaon", "Dhubri", "Goalpara"]


def articles(first: int, count: int) -> list[tuple[bytes, bytes]]:
    """Distinct short articles (no two near-duplicates of each other)."""
    made = []
    for n in range(first, first + count):
        text = " ".join(
            TEXT.format(town=TOWNS[(n + k) % len(TOWNS)], cm=n * 7 + k) + f" Report {n}-{k}."
            for k in range(3)
        )
        made.append((f"p{n}".encode(), orjson.dumps({"id": f"p{n}", "text": text})))
    return made


async def ids_on(settings: Any, topic: Topic, wanted: set[str], timeout: float = 90) -> set[str]:
    """The article ids seen on `topic` once all `wanted` are there (or at `timeout`)."""
    seen: set[str] = set()

    async def read() -> None:
        async for message in read_topic(settings, settings.topic(topic)):
            seen.add(orjson.loads(message.value)["id"])
            if wanted <= seen:
                return

    with contextlib.suppress(TimeoutError):
        await asyncio.wait_for(read(), timeout)
    return seen


def events(log_path: Path) -> list[dict[str, Any]]:
    lines = log_path.read_text("utf-8", errors="replace").splitlines()
    return [orjson.loads(line) for line in lines if line.startswith("{")]


def wait_for(what: str, check: Any, log_path: Path, timeout: float = 90) -> Any:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        found = check()
        if found:
            return found
        time.sleep(0.3)
    raise AssertionError(f"no {what}: {log_path.read_text()[-3000:]}")


def both_assigned(log_path: Path, partitions: int) -> bool:
    """Every stage's partitions split between two workers by their latest assignments."""
    for stage in Stage:
        latest: dict[int, list[int]] = {}
        for e in events(log_path):
            if e.get("event") == "partitions_assigned" and e.get("stage") == stage:
                latest[e["pid"]] = e["partitions"]
        held = [p for p in latest.values() if p]
        if len(held) != 2 or sorted(p for h in held for p in h) != list(range(partitions)):
            return False
    return True


@one_broker  # the supervisor's work; how each broker moves a dead member's partitions is
# tested on both in test_faults.py
def test_two_processes_share_restart_and_stop_together(settings, tmp_path):
    port = free_port()
    settings = dataclasses.replace(settings, metrics_port=port)
    asyncio.run(ensure_topics(settings))
    log_path = tmp_path / "pool.log"
    env = {**os.environ, **settings.to_env()}
    with open(log_path, "ab") as log_file:
        pool = subprocess.Popen(
            [sys.executable, "-m", "workers", "worker", "--processes", "2"],
            env=env,
            stdout=log_file,
            stderr=subprocess.STDOUT,
        )
    try:
        started = wait_for(
            "pool start",
            lambda: [e for e in events(log_path) if e["event"] == "worker_pool_started"],
            log_path,
        )[0]
        wait_for("balance", lambda: both_assigned(log_path, settings.partitions), log_path)
        asyncio.run(send_raw(settings, articles(0, 40)))
        first = [orjson.loads(m.value) for m in asyncio.run(collect(settings, Topic.ENRICHED, 40))]
        assert len({e["pipeline"]["stages"]["extract"]["worker"] for e in first}) == 2
        wait_for("pool health", lambda: health.healthy(settings.health_file, 2.0), log_path)

        victim = started["pids"][0]
        os.kill(victim, signal.SIGKILL)
        restarted = wait_for(
            "restart",
            lambda: [e for e in events(log_path) if e["event"] == "worker_process_restarted"],
            log_path,
        )[0]
        assert restarted["slot"] == 0 and restarted["pid"] != victim
        asyncio.run(send_raw(settings, articles(40, 20)))
        every = asyncio.run(ids_on(settings, Topic.ENRICHED, {f"p{n}" for n in range(60)}))
        assert every == {f"p{n}" for n in range(60)}  # at least once: a copy may come twice
        # One scrape of the supervisor sees the pool: every article (the dead worker's count
        # included), every partition held once among the live workers, both ready.
        wait_for("pool readiness", lambda: get(port, "/readyz")[0] == 200, log_path)
        scrape = series(port)
        assert total(scrape, r'khabar_messages_processed_total\{stage="extract"\}') >= 60
        held = r'khabar_assigned_partitions\{stage="extract"\}'
        wait_for("the pool's partitions", lambda: total(series(port), held) == 6, log_path)
        assert get(port, "/healthz") == (200, "ok\n")

        pool.send_signal(signal.SIGTERM)
        assert pool.wait(60) == 0, log_path.read_text()[-6000:]
        stopped = [e for e in events(log_path) if e["event"] == "worker_pool_stopped"]
        assert stopped and stopped[0]["exit_codes"] == [0, 0]
        for pid in (restarted["pid"], started["pids"][1]):
            assert not Path(f"/proc/{pid}").exists() or _zombie(pid)
    finally:
        if pool.poll() is None:
            pool.kill()
            pool.wait()


def _zombie(pid: int) -> bool:
    return "State:\tZ" in Path(f"/proc/{pid}/status").read_text()
