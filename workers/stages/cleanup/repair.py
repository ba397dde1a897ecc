"""Repairs of text a scraper glued: sentences without their space, lines without a break."""

from __future__ import annotations

import regex

from workers.stages.cleanup.draft import Draft, Line
from workers.stages.text.scripts import INDIC_WORD

# "@imtiaz_jaleelनिजी": a handle (ASCII by definition) run straight into a word of another script.
_GLUED_HANDLE = regex.compile(r"(?<=(?<![\w@])@[A-Za-z0-9_]{1,30})(?=[^\x00-\x7f\s\p{P}\p{S}])")

# A sentence end run into the next word. "।" always ends a sentence. "?" and "!" end one before a
# letter. "." does only between two Indic letters, or a lower-case and an upper-case Latin letter
# ("said.The"), so "e.g.", "U.S.", "3.5" and "example.com" stay as they are.
_GLUED = regex.compile(
    r"(?<=[\p{L}\p{M}\p{N}\"”’)\]])(?:"
    r"(?P<danda>[।॥])(?=[\p{L}“‘(])"
    r"|(?P<mark>[?!])(?=[\p{L}“‘])"
    rf"|(?<=[[{INDIC_WORD}]&&[\p{{L}}\p{{M}}]]{{2}})(?P<indic>\.)(?=[[{INDIC_WORD}]&&\p{{L}}])"
    r"|(?<=\p{Ll}{2})(?P<latin>\.)(?=\p{Lu}\p{Ll})"
    r")",
    regex.V1,
)
# "एम.एम.", "செ.மீ.": a short piece ending in a dot right after the dot is an abbreviation chain.
_ABBREVIATION_NEXT = regex.compile(r"[\p{L}\p{M}]{1,3}\.")
_URLISH = regex.compile(r"\S*(?:://|www\.|@)\S*")


_JOIN_LINES = 3  # a parenthesis closes within this many lines, or the lines stay apart
_JOIN_WORDS = 60  # nor are lines joined into more words than this


def join_broken_lines(draft: Draft) -> None:
    """Join a parenthesis the scraper broke over lines ("(Install our app," / "and follow us on
    Facebook" / "and Twitter)"): one sentence, judged whole by the steps after this one."""
    lines, i = draft.lines, 0
    joined: list[Line] = []
    while i < len(lines):
        end = _closing_line(lines, i) if "(" in lines[i].text else i
        if end == i:
            joined.append(lines[i])
        else:
            text = " ".join(line.text for line in lines[i : end + 1])
            draft.note_repaired("broken_line", text, lines[i].no)
            joined.append(Line(text, lines[i].no))
        i = end + 1
    draft.lines = joined


def _closing_line(lines: list[Line], start: int) -> int:
    """The index of the line that closes a parenthesis `start` leaves open (else `start`)."""
    depth = lines[start].text.count("(") - lines[start].text.count(")")
    count = len(lines[start].text.split())
    for end in range(start + 1, min(start + _JOIN_LINES, len(lines))):
        if depth <= 0:
            break
        depth += lines[end].text.count("(") - lines[end].text.count(")")
        count += len(lines[end].text.split())
        if depth <= 0 and count <= _JOIN_WORDS:
            return end
    return start


def split_glued_handles(draft: Draft) -> None:
    """Break a line where a trailing @handle runs into the next text (two lines glued)."""
    lines: list[Line] = []
    for line in draft.lines:
        if "@" not in line.text:
            lines.append(line)
            continue
        parts = _GLUED_HANDLE.split(line.text)
        if len(parts) > 1:
            draft.note_repaired("glued_line", line.text, line.no)
        lines.extend(Line(part.strip(), line.no) for part in parts if part.strip())
    draft.lines = lines


def repair_glued_sentences(draft: Draft) -> None:
    """Restore the space after a sentence end that runs straight into the next sentence."""
    for line in draft.lines:
        if not _GLUED.search(line.text):
            continue
        protected = [(m.start(), m.end()) for m in _URLISH.finditer(line.text)]

        def space(
            match: regex.Match[str],
            text: str = line.text,
            protected: list[tuple[int, int]] = protected,
        ) -> str:
            if any(start <= match.start() < end for start, end in protected):
                return match.group(0)
            if match.group("indic") and _ABBREVIATION_NEXT.match(text, match.end()):
                return match.group(0)
            return match.group(0) + " "

        repaired = _GLUED.sub(space, line.text)
        if repaired != line.text:
            draft.note_repaired("glued_sentence", line.text, line.no)
            line.text = repaired
