"""The document the cleanup steps share: the raw article, its lines of text, and what the steps
have found so far."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from workers.contract.events import trimmed

Record = dict[str, Any]


@dataclass
class Line:
    """One line of the article; `no` is its 1-based line in the input, for `cleanup.removed`."""

    text: str
    no: int


@dataclass
class Draft:
    """Working state of one article inside the cleanup stage (never shared between articles).

    `text` and `html` are the article as the scraper gave them; `text` becomes `lines`, which
    the line steps then narrow down."""

    text: str = ""
    html: str | None = None
    url: str | None = None
    language: str | None = None
    title: str | None = None
    lines: list[Line] = field(default_factory=list)
    page: Record = field(default_factory=dict)  # metadata read from the HTML page
    page_related: list[Record] = field(default_factory=list)  # read-also links of the page
    removed: list[Record] = field(default_factory=list)
    repaired: list[Record] = field(default_factory=list)
    embeds: list[Record] = field(default_factory=list)
    related: list[Record] = field(default_factory=list)
    dateline: str | None = None

    @classmethod
    def of(cls, raw: Record) -> Draft:
        """The draft of a raw article event."""
        return cls(
            text=raw.get("text") or "",
            html=raw.get("html") or None,
            url=raw.get("url"),
            language=raw.get("language"),
            title=raw.get("title"),
        )

    @classmethod
    def of_lines(cls, *texts: str, **fields: Any) -> Draft:
        """A draft already split into lines (numbered from 1): how tests build one."""
        lines = [Line(text, no) for no, text in enumerate(texts, start=1)]
        return cls(lines=lines, **fields)

    def note_removed(self, kind: str, text: str, line: int | None) -> None:
        self.removed.append({"kind": kind, "text": trimmed(text), "line": line})

    def note_repaired(self, kind: str, text: str, line: int | None) -> None:
        self.repaired.append({"kind": kind, "text": trimmed(text), "line": line})


def keep_lines(draft: Draft, kind: str, drop: Callable[[Line], bool]) -> None:
    """Drop every line for which `drop` is true, recording each under `kind`."""
    kept = []
    for line in draft.lines:
        if drop(line):
            draft.note_removed(kind, line.text, line.no)
        else:
            kept.append(line)
    draft.lines = kept
