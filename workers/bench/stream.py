"""`khabar bench stream`: throughput of the whole chain on a realistic stream, every number
measured in one run so the ratios between them hold.

On a generated corpus of distinct articles (`corpus.py`; or the files given): the transport
limit (Kafka alone), the compute limit (the stages in a plain loop, with the costliest steps),
the chain drained by 1 and N worker processes (with their memory, the index holding a whole
duplicate window), latency at half the one-worker rate, and a near-duplicate storm (the cost
of a story's copy 50,000 beside its copy 100).
"""

from __future__ import annotations

import datetime as dt
import os
import platform
import statistics
import time
from collections import Counter
from collections.abc import Iterable
from dataclasses import asdict, dataclass, field
from typing import Any

import orjson

from workers.bench import chain
from workers.bench.brokers import local_broker
from workers.bench.corpus import near_duplicates
from workers.contract.events import Event, encode
from workers.pipeline.batch import Halfway, complete_one, compute_one, process_one
from workers.pipeline.build import build_stages
from workers.pipeline.runner import Computed
from workers.pipeline.table import Stage

STORM_SAMPLE = 200  # distinct copies computed; the storm's copies cycle through them


@dataclass(frozen=True)
class Compute:
    articles: int
    seconds: float
    per_s: float
    dead_lettered: int
    languages: dict[str, int]  # as the extract stage detected them
    steps_ms: dict[str, float]  # mean per article, the costliest steps first
    outside_steps_ms: float  # decoding, validation, envelope, encoding: the rest


@dataclass(frozen=True)
class Storm:
    copies: int
    copy_100_ms: float
    last_copy_ms: float
    ratio: float


@dataclass(frozen=True)
class Options:
    broker: str = "embedded"
    processes: int = field(default_factory=lambda: os.cpu_count() or 1)
    window: int = 200_000
    storm: int = 50_000
    min_words: int = 1


@dataclass(frozen=True)
class Report:
    broker: str
    articles: int
    median_kb: float
    html_share: float
    transport_per_s: float
    compute: Compute
    chains: list[chain.ChainRun]
    latency: chain.Latency
    storm: Storm
    when: str
    machine: str


def compute(articles: list[Event], min_words: int = 1) -> Compute:
    """The stages in a plain loop over `articles`, one process, a new near-duplicate index."""
    stages = build_stages(min_words=min_words)
    values = [encode(article) for article in articles]
    steps: Counter[str] = Counter()
    languages: Counter[str] = Counter()
    dead = 0
    began = time.perf_counter()
    for offset, value in enumerate(values):
        enriched, _ = process_one(value, stages, offset)
        if enriched is None:
            dead += 1
            continue
        languages[str(enriched.get("language"))] += 1
        for stage, record in enriched["pipeline"]["stages"].items():
            steps.update({f"{stage}.{step}": ms for step, ms in record["steps"].items()})
    seconds = time.perf_counter() - began
    per_article = {name: ms / len(values) for name, ms in steps.most_common()}
    return Compute(
        articles=len(values),
        seconds=round(seconds, 1),
        per_s=round(len(values) / seconds, 1),
        dead_lettered=dead,
        languages=dict(languages.most_common()),
        steps_ms={name: round(ms, 3) for name, ms in list(per_article.items())[:8]},
        outside_steps_ms=round(seconds * 1000 / len(values) - sum(per_article.values()), 3),
    )


def storm(story: Event, copies: int, min_words: int = 1) -> Storm:
    """Milliseconds per copy of one story at copy 100 and at copy `copies`. The pure half of a
    copy keeps no state, so its cost is the median over `STORM_SAMPLE` distinct copies; the
    finishing half (the index) is timed for every copy, as the index grows."""
    stages = build_stages(min_words=min_words)
    process_one(encode(story), stages)
    halves, pure_ms = [], []
    for offset, copy in enumerate(near_duplicates(story, STORM_SAMPLE)):
        began = time.perf_counter()
        halfway = compute_one(encode(copy), stages, offset)
        pure_ms.append((time.perf_counter() - began) * 1000)
        if isinstance(halfway, Halfway) and halfway.computed is not None:
            halves.append(orjson.dumps(halfway.computed.event))
    finish_ms = []
    for number in range(copies):
        event = orjson.loads(halves[number % len(halves)]) | {"id": f"{story['id']}-{number}"}
        halfway = Halfway(Computed(event, 0.0), b"", number)
        began = time.perf_counter()
        complete_one(halfway, stages[Stage.EXTRACT])
        finish_ms.append((time.perf_counter() - began) * 1000)
    pure = statistics.median(pure_ms)
    early = pure + statistics.median(finish_ms[50:150])
    late = pure + statistics.median(finish_ms[-100:])
    return Storm(copies, round(early, 3), round(late, 3), round(late / early, 3))


