"""The health signal: a file the worker touches while it runs, checked by `khabar health`.

A file, not an HTTP port, so every orchestrator can probe it (Docker HEALTHCHECK, Kubernetes exec
probes) and a worker with several stages needs no web server.
"""

from __future__ import annotations

import time
from pathlib import Path


def beat(path: str) -> None:
    """Mark the worker alive now (called from each stage's stats timer)."""
    Path(path).touch()


def age(path: str) -> float | None:
    """Seconds since the last beat, None if there was none."""
    try:
        return time.time() - Path(path).stat().st_mtime
    except FileNotFoundError:
        return None


def healthy(path: str, interval: float) -> bool:
    """Alive if the last beat is younger than three stats intervals."""
    seconds = age(path)
    return seconds is not None and seconds < 3 * interval
