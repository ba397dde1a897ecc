"""The broker a benchmark runs on: started for the run in a temporary folder, stopped after."""

from __future__ import annotations

import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from workers.kafka.apache import ApacheKafka
from workers.kafka.embedded import EmbeddedBroker
from workers.kafka.local import LocalBroker


@contextmanager
def local_broker(kind: str) -> Iterator[tuple[LocalBroker, Path]]:
    """A started broker of `kind` (`embedded` or `kafka`) and a folder for the run's files."""
    with tempfile.TemporaryDirectory(prefix="khabar-bench-") as name:
        folder = Path(name)
        broker: LocalBroker = (
            EmbeddedBroker(log_path=folder / "broker.log")
            if kind == "embedded"
            else ApacheKafka(data_dir=folder / "data", log_path=folder / "broker.log")
        )
        with broker.start():
            yield broker, folder
