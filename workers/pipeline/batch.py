"""Batch mode: the stages over inputs, with no broker; the same table and runner the agents use.

With `jobs` above one, the stages' pure halves run in that many child processes while this one
reads ahead, and each article is finished here, in input order: the run's state (the
near-duplicate index, the sources' recurring lines) lives here, so output is the same as with
one job, in the same order, and memory stays bounded by the read-ahead. A child's cleanup knows
no recurring line (its memory stays empty), so this process drops them from the cleaned article
and, when it drops any, extracts it again.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from dataclasses import dataclass
from typing import TextIO

import orjson

from workers.contract.deadletter import Origin
from workers.contract.events import Event, encode
from workers.inputs import Item
from workers.pipeline import runner
from workers.pipeline.build import build_stages
from workers.pipeline.isolation import process_context
from workers.pipeline.processor import Processor
from workers.pipeline.table import Stage
from workers.stages.steps import run_steps

BATCH = "(batch)"  # the source topic of a dead letter in batch mode
CHUNK = 16  # articles sent to a child process at once
READ_AHEAD = 3  # chunks in flight per job: enough to keep every child busy, few to hold


@dataclass(frozen=True)
class Halfway:
    """An article through every stage but the last one's finishing steps, which hold the run's
    state; `value` is the last stage's input, for its dead letter."""

    computed: runner.Computed
    value: bytes
    offset: int


def compute_one(
    value: bytes, stages: dict[Stage, Processor], offset: int = 0, max_input: int | None = None
) -> Halfway | Event:
    """Raw bytes through every stage's pure half (and the stateless finishing of all but the
    last): what is left to finish, or the dead-letter record of the stage that failed."""
    *before, last = stages.values()
    for processor in before:
        result = runner.run(processor, value, max_input=max_input)
        if isinstance(result, runner.Failure):
            return _dead(result, processor, value, offset, max_input)
        value = result.value
    computed = runner.compute(last, value, max_input)
    if isinstance(computed, runner.Failure):
        return _dead(computed, last, value, offset, max_input)
    return Halfway(computed, value, offset)


def complete_one(
    halfway: Halfway, last: Processor, max_input: int | None = None
) -> runner.Success | Event:
    """The last stage's finishing steps and checks: the enriched event (and its encoding), or
    the dead-letter record."""
    result = runner.complete(last, halfway.computed)
    if isinstance(result, runner.Failure):
        return _dead(result, last, halfway.value, halfway.offset, max_input)
    return result


def refinish_cleanup(
    halfway: Halfway, stages: dict[Stage, Processor], max_input: int | None = None
) -> Halfway | Event:
    """The cleanup's finishing steps again, here, where the run's memory is, on an article a
    child computed; the extraction again when they changed it."""
    cleaned = orjson.loads(halfway.value)
    paragraphs = list(cleaned["paragraphs"])
    run_steps(stages[Stage.CLEANUP].finish, cleaned, {})
    if cleaned["paragraphs"] == paragraphs:
        return halfway
    value = encode(cleaned)
    computed = runner.compute(stages[Stage.EXTRACT], value, max_input)
    if isinstance(computed, runner.Failure):
        return _dead(computed, stages[Stage.EXTRACT], value, halfway.offset, max_input)
    return Halfway(computed, value, halfway.offset)


def process_one(
    value: bytes, stages: dict[Stage, Processor], offset: int = 0, max_input: int | None = None
) -> tuple[Event | None, Event | None]:
    """Raw bytes through every stage in turn: (enriched, None) or (None, dead-letter record
    holding the failed stage's input); a raw message over `max_input` bytes is refused."""
    halfway = compute_one(value, stages, offset, max_input)
    if not isinstance(halfway, Halfway):
        return None, halfway
    done = complete_one(halfway, stages[Stage.EXTRACT], max_input)
    return (done.event, None) if isinstance(done, runner.Success) else (None, done)


