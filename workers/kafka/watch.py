"""Whether the broker answers, as two events an operator can grep: `broker_unreachable` once
when it stops answering, `broker_back` with the outage's length when it answers again.

aiokafka's own view of an outage is hundreds of "Unable connect" lines a second from each
client (throttled in `ops.logs`); this asks the broker for its metadata every few seconds from
one client of the worker's own and logs the changes only.
"""

from __future__ import annotations

import asyncio
import time
from typing import Any

from aiokafka.client import AIOKafkaClient
from aiokafka.errors import KafkaError
from mode import Service

from workers.config import Settings
from workers.ops.logs import get_logger
from workers.ops.metrics import Metrics
from workers.ops.probes import Vitals

log = get_logger("khabar.broker")


class BrokerWatch(Service):
    """Asks for the cluster's metadata every `interval` s; no answer within `timeout` s (a
    broker down, or frozen with its port open) counts as unreachable."""

    def __init__(
        self,
        settings: Settings,
        vitals: Vitals | None = None,
        metrics: Metrics | None = None,
        *,
        interval: float = 2.0,
        timeout: float = 5.0,
        **kwargs: Any,
    ) -> None:
        super().__init__(**kwargs)
        self.settings = settings
        self.vitals, self.metrics = vitals, metrics
        self.interval = interval
        self.timeout = timeout
        self.down_since: float | None = None

    @Service.task
    async def _watch(self) -> None:
        client = AIOKafkaClient(
            bootstrap_servers=self.settings.bootstrap_servers,
            request_timeout_ms=int(self.timeout * 1000),
            **self.settings.kafka_security(),
        )
        try:
            while not self.should_stop:
                asked = time.monotonic()
                self.observe(await self._answer(client), asked)
                await self.sleep(self.interval)
        finally:
            await client.close()

    async def _answer(self, client: AIOKafkaClient) -> str | None:
        """None when the broker answered, else what went wrong."""
        try:
            if not client.cluster.brokers():
                await asyncio.wait_for(client.bootstrap(), self.timeout)
            await asyncio.wait_for(client.fetch_all_metadata(), self.timeout)
            return None
        except (KafkaError, OSError, TimeoutError) as exc:
            return repr(exc) if str(exc) else type(exc).__name__

    def observe(self, error: str | None, asked: float) -> None:
        """Log a change between reachable and unreachable; `asked`: when the question went out
        (an outage counts from the first unanswered one, to the first answer)."""
        if error is not None and self.down_since is None:
            self.down_since = asked
            log.warning("broker_unreachable", broker=self.settings.bootstrap_servers, error=error)
        elif error is None and self.down_since is not None:
            down_s = round(time.monotonic() - self.down_since, 1)
            self.down_since = None
            log.info("broker_back", broker=self.settings.bootstrap_servers, down_s=down_s)
        if self.vitals is not None:
            self.vitals.broker_down_since = self.down_since
        if self.metrics is not None:
            self.metrics.broker_reachable.set(int(self.down_since is None))
