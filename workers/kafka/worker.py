"""A worker process: topics first, the near-duplicate index loaded, then Faust's worker loop
over the stage apps; and the same worker started as a child process (the demo, the tests)."""

from __future__ import annotations

import asyncio
import os
import signal
import subprocess
import sys
import threading
from pathlib import Path
from typing import Any

import faust

from workers import __version__
from workers.config import Settings
from workers.kafka.admin import ensure_topics, missing_topics
from workers.kafka.agents import attach_stage
from workers.kafka.app import build_app
from workers.kafka.fingerprints import FingerprintStore
from workers.ops import logs
from workers.pipeline.build import build_stages
from workers.pipeline.table import Stage

log = logs.get_logger("khabar.worker")


def run_worker(settings: Settings, stages: list[Stage]) -> None:
    """Serve the given stages until SIGINT/SIGTERM; each stage is its own consumer group. The
    extract stage first loads its near-duplicate index from the fingerprints topic."""
    logs.configure(settings.log_level)
    if settings.create_topics:
        asyncio.run(ensure_topics(settings))
    else:
        missing = asyncio.run(missing_topics(settings))
        if missing:
            log.error(
                "topics_missing",
                topics=missing,
                hint="create them or set KHABAR_CREATE_TOPICS=true",
            )
            raise SystemExit(f"khabar worker: missing topics: {', '.join(missing)}")
    store = FingerprintStore(settings)
    if Stage.EXTRACT in stages:
        asyncio.run(store.load())
    processors = build_stages(index=store.index, threshold=settings.duplicate_threshold)
    asyncio.set_event_loop(asyncio.new_event_loop())
    apps = []
    for stage in stages:
        stage_app = build_app(settings, stage)
        attach_stage(stage_app, processors[stage], settings)
        if stage is Stage.EXTRACT:
            stage_app.app.task(store.follow)
        apps.append(stage_app.app)
    log.info(
        "worker_starting",
        version=__version__,
        stages=[s.value for s in stages],
        settings=settings.public(),
    )
    worker = StageWorker(
        *apps,
        shutdown_timeout=settings.shutdown_timeout,
        loglevel=settings.log_level,
        logging_config=logs.logging_config(settings.log_level),
        quiet=True,
        redirect_stdouts=False,
    )
    try:
        worker.execute_from_commandline()
    finally:
        log.info("worker_stopped", stages=[s.value for s in stages])


class StageWorker(faust.Worker):
    """Faust's worker, with a bound on how long it may take to stop: a stop that outlasts
    `shutdown_timeout` seconds (a broker gone, a hung flush) ends the process with code 1."""

    def __init__(self, *apps: faust.App, shutdown_timeout: float, **options: Any) -> None:
        super().__init__(*apps, **options)
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
