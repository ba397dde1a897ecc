"""The broker watch turns answers and silences into two events, logged on changes only (the
watch against a real broker's outage is in tests/integration/test_broker_faults.py)."""

from __future__ import annotations

import time

import structlog

from workers.config import Settings
from workers.kafka.watch import BrokerWatch


def test_an_outage_is_one_unreachable_and_one_back_with_its_length():
    watch = BrokerWatch(Settings(broker="h:1"))
    began = time.monotonic() - 12.0
    with structlog.testing.capture_logs() as logged:
        watch.observe(None, began - 2)  # up: nothing to say
        watch.observe("KafkaConnectionError", began)
        watch.observe("KafkaConnectionError", began + 2)  # still down: said already
        watch.observe(None, began + 4)
        watch.observe(None, began + 6)
    assert [e["event"] for e in logged] == ["broker_unreachable", "broker_back"]
    assert logged[0]["error"] == "KafkaConnectionError" and logged[0]["broker"] == "h:1"
    assert 11.5 < logged[1]["down_s"] < 13
    assert watch.down_since is None
