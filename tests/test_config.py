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
    with pytest.raises(ValueError, match="KHABAR_PARTITIONS and KHABAR_REPLICATION"):
        Settings.from_env({"KHABAR_PARTITIONS": "0"})


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
