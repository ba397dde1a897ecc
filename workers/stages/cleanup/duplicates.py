"""Repeated paragraphs and sentences, exact or near-exact, adjacent or not: the first copy stays.

Near-exact means equal under `match_key` (spaces, NBSP, nukta, case, punctuation folded). Short
lines are never dropped as repeats: in lists and tables equal-looking lines are different items.
"""

from __future__ import annotations

import regex

from workers.stages.cleanup.draft import Draft, Line
from workers.stages.normalize import match_key

_MIN_WORDS = 6  # a repeat shorter than this may be a list item, a table cell or a refrain
_SENTENCE_END = regex.compile(r"(?<=[.?!।॥])\s+")
_LIST_ITEM = regex.compile(r"^\s*(?:[-*•●▪►]|\d{1,3}[.)]|\(?[a-z]\))\s")


def drop_repeats(draft: Draft) -> Draft:
    """Drop a line seen before, a line that repeats part of the text before it (a pull quote),
    and sentences seen before."""
    seen_lines: set[str] = set()
    seen_sentences: set[str] = set()
    earlier = ""  # keys of the kept lines, to find a line repeated inside earlier text
    kept: list[Line] = []
    dateline = match_key(draft.dateline) if draft.dateline else None
    for line in draft.lines:
        key = match_key(line.text)
        if dateline and key.startswith(dateline + " "):
            key = key[len(dateline) + 1 :]  # a later copy of the lede with its dateline
        long_enough = len(key.split()) >= _MIN_WORDS and not _LIST_ITEM.match(line.text)
        if long_enough and (key in seen_lines or f" {key} " in earlier):
            draft.note_removed("duplicate", line.text, line.no)
            continue
        seen_lines.add(key)
        earlier += f" {key} "
        if long_enough:
            line.text = _drop_repeated_sentences(draft, line, seen_sentences)
            if not line.text:
                continue
        kept.append(line)
    draft.lines = kept
    return draft


def _drop_repeated_sentences(draft: Draft, line: Line, seen: set[str]) -> str:
    sentences = _SENTENCE_END.split(line.text)
    kept = []
    for sentence in sentences:
        key = match_key(sentence)
        if len(key.split()) >= _MIN_WORDS and key in seen:
            draft.note_removed("duplicate", sentence, line.no)
            continue
        seen.add(key)
        kept.append(sentence)
    if len(kept) == len(sentences):
        return line.text
    return " ".join(kept).strip()
