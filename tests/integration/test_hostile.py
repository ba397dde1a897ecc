"""A hostile corpus through the live chain, on one broker (the bytes are the stages' to answer;
a broker carries them as any others): the fixed cases and a thousand hypothesis-generated
values among good articles. Count in = count out (enriched + dead-lettered), every dead letter
of the cleanup stage carries what was sent at its source offset, the good articles all come
through, and the worker never dies. More examples: KHABAR_HOSTILE_EXAMPLES=5000."""

from __future__ import annotations

import asyncio
import base64
import hashlib
import os
import random
import time
from collections import Counter

import orjson
import pytest
from aiokafka import AIOKafkaProducer
from hypothesis import HealthCheck, given, settings

from tests.integration.conftest import one_broker, outcomes
from tests.integration.hostile import fixed_cases, hostile_values
from tests.integration.streams import articles
from tests.integration.test_faults import kind_of
from workers.config import Settings
from workers.pipeline.table import Topic

pytestmark = pytest.mark.integration

EXAMPLES = int(os.environ.get("KHABAR_HOSTILE_EXAMPLES", "1000"))
OUTCOMES = (Topic.ENRICHED, Topic.DEADLETTER)


def generated(count: int) -> list[bytes]:
    """`count` values of the hostile strategy, the same on every run."""
    found: list[bytes] = []

    @settings(
        max_examples=count,
        database=None,
        deadline=None,
        derandomize=True,
        suppress_health_check=list(HealthCheck),
    )
    @given(hostile_values())
    def keep(value: bytes) -> None:
        found.append(value)

    keep()
    return found


async def send_all(
    settings: Settings, messages: list[tuple[bytes, bytes]]
) -> dict[tuple[int, int], bytes]:
    """Send them all; what was sent at each (partition, offset) of the raw topic."""
    producer = AIOKafkaProducer(bootstrap_servers=settings.bootstrap_servers, acks="all")
    await producer.start()
    try:
        sends = [await producer.send(settings.topic(Topic.RAW), v, key=k) for k, v in messages]
        placed = [await sent for sent in sends]
    finally:
        await producer.stop()
    return {(m.partition, m.offset): v for m, (_, v) in zip(placed, messages, strict=True)}


@one_broker  # the stages' answer to the bytes; a broker carries them as it carries any
def test_hostile_input_ends_as_events_or_dead_letters_and_no_worker_dies(cluster, broker, capsys):
    settings = cluster.settings
    worker = cluster.start(["all"])
    hostile = [*fixed_cases(), *generated(EXAMPLES)]  # while the worker joins its groups
    cluster.wait_balanced()
    good = articles(200, "good")
    messages = [(f"hostile-{n}".encode(), value) for n, value in enumerate(hostile)] + good
    random.Random(5).shuffle(messages)
    began = time.monotonic()
    sent = asyncio.run(send_all(settings, messages))
    found = asyncio.run(outcomes(settings, OUTCOMES, len(messages), timeout=600))
    seconds = time.monotonic() - began

    enriched, dead = found[Topic.ENRICHED], found[Topic.DEADLETTER]
    assert len(enriched) + len(dead) == len(messages)
    enriched_ids = {orjson.loads(m.value)["id"] for m in enriched}
    assert {key.decode() for key, _ in good} <= enriched_ids
    records = [orjson.loads(m.value) for m in dead]
    for record in records:
        if record["stage"] != "cleanup":  # an extract dead letter holds the cleaned event
            continue
        source, original = record["source"], record["original"]
        value = sent[(source["partition"], source["offset"])]
        if original.get("truncated"):
            assert original["sha256"] == hashlib.sha256(value).hexdigest()
        else:
            assert base64.b64decode(original["value_b64"]) == value
    assert worker.process.poll() is None, "a bad message must never stop the worker"
    reasons = Counter(f"{r['stage']}/{r['error']['reason']}" for r in records)
    with capsys.disabled():
        print(
            f"\n[{kind_of(broker)}] hostile: {len(hostile)} hostile + {len(good)} good in, "
            f"{len(enriched)} enriched + {len(dead)} dead-lettered out in {seconds:.0f} s; "
            f"{dict(sorted(reasons.items()))}"
        )
