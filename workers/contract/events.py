"""Events in code: schema loading, compiled validation, schema tags and orjson coding.

The JSON Schemas in `schemas/` are the contract; this module compiles each one once
(jsonschema-rs, in Rust: about ten times faster than fastjsonschema's generated Python on an
enriched event) and validates every event at each stage boundary.
"""

from __future__ import annotations

from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any, Literal

import jsonschema_rs
import orjson

Event = dict[str, Any]
SchemaName = Literal[
    "article.raw", "article.cleaned", "article.enriched", "deadletter", "fingerprint"
]
SCHEMA_VERSION = 1
# What the cleanup removed or repaired is kept for the operator up to this many characters, a
# longer text cut to its head and the mark.
RECORDED_CHARS = 200
TRIMMED = "…"
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
    return jsonschema_rs.validator_for(load_schema(name))


def validate(name: SchemaName, event: Event) -> Event:
    """Return the event if it satisfies schema `name`; raise SchemaError saying where it fails."""
    validator = _validator(name)
    if not validator.is_valid(event):
        error = next(iter(validator.iter_errors(event)))
        raise SchemaError(f"{name} v{SCHEMA_VERSION}: {_plain(load_schema(name), error)}")
    return event


def _plain(schema: dict[str, Any], error: jsonschema_rs.ValidationError) -> str:
    """The first failure in the event's terms: the field by its path (`meta.tags[2]`), what it
    must be, and "needs `text` or `html`" for a choice of required fields. Never the value
    itself: it may be a 50 KB body."""
    field = "".join(
        f"[{step}]" if isinstance(step, int) else f".{step}" for step in error.instance_path
    ).lstrip(".")
    subject = f"`{field}`" if field else "the event"
    kind, facts = error.kind.name, error.kind.as_dict()
    choices = _required_choices(schema, error.schema_path) if kind == "anyOf" else []
    if choices:
        names = " or ".join(f"`{choice}`" for choice in choices)
        return f"{subject} needs {names} (a non-empty string)"
    phrases = {
        "type": lambda: "must be " + " or ".join(facts.get("types", [])),
        "required": lambda: f"needs `{facts.get('property')}`",
        "additionalProperties": lambda: f"has unknown fields {facts.get('unexpected')}",
        "const": lambda: f"must be {orjson.dumps(facts.get('expected_value')).decode()}",
        "enum": lambda: f"must be one of {orjson.dumps(facts.get('options')).decode()}",
        "minLength": lambda: f"must be at least {facts.get('limit')} characters",
        "maxLength": lambda: f"must be at most {facts.get('limit')} characters",
        "minItems": lambda: f"must have at least {facts.get('limit')} items",
        "maxItems": lambda: f"must have at most {facts.get('limit')} items",
        "minimum": lambda: f"must be at least {facts.get('limit')}",
        "maximum": lambda: f"must be at most {facts.get('limit')}",
        "pattern": lambda: f"must match {facts.get('pattern')}",
    }
    phrase = phrases.get(kind)
    return f"{subject} {phrase() if phrase else f'fails `{kind}`'}"


def _required_choices(schema: dict[str, Any], schema_path: list[str | int]) -> list[str]:
    """The field names of an `anyOf` whose every choice is a `required` list (raw events need
    `text` or `html`), found in the schema at the failing keyword's path; else []."""
    node: Any = schema
    for step in schema_path:
        node = node[step]
    if not isinstance(node, list) or not all("required" in choice for choice in node):
        return []
    return [field for choice in node for field in choice["required"]]


def trimmed(text: str) -> str:
    """A removed or repaired text as the cleaned event records it: stripped, at most
    RECORDED_CHARS characters."""
    text = text.strip()
    return text if len(text) <= RECORDED_CHARS else text[: RECORDED_CHARS - 1] + TRIMMED


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
