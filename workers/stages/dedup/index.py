"""The near-duplicate index: MinHash signatures by article id, bucketed by LSH band, so the
articles whose estimated Jaccard similarity to a new one reaches a threshold are found without
comparing against all. It is plain in-memory state that its owner passes in: batch mode keeps
one for the run, a worker one loaded from and kept in the fingerprints topic."""

from __future__ import annotations

from collections import deque
from dataclasses import dataclass, field

import numpy as np

from workers.stages.dedup.minhash import PERMUTATIONS, similarity

BANDS = 16  # 16 bands of 4 rows: pairs from about 0.5 Jaccard on become candidates (and a
# band's number fits the 4 low bits of its bucket key)
ROWS = PERMUTATIONS // BANDS


# A bucket holds one article's id (most buckets: distinct articles share no band) or a list of
# them; its key is one int, the band's four values and the band's number. About 2 KB an article,
# where tuples of bytes and a list per bucket took about 4.8 KB.
Bucket = str | list[str]


@dataclass
class LshIndex:
    """Signatures by article id, bucketed by band; the oldest entries go past `capacity`."""

    capacity: int = 200_000
    signatures: dict[str, bytes] = field(default_factory=dict)
    buckets: dict[int, Bucket] = field(default_factory=dict)
    sequence: dict[str, int] = field(default_factory=dict)  # order of first sight
    roots: dict[str, str] = field(default_factory=dict)  # a duplicate's original
    order: deque[str] = field(default_factory=deque)  # ids, oldest first
    _next: int = 0

    def __len__(self) -> int:
        return len(self.signatures)

    def __contains__(self, article_id: str) -> bool:
        return article_id in self.signatures

    def signature(self, article_id: str) -> np.ndarray:
        return np.frombuffer(self.signatures[article_id], dtype=np.uint32)

    def add(self, article_id: str, signature: np.ndarray, duplicate_of: str | None = None) -> None:
        """Remember an article and what it duplicates (a second add of the same id keeps the
        first)."""
        if article_id in self.signatures:
            return
        self.signatures[article_id] = signature.astype(np.uint32).tobytes()
        if duplicate_of is not None:
            self.roots[article_id] = duplicate_of
        self.sequence[article_id] = self._next
        self._next += 1
        self.order.append(article_id)
        for key in _bands(signature):
            members = self.buckets.get(key)
            if members is None:
                self.buckets[key] = article_id
            elif isinstance(members, str):
                self.buckets[key] = [members, article_id]
            else:
                members.append(article_id)
        while len(self.signatures) > self.capacity:
            self._forget_oldest()

    def find(self, article_id: str, signature: np.ndarray, threshold: float) -> str | None:
        """The original of the earliest other article at least `threshold` similar, if any; for
        an article the index already holds (a redelivery), only one seen before it."""
        before = self.sequence.get(article_id)
        candidates = {
            other
            for key in _bands(signature)
            for other in _members(self.buckets.get(key))
            if other != article_id and (before is None or self.sequence[other] < before)
        }
        for other in sorted(candidates, key=self.sequence.__getitem__):
            if similarity(signature, self.signature(other)) >= threshold:
                return self.roots.get(other, other)
        return None

    def _forget_oldest(self) -> None:
        article_id = self.order.popleft()
        signature = self.signature(article_id)
        del self.signatures[article_id]
        del self.sequence[article_id]
        self.roots.pop(article_id, None)
        for key in _bands(signature):
            members = self.buckets.get(key)
            if members == article_id:
                del self.buckets[key]
            elif isinstance(members, list):
                members.remove(article_id)
                if len(members) == 1:
                    self.buckets[key] = members[0]


def _members(bucket: Bucket | None) -> tuple[str, ...] | list[str]:
    if bucket is None:
        return ()
    return (bucket,) if isinstance(bucket, str) else bucket


def _bands(signature: np.ndarray) -> list[int]:
    """One key per band: the band's four 32-bit values and its number, as one int."""
    rows = signature.astype(np.uint32).tobytes()
    width = ROWS * 4
    return [
        int.from_bytes(rows[band * width : (band + 1) * width], "little") << 4 | band
        for band in range(BANDS)
    ]
