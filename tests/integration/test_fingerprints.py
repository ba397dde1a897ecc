"""The memory kept in the compacted fingerprints topic (the near-duplicate index, the sources'
recurring lines), on a real broker: loaded to the end at start, then followed."""

from __future__ import annotations

import asyncio
import time

import orjson
import pytest

from tests.integration.conftest import send_raw
from workers.contract.fingerprints import fingerprint_record
from workers.kafka.admin import ensure_topics
from workers.kafka.fingerprints import FingerprintStore
from workers.pipeline.table import Topic
from workers.stages.dedup.lines import line_key, pack
from workers.stages.dedup.minhash import minhash, to_hex

pytestmark = pytest.mark.integration


def record(
    article_id: str, text: str, duplicate_of: str | None = None, source: str | None = None
) -> tuple[bytes, bytes]:
    enriched = {
        "id": article_id,
        "source": source,
        "duplicate_of": duplicate_of,
        "fingerprint": {
            "minhash": to_hex(minhash([text])),
            "content_hash": "0" * 64,
            "lines": pack([line_key(PLEA), line_key(text)]).hex(),
        },
    }
    return article_id.encode(), orjson.dumps(fingerprint_record(enriched))


STORY = "Counting of votes in the five states will begin at eight in the morning on Sunday."
PLEA = "Follow us on Facebook and X for the latest news."


def test_load_reads_to_the_end_and_follow_learns_what_others_publish(settings):
    asyncio.run(ensure_topics(settings))
    asyncio.run(
        send_raw(
            settings,
            [record("a", STORY), record("b", STORY, "a"), (b"junk", b"not json")],
            topic=Topic.FINGERPRINTS,
        )
    )
    store = FingerprintStore(settings)

    async def scenario() -> None:
        assert await store.load() == 3  # the unreadable record is counted, and skipped
        assert "a" in store.index and "b" in store.index and store.index.roots == {"b": "a"}
        assert store.index.representatives() == {"a"}  # a copy is found through its original
        follower = asyncio.create_task(store.follow())
        try:
            await send_raw(settings, [record("c", "Something else entirely.")], Topic.FINGERPRINTS)
            for _ in range(100):
                if "c" in store.index.representatives():
                    break
                await asyncio.sleep(0.1)
        finally:
            follower.cancel()
            await asyncio.gather(follower, return_exceptions=True)
        assert "c" in store.index.representatives()
        assert store.index.find("d", minhash([STORY]), 0.7) == "a"

    asyncio.run(scenario())


def test_a_cleanup_worker_s_memory_of_recurring_lines_comes_from_the_records(settings):
    asyncio.run(ensure_topics(settings))
    stories = [record(f"s{n}", f"Story {n} of the day.", source="example.com") for n in range(3)]
    copy = record("copy", "Story 0 of the day.", duplicate_of="s0", source="example.com")
    elsewhere = record("x", "Another site's story.", source="other.in")
    asyncio.run(send_raw(settings, [*stories, copy, elsewhere], topic=Topic.FINGERPRINTS))
    store = FingerprintStore(settings)
    assert asyncio.run(store.load()) == 5
    lines = store.memory.lines
    assert lines.stories("example.com", line_key(PLEA)) == 3  # the copy counts with its original
    assert lines.stories("other.in", line_key(PLEA)) == 1
    assert lines.recurs("example.com", line_key(PLEA))


def test_load_ends_at_the_start_s_end_while_others_keep_publishing(settings):
    asyncio.run(ensure_topics(settings))
    asyncio.run(
        send_raw(
            settings, [record(f"old{i}", f"{STORY} {i}") for i in range(200)], Topic.FINGERPRINTS
        )
    )
    store = FingerprintStore(settings)

    async def publish_meanwhile(stop: asyncio.Event) -> None:
        n = 0
        while not stop.is_set():
            await send_raw(settings, [record(f"new{n}", f"Other story {n}.")], Topic.FINGERPRINTS)
            n += 1

    async def scenario() -> tuple[int, float]:
        stop = asyncio.Event()
        publisher = asyncio.create_task(publish_meanwhile(stop))
        await asyncio.sleep(0.5)
        began = time.monotonic()
        loaded = await store.load()
        stop.set()
        await publisher
        return loaded, time.monotonic() - began

    loaded, seconds = asyncio.run(scenario())
    assert loaded >= 200 and seconds < 15, (loaded, seconds)
