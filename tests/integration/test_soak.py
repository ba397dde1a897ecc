"""A long run on each broker: 100,000 distinct articles through one worker with a near-duplicate
window a tenth of the run. Memory grows until the window is full (by design: the throughput
issue measures it); from then on it must stay flat: RSS at the end (the most over the last
tenth) within 10 % of RSS when the window filled, RSS counting the worker and its stage
processes. The articles' words come as in real news, new ones all along (`GrowingVocabulary`),
so the worker's bounded word caches fill as they would in production. Left out of the default
run (about 10 minutes per broker here):

    KHABAR_SOAK_ARTICLES=100000 pytest -m soak -s tests/integration/test_soak.py
"""

from __future__ import annotations

import asyncio
import dataclasses
import os
import time

import pytest

from tests.integration.streams import (
    GrowingVocabulary,
    articles,
    ids_of,
    send_in_background,
    tally,
)
from tests.integration.test_faults import kind_of
from workers.ops import processes
from workers.pipeline.table import Stage

pytestmark = [pytest.mark.integration, pytest.mark.soak]

ARTICLES = int(os.environ.get("KHABAR_SOAK_ARTICLES", "100000"))
RATE = float(os.environ.get("KHABAR_SOAK_RATE", "1000"))  # articles sent per second


def rss_mb(pid: int) -> float:
    """The resident memory of a process and its descendants (a worker's stage processes),
    summed."""
    return sum(processes.rss_mb(member) for member in processes.tree(pid))


def test_memory_stays_flat_once_the_duplicate_window_is_full(cluster, broker, capsys):
    window = ARTICLES // 10
    cluster.settings = dataclasses.replace(
        cluster.settings, duplicate_window=window, log_level="INFO", stats_interval=2.0
    )
    settings = cluster.settings
    worker = cluster.start(["all"])
    cluster.wait_balanced()
    messages = articles(ARTICLES, "soak", length=(3, 40), word=GrowingVocabulary())
    began = time.monotonic()
    sender = send_in_background(settings, messages, ARTICLES / RATE)
    samples: list[tuple[float, int, float]] = []  # seconds, articles enriched, RSS in MB
    while time.monotonic() - began < ARTICLES:  # at 1 article/s at worst
        stats = [
            e
            for e in worker.log_events()
            if e["event"] == "stage_stats" and e["stage"] == Stage.EXTRACT
        ]
        done = stats[-1]["total_processed"] + stats[-1]["total_dead_lettered"] if stats else 0
        samples.append((time.monotonic() - began, done, rss_mb(worker.process.pid)))
        if done >= ARTICLES:
            break
        time.sleep(5)
    sender.join()
    result = asyncio.run(tally(settings, ids_of(messages), timeout=600))
    full = next(s for s in samples if s[1] >= window)
    # At the end: the most over the last tenth of the run, not the last sample alone, which
    # may fall just after a stage process was replaced (KHABAR_STAGE_MAX_MESSAGES).
    end = max((s for s in samples if s[1] >= ARTICLES * 0.9), key=lambda s: s[2])
    peak = max((s for s in samples if s[1] >= window), key=lambda s: s[2])
    with capsys.disabled():
        print(f"\n[{kind_of(broker)}] soak: {ARTICLES} articles at {RATE:.0f}/s, window {window}")
        for seconds, done, rss in [*samples[:: max(1, len(samples) // 12)], samples[-1]]:
            print(f"  {seconds:7.0f} s {done:7d} enriched  RSS {rss:6.0f} MB")
        print(
            f"  RSS when the window filled {full[2]:.0f} MB, over the last tenth at most "
            f"{end[2]:.0f} MB ({end[2] / full[2] - 1:+.1%}), at most {peak[2]:.0f} MB after the "
            f"window filled ({peak[2] / full[2] - 1:+.1%}, at {peak[1]} articles); "
            f"{ARTICLES / samples[-1][0]:.0f} articles/s; "
            f"lost {result.lost}, duplicated {result.duplicated}"
        )
    assert result.lost == 0
    assert end[2] <= full[2] * 1.10
