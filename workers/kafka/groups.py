"""The stage groups as the broker has them: committed offsets (what `/metrics` reports per
partition beside the lag; a consumer's own idea of its position runs ahead of the commit), and
for `khabar status` each group's members, ends and lag."""

from __future__ import annotations

import dataclasses
import time
from dataclasses import dataclass
from typing import Any

import orjson
from aiokafka import AIOKafkaConsumer, TopicPartition
from aiokafka.admin import AIOKafkaAdminClient
from aiokafka.coordinator.protocol import ConsumerProtocolMemberAssignment
from aiokafka.errors import KafkaError
from mode import Service

from workers.config import Settings
from workers.kafka.admin import admin
from workers.pipeline.table import STAGES, Stage, Topic


async def committed_offsets(
    client: AIOKafkaAdminClient, group: str, topic: str, partitions: int
) -> dict[tuple[str, int], int]:
    """Per (topic, partition), the offset `group` has committed on `topic` (partitions with none
    left out). The partitions are named: the embedded broker's answer to "all of them" is one
    aiokafka cannot read."""
    asked = [TopicPartition(topic, partition) for partition in range(partitions)]
    answer = await client.list_consumer_group_offsets(group, partitions=asked)
    return {
        (tp.topic, tp.partition): meta.offset for tp, meta in answer.items() if meta.offset >= 0
    }


class CommittedOffsets(Service):
    """Reads the committed offsets of `stages`' groups on their source topics every `interval`
    seconds into `latest` (by group); a read that fails (the broker away) leaves the last one."""

    def __init__(
        self, settings: Settings, stages: list[Stage], interval: float, **kwargs: Any
    ) -> None:
        super().__init__(**kwargs)
        self.settings = settings
        self.sources = {settings.group(s): settings.topic(STAGES[s].source) for s in stages}
        self.interval = interval
        self.latest: dict[str, dict[tuple[str, int], int]] = {}

    @Service.task
    async def _read(self) -> None:
        while not self.should_stop:
            try:
                async with admin(self.settings) as client:
                    while not self.should_stop:
                        for group, topic in self.sources.items():
                            self.latest[group] = await committed_offsets(
                                client, group, topic, self.settings.partitions
                            )
                        await self.sleep(self.interval)
            except (KafkaError, OSError):  # the broker away: a new client after a while
                await self.sleep(self.interval)


@dataclass(frozen=True)
class PartitionStatus:
    partition: int
    committed: int | None  # None: the group has committed nothing there
    end: int | None  # the high-water mark (None: the broker did not say in time)

    @property
    def lag(self) -> int | None:
        return None if self.end is None else max(0, self.end - (self.committed or 0))


@dataclass(frozen=True)
class StageStatus:
    """A stage's consumer group as the broker has it: members and, per partition of its
    source topic, the committed offset, the end and the lag."""

    stage: str
    group: str
    topic: str
    state: str  # the group's state (Stable, Empty, PreparingRebalance, ...; unknown if unsaid)
    members: list[dict[str, Any]]  # client id, host, partitions
    partitions: list[PartitionStatus]
    dead_letters: int | None = None  # held on the dead-letter topic (None: not counted in time)

    @property
    def lag(self) -> int:
        return sum(p.lag or 0 for p in self.partitions)


async def stage_status(settings: Settings) -> tuple[list[StageStatus], int | None]:
    """Every stage's status with the dead letters it made, and all the dead letters held (the
    dead-letter topic's size)."""
    statuses = []
    async with admin(settings) as client:
        for stage, spec in STAGES.items():
            group, topic = settings.group(stage), settings.topic(spec.source)
            committed = await committed_offsets(client, group, topic, settings.partitions)
            state, members = await _members(client, group)
            ends = await end_offsets(settings, topic, committed)
            partitions = [
                PartitionStatus(p, committed.get((topic, p)), ends.get(p))
                for p in range(settings.partitions)
            ]
            statuses.append(StageStatus(stage.value, group, topic, state, members, partitions))
    dead_topic = settings.topic(Topic.DEADLETTER)
    dead = await end_offsets(settings, dead_topic, {})
    by_stage = await dead_letters_by_stage(settings, dead_topic, dead)
    if by_stage is not None:
        statuses = [dataclasses.replace(s, dead_letters=by_stage.get(s.stage, 0)) for s in statuses]
    return statuses, (sum(dead.values()) if dead else None)


