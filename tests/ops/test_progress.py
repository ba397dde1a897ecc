"""Progress: a bar on a terminal, one summary line in a log, nothing where stderr carries data."""

from __future__ import annotations

import io
import time

from workers.ops.progress import progress


class Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_without_a_terminal_one_summary_line_at_the_end():
    log = io.StringIO()
    with progress("bench zyte", "page", total=6, stream=log) as done:
        for _ in range(6):
            done(1)
        assert log.getvalue() == ""  # nothing while it runs
    (line,) = log.getvalue().splitlines()
    assert line.startswith("bench zyte: 6 pages in ") and line.endswith("/s)")


def test_no_summary_where_stderr_carries_the_dead_letters():
    log = io.StringIO()
    with progress("process", "article", summary=False, stream=log) as done:
        done(3)
    assert log.getvalue() == ""


def test_a_bar_with_rate_and_time_left_on_a_terminal():
    terminal = Terminal()
    with progress("bench zyte", "page", total=4, stream=terminal) as done:
        done(1)
        time.sleep(0.2)  # the bar redraws at most ten times a second
        done(1)
        shown = terminal.getvalue()
    assert "bench zyte" in shown and "2/4" in shown
