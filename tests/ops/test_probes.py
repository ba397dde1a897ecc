"""Live means progress, not a timer; ready means assigned and loaded."""

from __future__ import annotations

import time

from workers.ops.probes import Vitals


def vitals() -> Vitals:
    return Vitals(stall_timeout=30, broker_deadline=60)


def test_a_stage_with_messages_waiting_and_none_done_for_the_stall_timeout_is_not_live():
    signs = vitals()
    signs.lagging("extract", 120)
    now = time.monotonic()
    assert signs.live(now + 29) == (True, "ok")
    signs.reported = now + 31  # its stats timer still fires: the loop runs, the stage does not
    live, why = signs.live(now + 31)
    assert not live and why.startswith("extract: 120 messages waiting, none done for 31 s")
    signs.progressed("extract")
    assert signs.live()[0]


def test_an_idle_stage_is_live_however_long_it_waits():
    signs = vitals()
    signs.lagging("cleanup", 0)
    signs.stage("cleanup").progressed -= 3600
    signs.reported = time.monotonic()
    assert signs.live() == (True, "ok")


def test_messages_arriving_after_a_quiet_hour_are_waited_for_from_their_arrival():
    signs = vitals()
    signs.lagging("cleanup", 0)
    signs.stage("cleanup").progressed -= 3600
    signs.lagging("cleanup", 5)
    assert signs.live() == (True, "ok")


def test_a_broker_away_past_its_deadline_and_a_stuck_event_loop_are_not_live():
    signs = vitals()
    signs.broker_down_since = time.monotonic() - 59
    assert signs.live()[0]
    signs.broker_down_since -= 2
    assert signs.live() == (False, "broker unreachable for 61 s")
    signs.broker_down_since = None
    signs.lagging("extract", 0)
    live, why = signs.live(time.monotonic() + 31)
    assert not live and why.startswith("no stats for 31 s")


def test_ready_once_the_index_is_loaded_and_every_stage_has_its_partitions():
    signs = vitals()
    signs.index_loaded = False
    signs.stage("cleanup")
    signs.stage("extract")
    assert signs.ready() == (False, "memory (near-duplicate index, recurring lines) loading")
    signs.index_loaded = True
    assert signs.ready() == (False, "no partitions assigned yet: cleanup, extract")
    signs.stage("cleanup").assigned = signs.stage("extract").assigned = True
    assert signs.ready() == (True, "ok")
    assert signs.as_record() == {
        "live": True,
        "live_reason": "ok",
        "ready": True,
        "ready_reason": "ok",
    }
