"""`khabar config` and `khabar health`."""

from __future__ import annotations

import os

import orjson

from tests.cli.test_pipeline import khabar
from workers.config import markdown_table


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
    env = {**os.environ, "KHABAR_HEALTH_FILE": str(tmp_path / "beat")}
    result = khabar("health", env=env)
    assert result.returncode == 1 and result.stdout.startswith("unhealthy:")
