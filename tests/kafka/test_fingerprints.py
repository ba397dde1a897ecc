"""The columns a fingerprints start-up reads into: the newest records the index can hold, in
the order they were made (the store itself runs on a broker in tests/integration)."""

from __future__ import annotations

import numpy as np

from workers.kafka.fingerprints import Columns, Fingerprint
from workers.stages.dedup.minhash import PERMUTATIONS


def fingerprint(at: str, article_id: str, fill: int) -> Fingerprint:
    signature = np.full(PERMUTATIONS, fill, dtype=np.uint16)
    return Fingerprint(at, article_id, signature, None, "example.com", [fill])


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
