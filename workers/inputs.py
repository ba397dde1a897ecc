"""Inputs for `khabar produce` and `khabar process`: files, folders or stdin as raw events."""

from __future__ import annotations

import codecs
import itertools
import sys
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

import orjson

from workers.charsets import decode
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


def read_inputs(paths: list[str], stdin: BinaryIO | None = None) -> Iterator[Item]:
    """Every input named by `paths` ("-" is stdin), folders walked in name order. JSON lines are
    read one line at a time, so a file or stream of any length takes constant memory."""
    for name in paths:
        if name == "-":
            yield from _from_stdin(stdin or sys.stdin.buffer)
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
        if suffix not in TEXT_SUFFIXES and suffix != ".json":  # JSON lines
            with path.open("rb") as lines:
                yield from _json_lines(str(path), lines)
            return
        data = path.read_bytes()
    except OSError as exc:
        yield Item(str(path), None, f"cannot read: {exc.strerror}")
        return
    if suffix in TEXT_SUFFIXES:
        kind = TEXT_SUFFIXES[suffix]
        content = decode(data, html=kind == "html")
        yield Item(str(path), wrap({kind: content, "meta": {"file": path.name}}))
    else:
        yield from _json_document(str(path), data)


def _from_stdin(stream: BinaryIO) -> Iterator[Item]:
    """JSON lines when the first line is a JSON value by itself (read as they come); else one
    JSON document over several lines, or one plain-text article (read whole)."""
    first = stream.readline()
    while first and not first.strip():
        first = stream.readline()
    head = first.removeprefix(codecs.BOM_UTF8).lstrip()
    if head.startswith((b"{", b"[")):
        try:
            _parse(first)
        except _NotJson:  # one document over several lines, or lines whose first is bad
            yield from _document_or_lines(first + stream.read())
        else:
            yield from _json_lines("<stdin>", itertools.chain([first], stream))
    elif first.strip():
        yield Item("<stdin>", wrap({"text": decode(first + stream.read())}))


class _NotJson(ValueError):
    pass


def _parse(data: bytes) -> object:
    """A JSON value from bytes in UTF-8 or, failing that, in the encoding they appear to be in;
    `_NotJson` with the parser's message if they are not JSON."""
    data = data.removeprefix(codecs.BOM_UTF8)
    try:
        return orjson.loads(data)
    except orjson.JSONDecodeError as exc:
        if _is_utf8(data):
            raise _NotJson(f"not valid JSON: {exc}") from None
    try:
        return orjson.loads(decode(data))
    except orjson.JSONDecodeError as exc:
        raise _NotJson(f"not valid JSON: {exc}") from None


def _is_utf8(data: bytes) -> bool:
    try:
        data.decode("utf-8")
    except UnicodeDecodeError:
        return False
    return True


def _document_or_lines(data: bytes) -> Iterator[Item]:
    try:
        document = _parse(data)
    except _NotJson:
        yield from _json_lines("<stdin>", data.splitlines(keepends=True))
        return
    yield from _documents("<stdin>", document)


def _json_document(origin: str, data: bytes) -> Iterator[Item]:
    try:
        document = _parse(data)
    except _NotJson as exc:
        yield Item(origin, None, str(exc))
        return
    yield from _documents(origin, document)


def _json_lines(origin: str, lines: Iterable[bytes]) -> Iterator[Item]:
    # Lines end at "\n" only: JSON strings may hold U+2028 and other breaks `splitlines` knows.
    for number, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        try:
            document = _parse(line)
        except _NotJson as exc:
            yield Item(f"{origin}:{number}", None, str(exc))
            continue
        yield from _documents(f"{origin}:{number}", document)


def _documents(origin: str, document: object) -> Iterator[Item]:
    """The items of one JSON value: an object, or each object of a list."""
    if not isinstance(document, list):
        yield _as_item(origin, document)
        return
    for index, element in enumerate(document):
        yield _as_item(origin if len(document) == 1 else f"{origin}[{index}]", element)


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
