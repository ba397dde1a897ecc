"""Logs: JSON lines, structlog's and the standard library's (Faust, aiokafka) alike."""

from __future__ import annotations

import io
import logging

import orjson

from workers.ops.logs import configure, get_logger


def test_structlog_and_stdlib_records_are_json_lines():
    stream = io.StringIO()
    configure("INFO", stream=stream)
    get_logger("khabar.test").info("stage_stats", stage="cleanup", processed=3)
    logging.getLogger("mode.worker").info("chatty, so below the level")
    logging.getLogger("aiokafka").warning("a warning gets through")
    lines = [orjson.loads(line) for line in stream.getvalue().splitlines()]
    assert [line["event"] for line in lines] == ["stage_stats", "a warning gets through"]
    assert lines[0]["stage"] == "cleanup" and lines[0]["level"] == "info"
    assert lines[0]["logger"] == "khabar.test" and lines[0]["timestamp"].endswith("Z")
