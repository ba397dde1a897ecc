"""A worker's numbers: the per-stage counters behind the periodic `stage_stats` log line
(processed and dead-lettered messages, their rate, the last offset per partition for the lag),
and the Prometheus series served on `/metrics`."""

from __future__ import annotations

import time
from typing import Any

from prometheus_client import (
    CollectorRegistry,
    Counter,
    Gauge,
    Histogram,
    multiprocess,
)


class StageStats:
    """Counters behind one stage's periodic stats line; reset at each report."""

    def __init__(self, stage: str) -> None:
        self.stage = stage
        self.processed = 0
        self.dead_lettered = 0
        self.total_processed = 0
        self.total_dead_lettered = 0
        self.last_offsets: dict[tuple[str, int], int] = {}
        self._since = time.monotonic()

    def count(self, topic: str, partition: int, offset: int, *, dead: bool) -> None:
        self.last_offsets[(topic, partition)] = offset
        if dead:
            self.dead_lettered += 1
            self.total_dead_lettered += 1
        else:
            self.processed += 1
            self.total_processed += 1

    def report(self, lag: int | None) -> dict[str, Any]:
        """The fields of one stats line, then start a new interval."""
        elapsed = max(time.monotonic() - self._since, 1e-9)
        line = {
            "stage": self.stage,
            "processed": self.processed,
            "dead_lettered": self.dead_lettered,
            "rate_per_s": round((self.processed + self.dead_lettered) / elapsed, 2),
            "lag": lag,
            "total_processed": self.total_processed,
            "total_dead_lettered": self.total_dead_lettered,
            "interval_s": round(elapsed, 1),
        }
        self.processed = self.dead_lettered = 0
        self._since = time.monotonic()
        return line


# Seconds: a step takes from microseconds to the stage deadline (5 s by default).
STEP_BUCKETS = (
    0.0001,
    0.00025,
    0.0005,
    0.001,
    0.0025,
    0.005,
    0.01,
    0.025,
    0.05,
    0.1,
    0.25,
    0.5,
    1.0,
    2.5,
    5.0,
    10.0,
)


class Metrics:
    """A worker process's Prometheus series, in the registry it is given. In a pool of workers
    (`--processes N`) each worker's values go to files in PROMETHEUS_MULTIPROC_DIR and the
    supervisor serves their sum; `multiprocess_mode` says how a gauge adds up across them."""

    def __init__(self, registry: CollectorRegistry) -> None:
        self.registry = registry
        self.processed = Counter(
            "khabar_messages_processed",
            "Messages a stage turned into its output.",
            ["stage"],
            registry=registry,
        )
        self.dead_lettered = Counter(
            "khabar_dead_letters",
            "Messages a stage dead-lettered, by reason.",
            ["stage", "reason"],
            registry=registry,
        )
        self.stage_seconds = Histogram(
            "khabar_stage_seconds",
            "Time a stage took per message (its steps and the envelope).",
            ["stage"],
            buckets=STEP_BUCKETS,
            registry=registry,
        )
        self.step_seconds = Histogram(
            "khabar_step_seconds",
            "Time each step of a stage took per message.",
            ["stage", "step"],
            buckets=STEP_BUCKETS,
            registry=registry,
        )
        self.lag = Gauge(
            "khabar_consumer_lag",
            "Messages waiting on a partition this worker holds.",
            ["stage", "partition"],
            multiprocess_mode="livesum",
            registry=registry,
        )
        self.committed = Gauge(
            "khabar_committed_offset",
            "The stage group's committed offset of a partition this worker holds.",
            ["stage", "partition"],
            multiprocess_mode="livemax",
            registry=registry,
        )
        self.assigned = Gauge(
            "khabar_assigned_partitions",
            "Partitions this worker holds, per stage.",
            ["stage"],
            multiprocess_mode="livesum",
            registry=registry,
        )
        self.rebalances = Counter(
            "khabar_rebalances",
            "Partition assignments a stage received.",
            ["stage"],
            registry=registry,
        )
        self.index_articles = Gauge(
            "khabar_near_duplicate_index_articles",
            "Articles the near-duplicate index holds.",
            multiprocess_mode="livemax",
            registry=registry,
        )
        self.recurring_stories = Gauge(
            "khabar_recurring_lines_stories",
            "Stories whose short lines the memory of recurring lines holds.",
            multiprocess_mode="livemax",
            registry=registry,
        )
        self.fingerprints_loaded = Gauge(
            "khabar_fingerprints_loaded_records",
            "Fingerprint records read at start-up.",
            multiprocess_mode="livemax",
            registry=registry,
        )
        self.broker_reachable = Gauge(
            "khabar_broker_reachable",
            "1 while the broker answers the worker's metadata requests.",
            multiprocess_mode="livemin",
            registry=registry,
        )
        self.live = Gauge(
            "khabar_live",
            "1 while no stage is stalled and the broker is reachable (/healthz).",
            multiprocess_mode="livemin",
            registry=registry,
        )

    def stage_done(self, stage: str, timings: dict[str, Any]) -> None:
        """A message a stage processed, with its envelope timings (`pipeline.stages.<stage>`)."""
        self.processed.labels(stage).inc()
        self.stage_seconds.labels(stage).observe(timings.get("ms", 0.0) / 1000)
        for step, ms in timings.get("steps", {}).items():
            self.step_seconds.labels(stage, step).observe(ms / 1000)

    def partitions(self, stage: str, held: list[int], released: list[int]) -> None:
        """A stage's partitions after a rebalance: the released ones' series go to 0 (in a pool a
        gauge's value stays in its file: 0 adds nothing to the sum)."""
        for partition in released:
            self.lag.labels(stage, str(partition)).set(0)
            self.committed.labels(stage, str(partition)).set(0)
        self.assigned.labels(stage).set(len(held))


def pool_registry(shared: str) -> CollectorRegistry:
    """What a pool's supervisor serves: its workers' values, from the files in `shared` (their
    PROMETHEUS_MULTIPROC_DIR)."""
    collected = CollectorRegistry()
    multiprocess.MultiProcessCollector(collected, path=shared)  # type: ignore[no-untyped-call]
    return collected
