"""The near-duplicate index: MinHash signatures by article id, bucketed by LSH band, so the
articles whose estimated Jaccard similarity to a new one reaches a threshold are found without
comparing against all. It is plain in-memory state that its owner passes in: batch mode keeps
one for the run, a worker one loaded from and kept in the fingerprints topic."""

from __future__ import annotations

from collections import OrderedDict
from dataclasses import dataclass, field

import numpy as np

from workers.stages.dedup.minhash import PERMUTATIONS, similarity

BANDS = 16  # 16 bands of 4 rows: pairs from about 0.5 Jaccard on become candidates
ROWS = PERMUTATIONS // BANDS


@dataclass
class LshIndex:
    """Signatures by article id, bucketed by band; the oldest entries go past `capacity`."""

    capacity: int = 200_000
    signatures: OrderedDict[str, np.ndarray] = field(default_factory=OrderedDict)
    buckets: dict[tuple[int, bytes], list[str]] = field(default_factory=dict)
    sequence: dict[str, int] = field(default_factory=dict)  # order of first sight
    roots: dict[str, str] = field(default_factory=dict)  # a duplicate's original
    _next: int = 0

    def __len__(self) -> int:
        return len(self.signatures)

    def add(self, article_id: str, signature: np.ndarray, duplicate_of: str | None = None) -> None:
        """Remember an article and what it duplicates (a second add of the same id keeps the
        first)."""
        if article_id in self.signatures:
            return
        self.signatures[article_id] = signature
        if duplicate_of is not None:
            self.roots[article_id] = duplicate_of
        self.sequence[article_id] = self._next
        self._next += 1
        for key in _bands(signature):
            self.buckets.setdefault(key, []).append(article_id)
        while len(self.signatures) > self.capacity:
            self._forget_oldest()

    def find(self, article_id: str, signature: np.ndarray, threshold: float) -> str | None:
        """The original of the earliest other article at least `threshold` similar, if any; for
        an article the index already holds (a redelivery), only one seen before it."""
        before = self.sequence.get(article_id)
        candidates = {
            other
            for key in _bands(signature)
            for other in self.buckets.get(key, ())
            if other != article_id and (before is None or self.sequence[other] < before)
        }
        for other in sorted(candidates, key=self.sequence.__getitem__):
            if similarity(signature, self.signatures[other]) >= threshold:
                return self.roots.get(other, other)
        return None

    def _forget_oldest(self) -> None:
        article_id, signature = self.signatures.popitem(last=False)
        del self.sequence[article_id]
        self.roots.pop(article_id, None)
        for key in _bands(signature):
            members = self.buckets.get(key)
            if members is not None:
                members.remove(article_id)
                if not members:
                    del self.buckets[key]


def _bands(signature: np.ndarray) -> list[tuple[int, bytes]]:
    return [(band, signature[band * ROWS : (band + 1) * ROWS].tobytes()) for band in range(BANDS)]
