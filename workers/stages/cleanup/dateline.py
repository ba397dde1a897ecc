"""The dateline that opens a news body ("नई दिल्ली:", "NEW DELHI:", "Lucknow, Jan 3 (PTI) -")."""

from __future__ import annotations

from functools import cache

import regex

from workers.stages.cleanup.draft import Draft
from workers.stages.cleanup.rules import load
from workers.stages.gazetteer import place_names

_DATELINE = regex.compile(
    r"^(?P<place>[\p{L}\p{M}.'’]+(?:[ \-][\p{L}\p{M}.'’]+){0,3})"
    r"(?P<extra>(?:\s*\([^()]{1,30}\))?(?:\s*,\s*[^:()\n]{1,30}?)?(?:\s*\([^()]{1,30}\))?)"
    r"\s*(?:[:：]|\s[-–—]{1,2})\s+(?=\S)"
)
_ALL_CAPS = regex.compile(r"^[A-Z][A-Z .'-]{1,40}$")


@cache
def _known_places() -> frozenset[str]:
    return frozenset(name.casefold() for name in place_names())


@cache
def _rules() -> tuple[int, int, frozenset[str]]:
    rules = load("dateline")
    labels = frozenset(label.casefold() for label in rules["not_places"])
    return rules["min_words_after"], rules["max_place_words"], labels


def _likely_place(place: str, rest: str, match: regex.Match[str]) -> bool:
    """An unknown short name before ":" opening a full sentence, not a known label."""
    min_after, max_words, labels = _rules()
    return (
        match.group(0).rstrip().endswith((":", "："))
        and len(place.split()) <= max_words
        and place.casefold() not in labels
        and len(rest.split()) >= min_after
    )


def split_dateline(draft: Draft) -> Draft:
    """Move a dateline at the start of the first paragraph into `draft.dateline`.

    A known place, an all-capitals place (wire style), a place followed by a date or an agency,
    or a one- or two-word name before ":" that opens a sentence (`dateline.toml`) counts; a
    headline-like "Mega PTM in Delhi School:" stays body text.
    """
    if not draft.lines:
        return draft
    first = draft.lines[0]
    match = _DATELINE.match(first.text)
    if match is None:
        return draft
    place = match.group("place").strip(" .")
    rest = first.text[match.end() :].strip()
    known = place.casefold() in _known_places() or bool(_ALL_CAPS.match(place))
    if not known and not match.group("extra").strip() and not _likely_place(place, rest, match):
        return draft
    if not rest:
        return draft
    draft.dateline = place
    draft.note_removed("dateline", first.text[: match.end()], first.no)
    first.text = rest
    return draft
