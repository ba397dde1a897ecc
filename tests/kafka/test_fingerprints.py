"""The columns a fingerprints start-up reads into: the newest records the index can hold, in
the order they were made (the store itself runs on a broker in tests/integration)."""

from __future__ import annotations

import numpy as np
import orjson

from workers.config import Settings
from workers.kafka.fingerprints import Columns, Fingerprint, FingerprintStore
from workers.stages.dedup.lines import pack
from workers.stages.dedup.minhash import PERMUTATIONS, minhash, to_hex


def fingerprint(at: str, article_id: str, fill: int) -> Fingerprint:
    signature = np.full(PERMUTATIONS, fill, dtype=np.uint16)
    return Fingerprint(at, article_id, signature, None, "example.com", pack([fill]))


def test_the_newest_records_the_index_holds_in_the_order_they_were_made():
    columns = Columns()
    columns.extend(
        [fingerprint("2026-12-04T10:03", "c", 3), fingerprint("2026-12-04T10:01", "a", 1)]
    )
    columns.extend([])  # a batch of unreadable records only
    columns.extend(
        [fingerprint("2026-12-04T10:04", "d", 4), fingerprint("2026-12-04T10:02", "b", 2)]
    )
    order, signatures = columns.newest_first_made(capacity=3)
    assert [columns.ids[at] for at in order.tolist()] == ["b", "c", "d"]
    assert [int(signatures[at][0]) for at in order.tolist()] == [2, 3, 4]


def test_no_records_no_positions():
    order, signatures = Columns().newest_first_made(capacity=10)
    assert order.size == 0 and signatures.shape == (0, PERMUTATIONS)


def test_a_record_s_odd_source_or_lines_cost_only_those_fields():
    """One bad record on a compacted topic must not stop every worker's start."""
    store = FingerprintStore(Settings.from_env({}))
    good = {"id": "a", "minhash": to_hex(minhash(["some text here"])), "at": "2026-12-04T10:00"}
    odd = store._read(orjson.dumps({**good, "source": ["x"], "lines": None}))
    assert odd is not None and odd.source is None and odd.lines == b""
    columns = Columns()
    columns.extend([odd])
    store._apply(columns)
    assert "a" in store.index and len(store.memory.lines) == 0


def test_a_cleanup_worker_s_store_reads_no_signature():
    store = FingerprintStore(Settings.from_env({}), with_index=False)
    record = {"id": "a", "minhash": to_hex(minhash(["text"])), "source": "x.in", "lines": ""}
    read = store._read(orjson.dumps(record))
    assert read is not None and read.signature.size == 0


def test_an_extract_only_worker_s_store_keeps_no_lines():
    store = FingerprintStore(Settings.from_env({}), with_lines=False)
    record = {"id": "a", "minhash": to_hex(minhash(["text"])), "source": "x.in", "lines": "00" * 6}
    columns = Columns()
    columns.extend([store._read(orjson.dumps(record))])
    store._apply(columns)
    assert "a" in store.index and len(store.memory.lines) == 0
