"""The near-duplicate index: the articles of a window, oldest first, and MinHash signatures
bucketed by LSH band, so an earlier article whose estimated Jaccard similarity to a new one
reaches a threshold is found without comparing against all. It is plain in-memory state that
its owner passes in: batch mode keeps one for the run, a worker one loaded from and kept in the
fingerprints topic.

Only a story's representative is in the buckets, not every copy: a copy is found through its
original, so the thousandth re-scrape of a wire story costs what the second did, and a bucket
rarely holds more than one article. When a representative leaves the window, the story's newest
copy still in it takes its place, so copies keep pointing at the same original for as long as
any of them is in the window.
"""

from __future__ import annotations

from collections import deque
from dataclasses import dataclass, field

import numpy as np

from workers.stages.dedup.minhash import PERMUTATIONS, similarity

BANDS = 16  # 16 bands of 4 rows: pairs from about 0.5 Jaccard on become candidates (and a
# band's number fits the 4 low bits of its bucket key)
ROWS = PERMUTATIONS // BANDS


# A bucket holds one representative's id (most buckets) or, when representatives share a band,
# a dict of them (insertion-ordered, so adding and removing one is O(1)); its key is one int,
# the band's four values and the band's number.
Bucket = str | dict[str, None]


@dataclass
class LshIndex:
    """The last `capacity` articles; representatives' signatures bucketed by band."""

    capacity: int = 200_000
    sequence: dict[str, int] = field(default_factory=dict)  # every article held: order of sight
    order: deque[str] = field(default_factory=deque)  # ids, oldest first
    roots: dict[str, str] = field(default_factory=dict)  # a copy's original
    signatures: dict[str, bytes] = field(default_factory=dict)  # the representatives'
    buckets: dict[int, Bucket] = field(default_factory=dict)
    stand_ins: dict[str, str] = field(default_factory=dict)  # original gone -> copy in its place
    newest: dict[str, tuple[str, bytes]] = field(default_factory=dict)  # original -> newest copy
    _next: int = 0

    def __len__(self) -> int:
        return len(self.sequence)

    def __contains__(self, article_id: str) -> bool:
        return article_id in self.sequence

    def signature(self, article_id: str) -> np.ndarray:
        """A representative's signature (a copy's is not kept)."""
        return np.frombuffer(self.signatures[article_id], dtype=np.uint32)

    def add(self, article_id: str, signature: np.ndarray, duplicate_of: str | None = None) -> None:
        """Remember an article and what it duplicates (a second add of the same id keeps the
        first); then forget the oldest past `capacity`."""
        if article_id in self.sequence:
            return
        self.sequence[article_id] = self._next
        self._next += 1
        self.order.append(article_id)
        packed = signature.astype(np.uint32).tobytes()
        if duplicate_of is None:
            self._represent(article_id, packed)
        else:
            self.roots[article_id] = duplicate_of
            if duplicate_of in self.signatures or duplicate_of in self.stand_ins:
                self.newest[duplicate_of] = (article_id, packed)
            else:  # its story has no representative in the window: this copy stands in
                self.stand_ins[duplicate_of] = article_id
                self._represent(article_id, packed)
        while len(self.sequence) > self.capacity:
            self._forget_oldest()

    def find(self, article_id: str, signature: np.ndarray, threshold: float) -> str | None:
        """The original of the earliest representative at least `threshold` similar, if any;
        for an article the index already holds (a redelivery), the same answer it had."""
        if article_id in self.roots:
            return self.roots[article_id]
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

    def _represent(self, article_id: str, packed: bytes) -> None:
        self.signatures[article_id] = packed
        for key in _bands(np.frombuffer(packed, dtype=np.uint32)):
            members = self.buckets.get(key)
            if members is None:
                self.buckets[key] = article_id
            elif isinstance(members, str):
                self.buckets[key] = {members: None, article_id: None}
            else:
                members[article_id] = None

    def _forget_oldest(self) -> None:
        article_id = self.order.popleft()
        del self.sequence[article_id]
        original = self.roots.pop(article_id, None)
        story = article_id if original is None else original
        if self.newest.get(story, ("",))[0] == article_id:  # only if added out of order
            del self.newest[story]
        packed = self.signatures.pop(article_id, None)
        if packed is None:  # a copy: nothing of it is in the buckets
            return
        self._unbucket(article_id, packed)
        if self.stand_ins.get(story) == article_id:
            del self.stand_ins[story]
        successor = self.newest.pop(story, None)
        if successor is not None and successor[0] in self.sequence:
            self.stand_ins[story] = successor[0]
            self._represent(*successor)

    def _unbucket(self, article_id: str, packed: bytes) -> None:
        for key in _bands(np.frombuffer(packed, dtype=np.uint32)):
            members = self.buckets.get(key)
            if members == article_id:
                del self.buckets[key]
            elif isinstance(members, dict):
                members.pop(article_id, None)
                if len(members) == 1:
                    self.buckets[key] = next(iter(members))


def _members(bucket: Bucket | None) -> tuple[str, ...] | dict[str, None]:
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
