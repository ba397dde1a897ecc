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
import math
import time
from collections.abc import Awaitable, Callable, Sequence
from typing import Any

from aiokafka import AIOKafkaConsumer, AIOKafkaProducer, ConsumerRebalanceListener, TopicPartition
from aiokafka.client import AIOKafkaClient
from aiokafka.errors import (
    ConsumerStoppedError,
    IllegalOperation,
    KafkaError,
    ProducerFenced,
)
from mode import Service

from workers.config import Settings
from workers.kafka.agents import StageAgent
from workers.kafka.app import READ_AHEAD
from workers.kafka.offsets import UnstableOffsetCommitError, stable_committed
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
        self.fenced: dict[TopicPartition, float] = {}  # when a partition's producer was fenced
        self.batch = asyncio.Lock()  # a rebalance waits for the batch in flight
        self.stopping = False
        self.consumer: AIOKafkaConsumer
        self.client: AIOKafkaClient  # asks for committed offsets once stable

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
        self.client = AIOKafkaClient(
            bootstrap_servers=self.settings.bootstrap_servers, **self.settings.kafka_security()
        )
        await self.client.bootstrap()
        await self.agent.start()
        await self.consumer.start()
        self.consumer.subscribe([self.agent.source], listener=_Rebalance(self))
        for task in self.background:  # the fingerprints follower, beside the extract stage
            self.add_future(task())

    async def on_stop(self) -> None:
        """Stop after the batch in flight has committed, then leave the group (outside the lock:
        leaving may wait for a rebalance callback, which then returns at once)."""
        self.stopping = True
        async with self.batch:
            await self._close(list(self.producers))
        await self.consumer.stop()
        await self.client.close()

    @Service.task
    async def _consume(self) -> None:
        while not self.should_stop:
            try:
                batches = await self.consumer.getmany(timeout_ms=500, max_records=READ_AHEAD)
            except ConsumerStoppedError:  # stopping: on_stop has committed and left
                return
            for tp, messages in batches.items():
                async with self.batch:
                    if self.stopping or tp not in self.consumer.assignment():
                        continue  # fetched before a rebalance took the partition away
                    if time.monotonic() - self.fenced.get(tp, -math.inf) < self._fence_wait:
                        continue  # another worker may have it: our rebalance would follow
                    if tp not in self.producers:
                        await self._open(tp)  # after a failed batch: from the committed offset
                        continue
                    await self._commit(tp, messages)

    @property
    def _fence_wait(self) -> float:
        """How long a fenced partition is left alone: a session, time for the rebalance that
        moves it if another worker took it over; if none came (a transaction that timed out
        fences its producer too), it is opened again."""
        return self.settings.session_timeout

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
                messages, sends = await self._handle(tp, messages, producer)
                # Every output acknowledged, or the transaction aborts: a send that failed for
                # good would not stop the commit by itself.
                await asyncio.gather(*sends)
                next_offset = {tp: messages[-1].offset + 1}
                await producer.send_offsets_to_transaction(next_offset, self.group)
        except ProducerFenced:
            log.warning("producer_fenced", stage=self.agent.stage, partition=tp.partition)
            self.fenced[tp] = time.monotonic()
            await self._close([tp])
            return
        except (KafkaError, IllegalOperation) as exc:  # a new producer aborts the transaction
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

    async def _handle(
        self, tp: TopicPartition, messages: list[Any], producer: AIOKafkaProducer
    ) -> tuple[list[Any], list[Any]]:
        """The batch's messages handled and their outputs sent, until the batch has taken a
        session: slow articles (each up to the stage deadline) must not outlast the
        transaction. The rest is read again, in the next batch."""
        budget = time.monotonic() + self.settings.session_timeout
        sends = []
        async with contextlib.aclosing(self.agent.handle_each(messages)) as handled:
            done = 0
            async for outgoing in handled:
                done += 1
                for out in outgoing:
                    topic = self.topics[out.topic]
                    sends.append(
                        await producer.send(topic, out.value, key=out.key, headers=out.headers)
                    )
                if time.monotonic() > budget and done < len(messages):
                    self.consumer.seek(tp, messages[done - 1].offset + 1)
                    return messages[:done], sends
        return messages, sends

    async def take(self, assigned: set[TopicPartition]) -> None:
        """Open a producer per new partition; one that fails to open (broker gone) is opened
        again when the partition's next batch comes."""
        if self.stopping:
            return
        async with self.batch:
            for tp in assigned:
                self.fenced.pop(tp, None)
            # At once, not one after another: heartbeats wait for this callback.
            await asyncio.gather(*(self._open(tp) for tp in assigned - self.producers.keys()))
        self.agent.partitions_assigned(assigned)

    async def _open(self, tp: TopicPartition) -> None:
        """Start the partition's producer, which fences its previous owner and aborts its open
        transaction; then read on from the committed offset as it stands once that owner can no
        longer commit."""
        producer = AIOKafkaProducer(
            bootstrap_servers=self.settings.bootstrap_servers,
            transactional_id=f"{self.group}.{tp.topic}.{tp.partition}",
            transaction_timeout_ms=self._transaction_timeout_ms,
            max_request_size=2 * self.settings.max_message_bytes,
            **self.settings.kafka_security(),
        )
        try:
            await producer.start()
            committed = await self._committed(tp)
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
        else:  # nothing committed yet: from the start, as a new group reads
            await self.consumer.seek_to_beginning(tp)
        self.producers[tp] = producer
        self.next_offsets[tp] = committed or 0
        log.info(
            "partition_resumed", stage=self.agent.stage, partition=tp.partition, offset=committed
        )

    async def _committed(self, tp: TopicPartition) -> int | None:
        """The committed offset once no transaction is settling it. Offsets that stay pending
        past half a session belong to a transaction the broker will not finish (seen after a
        single broker was killed and restarted): then the offset committed before it, logged,
        as waiting longer would stall the partition and hold up the rebalance."""
        try:
            return await stable_committed(
                self.client, self.group, tp, timeout=self.settings.session_timeout / 2
            )
        except UnstableOffsetCommitError:
            committed: int | None = await self.consumer.committed(tp)
            log.warning(
                "offsets_unsettled",
                stage=self.agent.stage,
                partition=tp.partition,
                offset=committed,
            )
            return committed

    @property
    def _transaction_timeout_ms(self) -> int:
        """Three sessions, and at least a batch's budget (a session) plus two stage deadlines
        (the message in flight when the budget ran out, and its child's replacement), at least
        10 s, at most the brokers' default cap (15 min)."""
        settings = self.settings
        longest = max(
            3 * settings.session_timeout, settings.session_timeout + 2 * settings.stage_timeout
        )
        return min(max(int(longest * 1000), 10_000), 900_000)

    async def give_up(self, revoked: set[TopicPartition]) -> None:
        """Hand partitions back after the batch in flight has committed."""
        if self.stopping:
            return
        async with self.batch:
            await self._close(list(revoked & self.producers.keys()))
        self.agent.partitions_revoked(revoked)

    async def _close(self, partitions: list[TopicPartition]) -> None:
        for tp in partitions:
            self.next_offsets.pop(tp, None)
            producer = self.producers.pop(tp)
            try:
                await producer.stop()
            except (
                KafkaError,
                IllegalOperation,
            ) as exc:  # fenced or broker gone: its transaction aborts anyway
                log.info("producer_stop_failed", partition=tp.partition, error=repr(exc))


class _Rebalance(ConsumerRebalanceListener):  # type: ignore[misc]
    def __init__(self, stage: TransactionalStage) -> None:
        self.stage = stage

    async def on_partitions_revoked(self, revoked: set[TopicPartition]) -> None:
        await self.stage.give_up(set(revoked))

    async def on_partitions_assigned(self, assigned: set[TopicPartition]) -> None:
        await self.stage.take(set(assigned))
