"""Apache Kafka's local set-up, without starting it: the version, the configuration, and one
clear line when a tool is missing (the broker at work is in tests/integration/test_apache.py)."""

from __future__ import annotations

import pytest

from workers.kafka.apache import (
    ApacheKafka,
    cluster_id,
    default_cache,
    java_major,
    kafka_version,
    require,
)
from workers.kafka.local import BrokerError


def test_the_version_is_a_4_x_release():
    assert kafka_version().split(".")[0] == "4"


def test_one_node_is_broker_and_controller_on_its_ports(tmp_path):
    kafka = ApacheKafka(19092, data_dir=tmp_path / "data")
    properties = dict(line.split("=", 1) for line in kafka.properties().splitlines())
    assert properties["process.roles"] == "broker,controller"
    assert properties["advertised.listeners"] == "PLAINTEXT://127.0.0.1:19092"
    assert properties["controller.quorum.voters"] == f"1@127.0.0.1:{kafka.controller_port}"
    assert properties["log.dirs"] == str(tmp_path / "data" / "logs")
    assert properties["auto.create.topics.enable"] == "false"


def test_a_missing_tool_is_one_line(monkeypatch):
    monkeypatch.setenv("PATH", "/nonexistent")
    with pytest.raises(
        BrokerError, match=r"needs Java 17\+ and Maven on PATH: `mvn` was not found"
    ):
        require("mvn")


def test_the_cache_follows_the_environment(monkeypatch, tmp_path):
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    assert default_cache() == tmp_path / "khabar"


def test_java_versions_old_and_new(tmp_path):
    fake = tmp_path / "java"
    fake.write_text("#!/bin/sh\necho 'openjdk version \"1.8.0_392\"' >&2\n")
    fake.chmod(0o755)
    assert java_major(str(fake)) == 8
    fake.write_text("#!/bin/sh\necho 'openjdk version \"17.0.15\" 2025-04-15' >&2\n")
    assert java_major(str(fake)) == 17


def test_cluster_ids_are_22_characters_and_never_open_with_a_dash():
    ids = [cluster_id() for _ in range(2000)]  # about 30 would open with "-" by chance
    assert all(len(i) == 22 and not i.startswith("-") for i in ids) and len(set(ids)) == 2000
