"""A worker process: topics first, the near-duplicate index loaded, then Faust's worker loop
over the stage apps (at-least-once) or mode's over the transactional stages (exactly-once); and
the same worker started as a child process (the demo, the tests)."""

from __future__ import annotations

import asyncio
import dataclasses
import os
import signal
import subprocess
import sys
import threading
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

import faust
import mode
from prometheus_client import CollectorRegistry

from workers import __version__
from workers.config import Settings
from workers.kafka.admin import (
    ensure_topics,
    idempotence_refused,
    missing_topics,
    wait_for_broker,
)
from workers.kafka.agents import Observers, StageAgent, attach_stage
from workers.kafka.app import build_app
from workers.kafka.fingerprints import FingerprintStore
from workers.kafka.groups import CommittedOffsets
from workers.kafka.transactions import TransactionalStage
from workers.kafka.watch import BrokerWatch
from workers.ops import endpoints, health, logs
from workers.ops.metrics import Metrics
from workers.ops.probes import Vitals
from workers.pipeline.processor import finishing_stages
from workers.pipeline.table import Stage

log = logs.get_logger("khabar.worker")


def run_worker(settings: Settings, stages: list[Stage]) -> None:
    """Serve the given stages until SIGINT/SIGTERM; each stage is its own consumer group. The
    worker first loads its memory (near-duplicate index, sources' recurring lines) from the
    fingerprints topic. The HTTP endpoints answer from the start: live, and not ready until the
    memory is in and every stage has its partitions."""
    logs.configure(settings.log_level)
    observers = Observers(Metrics(CollectorRegistry()), _vitals(settings))
    stop_endpoints = _endpoints(settings, observers)
    stop_beating = health.keep_beating(
        settings.health_file, observers.vitals.as_record, settings.stats_interval
    )
    try:
        _serve(settings, stages, observers)
    finally:
        stop_beating()
        stop_endpoints()


def _serve(settings: Settings, stages: list[Stage], observers: Observers) -> None:
    idempotent = asyncio.run(check_broker(settings))
    store = FingerprintStore(
        settings,
        observers.metrics,
        with_index=Stage.EXTRACT in stages,
        with_lines=Stage.CLEANUP in stages,
    )
    asyncio.run(store.load())
    observers.vitals.index_loaded = True
    if settings.isolated:  # the stages' pure halves run in child processes
        processors = finishing_stages(
            store.memory, settings.duplicate_threshold, settings.min_words
        )
    else:  # here: only then does this process load the stages' code and rules
        from workers.pipeline.build import build_stages

        processors = build_stages(
            memory=store.memory,
            threshold=settings.duplicate_threshold,
            min_words=settings.min_words,
        )
    asyncio.set_event_loop(asyncio.new_event_loop())
    log.info(
        "worker_starting",
        version=__version__,
        stages=[s.value for s in stages],
        idempotent_producer=idempotent,
        settings=settings.public(),
    )
    committed = CommittedOffsets(settings, stages, settings.stats_interval)
    observers = dataclasses.replace(observers, committed=committed.latest)
    agents = {stage: StageAgent(processors[stage], settings, observers) for stage in stages}
    watched = [BrokerWatch(settings, observers.vitals, observers.metrics), committed]
    try:
        _worker(settings, agents, store, idempotent, watched).execute_from_commandline()
    finally:
        for agent in agents.values():
            agent.close()
        log.info("worker_stopped", stages=[s.value for s in stages])


def _worker(
    settings: Settings,
    agents: dict[Stage, StageAgent],
    store: FingerprintStore,
    idempotent: bool,
    watched: list[mode.Service],
) -> mode.Worker:
    """The loop that runs the stages: Faust's over their apps (at-least-once), or mode's over
    the transactional stages (exactly-once), with the services that watch them."""
    options: dict[str, Any] = {
        "shutdown_timeout": settings.shutdown_timeout,
        "loglevel": settings.log_level,
        "logging_config": logs.logging_config(settings.log_level),
        "quiet": True,
        "redirect_stdouts": False,
    }
    if settings.processing_guarantee == "exactly_once":
        services = [
            TransactionalStage(
                agent,
                settings,
                stage,
                background=[store.follow] if stage is _follower(agents) else [],
            )
            for stage, agent in agents.items()
        ]
        return ServiceWorker(*services, *watched, **options)
    apps = _faust_apps(settings, agents, store, idempotent)
    return StageWorker(*apps, *watched, **options)


def _follower(stages: Iterable[Stage]) -> Stage:
    """The stage whose service follows the fingerprints topic: one per worker, whichever runs."""
    return min(stages, key=list(Stage).index)


