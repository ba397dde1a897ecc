"""A partition's committed offset once no transaction is still settling it (KIP-447).

aiokafka asks with OffsetFetch v3, which has no `require_stable`: right after a transaction
commits, Apache Kafka can still answer with the offset from before it, and a worker taking the
partition over would process the batch again (seen here after a broker restart). OffsetFetch v7
with `require_stable` answers UNSTABLE_OFFSET_COMMIT while a transaction's offsets are pending;
that answer is asked again.
"""

from __future__ import annotations

import asyncio
import time
from typing import ClassVar

from aiokafka.client import AIOKafkaClient, ConnectionGroup, CoordinationType
from aiokafka.errors import KafkaError, for_code
from aiokafka.protocol.api import Request, RequestStruct, Response
from aiokafka.protocol.types import (
    Boolean,
    CompactArray,
    CompactString,
    Int16,
    Int32,
    Int64,
    Schema,
    TaggedFields,
)
from aiokafka.structs import TopicPartition

OFFSET_FETCH = 9
RETRY_S = 0.1


class UnstableOffsetCommitError(KafkaError):  # type: ignore[misc]
    """Offsets pending in a transaction not yet settled (not among aiokafka's errors)."""

    errno = 88
    retriable = True


class OffsetFetchResponseV7(Response):  # type: ignore[misc]
    API_KEY = OFFSET_FETCH
    API_VERSION = 7
    SCHEMA = Schema(
        ("throttle_time_ms", Int32),
        (
            "topics",
            CompactArray(
                ("name", CompactString("utf-8")),
                (
                    "partitions",
                    CompactArray(
                        ("partition_index", Int32),
                        ("committed_offset", Int64),
                        ("committed_leader_epoch", Int32),
                        ("metadata", CompactString("utf-8")),
                        ("error_code", Int16),
                        ("tags", TaggedFields),
                    ),
                ),
                ("tags", TaggedFields),
            ),
        ),
        ("error_code", Int16),
        ("tags", TaggedFields),
    )


class OffsetFetchRequestV7(RequestStruct):  # type: ignore[misc]
    API_KEY = OFFSET_FETCH
    API_VERSION = 7
    FLEXIBLE_VERSION = True
    RESPONSE_TYPE = OffsetFetchResponseV7
    SCHEMA = Schema(
        ("group_id", CompactString("utf-8")),
        (
            "topics",
            CompactArray(
                ("name", CompactString("utf-8")),
                ("partition_indexes", CompactArray(Int32)),
                ("tags", TaggedFields),
            ),
        ),
        ("require_stable", Boolean),
        ("tags", TaggedFields),
    )


class StableOffsetFetch(Request[OffsetFetchRequestV7]):  # type: ignore[misc]
    API_KEY: ClassVar[int] = OFFSET_FETCH

    def __init__(self, group: str, tp: TopicPartition) -> None:
        self.group = group
        self.tp = tp

    def build(self, request_struct_class: type[OffsetFetchRequestV7]) -> OffsetFetchRequestV7:
        topics: list[object] = [(self.tp.topic, [self.tp.partition], {})]
        return request_struct_class(self.group, topics, True, {})


async def stable_committed(
    client: AIOKafkaClient, group: str, tp: TopicPartition, timeout: float
) -> int | None:
    """The group's committed offset of `tp` (None if none), once stable. An answer that settles
    by itself is asked again for up to `timeout` seconds, then raised: UnstableOffsetCommitError
    while a transaction's offsets stay pending, or the coordinator's error while it is away."""
    deadline = time.monotonic() + timeout
    while True:
        try:
            return await _fetch(client, group, tp)
        except KafkaError as exc:
            if not exc.retriable or time.monotonic() > deadline:
                raise
        await asyncio.sleep(RETRY_S)


async def _fetch(client: AIOKafkaClient, group: str, tp: TopicPartition) -> int | None:
    node = await client.coordinator_lookup(CoordinationType.GROUP, group)
    response = await client.send(
        node, StableOffsetFetch(group, tp), group=ConnectionGroup.COORDINATION
    )
    offset, code = -1, response.error_code  # a group's error comes without its partitions
    if not code:
        ((_, partitions, _),) = response.topics
        ((_, offset, _, _, code, _),) = partitions
    if code == UnstableOffsetCommitError.errno:
        raise UnstableOffsetCommitError
    if code:
        raise for_code(code)()
    return int(offset) if offset >= 0 else None
