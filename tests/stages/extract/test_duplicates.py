"""The near-duplicate steps: the fingerprint, then the mark against the index passed in."""

from __future__ import annotations

from tests.stages.dedup.test_minhash import OTHER, STORY
from tests.stages.extract.articles import analysis
from workers.stages.dedup.index import LshIndex
from workers.stages.dedup.minhash import from_hex, minhash
from workers.stages.extract.duplicates import NearDuplicates, fingerprint, mark_duplicate


def marked(article_id: str, paragraphs: list[str], duplicates: NearDuplicates) -> str | None:
    article = analysis(*paragraphs, id=article_id)
    fingerprint(article)
    enriched = {**article.enriched, "id": article_id}
    mark_duplicate(enriched, duplicates)
    return enriched["duplicate_of"]


def test_the_fingerprint_is_the_bodys_minhash_in_hex():
    article = analysis(*STORY)
    fingerprint(article)
    assert (from_hex(article.enriched["fingerprint"]["minhash"]) == minhash(STORY)).all()
    assert len(article.enriched["fingerprint"]["content_hash"]) == 64


def test_copies_point_at_the_original_and_other_stories_do_not():
    duplicates = NearDuplicates(LshIndex(), 0.7)
    marks = [
        marked("a", STORY, duplicates),
        marked("b", [*STORY, "Also read: Five things to know"], duplicates),
        marked("c", [*STORY[:2], STORY[2] + " Results are expected by evening."], duplicates),
        marked("d", OTHER, duplicates),
    ]
    assert marks == [None, "a", "a", None]
    assert len(duplicates.index) == 4


def test_redelivery_is_never_its_own_duplicate_nor_of_a_later_copy():
    duplicates = NearDuplicates(LshIndex(), 0.7)
    assert marked("a", STORY, duplicates) is None
    assert marked("b", STORY, duplicates) == "a"
    assert marked("a", STORY, duplicates) is None
