"""Plain Kafka clients for the command line: sending raw articles and reading a topic."""

from __future__ import annotations

import asyncio
import base64
from collections.abc import AsyncIterator, Iterable
from dataclasses import dataclass, field
from typing import Any

import orjson
from aiokafka import AIOKafkaConsumer, AIOKafkaProducer

from workers.config import Settings
from workers.contract.deadletter import original_message
from workers.contract.events import Event, SchemaError, encode, validate
from workers.contract.ids import message_key
from workers.pipeline.table import Topic


@dataclass
class ProduceReport:
    sent: list[str] = field(default_factory=list)
    rejected: list[tuple[str, str]] = field(default_factory=list)


def producer(settings: Settings) -> AIOKafkaProducer:
    return AIOKafkaProducer(
        bootstrap_servers=settings.bootstrap_servers,
        acks="all",
        compression_type="zstd",
        linger_ms=5,
        **settings.kafka_security(),
    )


async def produce(
    settings: Settings,
    items: Iterable[tuple[str, Event | None, str | None]],
    *,
    on_sent: Any = None,
) -> ProduceReport:
    """Validate each raw event and send it to articles.raw keyed by its id; report what failed."""
    report = ProduceReport()
    topic = settings.topic(Topic.RAW)
    client = producer(settings)
    await client.start()
    try:
        pending = []
        for origin, event, error in items:
            if event is not None:
                try:
                    validate(Topic.RAW.schema, event)
                except SchemaError as exc:
                    error = str(exc)
            if error is not None or event is None:
                report.rejected.append((origin, error or "unreadable"))
                continue
            future = await client.send(topic, encode(event), key=message_key(event["id"]))
            pending.append(future)
            report.sent.append(event["id"])
            if on_sent is not None:
                on_sent()
        await asyncio.gather(*pending)
    finally:
        await client.stop()
    return report


async def read_topic(
    settings: Settings,
    topic: str,
    *,
    from_beginning: bool = True,
    idle_timeout: float | None = None,
) -> AsyncIterator[Any]:
    """Messages of `topic`, outside any consumer group; ends after `idle_timeout` s of silence.
    Committed ones only: with exactly-once, an aborted attempt's output is not an article."""
    consumer = AIOKafkaConsumer(
        topic,
        bootstrap_servers=settings.bootstrap_servers,
        group_id=None,
        isolation_level="read_committed",
        enable_auto_commit=False,
        auto_offset_reset="earliest" if from_beginning else "latest",
        metadata_max_age_ms=2000,
        **settings.kafka_security(),
    )
    await consumer.start()
    try:
        while True:
            batches = await consumer.getmany(timeout_ms=int((idle_timeout or 1.0) * 1000))
            if not batches and idle_timeout is not None:
                return
            for _, messages in sorted(batches.items()):
                for message in messages:
                    yield message
    finally:
        await consumer.stop()


def as_json(value: bytes | None) -> Any:
    """A message value as JSON; a value that is not JSON is wrapped, base64-encoded."""
    try:
        return orjson.loads(value) if value is not None else None
    except orjson.JSONDecodeError:
        return {"value_b64": base64.b64encode(value or b"").decode("ascii")}


async def replay(settings: Settings, records: Iterable[Event], *, dry_run: bool = False) -> int:
    """Send the originals held by dead-letter records back to the topics they came from, with
    their key, value and headers as they were; return how many were (or would be) sent."""
    client = None if dry_run else producer(settings)
    if client is not None:
        await client.start()
    sent = 0
    try:
        for record in records:
            validate(Topic.DEADLETTER.schema, record)
            key, value, headers = original_message(record)
            if client is not None:
                await client.send_and_wait(
                    record["source"]["topic"], value, key=key, headers=headers
                )
            sent += 1
    finally:
        if client is not None:
            await client.stop()
    return sent
