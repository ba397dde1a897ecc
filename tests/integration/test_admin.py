"""Topics on a real broker: created with the configured partitions and policies, idempotently;
missing ones named."""

from __future__ import annotations

import asyncio
import dataclasses
import time

import pytest
from aiokafka.admin.config_resource import ConfigResource, ConfigResourceType

from workers.config import Settings
from workers.contract.fingerprints import RECORD_BYTES
from workers.kafka.admin import admin, ensure_topics, missing_topics, topic_configs
from workers.pipeline.table import Topic

pytestmark = pytest.mark.integration


def test_topics_are_created_once_with_their_partitions(settings):
    assert asyncio.run(missing_topics(settings)) == [settings.topic(t) for t in Topic]
    assert asyncio.run(ensure_topics(settings)) == [settings.topic(t) for t in Topic]
    assert asyncio.run(ensure_topics(settings)) == []  # already there: nothing created
    assert asyncio.run(missing_topics(settings)) == []

    async def partitions() -> dict[str, int]:
        async with admin(settings) as client:
            described = await client.describe_topics([settings.topic(t) for t in Topic])
        return {d["topic"]: len(d["partitions"]) for d in described}

    assert set(asyncio.run(partitions()).values()) == {settings.partitions}


async def fingerprints_config(settings: Settings, wait: float = 15) -> dict[str, str]:
    """The topic's settings, once the broker describes them (Apache Kafka takes a moment to
    know a topic just created)."""
    deadline = time.monotonic() + wait
    async with admin(settings) as client:
        topic = ConfigResource(ConfigResourceType.TOPIC, settings.topic(Topic.FINGERPRINTS))
        while True:
            (response,) = await client.describe_configs([topic])
            ((code, *_, entries),) = response.resources
            if code == 0 or time.monotonic() > deadline:
                return {name: value for name, value, *_ in entries}
            await asyncio.sleep(0.2)


def test_the_fingerprints_topic_keeps_the_duplicate_window_and_follows_it(settings, broker):
    """Compacted and deleted by size: what the near-duplicate index holds, and no more; a
    changed window changes the retention of the topic that exists (on a durable broker: the
    embedded one keeps topics in memory, and has no AlterConfigs)."""
    small = dataclasses.replace(settings, duplicate_window=6_000, partitions=6)
    asyncio.run(ensure_topics(small))
    config = asyncio.run(fingerprints_config(small))
    assert config["cleanup.policy"] == "compact,delete"
    # 6,000 articles / 6 partitions
    assert int(config["retention.bytes"]) == 1_000 * RECORD_BYTES * 2
    assert config["retention.ms"] == "-1"
    if broker is not None and broker.kind == "embedded broker":
        return
    asyncio.run(set_config(small, {**config_of(small), "max.message.bytes": "2000000"}))
    # A broker applies a config change a moment after it acknowledges it (KRaft's metadata log):
    # the operator's change is there before a worker starts, as it would be in practice.
    configured = asyncio.run(settled(small, "max.message.bytes", "2000000"))
    assert configured, "the operator's change reached the broker's answers"
    larger = dataclasses.replace(small, duplicate_window=60_000)
    asyncio.run(ensure_topics(larger))
    after = asyncio.run(settled(larger, "retention.bytes", str(10_000 * RECORD_BYTES * 2)))
    assert after and after["max.message.bytes"] == "2000000", "an operator's setting is kept"


async def settled(settings: Settings, key: str, value: str, wait: float = 10.0) -> dict[str, str]:
    """The fingerprints topic's configs once `key` reads `value` ({} if not within `wait` s)."""
    deadline = time.monotonic() + wait
    while time.monotonic() < deadline:
        config = await fingerprints_config(settings)
        if config.get(key) == value:
            return config
        await asyncio.sleep(0.2)
    return {}


def config_of(settings: Settings) -> dict[str, str]:
    return topic_configs(settings, Topic.FINGERPRINTS)


async def set_config(settings: Settings, configs: dict[str, str]) -> None:
    async with admin(settings) as client:
        topic = settings.topic(Topic.FINGERPRINTS)
        await client.alter_configs([ConfigResource(ConfigResourceType.TOPIC, topic, configs)])
