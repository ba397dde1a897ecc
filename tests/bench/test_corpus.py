"""The benchmark's article stream: deterministic, of the drawn sizes, languages and share of
pages, valid raw events, none a near-duplicate of another, and copies the pipeline marks."""

from __future__ import annotations

import statistics
import unicodedata
from collections import Counter
from typing import Any

import orjson
import pytest

from workers.bench.corpus import (
    MAX_BYTES,
    MIN_BYTES,
    Story,
    articles,
    near_duplicates,
    stories,
)
from workers.contract.events import encode, validate
from workers.pipeline.batch import process_one

COUNT = 300


@pytest.fixture(scope="module")
def drawn() -> list[Story]:
    return list(stories(COUNT, seed=7))


@pytest.fixture(scope="module")
def events() -> list[dict[str, Any]]:
    return list(articles(COUNT, seed=7))


def test_the_same_seed_gives_the_same_articles():
    assert list(articles(20, seed=5)) == list(articles(20, seed=5))
    assert list(articles(20, seed=5)) != list(articles(20, seed=6))
    assert list(articles(5, seed=5)) == list(articles(20, seed=5))[:5]
    story = next(articles(1, seed=5))
    assert list(near_duplicates(story, 3, seed=1)) == list(near_duplicates(story, 3, seed=1))


def test_events_are_valid_raw_articles_with_distinct_ids(events):
    for event in events:
        validate("article.raw", event)
        assert ("text" in event) != ("html" in event)
        assert event["url"].startswith(f"https://{event['source']}/")
    assert len({e["id"] for e in events}) == COUNT and len({e["url"] for e in events}) == COUNT
    assert events[12]["id"] == "bench-7-12"


def test_no_placeholder_is_left_and_every_character_is_assigned(events):
    dumped = orjson.dumps(events).decode()
    for placeholder in ("{PERSON}", "{PLACE}", "{NUMBER}"):
        assert placeholder not in dumped
    characters = set("".join(e.get("text") or e["html"] for e in events))
    assert all(unicodedata.name(ch, "") for ch in characters if ch.isprintable())


def test_body_sizes_are_log_normal_around_the_median(drawn):
    sizes = sorted(len(story.body.encode()) for story in drawn)
    assert 0.75 * 3600 <= statistics.median(sizes) <= 1.25 * 3600
    assert sizes[0] >= MIN_BYTES and sizes[-1] <= MAX_BYTES
    assert sizes[int(0.9 * COUNT)] / sizes[int(0.1 * COUNT)] > 3  # sigma 0.6: about 4.6
    small = [len(s.body.encode()) for s in stories(40, seed=7, median_bytes=1500)]
    assert 1000 <= statistics.median(small) <= 2000


def test_the_language_mix(drawn):
    shares = {lang: n / COUNT for lang, n in Counter(s.language for s in drawn).items()}
    assert 0.32 <= shares["hi"] <= 0.48 and 0.27 <= shares["en"] <= 0.43
    others = {lang: share for lang, share in shares.items() if lang not in ("hi", "en")}
    assert set(others) == {"bn", "ta", "mr", "ur", "te", "gu"}
    assert 0.17 <= sum(others.values()) <= 0.33


def test_about_a_tenth_are_whole_pages(events):
    pages = [e["html"] for e in events if "html" in e]
    assert 0.05 <= len(pages) / COUNT <= 0.17
    for tag in ("<!doctype html>", "<title>", "<nav><ul>", "<article>", "<h1>", "<footer>"):
        assert all(tag in page for page in pages), tag
    assert any('<div class="also-read">' in page for page in pages)
    assert not any("html" in e for e in articles(20, seed=1, html_share=0.0))
    assert all("html" in e for e in articles(20, seed=1, html_share=1.0))


def test_text_carries_a_scrapers_noise(drawn, events):
    texts = [e["text"] for e in events if "text" in e]
    kinds = Counter(kind for story in drawn for _, kind, _ in story.noise)
    for kind in ("dateline", "promo", "caption", "tweet", "headline_list", "cta", "title"):
        assert kinds[kind] >= 10, kind
    repeated = [t for t in texts if any(t.count(line + "\n" + line) for line in t.split("\n"))]
    assert repeated  # tweet residue the scraper left twice


def test_articles_are_distinct_and_copies_are_duplicates(stages):
    distinct = list(articles(40, seed=11))
    text_story = next(e for e in distinct if "text" in e)
    page_story = next(articles(1, seed=12, html_share=1.0))
    copies = [
        *near_duplicates(text_story, 5, seed=3),
        *near_duplicates(page_story, 2, seed=3),
    ]
    assert [c["id"] for c in copies[:2]] == [f"{text_story['id']}-copy-{n}" for n in (1, 2)]
    assert len({c.get("text") or c["html"] for c in copies}) == len(copies)
    assert all(c["text"] != text_story["text"] for c in copies[:5])
    results = [process_one(encode(e), stages) for e in [*distinct, page_story, *copies]]
    enriched = [event for event, _ in results if event is not None]
    assert len(enriched) >= 0.9 * len(results)
    marks = {event["id"]: event["duplicate_of"] for event in enriched}
    assert all(marks[e["id"]] is None for e in [*distinct, page_story] if e["id"] in marks)
    for copy in copies:
        original = page_story if copy["id"].startswith(page_story["id"]) else text_story
        assert marks[copy["id"]] == original["id"], copy["id"]
