"""Whole-line boilerplate: calls to action, advertisements, credits and separator lines."""

from __future__ import annotations

import re
from functools import cache, partial

from workers.stages.cleanup.draft import Draft, Line, keep_lines
from workers.stages.cleanup.rules import Pattern, compile_any, load

_SEPARATOR_CHARS = "-–—_=*~•·.#+|/\\<> "
_TRAILING_SEPARATOR = re.compile(r"(?<=\S)\s*[-–—_=*~]{3,}\s*$")
KINDS = ("call_to_action", "advertisement", "credit")
_MAX_BOILERPLATE = 300  # characters: a longer line is an article paragraph whatever it says


@cache
def _line_rules() -> dict[str, Pattern]:
    rules = load("noise")
    return {kind: compile_any(rules[kind]["patterns"], whole=True) for kind in KINDS}


@cache
def _trailing_credit() -> Pattern:
    return compile_any(load("noise")["credit"]["trailing"])


def _is_whole_line(rule: Pattern, line: Line) -> bool:
    return len(line.text) < _MAX_BOILERPLATE and bool(rule.match(line.text))


def drop_separators(draft: Draft) -> Draft:
    """Lines of only dashes, stars, dots…; and such a run glued to the end of a line."""
    for line in draft.lines:
        match = line.text[-1] in _SEPARATOR_CHARS and _TRAILING_SEPARATOR.search(line.text)
        if match:
            draft.note_removed("separator", match.group(0), line.no)
            line.text = line.text[: match.start()].rstrip()
    return keep_lines(draft, "separator", _is_separator_line)


def _is_separator_line(line: Line) -> bool:
    return not line.text.strip(_SEPARATOR_CHARS)


def drop_boilerplate(draft: Draft) -> Draft:
    """Lines that are entirely a call to action, an advertisement label or a credit."""
    for kind, rule in _line_rules().items():
        draft = keep_lines(draft, kind, partial(_is_whole_line, rule))
    trailing = _trailing_credit()
    for line in draft.lines:
        if not line.text.endswith((")", "]")):
            continue
        match = trailing.search(line.text)
        if match and match.start() > 0:
            draft.note_removed("credit", match.group(0), line.no)
            line.text = line.text[: match.start()].rstrip()
    return draft
