"""A worker process: topics first, the near-duplicate index loaded, then Faust's worker loop
over the stage apps; and the same worker started as a child process (the demo, the tests)."""

from __future__ import annotations

import asyncio
import os
import signal
import subprocess
import sys
from pathlib import Path

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
    worker = faust.Worker(
        *apps,
        loglevel=settings.log_level,
        logging_config=logs.logging_config(settings.log_level),
        quiet=True,
        redirect_stdouts=False,
    )
    try:
        worker.execute_from_commandline()
    finally:
        log.info("worker_stopped", stages=[s.value for s in stages])


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
