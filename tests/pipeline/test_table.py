"""The stage table: topics and stages are typed, each stage's edges have schemas."""

from __future__ import annotations

import pytest

from workers.contract.events import SCHEMA_NAMES
from workers.pipeline.table import STAGES, Stage, Topic


def test_the_chain_runs_from_raw_to_enriched():
    assert [(s.source, s.target) for s in STAGES.values()] == [
        (Topic.RAW, Topic.CLEANED),
        (Topic.CLEANED, Topic.ENRICHED),
    ]
    assert set(STAGES) == set(Stage)
    assert [topic for topic, _ in STAGES[Stage.EXTRACT].side_outputs] == [Topic.FINGERPRINTS]


def test_every_topic_has_a_schema_and_a_base_name():
    assert {t.schema for t in Topic} == set(SCHEMA_NAMES)
    assert Topic.RAW.base == "articles.raw"
    assert [t for t in Topic if t.compacted] == [Topic.FINGERPRINTS]


def test_topics_are_named_by_short_or_base_name_and_nothing_else():
    assert Topic.parse("enriched") is Topic.parse("articles.enriched") is Topic.ENRICHED
    with pytest.raises(ValueError, match="unknown topic 'enriched_v2': one of raw, cleaned"):
        Topic.parse("enriched_v2")
