"""Near-duplicates: the body's fingerprint (an extraction step), then a mark when an earlier
article is a near-copy (MinHash and the index are in `stages/dedup/`). The marking is a
stateful step: it receives its index, and runs on the enriched event in the consumer's process,
in order, after the pure steps (which may run in a child process)."""

from __future__ import annotations

from dataclasses import dataclass

from workers.contract.events import Event
from workers.stages.dedup.index import LshIndex
from workers.stages.dedup.minhash import content_hash, from_hex, minhash, to_hex
from workers.stages.extract.analysis import Analysis


@dataclass(frozen=True)
class NearDuplicates:
    """The index earlier articles are in, and the estimated Jaccard similarity from which an
    article is a near-duplicate."""

    index: LshIndex
    threshold: float = 0.7


def fingerprint(analysis: Analysis) -> None:
    """`fingerprint`: the body's content hash and MinHash signature (what the marking reads)."""
    analysis.enriched["fingerprint"] = {
        "content_hash": content_hash(analysis.paragraphs),
        "minhash": to_hex(minhash(analysis.paragraphs)),
    }


def mark_duplicate(enriched: Event, duplicates: NearDuplicates) -> None:
    """`duplicate_of`: the original of an earlier near-duplicate in the index (so every copy of
    a story points at the same article); then the article joins the index. A redelivery of the
    same id is never its own duplicate."""
    signature = from_hex(enriched["fingerprint"]["minhash"])
    article_id = str(enriched["id"])
    found = duplicates.index.find(article_id, signature, duplicates.threshold)
    enriched["duplicate_of"] = found
    duplicates.index.add(article_id, signature, found)
