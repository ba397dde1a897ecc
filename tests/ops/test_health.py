"""The health signal: a file touched while the worker runs."""

from __future__ import annotations

import os
import time

from workers.ops.health import age, beat, healthy, keep_beating, verdicts


def test_a_fresh_beat_is_healthy_and_an_old_or_missing_one_is_not(tmp_path):
    path = str(tmp_path / "beat")
    assert age(path) is None and not healthy(path, 10)
    beat(path)
    assert age(path) < 1 and healthy(path, 10)
    old = time.time() - 31
    os.utime(path, (old, old))
    assert not healthy(path, 10)


def test_a_beat_carries_the_verdicts_and_a_worker_that_is_not_live_does_not_beat(tmp_path):
    path = str(tmp_path / "beat")
    said = {"live": True, "ready": False, "ready_reason": "index loading"}
    stop = keep_beating(path, lambda: dict(said), interval=0.05)
    try:
        time.sleep(0.2)
        assert verdicts(path) == said and healthy(path, 0.05)
        said["live"] = False  # a stage stalled: the file ages
        time.sleep(0.3)
        assert not healthy(path, 0.05)
    finally:
        stop()


def test_a_missing_or_torn_file_says_nothing(tmp_path):
    assert verdicts(str(tmp_path / "none")) == {}
    (tmp_path / "torn").write_text('{"live": tr')
    assert verdicts(str(tmp_path / "torn")) == {}
