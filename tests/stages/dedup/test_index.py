"""The near-duplicate index: earlier similar articles found by band, the oldest forgotten."""

from __future__ import annotations

from tests.stages.dedup.test_minhash import OTHER, STORY
from workers.stages.dedup.index import LshIndex
from workers.stages.dedup.minhash import minhash


def test_find_the_earliest_similar_article_and_its_original():
    index = LshIndex()
    index.add("a", minhash(STORY))
    index.add("b", minhash([*STORY, "Also read: Five things to know"]), duplicate_of="a")
    assert index.find("c", minhash([*STORY[:2], STORY[2] + " More."]), 0.7) == "a"
    assert index.find("d", minhash(OTHER), 0.7) is None


def test_an_article_already_held_only_matches_earlier_ones():
    index = LshIndex()
    index.add("a", minhash(STORY))
    index.add("b", minhash(STORY))
    assert index.find("a", minhash(STORY), 0.7) is None
    assert index.find("b", minhash(STORY), 0.7) == "a"
    index.add("a", minhash(OTHER))  # a second add of an id keeps the first
    assert (index.signature("a") == minhash(STORY)).all() and len(index) == 2


def test_index_forgets_the_oldest_past_its_capacity():
    index = LshIndex(capacity=2)
    for i, paragraphs in enumerate([STORY, OTHER, ["Something else entirely, about cricket."]]):
        index.add(str(i), minhash(paragraphs))
    assert len(index) == 2 and "0" not in index and "0" not in index.sequence
    assert index.find("x", minhash(STORY), 0.7) is None
    assert (
        all(members != "0" and "0" not in members for members in index.buckets.values())
        and len(index.order) == 2
    )


def test_a_shared_bucket_holds_a_list_and_a_bucket_left_with_one_holds_the_id():
    index = LshIndex(capacity=2)
    index.add("a", minhash(STORY))
    index.add("b", minhash(STORY))  # the same bands: every bucket shared
    assert all(members == ["a", "b"] for members in index.buckets.values())
    index.add("c", minhash(OTHER))  # "a" is forgotten
    shared = [m for m in index.buckets.values() if m == "b"]
    assert len(shared) == 16 and index.find("x", minhash(STORY), 0.7) == "b"
