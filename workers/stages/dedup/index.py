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

from dataclasses import dataclass, field

import numpy as np

from workers.stages.dedup.bands import BandTable, band_keys
from workers.stages.dedup.minhash import PERMUTATIONS, similarity


@dataclass
class LshIndex:
    """The last `capacity` articles; representatives' signatures bucketed by band. Every article
    gets the next serial number; those held are the last `capacity` of them, so serial modulo
    capacity is its slot, where its signature is kept (16 bits a value: `compact`)."""

    capacity: int = 200_000
    sequence: dict[str, int] = field(default_factory=dict)  # every article held: its serial
    roots: dict[str, str] = field(default_factory=dict)  # a copy's original
    table: BandTable = field(default_factory=BandTable)
    stand_ins: dict[str, str] = field(default_factory=dict)  # original gone -> copy in its place
    newest: dict[str, str] = field(default_factory=dict)  # original -> its newest copy held
    slots: list[str] = field(default_factory=list)  # ids by slot
    represents: np.ndarray = field(init=False)  # by slot: a representative (in the buckets)
    ring: np.ndarray = field(init=False)  # by slot: the signature
    _next: int = 0

    def __post_init__(self) -> None:
        self.represents = np.zeros(self.capacity, dtype=bool)
        # Pages of zeros cost no memory until written: a window fills its ring as it fills.
        self.ring = np.zeros((self.capacity, PERMUTATIONS), dtype=np.uint16)

    def __len__(self) -> int:
        return len(self.sequence)

    def __contains__(self, article_id: str) -> bool:
        return article_id in self.sequence

    def signature(self, article_id: str) -> np.ndarray:
        """A held article's signature, as the index keeps it (`compact`)."""
        held: np.ndarray = self.ring[self.sequence[article_id] % self.capacity]
        return held

    def representatives(self) -> set[str]:
        """The ids held as their stories' representatives."""
        oldest = self._next - len(self.sequence)
        serials = [s for s in range(oldest, self._next) if self.represents[s % self.capacity]]
        return {self.slots[s % self.capacity] for s in serials}

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
        slot = serial % self.capacity
        if serial < self.capacity:
            self.slots.append(article_id)
        else:
            self.slots[slot] = article_id
        self.ring[slot] = compact(signature)
        if duplicate_of is None:
            self._represent(article_id)
        else:
            self.roots[article_id] = duplicate_of
            if duplicate_of in self.stand_ins or self._represented(duplicate_of):
                self.newest[duplicate_of] = article_id
            else:  # its story has no representative in the window: this copy stands in
                self.stand_ins[duplicate_of] = article_id
                self._represent(article_id)
        if self.table.due():
            self.table.merge(self._alive)

    def find(self, article_id: str, signature: np.ndarray, threshold: float) -> str | None:
        """The original of the earliest representative at least `threshold` similar, if any;
        for an article the index already holds (a redelivery), the same answer it had."""
        if article_id in self.sequence:  # held: a copy's original, or None for an original
            return self.roots.get(article_id)
        kept = compact(signature)
        serials = np.fromiter(self.table.candidates(band_keys(kept)), np.int64)
        held: list[int] = self._held(serials).tolist()
        for serial in sorted(held):
            other = self.slots[serial % self.capacity]
            root = self.roots.get(other, other)
            if (
                root != article_id
                and similarity(kept, self.ring[serial % self.capacity]) >= threshold
            ):
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

    def _represented(self, article_id: str) -> bool:
        serial = self.sequence.get(article_id)
        return serial is not None and bool(self.represents[serial % self.capacity])

    def _represent(self, article_id: str) -> None:
        slot = self.sequence[article_id] % self.capacity
        self.represents[slot] = True
        self.table.add(self.sequence[article_id], band_keys(self.ring[slot]))

    def _forget_oldest(self) -> None:
        serial = self._next - len(self.sequence)
        slot = serial % self.capacity
        article_id = self.slots[slot]
        del self.sequence[article_id]
        was_representative = bool(self.represents[slot])
        self.represents[slot] = False
        original = self.roots.pop(article_id, None)
        story = article_id if original is None else original
        if self.newest.get(story) == article_id:  # only if added out of order
            del self.newest[story]
        if not was_representative:  # a copy: not in the buckets
            return
        self.table.forget()
        if self.stand_ins.get(story) == article_id:
            del self.stand_ins[story]
        successor = self.newest.pop(story, None)
        if successor is not None and successor in self.sequence:
            self.stand_ins[story] = successor
            self._represent(successor)


def compact(signature: np.ndarray) -> np.ndarray:
    """A signature as the index keeps and compares it: each value's low 16 bits (b-bit MinHash,
    Li & König 2010). Two different values agree by chance once in 65,536, which moves an
    estimated similarity by about 0.00002; the index holds half the bytes."""
    kept: np.ndarray = (np.asarray(signature, dtype=np.uint32) & 0xFFFF).astype(np.uint16)
    return kept
