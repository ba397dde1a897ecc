"""`khabar demo`: the whole chain on the embedded broker, from seed files to enriched events."""

from __future__ import annotations

import argparse
import asyncio
import dataclasses
import signal
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any, TextIO

import orjson

from workers.config import Settings
from workers.ops.progress import progress
from workers.pipeline.table import Topic


def register(commands: Any) -> None:
    demo = commands.add_parser(
        "demo",
        help="run the whole chain on an embedded broker over seeds/ and print the enriched events",
        description="Start the embedded broker on a free port, create the topics, run the "
        "workers, send every file of seeds/, wait until each has an enriched event or a dead "
        "letter, print the enriched events as JSON, stop everything.",
    )
    demo.add_argument(
        "seeds", nargs="*", default=["seeds"], help="files or folders (default: seeds)"
    )
    demo.add_argument("--timeout", type=float, default=120.0, help="seconds to wait (default 120)")
    demo.set_defaults(run=_demo)


def _demo(args: argparse.Namespace, settings: Settings) -> int:
    from workers.kafka.local import BrokerError

    try:
        return run_demo(args.seeds, out=sys.stdout, err=sys.stderr, timeout=args.timeout)
    except BrokerError as exc:
        print(f"khabar demo: {exc}", file=sys.stderr)
        return 1


@dataclasses.dataclass
class DemoResult:
    enriched: list[dict[str, Any]]
    dead: list[dict[str, Any]]
    rejected: list[tuple[str, str]]
    missing: list[str]
    seconds: float


def run_demo(seeds: list[str], *, out: TextIO, err: TextIO, timeout: float = 120.0) -> int:
    """Start a broker and a worker, feed the seeds, print what comes out, stop everything."""
    from workers.kafka.admin import ensure_topics
    from workers.kafka.embedded import EmbeddedBroker
    from workers.kafka.worker import spawn_worker, stop_worker
    from workers.ops import logs

    started = time.monotonic()
    logs.configure("WARNING", stream=err)  # stdout carries only the enriched events
    with tempfile.TemporaryDirectory(prefix="khabar-demo-") as tmp:
        logs_dir = Path(tmp)
        with EmbeddedBroker(log_path=logs_dir / "broker.log") as broker:
            settings = Settings(
                broker=broker.bootstrap,
                session_timeout=6.0,
                stats_interval=5.0,
                state_dir=str(logs_dir / "state"),
                health_file=str(logs_dir / "health"),
                metrics_port=0,  # no endpoints: the demo must not depend on a free port
            )
            print(f"embedded broker on {broker.bootstrap}", file=err)
            asyncio.run(ensure_topics(settings))
            worker_log = logs_dir / "worker.log"
            worker = spawn_worker(settings, ["all"], worker_log)
            try:
                # The demo ends with its own summary line: a bar only on a terminal.
                with progress("demo", "article", summary=False, stream=err) as done:
                    result = asyncio.run(_feed_and_collect(settings, seeds, timeout, worker, done))
            finally:
                stop_worker(worker)
            result.seconds = time.monotonic() - started
            for event in result.enriched:
                out.write(orjson.dumps(event, option=orjson.OPT_INDENT_2).decode() + "\n")
            for dead in result.dead:
                print(
                    f"dead letter: {dead['id']} {dead['error']['type']}: "
                    f"{dead['error']['message']}",
                    file=err,
                )
            for origin, error in result.rejected:
                print(f"not sent: {origin}: {error}", file=err)
            if result.missing:
                print(missing_summary(result.missing, timeout), file=err)
            print(
                f"{len(result.enriched)} enriched, {len(result.dead)} dead-lettered, "
                f"{len(result.rejected)} not sent, in {result.seconds:.1f} s",
                file=err,
            )
            if worker.returncode not in (0, -signal.SIGTERM, None):
                print(worker_log.read_text()[-4000:], file=err)
                return 1
            return 0 if (result.enriched or result.dead) and not result.missing else 1


async def _feed_and_collect(
    settings: Settings,
    seeds: list[str],
    timeout: float,
    worker: subprocess.Popen[bytes],
    done: Callable[[int], object] = lambda _: None,
) -> DemoResult:
    """Send the seeds, then read outputs until each has one, the time is up, or the worker
    has died; `done` hears of each output."""
    from workers.inputs import read_inputs
    from workers.kafka.clients import as_json, produce, read_topic

    items = [(item.origin, item.event, item.error) for item in read_inputs(seeds)]
    sent: list[str] = []
    rejected: list[tuple[str, str]] = []
    await produce(
        settings,
        items,
        on_sent=sent.append,
        on_rejected=lambda origin, error: rejected.append((origin, error)),
    )
    waiting = set(sent)
    enriched: dict[str, dict[str, Any]] = {}
    dead: dict[str, dict[str, Any]] = {}
    deadline = time.monotonic() + timeout

    async def collect(topic: Topic, into: dict[str, dict[str, Any]]) -> None:
        async for message in read_topic(settings, settings.topic(topic), idle_timeout=None):
            event = as_json(message.value)
            if isinstance(event, dict) and event.get("id") in waiting:
                into[event["id"]] = event
                waiting.discard(event["id"])
                done(1)
            if not waiting:
                return

    tasks = [
        asyncio.create_task(collect(Topic.ENRICHED, enriched)),
        asyncio.create_task(collect(Topic.DEADLETTER, dead)),
    ]
    try:
        while waiting and time.monotonic() < deadline and worker.poll() is None:
            await asyncio.sleep(0.2)
    finally:
        for task in tasks:
            task.cancel()
        await asyncio.gather(*tasks, return_exceptions=True)
    ordered = [enriched[i] for i in sent if i in enriched]
    return DemoResult(ordered, list(dead.values()), rejected, sorted(waiting), 0.0)


def missing_summary(missing: list[str], timeout: float, shown: int = 5) -> str:
    """One line for the articles without a result, however many: how many, and the first few."""
    first = ", ".join(missing[:shown]) + (", ..." if len(missing) > shown else "")
    return f"no result within {timeout:.0f} s for {len(missing)} article(s): {first}"
