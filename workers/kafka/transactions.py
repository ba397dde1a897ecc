"""Exactly-once delivery: consume-transform-produce in Kafka transactions (Apache Kafka).

Per input partition, one transactional producer, whose id names the group, topic and partition:
a batch read from that partition, what it becomes (outputs, side outputs, dead letters) and the
offset after it commit together in one transaction, or not at all. A worker that takes a
partition over starts that partition's producer, which fences the previous owner (a crashed
worker or one that stalled past its session) and aborts its open transaction; the new owner
then reads the committed offset again, so nothing is skipped and nothing committed twice.
Consumers downstream read with `read_committed`.

Faust's own exactly-once mode is not used: it logs and carries on when a transaction fails
(faust-streaming #177, #517), which showed here as duplicates after crashes.
"""

from __future__ import annotations

import asyncio
import contextlib
from collections.abc import Awaitable, Callable, Sequence
from typing import Any

from aiokafka import AIOKafkaConsumer, AIOKafkaProducer, ConsumerRebalanceListener, TopicPartition
from aiokafka.errors import ConsumerStoppedError, KafkaError, ProducerFenced
from mode import Service

from workers.config import Settings
from workers.kafka.agents import StageAgent
from workers.ops.logs import get_logger
from workers.pipeline.table import Stage, Topic

log = get_logger("khabar.transactions")


