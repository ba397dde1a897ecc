"""The event contract in code: schema loading, compiled validation, orjson coding, ids and keys.

The JSON Schemas in `schemas/` are the contract; this module compiles each one once (fastjsonschema
generates Python code, roughly a hundred times faster than interpreting the schema) and validates
every event at each stage boundary.
"""

from __future__ import annotations

import hashlib
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any, Literal
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

import fastjsonschema
import orjson

Event = dict[str, Any]
SchemaName = Literal[
    "article.raw", "article.cleaned", "article.enriched", "deadletter", "fingerprint"
]
SCHEMA_VERSION = 1
SCHEMA_NAMES: tuple[SchemaName, ...] = (
    "article.raw",
    "article.cleaned",
    "article.enriched",
    "deadletter",
    "fingerprint",
)

# Query parameters that track a click, not an article: dropped from the canonical URL.
_TRACKING_PARAMS = ("utm_", "fbclid", "gclid", "ref", "ref_src", "cmpid", "ito", "amp")


class DecodeError(ValueError):
    """The message value is not a JSON object."""


class SchemaError(ValueError):
    """The event does not satisfy its JSON Schema."""


def schemas_dir() -> Path:
    """`schemas/` ships inside the wheel as workers/schemas; a source checkout has it at the top."""
    packaged = Path(str(resources.files("workers"))) / "schemas"
    return packaged if packaged.is_dir() else Path(__file__).resolve().parents[1] / "schemas"


@cache
def load_schema(name: SchemaName) -> dict[str, Any]:
    path = schemas_dir() / f"{name}.v{SCHEMA_VERSION}.json"
    schema: dict[str, Any] = orjson.loads(path.read_bytes())
    return schema


@cache
def _validator(name: SchemaName) -> Any:
    return fastjsonschema.compile(load_schema(name))


def validate(name: SchemaName, event: Event) -> Event:
    """Return the event if it satisfies schema `name`; raise SchemaError saying where it fails."""
    try:
        _validator(name)(event)
    except fastjsonschema.JsonSchemaValueException as exc:
        raise SchemaError(f"{name} v{SCHEMA_VERSION}: {exc.message}") from None
    return event


def schema_tag(name: SchemaName) -> dict[str, Any]:
    return {"name": name, "version": SCHEMA_VERSION}


def decode(value: bytes | None) -> Event:
    """Parse a message value into a JSON object, or raise DecodeError saying why not."""
    if value is None:
        raise DecodeError("message has no value (tombstone)")
    try:
        event = orjson.loads(value)
    except orjson.JSONDecodeError as exc:
        raise DecodeError(f"not valid JSON: {exc}") from None
    if not isinstance(event, dict):
        raise DecodeError(f"expected a JSON object, got {type(event).__name__}")
    return event


def encode(event: Event) -> bytes:
    return orjson.dumps(event)


def canonical_url(url: str) -> str:
    """The URL that names the article: lower-case host, no fragment, no tracking parameters."""
    parts = urlsplit(url.strip())
    host = parts.netloc.lower().removeprefix("www.")
    query = [
        (k, v)
        for k, v in parse_qsl(parts.query, keep_blank_values=True)
        if not k.lower().startswith(_TRACKING_PARAMS)
    ]
    path = parts.path.rstrip("/") or "/"
    return urlunsplit((parts.scheme.lower() or "https", host, path, urlencode(sorted(query)), ""))


def stable_hash(content: str | bytes) -> str:
    """A short, stable hex digest (64 bits of BLAKE2b): ids and keys, not security."""
    data = content.encode("utf-8") if isinstance(content, str) else content
    return hashlib.blake2b(data, digest_size=8).hexdigest()


def article_id(raw: Event) -> str:
    """The producer's id, else a hash of the canonical URL, else of the content."""
    given = raw.get("id")
    if isinstance(given, str) and given.strip():
        return given.strip()
    url = raw.get("url")
    if isinstance(url, str) and url.strip():
        return stable_hash(canonical_url(url))
    content = raw.get("text") or raw.get("html") or ""
    return stable_hash(str(content))


def message_key(article: str) -> bytes:
    return article.encode("utf-8")
