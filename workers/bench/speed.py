"""Stage speed on one core: milliseconds per article for cleanup and extraction, side by side;
and, on real HTML pages, what Khabar's cleanup costs beyond trafilatura's own extraction."""

from __future__ import annotations

import contextlib
import statistics
import time
from collections.abc import Callable
from dataclasses import dataclass
from functools import partial
from typing import Any

from workers.bench.zyte import Page
from workers.contract.events import Event
from workers.pipeline.processor import Processor
from workers.pipeline.runner import apply
from workers.pipeline.table import Stage
from workers.stages.cleanup.html.page import library_extract
from workers.stages.cleanup.stage import EmptyArticleError


@dataclass(frozen=True)
class Timing:
    name: str
    median_ms: float
    p95_ms: float

    @property
    def per_second(self) -> float:
        return 1000 / self.median_ms if self.median_ms else float("inf")


def measure(name: str, work: Callable[[], Any], *, repeat: int = 300, warmup: int = 20) -> Timing:
    """Median and 95th percentile of `work` over `repeat` runs after `warmup` (caches filled)."""
    for _ in range(warmup):
        work()
    samples = []
    for _ in range(repeat):
        started = time.perf_counter()
        work()
        samples.append((time.perf_counter() - started) * 1000)
    samples.sort()
    return Timing(name, statistics.median(samples), samples[int(0.95 * (len(samples) - 1))])


def run(
    articles: dict[str, Event], stages: dict[Stage, Processor], repeat: int = 300
) -> list[Timing]:
    """Cleanup, extraction and both, per article (each stage's work and its envelope, as a
    worker runs it between decoding and encoding); for a page, trafilatura alone beside them."""
    cleanup, extract = stages[Stage.CLEANUP], stages[Stage.EXTRACT]

    def both(raw: Event) -> Event:
        return apply(extract, apply(cleanup, raw))

    timings = []
    for label, raw in articles.items():
        cleaned = apply(cleanup, raw)
        if raw.get("html"):
            library = partial(library_extract, raw["html"], raw.get("url"))
            timings.append(measure(f"trafilatura alone  {label}", library, repeat=repeat))
        timings.append(measure(f"cleanup  {label}", partial(apply, cleanup, raw), repeat=repeat))
        timings.append(
            measure(f"extract  {label}", partial(apply, extract, cleaned), repeat=repeat)
        )
        timings.append(measure(f"both     {label}", partial(both, raw), repeat=repeat))
    return timings


def report(timings: list[Timing]) -> str:
    lines = [f"{'stage / article':<44} {'median ms':>9} {'p95 ms':>7} {'articles/s':>10}"]
    for t in timings:
        lines.append(f"{t.name:<44} {t.median_ms:>9.3f} {t.p95_ms:>7.3f} {t.per_second:>10.0f}")
    return "\n".join(lines)


@dataclass(frozen=True)
class PageTiming:
    text_chars: int  # the article text trafilatura finds on the page
    library_ms: float  # trafilatura alone, as Khabar calls it, from the raw page
    khabar_ms: float  # Khabar's whole cleanup of the raw page

    @property
    def overhead_ms(self) -> float:
        return self.khabar_ms - self.library_ms


def measure_pages(
    pages: list[Page],
    cleanup: Processor,
    repeat: int = 3,
    done: Callable[[int], object] = lambda _: None,
) -> list[PageTiming]:
    """Per page, trafilatura alone and Khabar's cleanup one after the other (so both see the same
    machine state), in `repeat` passes over all pages, and the fastest of each kept. Passes, not
    runs back to back: a page's lines must not still be in Khabar's caches from its last run."""
    library: list[list[float]] = [[] for _ in pages]
    khabar: list[list[float]] = [[] for _ in pages]
    chars = [0] * len(pages)
    for _ in range(repeat):
        for i, page in enumerate(pages):
            started = time.perf_counter()
            text, _ = library_extract(page.html, page.url)
            library[i].append(time.perf_counter() - started)
            chars[i] = len(text)
            started = time.perf_counter()
            with contextlib.suppress(EmptyArticleError):  # a page without a body costs too
                cleanup.function({"html": page.html, "url": page.url or ""}, {})
            khabar[i].append(time.perf_counter() - started)
            done(1)
    return [
        PageTiming(n, min(lib) * 1000, min(own) * 1000)
        for n, lib, own in zip(chars, library, khabar, strict=True)
    ]


def page_report(timings: list[PageTiming], seed_chars: int) -> str:
    """Mean costs over all pages and over the seed-sized ones (article text 0.5 to 1.5 times
    `seed_chars`)."""
    groups = {
        "all pages": timings,
        f"seed-sized ({seed_chars // 2:,}-{seed_chars * 3 // 2:,} chars)": [
            t for t in timings if seed_chars / 2 <= t.text_chars <= seed_chars * 1.5
        ],
    }
    lines = [
        f"{'HTML pages':<30} {'pages':>5} {'chars':>6} {'trafilatura ms':>14} "
        f"{'khabar ms':>9} {'beyond, mean':>12} {'median':>6}"
    ]
    for name, group in groups.items():
        if not group:
            continue
        lines.append(
            f"{name:<30} {len(group):>5} {statistics.mean(t.text_chars for t in group):>6.0f} "
            f"{statistics.mean(t.library_ms for t in group):>14.2f} "
            f"{statistics.mean(t.khabar_ms for t in group):>9.2f} "
            f"{statistics.mean(t.overhead_ms for t in group):>12.2f} "
            f"{statistics.median(t.overhead_ms for t in group):>6.2f}"
        )
    return "\n".join(lines)