class TransactionalStage(Service):
    """One stage's consumer in its group, with a transactional producer per partition it owns."""

    def __init__(
        self,
        agent: StageAgent,
        settings: Settings,
        stage: Stage,
        *,
        background: Sequence[Callable[[], Awaitable[None]]] = (),
        **kwargs: Any,
    ) -> None:
        super().__init__(**kwargs)
        self.agent = agent
        self.background = background
        self.settings = settings
        self.group = settings.group(stage)
        self.topics = {topic: settings.topic(topic) for topic in Topic}
        self.producers: dict[TopicPartition, AIOKafkaProducer] = {}
        self.next_offsets: dict[TopicPartition, int] = {}  # per partition, the first not committed
        self.fenced: set[TopicPartition] = set()  # taken over by another worker
        self.batch = asyncio.Lock()  # a rebalance waits for the batch in flight
        self.consumer: AIOKafkaConsumer

    async def on_start(self) -> None:
        session_ms = int(self.settings.session_timeout * 1000)
        self.consumer = AIOKafkaConsumer(
            bootstrap_servers=self.settings.bootstrap_servers,
            group_id=self.group,
            isolation_level="read_committed",
            enable_auto_commit=False,
            auto_offset_reset="earliest",
            session_timeout_ms=session_ms,
            heartbeat_interval_ms=max(session_ms // 10, 500),
            rebalance_timeout_ms=session_ms,
            **self.settings.kafka_security(),
        )
        await self.consumer.start()
        self.consumer.subscribe([self.agent.source], listener=_Rebalance(self))
        for task in self.background:  # the fingerprints follower, beside the extract stage
            self.add_future(task())

    async def on_stop(self) -> None:
        """Stop after the batch in flight has committed; leave the group."""
        async with self.batch:
            await self._close(list(self.producers))
            await self.consumer.stop()

    @Service.task
    async def _consume(self) -> None:
        while not self.should_stop:
            try:
                batches = await self.consumer.getmany(timeout_ms=500, max_records=200)
            except ConsumerStoppedError:  # stopping: on_stop has committed and left
                return
            for tp, messages in batches.items():
                async with self.batch:
                    if self.should_stop or tp not in self.consumer.assignment():
                        continue  # fetched before a rebalance took the partition away
                    if tp in self.fenced:
                        continue  # another worker has it; our rebalance is on its way
                    if tp not in self.producers:
                        await self._open(tp)  # after a failed batch: from the committed offset
                        continue
                    await self._commit(tp, messages)

    @Service.task
    async def _report(self) -> None:
        while not self.should_stop:
            await self.sleep(self.settings.stats_interval)
            await self.agent.report_stats(self.consumer)

    async def _commit(self, tp: TopicPartition, messages: list[Any]) -> None:
        """One batch of one partition: its outputs and its next offset, in one transaction.
        Records before the partition's next offset are dropped: the consumer can hand a batch
        over twice when it is repositioned during a rebalance."""
        messages = [m for m in messages if m.offset >= self.next_offsets.get(tp, 0)]
        if not messages:
            return
        producer = self.producers[tp]
        try:
            async with producer.transaction():
                for message in messages:
                    for out in self.agent.handle(message):
                        await producer.send(
                            self.topics[out.topic], out.value, key=out.key, headers=out.headers
                        )
                next_offset = {tp: messages[-1].offset + 1}
                await producer.send_offsets_to_transaction(next_offset, self.group)
        except ProducerFenced:
            log.warning("producer_fenced", stage=self.agent.stage, partition=tp.partition)
            self.fenced.add(tp)
            await self._close([tp])
            return
        except KafkaError as exc:  # the producer starts anew: its open transaction aborts
            log.warning(
                "transaction_aborted",
                stage=self.agent.stage,
                partition=tp.partition,
                offsets=[messages[0].offset, messages[-1].offset],
                error=repr(exc),
            )
            await self._close([tp])
            return
        self.next_offsets[tp] = messages[-1].offset + 1
        log.debug(
            "transaction_committed",
            stage=self.agent.stage,
            partition=tp.partition,
            offsets=[messages[0].offset, messages[-1].offset],
        )

    async def take(self, assigned: set[TopicPartition]) -> None:
        """Open a producer per new partition; one that fails to open (broker gone) is opened
        again when the partition's next batch comes."""
        async with self.batch:
            self.fenced -= assigned
            for tp in sorted(assigned - self.producers.keys()):
                await self._open(tp)
        self.agent.partitions_assigned(assigned)

    async def _open(self, tp: TopicPartition) -> None:
        """Start the partition's producer, which fences its previous owner and aborts its open
        transaction; then read on from the committed offset as it stands once that owner can no
        longer commit."""
        producer = AIOKafkaProducer(
            bootstrap_servers=self.settings.bootstrap_servers,
            transactional_id=f"{self.group}.{tp.topic}.{tp.partition}",
            transaction_timeout_ms=max(int(self.settings.session_timeout * 3000), 10_000),
            max_request_size=2 * self.settings.max_message_bytes,
            **self.settings.kafka_security(),
        )
        try:
            await producer.start()
            committed = await self.consumer.committed(tp)
        except KafkaError as exc:
            log.warning("producer_start_failed", partition=tp.partition, error=repr(exc))
            with contextlib.suppress(KafkaError):
                await producer.stop()
            return
        if tp not in self.consumer.assignment():  # a rebalance took it meanwhile
            await producer.stop()
            return
        if committed is not None:
            self.consumer.seek(tp, committed)
        self.producers[tp] = producer
        self.next_offsets[tp] = committed or 0
        log.info(
            "partition_resumed", stage=self.agent.stage, partition=tp.partition, offset=committed
        )

    async def give_up(self, revoked: set[TopicPartition]) -> None:
        """Hand partitions back after the batch in flight has committed."""
        async with self.batch:
            await self._close(list(revoked & self.producers.keys()))
        self.agent.partitions_revoked(revoked)

    async def _close(self, partitions: list[TopicPartition]) -> None:
        for tp in partitions:
            self.next_offsets.pop(tp, None)
            producer = self.producers.pop(tp)
            try:
                await producer.stop()
            except KafkaError as exc:  # fenced or broker gone: its transaction aborts anyway
                log.info("producer_stop_failed", partition=tp.partition, error=repr(exc))


class _Rebalance(ConsumerRebalanceListener):  # type: ignore[misc]
    def __init__(self, stage: TransactionalStage) -> None:
        self.stage = stage

    async def on_partitions_revoked(self, revoked: set[TopicPartition]) -> None:
        await self.stage.give_up(set(revoked))

    async def on_partitions_assigned(self, assigned: set[TopicPartition]) -> None:
        await self.stage.take(set(assigned))
