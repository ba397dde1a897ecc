"""Fingerprints and the near-duplicate index, on plain data."""

from __future__ import annotations

import orjson

from workers.events import validate
from workers.fingerprints import record
from workers.stages.extract.fingerprint import (
    LshIndex,
    from_hex,
    mark_duplicate,
    minhash,
    similarity,
    to_hex,
)

STORY = [
    "The Election Commission on Tuesday announced the schedule for the assembly elections in "
    "five states, with polling to be held in seven phases from April 10.",
    "Chief Election Commissioner said more than 18 crore voters would be eligible and that "
    "additional forces had been sought for sensitive booths.",
    "Counting of votes will take place on May 2, the commission said in a statement.",
]
OTHER = [
    "Opposition parties on Tuesday criticised the seven-phase schedule announced for the "
    "assembly elections, saying it would help the ruling party campaign longer.",
    "Leaders said a shorter schedule would have reduced the cost of the elections.",
]


def enriched(article_id: str, paragraphs: list[str]) -> dict:
    return {
        "id": article_id,
        "duplicate_of": None,
        "fingerprint": {"minhash": to_hex(minhash(paragraphs)), "content_hash": "x"},
    }


def test_signature_is_stable_and_round_trips():
    signature = minhash(STORY)
    assert (minhash(STORY) == signature).all() and (from_hex(to_hex(signature)) == signature).all()
    assert similarity(signature, minhash([p.upper() for p in STORY])) == 1.0
    assert similarity(signature, minhash(OTHER)) < 0.3


def test_copies_point_at_the_original_and_other_stories_do_not():
    index = LshIndex()
    original, copy, copy_of_copy, other = (
        enriched("a", STORY),
        enriched("b", [*STORY, "Also read: Five things to know"]),
        enriched("c", [*STORY[:2], STORY[2] + " Results are expected by evening."]),
        enriched("d", OTHER),
    )
    for event in (original, copy, copy_of_copy, other):
        mark_duplicate(event, index, 0.7)
    assert [e["duplicate_of"] for e in (original, copy, copy_of_copy, other)] == [
        None,
        "a",
        "a",
        None,
    ]


def test_redelivery_is_never_its_own_duplicate_nor_of_a_later_copy():
    index = LshIndex()
    first, later = enriched("a", STORY), enriched("b", STORY)
    mark_duplicate(first, index, 0.7)
    mark_duplicate(later, index, 0.7)
    again = enriched("a", STORY)
    mark_duplicate(again, index, 0.7)
    assert again["duplicate_of"] is None and later["duplicate_of"] == "a"


def test_index_forgets_the_oldest_past_its_capacity():
    index = LshIndex(capacity=2)
    for i, paragraphs in enumerate([STORY, OTHER, ["Something else entirely, about cricket."]]):
        index.add(str(i), minhash(paragraphs))
    assert len(index) == 2 and "0" not in index.signatures
    assert index.find("x", minhash(STORY), 0.7) is None


def test_fingerprint_record_satisfies_its_schema():
    event = enriched("a", STORY)
    validate("fingerprint", orjson.loads(record(event)))