def process_items(
    items: Iterable[Item],
    *,
    out: TextIO,
    err: TextIO,
    stages: dict[Stage, Processor] | None = None,
    max_input: int | None = None,
    jobs: int = 1,
    min_words: int = 1,
    on_done: Callable[[int], object] = lambda _: None,
) -> int:
    """Write one enriched JSON line per input to `out`, in input order, failures to `err`;
    return the failures. Near-duplicates are marked within the run (the `stages` hold its index:
    by default new). With `jobs` > 1 the pure halves run in child processes that build the
    shipped stages (with `min_words`), and `stages` only finishes. `on_done` hears of each input
    finished (a progress bar)."""
    stages = stages if stages is not None else build_stages()
    failures = 0
    halves = (
        _computed_here(items, stages, max_input)
        if jobs <= 1
        else _computed_in_children(items, min_words, max_input, jobs)
    )
    for item, halfway in halves:
        on_done(1)
        if halfway is None:  # the input could not be read
            failures += 1
            err.write(orjson.dumps({"origin": item.origin, "error": item.error}).decode() + "\n")
            continue
        if isinstance(halfway, Halfway) and jobs > 1:
            halfway = refinish_cleanup(halfway, stages, max_input)
        done = (
            complete_one(halfway, stages[Stage.EXTRACT], max_input)
            if isinstance(halfway, Halfway)
            else halfway
        )
        if isinstance(done, runner.Success):
            out.write(done.value.decode() + "\n")
        else:
            failures += 1
            err.write(orjson.dumps({"origin": item.origin, **done}).decode() + "\n")
    return failures


Computed = Halfway | Event | None  # None: the input could not be read


def _computed_here(
    items: Iterable[Item], stages: dict[Stage, Processor], max_input: int | None
) -> Iterator[tuple[Item, Computed]]:
    for offset, item in enumerate(items):
        if item.event is None:
            yield item, None
        else:
            yield item, compute_one(encode(item.event), stages, offset, max_input)


def _computed_in_children(
    items: Iterable[Item], min_words: int, max_input: int | None, jobs: int
) -> Iterator[tuple[Item, Computed]]:
    """As `_computed_here`, in `jobs` child processes, in input order: `CHUNK` articles to a
    task (one trip each way instead of one per article), at most `READ_AHEAD` chunks per job
    in flight."""
    context = process_context()
    pending: deque[tuple[list[Item], Future[list[Computed]]]] = deque()
    with ProcessPoolExecutor(
        jobs, context, initializer=_start_child, initargs=(min_words,)
    ) as pool:
        for chunk in _chunks(enumerate(items)):
            work = [(None if i.event is None else encode(i.event), n) for n, i in chunk]
            pending.append(([i for _, i in chunk], pool.submit(_compute, work, max_input)))
            if len(pending) >= READ_AHEAD * jobs:
                yield from _results(*pending.popleft())
        while pending:
            yield from _results(*pending.popleft())


def _chunks(numbered: Iterable[tuple[int, Item]]) -> Iterator[list[tuple[int, Item]]]:
    chunk: list[tuple[int, Item]] = []
    for pair in numbered:
        chunk.append(pair)
        if len(chunk) == CHUNK:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


def _results(items: list[Item], future: Future[list[Computed]]) -> Iterator[tuple[Item, Computed]]:
    yield from zip(items, future.result(), strict=True)


_child_stages: dict[Stage, Processor] = {}  # a child process's stages, built once at its start


def _start_child(min_words: int) -> None:
    _child_stages.update(build_stages(min_words=min_words))


def _compute(work: list[tuple[bytes | None, int]], max_input: int | None) -> list[Computed]:
    return [
        None if value is None else compute_one(value, _child_stages, offset, max_input)
        for value, offset in work
    ]


def _dead(
    failure: runner.Failure, processor: Processor, value: bytes, offset: int, limit: int | None
) -> Event:
    origin = Origin(BATCH, 0, offset, None, None, value)
    return failure.dead_letter(processor.spec.stage, origin, limit)
