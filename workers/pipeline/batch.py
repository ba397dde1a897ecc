"""Batch mode: the stages over inputs, with no broker; the same table and runner the agents use."""

from __future__ import annotations

from collections.abc import Iterable
from typing import TextIO

import orjson

from workers.contract.deadletter import Origin
from workers.contract.events import Event, encode
from workers.inputs import Item
from workers.pipeline import runner
from workers.pipeline.build import Processor, build_stages
from workers.pipeline.table import Stage

BATCH = "(batch)"  # the source topic of a dead letter in batch mode


def process_one(
    value: bytes, stages: dict[Stage, Processor], offset: int = 0, max_input: int | None = None
) -> tuple[Event | None, Event | None]:
    """Raw bytes through every stage in turn: (enriched, None) or (None, dead-letter record
    holding the failed stage's input); a raw message over `max_input` bytes is refused."""
    event: Event | None = None
    for processor in stages.values():
        result = runner.run(processor, value, max_input=max_input)
        if isinstance(result, runner.Failure):
            origin = Origin(BATCH, 0, offset, None, None, value)
            return None, result.dead_letter(processor.spec.stage, origin, max_input)
        value, event = result.value, result.event
    return event, None


def process_items(
    items: Iterable[Item],
    *,
    out: TextIO,
    err: TextIO,
    stages: dict[Stage, Processor] | None = None,
    max_input: int | None = None,
) -> int:
    """Write one enriched JSON line per input to `out`, failures to `err`; return the failures.
    Near-duplicates are marked within the run (the `stages` hold its index: by default new)."""
    stages = stages if stages is not None else build_stages()
    failures = 0
    for offset, item in enumerate(items):
        if item.event is None:
            failures += 1
            err.write(orjson.dumps({"origin": item.origin, "error": item.error}).decode() + "\n")
            continue
        enriched, dead = process_one(encode(item.event), stages, offset, max_input)
        if dead is not None:
            failures += 1
            err.write(orjson.dumps({"origin": item.origin, **dead}).decode() + "\n")
        else:
            out.write(orjson.dumps(enriched).decode() + "\n")
    return failures
