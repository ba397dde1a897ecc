"""The health file: a worker writes it at every stats interval while it is live (no stage
stalled, the broker reachable: `probes.py`), with its verdicts as JSON, from a thread of its
own so that it beats through a long start too; `khabar health` (an exec probe) checks its age,
and a pool's supervisor reads each worker's verdicts from it.

The HTTP probes on KHABAR_METRICS_PORT (`endpoints.py`) answer the same verdicts at once; the
file is for orchestrators that only run commands (Docker's HEALTHCHECK).
"""

from __future__ import annotations

import os
import threading
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import orjson


def beat(path: str, verdicts: dict[str, Any] | None = None) -> None:
    """Mark the worker live now, with its verdicts (written whole, then renamed into place, so
    a reader never sees half a file)."""
    fresh = f"{path}.{os.getpid()}.new"
    Path(fresh).write_bytes(orjson.dumps(verdicts or {}))
    os.replace(fresh, path)


def age(path: str) -> float | None:
    """Seconds since the last beat, None if there was none."""
    try:
        return time.time() - Path(path).stat().st_mtime
    except FileNotFoundError:
        return None


def healthy(path: str, interval: float) -> bool:
    """Live if the last beat is younger than three stats intervals."""
    seconds = age(path)
    return seconds is not None and seconds < 3 * interval


def verdicts(path: str) -> dict[str, Any]:
    """What the last beat said ({} if nothing readable)."""
    try:
        said = orjson.loads(Path(path).read_bytes())
    except (FileNotFoundError, orjson.JSONDecodeError):
        return {}
    return said if isinstance(said, dict) else {}


def keep_beating(
    path: str, verdicts: Callable[[], dict[str, Any]], interval: float
) -> Callable[[], None]:
    """Every `interval` seconds, `beat` with `verdicts()` if they say live; the stop."""
    stopped = threading.Event()

    def run() -> None:
        while True:
            said = verdicts()
            if said.get("live"):
                beat(path, said)
            if stopped.wait(interval):
                return

    threading.Thread(target=run, name="khabar-health", daemon=True).start()
    return stopped.set
