"""Repeated paragraphs and sentences, exact or near-exact, adjacent or not: the first copy stays.

Near-exact means equal under `match_key` (spaces, NBSP, nukta, case, punctuation folded). Short
lines are never dropped as repeats: in lists and tables equal-looking lines are different items.
"""

from __future__ import annotations

import regex

from workers.stages.cleanup.draft import Draft, Line
from workers.stages.text.normalize import match_key
from workers.stages.text.sentences import AFTER_END

_MIN_WORDS = 6  # a repeat shorter than this may be a list item, a table cell or a refrain
_LIST_ITEM = regex.compile(r"^\s*(?:[-*•●▪►]|\d{1,3}[.)]|\(?[a-z]\))\s")


def drop_repeats(draft: Draft) -> None:
    """Drop a line seen before, a line that repeats part of the text before it (a pull quote),
    and sentences seen before."""
    seen_lines: set[str] = set()
    seen_sentences: set[str] = set()
    earlier = ""  # keys of the kept lines, to find a line repeated inside earlier text
    kept: list[Line] = []
    dateline = match_key(draft.dateline) if draft.dateline else None
    for line in draft.lines:
        sentences = AFTER_END.split(line.text)
        keys = [match_key(s) for s in sentences]
        # A sentence ends in punctuation, which keys drop: the line's key is its sentences' keys
        # joined, and each character is keyed once.
        key = " ".join(k for k in keys if k)
        if dateline and key.startswith(dateline + " "):
            key = key[len(dateline) + 1 :]  # a later copy of the lede with its dateline
        long_enough = key.count(" ") + 1 >= _MIN_WORDS and not _LIST_ITEM.match(line.text)
        if long_enough and (key in seen_lines or f" {key} " in earlier):
            draft.note_removed("duplicate", line.text, line.no)
            continue
        seen_lines.add(key)
        earlier += f" {key} "
        if long_enough:
            line.text = _drop_repeated_sentences(draft, line, sentences, keys, seen_sentences)
            if not line.text:
                continue
        kept.append(line)
    draft.lines = kept


def _drop_repeated_sentences(
    draft: Draft, line: Line, sentences: list[str], keys: list[str], seen: set[str]
) -> str:
    kept = []
    for sentence, key in zip(sentences, keys, strict=True):
        if key.count(" ") + 1 >= _MIN_WORDS and key in seen:
            draft.note_removed("duplicate", sentence, line.no)
            continue
        seen.add(key)
        kept.append(sentence)
    if len(kept) == len(sentences):
        return line.text
    return " ".join(kept).strip()
