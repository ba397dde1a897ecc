"""The worker's HTTP endpoints on KHABAR_METRICS_PORT: `/metrics` for Prometheus, `/healthz`
and `/readyz` for the orchestrator's probes (200 or 503, the reason in the body).

Served from the worker's event loop: a loop that is stuck answers no probe, which is what a
liveness probe should see. A pool's supervisor, which has no event loop of its own, serves the
same endpoints from a thread (`serve_in_thread`).
"""

from __future__ import annotations

import asyncio
import threading
from collections.abc import Awaitable, Callable

from aiohttp import web
from prometheus_client import CONTENT_TYPE_LATEST, CollectorRegistry, generate_latest

from workers.ops.logs import get_logger

log = get_logger("khabar.endpoints")

Verdict = Callable[[], tuple[bool, str]]


def application(
    registry: Callable[[], CollectorRegistry], live: Verdict, ready: Verdict
) -> web.Application:
    """The three endpoints over what they report: the registry to expose (asked at each scrape)
    and the two verdicts."""

    async def metrics(request: web.Request) -> web.Response:
        body = generate_latest(registry())
        return web.Response(body=body, headers={"Content-Type": CONTENT_TYPE_LATEST})

    def probe(verdict: Verdict) -> Callable[[web.Request], Awaitable[web.Response]]:
        async def answer(request: web.Request) -> web.Response:
            ok, reason = verdict()
            return web.Response(text=reason + "\n", status=200 if ok else 503)

        return answer

    app = web.Application()
    app.router.add_get("/metrics", metrics)
    app.router.add_get("/healthz", probe(live))
    app.router.add_get("/readyz", probe(ready))
    return app


async def serve(app: web.Application, port: int) -> web.AppRunner:
    """Listen on `port` (all interfaces: the probes and the scraper come from outside the pod);
    the runner's `cleanup()` stops it."""
    runner = web.AppRunner(app, access_log=None)
    await runner.setup()
    await web.TCPSite(runner, port=port).start()
    log.info("endpoints_serving", port=port, paths=["/metrics", "/healthz", "/readyz"])
    return runner


def serve_in_thread(app: web.Application, port: int) -> Callable[[], None]:
    """`serve` on an event loop of its own in a daemon thread; the function that stops it. A
    port that cannot be had raises here, as `serve` does."""
    loop = asyncio.new_event_loop()
    started = threading.Event()
    runners: list[web.AppRunner] = []
    failed: list[OSError] = []

    def run() -> None:
        asyncio.set_event_loop(loop)
        try:
            runners.append(loop.run_until_complete(serve(app, port)))
        except OSError as exc:
            failed.append(exc)
            return
        finally:
            started.set()
        loop.run_forever()

    threading.Thread(target=run, name="khabar-endpoints", daemon=True).start()
    started.wait(30)
    if failed:
        raise failed[0]

    def stop() -> None:
        if runners:
            asyncio.run_coroutine_threadsafe(runners[0].cleanup(), loop).result(10)
        loop.call_soon_threadsafe(loop.stop)

    return stop
