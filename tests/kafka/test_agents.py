"""A stage's agent, stats timer and rebalance log attached to its app (the messages they move
are in tests/integration, through real workers on a real broker)."""

from __future__ import annotations

import orjson
import pytest
from faust.types.tuples import Message
from prometheus_client import CollectorRegistry

from workers.config import Settings
from workers.kafka.agents import Observers, StageAgent, attach_stage, send_batch
from workers.kafka.app import build_app
from workers.ops.metrics import Metrics
from workers.ops.probes import Vitals
from workers.pipeline.table import Stage, Topic


def observers() -> Observers:
    return Observers(Metrics(CollectorRegistry()), Vitals(stall_timeout=60, broker_deadline=60))


def test_the_agent_reads_the_stage_s_source_topic(tmp_path, stages):
    settings = Settings(state_dir=str(tmp_path), topic_prefix="p.")
    for stage, source in ((Stage.CLEANUP, "p.articles.raw"), (Stage.EXTRACT, "p.articles.cleaned")):
        stage_app = build_app(settings, stage)
        stage_agent = StageAgent(stages[stage], settings, observers())
        attach_stage(stage_app, stage_agent, settings)
        (agent,) = stage_app.app.agents.values()
        assert agent.name == f"khabar.{stage}" and agent.channel.get_topic_name() == source
        assert stage_agent.stats.report(None)["processed"] == 0


class _FailingTopic:
    """A topic whose broker stops taking messages after `accepts` of them (the one stand-in
    here: a real broker does not fail on cue in the middle of a batch)."""

    def __init__(self, accepts: int) -> None:
        self.accepts, self.sent = accepts, []

    async def send(self, key: bytes, value: bytes, headers: list) -> None:
        if len(self.sent) == self.accepts:
            raise ConnectionError("broker gone")
        self.sent.append(key)


class _Event:
    def __init__(self, message: Message) -> None:
        self.message = message


class _Consumer:
    def ack(self, message: Message) -> None:  # what Faust's consumer does on a final ack
        message.acked = True


async def test_a_batch_that_fails_midway_leaves_its_unsent_events_uncommitted(stages, tmp_path):
    settings = Settings(state_dir=str(tmp_path), stage_timeout=0)
    agent = StageAgent(stages[Stage.CLEANUP], settings, observers())
    events = []
    for n in range(4):
        value = orjson.dumps({"id": f"a{n}", "text": "Heavy rain lashed Guwahati on Monday."})
        message = Message("raw", 0, n, 0.0, 0, [], f"a{n}".encode(), value, None)
        message.incref()  # the stream's reference, as Faust takes it
        events.append(_Event(message))
    topic = _FailingTopic(accepts=2)
    with pytest.raises(ConnectionError):
        await send_batch(agent, {Topic.CLEANED: topic}, events)
    for event in events:  # take_events acknowledges the whole batch when it ends
        event.message.ack(_Consumer())
    assert topic.sent == [b"a0", b"a1"]
    assert [event.message.acked for event in events] == [True, True, False, False]
