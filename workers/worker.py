"""Running stage apps in one worker process: topics first, then Faust's worker loop."""

from __future__ import annotations

import asyncio

import faust

from workers import __version__, logs
from workers.agents import attach_stage
from workers.app import build_app
from workers.broker import ensure_topics
from workers.runner import STAGES
from workers.settings import Settings

log = logs.get_logger("khabar.worker")


def run_worker(settings: Settings, stages: list[str]) -> None:
    """Serve the given stages until SIGINT/SIGTERM; each stage is its own consumer group."""
    logs.configure(settings.log_level)
    if settings.create_topics:
        asyncio.run(ensure_topics(settings))
    asyncio.set_event_loop(asyncio.new_event_loop())
    apps = []
    for stage in stages:
        stage_app = build_app(settings, stage)
        attach_stage(stage_app, STAGES[stage], settings)
        apps.append(stage_app.app)
    log.info("worker_starting", version=__version__, stages=stages, settings=settings.public())
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
        log.info("worker_stopped", stages=stages)
