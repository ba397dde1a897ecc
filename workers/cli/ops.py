"""`khabar health` and `khabar config`: the exec probe and the settings."""

from __future__ import annotations

import argparse
from typing import Any

import orjson

from workers.config import Settings, markdown_table


def register(commands: Any) -> None:
    health = commands.add_parser(
        "health",
        help="exit 0 if the worker on this host is live (or --ready: ready); the exec probe",
        description="Asks the worker's /healthz (or /readyz) on 127.0.0.1:KHABAR_METRICS_PORT, as "
        "an HTTP probe would: live means no stage stalled and the broker reachable; ready, the "
        "partitions assigned and the near-duplicate index loaded. With KHABAR_METRICS_PORT=0 "
        "it checks the age of KHABAR_HEALTH_FILE instead, which a worker writes every "
        "KHABAR_STATS_INTERVAL seconds while it is live (older than three intervals: unhealthy).",
    )
    health.add_argument("--ready", action="store_true", help="ask whether it is ready")
    health.set_defaults(run=_health)

    config = commands.add_parser(
        "config",
        help="print the configuration table (Markdown) or the current settings (--json)",
    )
    config.add_argument("--json", action="store_true", help="the current settings as JSON")
    config.set_defaults(run=_config)


def _health(args: argparse.Namespace, settings: Settings) -> int:
    if settings.metrics_port:
        return _ask_endpoint(settings.metrics_port, "/readyz" if args.ready else "/healthz")
    from workers.ops import health

    seconds = health.age(settings.health_file)
    alive = health.healthy(settings.health_file, settings.stats_interval)
    state = "missing" if seconds is None else f"{seconds:.1f} s old"
    print(f"{'healthy' if alive else 'unhealthy'}: {settings.health_file} {state}")
    return 0 if alive else 1


def _ask_endpoint(port: int, path: str) -> int:
    """The worker's own verdict, over HTTP as the kubelet asks it (Docker runs commands)."""
    import urllib.error
    import urllib.request

    bad = "unready" if path == "/readyz" else "unhealthy"
    try:
        with urllib.request.urlopen(f"http://127.0.0.1:{port}{path}", timeout=5) as answer:
            print(
                f"{'ready' if path == '/readyz' else 'healthy'}: {answer.read().decode().strip()}"
            )
            return 0
    except urllib.error.HTTPError as refused:
        print(f"{bad}: {refused.read().decode().strip()}")
    except OSError as exc:  # nothing listening: no worker, or one still importing
        reason = getattr(exc, "reason", exc)
        print(f"{bad}: nothing answers on 127.0.0.1:{port} (KHABAR_METRICS_PORT): {reason}")
    return 1


def _config(args: argparse.Namespace, settings: Settings) -> int:
    if args.json:
        print(orjson.dumps(settings.public(), option=orjson.OPT_INDENT_2).decode())
    else:
        print(markdown_table())
    return 0
