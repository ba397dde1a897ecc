"""One message through a stage: every failure becomes a dead-letter reason, never an exception."""

from __future__ import annotations

import base64
import dataclasses

import orjson

from workers import deadletter, runner
from workers.events import validate


def test_cleanup_then_extract(seed_text):
    cleaned = runner.run(runner.STAGES["cleanup"], orjson.dumps({"text": seed_text, "id": "s1"}))
    assert isinstance(cleaned, runner.Success) and cleaned.key == b"s1"
    enriched = runner.run(runner.STAGES["extract"], cleaned.value)
    assert isinstance(enriched, runner.Success)
    assert set(enriched.event["pipeline"]["stages"]) == {"cleanup", "extract"}


def test_failure_reasons():
    spec = runner.STAGES["cleanup"]
    assert runner.run(spec, b"\xff not json").reason == "decode"
    schema = runner.run(spec, b'{"id": "x1", "title": "no body"}')
    assert schema.reason == "schema" and schema.article_id == "x1"
    empty = runner.run(spec, orjson.dumps({"text": "Advertisement\n----"}))
    assert empty.reason == "stage" and type(empty.error).__name__ == "EmptyArticleError"


def test_any_stage_exception_is_caught():
    def broken(event):
        raise RuntimeError("bug in a stage")

    spec = dataclasses.replace(runner.STAGES["cleanup"], function=broken)
    result = runner.run(spec, b'{"text": "fine"}')
    assert result.reason == "stage" and str(result.error) == "bug in a stage"


def test_dead_letter_record_round_trips_the_original():
    value = b"\x00\x01 not json"
    record = deadletter.record(
        stage="cleanup",
        reason="decode",
        error=ValueError("boom"),
        article_id=None,
        key=b"k",
        value=value,
        headers=[("trace", b"t1")],
        topic="articles.raw",
        partition=3,
        offset=42,
        timestamp=1.5,
    )
    validate("deadletter", record)
    assert base64.b64decode(record["original"]["value_b64"]) == value
    assert deadletter.original_message(record) == (b"k", value, [("trace", b"t1")])
    assert record["source"] == {
        "topic": "articles.raw",
        "partition": 3,
        "offset": 42,
        "timestamp": 1.5,
    }


def test_output_over_the_size_limit_is_a_dead_letter(seed_text):
    result = runner.run(runner.STAGES["cleanup"], orjson.dumps({"text": seed_text}), max_bytes=1000)
    assert result.reason == "size" and "bytes > 1000" in str(result.error)
