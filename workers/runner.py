"""One message through one stage: decode, validate, call the stage, validate, encode.

This is everything an agent does besides talking to Kafka, so the agents and the batch mode
(`khabar process`) share it, and it is tested without a broker.
"""

from __future__ import annotations

import os
import socket
import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import Literal

from workers import __version__
from workers.events import (
    DecodeError,
    Event,
    SchemaError,
    SchemaName,
    article_id,
    decode,
    encode,
    validate,
)
from workers.fingerprints import record as fingerprint_record
from workers.stages.cleanup import clean
from workers.stages.extract import extract
from workers.stages.extract.fingerprint import LshIndex, mark_duplicate

WORKER = f"{socket.gethostname()}:{os.getpid()}"
Reason = Literal["decode", "schema", "stage", "size"]


@dataclass(frozen=True)
class StageSpec:
    """A stage: the topics it joins (aliases), the schemas at its edges and its function, and
    side outputs (a topic alias and how to build its value from the output event)."""

    name: str
    source: str
    target: str
    accepts: SchemaName
    emits: SchemaName
    function: Callable[[Event], Event]
    side_outputs: tuple[tuple[str, Callable[[Event], bytes]], ...] = ()


def build_stages(index: LshIndex | None = None, threshold: float = 0.7) -> dict[str, StageSpec]:
    """The stages; extraction marks near-duplicates against `index` when one is given (the
    worker's index lives in the fingerprints topic, batch mode keeps one for the run)."""

    def extract_and_mark(cleaned: Event) -> Event:
        enriched = extract(cleaned)
        if index is not None:
            mark_duplicate(enriched, index, threshold)
        return enriched

    return {
        "cleanup": StageSpec("cleanup", "raw", "cleaned", "article.raw", "article.cleaned", clean),
        "extract": StageSpec(
            "extract",
            "cleaned",
            "enriched",
            "article.cleaned",
            "article.enriched",
            extract_and_mark,
            side_outputs=(("fingerprints", fingerprint_record),) if index is not None else (),
        ),
    }


STAGES = build_stages()


@dataclass(frozen=True)
class Success:
    event: Event
    value: bytes
    key: bytes
    ms: float


@dataclass(frozen=True)
class Failure:
    reason: Reason
    error: Exception
    article_id: str | None


class OutputTooLargeError(ValueError):
    """The stage's output is larger than the broker would accept."""


def run(spec: StageSpec, value: bytes | None, max_bytes: int | None = None) -> Success | Failure:
    """Run one raw message value through `spec`; never raises for bad input or a failing stage."""
    started = time.perf_counter()
    try:
        event = decode(value)
    except DecodeError as exc:
        return Failure("decode", exc, None)
    try:
        validate(spec.accepts, event)
    except SchemaError as exc:
        return Failure("schema", exc, _id_of(event))  # the id only when it is needed
    try:
        output = spec.function(event)
        ms = (time.perf_counter() - started) * 1000
        stages = output["pipeline"]["stages"]
        stages[spec.name] = {"ms": round(ms, 3), "worker": WORKER}
        output["pipeline"]["version"] = __version__
        validate(spec.emits, output)
        encoded = encode(output)
    except Exception as exc:  # a stage bug must cost one message, never the worker
        return Failure("stage", exc, _id_of(event))
    if max_bytes is not None and len(encoded) > max_bytes:
        error = OutputTooLargeError(f"{spec.emits} event of {len(encoded)} bytes > {max_bytes}")
        return Failure("size", error, output["id"])
    return Success(output, encoded, output["id"].encode("utf-8"), ms)


def _id_of(event: Event) -> str | None:
    try:
        return article_id(event)
    except Exception:
        return None
