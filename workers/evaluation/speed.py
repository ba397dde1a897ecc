"""Stage speed on one core: milliseconds per article for cleanup and extraction, side by side."""

from __future__ import annotations

import statistics
import time
from collections.abc import Callable
from dataclasses import dataclass
from functools import partial
from typing import Any

from workers.stages.cleanup import clean
from workers.stages.cleanup.html import library_extract
from workers.stages.extract import extract


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


def run(articles: dict[str, dict[str, Any]], repeat: int = 300) -> list[Timing]:
    """Cleanup, extraction and both, per article; for a page, trafilatura alone beside them."""
    timings = []
    for label, raw in articles.items():
        cleaned = clean(raw)
        if raw.get("html"):
            library = partial(library_extract, raw["html"], raw.get("url"))
            timings.append(measure(f"trafilatura alone  {label}", library, repeat=repeat))
        timings.append(measure(f"cleanup  {label}", partial(clean, raw), repeat=repeat))
        timings.append(measure(f"extract  {label}", partial(extract, cleaned), repeat=repeat))
        timings.append(measure(f"both     {label}", partial(_both, raw), repeat=repeat))
    return timings


def _both(raw: dict[str, Any]) -> dict[str, Any]:
    return extract(clean(raw))


def report(timings: list[Timing]) -> str:
    lines = [f"{'stage / article':<44} {'median ms':>9} {'p95 ms':>7} {'articles/s':>10}"]
    for t in timings:
        lines.append(f"{t.name:<44} {t.median_ms:>9.3f} {t.p95_ms:>7.3f} {t.per_second:>10.0f}")
    return "\n".join(lines)
