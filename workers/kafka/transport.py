"""Faust's aiokafka transport with the idempotent producer (at-least-once on brokers that have
one): a producer retry can then no longer write a message twice or out of order.

Faust enables idempotence only inside its own transactions; this transport, registered for the
`kafka+idempotent://` scheme (the `faust.transports` entry point in pyproject.toml), always does.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from faust.transport.drivers import aiokafka

SCHEME = "kafka+idempotent"


class IdempotentProducer(aiokafka.Producer):
    def _settings_extra(self) -> Mapping[str, Any]:
        return {**super()._settings_extra(), "acks": "all", "enable_idempotence": True}


class Transport(aiokafka.Transport):
    Producer = IdempotentProducer
