"""The dateline that opens a news body ("नई दिल्ली:", "NEW DELHI:", "Lucknow, Jan 3 (PTI) -")."""

from __future__ import annotations

from functools import cache

import regex

from workers.stages.cleanup.draft import Draft
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


def split_dateline(draft: Draft) -> Draft:
    """Move a dateline at the start of the first paragraph into `draft.dateline`.

    Only a known place, an all-capitals place (wire style), or a place followed by a date or an
    agency counts, so a headline-like "Mega PTM in Delhi School:" stays body text.
    """
    if not draft.lines:
        return draft
    first = draft.lines[0]
    match = _DATELINE.match(first.text)
    if match is None:
        return draft
    place = match.group("place").strip(" .")
    known = place.casefold() in _known_places() or bool(_ALL_CAPS.match(place))
    if not known and not match.group("extra").strip():
        return draft
    rest = first.text[match.end() :].strip()
    if not rest:
        return draft
    draft.dateline = place
    draft.note_removed("dateline", first.text[: match.end()], first.no)
    first.text = rest
    return draft
