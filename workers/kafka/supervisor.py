"""`khabar worker --processes N`: N worker processes in the same consumer groups, so the stages
use every core (one Python process computes on one core at a time).

The supervisor checks the broker and creates the topics once, then starts the workers; it
restarts one that dies (waiting 1 s, doubling to 30 s while it keeps dying young), passes
SIGTERM and SIGINT on and waits for every worker's clean stop, and is the pool's one view: it
serves `/metrics` (the sum of the workers' series), `/healthz` (live while every running worker
says it is live; one down awaiting its restart is the supervisor's to mend) and `/readyz` (every
worker ready) on KHABAR_METRICS_PORT, and beats KHABAR_HEALTH_FILE while the pool is live.
Each worker logs its own `stage_stats` lines (with its `pid`); the supervisor adds a
`worker_pool` line per stats interval with the workers alive, their restarts and their memory
(each worker's own RSS, and its process tree's PSS: the worker with its stages' processes).
"""

from __future__ import annotations

import asyncio
import ctypes
import functools
import os
import signal
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field

from prometheus_client import multiprocess

from workers.config import Settings
from workers.kafka.worker import check_broker
from workers.ops import endpoints, health, logs
from workers.ops.metrics import pool_registry
from workers.ops.processes import rss_mb, tree_mb
from workers.pipeline.table import Stage

log = logs.get_logger("khabar.supervisor")

FIRST_WAIT, LONGEST_WAIT = 1.0, 30.0  # before restarting a worker that died
YOUNG = 60.0  # a worker that dies younger than this (seconds) waits twice as long next time
TICK = 0.5
# A worker's exit codes after the pool's SIGTERM that mean a clean stop: 0, or death by that
# SIGTERM when it came before the new process could take the signal at all.
CLEAN_STOP = (0, -signal.SIGTERM)


@dataclass
class Member:
    """One worker process of the pool: its slot number, its process and its restart state."""

    number: int
    process: subprocess.Popen[bytes]
    health_file: str
    started: float = field(default_factory=time.monotonic)
    restarts: int = 0
    wait: float = FIRST_WAIT
    down_since: float | None = None


def run_pool(settings: Settings, stages: list[Stage], processes: int) -> int:
    """Run `processes` workers of `stages` until SIGTERM/SIGINT; 0 if all stopped cleanly."""
    logs.configure(settings.log_level)
    asyncio.run(check_broker(settings))
    stopping = threading.Event()
    for signum in (signal.SIGTERM, signal.SIGINT):
        signal.signal(signum, lambda *_: stopping.set())
    with tempfile.TemporaryDirectory(prefix="khabar-metrics-") as shared:
        pool = Pool(settings, stages, shared)
        pool.members = [pool.start(number) for number in range(processes)]
        stop_endpoints = pool.serve()
        log.info(
            "worker_pool_started",
            processes=processes,
            stages=[s.value for s in stages],
            pids=[m.process.pid for m in pool.members],
        )
        reported = time.monotonic()
        while not stopping.wait(TICK):
            for member in pool.members:
                pool.tend(member)
            if pool.live()[0]:
                health.beat(settings.health_file, {"live": True, "ready": pool.ready()[0]})
            if time.monotonic() - reported >= settings.stats_interval:
                reported = time.monotonic()
                _report(pool.members)
        log.info("worker_pool_stopping", processes=len(pool.members))
        codes = _stop_all(pool.members, settings.shutdown_timeout + 5)
        stop_endpoints()
    log.info("worker_pool_stopped", exit_codes=codes)
    return 0 if all(code in CLEAN_STOP for code in codes) else 1


