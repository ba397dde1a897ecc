"""How long an extract worker takes to start with a full fingerprints topic: the topic filled
with N records (distinct ids, random signatures, the size real ones have) on a broker started for
the run, then read into the near-duplicate index by `FingerprintStore.load`, as a worker does."""

from __future__ import annotations

import asyncio
import datetime as dt
import os
import platform
import time
import uuid
from dataclasses import asdict, dataclass

from aiokafka import AIOKafkaProducer

from workers.bench.brokers import local_broker
from workers.config import Settings
from workers.contract.events import encode, schema_tag
from workers.kafka.admin import ensure_topics
from workers.kafka.fingerprints import FingerprintStore
from workers.kafka.local import LocalBroker
from workers.ops import processes
from workers.pipeline.table import Topic
from workers.stages.dedup.minhash import PERMUTATIONS


@dataclass(frozen=True)
class StartUp:
    broker: str
    records: int
    topic_mb: float
    fill_s: float
    load_s: float
    records_per_s: float
    index_articles: int
    rss_before_mb: float
    rss_after_mb: float
    when: str
    machine: str


def rss_mb() -> float:
    """This process's resident memory now."""
    return processes.rss_mb(os.getpid())


def record(index: int) -> tuple[bytes, bytes]:
    """One fingerprint record as the extract stage writes it, with a random signature, one of
    2,000 sources, and 10 line keys (the most a record carries), random but for 4 its source
    prints under every story."""
    article_id = f"bench-{index:09d}-{uuid.uuid4().hex[:8]}"
    source = index % 2000
    furniture = b"".join(n.to_bytes(2) + source.to_bytes(4) for n in range(4))
    value = {
        "schema": schema_tag("fingerprint"),
        "id": article_id,
        "minhash": os.urandom(PERMUTATIONS * 4).hex(),
        "content_hash": os.urandom(32).hex(),
        "duplicate_of": None,
        "source": f"site{source}.example",
        "lines": (furniture + os.urandom(6 * 6)).hex(),
        "at": dt.datetime.now(dt.UTC).isoformat(timespec="microseconds"),
    }
    return article_id.encode("utf-8"), encode(value)


async def fill(settings: Settings, records: int) -> int:
    """Write `records` fingerprints to the topic; return the bytes written."""
    producer = AIOKafkaProducer(
        bootstrap_servers=settings.bootstrap_servers,
        acks="all",
        linger_ms=20,
        max_batch_size=1 << 20,
    )
    await producer.start()
    written = 0
    try:
        topic = settings.topic(Topic.FINGERPRINTS)
        for start in range(0, records, 10_000):
            sends = []
            for index in range(start, min(start + 10_000, records)):
                key, value = record(index)
                written += len(key) + len(value)
                sends.append(await producer.send(topic, value, key=key))
            await asyncio.gather(*sends)
    finally:
        await producer.stop()
    return written


def measure(broker: LocalBroker, records: int) -> StartUp:
    """Fill a new topic on `broker` (window = `records`, so retention keeps them all), then load."""
    settings = Settings(
        broker=broker.bootstrap,
        topic_prefix=f"bench{uuid.uuid4().hex[:6]}.",
        duplicate_window=records,
    )
    asyncio.run(ensure_topics(settings))
    began = time.monotonic()
    written = asyncio.run(fill(settings, records))
    filled = time.monotonic() - began
    store = FingerprintStore(settings)
    before = rss_mb()
    began = time.monotonic()
    loaded = asyncio.run(store.load(timeout=3600))
    seconds = time.monotonic() - began
    return StartUp(
        broker=broker.kind,
        records=loaded,
        topic_mb=round(written / 2**20, 1),
        fill_s=round(filled, 1),
        load_s=round(seconds, 1),
        records_per_s=round(loaded / seconds),
        index_articles=len(store.index),
        rss_before_mb=round(before),
        rss_after_mb=round(rss_mb()),
        when=dt.datetime.now(dt.UTC).isoformat(timespec="minutes"),
        machine=f"{platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}",
    )


def run(kind: str, records: int) -> StartUp:
    """`measure` on a broker of `kind` (`embedded` or `kafka`) started for the run."""
    with local_broker(kind) as (broker, _):
        return measure(broker, records)


def report(result: StartUp) -> str:
    rows = [f"| {name} | {value} |" for name, value in asdict(result).items()]
    return "\n".join(["| fingerprints start-up | |", "| --- | --- |", *rows])
