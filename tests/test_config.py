"""Settings from the environment, validated at start, and the generated configuration table."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest

from tests.conftest import ROOT
from workers.config import Settings, markdown_table
from workers.pipeline.table import Stage, Topic


def test_defaults_and_overrides():
    assert Settings.from_env({}).partitions == 6
    s = Settings.from_env(
        {
            "KHABAR_BROKER": "kafka://a:1,b:2",
            "KHABAR_TOPIC_PREFIX": "t.",
            "KHABAR_CREATE_TOPICS": "false",
        }
    )
    assert s.bootstrap_servers == "a:1,b:2"
    assert s.topic(Topic.RAW) == "t.articles.raw"
    assert s.topic(Topic.ENRICHED) == "t.articles.enriched"
    assert s.create_topics is False
    assert s.group(Stage.CLEANUP) == "khabar-cleanup"


def test_bad_value_names_the_variable():
    with pytest.raises(ValueError, match="KHABAR_PARTITIONS"):
        Settings.from_env({"KHABAR_PARTITIONS": "many"})
    with pytest.raises(ValueError, match="KHABAR_PARTITIONS=0 is out of range: 1 to 10,000"):
        Settings.from_env({"KHABAR_PARTITIONS": "0"})


@pytest.mark.parametrize(
    ("variable", "value", "message"),
    [
        ("KHABAR_DUPLICATE_THRESHOLD", "7", "out of range: 0.05 to 1.0"),
        ("KHABAR_STATS_INTERVAL", "-1", "out of range: at least 0.1"),
        ("KHABAR_SHUTDOWN_TIMEOUT", "0", "out of range: at least 0.5"),
        ("KHABAR_DUPLICATE_WINDOW", "0", "out of range: at least 1"),
        ("KHABAR_MAX_MESSAGE_BYTES", "10", "out of range: at least 65,536"),
        ("KHABAR_SESSION_TIMEOUT", "nan", "is not a finite number"),
        ("KHABAR_SESSION_TIMEOUT", "3", "out of range: 6.0 to 1,800.0"),  # the broker's range
        ("KHABAR_STAGE_TIMEOUT", "-1", "out of range: 0.0 to 3,600.0"),
        ("KHABAR_SHUTDOWN_TIMEOUT", "inf", "is not a finite number"),
        ("KHABAR_BROKER", "localhost", "'localhost' is not host:port"),
        ("KHABAR_BROKER", "kafka-1:9092,kafka-2", "'kafka-2' is not host:port"),
        ("KHABAR_BROKER", "kafka-1:99999", "'kafka-1:99999' is not host:port"),
    ],
)
def test_values_out_of_their_range_are_refused(variable, value, message):
    with pytest.raises(ValueError, match=f"^{variable}=.*{message}"):
        Settings.from_env({variable: value})


def test_settings_built_in_code_are_checked_too():
    with pytest.raises(ValueError, match="KHABAR_PROCESSING_GUARANTEE='twice' is not one of"):
        Settings(processing_guarantee="twice")
    assert Settings(broker="kafka://a:1, b:2").bootstrap_servers == "a:1,b:2"


def test_choices_are_checked_and_case_does_not_matter():
    assert Settings.from_env({"KHABAR_LOG_LEVEL": "debug"}).log_level == "DEBUG"
    guarantee = Settings.from_env({"KHABAR_PROCESSING_GUARANTEE": " Exactly_Once "})
    assert guarantee.processing_guarantee == "exactly_once"
    with pytest.raises(ValueError, match="is not one of at_least_once, exactly_once"):
        Settings.from_env({"KHABAR_PROCESSING_GUARANTEE": "exactly-once"})
    with pytest.raises(ValueError, match="KHABAR_SECURITY_PROTOCOL='TLS' is not one of"):
        Settings.from_env({"KHABAR_SECURITY_PROTOCOL": "TLS"})


def test_state_lives_outside_the_working_directory():
    settings = Settings()
    assert Path(settings.state_dir).is_absolute()
    assert not Path(settings.state_dir).resolve().is_relative_to(Path.cwd().resolve())
    assert settings.state_path(Stage.EXTRACT) == Path(settings.state_dir) / "khabar-extract"


def test_secrets_are_masked():
    assert Settings(sasl_password="hunter2").public()["sasl_password"] == "***"


def test_environment_of_a_child_round_trips():
    settings = Settings(broker="h:1", create_topics=False, duplicate_threshold=0.8)
    assert Settings.from_env(settings.to_env()) == settings


def test_readme_table_is_the_generated_one():
    readme = (ROOT / "README.md").read_text("utf-8")
    assert markdown_table() in readme
    for field in dataclasses.fields(Settings):
        assert field.metadata["env"] in readme
