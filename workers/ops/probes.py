"""What the probes answer: is the worker live (worth keeping) and ready (worth sending work).

A timer that fires whatever the consumer does says nothing; liveness here is progress. A stage
with messages waiting on its partitions that has finished none of them for KHABAR_STALL_TIMEOUT
seconds is stalled (a consumer stopped while the process lives, a hung fetch), and so is a
worker whose broker has not answered for longer than KHABAR_BROKER_WAIT, or whose stages' stats
timer has not fired for KHABAR_STALL_TIMEOUT (their event loop is stuck). An idle stage (no lag)
is live however long it waits. Ready: every stage has its partitions (an empty assignment counts:
more workers than partitions) and the near-duplicate index is loaded.

Plain state, passed to whoever observes it: the agents, the broker watch, the fingerprint store;
read by the HTTP endpoints and the health file.
"""

from __future__ import annotations

import time
from dataclasses import dataclass, field


@dataclass
class StageVitals:
    """One stage's signs: when it last finished a message, its lag, its assignment."""

    progressed: float = field(default_factory=time.monotonic)
    lag: int | None = None
    assigned: bool = False


@dataclass
class Vitals:
    """A worker process's signs, and the verdicts drawn from them."""

    stall_timeout: float
    broker_deadline: float
    stages: dict[str, StageVitals] = field(default_factory=dict)
    broker_down_since: float | None = None
    reported: float | None = None  # the stages' last stats report (their event loop's timer)
    index_loaded: bool = True  # the memory (`processor.Memory`) is in from the fingerprints topic

    def stage(self, name: str) -> StageVitals:
        return self.stages.setdefault(name, StageVitals())

    def progressed(self, name: str) -> None:
        self.stage(name).progressed = time.monotonic()

    def lagging(self, name: str, lag: int | None) -> None:
        """A stage's lag now; messages waiting after none were count from now, not from the
        last message of long ago."""
        stage = self.stage(name)
        self.reported = time.monotonic()
        if lag and not stage.lag:
            stage.progressed = self.reported
        stage.lag = lag

    def live(self, now: float | None = None) -> tuple[bool, str]:
        """Live, or not and why."""
        now = time.monotonic() if now is None else now
        if self.broker_down_since is not None:
            down = now - self.broker_down_since
            if down > self.broker_deadline:
                return False, f"broker unreachable for {down:.0f} s"
        if self.reported is not None and now - self.reported > self.stall_timeout:
            return False, f"no stats for {now - self.reported:.0f} s: the event loop is stuck"
        for name, stage in self.stages.items():
            idle = now - stage.progressed
            if stage.lag and idle > self.stall_timeout:
                return False, f"{name}: {stage.lag} messages waiting, none done for {idle:.0f} s"
        return True, "ok"

    def ready(self) -> tuple[bool, str]:
        """Ready, or not and why."""
        if not self.index_loaded:
            return False, "memory (near-duplicate index, recurring lines) loading"
        waiting = [name for name, stage in self.stages.items() if not stage.assigned]
        if waiting or not self.stages:
            return False, f"no partitions assigned yet: {', '.join(waiting) or 'no stage'}"
        return True, "ok"

    def as_record(self) -> dict[str, object]:
        """The verdicts as a worker of a pool writes them for its supervisor."""
        live, why_not_live = self.live()
        ready, why_not_ready = self.ready()
        return {
            "live": live,
            "live_reason": why_not_live,
            "ready": ready,
            "ready_reason": why_not_ready,
        }
