"""The fingerprint record published for an enriched article."""

from __future__ import annotations

from workers.contract.events import validate
from workers.contract.fingerprints import fingerprint_record


def test_fingerprint_record_satisfies_its_schema_and_carries_the_mark():
    enriched = {
        "id": "a",
        "duplicate_of": "b",
        "fingerprint": {"minhash": "0" * 512, "content_hash": "c" * 64},
    }
    record = validate("fingerprint", fingerprint_record(enriched))
    assert (record["id"], record["duplicate_of"], record["minhash"]) == ("a", "b", "0" * 512)
    assert record["at"].endswith("+00:00")
