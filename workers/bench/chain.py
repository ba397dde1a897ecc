"""The stream benchmark's broker half: the same messages relayed by a bare aiokafka consumer and
producer (the transport limit), through the chain of real `khabar worker` processes (backlog
drained by 1 and N processes, with their memory), and paced at a given rate (latency).

Every run gets its own topics and consumer groups on the broker, and first fills the
fingerprints topic with a whole duplicate window of records, so the workers hold the index a
long-running worker holds.
"""

from __future__ import annotations

import asyncio
import os
import subprocess
import sys
import threading
import time
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import orjson
from aiokafka import AIOKafkaConsumer, AIOKafkaProducer

from workers.bench.fingerprints import fill
from workers.config import Settings
from workers.kafka.admin import ensure_topics
from workers.kafka.local import LocalBroker
from workers.kafka.worker import stop_worker
from workers.ops.processes import children, cpu_seconds, rss_mb, tree, tree_mb
from workers.pipeline.table import Stage, Topic

Message = tuple[bytes, bytes]  # key, value
OUTPUTS = (Topic.ENRICHED, Topic.DEADLETTER)


@dataclass(frozen=True)
class ChainRun:
    processes: int
    articles: int
    seconds: float
    per_s: float
    dead_lettered: int
    worker_rss_mb: float  # the most any worker process held itself
    worker_tree_mb: float  # the most any worker held with its stages' child processes (PSS)
    cores: dict[str, float]  # cores kept busy on average: workers, stage processes, broker


@dataclass(frozen=True)
class Latency:
    rate_per_s: float
    articles: int
    p50_ms: float
    p99_ms: float


def fresh_settings(bootstrap: str, folder: Path) -> Settings:
    """Settings with topics, groups, state and health file of their own."""
    tag = uuid.uuid4().hex[:8]
    return Settings(
        broker=bootstrap,
        topic_prefix=f"bench{tag}.",
        app_id=f"khabar-bench-{tag}",
        state_dir=str(folder / f"state-{tag}"),
        health_file=str(folder / f"health-{tag}"),
        stats_interval=2.0,
        metrics_port=0,  # no endpoints: a run must not depend on a free port
    )


async def send(settings: Settings, messages: list[Message], rate: float | None = None) -> float:
    """Send `messages` to the raw topic (at `rate` per second, else at once); the wall-clock
    time each was sent is in `sent_at`, which this returns the start of."""
    producer = AIOKafkaProducer(bootstrap_servers=settings.bootstrap_servers, linger_ms=5)
    await producer.start()
    began = time.time()
    try:
        pending = []
        for number, (key, value) in enumerate(messages):
            if rate is not None:
                await asyncio.sleep(max(began + number / rate - time.time(), 0))
            pending.append(await producer.send(settings.topic(Topic.RAW), value, key=key))
        await asyncio.gather(*pending)
    finally:
        await producer.stop()
    return began


async def arrivals(settings: Settings, count: int, timeout: float) -> dict[bytes, float]:
    """Wall-clock arrival of each key on the enriched and dead-letter topics, until `count`
    distinct keys have arrived (or `timeout`: the caller sees fewer)."""
    topics = [settings.topic(topic) for topic in OUTPUTS]
    consumer = AIOKafkaConsumer(
        *topics,
        bootstrap_servers=settings.bootstrap_servers,
        auto_offset_reset="earliest",
        enable_auto_commit=False,
        metadata_max_age_ms=1000,
    )
    seen: dict[bytes, float] = {}
    await consumer.start()
    deadline = time.monotonic() + timeout
    try:
        while len(seen) < count and time.monotonic() < deadline:
            for batch in (await consumer.getmany(timeout_ms=200)).values():
                now = time.time()
                for message in batch:
                    seen.setdefault(message.key or b"", now)
    finally:
        await consumer.stop()
    return seen


