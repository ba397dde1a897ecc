"""`khabar broker`: the embedded broker in the foreground, for local work."""

from __future__ import annotations

import argparse
import asyncio
import sys
from dataclasses import replace
from typing import Any

from workers.config import Settings


def register(commands: Any) -> None:
    broker = commands.add_parser(
        "broker",
        help="run the embedded broker in the foreground for local work",
        description="Start the embedded Kafka-compatible broker (memory storage: it starts empty "
        "and forgets everything when stopped) and create the topics.",
    )
    broker.add_argument("--port", type=int, default=9092, help="port on 127.0.0.1 (default 9092)")
    broker.set_defaults(run=_broker)


def _broker(args: argparse.Namespace, settings: Settings) -> int:
    from workers.kafka.admin import ensure_topics
    from workers.kafka.embedded import BrokerError, EmbeddedBroker
    from workers.ops import logs

    logs.configure(settings.log_level)
    try:
        broker = EmbeddedBroker(args.port).start()
    except BrokerError as exc:
        print(f"khabar broker: {exc}", file=sys.stderr)
        return 1
    with broker:
        asyncio.run(ensure_topics(replace(settings, broker=broker.bootstrap)))
        print(
            f"embedded broker on {broker.bootstrap}; KHABAR_BROKER={broker.bootstrap}; "
            "Ctrl-C stops it",
            file=sys.stderr,
        )
        return broker.wait()
