"""`khabar worker` and `khabar process`: the stages, on a broker or over files."""

from __future__ import annotations

import argparse
import os
import sys
from typing import Any

from workers.config import Settings
from workers.ops import logs, processes, signals
from workers.pipeline.table import Stage


def register(commands: Any) -> None:
    worker = commands.add_parser(
        "worker",
        help="run stage agents against the broker in KHABAR_BROKER",
        description="Consume and process until stopped (SIGINT/SIGTERM). Each stage is its own "
        "consumer group, so run as many workers per stage as it has partitions.",
    )
    worker.add_argument(
        "--stage",
        nargs="+",
        choices=[*(s.value for s in Stage), "all"],
        default=["all"],
        help="stage(s) to run in this process (default: all)",
    )
    worker.add_argument(
        "--processes",
        type=_count,
        default=1,
        metavar="N",
        help="run N worker processes in the same consumer groups, supervised: restarted when "
        "one dies, stopped together, one health file (0: one per core; default: 1, this process)",
    )
    worker.set_defaults(run=_worker)

    process = commands.add_parser(
        "process",
        help="batch mode: run the stages on inputs without a broker, JSON lines to stdout",
        description="The same inputs as `produce` and the same stage code, no broker: one "
        "enriched event per input on stdout (a given id is kept); failures go to stderr as "
        "dead-letter records and make the exit code 1.",
    )
    process.add_argument("paths", nargs="+", metavar="PATH", help="file, folder or -")
    process.add_argument(
        "--jobs",
        type=_count,
        default=1,
        metavar="N",
        help="run the stages in N processes (0: one per core); output order and near-duplicate "
        "marks are the same as with 1 (default: 1)",
    )
    process.set_defaults(run=_process)


def _worker(args: argparse.Namespace, settings: Settings) -> int:
    logs.configure(settings.log_level)
    signals.stop_while_starting("khabar.worker")  # before the imports: they take a second
    processes.keep_heap_small()  # before the heap grows
    from workers.kafka.worker import run_worker

    chosen = list(Stage) if "all" in args.stage else [Stage(s) for s in dict.fromkeys(args.stage)]
    if args.processes > 1:
        from workers.kafka.supervisor import run_pool

        return run_pool(settings, chosen, args.processes)
    run_worker(settings, chosen)
    return 0


def _process(args: argparse.Namespace, settings: Settings) -> int:
    from workers.inputs import read_inputs
    from workers.ops.progress import progress
    from workers.pipeline.batch import process_items

    # No summary without a terminal: stderr then carries the dead letters, as JSON lines.
    with progress("process", "article", summary=False) as done:
        failures = process_items(
            read_inputs(args.paths),
            out=sys.stdout,
            err=sys.stderr,
            threshold=settings.duplicate_threshold,
            max_input=settings.max_input_bytes,
            jobs=args.jobs,
            min_words=settings.min_words,
            on_done=done,
        )
    return 1 if failures else 0


def _count(text: str) -> int:
    """`--jobs`, `--processes`: a count of processes, 0 for one per core."""
    try:
        jobs = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a number: {text!r}") from None
    if jobs < 0:
        raise argparse.ArgumentTypeError("at least 0 (0: one per core)")
    return jobs or os.cpu_count() or 1
