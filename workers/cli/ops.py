"""`khabar health` and `khabar config`: the container probe and the settings."""

from __future__ import annotations

import argparse
from typing import Any

import orjson

from workers.config import Settings, markdown_table


def register(commands: Any) -> None:
    health = commands.add_parser(
        "health",
        help="exit 0 if the worker on this host is live (the exec probe)",
        description="Checks the age of KHABAR_HEALTH_FILE, which a worker writes every "
        "KHABAR_STATS_INTERVAL seconds while it is live (no stage stalled, the broker "
        "reachable); older than three intervals or missing means unhealthy. The HTTP probes "
        "(/healthz, /readyz on KHABAR_METRICS_PORT) answer the same at once.",
    )
    health.set_defaults(run=_health)

    config = commands.add_parser(
        "config",
        help="print the configuration table (Markdown) or the current settings (--json)",
    )
    config.add_argument("--json", action="store_true", help="the current settings as JSON")
    config.set_defaults(run=_config)


def _health(args: argparse.Namespace, settings: Settings) -> int:
    from workers.ops import health

    seconds = health.age(settings.health_file)
    alive = health.healthy(settings.health_file, settings.stats_interval)
    state = "missing" if seconds is None else f"{seconds:.1f} s old"
    print(f"{'healthy' if alive else 'unhealthy'}: {settings.health_file} {state}")
    return 0 if alive else 1


def _config(args: argparse.Namespace, settings: Settings) -> int:
    if args.json:
        print(orjson.dumps(settings.public(), option=orjson.OPT_INDENT_2).decode())
    else:
        print(markdown_table())
    return 0
