"""Running stage apps in one worker process: topics first, then Faust's worker loop."""

from __future__ import annotations

import asyncio

import faust

from workers import __version__, logs
from workers.agents import attach_stage
from workers.app import build_app
from workers.broker import ensure_topics, missing_topics
from workers.fingerprints import FingerprintStore
from workers.runner import build_stages
from workers.settings import Settings

log = logs.get_logger("khabar.worker")


def run_worker(settings: Settings, stages: list[str]) -> None:
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
    store = None
    if "extract" in stages:
        store = FingerprintStore(settings)
        asyncio.run(store.load())
    specs = build_stages(store.index if store else None, settings.duplicate_threshold)
    asyncio.set_event_loop(asyncio.new_event_loop())
    apps = []
    for stage in stages:
        stage_app = build_app(settings, stage)
        attach_stage(stage_app, specs[stage], settings)
        if stage == "extract" and store is not None:
            stage_app.app.task(store.follow)
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
