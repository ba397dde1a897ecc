"""The health signal: a file touched while the worker runs."""

from __future__ import annotations

import os
import time

from workers.ops.health import age, beat, healthy


def test_a_fresh_beat_is_healthy_and_an_old_or_missing_one_is_not(tmp_path):
    path = str(tmp_path / "beat")
    assert age(path) is None and not healthy(path, 10)
    beat(path)
    assert age(path) < 1 and healthy(path, 10)
    old = time.time() - 31
    os.utime(path, (old, old))
    assert not healthy(path, 10)
