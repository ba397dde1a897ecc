"""`khabar broker`: a port already taken is one clear line (the broker at work is in
tests/integration/test_commands.py)."""

from __future__ import annotations

import socket

from tests.cli.test_pipeline import khabar
from workers.kafka.local import free_port


def test_a_busy_port_is_one_line_and_exit_1():
    port = free_port()
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", port))
        taken.listen()
        result = khabar("broker", "--port", str(port))
    assert result.returncode == 1
    assert result.stderr.splitlines()[-1] == (
        f"khabar broker: embedded broker: port {port} on 127.0.0.1 is already in use"
    )


def test_data_dir_goes_with_kafka():
    result = khabar("broker", "--data-dir", "/tmp/x")
    assert result.returncode == 2
    assert result.stderr.strip() == (
        "khabar broker: --data-dir goes with --kafka (the embedded broker keeps nothing)"
    )


def test_kafka_without_java_is_one_line(tmp_path):
    result = khabar("broker", "--kafka", "--data-dir", str(tmp_path), env={"PATH": "/nonexistent"})
    assert result.returncode == 1
    assert result.stderr.splitlines()[-1] == (
        "khabar broker: Apache Kafka needs Java 17+ and Maven on PATH: `java` was not found "
        "(the embedded broker needs neither: leave out --kafka)"
    )
