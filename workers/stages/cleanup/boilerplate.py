"""Whole-line boilerplate: calls to action, advertisements, credits and separator lines."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import partial
from typing import Any

import regex

from workers import data
from workers.stages.cleanup.draft import Draft, Line, keep_lines
from workers.stages.cleanup.rules import Pattern, compile_any
from workers.stages.text.scripts import ARABIC, INDIC_WORD

_SEPARATOR_CHARS = "-–—_=*~•·.#+|/\\<> "
_RUN_CHARS = "-–—_=*~"  # a separator run glued to a line's end is made of these
_TRAILING_SEPARATOR = re.compile(r"(?<=\S)\s*[-–—_=*~]{3,}\s*$")
KINDS = ("call_to_action", "advertisement", "credit")
_INDIC_OR_URDU = re.compile(f"[{ARABIC}{INDIC_WORD}]")
_MAX_BOILERPLATE = 300  # characters: a longer line is an article paragraph whatever it says
# The last sentence of a line, when it names an @handle and does not end as a sentence does: a
# call to follow glued on ("…in key roles.Follow @htshowbiz for more").
_HANDLE_CALL = re.compile(r"(?<=[.?!।])[\"”’?]?\s*([^.?!।]*(?<![\w@])@\w{2,30}[^.?!।]*)$")
_HANDLE_CALL_WORDS = 8


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


@dataclass(frozen=True)
class AddressedCall:
    """A short line that names the reader's side, a platform and an imperative: a call to
    action in any phrasing."""

    us: Pattern
    platform: Pattern
    imperative: Pattern
    max_words: int

    @classmethod
    def of(cls, rule: dict[str, Any]) -> AddressedCall:
        def words_of(key: str) -> Pattern:
            return compile_any(
                [rf"(?<![\w{INDIC_WORD}]){regex.escape(w)}(?![\w{INDIC_WORD}])" for w in rule[key]]
            )

        return cls(
            words_of("us"), words_of("platforms"), words_of("imperatives"), rule["max_words"]
        )

    def matches(self, text: str) -> bool:
        return (
            len(text.split()) <= self.max_words
            and self.platform.search(text) is not None
            and self.us.search(text) is not None
            and self.imperative.search(text) is not None
        )


@dataclass(frozen=True)
class BoilerplateRules:
    """A rule per kind of boilerplate line, calls to action by what they say, and credits glued
    to the end of a paragraph."""

    lines: dict[str, LineRule]
    addressed_call: AddressedCall
    trailing_credit: Pattern

    @classmethod
    def load(cls) -> BoilerplateRules:
        rules = data.toml("cleanup", "noise.toml")
        return cls(
            {
                kind: LineRule(
                    compile_any(rules[kind]["patterns"], whole=True),
                    compile_any(rules[kind]["contains"]) if rules[kind].get("contains") else None,
                    rules[kind].get("max_chars", _MAX_BOILERPLATE),
                )
                for kind in KINDS
            },
            AddressedCall.of(rules["call_to_action"]["addressed"]),
            compile_any(rules["credit"]["trailing"]),
        )


def _is_boilerplate(rule: LineRule, line: Line) -> bool:
    return rule.matches(line.text)


def drop_separators(draft: Draft) -> None:
    """Lines of only dashes, stars, dots…; and such a run glued to the end of a line."""
    for line in draft.lines:
        match = line.text[-1] in _RUN_CHARS and _TRAILING_SEPARATOR.search(line.text)
        if match:
            draft.note_removed("separator", match.group(0), line.no)
            line.text = line.text[: match.start()].rstrip()
    keep_lines(draft, "separator", _is_separator_line)


def _is_separator_line(line: Line) -> bool:
    return not line.text.strip(_SEPARATOR_CHARS)


def drop_boilerplate(draft: Draft, rules: BoilerplateRules) -> None:
    """Lines that are entirely a call to action, an advertisement label or a credit."""
    for kind, rule in rules.lines.items():
        keep_lines(draft, kind, partial(_is_boilerplate, rule))
    keep_lines(draft, "call_to_action", lambda line: rules.addressed_call.matches(line.text))
    trailing = rules.trailing_credit
    for line in draft.lines:
        if "@" in line.text:
            _cut_handle_call(draft, line)
        if not line.text.endswith((")", "]")):
            continue
        match = trailing.search(line.text)
        if match and match.start() > 0:
            draft.note_removed("credit", match.group(0), line.no)
            line.text = line.text[: match.start()].rstrip()
    draft.lines = [line for line in draft.lines if line.text]


def _cut_handle_call(draft: Draft, line: Line) -> None:
    match = _HANDLE_CALL.search(line.text)
    if match and match.start(1) > 0 and len(match.group(1).split()) <= _HANDLE_CALL_WORDS:
        draft.note_removed("call_to_action", match.group(1), line.no)
        line.text = line.text[: match.start(1)].rstrip()
