"""What an inspect page shows of one article, as plain data, and where its marks go: each
removal placed on its input line (the removed part when it is found there, else the whole
line), and entities and dates on the cleaned paragraphs by their body offsets.

The events record removals by text and line, not by offset: a later step may see a line
already changed by an earlier one (markup stripped, a glued line split), so a removal not
found verbatim in its line marks that line as a whole rather than a guess inside it.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from workers.contract.events import TRIMMED

Record = Mapping[str, Any]


@dataclass(frozen=True)
class Problem:
    """Why an article has no enriched event: the stage that refused it (None when the input
    could not be read at all), the dead letter's reason, and its error."""

    stage: str | None
    reason: str
    message: str


@dataclass(frozen=True)
class Inspected:
    """One input as the page shows it: its numbered input lines (the text the cleanup's line
    steps read: the scraped text, or the text read from the page), what the cleanup removed and
    repaired, and the enriched event or the problem (then the raw event, if it had no text)."""

    origin: str
    article_id: str | None
    lines: Sequence[tuple[int, str]] = ()
    from_page: bool = False
    removed: Sequence[Record] = ()
    repaired: Sequence[Record] = ()
    page: Record = field(default_factory=dict)
    enriched: Record | None = None
    problem: Problem | None = None
    language: str | None = None
    raw_json: str = ""  # the raw event, shown when it has no text to show (a schema failure)

    @property
    def heading(self) -> str:
        """The article's title when one is known, else where it came from."""
        title = (self.enriched or {}).get("title")
        return str(title) if title else self.origin


@dataclass(frozen=True)
class Mark:
    """A span of a text to highlight: [start, end) as `kind`, with `note` for its tooltip."""

    start: int
    end: int
    kind: str
    note: str = ""


@dataclass
class LineView:
    """One input line: its removed parts (`marks`), the removal kinds that cover it as a whole,
    and the repairs made to it."""

    no: int
    text: str
    marks: list[Mark] = field(default_factory=list)
    whole: list[str] = field(default_factory=list)
    repairs: list[str] = field(default_factory=list)

    @property
    def kinds(self) -> list[str]:
        """Every removal kind on the line, once each, in the order found."""
        return list(dict.fromkeys([*self.whole, *(mark.kind for mark in self.marks)]))


def line_views(
    lines: Iterable[tuple[int, str]], removed: Iterable[Record], repaired: Iterable[Record]
) -> tuple[list[LineView], list[Record]]:
    """The lines with their removals and repairs placed, and the removals that belong to no
    shown line (pieces read from a page's markup have no line)."""
    views = [LineView(no, text) for no, text in lines]
    by_no = {view.no: view for view in views}
    unplaced: list[Record] = []
    for record in removed:
        view = by_no.get(record.get("line") or 0)
        if view is None:
            unplaced.append(record)
            continue
        kind = str(record.get("kind") or "")
        span = place(view.text, str(record.get("text") or ""), view.marks)
        if span is None:
            view.whole.append(kind)
        else:
            view.marks.append(Mark(*span, kind, f"removed: {kind}"))
    for record in repaired:
        view = by_no.get(record.get("line") or 0)
        if view is not None:
            view.repairs.append(str(record.get("kind") or ""))
    for view in views:
        view.marks.sort(key=lambda mark: mark.start)
    return views, unplaced


def place(text: str, piece: str, taken: Sequence[Mark]) -> tuple[int, int] | None:
    """Where `piece` is in `text`, clear of the spans already `taken`: the first such place,
    the head of a trimmed piece standing for it; None if it is nowhere free."""
    candidates = [piece.strip()]
    if candidates[0].endswith(TRIMMED):
        candidates.append(candidates[0].removesuffix(TRIMMED).rstrip())
    for wanted in candidates:
        start = text.find(wanted) if wanted else -1
        while start != -1:
            end = start + len(wanted)
            if not any(mark.start < end and start < mark.end for mark in taken):
                return start, end
            start = text.find(wanted, start + 1)
    return None


def paragraph_marks(enriched: Record) -> list[tuple[str, list[Mark]]]:
    """Each cleaned paragraph with its entity and date marks, moved from body offsets (the
    paragraphs joined by blank lines) to the paragraph's own; overlapping marks keep the
    longer, earlier one."""
    paragraphs = [str(p) for p in enriched.get("paragraphs") or []]
    body = str(enriched.get("body") or "\n\n".join(paragraphs))
    marks = _without_overlaps(_body_marks(enriched, len(body)))
    shown: list[tuple[str, list[Mark]]] = []
    offset = 0
    for paragraph in paragraphs:
        found = body.find(paragraph, offset)
        start = found if found != -1 else offset
        end = start + len(paragraph)
        inside = [
            Mark(m.start - start, m.end - start, m.kind, m.note)
            for m in marks
            if start <= m.start and m.end <= end
        ]
        shown.append((paragraph, inside))
        offset = end
    return shown


def _body_marks(enriched: Record, size: int) -> list[Mark]:
    """Entity spans (`entities[].spans`) and body dates (`dates[].start`/`end`) as marks."""
    marks: list[Mark] = []
    for entity in enriched.get("entities") or []:
        kind, name = str(entity.get("type")), str(entity.get("name"))
        for span in entity.get("spans") or []:
            marks.append(Mark(int(span[0]), int(span[1]), kind, f"{kind}: {name}"))
    for date in enriched.get("dates") or []:
        start, end = date.get("start"), date.get("end")
        if isinstance(start, int) and isinstance(end, int):
            marks.append(Mark(start, end, "date", f"date: {date.get('date')}"))
    return [m for m in marks if 0 <= m.start < m.end <= size]


def _without_overlaps(marks: Iterable[Mark]) -> list[Mark]:
    kept: list[Mark] = []
    for mark in sorted(marks, key=lambda m: (m.start, m.start - m.end)):
        if not kept or mark.start >= kept[-1].end:
            kept.append(mark)
    return kept


def pieces(text: str, marks: Sequence[Mark]) -> list[tuple[str, Mark | None]]:
    """`text` cut at its marks (sorted, not overlapping): each piece with its mark, or None."""
    cut: list[tuple[str, Mark | None]] = []
    at = 0
    for mark in marks:
        if mark.start < at:  # overlapping: shown unmarked rather than twice
            continue
        if mark.start > at:
            cut.append((text[at : mark.start], None))
        cut.append((text[mark.start : mark.end], mark))
        at = mark.end
    if at < len(text):
        cut.append((text[at:], None))
    return cut
