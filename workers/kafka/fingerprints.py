"""Where the stages' memory lives: the compacted topic `articles.fingerprints`.

Each extract worker publishes the MinHash signature of every article it enriches, with its
source and the keys of its short lines, keyed by the article id (`contract/fingerprints.py`).
Every worker holds the memory of all of them (`processor.Memory`): extract workers the LSH
index, cleanup workers the sources' recurring lines. At start a worker reads the topic from the
beginning to its end, then follows it, so it also learns what the other workers saw. This is
used instead of a Faust table, and is why it survives restarts and rebalances on any broker.
Faust's table recovery trusts the end offsets from ListOffsets, which the embedded broker
under-reports; it then under-reads or raises ConsistencyError. A per-partition table would also
only see articles of the same partition, while a duplicate can land on any partition. The end of
the topic here is the high-water mark from fetch responses, which every broker reports
correctly. Articles processed at the same moment on two workers may miss each other until the
follower catches up (well under a second): a short window, logged in the stats, never a reset.
"""

from __future__ import annotations

import asyncio
import dataclasses
import time
from typing import Any, NamedTuple

import numpy as np
import orjson
from aiokafka import AIOKafkaConsumer

from workers.config import Settings
from workers.ops.logs import get_logger
from workers.ops.metrics import Metrics
from workers.ops.processes import return_free_memory
from workers.pipeline.processor import Memory
from workers.pipeline.table import Topic
from workers.stages.dedup.index import LshIndex, compact
from workers.stages.dedup.lines import RecurringRules, SourceLines
from workers.stages.dedup.lines import from_hex as lines_from_hex
from workers.stages.dedup.minhash import PERMUTATIONS, from_hex

log = get_logger("khabar.fingerprints")
_NO_SIGNATURE = np.empty(0, dtype=np.uint16)  # what a cleanup worker keeps of a record's MinHash


class Fingerprint(NamedTuple):
    """What the memory needs of a record (the rest of it is dropped as it is read)."""

    at: str
    id: str
    signature: np.ndarray  # compact (`index.compact`)
    duplicate_of: str | None
    source: str | None
    lines: bytes  # keys of the article's short lines, packed (`dedup/lines.py`)


class Columns:
    """The records a start-up reads, column by column, until they go into the memory in the
    order they were made: a window's 200,000 records as a few arrays and the ids (which the
    index keeps), not 200,000 small objects that leave the heap in holes when they go. A source
    is a number in a table of the sources seen; line keys are rows of bytes."""

    def __init__(self) -> None:
        self.ids: list[str] = []
        self.duplicates: list[str | None] = []
        self.ats: list[np.ndarray] = []  # a chunk per batch read
        self.signatures: list[np.ndarray] = []
        self.sources: list[np.ndarray] = []  # int32 codes into source_names, -1 for none
        self.source_names: dict[str, int] = {}
        self.lines: list[np.ndarray] = []  # uint8 rows, zero-padded
        self.line_sizes: list[np.ndarray] = []

    def extend(self, batch: list[Fingerprint]) -> None:
        if not batch:
            return
        self.ids += [item.id for item in batch]
        self.duplicates += [item.duplicate_of for item in batch]
        self.ats.append(np.array([item.at for item in batch], dtype=np.str_))
        self.signatures.append(np.array([item.signature for item in batch], dtype=np.uint16))
        names = self.source_names
        codes = [names.setdefault(i.source, len(names)) if i.source else -1 for i in batch]
        self.sources.append(np.array(codes, dtype=np.int32))
        width = max(len(item.lines) for item in batch)
        rows = np.zeros((len(batch), width), dtype=np.uint8)
        for row, item in zip(rows, batch, strict=True):
            row[: len(item.lines)] = np.frombuffer(item.lines, dtype=np.uint8)
        self.lines.append(rows)
        self.line_sizes.append(np.array([len(item.lines) for item in batch], dtype=np.int32))

    def newest_first_made(self, capacity: int) -> tuple[np.ndarray, np.ndarray]:
        """The positions of the newest `capacity` records, in the order they were made, and
        every record's signature by position."""
        if not self.ids:
            return np.empty(0, dtype=np.int64), np.empty((0, PERMUTATIONS), dtype=np.uint16)
        order = np.argsort(np.concatenate(self.ats), kind="stable")[-capacity:]
        self.ats.clear()
        return order, np.concatenate(self.signatures)

    def sources_and_lines(self, positions: list[int]) -> list[tuple[str | None, bytes]]:
        """Each record's source and packed line keys, by position."""
        if not positions:
            return []
        width = max(rows.shape[1] for rows in self.lines)
        rows = np.concatenate([np.pad(r, ((0, 0), (0, width - r.shape[1]))) for r in self.lines])
        sizes, codes = np.concatenate(self.line_sizes), np.concatenate(self.sources)
        names = list(self.source_names)
        return [
            (names[codes[at]] if codes[at] >= 0 else None, rows[at, : sizes[at]].tobytes())
            for at in positions
        ]