async def dead_letters(settings: Settings) -> int:
    consumer = AIOKafkaConsumer(
        settings.topic(Topic.DEADLETTER),
        bootstrap_servers=settings.bootstrap_servers,
        auto_offset_reset="earliest",
    )
    await consumer.start()
    try:
        batches = await consumer.getmany(timeout_ms=2000)
        return sum(len(batch) for batch in batches.values())
    finally:
        await consumer.stop()


async def relay(settings: Settings, messages: list[Message]) -> float:
    """Seconds a bare consumer and producer take to copy `messages` from the raw topic to the
    cleaned one, from the first read to the last acknowledgement: Kafka's cost alone."""
    await send(settings, messages)
    consumer = AIOKafkaConsumer(
        settings.topic(Topic.RAW),
        bootstrap_servers=settings.bootstrap_servers,
        group_id=f"{settings.app_id}-relay",
        auto_offset_reset="earliest",
    )
    producer = AIOKafkaProducer(bootstrap_servers=settings.bootstrap_servers, linger_ms=5)
    await consumer.start()
    await producer.start()
    copied, began = 0, None
    try:
        while copied < len(messages):
            batches = await consumer.getmany(timeout_ms=500, max_records=500)
            began = began or (time.monotonic() if batches else None)
            sends = [
                await producer.send(settings.topic(Topic.CLEANED), m.value, key=m.key)
                for batch in batches.values()
                for m in batch
            ]
            await asyncio.gather(*sends)
            await consumer.commit()
            copied += len(sends)
    finally:
        await producer.stop()
        await consumer.stop()
    return time.monotonic() - (began or time.monotonic())


def transport(bootstrap: str, messages: list[Message], folder: Path) -> float:
    """Messages per second a bare aiokafka consumer and producer relay on this broker."""
    settings = fresh_settings(bootstrap, folder)
    asyncio.run(ensure_topics(settings))
    return len(messages) / asyncio.run(relay(settings, messages))


@contextmanager
def workers(
    settings: Settings, processes: int, log_path: Path
) -> Iterator[subprocess.Popen[bytes]]:
    """`khabar worker --processes N` over all stages, ready (every stage's partitions held by
    its N workers, the stages warmed by one article each) when the block starts."""
    env = {**os.environ, **settings.to_env()}
    command = [sys.executable, "-m", "workers", "worker", "--processes", str(processes)]
    with open(log_path, "ab") as log_file:
        process = subprocess.Popen(command, env=env, stdout=log_file, stderr=subprocess.STDOUT)
    try:
        _wait_ready(log_path, process, processes, settings.partitions)
        yield process
    finally:
        stop_worker(process, timeout=settings.shutdown_timeout + 10)


def _wait_ready(
    log_path: Path, process: subprocess.Popen[bytes], processes: int, partitions: int
) -> None:
    deadline = time.monotonic() + 300
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"worker exited: {log_path.read_text()[-2000:]}")
        if all(_spread(log_path, stage, processes, partitions) for stage in Stage):
            return
        time.sleep(0.5)
    raise RuntimeError(f"workers not ready in 300 s: {log_path.read_text()[-2000:]}")


def _spread(log_path: Path, stage: Stage, processes: int, partitions: int) -> bool:
    """Whether `stage`'s partitions are split among `processes` workers, by their latest
    assignment lines."""
    latest: dict[int, list[int]] = {}
    for line in log_path.read_text("utf-8", errors="replace").splitlines():
        if '"partitions_assigned"' in line:
            event = orjson.loads(line)
            if event.get("stage") == stage.value:
                latest[event["pid"]] = event["partitions"]
    held = [owned for owned in latest.values() if owned]
    return len(held) == processes and sorted(p for h in held for p in h) == list(range(partitions))


