"""`khabar bench`: quality and speed, measured on the data given."""

from __future__ import annotations

import argparse
import os
import statistics
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

from workers.config import Settings
from workers.ops.progress import progress

if TYPE_CHECKING:
    from workers.pipeline.processor import Processor


def register(commands: Any) -> None:
    bench = commands.add_parser(
        "bench",
        help="measure: extraction quality on a benchmark, or stage speed",
        description="Measurements that print numbers; every input is a path you give.",
    )
    kinds = bench.add_subparsers(title="measurements", metavar="WHAT", required=True)
    zyte = kinds.add_parser(
        "zyte",
        help="Khabar's cleaned body beside trafilatura on the article-extraction benchmark",
        description="Precision, recall and F1 (4-token shingles, per page, averaged) of "
        "trafilatura's plain extraction, trafilatura as Khabar configures it, and Khabar's "
        "cleanup, on the pages of the benchmark folder (ground-truth.json and html/).",
    )
    zyte.add_argument("folder", type=Path, help="the benchmark, e.g. ../shared/bench/zyte")
    zyte.set_defaults(run=_zyte)
    _register_extract(kinds)
    speed = kinds.add_parser(
        "speed",
        help="milliseconds per article of each stage on one core",
        description="Median and 95th percentile per article of cleanup, extraction and both, "
        "on the articles given (files or folders, as `khabar produce` reads them).",
    )
    speed.add_argument("paths", nargs="+", metavar="PATH", help="articles, e.g. seeds/")
    speed.add_argument("--repeat", type=int, default=300, help="runs per article (default 300)")
    speed.add_argument(
        "--pages",
        metavar="FOLDER",
        type=Path,
        help="also time trafilatura alone and Khabar's cleanup on the benchmark's HTML pages in "
        "FOLDER (e.g. ../shared/bench/zyte), page by page",
    )
    speed.set_defaults(run=_speed)
    fingerprints = kinds.add_parser(
        "fingerprints",
        help="a worker's start-up with a full fingerprints topic",
        description="Fill a new fingerprints topic with N records on a broker started for the "
        "run, then time loading it into the memory as a worker of both stages does at start "
        "(the near-duplicate index and the recurring lines); prints the time, the rate and the "
        "memory it took, as a table and as JSON.",
    )
    fingerprints.add_argument(
        "--records", type=int, default=1_000_000, help="records (default 1,000,000)"
    )
    fingerprints.add_argument(
        "--kafka", action="store_true", help="on Apache Kafka (default: the embedded broker)"
    )
    fingerprints.set_defaults(run=_fingerprints)
    _register_indic(kinds)
    _register_stream(kinds)


def _register_extract(kinds: Any) -> None:
    extract = kinds.add_parser(
        "extract",
        help="entity, date and category quality on labelled articles",
        description="Precision and recall of PERSON, ORG, LOC and dates, and category accuracy, "
        "on labelled articles (JSON files with `input` and `expected`); or entity mention "
        "precision, recall and F1 per language and split on gold sentence groups (a folder of "
        "<language>/dev.jsonl and test.jsonl, e.g. tests/stages/extract/gold).",
    )
    extract.add_argument("folder", type=Path, help="e.g. tests/stages/extract/fixtures")
    extract.add_argument("--verbose", action="store_true", help="list every miss")
    extract.add_argument(
        "--split",
        choices=("all", "dev", "test"),
        default="all",
        help="of a gold folder: which split (look at misses on dev only)",
    )
    extract.add_argument("--json", action="store_true", help="of a gold folder: also as JSON")
    extract.add_argument(
        "--texts",
        type=Path,
        help="of labels that name their texts (tests/stages/extract/scraped): the benchmarks' "
        "folder, e.g. ../shared/bench",
    )
    extract.set_defaults(run=_extract)


