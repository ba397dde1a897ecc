"""The seed article: cleanup gives exactly the expected paragraphs, embed and related headlines."""

from __future__ import annotations

from collections import Counter

import pytest

from tests.conftest import squash
from workers.events import validate
from workers.stages.cleanup import EmptyArticleError, clean


def test_seed_paragraphs_equal_expected(seed_text, seed_expected):
    cleaned = clean({"text": seed_text})
    assert [squash(p) for p in cleaned["paragraphs"]] == [
        squash(p) for p in seed_expected["body_paragraphs"]
    ]


def test_seed_embed_is_one_structured_tweet(seed_text, seed_expected):
    cleaned = clean({"text": seed_text})
    assert len(cleaned["embeds"]) == 1
    embed = cleaned["embeds"][0]
    for field, value in seed_expected["embeds"][0].items():
        assert embed[field] == value, field
    assert embed["copies"] == 3


def test_seed_related_headlines(seed_text, seed_expected):
    cleaned = clean({"text": seed_text})
    assert [r["title"] for r in cleaned["related"]] == seed_expected["related_headlines"]


def test_seed_dateline_split_off(seed_text, seed_expected):
    cleaned = clean({"text": seed_text})
    assert cleaned["dateline"] == seed_expected["dateline"]
    assert not cleaned["paragraphs"][0].startswith(seed_expected["dateline"])


def test_seed_removed_noise_is_recorded(seed_text, seed_expected):
    removed = clean({"text": seed_text})["cleanup"]["removed"]
    noise = seed_expected["removed_noise"]
    kinds = Counter(r["kind"] for r in removed)
    assert [r["text"] for r in removed if r["kind"] == "separator"] == noise["separator_lines"]
    assert [r["text"] for r in removed if r["kind"] == "markup_residue"] == noise["markup_residue"]
    assert kinds["read_also"] == noise["read_also_promos"]
    attribution_copies = [
        r for r in removed if r["kind"] == "duplicate_embed" and r["text"].startswith("—")
    ]
    assert len(attribution_copies) == noise["duplicate_embed_copies"]
    assert all(r["line"] >= 1 for r in removed)


def test_cleaned_event_satisfies_schema(seed_text):
    cleaned = clean({"text": seed_text, "url": "https://example.com/a?utm_source=x"})
    cleaned["pipeline"]["stages"]["cleanup"] = {"ms": 1.0}
    validate("article.cleaned", cleaned)


def test_given_id_is_kept(seed_text):
    assert clean({"text": seed_text, "id": "abc-1"})["id"] == "abc-1"


def test_article_of_only_noise_raises_clear_error():
    with pytest.raises(EmptyArticleError, match="no body text left"):
        clean({"text": "ये भी पढ़ें: कुछ और खबर\n----\nAdvertisement\n"})
