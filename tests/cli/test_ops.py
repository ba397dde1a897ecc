"""`khabar config` and `khabar health`."""

from __future__ import annotations

import os

import orjson
from prometheus_client import CollectorRegistry

from tests.cli.test_pipeline import khabar
from workers.config import markdown_table
from workers.kafka.local import free_port
from workers.ops.endpoints import application, serve_in_thread


def test_config_prints_the_table_and_the_settings():
    assert khabar("config").stdout.strip() == markdown_table()
    env = {**os.environ, "KHABAR_SASL_PASSWORD": "hunter2", "KHABAR_PARTITIONS": "3"}
    settings = orjson.loads(khabar("config", "--json", env=env).stdout)
    assert settings["partitions"] == 3 and settings["sasl_password"] == "***"


def test_a_bad_setting_is_one_line_and_exit_2():
    result = khabar("config", env={**os.environ, "KHABAR_PARTITIONS": "many"})
    assert result.returncode == 2
    assert result.stderr == "khabar: KHABAR_PARTITIONS='many' is not a valid int\n"


def test_health_without_a_running_worker_is_unhealthy(tmp_path):
    by_file = {
        **os.environ,
        "KHABAR_HEALTH_FILE": str(tmp_path / "beat"),
        "KHABAR_METRICS_PORT": "0",
    }
    result = khabar("health", env=by_file)
    assert result.returncode == 1 and result.stdout.startswith("unhealthy:")
    port = str(free_port())
    result = khabar("health", env={**os.environ, "KHABAR_METRICS_PORT": port})
    assert result.returncode == 1
    assert result.stdout.startswith(f"unhealthy: nothing answers on 127.0.0.1:{port}")


def test_health_asks_the_worker_s_endpoints_as_a_kubelet_would():
    port = free_port()
    app = application(CollectorRegistry, lambda: (True, "ok"), lambda: (False, "index loading"))
    stop = serve_in_thread(app, port)
    try:
        env = {**os.environ, "KHABAR_METRICS_PORT": str(port)}
        live = khabar("health", env=env)
        assert live.returncode == 0 and live.stdout == "healthy: ok\n"
        ready = khabar("health", "--ready", env=env)
        assert ready.returncode == 1 and ready.stdout == "unready: index loading\n"
    finally:
        stop()