@dataclass
class Pool:
    """The workers of a pool, and the one view of them the supervisor gives: the health file,
    `/metrics` (the sum of the workers' series, which they write to files in `shared`),
    `/healthz` and `/readyz`."""

    settings: Settings
    stages: list[Stage]
    shared: str  # PROMETHEUS_MULTIPROC_DIR of the workers
    members: list[Member] = field(default_factory=list)

    def start(self, number: int) -> Member:
        """A worker in slot `number`, with its own health file, logging to the pool's output;
        its metrics go to the shared files, and the supervisor serves its endpoints."""
        health_file = f"{self.settings.health_file}.{number}"
        env = {
            **os.environ,
            **self.settings.to_env(),
            "KHABAR_HEALTH_FILE": health_file,
            "KHABAR_METRICS_PORT": "0",
            "PROMETHEUS_MULTIPROC_DIR": self.shared,
        }
        command = [sys.executable, "-m", "workers", "worker", "--stage"]
        command += [s.value for s in self.stages]
        end_with_parent = functools.partial(_end_with, os.getpid())
        process = subprocess.Popen(command, env=env, preexec_fn=end_with_parent)
        return Member(number, process, health_file)

    def tend(self, member: Member) -> None:
        """Notice a worker that died (its live gauges leave the sum); restart it once its wait
        is over."""
        code = member.process.poll()
        if code is None:
            return
        now = time.monotonic()
        if member.down_since is None:
            multiprocess.mark_process_dead(member.process.pid, self.shared)  # type: ignore[no-untyped-call]
            member.down_since = now
            member.wait = next_wait(member.wait, member.restarts, now - member.started)
            log.warning(
                "worker_process_exited",
                slot=member.number,
                pid=member.process.pid,
                exit_code=code,
                restart_in_s=member.wait,
            )
            return
        if now - member.down_since < member.wait:
            return
        replacement = self.start(member.number)
        member.process, member.started, member.down_since = replacement.process, now, None
        member.restarts += 1
        log.info(
            "worker_process_restarted",
            slot=member.number,
            pid=member.process.pid,
            restarts=member.restarts,
        )

    def live(self) -> tuple[bool, str]:
        """Live while every running worker beats (says it is live); one down and waiting for
        its restart is the supervisor's to mend, not a reason to restart the pool."""
        for member in self.members:
            if member.process.poll() is None and not health.healthy(
                member.health_file, self.settings.stats_interval
            ):
                since = health.age(member.health_file)
                quiet = "yet" if since is None else f"for {since:.0f} s"
                who = f"worker {member.number} (pid {member.process.pid})"
                return False, f"{who} has not said it is live {quiet}"
        return True, "ok"

    def ready(self) -> tuple[bool, str]:
        for member in self.members:
            if member.process.poll() is not None:
                return False, f"worker {member.number} is down, restarting"
            said = health.verdicts(member.health_file)
            if not said.get("ready"):
                reason = said.get("ready_reason", "starting")
                return False, f"worker {member.number} (pid {member.process.pid}): {reason}"
        return True, "ok"

    def serve(self) -> Callable[[], None]:
        if not self.settings.metrics_port:
            return lambda: None
        app = endpoints.application(lambda: pool_registry(self.shared), self.live, self.ready)
        return endpoints.serve_in_thread(app, self.settings.metrics_port)


def _end_with(supervisor: int) -> None:
    """In the new worker: SIGTERM when the supervisor dies, even of SIGKILL, so no worker is
    left behind holding partitions (and no start at all if it died already)."""
    libc = ctypes.CDLL(None, use_errno=True)
    libc.prctl(1, signal.SIGTERM)  # PR_SET_PDEATHSIG
    if os.getppid() != supervisor:
        os._exit(1)


def next_wait(last: float, restarts: int, lived: float) -> float:
    """Seconds to wait before restarting a worker that lived `lived` seconds: the first wait
    after a first death or a long life, doubled (to the longest) while it keeps dying young."""
    dying_young = restarts > 0 and lived < YOUNG
    return min(last * 2, LONGEST_WAIT) if dying_young else FIRST_WAIT


def _report(members: list[Member]) -> None:
    alive = [m for m in members if m.process.poll() is None]
    log.info(
        "worker_pool",
        processes=len(members),
        alive=len(alive),
        restarts=sum(m.restarts for m in members),
        rss_mb={str(m.process.pid): round(rss_mb(m.process.pid)) for m in alive},
        tree_mb={str(m.process.pid): round(tree_mb(m.process.pid)) for m in alive},
    )


def _stop_all(members: list[Member], timeout: float) -> list[int]:
    """SIGTERM to every running worker, then each one's exit code; SIGKILL to any still running
    after `timeout` seconds (a worker bounds its own stop by KHABAR_SHUTDOWN_TIMEOUT first). A
    worker that was down, waiting for its restart, was reported when it died."""
    running = [m for m in members if m.process.poll() is None]
    for member in running:
        member.process.send_signal(signal.SIGTERM)
    deadline = time.monotonic() + timeout
    codes = []
    for member in running:
        try:
            codes.append(member.process.wait(max(deadline - time.monotonic(), 0.1)))
        except subprocess.TimeoutExpired:
            member.process.kill()
            codes.append(member.process.wait())
    return codes
