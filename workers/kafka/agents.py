"""The agents: per stage, each message through `runner.run`, then its output or a dead letter
sent on. An agent only moves bytes between topics, keeps counters and logs.

`StageAgent` decides what a message becomes; who consumes and sends is the delivery mode's
business: a Faust agent here (at-least-once), a transaction per batch in `transactions.py`
(exactly-once).
"""

from __future__ import annotations

import contextlib
from collections.abc import AsyncGenerator, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from faust.sensors.prometheus import FaustMetrics, PrometheusMonitor

from workers.config import Settings
from workers.contract.deadletter import KEY_BYTES, Origin
from workers.contract.events import encode
from workers.kafka.app import StageApp
from workers.ops.logs import get_logger
from workers.ops.metrics import Metrics, StageStats
from workers.ops.probes import Vitals
from workers.pipeline import runner
from workers.pipeline.isolation import IsolatedStage
from workers.pipeline.processor import Processor
from workers.pipeline.table import Topic

log = get_logger("khabar.agent")

BATCH = 16  # messages a stage takes from its stream at once (acknowledged together; a
# rebalance waits for the batch in hand)
BATCH_WAIT = 0.01  # seconds it waits for a batch to fill before taking what has come


@dataclass(frozen=True)
class Observers:
    """What a worker process's agents report to: its Prometheus series, its probes' signs and
    (when it has them) the committed offsets of its stage groups."""

    metrics: Metrics
    vitals: Vitals
    committed: Mapping[str, Mapping[tuple[str, int], int]] = field(default_factory=dict)


@dataclass(frozen=True)
class Outgoing:
    """A message to send: to which of the deployment's topics, with its key, value, headers."""

    topic: Topic
    key: bytes | None
    value: bytes
    headers: list[tuple[str, bytes]]


def attach_stage(stage_app: StageApp, agent: StageAgent, settings: Settings) -> None:
    """Add the stage's Faust agent, its stats timer, its child's start, its rebalance log and
    Faust's Prometheus monitor to the stage's app."""
    app, topics = stage_app.app, stage_app.topics

    async def process(stream: Any) -> None:
        # Events in small batches, acknowledged once all their outputs are sent: within one,
        # the stage's child computes a message while this process finishes the one before.
        async for events in stream.take_events(BATCH, within=BATCH_WAIT):
            await send_batch(agent, topics, events)

    async def report_stats() -> None:
        await agent.report_stats(app.consumer)

    async def on_assigned(sender: Any, assigned: Any, **_: Any) -> None:
        agent.partitions_assigned(assigned)

    async def on_revoked(sender: Any, revoked: Any, **_: Any) -> None:
        agent.partitions_revoked(revoked)

    # Faust's own series (events in and out, send latency, rebalances, offsets) in the worker's
    # registry, named by stage: one app per stage, both in one process.
    faust_series = FaustMetrics.create(agent.metrics.registry, f"faust_{agent.stage}")
    app.monitor = PrometheusMonitor(metrics=faust_series)
    app.agent(topics[agent.processor.spec.source], name=f"khabar.{agent.stage}")(process)
    app.task(agent.start)
    app.timer(settings.stats_interval, name=f"khabar.{agent.stage}.stats")(report_stats)
    app.on_partitions_assigned.connect(on_assigned)  # type: ignore[arg-type]
    app.on_partitions_revoked.connect(on_revoked)  # type: ignore[arg-type]


async def send_batch(agent: StageAgent, topics: dict[Topic, Any], events: Sequence[Any]) -> None:
    """What a batch of events becomes, sent, in order. Faust's `take_events` acknowledges its
    whole batch however the batch ends: if this fails midway (a send that raises, a stop), the
    events not yet sent get one more reference, so they stay uncommitted and are read again
    after a restart (at least once)."""
    done = 0
    try:
        messages = [event.message for event in events]
        async with contextlib.aclosing(agent.handle_each(messages)) as handled:
            async for outgoing in handled:
                for out in outgoing:
                    await topics[out.topic].send(key=out.key, value=out.value, headers=out.headers)
                done += 1
    except BaseException:
        for event in events[done:]:
            event.message.incref()
        raise


