"""Dead-letter records: they satisfy their schema and hold the original message, exactly."""

from __future__ import annotations

import base64

from workers.contract.deadletter import Origin, original_message, record
from workers.contract.events import validate


def test_dead_letter_record_round_trips_the_original():
    value = b"\x00\x01 not json"
    origin = Origin("articles.raw", 3, 42, 1.5, b"k", value, [("trace", b"t1")])
    dead = record(
        stage="cleanup", reason="decode", error=ValueError("boom"), article_id=None, origin=origin
    )
    validate("deadletter", dead)
    assert base64.b64decode(dead["original"]["value_b64"]) == value
    assert original_message(dead) == (b"k", value, [("trace", b"t1")])
    assert dead["source"] == {
        "topic": "articles.raw",
        "partition": 3,
        "offset": 42,
        "timestamp": 1.5,
    }
    assert dead["error"] == {"type": "ValueError", "message": "boom", "reason": "decode"}


def test_without_an_id_or_a_key_the_record_is_named_by_the_content():
    origin = Origin("articles.raw", 0, 0, None, None, None)
    dead = record(
        stage="cleanup", reason="decode", error=ValueError(), article_id=None, origin=origin
    )
    assert dead["id"] and dead["original"]["key_b64"] is None
    assert original_message(dead) == (None, b"", [])


def test_a_long_error_message_is_cut():
    origin = Origin("t", 0, 0, None, None, b"x")
    dead = record(
        stage="extract",
        reason="stage",
        error=RuntimeError("e" * 5000),
        article_id="a",
        origin=origin,
    )
    assert len(dead["error"]["message"]) == 2000
