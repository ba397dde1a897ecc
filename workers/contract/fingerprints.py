"""The record the extract stage publishes for every enriched article on the compacted
fingerprints topic, from which every worker rebuilds its memory: the near-duplicate index and
the sources' recurring lines."""

from __future__ import annotations

import datetime as dt

from workers.contract.events import Event, schema_tag

# What one record takes on the topic, as budgeted: ~750 bytes of JSON (a 512-character MinHash)
# and up to 120 characters of line keys (10 keys), with its key and record overhead, rounded up. The
# topic's retention is sized from it.
RECORD_BYTES = 1280


def fingerprint_record(enriched: Event) -> Event:
    """The fingerprint of an enriched article, stamped with the time it was made (readers
    replay records in that order)."""
    return {
        "schema": schema_tag("fingerprint"),
        "id": enriched["id"],
        "minhash": enriched["fingerprint"]["minhash"],
        "content_hash": enriched["fingerprint"]["content_hash"],
        "duplicate_of": enriched["duplicate_of"],
        "source": enriched.get("source"),
        "lines": enriched["fingerprint"].get("lines", ""),
        "at": dt.datetime.now(dt.UTC).isoformat(timespec="microseconds"),
    }
