"""Logs: JSON lines, structlog's and the standard library's (Faust, aiokafka) alike."""

from __future__ import annotations

import io
import logging

import orjson

from workers.ops.logs import Throttle, configure, get_logger


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


def test_a_library_repeating_itself_is_throttled_and_says_how_often():
    stream = io.StringIO()
    configure("INFO", stream=stream)
    aiokafka = logging.getLogger("aiokafka.conn")
    for node in range(500):  # a broker down: the same complaint, hundreds of times a second
        aiokafka.error("Unable connect to node with id %s: %s", node % 2, "refused")
    aiokafka.error("Another complaint")
    for _ in range(3):  # Khabar's own events are never throttled
        get_logger("khabar.broker").warning("broker_unreachable", broker="h:1")
    events = [orjson.loads(line)["event"] for line in stream.getvalue().splitlines()]
    assert events == [
        "Unable connect to node with id 0: refused",
        "Another complaint",
        *["broker_unreachable"] * 3,
    ]


def test_the_next_record_let_through_counts_the_dropped_ones():
    throttle = Throttle(period=30)

    def record(at: float) -> logging.LogRecord:
        made = logging.LogRecord("aiokafka", logging.ERROR, "f", 1, "Unable connect", (), None)
        made.created = at
        return made

    assert throttle.filter(record(100.0))
    assert not throttle.filter(record(101.0)) and not throttle.filter(record(129.0))
    later = record(131.0)
    assert throttle.filter(later)
    assert later.getMessage() == "Unable connect (2 more like this in the last 30 s)"
