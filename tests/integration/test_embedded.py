"""The embedded broker: started on a free port, stopped, and a clear error when it cannot run."""

from __future__ import annotations

import socket

import pytest

from workers.kafka.embedded import EmbeddedBroker
from workers.kafka.local import BrokerError, free_port

pytestmark = pytest.mark.integration


def test_start_listen_stop(tmp_path):
    with EmbeddedBroker(log_path=tmp_path / "tansu.log") as broker:
        host, port = broker.bootstrap.split(":")
        with socket.create_connection((host, int(port)), 1):
            pass
    with pytest.raises(OSError):
        socket.create_connection((host, int(port)), 0.5)


def test_a_busy_port_is_one_clear_error(tmp_path):
    port = free_port()
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", port))
        taken.listen()
        with pytest.raises(BrokerError, match=f"port {port} on 127.0.0.1 is already in use"):
            EmbeddedBroker(port, log_path=tmp_path / "tansu.log").start(timeout=5)
