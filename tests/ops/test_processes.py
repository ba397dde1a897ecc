"""A process tree's memory and CPU, as the pool's supervisor and the stream benchmark read them."""

from __future__ import annotations

import os
import subprocess
import sys

from workers.ops.processes import cpu_seconds, return_free_memory, rss_mb, tree, tree_mb


def test_a_tree_holds_its_children_and_counts_their_memory():
    child = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(30)"])
    try:
        members = tree(os.getpid())
        assert members[0] == os.getpid() and child.pid in members
        assert rss_mb(os.getpid()) > 10 and tree_mb(os.getpid()) > tree_mb(child.pid) > 1
    finally:
        child.kill()
        child.wait()
    assert tree(child.pid) == [] and rss_mb(child.pid) == 0 and tree_mb(child.pid) == 0


def test_cpu_seconds_grow_with_work():
    before = cpu_seconds(os.getpid())
    sum(i * i for i in range(2_000_000))
    assert cpu_seconds(os.getpid()) > before
    assert cpu_seconds(2**22 + 7) == 0.0  # no such process


def test_returning_free_memory_is_safe_to_call_any_time():
    garbage = [bytes(4096) for _ in range(10_000)]
    del garbage
    return_free_memory()  # glibc gives the pages back; elsewhere nothing happens
    assert rss_mb(os.getpid()) > 0
