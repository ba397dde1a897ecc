"""A stage in a child process under a deadline: the same answer as in the worker's process, a
message over the deadline cut off for real (its process killed, a new one serving the next),
and the worker's event loop free while it waits."""

from __future__ import annotations

import asyncio
import os
import time

import orjson
import pytest

from tests.integration.streams import long_article
from workers.pipeline import runner
from workers.pipeline.isolation import IsolatedStage
from workers.pipeline.table import Stage

BRIEF = orjson.dumps(
    {
        "id": "brief-1",
        "text": "The Election Commission on Monday announced the schedule for the bypolls in six "
        "states. Voting will be held on November 13 and counting on November 23.",
    }
)


@pytest.fixture
async def cleanup():
    isolated = IsolatedStage(Stage.CLEANUP, timeout=0.3, min_words=1)
    await isolated.start()
    yield isolated
    isolated.close()


async def test_the_child_answers_as_the_worker_would(cleanup, stages):
    here = runner.compute(stages[Stage.CLEANUP], BRIEF)
    there = await cleanup.compute(BRIEF)
    assert isinstance(there, runner.Computed) and isinstance(here, runner.Computed)
    assert there.event["paragraphs"] == here.event["paragraphs"]
    done = runner.complete(stages[Stage.CLEANUP], there)
    assert isinstance(done, runner.Success)
    assert done.event["pipeline"]["stages"]["cleanup"]["worker"] == runner.WORKER  # the worker's
    failed = await cleanup.compute(b"\xff not json")
    assert isinstance(failed, runner.Failure) and failed.reason == "decode"


async def test_an_article_over_the_deadline_is_stopped_and_the_next_one_served(cleanup):
    first = cleanup.child.pid
    began = time.monotonic()
    result = await cleanup.compute(long_article(1000))
    cut_off = time.monotonic() - began
    assert isinstance(result, runner.Failure) and result.reason == "timeout"
    assert result.article_id == "long-1" and "KHABAR_STAGE_TIMEOUT=0.3" in str(result.error)
    assert cut_off < 0.3 + 1.0
    with pytest.raises(ProcessLookupError):  # killed: no core left burning
        os.kill(first, 0)
    after = await cleanup.compute(BRIEF)
    assert isinstance(after, runner.Computed) and cleanup.child.pid != first


async def test_the_event_loop_runs_while_the_child_works(cleanup):
    ticks = 0

    async def tick() -> None:
        nonlocal ticks
        while True:
            await asyncio.sleep(0.01)
            ticks += 1

    ticker = asyncio.create_task(tick())
    await cleanup.compute(long_article(1000))
    ticker.cancel()
    assert ticks >= 10  # 0.3 s of deadline: the loop was never held


async def test_a_child_that_died_between_messages_is_replaced(cleanup):
    first = cleanup.child.pid
    os.kill(first, 9)
    cleanup.child.join()
    result = await cleanup.compute(BRIEF)
    assert isinstance(result, runner.Computed) and cleanup.child.pid != first


async def test_a_child_that_dies_on_a_message_fails_that_message_only(cleanup):
    async def kill_soon() -> None:
        await asyncio.sleep(0.1)
        os.kill(cleanup.child.pid, 9)

    killer = asyncio.create_task(kill_soon())
    died = await cleanup.compute(long_article(1000))
    await killer
    assert isinstance(died, runner.Failure) and died.reason == "stage"
    assert "exit code -9" in str(died.error)
    assert isinstance(await cleanup.compute(BRIEF), runner.Computed)


async def test_a_message_given_up_on_is_never_answered_for_the_next(cleanup):
    cleanup.timeout = 30
    waiting = asyncio.create_task(cleanup.compute(long_article(1000)))
    await asyncio.sleep(0.1)
    waiting.cancel()
    with pytest.raises(asyncio.CancelledError):
        await waiting
    after = await cleanup.compute(BRIEF)
    assert isinstance(after, runner.Computed) and after.event["id"] == "brief-1"


async def test_a_child_is_replaced_after_its_quota_of_messages():
    isolated = IsolatedStage(Stage.CLEANUP, timeout=5, min_words=1, max_messages=3)
    try:
        pids = []
        for _ in range(7):
            assert isinstance(await isolated.compute(BRIEF), runner.Computed)
            pids.append(isolated.child.pid if isolated.child else None)
        assert pids[2] is None and pids[5] is None  # retired after its third message
        assert len({pid for pid in pids if pid}) == 3
    finally:
        isolated.close()


def _brief(number: int) -> bytes:
    return orjson.dumps(orjson.loads(BRIEF) | {"id": f"brief-{number}"})


async def test_messages_in_turn_keep_their_order_across_a_timeout_and_a_recycle():
    """The next message waits in the pipe while the child computes one: a message cut off by
    the deadline, or a child retired after its quota, must not take the waiting one with it."""
    isolated = IsolatedStage(Stage.CLEANUP, timeout=0.3, min_words=1, max_messages=4)
    values = [_brief(0), _brief(1), long_article(1000), _brief(3), _brief(4), _brief(5)]
    values += [_brief(n) for n in range(6, 12)]
    try:
        results = [result async for result in isolated.compute_each(values)]
    finally:
        isolated.close()
    reasons = [r.reason if isinstance(r, runner.Failure) else r.event["id"] for r in results]
    assert reasons == ["brief-0", "brief-1", "timeout", *(f"brief-{n}" for n in range(3, 12))]


async def test_a_batch_given_up_on_midway_leaves_no_answer_behind(cleanup):
    batch = cleanup.compute_each([_brief(0), _brief(1), _brief(2)])
    first = await anext(batch)
    await batch.aclose()  # the second one was already in the child's pipe
    assert isinstance(first, runner.Computed) and first.event["id"] == "brief-0"
    after = await cleanup.compute(_brief(9))
    assert isinstance(after, runner.Computed) and after.event["id"] == "brief-9"


async def test_a_child_that_dies_while_the_worker_sends_hands_its_next_message_on(cleanup):
    """The child holds the next message while the worker sends the last answer; if it dies
    then, that message goes to the new child and its answer is never taken for another's."""
    cleanup.timeout = 5
    batch = cleanup.compute_each([_brief(0), _brief(1), _brief(2)])
    first = await anext(batch)
    os.kill(cleanup.child.pid, 9)
    cleanup.child.join()
    rest = [result async for result in batch]
    ids = [r.event["id"] for r in (first, *rest) if isinstance(r, runner.Computed)]
    assert ids == ["brief-0", "brief-1", "brief-2"]
