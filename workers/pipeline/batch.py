"""Batch mode: the stages over inputs, with no broker; the same table and runner the agents use.

With `jobs` above one, the stages' pure halves run in that many child processes while this one
reads ahead, and each article is finished here, in input order: the run's state (the
near-duplicate index, the sources' recurring lines) lives here, so output is the same as with
one job, in the same order, and memory stays bounded by the read-ahead. Each task tells the
children which lines started or stopped recurring here (`RecurringKeys`), and a child drops
those before it extracts; this process drops recurring lines with its own memory and keeps the
child's extraction when both dropped the same, else extracts again (it loads the rules for that
only when it first must).
"""

from __future__ import annotations

import os
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from dataclasses import dataclass, field
from typing import Self, TextIO

import orjson

from workers.contract.deadletter import Origin
from workers.contract.events import Event, encode
from workers.inputs import Item
from workers.pipeline import runner
from workers.pipeline.build import build_stages
from workers.pipeline.isolation import process_context
from workers.pipeline.processor import Memory, Processor, finishing_stages
from workers.pipeline.table import Stage
from workers.stages.dedup.lines import (
    Furniture,
    RecurringKeys,
    RecurringRules,
    SourceLines,
    Turn,
    drop_recurring,
)
from workers.stages.rules import Rules
from workers.stages.steps import run_steps

BATCH = "(batch)"  # the source topic of a dead letter in batch mode
CHUNK = 8  # articles sent to a child process at once
READ_AHEAD = 2  # chunks in flight per job: enough to keep every child busy, few to hold, and
# few for a child to hear late what started recurring here


@dataclass(frozen=True)
class Halfway:
    """An article through every stage but the last one's finishing steps, which hold the run's
    state; `value` is the last stage's input, for its dead letter."""

    computed: runner.Computed | None  # None: a child's extraction failed, the parent decides
    value: bytes
    offset: int
    # The paragraphs of `value` a child dropped as recurring before it extracted (`ahead`).
    dropped: frozenset[int] = frozenset()


def compute_one(
    value: bytes,
    stages: dict[Stage, Processor],
    offset: int = 0,
    max_input: int | None = None,
    ahead: Furniture | None = None,
) -> Halfway | Event:
    """Raw bytes through every stage's pure half (and the stateless finishing of all but the
    last): what is left to finish, or the dead-letter record of the stage that failed. With
    `ahead` (a child's view of the run's recurring lines), the last stage reads its input with
    the lines that view recurs dropped."""
    *before, last = stages.values()
    event: Event = {}
    for processor in before:
        result = runner.run(processor, value, max_input=max_input)
        if isinstance(result, runner.Failure):
            return _dead(result, processor, value, offset, max_input)
        value, event = result.value, result.event
    if ahead is None:
        return extract_one(value, last, offset, max_input)
    dropped = _drop_ahead(event, ahead)
    computed = runner.compute(last, encode(event) if dropped else value, max_input)
    if isinstance(computed, runner.Failure):  # the parent, whose memory decides, extracts again
        return Halfway(None, value, offset)
    return Halfway(computed, value, offset, dropped)


def _drop_ahead(event: Event, ahead: Furniture) -> frozenset[int]:
    """Drop from `event` (its paragraphs and removals copied first) the lines `ahead` says
    recur; which paragraphs went."""
    paragraphs: list[str] = event["paragraphs"]
    cleanup = event["cleanup"]
    event["cleanup"] = {**cleanup, "removed": list(cleanup["removed"])}
    drop_recurring(event, ahead)
    kept = iter(event["paragraphs"])
    following = next(kept, None)
    dropped = []
    for number, text in enumerate(paragraphs):
        if text is following:  # the kept ones are the same strings, in order
            following = next(kept, None)
        else:
            dropped.append(number)
    return frozenset(dropped)


def complete_one(
    halfway: Halfway, last: Processor, max_input: int | None = None
) -> runner.Success | Event:
    """The last stage's finishing steps and checks: the enriched event (and its encoding), or
    the dead-letter record."""
    if halfway.computed is None:
        raise ValueError("a child's failed extraction is finished by refinish_cleanup")
    result = runner.complete(last, halfway.computed)
    if isinstance(result, runner.Failure):
        return _dead(result, last, halfway.value, halfway.offset, max_input)
    return result


