"""The near-duplicate index: the articles of a window, oldest first, and MinHash signatures
bucketed by LSH band, so an earlier article whose estimated Jaccard similarity to a new one
reaches a threshold is found without comparing against all. It is plain in-memory state that
its owner passes in: batch mode keeps one for the run, a worker one loaded from and kept in the
fingerprints topic.

Only a story's representative is in the buckets, not every copy: a copy is found through its
original, so the thousandth re-scrape of a wire story costs what the second did, and a bucket
rarely holds more than one article. When a representative leaves the window, the story's newest
copy still in it takes its place, so copies keep pointing at the same original for as long as
any of them is in the window. The buckets themselves are compact NumPy arrays (`bands.py`).
"""

from __future__ import annotations

from collections import deque
from dataclasses import dataclass, field

import numpy as np

from workers.stages.dedup.bands import BandTable, band_keys
from workers.stages.dedup.minhash import similarity


@dataclass
class LshIndex:
    """The last `capacity` articles; representatives' signatures bucketed by band. Every article
    gets the next serial number; those held are the last `capacity` of them, so serial modulo
    capacity is its slot."""

    capacity: int = 200_000
    sequence: dict[str, int] = field(default_factory=dict)  # every article held: its serial
    order: deque[str] = field(default_factory=deque)  # ids, oldest first
    roots: dict[str, str] = field(default_factory=dict)  # a copy's original
    signatures: dict[str, bytes] = field(default_factory=dict)  # the representatives'
    table: BandTable = field(default_factory=BandTable)
    stand_ins: dict[str, str] = field(default_factory=dict)  # original gone -> copy in its place
    newest: dict[str, tuple[str, bytes]] = field(default_factory=dict)  # original -> newest copy
    slots: list[str] = field(default_factory=list)  # ids by slot
    represents: np.ndarray = field(init=False)  # by slot: a representative (in the buckets)
    _next: int = 0

    def __post_init__(self) -> None:
        self.represents = np.zeros(self.capacity, dtype=bool)

    def __len__(self) -> int:
        return len(self.sequence)

    def __contains__(self, article_id: str) -> bool:
        return article_id in self.sequence

    def signature(self, article_id: str) -> np.ndarray:
        """A representative's signature (a copy's is not kept)."""
        return np.frombuffer(self.signatures[article_id], dtype=np.uint32)

    def bucketed(self) -> set[str]:
        """The ids the buckets lead to (the representatives): what tests check."""
        held = self._held(np.fromiter(self.table.serials_all(), np.int64))
        return {self.slots[s % self.capacity] for s in held.tolist()}

    def add(self, article_id: str, signature: np.ndarray, duplicate_of: str | None = None) -> None:
        """Remember an article and what it duplicates (a second add of the same id keeps the
        first), the oldest forgotten first if the window is full (its slot is the new one's)."""
        if article_id in self.sequence:
            return
        while len(self.sequence) >= self.capacity:
            self._forget_oldest()
        serial, self._next = self._next, self._next + 1
        self.sequence[article_id] = serial
        self.order.append(article_id)
        if serial < self.capacity:
            self.slots.append(article_id)
        else:
            self.slots[serial % self.capacity] = article_id
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
        if self.table.due():
            self.table.merge(self._alive)

    def find(self, article_id: str, signature: np.ndarray, threshold: float) -> str | None:
        """The original of the earliest representative at least `threshold` similar, if any;
        for an article the index already holds (a redelivery), the same answer it had."""
        if article_id in self.sequence:  # held: a copy's original, or None for an original
            return self.roots.get(article_id)
        serials = np.fromiter(self.table.candidates(band_keys(signature)), np.int64)
        held: list[int] = self._held(serials).tolist()
        for serial in sorted(held):
            other = self.slots[serial % self.capacity]
            root = self.roots.get(other, other)
            if root != article_id and similarity(signature, self.signature(other)) >= threshold:
                return root  # (an original that left, sent again, is no copy of itself)
        return None

    def _alive(self, serials: np.ndarray) -> np.ndarray:
        """Which of `serials` are representatives still held (a mask)."""
        oldest = self._next - len(self.sequence)
        held: np.ndarray = serials.astype(np.int64) >= oldest
        held[held] = self.represents[serials[held].astype(np.int64) % self.capacity]
        return held

    def _held(self, serials: np.ndarray) -> np.ndarray:
        held: np.ndarray = serials[self._alive(serials)]
        return held

    def _represent(self, article_id: str, packed: bytes) -> None:
        self.signatures[article_id] = packed
        serial = self.sequence[article_id]
        self.represents[serial % self.capacity] = True
        self.table.add(serial, band_keys(np.frombuffer(packed, dtype=np.uint32)))

    def _forget_oldest(self) -> None:
        article_id = self.order.popleft()
        serial = self.sequence.pop(article_id)
        self.represents[serial % self.capacity] = False
        original = self.roots.pop(article_id, None)
        story = article_id if original is None else original
        if self.newest.get(story, ("",))[0] == article_id:  # only if added out of order
            del self.newest[story]
        if self.signatures.pop(article_id, None) is None:  # a copy: not in the buckets
            return
        self.table.forget()
        if self.stand_ins.get(story) == article_id:
            del self.stand_ins[story]
        successor = self.newest.pop(story, None)
        if successor is not None and successor[0] in self.sequence:
            self.stand_ins[story] = successor[0]
            self._represent(*successor)