class StageAgent:
    """What one stage does with each message, and what it reports. The stage's pure half runs
    in a child process under the stage deadline (`isolation.py`) unless KHABAR_STAGE_TIMEOUT
    is 0; its finishing steps run here, one message after another."""

    def __init__(self, processor: Processor, settings: Settings, observers: Observers) -> None:
        spec = processor.spec
        self.processor = processor
        self.settings = settings
        self.metrics, self.vitals = observers.metrics, observers.vitals
        self.committed = observers.committed
        self.isolated = (
            IsolatedStage(
                spec.stage,
                settings.stage_timeout,
                settings.min_words,
                settings.stage_max_messages,
            )
            if settings.isolated
            else None
        )
        self.stage = spec.stage.value
        self.source = settings.topic(spec.source)
        self.target = spec.target
        self.stats = StageStats(self.stage)
        self.held: set[int] = set()  # partitions, since the last assignment
        self.vitals.stage(self.stage)  # not ready before its first assignment

    async def start(self) -> None:
        """The stage's child process started, before the first message."""
        if self.isolated is not None:
            await self.isolated.start()

    def close(self) -> None:
        if self.isolated is not None:
            self.isolated.close()

    async def handle(self, message: Any) -> list[Outgoing]:
        """What one consumed message becomes: its output (and side outputs) or a dead letter;
        counted and logged here, sent by whoever consumed it."""
        async with contextlib.aclosing(self.handle_each([message])) as handled:
            async for outgoing in handled:
                return outgoing
        raise AssertionError("handle_each yields once per message")

    async def handle_each(self, messages: Sequence[Any]) -> AsyncGenerator[list[Outgoing], None]:
        """`handle` of each message in turn, yielded in order; the stage's child computes the
        next message while the caller sends what this one became."""
        limit = self.settings.max_input_bytes
        if self.isolated is None:
            for message in messages:
                yield self._finish(message, runner.compute(self.processor, message.value, limit))
            return
        values = [message.value for message in messages]
        async with contextlib.aclosing(self.isolated.compute_each(values, limit)) as results:
            index = 0
            async for computed in results:
                yield self._finish(messages[index], computed)
                index += 1

    def _finish(self, message: Any, computed: runner.Computed | runner.Failure) -> list[Outgoing]:
        headers = list(message.headers or ())
        settings = self.settings
        result = (
            computed
            if isinstance(computed, runner.Failure)
            else runner.complete(self.processor, computed, settings.max_message_bytes)
        )
        if isinstance(result, runner.Success):
            return self._processed(result, message, headers)
        return [self._dead_letter(result, message, headers)]

    def _processed(
        self, result: runner.Success, message: Any, headers: list[Any]
    ) -> list[Outgoing]:
        outgoing = [Outgoing(self.target, result.key, result.value, headers)]
        outgoing += [Outgoing(topic, result.key, value, []) for topic, value in result.side_outputs]
        self.stats.count(message.topic, message.partition, message.offset, dead=False)
        self.metrics.stage_done(self.stage, result.event["pipeline"]["stages"][self.stage])
        self.vitals.progressed(self.stage)
        log.debug(
            "article_processed",
            stage=self.stage,
            id=result.event["id"],
            partition=message.partition,
            offset=message.offset,
            ms=round(result.ms, 3),
            timings=result.event["pipeline"]["stages"],
            duplicate_of=result.event.get("duplicate_of"),
        )
        return outgoing

    def _dead_letter(self, result: runner.Failure, message: Any, headers: list[Any]) -> Outgoing:
        origin = Origin(
            message.topic,
            message.partition,
            message.offset,
            message.timestamp,
            message.key,
            message.value,
            headers,
        )
        record = result.dead_letter(self.stage, origin, self.settings.max_message_bytes)
        key = message.key or record["id"].encode("utf-8")
        if record["original"].get("truncated"):  # the message itself must fit too
            key, headers = key[:KEY_BYTES], []
        self.stats.count(message.topic, message.partition, message.offset, dead=True)
        self.metrics.dead_lettered.labels(self.stage, result.reason).inc()
        self.vitals.progressed(self.stage)
        log.warning(
            "dead_lettered",
            stage=self.stage,
            id=record["id"],
            reason=result.reason,
            error=record["error"]["type"],
            message=record["error"]["message"][:300],
            topic=message.topic,
            partition=message.partition,
            offset=message.offset,
        )
        return Outgoing(Topic.DEADLETTER, key, encode(record), headers)

    async def report_stats(self, consumer: Any) -> None:
        """The periodic stats line, and the lag and committed offsets of `consumer`'s partitions
        into the metrics and the probes' signs."""
        lags = await _lags(consumer, self.source, self.stats)
        lag = None if lags is None else sum(lags.values())
        committed = self.committed.get(self.settings.group(self.processor.spec.stage), {})
        for partition, waiting in (lags or {}).items():
            self.metrics.lag.labels(self.stage, str(partition)).set(waiting)
            if (self.source, partition) in committed:
                offset = committed[(self.source, partition)]
                self.metrics.committed.labels(self.stage, str(partition)).set(offset)
        self.vitals.lagging(self.stage, lag)
        log.info("stage_stats", **self.stats.report(lag))
        self.metrics.live.set(int(self.vitals.live()[0]))

    def partitions_assigned(self, assigned: Iterable[Any]) -> None:
        held = self._mine(assigned)
        released = sorted(self.held - set(held))
        self.held = set(held)
        self.metrics.partitions(self.stage, held, released)
        self.metrics.rebalances.labels(self.stage).inc()
        self.vitals.stage(self.stage).assigned = True
        log.info("partitions_assigned", stage=self.stage, topic=self.source, partitions=held)

    def partitions_revoked(self, revoked: Iterable[Any]) -> None:
        """A rebalance takes partitions away (a worker joined or left): what this one gives up,
        after committing what it has processed of them."""
        log.info(
            "partitions_revoked",
            stage=self.stage,
            topic=self.source,
            partitions=self._mine(revoked),
        )

    def _mine(self, partitions: Iterable[Any]) -> list[int]:
        return sorted(tp.partition for tp in partitions if tp.topic == self.source)


async def _lags(consumer: Any, topic: str, stats: StageStats) -> dict[int, int] | None:
    """Messages waiting on each of this worker's partitions: high-water mark minus the next
    offset (None while there is no assignment, or the consumer restarts).

    The high-water mark comes from fetch responses (`consumer.highwater`), which is right even on
    brokers whose ListOffsets answer is not.
    """
    try:
        lags = {}
        for tp in consumer.assignment():
            if tp.topic != topic:
                continue
            highwater = consumer.highwater(tp)
            if highwater is None:
                continue
            last = stats.last_offsets.get((tp.topic, tp.partition))
            position = last + 1 if last is not None else await consumer.position(tp)
            lags[tp.partition] = max(0, highwater - (position or 0))
        return lags
    except Exception:  # no assignment yet, consumer restarting
        return None
