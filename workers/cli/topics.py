"""`khabar produce`, `tail` and `replay`: articles in, events out, dead letters back."""

from __future__ import annotations

import argparse
import asyncio
import itertools
import sys
from pathlib import Path
from typing import Any

import orjson

from workers.config import Settings
from workers.pipeline.table import Topic


def register(commands: Any) -> None:
    produce = commands.add_parser(
        "produce",
        help="send files, folders or stdin to articles.raw",
        description="Wrap inputs into raw article events and send them, keyed by article id: "
        ".txt (text) and .html (page) files, .json events (an object or a list), .jsonl event "
        "lines, folders (walked), or - for stdin (JSON lines, or one plain-text article).",
    )
    produce.add_argument("paths", nargs="+", metavar="PATH", help="file, folder or -")
    produce.set_defaults(run=_produce)

    tail = commands.add_parser(
        "tail",
        help="print a topic's events as JSON lines",
        description=f"Read a topic outside any consumer group. TOPIC is one of "
        f"{', '.join(t.value for t in Topic)} or its base name (articles.raw, ...); the prefix "
        "from KHABAR_TOPIC_PREFIX is added.",
    )
    tail.add_argument("topic", metavar="TOPIC")
    tail.add_argument("--from-beginning", action="store_true", help="start at the oldest message")
    tail.add_argument("--limit", type=int, default=None, help="stop after N events")
    tail.add_argument(
        "--idle-timeout",
        type=float,
        default=None,
        help="stop after this many seconds without events",
    )
    tail.set_defaults(run=_tail)

    replay = commands.add_parser(
        "replay",
        help="send the originals of dead letters back to the topics they came from",
        description="Read dead-letter records as JSON lines (a file, or - for stdin, e.g. "
        "`khabar tail deadletter --from-beginning --idle-timeout 5 | jq -c 'select(...)'`) and "
        "send each original message, with its key, value and headers as they were, to its "
        "source topic. Replay after fixing the cause, or the messages come straight back.",
    )
    replay.add_argument("path", metavar="PATH", help="file of dead-letter JSON lines, or -")
    replay.add_argument("--dry-run", action="store_true", help="check the records, send nothing")
    replay.set_defaults(run=_replay)


def _produce(args: argparse.Namespace, settings: Settings) -> int:
    from tqdm import tqdm

    from workers.inputs import read_inputs
    from workers.kafka.clients import produce

    items = ((item.origin, item.event, item.error) for item in read_inputs(args.paths))
    before = []  # what cannot be sent, up to the first that can: without one, no broker needed
    for item in items:
        before.append(item)
        if item[1] is not None:
            break
    else:
        for origin, _, error in before:
            print(f"not sent: {origin}: {error}", file=sys.stderr)
        print("khabar produce: nothing to send", file=sys.stderr)
        return 1
    with tqdm(unit="article", file=sys.stderr, disable=None) as bar:
        report = asyncio.run(
            produce(
                settings,
                itertools.chain(before, items),
                on_sent=lambda _: bar.update(),
                on_rejected=lambda origin, error: bar.write(
                    f"not sent: {origin}: {error}", file=sys.stderr
                ),
            )
        )
    print(
        f"sent {report.sent} to {settings.topic(Topic.RAW)}, {report.rejected} rejected",
        file=sys.stderr,
    )
    return 1 if report.rejected else 0


def _tail(args: argparse.Namespace, settings: Settings) -> int:
    from workers.kafka.clients import as_json, read_topic

    try:
        topic = Topic.parse(args.topic)
    except ValueError as exc:
        print(f"khabar tail: {exc}", file=sys.stderr)
        return 2

    async def tail() -> None:
        count = 0
        stream = read_topic(
            settings,
            settings.topic(topic),
            from_beginning=args.from_beginning,
            idle_timeout=args.idle_timeout,
        )
        async for message in stream:
            sys.stdout.write(orjson.dumps(as_json(message.value)).decode() + "\n")
            sys.stdout.flush()
            count += 1
            if args.limit is not None and count >= args.limit:
                return

    asyncio.run(tail())
    return 0


def _replay(args: argparse.Namespace, settings: Settings) -> int:
    from workers.contract.deadletter import TruncatedOriginalError
    from workers.contract.events import SchemaError
    from workers.kafka.clients import replay

    text = sys.stdin.read() if args.path == "-" else Path(args.path).read_text("utf-8")
    try:
        records = [orjson.loads(line) for line in text.split("\n") if line.strip()]
        sent = asyncio.run(replay(settings, records, dry_run=args.dry_run))
    except (orjson.JSONDecodeError, SchemaError) as exc:
        print(f"khabar replay: not a dead-letter record: {exc}", file=sys.stderr)
        return 2
    except TruncatedOriginalError as exc:
        print(f"khabar replay: nothing sent: {exc}", file=sys.stderr)
        return 2
    verb = "would send" if args.dry_run else "sent"
    print(f"{verb} {sent} original messages back to their topics", file=sys.stderr)
    return 0
