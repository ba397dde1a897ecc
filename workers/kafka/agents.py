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
    app = stage_app.app
    spec = processor.spec
    source = stage_app.topics[spec.source]
    target = stage_app.topics[spec.target]
    dead = stage_app.topics[Topic.DEADLETTER]
    stage = spec.stage.value
    stats = StageStats(stage)

    async def process(stream: Any) -> None:
        async for event in stream.events():
            message = event.message
            headers = list(message.headers or ())
            result = runner.run(processor, message.value, settings.max_message_bytes)
            if isinstance(result, runner.Success):
                await target.send(key=result.key, value=result.value, headers=headers)
                for topic, value in result.side_outputs:
                    await stage_app.topics[topic].send(key=result.key, value=value)
                stats.count(message.topic, message.partition, message.offset, dead=False)
                log.debug(
                    "article_processed",
                    stage=stage,
                    id=result.event["id"],
                    partition=message.partition,
                    offset=message.offset,
                    ms=round(result.ms, 3),
                    timings=result.event["pipeline"]["stages"],
                    duplicate_of=result.event.get("duplicate_of"),
                )
                continue
            origin = Origin(
                message.topic,
                message.partition,
                message.offset,
                message.timestamp,
                message.key,
                message.value,
                headers,
            )
            record = result.dead_letter(stage, origin)
            dead_key = message.key or record["id"].encode("utf-8")
            await dead.send(key=dead_key, value=encode(record), headers=headers)
            stats.count(message.topic, message.partition, message.offset, dead=True)
            log.warning(
                "dead_lettered",
                stage=stage,
                id=record["id"],
                reason=result.reason,
                error=record["error"]["type"],
                message=record["error"]["message"][:300],
                topic=message.topic,
                partition=message.partition,
                offset=message.offset,
            )

    app.agent(source, name=f"khabar.{stage}")(process)

    async def report_stats() -> None:
        log.info("stage_stats", **stats.report(await _lag(app, source.get_topic_name(), stats)))
        health.beat(settings.health_file)

    app.timer(settings.stats_interval, name=f"khabar.{stage}.stats")(report_stats)

    async def on_assigned(sender: Any, assigned: Any, **_: Any) -> None:
        partitions = sorted(tp.partition for tp in assigned if tp.topic == source.get_topic_name())
        log.info(
            "partitions_assigned", stage=stage, topic=source.get_topic_name(), partitions=partitions
        )

    app.on_partitions_assigned.connect(on_assigned)  # type: ignore[arg-type]
    return stats


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
