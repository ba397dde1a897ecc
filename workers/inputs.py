"""Inputs for `khabar produce` and `khabar process`: files, folders or stdin as raw events."""

from __future__ import annotations

import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import TextIO

import orjson

from workers.contract.events import Event, schema_tag
from workers.contract.ids import article_id

TEXT_SUFFIXES = {".txt": "text", ".text": "text", ".html": "html", ".htm": "html"}
JSON_SUFFIXES = {".json", ".jsonl", ".ndjson"}


@dataclass(frozen=True)
class Item:
    """One input: where it came from and the raw event, or why it could not be read."""

    origin: str
    event: Event | None
    error: str | None = None


def read_inputs(paths: list[str], stdin: TextIO | None = None) -> Iterator[Item]:
    """Every input named by `paths` ("-" is stdin), folders walked in name order."""
    for name in paths:
        if name == "-":
            yield from _from_stdin(stdin or sys.stdin)
            continue
        path = Path(name)
        if path.is_dir():
            files = sorted(p for p in path.rglob("*") if p.is_file() and _readable(p))
            for file in files:
                yield from _from_file(file)
        elif path.is_file():
            yield from _from_file(path)
        else:
            yield Item(name, None, "no such file or folder")


def _readable(path: Path) -> bool:
    return path.suffix.lower() in TEXT_SUFFIXES or path.suffix.lower() in JSON_SUFFIXES


def _from_file(path: Path) -> Iterator[Item]:
    suffix = path.suffix.lower()
    try:
        content = path.read_text("utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        yield Item(str(path), None, f"cannot read: {exc}")
        return
    if suffix in TEXT_SUFFIXES:
        yield Item(str(path), wrap({TEXT_SUFFIXES[suffix]: content, "meta": {"file": path.name}}))
    elif suffix == ".json":
        yield from _json_document(str(path), content)
    else:
        yield from _json_lines(str(path), content)


def _from_stdin(stream: TextIO) -> Iterator[Item]:
    content = stream.read()
    if content.lstrip().startswith(("{", "[")):
        try:
            yield from _json_document("<stdin>", content)
        except _NotOneDocument:
            yield from _json_lines("<stdin>", content)
    elif content.strip():
        yield Item("<stdin>", wrap({"text": content}))


class _NotOneDocument(ValueError):
    pass


def _json_document(origin: str, content: str) -> Iterator[Item]:
    try:
        data = orjson.loads(content)
    except orjson.JSONDecodeError as exc:
        if origin == "<stdin>":
            raise _NotOneDocument from exc
        yield Item(origin, None, f"not valid JSON: {exc}")
        return
    documents = data if isinstance(data, list) else [data]
    for index, document in enumerate(documents):
        where = origin if len(documents) == 1 else f"{origin}[{index}]"
        yield _as_item(where, document)


def _json_lines(origin: str, content: str) -> Iterator[Item]:
    # Lines end at "\n" only: JSON strings may hold U+2028 and other breaks `splitlines` knows.
    for number, line in enumerate(content.split("\n"), start=1):
        if not line.strip():
            continue
        try:
            document = orjson.loads(line)
        except orjson.JSONDecodeError as exc:
            yield Item(f"{origin}:{number}", None, f"not valid JSON: {exc}")
            continue
        yield _as_item(f"{origin}:{number}", document)


def _as_item(origin: str, document: object) -> Item:
    if not isinstance(document, dict):
        return Item(origin, None, f"expected a JSON object, got {type(document).__name__}")
    return Item(origin, wrap(document))


def wrap(document: Event) -> Event:
    """A raw event: the producer's fields, the schema tag, and an id (given, URL or content)."""
    event = {**document, "schema": schema_tag("article.raw")}
    if event.get("text") or event.get("html"):
        event["id"] = article_id(event)
    return event
