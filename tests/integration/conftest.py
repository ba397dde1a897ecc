"""Integration fixtures: real brokers, real `khabar worker` processes, and plain aiokafka
clients to feed and read topics.

Every test that uses `settings` runs on each broker: the embedded one (Tansu) and Apache Kafka,
started on free ports for the session, Apache Kafka's data in a temporary directory. Without
Java or Maven the Apache Kafka runs skip, saying why. KHABAR_TEST_BROKER=host:port runs them on
that broker instead; KHABAR_TEST_BROKERS=embedded (or kafka) on one of the two. A test of what
the broker takes no part in (the worker's own health file, its process pool, the stages' answer
to hostile bytes) says so with `@one_broker`: it runs on the first of those brokers only. A fault
scenario whose run on a broker is left to `pytest -m heavy` says so with `@heavy_on(kind)`.
"""

from __future__ import annotations

import asyncio
import itertools
import os
import subprocess
import time
import uuid
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import orjson
import pytest
from aiokafka import AIOKafkaProducer

from workers.config import Settings
from workers.kafka.admin import ensure_topics
from workers.kafka.apache import ApacheKafka
from workers.kafka.clients import read_topic
from workers.kafka.embedded import EmbeddedBroker
from workers.kafka.local import LocalBroker, ToolMissingError
from workers.kafka.worker import spawn_worker, stop_worker
from workers.pipeline.table import Stage, Topic

pytestmark = pytest.mark.integration


EXTERNAL = os.environ.get("KHABAR_TEST_BROKER")
BROKERS = (
    ["external"] if EXTERNAL else os.environ.get("KHABAR_TEST_BROKERS", "embedded,kafka").split(",")
)


# For tests of behaviour the broker takes no part in: once, on the first broker of the run.
one_broker = pytest.mark.parametrize("broker", BROKERS[:1], indirect=True)


def heavy_on(*kinds: str) -> pytest.MarkDecorator:
    """The run's brokers, as for any test, those of `kinds` behind the `heavy` marker (left out
    of the default run; `pytest -m heavy` runs them)."""
    return pytest.mark.parametrize(
        "broker",
        [pytest.param(b, marks=pytest.mark.heavy) if b in kinds else b for b in BROKERS],
        indirect=True,
    )


def local_broker(kind: str, folder: Path) -> LocalBroker:
    """A new local broker of a kind, its log (and Apache Kafka's data) in `folder`."""
    if kind == "embedded":
        return EmbeddedBroker(log_path=folder / "tansu.log")
    return ApacheKafka(data_dir=folder / "data", log_path=folder / "kafka.log")


def start_or_skip(broker: LocalBroker) -> LocalBroker:
    """Start a local broker; skip the test, saying why, where a program it needs is missing."""
    try:
        return broker.start()
    except ToolMissingError as exc:
        pytest.skip(str(exc))


@pytest.fixture(scope="session", params=BROKERS)
def broker(request, tmp_path_factory) -> Iterator[LocalBroker | None]:
    """The session's broker of each kind (None for KHABAR_TEST_BROKER's)."""
    if request.param == "external":
        yield None
        return
    broker = start_or_skip(local_broker(request.param, tmp_path_factory.mktemp(request.param)))
    try:
        yield broker
    finally:
        broker.stop()


@pytest.fixture(scope="session")
def bootstrap(broker: LocalBroker | None) -> str:
    return broker.bootstrap if broker is not None else str(EXTERNAL)


@pytest.fixture
def settings(bootstrap, tmp_path) -> Settings:
    """Settings of one test: its own topic prefix, consumer groups, state and health file, so
    tests never mix."""
    tag = uuid.uuid4().hex[:8]
    return Settings(
        broker=bootstrap,
        topic_prefix=f"t{tag}.",
        app_id=f"khabar-t{tag}",
        session_timeout=6.0,
        stats_interval=2.0,
        log_level="DEBUG",
        state_dir=str(tmp_path / "state"),
        health_file=str(tmp_path / "health"),
        metrics_port=0,  # several workers per test: a test that scrapes gives a free port
    )


@dataclass
class WorkerProcess:
    log_path: Path
    process: Any
    stages: list[str]

    def log_events(self) -> list[dict[str, Any]]:
        events = []
        for line in self.log_path.read_text("utf-8", errors="replace").splitlines():
            if line.startswith("{"):
                try:
                    events.append(orjson.loads(line))
                except orjson.JSONDecodeError:
                    continue
        return events

    def assignment(self, stage: Stage) -> list[int] | None:
        """The partitions this worker holds for `stage` by its latest rebalance log line."""
        lines = [
            e
            for e in self.log_events()
            if e.get("event") == "partitions_assigned" and e.get("stage") == stage
        ]
        return lines[-1]["partitions"] if lines else None


