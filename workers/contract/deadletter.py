"""Dead-letter records: everything needed to see why a message failed and to replay it."""

from __future__ import annotations

import base64
import datetime as dt
import hashlib
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

import orjson

from workers import __version__
from workers.contract.events import Event, schema_tag
from workers.contract.ids import stable_hash


@dataclass(frozen=True)
class Origin:
    """A message as it came: where from, and its key, value and headers."""

    topic: str
    partition: int
    offset: int
    timestamp: float | None
    key: bytes | None
    value: bytes | None
    headers: Sequence[tuple[str, bytes | None]] = ()


def _b64(data: bytes | None) -> str | None:
    return None if data is None else base64.b64encode(data).decode("ascii")


# What a dead letter keeps of an original too large to carry whole: as much of its head as fits
# (at most 64 KiB), its key cut to 1 KiB, its headers if they are small; and its size and
# SHA-256. The rest of the record (ids, source, an error message of at most 2,000 characters)
# takes under 16 KiB, whatever those hold.
HEAD_BYTES = 64 * 1024
KEY_BYTES = 1024
HEADER_BYTES = 4 * 1024
RECORD_BYTES = 16 * 1024


def record(
    *,
    stage: str,
    reason: str,
    error: BaseException,
    article_id: str | None,
    origin: Origin,
    limit: int | None = None,
) -> Event:
    """The dead-letter event for one failed message; the original bytes travel base64-encoded,
    whole if they fit in `limit` bytes (base64 included), else their head (`truncated`)."""
    original = origin.value or b""
    return {
        "schema": schema_tag("deadletter"),
        "id": article_id or stable_hash(original),
        "stage": stage,
        "error": {"type": type(error).__name__, "message": str(error)[:2000], "reason": reason},
        "source": {
            "topic": origin.topic,
            "partition": origin.partition,
            "offset": origin.offset,
            "timestamp": origin.timestamp,
        },
        "original": _original(origin, limit),
        "failed_at": dt.datetime.now(dt.UTC).isoformat(timespec="milliseconds"),
        "worker_version": __version__,
    }


def _original(origin: Origin, limit: int | None) -> Event:
    """The original as the record carries it: whole when it fits in `limit` bytes beside the
    record's other fields, else cut (`truncated`); base64 takes 4/3 of what it encodes."""
    value, key, headers = origin.value or b"", origin.key, list(origin.headers)
    whole: Event = {
        "key_b64": _b64(key),
        "value_b64": _b64(value),
        "headers": [{"key": k, "value_b64": _b64(v)} for k, v in headers],
    }
    if limit is None or len(orjson.dumps(whole)) + RECORD_BYTES <= limit:
        return whole
    if len(orjson.dumps(whole["headers"])) > HEADER_BYTES:
        headers = []
    key = key[:KEY_BYTES] if key is not None else None
    room = max(0, (limit - RECORD_BYTES - HEADER_BYTES * 2 - KEY_BYTES * 2) * 3 // 4)
    return {
        "key_b64": _b64(key),
        "value_b64": _b64(value[: min(HEAD_BYTES, room)]),
        "headers": [{"key": k, "value_b64": _b64(v)} for k, v in headers],
        "truncated": True,
        "size": len(value),
        "sha256": hashlib.sha256(value).hexdigest(),
    }


class TruncatedOriginalError(ValueError):
    """The dead letter holds only the head of its original, which is still in its source."""


def original_message(dead: Event) -> tuple[bytes | None, bytes, list[tuple[str, bytes]]]:
    """The key, value and headers of the message a dead letter holds, to replay it as it was;
    `TruncatedOriginalError` saying where the original is when the record holds only its head."""
    original: dict[str, Any] = dead["original"]
    if original.get("truncated"):
        source = dead["source"]
        raise TruncatedOriginalError(
            f"{dead['id']}: the original was too large to keep ({original['size']} bytes, "
            f"sha256 {original['sha256']}); it is in {source['topic']} partition "
            f"{source['partition']} at offset {source['offset']}"
        )
    key = base64.b64decode(original["key_b64"]) if original["key_b64"] else None
    value = base64.b64decode(original["value_b64"])
    headers = [
        (h["key"], base64.b64decode(h["value_b64"]) if h["value_b64"] else b"")
        for h in original["headers"]
    ]
    return key, value, headers
