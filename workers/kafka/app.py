"""The Faust apps: one per stage, each its own consumer group, and the topic declarations.

A stage is its own app because a Faust app is one consumer group; so `cleanup` and `extract`
scale separately, and `khabar worker --stage all` simply runs both apps in one process.
"""

from __future__ import annotations

import os
import socket
from dataclasses import dataclass
from typing import Any

import faust

from workers.config import Settings
from workers.kafka.transport import SCHEME
from workers.pipeline.table import Stage, Topic

# Messages a stage reads ahead of its processing, per stream (and per batch, with exactly-once):
# about a second of work. With Faust's default, 4,096 per stream beside what the fetcher holds, a
# soak worker facing a backlog held some 30,000 records; this bounds it whatever the backlog.
READ_AHEAD = 200


@dataclass(frozen=True)
class StageApp:
    """A stage's Faust app and the topics it reads and writes."""

    app: faust.App
    topics: dict[Topic, Any]


PRODUCE_BATCH_BYTES = 1 << 20


def build_app(settings: Settings, stage: Stage, *, idempotent: bool = False) -> StageApp:
    """The Faust app of one stage, configured from the settings; agents are attached later.
    `idempotent`: the broker has the idempotent producer, so the app's producer uses it."""
    scheme = SCHEME if idempotent else "kafka"
    datadir = settings.state_path(stage)
    datadir.mkdir(parents=True, exist_ok=True)
    app = faust.App(
        settings.group(stage),
        broker=[f"{scheme}://{server}" for server in settings.bootstrap_servers.split(",")],
        broker_credentials=_credentials(settings),
        # Which worker holds which partitions, in `khabar status` and the broker's tools.
        broker_client_id=f"khabar-{stage.value}@{socket.gethostname()}:{os.getpid()}",
        autodiscover=False,
        datadir=str(datadir),
        store="memory://",
        web_enabled=False,
        topic_partitions=settings.partitions,
        topic_replication_factor=settings.replication,
        topic_allow_declare=settings.create_topics,
        topic_disable_leader=True,
        consumer_auto_offset_reset="earliest",
        producer_acks=-1,
        # Dead letters carry the original base64-encoded (4/3 of its size) plus their fields.
        producer_max_request_size=2 * settings.max_message_bytes,
        # Room for many events per partition in one produce request: at aiokafka's 16 KB, each
        # enriched event is a batch of its own and waits for the one before it to be sent.
        producer_max_batch_size=PRODUCE_BATCH_BYTES,
        producer_linger_ms=5,
        broker_session_timeout=settings.session_timeout,
        broker_heartbeat_interval=max(settings.session_timeout / 10, 0.5),
        broker_rebalance_timeout=settings.session_timeout,
        broker_commit_every=100,
        stream_buffer_maxsize=READ_AHEAD,
        broker_max_poll_records=READ_AHEAD,
        broker_commit_interval=1.0,
    )
    topics = {
        topic: app.topic(
            settings.topic(topic),
            key_type=bytes,
            value_type=bytes,
            key_serializer="raw",
            value_serializer="raw",
            partitions=settings.partitions,
        )
        for topic in Topic
    }
    return StageApp(app, topics)


def _credentials(settings: Settings) -> Any:
    if settings.security_protocol.startswith("SASL"):
        return faust.SASLCredentials(
            username=settings.sasl_username,
            password=settings.sasl_password,
            mechanism=settings.sasl_mechanism,
            ssl_context=settings.kafka_security().get("ssl_context"),
        )
    if settings.security_protocol == "SSL":
        return faust.SSLCredentials(settings.kafka_security()["ssl_context"])
    return None