class FingerprintStore:
    """The memory (near-duplicate index and sources' recurring lines), loaded from and kept up
    to date with the fingerprints topic."""

    def __init__(
        self,
        settings: Settings,
        metrics: Metrics | None = None,
        with_index: bool = True,
        with_lines: bool = True,
    ) -> None:
        """What to hold: the near-duplicate index (`with_index`: a worker with the extract
        stage; else no signature is read) and the sources' recurring lines (`with_lines`: a
        worker with the cleanup stage; else none is kept)."""
        self.settings = settings
        self.metrics = metrics
        self.with_index = with_index
        self.with_lines = with_lines
        self.topic = settings.topic(Topic.FINGERPRINTS)
        capacity = settings.duplicate_window if with_index else 1
        rules = RecurringRules.load()
        lines = SourceLines(rules if with_lines else dataclasses.replace(rules, sources=0))
        self.memory = Memory(LshIndex(capacity=capacity), lines)
        self.index = self.memory.index
        self.positions: dict[int, int] = {}

    def _consumer(self) -> AIOKafkaConsumer:
        """A consumer of every partition of the topic, outside any group; committed records
        only (with exactly-once, a fingerprint counts once its article's transaction has)."""
        return AIOKafkaConsumer(
            self.topic,
            bootstrap_servers=self.settings.bootstrap_servers,
            group_id=None,
            isolation_level="read_committed",
            enable_auto_commit=False,
            auto_offset_reset="earliest",
            **self.settings.kafka_security(),
        )

    def _read(self, value: bytes | None) -> Fingerprint | None:
        try:
            item: dict[str, Any] = orjson.loads(value or b"")
            source, lines = (item.get("source"), item.get("lines")) if self.with_lines else ("", "")
            return Fingerprint(
                str(item.get("at", "")),
                str(item["id"]),
                compact(from_hex(item["minhash"])) if self.with_index else _NO_SIGNATURE,
                item.get("duplicate_of"),
                source if isinstance(source, str) else None,
                lines_from_hex(lines) if isinstance(lines, str) else b"",
            )
        except (orjson.JSONDecodeError, KeyError, TypeError, ValueError):
            log.warning("fingerprint_unreadable", topic=self.topic)
            return None

    def _apply(self, columns: Columns) -> None:
        """Add records to the index in the order they were made (partitions interleave); of a
        topic longer than the index, only the newest it can hold."""
        lines = self.memory.lines
        held = max(self.index.capacity if self.with_index else 0, lines.capacity)
        order, signatures = columns.newest_first_made(held)
        newest = order.tolist()
        if self.with_index:
            for at in newest[-self.index.capacity :]:
                self.index.add(columns.ids[at], signatures[at], columns.duplicates[at])
        latest = newest[-lines.capacity :] if lines.capacity else []
        for at, (source, packed) in zip(latest, columns.sources_and_lines(latest), strict=True):
            lines.remember(columns.ids[at], source, packed, columns.duplicates[at] is not None)
        if self.metrics is not None:
            self.metrics.index_articles.set(len(self.index))
            self.metrics.recurring_stories.set(len(self.memory.lines))

    async def _partitions(self, consumer: AIOKafkaConsumer, wait: float = 30.0) -> list[Any]:
        """The topic's partitions, assigned to the consumer. A topic just created can take a
        moment to reach a broker's metadata (Apache Kafka): wait up to `wait` seconds."""
        deadline = time.monotonic() + wait
        while not (assigned := consumer.assignment()):
            if time.monotonic() > deadline:
                log.warning("fingerprints_topic_missing", topic=self.topic, waited_s=wait)
                return []
            await asyncio.sleep(0.2)
        return sorted(assigned, key=lambda tp: tp.partition)

    async def load(self, timeout: float = 120.0) -> int:
        """Read the topic from the beginning to the high-water marks it had when loading began
        (what other workers publish meanwhile, `follow` reads); return how many records."""
        started = time.monotonic()
        consumer = self._consumer()
        await consumer.start()
        count = 0
        columns = Columns()
        try:
            assigned = await self._partitions(consumer)
            if assigned:
                await consumer.seek_to_beginning(*assigned)
            ends: dict[Any, int] = {}  # per partition, its first high-water mark seen
            while assigned:
                batches = await consumer.getmany(timeout_ms=500, max_records=5000)
                for messages in batches.values():
                    read = [self._read(message.value) for message in messages]
                    columns.extend([item for item in read if item is not None])
                    count += len(messages)
                for tp in assigned:
                    if tp not in ends and (highwater := consumer.highwater(tp)) is not None:
                        ends[tp] = highwater
                if len(ends) == len(assigned) and all(
                    [await consumer.position(tp) >= ends[tp] for tp in assigned]
                ):
                    break
                if time.monotonic() - started > timeout:
                    log.warning("fingerprints_partly_loaded", records=count, timeout_s=timeout)
                    break
            self.positions = {tp.partition: await consumer.position(tp) for tp in assigned}
        finally:
            await consumer.stop()
        self._apply(columns)
        del columns
        if self.metrics is not None:
            self.metrics.fingerprints_loaded.set(count)
        return_free_memory()  # the records read are garbage now; the index is what stays
        log.info(
            "fingerprints_loaded",
            topic=self.topic,
            records=count,
            articles=len(self.index),
            seconds=round(time.monotonic() - started, 2),
        )
        return count

    async def follow(self) -> None:
        """Apply what the other workers publish, from where `load` stopped, until cancelled."""
        consumer = self._consumer()
        await consumer.start()
        try:
            assigned = await self._partitions(consumer)
            for tp in assigned:
                if tp.partition in self.positions:
                    consumer.seek(tp, self.positions[tp.partition])
                else:
                    await consumer.seek_to_beginning(tp)
            while True:
                batches = await consumer.getmany(timeout_ms=1000, max_records=1000)
                items = [self._read(m.value) for messages in batches.values() for m in messages]
                columns = Columns()
                columns.extend([item for item in items if item is not None])
                self._apply(columns)
        except asyncio.CancelledError:
            raise
        finally:
            await consumer.stop()
