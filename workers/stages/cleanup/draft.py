"""The document a cleanup step receives and returns: lines of text plus what was found so far."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

TRIM = 200  # removed text is kept for the operator, up to this many characters


@dataclass
class Line:
    """One line of the article; `no` is its 1-based line in the input, for `cleanup.removed`."""

    text: str
    no: int


@dataclass
class Draft:
    """Working state of one article inside the cleanup stage (never shared between articles)."""

    lines: list[Line]
    language: str | None = None
    title: str | None = None
    removed: list[dict[str, Any]] = field(default_factory=list)
    repaired: list[dict[str, Any]] = field(default_factory=list)
    embeds: list[dict[str, Any]] = field(default_factory=list)
    related: list[dict[str, Any]] = field(default_factory=list)
    dateline: str | None = None

    def note_removed(self, kind: str, text: str, line: int | None) -> None:
        self.removed.append({"kind": kind, "text": _trim(text), "line": line})

    def note_repaired(self, kind: str, text: str, line: int | None) -> None:
        self.repaired.append({"kind": kind, "text": _trim(text), "line": line})


Step = Callable[[Draft], Draft]


def _trim(text: str) -> str:
    text = text.strip()
    return text if len(text) <= TRIM else text[: TRIM - 1] + "…"


def keep_lines(draft: Draft, kind: str, drop: Callable[[Line], bool]) -> Draft:
    """Drop every line for which `drop` is true, recording each under `kind`."""
    kept = []
    for line in draft.lines:
        if drop(line):
            draft.note_removed(kind, line.text, line.no)
        else:
            kept.append(line)
    draft.lines = kept
    return draft
