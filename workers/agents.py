"""The agents: per stage, decode -> validate -> stage -> encode -> send; failures -> dead letter.

All of that but the sending is `runner.run`, shared with batch mode; an agent only moves bytes
between topics, keeps counters and logs.
"""

from __future__ import annotations

from typing import Any

from workers import deadletter, health, runner
from workers.app import StageApp
from workers.events import encode
from workers.logs import StageStats, get_logger
from workers.settings import Settings

log = get_logger("khabar.agent")


def attach_stage(stage_app: StageApp, spec: runner.StageSpec, settings: Settings) -> StageStats:
    """Add the stage's agent, its stats timer and its rebalance log to the stage's app."""
    app = stage_app.app
    source = stage_app.topics[spec.source]
    target = stage_app.topics[spec.target]
    dead = stage_app.topics["deadletter"]
    stats = StageStats(spec.name)

    async def process(stream: Any) -> None:
        async for event in stream.events():
            message = event.message
            headers = list(message.headers or ())
            result = runner.run(spec, message.value, settings.max_message_bytes)
            if isinstance(result, runner.Success):
                await target.send(key=result.key, value=result.value, headers=headers)
                for alias, build in spec.side_outputs:
                    await stage_app.topics[alias].send(key=result.key, value=build(result.event))
                stats.count(message.topic, message.partition, message.offset, dead=False)
                log.debug(
                    "article_processed",
                    stage=spec.name,
                    id=result.event["id"],
                    partition=message.partition,
                    offset=message.offset,
                    ms=round(result.ms, 3),
                    timings=result.event["pipeline"]["stages"],
                    duplicate_of=result.event.get("duplicate_of"),
                )
            else:
                record = deadletter.record(
                    stage=spec.name,
                    reason=result.reason,
                    error=result.error,
                    article_id=result.article_id,
                    key=message.key,
                    value=message.value,
                    headers=headers,
                    topic=message.topic,
                    partition=message.partition,
                    offset=message.offset,
                    timestamp=message.timestamp,
                )
                dead_key = message.key or record["id"].encode("utf-8")
                await dead.send(key=dead_key, value=encode(record), headers=headers)
                stats.count(message.topic, message.partition, message.offset, dead=True)
                log.warning(
                    "dead_lettered",
                    stage=spec.name,
                    id=record["id"],
                    reason=result.reason,
                    error=record["error"]["type"],
                    message=record["error"]["message"][:300],
                    topic=message.topic,
                    partition=message.partition,
                    offset=message.offset,
                )

    app.agent(source, name=f"khabar.{spec.name}")(process)

    async def report_stats() -> None:
        log.info("stage_stats", **stats.report(await _lag(app, source.get_topic_name(), stats)))
        health.beat(settings.health_file)

    app.timer(settings.stats_interval, name=f"khabar.{spec.name}.stats")(report_stats)

    async def on_assigned(sender: Any, assigned: Any, **_: Any) -> None:
        partitions = sorted(tp.partition for tp in assigned if tp.topic == source.get_topic_name())
        log.info(
            "partitions_assigned",
            stage=spec.name,
            topic=source.get_topic_name(),
            partitions=partitions,
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