class Usage:
    """What the workers (and the broker) use during a run: the most memory any worker process
    held, sampled every half second, and the CPU each kind of process used."""

    def __init__(
        self, process: subprocess.Popen[bytes], processes: int, broker: int | None
    ) -> None:
        self.process, self.processes, self.broker = process, processes, broker
        self.rss, self.tree = 0.0, 0.0
        self.began, self.cpu = time.monotonic(), self._cpu()
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._watch, daemon=True)
        self._thread.start()

    def _workers(self) -> list[int]:
        return [self.process.pid] if self.processes == 1 else children(self.process.pid)

    def _cpu(self) -> dict[str, float]:
        workers = [self.process.pid, *self._workers()] if self.processes > 1 else self._workers()
        stages = [pid for w in self._workers() for pid in tree(w)[1:]]
        return {
            "workers": sum(map(cpu_seconds, workers)),
            "stage processes": sum(map(cpu_seconds, stages)),
            "broker": cpu_seconds(self.broker) if self.broker else 0.0,
        }

    def _watch(self) -> None:
        while not self._stop.wait(0.5):
            for pid in self._workers():
                self.rss = max(self.rss, rss_mb(pid))
                self.tree = max(self.tree, tree_mb(pid))

    def stop(self) -> dict[str, float]:
        """Stop sampling; the cores each kind of process kept busy, on average, since the
        start (a stage process replaced meanwhile loses its part: they are few)."""
        self._stop.set()
        self._thread.join()
        seconds = time.monotonic() - self.began
        after = self._cpu()
        return {kind: round((after[kind] - self.cpu[kind]) / seconds, 2) for kind in after}


def chain(
    broker: LocalBroker, messages: list[Message], processes: int, window: int, folder: Path
) -> ChainRun:
    """The backlog of `messages` drained by `processes` workers: from the first send to the
    last output, the workers started and warmed beforehand."""
    settings = fresh_settings(broker.bootstrap, folder)
    asyncio.run(_prepare(settings, window))
    with workers(settings, processes, folder / f"chain-{processes}.log") as process:
        _warm(settings, messages)
        usage = Usage(process, processes, broker.pid)
        began = asyncio.run(send(settings, messages))
        seen = asyncio.run(arrivals(settings, len(messages) + 1, timeout=3600))
        cores = usage.stop()
    seconds = max(seen.values()) - began
    return ChainRun(
        processes=processes,
        articles=len(messages),
        seconds=round(seconds, 1),
        per_s=round(len(messages) / seconds, 1),
        dead_lettered=asyncio.run(dead_letters(settings)),
        worker_rss_mb=round(usage.rss),
        worker_tree_mb=round(usage.tree),
        cores=cores,
    )


def latency(
    bootstrap: str, messages: list[Message], rate: float, window: int, folder: Path
) -> Latency:
    """End-to-end milliseconds, raw send to enriched arrival, of `messages` sent at `rate`/s
    to one warmed worker."""
    settings = fresh_settings(bootstrap, folder)
    asyncio.run(_prepare(settings, window))
    with workers(settings, 1, folder / "latency.log"):
        _warm(settings, messages)

        async def paced() -> tuple[dict[bytes, float], dict[bytes, float]]:
            sent_at: dict[bytes, float] = {}
            reader = asyncio.create_task(arrivals(settings, len(messages) + 1, timeout=3600))
            began = await send(settings, messages, rate)
            for number, (key, _) in enumerate(messages):
                sent_at[key] = began + number / rate
            return sent_at, await reader

        sent_at, seen = asyncio.run(paced())
    waits = sorted((seen[key] - sent) * 1000 for key, sent in sent_at.items() if key in seen)
    return Latency(
        rate_per_s=round(rate, 1),
        articles=len(waits),
        p50_ms=round(waits[len(waits) // 2], 1),
        p99_ms=round(waits[int(0.99 * (len(waits) - 1))], 1),
    )


async def _prepare(settings: Settings, window: int) -> None:
    await ensure_topics(settings)
    if window:
        await fill(settings, window)


def _warm(settings: Settings, messages: list[Message]) -> None:
    """One article through the chain before the clock starts (the stages' first message pays
    for their caches); it is counted among the arrivals, hence the `+ 1` there."""
    warm = orjson.loads(messages[0][1]) | {"id": "bench-warm-up"}
    asyncio.run(send(settings, [(b"bench-warm-up", orjson.dumps(warm))]))
    asyncio.run(arrivals(settings, 1, timeout=120))