async def dead_letters_by_stage(
    settings: Settings, topic: str, ends: dict[int, int], wait: float = 5.0
) -> dict[str, int] | None:
    """Per stage, the dead letters held: each record names its stage, so the topic is read to
    the `ends` it had (None if that takes longer than `wait` seconds: a topic grown large)."""
    counts: dict[str, int] = {}
    partitions = [TopicPartition(topic, p) for p, end in ends.items() if end > 0]
    if not partitions:  # none held
        return counts
    consumer = _reader(settings, "read_committed")
    await consumer.start()
    try:
        consumer.assign(partitions)
        await consumer.seek_to_beginning(*partitions)
        deadline = time.monotonic() + wait
        while time.monotonic() < deadline:
            for messages in (await consumer.getmany(timeout_ms=200)).values():
                for message in messages:
                    stage = _stage_of(message.value)
                    counts[stage] = counts.get(stage, 0) + 1
            positions = [await consumer.position(tp) for tp in partitions]
            if all(at >= ends[tp.partition] for at, tp in zip(positions, partitions, strict=True)):
                return counts
        return None
    finally:
        await consumer.stop()


async def _members(client: AIOKafkaAdminClient, group: str) -> tuple[str, list[dict[str, Any]]]:
    """The group's state and its members with their partitions (unknown on a broker whose
    answer aiokafka cannot read)."""
    try:
        (described,) = await client.describe_consumer_groups([group])
    except (KafkaError, OSError, ValueError):
        return "unknown", []
    group_fields = described.groups[0]  # error, id, state, protocol type, protocol, members
    state, members = group_fields[2], group_fields[5]
    found = []
    for member in members:  # member id, client id, host, (instance id,) metadata, assignment
        client_id, host, assignment = member[1], member[2], member[-1]
        partitions: list[int] = []
        if assignment:
            decoded = ConsumerProtocolMemberAssignment.decode(assignment)
            partitions = sorted(p for _, ps in decoded.assignment for p in ps)
        found.append({"client_id": client_id, "host": host, "partitions": partitions})
    return state, sorted(found, key=lambda m: m["partitions"])


async def end_offsets(
    settings: Settings, topic: str, committed: dict[tuple[str, int], int], wait: float = 3.0
) -> dict[int, int]:
    """Each partition's high-water mark, from fetch responses (ListOffsets is wrong on the
    embedded broker): a consumer outside any group reads from the committed offsets (or the
    start) until the broker has told every partition's end, or `wait` seconds."""
    consumer = _reader(settings, "read_uncommitted")
    await consumer.start()
    try:
        partitions = [TopicPartition(topic, p) for p in range(settings.partitions)]
        consumer.assign(partitions)
        for tp in partitions:
            consumer.seek(tp, committed.get((topic, tp.partition), 0))
        deadline = time.monotonic() + wait
        while time.monotonic() < deadline:
            await consumer.getmany(timeout_ms=200, max_records=1)
            ends = {tp.partition: consumer.highwater(tp) for tp in partitions}
            if all(end is not None for end in ends.values()):
                break
        return {p: end for p, end in ends.items() if end is not None}
    finally:
        await consumer.stop()


def _reader(settings: Settings, isolation: str) -> AIOKafkaConsumer:
    """A consumer outside any group, committing nothing: it reads, it does not consume."""
    return AIOKafkaConsumer(
        bootstrap_servers=settings.bootstrap_servers,
        group_id=None,
        enable_auto_commit=False,
        isolation_level=isolation,
        **settings.kafka_security(),
    )


def _stage_of(value: bytes | None) -> str:
    """The stage a dead-letter record names ('?' for a record that is not one)."""
    try:
        record = orjson.loads(value or b"")
    except orjson.JSONDecodeError:
        return "?"
    return str(record.get("stage", "?")) if isinstance(record, dict) else "?"
