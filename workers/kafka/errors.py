"""What a command tells the user about the broker, importable without the Kafka client (every
command catches it; only some talk to a broker)."""

from __future__ import annotations


class BrokerProblem(RuntimeError):
    """The broker cannot serve a command: unreachable, or without a topic it needs."""
