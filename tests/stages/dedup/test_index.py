"""The near-duplicate index: earlier similar articles found by band, the oldest forgotten."""

from __future__ import annotations

import os

import numpy as np

from tests.stages.dedup.test_minhash import OTHER, STORY
from workers.ops.processes import rss_mb
from workers.stages.dedup.index import LshIndex, compact
from workers.stages.dedup.minhash import minhash, similarity


def test_find_the_earliest_similar_article_and_its_original():
    index = LshIndex()
    index.add("a", minhash(STORY))
    index.add("b", minhash([*STORY, "Also read: Five things to know"]), duplicate_of="a")
    assert index.find("c", minhash([*STORY[:2], STORY[2] + " More."]), 0.7) == "a"
    assert index.find("d", minhash(OTHER), 0.7) is None


def test_an_article_already_held_keeps_the_answer_it_was_added_with():
    index = LshIndex()
    index.add("a", minhash(STORY))
    index.add("b", minhash(STORY))  # added as an original (its answer was None)
    index.add("c", minhash(STORY), duplicate_of="a")
    assert index.find("a", minhash(STORY), 0.7) is None
    assert (
        index.find("b", minhash(STORY), 0.7) is None and index.find("c", minhash(STORY), 0.7) == "a"
    )
    index.add("a", minhash(OTHER))  # a second add of an id keeps the first
    assert (index.signature("a") == compact(minhash(STORY))).all() and len(index) == 3


def test_a_redelivery_is_answered_the_same_after_a_copy_stands_in():
    index = LshIndex(capacity=3)
    index.add("o", minhash(STORY))
    index.add("c", minhash(edited(1)), duplicate_of="o")
    near_c = [*STORY[:2], STORY[2].replace("May 2", "May 2 (1)") + " Police said."]
    index.add("x", minhash(near_c))  # taken as an original
    index.add("y", minhash(OTHER))  # "o" leaves: "c" stands in
    assert index.stand_ins == {"o": "c"} and index.find("x", minhash(near_c), 0.7) is None


def test_an_original_that_left_sent_again_is_no_copy_of_itself():
    index = LshIndex(capacity=2)
    index.add("o", minhash(STORY))
    index.add("c", minhash(edited(1)), duplicate_of="o")
    index.add("y", minhash(OTHER))  # "o" leaves: "c" stands in for it
    assert index.find("o", minhash(STORY), 0.7) is None
    assert index.find("n", minhash(STORY), 0.7) == "o"


def test_index_forgets_the_oldest_past_its_capacity():
    index = LshIndex(capacity=2)
    for i, paragraphs in enumerate([STORY, OTHER, ["Something else entirely, about cricket."]]):
        index.add(str(i), minhash(paragraphs))
    assert len(index) == 2 and "0" not in index and "0" not in index.sequence
    assert index.find("x", minhash(STORY), 0.7) is None
    assert index.bucketed() == {"1", "2"} == index.representatives()


def test_articles_sharing_every_band_are_both_found_until_one_leaves():
    index = LshIndex(capacity=2)
    index.add("a", minhash(STORY))
    index.add("b", minhash(STORY))  # the same bands, not marked a copy: both represent
    assert index.bucketed() == {"a", "b"} and index.find("x", minhash(STORY), 0.7) == "a"
    index.add("c", minhash(OTHER))  # "a" is forgotten
    assert index.bucketed() == {"b", "c"} and index.find("x", minhash(STORY), 0.7) == "b"


def test_merged_buckets_find_the_same_and_drop_what_left():
    index = LshIndex(capacity=6)
    index.table.merge_every = 4  # a merge after every fourth article
    stories = [
        [f"Story {n}: the {n}th report on monsoon floods across district {n}."] * 3
        for n in range(10)
    ]
    for n, story in enumerate(stories):
        index.add(str(n), minhash(story))
    assert index.table.keys.size > 0  # some merged, some recent
    assert len(index.table) <= 16 * (6 + 4)  # what left the window went at a merge
    for n, story in enumerate(stories):
        assert index.find("x", minhash(story), 0.7) == (str(n) if n >= 4 else None)


