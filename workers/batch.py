"""Batch mode: the stages over inputs, with no broker; the same `runner.run` the agents use."""

from __future__ import annotations

from collections.abc import Iterable
from typing import TextIO

import orjson

from workers import deadletter, runner
from workers.events import Event, encode
from workers.inputs import Item
from workers.stages.extract.fingerprint import LshIndex


def process_one(
    value: bytes, stages: dict[str, runner.StageSpec] | None = None
) -> tuple[Event | None, Event | None]:
    """Raw bytes through cleanup then extract: (enriched, None) or (None, dead-letter record)."""
    stages = stages or runner.STAGES
    for name in ("cleanup", "extract"):
        spec = stages[name]
        result = runner.run(spec, value)
        if isinstance(result, runner.Failure):
            record = deadletter.record(
                stage=name,
                reason=result.reason,
                error=result.error,
                article_id=result.article_id,
                key=None,
                value=value,
                headers=[],
                topic="(batch)",
                partition=0,
                offset=0,
                timestamp=None,
            )
            return None, record
        value = result.value
        event = result.event
    return event, None


def process_items(
    items: Iterable[Item], *, out: TextIO, err: TextIO, threshold: float = 0.7
) -> int:
    """Write one enriched JSON line per input to `out`, failures to `err`; return the failures.
    Near-duplicates are marked within the run."""
    stages = runner.build_stages(LshIndex(), threshold)
    failures = 0
    for offset, item in enumerate(items):
        if item.event is None:
            failures += 1
            err.write(orjson.dumps({"origin": item.origin, "error": item.error}).decode() + "\n")
            continue
        enriched, dead = process_one(encode(item.event), stages)
        if dead is not None:
            failures += 1
            dead["source"]["offset"] = offset
            err.write(orjson.dumps({"origin": item.origin, **dead}).decode() + "\n")
        else:
            out.write(orjson.dumps(enriched).decode() + "\n")
    return failures
