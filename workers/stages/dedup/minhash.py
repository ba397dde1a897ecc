"""Fingerprints of a body: its matching keys (spacing, punctuation, case and nukta folded) give
an exact content hash and a MinHash signature of its word 3-shingles, whose share of equal values
estimates the Jaccard similarity of two bodies."""

from __future__ import annotations

import hashlib
import zlib

import numpy as np

from workers.stages.text.normalize import match_key

PERMUTATIONS = 64
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