def refinish_cleanup(
    halfway: Halfway,
    finish: Processor,
    extract: Callable[[bytes, int], Halfway | Event],
    max_input: int | None = None,
) -> Halfway | Event:
    """The cleanup's finishing steps again, here, where the run's memory is, on an article a
    child computed. The child's extraction stands when the child dropped the same lines (the
    cleanup's record of them is this memory's); else, or when it failed, `extract` extracts
    the article again, as one job would have."""
    cleaned = orjson.loads(halfway.value)
    paragraphs = list(cleaned["paragraphs"])
    run_steps(finish.finish, cleaned, {})
    kept = [text for number, text in enumerate(paragraphs) if number not in halfway.dropped]
    value = encode(cleaned) if cleaned["paragraphs"] != paragraphs else halfway.value
    computed = halfway.computed
    if computed is None or cleaned["paragraphs"] != kept:
        return extract(value, halfway.offset)
    if max_input is not None and len(value) > max_input:
        return extract(value, halfway.offset)  # the child's input was not this one: refused
    if halfway.dropped:
        computed.event["cleanup"] = cleaned["cleanup"]
    return Halfway(computed, value, halfway.offset)


def extract_one(
    value: bytes, last: Processor, offset: int = 0, max_input: int | None = None
) -> Halfway | Event:
    """A cleaned article through the last stage's pure half: what is left to finish, or the
    dead-letter record."""
    computed = runner.compute(last, value, max_input)
    if isinstance(computed, runner.Failure):
        return _dead(computed, last, value, offset, max_input)
    return Halfway(computed, value, offset)


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
    memory: Memory | None = None,
    threshold: float = 0.7,
    max_input: int | None = None,
    jobs: int = 1,
    min_words: int = 1,
    on_done: Callable[[int], object] = lambda _: None,
) -> int:
    """Write one enriched JSON line per input to `out`, in input order, failures to `err`;
    return the failures. Near-duplicates (from `threshold` on) and recurring lines are judged
    within the run, against `memory` (by default new). With `jobs` > 1 the pure halves run in
    child processes, and this one only finishes (it loads no rules). `on_done` hears of each
    input finished (a progress bar)."""
    memory = memory if memory is not None else Memory()
    if jobs <= 1:
        stages = build_stages(memory=memory, threshold=threshold, min_words=min_words)
        halves = _computed_here(items, stages, max_input)
        return _finish_all(halves, stages, out, err, max_input, on_done)
    finishing = finishing_stages(memory, threshold, min_words)
    with _Children(jobs, min_words, memory.lines, max_input) as children:
        halves = (
            (item, refinish_cleanup(half, finishing[Stage.CLEANUP], children.extract, max_input))
            if isinstance(half, Halfway)
            else (item, half)
            for item, half in children.computed(items)
        )
        return _finish_all(halves, finishing, out, err, max_input, on_done)


def _finish_all(
    halves: Iterable[tuple[Item, Computed]],
    stages: dict[Stage, Processor],
    out: TextIO,
    err: TextIO,
    max_input: int | None,
    on_done: Callable[[int], object],
) -> int:
    """Each article finished, in order, written out; the failures."""
    failures = 0
    for item, halfway in halves:
        on_done(1)
        if halfway is None:  # the input could not be read
            failures += 1
            err.write(orjson.dumps({"origin": item.origin, "error": item.error}).decode() + "\n")
            continue
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


