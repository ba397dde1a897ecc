"""Helpers for the cleanup step tests: a draft of lines, and its lines' texts."""

from __future__ import annotations

from workers.stages.cleanup.draft import Draft


def draft(*lines: str, **fields: object) -> Draft:
    return Draft.of_lines(*lines, **fields)


def texts(d: Draft) -> list[str]:
    return [line.text for line in d.lines]
