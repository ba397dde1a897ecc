"""`khabar`: parse the command line and call the pieces; one module per command group."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence

from workers import __version__
from workers.cli import bench, broker, demo, ops, pipeline, topics
from workers.config import Settings

GROUPS = (demo, pipeline, topics, broker, bench, ops)


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    if not hasattr(args, "run"):
        parser.print_help()
        return 2
    try:
        settings = Settings.from_env()
    except ValueError as exc:
        print(f"khabar: {exc}", file=sys.stderr)
        return 2
    try:
        code: int = args.run(args, settings)
    except KeyboardInterrupt:
        return 130
    return code


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="khabar",
        description="Streaming cleanup and enrichment of scraped news articles on Kafka. "
        "Configuration comes from KHABAR_* environment variables (`khabar config`).",
    )
    parser.add_argument("--version", action="version", version=f"khabar {__version__}")
    commands = parser.add_subparsers(title="commands", metavar="COMMAND")
    for group in GROUPS:
        group.register(commands)
    return parser
