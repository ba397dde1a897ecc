"""The commands that run brokers and workers, as a user runs them: `khabar demo` (the README's
first command) and `khabar broker`."""

from __future__ import annotations

import asyncio
import shutil
import signal
import subprocess
import sys
import time

import orjson
import pytest

from tests.conftest import ROOT, squash
from workers.config import Settings
from workers.kafka.admin import missing_topics
from workers.kafka.local import free_port, port_free

pytestmark = pytest.mark.integration


def test_demo_prints_the_seed_enriched(seed_expected, tmp_path):
    result = subprocess.run(
        [sys.executable, "-m", "workers", "demo", str(ROOT / "seeds"), "--timeout", "90"],
        capture_output=True,
        text=True,
        cwd=tmp_path,  # the demo leaves nothing in the working directory
        timeout=150,
    )
    assert result.returncode == 0, result.stderr[-3000:]
    enriched = orjson.loads(result.stdout)
    assert [squash(p) for p in enriched["paragraphs"]] == [
        squash(p) for p in seed_expected["body_paragraphs"]
    ]
    assert result.stderr.splitlines()[-1].startswith("1 enriched, 0 dead-lettered, 0 not sent")
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize(
    ("kind", "stop", "code"),
    [
        ("embedded", signal.SIGINT, 130),
        ("embedded", signal.SIGTERM, 0),
        # Either signal ends the command through the same `with` that stops its broker: one
        # of them suffices for Apache Kafka (whose start and stop are what differ).
        ("kafka", signal.SIGTERM, 0),
    ],
)
def test_broker_runs_in_the_foreground_with_the_topics_until_stopped(kind, stop, code, tmp_path):
    """Ctrl-C or SIGTERM (a service manager) stops the broker it runs too; a second one on the
    same port is refused instead of attaching to the first."""
    if kind == "kafka" and not (shutil.which("java") and shutil.which("mvn")):
        pytest.skip("Apache Kafka needs Java and Maven on PATH")
    port = free_port()
    extra = ["--kafka", "--data-dir", str(tmp_path / "kafka")] if kind == "kafka" else []
    process = subprocess.Popen(
        [sys.executable, "-m", "workers", "broker", "--port", str(port), *extra],
        stderr=subprocess.PIPE,
        stdout=subprocess.DEVNULL,
        text=True,
        cwd=ROOT,
        start_new_session=True,
    )
    try:
        line = ""
        deadline = time.monotonic() + 60
        while "Ctrl-C stops it" not in line and time.monotonic() < deadline:
            line = process.stderr.readline() if process.stderr else ""
        name = "Apache Kafka" if kind == "kafka" else "embedded broker"
        assert line.startswith(f"{name} on 127.0.0.1:{port};")
        settings = Settings(broker=f"127.0.0.1:{port}")
        assert asyncio.run(missing_topics(settings)) == []
        second = subprocess.run(
            [sys.executable, "-m", "workers", "broker", "--port", str(port)],
            capture_output=True,
            text=True,
            timeout=60,
        )
        assert second.returncode == 1
        assert f"port {port} on 127.0.0.1 is already in use" in second.stderr
    finally:
        process.send_signal(stop)
        assert process.wait(40) == code
    assert port_free(port), "the broker stopped with the command"
    if kind == "kafka":
        assert (tmp_path / "kafka" / "logs" / "meta.properties").exists()


def test_clients_never_create_a_topic(settings):
    """A wrong prefix or a topic not yet created: the command says so and creates nothing."""
    env = {**settings.to_env(), "PATH": "/usr/bin:/bin"}
    for args, stdin in (
        (["tail", "enriched", "--idle-timeout", "1"], None),
        (["produce", "-"], "x"),
    ):
        result = subprocess.run(
            [sys.executable, "-m", "workers", *args],
            env=env,
            input=stdin,
            capture_output=True,
            text=True,
            timeout=60,
        )
        assert result.returncode == 1, result.stderr
        (line,) = result.stderr.strip().splitlines()[-1:]
        assert line.startswith(f"khabar {args[0]}: no topic {settings.topic_prefix}articles.")
        assert "KHABAR_TOPIC_PREFIX" in line
    assert len(asyncio.run(missing_topics(settings))) == 5, "nothing was created"
