"""A stage's Faust app: its own consumer group, every topic declared as raw bytes, its state
under the configured state directory."""

from __future__ import annotations

from workers.config import Settings
from workers.kafka.app import READ_AHEAD, build_app
from workers.pipeline.table import Stage, Topic


def test_the_app_of_a_stage(tmp_path):
    settings = Settings(topic_prefix="t.", state_dir=str(tmp_path / "state"), partitions=3)
    stage_app = build_app(settings, Stage.EXTRACT)
    app = stage_app.app
    assert app.conf.id == "khabar-extract"
    assert str(app.conf.datadir) == str(tmp_path / "state" / "khabar-extract")
    assert (tmp_path / "state" / "khabar-extract").is_dir()
    assert set(stage_app.topics) == set(Topic)
    raw = stage_app.topics[Topic.RAW]
    assert raw.get_topic_name() == "t.articles.raw" and raw.partitions == 3
    assert (raw.key_serializer, raw.value_serializer) == ("raw", "raw")
    # A backlog is read ahead by a bounded count of messages, not Faust's 4,096 per stream.
    assert app.conf.stream_buffer_maxsize == app.conf.broker_max_poll_records == READ_AHEAD
