"""Dead-letter records: they satisfy their schema and hold the original message, exactly."""

from __future__ import annotations

import base64
import hashlib

import orjson
import pytest

from workers.contract.deadletter import Origin, TruncatedOriginalError, original_message, record
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


def test_an_original_too_large_to_carry_keeps_its_head_size_and_hash():
    value = b'{"text": "' + b"x" * 3_000_000 + b'"}'
    origin = Origin("articles.raw", 2, 9, None, b"k" * 5000, value, [("trace", b"t" * 50_000)])
    dead = record(
        stage="cleanup",
        reason="size",
        error=ValueError("too big"),
        article_id=None,
        origin=origin,
        limit=1_000_000,
    )
    validate("deadletter", dead)
    original = dead["original"]
    assert len(orjson.dumps(dead)) < 1_000_000, "fits the limit by construction"
    assert original["truncated"] is True and original["size"] == len(value)
    assert original["sha256"] == hashlib.sha256(value).hexdigest()
    assert value.startswith(base64.b64decode(original["value_b64"]))
    assert base64.b64decode(original["key_b64"]) == b"k" * 1024 and original["headers"] == []
    with pytest.raises(TruncatedOriginalError, match="partition 2 at offset 9"):
        original_message(dead)


def test_an_original_that_fits_is_carried_whole_under_a_limit():
    origin = Origin("articles.raw", 0, 1, None, b"k", b"v" * 1000, [("h", b"1")])
    dead = record(
        stage="cleanup",
        reason="stage",
        error=ValueError(),
        article_id="a",
        origin=origin,
        limit=65_536,
    )
    assert "truncated" not in dead["original"]
    assert original_message(dead) == (b"k", b"v" * 1000, [("h", b"1")])


@pytest.mark.parametrize("limit", [65_536, 200_000, 1_000_000])
def test_every_record_fits_its_limit_whatever_the_original_holds(limit):
    """Hostile originals: a huge value, key, header names and values, an error message of
    characters that JSON escapes six bytes each."""
    origin = Origin(
        "articles.raw",
        0,
        1,
        None,
        b"\xff" * 100_000,
        b"\x00" * 3_000_000,
        [("\x01" * 20_000, b"v" * 20_000), ("h", None)],
    )
    error = ValueError("\x02" * 10_000)
    dead = record(
        stage="cleanup", reason="size", error=error, article_id=None, origin=origin, limit=limit
    )
    validate("deadletter", dead)
    assert len(orjson.dumps(dead)) <= limit and dead["original"]["truncated"] is True
