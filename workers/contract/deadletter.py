"""Dead-letter records: everything needed to see why a message failed and to replay it."""

from __future__ import annotations

import base64
import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

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


def record(
    *, stage: str, reason: str, error: BaseException, article_id: str | None, origin: Origin
) -> Event:
    """The dead-letter event for one failed message; the original bytes travel base64-encoded."""
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
        "original": {
            "key_b64": _b64(origin.key),
            "value_b64": _b64(original),
            "headers": [{"key": k, "value_b64": _b64(v)} for k, v in origin.headers],
        },
        "failed_at": dt.datetime.now(dt.UTC).isoformat(timespec="milliseconds"),
        "worker_version": __version__,
    }


def original_message(dead: Event) -> tuple[bytes | None, bytes, list[tuple[str, bytes]]]:
    """The key, value and headers of the message a dead letter holds, to replay it as it was."""
    original: dict[str, Any] = dead["original"]
    key = base64.b64decode(original["key_b64"]) if original["key_b64"] else None
    value = base64.b64decode(original["value_b64"])
    headers = [
        (h["key"], base64.b64decode(h["value_b64"]) if h["value_b64"] else b"")
        for h in original["headers"]
    ]
    return key, value, headers
