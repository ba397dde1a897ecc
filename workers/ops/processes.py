"""What a process and the processes it started use, read from /proc (Linux, as in the
containers): a worker's stages run in child processes, so its cost is the tree's. A tree's
memory is the proportional set size (PSS): pages a child shares with its parent count once,
not twice as summed RSS would."""

from __future__ import annotations

import ctypes
import os
from pathlib import Path

PROC = Path("/proc")


def rss_mb(pid: int) -> float:
    """Megabytes resident in `pid` itself (0 for a process gone)."""
    return _field_kb(PROC / str(pid) / "status", "VmRSS:") / 1024


def tree_mb(pid: int) -> float:
    """Megabytes of `pid` and all its descendants, shared pages split among them (PSS)."""
    return sum(_field_kb(PROC / str(p) / "smaps_rollup", "Pss:") for p in tree(pid)) / 1024


def tree(pid: int) -> list[int]:
    """`pid` and its descendants, parents first; [] if it is gone."""
    if not (PROC / str(pid)).exists():
        return []
    found, index = [pid], 0
    while index < len(found):
        found.extend(children(found[index]))
        index += 1
    return found


def children(pid: int) -> list[int]:
    """The processes `pid` started that are still running."""
    found: list[int] = []
    for task in (PROC / str(pid) / "task").glob("*"):
        try:
            found.extend(int(c) for c in (task / "children").read_text().split())
        except OSError:  # the thread or process ended meanwhile
            continue
    return found


def _field_kb(path: Path, name: str) -> int:
    try:
        text = path.read_text()
    except OSError:  # the process ended meanwhile
        return 0
    for line in text.splitlines():
        if line.startswith(name):
            return int(line.split()[1])
    return 0


def cpu_seconds(pid: int) -> float:
    """User and system seconds `pid` itself has used so far (0 for a process gone)."""
    try:
        fields = (PROC / str(pid) / "stat").read_text().rsplit(")", 1)[1].split()
    except (OSError, IndexError):
        return 0.0
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


# glibc's `mallopt` parameters (malloc.h), and the size both are fixed at.
_M_TRIM_THRESHOLD, _M_MMAP_THRESHOLD = -1, -3
HEAP_THRESHOLD = 128 * 1024


def keep_heap_small() -> None:
    """Fix glibc's thresholds at their 128 KB defaults: a block that large is a mapping of its
    own, unmapped when freed, and free memory at the heap's top past 128 KB goes back at once.
    Left dynamic, glibc raises both (up to 32 MB) once a large block is freed, and a worker
    streaming articles kept some 30 MB it no longer used (`khabar bench stream`'s corpus, one
    worker of both stages, sampled each second: 254 MB after 3,000 articles, 225 MB with this;
    the benchmark's peak 253 -> 237 MB). Each process sets it for itself: the worker, and its
    stage processes (the fork server is a new interpreter). A no-op where there is no glibc."""
    try:
        libc = ctypes.CDLL("libc.so.6")
        libc.mallopt(_M_MMAP_THRESHOLD, HEAP_THRESHOLD)
        libc.mallopt(_M_TRIM_THRESHOLD, HEAP_THRESHOLD)
    except (OSError, AttributeError):
        return


def return_free_memory() -> None:
    """Hand the heap's free pages back to the system (glibc's `malloc_trim`), after a large
    transient such as loading the fingerprints topic: otherwise they stay counted in the RSS
    of a process that will not need them again soon. A no-op where there is no glibc."""
    try:
        ctypes.CDLL("libc.so.6").malloc_trim(0)
    except (OSError, AttributeError):
        return
