"""The LSH buckets of the near-duplicate index, compact: band keys of 8 bytes, each with the
serial number (8 bytes) of the article it came from, in one sorted NumPy array; the newest ones
in a small dict until there are enough to merge into it.

A dict with a Python int per band key held 16 entries of about 100 bytes per article (1.6 KB,
most of a window's memory); here an article's 16 keys take 256 bytes. Nothing is removed one by
one: the index checks each candidate is still one of its representatives, and each merge drops
the entries of articles it no longer holds.
"""

from __future__ import annotations

from collections.abc import Callable

import numpy as np

from workers.stages.dedup.minhash import PERMUTATIONS

BANDS = 16  # 16 bands of 4 rows: pairs from about 0.5 Jaccard on become candidates (and a
# band's number fits the 4 low bits of its key)
ROWS = PERMUTATIONS // BANDS
_MIX = np.uint64(0x9E3779B97F4A7C15)  # odd: multiplying by it permutes the 64-bit words
_BAND = np.arange(BANDS, dtype=np.uint64)
_LOW = np.uint64(0xF)


def band_keys(signature: np.ndarray) -> np.ndarray:
    """One 64-bit key per band of a compact signature (`index.compact`): its four 16-bit values
    are one 64-bit word, mixed, whose top 60 bits stay (a collision only makes one more
    candidate, which the similarity check turns down), then the band's number."""
    words = np.ascontiguousarray(signature, dtype=np.uint16).view(np.uint64)
    with np.errstate(over="ignore"):
        mixed = words * _MIX
    keys: np.ndarray = (mixed & ~_LOW) | _BAND
    return keys


class BandTable:
    """Band keys → serial numbers of the articles they came from (a multiset)."""

    def __init__(self, merge_every: int = 8192) -> None:
        self.keys = np.empty(0, dtype=np.uint64)  # sorted
        self.serials = np.empty(0, dtype=np.int64)  # beside their keys
        self.recent: dict[int, list[int]] = {}
        self.recent_articles = 0
        self.merge_every = merge_every
        self.stale = 0  # entries of articles no longer held, about (dropped when a quarter)

    def add(self, serial: int, keys: np.ndarray) -> None:
        for key in keys.tolist():
            self.recent.setdefault(key, []).append(serial)
        self.recent_articles += 1

    def forget(self) -> None:
        """An article whose keys are here has left: its entries are stale from now on."""
        self.stale += BANDS

    def candidates(self, keys: np.ndarray) -> set[int]:
        """Serial numbers of every article that shares a band key with `keys` (some of them
        perhaps no longer held: the caller checks)."""
        found: set[int] = set()
        for key in keys.tolist():
            found.update(self.recent.get(key, ()))
        if self.keys.size:
            low = np.searchsorted(self.keys, keys, "left")
            high = np.searchsorted(self.keys, keys, "right")
            for start, end in zip(low[high > low].tolist(), high[high > low].tolist(), strict=True):
                found.update(self.serials[start:end].tolist())
        return found

    def due(self) -> bool:
        return self.recent_articles >= self.merge_every

    def merge(self, alive: Callable[[np.ndarray], np.ndarray]) -> None:
        """The recent keys into the sorted arrays, those of articles `alive` (a vectorised
        test) says are gone left out; the sorted arrays are swept of them too once a quarter of
        their entries is stale."""
        count = sum(len(serials) for serials in self.recent.values())
        new_keys = np.fromiter(
            (key for key, serials in self.recent.items() for _ in serials), np.uint64, count
        )
        new_serials = np.fromiter(
            (s for serials in self.recent.values() for s in serials), np.int64, count
        )
        fresh = alive(new_serials)
        new_keys, new_serials = new_keys[fresh], new_serials[fresh]
        if self.stale > self.keys.size // 4:
            keep = alive(self.serials)
            self.keys, self.serials, self.stale = self.keys[keep], self.serials[keep], 0
        order = np.argsort(new_keys, kind="stable")
        at = np.searchsorted(self.keys, new_keys[order], "right")
        self.keys = np.insert(self.keys, at, new_keys[order])
        self.serials = np.insert(self.serials, at, new_serials[order])
        self.recent, self.recent_articles = {}, 0

    def serials_all(self) -> list[int]:
        """Every serial held, stale ones included (until the next merge)."""
        recent = [serial for serials in self.recent.values() for serial in serials]
        return self.serials.tolist() + recent

    def __len__(self) -> int:
        """Entries held, stale ones included (until the next merge)."""
        return self.keys.size + sum(len(serials) for serials in self.recent.values())
