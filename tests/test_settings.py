"""Settings from the environment, and the generated configuration table in the README."""

from __future__ import annotations

import dataclasses

import pytest

from tests.conftest import ROOT
from workers.settings import Settings, markdown_table


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
    assert (
        s.topic("raw") == "t.articles.raw" and s.topic("articles.enriched") == "t.articles.enriched"
    )
    assert s.create_topics is False
    assert s.group("cleanup") == "khabar-cleanup"


def test_bad_value_names_the_variable():
    with pytest.raises(ValueError, match="KHABAR_PARTITIONS"):
        Settings.from_env({"KHABAR_PARTITIONS": "many"})


def test_secrets_are_masked():
    assert Settings(sasl_password="hunter2").public()["sasl_password"] == "***"


def test_readme_table_is_the_generated_one():
    readme = (ROOT / "README.md").read_text("utf-8")
    assert markdown_table() in readme
    for field in dataclasses.fields(Settings):
        assert field.metadata["env"] in readme
