"""`khabar`: parse the command line and call the pieces; nothing else lives here."""

from __future__ import annotations

import argparse
import asyncio
import sys
from collections.abc import Sequence

import orjson

from workers import __version__
from workers.settings import STAGES, TOPICS, Settings, markdown_table


def main(argv: Sequence[str] | None = None) -> int:
    parser = _parser()
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


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="khabar",
        description="Streaming cleanup and enrichment of scraped news articles on Kafka. "
        "Configuration comes from KHABAR_* environment variables (`khabar config`).",
    )
    parser.add_argument("--version", action="version", version=f"khabar {__version__}")
    commands = parser.add_subparsers(title="commands", metavar="COMMAND")

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

    worker = commands.add_parser(
        "worker",
        help="run stage agents against the broker in KHABAR_BROKER",
        description="Consume and process until stopped (SIGINT/SIGTERM). Each stage is its own "
        "consumer group, so run as many workers per stage as it has partitions.",
    )
    worker.add_argument(
        "--stage",
        nargs="+",
        choices=[*STAGES, "all"],
        default=["all"],
        help="stage(s) to run in this process (default: all)",
    )
    worker.set_defaults(run=_worker)

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
        description=f"Read a topic outside any consumer group. TOPIC is a full name or one of "
        f"{', '.join(TOPICS)} (the prefix from KHABAR_TOPIC_PREFIX is added).",
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

    process = commands.add_parser(
        "process",
        help="batch mode: run the stages on inputs without a broker, JSON lines to stdout",
        description="The same inputs as `produce` and the same stage code, no broker: one "
        "enriched event per input on stdout (a given id is kept); failures go to stderr as "
        "dead-letter records and make the exit code 1.",
    )
    process.add_argument("paths", nargs="+", metavar="PATH", help="file, folder or -")
    process.set_defaults(run=_process)

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

    broker = commands.add_parser(
        "broker",
        help="run the embedded broker in the foreground for local work",
        description="Start the embedded Kafka-compatible broker (memory storage: it starts empty "
        "and forgets everything when stopped) and create the topics.",
    )
    broker.add_argument("--port", type=int, default=9092, help="port on 127.0.0.1 (default 9092)")
    broker.set_defaults(run=_broker)

    bench = commands.add_parser(
        "bench",
        help="measure: extraction quality on a benchmark, or stage speed",
        description="`zyte`: score Khabar's cleaned body and trafilatura's plain extraction on the "
        "article-extraction benchmark (precision, recall, F1). `speed`: milliseconds per article "
        "of each stage on one core, for files given (default: seeds/). `extract`: entity, date "
        "and category quality on the labelled articles in tests/stages/extract/fixtures.",
    )
    bench.add_argument("what", choices=["zyte", "speed", "extract"])
    bench.add_argument(
        "paths",
        nargs="*",
        help="zyte: the benchmark folder; speed: input files; extract: the labelled fixtures",
    )
    bench.add_argument("--repeat", type=int, default=300, help="speed: runs per article")
    bench.add_argument(
        "--pages",
        metavar="FOLDER",
        help="speed: also time trafilatura alone and Khabar's cleanup on the benchmark's HTML "
        "pages in FOLDER (e.g. ../shared/bench/zyte), page by page",
    )
    bench.add_argument("--verbose", action="store_true", help="extract: list every miss")
    bench.set_defaults(run=_bench)

    health = commands.add_parser(
        "health",
        help="exit 0 if the worker on this host is alive (the container probe)",
        description="Checks the age of KHABAR_HEALTH_FILE, which a running worker touches every "
        "KHABAR_STATS_INTERVAL seconds; older than three intervals or missing means unhealthy.",
    )
    health.set_defaults(run=_health)

    config = commands.add_parser(
        "config",
        help="print the configuration table (Markdown) or the current settings (--json)",
    )
    config.add_argument("--json", action="store_true", help="the current settings as JSON")
    config.set_defaults(run=_config)
    return parser


def _demo(args: argparse.Namespace, settings: Settings) -> int:
    from workers.demo import run_demo

    return run_demo(args.seeds, out=sys.stdout, err=sys.stderr, timeout=args.timeout)


