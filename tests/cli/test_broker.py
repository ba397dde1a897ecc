"""`khabar broker`: a port already taken is one clear line (the broker at work is in
tests/integration/test_commands.py)."""

from __future__ import annotations

import socket

from tests.cli.test_pipeline import khabar
from workers.kafka.embedded import free_port


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