class _Children:
    """`jobs` child processes computing articles ahead of this one, in input order: `CHUNK`
    articles to a task (one trip each way instead of one per article), at most `READ_AHEAD`
    chunks per job in flight. Each task carries what started or stopped recurring in this
    process's memory since what every child heard (`_Turns`)."""

    def __init__(
        self, jobs: int, min_words: int, lines: SourceLines, max_input: int | None
    ) -> None:
        self.jobs, self.max_input = jobs, max_input
        self.turns = _Turns(lines, jobs)
        self.pool = ProcessPoolExecutor(
            jobs,
            process_context(rules=True),
            initializer=_start_child,
            initargs=(min_words, lines.rules),
        )

    def __enter__(self) -> Self:
        return self

    def __exit__(self, *exc: object) -> None:
        self.pool.shutdown(cancel_futures=True)
        self.turns.lines.turns(keep=False)  # the record ends with the run

    def computed(self, items: Iterable[Item]) -> Iterator[tuple[Item, Computed]]:
        pending: deque[tuple[list[Item], Future[_Answer]]] = deque()
        for chunk in _chunks(enumerate(items)):
            work = [(None if i.event is None else encode(i.event), n) for n, i in chunk]
            task = self.pool.submit(_compute, work, self.max_input, *self.turns.news())
            pending.append(([i for _, i in chunk], task))
            if len(pending) >= READ_AHEAD * self.jobs:
                yield from self._results(*pending.popleft())
        while pending:
            yield from self._results(*pending.popleft())

    def _results(
        self, items: list[Item], future: Future[_Answer]
    ) -> Iterator[tuple[Item, Computed]]:
        pid, heard, results = future.result()
        self.turns.heard[pid] = heard
        yield from zip(items, results, strict=True)

    def extract(self, value: bytes, offset: int) -> Halfway | Event:
        """A cleaned article extracted again, in a child (after the tasks already sent)."""
        return self.pool.submit(_extract, value, offset, self.max_input).result()


@dataclass
class _Turns:
    """What started or stopped recurring in this process's memory, numbered from the run's
    start, kept until every child has heard it."""

    lines: SourceLines
    jobs: int
    log: list[Turn] = field(default_factory=list)
    first: int = 0  # the number of the log's first turn
    heard: dict[int, int] = field(default_factory=dict)  # child's pid -> turns it applied

    def __post_init__(self) -> None:
        self.lines.turns()  # the record starts, with what the memory knows to recur already
        self.log.extend((source, key, True) for source, key in self.lines.recurring())

    def news(self) -> tuple[tuple[Turn, ...], int]:
        """The turns a child may not have heard, and the number of the first."""
        self.log.extend(self.lines.turns())
        floor = min(self.heard.values()) if len(self.heard) == self.jobs else self.first
        if floor > self.first:
            del self.log[: floor - self.first]
            self.first = floor
        return tuple(self.log), self.first


def _chunks(numbered: Iterable[tuple[int, Item]]) -> Iterator[list[tuple[int, Item]]]:
    chunk: list[tuple[int, Item]] = []
    for pair in numbered:
        chunk.append(pair)
        if len(chunk) == CHUNK:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


_Answer = tuple[int, int, list[Computed]]  # the child's pid, the turns it heard, its results


@dataclass
class _Child:
    """A child process's stages, built once at its start, and its view of recurring lines."""

    stages: dict[Stage, Processor]
    ahead: Furniture
    known: RecurringKeys


_child: list[_Child] = []


def _start_child(min_words: int, rules: RecurringRules) -> None:
    known = RecurringKeys(rules)
    stages = build_stages(Rules.shared(), min_words=min_words)  # loaded in the fork server
    _child.append(_Child(stages, Furniture(known, min_words), known))


def _compute(
    work: list[tuple[bytes | None, int]],
    max_input: int | None,
    turns: tuple[Turn, ...],
    first: int,
) -> _Answer:
    child = _child[0]
    child.known.hear(turns, first)
    results: list[Computed] = [
        None if value is None else compute_one(value, child.stages, offset, max_input, child.ahead)
        for value, offset in work
    ]
    return os.getpid(), child.known.heard, results


def _extract(value: bytes, offset: int, max_input: int | None) -> Halfway | Event:
    return extract_one(value, _child[0].stages[Stage.EXTRACT], offset, max_input)


def _dead(
    failure: runner.Failure, processor: Processor, value: bytes, offset: int, limit: int | None
) -> Event:
    origin = Origin(BATCH, 0, offset, None, None, value)
    return failure.dead_letter(processor.spec.stage, origin, limit)
