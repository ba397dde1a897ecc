"""Near-duplicates: the body's fingerprint, then a mark when an earlier article is a near-copy
(MinHash and the index are in `stages/dedup/`). The marking step is the one stateful step of
the stages: it receives its index."""

from __future__ import annotations

from dataclasses import dataclass

from workers.stages.dedup.index import LshIndex
from workers.stages.dedup.minhash import content_hash, minhash, to_hex
from workers.stages.extract.analysis import Analysis


@dataclass(frozen=True)
class NearDuplicates:
    """The index earlier articles are in, and the estimated Jaccard similarity from which an
    article is a near-duplicate."""

    index: LshIndex
    threshold: float = 0.7


def fingerprint(analysis: Analysis) -> None:
    """`fingerprint`: the body's content hash and MinHash signature (kept as an array for the
    marking step)."""
    analysis.signature = minhash(analysis.paragraphs)
    analysis.enriched["fingerprint"] = {
        "content_hash": content_hash(analysis.paragraphs),
        "minhash": to_hex(analysis.signature),
    }


def mark_duplicate(analysis: Analysis, duplicates: NearDuplicates) -> None:
    """`duplicate_of`: the original of an earlier near-duplicate in the index (so every copy of
    a story points at the same article); then the article joins the index. A redelivery of the
    same id is never its own duplicate."""
    if analysis.signature is None:
        fingerprint(analysis)
    assert analysis.signature is not None
    article_id = str(analysis.cleaned["id"])
    found = duplicates.index.find(article_id, analysis.signature, duplicates.threshold)
    analysis.enriched["duplicate_of"] = found
    duplicates.index.add(article_id, analysis.signature, found)
