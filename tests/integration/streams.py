"""Streams of articles for the fault tests: many distinct articles sent at a steady rate while
something breaks, and a tally of what came out (every id once is the goal; more than once is a
duplicate, never is lost)."""

from __future__ import annotations

import asyncio
import random
import threading
import time
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass

import orjson
from aiokafka import AIOKafkaConsumer, AIOKafkaProducer, TopicPartition

from workers.config import Settings
from workers.pipeline.table import Topic

# Words of Indian news to build articles from: distinct enough that no two are near-duplicates.
_VOCABULARY = (
    "council budget river flood court hearing police station minister district village rain "
    "farmers market school teachers hospital doctors railway station bridge road election "
    "voters counting result party leader protest strike power water supply metro airport "
    "festival temple cricket match team coach player medal heat wave monsoon alert relief "
    "camp families officials report inquiry order petition bail verdict session assembly"
)
WORDS = tuple(_VOCABULARY.split())
_LATIN_SYLLABLES = "ka ri ma no su de la vi ta ra ni ko pu sha ge ba mo ti"
_DEVANAGARI_SYLLABLES = "क रि मा नो सु दे ला वि त र नि को पु शा गे ब मो ति"
SYLLABLES = (tuple(_DEVANAGARI_SYLLABLES.split()), tuple(_LATIN_SYLLABLES.split()))


def fixed_words(rng: random.Random) -> str:
    """A word of the small fixed vocabulary: every word recurs, none is new."""
    return rng.choice(WORDS)


class GrowingVocabulary:
    """Words as they come in news from many sites: new ones keep arriving, about K * t ** BETA
    distinct in t words, and a word seen before comes back as often as it came (Simon's model),
    so a few are frequent and most are rare. K and BETA are fitted to the 224 bench articles
    (indic-scraped and Zyte): 1,247 distinct words in their first 3,421, 25,451 in 156,852. So
    a worker's word caches fill early, as on real news (65,536 distinct words within 520,000
    words, about 1,600 articles of the soak's 320 words); with `fixed_words` only the day number
    is new in each article, and the caches filled only after 65,000 articles."""

    K, BETA = 2.0, 0.79
    _RECALLED = 1 << 20  # the words a returning word is drawn from: the latest million

    def __init__(self) -> None:
        self.words = 0
        self.distinct = 0
        self.recent: list[int] = []

    def __call__(self, rng: random.Random) -> str:
        self.words += 1
        if int(self.K * self.words**self.BETA) > self.distinct:
            word = self.distinct
            self.distinct += 1
        else:
            word = rng.choice(self.recent)
        if len(self.recent) < self._RECALLED:
            self.recent.append(word)
        else:
            self.recent[self.words % self._RECALLED] = word
        return self.spelling(word)

    @staticmethod
    def spelling(word: int) -> str:
        """Word number `word` as syllables: the even ones in Devanagari, the odd ones in Latin
        letters, a third of those capitalised like names; two numbers never spell alike."""
        syllables = SYLLABLES[word % 2]
        n, letters = word // 2 + len(syllables), []
        while n:
            n, digit = divmod(n, len(syllables))
            letters.append(syllables[digit])
        spelt = "".join(letters)
        return spelt.capitalize() if word % 6 == 1 else spelt


def articles(
    count: int,
    tag: str,
    seed: int = 7,
    length: tuple[int, int] = (3, 3),
    word: Callable[[random.Random], str] = fixed_words,
) -> list[tuple[bytes, bytes]]:
    """`count` raw articles keyed by their ids `<tag>-<n>`, of `length` (at least, at most)
    sentences each of twelve words drawn by `word`."""
    rng = random.Random(seed)
    found = []
    for n in range(count):
        sentences = [
            " ".join(word(rng) for _ in range(12)).capitalize() + f" on day {n}."
            for _ in range(rng.randint(*length))
        ]
        article_id = f"{tag}-{n}"
        found.append(
            (article_id.encode(), orjson.dumps({"id": article_id, "text": " ".join(sentences)}))
        )
    return found


