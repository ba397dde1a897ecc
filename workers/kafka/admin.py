"""Topics on any broker: created explicitly with the configured partitions, or checked."""

from __future__ import annotations

import asyncio
import contextlib
import itertools
import time
from collections.abc import AsyncIterator

from aiokafka.admin import AIOKafkaAdminClient, NewTopic
from aiokafka.admin.config_resource import ConfigResource, ConfigResourceType
from aiokafka.client import AIOKafkaClient
from aiokafka.errors import (
    IncompatibleBrokerVersion,
    KafkaError,
    TopicAlreadyExistsError,
    for_code,
)
from aiokafka.protocol.transaction import InitProducerIdRequest

from workers.config import Settings
from workers.contract.fingerprints import RECORD_BYTES
from workers.ops.logs import get_logger
from workers.pipeline.table import Topic

log = get_logger("khabar.admin")
TOPIC_EXISTS = TopicAlreadyExistsError.errno
DYNAMIC_TOPIC_CONFIG = 1  # DescribeConfigs' config_source of a setting made on the topic


class TopicsError(RuntimeError):
    """The broker refused to create a topic."""


@contextlib.asynccontextmanager
async def admin(settings: Settings) -> AsyncIterator[AIOKafkaAdminClient]:
    client = AIOKafkaAdminClient(
        bootstrap_servers=settings.bootstrap_servers, **settings.kafka_security()
    )
    try:
        await client.start()
        yield client
    finally:
        await client.close()


async def wait_for_broker(settings: Settings) -> None:
    """Return once the broker answers; until then retry with back-off, logging each attempt,
    for `KHABAR_BROKER_WAIT` seconds (0: forever); past it, exit with one line."""
    began = time.monotonic()
    for attempt in itertools.count(1):
        try:
            async with admin(settings) as client:
                await client.list_topics()
            return
        except (KafkaError, OSError) as exc:
            waited = time.monotonic() - began
            error = repr(exc)
            if settings.broker_wait and waited >= settings.broker_wait:
                log.error(
                    "broker_wait_exceeded",
                    broker=settings.bootstrap_servers,
                    attempts=attempt,
                    waited_s=round(waited, 1),
                    error=error,
                )
                raise SystemExit(
                    f"khabar worker: the broker at {settings.bootstrap_servers} did not answer "
                    f"within {settings.broker_wait:g} s (KHABAR_BROKER_WAIT): {error}"
                ) from None
            log.warning(
                "broker_unreachable",
                broker=settings.bootstrap_servers,
                error=error,
                attempt=attempt,
                deadline_s=round(settings.broker_wait - waited, 1)
                if settings.broker_wait
                else None,
            )
            await asyncio.sleep(min(0.5 * 2 ** (attempt - 1), 5.0))


def topic_configs(settings: Settings, topic: Topic) -> dict[str, str]:
    """Topic settings Khabar needs beyond the broker's defaults.

    The fingerprints topic holds what the near-duplicate index holds, the last
    `KHABAR_DUPLICATE_WINDOW` articles: compacted (a re-scraped article replaces its record) and
    deleted by size, twice the window's bytes per partition (the spread of keys over partitions,
    longer ids), in segments of an eighth of that, so deletion follows the window closely. Every
    worker reads the whole topic at start, so this bounds its start-up as well.
    """
    if not topic.compacted:
        return {}
    per_partition = -(-settings.duplicate_window // settings.partitions) * RECORD_BYTES * 2
    return {
        "cleanup.policy": "compact,delete",
        "retention.ms": "-1",
        "retention.bytes": str(per_partition),
        "segment.bytes": str(max(per_partition // 8, 1 << 20)),
    }


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
            topic_configs=topic_configs(settings, topic),
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
                await _update_configs(client, settings, set(names) - set(created))
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


async def _update_configs(
    client: AIOKafkaAdminClient, settings: Settings, existing: set[str]
) -> None:
    """Bring the settings of topics that already existed up to date (the duplicate window, and
    with it the fingerprints topic's retention, may have changed since they were created).
    AlterConfigs replaces a topic's whole set, so the ones set on it before are sent along."""
    wanted = {
        settings.topic(topic): configs
        for topic in Topic
        if settings.topic(topic) in existing and (configs := topic_configs(settings, topic))
    }
    if not wanted:
        return
    try:
        current = await _topic_level_configs(client, list(wanted))
        resources = [
            ConfigResource(ConfigResourceType.TOPIC, name, current.get(name, {}) | configs)
            for name, configs in wanted.items()
        ]
        responses = await client.alter_configs(resources)
    except IncompatibleBrokerVersion as exc:  # the embedded broker (memory only: topics are new)
        log.info("topic_config_not_updated", topics=sorted(existing), error=repr(exc))
        return
    for response in responses:
        for code, message, _, name in response.resources:
            if code != 0:
                log.warning(
                    "topic_config_not_updated",
                    topic=name,
                    error=for_code(code).__name__,
                    message=message,
                )


async def _topic_level_configs(
    client: AIOKafkaAdminClient, names: list[str]
) -> dict[str, dict[str, str]]:
    """Per topic, the settings set on the topic itself (not defaults, not the broker's)."""
    described = await client.describe_configs(
        [ConfigResource(ConfigResourceType.TOPIC, name) for name in names]
    )
    found: dict[str, dict[str, str]] = {}
    for response in described:
        for _, _, _, name, entries in response.resources:
            found[name] = {
                entry[0]: entry[1]
                for entry in entries
                if entry[3] == DYNAMIC_TOPIC_CONFIG and not entry[4] and entry[1] is not None
            }
    return found


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