def run(articles: list[Event], options: Options) -> Report:
    """Every measurement on `articles`, on a broker of `options.broker` started for the run."""
    messages = [(str(a["id"]).encode(), encode(a)) for a in articles]
    measured_compute = compute(articles, options.min_words)
    story = next(a for a in articles if a.get("text"))
    measured_storm = storm(story, options.storm, options.min_words)
    with local_broker(options.broker) as (broker, folder):
        transport = chain.transport(broker.bootstrap, messages, folder)
        runs = [
            chain.chain(broker, messages, processes, options.window, folder)
            for processes in sorted({1, options.processes})
        ]
        paced = chain.latency(broker.bootstrap, messages, runs[0].per_s / 2, options.window, folder)
        kind = broker.kind
    return Report(
        broker=kind,
        articles=len(articles),
        median_kb=round(statistics.median(len(m[1]) for m in messages) / 1024, 1),
        html_share=round(sum(1 for a in articles if a.get("html")) / len(articles), 3),
        transport_per_s=round(transport, 1),
        compute=measured_compute,
        chains=runs,
        latency=paced,
        storm=measured_storm,
        when=dt.datetime.now(dt.UTC).isoformat(timespec="minutes"),
        machine=f"{platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}",
    )


def ratios(report: Report) -> dict[str, float]:
    """The targets' ratios: chain with one worker to the compute limit, N workers to one."""
    one, most = report.chains[0].per_s, report.chains[-1].per_s
    return {
        "chain_1_vs_compute": round(one / report.compute.per_s, 2),
        f"chain_{report.chains[-1].processes}_vs_chain_1": round(most / one, 2),
        "storm_last_vs_copy_100": report.storm.ratio,
    }


def table(report: Report) -> str:
    """The report as a Markdown table, the ratios last."""
    rows: list[tuple[str, Any]] = [
        ("broker", report.broker),
        (
            "articles (median KB, HTML share)",
            f"{report.articles} ({report.median_kb}, {report.html_share:.0%})",
        ),
        ("transport limit: bare consume → produce", f"{report.transport_per_s:,.0f} /s"),
        ("compute limit: stages in a plain loop", f"{report.compute.per_s:,.1f} /s"),
    ]
    rows += [(f"  {name}", f"{ms:.2f} ms") for name, ms in report.compute.steps_ms.items()]
    rows.append(("  outside the steps", f"{report.compute.outside_steps_ms:.2f} ms"))
    for run in report.chains:
        rows.append((f"chain, {run.processes} worker process(es)", f"{run.per_s:,.1f} /s"))
        rows.append(
            (
                f"  memory per worker ({run.processes})",
                f"{run.worker_rss_mb:.0f} MB own RSS, {run.worker_tree_mb:.0f} MB with its stages",
            )
        )
        busy = ", ".join(f"{kind} {cores:.2f}" for kind, cores in run.cores.items())
        rows.append((f"  cores busy ({run.processes})", busy))
    latency = report.latency
    rows.append(
        (
            f"latency at {latency.rate_per_s:.0f}/s (half of one worker's rate)",
            f"p50 {latency.p50_ms:.0f} ms, p99 {latency.p99_ms:.0f} ms",
        )
    )
    storm = report.storm
    rows.append(
        (
            f"near-duplicate storm: copy 100 → copy {storm.copies:,}",
            f"{storm.copy_100_ms:.2f} → {storm.last_copy_ms:.2f} ms",
        )
    )
    rows += [(name, f"{value:.2f}×") for name, value in ratios(report).items()]
    rows += [("when", report.when), ("machine", report.machine)]
    return "\n".join(["| stream | |", "| --- | --- |", *(f"| {k} | {v} |" for k, v in rows)])


def as_json(report: Report) -> bytes:
    return orjson.dumps(asdict(report) | {"ratios": ratios(report)})


def read_articles(paths: Iterable[str]) -> list[Event]:
    """Given articles instead of generated ones (as `khabar produce` reads them)."""
    from workers.inputs import read_inputs

    return [item.event for item in read_inputs(list(paths)) if item.event is not None]
