"""Delivery under faults, on each broker: a stream of articles through one worker process per
stage while a worker is killed (SIGKILL) and restarted, stopped (SIGTERM), or joined by more.
At least once: nothing is lost; the duplicates a fault causes are counted and reported. Exactly
once (brokers with transactions: Apache Kafka): nothing lost and nothing twice. This is the
CI-sized run; the full sizes run with `KHABAR_FAULT_SCALE` (see the README's Guarantees). The
default run has them on Apache Kafka; the embedded broker's runs are `heavy` (`pytest -m heavy`)."""

from __future__ import annotations

import asyncio
import dataclasses
import os
import random
import time

import pytest

from tests.integration.conftest import heavy_on
from tests.integration.streams import articles, group_lag, ids_of, send_in_background, tally
from workers.config import Settings
from workers.kafka.admin import idempotence_refused
from workers.kafka.local import LocalBroker
from workers.pipeline.table import Stage, Topic

pytestmark = pytest.mark.integration

SCALE = float(os.environ.get("KHABAR_FAULT_SCALE", "1"))


def kind_of(broker: LocalBroker | None) -> str:
    return broker.kind if broker is not None else "KHABAR_TEST_BROKER"


@pytest.fixture(params=["at_least_once", "exactly_once"])
def guarantee(request, cluster) -> str:
    """Each delivery mode the broker offers, set on the cluster's workers."""
    if request.param == "exactly_once" and asyncio.run(idempotence_refused(cluster.settings)):
        pytest.skip("exactly-once needs Kafka transactions, which this broker refuses")
    cluster.settings = dataclasses.replace(cluster.settings, processing_guarantee=request.param)
    return str(request.param)


def settled_lags(settings: Settings, wait: float = 30) -> dict[Stage, dict[int, int]]:
    """Each stage's lag per partition, once it is 0 everywhere (the last commits follow within
    a second or so) or, failing that, as it stands after `wait` seconds."""
    deadline = time.monotonic() + wait
    while True:
        lags = {
            stage: asyncio.run(group_lag(settings, settings.group(stage), settings.topic(source)))
            for stage, source in ((Stage.CLEANUP, Topic.RAW), (Stage.EXTRACT, Topic.CLEANED))
        }
        if time.monotonic() > deadline or not any(
            lag for per_stage in lags.values() for lag in per_stage.values()
        ):
            return lags
        time.sleep(0.5)


def check(result, guarantee: str) -> None:
    """Nothing lost; with exactly-once, nothing twice either."""
    assert result.lost == 0
    if guarantee == "exactly_once":
        assert result.duplicated == 0


@heavy_on("embedded")
def test_killed_workers_lose_nothing(cluster, broker, guarantee, capsys):
    settings = cluster.settings
    count, kills, seconds = int(1000 * SCALE), 2 if SCALE == 1 else 5, 12 * SCALE
    messages = articles(count, "crash")
    workers = {stage: cluster.start([stage]) for stage in (Stage.CLEANUP, Stage.EXTRACT)}
    cluster.wait_balanced()
    sender = send_in_background(settings, messages, seconds)
    began, rng = time.monotonic(), random.Random(kills)
    for at in sorted(rng.uniform(0.1, 0.9) * seconds for _ in range(kills)):
        time.sleep(max(0.0, began + at - time.monotonic()))
        stage = rng.choice((Stage.CLEANUP, Stage.EXTRACT))
        workers[stage].process.kill()  # SIGKILL: no chance to commit or flush
        workers[stage].process.wait()
        workers[stage] = cluster.start([stage])
    sender.join()
    result = asyncio.run(tally(settings, ids_of(messages), timeout=240 * SCALE))
    with capsys.disabled():
        print(
            f"\n[{kind_of(broker)}, {guarantee}] {count} articles, {kills} SIGKILLs: lost "
            f"{result.lost}, duplicated {result.duplicated}, all out in {result.seconds:.1f} s"
        )
    check(result, guarantee)


@heavy_on("embedded")
def test_sigterm_under_load_exits_cleanly_and_loses_nothing(cluster, broker, guarantee, capsys):
    settings = cluster.settings
    count, seconds = int(600 * SCALE), 8 * SCALE
    messages = articles(count, "term")
    worker = cluster.start(["all"])
    cluster.wait_balanced()
    sender = send_in_background(settings, messages, seconds)
    time.sleep(seconds / 2)
    started = time.monotonic()
    worker.process.terminate()
    code = worker.process.wait(60)
    stopped_in = time.monotonic() - started
    cluster.start(["all"])
    sender.join()
    result = asyncio.run(tally(settings, ids_of(messages), timeout=240 * SCALE))
    with capsys.disabled():
        print(
            f"\n[{kind_of(broker)}, {guarantee}] SIGTERM under load: exit {code} in "
            f"{stopped_in:.1f} s; {count} articles: lost {result.lost}, duplicated "
            f"{result.duplicated}"
        )
    assert code == 0
    check(result, guarantee)


@heavy_on("embedded")
def test_scaling_each_stage_out_and_in_while_streaming_loses_nothing(
    cluster, broker, guarantee, capsys
):
    settings = cluster.settings
    count, seconds = int(1000 * SCALE), 16 * SCALE
    messages = articles(count, "scale")
    firsts = [cluster.start([Stage.CLEANUP]), cluster.start([Stage.EXTRACT])]
    cluster.wait_balanced()
    sender = send_in_background(settings, messages, seconds)
    time.sleep(seconds / 4)
    extra = [cluster.start([stage]) for stage in (Stage.CLEANUP, Stage.EXTRACT) for _ in range(2)]
    cluster.wait_balanced()  # 1 -> 3 workers per stage, the partitions split among them
    time.sleep(seconds / 4)
    for worker in extra:  # 3 -> 1: the extra ones leave with SIGTERM
        cluster.retire(worker)
    cluster.wait_balanced()
    sender.join()
    result = asyncio.run(tally(settings, ids_of(messages), timeout=240 * SCALE))
    lags = settled_lags(settings)
    with capsys.disabled():
        print(
            f"\n[{kind_of(broker)}, {guarantee}] 1 -> 3 -> 1 workers per stage: {count} "
            f"articles, lost {result.lost}, duplicated {result.duplicated}; lag at the end {lags}"
        )
    check(result, guarantee)
    assert all(lag == 0 for per_stage in lags.values() for lag in per_stage.values()), lags
    assert all(len(per_stage) == settings.partitions for per_stage in lags.values())
    assert all(w.process.poll() is None for w in firsts)
