"""Repeated paragraphs and sentences, exact or near-exact, adjacent or not: the first copy stays.

Near-exact means equal under `match_key` (spaces, NBSP, nukta, case, punctuation folded). Short
lines are never dropped as repeats: in lists and tables equal-looking lines are different items.
"""

from __future__ import annotations

from collections import Counter

import regex

from workers.stages.cleanup.draft import Draft, Line
from workers.stages.text.normalize import match_key
from workers.stages.text.sentences import AFTER_END

_MIN_WORDS = 6  # a repeat shorter than this may be a list item, a table cell or a refrain
_REFRAIN_COPIES = 3
_HEADING_WORDS = 8
_LIST_ITEM = regex.compile(r"^\s*(?:[-*•●▪►]|\d{1,3}[.)]|\(?[a-z]\))\s")


def drop_repeats(draft: Draft) -> None:
    """Drop a line seen before, a line that repeats part of the text before it (a pull quote),
    and sentences seen before."""
    seen_lines: set[str] = set()
    seen_sentences: set[str] = set()
    earlier = ""  # keys of the kept lines, to find a line repeated inside earlier text
    kept: list[Line] = []
    dateline = match_key(draft.dateline) if draft.dateline else None
    split = [AFTER_END.split(line.text) for line in draft.lines]
    all_keys = [[match_key(s) for s in sentences] for sentences in split]
    line_keys = [_line_key(keys, dateline) for keys in all_keys]
    refrains = _refrains(line_keys, [line.text for line in draft.lines])
    for line, sentences, keys, key in zip(draft.lines, split, all_keys, line_keys, strict=True):
        long_enough = (
            key.count(" ") + 1 >= _MIN_WORDS
            and not _LIST_ITEM.match(line.text)
            and key not in refrains
        )
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


def _line_key(keys: list[str], dateline: str | None) -> str:
    """A sentence ends in punctuation, which keys drop: the line's key is its sentences' keys
    joined, and each character is keyed once."""
    key = " ".join(k for k in keys if k)
    if dateline and key.startswith(dateline + " "):
        key = key[len(dateline) + 1 :]  # a later copy of the lede with its dateline
    return key


def _refrains(keys: list[str], texts: list[str]) -> set[str]:
    """Lines that recur as the frame of a repeated structure (an interview's questions, each
    plan's headings in a menu): shaped as a question, a label or a heading (ending in "?" or
    ":", or a few words with no full stop), three copies or more, none next to another, each
    followed by something different. A pasted paragraph, a post scraped three times, a promo
    sentence between paragraphs is none."""
    counts = Counter(keys)
    repeated = {key for key, n in counts.items() if n >= _REFRAIN_COPIES and key}
    if not repeated:  # most articles: no line three times
        return set()
    followers: dict[str, list[str]] = {}
    framed: set[str] = set()
    for n, key in enumerate(keys):
        if key in repeated:
            followers.setdefault(key, []).append(keys[n + 1] if n + 1 < len(keys) else "")
            if _frame_shaped(texts[n]):
                framed.add(key)
    return {
        key
        for key, after in followers.items()
        if key in framed and key not in after and len(set(after)) == len(after)
    }


def _frame_shaped(text: str) -> bool:
    bare = text.rstrip(" \"'”’)")
    return bare.endswith(("?", ":")) or (
        len(bare.split()) <= _HEADING_WORDS and not bare.endswith((".", "।", "!"))
    )


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