def long_article(kilobytes: int, article_id: str = "long-1") -> bytes:
    """A long but ordinary article, of about `kilobytes` KB of text: a megabyte takes each stage
    a second or more here."""
    rng = random.Random(3)
    paragraphs = [
        " ".join(rng.choice(WORDS) for _ in range(60)) + "." for _ in range(kilobytes * 1024 // 400)
    ]
    return orjson.dumps({"id": article_id, "text": "\n\n".join(paragraphs)})


def ids_of(messages: list[tuple[bytes, bytes]]) -> set[str]:
    return {key.decode() for key, _ in messages}


async def send_steadily(
    settings: Settings, messages: list[tuple[bytes, bytes]], seconds: float
) -> None:
    """Send the messages to the raw topic spread over about `seconds`."""
    producer = AIOKafkaProducer(bootstrap_servers=settings.bootstrap_servers, acks="all")
    await producer.start()
    try:
        pause = seconds / max(len(messages), 1)
        for key, value in messages:
            await producer.send(settings.topic(Topic.RAW), value, key=key)
            await asyncio.sleep(pause)
        await producer.flush()
    finally:
        await producer.stop()


def send_in_background(
    settings: Settings, messages: list[tuple[bytes, bytes]], seconds: float
) -> threading.Thread:
    """`send_steadily` in a thread, started; join it to wait for the last message."""
    sender = threading.Thread(
        target=lambda: asyncio.run(send_steadily(settings, messages, seconds))
    )
    sender.start()
    return sender


@dataclass
class Tally:
    """What reached the enriched topic of the ids sent."""

    sent: int
    seen: Counter[str]
    seconds: float

    @property
    def lost(self) -> int:
        return self.sent - len(self.seen)

    @property
    def duplicated(self) -> int:
        return sum(n - 1 for n in self.seen.values())


async def tally(settings: Settings, ids: set[str], timeout: float, settle: float = 3.0) -> Tally:
    """Read the enriched topic until every id has come (then `settle` seconds more, for late
    duplicates) or `timeout` seconds have passed."""
    started = time.monotonic()
    seen: Counter[str] = Counter()
    consumer = AIOKafkaConsumer(
        settings.topic(Topic.ENRICHED),
        bootstrap_servers=settings.bootstrap_servers,
        group_id=None,
        auto_offset_reset="earliest",
        isolation_level="read_committed",
    )
    await consumer.start()
    try:
        complete_at = None
        while time.monotonic() - started < timeout:
            batches = await consumer.getmany(timeout_ms=500)
            for messages in batches.values():
                for message in messages:
                    article_id = orjson.loads(message.value)["id"]
                    if article_id in ids:
                        seen[article_id] += 1
            if complete_at is None and len(seen) == len(ids):
                complete_at = time.monotonic()
            if complete_at is not None and time.monotonic() - complete_at > settle:
                break
    finally:
        await consumer.stop()
    return Tally(len(ids), seen, time.monotonic() - started)


async def group_lag(
    settings: Settings, group: str, topic: str, timeout: float = 30
) -> dict[int, int]:
    """Per partition of `topic`: the committed records after the group's committed offset, i.e.
    what the group has yet to process. Counted by reading them, not as high-water mark minus
    offset: a transaction's commit marker takes an offset too, and is no record to process.
    The committed offsets are read without joining the group."""
    consumer = AIOKafkaConsumer(
        bootstrap_servers=settings.bootstrap_servers,
        group_id=group,
        enable_auto_commit=False,
        isolation_level="read_committed",
    )
    await consumer.start()
    try:
        partitions = [TopicPartition(topic, p) for p in range(settings.partitions)]
        consumer.assign(partitions)
        waiting = dict.fromkeys(range(settings.partitions), 0)
        for tp in partitions:
            consumer.seek(tp, (await consumer.committed(tp)) or 0)
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            for tp, messages in (await consumer.getmany(timeout_ms=200)).items():
                waiting[tp.partition] += len(messages)
            ends = [consumer.highwater(tp) for tp in partitions]
            positions = [await consumer.position(tp) for tp in partitions]
            if all(end is not None and at >= end for at, end in zip(positions, ends, strict=True)):
                break
        return waiting
    finally:
        await consumer.stop()
