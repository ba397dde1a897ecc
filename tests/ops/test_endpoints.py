"""The HTTP endpoints as a scraper and a kubelet see them."""

from __future__ import annotations

import socket

import pytest
from prometheus_client import CollectorRegistry

from tests.integration.scrape import get
from workers.kafka.local import free_port
from workers.ops.endpoints import application, serve_in_thread
from workers.ops.metrics import Metrics


def test_metrics_and_both_probes_with_their_reasons():
    metrics = Metrics(CollectorRegistry())
    metrics.stage_done("cleanup", {"ms": 2.0, "steps": {"split_lines": 0.5}})
    port = free_port()
    app = application(
        lambda: metrics.registry, lambda: (True, "ok"), lambda: (False, "index loading")
    )
    stop = serve_in_thread(app, port)
    try:
        status, body = get(port, "/metrics")
        assert status == 200
        assert 'khabar_messages_processed_total{stage="cleanup"} 1.0' in body
        assert 'khabar_step_seconds_count{stage="cleanup",step="split_lines"} 1.0' in body
        assert get(port, "/healthz") == (200, "ok\n")
        assert get(port, "/readyz") == (503, "index loading\n")
    finally:
        stop()


def test_a_port_already_taken_is_an_error_at_once():
    with socket.socket() as taken:
        taken.bind(("0.0.0.0", 0))
        taken.listen()
        app = application(CollectorRegistry, lambda: (True, "ok"), lambda: (True, "ok"))
        with pytest.raises(OSError):
            serve_in_thread(app, taken.getsockname()[1])
