"""The chain end to end on a real broker, through real `khabar worker` processes."""

from __future__ import annotations

import asyncio
import base64
import dataclasses
import subprocess
import sys
import time
from collections import Counter

import orjson
import pytest

from tests.conftest import squash
from tests.integration.conftest import collect, send_raw
from workers.demo import settings_env
from workers.events import validate

pytestmark = pytest.mark.integration


def test_seed_comes_out_enriched_and_bad_messages_dead_letter(cluster, seed_text, seed_expected):
    settings = cluster.settings
    good_before = orjson.dumps({"id": "good-1", "text": seed_text})
    not_json = b"\xffthis is not JSON"
    no_body = orjson.dumps({"id": "no-body", "title": "a title and nothing else"})
    all_noise = orjson.dumps({"id": "all-noise", "text": "Advertisement\n----\nये भी पढ़ें: और खबर"})
    good_after = orjson.dumps({"id": "good-2", "text": "Pune: The monsoon reached Pune on Monday."})
    cluster.start(["all"])
    asyncio.run(
        send_raw(
            settings,
            [
                (b"good-1", good_before),
                (b"bad-1", not_json),
                (None, no_body),
                (b"all-noise", all_noise),
                (b"good-2", good_after),
            ],
        )
    )
    # A broken message straight on the cleaned topic fails in the extract stage.
    asyncio.run(send_raw(settings, [(b"bad-2", b'{"schema": "nope"}')], topic="cleaned"))

    enriched = {
        orjson.loads(m.value)["id"]: m for m in asyncio.run(collect(settings, "enriched", 2))
    }
    assert set(enriched) == {"good-1", "good-2"}
    seed = orjson.loads(enriched["good-1"].value)
    validate("article.enriched", seed)
    assert enriched["good-1"].key == b"good-1"
    assert [squash(p) for p in seed["paragraphs"]] == [
        squash(p) for p in seed_expected["body_paragraphs"]
    ]
    assert seed["embeds"][0]["handle"] == "KaleemulHafeez"
    assert [r["title"] for r in seed["related"]] == seed_expected["related_headlines"]
    assert (seed["language"], seed["script"], seed["dateline"]) == ("hi", "Deva", "नई दिल्ली")
    assert set(seed["pipeline"]["stages"]) == {"cleanup", "extract"}

    dead = [orjson.loads(m.value) for m in asyncio.run(collect(settings, "deadletter", 4))]
    for record in dead:
        validate("deadletter", record)
    by_reason = {(d["stage"], d["error"]["reason"]): d for d in dead}
    assert set(by_reason) == {
        ("cleanup", "decode"),
        ("cleanup", "schema"),
        ("cleanup", "stage"),
        ("extract", "schema"),
    }
    decode = by_reason[("cleanup", "decode")]
    assert base64.b64decode(decode["original"]["value_b64"]) == not_json
    assert base64.b64decode(decode["original"]["key_b64"]) == b"bad-1"
    assert decode["original"]["headers"] == [
        {"key": "origin", "value_b64": base64.b64encode(b"test").decode()}
    ]
    assert decode["source"]["topic"] == settings.topic("raw") and decode["source"]["offset"] >= 0
    assert by_reason[("cleanup", "schema")]["id"] == "no-body"
    stage_failure = by_reason[("cleanup", "stage")]
    assert (
        stage_failure["id"] == "all-noise" and stage_failure["error"]["type"] == "EmptyArticleError"
    )
    assert base64.b64decode(stage_failure["original"]["value_b64"]) == all_noise

    worker = cluster.workers[0]
    warnings = [e for e in worker.log_events() if e.get("event") == "dead_lettered"]
    assert {w["id"] for w in warnings} >= {"no-body", "all-noise"}
    assert all("offset" in w and "partition" in w for w in warnings)
    assert worker.process.poll() is None, "a bad message must never stop the worker"


def test_two_workers_split_partitions_and_deliver_each_article_once(cluster):
    settings = cluster.settings
    first, second = cluster.start(["all"]), cluster.start(["all"])
    cluster.wait_balanced()
    for stage in ("cleanup", "extract"):
        assert first.assignment(stage) and second.assignment(stage)
        assert not set(first.assignment(stage)) & set(second.assignment(stage))
    articles = [
        (
            f"a{i}".encode(),
            orjson.dumps(
                {
                    "id": f"a{i}",
                    "text": f"Story {i}: the council met on day {i}. "
                    f"It passed budget number {i * 7} after a long debate.",
                }
            ),
        )
        for i in range(30)
    ]
    asyncio.run(send_raw(settings, articles))
    events = [orjson.loads(m.value) for m in asyncio.run(collect(settings, "enriched", 30))]
    counts = Counter(e["id"] for e in events)
    assert set(counts) == {f"a{i}" for i in range(30)} and set(counts.values()) == {1}
    cleanup_workers = {e["pipeline"]["stages"]["cleanup"]["worker"] for e in events}
    extract_workers = {e["pipeline"]["stages"]["extract"]["worker"] for e in events}
    assert len(cleanup_workers) == 2 and len(extract_workers) == 2


def test_worker_reports_health_while_running(cluster, tmp_path):
    health_file = tmp_path / "health"
    cluster.settings = dataclasses.replace(cluster.settings, health_file=str(health_file))
    env = settings_env(cluster.settings)

    def probe() -> int:
        return subprocess.run(
            [sys.executable, "-m", "workers", "health"], env=env, capture_output=True
        ).returncode

    assert probe() == 1  # no worker yet
    cluster.start(["cleanup"])
    cluster.wait_balanced(stages=("cleanup",))
    deadline = time.monotonic() + 20
    while probe() != 0 and time.monotonic() < deadline:
        time.sleep(0.5)
    assert probe() == 0
