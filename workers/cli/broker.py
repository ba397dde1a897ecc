"""`khabar broker`: a local broker in the foreground, for local work: the embedded one (memory
only), or with `--kafka` a durable Apache Kafka."""

from __future__ import annotations

import argparse
import asyncio
import os
import signal
import sys
from dataclasses import replace
from pathlib import Path
from typing import Any

from workers.config import Settings


def register(commands: Any) -> None:
    broker = commands.add_parser(
        "broker",
        help="run a local broker in the foreground (embedded, or Apache Kafka with --kafka)",
        description="Start a broker on 127.0.0.1 and create the topics; Ctrl-C stops it. By "
        "default the embedded Kafka-compatible broker (memory storage: it starts empty and "
        "forgets everything when stopped). With --kafka, a single-node Apache Kafka (KRaft) "
        "from jars Maven resolves once (needs Java 17+ and Maven), its data kept in --data-dir.",
    )
    broker.add_argument("--port", type=int, default=9092, help="port on 127.0.0.1 (default 9092)")
    broker.add_argument("--kafka", action="store_true", help="run Apache Kafka, durable")
    broker.add_argument(
        "--data-dir",
        type=Path,
        default=None,
        help="with --kafka: where its data lives (default $XDG_DATA_HOME/khabar/kafka, "
        "else ~/.local/share/khabar/kafka)",
    )
    broker.set_defaults(run=_broker)


def _data_home() -> Path:
    base = os.environ.get("XDG_DATA_HOME")
    return (Path(base) if base else Path.home() / ".local" / "share") / "khabar" / "kafka"


def _broker(args: argparse.Namespace, settings: Settings) -> int:
    from workers.kafka.admin import ensure_topics
    from workers.kafka.apache import ApacheKafka
    from workers.kafka.embedded import EmbeddedBroker
    from workers.kafka.local import BrokerError, LocalBroker
    from workers.ops import logs

    logs.configure(settings.log_level)
    broker: LocalBroker
    if args.kafka:
        data_dir = args.data_dir or _data_home()
        broker = ApacheKafka(args.port, data_dir=data_dir, log_path=data_dir.parent / "kafka.log")
    elif args.data_dir is not None:
        print(
            "khabar broker: --data-dir goes with --kafka (the embedded broker keeps nothing)",
            file=sys.stderr,
        )
        return 2
    else:
        broker = EmbeddedBroker(args.port)
    try:
        broker.start()
    except BrokerError as exc:
        print(f"khabar broker: {exc}", file=sys.stderr)
        return 1
    # SIGTERM (a service manager, `kill`) ends the command as Ctrl-C does: through the `with`
    # below, which stops the broker; by default Python would die and leave it running.
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(0))
    with broker:
        asyncio.run(ensure_topics(replace(settings, broker=broker.bootstrap)))
        print(
            f"{broker.kind} on {broker.bootstrap}; KHABAR_BROKER={broker.bootstrap}; "
            "Ctrl-C stops it",
            file=sys.stderr,
        )
        return broker.wait()
