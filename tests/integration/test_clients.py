"""The plain clients on a real broker: produce validates and keys, tail reads and stops when
idle, replay sends a dead letter's original back as it was."""

from __future__ import annotations

import asyncio

import orjson
import pytest

from tests.integration.conftest import collect
from workers.contract.deadletter import Origin, record
from workers.kafka.admin import ensure_topics
from workers.kafka.clients import as_json, produce, read_topic, replay
from workers.pipeline.table import Topic

pytestmark = pytest.mark.integration


def test_produce_sends_valid_articles_keyed_by_id_and_rejects_the_rest(settings):
    asyncio.run(ensure_topics(settings))
    raw = {"id": "a1", "text": "Body.", "schema": {"name": "article.raw", "version": 1}}
    items = [
        ("a.txt", raw, None),
        ("b.json", {"id": "b1", "title": "no body"}, None),
        ("c.json", None, "not valid JSON"),
    ]
    sent: list[str] = []
    refused: list[str] = []
    report = asyncio.run(
        produce(
            settings,
            items,
            on_sent=sent.append,
            on_rejected=lambda origin, _: refused.append(origin),
        )
    )
    assert (report.sent, report.rejected) == (1, 2)
    assert sent == ["a1"] and refused == ["b.json", "c.json"]
    (message,) = asyncio.run(collect(settings, Topic.RAW, 1))
    assert message.key == b"a1" and as_json(message.value)["text"] == "Body."


def test_tail_stops_after_its_idle_timeout(settings):
    asyncio.run(ensure_topics(settings))

    async def read() -> list[object]:
        return [
            m async for m in read_topic(settings, settings.topic(Topic.ENRICHED), idle_timeout=1)
        ]

    assert asyncio.run(read()) == []
    assert as_json(b"\xff") == {"value_b64": "/w=="}


def test_replay_sends_the_original_back_to_its_topic(settings):
    asyncio.run(ensure_topics(settings))
    original = Origin(settings.topic(Topic.RAW), 2, 9, None, b"k1", b"\xffbroken", [("h", b"v")])
    dead = record(
        stage="cleanup", reason="decode", error=ValueError("x"), article_id=None, origin=original
    )
    assert asyncio.run(replay(settings, [dead], dry_run=True)) == 1
    assert asyncio.run(replay(settings, [orjson.loads(orjson.dumps(dead))])) == 1
    (message,) = asyncio.run(collect(settings, Topic.RAW, 1))
    assert (message.key, message.value, list(message.headers)) == (
        b"k1",
        b"\xffbroken",
        [("h", b"v")],
    )
