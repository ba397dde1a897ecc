"""Progress of long local work (a benchmark over pages, `khabar process` over many files) on
stderr: a bar with the rate and the time left when stderr is a terminal, and otherwise (a log,
CI) one summary line when the work ends, so that nothing looks hung and nothing floods."""

from __future__ import annotations

import contextlib
import sys
import time
from collections.abc import Callable, Iterator
from typing import TextIO


@contextlib.contextmanager
def progress(
    what: str,
    unit: str,
    total: int | None = None,
    *,
    summary: bool = True,
    stream: TextIO | None = None,
) -> Iterator[Callable[[int], object]]:
    """The function to call with each amount done. `summary`: say how it went at the end when
    there is no bar (off where stderr carries something else, e.g. dead letters as JSON)."""
    stream = stream if stream is not None else sys.stderr
    if stream.isatty():
        from tqdm import tqdm

        with tqdm(total=total, unit=unit, desc=what, file=stream, leave=False) as bar:
            yield bar.update
        return
    done = [0]
    started = time.monotonic()

    def count(amount: int = 1) -> None:
        done[0] += amount

    yield count
    if summary:
        seconds = time.monotonic() - started
        rate = done[0] / max(seconds, 1e-9)
        print(f"{what}: {done[0]} {unit}s in {seconds:.1f} s ({rate:.1f}/s)", file=stream)
