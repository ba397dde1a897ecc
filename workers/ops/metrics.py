"""Per-stage counters behind the periodic `stage_stats` log line: processed and dead-lettered
messages, their rate, and the last offset per partition (for the lag)."""

from __future__ import annotations

import time
from typing import Any


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
