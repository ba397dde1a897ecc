"""Committed offsets read once stable, on Apache Kafka (the embedded broker has no transactions):
never the offset from before a transaction that is still settling."""

from __future__ import annotations

import asyncio

import pytest
from aiokafka import AIOKafkaProducer, TopicPartition
from aiokafka.client import AIOKafkaClient

from workers.kafka.admin import ensure_topics, idempotence_refused
from workers.kafka.offsets import UnstableOffsetCommitError, stable_committed
from workers.pipeline.table import Topic

pytestmark = pytest.mark.integration


def test_a_committed_offset_is_read_only_once_its_transaction_has_settled(settings):
    if asyncio.run(idempotence_refused(settings)):
        pytest.skip("transactions need Apache Kafka")
    asyncio.run(ensure_topics(settings))
    tp = TopicPartition(settings.topic(Topic.RAW), 0)
    group = f"{settings.app_id}-offsets"

    async def scenario() -> tuple[int | None, str, int | None, int | None]:
        client = AIOKafkaClient(bootstrap_servers=settings.bootstrap_servers)
        producer = AIOKafkaProducer(
            bootstrap_servers=settings.bootstrap_servers, transactional_id=f"{group}.0"
        )
        await client.bootstrap()
        await producer.start()
        try:
            nothing = await stable_committed(client, group, tp, timeout=10)
            await producer.begin_transaction()
            await producer.send_offsets_to_transaction({tp: 5}, group)
            try:  # pending in an open transaction: not an answer yet
                await stable_committed(client, group, tp, timeout=1)
                pending = "answered"
            except UnstableOffsetCommitError:
                pending = "waited"
            await producer.commit_transaction()
            at_once = await stable_committed(client, group, tp, timeout=10)
            await producer.begin_transaction()
            await producer.send_offsets_to_transaction({tp: 9}, group)
            await producer.abort_transaction()
            after_abort = await stable_committed(client, group, tp, timeout=10)
            return nothing, pending, at_once, after_abort
        finally:
            await producer.stop()
            await client.close()

    assert asyncio.run(scenario()) == (None, "waited", 5, 5)
