"""Topics on any broker: created explicitly with the configured partitions, or checked."""

from __future__ import annotations

import asyncio
import contextlib
import time
from collections.abc import AsyncIterator

from aiokafka.admin import AIOKafkaAdminClient, NewTopic
from aiokafka.client import AIOKafkaClient
from aiokafka.errors import KafkaError, TopicAlreadyExistsError, for_code
from aiokafka.protocol.transaction import InitProducerIdRequest

from workers.config import Settings
from workers.ops.logs import get_logger
from workers.pipeline.table import Topic

log = get_logger("khabar.admin")
TOPIC_EXISTS = TopicAlreadyExistsError.errno


class TopicsError(RuntimeError):
    """The broker refused to create a topic."""


@contextlib.asynccontextmanager
async def admin(settings: Settings) -> AsyncIterator[AIOKafkaAdminClient]:
    client = AIOKafkaAdminClient(
        bootstrap_servers=settings.bootstrap_servers, **settings.kafka_security()
    )
    await client.start()
    try:
        yield client
    finally:
        await client.close()


async def ensure_topics(settings: Settings, *, attempts: int = 20) -> list[str]:
    """Create the topics with the configured partitions; return the names created.

    Topics are created explicitly because an auto-created topic takes the broker's default
    partition count (4 on the embedded broker), which breaks Faust's co-partitioning.
    """
    names = [settings.topic(topic) for topic in Topic]
    new_topics = [
        NewTopic(
            settings.topic(topic),
            settings.partitions,
            settings.replication,
            topic_configs={"cleanup.policy": "compact"} if topic.compacted else {},
        )
        for topic in Topic
    ]
    for attempt in range(attempts):
        try:
            async with admin(settings) as client:
                response = await client.create_topics(new_topics)
                created = [topic for topic, code, *_ in response.topic_errors if code == 0]
                failed = [
                    (topic, code, message)
                    for topic, code, message in response.topic_errors
                    if code not in (0, TOPIC_EXISTS)
                ]
                if failed:
                    raise TopicsError(f"could not create topics: {failed}")
                await _check_partitions(client, settings, names)
                log.info(
                    "topics_ready", topics=names, created=created, partitions=settings.partitions
                )
                return created
        except TopicsError:
            raise
        except Exception as exc:  # broker still starting: retry with back-off
            if attempt == attempts - 1:
                raise
            log.info("broker_not_ready", error=repr(exc), attempt=attempt + 1)
            await asyncio.sleep(min(0.25 * 2**attempt, 3.0))
    return []


async def _check_partitions(
    client: AIOKafkaAdminClient, settings: Settings, names: list[str]
) -> None:
    """Warn when a topic that already existed has another partition count than configured."""
    for description in await client.describe_topics(names):
        count = len(description.get("partitions", []))
        if count and count != settings.partitions:
            log.warning(
                "topic_partitions_differ",
                topic=description["topic"],
                partitions=count,
                configured=settings.partitions,
            )


async def missing_topics(settings: Settings) -> list[str]:
    """The topics this deployment needs that the broker does not have."""
    async with admin(settings) as client:
        present = set(await client.list_topics())
    return [settings.topic(topic) for topic in Topic if settings.topic(topic) not in present]


async def idempotence_refused(settings: Settings, timeout: float = 30.0) -> str | None:
    """Why the broker refuses a producer id (no idempotent producer, hence no transactions), or
    None where it grants one. Asked, not read from ApiVersions: the embedded broker lists the
    request there and then fails it. A retriable answer (a new cluster still creating its
    transaction log) is asked again until `timeout`."""
    client = AIOKafkaClient(
        bootstrap_servers=settings.bootstrap_servers, **settings.kafka_security()
    )
    deadline = time.monotonic() + timeout
    try:
        await client.bootstrap()
        while True:
            request = InitProducerIdRequest(transactional_id=None, transaction_timeout_ms=60_000)
            response = await asyncio.wait_for(
                client.send(client.get_random_node(), request), timeout
            )
            error: type[KafkaError] = for_code(response.error_code)
            if response.error_code == 0:
                return None
            if not error.retriable or time.monotonic() > deadline:
                return error.__name__
            await asyncio.sleep(0.5)
    except (KafkaError, TimeoutError) as exc:
        return type(exc).__name__
    finally:
        await client.close()
