"""Plain Kafka clients for the command line: sending raw articles and reading a topic.

They never create a topic (a typo or a wrong prefix would make a new, empty one): a topic that
is not there is a `BrokerProblem`, as is a broker that does not answer; both are one line for
the user.
"""

from __future__ import annotations

import asyncio
import base64
import contextlib
from collections.abc import AsyncIterator, Callable, Iterable
from dataclasses import dataclass
from typing import Any, TypeVar

import orjson
from aiokafka import AIOKafkaConsumer, AIOKafkaProducer
from aiokafka.errors import KafkaError

from workers.config import Settings
from workers.contract.deadletter import original_message
from workers.contract.events import Event, SchemaError, encode, validate
from workers.contract.ids import message_key
from workers.kafka.admin import admin
from workers.kafka.errors import BrokerProblem
from workers.pipeline.table import Topic

Client = TypeVar("Client", AIOKafkaConsumer, AIOKafkaProducer)


@contextlib.asynccontextmanager
async def started(
    settings: Settings, client: Client, topics: Iterable[str]
) -> AsyncIterator[Client]:
    """`client` started, once `topics` are known to exist; stopped however the block ends (a
    client whose start failed too, so nothing is left unclosed)."""
    try:
        await require_topics(settings, topics)
        await client.start()
    except KafkaError as exc:
        await client.stop()
        raise BrokerProblem(_unreachable(settings, exc)) from None
    except BrokerProblem:
        await client.stop()
        raise
    try:
        yield client
    except KafkaError as exc:  # the broker went away midway
        raise BrokerProblem(_unreachable(settings, exc)) from None
    finally:
        await client.stop()


async def require_topics(settings: Settings, topics: Iterable[str]) -> None:
    """Raise `BrokerProblem` unless the broker answers and has every one of `topics`."""
    try:
        async with admin(settings) as client:
            present = set(await client.list_topics())
    except (KafkaError, OSError) as exc:
        raise BrokerProblem(_unreachable(settings, exc)) from None
    if missing := sorted(set(topics) - present):
        raise BrokerProblem(
            f"no topic {', '.join(missing)} on the broker at {settings.bootstrap_servers} "
            "(a worker creates the topics when it starts; or check KHABAR_TOPIC_PREFIX)"
        )


def _unreachable(settings: Settings, exc: Exception) -> str:
    detail = str(exc) if type(exc).__name__ in str(exc) else f"{type(exc).__name__}: {exc}"
    return f"cannot reach the broker at {settings.bootstrap_servers} ({detail})"


def producer(settings: Settings) -> AIOKafkaProducer:
    return AIOKafkaProducer(
        bootstrap_servers=settings.bootstrap_servers,
        acks="all",
        compression_type="zstd",
        linger_ms=5,
        **settings.kafka_security(),
    )


@dataclass
class ProduceReport:
    sent: int = 0
    rejected: int = 0


async def produce(
    settings: Settings,
    items: Iterable[tuple[str, Event | None, str | None]],
    *,
    on_sent: Callable[[str], object] = lambda article_id: None,
    on_rejected: Callable[[str, str], object] = lambda origin, error: None,
) -> ProduceReport:
    """Validate each raw event and send it to articles.raw keyed by its id, as the items come
    (in constant memory); say each id sent and each item refused as it happens."""
    report = ProduceReport()
    topic = settings.topic(Topic.RAW)
    async with started(settings, producer(settings), [topic]) as client:
        pending = []
        for origin, event, error in items:
            if event is not None:
                try:
                    validate(Topic.RAW.schema, event)
                except SchemaError as exc:
                    error = str(exc)
            if error is not None or event is None:
                report.rejected += 1
                on_rejected(origin, error or "unreadable")
                continue
            pending.append(await client.send(topic, encode(event), key=message_key(event["id"])))
            report.sent += 1
            on_sent(event["id"])
            if len(pending) >= 1000:  # acknowledged in batches, not all held to the end
                await asyncio.gather(*pending)
                pending.clear()
        await asyncio.gather(*pending)
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
    async with started(settings, consumer, [topic]):
        while True:
            batches = await consumer.getmany(timeout_ms=int((idle_timeout or 1.0) * 1000))
            if not batches and idle_timeout is not None:
                return
            for _, messages in sorted(batches.items()):
                for message in messages:
                    yield message


def as_json(value: bytes | None) -> Any:
    """A message value as JSON; a value that is not JSON is wrapped, base64-encoded."""
    try:
        return orjson.loads(value) if value is not None else None
    except orjson.JSONDecodeError:
        return {"value_b64": base64.b64encode(value or b"").decode("ascii")}


async def replay(settings: Settings, records: Iterable[Event], *, dry_run: bool = False) -> int:
    """Send the originals held by dead-letter records back to the topics they came from, with
    their key, value and headers as they were; return how many were (or would be) sent. Every
    record is checked before anything is sent."""
    originals = []
    for record in records:
        validate(Topic.DEADLETTER.schema, record)
        originals.append((record["source"]["topic"], *original_message(record)))
    if dry_run:
        return len(originals)
    topics = {topic for topic, *_ in originals}
    async with started(settings, producer(settings), topics) as client:
        for topic, key, value, headers in originals:
            await client.send_and_wait(topic, value, key=key, headers=headers)
    return len(originals)
