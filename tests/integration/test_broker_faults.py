"""The broker itself failing under the workers, on a broker of each kind started for the test:
the embedded one frozen (SIGSTOP, then SIGCONT), Apache Kafka killed (SIGKILL) and started again
on its data directory. The workers recover without help, say when the broker went and came
back, and nothing is lost (nor repeated, with exactly-once); and a worker whose broker is gone
still stops within KHABAR_SHUTDOWN_TIMEOUT."""

from __future__ import annotations

import asyncio
import dataclasses
import signal
import time
import uuid

import pytest

from tests.integration.conftest import BROKERS, Cluster, local_broker, start_or_skip
from tests.integration.streams import Tally, articles, send_steadily, tally
from tests.integration.test_faults import SCALE, check
from workers.config import Settings
from workers.kafka.admin import ensure_topics
from workers.kafka.apache import ApacheKafka
from workers.kafka.local import LocalBroker

pytestmark = pytest.mark.integration
KINDS = [kind for kind in ("embedded", "kafka") if kind in BROKERS]


def settings_for(broker: LocalBroker, tmp_path, **changes: object) -> Settings:
    tag = uuid.uuid4().hex[:8]
    settings = Settings(
        broker=broker.bootstrap,
        topic_prefix=f"f{tag}.",
        app_id=f"khabar-f{tag}",
        session_timeout=6.0,
        stats_interval=2.0,
        state_dir=str(tmp_path / "state"),
        health_file=str(tmp_path / "health"),
        metrics_port=0,
    )
    return dataclasses.replace(settings, **changes)


GUARANTEES = {"embedded": ["at_least_once"], "kafka": ["at_least_once", "exactly_once"]}


@pytest.mark.parametrize(  # the embedded broker frozen: left to `pytest -m heavy`
    "kind", [pytest.param(k, marks=pytest.mark.heavy) if k == "embedded" else k for k in KINDS]
)
def test_workers_recover_from_a_broker_outage(kind, tmp_path, capsys):
    """One outage per broker, and each delivery mode the broker offers (exactly-once needs Kafka
    transactions: Apache Kafka only) through it side by side: a worker of each, on topics and
    in groups of its own, with the same articles before and after."""
    outage = 10 if SCALE == 1 else 30
    broker = start_or_skip(local_broker(kind, tmp_path / "broker"))
    clusters: dict[str, Cluster] = {}
    try:
        for guarantee in GUARANTEES[kind]:
            folder = tmp_path / guarantee
            folder.mkdir()
            settings = settings_for(broker, folder, processing_guarantee=guarantee)
            asyncio.run(ensure_topics(settings))
            clusters[guarantee] = Cluster(settings, folder)
            clusters[guarantee].start(["all"])
        for cluster in clusters.values():
            cluster.wait_balanced()
        size = int(300 * SCALE)
        before, after = articles(size, "before"), articles(size, "after", seed=8)
        asyncio.run(to_each(clusters, before))
        if isinstance(broker, ApacheKafka):  # killed, and started again on its data
            broker.signal(signal.SIGKILL)
            time.sleep(outage)
            broker = ApacheKafka(broker.port, data_dir=broker.data_dir, log_path=broker.log_path)
            broker.start()
        else:  # frozen: memory only, so it keeps what it holds
            broker.signal(signal.SIGSTOP)
            time.sleep(outage)
            broker.signal(signal.SIGCONT)
        back = time.monotonic()
        asyncio.run(to_each(clusters, after))
        sent = time.monotonic() - back
        ids = {key.decode() for key, _ in before + after}
        results = dict(zip(clusters, asyncio.run(tally_each(clusters, ids)), strict=True))
        for guarantee, cluster in clusters.items():
            result = results[guarantee]
            (worker,) = cluster.workers
            events = [e for e in worker.log_events() if e["event"].startswith("broker_")]
            library_errors = [e for e in worker.log_events() if e["logger"].startswith("aiokafka")]
            unsettled = [e for e in worker.log_events() if e["event"] == "offsets_unsettled"]
            with capsys.disabled():
                print(
                    f"\n[{kind}, {guarantee}] broker out for {outage:.0f} s: lost {result.lost}, "
                    f"duplicated {result.duplicated}, all {len(ids)} out "
                    f"{sent + result.seconds:.1f} s after it came back; "
                    f"{[(e['event'], e.get('down_s')) for e in events]}, "
                    f"{len(library_errors)} aiokafka lines, {len(unsettled)} offsets unsettled"
                )
            # A transaction the killed broker acknowledged and then never finished is the one way
            # to duplicates with exactly-once; the worker says so (docs/operations.md).
            check(result, "at_least_once" if unsettled else guarantee)
            assert worker.process.poll() is None, "the worker did not give up"
            assert [e["event"] for e in events] == ["broker_unreachable", "broker_back"]
            assert outage - 5 < events[1]["down_s"] < outage + 30
            assert len(library_errors) < 100, "aiokafka's repeats are throttled"
    finally:
        for cluster in clusters.values():
            cluster.stop()
        broker.signal(signal.SIGCONT)
        broker.stop()


async def to_each(clusters: dict[str, Cluster], messages: list[tuple[bytes, bytes]]) -> None:
    """The same messages to each cluster's raw topic, steadily over 2 s, side by side."""
    await asyncio.gather(*(send_steadily(c.settings, messages, 2) for c in clusters.values()))


async def tally_each(clusters: dict[str, Cluster], ids: set[str]) -> list[Tally]:
    """What reached each cluster's enriched topic, read side by side."""
    return await asyncio.gather(
        *(tally(c.settings, ids, timeout=240 * SCALE) for c in clusters.values())
    )


def test_a_worker_whose_broker_is_frozen_stops_within_its_shutdown_timeout(tmp_path):
    broker = start_or_skip(local_broker("embedded", tmp_path / "broker"))
    try:
        settings = settings_for(broker, tmp_path, shutdown_timeout=5.0)
        asyncio.run(ensure_topics(settings))
        cluster = Cluster(settings, tmp_path)
        worker = cluster.start(["all"])
        cluster.wait_balanced()
        broker.signal(signal.SIGSTOP)
        began = time.monotonic()
        worker.process.terminate()
        code = worker.process.wait(60)
        took = time.monotonic() - began
        events = [e["event"] for e in worker.log_events()]
        assert "worker_stopping" in events and took < 5 + 5
        # Either it stopped without the broker, or it gave up at the timeout, and says so.
        assert code == 0 or (code == 1 and "shutdown_timed_out" in events), (code, events[-5:])
    finally:
        broker.signal(signal.SIGCONT)
        broker.stop()