def _worker(args: argparse.Namespace, settings: Settings) -> int:
    from workers.worker import run_worker

    stages = list(STAGES) if "all" in args.stage else list(dict.fromkeys(args.stage))
    run_worker(settings, stages)
    return 0


def _produce(args: argparse.Namespace, settings: Settings) -> int:
    from tqdm import tqdm

    from workers.clients import produce
    from workers.inputs import read_inputs

    items = [(item.origin, item.event, item.error) for item in read_inputs(args.paths)]
    with tqdm(total=len(items), unit="article", file=sys.stderr, disable=None) as bar:
        report = asyncio.run(produce(settings, items, on_sent=bar.update))
    for origin, error in report.rejected:
        print(f"not sent: {origin}: {error}", file=sys.stderr)
    print(
        f"sent {len(report.sent)} to {settings.topic('raw')}, {len(report.rejected)} rejected",
        file=sys.stderr,
    )
    return 1 if report.rejected else 0


def _tail(args: argparse.Namespace, settings: Settings) -> int:
    from workers.clients import as_json, read_topic

    async def tail() -> None:
        count = 0
        stream = read_topic(
            settings,
            settings.topic(args.topic),
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


def _process(args: argparse.Namespace, settings: Settings) -> int:
    from workers.batch import process_items
    from workers.inputs import read_inputs

    failures = process_items(
        read_inputs(args.paths),
        out=sys.stdout,
        err=sys.stderr,
        threshold=settings.duplicate_threshold,
    )
    return 1 if failures else 0


def _replay(args: argparse.Namespace, settings: Settings) -> int:
    from pathlib import Path

    from workers.clients import replay
    from workers.events import SchemaError

    text = sys.stdin.read() if args.path == "-" else Path(args.path).read_text("utf-8")
    try:
        records = [orjson.loads(line) for line in text.splitlines() if line.strip()]
        sent = asyncio.run(replay(settings, records, dry_run=args.dry_run))
    except (orjson.JSONDecodeError, SchemaError) as exc:
        print(f"khabar replay: not a dead-letter record: {exc}", file=sys.stderr)
        return 2
    verb = "would send" if args.dry_run else "sent"
    print(f"{verb} {sent} original messages back to their topics", file=sys.stderr)
    return 0


def _broker(args: argparse.Namespace, settings: Settings) -> int:
    from dataclasses import replace

    from workers import logs
    from workers.broker import EmbeddedBroker, ensure_topics

    logs.configure(settings.log_level)
    with EmbeddedBroker(args.port) as broker:
        asyncio.run(ensure_topics(replace(settings, broker=broker.bootstrap)))
        print(
            f"embedded broker on {broker.bootstrap}; KHABAR_BROKER={broker.bootstrap}; "
            "Ctrl-C stops it",
            file=sys.stderr,
        )
        return broker.wait()


def _bench(args: argparse.Namespace, settings: Settings) -> int:
    from pathlib import Path

    if args.what == "zyte":
        from workers.evaluation import zyte

        folder = Path(args.paths[0] if args.paths else "../shared/bench/zyte")
        print(zyte.report(zyte.run(folder)))
        return 0
    if args.what == "extract":
        from workers.evaluation import labelled

        folder = Path(args.paths[0] if args.paths else "tests/stages/extract/fixtures")
        print(labelled.render(labelled.score(folder), verbose=args.verbose))
        return 0
    from workers.evaluation import speed
    from workers.inputs import read_inputs

    articles = {
        Path(item.origin).name[:40]: item.event
        for item in read_inputs(args.paths or ["seeds"])
        if item.event is not None
    }
    print(speed.report(speed.run(articles, repeat=args.repeat)))
    if args.pages:
        import statistics

        from workers.evaluation import zyte

        pages = list(zyte.load_pages(Path(args.pages)))
        # "Seed-sized": article text as long as the given articles' text, on average.
        seed_chars = round(statistics.mean(len(a.get("text") or "") for a in articles.values()))
        print()
        print(speed.page_report(speed.measure_pages(pages), seed_chars))
    return 0


def _health(args: argparse.Namespace, settings: Settings) -> int:
    from workers import health

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
