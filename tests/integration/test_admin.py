"""Topics on a real broker: created with the configured partitions and policies, idempotently;
missing ones named."""

from __future__ import annotations

import asyncio

import pytest

from workers.kafka.admin import admin, ensure_topics, missing_topics
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
