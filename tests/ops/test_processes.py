"""A process tree's memory and CPU, as the pool's supervisor and the stream benchmark read them."""

from __future__ import annotations

import os
import platform
import subprocess
import sys

import pytest

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


_STREAMED = """
import os, sys
from workers.ops import processes
if sys.argv[1] == "fixed":
    processes.keep_heap_small()
big = bytearray(4_000_000)
del big  # freeing one large mapped block raises glibc's thresholds, unless they are fixed
before = processes.rss_mb(os.getpid())
blocks, kept = [], []
for n in range(300):  # articles of ~150 KB, with small objects that stay between them
    blocks.append(bytes(150_000 + n))
    kept.append(bytes(64) + bytes([n % 256]))
del blocks
print(processes.rss_mb(os.getpid()) - before)
"""


@pytest.mark.skipif(platform.libc_ver()[0] != "glibc", reason="glibc's thresholds")
def test_a_heap_kept_small_gives_back_what_a_stream_of_large_blocks_freed():
    def retained(mode: str) -> float:
        run = [sys.executable, "-c", _STREAMED, mode]
        return float(subprocess.run(run, capture_output=True, text=True, check=True).stdout)

    assert retained("fixed") < 5  # MB
    assert retained("default") > retained("fixed") + 20  # what a worker kept before
