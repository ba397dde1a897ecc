"""The stage groups' committed offsets, as the broker has them: what `/metrics` reports per
partition beside the lag (a consumer's own idea of its position runs ahead of the commit)."""

from __future__ import annotations

from typing import Any

from aiokafka import TopicPartition
from aiokafka.admin import AIOKafkaAdminClient
from aiokafka.errors import KafkaError
from mode import Service

from workers.config import Settings
from workers.kafka.admin import admin
from workers.pipeline.table import STAGES, Stage


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
