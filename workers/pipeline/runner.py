"""One message through one stage: decode, validate, run the stage, wrap its payload in the
envelope, validate, encode.

This is everything an agent does besides talking to Kafka, so the agents and batch mode share
it, and it is tested without a broker. The runner owns the envelope: the schema tag, the
article id and the pipeline record (version, and each stage's worker and timings, per step).
"""

from __future__ import annotations

import os
import socket
import time
from dataclasses import dataclass
from typing import Literal

from workers import __version__
from workers.contract import deadletter
from workers.contract.events import (
    DecodeError,
    Event,
    NotAnArticleError,
    SchemaError,
    decode,
    encode,
    schema_tag,
    validate,
)
from workers.contract.ids import article_id
from workers.pipeline.processor import Processor
from workers.pipeline.table import StageSpec, Topic
from workers.stages.steps import run_steps

WORKER = f"{socket.gethostname()}:{os.getpid()}"
Reason = Literal["decode", "schema", "empty", "stage", "size", "timeout"]


@dataclass(frozen=True)
class Success:
    event: Event
    value: bytes
    key: bytes
    ms: float
    side_outputs: tuple[tuple[Topic, bytes], ...] = ()


@dataclass(frozen=True)
class Failure:
    reason: Reason
    error: Exception
    article_id: str | None

    def dead_letter(self, stage: str, origin: deadletter.Origin, limit: int | None = None) -> Event:
        """The dead-letter record of this failure of the message `origin` (its original cut to
        fit `limit` bytes)."""
        return deadletter.record(
            stage=stage,
            reason=self.reason,
            error=self.error,
            article_id=self.article_id,
            origin=origin,
            limit=limit,
        )


class OutputTooLargeError(ValueError):
    """The stage's output is larger than the broker would accept."""


class InputTooLargeError(ValueError):
    """The message is larger than a stage takes (KHABAR_MAX_INPUT_BYTES): not even parsed."""


@dataclass(frozen=True)
class Computed:
    """A stage's output event from its pure function, before its finishing steps and checks;
    `ms` since the message was taken."""

    event: Event
    ms: float


def run(
    processor: Processor,
    value: bytes | None,
    max_bytes: int | None = None,
    max_input: int | None = None,
) -> Success | Failure:
    """Run one raw message value through a stage; never raises for bad input or a failing
    stage. `Success.ms` is the whole message's time, decoding to encoding. An input over
    `max_input` bytes or an output over `max_bytes` fails with reason `size`."""
    computed = compute(processor, value, max_input)
    if isinstance(computed, Failure):
        return computed
    return complete(processor, computed, max_bytes)


def compute(
    processor: Processor, value: bytes | None, max_input: int | None = None
) -> Computed | Failure:
    """The pure half of `run`: decode, check the input, apply the stage's function. It keeps
    no state, so a worker may run it in a child process it can stop."""
    started = time.perf_counter()
    spec = processor.spec
    if max_input is not None and value is not None and len(value) > max_input:
        refused = InputTooLargeError(
            f"message of {len(value)} bytes > {max_input} (KHABAR_MAX_INPUT_BYTES)"
        )
        return Failure("size", refused, None)
    try:
        event = decode(value)
    except DecodeError as exc:
        return Failure("decode", exc, None)
    try:
        validate(spec.source.schema, event)
    except SchemaError as exc:
        return Failure("schema", exc, _id_of(event))  # the id only when it is needed
    try:
        output = pure(processor, event)
    except NotAnArticleError as exc:
        return Failure("empty", exc, _id_of(event))
    except Exception as exc:  # a stage bug must cost one message, never the worker
        return Failure("stage", exc, _id_of(event))
    return Computed(output, (time.perf_counter() - started) * 1000)


def complete(
    processor: Processor, computed: Computed, max_bytes: int | None = None
) -> Success | Failure:
    """The other half, where the stage's state is: the finishing steps (timed with the others),
    then the output and side outputs checked and encoded."""
    started = time.perf_counter()
    spec = processor.spec
    output = computed.event
    try:
        finish(processor, output)
        encoded = encode(validate(spec.target.schema, output))
        side = tuple(
            (topic, encode(validate(topic.schema, build(output))))
            for topic, build in spec.side_outputs
        )
    except Exception as exc:  # a stage bug must cost one message, never the worker
        return Failure("stage", exc, output.get("id"))
    if max_bytes is not None and len(encoded) > max_bytes:
        error = OutputTooLargeError(
            f"{spec.target.schema} event of {len(encoded)} bytes > {max_bytes}"
        )
        return Failure("size", error, output["id"])
    ms = computed.ms + (time.perf_counter() - started) * 1000
    return Success(output, encoded, output["id"].encode("utf-8"), ms, side)


def apply(processor: Processor, event: Event, timings: dict[str, float] | None = None) -> Event:
    """A stage's output event for an input event, the whole stage in this process: the payload
    in its envelope, finished, with the stage's and its steps' milliseconds; nothing decoded or
    validated (what `run` does between the edges; measurements and tests call it too)."""
    return finish(processor, pure(processor, event, timings))


def pure(processor: Processor, event: Event, timings: dict[str, float] | None = None) -> Event:
    """The stage's function: its payload in the envelope, not yet finished."""
    steps: dict[str, float] = {} if timings is None else timings
    started = time.perf_counter()
    payload = processor.function(event, steps)
    ms = (time.perf_counter() - started) * 1000
    return envelope(processor.spec, event, payload, ms, steps)


def finish(processor: Processor, output: Event) -> Event:
    """The stage's finishing (stateful) steps over its output event, timed into its record,
    which names this process as the worker (the pure half may have run in a child of it)."""
    record = output["pipeline"]["stages"][processor.spec.stage.value]
    record["worker"] = WORKER
    if processor.finish:
        finishing: dict[str, float] = {}
        run_steps(processor.finish, output, finishing)
        record["steps"].update(finishing)
        record["ms"] = round(record["ms"] + sum(finishing.values()), 3)
    return output


def envelope(
    spec: StageSpec, source: Event, payload: Event, ms: float, steps: dict[str, float]
) -> Event:
    """The event a stage emits: its schema tag and the article id, the stage's payload, and the
    pipeline record: the version, and every stage's worker and milliseconds so far."""
    stages = {} if spec.source is Topic.RAW else dict(source["pipeline"]["stages"])
    stages[spec.stage.value] = {"ms": round(ms, 3), "worker": WORKER, "steps": steps}
    return {
        "schema": schema_tag(spec.target.schema),
        "id": article_id(source),
        **payload,
        "pipeline": {"version": __version__, "stages": stages},
    }


def id_in(value: bytes | None) -> str | None:
    """The article id of a raw message value, if it has one (for the dead letter of a message
    whose stage never answered)."""
    try:
        return _id_of(decode(value))
    except DecodeError:
        return None


def _id_of(event: Event) -> str | None:
    try:
        return article_id(event)
    except Exception:
        return None
