"""What an operator's Prometheus and kubelet see of a worker on a real broker: the series move
as articles flow, readiness waits for the partitions, and liveness turns when the work stops
(the broker frozen under a backlog) and back when it resumes."""

from __future__ import annotations

import asyncio
import dataclasses
import signal
import time
from collections.abc import Callable

import pytest

from tests.integration.conftest import send_raw
from tests.integration.scrape import get, series, total
from tests.integration.test_processes import articles
from workers.kafka.admin import ensure_topics
from workers.kafka.local import free_port
from workers.kafka.worker import spawn_worker, stop_worker

pytestmark = pytest.mark.integration


def until(what: str, check: Callable[[], object], timeout: float = 90) -> object:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            if found := check():
                return found
        except OSError:  # not listening yet
            pass
        time.sleep(0.2)
    raise AssertionError(f"no {what} within {timeout} s")


def test_series_move_as_articles_flow_and_readiness_waits_for_partitions(settings, tmp_path):
    port = free_port()
    settings = dataclasses.replace(settings, metrics_port=port, stats_interval=1.0)
    asyncio.run(ensure_topics(settings))
    worker = spawn_worker(settings, ["all"], tmp_path / "worker.log")
    try:
        waiting = until("an answer", lambda: get(port, "/readyz"))
        assert waiting[0] == 503, waiting  # answers before its consumers have partitions
        assert until("readiness", lambda: get(port, "/readyz")[0] == 200)
        assert get(port, "/healthz") == (200, "ok\n")
        asyncio.run(send_raw(settings, articles(0, 30)))

        def all_done() -> dict[str, float] | None:
            scrape = series(port)
            done = total(scrape, r'khabar_messages_processed_total\{stage="extract"\}')
            committed = total(scrape, r'khabar_committed_offset\{.*stage="cleanup"\}')
            indexed = scrape.get("khabar_near_duplicate_index_articles")  # (follows within 1 s)
            lag = total(scrape, r"khabar_consumer_lag\{.*\}")  # (each stage's next stats tick)
            return scrape if done == 30 and committed == 30 and indexed == 30 and lag == 0 else None

        scrape = until("30 articles in the series", all_done)
        assert isinstance(scrape, dict)
        assert total(scrape, r'khabar_messages_processed_total\{stage="cleanup"\}') == 30
        assert (
            total(scrape, r'khabar_step_seconds_count\{stage="extract",step="find_entities"\}')
            == 30
        )
        assert total(scrape, r"khabar_consumer_lag\{.*\}") == 0
        assert (
            total(scrape, r'khabar_assigned_partitions\{stage="extract"\}') == settings.partitions
        )
        assert scrape["khabar_live"] == 1 and scrape["khabar_broker_reachable"] == 1
        assert scrape["faust_extract_messages_received_total"] >= 30  # Faust's own monitor
    finally:
        stop_worker(worker)


def test_liveness_turns_when_the_broker_freezes_with_messages_waiting(
    broker, settings, tmp_path, capsys
):
    if broker is None:
        pytest.skip("freezes the broker: a local one only")
    port = free_port()
    stall, deadline = 4.0, 10.0
    settings = dataclasses.replace(
        settings, metrics_port=port, stats_interval=1.0, stall_timeout=stall, broker_wait=deadline
    )
    asyncio.run(ensure_topics(settings))
    worker = spawn_worker(settings, ["all"], tmp_path / "worker.log")
    try:
        until("readiness", lambda: get(port, "/readyz")[0] == 200)
        asyncio.run(send_raw(settings, articles(0, 600)))
        until("work under way", lambda: total(series(port), r"khabar_messages_processed_total.*"))
        broker.signal(signal.SIGSTOP)  # the session's broker: resumed below whatever happens
        frozen = time.monotonic()
        answer = until("liveness to fail", lambda: (a := get(port, "/healthz"))[0] == 503 and a)
        turned = time.monotonic() - frozen
        # Stalled with messages waiting (the worker had not fetched them all), or the broker
        # gone past its deadline (Apache Kafka can hand a worker this backlog in one fetch: it
        # finishes them and its outputs wait in the producer): whichever comes first.
        reason = answer[1]  # type: ignore[index]
        assert "messages waiting" in reason or "broker unreachable" in reason, reason
        assert turned < (stall if "waiting" in reason else deadline) + 6
        broker.signal(signal.SIGCONT)
        resumed = time.monotonic()
        until("liveness again", lambda: get(port, "/healthz")[0] == 200, timeout=120)
        back = time.monotonic() - resumed
        with capsys.disabled():
            print(
                f"\n[{type(broker).__name__}] /healthz 503 {turned:.1f} s after the freeze "
                f"({reason.strip()}); 200 again {back:.1f} s after it resumed"
            )
    finally:
        broker.signal(signal.SIGCONT)
        stop_worker(worker)