def _register_indic(kinds: Any) -> None:
    indic = kinds.add_parser(
        "indic",
        help="cleanup quality on scraped text labelled line by line",
        description="Body precision, recall and F1 (4-token shingles, per case, averaged) and "
        "the share of labelled noise that leaks into the body, per label, for the development "
        "and the held-out split, on a folder of labelled scrapes (cases/*.json, as "
        "../shared/bench/indic-scraped).",
    )
    indic.add_argument("folder", type=Path, help="e.g. ../shared/bench/indic-scraped")
    indic.add_argument(
        "--details", type=Path, metavar="FILE", help="write each case's scores and leaks to FILE"
    )
    indic.add_argument("--json", action="store_true", help="also print the numbers as JSON")
    indic.add_argument(
        "--split",
        choices=("all", "dev", "held-out"),
        default="all",
        help="score only these cases (default all): tune on dev, run held-out once at the end",
    )
    indic.set_defaults(run=_indic)


def _register_stream(kinds: Any) -> None:
    stream = kinds.add_parser(
        "stream",
        help="throughput of the whole chain on a realistic stream, with every limit beside it",
        description="On a broker started for the run, in one run: the transport limit (a bare "
        "aiokafka consumer and producer), the compute limit (the stages in a plain loop, with "
        "the costliest steps), the chain drained by 1 and N worker processes (with their "
        "memory, the near-duplicate index holding a whole window), latency at half one "
        "worker's rate, and a near-duplicate storm; a table, then JSON.",
    )
    stream.add_argument(
        "paths", nargs="*", metavar="PATH", help="articles to use (default: a generated corpus)"
    )
    stream.add_argument(
        "--articles", type=int, default=3000, help="generated articles (default 3,000)"
    )
    stream.add_argument("--seed", type=int, default=0, help="of the generated corpus")
    stream.add_argument(
        "--processes", type=int, default=os.cpu_count() or 1, help="N (default: one per core)"
    )
    stream.add_argument(
        "--window",
        type=int,
        default=None,
        help="fingerprints loaded before each chain run (default KHABAR_DUPLICATE_WINDOW)",
    )
    stream.add_argument(
        "--storm", type=int, default=50_000, help="copies of one story (default 50,000)"
    )
    stream.add_argument(
        "--write-corpus",
        metavar="FILE",
        type=Path,
        help="only write the corpus as JSON lines to FILE (for `khabar process`, side by side)",
    )
    stream.add_argument(
        "--kafka", action="store_true", help="on Apache Kafka (default: the embedded broker)"
    )
    stream.set_defaults(run=_stream)


def _missing(path: Path, what: str) -> bool:
    if path.is_dir():
        return False
    print(f"khabar bench: {path} is not a folder ({what})", file=sys.stderr)
    return True


def _zyte(args: argparse.Namespace, settings: Settings) -> int:
    from workers.bench import zyte
    from workers.pipeline.build import build_stages
    from workers.pipeline.table import Stage

    if _missing(args.folder, "the benchmark's folder"):
        return 2
    cleanup = build_stages()[Stage.CLEANUP].function
    pages = sum(1 for _ in zyte.load_pages(args.folder))
    with progress("bench zyte", "page", total=3 * pages) as done:  # three extractors
        scores = zyte.run(args.folder, cleanup, done)
    print(zyte.report(scores))
    return 0


def _gold(args: argparse.Namespace, extract: Processor) -> int:
    from workers.bench import gold

    if args.verbose and args.split != "dev":
        print(
            "khabar bench: misses are listed for the dev split only (--split dev)", file=sys.stderr
        )
        return 2
    splits = gold.SPLITS if args.split == "all" else (args.split,)
    try:
        report = gold.score(gold.load(args.folder, splits, args.texts), extract)
    except gold.TextMissing as error:
        print(f"khabar bench: {error}", file=sys.stderr)
        return 2
    if not report.groups:
        print(f"khabar bench: no {args.split} records in {args.folder}", file=sys.stderr)
        return 2
    print(gold.render(report, verbose=args.verbose))
    if args.json:
        print(gold.as_json(report).decode())
    return 0


def _extract(args: argparse.Namespace, settings: Settings) -> int:
    from workers.bench import gold, labelled
    from workers.pipeline.build import build_stages
    from workers.pipeline.table import Stage

    if _missing(args.folder, "labelled articles"):
        return 2
    if gold.is_gold_folder(args.folder):
        return _gold(args, build_stages()[Stage.EXTRACT])
    report = labelled.score(args.folder, build_stages()[Stage.EXTRACT])
    if not report.articles:
        print(f"khabar bench: no labelled articles in {args.folder}", file=sys.stderr)
        return 2
    print(labelled.render(report, verbose=args.verbose))
    return 0


