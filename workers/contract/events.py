"""Events in code: schema loading, compiled validation, schema tags and orjson coding.

The JSON Schemas in `schemas/` are the contract; this module compiles each one once (fastjsonschema
generates Python code, roughly a hundred times faster than interpreting the schema) and validates
every event at each stage boundary.
"""

from __future__ import annotations

from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any, Literal

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


class DecodeError(ValueError):
    """The message value is not a JSON object."""


class SchemaError(ValueError):
    """The event does not satisfy its JSON Schema."""


class NotAnArticleError(ValueError):
    """A well-formed event that holds no article (a page of navigation only, a body of a few
    words): dead-lettered with reason `empty`, not as a stage failure."""


def schemas_dir() -> Path:
    """`schemas/` ships inside the wheel as workers/schemas; a source checkout has it at the top."""
    packaged = Path(str(resources.files("workers"))) / "schemas"
    return packaged if packaged.is_dir() else Path(__file__).resolve().parents[2] / "schemas"


@cache
def load_schema(name: SchemaName) -> dict[str, Any]:
    """A schema, read once (the schemas are the contract: fixed while the process runs)."""
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
        raise SchemaError(f"{name} v{SCHEMA_VERSION}: {_plain(exc)}") from None
    return event


def _plain(exc: fastjsonschema.JsonSchemaValueException) -> str:
    """The validator's message in the event's terms: fields by their path (`meta.tags[2]`, not
    `data.meta.tags[2]`), and "needs `text` or `html`" for a choice of required fields."""
    field = str(exc.name or "data").removeprefix("data").lstrip(".")
    subject = f"`{field}`" if field else "the event"
    choices = exc.rule_definition if exc.rule == "anyOf" else None
    if isinstance(choices, list) and all("required" in choice for choice in choices):
        names = [f"`{name}`" for choice in choices for name in choice["required"]]
        return f"{subject} needs {' or '.join(names)} (a non-empty string)"
    return str(exc.message).replace(str(exc.name), subject, 1)


def schema_tag(name: SchemaName) -> dict[str, Any]:
    """The `schema` field of an event of schema `name`."""
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
