"""The article's text made canonical for display and split into the lines the line steps work
on (each keeps its line number in the input); the title made canonical the same way."""

from __future__ import annotations

from workers.stages.cleanup.draft import Draft, Line
from workers.stages.text.normalize import normalize_text, squash_spaces


def split_lines(draft: Draft) -> None:
    """Normalise the text and the title (the given one, else the page's); split the text into
    non-blank lines."""
    title = draft.title or draft.page.get("title") or ""
    draft.title = squash_spaces(normalize_text(title)) or None
    draft.lines = [
        Line(stripped, no)
        for no, line in enumerate(normalize_text(draft.text).split("\n"), start=1)
        if (stripped := line.strip())
    ]