def _indic(args: argparse.Namespace, settings: Settings) -> int:
    import orjson

    from workers.bench import indic
    from workers.pipeline.build import build_stages

    if _missing(args.folder, "labelled scrapes"):
        return 2
    split = indic.Split.load(args.folder.resolve().name)
    if split is None and args.split != "all":
        print(f"khabar bench: {args.folder} has no split; score it whole", file=sys.stderr)
        return 2
    cases = [
        c for c in indic.load_cases(args.folder) if args.split in ("all", indic.part_of(split, c))
    ]
    if not cases:
        print(f"khabar bench: no cases in {args.folder / 'cases'}", file=sys.stderr)
        return 2
    clean = indic.khabar_cleaner(build_stages())
    report = indic.score(cases, clean, split)
    print(indic.render(report))
    if args.json:
        print(indic.as_json(report).decode())
    if args.details is not None:
        args.details.write_bytes(orjson.dumps(report.details, option=orjson.OPT_INDENT_2))
    return 0


def _speed(args: argparse.Namespace, settings: Settings) -> int:
    from workers.bench import speed, zyte
    from workers.inputs import read_inputs
    from workers.pipeline.build import build_stages
    from workers.pipeline.table import Stage

    articles = {
        Path(item.origin).name[:40]: item.event
        for item in read_inputs(args.paths)
        if item.event is not None
    }
    if not articles:
        print(f"khabar bench: no readable articles in {' '.join(args.paths)}", file=sys.stderr)
        return 2
    if args.pages is not None and _missing(args.pages, "the benchmark's folder"):
        return 2
    stages = build_stages()
    print(speed.report(speed.run(articles, stages, repeat=args.repeat)))
    if args.pages is not None:
        pages = list(zyte.load_pages(args.pages))
        # "Seed-sized": article text as long as the given articles' text, on average.
        seed_chars = round(statistics.mean(len(a.get("text") or "") for a in articles.values()))
        print()
        with progress("bench speed --pages", "page", total=3 * len(pages)) as done:  # 3 passes
            timings = speed.measure_pages(pages, stages[Stage.CLEANUP], done=done)
        print(speed.page_report(timings, seed_chars))
    return 0


def _fingerprints(args: argparse.Namespace, settings: Settings) -> int:
    import dataclasses

    import orjson

    from workers.bench import fingerprints
    from workers.ops import logs

    logs.configure(settings.log_level, stream=sys.stderr)  # stdout: the table and the JSON
    if args.records < 1:
        print("khabar bench: --records must be at least 1", file=sys.stderr)
        return 2
    result = fingerprints.run("kafka" if args.kafka else "embedded", args.records)
    print(fingerprints.report(result))
    print(orjson.dumps(dataclasses.asdict(result)).decode())
    return 0


def _stream(args: argparse.Namespace, settings: Settings) -> int:
    import orjson

    from workers.bench import corpus, stream
    from workers.ops import logs

    logs.configure(settings.log_level, stream=sys.stderr)  # stdout: the table and the JSON
    articles = (
        stream.read_articles(args.paths)
        if args.paths
        else list(corpus.articles(args.articles, seed=args.seed))
    )
    if not articles or args.articles < 1 or args.storm < 200 or args.processes < 1:
        print(
            "khabar bench: no articles, or --articles/--processes < 1, or --storm < 200",
            file=sys.stderr,
        )
        return 2
    if args.write_corpus is not None:
        with open(args.write_corpus, "wb") as out:
            out.writelines(orjson.dumps(article) + b"\n" for article in articles)
        return 0
    options = stream.Options(
        broker="kafka" if args.kafka else "embedded",
        processes=args.processes,
        window=settings.duplicate_window if args.window is None else args.window,
        storm=args.storm,
        min_words=settings.min_words,
    )
    report = stream.run(articles, options)
    print(stream.table(report))
    print(stream.as_json(report).decode())
    return 0
