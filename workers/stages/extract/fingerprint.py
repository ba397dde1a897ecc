"""Fingerprints of the body and near-duplicate search.

The body's matching keys (spacing, punctuation, case and nukta folded) give an exact content hash
and a MinHash signature of its word 3-shingles; an LSH index over the signatures finds earlier
articles whose estimated Jaccard similarity reaches a threshold. The index is plain in-memory
state passed in by the caller: the stage stays a function, and the worker decides where the state
lives (see `workers/fingerprints.py`).
"""

from __future__ import annotations

import hashlib
import zlib
from collections import OrderedDict
from dataclasses import dataclass, field

import numpy as np

from workers.stages.normalize import match_key

PERMUTATIONS = 64
BANDS = 16  # 16 bands of 4 rows: pairs from about 0.5 Jaccard on become candidates
ROWS = PERMUTATIONS // BANDS
# Multiply-shift hashing (Dietzfelbinger): h(x) = (a*x + b) mod 2^64 >> 32, a odd. numpy's
# uint64 arithmetic wraps modulo 2^64 by itself, so no modulo is computed.
SHINGLE = 3
_rng = np.random.default_rng(20231107)  # fixed: signatures must agree across processes
_A = _rng.integers(0, 1 << 63, PERMUTATIONS, dtype=np.uint64) * np.uint64(2) + np.uint64(1)
_B = _rng.integers(0, 1 << 63, PERMUTATIONS, dtype=np.uint64)
_MIX = _rng.integers(0, 1 << 63, SHINGLE, dtype=np.uint64) * np.uint64(2) + np.uint64(1)
_SHIFT = np.uint64(32)


def content_hash(paragraphs: list[str]) -> str:
    """SHA-256 of the body under `match_key`: equal for bodies that differ only in spacing,
    punctuation, case or nukta."""
    normalised = "\n".join(match_key(p) for p in paragraphs)
    return hashlib.sha256(normalised.encode("utf-8")).hexdigest()


def minhash(paragraphs: list[str]) -> np.ndarray:
    """MinHash signature (64 uint32) of the body's word 3-shingles, stable across processes."""
    words = " ".join(match_key(p) for p in paragraphs).encode("utf-8").split()
    if not words:
        return np.full(PERMUTATIONS, 0xFFFFFFFF, dtype=np.uint32)
    # Each word hashed once (CRC-32, in C); a shingle's hash mixes its words' hashes with odd
    # multipliers and keeps the top 32 bits, which depend on every bit of all three. Repeated
    # shingles need no removal: they cannot change a minimum.
    hashes = np.fromiter(map(zlib.crc32, words), dtype=np.uint64, count=len(words))
    size = min(SHINGLE, hashes.size)
    count = hashes.size - size + 1
    with np.errstate(over="ignore"):
        mixed = hashes[:count] * _MIX[0]
        for j in range(1, size):
            mixed += hashes[j : j + count] * _MIX[j]
        shingles = mixed >> _SHIFT
        permuted = (_A[:, None] * shingles[None, :] + _B[:, None]) >> _SHIFT
    signature: np.ndarray = permuted.min(axis=1).astype(np.uint32)
    return signature


def to_hex(signature: np.ndarray) -> str:
    return signature.astype(">u4").tobytes().hex()


def from_hex(text: str) -> np.ndarray:
    return np.frombuffer(bytes.fromhex(text), dtype=">u4").astype(np.uint32)


def similarity(a: np.ndarray, b: np.ndarray) -> float:
    """Estimated Jaccard similarity: the share of equal signature values."""
    return float(np.count_nonzero(a == b)) / PERMUTATIONS


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


def mark_duplicate(enriched: dict[str, object], index: LshIndex, threshold: float) -> None:
    """Set `duplicate_of` to the original of an earlier near-duplicate in the index (so every
    copy of a story points at the same article), then add this one. A redelivery of the same id
    is never its own duplicate."""
    fingerprint = enriched["fingerprint"]
    assert isinstance(fingerprint, dict)
    signature = from_hex(fingerprint["minhash"])
    article_id = str(enriched["id"])
    duplicate_of = index.find(article_id, signature, threshold)
    enriched["duplicate_of"] = duplicate_of
    index.add(article_id, signature, duplicate_of)
