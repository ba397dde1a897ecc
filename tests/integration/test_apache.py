"""Apache Kafka on this machine: resolved, formatted once, and durable across a restart on the
same data directory (the embedded broker forgets everything)."""

from __future__ import annotations

import asyncio

import pytest

from tests.integration.conftest import collect, send_raw, start_or_skip
from workers.config import Settings
from workers.kafka.admin import ensure_topics
from workers.kafka.apache import ApacheKafka
from workers.pipeline.table import Topic

pytestmark = pytest.mark.integration


def test_a_restart_on_the_same_data_directory_keeps_topics_and_messages(tmp_path):
    kafka = start_or_skip(ApacheKafka(data_dir=tmp_path / "data", log_path=tmp_path / "kafka.log"))
    with kafka:
        settings = Settings(broker=kafka.bootstrap, topic_prefix="durable.")
        asyncio.run(ensure_topics(settings))
        asyncio.run(send_raw(settings, [(b"k1", b'{"id": "k1", "text": "kept"}')]))
    formatted = (tmp_path / "data" / "logs" / "meta.properties").read_text()
    with ApacheKafka(data_dir=tmp_path / "data", log_path=tmp_path / "kafka.log") as again:
        settings = Settings(broker=again.bootstrap, topic_prefix="durable.")
        assert asyncio.run(ensure_topics(settings)) == []  # the topics are still there
        (message,) = asyncio.run(collect(settings, Topic.RAW, 1))
        assert message.key == b"k1"
    assert (tmp_path / "data" / "logs" / "meta.properties").read_text() == formatted
