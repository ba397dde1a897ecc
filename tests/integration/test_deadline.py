"""The stage deadline in the live chain, on each broker: an article that takes a stage longer
than KHABAR_STAGE_TIMEOUT is cut off and dead-lettered (`timeout`), the articles beside it keep
flowing, and the worker stays up and in its group."""

from __future__ import annotations

import asyncio
import base64
import dataclasses
import datetime as dt
import hashlib
import itertools
import time

import orjson
import pytest

from tests.integration.conftest import collect, outcomes, send_raw
from tests.integration.streams import articles, ids_of, long_article, send_in_background, tally
from tests.integration.test_faults import kind_of
from workers.kafka.admin import idempotence_refused
from workers.pipeline.table import Topic

pytestmark = pytest.mark.integration

DEADLINE = 0.25  # seconds: the ordinary articles take milliseconds, the long one a second
# Articles of 5 KB cut off at 0.1 ms (cleanup takes a millisecond or so): a new process each, some
# 0.26 s, about 40 s in all: past a transaction's 18 s and the broker's 10 s to abort it.
SLOW, SLOW_DEADLINE = 150, 0.0001


def test_an_article_over_the_deadline_is_cut_off_while_the_others_flow(cluster, broker, capsys):
    cluster.settings = dataclasses.replace(cluster.settings, stage_timeout=DEADLINE)
    settings = cluster.settings
    worker = cluster.start(["all"])
    cluster.wait_balanced()
    good = articles(300, "flow")
    slow = long_article(850, "slow-1")  # under the producer's 1 MB request limit
    sender = send_in_background(settings, good, 6.0)
    time.sleep(1.0)
    asyncio.run(send_raw(settings, [(b"slow-1", slow)]))
    sender.join()

    result = asyncio.run(tally(settings, ids_of(good), timeout=120))
    assert result.lost == 0 and result.duplicated == 0
    (dead,) = asyncio.run(collect(settings, Topic.DEADLETTER, 1))
    record = orjson.loads(dead.value)
    assert record["id"] == "slow-1" and record["error"]["reason"] == "timeout"
    if record["stage"] == "cleanup":  # else its cleanup was under the deadline (a fast machine)
        original = record["original"]
        if original.get("truncated"):
            assert original["sha256"] == hashlib.sha256(slow).hexdigest()
        else:
            assert base64.b64decode(original["value_b64"]) == slow

    events = worker.log_events()
    (timed_out,) = [e for e in events if e["event"] == "stage_timed_out"]
    assert DEADLINE <= timed_out["seconds"] < DEADLINE + 1.0
    assert worker.process.poll() is None
    revoked = [e for e in events if e["event"] == "partitions_revoked" and e["partitions"]]
    assert not revoked, "it stayed in its group"

    enriched = asyncio.run(collect(settings, Topic.ENRICHED, len(good)))
    stamps = sorted(m.timestamp for m in enriched)
    stall = max(b - a for a, b in itertools.pairwise(stamps)) / 1000
    restarted = [e["ms"] for e in events if e["event"] == "stage_process_started"][-1]
    with capsys.disabled():
        print(
            f"\n[{kind_of(broker)}] deadline {DEADLINE} s: cut off after "
            f"{timed_out['seconds']:.2f} s, new process ready in {restarted:.0f} ms, longest gap "
            f"between enriched articles {stall:.2f} s"
        )
    assert stall < DEADLINE + 3.0


def test_slow_articles_never_outlast_an_exactly_once_transaction(cluster, broker, capsys):
    """A hundred and fifty articles in one partition, each cut off at a deadline of a tenth of
    a millisecond (less than any of them takes, so nearly every one is; a new process for the
    next takes some 0.3 s): one fetch holds them all, a batch that would take some 40 s, beyond
    the transaction's timeout (18 s, enforced within 10 s more). A batch stops taking messages
    after a session (6 s; the rest is read again), so no transaction outlasts its timeout and
    the partition never sticks."""
    if asyncio.run(idempotence_refused(cluster.settings)):
        pytest.skip("exactly-once needs Kafka transactions, which this broker refuses")
    cluster.settings = dataclasses.replace(
        cluster.settings, stage_timeout=SLOW_DEADLINE, processing_guarantee="exactly_once"
    )
    settings = cluster.settings
    slow = [(b"one-key", long_article(5, f"slow-{n}")) for n in range(SLOW)]  # one partition
    asyncio.run(send_raw(settings, slow))  # before the worker starts: one fetch takes them all
    began = time.monotonic()
    worker = cluster.start(["cleanup"])
    found = asyncio.run(outcomes(settings, (Topic.CLEANED, Topic.DEADLETTER), len(slow), 300))
    seconds = time.monotonic() - began
    ids = [orjson.loads(m.value)["id"] for messages in found.values() for m in messages]
    assert sorted(ids) == sorted(f"slow-{n}" for n in range(SLOW))
    events = worker.log_events()
    assert not [e for e in events if e["event"] in ("transaction_aborted", "producer_fenced")]
    cut = [
        dt.datetime.fromisoformat(e["timestamp"]) for e in events if e["event"] == "stage_timed_out"
    ]
    spent = (cut[-1] - cut[0]).total_seconds() if cut else 0.0
    with capsys.disabled():
        print(
            f"\n[{kind_of(broker)}] {SLOW} articles at a {SLOW_DEADLINE * 1000:g} ms deadline, "
            f"exactly once: {len(cut)} cut off over {spent:.0f} s, all out in {seconds:.0f} s, "
            "no transaction aborted"
        )
    # What makes this a test: the cut-offs alone take longer than a transaction may last (a
    # few articles can finish between the event loop's turns, in a millisecond or so).
    assert spent > 28, f"{len(cut)} cut off in {spent:.0f} s: no batch would outlast 18 + 10 s"