def edited(copy: int) -> list[str]:
    """The story re-scraped with a small edit: one word of its last paragraph changed."""
    return [*STORY[:2], STORY[2].replace("May 2", f"May 2 ({copy})")]


def test_copies_stay_out_of_the_buckets_so_a_storm_costs_one_comparison_each():
    index = LshIndex()
    index.add("story", minhash(STORY))
    for copy in range(1, 2_000):
        signature = minhash(edited(copy))
        found = index.find(f"copy{copy}", signature, 0.7)
        assert found == "story"
        index.add(f"copy{copy}", signature, found)
    assert len(index) == 2_000 and index.representatives() == {"story"}
    assert index.bucketed() == {"story"}
    assert index.newest["story"] == "copy1999"


def test_a_copy_redelivered_gets_the_answer_it_had():
    index = LshIndex()
    index.add("a", minhash(STORY))
    index.add("b", minhash(edited(1)), duplicate_of="a")
    assert index.find("b", minhash(edited(1)), 0.7) == "a"
    assert index.find("a", minhash(STORY), 0.7) is None


def test_when_the_original_leaves_the_window_its_newest_copy_stands_in_for_it():
    index = LshIndex(capacity=3)
    index.add("a", minhash(STORY))
    index.add("b", minhash(edited(1)), duplicate_of="a")
    index.add("c", minhash(edited(2)), duplicate_of="a")
    index.add("d", minhash(OTHER))  # "a" is forgotten; "c" takes its place in the buckets
    assert "a" not in index and index.representatives() == {"c", "d"}
    assert index.stand_ins == {"a": "c"} and index.newest == {}
    assert index.find("e", minhash(edited(3)), 0.7) == "a"  # still the story's original
    index.add("e", minhash(edited(3)), duplicate_of="a")
    index.add("f", minhash(OTHER), duplicate_of="d")  # "b" goes: a copy, nothing to move
    # "c" leaves when "f" comes, "e" stands in; "d" leaves when "g" comes, before "g" is in:
    index.add("g", minhash(OTHER), duplicate_of="d")  # "f" is the newest copy then
    assert index.stand_ins == {"a": "e", "d": "f"} and index.representatives() == {"e", "f"}
    for _ in range(3):  # every copy of "a" gone: nothing of the story is left
        index.add(f"other{_}", minhash([f"Story number {_} about something else."]))
    assert index.stand_ins == {} and "a" not in index.newest and len(index.representatives()) == 3
    assert index.find("h", minhash(STORY), 0.7) is None


def test_a_copy_loaded_without_its_original_stands_in_for_it():
    index = LshIndex()  # the fingerprints topic held the copy; its original was older
    index.add("b", minhash(edited(1)), duplicate_of="a")
    assert index.stand_ins == {"a": "b"}
    assert index.find("c", minhash(edited(2)), 0.7) == "a"


def test_memory_stays_within_the_window_under_churn():
    index = LshIndex(capacity=50)
    for i in range(500):
        story = [f"Report {i // 5} on the {i // 5}th flood relief camp in district {i // 5}."]
        signature = minhash(story * 3)
        found = index.find(str(i), signature, 0.7)
        index.add(str(i), signature, found)
    representatives = index.representatives()
    assert len(index) == len(index.sequence) == 50 and len(index.roots) <= 50
    assert len(index.newest) <= len(representatives) and len(index.stand_ins) <= 50
    assert index.bucketed() == representatives
    assert len(index.table) <= 16 * (50 + index.table.merge_every)


def test_a_compact_signature_agrees_with_the_full_one_on_similarity():
    full, near, far = minhash(STORY), minhash(edited(1)), minhash(OTHER)
    for other in (near, far):
        exact = similarity(full, other)
        assert abs(similarity(compact(full), compact(other)) - exact) <= 2 / 64
    assert compact(full).dtype == np.uint16 and compact(full).nbytes == full.nbytes // 2


def test_a_window_s_ring_of_signatures_costs_memory_only_as_it_fills():
    before = rss_mb(os.getpid())
    index = LshIndex(capacity=200_000)
    assert index.ring.nbytes == 200_000 * 128  # 25.6 MB when full
    assert rss_mb(os.getpid()) - before < 5  # pages never written are not resident
