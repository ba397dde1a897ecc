"""Whole-line boilerplate: calls to action, advertisements, credits and separator lines."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache, partial

from workers.stages.cleanup.draft import Draft, Line, keep_lines
from workers.stages.cleanup.rules import Pattern, compile_any, load

_SEPARATOR_CHARS = "-–—_=*~•·.#+|/\\<> "
_RUN_CHARS = "-–—_=*~"  # a separator run glued to a line's end is made of these
_TRAILING_SEPARATOR = re.compile(r"(?<=\S)\s*[-–—_=*~]{3,}\s*$")
KINDS = ("call_to_action", "advertisement", "credit")
_INDIC_OR_URDU = re.compile("[\u0600-\u06ff\u0900-\u0dff]")
_MAX_BOILERPLATE = 300  # characters: a longer line is an article paragraph whatever it says


@dataclass(frozen=True)
class LineRule:
    """One kind of boilerplate line: whole-line patterns, and phrases that mark a short line."""

    whole: Pattern
    contains: Pattern | None
    max_chars: int

    def matches(self, text: str) -> bool:
        if len(text) >= _MAX_BOILERPLATE:
            return False
        if self.whole.match(text):
            return True
        # The `contains` phrases are written in Indian scripts and Urdu: a line without such
        # characters cannot hold one (and unanchored searches are the costly part here).
        return (
            self.contains is not None
            and len(text) <= self.max_chars
            and _INDIC_OR_URDU.search(text) is not None
            and self.contains.search(text) is not None
        )


@cache
def _line_rules() -> dict[str, LineRule]:
    rules = load("noise")
    return {
        kind: LineRule(
            compile_any(rules[kind]["patterns"], whole=True),
            compile_any(rules[kind]["contains"]) if rules[kind].get("contains") else None,
            rules[kind].get("max_chars", _MAX_BOILERPLATE),
        )
        for kind in KINDS
    }


@cache
def _trailing_credit() -> Pattern:
    return compile_any(load("noise")["credit"]["trailing"])


def _is_boilerplate(rule: LineRule, line: Line) -> bool:
    return rule.matches(line.text)


def drop_separators(draft: Draft) -> Draft:
    """Lines of only dashes, stars, dots…; and such a run glued to the end of a line."""
    for line in draft.lines:
        match = line.text[-1] in _RUN_CHARS and _TRAILING_SEPARATOR.search(line.text)
        if match:
            draft.note_removed("separator", match.group(0), line.no)
            line.text = line.text[: match.start()].rstrip()
    return keep_lines(draft, "separator", _is_separator_line)


def _is_separator_line(line: Line) -> bool:
    return not line.text.strip(_SEPARATOR_CHARS)


def drop_boilerplate(draft: Draft) -> Draft:
    """Lines that are entirely a call to action, an advertisement label or a credit."""
    for kind, rule in _line_rules().items():
        draft = keep_lines(draft, kind, partial(_is_boilerplate, rule))
    trailing = _trailing_credit()
    for line in draft.lines:
        if not line.text.endswith((")", "]")):
            continue
        match = trailing.search(line.text)
        if match and match.start() > 0:
            draft.note_removed("credit", match.group(0), line.no)
            line.text = line.text[: match.start()].rstrip()
    return draft
