"""The pool supervisor's restart policy (the pool runs in tests/integration/test_processes.py)."""

from __future__ import annotations

from workers.kafka.supervisor import FIRST_WAIT, LONGEST_WAIT, YOUNG, next_wait


def test_a_worker_that_keeps_dying_young_waits_longer_each_time():
    waits = [FIRST_WAIT]
    for restarts in range(1, 8):
        waits.append(next_wait(waits[-1], restarts, lived=2.0))
    assert waits == [1.0, 2.0, 4.0, 8.0, 16.0, 30.0, 30.0, 30.0]
    assert max(waits) == LONGEST_WAIT


def test_a_first_death_or_a_long_life_restarts_after_the_first_wait():
    assert next_wait(FIRST_WAIT, 0, lived=0.5) == FIRST_WAIT
    assert next_wait(16.0, 5, lived=YOUNG + 1) == FIRST_WAIT