@dataclass
class Cluster:
    settings: Settings
    tmp: Path
    workers: list[WorkerProcess] = field(default_factory=list)
    _ids: Iterator[int] = field(default_factory=itertools.count)

    def start(self, stages: list[str] | None = None) -> WorkerProcess:
        stages = stages or ["all"]
        log_path = self.tmp / f"worker{next(self._ids)}.log"
        worker = WorkerProcess(log_path, spawn_worker(self.settings, stages, log_path), stages)
        self.workers.append(worker)
        return worker

    def wait_balanced(self, stages: tuple[Stage, ...] = tuple(Stage), timeout: float = 60) -> None:
        """Until the live workers' latest assignments split every stage's partitions exactly."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            for w in self.workers:
                if w.process.poll() is not None:
                    raise AssertionError(f"worker exited: {w.log_path.read_text()[-3000:]}")
            if all(self._balanced(stage) for stage in stages):
                return
            time.sleep(0.3)
        raise AssertionError(
            "workers did not settle: "
            + "; ".join(
                f"{w.log_path.name}: {[w.assignment(s) for s in stages]}" for w in self.workers
            )
        )

    def _balanced(self, stage: Stage) -> bool:
        live = [
            w
            for w in self.workers
            if w.process.poll() is None and (stage in w.stages or "all" in w.stages)
        ]
        held = [w.assignment(stage) for w in live]
        if any(h is None or not h for h in held):
            return False
        flat = sorted(p for h in held for p in h)  # type: ignore[union-attr]
        return flat == list(range(self.settings.partitions))

    def retire(self, worker: WorkerProcess) -> None:
        """Stop one worker (SIGTERM) and leave it out of the cluster from now on."""
        stop_worker(worker.process)
        self.workers.remove(worker)

    def stop(self) -> None:
        """SIGTERM to every worker at once, then wait for each (SIGKILL past 15 s): they stop
        side by side, as a deployment's pods do, not one after another."""
        stop_together([w.process for w in self.workers])


def stop_together(processes: list[Any], timeout: float = 15.0) -> None:
    """`stop_worker` for several processes, signalled at once and waited for in turn."""
    for process in processes:
        if process.poll() is None:
            process.terminate()
    deadline = time.monotonic() + timeout
    for process in processes:
        try:
            process.wait(max(deadline - time.monotonic(), 0.1))
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


@pytest.fixture
def cluster(settings, tmp_path) -> Iterator[Cluster]:
    asyncio.run(ensure_topics(settings))
    cluster = Cluster(settings, tmp_path)
    try:
        yield cluster
    finally:
        cluster.stop()


async def send_raw(
    settings: Settings, messages: list[tuple[bytes | None, bytes]], topic: Topic = Topic.RAW
) -> None:
    """Send exact bytes, as a foreign producer would, bad ones included."""
    producer = AIOKafkaProducer(bootstrap_servers=settings.bootstrap_servers, acks="all")
    await producer.start()
    try:
        for key, value in messages:
            await producer.send_and_wait(
                settings.topic(topic), value, key=key, headers=[("origin", b"test")]
            )
    finally:
        await producer.stop()


async def collect(settings: Settings, topic: Topic, count: int, timeout: float = 60) -> list[Any]:
    """The first `count` messages of a topic (from the beginning), or fail after `timeout`."""
    found: list[Any] = []

    async def gather() -> None:
        async for message in read_topic(settings, settings.topic(topic)):
            found.append(message)
            if len(found) >= count:
                return

    try:
        await asyncio.wait_for(gather(), timeout)
    except TimeoutError:
        raise AssertionError(f"only {len(found)} of {count} messages on {topic}") from None
    return found


async def outcomes(
    settings: Settings, topics: tuple[Topic, ...], count: int, timeout: float
) -> dict[Topic, list[Any]]:
    """The messages of `topics` (from the beginning) until there are `count` in all, then 3 s
    more for any extra, or until `timeout` seconds have passed."""
    found: dict[Topic, list[Any]] = {topic: [] for topic in topics}

    async def read(topic: Topic) -> None:
        async for message in read_topic(settings, settings.topic(topic)):
            found[topic].append(message)

    readers = [asyncio.create_task(read(topic)) for topic in topics]
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline and sum(map(len, found.values())) < count:
        await asyncio.sleep(0.5)
    await asyncio.sleep(3)
    for reader in readers:
        reader.cancel()
    await asyncio.gather(*readers, return_exceptions=True)
    return found
