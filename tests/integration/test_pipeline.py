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
from aiokafka.partitioner import murmur2

from tests.conftest import squash
from tests.integration.conftest import collect, one_broker, send_raw
from tests.integration.scrape import series
from workers.contract.events import validate
from workers.kafka.admin import idempotence_refused
from workers.kafka.clients import replay
from workers.kafka.local import free_port
from workers.kafka.worker import stop_worker
from workers.pipeline.table import Stage, Topic

pytestmark = pytest.mark.integration


def test_seed_comes_out_enriched_and_bad_messages_dead_letter(cluster, seed_text, seed_expected):
    settings = cluster.settings
    good_before = orjson.dumps({"id": "good-1", "text": seed_text})
    not_json = b"\xffthis is not JSON"
    no_body = orjson.dumps({"id": "no-body", "title": "a title and nothing else"})
    all_noise = orjson.dumps({"id": "all-noise", "text": "Advertisement\n----\nये भी पढ़ें: और खबर"})
    brief = (  # a short wire brief, over KHABAR_MIN_WORDS
        "Pune: The monsoon reached Pune on Monday, two days ahead of schedule. "
        "Heavy rain is expected across the district this week."
    )
    good_after = orjson.dumps({"id": "good-2", "text": brief})
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
    asyncio.run(send_raw(settings, [(b"bad-2", b'{"schema": "nope"}')], topic=Topic.CLEANED))

    enriched = {
        orjson.loads(m.value)["id"]: m for m in asyncio.run(collect(settings, Topic.ENRICHED, 2))
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

    dead = [orjson.loads(m.value) for m in asyncio.run(collect(settings, Topic.DEADLETTER, 4))]
    for record in dead:
        validate("deadletter", record)
    by_reason = {(d["stage"], d["error"]["reason"]): d for d in dead}
    assert set(by_reason) == {
        ("cleanup", "decode"),
        ("cleanup", "schema"),
        ("cleanup", "empty"),
        ("extract", "schema"),
    }
    decode = by_reason[("cleanup", "decode")]
    assert base64.b64decode(decode["original"]["value_b64"]) == not_json
    assert base64.b64decode(decode["original"]["key_b64"]) == b"bad-1"
    assert decode["original"]["headers"] == [
        {"key": "origin", "value_b64": base64.b64encode(b"test").decode()}
    ]
    assert (
        decode["source"]["topic"] == settings.topic(Topic.RAW) and decode["source"]["offset"] >= 0
    )
    assert by_reason[("cleanup", "schema")]["id"] == "no-body"
    stage_failure = by_reason[("cleanup", "empty")]
    assert (
        stage_failure["id"] == "all-noise" and stage_failure["error"]["type"] == "EmptyArticleError"
    )
    assert base64.b64decode(stage_failure["original"]["value_b64"]) == all_noise

    # Replayed as it was, the undecodable message comes back as a new dead letter, same bytes.
    assert asyncio.run(replay(settings, [decode])) == 1
    again = [orjson.loads(m.value) for m in asyncio.run(collect(settings, Topic.DEADLETTER, 5))]
    replayed = [d for d in again if d["error"]["reason"] == "decode"]
    assert len(replayed) == 2
    assert {d["original"]["value_b64"] for d in replayed} == {decode["original"]["value_b64"]}
    assert replayed[0]["source"]["offset"] != replayed[1]["source"]["offset"]

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
    events = [orjson.loads(m.value) for m in asyncio.run(collect(settings, Topic.ENRICHED, 30))]
    counts = Counter(e["id"] for e in events)
    assert set(counts) == {f"a{i}" for i in range(30)} and set(counts.values()) == {1}
    cleanup_workers = {e["pipeline"]["stages"]["cleanup"]["worker"] for e in events}
    extract_workers = {e["pipeline"]["stages"]["extract"]["worker"] for e in events}
    assert len(cleanup_workers) == 2 and len(extract_workers) == 2


@one_broker  # the worker's own health file and the probe that reads it
def test_worker_reports_health_while_running(cluster, tmp_path):
    health_file = tmp_path / "health"
    cluster.settings = dataclasses.replace(cluster.settings, health_file=str(health_file))
    env = cluster.settings.to_env()

    def probe() -> int:
        return subprocess.run(
            [sys.executable, "-m", "workers", "health"], env=env, capture_output=True
        ).returncode

    assert probe() == 1  # no worker yet
    cluster.start(["cleanup"])
    cluster.wait_balanced(stages=(Stage.CLEANUP,))
    deadline = time.monotonic() + 20
    while probe() != 0 and time.monotonic() < deadline:
        time.sleep(0.5)
    assert probe() == 0


STORY = (
    "लखनऊ: उत्तर प्रदेश सरकार ने राज्य के सभी सरकारी अस्पतालों में मुफ्त जांच की सुविधा शुरू करने का "
    "फैसला किया है। स्वास्थ्य विभाग के अधिकारियों ने बताया कि इस योजना के तहत खून, पेशाब और एक्स-रे की "
    "जांच बिना शुल्क के होगी।\nयोजना का पहला चरण अगले महीने से 20 जिलों में शुरू होगा। इसके लिए 300 "
    "करोड़ रुपये का बजट रखा गया है और नए लैब तकनीशियनों की भर्ती भी की जाएगी।\nविपक्ष ने योजना का "
    "स्वागत किया लेकिन कहा कि अस्पतालों में डॉक्टरों की कमी पहले दूर होनी चाहिए।"
)
SAME_TOPIC = (
    "लखनऊ: उत्तर प्रदेश के सरकारी अस्पतालों में डॉक्टरों की भारी कमी है, एक ताजा रिपोर्ट में यह सामने "
    "आया है। रिपोर्ट के मुताबिक प्रदेश में हर दस हजार लोगों पर एक से भी कम डॉक्टर उपलब्ध है।\nस्वास्थ्य "
    "विभाग ने कहा कि जल्द ही दो हजार नए डॉक्टरों की नियुक्ति की जाएगी और मुफ्त जांच योजना भी लागू होगी।"
)


def test_near_duplicates_are_flagged_across_a_worker_restart(cluster):
    """Re-scraped copies (new promo lines, spacing, a repeated paragraph) point at the first
    story, across a restart of the extract worker; a different story on the same topic and a
    redelivery of the same id do not."""
    settings = cluster.settings
    cluster.start(["cleanup"])
    first = cluster.start(["extract"])
    cluster.wait_balanced()
    # Partitions are processed in any order: the original goes first and is waited for.
    asyncio.run(send_raw(settings, [(b"story", orjson.dumps({"id": "story", "text": STORY}))]))
    asyncio.run(collect(settings, Topic.ENRICHED, 1))
    copy_1 = orjson.dumps({"id": "copy-1", "text": STORY + "\nये भी पढ़ें: कुछ और खबर"})
    asyncio.run(send_raw(settings, [(b"copy-1", copy_1)]))
    before = {
        orjson.loads(m.value)["id"]: orjson.loads(m.value)
        for m in asyncio.run(collect(settings, Topic.ENRICHED, 2))
    }
    assert before["story"]["duplicate_of"] is None
    assert before["copy-1"]["duplicate_of"] == "story"

    stop_worker(first.process)
    cluster.workers.remove(first)
    second = cluster.start(["extract"])
    cluster.wait_balanced()
    loaded = [e for e in second.log_events() if e.get("event") == "fingerprints_loaded"]
    assert loaded and loaded[0]["articles"] >= 2
    copy = STORY.replace("।", "। ").replace("\n", "\nविज्ञापन\n") + "\n" + STORY.split("\n")[1]
    asyncio.run(
        send_raw(
            settings,
            [
                (b"copy-2", orjson.dumps({"id": "copy-2", "text": copy})),
                (b"other", orjson.dumps({"id": "other", "text": SAME_TOPIC})),
                (b"story", orjson.dumps({"id": "story", "text": STORY})),
            ],
        )
    )
    events = [orjson.loads(m.value) for m in asyncio.run(collect(settings, Topic.ENRICHED, 5))]
    old_worker = before["story"]["pipeline"]["stages"]["extract"]["worker"]
    after = {
        e["id"]: e for e in events if e["pipeline"]["stages"]["extract"]["worker"] != old_worker
    }
    assert set(after) == {"copy-2", "other", "story"}
    assert after["copy-2"]["duplicate_of"] == "story"
    assert after["other"]["duplicate_of"] is None
    assert after["story"]["duplicate_of"] is None


def test_worker_refuses_to_start_without_its_topics(settings):
    """With topic creation off (an operator manages topics), missing topics stop the worker
    at once with their names, instead of a worker that waits on nothing."""
    env = dataclasses.replace(settings, create_topics=False).to_env()
    result = subprocess.run(
        [sys.executable, "-m", "workers", "worker", "--stage", "cleanup"],
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode != 0
    assert settings.topic(Topic.RAW) in result.stderr + result.stdout


def test_a_worker_sees_the_fingerprints_of_another(cluster):
    """The original is enriched by one extract worker, its copy by the other: the second knows
    the first's fingerprint through the fingerprints topic it follows."""
    settings = cluster.settings
    first = cluster.start(["extract"])
    port = free_port()  # the second one's index, scraped below
    cluster.settings = dataclasses.replace(settings, metrics_port=port)
    second = cluster.start(["extract"])
    cluster.settings = settings
    cluster.start(["cleanup"])
    cluster.wait_balanced()
    owners = {p: w for w in (first, second) for p in w.assignment("extract")}

    def key_on(worker, prefix: str) -> str:
        for n in range(1000):
            key = f"{prefix}-{n}"
            partition = (murmur2(key.encode()) & 0x7FFFFFFF) % settings.partitions
            if owners[partition] is worker:
                return key
        raise AssertionError("no key for that worker")

    original, copy = key_on(first, "original"), key_on(second, "copy")
    asyncio.run(
        send_raw(settings, [(original.encode(), orjson.dumps({"id": original, "text": STORY}))])
    )
    asyncio.run(collect(settings, Topic.ENRICHED, 1))
    deadline = time.monotonic() + 30  # the second worker's follower reads the fingerprint
    while series(port).get("khabar_near_duplicate_index_articles", 0) < 1:
        assert time.monotonic() < deadline, "the other worker never learnt the fingerprint"
        time.sleep(0.2)
    copy_text = STORY + "\nAdvertisement"
    asyncio.run(
        send_raw(settings, [(copy.encode(), orjson.dumps({"id": copy, "text": copy_text}))])
    )
    events = {
        orjson.loads(m.value)["id"]: orjson.loads(m.value)
        for m in asyncio.run(collect(settings, Topic.ENRICHED, 2))
    }
    assert events[copy]["duplicate_of"] == original
    assert (
        events[copy]["pipeline"]["stages"]["extract"]["worker"]
        != events[original]["pipeline"]["stages"]["extract"]["worker"]
    )


def test_each_delivery_mode_starts_only_where_the_broker_can_keep_it(cluster, broker):
    """At-least-once runs on any broker, with the idempotent producer where the broker grants
    producer ids (Apache Kafka; not the embedded broker); exactly-once needs transactions: where
    the broker refuses them, the worker stops at start with one line that says so."""
    settings = cluster.settings
    refused = asyncio.run(idempotence_refused(settings))
    if broker is not None:
        assert (refused is None) == (broker.kind == "Apache Kafka")
    worker = cluster.start([Stage.CLEANUP])
    cluster.wait_balanced((Stage.CLEANUP,))
    (starting,) = [e for e in worker.log_events() if e["event"] == "worker_starting"]
    assert starting["idempotent_producer"] is (refused is None)
    if refused:
        result = subprocess.run(
            [sys.executable, "-m", "workers", "worker", "--stage", "cleanup"],
            env=dataclasses.replace(settings, processing_guarantee="exactly_once").to_env(),
            capture_output=True,
            text=True,
            timeout=60,
        )
        assert result.returncode != 0
        assert "Traceback" not in result.stderr + result.stdout
        (line,) = [x for x in result.stderr.splitlines() if x.startswith("khabar worker:")]
        assert "exactly_once needs Kafka transactions" in line and refused in line


@one_broker
def test_a_cleanup_worker_drops_the_lines_a_source_printed_under_its_other_stories(cluster):
    """Three stories of one site close with the same plea; the extract worker publishes their
    line keys; the cleanup worker, a process of its own, learns them from the fingerprints topic
    and drops the plea from the site's fourth story, recorded as `recurring`."""
    settings = cluster.settings
    port = free_port()  # the cleanup worker's metrics, scraped below
    cluster.settings = dataclasses.replace(settings, metrics_port=port)
    cluster.start(["cleanup"])
    cluster.settings = settings
    cluster.start(["extract"])
    cluster.wait_balanced()
    plea = "Example News brings its readers the stories that shape the region, every day."
    stories = [
        "The state cabinet approved a new policy for electric buses in six cities on Monday, "
        "the transport minister said.",
        "Heavy rain shut schools in three coastal districts on Tuesday, and officials asked "
        "fishermen to stay ashore.",
        "The central bank kept its policy rate unchanged for the fifth meeting in a row, as "
        "inflation eased.",
        "A new bridge over the river opened to traffic on Friday after four years of work and "
        "two missed deadlines.",
    ]

    def article(n: int) -> tuple[bytes, bytes]:
        text = f"{stories[n]}\n\n{plea}"
        return f"s{n}".encode(), orjson.dumps(
            {"id": f"s{n}", "source": "example.com", "text": text}
        )

    for n in range(3):  # one after another: each is remembered before the next is cleaned
        asyncio.run(send_raw(settings, [article(n)]))
        asyncio.run(collect(settings, Topic.ENRICHED, n + 1))
    deadline = time.monotonic() + 30
    while series(port).get("khabar_recurring_lines_stories", 0) < 3:
        assert time.monotonic() < deadline, "the cleanup worker never learnt the stories' lines"
        time.sleep(0.2)
    asyncio.run(send_raw(settings, [article(3)]))
    events = {
        orjson.loads(m.value)["id"]: orjson.loads(m.value)
        for m in asyncio.run(collect(settings, Topic.ENRICHED, 4))
    }
    assert all(plea in events[f"s{n}"]["paragraphs"] for n in range(3))
    assert events["s3"]["paragraphs"] == [stories[3]]
    assert {"kind": "recurring", "text": plea, "line": None, "stories": 3} in events["s3"][
        "cleanup"
    ]["removed"]
