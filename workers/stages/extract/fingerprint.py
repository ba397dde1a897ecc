"""Fingerprints of the body: an exact hash of its normalised form."""

from __future__ import annotations

import hashlib

from workers.stages.normalize import match_key


def content_hash(paragraphs: list[str]) -> str:
    """SHA-256 of the body under `match_key`: equal for bodies that differ only in spacing,
    punctuation, case or nukta."""
    normalised = "\n".join(match_key(p) for p in paragraphs)
    return hashlib.sha256(normalised.encode("utf-8")).hexdigest()
