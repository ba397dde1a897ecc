"""The agents: per stage, each message through `runner.run`, then its output or a dead letter
sent on. An agent only moves bytes between topics, keeps counters and logs."""

from __future__ import annotations

from typing import Any

from workers.config import Settings
from workers.contract.deadletter import Origin
from workers.contract.events import encode
from workers.kafka.app import StageApp
from workers.ops import health
from workers.ops.logs import get_logger
from workers.ops.metrics import StageStats
from workers.pipeline import runner
from workers.pipeline.build import Processor
from workers.pipeline.table import Topic

log = get_logger("khabar.agent")


def attach_stage(stage_app: StageApp, processor: Processor, settings: Settings) -> StageStats:
    """Add the stage's agent, its stats timer and its rebalance log to the stage's app."""
    agent = StageAgent(stage_app, processor, settings)
    app, stage = stage_app.app, agent.stage
    app.agent(agent.source, name=f"khabar.{stage}")(agent.process)
    app.timer(settings.stats_interval, name=f"khabar.{stage}.stats")(agent.report_stats)
    app.on_partitions_assigned.connect(agent.on_assigned)  # type: ignore[arg-type]
    app.on_partitions_revoked.connect(agent.on_revoked)  # type: ignore[arg-type]
    return agent.stats


class StageAgent:
    """What one stage's agent does with each message, and what it reports."""

    def __init__(self, stage_app: StageApp, processor: Processor, settings: Settings) -> None:
        spec = processor.spec
        self.app = stage_app.app
        self.topics = stage_app.topics
        self.processor = processor
        self.settings = settings
        self.stage = spec.stage.value
        self.source = stage_app.topics[spec.source]
        self.target = stage_app.topics[spec.target]
        self.stats = StageStats(self.stage)

    async def process(self, stream: Any) -> None:
        async for event in stream.events():
            message = event.message
            headers = list(message.headers or ())
            result = runner.run(self.processor, message.value, self.settings.max_message_bytes)
            if isinstance(result, runner.Success):
                await self._send(result, message, headers)
            else:
                await self._dead_letter(result, message, headers)

    async def _send(self, result: runner.Success, message: Any, headers: list[Any]) -> None:
        await self.target.send(key=result.key, value=result.value, headers=headers)
        for topic, value in result.side_outputs:
            await self.topics[topic].send(key=result.key, value=value)
        self.stats.count(message.topic, message.partition, message.offset, dead=False)
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

    async def _dead_letter(self, result: runner.Failure, message: Any, headers: list[Any]) -> None:
        origin = Origin(
            message.topic,
            message.partition,
            message.offset,
            message.timestamp,
            message.key,
            message.value,
            headers,
        )
        record = result.dead_letter(self.stage, origin)
        key = message.key or record["id"].encode("utf-8")
        await self.topics[Topic.DEADLETTER].send(key=key, value=encode(record), headers=headers)
        self.stats.count(message.topic, message.partition, message.offset, dead=True)
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

    async def report_stats(self) -> None:
        lag = await _lag(self.app, self.source.get_topic_name(), self.stats)
        log.info("stage_stats", **self.stats.report(lag))
        health.beat(self.settings.health_file)

    async def on_assigned(self, sender: Any, assigned: Any, **_: Any) -> None:
        topic, mine = self._source_partitions(assigned)
        log.info("partitions_assigned", stage=self.stage, topic=topic, partitions=mine)

    async def on_revoked(self, sender: Any, revoked: Any, **_: Any) -> None:
        """A rebalance takes partitions away (a worker joined or left): what this one gives up,
        after committing what it has processed of them."""
        topic, mine = self._source_partitions(revoked)
        log.info("partitions_revoked", stage=self.stage, topic=topic, partitions=mine)

    def _source_partitions(self, partitions: Any) -> tuple[str, list[int]]:
        topic = self.source.get_topic_name()
        return topic, sorted(tp.partition for tp in partitions if tp.topic == topic)


async def _lag(app: Any, topic: str, stats: StageStats) -> int | None:
    """Messages waiting on this worker's partitions: high-water mark minus the next offset.

    The high-water mark comes from fetch responses (`consumer.highwater`), which is right even on
    brokers whose ListOffsets answer is not.
    """
    try:
        consumer = app.consumer
        total = 0
        for tp in consumer.assignment():
            if tp.topic != topic:
                continue
            highwater = consumer.highwater(tp)
            if highwater is None:
                continue
            last = stats.last_offsets.get((tp.topic, tp.partition))
            position = last + 1 if last is not None else await consumer.position(tp)
            total += max(0, highwater - (position or 0))
        return total
    except Exception:  # no assignment yet, consumer restarting
        return None
