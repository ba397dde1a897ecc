"""`khabar worker --processes N`: N worker processes in the same consumer groups, so the stages
use every core (one Python process computes on one core at a time).

The supervisor checks the broker and creates the topics once, then starts the workers; it
restarts one that dies (waiting 1 s, doubling to 30 s while it keeps dying young), passes
SIGTERM and SIGINT on and waits for every worker's clean stop, and is the pool's one health
signal: it beats KHABAR_HEALTH_FILE only while every worker beats its own (so the pool counts
as unhealthy while one is restarting: give the probe room for a restart and an index load).
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
import threading
import time
from dataclasses import dataclass, field

from workers.config import Settings
from workers.kafka.worker import check_broker
from workers.ops import health, logs
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
    members = [_start(settings, stages, number) for number in range(processes)]
    log.info(
        "worker_pool_started",
        processes=processes,
        stages=[s.value for s in stages],
        pids=[m.process.pid for m in members],
    )
    reported = time.monotonic()
    while not stopping.wait(TICK):
        for member in members:
            _tend(member, settings, stages)
        if all(_beating(m, settings) for m in members):
            health.beat(settings.health_file)
        if time.monotonic() - reported >= settings.stats_interval:
            reported = time.monotonic()
            _report(members)
    log.info("worker_pool_stopping", processes=len(members))
    codes = _stop_all(members, settings.shutdown_timeout + 5)
    log.info("worker_pool_stopped", exit_codes=codes)
    return 0 if all(code in CLEAN_STOP for code in codes) else 1


def _start(settings: Settings, stages: list[Stage], number: int) -> Member:
    """A worker in slot `number`, with its own health file, logging to the pool's output."""
    health_file = f"{settings.health_file}.{number}"
    env = {**os.environ, **settings.to_env(), "KHABAR_HEALTH_FILE": health_file}
    command = [sys.executable, "-m", "workers", "worker", "--stage", *(s.value for s in stages)]
    end_with_parent = functools.partial(_end_with, os.getpid())
    process = subprocess.Popen(command, env=env, preexec_fn=end_with_parent)
    return Member(number, process, health_file)


def _end_with(supervisor: int) -> None:
    """In the new worker: SIGTERM when the supervisor dies, even of SIGKILL, so no worker is
    left behind holding partitions (and no start at all if it died already)."""
    libc = ctypes.CDLL(None, use_errno=True)
    libc.prctl(1, signal.SIGTERM)  # PR_SET_PDEATHSIG
    if os.getppid() != supervisor:
        os._exit(1)


def _tend(member: Member, settings: Settings, stages: list[Stage]) -> None:
    """Notice a worker that died; restart it once its wait is over."""
    code = member.process.poll()
    if code is None:
        return
    now = time.monotonic()
    if member.down_since is None:
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
    replacement = _start(settings, stages, member.number)
    member.process, member.started, member.down_since = replacement.process, now, None
    member.restarts += 1
    log.info(
        "worker_process_restarted",
        slot=member.number,
        pid=member.process.pid,
        restarts=member.restarts,
    )


def next_wait(last: float, restarts: int, lived: float) -> float:
    """Seconds to wait before restarting a worker that lived `lived` seconds: the first wait
    after a first death or a long life, doubled (to the longest) while it keeps dying young."""
    dying_young = restarts > 0 and lived < YOUNG
    return min(last * 2, LONGEST_WAIT) if dying_young else FIRST_WAIT


def _beating(member: Member, settings: Settings) -> bool:
    return member.process.poll() is None and health.healthy(
        member.health_file, settings.stats_interval
    )


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