def _vitals(settings: Settings) -> Vitals:
    return Vitals(settings.stall_timeout, settings.broker_wait, index_loaded=False)


def _endpoints(settings: Settings, observers: Observers) -> Callable[[], None]:
    """`/metrics`, `/healthz`, `/readyz` on KHABAR_METRICS_PORT (none if 0); the stop."""
    if not settings.metrics_port:
        return lambda: None
    registry = observers.metrics.registry
    app = endpoints.application(lambda: registry, observers.vitals.live, observers.vitals.ready)
    try:
        return endpoints.serve_in_thread(app, settings.metrics_port)
    except OSError as exc:
        log.error("endpoints_port_unavailable", port=settings.metrics_port, error=str(exc))
        raise SystemExit(
            f"khabar worker: cannot serve on KHABAR_METRICS_PORT={settings.metrics_port} "
            f"({exc.strerror}); choose another port, or 0 for none"
        ) from None


async def check_broker(settings: Settings) -> bool:
    """Topics there (or created), and whether the broker has the idempotent producer; a mode
    this broker cannot serve, or missing topics, end the start with one clear line."""
    await wait_for_broker(settings)
    if settings.create_topics:
        await ensure_topics(settings)
    elif missing := await missing_topics(settings):
        log.error(
            "topics_missing", topics=missing, hint="create them or set KHABAR_CREATE_TOPICS=true"
        )
        raise SystemExit(f"khabar worker: missing topics: {', '.join(missing)}")
    refused = await idempotence_refused(settings)
    if refused and settings.processing_guarantee == "exactly_once":
        log.error("exactly_once_unsupported", broker=settings.bootstrap_servers, error=refused)
        raise SystemExit(
            "khabar worker: KHABAR_PROCESSING_GUARANTEE=exactly_once needs Kafka transactions, "
            f"which the broker at {settings.bootstrap_servers} refuses ({refused}); "
            "run it on Apache Kafka, or use at_least_once"
        )
    return refused is None


def _faust_apps(
    settings: Settings,
    agents: dict[Stage, StageAgent],
    store: FingerprintStore,
    idempotent: bool,
) -> list[faust.App]:
    apps = []
    for stage, agent in agents.items():
        stage_app = build_app(settings, stage, idempotent=idempotent)
        attach_stage(stage_app, agent, settings)
        if stage is _follower(agents):
            stage_app.app.task(store.follow)
        apps.append(stage_app.app)
    return apps


class BoundedStop(mode.Worker):
    """A worker with a bound on how long it may take to stop: a stop that outlasts
    `shutdown_timeout` seconds (a broker gone, a hung flush) ends the process with code 1."""

    def __init__(self, *services: Any, shutdown_timeout: float, **options: Any) -> None:
        super().__init__(*services, **options)
        self.khabar_shutdown_timeout = shutdown_timeout
        self._watchdog: threading.Timer | None = None

    def _on_sigint(self) -> None:
        self._watch_the_stop("SIGINT")
        super()._on_sigint()

    def _on_sigterm(self) -> None:
        self._watch_the_stop("SIGTERM")
        super()._on_sigterm()

    def _watch_the_stop(self, signal_name: str) -> None:
        log.info("worker_stopping", signal=signal_name, timeout_s=self.khabar_shutdown_timeout)
        if self._watchdog is None:
            self._watchdog = threading.Timer(self.khabar_shutdown_timeout, self._give_up)
            self._watchdog.daemon = True
            self._watchdog.start()

    def _give_up(self) -> None:
        log.error("shutdown_timed_out", timeout_s=self.khabar_shutdown_timeout)
        os._exit(1)


class StageWorker(BoundedStop, faust.Worker):
    """Faust's worker over the stages' apps (at-least-once), with a bounded stop."""


class ServiceWorker(BoundedStop):
    """mode's worker over the transactional stages (exactly-once), with a bounded stop."""


def spawn_worker(settings: Settings, stages: list[str], log_path: Path) -> subprocess.Popen[bytes]:
    """`khabar worker` in a child process, configured through its environment as in production;
    its output goes to `log_path`."""
    env = {**os.environ, **settings.to_env()}
    with open(log_path, "ab") as log_file:
        return subprocess.Popen(
            [sys.executable, "-m", "workers", "worker", "--stage", *stages],
            env=env,
            stdout=log_file,
            stderr=subprocess.STDOUT,
        )


def stop_worker(process: subprocess.Popen[bytes], timeout: float = 15.0) -> None:
    """SIGTERM, then SIGKILL if it has not stopped within `timeout` seconds."""
    if process.poll() is None:
        process.send_signal(signal.SIGTERM)
        try:
            process.wait(timeout)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()
