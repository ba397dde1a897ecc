"""A stage's agent, stats timer and rebalance log attached to its app (the messages they move
are in tests/integration, through real workers on a real broker)."""

from __future__ import annotations

from workers.config import Settings
from workers.kafka.agents import StageAgent, attach_stage
from workers.kafka.app import build_app
from workers.pipeline.table import Stage


def test_the_agent_reads_the_stage_s_source_topic(tmp_path, stages):
    settings = Settings(state_dir=str(tmp_path), topic_prefix="p.")
    for stage, source in ((Stage.CLEANUP, "p.articles.raw"), (Stage.EXTRACT, "p.articles.cleaned")):
        stage_app = build_app(settings, stage)
        stage_agent = StageAgent(stages[stage], settings)
        attach_stage(stage_app, stage_agent, settings)
        (agent,) = stage_app.app.agents.values()
        assert agent.name == f"khabar.{stage}" and agent.channel.get_topic_name() == source
        assert stage_agent.stats.report(None)["processed"] == 0
