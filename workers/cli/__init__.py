"""`khabar`: parse the command line and call the pieces; one module per command group."""

from __future__ import annotations

import argparse
import logging
import os
import sys
from collections.abc import Sequence

from workers import __version__
from workers.cli import bench, broker, demo, inspect, ops, pipeline, status, topics
from workers.config import Settings
from workers.kafka.errors import BrokerProblem

GROUPS = (demo, pipeline, inspect, topics, status, broker, bench, ops)


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
    command = f"khabar {args.command}" if getattr(args, "command", None) else "khabar"
    # A command says in one line what went wrong; the client library's own log lines (each
    # failed connection attempt) would only repeat it. The worker configures its logs itself.
    logging.getLogger("aiokafka").setLevel(logging.CRITICAL)
    try:
        code: int = args.run(args, settings)
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:  # `khabar tail ... | head`: the reader has what it wanted
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 141
    except BrokerProblem as exc:
        print(f"{command}: {exc}", file=sys.stderr)
        return 1
    except OSError as exc:  # a path the user gave: missing, a folder, not readable
        if exc.filename is None:
            raise
        print(f"{command}: {exc.filename}: {exc.strerror}", file=sys.stderr)
        return 1
    return code


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="khabar",
        description="Streaming cleanup and enrichment of scraped news articles on Kafka. "
        "Configuration comes from KHABAR_* environment variables (`khabar config`).",
    )
    parser.add_argument("--version", action="version", version=f"khabar {__version__}")
    commands = parser.add_subparsers(title="commands", metavar="COMMAND", dest="command")
    for group in GROUPS:
        group.register(commands)
    return parser
